"""Build the standalone xltools: one folder, dist/xltools/, that runs on a PC without Python.

    python packaging/build.py            # from the project folder; the same on Windows, Linux x86_64, ARM
    python packaging/build.py --smoke    # then run packaging/smoke.py on the result

What it does:
1. makes (or reuses) a build environment, build/venv, with the project installed as a user would get it
   (`pip install .`: the package, its templates and demo lists) and PyInstaller — so only the libraries
   xltools needs at run time are there to be bundled, whatever else the maintainer's Python holds;
2. runs PyInstaller in one-folder mode on packaging/entry.py: the interpreter, the package with every
   command module (the command line imports them by name, which PyInstaller cannot see) and the package's
   data (templates, demo lists, the page's templates and htmx), leaving out what xltools never imports
   at run time (pandas, numpy, tkinter, test tools) and, except on Windows, the debugging symbols of
   its libraries (--strip);
3. prints the folder's size and the program's start-up time (`xltools --help`, median of 5 runs);
4. zips the folder for download: dist/xltools-<version>-<system>-<machine>.zip (xltools/ inside).

PyInstaller because it is well kept (releases every few months, hooks for the libraries used here:
pdfplumber/pypdfium2, rapidfuzz, Flask), builds for Windows, Linux x86_64 and ARM and macOS from the same
command on each system (it does not cross-compile: build on the system you ship for), and its one-folder
mode starts quickly (nothing to unpack on each start, unlike one-file mode) and is unzipped and
double-clicked like any program. The result needs no Python; LibreOffice stays optional, as for pip users.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
NAME = "xltools"
PYINSTALLER = "pyinstaller>=6.10,<7"
# Never imported by xltools at run time; some are importable in the build environment through other
# packages' optional paths, and would add tens of MB.
EXCLUDES = ("pandas", "numpy", "tkinter", "_tkinter", "matplotlib", "IPython", "pytest", "hypothesis",
            "playwright", "setuptools", "pip", "pydoc_data", "lib2to3", "test")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="use this Python (with xltools and PyInstaller installed) instead of "
                                         "build/venv")
    parser.add_argument("--smoke", action="store_true", help="run packaging/smoke.py on the result")
    args = parser.parse_args()
    python = Path(args.python) if args.python else build_env()
    started = time.perf_counter()
    run_pyinstaller(python)
    print(f"built in {time.perf_counter() - started:.0f} s: {DIST / NAME}")
    report(program())
    archive = make_zip(python)
    print(f"zip: {archive} ({archive.stat().st_size / 2**20:.0f} MB)")
    if args.smoke:
        return subprocess.call([sys.executable, str(ROOT / "packaging" / "smoke.py"), str(program())])
    return 0


def program() -> Path:
    return DIST / NAME / (NAME + (".exe" if os.name == "nt" else ""))


def build_env() -> Path:
    """build/venv with the project (as pip installs it) and PyInstaller; its python."""
    env_dir = BUILD / "venv"
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        print(f"creating {env_dir}")
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    started = time.perf_counter()
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    PYINSTALLER, str(ROOT)], check=True)
    # The project itself again, so a rebuild always bundles the current code (same version number).
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "--no-deps", "--force-reinstall", str(ROOT)], check=True)
    print(f"build environment ready in {time.perf_counter() - started:.0f} s")
    return python


def run_pyinstaller(python: Path) -> None:
    work = BUILD / "pyinstaller"
    cmd = [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--onedir", "--console", "--name", NAME, *(["--strip"] if os.name != "nt" else []),
           "--distpath", str(DIST), "--workpath", str(work), "--specpath", str(work),
           "--collect-submodules", "xltools", "--collect-data", "xltools",
           "--copy-metadata", "xltools",  # xltools --version reads the installed package's version
           "--collect-data", "docx",  # python-docx opens its own default parts (headers, footers) from files
           *_folders_for_relative_paths(python),
           *(arg for module in EXCLUDES for arg in ("--exclude-module", module)),
           str(ROOT / "packaging" / "entry.py")]
    # Run outside the source tree, so PyInstaller analyses the installed package, not ./xltools.
    subprocess.run(cmd, check=True, cwd=BUILD, env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})


def _folders_for_relative_paths(python: Path) -> list[str]:
    """python-docx finds its templates as docx/parts/../templates: the folder docx/parts must exist in the
    bundle (its modules live in the archive), so one small file of it goes in as data."""
    code = "import docx.parts, pathlib; print(pathlib.Path(docx.parts.__file__))"
    marker = subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    return ["--add-data", f"{marker}{os.pathsep}docx/parts"]


def make_zip(python: Path) -> Path:
    """dist/xltools-0.1.0-windows-amd64.zip and the like: what a clerk downloads and unzips."""
    import platform

    version = subprocess.run([str(python), "-c", "import xltools; print(xltools.__version__)"], check=True,
                             capture_output=True, text=True).stdout.strip()
    name = f"{NAME}-{version}-{platform.system().lower()}-{platform.machine().lower()}"
    return Path(shutil.make_archive(str(DIST / name), "zip", root_dir=DIST, base_dir=NAME))


def report(exe: Path) -> None:
    """Print the folder's size and the start-up time of `xltools --help`."""
    folder = exe.parent
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"size: {size / 2**20:.0f} MB in {sum(1 for _ in folder.rglob('*'))} files ({folder})")
    biggest = sorted(((p.stat().st_size, p) for p in folder.rglob("*") if p.is_file()), reverse=True)[:5]
    for n, path in biggest:
        print(f"  {n / 2**20:5.1f} MB  {path.relative_to(folder)}")
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([str(exe), "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    print(f"start-up (xltools --help, median of 5): {statistics.median(times):.2f} s")


if __name__ == "__main__":
    sys.exit(main())
