"""The report that goes up (落实情况汇总表) and the reminders for late units, from the consolidated workbook.

Every figure and every answer comes from the consolidated workbook written by `merge` (its 明细,
汇总, 未报送 and 校验问题 sheets and the hidden 「_xltools」 sheet); nothing is recomputed from the trackers.

Rules:
- 进展情况 of a task joins the lead unit's answer and then the other units' answers, each introduced
  by the unit's name ("市教育局：……"); a unit that did not report is named as such (「市财政局：未报送」).
- 完成状态 is the task's overall status as the consolidated workbook states it (汇总).
- The overview counts tasks by that overall status; its sentence on the returns (`returns_sentence`) states
  the facts of 单位统计 (xltools/facts.py): units expected, reported (late ones named with their days),
  not reported (a 空表 named as such). 「全部按时报送」 only when every unit reported by the deadline.
- Reminders (`reminders`) come from the same facts and fit the moment: before the deadline 「请于…前报送」;
  after it 「已逾期 N 天」 and 「请于…前补报」 with the new date given (`remind --deadline`), else 「请尽快补报」.
  A 空表 is told so; a unit that reported but left tasks or fields empty is told which, and asked to
  complete them by the date in force (no lateness: it has reported).
- With `previous` (last quarter's consolidated workbook): newly completed = 已完成 now and not before;
  newly late = 滞后 now and not before; matched by task key.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..cycle.facts import BLANK, FROM_FILLED, MISSING, REPORTED, UnitFacts, zh_date
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
    facts: dict[str, UnitFacts] = field(default_factory=dict)  # 单位统计, as the merge decided it

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
    c.facts = _read_facts(sheets.get("单位统计", []), c)
    c.missing = {f.unit: f.owed for f in c.facts.values() if not f.reported} if c.facts else _read_missing(
        sheets.get("未报送", []))
    c.findings = _records(sheets.get("校验问题", []), ("问题",))
    return c


def _read_facts(rows: list[list[str]], c: Consolidated) -> dict[str, UnitFacts]:
    """单位统计 read back into each unit's facts; a workbook from before the facts (是否报送 only) gives
    what it can: reported or not, every task answered when reported."""
    from ..cycle.facts import STAT_HEADERS, facts_from_record

    records = _records(rows, ("单位",))
    if not records:
        return {}
    statuses = tuple(k for k in records[0] if k not in STAT_HEADERS and k not in ("是否报送", "完成率"))
    out = {}
    for r in records:
        if "报送情况" not in r:  # an older workbook
            r = dict(r, 报送情况=REPORTED if r.get("是否报送") == "是" else MISSING)
            tasks = sum(int(float(r.get(k) or 0)) for k in ("牵头任务数", "责任任务数"))
            r["已填任务数"] = str(tasks) if r["报送情况"] == REPORTED else "0"
        f = facts_from_record(r, statuses)
        if f.unit:
            out[f.unit] = f
    return out


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
    if c.facts:
        text += returns_sentence(list(c.facts.values()), c.deadline)
    else:  # no 单位统计 sheet to state
        expected = sorted(set(c.units) | set(c.missing))
        text += f"应报送单位 {len(expected)} 个，未报送 {len(c.missing)} 个。"
    lines = [text]
    if previous is not None:
        lines.append(_changes(tasks, previous))
    return lines


def returns_sentence(units: list[UnitFacts], deadline: str) -> str:
    """The overview's sentence on the returns, from the units' facts: how many were expected, reported
    (each late one named with its days, and what its date rests on when not its 填报日期) and not
    reported (a 空表 named as such); 「全部按时报送」 only when every unit reported by the deadline."""
    reported = [f for f in units if f.reported]
    late = [f for f in reported if f.late]
    text = f"应报送单位 {len(units)} 个" + (f"（截止日期为{zh_date(deadline)}）" if deadline else "")
    if units and len(reported) == len(units) and deadline and not late:
        return text + "，全部按时报送。"
    said = f"已报送 {len(reported)} 个"
    if reported and deadline:
        said += f"，其中逾期 {len(late)} 个（{'、'.join(_late_words(f) for f in late)}）" if late else "，均按时报送"
    elif reported:
        said += "（未规定截止日期，未判断是否按时）"
    parts = [said]
    missing = [f.unit for f in units if f.state == MISSING]
    blank = [f.unit for f in units if f.state == BLANK]
    if missing or blank:
        named = "、".join(missing) + ("；" if missing and blank else "") + (f"{'、'.join(blank)}交回空表" if blank else "")
        parts.append(f"未报送 {len(missing) + len(blank)} 个（{named}）")
    text += "，" + "；".join(parts) + "。"
    for source in sorted({f.received_source for f in late if f.received_source != FROM_FILLED}):
        named = "、".join(f.unit for f in late if f.received_source == source)
        text += f"{named}未填写填报日期，报送日期按{source}计。"
    return text


def _late_words(f: UnitFacts) -> str:
    return f"{f.unit}逾期 {f.days_late} 天"


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
    """The reminder for one unit that has not reported (未报送, 空表) or must complete its return (需补正)."""

    unit: str
    tasks_owed: int
    deadline: str
    problems: list[str]
    text: str
    kind: str = MISSING  # 未报送 | 空表 | 需补正
    days_late: int = 0  # days past the deadline on the day of the reminder


CORRECT = "需补正"


def reminders(c: Consolidated, today: dt.date | None = None, new_deadline: str | None = None) -> list[Reminder]:
    """One reminder per unit that has not reported or left tasks or answers empty, from 单位统计's facts,
    worded for `today` (before or after the deadline) and naming `new_deadline` when given."""
    today = today or dt.date.today()
    overdue = (today - dt.date.fromisoformat(c.deadline)).days if _is_date(c.deadline) else 0
    due = new_deadline or (c.deadline if overdue <= 0 else "")
    out = []
    for f in c.facts.values():
        if f.reported and not f.owed and not f.corrections:
            continue
        kind = f.state if not f.reported else CORRECT
        out.append(Reminder(f.unit, f.owed, due, _problems(f), _reminder_text(c, f, kind, overdue, due), kind,
                            max(overdue, 0)))
    return out


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return bool(text)


def _problems(f: UnitFacts) -> list[str]:
    if f.state == MISSING:
        return ["未报送"]
    if f.state == BLANK:
        return [f"交回空表（{f.file}）"]
    owed = [f"第 {'、'.join(f.unanswered)} 项未填写"] if f.unanswered else []
    return owed + f.corrections


def _reminder_text(c: Consolidated, f: UnitFacts, kind: str, overdue: int, due: str) -> str:
    quarter = _quarter_zh(c.quarter)
    if overdue > 0:
        when = f"已逾期 {overdue} 天（截止日期为{zh_date(c.deadline)}），" + (f"请于{zh_date(due)}前补报" if due else
                                                                         "请尽快补报")
    else:
        when = f"请于{zh_date(due)}前报送" if due else "请尽快报送"
    if kind == MISSING:
        return (f"{f.unit}：您好！{c.title}{quarter}落实情况填报表尚未收到，涉及贵单位任务 {f.owed} 项，{when}。"
                "如已报送，请忽略本提醒。谢谢！")
    if kind == BLANK:
        return (f"{f.unit}：您好！贵单位交回的{quarter}落实情况填报表是空表（{f.owed} 项任务{'均' if f.owed > 1 else ''}"
                f"未填写），视为未报送。{when}。谢谢！")
    needs = []
    if f.unanswered:
        needs.append(f"尚有 {f.owed} 项任务未填写（第 {'、'.join(f.unanswered)} 项）")
    if f.corrections:
        needs.append(f"有 {len(f.corrections)} 处需补正：" + "；".join(f.corrections[:5])
                     + ("等" if len(f.corrections) > 5 else ""))
    # the unit has reported: what it owes is a completion, asked for by the date in force, not a lateness
    again = f"请于{zh_date(due)}前补充后重新报送" if due else "请尽快补充后重新报送"
    return f"{f.unit}：您好！贵单位报送的{quarter}落实情况填报表" + "，".join(needs) + f"。{again}。谢谢！"


def write_reminders(consolidated: str | Path, output: str | Path | None = None, *, deadline: str | None = None,
                    today: dt.date | None = None) -> list[Reminder]:
    """Compute the reminders (for `today`, with the new `deadline` when given); when `output` is given
    also write them as a 催报清单 sheet."""
    from ..cycle.trackers import parse_date

    c = read_consolidated(consolidated)
    new = parse_date(deadline) if deadline else None
    today = today or dt.date.today()
    if new and dt.date.fromisoformat(new) < today:
        raise XlError(f"新的截止日期 {new} 早于今天（{today.isoformat()}）。", hint="请给出今天以后的日期，如 --deadline "
                      f"{(today + dt.timedelta(days=5)).isoformat()}。")
    items = reminders(c, today, new)
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
        for col, (label, width) in enumerate((("单位", 26), ("情况", 8), ("欠报任务数", 10), ("报送期限", 12),
                                              ("需处理的问题", 40), ("提醒文字（可直接复制）", 70))):
            ws.write_string(1, col, label, head)
            ws.set_column(col, col, width)
        for r, item in enumerate(items, start=2):
            for col, value in enumerate((item.unit, item.kind, str(item.tasks_owed), item.deadline or "尽快",
                                         "；".join(item.problems), item.text)):
                ws.write_string(r, col, value, body)
        ws.freeze_panes(2, 1)
        wb.close()
