"""Reading a LibreOffice rendering back: the table rows per page, the page-number line, normalised text."""

from __future__ import annotations

import re
from pathlib import Path

_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    return _WS.sub("", text or "")


def render_pdf(docx: Path, outdir: Path) -> Path:
    from xltools.infra.office import convert

    return convert(docx, "pdf", outdir)


def pages(pdf_path: Path) -> list[dict]:
    """Per page: 'rows' (table rows as lists of normalised cell texts) and 'text' (all text)."""
    import pdfplumber

    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            rows = [[norm(c) for c in row] for table in page.extract_tables() for row in table]
            out.append({"rows": rows, "text": page.extract_text() or ""})
    return out


def page_number(text: str) -> int | None:
    """The "— N —" page number printed on a page, or None."""
    found = re.findall(r"—\s*(\d+)\s*—", text)
    return int(found[-1]) if found else None


def chars(pdf_path: Path) -> list[list[dict]]:
    """Per page: the printed characters (no blanks) with their boxes, as pdfplumber reads them."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        return [[c for c in page.chars if c["text"].strip()] for page in pdf.pages]


def overlapping(pdf_path: Path, share: float = 0.25) -> list[tuple[int, str, str]]:
    """Pairs of characters drawn over each other: (page, a, b), where the boxes share more than `share`
    of the smaller one's area.

    Text that a cell clips is still in the PDF, drawn under the next row or column, so `pdftotext` finds
    it; only the glyphs' overlap shows the cut.
    """
    found = []
    for n, page in enumerate(chars(pdf_path), start=1):
        boxes = sorted(page, key=lambda c: c["top"])
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                if b["top"] >= a["bottom"]:
                    break
                w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                if w <= 0 or h <= 0:
                    continue
                smaller = min((a["x1"] - a["x0"]) * (a["bottom"] - a["top"]),
                              (b["x1"] - b["x0"]) * (b["bottom"] - b["top"]))
                if smaller > 0 and w * h > share * smaller:
                    found.append((n, a["text"], b["text"]))
    return found


def cells(rendered: list[dict]) -> list[str]:
    """Every table cell's text in page order, and each column's text joined across a page break (a row
    longer than a page continues in the first row of the next page)."""
    out = [c for page in rendered for row in page["rows"] for c in row if c]
    for before, after in zip(rendered, rendered[1:], strict=False):
        if before["rows"] and len(after["rows"]) > 1:
            last, first = before["rows"][-1], after["rows"][1]
            out += [a + b for a, b in zip(last, first, strict=False)]
    return out


def missing_texts(expected: list[str], rendered: list[dict]) -> list[str]:
    """The expected texts (normalised) that no printed cell holds in full (a title above the table,
    outside any cell, may be anywhere in its page's text)."""
    printed = cells(rendered) + [norm(page["text"]) for page in rendered]
    joined = "\n".join(printed)
    return [t for t in expected if norm(t) and norm(t) not in joined]
