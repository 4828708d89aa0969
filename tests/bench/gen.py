"""Synthetic but realistic benchmark data: a task list of N units × M tasks, its documents, trackers and returns.

Deterministic (seeded). Task texts of 50–300 Chinese characters from policy vocabulary; 1 lead and
2–8 responsible units per task; a few collectives with members; categories. Written as 任务总表.xlsx
and .json, a .docx attachment (the 1,500-row table at large), the same list as pasted text, the issued
trackers, and every tracker filled in as a department would (xltools.demo.fill_tracker).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SIZES = {"tiny": (10, 20), "small": (50, 100), "medium": (200, 400), "large": (500, 1500)}
_WORDS = ["推进", "落实", "完善", "健全", "加强", "建立", "深化", "优化", "职业教育", "产教融合", "校企合作", "实训基地",
          "专业群", "双师型", "教师队伍", "人才培养", "体制机制", "经费投入", "督导评估", "技能竞赛", "社区教育",
          "数字化", "标准化", "高质量发展", "示范学校", "绩效考核", "政策支持", "资源共享", "服务能力", "办学条件"]
_DEPTS = ["教育局", "财政局", "人力资源和社会保障局", "发展和改革委员会", "工业和信息化局", "自然资源局", "住房和城乡建设局",
          "农业农村局", "商务局", "税务局", "科学技术局", "民政局", "文化旅游和广播电视局", "卫生健康委员会", "审计局"]


def _text(rng: random.Random) -> str:
    n = rng.randint(50, 300)
    out = ""
    while len(out) < n:
        out += "".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 6))) + rng.choice("，，。；")
    return out[:n].rstrip("，；") + "。"


def make_dataset(n_units: int, n_tasks: int, seed: int = 7):
    from xltools.model import Dataset, Task, Unit, make_dataset_id, make_task_key

    rng = random.Random(seed)
    names = [f"{'市区县'[i % 3]}{_DEPTS[i % len(_DEPTS)]}{'' if i < len(_DEPTS) else f'第{i // len(_DEPTS)}分局'}"
             for i in range(n_units - 2)]
    collectives = ["各县区人民政府", "市直有关部门"]
    members = {"各县区人民政府": [f"第{i}县人民政府" for i in range(1, 4)]}
    taken: set[str] = set()
    tasks = []
    for i in range(n_tasks):
        content = f"{i + 1}号任务：" + _text(rng)
        lead = rng.sample(names, 1)
        others = [u for u in names if u not in lead]
        units = rng.sample(others, min(rng.randint(2, 8), len(others)))
        if rng.random() < 0.1:
            units.append(rng.choice(collectives))
        tasks.append(Task(key=make_task_key(content, taken), number=str(i + 1), content=content,
                          category=f"第{i // 10 + 1}类重点任务", lead_units=lead, units=units,
                          lead_text="、".join(lead), units_text="、".join(units)))
    reg = [Unit(n) for n in names] + [Unit(c, kind="集合", members=members.get(c, [])) for c in collectives]
    title = "基准测试任务清单"
    return Dataset(title=title, attachment_label="附件", columns={"number": "序号", "category": "主要任务",
                   "content": "工作任务", "lead": "牵头单位", "units": "责任单位"}, tasks=tasks, units=reg,
                   dataset_id=make_dataset_id(title, [t.key for t in tasks]))


def as_text(ds) -> str:
    lines = [ds.attachment_label, ds.title, "", "\t序号", "\t主要任务", "\t工作任务", "\t牵头单位", "\t责任单位", ""]
    prev = None
    for t in ds.tasks:
        lines += [f"\t{t.number}", f"\t{t.category if t.category != prev else ''}", f"\t{t.content}",
                  f"\t{t.lead_text}", f"\t{t.units_text}", ""]
        prev = t.category
    return "\n".join(lines)


def generate(size: str, root: Path) -> Path:
    """Write the whole case for `size` under root/size (reused when already there)."""
    import xltools
    from xltools.demo import answers_for, fill_tracker

    out = root / size
    if (out / "done").exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    n_units, n_tasks = SIZES[size]
    ds = make_dataset(n_units, n_tasks)
    xltools.save_dataset(ds, out / "任务总表.xlsx")
    xltools.save_dataset(ds, out / "任务总表.json")
    xltools.write_attachment(ds, out / "清单.docx")
    (out / "清单.txt").write_text(as_text(ds), encoding="utf-8")
    issued = out / "下发"
    xltools.write_trackers(ds, "2026Q1", issued)
    manifest = json.loads((issued / "manifest.json").read_text(encoding="utf-8"))
    rng = random.Random(11)
    returns = out / "回收"
    returns.mkdir(exist_ok=True)
    sign = {"填报人": "王丽", "联系电话": "0371-1234567", "审核人": "李明", "填报日期": "2026-04-08"}
    for entry in manifest["units"]:
        keys = [t["key"] for t in entry["tasks"]]
        fill_tracker(issued / entry["file"], answers_for(entry["unit"], keys, rng), sign, out=returns / entry["file"])
    (out / "done").write_text("ok")
    return out


if __name__ == "__main__":
    print(generate(sys.argv[1], Path(sys.argv[2])))
