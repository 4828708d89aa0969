"""Merge returned trackers into the consolidated quarterly workbook.

Rules:
- Who should return what comes from the manifest written with the trackers (`--issued DIR`), else
  from the dataset the way the trackers are made (collectives with members expanded).
- A file is recognised by its provenance sheet, not its name; without it, by the title row (unit,
  quarter, list title) and the task texts, with a warning. Another dataset or quarter: reported, left out.
- Two returns from one unit: one that answers a task beats one that answers none; then the later by
  填报日期, then by file time, counts; the other is listed.
- What each unit's return amounts to (reported / 空表 / missing, when it came, days late, tasks owed,
  fields to correct) is decided once, in `unit_facts` (see xltools/facts.py), and every sheet, the
  report, the reminders and the page's board state those facts.
- Inputs are checked where they are given: the issue folder (its manifest.json, 下发清单.xlsx) given as
  returns is refused, so is a folder with no file to merge, and a deadline outside the quarter.
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

import contextlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..dataset.model import Dataset, task_label, text_hash
from ..errors import XlError
from ..findings import Finding, name_tasks
from ..infra.kinds import OFFICE_SUFFIXES
from ..infra.safety import Limits, default_limits, load_limits
from .contract import MergeRules, load_rules
from .facts import BLANK, FROM_FILLED, FROM_MTIME, FROM_RECEIVED, MISSING, REPORTED, UnitFacts, days_between
from .quarter import Quarter, check_deadline, parse_quarter
from .returns import ReadCache, Return, read_all
from .trackers import fill_hash, load_template, recipients

MAX_ADDED_LISTED = 50  # added rows listed one by one per file; the rest are counted


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
    missing: dict[str, int] = field(default_factory=dict)  # units not reported (空表 too) → their tasks
    units: dict[str, UnitFacts] = field(default_factory=dict)  # every expected unit's facts, manifest order
    deadline: str = ""  # ISO date; "" when none was set
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
                  limits: str | Path | Limits | None = None, passwords: Iterable[str] = (),
                  deadline: str | None = None, received: Callable[[Path], str] | None = None,
                  cache: ReadCache | None = None) -> MergeResult:
    """Merge every returned file under `inputs` into the consolidated workbook `output`.

    `limits`: bounds on each file (a Limits, a TOML file, or None for templates/limits.toml);
    `passwords`: tried, in order, on returns that are encrypted (the files themselves stay as they are);
    `deadline`: the returns' deadline (else the one the trackers were issued with);
    `received`: when a file was received (ISO time, "" when unknown), for returns without 填报日期;
    `cache`: files read by earlier merges, by content (returns.ReadCache), so a re-merge reads only the
    new files; the result is the same with or without it.
    """
    q = parse_quarter(quarter)
    bounds = limits if isinstance(limits, Limits) else load_limits(limits) if limits else default_limits()
    passwords = tuple(passwords)
    merge_rules = load_rules(rules)
    statuses = load_template().statuses if rules is None else merge_rules.statuses
    given_deadline = check_deadline(deadline, q) if deadline else ""
    expected, manifest = _expected(ds, issued)
    result = MergeResult(Path(output))
    inputs = list(inputs)
    files = _collect(inputs, result)
    if not files:
        raise XlError("没有找到可汇总的填报表：" + ("文件夹是空的。" if not result.files else
                      f"{len(result.files)} 个文件都不是办公文件或是临时文件。"),
                      file="、".join(str(i) for i in inputs[:3]),
                      hint="请选择存放各单位交回的填报表（.xlsx 等）的文件夹，如 2026Q1/回收；未生成汇总表。")
    returns: list[Return] = []
    for i, (path, read) in enumerate(zip(files, read_all(files, bounds, passwords, cache), strict=True), start=1):
        ret = _record(path, read, result)
        if ret is not None and _identify(ret, ds, q, expected, result):
            returns.append(ret)
        if progress:
            progress(i, len(files), path.name)
    winners = _choose_winners(returns, result)
    answers = _answers(ds, expected, winners, statuses, merge_rules, result)
    result.answers = answers
    result.deadline = given_deadline or manifest.get("deadline", "") or _provenance_deadline(winners.values())
    result.units = unit_facts(ds, expected, winners, answers, result.deadline, merge_rules, statuses, received)
    result.missing = {f.unit: f.tasks for f in result.units.values() if not f.reported}
    for f in result.units.values():
        if f.state == MISSING:
            result.findings.append(Finding("missing_return", unit=f.unit, detail=str(f.tasks)))
        elif f.state == BLANK:
            result.findings.append(Finding("blank_return", file=f.file, unit=f.unit, detail=str(f.tasks)))
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
        _refuse_issue_folder(path)
        if path.is_dir():
            candidates = sorted(p for p in path.rglob("*") if p.is_file())
        elif path.exists():
            candidates = [path]
        else:
            raise XlError("找不到要汇总的文件或文件夹。", file=str(path), hint="请检查路径。")
        for p in candidates:
            if p.name.startswith(("~$", ".~")) or p.suffix.lower() not in OFFICE_SUFFIXES or p.name == "下发清单.xlsx":
                why = ("Office 临时锁定文件" if p.name.startswith("~$") else
                       "下发清单（不是填报表）" if p.name == "下发清单.xlsx" else "不是办公文件")
                result.files.append((str(p), "已跳过", why))
                continue
            if p.name == result.output.name and p.resolve() == result.output.resolve():
                continue  # a consolidated workbook written into the folder it merges
            files.append(p)
    return files


def _refuse_issue_folder(path: Path) -> None:
    """The folder `trackers` wrote (manifest.json of an issue, 下发清单.xlsx) is not a returns folder."""
    folder = path if path.is_dir() else path.parent
    manifest = folder / "manifest.json"
    is_issue = (folder / "下发清单.xlsx").is_file() or path.name == "下发清单.xlsx"
    if manifest.is_file():
        with contextlib.suppress(OSError, ValueError):
            is_issue = is_issue or json.loads(manifest.read_text(encoding="utf-8")).get("format") == "xltools-issue"
    if is_issue:
        raise XlError("这是下发填报表的文件夹（有下发清单和 manifest.json），里面是发给各单位的空白填报表，"
                      "不是各单位交回的文件。", file=str(path),
                      hint="请选择存放各单位交回文件的文件夹（如 2026Q1/回收）；下发文件夹可用 --issued 指定。")


def _provenance_deadline(winners) -> str:
    """The deadline the counted returns were issued with (the most common one), "" when none says."""
    from collections import Counter

    said = Counter(r.info.get("deadline", "") for r in winners if r.info.get("deadline", ""))
    return said.most_common(1)[0][0] if said else ""


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
        rets.sort(key=lambda r: (_answers_any(r), r.filled_at, r.mtime, r.path.name))
        winner = rets[-1]
        winners[unit] = winner
        result.files.append((str(winner.path), "合并", unit))
        for other in rets[:-1]:
            f = Finding("duplicate_return", file=other.path.name, unit=unit, detail=winner.path.name)
            result.findings.append(f)
            result.files.append((str(other.path), "未计入", f.message))
    return winners


def _answers_any(ret: Return) -> bool:
    """Whether a file answers anything: some fill cell filled, and not only as the tracker was prefilled."""
    filled = [row for row in ret.rows if answered(row.values)]
    return bool(filled) and not (ret.prefilled and all(ret.prefilled.get(r.key) == fill_hash(r.values) for r in filled))


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
    by_number = {tasks[k].number: k for k in exp.tasks if k in tasks and tasks[k].number}  # "" never matches
    by_hash = {text_hash(tasks[k].content): k for k in exp.tasks if k in tasks}
    seen: set[str] = set()
    person, phone = ret.signoff.get("填报人", ""), ret.signoff.get("联系电话", "")
    added = 0
    matched = []
    for row in ret.rows:
        key = row.key if row.key in exp.tasks else by_hash.get(text_hash(row.text)) or by_number.get(row.number, "")
        if not key or key in seen:
            added += 1
            if added <= MAX_ADDED_LISTED:
                where = name_tasks([row.number]) if row.number else ""
                detail = f"{where}「{row.text[:30]}」：{row.values.get('进展情况', '')[:40]}"
                result.findings.append(Finding("row_added", file=name, sheet=ret.sheet, row=row.row, unit=unit,
                                               number=row.number, detail=detail))
            continue
        seen.add(key)
        matched.append((key, row))
    # 空表 (reported as such, once, by the caller): nothing filled in, or a prefilled tracker left as issued
    untouched = bool(ret.prefilled) and all(ret.prefilled.get(k) == fill_hash(row.values)
                                            for k, row in matched if answered(row.values))
    blank = untouched or not any(answered(row.values) for _k, row in matched)
    if not blank:
        for label, value in (("填报人", person), ("联系电话", phone)):
            if not value:
                result.findings.append(Finding("empty_contact", file=name, sheet=ret.sheet, unit=unit, detail=label))
    for key, row in matched:
        task = tasks[key]
        if row.text and text_hash(row.text) != text_hash(task.content):
            result.findings.append(Finding("text_edited", file=name, sheet=ret.sheet, row=row.row, unit=unit,
                                           number=task_label(task.number, task.content)))
        is_answered = answered(row.values) and not blank  # an untouched row counts as not reported
        if is_answered:
            _check_values(row, task_label(task.number, task.content), statuses, rules, ret, unit, result)
        elif not blank:
            result.findings.append(Finding("task_unanswered", file=name, sheet=ret.sheet, row=row.row, unit=unit,
                                           number=task_label(task.number, task.content)))
        got[(key, unit)] = Answer(key, unit, exp.tasks[key], dict(row.values), is_answered, name, person, phone)
    if added > MAX_ADDED_LISTED:
        result.findings.append(Finding("row_added", file=name, sheet=ret.sheet, unit=unit,
                                       detail=f"另有 {added - MAX_ADDED_LISTED} 行未逐条列出（共新增 {added} 行）"))
    if not blank:
        for key in exp.tasks:
            if key not in seen and key in tasks:
                result.findings.append(Finding("row_deleted", file=name, sheet=ret.sheet, unit=unit,
                                               number=task_label(tasks[key].number, tasks[key].content)))


def answered(values: dict[str, str]) -> bool:
    """A task is answered when any of its fill cells holds something."""
    return any(v.strip() for v in values.values())


def _check_values(row, number: str, statuses, rules: MergeRules, ret: Return, unit: str, result) -> None:
    status = row.values.get("完成状态", "")
    if status and status not in statuses:
        result.findings.append(Finding("bad_status", file=ret.path.name, sheet=ret.sheet, row=row.row, unit=unit,
                                       number=number, detail=status))
    for label in rules.required:
        if not row.values.get(label, "").strip():
            result.findings.append(Finding("empty_required", file=ret.path.name, sheet=ret.sheet, row=row.row,
                                           unit=unit, number=number, detail=label))


# -- the facts about each unit ------------------------------------------------------------------
def unit_facts(ds: Dataset, expected: dict[str, Expected], winners: dict[str, Return], answers: list[Answer],
               deadline: str, rules: MergeRules, statuses: tuple[str, ...],
               received: Callable[[Path], str] | None = None) -> dict[str, UnitFacts]:
    """Every expected unit's facts (xltools/facts.py), in the expected order: the one count that
    单位统计, 未报送, the report, the reminders and the page's board all state."""
    numbers = {t.key: task_label(t.number, t.content) for t in ds.tasks}
    by_unit: dict[str, list[Answer]] = {}
    for a in answers:
        by_unit.setdefault(a.unit, []).append(a)
    out: dict[str, UnitFacts] = {}
    for e in expected.values():
        roles = list(e.tasks.values())
        f = UnitFacts(e.unit, lead=roles.count("牵头"), responsible=len(roles) - roles.count("牵头"))
        out[e.unit] = f
        ret = winners.get(e.unit)
        if ret is None:
            continue
        mine = [a for a in by_unit.get(e.unit, []) if a.reported]
        f.file, f.answered = ret.path.name, len(mine)
        f.unanswered = [numbers.get(a.key, "?") for a in by_unit.get(e.unit, []) if not a.reported] if mine else []
        f.state = REPORTED if mine else BLANK
        f.received, f.received_source = _received(ret, received)
        f.days_late = days_between(deadline, f.received) if deadline and f.reported else 0
        for a in mine:
            status = a.values.get("完成状态", "")
            if status:
                f.statuses[status] = f.statuses.get(status, 0) + 1
            if status and status not in statuses:
                f.corrections.append(f"{name_tasks([numbers.get(a.key, '?')])}完成状态「{status}」不在选项中")
            f.corrections.extend(f"{name_tasks([numbers.get(a.key, '?')])}「{label}」未填写" for label in rules.required
                                 if not a.values.get(label, "").strip())
        if mine:
            f.corrections.extend(f"「{label}」未填写" for label in ("填报人", "联系电话") if not ret.signoff.get(label))
    return out


def _received(ret: Return, received: Callable[[Path], str] | None) -> tuple[str, str]:
    """When a return counts as received, and what says so (its 填报日期, the page's record, the file time)."""
    import datetime as dt

    if ret.filled_at:
        return ret.filled_at, FROM_FILLED
    got = received(ret.path) if received else ""
    if got:
        return got[:10], FROM_RECEIVED
    return dt.datetime.fromtimestamp(ret.mtime).date().isoformat(), FROM_MTIME


def _write_report(result: MergeResult, path: str | Path) -> None:
    from ..infra.atomic import write_text_atomic

    data = {"output": str(result.output), "exit_code": result.exit_code, "counts": result.counts(),
            "files": [{"file": f, "outcome": o, "reason": r} for f, o, r in result.files],
            "missing": result.missing, "deadline": result.deadline,
            "units": [asdict(f) | {"owed": f.owed} for f in result.units.values()], "findings": [f.to_dict() for f in result.findings]}
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
