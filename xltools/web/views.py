"""What each step's part of the page shows: one context function per step, read from the workbench."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from ..cycle.quarter import Quarter
from ..dataset.model import KIND_COLLECTIVE, ROLE_NAMES_ZH, Dataset
from . import steps
from .workbench import LIMITS, Workbench

STEPS = {1: "任务清单", 2: "附件", 3: "下发", 4: "回收", 5: "汇总"}
MAX_TASKS_SHOWN = 300


def this_quarter(today: dt.date | None = None) -> Quarter:
    today = today or dt.date.today()
    return Quarter(today.year, (today.month - 1) // 3 + 1)


def quarter_of(wb: Workbench) -> Quarter:
    return wb.active_quarter() or this_quarter()


def common(wb: Workbench) -> dict[str, Any]:
    q = quarter_of(wb)
    codes = {x.code for x in wb.quarters()} | {q.code, this_quarter().code}
    return {"folder": str(wb.root), "quarter": q, "quarters": sorted(codes, reverse=True), "limits": LIMITS,
            "steps": STEPS}


def step_context(wb: Workbench, n: int) -> dict[str, Any]:
    return {**common(wb), **_CONTEXTS[n](wb)}


def _file(wb: Workbench, path: Path) -> dict[str, str] | None:
    """A file the page links to: its name, relative path, and when it was written."""
    if not path.exists():
        return None
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return {"name": path.name, "rel": wb.relative(path), "time": stamp}


# -- 1 任务清单 -----------------------------------------------------------------------------------
def _step1(wb: Workbench) -> dict[str, Any]:
    from ..dataset.validation import validate

    ds = wb.current()
    preview = import_preview(wb)
    if ds is None:
        return {"ds": None, "preview": preview, "version": wb.version(), "preview_roles": steps.PREVIEW_ROLES}
    return {"ds": ds, "draft": wb.has_draft(), "preview": preview, "preview_roles": steps.PREVIEW_ROLES, "saved_file": _file(wb, wb.dataset_path), "version": wb.version(),
            "history": [{"name": p.name, "time": history_time(p)} for p in wb.history()],
            "understood": wb.state().get("import_report"), "role_names": ROLE_NAMES_ZH,
            "problems": validate(ds), "suggestions": steps.suggestions(wb, ds),
            "rejected": wb.state().get("rejected", []), "units": unit_rows(ds),
            "tasks": ds.tasks[:MAX_TASKS_SHOWN], "more_tasks": max(0, len(ds.tasks) - MAX_TASKS_SHOWN),
            "collective": KIND_COLLECTIVE}


def import_preview(wb: Workbench) -> dict[str, Any] | None:
    """The import preview while it matters: the draft it read is not saved yet, or the file could not be
    read and waits for the clerk's roles. `edited`: the draft was changed after the read (a re-read replaces it)."""
    preview = wb.state().get("preview")
    if not preview or (preview.get("as_read") and not wb.has_draft()):
        return None
    return {**preview, "edited": bool(preview.get("as_read")) and preview.get("version") != wb.version()}


def history_time(path: Path) -> str:
    """When a kept version was replaced, from its name 任务总表-20261201-102313.xlsx → 2026-12-01 10:23:13."""
    parts = path.stem.split("-")
    try:
        return dt.datetime.strptime(parts[1] + parts[2], "%Y%m%d%H%M%S").strftime("%Y-%m-%d %H:%M:%S")
    except (IndexError, ValueError):
        return path.stem


def unit_rows(ds: Dataset) -> list[dict[str, Any]]:
    """Each registry entry with how many tasks it leads and shares."""
    lead, resp = Counter(), Counter()
    for _key, unit, role in ds.pairs():
        (lead if role == "牵头" else resp)[unit] += 1
    return [{"unit": u, "lead": lead[u.name], "resp": resp[u.name]} for u in ds.units]


# -- 2 附件 ---------------------------------------------------------------------------------------
def _step2(wb: Workbench) -> dict[str, Any]:
    from ..infra.office import soffice_path

    docx = _file(wb, wb.attachment_path)
    stale = bool(docx) and wb.dataset_path.exists() and \
        wb.dataset_path.stat().st_mtime > wb.attachment_path.stat().st_mtime
    return {"has_dataset": wb.dataset_path.exists(), "docx": docx,
            "pdf": _file(wb, wb.attachment_path.with_suffix(".pdf")), "preview": _file(wb, wb.preview_path()),
            "stale": stale, "has_office": soffice_path() is not None,
            "has_pdftoppm": shutil.which("pdftoppm") is not None}


# -- 3 下发 ---------------------------------------------------------------------------------------
def _step3(wb: Workbench) -> dict[str, Any]:
    q = quarter_of(wb)
    manifest = wb.manifest(q)
    previous = [x.code for x in wb.quarters() if x < q and wb.consolidated_path(x).exists()]
    returned = wb.returns_dir(q).exists() and any(wb.returns_dir(q).iterdir())
    issued = wb.issued_dir(q)
    return {"has_dataset": wb.dataset_path.exists(), "manifest": manifest,
            "issued_files": {p.name for p in issued.iterdir() if p.is_file()} if issued.is_dir() else set(),
            "issued_list": _file(wb, wb.issued_dir(q) / "下发清单.xlsx"), "previous_options": previous,
            "previous_default": q.previous().code if q.previous().code in previous else "",
            "already_returned": returned, "splits": steps.undecided_names(wb)}


# -- 4 回收 ---------------------------------------------------------------------------------------
def _step4(wb: Workbench) -> dict[str, Any]:
    q = quarter_of(wb)
    inbox = wb.returns_dir(q)
    files = sorted(p.name for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".~")) \
        if inbox.exists() else []
    return {"manifest": wb.manifest(q), "board": steps.load_board(wb, q), "inbox_files": files,
            "inbox_rel": f"{q.code}/回收", "set_aside": steps.set_aside_files(wb, q)}


# -- 5 汇总 ---------------------------------------------------------------------------------------
def _step5(wb: Workbench) -> dict[str, Any]:
    q = quarter_of(wb)
    board = steps.load_board(wb, q)
    merged = _mtime(wb.consolidated_path(q))
    reminders = steps.load_reminders(wb, q)
    return {"consolidated": _file(wb, wb.consolidated_path(q)), "report": _file(wb, wb.report_path(q)),
            # made before the latest merge: 已过期，请重新生成
            "report_stale": 0 < _mtime(wb.report_path(q)) < merged,
            "reminders_stale": 0 < _mtime(wb.reminders_path(q)) < merged,
            "reminders": reminders,
            "reminders_file": _file(wb, wb.reminders_path(q)), "board": board,
            "has_report": steps.library("publish.report", "write_report") is not None,
            "has_reminders": steps.library("cycle.reminders", "write_reminders") is not None,
            "not_provided": steps.NOT_PROVIDED}


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


_CONTEXTS = {1: _step1, 2: _step2, 3: _step3, 4: _step4, 5: _step5}
