"""Reading ONE returned tracker into a plain `Return`, whatever happened to it on the way back.

The file is identified by content (sniff), size-checked before parsing, and read with python-calamine
(.xlsx/.xlsm/.xls/.ods alike; formulas are not evaluated, their cached values are read). The fill sheet
is found by its header labels, not its name or position, so a renamed sheet, rows inserted above, or
reordered and extra columns still read. The provenance sheet gives the unit, quarter and dataset;
without it (content copied into a new workbook) the caller matches by title and task text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import XlError
from ..infra.kinds import kind_zh
from ..infra.safety import Limits, default_limits
from ..ingest.readers.sheet import cell_text
from .trackers import FILL_LABELS, KEY_LABEL, PROVENANCE, SIGNOFF_LABELS

READABLE = ("xlsx", "xlsm", "xls", "ods")
@dataclass
class ReturnRow:
    """One task row of a return: its sheet row, task key, 序号, task text and the filled cells."""

    row: int
    key: str
    number: str
    text: str
    values: dict[str, str]


@dataclass
class Return:
    """A returned tracker as read: provenance, the fill sheet's rows and the sign-off under them."""

    path: Path
    kind: str = ""
    sheet: str = ""
    info: dict[str, str] = field(default_factory=dict)  # provenance key/values; empty when the sheet is gone
    row_keys: dict[int, str] = field(default_factory=dict)  # provenance: 填报 row → task key
    prefilled: dict[str, str] = field(default_factory=dict)  # provenance: task key → fill_hash as issued
    title: str = ""
    rows: list[ReturnRow] = field(default_factory=list)
    signoff: dict[str, str] = field(default_factory=dict)
    mtime: float = 0.0

    @property
    def has_provenance(self) -> bool:
        return self.info.get("format") == "xltools-tracker"

    @property
    def filled_at(self) -> str:
        return normalise_date(self.signoff.get("填报日期", ""))


def normalise_date(text: str) -> str:
    m = re.search(r"(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})", text or "")
    if not m:
        return ""
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return ""


IN_MEMORY_MB = 16  # a return up to this size is read once, then sniffed, checked and parsed from memory


@dataclass
class Opened:
    """A returned file checked and ready for calamine: its bytes (or, when large, only its path), and
    calamine's rows once parsed. The three steps of read_return are separate so a merge can run the
    parsing, which calamine does without the GIL, on two threads and the Python steps on one."""

    path: Path
    kind: str
    mtime: float
    data: bytes | None = None
    sheets: dict[str, list[list]] = field(default_factory=dict)


def read_return(path: str | Path, limits: Limits | None = None, passwords: tuple[str, ...] = ()) -> Return:
    """Read a returned file; XlError (with a Chinese reason) when it cannot be read as a tracker.

    An encrypted file is decrypted in memory when one of `passwords` opens it (the file stays as it is).
    """
    limits = limits or default_limits()
    return finish_return(parse_return(open_return(path, limits, passwords), limits), limits)


def read_all(files: list[Path], limits: Limits, passwords: tuple[str, ...] = (),
             cache: ReadCache | None = None) -> Iterator[Return | XlError]:
    """Each file read, or the XlError saying why it cannot be, in the order of `files`.

    Two threads: python-calamine lets the GIL go while it parses, so one file is parsed while the next is
    opened and checked. With `cache`, a file whose bytes were read before (under the same limits) is
    not checked or parsed again: the Return kept for those bytes is handed out (see ReadCache).
    """
    from concurrent.futures import ThreadPoolExecutor

    def one(path: Path) -> Return | XlError:
        if cache is None:
            return _attempt(read_return, path, limits, passwords)
        return _attempt(cache.read, path, limits, passwords)

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="xltools-read") as pool:
        yield from pool.map(one, files)


class ReadCache:
    """Returns already read, keyed by the file's content, so a re-merge reads only the files that are new.

    Why: the page merges the whole of 回收/ every time a return arrives; reading 200 trackers again for
    one new file is what the clerk would wait for. The key is the sha256 of the file's bytes and the
    limits they were read under, so the cache is never stale: a changed file has another hash, and a
    renamed or re-dated copy is the same content (its path and modification time are taken from the
    file as it is now). A tracker's bytes hashed are the bytes parsed (one read); a file over
    IN_MEMORY_MB is hashed as it is read in parts, and kept only when it did not change meanwhile. A
    file that could not be read is kept with its reason too, under its name and the passwords tried as
    well (the reason names the file; a password given later may open it). A file over the size limit is
    refused before it is read. At most `size` entries, the least recently used dropped first. Safe to
    share between the reading threads.
    """

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[str, Return | XlError] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def copy(self) -> ReadCache:
        """Another cache holding the same entries (counts from zero), e.g. to time a re-merge again."""
        other = ReadCache(self.size)
        with self._lock:
            other._items.update(self._items)
        return other

    def read(self, path: str | Path, limits: Limits, passwords: tuple[str, ...] = ()) -> Return:
        """read_return(path, limits, passwords), from what was kept when these bytes were read before."""
        path = Path(path)
        stat = path.stat()
        if stat.st_size > limits.max_file_mb * 1024 * 1024:
            return read_return(path, limits, passwords)  # refused by its size, unread
        small = stat.st_size <= IN_MEMORY_MB * 1024 * 1024
        if small:
            data: bytes | None = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
        else:
            data = None
            with path.open("rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
        key = f"{digest}|{limits!r}"
        failed = f"{key}|{path.name}|{passwords!r}"
        with self._lock:
            kept = self._items.get(key) or self._items.get(failed)
            if kept is not None:
                self._items.move_to_end(key if key in self._items else failed)
                self.hits += 1
            else:
                self.misses += 1
        if isinstance(kept, XlError):
            raise kept.with_traceback(None)
        if kept is not None:
            return _copy_return(kept, path, stat.st_mtime)
        try:
            if data is not None:
                opened = open_return(path, limits, passwords, data=data, mtime=stat.st_mtime)
                ret = finish_return(parse_return(opened, limits), limits)
            else:
                ret = read_return(path, limits, passwords)
        except XlError as exc:
            if _unchanged(path, stat):
                self._keep(failed, exc)
            raise
        if small or _unchanged(path, stat):
            self._keep(key, _copy_return(ret, path, ret.mtime))  # the merge writes into its own copy
        return ret

    def _keep(self, key: str, item: Return | XlError) -> None:
        with self._lock:
            self._items[key] = item
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def _unchanged(path: Path, before: Any) -> bool:
    """Whether the file is as it was at `before` (its stat): same size and modification time."""
    try:
        now = path.stat()
    except OSError:
        return False
    return (now.st_size, now.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def _copy_return(ret: Return, path: Path, mtime: float) -> Return:
    """A Return of its own (the merge marks `info`), for the file at `path` as it is now."""
    return Return(path, ret.kind, ret.sheet, dict(ret.info), dict(ret.row_keys), dict(ret.prefilled), ret.title,
                  [ReturnRow(r.row, r.key, r.number, r.text, dict(r.values)) for r in ret.rows], dict(ret.signoff),
                  mtime)


def _attempt(step: Callable, *args) -> Any:
    """step(*args), or the XlError it raised (a file that cannot be read is a result, not a stop)."""
    try:
        return step(*args)
    except XlError as exc:
        return exc


def open_return(path: str | Path, limits: Limits, passwords: tuple[str, ...] = (), *,
                data: bytes | None = None, mtime: float | None = None) -> Opened:
    """Identify and check a file before any parser sees it: its kind by content, its size, and for a
    zip the bombs and entity tricks (safety.check_office_zip); decrypted when encrypted.

    `data`, `mtime`: the file's bytes and modification time when the caller has read them already."""
    from ..infra.safety import check_office_zip, check_size
    from ..infra.sniff import sniff

    path = Path(path)
    if data is None:
        stat = path.stat()
        size, mtime = stat.st_size, stat.st_mtime
        small = size <= IN_MEMORY_MB * 1024 * 1024
        data = path.read_bytes() if small else None  # one read instead of one per part (trackers are small)
    else:
        size = len(data)
        mtime = path.stat().st_mtime if mtime is None else mtime
    check_size(path, size, limits)
    kind = sniff(path, open_zip=False, head=data)
    if kind == "ole-encrypted":
        from ..infra.decrypt import decrypt  # without a password it says so, naming the file

        data = decrypt(path, passwords)
        kind = sniff(path, open_zip=False, head=data)
    if kind == "zip":  # opened once: checked, and told what it holds
        kind = check_office_zip(path, limits, data)
    if kind not in READABLE:
        raise XlError(f"不是电子表格（实为{kind_zh(kind)}）", file=path.name,
                      hint="请让单位发送填好的 .xlsx 填报表。")
    return Opened(path, kind, mtime, data)


def parse_return(opened: Opened, limits: Limits) -> Opened:
    """Every sheet's rows as calamine reads them (the bytes are let go); XlError when a sheet is too
    large or the file cannot be parsed."""
    from python_calamine import CalamineWorkbook

    path = opened.path
    try:
        if opened.data is None:
            wb = CalamineWorkbook.from_path(str(path))
        else:
            wb = CalamineWorkbook.from_filelike(io.BytesIO(opened.data))
        for name in wb.sheet_names:
            sheet = wb.get_sheet_by_name(name)
            if sheet.total_height > limits.max_rows or sheet.total_width > limits.max_columns:
                if name == PROVENANCE:
                    continue
                raise XlError(f"工作表「{name}」过大（{sheet.total_height} 行 × {sheet.total_width} 列）", file=path.name,
                              hint="填报表不会这么大；请让单位检查是否误粘贴了大量内容后重新发送。")
            opened.sheets[name] = sheet.to_python(skip_empty_area=False)
    except XlError:
        raise
    except Exception as exc:  # calamine's own errors: damaged parts, passwords, unsupported features
        raise XlError(f"文件已损坏或无法解析（{type(exc).__name__}）", file=path.name,
                      hint="请让单位在 WPS/Excel 中打开确认无误后另存为 .xlsx 重新发送。") from exc
    opened.data = None
    return opened


def finish_return(opened: Opened, limits: Limits) -> Return:
    """The parsed rows as a Return: provenance, the fill sheet found by its header, its rows."""
    sheets = {name: [[v if type(v) is str else cell_text(v) for v in row] for row in rows]  # nearly all str
              for name, rows in opened.sheets.items()}
    ret = Return(opened.path, opened.kind, mtime=opened.mtime)
    _read_provenance(sheets.pop(PROVENANCE, None), ret)
    ret.sheet, rows, h = _fill_sheet(sheets, opened.path)
    _read_rows(rows, h, ret, limits)
    return ret


def _read_provenance(rows: list[list[str]] | None, ret: Return) -> None:
    if not rows:
        return
    i = 0
    while i < len(rows) and rows[i] and rows[i][0]:
        ret.info[rows[i][0]] = rows[i][1] if len(rows[i]) > 1 else ""
        i += 1
    for row in rows[i + 1:]:
        if len(row) >= 5 and row[0] and row[0] != "key" and row[4].isdigit():
            ret.row_keys[int(row[4])] = row[0]
            if len(row) >= 6 and row[5]:
                ret.prefilled[row[0]] = row[5]


def _fill_sheet(sheets: dict[str, list[list[str]]], path: Path) -> tuple[str, list[list[str]], int]:
    """The first sheet with the fill table's header: its name, rows and the header's index."""
    for name, rows in sheets.items():
        h = _header_index(rows)
        if h is not None:
            return name, rows, h
    raise XlError("没有找到填报表格（缺少「任务内容」「完成状态」等表头）", file=path.name,
                  hint="请确认这是下发的填报表；如表头被改动，请恢复后重新发送。")


def _header_index(rows: list[list[str]]) -> int | None:
    for i, row in enumerate(rows[:50]):
        labels = {c.strip() for c in row}
        if "任务内容" in labels and ("完成状态" in labels or "进展情况" in labels):
            return i
    return None


def _read_rows(rows: list[list[str]], h: int, ret: Return, limits: Limits) -> None:
    """The task rows under the header (row `h`) into `ret`, up to the sign-off line, which is read too."""
    ret.title = next((c for r in rows[:h] for c in r if c.strip()), "")
    col = {c.strip(): i for i, c in enumerate(rows[h]) if c.strip()}
    fill = [(label, col.get(label)) for label in FILL_LABELS]
    key_at, number_at, text_at = col.get(KEY_LABEL), col.get("序号"), col.get("任务内容")
    width = 1 + max([i for i in (key_at, number_at, text_at, *(i for _, i in fill)) if i is not None], default=-1)
    cap = limits.max_cell_chars
    signoff_at = None
    for r in range(h + 1, len(rows)):
        row = rows[r]
        line = "".join(row)
        if not line.strip():
            continue
        if _is_signoff(row, line):
            signoff_at = r
            break
        if len(row) < width:  # a short row (the sheet's right part trimmed): pad, so every column reads ""
            row = row + [""] * (width - len(row))
        values = {label: row[i].strip()[:cap] if i is not None else "" for label, i in fill}
        key = row[key_at].strip() if key_at is not None else ""
        ret.rows.append(ReturnRow(r + 1, key or ret.row_keys.get(r + 1, ""),
                                  row[number_at].strip() if number_at is not None else "",
                                  row[text_at].strip() if text_at is not None else "", values))
    if signoff_at is not None:
        for row in rows[signoff_at:signoff_at + 6]:
            for c, cell in enumerate(row):
                label = _label(cell)
                if label in SIGNOFF_LABELS:
                    ret.signoff[label] = _signoff_value(row[c + 1:])


def _signoff_value(cells: list[str]) -> str:
    """The first filled cell right of a sign-off label, up to the next label: an empty 填报人 is empty,
    not the 「联系电话：」 beside it."""
    for cell in cells:
        if _label(cell) in SIGNOFF_LABELS:
            return ""
        if cell.strip():
            return cell.strip()
    return ""


_SIGNOFF_HINT = re.compile("|".join(re.escape(label[:2]) for label in SIGNOFF_LABELS)).search  # a quick look first


def _is_signoff(row: list[str], line: str) -> bool:
    """The sign-off line under the table (`line`: the row's cells joined): a cell that is one of its
    labels (填报人：, 联系电话 …)."""
    if not _SIGNOFF_HINT(line):
        return False
    return any(_label(c) in SIGNOFF_LABELS for c in row)


def _label(cell: str) -> str:
    return cell.strip().rstrip("：:")
