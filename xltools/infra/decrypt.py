"""Password-encrypted office files (打开密码): decrypted in memory or into a temporary folder, never
in place.

Excel, Word and WPS encrypt a .xlsx/.docx into an OLE container ("EncryptedPackage", ECMA-376 agile or
standard encryption). msoffcrypto-tool decrypts it with the password the clerk gives; the plain file
is kept in memory (`decrypt`, for returns) or goes to a temporary folder that is removed afterwards
(`decrypted`, for readers that want a path), so the received file stays exactly as it came.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import XlError

_SUFFIXES = {".xlsx", ".xlsm", ".docx"}


@contextmanager
def decrypted(path: str | Path, passwords: Iterable[str]) -> Iterator[Path]:
    """A decrypted copy of `path`, opened with the first password that fits; XlError when none does."""
    path = Path(path)
    plain = decrypt(path, passwords)
    with tempfile.TemporaryDirectory(prefix="xltools-") as tmp:
        out = Path(tmp) / ("plain" + _suffix(path, plain))
        out.write_bytes(plain)
        try:
            yield out
        except XlError as exc:  # name the file the clerk has, not the temporary copy
            if exc.file in ("", out.name, str(out)):
                exc.file = path.name
            raise


def no_password(path: Path) -> XlError:
    """The one message for an encrypted file read without a password."""
    return XlError("文件已加密（设置了打开密码），无法读取。", file=path.name,
                   hint="请用 --password 提供密码；或在 WPS/Excel/Word 中输入密码打开，"
                        "在「文件 → 信息 → 保护」中取消密码后另存。")


def decrypt(path: str | Path, passwords: Iterable[str]) -> bytes:
    """The decrypted file, in memory, with the first password that fits; XlError when none does."""
    import msoffcrypto
    from msoffcrypto import exceptions

    path, passwords = Path(path), tuple(passwords)
    if not passwords:
        raise no_password(path)
    try:
        with path.open("rb") as fh:
            office = msoffcrypto.OfficeFile(fh)
            for password in passwords:
                out = io.BytesIO()
                try:
                    office.load_key(password=password)
                    office.decrypt(out)
                except (exceptions.InvalidKeyError, exceptions.DecryptionError):
                    continue
                return out.getvalue()
    except (exceptions.FileFormatError, exceptions.ParseError, OSError, ValueError) as exc:
        raise XlError(f"加密文件无法解密（{type(exc).__name__}）。", file=path.name,
                      hint="请让对方取消打开密码后重新发送。") from exc
    raise XlError(f"文件已加密，所给的 {len(passwords)} 个密码都不对。", file=path.name,
                  hint="请向报送单位核实密码，或让对方取消打开密码后重新发送。")


def _suffix(path: Path, plain: bytes) -> str:
    """The decrypted file's extension: the original's when it is an OOXML one, else from the content."""
    if path.suffix.lower() in _SUFFIXES:
        return path.suffix.lower()
    if b"word/" in plain[:65536]:
        return ".docx"
    return ".xlsx"
