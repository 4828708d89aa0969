"""The consolidated quarterly workbook (汇总表), written with XlsxWriter: one method per sheet.

Sheets, in the dataset's task order throughout: 汇总, 明细, 单位统计, 未报送, 校验问题, 季度对比 (with a
previous workbook), and the hidden 「_xltools」 sheet that later commands use to recognise it. The table
rows go through xlsx_bulk.write_block as strings, never formulas, so "=HYPERLINK(...)", "+86…", "-" or
"@…" a unit typed stay text; rows get the height their wrapped texts need on paper (infra.rowfit).

On paper: every sheet prints A4 landscape fitted to the width, its header row on every page, a running
head naming the list, the quarter and the sheet, page numbers, 宋体 throughout. The 汇总 sheet a leader
reads keeps to the columns the list has (no 牵头 columns for a list without lead units: its units'
progress instead) and its chart prints on a page of its own; the 单位统计 chart names every unit (one bar
each, the chart as tall as the units need) on a page of its own. Statuses keep their usual colours in
cells and charts: 已完成 green, 推进中 blue, 滞后 red, 未启动 grey, 未报送 orange.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ..dataset.model import Dataset
from ..infra.rowfit import lines_height
from ..infra.rowfit import text_lines as _lines
from ..infra.xlsx import header_format, new_workbook
from .contract import NO_OWNER, NOT_REPORTED, MergeRules, overall_of
from .quarter import Quarter

if TYPE_CHECKING:
    from .merge import MergeResult

REPEATING = ("任务内容", "单位", "来源文件")  # 明细 columns whose texts repeat by construction: shared strings
DETAIL_HEADERS = ("序号", "任务内容", "单位", "本单位职责", "进展情况", "完成状态", "存在问题", "下一步计划", "备注",
                  "填报人", "联系电话", "来源文件", "任务编号")


def write_consolidated(result: MergeResult, ds: Dataset, q: Quarter, rules: MergeRules, manifest: dict,
                       previous: str | Path | None, files: list[Path]) -> None:
    from ..infra.atomic import atomic_path

    with atomic_path(result.output) as tmp:
        wb = new_workbook(tmp)
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


# Row heights: LibreOffice and WPS print a row as tall as the height stored, so each row gets the height
# its longest wrapped cell needs (infra.rowfit measures on the generous side).
FONT_PT = 10  # the cells' 宋体 10


def text_lines(text: str, width: float) -> int:
    """Lines a text takes in a column `width` units wide, in the cells' font."""
    return _lines(text, width, FONT_PT)


# The usual meaning of colours (fill, text) for the statuses, in cells and charts.
GREEN, BLUE, RED, GREY, ORANGE = ("#C6EFCE", "#006100"), ("#DDEBF7", "#1F4E78"), ("#FFC7CE", "#9C0006"), \
    ("#E7E6E6", "#404040"), ("#FCE4D6", "#C65911")
WHITE = ("#FFFFFF", "#7F6000")  # 未明确单位: no fill on the sheet, dark yellow text
CHART_COLOURS = {"green": "#4CAF50", "blue": "#4472C4", "red": "#E04040", "grey": "#A6A6A6", "orange": "#F39C34",
                 "yellow": "#FFD966"}


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
    return [lines_height(n, FONT_PT) if n > 1 else None for n in map(max, zip(*counts, strict=True))]


class _Writer:
    def __init__(self, wb, result: MergeResult, ds: Dataset, q: Quarter, rules: MergeRules) -> None:
        self.wb, self.result, self.ds, self.q, self.rules = wb, result, ds, q, rules
        self.by_task: dict[str, list] = {}
        for a in result.answers:
            self.by_task.setdefault(a.key, []).append(a)
        self.overall = {t.key: overall_of(((a.role, a.values.get("完成状态", "")) for a in self.by_task.get(t.key, [])
                                           if a.reported), rules) if t.all_units() else NO_OWNER for t in ds.tasks}
        base = {"font_name": "宋体", "font_size": 10, "text_wrap": True, "valign": "top", "border": 1}
        self.f_head = header_format(wb, **base)
        self.f_cell = wb.add_format(base)
        self.f_center = wb.add_format({**base, "align": "center"})
        self.f_title = wb.add_format({"bold": True, "font_size": 14, "font_name": "黑体"})
        self.f_note = wb.add_format({"font_size": 9, "font_color": "#595959", "text_wrap": True, "font_name": "宋体",
                                     "valign": "top"})
        self.f_status = {s: wb.add_format({"bg_color": fill, "font_color": font})
                         for s, (fill, font) in self._status_colours(GREEN, BLUE, RED, GREY, ORANGE, WHITE).items()}
        self.f_pct = wb.add_format({**base, "num_format": "0.0%", "align": "center"})
        self.f_num = wb.add_format({**base, "align": "center"})
        self.f_key = wb.add_format({**base, "text_wrap": False, "num_format": ";;;"})

    # -- helpers -----------------------------------------------------------------------------------
    def _status_colours(self, done, going, late, idle, none, nobody) -> dict[str, object]:
        """Each status (as the merge rules name them) with its colour: late first, so a cell naming
        several statuses (各单位状态) takes the most urgent one's colour."""
        r = self.rules
        out = {r.late: late, NOT_REPORTED: none, NO_OWNER: nobody, r.not_started: idle}
        out.update({s: going for s in r.statuses if s not in (r.done, r.late, r.not_started)})
        out[r.done] = done
        return out

    def _print_setup(self, ws, sheet: str, title_rows: int) -> None:
        """A4 landscape fitted to the width, the header row(s) on every page, a running head naming
        the list, the quarter and the sheet, page numbers."""
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(title_rows)
        head = f"{self.ds.title} {self.q.zh} 汇总表 — {sheet}".replace("&", "&&")
        ws.set_header(f'&C&"宋体"&9{head[:200]}', {"margin": 0.3})
        ws.set_footer('&C&"宋体"&9第 &P 页，共 &N 页')
        ws.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)

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
        if "任务编号" in headers:  # for later commands only: shows nothing, even where a hidden column is drawn
            formats[headers.index("任务编号")] = self.f_key
        wrapped = {c: widths.get(h, 12) for c, h in enumerate(headers) if formats[c] is self.f_cell and h != "任务编号"}
        ws.write_block(top + 1, rows, formats, [headers.index(h) for h in shared], row_heights(rows, wrapped))
        last = top + max(len(rows), 1)
        ws.autofilter(top, 0, last, len(headers) - 1)
        ws.freeze_panes(top + 1, 0)
        for h in status_cols:
            if h in headers:
                c = headers.index(h)
                for text, fmt in self.f_status.items():
                    ws.conditional_format(top + 1, c, last, c, {"type": "text", "criteria": "containing",
                                                                "value": text, "format": fmt})
        self._print_setup(ws, ws.name, top)
        return last

    # -- sheets -----------------------------------------------------------------------------------
    def summary(self) -> None:
        ws = self._sheet("汇总")
        ws.write_string(0, 0, f"{self.ds.title} {self.q.zh} 落实情况汇总", self.f_title)
        has_cat = self.ds.has_role("category")
        # columns follow the list: no 牵头 columns when no task has a lead unit; the progress shown is then
        # that of the unit listed first (lists without a lead column name the leading unit first; every
        # unit's answer is in 明细), so the sheet a leader reads stays short. No 责任单位 column when no
        # task has other units.
        has_lead = any(t.lead_units for t in self.ds.tasks)
        has_units = any(t.units for t in self.ds.tasks)
        progress_label = "牵头单位进展" if has_lead else "首位责任单位进展"
        headers = ["序号"] + (["主要任务"] if has_cat else []) + ["任务内容"] + (["牵头单位"] if has_lead else []) + (
            ["责任单位"] if has_units else []) + ["各单位状态", progress_label, "总体状态", "任务编号"]
        amap = self.ds.alias_map()
        rows = []
        for t in self.ds.tasks:
            answers = self.by_task.get(t.key, [])
            states = "；".join(f"{a.unit}：{a.values.get('完成状态') or NOT_REPORTED if a.reported else NOT_REPORTED}"
                              for a in answers) or ("清单未写明单位，未下发填报表" if not t.all_units() else "")
            if has_lead:
                progress = "；".join(a.values.get("进展情况", "") for a in answers if a.role == "牵头" and a.reported)
            else:
                first = amap.get(t.units[0], t.units[0]) if t.units else ""
                progress = "；".join(a.values.get("进展情况", "") for a in answers if a.unit == first and a.reported)
            cells = {"序号": t.number, "主要任务": t.category, "任务内容": t.content,
                     "牵头单位": "、".join(dict.fromkeys(amap.get(n, n) for n in t.lead_units)),
                     "责任单位": "、".join(dict.fromkeys(amap.get(n, n) for n in t.units)), "各单位状态": states,
                     progress_label: progress, "总体状态": self.overall[t.key], "任务编号": t.key}
            rows.append([cells[h] for h in headers])
        widths = {"序号": 5, "主要任务": 12, "任务内容": 40, "牵头单位": 12, "责任单位": 16, "各单位状态": 26,
                  "牵头单位进展": 40, "首位责任单位进展": 40, "总体状态": 8}
        last = self._table(ws, 3, headers, rows, widths, ("总体状态", "各单位状态"), ("任务内容",))
        # the rule under the title, across the table, as tall as its text needs on paper
        span = sum(widths.get(h, 12) for h in headers if h != "任务编号")
        ws.merge_range(1, 0, 1, len(headers) - 1, self.rules.rule_text, self.f_note)
        ws.set_row(1, lines_height(text_lines(self.rules.rule_text, span) + 1, 9))
        ws.set_row(0, 24)
        # the chart below the table on a page of its own; its figures beside it, outside the printed columns
        chart_rows = self._overall_chart(ws, last + 2, len(headers) + 1)
        ws.set_h_pagebreaks([last + 2] if chart_rows else [])
        ws.print_area(0, 0, last + 1 + chart_rows, len(headers) - 2)  # 任务编号 (hidden, last) not printed
        ws.activate()

    def _overall_chart(self, ws, row: int, col: int) -> int:
        """The pie of the tasks' overall statuses at (row, 0), its figures at (row, col); returns the rows it covers."""
        counts = Counter(self.overall.values())
        labels = [s for s in (*self.rules.statuses, NOT_REPORTED, NO_OWNER) if counts.get(s)]
        ws.write_string(row, col, "总体状态", self.f_head)
        ws.write_string(row, col + 1, "任务数", self.f_head)
        for i, label in enumerate(labels, start=1):
            ws.write_string(row + i, col, label, self.f_cell)
            ws.write_number(row + i, col + 1, counts[label], self.f_num)
        if not labels:
            return 0
        colours = self._status_colours(*(CHART_COLOURS[c] for c in ("green", "blue", "red", "grey", "orange", "yellow")))
        chart = self.wb.add_chart({"type": "pie"})
        chart.add_series({"name": "总体状态", "categories": ["汇总", row + 1, col, row + len(labels), col],
                          "values": ["汇总", row + 1, col + 1, row + len(labels), col + 1],
                          "points": [{"fill": {"color": colours.get(s, "#7F7F7F")}} for s in labels],
                          "data_labels": {"value": True, "category": True, "font": {"name": "宋体", "size": 11}}})
        chart.set_title({"name": f"任务总体状态（共 {len(self.ds.tasks)} 项）", "name_font": {"name": "黑体", "size": 14}})
        chart.set_legend({"position": "right", "font": {"name": "宋体", "size": 10}})
        chart.set_size({"width": 640, "height": 400})
        ws.insert_chart(row, 0, chart, {"x_offset": 20, "y_offset": 10})
        return math.ceil((400 + 10) / 20) + 1  # rows the chart covers (default rows of 20 px)

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
        # about 190 units in all: fitted to an A4 landscape page, the 10-point text prints at about 7 points
        widths = {"序号": 6, "任务内容": 30, "单位": 18, "本单位职责": 8, "进展情况": 36, "完成状态": 9, "存在问题": 18,
                  "下一步计划": 18, "备注": 10, "填报人": 8, "联系电话": 12, "来源文件": 20}
        self._table(ws, 0, list(DETAIL_HEADERS), rows, widths, ("完成状态",), REPEATING)

    def unit_stats(self) -> None:
        """Each unit's facts (xltools/facts.py) as the merge decided them, then its answers by status."""
        from .facts import STAT_HEADERS, stat_row

        ws = self._sheet("单位统计")
        statuses = list(self.rules.statuses)
        headers = [*STAT_HEADERS, *statuses, "完成率"]
        rows = []
        for f in self.result.units.values():
            rows.append([*stat_row(f), *[f.statuses.get(s, 0) for s in statuses],
                         (f.statuses.get(self.rules.done, 0) / f.tasks) if f.tasks else 0.0])
        widths = {"单位": 26, "报送情况": 8, "报送日期": 11, "日期依据": 12, "是否按时": 10, "需补正": 40,
                  "采用文件": 30, "完成率": 9}
        last = self._table(ws, 0, headers, rows, widths)
        if rows:
            self._unit_chart(ws, last, statuses, len(rows), len(headers), len(STAT_HEADERS))

    def _unit_chart(self, ws, last: int, statuses: list[str], n_units: int, n_cols: int, first: int) -> None:
        """Stacked horizontal bars, one per unit in the table's order from the top, every unit named,
        22 px a bar, on a page of its own below the table; the tasks a unit has not answered in orange."""
        from .facts import STAT_HEADERS

        colours = self._status_colours(*(CHART_COLOURS[c] for c in ("green", "blue", "red", "grey", "orange", "yellow")))
        chart = self.wb.add_chart({"type": "bar", "subtype": "stacked"})
        for i, status in enumerate(statuses, start=first):
            chart.add_series({"name": ["单位统计", 0, i], "categories": ["单位统计", 1, 0, last, 0],
                              "values": ["单位统计", 1, i, last, i], "gap": 40,
                              "fill": {"color": colours.get(status, "#7F7F7F")}, "border": {"none": True}})
        owed = STAT_HEADERS.index("欠报任务数")  # the tasks a unit has not answered: 未报送 in the bar
        chart.add_series({"name": NOT_REPORTED, "categories": ["单位统计", 1, 0, last, 0],
                          "values": ["单位统计", 1, owed, last, owed], "gap": 40,
                          "fill": {"color": colours.get(NOT_REPORTED, "#7F7F7F")}, "border": {"none": True}})
        chart.set_title({"name": "各单位任务状态（项）", "name_font": {"name": "黑体", "size": 14}})
        chart.set_y_axis({"reverse": True, "interval_unit": 1, "interval_tick": 1,
                          "num_font": {"name": "宋体", "size": 9}})
        chart.set_x_axis({"num_font": {"name": "宋体", "size": 9}, "major_gridlines": {"visible": True}})
        chart.set_legend({"position": "top", "font": {"name": "宋体", "size": 10}})
        height = 120 + 22 * n_units
        chart.set_size({"width": 900, "height": height})
        ws.insert_chart(last + 2, 0, chart, {"x_offset": 10, "y_offset": 10})
        ws.set_h_pagebreaks([last + 2])
        ws.print_area(0, 0, last + 2 + math.ceil((height + 10) / 20), n_cols - 1)

    def missing(self) -> None:
        """The units that have not reported (a 空表 is not a report), with the tasks they owe."""
        ws = self._sheet("未报送")
        rows = [[f.unit, f.owed, f.state, f.file] for f in self.result.units.values() if not f.reported]
        self._table(ws, 0, ["单位", "欠报任务数", "情况", "交回的文件"], rows,
                    {"单位": 30, "欠报任务数": 12, "情况": 10, "交回的文件": 36})

    def findings(self) -> None:
        ws = self._sheet("校验问题")
        rows = [[f.level, f.file, f.sheet, str(f.row or ""), f.unit, f.message, f.hint] for f in self.result.findings]
        widths = {"级别": 8, "文件": 30, "工作表": 10, "行": 6, "单位": 18, "问题": 50, "处理建议": 40}
        self._table(ws, 0, ["级别", "文件", "工作表", "行", "单位", "问题", "处理建议"], rows, widths)
        self._file_list(ws, len(rows) + 3, widths)

    def _file_list(self, ws, top: int, widths: dict[str, float]) -> None:
        """文件清单 under the findings: 序号 | 文件 (the 文件 column, widened to the longest name) | 结果 |
        说明 (merged over the four wide columns on the right), every row as tall as its texts need."""
        from ..infra.rowfit import row_height

        files = [[Path(f).name, outcome, reason] for f, outcome, reason in self.result.files]
        longest = max((len(n) + len(n.encode("utf-8"))) / 2 * 1.9 for n, _o, _r in files) if files else 0
        name_width = min(max(widths["文件"], longest + 2), 60)
        ws.set_column(1, 1, name_width)
        note_width = sum(widths[h] for h in ("行", "单位", "问题", "处理建议"))
        ws.write_string(top - 1, 0, "文件清单", self.f_title)
        ws.set_row(top - 1, 24)
        for c, h in enumerate(("序号", "文件", "结果")):
            ws.write_string(top, c, h, self.f_head)
        ws.merge_range(top, 3, top, 6, "说明", self.f_head)
        for i, (name, outcome, reason) in enumerate(files, start=1):
            r = top + i
            ws.write_number(r, 0, i, self.f_num)
            ws.write_string(r, 1, name, self.f_cell)
            ws.write_string(r, 2, outcome, self.f_center)
            ws.merge_range(r, 3, r, 6, reason, self.f_cell)
            ws.set_row(r, row_height([(name, name_width), (outcome, widths["工作表"]), (reason, note_width)], FONT_PT))
        ws.print_area(0, 0, top + len(files), 6)

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
        widths = {"序号": 6, "任务内容": 50, "单位": 20, "上季度状态": 10, "本季度状态": 10, "变化": 10}
        self._table(ws, 0, ["序号", "任务内容", "单位", "上季度状态", "本季度状态", "变化"], rows, widths,
                    ("本季度状态", "变化"), ("任务内容", "单位"))

    def provenance(self, manifest: dict) -> None:
        from ..version import VERSION as __version__

        ws = self.wb.add_worksheet("_xltools")
        info = [("format", "xltools-consolidated"), ("version", "1"), ("dataset_id", self.ds.dataset_id),
                ("title", self.ds.title), ("quarter", self.q.code), ("deadline", self.result.deadline),
                ("tool_version", __version__), ("tasks", str(len(self.ds.tasks))),
                ("units_expected", str(len(self.result.units))),
                ("units_missing", str(len(self.result.missing)))]
        for r, (k, v) in enumerate(info):
            ws.write_string(r, 0, k)
            ws.write_string(r, 1, v)
        ws.very_hidden()
