"""What each of the page's five steps does with the workbench: one library call each, plus the board.

Routes read the form and call these; these call the library (never the CLI) and return plain results
the templates show. Functions run as background jobs take the job and pass `job.progress` on.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import json
import shutil
import subprocess
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..cycle.quarter import Quarter
from ..dataset.model import Dataset
from ..errors import XlError
from .workbench import LIST_SUFFIXES, RETURN_SUFFIXES, Stored, Workbench

NOT_PROVIDED = "此版本尚未提供"
# Which uploaded task list to try first when several arrive together (a dropped folder).
_LIST_ORDER = (".docx", ".xlsx", ".xlsm", ".xls", ".ods", ".et", ".csv", ".txt", ".doc", ".wps")


def library(module: str, name: str) -> Any:
    """A library function if this version has it, else None (the page then says 此版本尚未提供)."""
    try:
        return getattr(importlib.import_module(f"xltools.{module}"), name, None)
    except ImportError:
        return None


# -- 1 任务清单 -----------------------------------------------------------------------------------
@dataclass
class ImportOutcome:
    """The draft dataset of step 1, the stored uploads, and the files that held no list.

    `dataset` is None when no file could be read but one holds a table: the preview then asks the clerk
    which column is which (`refused` says why the importer could not tell)."""

    dataset: Dataset | None
    source: str
    files: list[Stored] = field(default_factory=list)
    tried: list[tuple[str, str]] = field(default_factory=list)  # (file, why it was not used)
    refused: str = ""


def import_uploads(wb: Workbench, uploads: list[tuple[str, bytes]]) -> ImportOutcome:
    """Keep the uploaded files in 来源/, import the first that holds a task list; the result is the draft."""
    from ..ingest.importer import read_source

    stored = wb.store(uploads, wb.sources_dir, LIST_SUFFIXES)
    usable = [s for s in stored if s.status in ("已保存", "重复")]
    if not usable:
        raise XlError("没有可导入的任务清单文件。", hint="请选择 .docx、.xlsx、.xls、.csv 或 .txt 文件；"
                      + "；".join(f"{s.shown}：{s.reason}" for s in stored[:5]))
    usable.sort(key=lambda s: _LIST_ORDER.index(Path(s.name).suffix.lower())
                if Path(s.name).suffix.lower() in _LIST_ORDER else 99)
    tried: list[tuple[str, str]] = []
    first_error: XlError | None = None
    for item in usable:
        try:
            result = read_source(wb.sources_dir / item.name)
        except XlError as exc:
            first_error = first_error or exc
            tried.append((item.shown, exc.message))
            continue
        _start_draft(wb, result.dataset, result.report, item.shown)
        wb.update_state(preview=preview_of_result(wb, item, result, set()) if result.kind != "dataset" else None)
        return ImportOutcome(result.dataset, item.shown, stored, tried)
    assert first_error is not None
    for item, (_shown, why) in zip(usable, tried, strict=True):  # a table the importer could not read: ask
        preview = preview_of_table(wb, item, why)
        if preview is not None:
            wb.update_state(preview=preview)
            others = [(f, w) for f, w in tried if f != item.shown]
            return ImportOutcome(None, item.shown, stored, others, refused=why)
    if len(usable) > 1:
        first_error.hint = (first_error.hint + " 其他文件：" + "；".join(f"{f}：{why}" for f, why in tried[1:]))
    raise first_error


def import_pasted(wb: Workbench, text: str) -> ImportOutcome:
    """Pasted text is kept in 来源/ as a .txt file like any upload, then imported from there."""
    if not text.strip():
        raise XlError("粘贴的内容是空的。", hint="请从 Word 中复制整个任务清单表格，粘贴到文本框后再点「导入」。")
    name = f"粘贴文本_{dt.datetime.now():%Y%m%d-%H%M%S}.txt"
    return import_uploads(wb, [(name, text.encode("utf-8"))])


def _start_draft(wb: Workbench, ds: Dataset, report: Any, source: str) -> None:
    wb.save_draft(ds)
    wb.update_state(import_report={"source": source, "shape": report.shape, "where": report.where,
                                   "header_row": report.header_row, "roles": report.roles, "notes": report.notes},
                    rejected=[])


# -- 1 the import preview: the columns as read, each with its role, and a re-read with the clerk's roles ----
PREVIEW_ROWS = 8
# The roles a clerk can give a column, in the order the drop-down lists them ("other": kept as a column).
PREVIEW_ROLES = {"content": "任务内容", "lead": "牵头单位", "units": "责任单位", "deadline": "完成时限",
                 "number": "序号", "category": "类别", "other": "其他"}
MAX_DOUBTS_LISTED = 50


def _role_choice(role: str) -> str:
    """The drop-down's value for an importer role (extra:<label> → other; unknown → "")."""
    if role.startswith("extra"):
        return "other"
    return role if role in PREVIEW_ROLES else ""


def _task_cell(task: Any, role: str) -> str:
    if role.startswith("extra:"):
        return task.extra.get(role[len("extra:"):], "")
    if role == "lead":
        return task.lead_text or "、".join(task.lead_units)
    if role == "units":
        return task.units_text or "、".join(task.units)
    return str(getattr(task, role, "") or "")


def preview_of_result(wb: Workbench, item: Stored, result: Any, chosen: set[str]) -> dict[str, Any]:
    """What the preview shows after a read: each column (label, role, whether the role was guessed from the
    cells or chosen by the clerk: `chosen` holds the keys of the columns the clerk set) and the first tasks
    as read, the doubtful ones marked (Task.doubt)."""
    from ..ingest.peek import role_key

    ds, report = result.dataset, result.report
    guessed = getattr(report, "guessed", {}) or {}
    labelled = list(report.roles.items()) or [(label, role) for role, label in ds.columns.items()]
    columns = [{"label": label, "key": role_key(label), "role": _role_choice(role),
                "how": "chosen" if role_key(label) in chosen else "guessed" if label in guessed else ""}
               for label, role in labelled]
    roles = [role for _label, role in labelled]
    doubts = [{"n": i, "number": t.number, "doubt": getattr(t, "doubt", "")}
              for i, t in enumerate(ds.tasks, start=1) if getattr(t, "doubt", "")]
    rows = [{"n": i, "cells": [_task_cell(t, r) for r in roles], "doubt": getattr(t, "doubt", "")}
            for i, t in enumerate(ds.tasks[:PREVIEW_ROWS], start=1)]
    return {"file": item.name, "shown": item.shown, "shape": report.shape, "where": report.where,
            "header_row": report.header_row, "columns": columns, "rows": rows, "as_read": True,
            "tasks": len(ds.tasks), "units": len(ds.units), "doubts": doubts[:MAX_DOUBTS_LISTED],
            "doubt_count": len(doubts), "error": "", "version": wb.version(), "chosen": sorted(chosen)}


def preview_of_table(wb: Workbench, item: Stored, why: str, roles: dict[str, str] | None = None,
                     chosen: set[str] | frozenset[str] = frozenset()) -> dict[str, Any] | None:
    """What the preview shows when the importer refused a file that holds a table: the header labels with the
    roles last asked for (else the role each label names by itself; `chosen`: the columns the clerk set) and
    the first rows as they stand in the file; None when the file holds no table."""
    from ..ingest.peek import peek_table, role_key

    roles = roles or {}
    seen = peek_table(wb.sources_dir / item.name, rows=PREVIEW_ROWS)
    if seen is None:
        return None
    columns = []
    for label, own in zip(seen.labels, seen.label_roles, strict=True):
        key = role_key(label)
        given = roles.get(key, "") if label else ""
        columns.append({"label": label, "key": key if label else "", "role": _role_choice(given or own),
                        "how": "chosen" if label and key in chosen else ""})
    return {"file": item.name, "shown": item.shown, "shape": "", "where": seen.where, "header_row": seen.header_row,
            "columns": columns, "rows": [{"n": i, "cells": r, "doubt": ""} for i, r in enumerate(seen.rows, start=1)],
            "as_read": False, "tasks": 0, "units": 0, "total_rows": seen.total_rows, "doubts": [], "doubt_count": 0,
            "error": why, "version": wb.version(), "chosen": sorted(chosen)}


def reread(wb: Workbench, choices: list[tuple[str, str]], changed: int | None, version: str | None) -> dict[str, Any]:
    """Read the previewed file again with the roles the clerk chose, one (label, role) per column, and make
    the result the draft. `changed` is the column just changed: a role it takes from another column leaves
    that column 其他. Refused (StaleEdit) when the list changed since the preview was shown."""
    from ..ingest.peek import read_with_roles, role_key

    with wb.edit_lock:
        wb.check_version(version)
        shown = wb.state().get("preview")
        if not shown:
            raise XlError("没有正在预览的导入文件。", hint="请先在上方导入任务清单。")
        item = Stored(shown["shown"], shown["file"])
        path = wb.sources_dir / item.name
        if not path.is_file():
            raise XlError("预览的文件已不在工作台的「来源」文件夹中。", file=item.shown, hint="请重新导入任务清单。")
        from ..dataset.units import clean_text

        picked = [(clean_text(label), role if role in PREVIEW_ROLES else "") for label, role in choices]
        if changed is not None and 0 <= changed < len(picked) and picked[changed][1] not in ("", "other"):
            taken = picked[changed][1]
            picked = [(label, "other" if role == taken and i != changed else role)
                      for i, (label, role) in enumerate(picked)]
        roles = {role_key(label): ("extra:" + label if role == "other" else role)
                 for label, role in picked if label and role}
        chosen = set(shown.get("chosen", []))
        if changed is not None and 0 <= changed < len(picked) and picked[changed][0]:
            chosen.add(role_key(picked[changed][0]))
        try:
            result = read_with_roles(path, roles)
        except XlError as exc:
            preview = preview_of_table(wb, item, exc.message, roles, chosen) or {**shown, "error": exc.message}
            wb.update_state(preview=preview)
            raise
        _start_draft(wb, result.dataset, result.report, item.shown)
        preview = preview_of_result(wb, item, result, chosen)
        wb.update_state(preview=preview)
        return preview


def close_preview(wb: Workbench) -> None:
    wb.update_state(preview=None)


def suggestions(wb: Workbench, ds: Dataset) -> list[Any]:
    from ..dataset.registry import suggest_fixes

    rejected = set(wb.state().get("rejected", []))
    return [s for s in suggest_fixes(ds) if s.name not in rejected]


def suggestions_preview(wb: Workbench, ds: Dataset) -> list[dict[str, Any]]:
    """What 全部采纳 would change, one line per open suggestion: the written name, the unit it joins,
    whether that unit is new to the registry, and in how many tasks the name is written (left as written)."""
    out = []
    for s in suggestions(wb, ds):
        tasks = sum(1 for t in ds.tasks if s.name in t.lead_units or s.name in t.units)
        out.append({"name": s.name, "suggestion": s.suggestion, "reason": s.reason, "tasks": tasks,
                    "new_unit": ds.unit(s.suggestion) is None})
    return out


def edit_draft(wb: Workbench, change: Any, version: str | None) -> Any:
    """Apply `change(ds)` to the dataset being worked on and keep it as the draft.

    One edit at a time, and only on the version of the list it was made on (`version`, sent by the page):
    two corrections sent at once never both report success with one silently lost."""
    with wb.edit_lock:
        wb.check_version(version)
        ds = wb.current()
        if ds is None:
            raise XlError("还没有任务清单。", hint="请先导入任务清单。")
        outcome = change(ds)
        wb.save_draft(ds)
        return outcome


# -- 2 附件 ---------------------------------------------------------------------------------------
@dataclass
class AttachmentOutcome:
    """The attachment of step 2: the .docx, and where LibreOffice is installed the PDF and a preview."""

    docx: Path
    pdf: Path | None = None
    preview: Path | None = None
    orientation: str = ""
    note: str = ""


def make_attachment(wb: Workbench, job: Any) -> AttachmentOutcome:
    """附件.docx, and where LibreOffice is installed 附件.pdf and a picture of its first page."""
    from ..infra.office import INSTALL_HINT, soffice_path
    from ..publish.attachment import write_attachment

    ds = wb.saved()
    with_pdf = soffice_path() is not None
    job.progress(0, 2, "生成 Word 附件" + ("并转换为 PDF" if with_pdf else ""))
    result = write_attachment(ds, wb.attachment_path, pdf=with_pdf)
    out = AttachmentOutcome(result.path, result.pdf_path, orientation=result.orientation)
    if out.pdf is None:
        out.note = "未安装 LibreOffice，未生成 PDF 和预览图。" + INSTALL_HINT
    else:
        job.progress(1, 2, "生成首页预览图")
        out.preview = first_page_png(out.pdf, wb.preview_path())
        if out.preview is None:
            out.note = "未找到 pdftoppm（poppler-utils），未生成预览图。"
    job.progress(2, 2, "完成")
    return out


def first_page_png(pdf: Path, target: Path, dpi: int = 60) -> Path | None:
    exe = shutil.which("pdftoppm")
    if exe is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = target.with_suffix("")
    subprocess.run([exe, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)],
                   capture_output=True, timeout=120, check=False)
    return target if target.exists() else None


# -- 3 下发 ---------------------------------------------------------------------------------------
def undecided_names(wb: Workbench, ds: Dataset | None = None) -> list[str]:
    """Names still undecided that would send one unit two trackers (cycle.trackers.undecided_splits),
    less the suggestions the clerk marked 不采纳: said on step 3 before the trackers are made."""
    from ..cycle.trackers import recipients, undecided_splits

    if ds is None:
        try:
            ds = wb.saved()
        except XlError:
            return []
    return undecided_splits(ds, recipients(ds), wb.state().get("rejected", []))


def issue(wb: Workbench, q: Quarter, deadline: str, previous: Path | None, job: Any, strict: bool = False) -> Any:
    """Trackers for every unit into <quarter>/下发/ (a former 下发 folder is moved into .xltools/).

    `strict` (the clerk's choice on step 3): refuse while names are undecided, in the page's words."""
    from ..cycle.trackers import write_trackers

    ds = wb.saved()
    splits = undecided_names(wb, ds) if strict else []
    if splits:
        raise XlError("单位名称尚未确认，按现在的名录会把同一单位分成两份填报表：" + "；".join(splits) + "。未生成填报表。",
                      hint="如是同一单位，请在第 1 步「采纳」建议；确是两个单位，请点「不采纳」，"
                           "或取消勾选「名称未确认时不生成填报表」后再生成。")
    target = wb.issued_dir(q)
    fresh = wb.quarter_dir(q) / ".下发-生成中"
    shutil.rmtree(fresh, ignore_errors=True)
    result = write_trackers(ds, q, fresh, deadline=deadline or None, previous=previous, progress=job.progress,
                            decided=wb.state().get("rejected", []))
    if target.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        wb.state_dir.mkdir(exist_ok=True)
        shutil.move(str(target), str(wb.state_dir / f"旧下发_{q.code}_{stamp}"))
    fresh.rename(target)
    wb.update_state(quarter=q.code, prefill={**wb.state().get("prefill", {}), q.code: str(previous or "")})
    result.outdir = target
    result.files = [(u, target / p.name, lead, resp) for u, p, lead, resp in result.files]
    result.list_path = target / "下发清单.xlsx"
    result.manifest_path = target / "manifest.json"
    return result


def trackers_zip(wb: Workbench, q: Quarter) -> bytes:
    """Every issued workbook and the 下发清单 in one zip; names stay Chinese (UTF-8 flag set)."""
    folder = wb.issued_dir(q)
    files = sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith((".~", "~$"))) if folder.exists() else []
    if not files:
        raise XlError(f"{q.code} 还没有下发的填报表。", hint="请先在第 3 步点击「生成填报表」。")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            zf.write(path, path.name)  # non-ASCII names get the UTF-8 flag (bit 11)
    return buffer.getvalue()


@dataclass
class Reissued:
    """One unit's tracker made again: where it is, and what the clerk should know about it."""

    path: Path
    quarter: str
    warning: str = ""


def reissue_unit(wb: Workbench, q: Quarter, unit: str, job: Any) -> Reissued:
    """A fresh tracker for one unit (再次下发), from the saved list, with the quarter's deadline and the
    prefill chosen when the quarter was issued.

    The old file is kept in .xltools/ and the new one takes its place (same name) in <quarter>/下发/;
    the manifest and 下发清单 are left as issued. When the unit's tasks in the list are no longer those
    issued, the clerk is told (the merge compares returns with what was issued)."""
    from ..cycle.trackers import write_trackers

    manifest = wb.manifest(q)
    entry = next((u for u in manifest.get("units", []) if u.get("unit") == unit), None)
    if entry is None:
        raise XlError(f"{q.code} 的下发清单中没有「{unit}」。", hint="请刷新页面，从各单位文件列表中选择。")
    ds = wb.saved()
    prefill = wb.state().get("prefill", {}).get(q.code) or None
    if prefill and not Path(prefill).exists():
        prefill = None
    scratch = wb.state_dir / f".再次下发-{q.code}"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        result = write_trackers(ds, q, scratch, deadline=manifest.get("deadline") or None, units=[unit],
                                previous=prefill, progress=job.progress)
        made = next((path for u, path, *_ in result.files if u == unit), None)
        if made is None:
            raise XlError(f"任务总表中已没有「{unit}」的任务，未能重新生成。", hint="请核对任务总表，或重新生成全部填报表。")
        fresh = json.loads((scratch / "manifest.json").read_text(encoding="utf-8"))
        now = {t["key"] for u in fresh.get("units", []) if u.get("unit") == unit for t in u.get("tasks", [])}
        then = {t["key"] for t in entry.get("tasks", [])}
        warning = "" if now == then else (
            f"任务总表中「{unit}」的任务已与下发时不同（现 {len(now)} 项，下发时 {len(then)} 项），汇总时仍按下发时的任务核对。"
            "如需按新的任务总表汇总，请在上方重新生成全部填报表。")
        target = wb.issued_dir(q) / entry["file"]
        if target.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = wb.state_dir / f"旧下发_{q.code}_{stamp}"
            kept.mkdir(parents=True, exist_ok=True)
            shutil.move(str(target), str(kept / target.name))
        shutil.move(str(made), str(target))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return Reissued(target, q.code, warning)


def previous_consolidated(wb: Workbench, q: Quarter) -> Path | None:
    path = wb.consolidated_path(q.previous())
    return path if path.exists() else None


# -- 4 回收 ---------------------------------------------------------------------------------------
@dataclass
class UnitRow:
    """One line of the returns board: a unit's facts as the merge decided them (xltools/facts.py)."""

    unit: str
    owed: int  # tasks not answered (all of them when not reported)
    returned: bool = False  # reported: its file answers at least one task
    state: str = "未报送"  # 已报送 | 空表 | 未报送
    tasks: int = 0
    file: str = ""
    received: str = ""
    received_source: str = ""  # 填报日期 | 接收时间 | 文件修改时间
    days_late: int = 0
    late: bool = False
    corrections: list[str] = field(default_factory=list)
    twice: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class Board:
    """Step 4's board for a quarter: every unit's line, the files left out, the findings, the counts."""

    quarter: str
    deadline: str = ""
    made_at: str = ""
    units: list[UnitRow] = field(default_factory=list)
    left_out: list[dict[str, str]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def returned(self) -> int:
        return sum(1 for u in self.units if u.returned)

    @property
    def late(self) -> int:
        return sum(1 for u in self.units if u.late)

    @property
    def blank(self) -> int:
        return sum(1 for u in self.units if u.state == "空表")


def receive(wb: Workbench, q: Quarter, uploads: list[tuple[str, bytes]]) -> list[Stored]:
    """Keep returned files in <quarter>/回收/ exactly as received."""
    if not wb.manifest(q):
        raise XlError(f"{q.code} 还没有下发填报表，无法对照回收。", hint="请先在第 3 步生成并下发本季度的填报表。")
    return wb.store(uploads, wb.returns_dir(q), RETURN_SUFFIXES)


SET_ASIDE = "已撤回"


def set_aside(wb: Workbench, q: Quarter, name: str, back: bool = False) -> Path:
    """Move a received file out of 回收/ into <quarter>/已撤回/ (never deleted), or `back` again.

    The merge reads only 回收/, so a file set aside is no longer merged; a name already taken in the
    folder it goes to gets " (2)" before its extension."""
    source_dir, target_dir = wb.returns_dir(q), wb.quarter_dir(q) / SET_ASIDE
    if back:
        source_dir, target_dir = target_dir, source_dir
    source = source_dir / name
    if not name or Path(name).name != name or not source.is_file():
        where = "已撤回的文件" if back else "已收到的文件"
        raise XlError(f"{where}中没有「{name}」。", hint="请刷新页面后再试。")
    target_dir.mkdir(parents=True, exist_ok=True)
    target, n = target_dir / name, 2
    while target.exists():
        target, n = target_dir / f"{source.stem} ({n}){source.suffix}", n + 1
    with wb.files_lock:
        shutil.move(str(source), str(target))
    return target


def set_aside_files(wb: Workbench, q: Quarter) -> list[str]:
    folder = wb.quarter_dir(q) / SET_ASIDE
    return sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def collect(wb: Workbench, q: Quarter, job: Any, passwords: Any = ()) -> Board:
    """Merge everything in 回收/ into 汇总.xlsx and keep the board of who returned what.

    `passwords` open encrypted returns (the files in 回收/ stay encrypted)."""
    from ..cycle.merge import merge_returns

    ds = wb.saved()
    inbox = wb.returns_dir(q)
    inbox.mkdir(parents=True, exist_ok=True)
    issued = wb.issued_dir(q)
    count = sum(1 for p in inbox.iterdir() if p.is_file())
    job.progress(0, count, f"准备读取 {count} 个文件")

    def progress(done: int, total: int, label: str = "") -> None:
        # the last file read is not the end: the workbook is written after it
        job.progress(done, total, "已读完，正在写入汇总表" if total and done >= total else f"正在读取：{label}")

    result = merge_returns([inbox], ds, q, wb.consolidated_path(q), previous=previous_consolidated(wb, q),
                           issued=issued if (issued / "manifest.json").exists() else None, progress=progress,
                           passwords=tuple(passwords), received=wb.received_at, cache=wb.read_cache(q))
    board = build_board(q, result)
    from ..infra.atomic import write_text_atomic

    wb.state_dir.mkdir(exist_ok=True)
    write_text_atomic(wb.board_path(q), json.dumps(asdict(board), ensure_ascii=False, indent=1))
    return board


def build_board(q: Quarter, result: Any) -> Board:
    """The board states the merge's facts about each unit (result.units): nothing is counted here."""
    board = Board(q.code, result.deadline, dt.datetime.now().replace(microsecond=0).isoformat(), counts=result.counts())
    for f in result.units.values():
        row = UnitRow(f.unit, f.owed, f.reported, f.state, f.tasks, f.file, f.received,
                      f.received_source if f.received else "", f.days_late, f.late, list(f.corrections))
        for finding in result.findings:
            if finding.unit != f.unit or finding.code in ("missing_return", "blank_return"):
                continue
            if finding.code == "duplicate_return":
                row.twice.append(finding.file)
            else:
                row.problems.append(f"[{finding.level}] {finding.message}")
        board.units.append(row)
    for f, outcome, reason in result.files:
        if outcome != "合并":
            board.left_out.append({"file": Path(f).name, "outcome": outcome, "reason": reason})
    board.findings = [f.to_dict() for f in result.findings]
    return board


def load_board(wb: Workbench, q: Quarter) -> Board | None:
    path = wb.board_path(q)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["units"] = [UnitRow(**u) for u in data.get("units", [])]
        return Board(**data)
    except (OSError, json.JSONDecodeError, TypeError):
        return None


# -- 5 汇总 ---------------------------------------------------------------------------------------
def make_report(wb: Workbench, q: Quarter, job: Any) -> Path:
    write_report = library("publish.report", "write_report")
    if write_report is None:
        raise XlError(f"生成落实情况报告：{NOT_PROVIDED}。", hint="请升级 xltools。")
    source = _consolidated(wb, q)
    job.progress(0, 1, "生成落实情况报告")
    write_report(source, wb.report_path(q), previous=previous_consolidated(wb, q))
    job.progress(1, 1, "完成")
    return wb.report_path(q)


def make_reminders(wb: Workbench, q: Quarter, job: Any, deadline: str | None = None) -> list[Any]:
    """催报清单.xlsx and the reminders, worded for today; `deadline`: the new date for late units."""
    write_reminders = library("cycle.reminders", "write_reminders")
    if write_reminders is None:
        raise XlError(f"生成催报清单：{NOT_PROVIDED}。", hint="请升级 xltools。")
    source = _consolidated(wb, q)
    job.progress(0, 1, "生成催报清单")
    items = write_reminders(source, wb.reminders_path(q), deadline=deadline)
    save_reminders(wb, q, items)
    job.progress(1, 1, "完成")
    return items


def reminders_path(wb: Workbench, q: Quarter) -> Path:
    return wb.state_dir / f"催报_{q.code}.json"


def save_reminders(wb: Workbench, q: Quarter, items: list[Any]) -> None:
    """Keep the reminders with the quarter (the page shows them after a reload, with copy buttons)."""
    from ..infra.atomic import write_text_atomic

    rows = [{"unit": getattr(i, "unit", ""), "kind": getattr(i, "kind", ""), "tasks_owed": getattr(i, "tasks_owed", ""),
             "deadline": getattr(i, "deadline", ""), "problems": list(getattr(i, "problems", []) or []),
             "text": getattr(i, "text", "")} for i in items]
    data = {"quarter": q.code, "made_at": dt.datetime.now().replace(microsecond=0).isoformat(), "items": rows}
    wb.state_dir.mkdir(exist_ok=True)
    write_text_atomic(reminders_path(wb, q), json.dumps(data, ensure_ascii=False, indent=1))


def load_reminders(wb: Workbench, q: Quarter) -> dict[str, Any] | None:
    try:
        data = json.loads(reminders_path(wb, q).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("items"), list) else None


def _consolidated(wb: Workbench, q: Quarter) -> Path:
    path = wb.consolidated_path(q)
    if not path.exists():
        raise XlError(f"{q.code} 还没有汇总表。", file=f"{q.code}/汇总.xlsx",
                      hint="请先在第 4 步上传各单位交回的填报表，汇总表会自动生成。")
    return path
