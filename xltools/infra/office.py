"""LibreOffice at the edge: convert documents with `soffice --headless`, each call with its own profile.

A private user profile per call lets several conversions run at once (LibreOffice refuses a
second instance on a shared profile) and keeps the clerk's own profile untouched.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import XlError

INSTALL_HINT = (
    "请安装 LibreOffice（https://zh-cn.libreoffice.org/ ，Debian/Ubuntu：apt-get install "
    "libreoffice-writer-nogui libreoffice-calc-nogui），或在 WPS/Word 中另存为 .docx/.xlsx 后再试。"
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
        raise XlError("未找到 LibreOffice，无法转换文件。", hint=INSTALL_HINT, file=src.name)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xltools-lo-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation=file://{profile}",
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
