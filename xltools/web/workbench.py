"""The workbench (工作台): the clerk's folder, kept as plain files the CLI commands also use.

Layout (the same as the CLI's)::

    任务总表.xlsx                 the dataset
    附件.docx / 附件.pdf          the official-format attachment
    来源/                         task lists as uploaded, kept as received
    2026Q1/下发/                  issued trackers, 下发清单.xlsx, manifest.json
    2026Q1/回收/                  every returned file as received, never altered
    2026Q1/汇总.xlsx, 2026Q1/落实情况.docx, 2026Q1/催报清单.xlsx
    历史/                         earlier versions of 任务总表.xlsx, one kept at every save (the last 10)
    .xltools/                     the page's own state: the unsaved draft, when files arrived, the board

Uploads: the name a browser sends is kept for display only. The name on disk is its last path
component with every character Windows forbids replaced, no leading dots or trailing dots and spaces,
no reserved device names (CON, NUL.txt, com1.tar.gz …), at most 200 bytes in UTF-8 (a Linux file name
holds 255 bytes, 85 Chinese characters; the rest leaves room for " (2)" and the temporary name used
while writing); Chinese is kept. A file that still cannot be written is listed with the reason, and
the rest of the batch goes on. Lock files (~$…), hidden system files and files
that are not office files are listed as skipped. A file already received with the same content is
not stored twice; a different file with a taken name gets " (2)" before its extension.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from ..cycle.quarter import Quarter, parse_quarter
from ..cycle.returns import ReadCache
from ..dataset.model import Dataset
from ..errors import XlError
from ..infra.filenames import is_device
from ..infra.kinds import TASK_LIST_SUFFIXES, TRACKER_SUFFIXES
from .messages import os_error_text

DATASET = "任务总表.xlsx"
ATTACHMENT = "附件.docx"
SOURCES = "来源"
ISSUED, RETURNS = "下发", "回收"
CONSOLIDATED, REPORT, REMINDERS = "汇总.xlsx", "落实情况.docx", "催报清单.xlsx"
STATE_DIR = ".xltools"
DRAFT, STATE = "草稿.json", "网页状态.json"
HISTORY, KEEP_HISTORY = "历史", 10

LIST_SUFFIXES = TASK_LIST_SUFFIXES  # what step 1 takes as a task list
RETURN_SUFFIXES = TRACKER_SUFFIXES  # what step 4 takes as a returned tracker
_SYSTEM_FILES = {"thumbs.db", "desktop.ini", ".ds_store"}
_BAD_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
# A received name is cut shorter than the tool's own names (infra.filenames: 255 - 15 bytes) to leave room
# for " (12)" when names repeat and for the temporary name written beside it.
MAX_NAME_BYTES = 200


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
    suffix = _cut_bytes(suffix.strip(), 10)
    stem = _cut_bytes(stem, MAX_NAME_BYTES - len(suffix.encode("utf-8")) - 1).rstrip(". ")
    if is_device(stem):  # Windows reads CON.tar.gz (and COM¹, CONIN$ …) as a device: the shared rule
        stem = "_" + stem
    if not stem:
        stem = "未命名文件"
    return f"{stem}.{suffix}" if suffix else stem


def _cut_bytes(text: str, limit: int) -> str:
    """The longest start of `text` that is at most `limit` bytes in UTF-8 (never half a character)."""
    data = text.encode("utf-8", "replace")
    return data[:max(limit, 0)].decode("utf-8", "ignore")


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


class StaleEdit(XlError):
    """An edit made on a version of the list that is no longer the current one."""


class Workbench:
    """The folder and its layout; every path the page reads or writes comes from here."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.files_lock = threading.RLock()  # uploads (and moves within 回收/) arrive on several request threads
        # Edits of the list (draft, save, discard, restore) one at a time: check the version, change, write.
        self.edit_lock = threading.RLock()
        # Returns read by earlier merges, per quarter, by content, for the server's life (see read_cache).
        self._read_caches: dict[str, ReadCache] = {}

    def read_cache(self, q: Quarter) -> ReadCache:
        """The quarter's cycle.returns.ReadCache: a re-merge after new returns arrive reads only the new
        files. In memory only (a restarted server reads everything once); keyed by each file's content,
        so a replaced or corrected file is read again."""
        with self.files_lock:
            return self._read_caches.setdefault(q.code, ReadCache())

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
        try:
            target = (self.root / rel).resolve()
            found = target.is_file()
        except (ValueError, OSError):  # a NUL byte, a name too long for the file system
            found = False
        if not found or not target.is_relative_to(self.root) or target == self.root:
            raise XlError("找不到该文件。", file=rel.replace("\x00", ""), hint="文件可能已被移动或删除，请刷新页面。")
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
        self.archive_dataset()
        save_dataset(ds, self.dataset_path)
        self.draft_path.unlink(missing_ok=True)
        return ds

    def discard_draft(self) -> None:
        self.draft_path.unlink(missing_ok=True)

    def version(self) -> str:
        """Which list the page shows: a digest of the draft, else of 任务总表.xlsx ("" when neither).

        Every edit form carries it; an edit made on another version is refused (`check_version`). Taken
        from the files' content, so a change made by hand in Excel also makes older pages stale."""
        for path in (self.draft_path, self.dataset_path):
            try:
                return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            except FileNotFoundError:
                continue
        return ""

    def check_version(self, sent: str | None) -> None:
        """Refuse an edit made on another version of the list than the current one (call under edit_lock)."""
        if sent is None:
            raise StaleEdit("这次修改没有注明是在哪个版本的任务清单上做的，未执行。", hint="请刷新页面后重新操作。")
        if sent != self.version():
            raise StaleEdit("任务清单在您看到之后已被修改（另一个窗口或刚才的另一次操作），这次修改未执行，以免覆盖。",
                            hint="已重新载入最新的任务清单，请核对后重新操作。")

    @property
    def history_dir(self) -> Path:
        return self.root / HISTORY

    def history(self) -> list[Path]:
        """Earlier versions of 任务总表.xlsx kept at each save, newest first."""
        if not self.history_dir.is_dir():
            return []
        found = [p for p in self.history_dir.glob("任务总表-*.xlsx") if p.is_file()]
        return sorted(found, key=_history_order, reverse=True)

    def archive_dataset(self) -> Path | None:
        """Copy the current 任务总表.xlsx into 历史/ (named by the time it is replaced); keep the last 10."""
        if not self.dataset_path.exists():
            return None
        self.history_dir.mkdir(exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target, n = self.history_dir / f"任务总表-{stamp}.xlsx", 2
        while target.exists():
            target, n = self.history_dir / f"任务总表-{stamp}-{n}.xlsx", n + 1
        shutil.copy2(self.dataset_path, target)
        for old in self.history()[KEEP_HISTORY:]:
            old.unlink(missing_ok=True)
        return target

    def restore(self, name: str) -> Path:
        """Make the kept version `name` 任务总表.xlsx again; the version it replaces goes into 历史/ first."""
        from ..infra.atomic import write_bytes_atomic

        chosen = next((p for p in self.history() if p.name == name), None)
        if chosen is None:
            raise XlError("历史版本中没有这个文件。", file=f"{HISTORY}/{name}", hint="请刷新页面，从列表中选择。")
        if self.has_draft():
            raise XlError("有未保存的修改，不能恢复历史版本。", hint="请先「保存到任务总表」或「放弃修改」，再恢复。")
        data = chosen.read_bytes()
        self.archive_dataset()
        write_bytes_atomic(self.dataset_path, data)
        return chosen

    # -- small state the page keeps ---------------------------------------------------------------
    def state(self) -> dict:
        path = self.state_dir / STATE
        try:
            return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except (OSError, json.JSONDecodeError):
            return {}

    def update_state(self, **values) -> dict:
        from ..infra.atomic import write_text_atomic

        with self.files_lock:
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
        with self.files_lock:
            log = self.state().get("received", {})
            for sent, data in uploads:
                reason = skip_reason(sent, len(data), suffixes)
                if reason:
                    out.append(Stored(sent, status="已跳过", reason=reason))
                    continue
                try:
                    item = _store_one(folder, sent, data)
                except OSError as exc:  # one file that cannot be written never stops the batch
                    out.append(Stored(sent, status="已跳过", reason=f"无法保存：{os_error_text(exc)}"))
                    continue
                if item.saved:
                    log[self.relative(folder / item.name)] = {"sent": sent, "received": now}
                out.append(item)
            self.update_state(received=log)
        return out

    def received_at(self, path: Path) -> str:
        """When the page received a file (ISO time), "" for files put there by hand."""
        entry = self.state().get("received", {}).get(self.relative(path), {})
        return entry.get("received", "")


def _history_order(path: Path) -> tuple[str, int]:
    """任务总表-20261201-102313.xlsx, then -2, -3 … for saves within the same second."""
    parts = path.stem.split("-")
    n = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else 1
    return ("-".join(parts[1:3]), n)


def _store_one(folder: Path, sent: str, data: bytes) -> Stored:
    from ..infra.atomic import write_bytes_atomic

    name = safe_name(sent)
    digest = hashlib.sha256(data).digest()
    stem, suffix = Path(name).stem, Path(name).suffix
    # names that differ only in case are one name on Windows (the folder may be copied there)
    taken = {p.name.lower(): p for p in folder.iterdir()}
    candidate, n = name, 2
    while candidate.lower() in taken:
        there = taken[candidate.lower()]
        if there.is_file() and hashlib.sha256(there.read_bytes()).digest() == digest:
            return Stored(sent, there.name, "重复", f"与已收到的「{there.name}」内容相同，未重复保存")
        candidate = f"{stem} ({n}){suffix}"
        n += 1
    write_bytes_atomic(folder / candidate, data)
    return Stored(sent, candidate)
