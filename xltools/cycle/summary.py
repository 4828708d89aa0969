"""The consolidated workbook (汇总.xlsx) read back: its one reader, used by the report, the reminders,
the next quarter's prefilled trackers and the page.

Every figure comes from the workbook written by `merge` (its 明细, 汇总, 未报送 and 校验问题 sheets and the hidden
「_xltools」 sheet); nothing is recomputed from the trackers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..dataset.model import task_label
from ..errors import XlError
from .contract import NOT_REPORTED, overall_of
from .facts import MISSING, REPORTED, STAT_HEADERS, UnitFacts, facts_from_record


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

    @property
    def label(self) -> str:
        """How the report names it: its 序号, or its opening words where the list numbers none."""
        return task_label(self.number, self.content)


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
    sheets = read_sheets(path)
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
    c.facts = _read_facts(sheets.get("单位统计", []))
    c.missing = {f.unit: f.owed for f in c.facts.values() if not f.reported} if c.facts else _read_missing(
        sheets.get("未报送", []))
    c.findings = records(sheets.get("校验问题", []), ("问题",))
    return c


def _read_facts(rows: list[list[str]]) -> dict[str, UnitFacts]:
    """单位统计 read back into each unit's facts; a workbook from before the facts (是否报送 only) gives
    what it can: reported or not, every task answered when reported."""
    found = records(rows, ("单位",))
    if not found:
        return {}
    statuses = tuple(k for k in found[0] if k not in STAT_HEADERS and k not in ("是否报送", "完成率"))
    out = {}
    for r in found:
        if "报送情况" not in r:  # an older workbook
            r = dict(r, 报送情况=REPORTED if r.get("是否报送") == "是" else MISSING)
            tasks = sum(int(float(r.get(k) or 0)) for k in ("牵头任务数", "责任任务数"))
            r["已填任务数"] = str(tasks) if r["报送情况"] == REPORTED else "0"
        f = facts_from_record(r, statuses)
        if f.unit:
            out[f.unit] = f
    return out


def read_sheets(path: Path) -> dict[str, list[list[str]]]:
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


def records(rows: list[list[str]], must: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows under the first row that holds all `must` labels, as dicts by header label."""
    for i, row in enumerate(rows):
        labels = [c.strip() for c in row]
        if all(m in labels for m in must):
            return [dict(zip(labels, r, strict=False)) for r in rows[i + 1:] if any(v.strip() for v in r)]
    return []


def _read_summary(rows: list[list[str]], c: Consolidated) -> None:
    found = records(rows, ("序号", "任务内容"))
    if found:
        c.has_category = "主要任务" in found[0]
    status_label = _first_label(found, ("总体状态", "综合状态", "完成状态", "状态"))
    for r in found:
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
    for r in records(rows, ("任务内容", "单位", "完成状态")):
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
            task.overall = overall_of([(a.role, a.status) for a in task.answers if a.reported])
    c.units = [u for u in units if u]


def _read_missing(rows: list[list[str]]) -> dict[str, int]:
    out = {}
    for r in records(rows, ("单位",)):
        owed = next((v for k, v in r.items() if "任务" in k and v.isdigit()), "0")
        out[r["单位"]] = int(owed)
    return out




def quarter_zh(code: str) -> str:
    """「2026年第一季度」 for a quarter code, the code itself when it is not one."""
    from .quarter import parse_quarter

    try:
        return parse_quarter(code).zh
    except XlError:
        return code
