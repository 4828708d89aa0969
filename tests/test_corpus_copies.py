"""The same real list however it was copied gives the same tasks: full-width or ASCII punctuation, Windows line
ends, a blank line between every line (a copy from a web page often doubles them), lines indented with spaces or
ideographic spaces, trailing spaces, no-break spaces. A clerk cannot see these differences, so the importer must
not see them either."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from xltools.errors import XlError
from xltools.ingest.importer import read_source

HERE = Path(__file__).resolve().parent
SOURCES = sorted(p for folder in ("corpus", "corpus_heldout", "corpus_heldout2", "corpus_heldout3", "corpus_heldout4", "corpus_heldout5", "corpus_heldout6", "corpus_heldout7", "corpus_heldout8", "corpus_heldout9", "corpus_heldout10", "corpus_heldout11", "corpus_written")
                 for p in (HERE / folder).glob("*.txt"))
_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})


def _lines(text: str, edit) -> str:
    return "\n".join(edit(line) if line.strip() else line for line in text.split("\n"))


COPIES = {
    "全角标点": lambda t: t.translate(_FULL),
    "Windows 换行": lambda t: t.replace("\n", "\r\n"),
    "每行之间空一行": lambda t: "\n\n".join(t.split("\n")),
    "行首空格": lambda t: _lines(t, lambda ln: "  " + ln),
    "行首全角空格": lambda t: _lines(t, lambda ln: "\u3000\u3000" + ln),
    "行尾空格": lambda t: _lines(t, lambda ln: ln + "  "),
    "不换行空格": lambda t: t.replace(" ", "\u00a0"),
}
# (list, copy) pairs still read differently, named here until mended
KNOWN: set[tuple[str, str]] = {
    # a street office's prose plan with a ` | ` schedule, read 0 of 6 right either way (set 11, blind): doubled blank
    # lines change which of the two wrong readings wins
    ("zhenxin2020_street_prose_youqiantou_canyu_pipe_schedule", "每行之间空一行"),
}


def _tasks(path: Path) -> list[tuple]:
    def n(x: str) -> str:
        return re.sub(r"\s", "", unicodedata.normalize("NFKC", x))
    return [(t.number, [n(u) for u in t.lead_units], [n(u) for u in t.units], n(t.content))
            for t in read_source(path).dataset.tasks]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def it_reads_the_same_tasks_however_the_list_was_copied(source, tmp_path):
    try:
        want = _tasks(source)
    except XlError:
        pytest.skip("the importer does not read this list yet (the held-out ratchet counts it)")
    text = source.read_text(encoding="utf-8")
    if re.search(r"<(?:table|html)\b", text, re.IGNORECASE):
        pytest.skip("HTML source: its markup is not copied text (a no-break space inside a tag is no tag)")
    wrong = []
    for name, copy in COPIES.items():
        path = tmp_path / source.name
        path.write_text(copy(text), encoding="utf-8")
        try:
            got = _tasks(path)
        except XlError:
            got = None
        if got != want and (source.stem, name) not in KNOWN:
            wrong.append(name)
    assert not wrong, f"{source.name} reads differently when copied with: {'、'.join(wrong)}"
