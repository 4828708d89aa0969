"""The package's layout holds: data flows down the stages of the quarter, no module imports one above it,
no import cycle, no private name taken across modules, and what a wheel needs is inside the package."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "xltools"
# The stages, lowest first: a module may import its own stage and the ones below it.
# The package's own __init__ is the script API over the stages; the demo, the CLI and the page use it.
RANK = {"errors": 0, "findings": 0, "data": 0, "version": 0, "infra": 0, "dataset": 1, "ingest": 2, "cycle": 3,
        "publish": 4, "__init__": 5, "demo": 6, "cli": 7, "web": 7, "__main__": 8}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every xltools import in the file."""
    is_package = path.name == "__init__.py"
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and ast.unparse(block.test).endswith("TYPE_CHECKING") for n in ast.walk(block)}
    for node in ast.walk(tree):
        if id(node) in typing_only:  # names for annotations only: never imported when the code runs
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "xltools":
                found.append((target, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names if a.name.split(".")[0] == "xltools"]
    return found


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def it_imports_only_its_own_stage_and_those_below():
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        for target, _names, line in _imports(name, path):
            if RANK[_stage(target)] > RANK[_stage(name)]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} ({_stage(name)}) imports {target}")
    assert not wrong, "\n".join(wrong)


def it_takes_no_private_name_from_another_module():
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        for target, names, line in _imports(name, path):
            for taken in names:
                submodule = f"{target}.{taken}"
                if taken.startswith("_") and submodule not in modules and target != name:
                    wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} takes {taken} from {target}")
    assert not wrong, "\n".join(wrong)


def it_has_no_import_cycle():
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for target, names, _line in _imports(name, path):
            for candidate in [f"{target}.{n}" for n in names] + [target]:
                if candidate in modules and candidate != name:
                    edges.add(candidate)
                    break
        graph[name] = edges - {"xltools"}  # the package's own __init__ only re-exports
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " → ".join(stack[stack.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)


def it_runs_the_demo_from_a_wheel_installed_in_a_fresh_venv(tmp_path):
    """`pip install .` (not editable) into a fresh venv, then `xltools demo` in an empty folder elsewhere
    writes every output: templates and demo lists travel inside the package."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}  # the venv's own xltools, nothing else
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    py = bindir / ("python.exe" if sys.platform == "win32" else "python")
    # --system-site-packages gives the dependencies already installed here; the package itself is built
    # into a wheel (in pip's isolated build environment) and installed over them: the venv's xltools is the wheel's.
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                    str(PACKAGE.parent)], check=True, capture_output=True, env=env)
    work = tmp_path / "空文件夹"
    work.mkdir()
    where = subprocess.run([str(py), "-c", "import xltools; print(xltools.__file__)"], cwd=work,
                           capture_output=True, text=True, check=True, env=env).stdout
    assert str(venv) in where, where
    done = subprocess.run([str(bindir / "xltools"), "demo", "-o", "out"], cwd=work, capture_output=True, text=True,
                          timeout=900, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    written = {p.name for p in (work / "out").rglob("*") if p.is_file()}
    for name in ("任务总表.xlsx", "附件.docx", "汇总.xlsx", "落实情况.docx", "催报清单.xlsx"):
        assert name in written, (name, sorted(written)[:20])
    assert any(n.endswith(".xlsx") and "填报表" in n or n.endswith(".xlsx") for n in written)
    templates = subprocess.run([str(bindir / "xltools"), "templates", "-o", "模板"], cwd=work, capture_output=True,
                               text=True, env=env)
    assert templates.returncode == 0, templates.stderr
    assert {p.name for p in (work / "模板").iterdir()} >= {"attachment.toml", "tracker.toml", "merge.toml",
                                                          "limits.toml"}
