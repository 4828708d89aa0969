"""Smoke-test a standalone build as a clerk's PC would run it: no Python, no project folder.

    python packaging/smoke.py [dist/xltools/xltools]

Each check runs the built program in a clean environment — no PYTHON* variables, HOME and the working
folder in an empty temporary folder whose name has Chinese and a space — so nothing of the maintainer's
Python or of the source tree can be found:
1. `xltools --help` lists the commands, in Chinese;
2. `xltools demo -o 输出` writes every output of both quarters for each of the five bundled lists;
3. `xltools import` reads a Word list (the attachment the demo made from a list) into the same tasks;
4. where LibreOffice is installed, `xltools attachment --pdf` writes the PDF through it;
5. `xltools serve` answers on 127.0.0.1 with its page (and refuses a request without the token);
6. started without arguments, as by a double-click, it serves the page on 「xltools工作台」 in the
   documents folder the desktop names (here ~/文档, as on a Chinese UOS/麒麟 desktop; not run on
   Windows, where that folder is the maintainer's own).
Prints each step's time; exits 1 on the first failure, saying what was wrong.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTS = ("huancui", "pingqiao", "wafangdian", "yingkou", "zhumadian")
PER_LIST = ("任务总表.xlsx", "任务总表.json", "附件.docx")
PER_QUARTER = ("下发/manifest.json", "下发/下发清单.xlsx", "汇总.xlsx", "落实情况.docx", "催报清单.xlsx")


class Failed(Exception):
    pass


def main() -> int:
    exe = Path(sys.argv[1] if len(sys.argv) > 1 else
               ROOT / "dist" / "xltools" / ("xltools.exe" if os.name == "nt" else "xltools")).resolve()
    if not exe.exists():
        print(f"no program at {exe}: run python packaging/build.py first")
        return 1
    with tempfile.TemporaryDirectory(prefix="xltools 冒烟-") as tmp:
        work = Path(tmp)
        env = clean_env(work)
        try:
            checks = [check_help, check_demo, check_import, check_pdf, check_serve]
            if os.name != "nt":
                checks.append(check_double_click)
            for check in checks:
                started = time.perf_counter()
                check(exe, work, env)
                print(f"ok  {check.__doc__}  ({time.perf_counter() - started:.1f} s)")
        except Failed as exc:
            print(f"FAILED  {exc}")
            return 1
    return 0


def clean_env(work: Path) -> dict[str, str]:
    """The system's PATH and locale only: no PYTHONPATH/PYTHONHOME, a home folder of its own."""
    keep = ("PATH", "SYSTEMROOT", "WINDIR", "TEMP", "TMP", "LANG", "LC_ALL", "COMSPEC", "PATHEXT")
    env = {k: v for k, v in os.environ.items() if k.upper() in keep}
    home = work / "home"
    home.mkdir()
    env.update(HOME=str(home), USERPROFILE=str(home), PYTHONNOUSERSITE="1")
    return env


def run(exe: Path, args: list[str], work: Path, env: dict[str, str], timeout: float = 600) -> str:
    done = subprocess.run([str(exe), *args], cwd=work, env=env, capture_output=True, timeout=timeout,
                          text=True, encoding="utf-8", errors="replace")
    if done.returncode != 0:
        raise Failed(f"xltools {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def check_help(exe: Path, work: Path, env: dict[str, str]) -> None:
    """xltools --help lists every command in Chinese, --version says the version"""
    out = run(exe, ["--help"], work, env)
    commands = re.findall(r"^  ([a-z-]+)  ", out.split("命令:")[-1], flags=re.M)
    if "用法:" not in out or commands[:3] != ["import", "validate", "attachment"] or "demo" not in commands:
        raise Failed(f"unexpected help:\n{out}")
    for word in ("Usage", "Options", "Show this message"):
        if word in out:
            raise Failed(f"English in help ({word}):\n{out}")
    version = run(exe, ["--version"], work, env)
    if not re.match(r"xltools 版本 \d", version):
        raise Failed(f"unexpected --version: {version}")


def check_demo(exe: Path, work: Path, env: dict[str, str]) -> None:
    """xltools demo writes every output of both quarters for the five lists"""
    run(exe, ["demo", "-o", "输出"], work, env)
    missing = []
    for name in LISTS:
        folder = work / "输出" / name
        wanted = [folder / f for f in PER_LIST]
        wanted += [folder / q / f for q in ("2026Q1", "2026Q2") for f in PER_QUARTER]
        missing += [str(p.relative_to(work)) for p in wanted if not p.is_file() or p.stat().st_size == 0]
        manifest = json.loads((folder / "2026Q1/下发/manifest.json").read_text(encoding="utf-8"))
        missing += [f"{name}/2026Q1/下发/{u['file']}" for u in manifest["units"]
                    if not (folder / "2026Q1/下发" / u["file"]).is_file()]
        if not any((folder / "2026Q1/回收").glob("*.xlsx")):
            missing.append(f"{name}/2026Q1/回收/*.xlsx")
    if missing:
        raise Failed("demo did not write: " + ", ".join(missing))


def check_import(exe: Path, work: Path, env: dict[str, str]) -> None:
    """xltools import reads a Word list into the same tasks"""
    source = work / "输出" / "yingkou" / "附件.docx"
    out = run(exe, ["import", str(source), "-o", "导入.json"], work, env)
    got = json.loads((work / "导入.json").read_text(encoding="utf-8"))
    want = json.loads((work / "输出" / "yingkou" / "任务总表.json").read_text(encoding="utf-8"))
    if [t["content"] for t in got["tasks"]] != [t["content"] for t in want["tasks"]]:
        raise Failed(f"import of {source.name} gave {len(got['tasks'])} tasks, the list has {len(want['tasks'])}:\n{out}")


def check_pdf(exe: Path, work: Path, env: dict[str, str]) -> None:
    """xltools attachment --pdf writes a PDF when LibreOffice is installed"""
    dataset = work / "输出" / "wafangdian" / "任务总表.json"
    done = subprocess.run([str(exe), "attachment", str(dataset), "-o", "附件.docx", "--pdf"], cwd=work, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=300)
    if (work / "附件.pdf").is_file() and (work / "附件.pdf").read_bytes().startswith(b"%PDF"):
        return
    if done.returncode == 2 and "未找到 LibreOffice" in done.stderr and (work / "附件.docx").is_file():
        print("    (LibreOffice is not installed here: the .docx was written and the message says so)")
        return
    raise Failed(f"attachment --pdf exited {done.returncode}:\n{done.stdout}\n{done.stderr}")


def check_serve(exe: Path, work: Path, env: dict[str, str]) -> None:
    """xltools serve answers on 127.0.0.1 with its page"""
    _serve(exe, ["serve", "工作台", "--no-browser", "--port", "18765"], work, env, work / "工作台")


def check_double_click(exe: Path, work: Path, env: dict[str, str]) -> None:
    """started without arguments it serves ~/文档/xltools工作台"""
    home = Path(env["HOME"])
    (home / ".config").mkdir(exist_ok=True)
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/文档"\n', encoding="utf-8")
    _serve(exe, [], work, {**env, "BROWSER": "true"}, home / "文档" / "xltools工作台")


def _serve(exe: Path, args: list[str], work: Path, env: dict[str, str], folder: Path) -> None:
    proc = subprocess.Popen([str(exe), *args], cwd=work, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    try:
        url = _address(proc)
        # The address with the token sets a cookie and redirects to the page, as in a browser.
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        page = browser.open(url, timeout=30).read().decode("utf-8")
        if "任务清单工作台" not in page or "<html" not in page.lower():
            raise Failed(f"the page at {url} is not the workbench:\n{page[:500]}")
        try:
            urllib.request.urlopen(url.split("?")[0], timeout=30)
            raise Failed("the page answered without its token")
        except urllib.error.HTTPError as exc:
            if exc.code != 403:
                raise Failed(f"without the token: HTTP {exc.code}, expected 403") from exc
        if not folder.is_dir():
            raise Failed(f"serve did not make its workbench folder {folder}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def _address(proc: subprocess.Popen) -> str:
    """The page's address, from the first lines serve prints."""
    lines = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
        if found:
            return found.group(0)
    raise Failed("serve printed no address:\n" + "".join(lines))


if __name__ == "__main__":
    sys.exit(main())
