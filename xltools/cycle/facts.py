"""The facts about each unit's return for a quarter: computed once by the merge, rendered everywhere.

单位统计, 未报送, the report's overview sentence, the reminder list and the page's board all state these
facts; none of them counts again. The consolidated workbook carries them in its 单位统计 sheet (and the
deadline in its hidden 「_xltools」 sheet), so `report` and `remind` read back exactly what `merge` decided.

Rules:
- A unit has reported (已报送) when its counted file answers at least one of its tasks (any fill cell of
  the task's row filled). A file that answers none is 「空表」: listed, counted as not reported. A unit
  whose file did not come (or was left out) is 「未报送」.
- Tasks owed: the unit's tasks its file does not answer (all of them when it has not reported).
- Fields missing: on an answered task, a required answer left empty (进展情况, 完成状态 by default,
  templates/merge.toml); on the sign-off, 填报人 or 联系电话 left empty. A status not among the
  options is a correction too. These are `corrections`, each a sentence naming the task.
- When a return came: its 填报日期 where the unit filled it in; else the time it was received (the page
  records it); else, for a file on disk, its modification time. The source is said with the date.
- Days late: whole days from the deadline to that date (0 when on or before it, or no deadline).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

REPORTED, BLANK, MISSING = "已报送", "空表", "未报送"
FROM_FILLED, FROM_RECEIVED, FROM_MTIME = "填报日期", "接收时间", "文件修改时间"


@dataclass
class UnitFacts:
    """One unit's return for the quarter: whether it reported, when, how late, and what it still owes."""

    unit: str
    lead: int = 0  # tasks it leads
    responsible: int = 0  # tasks it shares
    state: str = MISSING  # 已报送 | 空表 | 未报送
    file: str = ""  # the counted file ("" when none came)
    received: str = ""  # the date (YYYY-MM-DD) the return counts as received
    received_source: str = ""  # 填报日期 | 接收时间 | 文件修改时间
    days_late: int = 0
    answered: int = 0  # tasks its file answers
    unanswered: list[str] = field(default_factory=list)  # 序号 of the tasks a reported file leaves empty
    corrections: list[str] = field(default_factory=list)  # what to correct in a reported file
    statuses: dict[str, int] = field(default_factory=dict)  # 完成状态 → tasks, over the answered ones

    @property
    def tasks(self) -> int:
        return self.lead + self.responsible

    @property
    def reported(self) -> bool:
        return self.state == REPORTED

    @property
    def owed(self) -> int:
        """Tasks not answered: all of them when the unit has not reported."""
        return self.tasks - self.answered if self.reported else self.tasks

    @property
    def late(self) -> bool:
        return self.reported and self.days_late > 0

    def lateness(self) -> str:
        """「逾期 N 天」, 「按时」, or "" (not reported, or no deadline to judge by)."""
        if not self.reported or not self.received:
            return ""
        return f"逾期 {self.days_late} 天" if self.days_late > 0 else "按时"


def days_between(deadline: str, when: str) -> int:
    """Whole days `when` (ISO date or time) is after `deadline` (ISO date); 0 when not after or unknown."""
    try:
        end, day = dt.date.fromisoformat(deadline[:10]), dt.date.fromisoformat(when[:10])
    except ValueError:
        return 0
    return max(0, (day - end).days)


def zh_date(iso: str) -> str:
    """2026-04-10 → 2026年4月10日 (the text unchanged when it is not an ISO date)."""
    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.year}年{d.month}月{d.day}日"


# -- the 单位统计 sheet: how the facts are written and read back ---------------------------------------
STAT_HEADERS = ("单位", "牵头任务数", "责任任务数", "报送情况", "报送日期", "日期依据", "是否按时", "已填任务数",
                "欠报任务数", "未填任务序号", "需补正", "采用文件")


def stat_row(f: UnitFacts) -> list:
    """The 单位统计 cells for one unit, in STAT_HEADERS order (the status counts follow)."""
    return [f.unit, f.lead, f.responsible, f.state, f.received, f.received_source if f.received else "",
            f.lateness(), f.answered, f.owed, "、".join(f.unanswered), "；".join(f.corrections), f.file]


def facts_from_record(r: dict[str, str], statuses: tuple[str, ...]) -> UnitFacts:
    """A 单位统计 row read back (cells as text, by header) into the facts it states."""
    def number(label: str) -> int:
        text = (r.get(label) or "0").strip()
        return int(float(text)) if text.replace(".", "", 1).isdigit() else 0

    late = (r.get("是否按时") or "").strip()
    days = int("".join(ch for ch in late if ch.isdigit()) or 0) if late.startswith("逾期") else 0
    corrections = [c for c in (r.get("需补正") or "").split("；") if c.strip()]
    return UnitFacts(unit=r.get("单位", ""), lead=number("牵头任务数"), responsible=number("责任任务数"),
                     state=(r.get("报送情况") or MISSING).strip(), file=r.get("采用文件", ""),
                     received=r.get("报送日期", ""), received_source=r.get("日期依据", ""), days_late=days,
                     answered=number("已填任务数"), corrections=corrections,
                     unanswered=[n for n in (r.get("未填任务序号") or "").split("、") if n.strip()],
                     statuses={s: number(s) for s in statuses if number(s)})
