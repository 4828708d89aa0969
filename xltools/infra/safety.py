"""Limits checked before parsing untrusted office files: zip bombs, entity expansion, huge sheets.

Office files are zips of XML. Before any parser sees them we check the declared sizes (a zip bomb
declares or hides a huge uncompressed size), the number of parts, and that no XML part declares a
DOCTYPE (entity expansion such as "billion laughs", or external entities). Defaults can be changed
per call.
"""

from __future__ import annotations

import functools
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import XlError


@dataclass(frozen=True)
class Limits:
    """Bounds on untrusted files; the clerk's copy is templates/limits.toml (see default_limits)."""

    max_file_mb: float = 200
    max_uncompressed_mb: float = 500
    max_ratio: float = 200.0
    max_parts: int = 5000
    max_rows: int = 200_000
    max_columns: int = 2_000
    max_cell_chars: int = 32_767


DEFAULT_LIMITS = Limits()


@functools.cache
def default_limits() -> Limits:
    """templates/limits.toml when present, else the values above; read once per process."""
    return load_limits(None)


def load_limits(path: str | Path | None) -> Limits:
    """Limits from a TOML file (`path`, or templates/limits.toml when None)."""
    from .settings import load_settings

    return load_settings(Limits, path, "limits.toml", "限额设置")


def check_size(path: Path, size: int, limits: Limits) -> None:
    """XlError when a file of `size` bytes is over the limit."""
    if size > limits.max_file_mb * 1024 * 1024:
        raise XlError(f"文件过大（{size / 1024 / 1024:.0f} MB，上限 {limits.max_file_mb:.0f} MB）。", file=path.name,
                      hint="请删除其中的图片等无关内容后另存，或拆分后再试。")


def check_office_zip(path: str | Path, limits: Limits | None = None, data: bytes | None = None) -> str:
    """Raise XlError when the zip is damaged, too big, a bomb, or has an XML part that declares a
    DOCTYPE or entities; else return what kind of office file it is (sniff.zip_kind: xlsx, docx, ods, …).

    `data`: the file's bytes when the caller has read it whole (then it is checked in memory, without
    a system call per part); `path` still names it in messages."""
    from .sniff import zip_kind

    path = Path(path)
    limits = limits or default_limits()
    size = path.stat().st_size if data is None else len(data)
    check_size(path, size, limits)
    try:
        with zipfile.ZipFile(path if data is None else io.BytesIO(data)) as zf:
            infos = zf.infolist()
            _check_sizes(path, infos, size, limits)
            for info in infos:
                if info.filename.endswith((".xml", ".rels")) and info.file_size and _declares(zf, info):
                    raise XlError("文件中含有 XML 实体声明或异常的 XML 开头（可能是恶意构造的文件），已拒绝读取。", file=path.name,
                                  hint="请让对方用 WPS/Office 重新保存后发送；正常的办公文件不含这种内容。")
            return zip_kind(zf)
    except zipfile.BadZipFile as exc:
        raise XlError("文件已损坏（不是完整的 Office 文件）。", file=path.name,
                      hint="文件可能没有下载完整或被截断；请让对方重新发送，或在办公软件中打开后另存。") from exc
    except (OSError, EOFError, KeyError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise XlError(f"文件无法读取（{type(exc).__name__}）。", file=path.name,
                      hint="请在办公软件中打开后另存为 .xlsx/.docx 再试。") from exc


PROLOG_MAX = 65536  # bytes before the root element that are looked at; a real part has about 60
_FIRST, _CHUNK = 512, 2048  # bytes inflated first (16 times more each time after); compressed bytes read at a time


def _declares(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether an XML part's prolog (what stands before its root element) has a DOCTYPE or another
    declaration, or runs past PROLOG_MAX bytes. Whitespace, comments and processing instructions are
    stepped over, so padding cannot push a declaration out of sight; UTF-16 parts are read as such.
    Only the first bytes of the part are inflated, as far as its root element."""
    fh = _at_data(zf, info)
    first = b""
    if fh is not None and info.compress_type == zipfile.ZIP_DEFLATED:
        first = fh.read(min(info.compress_size, _CHUNK))
    head = b""
    for head, complete, _more in _heads(zf, info, fh, first):
        verdict = _scan_prolog(_utf8(head), complete)
        if verdict is not None:
            return verdict
    return len(head) >= PROLOG_MAX


_CLOSES = {b"<?": b"?>", b"<!--": b"-->"}  # what the prolog may hold before the root: PIs and comments


def _scan_prolog(text: bytes, complete: bool) -> bool | None:
    """True: a declaration (<!DOCTYPE, <!ENTITY …); False: the root element starts first; None: the
    prolog goes on past `text` (more is needed, unless `complete`: then there is no root, no harm)."""
    i = 3 if text.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while i < len(text) and text[i] in b" \t\r\n":
            i += 1
        if len(text) - i < 4 and not complete and b"<!--".startswith(text[i:]):
            return None  # "<", "<!" or "<!-": what follows decides
        if i >= len(text):
            return False if complete else None
        opener = next((o for o in _CLOSES if text.startswith(o, i)), None)
        if opener is None:
            return text.startswith(b"<!", i)  # a declaration; else the root element (or not XML at all)
        end = text.find(_CLOSES[opener], i + len(opener))  # "<!-->-->" is one comment
        if end < 0:
            return False if complete else None
        i = end + len(_CLOSES[opener])


def _utf8(head: bytes) -> bytes:
    """The bytes as UTF-8: a UTF-16 part (by its byte-order mark, or a zero byte among the first four)
    is decoded first."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        codec = "utf-16"
    elif b"\x00" in head[:4]:
        codec = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    else:
        return head
    return head.decode(codec, "ignore").encode("utf-8")


def _at_data(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> BinaryIO | None:
    """The archive's file, at a stored or deflated part's first byte (its local header checked); None
    for anything else (encrypted, another method, a header that is not where the directory says)."""
    fh = zf.fp
    if fh is None or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 1:
        return None
    fh.seek(info.header_offset)
    local = fh.read(30)
    if len(local) != 30 or local[:4] != b"PK\x03\x04":
        return None
    fh.seek(int.from_bytes(local[26:28], "little") + int.from_bytes(local[28:30], "little"), 1)
    return fh


def _heads(zf: zipfile.ZipFile, info: zipfile.ZipInfo, fh: BinaryIO | None,
           first: bytes) -> Iterator[tuple[bytes, bool, bool]]:
    """Growing beginnings of a part, up to PROLOG_MAX bytes: (head, whether it is the whole part,
    whether compressed bytes beyond `first` were read for it).

    `fh`: the file at the part's data (_at_data), `first` already read from it when deflated. Deflated
    and stored parts are inflated straight from the raw bytes (zipfile's own reader costs several
    times more per part, and an office file has ten or more); anything else goes through it.
    """
    if fh is not None and info.compress_type == zipfile.ZIP_STORED:
        data = fh.read(min(info.compress_size, PROLOG_MAX))
        yield data, len(data) == info.compress_size, True
        return
    if fh is not None:
        inflate, out, want = zlib.decompressobj(-15), b"", _FIRST
        left, data, more = info.compress_size - len(first), first, False
        try:
            while True:
                if not data and left:
                    data = fh.read(min(left, _CHUNK))
                    left -= len(data)
                    more = True
                if not data:  # all inflated (or the file ends early: the parser will say so)
                    yield out, True, more
                    return
                out += inflate.decompress(data, want - len(out))
                data = inflate.unconsumed_tail
                if inflate.eof:
                    yield out, True, more
                    return
                if len(out) >= want:
                    yield out, False, more
                    if want >= PROLOG_MAX:
                        return
                    want = min(want * 16, PROLOG_MAX)
        except zlib.error as exc:
            raise zipfile.BadZipFile(str(exc)) from exc
    with zf.open(info) as part:
        out = b""
        while len(out) < PROLOG_MAX:
            chunk = part.read(_CHUNK)
            out += chunk
            yield out, not chunk, True
            if not chunk:
                return


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo], size: int, limits: Limits) -> None:
    if len(infos) > limits.max_parts:
        raise XlError(f"文件内部部件过多（{len(infos)} 个）。", file=path.name, hint="这不像正常的办公文件，请核实来源。")
    total = sum(i.file_size for i in infos)
    if total > limits.max_uncompressed_mb * 1024 * 1024:
        raise XlError(f"文件解压后过大（约 {total / 1024 / 1024:.0f} MB，上限 {limits.max_uncompressed_mb:.0f} MB），"
                      "可能是压缩炸弹。", file=path.name, hint="请核实文件来源；正常的填报表不会这么大。")
    packed = sum(i.compress_size for i in infos) or 1
    if total > 10 * 1024 * 1024 and total / packed > limits.max_ratio:
        raise XlError(f"文件压缩比异常（{total / packed:.0f} 倍），可能是压缩炸弹。", file=path.name,
                      hint="请核实文件来源；正常的填报表不会这样。")
