"""A block of table rows written straight into an XlsxWriter sheet's XML, for the big sheets.

XlsxWriter keeps every cell as an object and writes it out one element at a time; for the 明细 and
季度对比 sheets of a consolidated workbook (tens of thousands of cells) that is most of the merge's
writing time. `BulkWorksheet.write_block` takes the rows as plain values and, when the workbook is
closed, writes them as one string of `<row>` elements between the cells XlsxWriter wrote above and
below the block. Everything else about the sheet (formats, column widths, filters, conditional
formats, print setup, charts) stays XlsxWriter's. It pays for itself: the merge's whole process is
about 1.5 × slower when the 明细 rows go through XlsxWriter's own write_* calls.

Texts are written as inline strings (`t="inlineStr"`, as XlsxWriter's own constant_memory mode
does, with its own escaping: control characters as `_xHHHH_`, a literal `_xHHHH_` escaped itself), so a
text is never a formula: "=HYPERLINK(...)" stays the text it was.

It overrides two private methods of XlsxWriter's Worksheet (`_write_rows`, `_calculate_spans`) and uses its
escaping (`_escape_data`, `_escape_control_characters`), its shared string table and `_check_dimensions`; a test
checks each is still there with the expected signature, pyproject pins the major version,
and tests read the result back with calamine, openpyxl and LibreOffice against XlsxWriter's own cells.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Collection, Sequence

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

_SPECIAL = re.compile(r"[&<>_\x00-\x08\x0b-\x1f\ufffe\uffff]")  # one of these → XlsxWriter's own escapes

_PRESERVE = ' xml:space="preserve"'
MAX_CHARS = 32_767  # Excel's limit on one cell's text (what XlsxWriter's write_string enforces too)
Value = str | int | float


class BulkWorksheet(Worksheet):
    """An XlsxWriter worksheet that can hold one block of rows written as XML in one go."""

    def __init__(self) -> None:
        super().__init__()
        self._block: tuple[int, int, str] | None = None  # first row, last row, their XML (or its marker)

    def write_block(self, first_row: int, rows: Sequence[Sequence[Value]], formats: Sequence[object],
                    shared: Collection[int] = (), heights: Sequence[float | None] = ()) -> int:
        """Write `rows` from `first_row` (0-based) down; returns the last row written.

        Texts become inline strings, finite numbers numbers, an empty text or None a blank cell, and
        so does the missing end of a short row; `formats[c]` is column c's XlsxWriter Format (or None;
        a blank cell without one is left out). XlsxWriter's own write_* must not be used on the
        block's rows. One block per sheet. Texts in the `shared` columns, which repeat by
        construction (a task's text on each of its units' rows), go once into the workbook's shared
        string table, as XlsxWriter's own cells do; the rest are inline. `heights[i]` (points) fixes
        row i's height, as set_row does; None or no entry leaves the default.
        """
        if self._block is not None:
            raise ValueError("one block per sheet")
        if not rows:
            return first_row - 1
        width = max(len(r) for r in rows)
        last = first_row + len(rows) - 1
        if self._check_dimensions(last, width - 1) or self._check_dimensions(first_row, 0):
            raise ValueError(f"rows {first_row}–{last} × {width} columns are outside the sheet")
        numbers = list(map(str, range(first_row + 1, last + 2)))  # each row's number, as text once
        # the format indices are taken now, so styles.xml (written before the sheets) has every one
        styles = [f' s="{f._get_xf_index()}"' if f is not None else "" for f in formats] + [""] * width
        columns = [self._column(xl_col_to_name(c), styles[c], c in shared, column, numbers)
                   for c, column in enumerate(itertools.zip_longest(*rows, fillvalue=""))]
        heights = list(heights) + [None] * (len(rows) - len(heights))
        opens = [f'<row r="{r}" ht="{h:g}" customHeight="1">' if h else f'<row r="{r}">'
                 for r, h in zip(numbers, heights, strict=False)]
        xml = "".join(itertools.chain.from_iterable(zip(opens, *columns, itertools.repeat("</row>"))))
        self._block = (first_row, last, xml)
        return last

    def _column(self, name: str, style: str, shared: bool, values: Sequence[Value], numbers: list[str]) -> list[str]:
        """The XML of one column's cells, row by row ("" where a blank cell has no format)."""
        if set(map(type, values)) != {str} or max(map(len, values)) > MAX_CHARS or (
                not shared and _SPECIAL.search("\n".join(values))):  # "\n" itself needs no escape
            return [self._cell(name, style, shared, v, r) for v, r in zip(values, numbers, strict=True)]
        # plain texts, in one go; a blank cell is written only when it has a format
        if shared:
            index = self.str_table._get_shared_string_index
            return [f'<c r="{name}{r}"{style} t="s"><v>{index(v)}</v></c>' if v else
                    f'<c r="{name}{r}"{style}/>' if style else "" for v, r in zip(values, numbers, strict=True)]
        # strip() gives back the same object when there is no space at either end
        return [f'<c r="{name}{r}"{style} t="inlineStr"><is><t{_PRESERVE if v.strip() is not v else ""}>{v}</t></is></c>'
                if v else f'<c r="{name}{r}"{style}/>' if style else "" for v, r in zip(values, numbers, strict=True)]

    def _cell(self, name: str, style: str, shared: bool, value: Value | None, r: str) -> str:
        """One cell's XML, whatever its value."""
        if type(value) is not str:
            if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
                return f'<c r="{name}{r}"{style}><v>{value:.16G}</v></c>'
            value = "" if value is None else str(value)  # inf and nan too: a cell can't hold them
        if not value:
            return f'<c r="{name}{r}"{style}/>' if style else ""
        value = value[:MAX_CHARS]
        if shared:
            return f'<c r="{name}{r}"{style} t="s"><v>{self.str_table._get_shared_string_index(value)}</v></c>'
        space = _PRESERVE if value.strip() is not value else ""
        if _SPECIAL.search(value):  # as XlsxWriter escapes its inline strings
            value = self._escape_data(self._escape_control_characters(value))
        return f'<c r="{name}{r}"{style} t="inlineStr"><is><t{space}>{value}</t></is></c>'

    def _calculate_spans(self) -> None:
        if self._block is None:
            return super()._calculate_spans()
        # XlsxWriter works out each row's column span from its own cells, which would leave the
        # block's columns out; the attribute is an optional hint (ECMA-376 18.3.1.73), so none.
        self.row_spans = {}

    def _write_rows(self) -> None:  # XlsxWriter calls this inside <sheetData> when the file is closed
        if self._block is None:
            return super()._write_rows()
        first, last, xml = self._block
        lo, hi = self.dim_rowmin, self.dim_rowmax
        try:
            if lo < first:
                self.dim_rowmin, self.dim_rowmax = lo, first - 1
                super()._write_rows()
            self.fh.write(xml)
            if hi > last:
                self.dim_rowmin, self.dim_rowmax = last + 1, hi
                super()._write_rows()
        finally:
            self.dim_rowmin, self.dim_rowmax = lo, hi
