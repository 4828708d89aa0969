"""The clerk's corrections to a dataset's units, made on the page; pure functions on a Dataset.

Rules:
- Correcting a unit name (市教育 → 市教育局) changes the printed name in every task, so the attachment
  prints the corrected name (the writer rebuilds a changed cell, joining units with 、). In the registry
  the old name's entry takes the new name; when the new name is already a unit, the two become one.
- Merging A into B makes every name of A's entry an alias of B; the tasks keep their printed names.
- Members of a collective unit (各县区人民政府 → 甲县人民政府、乙区人民政府 …) make it a collective, so
  each member gets its own tracker.
"""

from __future__ import annotations

import re

from ..dataset.model import KIND_COLLECTIVE, Dataset, Unit
from ..dataset.registry import replace_name
from ..errors import XlError

_SPLIT = re.compile(r"[、，,；;\n\r\t]+")


def split_names(text: str) -> list[str]:
    """Names typed one per line or separated by 、，; each once, in order."""
    seen: dict[str, None] = {}
    for part in _SPLIT.split(text or ""):
        if part.strip():
            seen.setdefault(part.strip(), None)
    return list(seen)


def rename_unit(ds: Dataset, old: str, new: str) -> int:
    """Correct a printed unit name everywhere; return how many tasks changed."""
    old, new = old.strip(), new.strip()
    if not new:
        raise XlError("新的单位名称不能为空。", hint="请填写正确的单位全称。")
    if old == new:
        return 0
    changed = 0
    for task in ds.tasks:
        lead = replace_name(task.lead_units, old, new)
        units = replace_name(task.units, old, new)
        if lead != task.lead_units or units != task.units:
            task.lead_units, task.units = lead, units
            changed += 1
    if not changed and ds.unit(old) is None:
        raise XlError(f"清单中没有单位「{old}」。", hint="请从单位列表中选择要更正的名称。")
    _rename_in_registry(ds, old, new)
    return changed


def _rename_in_registry(ds: Dataset, old: str, new: str) -> None:
    source = next((u for u in ds.units if old in u.names()), None)
    target = next((u for u in ds.units if new in u.names()), None)
    if source is None:
        if target is None:
            ds.units.append(Unit(new))
        return
    if target is not None and target is not source:
        _absorb(ds, source, target)
        target.aliases = [a for a in target.aliases if a != old]
        return
    if source.name == old:
        source.name = new
        source.aliases = [a for a in source.aliases if a != new]
    else:
        source.aliases = [new if a == old else a for a in source.aliases]


def merge_units(ds: Dataset, alias: str, target: str) -> Unit:
    """Make the unit holding `alias` part of the unit holding `target` (names kept as aliases)."""
    source, into = ds.unit(alias), ds.unit(target)
    if source is None or into is None:
        missing = alias if source is None else target
        raise XlError(f"单位名录中没有「{missing}」。", hint="请从单位列表中选择。")
    if source is into:
        raise XlError(f"「{alias}」与「{target}」已经是同一单位。", hint="无需合并。")
    _absorb(ds, source, into)
    return into


def _absorb(ds: Dataset, source: Unit, into: Unit) -> None:
    for name in source.names():
        if name not in into.names():
            into.aliases.append(name)
    for member in source.members:
        if member not in into.members:
            into.members.append(member)
    ds.units.remove(source)


def set_members(ds: Dataset, name: str, members_text: str) -> Unit:
    """Fill the members of a collective unit; an empty list makes it one recipient again."""
    unit = ds.unit(name)
    if unit is None:
        raise XlError(f"单位名录中没有「{name}」。", hint="请从单位列表中选择。")
    members = [m for m in split_names(members_text) if m not in unit.names()]
    unit.kind = KIND_COLLECTIVE
    unit.members = members
    return unit
