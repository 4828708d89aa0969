"""Every real list that imports survives its own attachment: import → official-format .docx → import gives the
same tasks (number, text, lead units, responsible units, category, deadline) and the same columns. A clerk who
publishes the list and later re-imports the published attachment (or a colleague who only has the attachment)
must get the list they started from."""

from __future__ import annotations

from pathlib import Path

import pytest

import xltools
from xltools.errors import XlError

HERE = Path(__file__).resolve().parent
SOURCES = sorted(p for folder in ("corpus", "corpus_heldout", "corpus_heldout2", "corpus_heldout3", "corpus_heldout4", "corpus_heldout5", "corpus_heldout6", "corpus_heldout7", "corpus_heldout8", "corpus_heldout9", "corpus_heldout10", "corpus_heldout11", "corpus_written")
                 for p in (HERE / folder).glob("*") if p.suffix in (".txt", ".docx"))
FIELDS = ("number", "content", "lead_units", "units", "category", "deadline")
# Lists whose own attachment still reads back differently (named, to be mended; a KNOWN case that passes fails).
KNOWN: set[str] = set()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def it_imports_its_own_attachment_back_to_the_same_tasks(source, tmp_path):
    try:
        ds = xltools.import_source(source)
    except XlError:
        pytest.skip("the importer does not read this list yet (the held-out ratchet counts it)")
    back = xltools.import_source(xltools.write_attachment(ds, tmp_path / "附件.docx").path)
    same = (len(back.tasks) == len(ds.tasks) and list(back.columns) == list(ds.columns) and all(
        {f: getattr(after, f) for f in FIELDS} == {f: getattr(before, f) for f in FIELDS}
        for before, after in zip(ds.tasks, back.tasks, strict=True)))
    if source.stem in KNOWN:
        assert not same, f"{source.name} now reads back the same: take it out of KNOWN"
        return
    assert len(back.tasks) == len(ds.tasks)
    for before, after in zip(ds.tasks, back.tasks, strict=True):
        assert {f: getattr(after, f) for f in FIELDS} == {f: getattr(before, f) for f in FIELDS}
    assert list(back.columns) == list(ds.columns)


def it_keeps_control_characters_of_a_copied_text_out_of_the_dataset(tmp_path):
    """A form feed between PDF pages, Word's vertical-tab line break, a stray bell: none may reach the dataset,
    whose texts go into Word and Excel files that cannot hold them."""
    source = HERE / "corpus" / "jianli_inline.txt"
    text = source.read_text(encoding="utf-8")
    ds = xltools.import_text(text.replace("\n", "\x0b", 3).replace("。", "。\x0c", 2) + "\x07")
    texts = [ds.title, *(x for t in ds.tasks for x in (t.content, t.category, *t.lead_units, *t.units))]
    assert not [x for x in texts if any(ord(c) < 32 and c not in "\n\t" for c in x)]
    xltools.write_attachment(ds, tmp_path / "附件.docx")
