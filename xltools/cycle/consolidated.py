"""The consolidated quarterly workbook (汇总表), written with XlsxWriter: one method per sheet.

Sheets, in the dataset's task order throughout: 汇总, 明细, 单位统计, 未报送, 校验问题, 季度对比 (with a
previous workbook), and the hidden 「_xltools」 sheet that later commands use to recognise it. The table
rows go through xlsx_bulk.write_block as strings, never formulas, so "=HYPERLINK(...)", "+86…", "-" or
"@…" a unit typed stay text; rows get the height their wrapped texts need on paper.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..dataset.model import Dataset
from .contract import NOT_REPORTED, MergeRules, overall_of
from .quarter import Quarter

if TYPE_CHECKING:
    from .merge import MergeResult

REPEATING = ("任务内容", "单位", "来源文件")  # 明细 columns whose texts repeat by construction: shared strings
DETAIL_HEADERS = ("序号", "任务内容", "单位", "本单位职责", "进展情况", "完成状态", "存在问题", "下一步计划", "备注",
                  "填报人", "联系电话", "来源文件", "任务编号")


def write_consolidated(result: MergeResult, ds: Dataset, q: Quarter, rules: MergeRules, manifest: dict,
                       previous: str | Path | None, files: list[Path]) -> None:
    from xlsxwriter import Workbook

    from ..infra.atomic import atomic_path

    with atomic_path(result.output) as tmp:
        wb = Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False})
        stamp = max((os.stat(p).st_mtime for p in files), default=0.0)  # the newest input: reruns are identical
        wb.set_properties({"title": f"{ds.title} {q.zh} 汇总", "created": dt.datetime.fromtimestamp(stamp or 0)})
        writer = _Writer(wb, result, ds, q, rules)
        writer.summary()
        writer.details()
        writer.unit_stats()
        writer.missing()
        writer.findings()
        if previous:
            writer.comparison(previous)
        writer.provenance(manifest)
        wb.close()


# Row heights. LibreOffice and WPS show a wrapped text on one line unless the row's height is stored
# (Excel is no better when printing), so each row gets the height its longest wrapped cell needs.
LINE_PT = 14.0  # one line of 10-point 宋体 (or the CJK font a reader substitutes), with its leading
PAD_PT = 3.0  # above and below the text in a cell
MAX_ROW_PT = 409.0  # the largest row height a spreadsheet allows
_CHAR_PX, _COL_PX, _COL_PAD_PX = 13.4, 7.0, 10.0  # a CJK character of 10 pt; a column unit; the cell margins


def text_lines(text: str, width: float) -> int:
    """Lines a text takes wrapped in a column of `width` units: CJK characters count full width,
    others half (from the UTF-8 length: 3 bytes for CJK, 1 for ASCII); each paragraph starts a line."""
    per_line = max(1.0, (width * _COL_PX + 5 - _COL_PAD_PX) / (_CHAR_PX / 2))  # half-width characters
    return sum(max(1, math.ceil((len(part) + len(part.encode("utf-8"))) / 2 / per_line)) for part in text.split("\n"))


def row_heights(rows: list[list], wrapped: dict[int, float]) -> list[float | None]:
    """Each row's height in points (None: one line is enough) from its wrapped columns {index: width}."""
    if not wrapped or not rows:
        return [None] * len(rows)
    columns = list(itertools.zip_longest(*rows, fillvalue=""))
    counts = []  # per wrapped column, each row's lines; a text is measured once (a task's recurs per unit)
    for c, width in wrapped.items():
        column = columns[c] if c < len(columns) else ("",) * len(rows)
        lines = {v: text_lines(v, width) if isinstance(v, str) else 1 for v in set(column)}
        counts.append(map(lines.__getitem__, column))
    return [min(MAX_ROW_PT, n * LINE_PT + PAD_PT) if n > 1 else None for n in map(max, zip(*counts, strict=True))]


class _Writer:
    def __init__(self, wb, result: MergeResult, ds: Dataset, q: Quarter, rules: MergeRules) -> None:
        self.wb, self.result, self.ds, self.q, self.rules = wb, result, ds, q, rules
        self.by_task: dict[str, list] = {}
        for a in result.answers:
            self.by_task.setdefault(a.key, []).append(a)
        self.overall = {t.key: overall_of(((a.role, a.values.get("完成状态", "")) for a in self.by_task.get(t.key, []) if a.reported), rules) for t in ds.tasks}
        base = {"font_name": "宋体", "font_size": 10, "text_wrap": True, "valign": "top", "border": 1}
        self.f_head = wb.add_format({**base, "bold": True, "bg_color": "#D9E1F2", "align": "center",
                                     "valign": "vcenter"})
        self.f_cell = wb.add_format(base)
        self.f_center = wb.add_format({**base, "align": "center"})
        self.f_title = wb.add_format({"bold": True, "font_size": 14, "font_name": "黑体"})
        self.f_note = wb.add_format({"font_size": 9, "font_color": "#595959", "text_wrap": True})
        self.f_late = wb.add_format({"bg_color": "#F8CBAD", "font_color": "#9C0006"})
        self.f_idle = wb.add_format({"bg_color": "#FFE699"})
        self.f_none = wb.add_format({"bg_color": "#D9D9D9"})
        self.f_pct = wb.add_format({**base, "num_format": "0.0%", "align": "center"})
        self.f_num = wb.add_format({**base, "align": "center"})

    # -- helpers -----------------------------------------------------------------------------------
    def _sheet(self, name: str):
        from .xlsx_bulk import BulkWorksheet

        return self.wb.add_worksheet(name, worksheet_class=BulkWorksheet)

    def _formats(self, rows: list[list], width: int) -> list:
        """Each column's format: numbers centred (a fraction as a percentage); a text column centred
        when every text in it is short (status, role, 序号), wrapped at the left otherwise."""
        out = []
        for column in itertools.zip_longest(*rows, fillvalue="") if rows else [()] * width:
            kinds = set(map(type, column))
            if kinds & {int, float}:
                out.append(self.f_pct if float in kinds else self.f_num)
            else:  # stops at the first long text: a text column's first rows usually settle it
                texts = column if kinds <= {str} else map(str, column)
                out.append(self.f_cell if any(map((4).__lt__, map(len, texts))) else self.f_center)
        return out + [self.f_cell] * (width - len(out))

    def _table(self, ws, top: int, headers: list[str], rows: list[list], widths: dict[str, float],
               status_cols: tuple[str, ...] = (), shared: tuple[str, ...] = ()) -> int:
        for c, h in enumerate(headers):
            ws.write_string(top, c, h, self.f_head)
            ws.set_column(c, c, widths.get(h, 12), None, {"hidden": h == "任务编号"})
        formats = self._formats(rows, len(headers))
        wrapped = {c: widths.get(h, 12) for c, h in enumerate(headers) if formats[c] is self.f_cell and h != "任务编号"}
        ws.write_block(top + 1, rows, formats, [headers.index(h) for h in shared], row_heights(rows, wrapped))
        last = top + max(len(rows), 1)
        ws.autofilter(top, 0, last, len(headers) - 1)
        ws.freeze_panes(top + 1, 0)
        for h in status_cols:
            if h in headers:
                c = headers.index(h)
                for text, fmt in ((self.rules.late, self.f_late), (self.rules.not_started, self.f_idle),
                                  (NOT_REPORTED, self.f_none)):
                    ws.conditional_format(top + 1, c, last, c, {"type": "text", "criteria": "containing",
                                                                "value": text, "format": fmt})
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(top)
        ws.set_footer("&C第 &P 页，共 &N 页")
        return last

    # -- sheets -----------------------------------------------------------------------------------
    def summary(self) -> None:
        ws = self._sheet("汇总")
        ws.write_string(0, 0, f"{self.ds.title} {self.q.zh} 落实情况汇总", self.f_title)
        has_cat = self.ds.has_role("category")
        headers = ["序号"] + (["主要任务"] if has_cat else []) + ["任务内容", "牵头单位", "责任单位", "各单位状态",
                                                                "牵头单位进展", "总体状态", "任务编号"]
        amap = self.ds.alias_map()
        rows = []
        for t in self.ds.tasks:
            answers = self.by_task.get(t.key, [])
            states = "；".join(f"{a.unit}：{a.values.get('完成状态') or NOT_REPORTED if a.reported else NOT_REPORTED}"
                              for a in answers)
            lead_progress = "；".join(a.values.get("进展情况", "") for a in answers if a.role == "牵头" and a.reported)
            lead = "、".join(dict.fromkeys(amap.get(n, n) for n in t.lead_units))
            units = "、".join(dict.fromkeys(amap.get(n, n) for n in t.units))
            rows.append([t.number] + ([t.category] if has_cat else []) + [t.content, lead, units, states,
                                                                         lead_progress, self.overall[t.key], t.key])
        widths = {"序号": 6, "主要任务": 16, "任务内容": 50, "牵头单位": 16, "责任单位": 24, "各单位状态": 36,
                  "牵头单位进展": 40, "总体状态": 10}
        last = self._table(ws, 3, headers, rows, widths, ("总体状态", "各单位状态"), ("任务内容",))
        # the rule under the title, across the table, as tall as its text needs on paper
        span = sum(widths.get(h, 12) for h in headers if h != "任务编号")
        ws.merge_range(1, 0, 1, len(headers) - 1, self.rules.rule_text, self.f_note)
        ws.set_row(1, text_lines(self.rules.rule_text, span) * LINE_PT + PAD_PT)
        ws.print_area(0, 0, last, len(headers) - 1)  # the chart beside the table would shrink it on paper
        self._overall_chart(ws, last + 2, len(headers) + 1)
        ws.activate()

    def _overall_chart(self, ws, row: int, col: int) -> None:
        counts = Counter(self.overall.values())
        labels = [s for s in (*self.rules.statuses, NOT_REPORTED) if counts.get(s)]
        ws.write_string(row, col, "总体状态", self.f_head)
        ws.write_string(row, col + 1, "任务数", self.f_head)
        for i, label in enumerate(labels, start=1):
            ws.write_string(row + i, col, label, self.f_cell)
            ws.write_number(row + i, col + 1, counts[label], self.f_num)
        if not labels:
            return
        chart = self.wb.add_chart({"type": "pie"})
        chart.add_series({"name": "总体状态", "categories": ["汇总", row + 1, col, row + len(labels), col],
                          "values": ["汇总", row + 1, col + 1, row + len(labels), col + 1],
                          "data_labels": {"value": True, "category": True}})
        chart.set_title({"name": "任务总体状态"})
        ws.insert_chart(row, col + 3, chart)

    def details(self) -> None:
        ws = self._sheet("明细")
        tasks = {t.key: t for t in self.ds.tasks}
        rows = []
        for a in self.result.answers:
            t = tasks[a.key]
            v = a.values
            status = v.get("完成状态", "") if a.reported else NOT_REPORTED
            rows.append([t.number, t.content, a.unit, a.role, v.get("进展情况", ""), status, v.get("存在问题", ""),
                         v.get("下一步计划", ""), v.get("备注", ""), a.person, a.phone, a.file, a.key])
        widths = {"序号": 6, "任务内容": 40, "单位": 18, "本单位职责": 8, "进展情况": 40, "完成状态": 9, "存在问题": 24,
                  "下一步计划": 24, "备注": 12, "填报人": 8, "联系电话": 14, "来源文件": 24}
        self._table(ws, 0, list(DETAIL_HEADERS), rows, widths, ("完成状态",), REPEATING)

    def unit_stats(self) -> None:
        ws = self._sheet("单位统计")
        statuses = [*self.rules.statuses, NOT_REPORTED]
        per: defaultdict[str, Counter] = defaultdict(Counter)
        for a in self.result.answers:
            d = per[a.unit]
            d["牵头" if a.role == "牵头" else "责任"] += 1
            d[a.values.get("完成状态") or NOT_REPORTED if a.reported else NOT_REPORTED] += 1
        headers = ["单位", "牵头任务数", "责任任务数", "是否报送", *statuses, "完成率"]
        rows = []
        for unit, d in per.items():
            total = d["牵头"] + d["责任"]
            rows.append([unit, d["牵头"], d["责任"], "否" if unit in self.result.missing else "是",
                         *[d.get(s, 0) for s in statuses], (d.get(self.rules.done, 0) / total) if total else 0.0])
        widths = {"单位": 26, "是否报送": 8, "完成率": 9}
        last = self._table(ws, 0, headers, rows, widths)
        if rows:
            chart = self.wb.add_chart({"type": "bar", "subtype": "stacked"})
            for i in range(4, 4 + len(statuses)):
                chart.add_series({"name": ["单位统计", 0, i], "categories": ["单位统计", 1, 0, last, 0],
                                  "values": ["单位统计", 1, i, last, i]})
            chart.set_title({"name": "各单位任务状态"})
            chart.set_size({"width": 720, "height": max(320, 22 * len(rows))})
            ws.insert_chart(last + 2, 0, chart)

    def missing(self) -> None:
        ws = self._sheet("未报送")
        rows = [[unit, owed] for unit, owed in self.result.missing.items()]
        self._table(ws, 0, ["单位", "欠报任务数"], rows, {"单位": 30, "欠报任务数": 12})

    def findings(self) -> None:
        ws = self._sheet("校验问题")
        rows = [[f.level, f.file, f.sheet, str(f.row or ""), f.unit, f.message, f.hint] for f in self.result.findings]
        widths = {"文件": 30, "工作表": 10, "行": 6, "单位": 18, "问题": 50, "处理建议": 40}
        self._table(ws, 0, ["级别", "文件", "工作表", "行", "单位", "问题", "处理建议"], rows, widths)
        files = [[Path(f).name, outcome, reason] for f, outcome, reason in self.result.files]
        top = len(rows) + 3
        ws.write_string(top - 1, 0, "文件清单", self.f_title)
        for c, h in enumerate(("文件", "结果", "说明")):
            ws.write_string(top, c, h, self.f_head)
        for r, row in enumerate(files, start=top + 1):
            for c, value in enumerate(row):
                ws.write_string(r, c, value, self.f_cell)

    def comparison(self, previous: str | Path) -> None:
        from .summary import read_consolidated

        prev = read_consolidated(previous)
        before = {(t.key, a.unit): a.status for t in prev.tasks for a in t.answers}
        ws = self._sheet("季度对比")
        tasks = {t.key: t for t in self.ds.tasks}
        rows = []
        for a in self.result.answers:
            now = a.values.get("完成状态", "") if a.reported else NOT_REPORTED
            then = before.get((a.key, a.unit), "（上季度无）")
            change = "" if now == then else ("新完成" if now == self.rules.done else
                                             "转为滞后" if now == self.rules.late else "有变化")
            rows.append([tasks[a.key].number, tasks[a.key].content, a.unit, then, now, change])
        widths = {"任务内容": 50, "单位": 20, "上季度状态": 10, "本季度状态": 10, "变化": 10}
        self._table(ws, 0, ["序号", "任务内容", "单位", "上季度状态", "本季度状态", "变化"], rows, widths,
                    ("本季度状态", "变化"), ("任务内容", "单位"))

    def provenance(self, manifest: dict) -> None:
        from ..version import VERSION as __version__

        ws = self.wb.add_worksheet("_xltools")
        info = [("format", "xltools-consolidated"), ("version", "1"), ("dataset_id", self.ds.dataset_id),
                ("title", self.ds.title), ("quarter", self.q.code), ("deadline", manifest.get("deadline", "")),
                ("tool_version", __version__), ("tasks", str(len(self.ds.tasks))),
                ("units_expected", str(len({a.unit for a in self.result.answers}))),
                ("units_missing", str(len(self.result.missing)))]
        for r, (k, v) in enumerate(info):
            ws.write_string(r, 0, k)
            ws.write_string(r, 1, v)
        ws.very_hidden()
