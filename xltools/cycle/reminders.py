"""The reminders (催报) for units that have not returned or must correct their return, from the
consolidated workbook, and the 催报清单 workbook that lists them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .summary import Consolidated, quarter_zh, read_consolidated


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
        text = (f"{unit}：您好！{c.title}{quarter_zh(c.quarter)}落实情况填报表尚未收到，涉及贵单位任务 {owed} 项，"
                f"请于{deadline}前填报报送。如已报送，请忽略本提醒。谢谢！")
        out.append(Reminder(unit, owed, c.deadline, ["未报送"], text))
    by_unit: dict[str, list[str]] = {}
    for f in c.findings:
        unit = f.get("单位", "")
        if unit and unit not in c.missing and f.get("级别", "") in ("问题", "错误", "需处理"):
            by_unit.setdefault(unit, []).append(f.get("问题", ""))
    for unit, problems in by_unit.items():
        owed = sum(1 for t in c.tasks for a in t.answers if a.unit == unit)
        text = (f"{unit}：您好！贵单位报送的{quarter_zh(c.quarter)}落实情况填报表有 {len(problems)} 处需要完善："
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
        ws.write_string(0, 0, f"{c.title} {quarter_zh(c.quarter)} 催报清单", wb.add_format({"bold": True}))
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
