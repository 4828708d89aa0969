"""PDF with a text layer: the ruled task table of every page, joined into one `Grid` (pdfplumber).

A header repeated at the top of every page is kept once.
A row cut by a page break continues at the top of the next page (below the repeated header) with an
empty 序号 cell: its cells are joined to the last row of the page before, the text run on without a
break (the page cut it mid-sentence, mid-name). A PDF with no text at all is a scan: said so, since
importing nothing would be worse.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...dataset.units import level_prefix, looks_like_unit
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
        ended_before: list[bool] = []  # whether each cell of the last row read ended a paragraph
        for page_no, page in enumerate(pdf.pages, start=1):
            text = page.extract_text() or ""
            texts.append(text)
            found = page.find_tables()
            read = [_table_cells(page, table) for table in found]
            tables = [cells for cells, _ends in read]
            if not tables and not rows:
                preamble.extend(ln.strip() for ln in text.split("\n") if ln.strip())
                continue
            for t, table in enumerate(tables):
                if not rows and t == 0:
                    top = found[0].bbox[1]
                    above = page.crop((0, 0, page.width, max(top, 1))).extract_text() or ""
                    preamble.extend(ln.strip() for ln in above.split("\n") if ln.strip())
                first = True  # the first row of the page's table below its repeated header
                for cells in table:
                    if is_header_row(cells):
                        if not any(is_header_row(r) for r in rows[:3]):
                            rows.append(cells)  # the header once; its repeats at page tops are dropped
                            numbers.append(page_no)
                        continue
                    continues = (first and t == 0 and rows and page_no > 1 and not cells[0].strip()
                                 and len(cells) == len(rows[-1]) and not is_header_row(rows[-1]))
                    first = False
                    if continues:
                        rows[-1] = [_join_split(a, b, ended) for a, b, ended in
                                    zip(rows[-1], cells, ended_before + [False] * len(cells), strict=False)]
                    else:
                        rows.append(cells)
                        numbers.append(page_no)
                if read[t][0]:
                    ended_before = read[t][1]
        if not any(t.strip() for t in texts):
            raise XlError("这是扫描件，无法识别文字。", file=path.name,
                          hint="请使用原始的 Word/Excel 文件，或先用文字识别（OCR）软件转换后再导入。")
    return [Grid(rows=rows, preamble=preamble, where="PDF 表格", row_numbers=numbers)] if rows else []


def _table_cells(page, table) -> tuple[list[list[str]], list[bool]]:
    """The table's rows as cell texts; a cell's lines are the page's wrapping unless a line stops short of
    the cell's right edge (by more than one character), which ends a paragraph (one unit per line).
    Also, for the last row, whether each cell's last line ends a paragraph (the row may go on overleaf)."""
    out = []
    data = table.extract()
    for r, raw in enumerate(data):
        boxes = table.rows[r].cells if r < len(table.rows) else []
        out.append([_cell_paragraphs(page, boxes[c] if c < len(boxes) else None, text or "")
                    for c, text in enumerate(raw)])
    last_ends = []
    if table.rows and data:
        for box in table.rows[-1].cells:
            lines = _lines(page, box)
            last_ends.append(bool(lines) and _ends_short(lines[-1], box, lines))
    return out, last_ends


def _lines(page, box) -> list[dict]:
    if box is None:
        return []
    try:
        return page.crop(box).extract_text_lines()
    except ValueError:  # a box outside the page
        return []


def _ends_short(line: dict, box, lines: list[dict]) -> bool:
    pad = min(ln["x0"] for ln in lines) - box[0]
    size = line["chars"][0]["size"] if line.get("chars") else 10
    return box[2] - line["x1"] >= pad + 0.9 * size


def _cell_paragraphs(page, box, text: str) -> str:
    if "\n" not in text or box is None:
        return _unwrap(text)
    lines = _lines(page, box)
    if len(lines) < 2 or max(ln["x0"] for ln in lines) - min(ln["x0"] for ln in lines) > 1.5:
        return _unwrap(text)  # centred or indented lines: no reliable right edge
    ends = [_ends_short(ln, box, lines) for ln in lines]
    units_by_line = not _LIST_MARK.search(text)
    paragraphs, current = [], ""
    for i, line in enumerate(lines):
        current += line["text"]
        if not ends[i] and units_by_line and i + 1 < len(lines):
            # a line filled to the edge may still end a name when the cell lists one unit per line:
            # what is read so far is a unit and the next part is another, starting like one
            rest = ""
            for j in range(i + 1, len(lines)):
                rest += lines[j]["text"]
                if ends[j]:
                    break
            ends[i] = (looks_like_unit(current) and looks_like_unit(rest)
                       and (rest[0] == current[0] or level_prefix(rest) != "" or rest.startswith("各")))
        if ends[i]:
            paragraphs.append(_unwrap(current))
            current = ""
    if current:
        paragraphs.append(_unwrap(current))
    return "\n".join(paragraphs)


_LIST_MARK = re.compile(r"[、，,；;。]")


def _join_split(before: str, after: str, ended: bool = False) -> str:
    """A cell cut by the page: the two parts run on (a Latin word boundary keeps its space), or go on a new
    line when the part before ended its paragraph (one unit per line)."""
    if ended and before and after:
        return before + "\n" + after
    if before and after and before[-1].isascii() and before[-1].isalnum() and after[0].isascii() and after[0].isalnum():
        return before + " " + after
    return before + after


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
