"""Every real key written out as a 分工方案 and published as offices publish one: a Word document of paragraphs (no
table) and that document printed to PDF — the attachment most notices carry. The text is tests/test_corpus_typed.py's
written form (`_items`: headings per category, numbered items, the units in a clause after each text — form
"clause" — or on 牵头单位：/责任单位： lines under it — form "kv"), laid out as an office lays it out, varying by key:
- the body in 仿宋 三号 with a first-line indent of two characters, the title centred in a larger size;
- or flush left with no indent, justified, as many offices type it;
- or indented and justified with the items numbered by Word's automatic numbering (the number is not in the text,
  Word draws it), where the key numbers its items 1, 2, 3 … straight through.
The PDF (`pdfp`) is the hard one: a printed paragraph is wrapped at the page's edge and the importer must put its
lines back together — a wrap may fall after 。, before a closing quote kept with its word (「…“无忧」 ⏎ 「办”…」), inside
a clause (「（责任单位：X；」 ⏎ 「完成时限：…）」) — and a paragraph going on over a page break is one. Every form must
import back to the key; forms that cannot are named with the text forms' reasons (KNOWN, KNOWN_FORM of
tests/test_corpus_typed.py: the same words, the same reasons). All the keys' documents are printed in one
LibreOffice call."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from test_corpus_typed import KEYS, KNOWN, KNOWN_FORM, _items, _read_back, _tasks, _wanted, print_all

import xltools
from xltools.infra.office import soffice_path

_HEADING = re.compile(r"^(第[一二三四五六七八九十百]+部分|[一二三四五六七八九十]+、)")
_LAYOUTS = ("indented", "flush", "autonumber")


# (case, form) of this module's own that do not come back whole, and why (besides the text forms' KNOWN, KNOWN_FORM)
KNOWN_DOCS = {
    # set 32: the key's text keeps the source's page number 「-1-」 mid-sentence as published: printed to PDF, the
    # reader drops it as the page's number
    ("zhangqiu2011_35331_civilized_city_letter_reversed_peihe_page_marker", "pdfp"),
}


def _name(path: Path) -> str:
    return path.name.removesuffix(".truth.json")


def _written(key: dict, name: str) -> tuple[str, str] | None:
    """(text form, the `_items` text) for a key: clause or kv by key; None when the key cannot be written out."""
    form = ("clause", "kv")[sum(map(ord, name)) % 2]
    text = _items(key, form)
    return (form, text) if text is not None else None


def _layout(name: str) -> str:
    return _LAYOUTS[sum(map(ord, name)) // 2 % 3]


def _document(key: dict, name: str, path: Path) -> Path | None:
    """The key's 分工方案 as a Word document of paragraphs in the key's layout (see the module's docstring)."""
    written = _written(key, name)
    if written is None:
        return None
    layout = _layout(name)
    numbers = [t.get("number") or "" for t in key["tasks"]]
    automatic = layout == "autonumber" and numbers == [str(k) for k in range(1, len(numbers) + 1)]
    doc = Document()
    body = doc.styles["Normal"]
    body.font.name, body.font.size = "仿宋_GB2312", Pt(16)
    body.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    count = 0
    for i, line in enumerate(written[1].rstrip("\n").split("\n")):
        style = None
        if automatic and i > 1 and line.startswith(f"{count + 1}.") and not _HEADING.match(line):
            count += 1
            line, style = line[len(f"{count}."):], "List Number"
        paragraph = doc.add_paragraph(style=style)
        run = paragraph.add_run(line)
        if i == 1:  # the title
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.font.size, run.bold = Pt(22), True
            continue
        if _HEADING.match(line):
            run.bold = True
        if i > 1 and layout != "flush" and style is None:
            paragraph.paragraph_format.first_line_indent = Pt(32)
        if layout != "indented":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.save(path)
    return path


def _cases() -> list:
    out = []
    for path in KEYS:
        key = json.loads(path.read_text(encoding="utf-8"))
        if key["tasks"] and _written(key, _name(path)) is not None:
            out += [pytest.param(path, "docxp", id=f"{_name(path)}-docxp"),
                    pytest.param(path, "pdfp", id=f"{_name(path)}-pdfp", marks=[pytest.mark.office])]
    return out


@pytest.fixture(scope="session")
def printed_paragraphs(tmp_path_factory) -> Path:
    """Every key's document printed to PDF (`NAME.pdf`): one LibreOffice call for all."""
    exe = soffice_path()
    if exe is None:
        pytest.skip("LibreOffice is not installed: the PDF form needs it")
    folder = tmp_path_factory.mktemp("paragraphs")
    sources = []
    for path in KEYS:
        key = json.loads(path.read_text(encoding="utf-8"))
        if key["tasks"] and _document(key, _name(path), folder / f"{_name(path)}.docx") is not None:
            sources.append(str(folder / f"{_name(path)}.docx"))
    return print_all(exe, sources, folder)


@pytest.mark.parametrize(("key_path", "form"), _cases())
def it_reads_every_real_key_published_as_a_document_of_paragraphs(key_path, form, tmp_path, request):
    name = _name(key_path)
    key = json.loads(key_path.read_text(encoding="utf-8"))
    if form == "pdfp":
        path = request.getfixturevalue("printed_paragraphs") / f"{name}.pdf"
        assert path.exists(), f"LibreOffice did not print {name}"
    else:
        path = _document(key, name, tmp_path / "附件.docx")
    written = _written(key, name)[0]
    want, got = _wanted(key), _read_back(path)
    if written == "clause":  # 「…左右（X牵头）。」: the stop after the clause is the sentence's, not the text's
        want, got = ([(n, c.rstrip("。"), *rest) for n, c, *rest in tasks] for tasks in (want, got))
    if name in KNOWN or (name, written) in KNOWN_FORM or (name, form) in KNOWN_DOCS:
        assert got != want, f"{name} now comes back whole: take it out of KNOWN"
    else:
        assert got == want


# How many keys come back from their document of paragraphs printed to PDF, then selected all and copied out of a
# PDF viewer (form `pdfcopy`): a floor that only rises.
PDFCOPY_FLOOR = 123  # of 156 keys not named in KNOWN / KNOWN_FORM (72 before copied lines were unwrapped)


@pytest.mark.office
def it_reads_keys_copied_out_of_their_printed_paragraphs_at_least_as_often_as_before(printed_paragraphs):
    """The PDF of paragraphs copied out of a PDF viewer (pdfplumber's text of each page, as Adobe Reader, WPS and
    Foxit copy it: a line per printed line, no indent, spaces around digits) and pasted: the importer must find the
    wrap and join each paragraph's lines again. A copy keeps no trace of an indent, so a paragraph whose last line
    happens to fill the width cannot always be told from one that goes on: scored as a count, not key by key."""
    back, tried = [], 0
    for path in KEYS:
        key, name = json.loads(path.read_text(encoding="utf-8")), _name(path)
        pdf = printed_paragraphs / f"{name}.pdf"
        written = _written(key, name) if key["tasks"] else None
        if written is None or not pdf.exists() or name in KNOWN or (name, written[0]) in KNOWN_FORM:
            continue
        tried += 1
        with pdfplumber.open(pdf) as document:
            text = "\n".join(page.extract_text() or "" for page in document.pages)
        want = _wanted(key)
        try:
            got = _tasks([{"number": t.number, "content": t.content, "category": t.category, "lead_units": t.lead_units,
                           "units": t.units, "deadline": t.deadline} for t in xltools.import_text(text).tasks])
        except xltools.XlError:
            got = []
        if written[0] == "clause":
            want, got = ([(n, c.rstrip("。"), *rest) for n, c, *rest in tasks] for tasks in (want, got))
        if got == want:
            back.append(name)
    assert len(back) >= PDFCOPY_FLOOR, f"{len(back)} of {tried} keys come back copied out of their PDF"
    print(f"pdfcopy: {len(back)} of {tried}")
