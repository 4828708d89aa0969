"""The standalone program: its start without arguments, the documents folder it opens, and (with
XLTOOLS_BUILD=1) the real build and smoke test of packaging/build.py and packaging/smoke.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from xltools.cli.serve import WORKBENCH_NAME, documents_folder


def _entry():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import entry
    finally:
        sys.path.pop(0)
    return entry


def it_serves_the_documents_workbench_when_started_without_arguments(monkeypatch, tmp_path):
    import xltools.cli
    import xltools.cli.serve

    entry = _entry()
    calls = []
    monkeypatch.setattr(xltools.cli, "main", lambda args: calls.append(args) or 0)
    monkeypatch.setattr(xltools.cli.serve, "documents_folder", lambda: tmp_path / "文档")
    monkeypatch.setattr(sys, "argv", ["xltools"])
    assert entry.main() == 0
    assert calls == [["serve", str(tmp_path / "文档" / WORKBENCH_NAME)]]
    monkeypatch.setattr(sys, "argv", ["xltools", "merge", "--help"])
    entry.main()
    assert calls[-1] == ["merge", "--help"]


def it_finds_the_documents_folder_the_desktop_names(tmp_path):
    home = tmp_path / "张三"
    (home / ".config").mkdir(parents=True)
    env = {"HOME": str(home)}
    assert documents_folder(env, "linux") == home / "Documents"  # nothing configured
    (home / ".config" / "user-dirs.dirs").write_text(
        '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/桌面"\nXDG_DOCUMENTS_DIR="$HOME/文档"\n',
        encoding="utf-8")
    assert documents_folder(env, "linux") == home / "文档"  # 统信 UOS / 银河麒麟 in Chinese
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/"\n', encoding="utf-8")
    assert documents_folder(env, "linux") == home / "Documents"  # no documents folder: not home itself
    assert documents_folder({"HOME": str(home), "XDG_DOCUMENTS_DIR": "/数据/公文"}, "linux") == Path("/数据/公文")
    assert documents_folder({"HOME": str(home)}, "darwin") == home / "Documents"


@pytest.mark.standalone
@pytest.mark.skipif(os.environ.get("XLTOOLS_BUILD") != "1",
                    reason="builds with PyInstaller (about 1.5 minutes, needs PyPI): set XLTOOLS_BUILD=1")
def it_builds_a_program_that_runs_without_python():
    """packaging/build.py then packaging/smoke.py, as a maintainer runs them; both must succeed."""
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--smoke"], cwd=ROOT,
                          capture_output=True, text=True)
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "size:" in done.stdout and "start-up" in done.stdout and "FAILED" not in done.stdout
