"""Baseline for `xltools merge`: pandas read_excel of every returned file, find the header row, concat,
write the 明细 sheet with to_excel. No checks, no other sheets, no charts.

    python pandas_merge.py RETURNS_DIR OUT.xlsx
"""

import sys
from pathlib import Path

import pandas as pd

frames = []
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    raw = pd.read_excel(path, sheet_name="填报", header=None, dtype=str, engine="openpyxl")
    header_row = next(i for i, row in raw.iterrows() if {"任务内容", "完成状态"} <= set(row.dropna()))
    frame = raw.iloc[header_row + 1:].copy()
    frame.columns = raw.iloc[header_row]
    frame = frame[frame["任务编号"].notna()]
    frame.insert(0, "单位", path.stem.split("_")[1] if path.stem.count("_") >= 2 else path.stem)
    frames.append(frame)
pd.concat(frames, ignore_index=True).to_excel(sys.argv[2], sheet_name="明细", index=False)
