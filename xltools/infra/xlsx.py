"""The house set-up of every workbook xltools writes with XlsxWriter: texts stay texts (a unit's
「=HYPERLINK(…)」, 「+86…」 or 「001」 is never turned into a formula, a link or a number), the Chinese body
font, and the header fill, so the 任务总表, trackers, 下发清单, 汇总 and 催报清单 look like one family."""

from __future__ import annotations

from os import PathLike
from typing import Any

TEXT_STAYS_TEXT = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
BODY_FONT = "宋体"  # GB/T 9704 uses 仿宋 for documents; workbooks read better in 宋体, on every office PC
TITLE_FONT = "黑体"
HEADER_FILL = "#D9E1F2"


def new_workbook(path: str | PathLike[str], **options: Any):
    """An XlsxWriter Workbook at `path` with the house options (plus `options`, e.g. in_memory=True)."""
    from xlsxwriter import Workbook

    return Workbook(str(path), {**TEXT_STAYS_TEXT, **options})


def header_format(wb, **more: Any):
    """The bold, filled, bordered, centred header cell."""
    return wb.add_format({"font_name": BODY_FONT, "bold": True, "bg_color": HEADER_FILL, "border": 1,
                          "align": "center", "valign": "vcenter", "text_wrap": True, **more})
