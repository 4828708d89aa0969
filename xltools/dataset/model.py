"""The canonical task-list dataset: plain dataclasses, no office library.

One `Dataset` describes one task list (one 附件). Every command reads and writes it; the
two lossless file forms live in `store_json` and `store_xlsx`.

Rules worth stating:
- A task's `key` is assigned once, at import, from its content (see `make_task_key`) and is
  stored from then on. It does not depend on the row's position, so rows can be inserted or
  reordered later; trackers and merges match on it.
- Unit names in a task are kept as printed after splitting (`lead_units`, `units`); the
  registry (`Dataset.units`) maps every printed form (alias) to one canonical unit.
  `lead_text` / `units_text` keep the cell exactly as printed so a regenerated attachment
  can reproduce it; when the clerk changes the units, the writer joins them with 、 instead.
- `doubt` says, in Chinese, why the importer's reading of a task is weak (a continuation row joined to
  it, a column whose role was guessed from its content, a row put back in place); empty when the
  reading is sure. The clerk checks these few tasks instead of all; `validate` lists them.
- `columns` maps a role to the column label as printed, in the printed order. Known roles
  are in `ROLES`; any other source column is kept under the role ``extra:<label>`` and its
  values in `Task.extra[label]`.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field

ROLES = ("number", "category", "content", "lead", "units", "deadline")
ROLE_NAMES_ZH = {
    "number": "序号",
    "category": "主要任务",
    "content": "任务内容",
    "lead": "牵头单位",
    "units": "责任单位",
    "deadline": "完成时限",
}
KIND_UNIT = "单位"
KIND_COLLECTIVE = "集合"
EXTRA_PREFIX = "extra:"


_OPENING = re.compile(r"[^，。、；：,.;:（(「《\s]{1,16}")


def task_label(number: str, content: str) -> str:
    """How outputs name one task: its 序号 (「3」, said 「第 3 项」); where the list prints no number, its opening
    words in 「」 (「地区生产总值增长率」), never an empty 「第  项」. The label holds no 、, so labels joined with
    、 in a workbook cell split back apart."""
    if number.strip():
        return number.strip()
    opening = _OPENING.search(content or "")
    return f"「{opening.group(0) if opening else '（无内容）'}」"


@dataclass
class Task:
    """One row of the task list."""

    key: str
    number: str
    content: str
    category: str = ""
    lead_units: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    deadline: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    lead_text: str = ""
    units_text: str = ""
    lead_open: bool = False
    units_open: bool = False
    doubt: str = ""  # why the importer's reading of this row is weak (joined row, guessed column …); "" = none

    def all_units(self) -> list[str]:
        """Lead units then responsible units, each printed name once."""
        seen: dict[str, None] = {}
        for name in [*self.lead_units, *self.units]:
            seen.setdefault(name, None)
        return list(seen)


@dataclass
class Unit:
    """One entry of the unit registry (单位名录)."""

    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = KIND_UNIT
    members: list[str] = field(default_factory=list)
    note: str = ""

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Dataset:
    """One task list with its registry and document facts."""

    title: str = ""
    attachment_label: str = ""
    attachment_number: str = ""
    issuer: str = ""
    doc_number: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    tasks: list[Task] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    dataset_id: str = ""
    source: str = ""
    import_notes: list[str] = field(default_factory=list)

    # -- lookups ---------------------------------------------------------------
    def has_role(self, role: str) -> bool:
        return role in self.columns

    def extra_labels(self) -> list[str]:
        return [r[len(EXTRA_PREFIX):] for r in self.columns if r.startswith(EXTRA_PREFIX)]

    def alias_map(self) -> dict[str, str]:
        """Printed name → canonical name, for every name in the registry."""
        out: dict[str, str] = {}
        for unit in self.units:
            for name in unit.names():
                out[name] = unit.name
        return out

    def canonical(self, name: str) -> str:
        return self.alias_map().get(name, name)

    def unit(self, name: str) -> Unit | None:
        canonical = self.canonical(name)
        for unit in self.units:
            if unit.name == canonical:
                return unit
        return None

    def task(self, key: str) -> Task | None:
        for task in self.tasks:
            if task.key == key:
                return task
        return None

    def pairs(self) -> list[tuple[str, str, str]]:
        """(task key, canonical unit, role) for every task and unit; role 牵头 or 责任.

        A unit that is both lead and responsible for a task counts once, as 牵头.
        """
        amap = self.alias_map()
        out: list[tuple[str, str, str]] = []
        for task in self.tasks:
            seen: set[str] = set()
            for names, role in ((task.lead_units, "牵头"), (task.units, "责任")):
                for name in names:
                    canon = amap.get(name, name)
                    if canon not in seen:
                        seen.add(canon)
                        out.append((task.key, canon, role))
        return out


_KEY_NORMALISE = re.compile(r"[\s　，。、,.;；:：“”\"'‘’（）()《》<>【】\[\]]+")


def content_fingerprint(text: str) -> str:
    """Content with spacing and punctuation removed: what a key and a text hash compare."""
    return _KEY_NORMALISE.sub("", text)


@functools.lru_cache(maxsize=65536)
def text_hash(text: str) -> str:
    """Short hash of a task text as issued; trackers record it, merges compare it.

    Cached: a merge compares every task's text once per unit that returned it."""
    return hashlib.sha1(content_fingerprint(text).encode("utf-8")).hexdigest()[:12]


def make_task_key(content: str, taken: set[str]) -> str:
    """A stable key from the task text, unique within `taken` (which it updates)."""
    base = "T" + hashlib.sha1(content_fingerprint(content).encode("utf-8")).hexdigest()[:8]
    key, n = base, 2
    while key in taken:
        key = f"{base}-{n}"
        n += 1
    taken.add(key)
    return key


def make_dataset_id(title: str, keys: list[str]) -> str:
    digest = hashlib.sha1(("\n".join([title, *keys])).encode("utf-8")).hexdigest()[:10]
    return f"DS-{digest}"
