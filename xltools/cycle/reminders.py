"""The reminders (催报) for units that have not reported or must complete their return, from the facts the
consolidated workbook's 单位统计 states (xltools/cycle/facts.py), and the 催报清单 workbook that lists them.

Rules:
- A reminder goes to each unit not reported (未报送, 空表) and each unit that reported but left tasks
  unanswered or answers to correct (需补正); a complete return gets none.
- The words fit the moment: before the deadline 「请于…前报送」; after it 「已逾期 N 天」 and 「请于…前补报」 with
  the new date given (`remind --deadline`), else 「请尽快补报」; no deadline: 「请尽快报送」. A 空表 is told so;
  a unit that reported is told which tasks and answers to complete, by the date in force (it is not late).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import XlError
from ..findings import name_tasks
from .facts import BLANK, MISSING, UnitFacts, zh_date
from .summary import Consolidated, quarter_zh, read_consolidated


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
    owed = [f"{name_tasks(f.unanswered)}未填写"] if f.unanswered else []
    late = [f"{f.lateness()}报送（按{f.received_source}）"] if f.late else []  # for the clerk, not in the text
    return late + owed + f.corrections


def _reminder_text(c: Consolidated, f: UnitFacts, kind: str, overdue: int, due: str) -> str:
    quarter = quarter_zh(c.quarter)
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
        needs.append(f"尚有 {f.owed} 项任务未填写（{name_tasks(f.unanswered)}）")
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
    from .quarter import parse_date

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


_REMINDER_COLUMNS = (("单位", 22), ("情况", 8), ("欠报任务数", 8), ("报送期限", 12), ("需处理的问题", 34),
                     ("提醒文字（可直接复制）", 62))


def _write_reminder_sheet(items: list[Reminder], output: str | Path, c: Consolidated) -> None:
    """The 催报清单 sheet, for the screen and for paper: A4 landscape fitted to the width, the title and
    header rows on every page, page numbers, 宋体 in every cell, counts as numbers, each row as tall as
    its longest wrapped text (rowfit), so nothing is cut."""
    from ..infra.atomic import atomic_path
    from ..infra.rowfit import row_height
    from ..infra.xlsx import header_format, new_workbook

    font = {"font_name": "宋体", "font_size": 11}
    with atomic_path(output) as tmp:
        wb = new_workbook(tmp)
        ws = wb.add_worksheet("催报清单")
        title_fmt = wb.add_format({**font, "font_name": "黑体", "font_size": 14, "bold": True, "align": "center",
                                   "valign": "vcenter", "text_wrap": True})
        head = header_format(wb, **font)
        body = wb.add_format({**font, "text_wrap": True, "valign": "top", "border": 1})
        number = wb.add_format({**font, "valign": "top", "border": 1, "align": "center"})
        last = len(_REMINDER_COLUMNS) - 1
        span = sum(w for _l, w in _REMINDER_COLUMNS)
        title = f"{c.title} {quarter_zh(c.quarter)} 催报清单"
        ws.merge_range(0, 0, 0, last, title, title_fmt)
        ws.set_row(0, row_height([(title, span)], 14, 2))
        for col, (label, width) in enumerate(_REMINDER_COLUMNS):
            ws.write_string(1, col, label, head)
            ws.set_column(col, col, width)
        ws.set_row(1, row_height([(label, w) for label, w in _REMINDER_COLUMNS], 11))
        for r, item in enumerate(items, start=2):
            texts = (item.unit, item.kind, "", item.deadline or "尽快", "；".join(item.problems), item.text)
            for col, value in enumerate(texts):
                if col == 2:
                    ws.write_number(r, col, item.tasks_owed, number)
                else:
                    ws.write_string(r, col, value, body)
            ws.set_row(r, row_height(zip(texts, (w for _l, w in _REMINDER_COLUMNS), strict=True), 11))
        ws.freeze_panes(2, 1)
        ws.set_paper(9)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0, 1)
        ws.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
        ws.set_footer('&C&"宋体"&9第 &P 页，共 &N 页')
        ws.print_area(0, 0, max(len(items) + 1, 1), last)
        wb.close()
