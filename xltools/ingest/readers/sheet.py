"""Spreadsheets (.xlsx/.xlsm/.xls/.ods) through python-calamine, and .csv: one `Grid` per sheet.

Values become text as a clerk sees them: 1.0 → "1", dates → 2026-04-10, newlines kept. A merged
cell has its value in its first cell only; a vertically merged cell is repeated in the rows below it
that have a number of their own and left "" in a row whose number is merged too (`merged`; the ranges
from calamine, or from an .ods's content.xml, for which calamine gives none). Hidden sheets are skipped;
a sheet named like a section heading (一、…) gives that heading to its rows. Formulas are never evaluated
(cached values are read).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from ...errors import XlError
from .grid import Grid


def cell_text(value) -> str:
    if type(value) is str:  # nearly every cell: skip the checks below
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


def read_workbook(path: str | Path) -> list[Grid]:
    from python_calamine import CalamineWorkbook

    path = Path(path)
    try:
        wb = CalamineWorkbook.from_path(str(path))
        grids = []
        ods_ranges: dict[str, list] | None = None
        for meta in wb.sheets_metadata:
            if str(getattr(meta, "visible", "Visible")).lower().endswith("visible") is False:
                continue
            sheet = wb.get_sheet_by_name(meta.name)
            rows = [[cell_text(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
            ranges = sheet.merged_cell_ranges
            if ranges is None:  # an OpenDocument sheet: calamine does not give its merged cells
                ods_ranges = _ods_merged_ranges(path) if ods_ranges is None else ods_ranges
                ranges = ods_ranges.get(meta.name)
            notes: list[str] = []
            continued: set[int] = set()
            if ranges:
                rows = _shared(rows, ranges, notes, continued)
            # a workbook with one sheet per section names each sheet by its heading (一、营商环境): the heading
            # of the sheet's rows, as the line above a Word table is
            above = [meta.name] if _SECTION_NAME.match(meta.name) else []
            grids.append(Grid(rows=rows, preamble=above, where=f"工作表「{meta.name}」",
                              row_numbers=list(range(1, len(rows) + 1)), notes=notes, continued=continued))
        return grids
    except XlError:
        raise
    except Exception as exc:  # calamine's own error types for damaged or unsupported parts
        raise XlError(f"工作簿无法读取（{type(exc).__name__}: {str(exc)[:80]}）。", file=path.name,
                      hint="文件可能已损坏或已加密；请在 WPS/Excel 中打开、取消密码并另存为 .xlsx 后再试。") from exc


_SECTION_NAME = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])\s*\S")


def _shared(rows: list[list[str]], ranges, notes: list[str], continued: set[int]) -> list[list[str]]:
    """The rows with each vertically merged cell repeated or left "" as `merged.shared_merged` decides (one
    unit cell over two tasks repeats; a task over two rows, its number merged too, does not); a note for
    --explain added to `notes` when a cell was repeated, the rows whose number is merged from above to
    `continued`."""
    from .merged import repeated_note, shared_merged

    below: set[tuple[int, int]] = set()
    for (r0, c0), (r1, _c1) in ranges:
        below.update((r, c0) for r in range(r0 + 1, r1 + 1))
    if not below:
        return rows
    cells = [[(text, (r, c) in below) for c, text in enumerate(row)] for r, row in enumerate(rows)]
    repeated: list[tuple[int, int]] = []
    out = shared_merged(cells, repeated, continued)
    if repeated:
        r, c = repeated[0]
        notes.append(repeated_note(len(repeated), f"第 {r + 1} 行第 {c + 1} 列"))
    return out


_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_merged_ranges(path: Path) -> dict[str, list]:
    """Merged ranges ((row, col), (last row, last col)) of every sheet of an .ods, by sheet name: calamine
    gives none for OpenDocument, so they are read from content.xml (table:number-rows-spanned)."""
    import zipfile

    from lxml import etree

    t = _T
    out: dict[str, list] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            root = etree.fromstring(zf.read("content.xml"),
                                    etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError):
        return out
    for table in root.iter(f"{t}table"):
        ranges = out.setdefault(table.get(f"{t}name", ""), [])
        r = 0
        for row in table.iter(f"{t}table-row"):
            repeat = int(row.get(f"{t}number-rows-repeated", "1"))
            c = 0
            for cell in row:
                if cell.tag not in (f"{t}table-cell", f"{t}covered-table-cell"):
                    continue
                span = int(cell.get(f"{t}number-rows-spanned", "1"))
                if span > 1:
                    wide = int(cell.get(f"{t}number-columns-spanned", "1"))
                    ranges.append(((r, c), (r + span - 1, c + wide - 1)))
                c += int(cell.get(f"{t}number-columns-repeated", "1"))
            r += min(repeat, 1_000_000)
    return out


def read_csv(path: str | Path) -> list[Grid]:
    from .text import decode_text

    path = Path(path)
    text = decode_text(path.read_bytes())
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t，")
    except csv.Error:
        dialect = csv.excel
    rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    return [Grid(rows=rows, where="CSV", row_numbers=list(range(1, len(rows) + 1)))]
