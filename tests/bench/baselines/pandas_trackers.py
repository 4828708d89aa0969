"""Baseline: what a competent user writes — each unit's rows with pandas to_excel, no formatting."""

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
    for role, names in (("牵头", t["lead_units"]), ("责任", t["units"])):
        for name in names:
            for unit in members.get(alias.get(name, name), [alias.get(name, name)]):
                rows.setdefault(unit, []).append({"序号": t["number"], "任务类别": t["category"], "任务内容": t["content"],
                                                  "本单位职责": role, "进展情况": "", "完成状态": "", "存在问题": "",
                                                  "下一步计划": "", "备注": ""})
for unit, unit_rows in rows.items():
    pd.DataFrame(unit_rows).to_excel(out / f"2026Q1_{unit}.xlsx", index=False, sheet_name="填报")
