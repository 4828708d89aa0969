"""Baseline for `xltools trackers`: what a competent user writes — each unit's rows with pandas to_excel.

    python pandas_trackers.py 任务总表.json OUTDIR

The same recipients (aliases resolved, collectives expanded to their members) and the same cells
(序号 … 任务编号, empty fill columns); no formatting, validation, protection or provenance.
"""

import json
import sys
from pathlib import Path

import pandas as pd

data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
out = Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
alias = {a: u["name"] for u in data["units"] for a in [u["name"], *u["aliases"]]}
members = {u["name"]: u["members"] for u in data["units"] if u["members"]}
rows: dict[str, list[dict]] = {}
for t in data["tasks"]:
    lead = [alias.get(n, n) for n in t["lead_units"]]
    every = list(dict.fromkeys(alias.get(n, n) for n in [*t["lead_units"], *t["units"]]))
    for canon in every:
        role = "牵头" if canon in lead else "责任"
        for unit in members.get(canon, [canon]):
            rows.setdefault(unit, []).append({
                "序号": t["number"], "任务类别": t["category"], "任务内容": t["content"], "本单位职责": role,
                "牵头单位": "、".join(lead), "其他责任单位": "、".join(u for u in every if u != canon and u not in lead),
                "进展情况": "", "完成状态": "", "存在问题": "", "下一步计划": "", "备注": "", "任务编号": t["key"]})
for unit, unit_rows in rows.items():
    pd.DataFrame(unit_rows).to_excel(out / f"2026Q1_{unit}_任务进展填报表.xlsx", index=False, sheet_name="填报")
