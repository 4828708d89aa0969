"""Baseline: pandas read_excel of every returned file, find the header row, concat, write 明细 with to_excel."""

import sys
from pathlib import Path

import pandas as pd

frames = []
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    raw = pd.read_excel(path, sheet_name="填报", header=None, dtype=str)
    header_row = next(i for i, row in raw.iterrows() if "任务内容" in set(row.dropna()))
    frame = raw.iloc[header_row + 1:].copy()
    frame.columns = raw.iloc[header_row]
    frame = frame[frame["任务内容"].notna()]
    frame["来源文件"] = path.name
    frames.append(frame)
pd.concat(frames, ignore_index=True).to_excel(sys.argv[2], sheet_name="明细", index=False)
