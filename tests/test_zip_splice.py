"""Blocks deflated ahead and spliced into XlsxWriter's zip give the workbook XlsxWriter itself writes.

The reference is the same workbook written with the block inline (a plain XlsxWriter Workbook holding
BulkWorksheets): every part, inflated, must be the same bytes; the zip must test clean; and the fast
splice must be the one that ran (the slow rebuild is tested on its own, on a zip with a comment).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from unittest import mock

import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from test_xlsx_bulk import texts, values

from xltools import xlsx_bulk, zip_splice
from xltools.xlsx_bulk import BulkWorkbook, BulkWorksheet

CREATED = dt.datetime(2026, 4, 1, 9, 30)
blocks = st.lists(st.lists(st.one_of(values, texts), min_size=1, max_size=5), min_size=1, max_size=30)


def _workbook(target, sheets: list[list[list]], spliced: bool) -> None:
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    wb = BulkWorkbook(target, options) if spliced else xlsxwriter.Workbook(target, {**options, "in_memory": True})
    wb.set_properties({"created": CREATED})  # else each carries the second it was closed in (docProps/core.xml)
    wrap = wb.add_format({"text_wrap": True, "border": 1})
    for i, rows in enumerate(sheets):
        ws = wb.add_worksheet(f"表{i}", worksheet_class=BulkWorksheet)
        ws.write_string(0, 0, "表头", wrap)  # XlsxWriter's own cells above and below the block
        last = ws.write_block(1, rows, [wrap] * 5, shared={1})
        ws.write_string(last + 2, 0, "表尾")
        ws.autofilter(0, 0, last, 4)
    wb.add_worksheet("空表")  # a sheet without a block
    wb.close()


def _parts(data: bytes) -> dict[str, bytes]:
    """Every part, inflated; the zip tests clean, and each deflate stream ends as a stream must
    (a final block, nothing after it), which zipfile alone would not notice."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        for info in zf.infolist():
            start = info.header_offset + 30 + int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little") \
                + int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
            inflate = zlib.decompressobj(-15)
            inflate.decompress(data[start:start + info.compress_size])
            assert inflate.eof and not inflate.unused_data, info.filename
        return {info.filename: zf.read(info) for info in zf.infolist()}


def _both(sheets) -> tuple[bytes, bytes]:
    spliced, inline = io.BytesIO(), io.BytesIO()
    with mock.patch.object(xlsx_bulk, "AHEAD_CHARS", 0), \
         mock.patch.object(zip_splice, "_rebuild", side_effect=AssertionError("slow path")):
        _workbook(spliced, sheets, spliced=True)
    _workbook(inline, sheets, spliced=False)
    return spliced.getvalue(), inline.getvalue()


@settings(max_examples=40, deadline=None)
@given(st.lists(blocks, min_size=1, max_size=3))
def it_splices_blocks_into_the_workbook_xlsxwriter_writes(sheets):
    spliced, inline = _both(sheets)
    assert _parts(spliced) == _parts(inline)
    assert list(_parts(spliced)) == list(_parts(inline))  # the parts in the same order


def it_writes_a_file_and_leaves_small_blocks_inline(tmp_path):
    """A block under AHEAD_CHARS is written by XlsxWriter as before; a big one is spliced; to a path."""
    small = [["短", 1]]
    big = [[f"第{i}行", "进展情况" * 20, i] for i in range(2_000)]
    _workbook(tmp_path / "b.xlsx", [small, big], spliced=True)
    _workbook(tmp_path / "r.xlsx", [small, big], spliced=False)
    assert _parts((tmp_path / "b.xlsx").read_bytes()) == _parts((tmp_path / "r.xlsx").read_bytes())


def _unspliced(sheets) -> tuple[bytes, dict]:
    """The zip XlsxWriter writes, with markers where the blocks go, and the pieces for them."""
    seen = {}

    def capture(source, pieces):
        seen.update(source=source, pieces=dict(pieces))
        return source

    with mock.patch.object(xlsx_bulk, "AHEAD_CHARS", 0), mock.patch.object(xlsx_bulk, "splice", capture):
        _workbook(io.BytesIO(), sheets, spliced=True)
    return seen["source"], seen["pieces"]


SHEETS = [[["甲", 1], ["乙 ", None]], [['=HYPERLINK("x")', "_x0041_"]]]


def it_rebuilds_a_zip_of_another_shape_the_slow_way():
    source, pieces = _unspliced(SHEETS)
    commented = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(commented, "w", zipfile.ZIP_DEFLATED) as zout:
        zout.comment = b"a comment moves the end record"
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
    with pytest.raises(zip_splice._OtherShape):
        zip_splice._splice_raw(commented.getvalue(), pieces, [])
    inline = io.BytesIO()
    _workbook(inline, SHEETS, spliced=False)
    assert _parts(zip_splice.splice(commented.getvalue(), pieces)) == _parts(inline.getvalue())


def it_refuses_a_marker_without_its_piece_or_a_piece_left_over():
    source, pieces = _unspliced(SHEETS)
    with pytest.raises(ValueError, match="marker"):
        zip_splice.splice(source, {0: pieces[0]})  # the second block's piece is missing
    with pytest.raises(ValueError, match="placed"):
        zip_splice.splice(source, {**pieces, 7: zip_splice.Deflating("x")})  # a piece that goes nowhere


def it_raises_a_deflate_failure_where_the_piece_is_needed():
    with mock.patch.object(zip_splice.zlib, "compressobj", side_effect=MemoryError("zlib")):
        piece = zip_splice.Deflating("x" * 10)
    with pytest.raises(MemoryError, match="zlib"):
        piece.result()


def it_warns_on_a_second_close_and_keeps_the_file(tmp_path):
    _workbook(tmp_path / "b.xlsx", [[["甲"]]], spliced=True)
    before = (tmp_path / "b.xlsx").read_bytes()
    wb = BulkWorkbook(tmp_path / "c.xlsx")
    wb.add_worksheet("表").write_block(0, [["乙"]], [None])
    wb.close()
    with pytest.warns(UserWarning):
        wb.close()
    assert _parts((tmp_path / "c.xlsx").read_bytes())
    assert (tmp_path / "b.xlsx").read_bytes() == before
