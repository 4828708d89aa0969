"""PDF with a text layer: the ruled task table of every page, joined into one `Grid` (pdfplumber).

A header repeated at the top of every page stays a row (the table builder skips repeated headers).
A row cut by a page break continues at the top of the next page with an empty 序号 cell: its cells
are joined to the last row of the page before. A PDF with no text at all is a scan: said so, since
importing nothing would be worse.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import XlError
from .grid import Grid


def read_pdf(path: str | Path) -> list[Grid]:
    import pdfplumber

    from ..table import is_header_row

    path = Path(path)
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise XlError(f"PDF 文件无法打开（{type(exc).__name__}）。", file=path.name,
                      hint="文件可能已损坏或加密；请使用原始的 Word/Excel 文件。") from exc
    with pdf:
        texts, rows, numbers, preamble = [], [], [], []
        for page_no, page in enumerate(pdf.pages, start=1):
            text = page.extract_text() or ""
            texts.append(text)
            tables = page.extract_tables()
            if not tables and not rows:
                preamble.extend(ln.strip() for ln in text.split("\n") if ln.strip())
                continue
            for t, table in enumerate(tables):
                if not rows and t == 0:
                    top = page.find_tables()[0].bbox[1] if page.find_tables() else 0
                    above = page.crop((0, 0, page.width, max(top, 1))).extract_text() or ""
                    preamble.extend(ln.strip() for ln in above.split("\n") if ln.strip())
                for i, raw in enumerate(table):
                    cells = [_unwrap(c or "") for c in raw]
                    continues = (i == 0 and rows and page_no > 1 and not cells[0].strip()
                                 and not is_header_row(cells) and len(cells) == len(rows[-1]))
                    if continues:
                        rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
                    else:
                        rows.append(cells)
                        numbers.append(page_no)
        if not any(t.strip() for t in texts):
            raise XlError("这是扫描件，无法识别文字。", file=path.name,
                          hint="请使用原始的 Word/Excel 文件，或先用文字识别（OCR）软件转换后再导入。")
    return [Grid(rows=rows, preamble=preamble, where="PDF 表格", row_numbers=numbers)] if rows else []


_WRAP = re.compile(r"(?<=[A-Za-z0-9])\n(?=[A-Za-z0-9])")


_CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=\S)|(?<=\S) (?=[\u3000-\u9fff\uff00-\uffef])")


def _unwrap(text: str) -> str:
    """A PDF cell's lines are the page's wrapping, not paragraphs: join them (a space between Latin words).

    The spaces a PDF shows between Chinese and digits are glyph spacing, not typed spaces: removed.
    """
    return _CJK_SPACE.sub("", _WRAP.sub(" ", text).replace("\n", ""))


def pdf_text(path: str | Path) -> str:
    """The PDF's text, for lists written as numbered items rather than a table."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)
