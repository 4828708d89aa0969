"""Write outputs completely or not at all: a temporary file beside the target, then rename.

An existing output is not touched until the new one is complete; the temporary file is
removed when writing fails. (click's atomic open replaces the target even on error.)
The finished file gets the permissions a newly created file gets under the user's umask (usually
0644 or 0664), not the 0600 of a temporary file, so a colleague on a shared folder can open it.

Each completed output is noted for whoever asked with `recording_writes()`: the command line uses
it to say, when a command stops on an error, which files it had already written in full.

On Windows a file open in Excel, WPS or Word cannot be replaced, and some folders (Program Files, a
shared folder) cannot be written: both become a Chinese message naming the file or folder.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import XlError

_RECORD: contextvars.ContextVar[list[Path] | None] = contextvars.ContextVar("xltools_written", default=None)


@contextlib.contextmanager
def recording_writes() -> Iterator[list[Path]]:
    """Yield a list that receives every output completed inside the block (in this thread)."""
    written: list[Path] = []
    token = _RECORD.set(written)
    try:
        yield written
    finally:
        _RECORD.reset(token)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it onto `target` on success."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".~" + target.stem[:40] + ".", suffix=target.suffix, dir=target.parent)
    except PermissionError as exc:
        raise XlError("没有权限在这个文件夹中写文件。", file=str(target.parent),
                      hint="请换一个文件夹（如「文档」中的文件夹），或请管理员开放写入权限。") from exc
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o666 & ~current_umask())
        try:
            os.replace(tmp_path, target)
        except PermissionError as exc:
            raise XlError("无法替换已有的文件：它可能正在 Excel、WPS 或 Word 中打开，或是只读文件。", file=str(target),
                          hint="请关闭这个文件后重新运行（已有的文件没有改动）。") from exc
        record = _RECORD.get()
        if record is not None:
            record.append(target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def current_umask() -> int:
    """The process's umask (read by setting and restoring it; there is no read-only call)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes_atomic(target: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


# Text a clerk may open in Notepad, WPS or Excel: UTF-8 with a byte-order mark (without it WPS and
# Excel read a .csv as GBK, and Notepad before Windows 10 1903 guesses) and Windows line ends. The
# settings templates (.toml) are edited in Notepad too; xltools reads them back with or without the
# mark (infra/settings.py). JSON and other files for programs stay plain UTF-8 (a BOM breaks many
# JSON readers).
TEXT_FOR_PEOPLE = {".csv", ".txt", ".tsv", ".toml"}


def write_text_atomic(target: str | os.PathLike[str], text: str) -> None:
    """Write `text`; .csv/.txt/.tsv/.toml as UTF-8 with BOM and CRLF line ends, other files as UTF-8."""
    if Path(target).suffix.lower() in TEXT_FOR_PEOPLE:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        write_bytes_atomic(target, text.encode("utf-8-sig"))
    else:
        write_bytes_atomic(target, text.encode("utf-8"))
