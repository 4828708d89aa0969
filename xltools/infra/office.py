"""LibreOffice at the edge: convert documents with `soffice --headless`, each call with its own profile.

A private user profile per call lets several conversions run at once (LibreOffice refuses a
second instance on a shared profile) and keeps the clerk's own profile untouched.

Where LibreOffice is looked for, in this order (`soffice_candidates`); the first that exists wins:
1. the environment variable XLTOOLS_SOFFICE (soffice itself, or the LibreOffice folder);
2. `soffice` or `libreoffice` on PATH;
3. where the installers put it — Windows: `LibreOffice\program\soffice.exe` under Program Files,
   Program Files (x86) and the user's own programs folder (older installers: `LibreOffice 7` …),
   then the folder the installer recorded in the registry;
   macOS: LibreOffice.app; Linux (统信 UOS, 银河麒麟, Debian …): /usr/lib(64)/libreoffice/program,
   /opt/libreoffice*/program (libreoffice.org packages, newest first), /opt/apps/*/files/…/program
   (UOS app store packages), snap and flatpak launchers.
WPS Office is not LibreOffice: it cannot convert from the command line, and any `soffice` that
resolves into a WPS/Kingsoft folder is passed over.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..errors import XlError

# Where to get LibreOffice (free): said wherever something needs it. WPS cannot stand in for it.
INSTALL_HINT = (
    "LibreOffice 是免费软件：Windows 从 https://zh-cn.libreoffice.org/download/ 下载安装；统信 UOS、银河麒麟在"
    "应用商店搜索「LibreOffice」安装（或 sudo apt install libreoffice）。装好后重新运行即可，无需其他设置"
    "（WPS 不能代替 LibreOffice 做这一步）。"
)


def soffice_path() -> str | None:
    """The LibreOffice program to convert with, or None when it is not installed."""
    return find_soffice()


def find_soffice(env: Mapping[str, str] | None = None, platform: str | None = None,
                 root: str | Path = "/") -> str | None:
    """The first LibreOffice in `soffice_candidates` that exists (`root` stands for / in tests)."""
    platform = platform or sys.platform
    for candidate in soffice_candidates(env if env is not None else os.environ, platform, Path(root)):
        if _runnable(candidate, platform) and not _is_wps(candidate):
            return str(candidate)
    return None


def soffice_candidates(env: Mapping[str, str], platform: str, root: Path) -> Iterator[Path]:
    """Every place LibreOffice may be, most specific first (see the module's docstring)."""
    exe = "soffice.exe" if platform == "win32" else "soffice"
    if env.get("XLTOOLS_SOFFICE"):
        given = Path(env["XLTOOLS_SOFFICE"])
        yield from (given, given / "program" / exe, given / exe)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=env.get("PATH", ""))
        if found:
            yield Path(found)
    if platform == "win32":
        bases = [env.get(v) for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        if env.get("LOCALAPPDATA"):
            bases.append(str(Path(env["LOCALAPPDATA"]) / "Programs"))
        for base in dict.fromkeys(b for b in bases if b):
            yield Path(base) / "LibreOffice" / "program" / exe
            yield from _newest_first(Path(base).glob("LibreOffice*/program/" + exe))
        yield from _registered()
        return
    if platform == "darwin":
        yield root / "Applications/LibreOffice.app/Contents/MacOS/soffice"
        if env.get("HOME"):
            yield Path(env["HOME"]) / "Applications/LibreOffice.app/Contents/MacOS/soffice"
        return
    yield root / "usr/lib/libreoffice/program/soffice"
    yield root / "usr/lib64/libreoffice/program/soffice"
    yield from _newest_first((root / "opt").glob("libreoffice*/program/soffice"))
    for depth in range(4):  # UOS app store: /opt/apps/<id>/files/[…/]program/soffice
        yield from sorted((root / "opt/apps").glob("*/files/" + "*/" * depth + "program/soffice"))
    yield root / "snap/bin/libreoffice"
    yield root / "var/lib/flatpak/exports/bin/org.libreoffice.LibreOffice"
    if env.get("HOME"):
        yield Path(env["HOME"]) / ".local/share/flatpak/exports/bin/org.libreoffice.LibreOffice"


def _registered() -> Iterator[Path]:
    """Where the Windows installer says it put LibreOffice (a clerk may have chosen D:\\…)."""
    if sys.platform != "win32":
        return
    import winreg

    for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(hive, r"SOFTWARE\LibreOffice\UNO\InstallPath") as key:
                yield Path(winreg.QueryValueEx(key, "")[0]) / "soffice.exe"
        except OSError:
            continue


def _newest_first(paths: Iterator[Path]) -> list[Path]:
    """libreoffice7.6 before libreoffice7.5 before libreoffice: by the version numbers in the folder name."""
    def version(path: Path) -> tuple[int, ...]:
        folder = next((p.name for p in path.parents if p.name.lower().startswith("libreoffice")), "")
        return tuple(int(n) for n in re.findall(r"\d+", folder))

    return sorted(paths, key=version, reverse=True)


def _runnable(path: Path, platform: str) -> bool:
    if not path.is_file():
        return False
    return platform == "win32" or os.access(path, os.X_OK)


def _is_wps(path: Path) -> bool:
    """Whether `path` is, or links into, WPS Office (which has no command-line conversion)."""
    text = str(path.resolve()).lower()
    return "kingsoft" in text or "wps-office" in text or "wps office" in text


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
