"""The machine form of a dataset: one JSON file (documented in README, 「数据集格式」)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import XlError
from ..infra.atomic import write_text_atomic
from .model import Dataset, Task, Unit

FORMAT = "xltools-dataset"
VERSION = 1


def dataset_to_dict(ds: Dataset) -> dict[str, Any]:
    used = _usage(ds)
    return {
        "format": FORMAT,
        "version": VERSION,
        "dataset_id": ds.dataset_id,
        "title": ds.title,
        "attachment_label": ds.attachment_label,
        "attachment_number": ds.attachment_number,
        "issuer": ds.issuer,
        "doc_number": ds.doc_number,
        "source": ds.source,
        "import_notes": list(ds.import_notes),
        "columns": dict(ds.columns),
        "tasks": [
            {
                "key": t.key,
                "number": t.number,
                "category": t.category,
                "content": t.content,
                "lead_units": list(t.lead_units),
                "units": list(t.units),
                "deadline": t.deadline,
                "extra": dict(t.extra),
                "lead_text": t.lead_text,
                "units_text": t.units_text,
                "lead_open": t.lead_open,
                "units_open": t.units_open,
                "doubt": t.doubt,
            }
            for t in ds.tasks
        ],
        "units": [
            {
                "name": u.name,
                "aliases": list(u.aliases),
                "kind": u.kind,
                "members": list(u.members),
                "note": u.note,
                "used_in": used.get(u.name, []),
            }
            for u in ds.units
        ],
    }


def _usage(ds: Dataset) -> dict[str, list[str]]:
    amap = ds.alias_map()
    used: dict[str, list[str]] = {}
    for task in ds.tasks:
        for name in task.all_units():
            keys = used.setdefault(amap.get(name, name), [])
            if task.key not in keys:
                keys.append(task.key)
    return used


def dataset_from_dict(data: dict[str, Any], source: str = "") -> Dataset:
    """The dataset a parsed .json file holds; a file that is not one, or is incomplete → XlError."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise XlError("这不是 xltools 的数据集文件（缺少 format 字段）。", file=source,
                      hint="请用 xltools import 从任务清单生成数据集。")
    try:
        tasks = [_task_from_dict(t) for t in data.get("tasks", [])]
        units = [_unit_from_dict(u) for u in data.get("units", [])]
    except (KeyError, TypeError, AttributeError) as exc:
        raise XlError(f"数据集文件结构不完整（{exc}）。", file=source,
                      hint="请重新用 xltools import 生成，或检查手工修改之处。") from exc
    return Dataset(
        title=str(data.get("title", "")),
        attachment_label=str(data.get("attachment_label", "")),
        attachment_number=str(data.get("attachment_number", "")),
        issuer=str(data.get("issuer", "")),
        doc_number=str(data.get("doc_number", "")),
        columns={str(k): str(v) for k, v in data.get("columns", {}).items()},
        tasks=tasks,
        units=units,
        dataset_id=str(data.get("dataset_id", "")),
        source=str(data.get("source", "")),
        import_notes=[str(x) for x in data.get("import_notes", [])],
    )


def _task_from_dict(t: dict[str, Any]) -> Task:
    return Task(
        key=str(t["key"]),
        number=str(t.get("number", "")),
        category=str(t.get("category", "")),
        content=str(t.get("content", "")),
        lead_units=[str(x) for x in t.get("lead_units", [])],
        units=[str(x) for x in t.get("units", [])],
        deadline=str(t.get("deadline", "")),
        extra={str(k): str(v) for k, v in t.get("extra", {}).items()},
        lead_text=str(t.get("lead_text", "")),
        units_text=str(t.get("units_text", "")),
        lead_open=bool(t.get("lead_open", False)),
        units_open=bool(t.get("units_open", False)),
        doubt=str(t.get("doubt", "")),
    )


def _unit_from_dict(u: dict[str, Any]) -> Unit:
    return Unit(
        name=str(u["name"]),
        aliases=[str(x) for x in u.get("aliases", [])],
        kind=str(u.get("kind", "单位")),
        members=[str(x) for x in u.get("members", [])],
        note=str(u.get("note", "")),
    )


def save_json(ds: Dataset, path: str | Path) -> None:
    text = json.dumps(dataset_to_dict(ds), ensure_ascii=False, indent=2)
    write_text_atomic(path, text + "\n")


def load_json(path: str | Path) -> Dataset:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise XlError(f"JSON 文件无法解析（{exc}）。", file=path.name,
                      hint="请确认文件未被截断或改坏；可用 xltools import 重新生成。") from exc
    return dataset_from_dict(data, source=path.name)
