"""How tall a spreadsheet row must be for its wrapped texts to print whole, and rows that grow as one types.

Neither LibreOffice (when it converts or prints) nor WPS recomputes a row's height from its wrapped text
when it opens a workbook: a row prints as tall as the height stored in the file, and a text longer than
that is cut at the cell's bottom. So every row holding a wrapped text gets a stored height, measured here
on the generous side: a CJK character counts a full em, any other character half, each paragraph starts a
new line, and a line is 1.4 em (宋体's line in Excel and WPS is about 1.35 em).

A row a unit types into must also grow while they type. Excel, WPS and LibreOffice refit a row's height
when a cell in it is edited, unless the row's height was set by hand (`customHeight`). XlsxWriter marks
every height it stores as set by hand, so `let_rows_grow` clears that mark on the rows given, after the
workbook is written: the stored height is used when the file is opened and printed, and the office
suite refits the row as soon as the unit types into it.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

LINE_EM = 1.4  # one printed line, in ems of the font size
PAD_PT = 4.0  # above and below the text in a cell
MAX_ROW_PT = 409.0  # the tallest row a spreadsheet allows
_COL_PX, _COL_PAD_PX = 7.0, 10.0  # one column-width unit (Calibri 11's digit); the cell's inner margins
_EM_PX_PER_PT = 96 / 72  # a font of n points is n × 96/72 pixels wide per em


def text_lines(text: str, width: float, font_pt: float = 10) -> int:
    """Lines `text` takes wrapped in a column `width` units wide at `font_pt`: CJK characters a full em,
    others half (from the UTF-8 length: 3 bytes for CJK, 1 for ASCII); each paragraph starts a line."""
    per_line = max(1.0, (width * _COL_PX + 5 - _COL_PAD_PX) / (font_pt * _EM_PX_PER_PT / 2))  # half-ems
    return sum(max(1, math.ceil((len(part) + len(part.encode("utf-8"))) / 2 / per_line))
               for part in str(text).split("\n"))


def lines_height(lines: int, font_pt: float = 10) -> float:
    """Points for a row of `lines` printed lines at `font_pt`."""
    return min(MAX_ROW_PT, lines * font_pt * LINE_EM + PAD_PT)


def row_height(cells: Iterable[tuple[str, float]], font_pt: float = 10, min_lines: int = 1) -> float:
    """Points for a row whose wrapped cells are (text, column width) pairs, at least `min_lines` tall."""
    lines = max([min_lines, *(text_lines(text, width, font_pt) for text, width in cells if text)])
    return lines_height(lines, font_pt)


_ROW = re.compile(rb'<row r="(\d+)"[^>]*>')


def let_rows_grow(path: str | Path, sheet_part: str, rows: Iterable[int]) -> None:
    """Clear the set-by-hand mark (customHeight) of the given rows (1-based) in one sheet of the .xlsx at
    `path`, keeping their stored heights, so the office suite refits them when a cell is edited. The
    file is rewritten in place (callers pass the temporary file of an atomic write)."""
    wanted = {str(r).encode() for r in rows}

    def unmark(found: re.Match[bytes]) -> bytes:
        tag = found.group(0)
        return tag.replace(b' customHeight="1"', b"") if found.group(1) in wanted else tag

    path = Path(path)
    with zipfile.ZipFile(path) as src:
        parts = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            out.writestr(info, _ROW.sub(unmark, data) if info.filename == sheet_part else data)
