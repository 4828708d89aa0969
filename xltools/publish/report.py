"""The report that goes up (落实情况汇总表) and the reminders for late units, from the consolidated workbook.

Every figure and every answer comes from the consolidated workbook written by `merge` (its 明细,
汇总, 未报送 and 校验问题 sheets and the hidden 「_xltools」 sheet); nothing is recomputed from the trackers.

Rules:
- 进展情况 of a task joins the lead unit's answer and then the other units' answers, each introduced
  by the unit's name ("市教育局：……"); a unit that did not report is named as such (「市财政局：未报送」).
- 完成状态 is the task's overall status as the consolidated workbook states it (汇总).
- The overview counts tasks by that overall status and units expected, returned and not returned.
- With `previous` (last quarter's consolidated workbook): newly completed = 已完成 now and not before;
  newly late = 滞后 now and not before; matched by task key.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import XlError

STATUS_ORDER = ("已完成", "推进中", "滞后", "未启动", "未报送")
NOT_REPORTED = "未报送"


@dataclass
class UnitAnswer:
    """One unit's answer to a task as the consolidated workbook holds it."""

    unit: str
    role: str
    status: str = ""
    progress: str = ""
    problems: str = ""
    next_steps: str = ""
    reported: bool = True


@dataclass
class ReportTask:
    """A task of the consolidated workbook with its overall status and every unit's answer."""

    key: str
    number: str
    content: str
    category: str = ""
    lead: str = ""
    overall: str = ""
    answers: list[UnitAnswer] = field(default_factory=list)
    units: str = ""  # 责任单位 as in the 汇总 sheet


@dataclass
class Consolidated:
    """A consolidated workbook read back: its list, quarter, tasks, missing units and findings."""

    path: Path
    title: str = ""
    quarter: str = ""
    dataset_id: str = ""
    deadline: str = ""
    has_category: bool = False
    tasks: list[ReportTask] = field(default_factory=list)
    missing: dict[str, int] = field(default_factory=dict)
    findings: list[dict[str, str]] = field(default_factory=list)
    units: list[str] = field(default_factory=list)

    def status_counts(self) -> Counter[str]:
        return Counter(t.overall for t in self.tasks)


# -- reading ---------------------------------------------------------------------------
def read_consolidated(path: str | Path) -> Consolidated:
    """Read what the report needs; a workbook that is not a consolidated workbook → XlError."""
    path = Path(path)
    sheets = _read_sheets(path)
    info = _key_values(sheets.get("_xltools", []))
    if info.get("format") != "xltools-consolidated":
        raise XlError("这不是 xltools 生成的汇总表（缺少隐藏的「_xltools」信息表）。", file=path.name,
                      hint="请使用 xltools merge 生成的汇总表（如 2026Q1/汇总.xlsx），不要另存为其他格式后再用。")
    for needed in ("汇总", "明细"):
        if needed not in sheets:
            raise XlError(f"汇总表缺少工作表「{needed}」。", file=path.name, hint="请重新运行 xltools merge 生成汇总表。")
    c = Consolidated(path, info.get("title", ""), info.get("quarter", ""), info.get("dataset_id", ""),
                     info.get("deadline", ""))
    _read_summary(sheets["汇总"], c)
    _read_details(sheets["明细"], c)
    c.missing = _read_missing(sheets.get("未报送", []))
    c.findings = _records(sheets.get("校验问题", []), ("问题",))
    return c


def _read_sheets(path: Path) -> dict[str, list[list[str]]]:
    if not path.exists():
        raise XlError("找不到汇总表文件。", file=str(path), hint="请检查路径。")
    from ..infra.sniff import sniff

    kind = sniff(path)
    if kind not in ("xlsx", "xlsm"):
        raise XlError("汇总表应是 .xlsx 工作簿，这个文件不是（或已损坏、已加密）。", file=path.name,
                      hint="请使用 xltools merge 生成的汇总表。")
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
        return {name: [[_text(v) for v in row] for row in wb.get_sheet_by_name(name).to_python()]
                for name in wb.sheet_names}
    except Exception as exc:  # calamine raises its own error types for damaged parts
        raise XlError(f"汇总表无法读取（{type(exc).__name__}）。", file=path.name,
                      hint="文件可能已损坏；请重新运行 xltools merge 生成。") from exc


def _text(value) -> str:
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return str(value)


def _key_values(rows: list[list[str]]) -> dict[str, str]:
    out = {}
    for row in rows:
        if len(row) >= 2 and row[0] and row[0] not in out:
            out[row[0].strip()] = row[1]
    return out


def _records(rows: list[list[str]], must: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows under the first row that holds all `must` labels, as dicts by header label."""
    for i, row in enumerate(rows):
        labels = [c.strip() for c in row]
        if all(m in labels for m in must):
            return [dict(zip(labels, r, strict=False)) for r in rows[i + 1:] if any(v.strip() for v in r)]
    return []


def _read_summary(rows: list[list[str]], c: Consolidated) -> None:
    records = _records(rows, ("序号", "任务内容"))
    if records:
        c.has_category = "主要任务" in records[0]
    status_label = _first_label(records, ("总体状态", "综合状态", "完成状态", "状态"))
    for r in records:
        if not r.get("任务内容", "").strip():
            continue  # the chart's data beside the table
        key = r.get("任务编号", "") or f"{r.get('序号', '')}|{r.get('任务内容', '')}"
        c.tasks.append(ReportTask(key=key, number=r.get("序号", ""), content=r.get("任务内容", ""),
                                  category=r.get("主要任务", ""), lead=r.get("牵头单位", ""),
                                  overall=r.get(status_label, "") if status_label else "",
                                  units=r.get("责任单位", "")))


def _first_label(records: list[dict[str, str]], candidates: tuple[str, ...]) -> str:
    if not records:
        return ""
    for label in candidates:
        if label in records[0]:
            return label
    return ""


def _read_details(rows: list[list[str]], c: Consolidated) -> None:
    by_key = {t.key: t for t in c.tasks}
    by_number = {(t.number, t.content): t for t in c.tasks}
    units: dict[str, None] = {}
    for r in _records(rows, ("任务内容", "单位", "完成状态")):
        task = by_key.get(r.get("任务编号", "")) or by_number.get((r.get("序号", ""), r.get("任务内容", "")))
        if task is None:
            continue
        status = r.get("完成状态", "")
        reported = status != NOT_REPORTED and bool(status or r.get("进展情况", ""))
        task.answers.append(UnitAnswer(unit=r.get("单位", ""), role=r.get("本单位职责", ""),
                                       status=status if reported else NOT_REPORTED, progress=r.get("进展情况", ""),
                                       problems=r.get("存在问题", ""), next_steps=r.get("下一步计划", ""),
                                       reported=reported))
        units.setdefault(r.get("单位", ""), None)
    for task in c.tasks:
        task.answers.sort(key=lambda a: a.role != "牵头")
        if not task.overall:
            task.overall = _overall(task)
    c.units = [u for u in units if u]


def _overall(task: ReportTask) -> str:
    reported = [a for a in task.answers if a.reported]
    if not reported:
        return NOT_REPORTED
    if any(a.status == "滞后" for a in reported):
        return "滞后"
    lead = next((a for a in reported if a.role == "牵头"), reported[0])
    return lead.status


def _read_missing(rows: list[list[str]]) -> dict[str, int]:
    out = {}
    for r in _records(rows, ("单位",)):
        owed = next((v for k, v in r.items() if "任务" in k and v.isdigit()), "0")
        out[r["单位"]] = int(owed)
    return out


# -- composing ---------------------------------------------------------------------------
def progress_text(task: ReportTask, unit: str | None = None) -> str:
    """Each unit's answer introduced by its name; units that did not report named as such."""
    parts = []
    for a in task.answers:
        if unit and a.unit != unit:
            continue
        parts.append(f"{a.unit}：{a.progress or '（未填写进展）'}" if a.reported else f"{a.unit}：未报送")
    return "\n".join(parts)


def problems_text(task: ReportTask, unit: str | None = None) -> str:
    seen: list[str] = []
    for a in task.answers:
        if (unit and a.unit != unit) or not a.reported:
            continue
        text = a.problems.strip()
        if text and text not in ("无", "暂无", "-", "/") and text not in seen:
            seen.append(f"{a.unit}：{text}" if len(task.answers) > 1 else text)
    return "\n".join(seen)


def overview(c: Consolidated, tasks: list[ReportTask], previous: Consolidated | None = None) -> list[str]:
    counts = Counter(t.overall for t in tasks)
    parts = [f"{s} {counts[s]} 项" for s in STATUS_ORDER if counts.get(s)]
    others = [f"{s} {n} 项" for s, n in counts.items() if s not in STATUS_ORDER and n]
    text = f"本季度（{_quarter_zh(c.quarter)}）共列入任务 {len(tasks)} 项，其中" + "、".join(parts + others) + "。"
    expected = sorted(set(c.units) | set(c.missing))
    missing = list(c.missing)
    text += f"应报送单位 {len(expected)} 个，已报送 {len(expected) - len(missing)} 个"
    text += f"，未报送 {len(missing)} 个（{'、'.join(missing)}）。" if missing else "，全部按时报送。"
    lines = [text]
    if previous is not None:
        lines.append(_changes(tasks, previous))
    return lines


def _changes(tasks: list[ReportTask], previous: Consolidated) -> str:
    before = {t.key: t.overall for t in previous.tasks}
    done = [t.number for t in tasks if t.overall == "已完成" and before.get(t.key) not in (None, "已完成")]
    late = [t.number for t in tasks if t.overall == "滞后" and before.get(t.key) not in (None, "滞后")]
    text = f"与上季度相比，新完成 {len(done)} 项"
    text += f"（第 {'、'.join(done)} 项）" if done else ""
    text += f"，新出现滞后 {len(late)} 项" + (f"（第 {'、'.join(late)} 项）" if late else "") + "。"
    return text


def _quarter_zh(code: str) -> str:
    from ..cycle.quarter import parse_quarter

    try:
        return parse_quarter(code).zh
    except XlError:
        return code


def select_tasks(c: Consolidated, only: list[str] | None = None, unit: str | None = None) -> list[ReportTask]:
    tasks = c.tasks
    if only:
        tasks = [t for t in tasks if t.overall in only]
    if unit:
        tasks = [t for t in tasks if any(a.unit == unit for a in t.answers)]
        if not tasks:
            raise XlError(f"汇总表中没有单位「{unit}」的任务。", file=c.path.name,
                          hint="请检查单位名称是否与「明细」表中的写法一致。")
    return tasks


def report_dataset(c: Consolidated, tasks: list[ReportTask], unit: str | None = None):
    """The report's table as a Dataset, so it is written by the attachment writer in the same format."""
    from ..dataset.model import Dataset, Task

    columns = {"number": "序号"}
    if c.has_category:
        columns["category"] = "主要任务"
    # A list without lead units (责任单位 only, like 驻马店's) shows its responsible units instead of an
    # empty 牵头单位 column.
    has_lead = any(t.lead.strip() for t in tasks)
    columns.update({"content": "任务内容", "lead": "牵头单位" if has_lead else "责任单位", "extra:进展情况": "进展情况",
                    "extra:完成状态": "完成状态", "extra:存在问题": "存在问题"})
    title = f"{c.title}落实情况汇总表（{_quarter_zh(c.quarter)}）"
    if unit:
        title = f"{unit}{title}"
    ds = Dataset(title=title, attachment_label="", columns=columns, dataset_id=c.dataset_id)
    for t in tasks:
        shown = t.lead if has_lead else t.units
        lead = [x for x in shown.replace("\n", "、").split("、") if x]
        ds.tasks.append(Task(key=t.key, number=t.number, content=t.content, category=t.category,
                             lead_units=lead, lead_text=shown,
                             extra={"进展情况": progress_text(t, unit), "完成状态": t.overall,
                                    "存在问题": problems_text(t, unit)}))
    return ds


def write_report(consolidated: str | Path, output: str | Path, *, only: list[str] | None = None,
                 unit: str | None = None, previous: str | Path | None = None, pdf: bool = False,
                 template: str | Path | None = None, label: str | None = None):
    """Write the 落实情况 report as an official-format .docx (and PDF); return the attachment result."""
    from .attachment import write_attachment

    c = read_consolidated(consolidated)
    prev = read_consolidated(previous) if previous else None
    tasks = select_tasks(c, only, unit)
    ds = report_dataset(c, tasks, unit)
    intro = overview(c, tasks if only or unit else c.tasks, prev)
    # Very long answers are kept whole, so a row may run over a page (split_rows).
    return write_attachment(ds, output, label=label if label is not None else "", intro=intro, pdf=pdf,
                            template=template, split_rows=True, wide=("extra:进展情况",))


# -- reminders ---------------------------------------------------------------------------
@dataclass
class Reminder:
    """The reminder text for one unit that is late or must correct its return."""

    unit: str
    tasks_owed: int
    deadline: str
    problems: list[str]
    text: str


def reminders(c: Consolidated) -> list[Reminder]:
    """One reminder per unit that has not returned or must fix its return."""
    out = []
    deadline = c.deadline or "尽快"
    for unit, owed in c.missing.items():
        text = (f"{unit}：您好！{c.title}{_quarter_zh(c.quarter)}落实情况填报表尚未收到，涉及贵单位任务 {owed} 项，"
                f"请于{deadline}前填报报送。如已报送，请忽略本提醒。谢谢！")
        out.append(Reminder(unit, owed, c.deadline, ["未报送"], text))
    by_unit: dict[str, list[str]] = {}
    for f in c.findings:
        unit = f.get("单位", "")
        if unit and unit not in c.missing and f.get("级别", "") in ("问题", "错误", "需处理"):
            by_unit.setdefault(unit, []).append(f.get("问题", ""))
    for unit, problems in by_unit.items():
        owed = sum(1 for t in c.tasks for a in t.answers if a.unit == unit)
        text = (f"{unit}：您好！贵单位报送的{_quarter_zh(c.quarter)}落实情况填报表有 {len(problems)} 处需要完善："
                + "；".join(problems[:3]) + ("等" if len(problems) > 3 else "") + "。请修改后重新报送，谢谢！")
        out.append(Reminder(unit, owed, c.deadline, problems, text))
    return out


def write_reminders(consolidated: str | Path, output: str | Path | None = None) -> list[Reminder]:
    """Compute the reminders; when `output` is given also write them as a 催报清单 sheet."""
    c = read_consolidated(consolidated)
    items = reminders(c)
    if output:
        _write_reminder_sheet(items, output, c)
    return items


def _write_reminder_sheet(items: list[Reminder], output: str | Path, c: Consolidated) -> None:
    import xlsxwriter

    from ..infra.atomic import atomic_path

    with atomic_path(output) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False})
        ws = wb.add_worksheet("催报清单")
        head = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "align": "center"})
        body = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
        ws.write_string(0, 0, f"{c.title} {_quarter_zh(c.quarter)} 催报清单", wb.add_format({"bold": True}))
        for col, (label, width) in enumerate((("单位", 26), ("欠报任务数", 10), ("截止日期", 12),
                                              ("需处理的问题", 40), ("提醒文字（可直接复制）", 70))):
            ws.write_string(1, col, label, head)
            ws.set_column(col, col, width)
        for r, item in enumerate(items, start=2):
            for col, value in enumerate((item.unit, str(item.tasks_owed), item.deadline, "；".join(item.problems),
                                         item.text)):
                ws.write_string(r, col, value, body)
        ws.freeze_panes(2, 1)
        wb.close()
