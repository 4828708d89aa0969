"""The benchmark suite: whole processes of xltools against the baselines and the floor, in one run.

    python tests/bench/run.py [--size tiny|small|medium|large] [--repeat 3] [--json FILE] [--growth]

Every figure is a whole process (interpreter start, imports, work, exit), the median of --repeat runs,
tool and baseline alternating; peak memory is the process's own maximum RSS (os.wait4). Data is made
by gen.py into output/bench/<size>/ (reused between runs). --growth also runs medium and large and
prints the time per task row of each step at large relative to medium.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import gen  # noqa: E402  (the generator lives beside this script)

PY = sys.executable
XLTOOLS = [PY, "-m", "xltools"]


def run_once(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak MB of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-500:]}")
    return wall, usage.ru_maxrss / 1024


def measure(variants: dict[str, callable], repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall time and max peak MB per variant, running the variants alternately."""
    times: dict[str, list[float]] = {k: [] for k in variants}
    peaks: dict[str, float] = {k: 0.0 for k in variants}
    for _ in range(repeat):
        for name, make_cmd in variants.items():
            with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
                wall, peak = run_once(make_cmd(Path(tmp)))
            times[name].append(wall)
            peaks[name] = max(peaks[name], peak)
    return {k: (statistics.median(v), peaks[k]) for k, v in times.items()}


def steps(case: Path) -> dict[str, dict[str, callable]]:
    base = HERE / "baselines"
    ds_xlsx, ds_json = str(case / "任务总表.xlsx"), str(case / "任务总表.json")
    return {
        "启动 start-up": {"xltools": lambda t: [*XLTOOLS, "--help"], "baseline": lambda t: [PY, "-c", "pass"]},
        "导入 .docx": {
            "xltools": lambda t: [*XLTOOLS, "import", str(case / "清单.docx"), "-o", str(t / "d.json")],
            "baseline": lambda t: [PY, str(base / "docx_read.py"), str(case / "清单.docx")]},
        "导入 文本": {
            "xltools": lambda t: [*XLTOOLS, "import", str(case / "清单.txt"), "-o", str(t / "d.json")],
            "baseline": lambda t: [PY, str(base / "docx_read.py"), str(case / "清单.docx")]},
        "附件 attachment": {
            "xltools": lambda t: [*XLTOOLS, "attachment", ds_json, "-o", str(t / "a.docx")],
            "baseline": lambda t: [PY, str(base / "docx_plain.py"), ds_json, str(t / "a.docx")]},
        "填报表 trackers": {
            "xltools": lambda t: [*XLTOOLS, "trackers", ds_xlsx, "--quarter", "2026Q1", "-o", str(t / "out")],
            "baseline": lambda t: [PY, str(base / "pandas_trackers.py"), ds_json, str(t / "out")]},
        "汇总 merge": {
            "xltools": lambda t: [*XLTOOLS, "merge", str(case / "回收"), "--dataset", ds_xlsx, "--quarter", "2026Q1",
                                  "--issued", str(case / "下发"), "-o", str(t / "汇总.xlsx")],
            "baseline": lambda t: [PY, str(base / "pandas_merge.py"), str(case / "回收"), str(t / "m.xlsx")],
            "floor": lambda t: [PY, str(base / "calamine_floor.py"), str(case / "回收"), str(t / "f.zip")]},
    }


def run_size(size: str, repeat: int) -> dict[str, dict]:
    case = gen.generate(size, ROOT / "output" / "bench")
    n_units, n_tasks = gen.SIZES[size]
    print(f"\n## {size}: {n_units} 个单位 × {n_tasks} 项任务（每项取 {repeat} 次的中位数）\n")
    print("| 步骤 | xltools 秒 | 基线 秒 | 比值 | 下限 秒 | 对下限比值 | 峰值内存 MB |")
    print("|---|---|---|---|---|---|---|")
    results = {}
    for step, variants in steps(case).items():
        m = measure(variants, repeat)
        tool, base = m["xltools"], m["baseline"]
        floor = m.get("floor")
        results[step] = {"xltools_s": tool[0], "baseline_s": base[0], "ratio": tool[0] / base[0],
                         "peak_mb": tool[1], "floor_s": floor[0] if floor else None,
                         "floor_ratio": tool[0] / floor[0] if floor else None, "tasks": n_tasks}
        f_s = f"{floor[0]:.2f}" if floor else "—"
        f_r = f"{tool[0] / floor[0]:.2f}" if floor else "—"
        print(f"| {step} | {tool[0]:.2f} | {base[0]:.2f} | {tool[0] / base[0]:.2f} | {f_s} | {f_r} | {tool[1]:.0f} |",
              flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=list(gen.SIZES), default="small")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--growth", action="store_true", help="also medium and large, and the growth between them")
    parser.add_argument("--fresh", action="store_true", help="regenerate the data")
    args = parser.parse_args()
    if args.fresh:
        shutil.rmtree(ROOT / "output" / "bench", ignore_errors=True)
    sizes = ["medium", "large"] if args.growth else [args.size]
    figures = {size: run_size(size, args.repeat) for size in sizes}
    if args.growth:
        print("\n| 步骤 | 每项任务耗时 large ÷ medium |\n|---|---|")
        for step in figures["large"]:
            m, lg = figures["medium"][step], figures["large"][step]
            per = (lg["xltools_s"] / lg["tasks"]) / (m["xltools_s"] / m["tasks"])
            print(f"| {step} | {per:.2f} |")
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
