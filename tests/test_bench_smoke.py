"""The benchmark suite runs end to end at a tiny size, so it cannot rot. Not a timing test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parent / "bench" / "run.py"


def it_runs_every_step_and_prints_a_ratio(tmp_path):
    proc = subprocess.run([sys.executable, str(BENCH), "--size", "tiny", "--repeat", "1", "--json",
                           str(tmp_path / "f.json")], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    import json

    figures = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["tiny"]
    assert set(figures) == {"启动 start-up", "导入 .docx", "导入 文本", "附件 attachment", "填报表 trackers",
                            "汇总 merge"}
    for step, f in figures.items():
        assert f["ratio"] > 0 and f"| {step} |" in proc.stdout
    assert figures["汇总 merge"]["floor_ratio"] > 0
