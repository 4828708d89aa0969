"""Checks of a dataset, collected (never raised): each finding (xltools/findings.py) names its task and column."""

from __future__ import annotations

from collections import Counter

from ..findings import Finding
from .model import KIND_COLLECTIVE, ROLE_NAMES_ZH, Dataset
from .registry import alias_groups, suggest_fixes
from .units import looks_like_unit


def validate(ds: Dataset) -> list[Finding]:
    notes = [Finding("import_note", detail=n) for n in ds.import_notes]
    return [*notes, *_task_problems(ds), *_unit_problems(ds)]


def _col(ds: Dataset, role: str) -> str:
    return ROLE_NAMES_ZH.get(role, role)


def _task_problems(ds: Dataset) -> list[Finding]:
    out: list[Finding] = []
    numbers = Counter(t.number for t in ds.tasks if t.number)
    for t in ds.tasks:
        if not t.content.strip():
            out.append(Finding("empty_content", number=t.number, task_key=t.key, column=_col(ds, "content")))
        if not t.number:
            out.append(Finding("no_number", task_key=t.key, column=_col(ds, "number")))
        elif numbers[t.number] > 1:
            out.append(Finding("duplicate_number", number=t.number, detail=str(numbers[t.number]), task_key=t.key,
                               column=_col(ds, "number")))
        if not t.lead_units and not t.units:
            out.append(Finding("no_unit", number=t.number, task_key=t.key, column=_col(ds, "units")))
        if t.doubt:
            out.append(Finding("import_doubt", number=t.number, task_key=t.key, column=_col(ds, "content"),
                               detail=t.doubt))
        if t.lead_open or t.units_open:
            out.append(Finding("open_list", number=t.number, task_key=t.key,
                               column=_col(ds, "lead" if t.lead_open else "units")))
    return out


def _unit_problems(ds: Dataset) -> list[Finding]:
    out: list[Finding] = []
    for s in suggest_fixes(ds):
        numbers = [t.number for t in ds.tasks if t.key in s.task_keys]
        out.append(Finding("suspicious_unit", subject=s.name, detail=f"{s.reason}（见第 {'、'.join(numbers)} 项）",
                           number=numbers[0] if len(numbers) == 1 else "", task_key=s.task_keys[0], column="单位",
                           suggestion=s.suggestion))
    suggested = {s.name for s in suggest_fixes(ds)}
    for unit in ds.units:
        if unit.name not in suggested and not looks_like_unit(unit.name) and unit.kind != KIND_COLLECTIVE:
            out.append(Finding("not_unit_like", subject=unit.name, column="单位"))
    for unit in alias_groups(ds):
        out.append(Finding("alias_group", subject=unit.name, detail="、".join(unit.aliases), column="单位名录"))
    for unit in ds.units:
        if unit.kind == KIND_COLLECTIVE and not unit.members:
            out.append(Finding("collective_without_members", subject=unit.name, column="单位名录"))
    return out
