"""Spreadsheets (.xlsx/.xlsm/.xls/.ods) through python-calamine, and .csv: one `Grid` per sheet.

Values become text as a clerk sees them: 1.0 → "1", dates → 2026-04-10, newlines kept. A merged
cell has its value in its first cell only, so a vertically merged category reads as "" below it,
which the table builder fills down. Formulas are never evaluated (cached values are read).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
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
        for meta in wb.sheets_metadata:
            if str(getattr(meta, "visible", "Visible")).lower().endswith("visible") is False:
                continue
            sheet = wb.get_sheet_by_name(meta.name)
            rows = [[cell_text(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
            grids.append(Grid(rows=rows, where=f"工作表「{meta.name}」", row_numbers=list(range(1, len(rows) + 1))))
        return grids
    except XlError:
        raise
    except Exception as exc:  # calamine's own error types for damaged or unsupported parts
        raise XlError(f"工作簿无法读取（{type(exc).__name__}: {str(exc)[:80]}）。", file=path.name,
                      hint="文件可能已损坏或已加密；请在 WPS/Excel 中打开、取消密码并另存为 .xlsx 后再试。") from exc


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
