"""Limits checked before parsing untrusted office files: zip bombs, entity expansion, huge sheets.

Office files are zips of XML. Before any parser sees them we check the declared sizes (a zip bomb
declares or hides a huge uncompressed size), the number of parts, and that no XML part declares a
DOCTYPE (entity expansion such as "billion laughs", or external entities). Defaults can be changed
per call.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from .errors import XlError


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


_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_SCAN_BYTES = 65536  # the prolog, where a DOCTYPE must stand, even padded with comments


def check_office_zip(path: str | Path, limits: Limits | None = None, data: bytes | None = None) -> str:
    """Raise XlError when the zip is damaged, too big, a bomb, or has an XML part with a DOCTYPE;
    else return what kind of office file it is (sniff.zip_kind: xlsx, docx, ods, …).

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
                if info.filename.endswith((".xml", ".rels")) and info.file_size and _DOCTYPE.search(_prolog(zf, info)):
                    raise XlError("文件中含有 XML 实体声明（可能是恶意构造的文件），已拒绝读取。", file=path.name,
                                  hint="请让对方用 WPS/Office 重新保存后发送；正常的办公文件不含这种内容。")
            return zip_kind(zf)
    except zipfile.BadZipFile as exc:
        raise XlError("文件已损坏（不是完整的 Office 文件）。", file=path.name,
                      hint="文件可能没有下载完整或被截断；请让对方重新发送，或在办公软件中打开后另存。") from exc
    except (OSError, EOFError, KeyError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise XlError(f"文件无法读取（{type(exc).__name__}）。", file=path.name,
                      hint="请在办公软件中打开后另存为 .xlsx/.docx 再试。") from exc


def _prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The first bytes of a part, more when comments pad them: where a DOCTYPE must stand.

    Deflated and stored parts are inflated straight from the raw bytes (zipfile's own reader costs
    several times more per part, and an office file has ten or more); anything else goes through it.
    """
    fh = zf.fp
    if fh is not None and info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) and not info.flag_bits & 1:
        fh.seek(info.header_offset)
        local = fh.read(30)
        if len(local) == 30 and local[:4] == b"PK\x03\x04":
            fh.seek(int.from_bytes(local[26:28], "little") + int.from_bytes(local[28:30], "little"), 1)
            raw = fh.read(min(info.compress_size, _SCAN_BYTES))
            if info.compress_type == zipfile.ZIP_STORED:
                return raw if b"<!--" in raw[:1024] else raw[:1024]
            try:
                inflate = zlib.decompressobj(-15)
                head = inflate.decompress(raw, 1024)
                return head + inflate.decompress(inflate.unconsumed_tail, _SCAN_BYTES) if b"<!--" in head else head
            except zlib.error as exc:
                raise zipfile.BadZipFile(str(exc)) from exc
    with zf.open(info) as part:
        head = part.read(1024)
        return head + part.read(_SCAN_BYTES) if b"<!--" in head else head


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
