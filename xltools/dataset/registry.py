"""The unit registry (单位名录): grouping printed names into units, and suggesting fixes.

Rules:
- Two printed names are aliases of one unit when they have the same *alias key*: the level
  prefix (市, 区 …) plus the name with common abbreviations expanded (人社局 → 人力资源社会保障局,
  发改委 → 发展改革委员会 …) and the joining words 和/与 removed. So 市人社局, 市人力资源和社会保障局
  and 市人力资源社会保障局 are one unit; 人社局 (no level) is not grouped with them silently.
- The canonical name of a group is its most used printed form (ties: the longer, then the first seen).
- Entries the clerk already has (an existing registry) win: their names, aliases, kind and
  members are kept, and new printed names that match one of their names join them.
- Suggestions are never applied on their own: a truncated name (市教育 → 市教育局), a name missing the
  level prefix that the first unit of its cell has (市教育局、人社局 → 市人社局), and near-identical names
  (typos). Each is an error in the printed name, so accepting one corrects it: the tasks it was found in
  print the suggested name (the attachment rebuilds those cells, joined with 、), and the old name stays
  an alias of the unit, so a return or a list that still says it is recognised.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import KIND_COLLECTIVE, KIND_UNIT, Dataset, Task, Unit
from .units import is_collective, level_prefix, looks_like_unit

# Each tuple: the full core first, then the forms that mean the same department.
_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("人力资源社会保障局", "人社局", "人力资源和社会保障局", "人力社保局"),
    ("发展改革委员会", "发改委", "发展和改革委员会", "发展改革委"),
    ("发展改革局", "发改局", "发展和改革局"),
    ("教育体育局", "教体局", "教育和体育局"),
    ("文化旅游广播电视局", "文旅广电局", "文化旅游和广播电视局", "文化广电和旅游局", "文广旅局", "文化广电旅游局",
     "文广新旅局"),
    ("工业信息化局", "工信局", "工业和信息化局"),
    ("住房城乡建设局", "住建局", "住房和城乡建设局"),
    ("自然资源规划局", "自然资源和规划局", "资规局"),
    ("退役军人事务局", "退役军人局", "退役军人事务管理局"),
    ("市场监督管理局", "市场监管局"),
    ("卫生健康委员会", "卫健委", "卫生和健康委员会", "卫生健康委"),
    ("应急管理局", "应急局"),
    ("委机构编制委员会办公室", "委编办", "编办"),
    ("政府国有资产监督管理委员会", "国资委", "国有资产监督管理委员会"),
    ("科学技术局", "科技局"),
    ("医疗保障局", "医保局"),
    ("生态环境局", "环保局"),
    ("乡村振兴局", "振兴局"),
    ("农业农村局", "农业和农村局", "农业农村委员会"),
    ("教育工作委员会", "教育工委", "委教育工委"),
    ("地方金融监督管理局", "地方金融监管局", "金融监管局"),
    ("城市管理局", "城管局"),
    ("交通运输局", "交通局"),
)
_CORE_MAP: dict[str, str] = {}
for _group in _SYNONYMS:
    for _form in _group:
        _CORE_MAP[_form] = _group[0]
_JOINERS = re.compile(r"[和与]")
_DEPT_SUFFIX = ("局", "委", "办", "部", "会", "中心", "厅")


def alias_key(name: str) -> str:
    """The key under which printed forms of one unit meet (see the module rules)."""
    name = name.strip()
    prefix = level_prefix(name)
    core = name[len(prefix):]
    core = _CORE_MAP.get(core, core)
    core = _JOINERS.sub("", core)
    core = _CORE_MAP.get(core, core)
    return prefix + core


@dataclass
class Suggestion:
    """A likely error in a printed unit name, with the name the clerk probably meant."""

    name: str
    suggestion: str
    reason: str
    task_keys: list[str]


def build_registry(tasks: list[Task], existing: list[Unit] | None = None) -> list[Unit]:
    """Group every printed name of `tasks` into units, keeping what `existing` already says."""
    counts = _name_counts(tasks)
    units = [Unit(u.name, list(u.aliases), u.kind, list(u.members), u.note) for u in existing or []]
    known = {n: u for u in units for n in u.names()}
    by_key: dict[str, Unit] = {alias_key(n): u for u in units for n in u.names()}
    groups: dict[str, list[str]] = {}
    for name in counts:
        if name in known:
            continue
        key = alias_key(name)
        if key in by_key:
            by_key[key].aliases.append(name)
            known[name] = by_key[key]
        else:
            groups.setdefault(key, []).append(name)
    for names in groups.values():
        canonical = max(names, key=lambda n: (counts[n], "与" not in n, len(n), -names.index(n)))
        kind = KIND_COLLECTIVE if is_collective(canonical) else KIND_UNIT
        units.append(Unit(canonical, [n for n in names if n != canonical], kind))
    return _in_first_use_order(units, counts)


def _name_counts(tasks: list[Task]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for task in tasks:
        for name in task.all_units():
            counts[name] += 1
    return counts


def _in_first_use_order(units: list[Unit], counts: Counter[str]) -> list[Unit]:
    order = {name: i for i, name in enumerate(counts)}
    big = len(order) + 1
    return sorted(units, key=lambda u: min((order.get(n, big) for n in u.names()), default=big))


def alias_groups(ds: Dataset) -> list[Unit]:
    """Units whose printed forms differ: the clerk should confirm they are one unit."""
    return [u for u in ds.units if u.aliases]


def suggest_fixes(ds: Dataset) -> list[Suggestion]:
    """Likely errors in printed names, each with the probable intended name; none applied."""
    amap = ds.alias_map()
    counts = _name_counts(ds.tasks)
    canon_names = {u.name for u in ds.units}
    found: dict[tuple[str, str], Suggestion] = {}

    def add(name: str, target: str, reason: str, key: str) -> None:
        if amap.get(name, name) == amap.get(target, target):
            return  # already accepted in the registry
        s = found.setdefault((name, target), Suggestion(name, target, reason, []))
        if key not in s.task_keys:
            s.task_keys.append(key)

    for task in ds.tasks:
        for cell in (task.lead_units, task.units):
            first_level = level_prefix(cell[0]) if cell else ""
            for name in cell:
                target = _truncated_target(name, canon_names, amap)
                if target:
                    add(name, target, "名称可能不完整", task.key)
                    continue
                target = _prefix_target(name, first_level, amap)
                if target:
                    add(name, target, f"缺少「{first_level}」级前缀（同格第一个单位有）", task.key)
    keys_of: dict[str, list[str]] = {}  # canonical name → the tasks naming it, in order
    for t in ds.tasks:
        for canon in dict.fromkeys(amap.get(n, n) for n in t.all_units()):
            keys_of.setdefault(canon, []).append(t.key)
    for name, target in _near_duplicates(canon_names, counts, amap):
        for key in keys_of.get(name, []):
            add(name, target, "与另一单位名称极为相近，可能是错别字", key)
    return list(found.values())


def _truncated_target(name: str, canon_names: set[str], amap: dict[str, str]) -> str:
    if looks_like_unit(name):
        return ""
    candidates = [c for c in canon_names if c != name and c.startswith(name) and len(c) - len(name) <= 3]
    if candidates:
        return min(candidates, key=len)
    for suffix in ("局", "委", "办"):
        if amap.get(name + suffix):
            return amap[name + suffix]
    return ""


def _prefix_target(name: str, first_level: str, amap: dict[str, str]) -> str:
    if not first_level or level_prefix(name) or is_collective(name):
        return ""
    if not name.endswith(_DEPT_SUFFIX) or len(name) > 8 or name.startswith(("团", "共青团")):
        return ""
    full = first_level + name
    if full in amap:
        return amap[full]
    key = alias_key(full)
    for printed, canonical in amap.items():
        if alias_key(printed) == key:
            return canonical
    return full


def _near_duplicates(names: set[str], counts: Counter[str], amap: dict[str, str]) -> list[tuple[str, str]]:
    from rapidfuzz.distance import Levenshtein

    out = []
    ordered = sorted(names)
    usage = Counter({n: 0 for n in ordered})
    for printed, n in counts.items():
        usage[amap.get(printed, printed)] += n
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if abs(len(a) - len(b)) > 1 or level_prefix(a) != level_prefix(b) or min(len(a), len(b)) < 5:
                continue
            if Levenshtein.distance(a, b) == 1 and a[-1] == b[-1]:
                rare, common = (a, b) if usage[a] < usage[b] else (b, a)
                if usage[rare] < usage[common]:
                    out.append((rare, common))
    return out


def apply_suggestions(ds: Dataset, names: list[str] | None = None) -> list[Suggestion]:
    """Accept suggestions (all, or those for `names`): the name is corrected in the tasks it was found in,
    and the printed name becomes an alias of its target in the registry."""
    accepted = [s for s in suggest_fixes(ds) if names is None or s.name in names]
    for s in accepted:
        for task in ds.tasks:
            if task.key in s.task_keys:
                task.lead_units = replace_name(task.lead_units, s.name, s.suggestion)
                task.units = replace_name(task.units, s.name, s.suggestion)
        target = ds.unit(s.suggestion)
        source = ds.unit(s.name)
        if target is None:
            target = Unit(s.suggestion, kind=KIND_UNIT)
            ds.units.append(target)
        if source is not None and source is not target:
            ds.units.remove(source)
            for alias in source.names():
                if alias not in target.names():
                    target.aliases.append(alias)
        elif s.name not in target.names():
            target.aliases.append(s.name)
    return accepted


def replace_name(names: list[str], old: str, new: str) -> list[str]:
    """`names` with `old` replaced by `new`, each name once, in order."""
    out: list[str] = []
    for name in names:
        name = new if name == old else name
        if name not in out:
            out.append(name)
    return out
