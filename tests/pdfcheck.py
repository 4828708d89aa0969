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
