"""The report that goes up (落实情况汇总表) and the reminders for late units, from the consolidated workbook.

Every figure and every answer comes from the consolidated workbook written by `merge` (its 明细,
汇总, 未报送 and 校验问题 sheets and the hidden 「_xltools」 sheet); nothing is recomputed from the trackers.

The report a leader reads, in this order: 一、总体情况 (the overview: counts by overall status, units
expected, returned and not; with `previous`, what changed), 二、需要关注的任务 (the numbers of the tasks
that are 滞后, 未启动 or 未报送, one short line each), 三、各项任务完成情况 (every task's status in a
compact table: no answers in it). Each unit's full answers follow, only when asked (`detail`), as 四、
on a new page: one row per unit and task, so no row runs over a page unless one answer is longer than
a page. 57 tasks answered by 18 units are a few pages; with `detail` the answers add what they take.

Rules:
- 进展情况 of a task joins the lead unit's answer and then the other units' answers, each introduced
  by the unit's name ("市教育局：……"); a unit that did not report is named as such (「市财政局：未报送」).
- 完成状态 is the task's overall status as the consolidated workbook states it (汇总).
- The overview counts tasks by that overall status; its sentence on the returns (`returns_sentence`) states
  the facts of 单位统计 (xltools/cycle/facts.py): units expected, reported (late ones named with their
  days, and what a date rests on when it is not the unit's 填报日期), not reported (a 空表 named as such).
  「全部按时报送」 only when every unit reported by the deadline.
- With `previous` (last quarter's consolidated workbook): newly completed = 已完成 now and not before;
  newly late = 滞后 now and not before; matched by task key.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..cycle.contract import NO_OWNER, NOT_REPORTED, STATUS_ORDER
from ..cycle.facts import BLANK, FROM_FILLED, MISSING, UnitFacts, zh_date
from ..cycle.summary import Consolidated, ReportTask, quarter_zh, read_consolidated
from ..errors import XlError
from ..findings import name_tasks


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


def overview(c: Consolidated, tasks: list[ReportTask], previous: Consolidated | None = None,
             unit: str | None = None) -> list[str]:
    counts = Counter(t.overall for t in tasks)
    parts = [f"{s} {counts[s]} 项" for s in STATUS_ORDER if counts.get(s)]
    others = [f"{s} {n} 项" for s, n in counts.items() if s not in STATUS_ORDER and n]
    text = f"本季度（{quarter_zh(c.quarter)}）共列入任务 {len(tasks)} 项，其中" + "、".join(parts + others) + "。"
    if unit:  # a report for one unit states that unit's return, not the others'
        text += unit_sentence(c.facts[unit], c.deadline) if unit in c.facts else \
            f"{unit}{'未报送' if unit in c.missing else '已报送'}。"
    elif c.facts:
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


def unit_sentence(f: UnitFacts, deadline: str) -> str:
    """The overview's sentence on one unit's return (`report --unit`), from its facts: reported with its
    date (and what the date rests on when not its 填报日期), on time or late by N days, tasks answered and
    left empty; or 空表 / not reported."""
    due = f"截止日期为{zh_date(deadline)}" if deadline else ""
    if f.state == BLANK:
        return f"{f.unit}交回空表（{f.tasks} 项任务均未填写），视为未报送" + (f"（{due}）" if due else "") + "。"
    if not f.reported:
        return f"{f.unit}未报送" + (f"（{due}）" if due else "") + "。"
    text = f"{f.unit}已报送"
    if f.received:
        text += f"，报送日期为{zh_date(f.received)}" + (f"（按{f.received_source}计）"
                                                   if f.received_source and f.received_source != FROM_FILLED else "")
    if deadline and f.received:
        text += f"，{due}，" + (f"逾期 {f.days_late} 天" if f.late else "按时报送")
    elif not deadline:
        text += "，未规定截止日期，未判断是否按时"
    text += f"；已填写任务 {f.answered} 项"
    if f.unanswered:
        text += f"，未填写 {len(f.unanswered)} 项（{name_tasks(f.unanswered)}）"
    return text + "。"


def _late_words(f: UnitFacts) -> str:
    return f"{f.unit}逾期 {f.days_late} 天"


def _changes(tasks: list[ReportTask], previous: Consolidated) -> str:
    before = {t.key: t.overall for t in previous.tasks}
    done = [t.label for t in tasks if t.overall == "已完成" and before.get(t.key) not in (None, "已完成")]
    late = [t.label for t in tasks if t.overall == "滞后" and before.get(t.key) not in (None, "滞后")]
    text = f"与上季度相比，新完成 {len(done)} 项"
    text += f"（{name_tasks(done)}）" if done else ""
    text += f"，新出现滞后 {len(late)} 项" + (f"（{name_tasks(late)}）" if late else "") + "。"
    return text


def attention(tasks: list[ReportTask]) -> list[str]:
    """One short line per status that needs attention (滞后, 未启动, 未报送): how many tasks, which numbers."""
    lines = []
    for status in ("滞后", "未启动", NOT_REPORTED):
        labels = [t.label for t in tasks if t.overall == status]
        if labels:
            lines.append(f"{status} {len(labels)} 项：{name_tasks(labels, spaced=False)}。")
    labels = [t.label for t in tasks if t.overall == NO_OWNER]
    if labels:
        lines.append(f"{NO_OWNER} {len(labels)} 项：{name_tasks(labels, spaced=False)}（清单没有写明牵头或责任单位，未下发填报表）。")
    return lines or ["没有滞后、未启动或未报送的任务。"]


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


def _unit_column(tasks: list[ReportTask]) -> tuple[str, bool]:
    """The unit column's label: 牵头单位, or 责任单位 for a list without lead units (like 驻马店's)
    rather than an empty 牵头单位 column."""
    has_lead = any(t.lead.strip() for t in tasks)
    return ("牵头单位" if has_lead else "责任单位"), has_lead


def report_dataset(c: Consolidated, tasks: list[ReportTask], unit: str | None = None):
    """The compact status table as a Dataset (序号, 主要任务, 任务内容, 牵头/责任单位, 完成状态), so it is
    written by the attachment writer in the same format."""
    from ..dataset.model import Dataset, Task

    label, has_lead = _unit_column(tasks)
    columns = {"number": "序号"} if any(t.number for t in tasks) else {}  # a list printing no 序号: no empty column
    if c.has_category:
        columns["category"] = "主要任务"
    columns.update({"content": "任务内容", "lead": label, "extra:完成状态": "完成状态"})
    ds = Dataset(title=report_title(c, unit), attachment_label="", columns=columns, dataset_id=c.dataset_id)
    for t in tasks:
        shown = t.lead if has_lead else t.units
        lead = [x for x in shown.replace("\n", "、").split("、") if x]
        ds.tasks.append(Task(key=t.key, number=t.number, content=t.content, category=t.category,
                             lead_units=lead, lead_text=shown, extra={"完成状态": t.overall}))
    return ds


def answers_dataset(c: Consolidated, tasks: list[ReportTask], unit: str | None = None):
    """Every unit's answer, one row per task and unit (序号, 单位, 完成状态, and its 进展情况 with its
    存在问题 and 下一步计划 as paragraphs of one wide cell): short rows that keep to a page; a unit that
    did not report is named as such."""
    from ..dataset.model import Dataset, Task

    numbered = any(t.number for t in tasks)  # else each row names its task by the task's opening words
    columns = {"number": "序号"} if numbered else {"extra:任务": "任务"}
    columns.update({"extra:单位": "单位", "extra:完成状态": "完成状态", "content": "进展情况"})
    ds = Dataset(title=report_title(c, unit), attachment_label="", columns=columns, dataset_id=c.dataset_id)
    for t in tasks:
        for n, a in enumerate(x for x in t.answers if not unit or x.unit == unit):
            ds.tasks.append(Task(key=f"{t.key}-{n}", number=t.number, content=_answer_text(a),
                                 extra={"任务": t.label.strip("「」"), "单位": a.unit,
                                        "完成状态": a.status if a.reported else NOT_REPORTED}))
    return ds


def _answer_text(a) -> str:
    if not a.reported:
        return NOT_REPORTED
    parts = [a.progress or "（未填写进展）"]
    if a.problems.strip() and a.problems.strip() not in ("无", "暂无", "-", "/"):
        parts.append(f"存在问题：{a.problems.strip()}")
    if a.next_steps.strip():
        parts.append(f"下一步计划：{a.next_steps.strip()}")
    return "\n".join(parts)


def report_title(c: Consolidated, unit: str | None = None) -> str:
    title = f"{c.title}落实情况汇总表（{quarter_zh(c.quarter)}）"
    return f"{unit}{title}" if unit else title


def write_report(consolidated: str | Path, output: str | Path, *, only: list[str] | None = None,
                 unit: str | None = None, previous: str | Path | None = None, pdf: bool = False,
                 template: str | Path | None = None, label: str | None = None, detail: bool = False):
    """Write the 落实情况 report as an official-format .docx (and PDF); return the attachment result.

    The overview and the tasks needing attention first, then every task's status in a compact table;
    with `detail`, every unit's full answers after it on a new page."""
    from .attachment import Annex, Heading, write_attachment

    c = read_consolidated(consolidated)
    prev = read_consolidated(previous) if previous else None
    tasks = select_tasks(c, only, unit)
    intro: list[str | Heading] = [Heading("一、总体情况"), *overview(c, tasks if only or unit else c.tasks, prev, unit),
                                  Heading("二、需要关注的任务"), *attention(tasks), Heading("三、各项任务完成情况")]
    annexes = (Annex("四、各单位报送的进展情况", answers_dataset(c, tasks, unit)),) if detail else ()
    return write_attachment(report_dataset(c, tasks, unit), output, label=label if label is not None else "",
                            intro=intro, pdf=pdf, template=template, annexes=annexes)
