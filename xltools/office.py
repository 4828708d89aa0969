"""LibreOffice at the edge: convert documents with `soffice --headless`, each call with its own profile.

A private user profile per call lets several conversions run at once (LibreOffice refuses a
second instance on a shared profile) and keeps the clerk's own profile untouched.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import XlError

# Where to get LibreOffice (free): said wherever something needs it. WPS cannot stand in for it.
INSTALL_HINT = (
    "LibreOffice 是免费软件：Windows 从 https://zh-cn.libreoffice.org/download/ 下载安装；统信 UOS、银河麒麟在"
    "应用商店搜索「LibreOffice」安装（或 sudo apt install libreoffice）。装好后重新运行即可，无需其他设置"
    "（WPS 不能代替 LibreOffice 做这一步）。"
)


def soffice_path() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def convert(src: str | Path, fmt: str, outdir: str | Path, timeout: float = 180) -> Path:
    """Convert `src` to `fmt` (pdf, docx, xlsx, xls, ods, doc, odt …) into `outdir`; return the new file."""
    exe = soffice_path()
    src = Path(src)
    if exe is None:
        raise XlError(*_missing(src, fmt), file=src.name)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xltools-lo-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(src),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise XlError(f"LibreOffice 转换超时（{timeout:.0f} 秒）。", file=src.name,
                          hint="文件可能过大或已损坏，请在办公软件中打开后另存再试。") from exc
    ext = fmt.split(":")[0]
    out = outdir / f"{src.stem}.{ext}"
    if not out.exists():
        raise XlError("LibreOffice 未能转换该文件。", file=src.name,
                      hint="请确认文件能在 WPS/Word/Excel 中正常打开，另存后再试。")
    return out


def _missing(src: Path, fmt: str) -> tuple[str, str]:
    """(message, hint) when LibreOffice is not installed: what needed it, and where to get it."""
    if fmt.startswith("pdf"):
        return ("未找到 LibreOffice，无法生成 PDF。",
                f"{src.name} 本身不受影响，PDF 需要 LibreOffice。{INSTALL_HINT}"
                f"也可以在 WPS 或 Word 中打开 {src.name}，用「输出为 PDF」（或「另存为」PDF）得到 PDF。")
    return (f"未找到 LibreOffice，无法读取 {src.suffix} 文件（需要先由 LibreOffice 转换）。",
            f"{INSTALL_HINT}或在 WPS/Word/Excel 中打开它，另存为 .docx 或 .xlsx 后再导入。")
