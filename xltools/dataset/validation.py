"""Checks of a dataset, collected (never raised): each problem names its task and column."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from .model import KIND_COLLECTIVE, ROLE_NAMES_ZH, Dataset
from .registry import alias_groups, suggest_fixes
from .units import looks_like_unit


@dataclass
class Problem:
    """One problem in a dataset, with the task and column it is in and what to do."""

    code: str
    message: str
    number: str = ""
    task_key: str = ""
    column: str = ""
    suggestion: str = ""
    level: str = "问题"  # 问题 (fix before sending) or 提示 (check)

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    def render(self) -> str:
        where = f"第 {self.number} 项" if self.number else ""
        if self.column:
            where += f"「{self.column}」"
        text = f"[{self.level}] {where + '：' if where else ''}{self.message}"
        if self.suggestion:
            text += f" → 建议：{self.suggestion}"
        return text


def validate(ds: Dataset) -> list[Problem]:
    notes = [Problem("import_note", f"导入时：{n}", level="提示") for n in ds.import_notes]
    return [*notes, *_task_problems(ds), *_unit_problems(ds)]


def _col(ds: Dataset, role: str) -> str:
    return ROLE_NAMES_ZH.get(role, role)


def _task_problems(ds: Dataset) -> list[Problem]:
    out: list[Problem] = []
    numbers = Counter(t.number for t in ds.tasks if t.number)
    for t in ds.tasks:
        if not t.content.strip():
            out.append(Problem("empty_content", "任务内容为空", t.number, t.key, _col(ds, "content")))
        if not t.number:
            out.append(Problem("no_number", "没有序号", t.number, t.key, _col(ds, "number")))
        elif numbers[t.number] > 1:
            out.append(Problem("duplicate_number", f"序号「{t.number}」重复出现 {numbers[t.number]} 次",
                               t.number, t.key, _col(ds, "number")))
        if not t.lead_units and not t.units:
            out.append(Problem("no_unit", "没有任何牵头或责任单位，无法下发", t.number, t.key, _col(ds, "units")))
        if t.doubt:
            out.append(Problem("import_doubt", f"导入时读得不确定：{t.doubt}，请对照原文核对", t.number, t.key,
                               level="提示"))
        if t.lead_open or t.units_open:
            out.append(Problem("open_list", "单位列表以「等」结尾，可能未列全，请确认是否需要补充", t.number, t.key,
                               _col(ds, "lead" if t.lead_open else "units"), level="提示"))
    return out


def _unit_problems(ds: Dataset) -> list[Problem]:
    out: list[Problem] = []
    for s in suggest_fixes(ds):
        numbers = [t.number for t in ds.tasks if t.key in s.task_keys]
        out.append(Problem("suspicious_unit", f"单位「{s.name}」{s.reason}（见第 {'、'.join(numbers)} 项）",
                           numbers[0] if len(numbers) == 1 else "", s.task_keys[0], "单位", s.suggestion))
    suggested = {s.name for s in suggest_fixes(ds)}
    for unit in ds.units:
        if unit.name not in suggested and not looks_like_unit(unit.name) and unit.kind != KIND_COLLECTIVE:
            out.append(Problem("unknown_unit", f"「{unit.name}」不像一个单位名称，请核对", column="单位"))
    for unit in alias_groups(ds):
        out.append(Problem("alias_group", f"以下写法视为同一单位「{unit.name}」：{'、'.join(unit.aliases)}；如不是，请在"
                           "「单位名录」中拆开", column="单位名录", level="提示"))
    for unit in ds.units:
        if unit.kind == KIND_COLLECTIVE and not unit.members:
            out.append(Problem("collective_without_members", f"集合单位「{unit.name}」没有列出成员，填报表将整体发给它；"
                               "如需逐个下发，请在「单位名录」的「成员」中填写", column="单位名录", level="提示"))
    return out
