"""Merge returned trackers into the consolidated quarterly workbook.

Rules:
- Who should return what comes from the manifest written with the trackers (`--issued DIR`), else
  from the dataset the way the trackers are made (collectives with members expanded).
- A file is recognised by its provenance sheet, not its name; without it, by the title row (unit,
  quarter, list title) and the task texts, with a warning. Another dataset or quarter: reported, left out.
- Two returns from one unit: the later by 填报日期, then by file time, counts; the other is listed.
- Rows are matched by task key (the hidden 任务编号 column, else the provenance row map, else 序号 and
  the task text), so reordered rows need no finding. A deleted row means that task is not reported; an
  added row is kept in the findings; an edited task text keeps the unit's answers and is reported.
- Overall status of a task (stated in 汇总, set in templates/merge.toml): nobody reported → 未报送; any
  unit 滞后 → 滞后; else the lead unit's status when it reported; else 已完成 when all reported units
  say so, 推进中 when any has started, otherwise 未启动.
- Inputs are never modified; the output is written to a temporary file and renamed; the same inputs
  give the same workbook content.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..dataset.model import Dataset, text_hash
from ..errors import XlError
from ..findings import Finding
from ..infra.safety import Limits, default_limits, load_limits
from .contract import MergeRules, load_rules
from .quarter import Quarter, parse_quarter
from .returns import Return, read_all
from .trackers import load_template, recipients

MAX_ADDED_LISTED = 50  # added rows listed one by one per file; the rest are counted
OFFICE_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".et", ".xltx", ".csv", ".docx", ".doc", ".pdf", ".wps"}


@dataclass
class Expected:
    """The tasks one unit owes, by task key, with its role in each."""

    unit: str
    tasks: dict[str, str]  # key → role


@dataclass
class Answer:
    """One unit's answer for one task (`reported` False: nothing usable came back)."""

    key: str
    unit: str
    role: str
    values: dict[str, str] = field(default_factory=dict)
    reported: bool = False
    file: str = ""
    person: str = ""
    phone: str = ""


@dataclass
class MergeResult:
    """What a merge did: every file's outcome, the findings, the answers, who has not returned."""

    output: Path
    files: list[tuple[str, str, str]] = field(default_factory=list)  # (file, 合并|未计入|无法读取|已跳过, reason)
    findings: list[Finding] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    missing: dict[str, int] = field(default_factory=dict)
    exit_code: int = 0

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for _f, outcome, _r in self.files:
            out[outcome] = out.get(outcome, 0) + 1
        return out


def merge_returns(inputs: Iterable[str | Path], ds: Dataset, quarter: str | Quarter, output: str | Path, *,
                  previous: str | Path | None = None, issued: str | Path | None = None,
                  report: str | Path | None = None, rules: str | Path | None = None,
                  progress: Callable[[int, int, str], None] | None = None,
                  limits: str | Path | Limits | None = None, passwords: Iterable[str] = ()) -> MergeResult:
    """Merge every returned file under `inputs` into the consolidated workbook `output`.

    `limits`: bounds on each file (a Limits, a TOML file, or None for templates/limits.toml);
    `passwords`: tried, in order, on returns that are encrypted (the files themselves stay as they are).
    """
    q = parse_quarter(quarter)
    bounds = limits if isinstance(limits, Limits) else load_limits(limits) if limits else default_limits()
    passwords = tuple(passwords)
    merge_rules = load_rules(rules)
    statuses = load_template().statuses if rules is None else merge_rules.statuses
    expected, manifest = _expected(ds, issued)
    result = MergeResult(Path(output))
    files = _collect(inputs, result)
    returns: list[Return] = []
    for i, (path, read) in enumerate(zip(files, read_all(files, bounds, passwords), strict=True), start=1):
        ret = _record(path, read, result)
        if ret is not None and _identify(ret, ds, q, expected, result):
            returns.append(ret)
        if progress:
            progress(i, len(files), path.name)
    winners = _choose_winners(returns, result)
    answers = _answers(ds, expected, winners, statuses, merge_rules, result)
    result.answers = answers
    result.missing = {e.unit: len(e.tasks) for e in expected.values() if e.unit not in winners}
    for unit, owed in result.missing.items():
        result.findings.append(Finding("missing_return", unit=unit, detail=str(owed)))
    from .consolidated import write_consolidated

    problems = [f for f in result.findings if f.level == "问题"]
    result.exit_code = 1 if problems else 0
    write_consolidated(result, ds, q, merge_rules, manifest, previous, files)
    if report:
        _write_report(result, report)
    return result


# -- expected returns ---------------------------------------------------------------------------
def _expected(ds: Dataset, issued: str | Path | None) -> tuple[dict[str, Expected], dict]:
    if issued:
        path = Path(issued)
        path = path / "manifest.json" if path.is_dir() else path
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise XlError("下发清单（manifest.json）无法读取。", file=str(path),
                          hint="请用 --issued 指向 xltools trackers 的输出文件夹。") from exc
        if manifest.get("dataset_id") and manifest["dataset_id"] != ds.dataset_id:
            raise XlError("下发清单与数据集不是同一份任务清单。", file=str(path),
                          hint="请确认 --dataset 与 --issued 对应同一份任务总表。")
        return {u["unit"]: Expected(u["unit"], {t["key"]: t["role"] for t in u["tasks"]})
                for u in manifest.get("units", [])}, manifest
    return {r.unit: Expected(r.unit, {t.key: role for t, role in r.tasks}) for r in recipients(ds)}, {}


def _collect(inputs: Iterable[str | Path], result: MergeResult) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file())
        elif path.exists():
            candidates = [path]
        else:
            raise XlError("找不到要汇总的文件或文件夹。", file=str(path), hint="请检查路径。")
        for p in candidates:
            if p.name.startswith(("~$", ".~")) or p.suffix.lower() not in OFFICE_SUFFIXES:
                why = "Office 临时锁定文件" if p.name.startswith("~$") else "不是办公文件"
                result.files.append((str(p), "已跳过", why))
                continue
            if p.name == result.output.name and p.resolve() == result.output.resolve():
                continue  # a consolidated workbook written into the folder it merges
            files.append(p)
    return files


def _record(path: Path, read: Return | XlError, result: MergeResult) -> Return | None:
    if isinstance(read, Return):
        return read
    reason = read.message + (f"。{read.hint}" if read.hint else "")
    result.files.append((str(path), "无法读取", reason))
    result.findings.append(Finding("unreadable", file=path.name, detail=read.message))
    return None


def _identify(ret: Return, ds: Dataset, q: Quarter, expected: dict[str, Expected], result: MergeResult) -> bool:
    name = ret.path.name
    if ret.has_provenance:
        unit, quarter, dataset = ret.info.get("unit", ""), ret.info.get("quarter", ""), ret.info.get("dataset_id")
        if dataset != ds.dataset_id:
            return _leave(ret, result, Finding("other_dataset", file=name, detail=ret.info.get("dataset_title", "")))
        if quarter != q.code:
            return _leave(ret, result, Finding("other_quarter", file=name, unit=unit, detail=quarter))
    else:
        unit = _unit_from_title(ret.title, expected, ds)
        if not unit:
            return _leave(ret, result, Finding("not_a_tracker", file=name, detail="无法从标题识别单位，且没有下发信息"))
        if q.zh not in ret.title and q.code not in ret.title:
            return _leave(ret, result, Finding("other_quarter", file=name, unit=unit, detail="标题中的季度"))
        if ds.title and ds.title not in ret.title:
            return _leave(ret, result, Finding("other_dataset", file=name, detail=ret.title[:40]))
        result.findings.append(Finding("no_provenance", file=name, sheet=ret.sheet, unit=unit, detail=unit))
    if unit not in expected:
        return _leave(ret, result, Finding("unknown_unit", file=name, detail=unit or "（空）"))
    ret.info["unit"] = unit
    return True


def _unit_from_title(title: str, expected: dict[str, Expected], ds: Dataset) -> str:
    names = sorted(expected, key=len, reverse=True)
    head = title.split(" ")[0] if title else ""
    for unit in names:
        if head == unit or title.startswith(unit + " "):
            return unit
    amap = ds.alias_map()
    return amap.get(head, "") if amap.get(head, "") in expected else ""


def _leave(ret: Return, result: MergeResult, finding: Finding) -> bool:
    result.findings.append(finding)
    result.files.append((str(ret.path), "未计入", finding.message))
    return False


def _choose_winners(returns: list[Return], result: MergeResult) -> dict[str, Return]:
    by_unit: dict[str, list[Return]] = {}
    for ret in returns:
        by_unit.setdefault(ret.info["unit"], []).append(ret)
    winners = {}
    for unit, rets in by_unit.items():
        rets.sort(key=lambda r: (r.filled_at, r.mtime, r.path.name))
        winner = rets[-1]
        winners[unit] = winner
        result.files.append((str(winner.path), "合并", unit))
        for other in rets[:-1]:
            f = Finding("duplicate_return", file=other.path.name, unit=unit, detail=winner.path.name)
            result.findings.append(f)
            result.files.append((str(other.path), "未计入", f.message))
    return winners


# -- rows → answers -----------------------------------------------------------------------------
def _answers(ds: Dataset, expected: dict[str, Expected], winners: dict[str, Return], statuses: tuple[str, ...],
             rules: MergeRules, result: MergeResult) -> list[Answer]:
    tasks = {t.key: t for t in ds.tasks}
    got: dict[tuple[str, str], Answer] = {}
    for unit, ret in winners.items():
        _match_rows(ret, expected[unit], tasks, statuses, rules, result, got)
    owners: dict[str, list[Expected]] = {}  # task key → the units that owe it, in the manifest's order
    for e in expected.values():
        for key in e.tasks:
            owners.setdefault(key, []).append(e)
    out = []
    for t in ds.tasks:  # the dataset's order throughout
        for e in owners.get(t.key, ()):
            out.append(got.get((t.key, e.unit)) or Answer(t.key, e.unit, e.tasks[t.key]))
    return out


def _match_rows(ret: Return, exp: Expected, tasks, statuses, rules: MergeRules, result: MergeResult,
                got: dict[tuple[str, str], Answer]) -> None:
    name, unit = ret.path.name, exp.unit
    by_number = {tasks[k].number: k for k in exp.tasks if k in tasks}
    by_hash = {text_hash(tasks[k].content): k for k in exp.tasks if k in tasks}
    seen: set[str] = set()
    person, phone = ret.signoff.get("填报人", ""), ret.signoff.get("联系电话", "")
    for label, value in (("填报人", person), ("联系电话", phone)):
        if not value:
            result.findings.append(Finding("empty_contact", file=name, sheet=ret.sheet, unit=unit, detail=label))
    added = 0
    for row in ret.rows:
        key = row.key if row.key in exp.tasks else by_hash.get(text_hash(row.text)) or by_number.get(row.number, "")
        if not key or key in seen:
            added += 1
            if added <= MAX_ADDED_LISTED:
                detail = f"第 {row.number or '?'} 项「{row.text[:30]}」：{row.values.get('进展情况', '')[:40]}"
                result.findings.append(Finding("row_added", file=name, sheet=ret.sheet, row=row.row, unit=unit,
                                               number=row.number, detail=detail))
            continue
        seen.add(key)
        task = tasks[key]
        if row.text and text_hash(row.text) != text_hash(task.content):
            result.findings.append(Finding("text_edited", file=name, sheet=ret.sheet, row=row.row, unit=unit,
                                           number=task.number))
        _check_values(row, task.number, statuses, rules, ret, unit, result)
        answered = any(v.strip() for v in row.values.values())  # an untouched row counts as not reported
        got[(key, unit)] = Answer(key, unit, exp.tasks[key], dict(row.values), answered, name, person, phone)
    if added > MAX_ADDED_LISTED:
        result.findings.append(Finding("row_added", file=name, sheet=ret.sheet, unit=unit,
                                       detail=f"另有 {added - MAX_ADDED_LISTED} 行未逐条列出（共新增 {added} 行）"))
    for key in exp.tasks:
        if key not in seen and key in tasks:
            result.findings.append(Finding("row_deleted", file=name, sheet=ret.sheet, unit=unit,
                                           number=tasks[key].number))


def _check_values(row, number: str, statuses, rules: MergeRules, ret: Return, unit: str, result) -> None:
    status = row.values.get("完成状态", "")
    if status and status not in statuses:
        result.findings.append(Finding("bad_status", file=ret.path.name, sheet=ret.sheet, row=row.row, unit=unit,
                                       number=number, detail=status))
    for label in rules.required:
        if not row.values.get(label, "").strip():
            result.findings.append(Finding("empty_required", file=ret.path.name, sheet=ret.sheet, row=row.row,
                                           unit=unit, number=number, detail=label))


def _write_report(result: MergeResult, path: str | Path) -> None:
    from ..infra.atomic import write_text_atomic

    data = {"output": str(result.output), "exit_code": result.exit_code, "counts": result.counts(),
            "files": [{"file": f, "outcome": o, "reason": r} for f, o, r in result.files],
            "missing": result.missing, "findings": [f.to_dict() for f in result.findings]}
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
