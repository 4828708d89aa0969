"""Finding LibreOffice where the installers put it, on a fake file tree for each system.

Each case lays out the files an installer leaves (Windows, 统信 UOS / 银河麒麟, libreoffice.org
packages, macOS) under a temporary root with an empty PATH, and `find_soffice` must name the right
program; WPS Office, which cannot convert, is never taken for LibreOffice.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from xltools.infra.office import find_soffice


def _program(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


LINUX = {
    "debian, deepin and UOS packages": "usr/lib/libreoffice/program/soffice",
    "rpm-based systems": "usr/lib64/libreoffice/program/soffice",
    "libreoffice.org packages": "opt/libreoffice24.8/program/soffice",
    "UOS app store": "opt/apps/org.libreoffice.libreoffice/files/lib/libreoffice/program/soffice",
    "UOS app store, flat": "opt/apps/cn.libreoffice/files/program/soffice",
    "snap": "snap/bin/libreoffice",
}


@pytest.mark.parametrize("where", sorted(LINUX))
def it_finds_libreoffice_where_linux_installers_put_it(tmp_path, where):
    soffice = _program(tmp_path / LINUX[where])
    assert find_soffice({"PATH": ""}, "linux", tmp_path) == str(soffice)


def it_prefers_the_newest_libreoffice_org_package(tmp_path):
    for version in ("7.6", "24.8", "7.5"):
        _program(tmp_path / f"opt/libreoffice{version}/program/soffice")
    assert find_soffice({"PATH": ""}, "linux", tmp_path) == str(tmp_path / "opt/libreoffice24.8/program/soffice")


def it_takes_path_first_and_the_environment_variable_before_that(tmp_path):
    _program(tmp_path / "usr/lib/libreoffice/program/soffice")
    on_path = _program(tmp_path / "bin/soffice")
    env = {"PATH": str(tmp_path / "bin")}
    assert find_soffice(env, "linux", tmp_path) == str(on_path)
    portable = _program(tmp_path / "便携版 LibreOffice/program/soffice")
    assert find_soffice({**env, "XLTOOLS_SOFFICE": str(tmp_path / "便携版 LibreOffice")}, "linux",
                        tmp_path) == str(portable)


@pytest.mark.parametrize("variable, folder", [("ProgramFiles", "LibreOffice"),
                                              ("ProgramFiles(x86)", "LibreOffice"),
                                              ("ProgramFiles", "LibreOffice 7"),
                                              ("LOCALAPPDATA", "Programs/LibreOffice")])
def it_finds_libreoffice_where_the_windows_installer_puts_it(tmp_path, variable, folder):
    base = tmp_path / variable.replace("(", "_").replace(")", "_")
    soffice = base / folder / "program" / "soffice.exe"
    soffice.parent.mkdir(parents=True)
    soffice.write_bytes(b"MZ")  # on Windows a program need not carry an executable bit
    env = {"PATH": "", "ProgramFiles": str(tmp_path / "empty"), variable: str(base)}
    assert find_soffice(env, "win32", tmp_path) == str(soffice)


def it_finds_libreoffice_on_macos(tmp_path):
    soffice = _program(tmp_path / "Applications/LibreOffice.app/Contents/MacOS/soffice")
    assert find_soffice({"PATH": ""}, "darwin", tmp_path) == str(soffice)


def it_does_not_take_wps_for_libreoffice(tmp_path):
    wps = _program(tmp_path / "opt/kingsoft/wps-office/office6/soffice")
    (tmp_path / "bin").mkdir()
    os.symlink(wps, tmp_path / "bin" / "soffice")
    _program(tmp_path / "opt/kingsoft/wps-office/office6/wps")
    env = {"PATH": str(tmp_path / "bin")}
    assert find_soffice(env, "linux", tmp_path) is None
    real = _program(tmp_path / "usr/lib/libreoffice/program/soffice")
    assert find_soffice(env, "linux", tmp_path) == str(real)


def it_says_none_when_nothing_is_installed(tmp_path):
    (tmp_path / "usr/lib/libreoffice/program").mkdir(parents=True)  # a folder left by an uninstall
    for platform in ("linux", "win32", "darwin"):
        assert find_soffice({"PATH": "", "ProgramFiles": str(tmp_path)}, platform, tmp_path) is None


@pytest.mark.parametrize("fmt, says, advice", [("pdf", "无法生成 PDF", "输出为 PDF"),
                                                ("docx", "无法读取 .doc", "另存为 .docx")])
def it_says_what_needs_libreoffice_and_where_to_get_it(tmp_path, monkeypatch, fmt, says, advice):
    """Without LibreOffice: what could not be done, where to get it (Windows, UOS/麒麟), and an advice that
    fits — never 「另存为 .docx」 for a PDF."""
    import xltools.infra.office as office
    from xltools.errors import XlError

    monkeypatch.setattr(office, "soffice_path", lambda: None)
    src = tmp_path / ("附件.docx" if fmt == "pdf" else "清单.doc")
    src.write_bytes(b"x")
    with pytest.raises(XlError) as info:
        office.convert(src, fmt, tmp_path / "out")
    text = info.value.render()
    assert says in text and advice in text and "libreoffice.org" in text and "应用商店" in text
    assert src.name in text
    if fmt == "pdf":
        assert "另存为 .docx" not in text and "另存为 .xlsx" not in text
