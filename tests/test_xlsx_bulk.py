"""The bulk rows of a consolidated sheet read back exactly as XlsxWriter's own cells would.

The reference is XlsxWriter itself: the same values written cell by cell with write_string /
write_number into a plain worksheet. Both files are read with calamine (what xltools reads with) and
openpyxl (a second, independent reader), and must give the same values, types and formats.
"""

from __future__ import annotations

import math

import openpyxl
import pytest
import xlsxwriter
from hypothesis import example, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from xltools.cycle.xlsx_bulk import BulkWorksheet

_TRICKY = ["=HYPERLINK(\"http://evil.example\",\"点我\")", "_x0041_", "a\x01b", " 前导空格", "尾随空格 ", "a&<>\"'b",
           "x\ty\r\nz", "+86 138", "-", "@SUM(A1)", "", "\x1f", "_x005F_", "任务\u3000", "\uffff"]
texts = st.one_of(st.sampled_from(_TRICKY), st.text(max_size=40),
                  st.text(alphabet="进展情况完成推进滞后 _x0123456789ABCDEF&<>\t\n\r\x02", max_size=30))
numbers = st.one_of(st.integers(-10**9, 10**9), st.floats(allow_nan=False, allow_infinity=False, width=64))
values = st.one_of(texts, numbers, st.none())


def _write(path, rows, bulk: bool, shared=(), heights=()) -> None:
    wb = xlsxwriter.Workbook(str(path), {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                         "strings_to_numbers": False})
    wrap = wb.add_format({"text_wrap": True, "border": 1})
    centre = wb.add_format({"align": "center", "num_format": "0.0%"})
    formats = [wrap if c % 2 == 0 else centre for c in range(max((len(r) for r in rows), default=0))]
    ws = wb.add_worksheet("表", worksheet_class=BulkWorksheet if bulk else None)
    ws.write_string(0, 0, "表头", wrap)  # cells XlsxWriter writes above and below the block
    ws.write_string(1, 1, "第二行")
    top = 2
    if bulk:
        last = ws.write_block(top, rows, formats, shared, heights)
    else:
        width = max(len(row) for row in rows)
        for r, row in enumerate(rows, start=top):
            for c, v in enumerate([*row, *[""] * (width - len(row))]):  # a short row padded with blanks
                if isinstance(v, int | float):
                    ws.write_number(r, c, v, formats[c])
                elif v:
                    ws.write_string(r, c, v, formats[c])
                else:  # an empty text is a blank cell (XlsxWriter would store an empty string)
                    ws.write_blank(r, c, None, formats[c])
        for r, height in enumerate(heights, start=top):
            if height:
                ws.set_row(r, height)
        last = top + len(rows) - 1
    ws.write_string(last + 2, 0, "表尾")
    ws.write_number(last + 3, 2, 42)
    wb.close()


def _calamine(path):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("表").to_python()


def _openpyxl(path):
    """What openpyxl sees. It decodes _xHHHH_ escapes in shared strings (too eagerly) but not in inline
    ones, where Excel, LibreOffice and calamine decode both alike; so a text with "_" in it is compared
    by calamine and LibreOffice alone."""
    ws = openpyxl.load_workbook(path)["表"]
    heights = [ws.row_dimensions[r].height for r in range(1, ws.max_row + 1)]
    return ws.dimensions, heights, [[(None if "_" in str(c.value) else c.value, c.data_type, c.number_format,
                                      c.alignment.horizontal, c.border.left.style) for c in row]
                                     for row in ws.iter_rows()]


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.lists(st.lists(values, min_size=1, max_size=6), min_size=1, max_size=8),
                 st.lists(st.lists(texts, min_size=1, max_size=6), min_size=1, max_size=8)),  # all-text columns
       st.sets(st.integers(0, 5), max_size=3),
       st.lists(st.one_of(st.none(), st.sampled_from([20.25, 31.5, 408.75])), max_size=8))  # whole pixels, as set_row rounds
@example([["推进中", " 前导空格", "无"], ["尾随空格 ", "", "有"], ["已完成"]], {0}, [])  # plain texts, a short row
def it_reads_back_as_xlsxwriter_own_cells(tmp_path_factory, rows, shared, heights):
    """Inline or shared (the `shared` columns), every cell reads back as XlsxWriter's own; a row
    height as set_row's. Columns of texts only (written in one go) and mixed ones alike."""
    tmp = tmp_path_factory.mktemp("bulk")
    heights = heights[: len(rows)]
    _write(tmp / "bulk.xlsx", rows, bulk=True, shared=shared, heights=heights)
    _write(tmp / "ref.xlsx", rows, bulk=False, heights=heights)
    assert _calamine(tmp / "bulk.xlsx") == _calamine(tmp / "ref.xlsx")
    assert _openpyxl(tmp / "bulk.xlsx") == _openpyxl(tmp / "ref.xlsx")


def it_keeps_formula_text_and_control_characters_as_typed(tmp_path):
    rows = [["=HYPERLINK(\"http://evil.example\")", "a\x01b", "_x0041_", 3, 0.25]]
    _write(tmp_path / "b.xlsx", rows, bulk=True)
    got = _calamine(tmp_path / "b.xlsx")[2][:5]
    assert got == ["=HYPERLINK(\"http://evil.example\")", "a\x01b", "_x0041_", 3.0, 0.25]
    ws = openpyxl.load_workbook(tmp_path / "b.xlsx")["表"]
    assert ws["A3"].data_type == "s" and ws["D3"].data_type == "n"


def it_cuts_a_text_at_excels_limit(tmp_path):
    _write(tmp_path / "b.xlsx", [["长" * 40_000]], bulk=True)
    assert len(_calamine(tmp_path / "b.xlsx")[2][0]) == 32_767


def it_refuses_a_second_block_or_rows_outside_the_sheet(tmp_path):
    wb = xlsxwriter.Workbook(str(tmp_path / "b.xlsx"), {"in_memory": True})
    ws = wb.add_worksheet("表", worksheet_class=BulkWorksheet)
    ws.write_block(0, [["a"]], [None])
    with pytest.raises(ValueError):
        ws.write_block(5, [["b"]], [None])
    other = wb.add_worksheet("二", worksheet_class=BulkWorksheet)
    with pytest.raises(ValueError):
        other.write_block(1_048_576, [["c"]], [None])
    assert other.dim_rowmax is None  # nothing half-recorded
    wb.close()


def it_writes_a_non_finite_number_as_text(tmp_path):
    _write(tmp_path / "b.xlsx", [[math.inf, math.nan]], bulk=True)
    assert _calamine(tmp_path / "b.xlsx")[2][:2] == ["inf", "nan"]


@pytest.mark.office
def it_is_read_by_libreoffice_as_xlsxwriter_own_cells(tmp_path):
    from xltools.infra.office import convert

    rows = [[t for t in _TRICKY if t], [1, 2.5, None, "末尾"], [t for t in _TRICKY if t]]
    _write(tmp_path / "bulk.xlsx", rows, bulk=True, shared=(0, 2, 4))
    _write(tmp_path / "ref.xlsx", rows, bulk=False)
    utf8 = "csv:Text - txt - csv (StarCalc):44,34,76"
    got = [convert(tmp_path / f"{n}.xlsx", utf8, tmp_path / n).read_bytes() for n in ("bulk", "ref")]
    assert got[0] == got[1] and "点我".encode() in got[0]


def it_relies_only_on_the_xlsxwriter_members_it_names():
    """The private XlsxWriter members the block writer overrides or calls are still there, with the
    signatures it expects; a new XlsxWriter that changes them fails here, not in a clerk's merge."""
    import inspect

    from xlsxwriter.worksheet import Worksheet

    assert list(inspect.signature(Worksheet._write_rows).parameters) == ["self"]
    assert list(inspect.signature(Worksheet._calculate_spans).parameters) == ["self"]
    assert list(inspect.signature(Worksheet._check_dimensions).parameters)[:3] == ["self", "row", "col"]
    ws = Worksheet()
    for name in ("_escape_data", "_escape_control_characters", "fh", "dim_rowmin", "dim_rowmax", "row_spans"):
        assert hasattr(ws, name) or name in ("fh", "row_spans"), name
    assert ws._escape_data("a&<>b") == "a&amp;&lt;&gt;b"
