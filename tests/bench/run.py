"""The benchmark suite (issue 11): whole processes of xltools against the baselines and the floor.

    python tests/bench/run.py [--size tiny|small|medium|large[,…]] [--repeat 3] [--json FILE]
                              [--growth] [--data DIR] [--fresh] [--one-core] [--no-remerge]

Every figure is a whole process (interpreter start, imports, work, exit) started with subprocess; the
median of --repeat runs, the variants of a step alternating (xltools, baseline, floor, xltools, …), so
a busy moment of the machine hits all of them. Peak memory is the child's own maximum RSS (os.wait4).
The first xltools run of each step is checked (task count of an import, rows of the attachment table,
one tracker per recipient, the 明细 sheet's rows), so a command that does less cannot look fast.

Data is made by gen.py into --data/<size>/ (default output/bench/, reused between runs). --growth runs
medium and large and then, per step, runs medium, large and the start-up back to back, --repeat times,
and prints the time per task row at large relative to medium, net of the start-up. A step whose
command is missing from `xltools --help` prints 未实现. --one-core keeps every process on one CPU
(Linux), to show the ratios without the second core that the merge's threads use. Exit 1 when a
command failed or its output was wrong (not when a target is missed: the table says that).

Under each size's table, the re-merge as the page does it (issue 22), timed inside this process since
the page's server is one long process: every return but the last merged with a ReadCache, then the last
one added and the quarter merged again with that cache (the board built from it), against the same
merge of all of them from scratch. The median of --repeat, each from a copy of the cache as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BASE = HERE / "baselines"
sys.path.insert(0, str(HERE))
import gen  # noqa: E402  (the generator lives beside this script)

PY = sys.executable
_SCRIPT = Path(PY).parent / ("xltools.exe" if os.name == "nt" else "xltools")
XLTOOLS = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "xltools"]  # what a clerk runs

Cmd = Callable[[Path], list[str]]


@dataclass
class Step:
    """One row of the table: the xltools command, what it is timed against, how its output is checked."""

    name: str
    command: str  # the xltools subcommand it needs ("" for start-up)
    xltools: Cmd
    baseline: Cmd
    floor: Cmd | None = None
    check: Callable[[Path], str | None] | None = None
    rows: int = 0  # task rows the step handles, for the growth
    target: Callable[[dict], str] = lambda f: ""


@dataclass
class Figure:
    times: dict[str, list[float]] = field(default_factory=dict)
    peaks: dict[str, float] = field(default_factory=dict)
    error: str = ""


# -- one process -------------------------------------------------------------------------------------

CORES: set[int] | None = None  # --one-core: every process (xltools, baseline, floor) kept on these CPUs
_TIME = Path("/usr/bin/time")  # GNU time: its own small fork, so %M is the child's peak alone


def run_once(cmd: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall seconds and peak MB of one whole process; RuntimeError when it exits outside `ok`.

    The peak goes through GNU time when there is one: a child forked from this (larger) process would
    report this process's peak, since the kernel keeps the old memory's high-water mark across exec.
    """
    with tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as tmp:
        mem = Path(tmp) / "maxrss"
        full = [str(_TIME), "-f", "%M", "-o", str(mem), *cmd] if _TIME.exists() else cmd
        start = time.perf_counter()
        pin = (lambda: os.sched_setaffinity(0, CORES)) if CORES else None
        proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=err, env={**os.environ, "PYTHONUTF8": "1"},
                                preexec_fn=pin)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        if code not in ok or "Traceback (most recent call last)" in text:
            raise RuntimeError(f"退出码 {code}：{' / '.join(text.strip().splitlines()[-3:])}")
        kb = int(mem.read_text().split()[-1]) if mem.exists() else usage.ru_maxrss  # Linux: KB
    return wall, kb / 1024


def measure(step: Step, repeat: int) -> Figure:
    """Median wall time per variant, running the variants alternately; the first xltools output checked."""
    variants = {"xltools": step.xltools, "baseline": step.baseline}
    if step.floor:
        variants["floor"] = step.floor
    fig = Figure({k: [] for k in variants}, {k: 0.0 for k in variants})
    for i in range(repeat):
        for name, make in variants.items():
            with tempfile.TemporaryDirectory(prefix="xlbench-") as tmp:
                try:
                    wall, peak = run_once(make(Path(tmp)), (0, 1) if name == "xltools" else (0,))
                except RuntimeError as exc:
                    fig.error = f"{name} 失败（{exc}）"
                    return fig
                if i == 0 and name == "xltools" and step.check:
                    problem = step.check(Path(tmp))
                    if problem:
                        fig.error = f"输出有误：{problem}"
                        return fig
            fig.times[name].append(wall)
            fig.peaks[name] = max(fig.peaks[name], peak)
    return fig


# -- the steps ---------------------------------------------------------------------------------------

def compile_package() -> None:
    """Byte-compile xltools first, as pip does when it installs the package: the baselines' libraries
    are compiled in site-packages, and an editable install left without .pyc files (as where
    PYTHONDONTWRITEBYTECODE is set) would otherwise be timed compiling its own source every run."""
    import compileall

    import xltools

    compileall.compile_dir(str(Path(xltools.__file__).parent), quiet=1)


def available_commands() -> set[str]:
    out = subprocess.run([*XLTOOLS, "--help"], capture_output=True, text=True, encoding="utf-8")
    names, in_list = set(), False
    for line in out.stdout.splitlines():
        if line.strip() in ("命令:", "Commands:"):  # the help is Chinese since issue 23
            in_list = True
        elif in_list and line.startswith("  ") and line.strip():
            names.add(line.split()[0])
    return names


def steps(files: gen.Files) -> list[Step]:
    ds = gen.load(files)
    n_tasks = len(ds.tasks)
    expected = gen.expected_trackers(ds)
    tracker_rows = sum(expected.values())
    returned = gen.returned_rows(files)
    dsj = str(files.dataset_json)
    return [
        Step("启动 start-up", "", lambda t: [*XLTOOLS, "--help"], lambda t: [PY, "-c", "pass"],
             target=lambda f: _mark(f["xltools_s"] <= 0.15, "≤ 0.15 秒")),
        Step("导入 .docx", "import",
             lambda t: [*XLTOOLS, "import", str(files.docx), "-o", str(t / "d.json")],
             lambda t: [PY, str(BASE / "docx_read.py"), str(files.docx)],
             check=lambda t: _check_import(t / "d.json", n_tasks), rows=n_tasks,
             target=lambda f: _mark(f["ratio"] <= 1.0, "≤ 1.0 × 基线")),
        Step("导入 文本", "import",
             lambda t: [*XLTOOLS, "import", str(files.text), "-o", str(t / "d.json")],
             lambda t: [PY, str(BASE / "docx_read.py"), str(files.docx)],
             check=lambda t: _check_import(t / "d.json", n_tasks), rows=n_tasks,
             target=lambda f: _mark(f["ratio"] <= 1.0, "≤ 1.0 × 基线")),
        Step("附件 attachment", "attachment",
             lambda t: [*XLTOOLS, "attachment", dsj, "-o", str(t / "a.docx")],
             lambda t: [PY, str(BASE / "docx_plain.py"), dsj, str(t / "a.docx")],
             check=lambda t: _check_attachment(t / "a.docx", n_tasks), rows=n_tasks,
             target=lambda f: _mark(f["ratio"] <= 0.8, "≤ 0.8 × 基线")),
        Step("填报表 trackers", "trackers",
             lambda t: [*XLTOOLS, "trackers", dsj, "--quarter", gen.QUARTER, "--deadline", gen.DEADLINE,
                        "-o", str(t / "out")],
             lambda t: [PY, str(BASE / "pandas_trackers.py"), dsj, str(t / "out")],
             check=lambda t: _check_trackers(t / "out", len(expected)), rows=tracker_rows,
             target=lambda f: _mark(f["ratio"] <= 0.8, "≤ 0.8 × 基线")),
        Step("汇总 merge", "merge",
             lambda t: [*XLTOOLS, "merge", str(files.inbox), "--dataset", dsj, "--quarter", gen.QUARTER,
                        "--issued", str(files.issued), "-o", str(t / "汇总.xlsx")],
             lambda t: [PY, str(BASE / "pandas_merge.py"), str(files.inbox), str(t / "m.xlsx")],
             floor=lambda t: [PY, str(BASE / "calamine_floor.py"), str(files.inbox), str(t / "f.xlsx")],
             check=lambda t: _check_merge(t / "汇总.xlsx", returned), rows=tracker_rows,
             target=lambda f: _mark(f["ratio"] <= 1 / 5, "≥ 5 × 快于基线")),
    ]


def xltools_error() -> type[Exception]:
    from xltools.errors import XlError

    return XlError


def _mark(ok: bool, text: str) -> str:
    return f"{'✓' if ok else '✗'} {text}"


def _check_import(path: Path, n_tasks: int) -> str | None:
    tasks = json.loads(path.read_text(encoding="utf-8")).get("tasks", [])
    return None if len(tasks) == n_tasks else f"导入 {len(tasks)} 项任务，应为 {n_tasks} 项"


def _check_attachment(path: Path, n_tasks: int) -> str | None:
    with zipfile.ZipFile(path) as zf:
        rows = zf.read("word/document.xml").decode("utf-8").count("<w:tr")
    return None if rows >= n_tasks + 1 else f"表格只有 {rows} 行，应至少 {n_tasks + 1} 行"


def _check_trackers(outdir: Path, n_units: int) -> str | None:
    made = [p for p in outdir.glob("*.xlsx") if p.name != "下发清单.xlsx"]
    return None if len(made) == n_units else f"生成 {len(made)} 份填报表，应为 {n_units} 份"


def _check_merge(path: Path, returned: int) -> str | None:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    if "明细" not in wb.sheet_names:
        return f"汇总表没有「明细」表（只有 {'、'.join(wb.sheet_names)}）"
    rows = [r for r in wb.get_sheet_by_name("明细").to_python() if any(str(v).strip() for v in r)]
    return None if len(rows) > returned else f"「明细」只有 {len(rows)} 行，交回的任务行有 {returned} 行"


# -- the re-merge the page does ---------------------------------------------------------------------

def remerge(files: gen.Files, repeat: int) -> dict:
    """Seconds to merge a quarter again when one return arrives after all the others were merged with a
    ReadCache (as the page does, board included), against merging them all from scratch; see the top."""
    import shutil

    from xltools.cycle.merge import merge_returns
    from xltools.cycle.quarter import parse_quarter
    from xltools.cycle.returns import ReadCache
    from xltools.demo import answers_for, fill_tracker
    from xltools.web.steps import build_board

    ds = gen.load(files)
    q = gen.QUARTER
    timed: dict[str, list[float]] = {"incremental": [], "full": []}
    with tempfile.TemporaryDirectory(prefix="xlbench-") as tmp:
        inbox, out, more = Path(tmp) / "回收", Path(tmp) / "汇总.xlsx", Path(tmp) / "其余"
        inbox.mkdir()
        more.mkdir()
        sent = {p.name for p in files.inbox.iterdir()}
        for entry in json.loads((files.issued / "manifest.json").read_text(encoding="utf-8"))["units"]:
            if entry["file"] not in sent:  # the units gen leaves silent return here too: one per unit
                answers = answers_for(entry["unit"], [t["key"] for t in entry["tasks"]], random.Random(1))
                fill_tracker(files.issued / entry["file"], answers, {"填报人": "王丽", "联系电话": "0411-2345678",
                             "填报日期": "2026-04-08"}, out=more / entry["file"])
        returns = sorted([*files.inbox.iterdir(), *more.iterdir()], key=lambda p: p.name)
        for p in returns[:-1]:
            shutil.copy2(p, inbox / p.name)
        before = ReadCache()
        merge_returns([inbox], ds, q, out, issued=files.issued, cache=before)
        shutil.copy2(returns[-1], inbox / returns[-1].name)

        def incremental() -> None:
            cache = before.copy()  # the cache as the earlier merge left it, each round
            build_board(parse_quarter(q), merge_returns([inbox], ds, q, out, issued=files.issued, cache=cache))
            if cache.misses != 1:
                raise RuntimeError(f"增量汇总读取了 {cache.misses} 个文件，应只读新到的 1 个")

        def full() -> None:
            build_board(parse_quarter(q), merge_returns([inbox], ds, q, out, issued=files.issued))

        for _ in range(repeat):
            for name, run in (("incremental", incremental), ("full", full)):
                start = time.perf_counter()
                run()
                timed[name].append(time.perf_counter() - start)
    med = {k: statistics.median(v) for k, v in timed.items()}
    return {"returns": len(returns), "incremental_s": med["incremental"], "full_s": med["full"], "runs": timed}


# -- one size ----------------------------------------------------------------------------------------

HEAD = "| 步骤 | xltools 秒 | 基线 秒 | 比值 | 下限 秒 | 对下限比值 | 峰值内存 MB | 目标 |"


def run_size(size: str, repeat: int, data: Path, commands: set[str]) -> tuple[dict[str, dict], bool]:
    started = time.perf_counter()
    files = gen.generate(size, data)
    n_units, n_tasks = gen.SIZES[size]
    print(f"\n## {size}：{n_units} 个单位 × {n_tasks} 项任务（数据生成 {time.perf_counter() - started:.0f} 秒；"
          f"每格为 {repeat} 次完整进程的中位数）\n", flush=True)
    print(HEAD + "\n" + "|---" * 8 + "|", flush=True)
    results: dict[str, dict] = {}
    ok = True
    for step in steps(files):
        if step.command and step.command not in commands:
            print(f"| {step.name} | 未实现 | | | | | | |", flush=True)
            results[step.name] = {"missing": True}
            continue
        fig = measure(step, repeat)
        if fig.error:
            ok = False
            print(f"| {step.name} | {fig.error} | | | | | | |", flush=True)
            results[step.name] = {"error": fig.error}
            continue
        results[step.name] = f = _figures(fig, step.rows)
        print(_row(step, f), flush=True)
    return results, ok


def print_remerge(size: str, repeat: int, data: Path) -> dict:
    f = remerge(gen.generate(size, data), repeat)
    n = f["returns"]
    print(f"\n增量重汇总（网页：已汇总 {n - 1} 份后新到 1 份，只读新文件，含看板）：{f['incremental_s']:.2f} 秒；"
          f"全部 {n} 份从头汇总：{f['full_s']:.2f} 秒（同一进程，{repeat} 次中位数）", flush=True)
    return f


def _figures(fig: Figure, rows: int) -> dict:
    med = {k: statistics.median(v) for k, v in fig.times.items()}
    f = {"xltools_s": med["xltools"], "baseline_s": med["baseline"], "ratio": med["xltools"] / med["baseline"],
         "peak_mb": fig.peaks["xltools"], "baseline_peak_mb": fig.peaks["baseline"], "rows": rows,
         "runs": fig.times, "floor_s": None, "floor_ratio": None}
    if "floor" in med:
        f.update(floor_s=med["floor"], floor_ratio=med["xltools"] / med["floor"])
    return f


def _row(step: Step, f: dict) -> str:
    floor = (f"{f['floor_s']:.2f}", f"{f['floor_ratio']:.2f}") if f["floor_s"] else ("—", "—")
    target = step.target(f)
    if f["peak_mb"] >= 150:
        target += "；✗ 内存 < 150 MB"
    return (f"| {step.name} | {f['xltools_s']:.2f} | {f['baseline_s']:.2f} | {f['ratio']:.2f} | {floor[0]} | "
            f"{floor[1]} | {f['peak_mb']:.0f} | {target} |")


def growth(repeat: int, data: Path, commands: set[str], pair: tuple[str, str] = ("medium", "large")) -> dict[str, float]:
    """Per step: (time − start-up) per task row at large ÷ the same at medium (the sizes of `pair`),
    from runs of their own.

    The tables' medium and large figures are minutes apart, and a step that takes 0.15 s at medium has
    too little time net of the start-up for a drift of the machine to go unnoticed in it. So each round
    runs the step at medium, at large and `xltools --help` back to back; the growth is the median over
    the rounds of each round's own ratio (the medians of the three times are printed beside it)."""
    print("\n增长（每行耗时，扣除 `xltools --help` 的启动时间；每轮依次运行 medium、large 和启动，"
          f"取 {repeat} 轮各自比值的中位数；目标 large ≤ 1.1 × medium）\n")
    print("| 步骤 | medium 毫秒/行 | large 毫秒/行 | large ÷ medium |\n|---|---|---|---|")
    small, big = (steps(gen.generate(size, data)) for size in pair)
    start = next(step for step in small if not step.command)  # `xltools --help`
    out = {}
    for m, lg in zip(small, big, strict=True):
        if not m.rows or (m.command and m.command not in commands):
            continue
        runs: dict[str, list[float]] = {"m": [], "l": [], "start": []}
        try:
            for _ in range(repeat):
                for key, make, ok in (("m", m.xltools, (0, 1)), ("l", lg.xltools, (0, 1)),
                                      ("start", start.xltools, (0,))):
                    with tempfile.TemporaryDirectory(prefix="xlbench-") as tmp:
                        runs[key].append(run_once(make(Path(tmp)), ok)[0])
        except RuntimeError as exc:
            print(f"| {m.name} | 失败（{exc}） | | |", flush=True)
            continue
        ratios = [((t_l - t_s) / lg.rows) / ((t_m - t_s) / m.rows)
                  for t_m, t_l, t_s in zip(runs["m"], runs["l"], runs["start"], strict=True) if t_m > t_s]
        out[m.name] = statistics.median(ratios) if ratios else float("nan")  # nan: no time left net of start-up
        med = {k: statistics.median(v) for k, v in runs.items()}
        per_m, per_l = ((med[k] - med["start"]) / n * 1000 for k, n in (("m", m.rows), ("l", lg.rows)))
        print(f"| {m.name} | {per_m:.2f} | {per_l:.2f} | {out[m.name]:.2f} {'✓' if out[m.name] <= 1.1 else '✗'} |",
              flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="small", help="tiny|small|medium|large，可用逗号给出多个")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None, help="把所有数字写入此 JSON 文件")
    parser.add_argument("--growth", action="store_true", help="运行 medium 和 large，并比较每行耗时")
    parser.add_argument("--data", type=Path, default=ROOT / "output" / "bench", help="生成数据的文件夹")
    parser.add_argument("--fresh", action="store_true", help="重新生成数据")
    parser.add_argument("--no-remerge", action="store_true", help="不测增量重汇总")
    parser.add_argument("--one-core", action="store_true",
                        help="所有进程（xltools、基线、下限）只用一个 CPU 核（仅 Linux），看不靠第二个核时的比值")
    args = parser.parse_args(argv)
    global CORES
    if args.one_core:
        if not hasattr(os, "sched_setaffinity"):
            parser.error("--one-core 只在 Linux 上可用")
        CORES = {min(os.sched_getaffinity(0))}
    sizes = ["medium", "large"] if args.growth else [s.strip() for s in args.size.split(",")]
    unknown = [s for s in sizes if s not in gen.SIZES]
    if unknown:
        parser.error(f"未知规模：{', '.join(unknown)}（可选 {', '.join(gen.SIZES)}）")
    if args.fresh:
        for s in sizes:
            gen.clear(args.data / s)
    compile_package()
    commands = available_commands()
    print(f"机器：{platform.platform()}，{os.cpu_count()} 核，Python {platform.python_version()}；"
          f"命令：{' '.join(XLTOOLS)}" + (f"；所有进程只用第 {min(CORES)} 号核" if CORES else ""))
    figures: dict[str, dict] = {}
    ok = True
    for size in sizes:
        figures[size], size_ok = run_size(size, args.repeat, args.data, commands)
        ok = ok and size_ok
        if not args.no_remerge:
            try:
                figures.setdefault("remerge", {})[size] = print_remerge(size, args.repeat, args.data)
            except (RuntimeError, xltools_error()) as exc:
                ok = False
                print(f"\n增量重汇总 失败（{exc}）", flush=True)
    if args.growth:
        figures["growth"] = growth(args.repeat, args.data, commands)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
