"""`xltools demo`: the whole quarter on the bundled seeds, with departments simulated.

For each seed list: import → 任务总表 → Word attachment → trackers for 2026Q1 → trackers filled in as
departments would (deterministic answers; a few units late, one file renamed, one with an edited task
text, one unit returning twice) → merge → report and reminders where those commands exist.
`fill_tracker` is also what the tests use to answer a tracker like a department.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

STATUSES = ("已完成", "推进中", "滞后", "未启动")
_PROGRESS = {
    "已完成": ["已按要求全部完成，相关制度文件已印发实施。", "已完成年度目标，累计培训{n}人次，经验做法已报送。",
             "项目已竣工验收并投入使用。"],
    "推进中": ["已制定实施方案，完成阶段目标的{p}%。", "正在按计划推进，已召开专题会议{n}次，协调解决具体问题。",
             "已完成前期调研和方案论证，进入实施阶段。"],
    "滞后": ["受资金到位时间影响，进度慢于计划，目前完成{p}%。", "配套政策尚未出台，相关工作暂缓推进。"],
    "未启动": ["尚待上级政策明确后启动。"],
}
_PROBLEMS = ["资金保障不足", "部门间协调机制有待完善", "专业人才短缺", "用地指标紧张"]
_NEXT = ["下季度完成剩余工作并组织验收。", "加强与相关部门对接，争取年底前完成。", "继续跟踪落实，巩固成效。"]
_PEOPLE = ["王丽", "李明", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"]


@dataclass
class DemoResult:
    """What the demo wrote under `outdir`, as the lines it prints, and how many findings it met."""

    outdir: Path
    lines: list[str] = field(default_factory=list)
    findings: int = 0


def answers_for(unit: str, keys: list[str], rng: random.Random) -> dict[str, dict[str, str]]:
    """Realistic answers for each task key: 进展情况, 完成状态, 存在问题, 下一步计划, 备注."""
    out = {}
    for key in keys:
        status = rng.choices(STATUSES, weights=(4, 9, 0.5, 0.5))[0]
        progress = rng.choice(_PROGRESS[status]).format(n=rng.randint(2, 60), p=rng.randint(20, 90))
        out[key] = {
            "进展情况": progress,
            "完成状态": status,
            "存在问题": rng.choice(_PROBLEMS) if status in ("滞后", "未启动") else "无",
            "下一步计划": rng.choice(_NEXT),
            "备注": "",
        }
    return out


def fill_tracker(path: str | Path, answers: dict[str, dict[str, str]], signoff: dict[str, str],
                 out: str | Path | None = None, edit_text: str | None = None) -> Path:
    """Answer a tracker as a department would: fill the fill cells of each task row by its key.

    `answers`: task key → {header label: value}; `signoff`: 填报人/联系电话/审核人/填报日期 → value.
    `edit_text`: when given, the first task's text is changed (a unit editing the task, which the merge
    must report). Writes to `out` (default: in place) with openpyxl, as Excel or WPS would re-save:
    a row typed into is refitted to its texts, as the office suite does with a row whose height was
    not set by hand (the trackers' task rows, see rowfit).
    """
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    header_row, cols = _find_header(ws)
    key_col = cols.get("任务编号")
    last = header_row
    for r in range(header_row + 1, ws.max_row + 1):
        key = ws.cell(r, key_col).value if key_col else None
        if not key:
            continue
        last = r
        typed = False
        for label, value in answers.get(str(key), {}).items():
            if label in cols and value != "":
                ws.cell(r, cols[label]).value = value
                ws.cell(r, cols[label]).data_type = "s"
                typed = True
        if typed:
            _refit(ws, r)
    if edit_text is not None and "任务内容" in cols:
        ws.cell(header_row + 1, cols["任务内容"]).value = edit_text
    _fill_signoff(ws, last, signoff)
    target = Path(out or path)
    wb.save(target)
    return target


def _refit(ws, r: int) -> None:
    """The row's height refitted to its wrapped texts, as the office suite does after an edit."""
    from openpyxl.utils import get_column_letter

    from .infra.rowfit import lines_height, text_lines

    lines, size = 1, 11.0
    for cell in ws[r]:
        dim = ws.column_dimensions[get_column_letter(cell.column)]
        if cell.value is None or dim.hidden or not (cell.alignment and cell.alignment.wrap_text):
            continue
        size = float(cell.font.sz or size)
        lines = max(lines, text_lines(str(cell.value), dim.width or 8.43, size))
    ws.row_dimensions[r].height = lines_height(lines, size)


def _find_header(ws) -> tuple[int, dict[str, int]]:
    for r in range(1, min(ws.max_row, 30) + 1):
        labels = {str(ws.cell(r, c).value).strip(): c for c in range(1, ws.max_column + 1)
                  if ws.cell(r, c).value is not None}
        if "任务内容" in labels and "完成状态" in labels:
            return r, labels
    raise ValueError("not a tracker: no header with 任务内容 and 完成状态")


def _fill_signoff(ws, after: int, signoff: dict[str, str]) -> None:
    for r in range(after + 1, ws.max_row + 1):
        for c in range(1, ws.max_column + 1):
            label = str(ws.cell(r, c).value or "").strip().rstrip("：:")
            if label in signoff:
                ws.cell(r, c + 1).value = signoff[label]
                ws.cell(r, c + 1).data_type = "s"


def run_demo(outdir: str | Path = "output", seeds_dir: str | Path | None = None,
             progress: Callable[[str], None] | None = None) -> DemoResult:
    """Run the quarter on every seed list into `outdir`; return what to tell the clerk."""
    import xltools

    say = progress or (lambda _msg: None)
    outdir = Path(outdir)
    seeds = sorted(Path(seeds_dir or _default_seeds()).glob("*.txt"))
    if not seeds:
        raise xltools.XlError("没有找到示例清单（*.txt）。", file=str(seeds_dir or _default_seeds()), hint="请指定放有 .txt 清单的文件夹（--seeds），或重新安装 xltools。")
    result = DemoResult(outdir)
    for i, seed in enumerate(seeds):
        say(f"[{i + 1}/{len(seeds)}] {seed.stem}")
        _demo_one(seed, outdir / seed.stem, result, say)
    return result


def _default_seeds() -> Path:
    from .data import demo_dir

    return demo_dir()


def _demo_one(seed: Path, out: Path, result: DemoResult, say: Callable[[str], None]) -> None:
    import xltools

    out.mkdir(parents=True, exist_ok=True)
    ds = xltools.import_source(seed)
    xltools.save_dataset(ds, out / "任务总表.xlsx")
    xltools.save_dataset(ds, out / "任务总表.json")
    from .dataset.registry import apply_suggestions

    result.lines.append(f"{seed.stem}：「{ds.title}」{len(ds.tasks)} 项任务、{len(ds.units)} 个单位 → {out / '任务总表.xlsx'}")
    accepted = apply_suggestions(ds)  # the clerk reviewed the suggestions and accepted them
    if accepted:
        xltools.save_dataset(ds, out / "任务总表.xlsx")
        result.lines.append(f"  采纳单位名建议 {len(accepted)} 条（如 {accepted[0].name} → {accepted[0].suggestion}）")
    problems = xltools.validate(ds)
    result.lines.append(f"  核对提示 {len(problems)} 条（xltools validate {out / '任务总表.xlsx'}）")
    _step(result, "附件", lambda: xltools.write_attachment(ds, out / "附件.docx"), out / "附件.docx")
    previous = None
    for code in ("2026Q1", "2026Q2"):
        previous = _quarter(ds, out, code, previous, result, say)


def _quarter(ds, out: Path, code: str, previous: Path | None, result: DemoResult,
             say: Callable[[str], None]) -> Path:
    """One quarter: trackers (prefilled from last quarter) → simulated returns → merge → report, reminders."""
    import xltools

    from .cycle.reminders import write_reminders
    from .publish.report import write_report

    qdir = out / code
    issued, inbox, merged = qdir / "下发", qdir / "回收", qdir / "汇总.xlsx"
    _step(result, f"{code} 填报表", lambda: xltools.write_trackers(ds, code, issued, deadline=_DEADLINES[code],
                                                                   previous=previous), issued)
    say(f"  {code} 模拟各单位填报 …")
    returned = _simulate_returns(issued, inbox, ds, seed=int(code[-1]))
    result.lines.append(f"  {code} 模拟回收 {returned} 个文件（含未交、改名、改动任务原文、重复报送、逾期、空表、只填一半各一例）")
    outcome = {}

    def merge() -> None:
        outcome["r"] = xltools.merge_returns([inbox], ds, code, merged, issued=issued, previous=previous)

    _step(result, f"{code} 汇总", merge, merged)
    findings = outcome["r"].findings
    problems = [f for f in findings if f.level == "问题"]
    result.findings += len(problems)
    result.lines.append(f"  {code} 汇总发现问题 {len(problems)} 条、提示 {len(findings) - len(problems)} 条（见「校验问题」表）")
    _step(result, f"{code} 落实情况报告", lambda: write_report(merged, qdir / "落实情况.docx", previous=previous),
          qdir / "落实情况.docx")
    _step(result, f"{code} 催报清单", lambda: write_reminders(merged, qdir / "催报清单.xlsx"), qdir / "催报清单.xlsx")
    return merged


_DEADLINES = {"2026Q1": "2026-04-10", "2026Q2": "2026-07-10"}


def _step(result: DemoResult, name: str, fn: Callable[[], object], target: Path) -> bool:
    fn()
    result.lines.append(f"  {name} → {target}")
    return True


def _simulate_returns(issued: Path, inbox: Path, ds, seed: int = 1) -> int:
    """Fill the issued trackers; two units with no file, one renamed, one edited, one twice, one three days
    late, one sent back blank and one with half of its tasks answered."""
    import datetime as dt
    import json

    from .infra.filenames import safe_name

    rng = random.Random(2026 * 10 + seed)
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir(parents=True)
    manifest = json.loads((issued / "manifest.json").read_text(encoding="utf-8"))
    units = manifest["units"]
    late = {u["unit"] for u in units[-2:]} if len(units) > 4 else set()
    count = 0
    for i, entry in enumerate(units):
        if entry["unit"] in late:
            continue
        keys = [t["key"] for t in entry["tasks"]]
        answers = answers_for(entry["unit"], keys, rng)
        person = rng.choice(_PEOPLE)
        signoff = {"填报人": person, "联系电话": f"0{rng.randint(300, 999)}-{rng.randint(2000000, 8999999)}",
                   "审核人": rng.choice(_PEOPLE), "填报日期": manifest["deadline"][:8] + "08"}
        name = entry["file"]
        if i == 3:  # dated three days after the deadline
            day = dt.date.fromisoformat(manifest["deadline"]) + dt.timedelta(days=3)
            signoff = dict(signoff, 填报日期=day.isoformat())
        if i == 4 and len(units) > 6:  # the form sent back as it was issued: a 空表
            shutil.copy(issued / entry["file"], inbox / name)
            count += 1
            continue
        if i == 5 and len(keys) > 1:  # half of its tasks answered
            answers = {k: answers[k] for k in keys[: len(keys) // 2]}
        if i == 0:
            name = safe_name("", entry["unit"], "填报(1).xlsx")  # renamed by the unit
        edit = "（本单位修改了任务原文）" + ds.task(keys[0]).content[:20] if i == 1 and keys else None
        fill_tracker(issued / entry["file"], answers, signoff, out=inbox / name, edit_text=edit)
        count += 1
        if i == 2:  # the same unit sends a corrected file two days later
            signoff = dict(signoff, 填报日期=manifest["deadline"])
            fill_tracker(issued / entry["file"], answers_for(entry["unit"], keys, rng), signoff,
                         out=inbox / safe_name("更正_", Path(entry["file"]).stem, ".xlsx"))
            count += 1
    return count
