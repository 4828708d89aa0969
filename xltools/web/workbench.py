"""The workbench (工作台): the clerk's folder, kept as plain files the CLI commands also use.

Layout (the same as the CLI's)::

    任务总表.xlsx                 the dataset
    附件.docx / 附件.pdf          the official-format attachment
    来源/                         task lists as uploaded, kept as received
    2026Q1/下发/                  issued trackers, 下发清单.xlsx, manifest.json
    2026Q1/回收/                  every returned file as received, never altered
    2026Q1/汇总.xlsx, 2026Q1/落实情况.docx, 2026Q1/催报清单.xlsx
    .xltools/                     the page's own state: the unsaved draft, when files arrived, the board

Uploads: the name a browser sends is kept for display only. The name on disk is its last path
component with every character Windows forbids replaced, no leading dots, no reserved device
names, at most 120 characters; Chinese is kept. Lock files (~$…), hidden system files and files
that are not office files are listed as skipped. A file already received with the same content is
not stored twice; a different file with a taken name gets " (2)" before its extension.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from ..cycle.quarter import Quarter, parse_quarter
from ..dataset.model import Dataset
from ..errors import XlError

DATASET = "任务总表.xlsx"
ATTACHMENT = "附件.docx"
SOURCES = "来源"
ISSUED, RETURNS = "下发", "回收"
CONSOLIDATED, REPORT, REMINDERS = "汇总.xlsx", "落实情况.docx", "催报清单.xlsx"
STATE_DIR = ".xltools"
DRAFT, STATE = "草稿.json", "网页状态.json"

LIST_SUFFIXES = {".docx", ".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".et", ".wps", ".doc"}
RETURN_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".et", ".csv"}
_SYSTEM_FILES = {"thumbs.db", "desktop.ini", ".ds_store"}
_BAD_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME = 120


@dataclass(frozen=True)
class UploadLimits:
    """What one upload may hold; the page states these numbers."""

    max_files: int = 300
    max_file_mb: int = 30
    max_total_mb: int = 200


LIMITS = UploadLimits()


@dataclass
class Stored:
    """One uploaded file: the name as sent, where it went (if anywhere), and why."""

    shown: str
    name: str = ""
    status: str = "已保存"  # 已保存 | 已跳过 | 重复
    reason: str = ""

    @property
    def saved(self) -> bool:
        return self.status == "已保存"


def safe_name(sent: str) -> str:
    """A file name safe on every disk, from the name a browser sent (which may hold a path)."""
    base = re.split(r"[\\/]", sent or "")[-1]
    base = _BAD_CHARS.sub("_", base).strip().lstrip(".").rstrip(". ")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    if stem.upper() in _RESERVED:
        stem = "_" + stem
    if not stem:
        stem = "未命名文件"
    suffix = suffix[:10]
    stem = stem[: MAX_NAME - len(suffix) - 1]
    return f"{stem}.{suffix}" if suffix else stem


def skip_reason(sent: str, size: int, suffixes: set[str], limits: UploadLimits = LIMITS) -> str:
    """Why an uploaded file is not kept ("" when it is)."""
    base = re.split(r"[\\/]", sent or "")[-1]
    if base.startswith("~$"):
        return "Office 临时锁定文件（~$ 开头，文件打开时自动生成），不是填报内容"
    if base.lower() in _SYSTEM_FILES or base.startswith("."):
        return "系统隐藏文件"
    suffix = Path(base).suffix.lower()
    if suffix not in suffixes:
        return f"不是表格或文档文件（{suffix or '无扩展名'}）"
    if size == 0:
        return "空文件（0 字节）"
    if size > limits.max_file_mb * 1024 * 1024:
        return f"文件过大（{size / 1024 / 1024:.1f} MB，上限 {limits.max_file_mb} MB）"
    return ""


class Workbench:
    """The folder and its layout; every path the page reads or writes comes from here."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()  # uploads arrive on several request threads at once

    # -- layout ----------------------------------------------------------------------------------
    @property
    def dataset_path(self) -> Path:
        return self.root / DATASET

    @property
    def attachment_path(self) -> Path:
        return self.root / ATTACHMENT

    @property
    def sources_dir(self) -> Path:
        return self.root / SOURCES

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    def quarter_dir(self, q: Quarter) -> Path:
        return self.root / q.code

    def issued_dir(self, q: Quarter) -> Path:
        return self.quarter_dir(q) / ISSUED

    def returns_dir(self, q: Quarter) -> Path:
        return self.quarter_dir(q) / RETURNS

    def consolidated_path(self, q: Quarter) -> Path:
        return self.quarter_dir(q) / CONSOLIDATED

    def report_path(self, q: Quarter) -> Path:
        return self.quarter_dir(q) / REPORT

    def reminders_path(self, q: Quarter) -> Path:
        return self.quarter_dir(q) / REMINDERS

    def board_path(self, q: Quarter) -> Path:
        return self.state_dir / f"回收_{q.code}.json"

    def preview_path(self) -> Path:
        return self.state_dir / "附件预览.png"

    def quarters(self) -> list[Quarter]:
        """Quarters that have a folder here, latest first."""
        found = []
        for child in self.root.iterdir():
            if child.is_dir() and re.fullmatch(r"\d{4}Q[1-4]", child.name):
                found.append(parse_quarter(child.name))
        return sorted(found, reverse=True)

    def manifest(self, q: Quarter) -> dict:
        path = self.issued_dir(q) / "manifest.json"
        if not path.exists():
            return {}
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return {}

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def resolve(self, rel: str) -> Path:
        """A path inside the workbench from a relative name in a URL; anything else → XlError."""
        target = (self.root / rel).resolve()
        if not target.is_relative_to(self.root) or target == self.root or not target.is_file():
            raise XlError("找不到该文件。", file=rel, hint="文件可能已被移动或删除，请刷新页面。")
        if target.is_relative_to(self.state_dir) and target != self.preview_path().resolve():
            raise XlError("该文件不供下载。", file=rel)
        return target

    # -- the dataset and its draft ---------------------------------------------------------------
    @property
    def draft_path(self) -> Path:
        return self.state_dir / DRAFT

    def has_draft(self) -> bool:
        return self.draft_path.exists()

    def current(self) -> Dataset | None:
        """The dataset being worked on: the unsaved draft, else 任务总表.xlsx, else None."""
        from ..dataset.io import load_dataset

        if self.has_draft():
            return load_dataset(self.draft_path)
        if self.dataset_path.exists():
            return load_dataset(self.dataset_path)
        return None

    def saved(self) -> Dataset:
        """任务总表.xlsx as saved; what the attachment, trackers and merge use."""
        from ..dataset.io import load_dataset

        if not self.dataset_path.exists():
            raise XlError("工作台中还没有任务总表。", file=DATASET, hint="请先在第 1 步导入任务清单并点击「保存到任务总表」。")
        return load_dataset(self.dataset_path)

    def save_draft(self, ds: Dataset) -> None:
        from ..dataset.io import save_dataset

        self.state_dir.mkdir(exist_ok=True)
        save_dataset(ds, self.draft_path)

    def commit_draft(self) -> Dataset:
        from ..dataset.io import save_dataset

        ds = self.current()
        if ds is None:
            raise XlError("没有可保存的任务清单。", hint="请先导入任务清单。")
        save_dataset(ds, self.dataset_path)
        self.draft_path.unlink(missing_ok=True)
        return ds

    def discard_draft(self) -> None:
        self.draft_path.unlink(missing_ok=True)

    # -- small state the page keeps ---------------------------------------------------------------
    def state(self) -> dict:
        path = self.state_dir / STATE
        try:
            return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except (OSError, json.JSONDecodeError):
            return {}

    def update_state(self, **values) -> dict:
        from ..infra.atomic import write_text_atomic

        with self._lock:
            data = {**self.state(), **values}
            self.state_dir.mkdir(exist_ok=True)
            write_text_atomic(self.state_dir / STATE, json.dumps(data, ensure_ascii=False, indent=1))
            return data

    def active_quarter(self) -> Quarter | None:
        code = self.state().get("quarter")
        if code:
            return parse_quarter(code)
        quarters = self.quarters()
        return quarters[0] if quarters else None

    # -- uploads -----------------------------------------------------------------------------------
    def store(self, uploads: list[tuple[str, bytes]], folder: Path, suffixes: set[str]) -> list[Stored]:
        """Keep each uploaded (name, content) in `folder` under a safe name; list what was skipped."""
        folder.mkdir(parents=True, exist_ok=True)
        now = dt.datetime.now().replace(microsecond=0).isoformat()
        out = []
        with self._lock:
            log = self.state().get("received", {})
            for sent, data in uploads:
                reason = skip_reason(sent, len(data), suffixes)
                if reason:
                    out.append(Stored(sent, status="已跳过", reason=reason))
                    continue
                item = _store_one(folder, sent, data)
                if item.saved:
                    log[self.relative(folder / item.name)] = {"sent": sent, "received": now}
                out.append(item)
            self.update_state(received=log)
        return out

    def received_at(self, path: Path) -> str:
        """When the page received a file (ISO time), "" for files put there by hand."""
        entry = self.state().get("received", {}).get(self.relative(path), {})
        return entry.get("received", "")


def _store_one(folder: Path, sent: str, data: bytes) -> Stored:
    from ..infra.atomic import write_bytes_atomic

    name = safe_name(sent)
    digest = hashlib.sha256(data).digest()
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = name, 2
    while (folder / candidate).exists():
        if hashlib.sha256((folder / candidate).read_bytes()).digest() == digest:
            return Stored(sent, candidate, "重复", f"与已收到的「{candidate}」内容相同，未重复保存")
        candidate = f"{stem} ({n}){suffix}"
        n += 1
    write_bytes_atomic(folder / candidate, data)
    return Stored(sent, candidate)
