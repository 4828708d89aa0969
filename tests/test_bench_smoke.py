"""The benchmark suite runs end to end at a tiny size, so it cannot rot. Not a timing test: nothing here
asserts a speed; the suite itself checks each command's output (task counts, trackers, 明细 rows)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parent / "bench"
STEPS = ("启动 start-up", "导入 .docx", "导入 文本", "附件 attachment", "填报表 trackers", "汇总 merge")
_NUMBER = r"\d+\.\d\d"

sys.path.insert(0, str(BENCH))
import gen  # noqa: E402


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    data = tmp_path_factory.mktemp("bench")
    out = data / "figures.json"
    proc = subprocess.run([sys.executable, str(BENCH / "run.py"), "--size", "tiny", "--repeat", "1", "--data",
                           str(data), "--json", str(out)], capture_output=True, text=True, encoding="utf-8",
                          timeout=120)
    return proc, json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}, data


def it_exits_0_with_a_ratio_line_for_every_step(tiny):
    proc, figures, _data = tiny
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert set(figures["tiny"]) == set(STEPS)
    for step in STEPS:
        f = figures["tiny"][step]
        if f.get("missing"):
            assert re.search(rf"^\| {re.escape(step)} \| 未实现 \|", proc.stdout, re.M)
            continue
        # xltools s | baseline s | ratio, and the ratio is xltools ÷ baseline
        line = re.search(rf"^\| {re.escape(step)} \| ({_NUMBER}) \| ({_NUMBER}) \| ({_NUMBER}) \|", proc.stdout, re.M)
        assert line, f"no ratio line for {step}:\n{proc.stdout}"
        assert f["ratio"] == pytest.approx(f["xltools_s"] / f["baseline_s"])
        assert f["peak_mb"] > 5 and f["baseline_peak_mb"] > 5


def it_times_the_merge_against_the_floor_too(tiny):
    _proc, figures, _data = tiny
    merge = figures["tiny"]["汇总 merge"]
    if not merge.get("missing"):
        assert merge["floor_s"] > 0
        assert merge["floor_ratio"] == pytest.approx(merge["xltools_s"] / merge["floor_s"])


def it_prints_the_re_merge_line_with_one_file_read(tiny):
    """The page's re-merge (issue 22): one new return after all the others, with the cache (run.remerge
    raises, and the suite exits 1, when that merge read more than the new file), against all from scratch."""
    proc, figures, _data = tiny
    f = figures["remerge"]["tiny"]
    n = gen.SIZES["tiny"][0]
    assert f["returns"] == n and f["incremental_s"] > 0 and f["full_s"] > 0
    assert f"已汇总 {n - 1} 份后新到 1 份" in proc.stdout and f"全部 {n} 份从头汇总" in proc.stdout


def it_generates_a_list_the_importers_read_back_exactly(tiny):
    """The .docx (merged categories, repeated header) and the pasted text give the generated dataset."""
    import xltools

    _proc, _figures, data = tiny
    files = gen.files_for(data / "tiny")
    made = gen.load(files)
    for source in (files.docx, files.text):
        got = xltools.import_source(source)
        assert [(t.number, t.category, t.content, t.lead_units, t.units, t.deadline) for t in got.tasks] == \
            [(t.number, t.category, t.content, t.lead_units, t.units, t.deadline) for t in made.tasks], source.name


def it_makes_realistic_lists():
    ds = gen.make_dataset(*gen.SIZES["small"])
    assert len(ds.tasks) == 100 and len([u for u in ds.units if u.kind != "集合"]) == 50
    assert all(50 <= len(t.content) <= 300 for t in ds.tasks)
    assert all(len(t.lead_units) == 1 and 2 <= len(t.units) <= 8 for t in ds.tasks)
    assert any(u.kind == "集合" and u.members for u in ds.units)
    assert set(gen.expected_trackers(ds)) >= {u.name for u in ds.units if u.kind != "集合"}
    assert gen.make_dataset(10, 20) == gen.make_dataset(10, 20)  # deterministic


def it_measures_the_growth_in_rounds_of_its_own(tiny, capsys):
    """The growth pass (run at medium and large by --growth), here at tiny against itself: one
    ratio per step that handles rows, each line printed with the ratio it returns."""
    import run

    _proc, _figures, data = tiny
    out = run.growth(1, data, run.available_commands(), ("tiny", "tiny"))
    printed = capsys.readouterr().out
    assert set(out) == set(STEPS) - {"启动 start-up"}
    for step, ratio in out.items():  # a tiny step's time net of the start-up can be ~0: any sign, or nan
        assert re.search(rf"^\| {re.escape(step)} \| -?{_NUMBER} \| -?{_NUMBER} \| {ratio:.2f} [✓✗] \|$", printed,
                         re.M), printed


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="Linux only")
def it_keeps_every_process_on_one_core_when_asked(monkeypatch):
    import run

    count = [sys.executable, "-c", "import os, sys; sys.exit(len(os.sched_getaffinity(0)))"]
    monkeypatch.setattr(run, "CORES", {min(os.sched_getaffinity(0))})
    run.run_once(count, ok=(1,))  # exit code = the CPUs it may use
