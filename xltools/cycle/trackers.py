"""Department trackers: one workbook per recipient unit, holding only its tasks, ready to send out.

The contract with the merge (do not change one side without the other):

File `<2026Q1>_<unit>_任务进展填报表.xlsx` (unit part made safe on Windows and cut to fit 255 bytes by
filenames.safe_name; two units whose names clean to the same get 「_2」).
Sheet 「填报」 (first, active): row 1 title `<unit> <2026年第一季度> <list title> 落实情况填报表`;
row 2 `填报截止日期：…`; row 3 an instruction line; row 4 the header: 序号, [任务类别], 任务内容,
本单位职责, [牵头单位] (only when some task has a lead unit), 其他责任单位, 进展情况, 完成状态, 存在问题, 下一步计划, 备注, 任务编号 (hidden,
locked: the task key); rows 5… one per task in the dataset's order; one empty row; then the sign-off
labels 填报人, 联系电话, 审核人, 填报日期, each followed by the cell to fill on its right.
Sheet 「_xltools」 (veryHidden): key/value rows (format = xltools-tracker, version, dataset_id,
dataset_title, quarter, unit, issued_at, tool_version, deadline, prefilled_from, task_count), an empty
row, then `key | number | text_hash | role | row | prefill` and one row per task (prefill: `fill_hash` of
the row's prefilled answers, "" when none; a tracker returned with every row as prefilled is a 空表).
Beside the workbooks: manifest.json (who should return what) and 下发清单.xlsx.
Every value is written as a string, so text like "=HYPERLINK(...)" never becomes a formula.

Recipients: every canonical unit that leads or shares a task; a collective with members gives one
workbook per member (inheriting the collective's role; 牵头 wins over 责任 when a member appears
twice on a task); a collective without members gets one workbook addressed to the collective.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..dataset.model import KIND_COLLECTIVE, Dataset, Task, text_hash
from ..errors import XlError
from ..infra.filenames import safe_name, unique
from .contract import STATUSES
from .quarter import Quarter, parse_quarter

FILL_LABELS = ("进展情况", "完成状态", "存在问题", "下一步计划", "备注")
SIGNOFF_LABELS = ("填报人", "联系电话", "审核人", "填报日期")
KEY_LABEL = "任务编号"
SHEET, PROVENANCE = "填报", "_xltools"
MAX_CELL = 32_767
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FONT_PT = 11  # the tracker's cells: 宋体 11
# column widths (Excel units); the hidden 任务编号 last, outside the print area. About 185 units in all, so
# the sheet fitted to an A4 landscape page prints its 11-point text at about 8 points (216 gave 7).
_WIDTHS = {"序号": 6, "任务类别": 12, "任务内容": 40, "本单位职责": 8, "牵头单位": 14, "其他责任单位": 18,
           "进展情况": 32, "完成状态": 10, "存在问题": 18, "下一步计划": 18, "备注": 10, KEY_LABEL: 12}


@dataclass(frozen=True)
class TrackerTemplate:
    """The trackers' statuses, wording and colours (templates/tracker.toml)."""

    statuses: tuple[str, ...] = STATUSES
    instruction: str = "请在浅黄色单元格中填写；完成状态请从下拉列表中选择；灰色内容为任务原文，请勿修改。"
    fill_color: str = "#FFF2CC"
    locked_color: str = "#F2F2F2"
    header_color: str = "#D9E1F2"
    footer: str = "第 &P 页，共 &N 页"
    fill_lines: int = 5


def load_template(path: str | Path | None = None) -> TrackerTemplate:
    from ..infra.settings import load_settings

    return load_settings(TrackerTemplate, path, "tracker.toml", "填报表模板")


@dataclass
class Recipient:
    """A unit that receives a tracker, with its tasks and its role in each."""

    unit: str
    tasks: list[tuple[Task, str]] = field(default_factory=list)  # (task, 牵头|责任)

    @property
    def n_lead(self) -> int:
        return sum(1 for _t, role in self.tasks if role == "牵头")

    @property
    def n_responsible(self) -> int:
        return len(self.tasks) - self.n_lead


@dataclass
class IssueResult:
    """What write_trackers wrote: one file per unit, the manifest, the list of recipients."""

    outdir: Path
    files: list[tuple[str, Path, int, int]] = field(default_factory=list)
    manifest_path: Path | None = None
    list_path: Path | None = None
    warnings: list[str] = field(default_factory=list)


def recipients(ds: Dataset) -> list[Recipient]:
    """Who receives a tracker, with their tasks and roles (collectives with members expanded)."""
    by_unit: dict[str, dict[str, str]] = {}
    tasks = {t.key: t for t in ds.tasks}
    members = {u.name: u.members for u in ds.units if u.kind == KIND_COLLECTIVE and u.members}
    for key, unit, role in ds.pairs():
        for target in members.get(unit, [unit]):
            roles = by_unit.setdefault(target, {})
            if roles.get(key) != "牵头":
                roles[key] = role
    order = {t.key: i for i, t in enumerate(ds.tasks)}
    return [Recipient(unit, [(tasks[k], r) for k, r in sorted(roles.items(), key=lambda kv: order[kv[0]])])
            for unit, roles in by_unit.items()]


def clean_cell(text: str, warnings: list[str] | None = None, where: str = "") -> str:
    text = _ILLEGAL_XML.sub("", text or "")
    if len(text) > MAX_CELL:
        note = "……（原文过长，已截断，请以正式文件为准）"
        text = text[: MAX_CELL - len(note)] + note
        if warnings is not None:
            warnings.append(f"{where}文字超过 Excel 单元格上限 32767 字，已截断")
    return text


def write_trackers(ds: Dataset, quarter: str | Quarter, outdir: str | Path, *, deadline: str | None = None,
                   previous: str | Path | None = None, units: list[str] | None = None, password: str | None = None,
                   template: str | Path | None = None,
                   progress: Callable[[int, int, str], None] | None = None, strict: bool = False,
                   decided: Iterable[str] = ()) -> IssueResult:
    """Write one tracker per recipient unit, the 下发清单 and manifest.json into `outdir`.

    Names still undecided that would send one unit two trackers (see `undecided_splits`; `decided`:
    printed names whose suggestion the clerk rejected) are warned about, or with `strict` refused.
    """
    from .quarter import check_deadline

    q = parse_quarter(quarter)
    tpl = load_template(template)
    deadline_iso = check_deadline(deadline, q) if deadline else ""
    everyone = recipients(ds)
    splits = undecided_splits(ds, everyone, decided)
    if splits and strict:
        raise XlError("单位名称尚未确认，按现在的名录会把同一单位分成两份填报表：" + "；".join(splits) + "。",
                      hint="请先用 xltools validate 任务总表 --accept 名称 -o 新任务总表 采纳建议（或在网页第 1 步处理），"
                           "确是两个单位时不加 --strict 下发。")
    orphans = [t for t in ds.tasks if not t.all_units()]
    if not everyone:
        raise XlError(f"清单中的 {len(ds.tasks)} 项任务都没有牵头单位或责任单位，没有可以下发的单位，未生成填报表。",
                      hint="请在任务总表「任务清单」表的牵头单位、责任单位列填上单位（网页上在第 1 步修改），保存后再生成。")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    chosen = _choose(everyone, ds, units)
    prefill = _read_previous(previous) if previous else {}
    issued_at = dt.datetime.now().replace(microsecond=0).isoformat()
    result = IssueResult(outdir)
    result.warnings.extend(f"{split}，如是同一单位，请先采纳建议再下发" for split in splits)
    if orphans and not units:
        result.warnings.append(unowned_warning(orphans))
    names: set[str] = set()
    for i, rec in enumerate(chosen, start=1):
        fname = unique(safe_name(f"{q.code}_", rec.unit, "_任务进展填报表.xlsx"), names)
        writer = _TrackerWriter(ds, q, rec, tpl, deadline_iso, issued_at, password,
                                prefill.get(rec.unit, {}), Path(previous).name if previous else "")
        writer.write(outdir / fname)
        result.warnings.extend(writer.warnings)
        result.files.append((rec.unit, outdir / fname, rec.n_lead, rec.n_responsible))
        if progress:
            progress(i, len(chosen), rec.unit)
    result.manifest_path = _write_manifest(outdir, ds, q, deadline_iso, issued_at, chosen, result)
    result.list_path = _write_list(outdir, ds, q, result)
    return result


def unowned_warning(tasks: list[Task]) -> str:
    """What to say about tasks that name no unit: nobody receives them, so nobody reports on them."""
    shown = "、".join(f"第 {t.number} 项" if t.number else f"「{t.content[:12]}…」" for t in tasks[:10])
    more = f"等 {len(tasks)} 项任务" if len(tasks) > 10 else "任务"
    return (f"{shown}{more}没有牵头单位或责任单位，没有下发给任何单位，也不会有人报送；"
            "请在任务总表中补上单位后重新生成填报表")


def undecided_splits(ds: Dataset, everyone: list[Recipient], decided: Iterable[str] = ()) -> list[str]:
    """Suggestions not yet accepted whose two names would both get a tracker: one unit, two trackers."""
    from ..dataset.registry import suggest_fixes

    getting = {r.unit for r in everyone}
    skip = set(decided)
    amap = ds.alias_map()
    out = []
    for s in suggest_fixes(ds):
        a, b = amap.get(s.name, s.name), amap.get(s.suggestion, s.suggestion)
        line = f"「{a}」与「{b}」可能是同一单位（{s.reason}），将各收到一份填报表"
        if s.name not in skip and a != b and a in getting and b in getting and line not in out:
            out.append(line)  # once, though the name is printed in several cells
    return out


def _choose(all_recipients: list[Recipient], ds: Dataset, units: list[str] | None) -> list[Recipient]:
    if not units:
        return all_recipients
    by_name = {r.unit: r for r in all_recipients}
    chosen = []
    for name in units:
        canon = ds.canonical(name)
        if canon not in by_name:
            from rapidfuzz import process

            close = [m[0] for m in process.extract(name, list(by_name), limit=3)]
            raise XlError(f"清单中没有需要填报的单位「{name}」。", hint=f"相近的名称：{'、'.join(close)}")
        chosen.append(by_name[canon])
    return chosen


def _read_previous(path: str | Path) -> dict[str, dict[str, dict[str, str]]]:
    """unit → task key → fill values, from last quarter's consolidated 明细 sheet."""
    from .summary import read_sheets, records

    rows = records(read_sheets(Path(path)).get("明细", []), ("单位", "任务内容"))
    out: dict[str, dict[str, dict[str, str]]] = {}
    for r in rows:
        key = r.get(KEY_LABEL) or text_hash(r.get("任务内容", ""))
        values = {label: r.get(label, "") for label in FILL_LABELS}
        if values.get("完成状态") == "未报送":
            continue
        out.setdefault(r.get("单位", ""), {})[key] = values
    return out


class _TrackerWriter:
    """One workbook; one method per part."""

    def __init__(self, ds, q, rec, tpl, deadline, issued_at, password, prefill, prefilled_from) -> None:
        self.ds, self.q, self.rec, self.tpl = ds, q, rec, tpl
        self.deadline, self.issued_at, self.password = deadline, issued_at, password
        self.prefill, self.prefilled_from = prefill, prefilled_from
        self.warnings: list[str] = []
        has_lead = any(t.lead_units for t in ds.tasks)  # no empty 牵头单位 column for a list without lead units
        self.headers = ["序号"] + (["任务类别"] if ds.has_role("category") else []) + [
            "任务内容", "本单位职责"] + (["牵头单位"] if has_lead else []) + ["其他责任单位", *FILL_LABELS, KEY_LABEL]
        self.col = {h: i for i, h in enumerate(self.headers)}
        self.first_row = 4  # 0-based row of the first task (header at row index 3)
        self.printed = [h for h in self.headers if h != KEY_LABEL]

    def write(self, path: Path) -> None:
        from ..infra.atomic import atomic_path
        from ..infra.rowfit import let_rows_grow
        from ..infra.xlsx import new_workbook

        with atomic_path(path) as tmp:
            wb = new_workbook(tmp, in_memory=True)
            self._formats(wb)
            ws = wb.add_worksheet(SHEET)
            self._write_title(ws)
            self._write_header(ws)
            end = self._write_task_rows(ws)
            self._write_signoff(ws, end + 1)
            self._write_validation(ws, end)
            self._write_print_setup(ws, end)
            self._write_protection(ws)
            self._write_provenance(wb.add_worksheet(PROVENANCE))
            ws.activate()
            wb.close()
            # the task rows keep their measured height on paper and grow as the unit types (rowfit)
            let_rows_grow(tmp, "xl/worksheets/sheet1.xml", range(self.first_row + 1, end + 2))

    def _formats(self, wb) -> None:
        t = self.tpl
        base = {"font_name": "宋体", "font_size": 11, "text_wrap": True, "valign": "top", "border": 1}
        self.f_title = wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter",
                                      "font_name": "黑体", "text_wrap": True})
        self.f_note = wb.add_format({"font_size": 10, "font_name": "宋体", "text_wrap": True})
        self.f_head = wb.add_format({**base, "bold": True, "bg_color": t.header_color, "align": "center",
                                     "valign": "vcenter", "font_name": "黑体"})
        self.f_locked = wb.add_format({**base, "bg_color": t.locked_color})
        self.f_locked_c = wb.add_format({**base, "bg_color": t.locked_color, "align": "center"})
        self.f_fill = wb.add_format({**base, "bg_color": t.fill_color, "locked": False})
        self.f_label = wb.add_format({"bold": True, "font_name": "宋体", "align": "right", "valign": "vcenter"})
        self.f_sign = wb.add_format({"bottom": 1, "bg_color": t.fill_color, "locked": False, "font_name": "宋体"})
        # the task key is for the merge only: hidden, and shown as nothing even where a hidden column's
        # text is drawn (LibreOffice prints it one character per line over the right edge otherwise)
        self.f_key = wb.add_format({**base, "bg_color": t.locked_color, "text_wrap": False, "num_format": ";;;"})

    def _write_title(self, ws) -> None:
        """Title, deadline and instruction, each merged across the printed columns and as tall as its
        text wrapped there (a merged cell is never refitted by the office suite)."""
        from ..infra.rowfit import row_height

        last = len(self.printed) - 1
        span = sum(_WIDTHS[h] for h in self.printed)
        title = clean_cell(f"{self.rec.unit} {self.q.zh} {self.ds.title} 落实情况填报表")
        ws.merge_range(0, 0, 0, last, title, self.f_title)
        ws.set_row(0, max(36, row_height([(title, span)], 16)))
        ws.merge_range(1, 0, 1, last, f"填报截止日期：{self.deadline or '以通知为准'}", self.f_note)
        ws.merge_range(2, 0, 2, last, self.tpl.instruction, self.f_note)
        ws.set_row(2, row_height([(self.tpl.instruction, span)], 10))

    def _write_header(self, ws) -> None:
        for c, label in enumerate(self.headers):
            ws.write_string(3, c, label, self.f_head)
            ws.set_column(c, c, _WIDTHS[label], self.f_key if label == KEY_LABEL else None,
                          {"hidden": label == KEY_LABEL})
        ws.set_row(3, 30)
        ws.freeze_panes(4, 0)

    def _write_task_rows(self, ws) -> int:
        amap = self.ds.alias_map()
        r = self.first_row
        for task, role in self.rec.tasks:
            lead = [amap.get(n, n) for n in task.lead_units]
            others = [u for u in dict.fromkeys(amap.get(n, n) for n in task.all_units()) if u != self.rec.unit]
            values = {"序号": task.number, "任务类别": task.category, "任务内容": task.content, "本单位职责": role,
                      "牵头单位": "、".join(lead), "其他责任单位": "、".join(u for u in others if u not in lead),
                      KEY_LABEL: task.key, **self.prefill.get(task.key, self.prefill.get(text_hash(task.content), {}))}
            texts = {label: clean_cell(values.get(label, ""), self.warnings, f"{self.rec.unit} 第 {task.number} 项")
                     for label in self.col}
            for label, c in self.col.items():
                if label in FILL_LABELS:
                    ws.write_string(r, c, texts[label], self.f_fill)
                elif label == KEY_LABEL:
                    ws.write_string(r, c, texts[label], self.f_key)
                else:
                    fmt = self.f_locked_c if label in ("序号", "本单位职责") else self.f_locked
                    ws.write_string(r, c, texts[label], fmt)
            ws.set_row(r, self._row_height(texts))
            r += 1
        return r - 1

    def _row_height(self, texts: dict[str, str]) -> float:
        """Every printed cell whole, and room for `fill_lines` lines of 进展情况 still to be typed."""
        from ..infra.rowfit import row_height

        return row_height(((texts[h], _WIDTHS[h]) for h in self.printed), _FONT_PT, self.tpl.fill_lines)

    def _write_signoff(self, ws, row: int) -> None:
        """Labels in the 任务内容 and 进展情况 columns; each value cell (merged over two columns) on its right."""
        spots = ((self.col["任务内容"], self.col["本单位职责"], self.col["其他责任单位"]),
                 (self.col["进展情况"], self.col["完成状态"], self.col["存在问题"]))
        for i, label in enumerate(SIGNOFF_LABELS):
            r = row + 1 + i // 2
            label_col, first, last = spots[i % 2]
            ws.write_string(r, label_col, label + "：", self.f_label)
            ws.merge_range(r, first, r, last, "", self.f_sign)
        ws.set_row(row + 1, 24)
        ws.set_row(row + 2, 24)

    def _write_validation(self, ws, end: int) -> None:
        c = self.col["完成状态"]
        if end < self.first_row:
            return
        ws.data_validation(self.first_row, c, end, c, {
            "validate": "list", "source": list(self.tpl.statuses),
            "input_title": "完成状态", "input_message": "请从下拉列表中选择：" + "、".join(self.tpl.statuses),
            "error_title": "完成状态填写有误", "error_message": "只能选择：" + "、".join(self.tpl.statuses),
            "error_type": "stop"})
        for label in ("进展情况", "存在问题", "下一步计划", "备注"):
            col = self.col[label]
            ws.data_validation(self.first_row, col, end, col, {
                "validate": "length", "criteria": "<=", "value": MAX_CELL,
                "input_title": label, "input_message": "可填写较长文字；单元格内换行按 Alt+Enter。"})

    def _write_print_setup(self, ws, end: int) -> None:
        """A4 landscape, the printed columns fitted to the page's width, the header row on every page,
        a running head naming the list, the quarter and the unit, page numbers in the footer."""
        ws.set_paper(9)  # A4
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(3)
        head = f"{self.ds.title} {self.q.zh} 落实情况填报表（{self.rec.unit}）".replace("&", "&&")
        ws.set_header(f'&C&"宋体"&9{head[:200]}', {"margin": 0.3})
        ws.set_footer(f'&C&"宋体"&9{self.tpl.footer}')
        ws.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
        ws.print_area(0, 0, end + 3, len(self.printed) - 1)

    def _write_protection(self, ws) -> None:
        ws.protect(self.password or "", {"format_rows": True, "format_columns": True, "select_locked_cells": True,
                                        "select_unlocked_cells": True, "autofilter": True})

    def _prefill_hash(self, task: Task) -> str:
        values = self.prefill.get(task.key, self.prefill.get(text_hash(task.content), {}))
        cleaned = {label: clean_cell(values.get(label, "")) for label in FILL_LABELS}
        return fill_hash(cleaned) if any(v.strip() for v in cleaned.values()) else ""

    def _write_provenance(self, ws) -> None:
        from ..version import VERSION as __version__

        info = [("format", "xltools-tracker"), ("version", "1"), ("dataset_id", self.ds.dataset_id),
                ("dataset_title", self.ds.title), ("quarter", self.q.code), ("unit", self.rec.unit),
                ("issued_at", self.issued_at), ("tool_version", __version__), ("deadline", self.deadline),
                ("prefilled_from", self.prefilled_from), ("task_count", str(len(self.rec.tasks)))]
        for r, (k, v) in enumerate(info):
            ws.write_string(r, 0, k)
            ws.write_string(r, 1, clean_cell(v))
        r = len(info) + 1
        for c, h in enumerate(("key", "number", "text_hash", "role", "row", "prefill")):
            ws.write_string(r, c, h)
        for i, (task, role) in enumerate(self.rec.tasks):
            for c, v in enumerate((task.key, task.number, text_hash(task.content), role,
                                   str(self.first_row + 1 + i), self._prefill_hash(task))):
                ws.write_string(r + 1 + i, c, v)
        ws.very_hidden()


def fill_hash(values: dict[str, str]) -> str:
    """A fingerprint of a row's fill cells as written (or read back): a prefilled row the unit left as it
    was issued has the same one, so a prefilled tracker returned untouched is known for a 空表."""
    return text_hash("\x1f".join((values.get(label) or "").strip() for label in FILL_LABELS))


def _write_manifest(outdir: Path, ds: Dataset, q: Quarter, deadline: str, issued_at: str,
                    chosen: list[Recipient], result: IssueResult) -> Path:
    from ..infra.atomic import write_text_atomic
    from ..version import VERSION as __version__

    files = {unit: path.name for unit, path, _l, _r in result.files}
    data = {"format": "xltools-issue", "version": 1, "dataset_id": ds.dataset_id, "title": ds.title,
            "quarter": q.code, "deadline": deadline, "issued_at": issued_at, "tool_version": __version__,
            "units": [{"unit": r.unit, "file": files[r.unit], "lead": r.n_lead, "responsible": r.n_responsible,
                       "tasks": [{"key": t.key, "role": role} for t, role in r.tasks]} for r in chosen]}
    path = outdir / "manifest.json"
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return path


def _write_list(outdir: Path, ds: Dataset, q: Quarter, result: IssueResult) -> Path:
    from ..infra.atomic import atomic_path
    from ..infra.rowfit import row_height
    from ..infra.xlsx import header_format, new_workbook

    path = outdir / "下发清单.xlsx"
    with atomic_path(path) as tmp:
        wb = new_workbook(tmp)
        ws = wb.add_worksheet("下发清单")
        font = {"font_name": "宋体", "font_size": 11}
        head = header_format(wb, font_size=11)
        cell = wb.add_format({**font, "border": 1, "text_wrap": True, "valign": "top"})
        ws.write_string(0, 0, f"{ds.title} {q.zh} 填报表下发清单",
                        wb.add_format({"bold": True, "font_size": 14, "font_name": "黑体"}))
        ws.set_row(0, 24)
        for c, (label, width) in enumerate((("单位", 30), ("文件", 50), ("牵头任务数", 10), ("责任任务数", 10),
                                            ("合计", 8))):
            ws.write_string(1, c, label, head)
            ws.set_column(c, c, width)
        r = 2
        for unit, fpath, n_lead, n_resp in result.files:
            ws.write_string(r, 0, unit, cell)
            ws.write_string(r, 1, fpath.name, cell)
            ws.set_row(r, row_height([(unit, 30), (fpath.name, 50)], 11))
            for c, n in enumerate((n_lead, n_resp, n_lead + n_resp), start=2):
                ws.write_number(r, c, n, cell)
            r += 1
        ws.write_string(r, 0, f"合计（{len(result.files)} 个单位）", head)
        for c in (2, 3, 4):
            ws.write_number(r, c, sum(f[c] for f in result.files) if c < 4 else
                            sum(f[2] + f[3] for f in result.files), head)
        ws.freeze_panes(2, 0)
        # on paper: A4 fitted to the width, the header row on every page, page numbers
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(1)
        ws.set_footer('&C&"宋体"&9第 &P 页，共 &N 页')
        wb.close()
    return path
