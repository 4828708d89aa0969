"""From a `Grid` to a `Dataset`: the header, the column roles, the rows. Shared by every reader.

Rules:
- The header is the first row in which at least two cells carry a known label and one of them is a
  task-text label. Labels are compared without spaces, line breaks and parenthesised notes
  ("工  作  任  务", "责任单位\\n（按职责分工负责）"), in simplified or traditional characters.
- Roles from label synonyms: 序号 → number; 工作任务 / 任务内容 / 政策内容 / 具体任务 … → content; 主要任务 /
  重点任务 / 任务类别 → category when another content column exists, else content; 牵头单位 / 牵头部门 /
  主责单位 → lead; 责任单位 / 负责单位 / 责任部门 / 配合单位 / 协办单位 / 负责科室 … → units (with no lead
  column and two unit columns, the first is the lead); 完成时限 / 时间节点 / 完成时间 … → deadline. Any
  other column is kept as ``extra:<label>``. A clerk's `roles` mapping (label → role) wins.
- Below the header: rows equal to the header (repeated at page breaks) are skipped; empty rows are
  skipped; an empty category cell takes the category above (merged cells); a row with neither number
  nor task text but with units or a deadline continues the task above (a flattened merged row).
- The attachment label and title come from the lines just above the header: the last line that is
  only a label (附件, 附 件, 附件：1, 附件2) and the lines between it and the header as the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dataset.model import EXTRA_PREFIX, Dataset, Task, make_dataset_id, make_task_key
from ..dataset.registry import build_registry
from ..dataset.units import SplitResult, clean_text, split_units
from ..errors import XlError
from .readers.grid import Grid

_T2S = str.maketrans("號牽頭單責務負輔內時間節點別類務實條門協辦", "号牵头单责务负辅内时间节点别类务实条门协办")
_NOTE = re.compile(r"[（(][^）)]*[）)]")
_WS = re.compile(r"[\s\u3000]+")

ROLE_LABELS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "序", "项目序号", "任务序号", "任务编号"),
    "content": ("工作任务", "任务内容", "政策内容", "具体任务", "工作内容", "任务", "工作措施", "具体措施",
                "主要措施", "落实举措", "政策措施", "重点工作", "工作事项", "任务事项", "事项", "内容", "工作要点",
                "具体工作", "任务分解", "目标任务", "具体内容", "任务名称", "措施", "政策条款", "工作举措"),
    "category": ("主要任务", "重点任务", "任务类别", "类别", "工作类别", "领域", "板块", "任务分类", "分类",
                 "重点领域", "工作板块", "一级任务"),
    "lead": ("牵头单位", "牵头部门", "主责单位", "主责部门", "牵头", "牵头科室", "牵头处室", "主办单位",
             "牵头责任单位"),
    "units": ("责任单位", "负责单位", "责任部门", "配合单位", "协办单位", "参与单位", "责任科室", "负责科室",
              "配合部门", "协同单位", "协助单位", "负责部门", "成员单位", "责任处室", "承办单位", "实施单位",
              "参加单位", "协作单位", "落实单位", "责任主体"),
    "deadline": ("完成时限", "时间节点", "完成时间", "时限", "完成期限", "时间安排", "进度安排", "时限要求",
                 "完成时限要求", "办结时限", "推进时间"),
}
_LABEL_ROLE = {label: role for role, labels in ROLE_LABELS.items() for label in labels}
_LABEL_LINE = re.compile(r"^附\s*件\s*[:：]?\s*(\d+|[一二三四五六七八九十]+)?\s*$")
_PRINTED_TITLE = re.compile(r"^关于印发.*?《(.+?)》")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,10}[〔\[【(（]\d{4}[〕\]】)）]\s*\d+\s*号")


def normalise_label(text: str) -> str:
    first = clean_text(text).translate(_T2S)
    return _WS.sub("", _NOTE.sub("", first)).rstrip("：:")


def label_role(text: str) -> str | None:
    label = normalise_label(text)
    if not label or len(label) > 12:
        return None
    return _LABEL_ROLE.get(label)


def is_header_row(cells: list[str]) -> bool:
    roles = [label_role(c) for c in cells]
    known = [r for r in roles if r]
    return len(known) >= 2 and ("content" in known or "category" in known)


@dataclass
class BuildReport:
    """What the builder understood: for --explain and validate."""

    shape: str = ""
    where: str = ""
    header_row: int = 0
    roles: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def assign_roles(labels: list[str], overrides: dict[str, str] | None = None) -> list[str]:
    """One role per header cell: a ROLES name or extra:<label>."""
    roles = [label_role(label) for label in labels]
    if roles.count("content") == 0 and "category" in roles:
        roles[roles.index("category")] = "content"
    if "lead" not in roles and roles.count("units") >= 2:
        roles[roles.index("units")] = "lead"
    seen: set[str] = set()
    out = []
    for i, (label, role) in enumerate(zip(labels, roles, strict=True)):
        override = (overrides or {}).get(normalise_label(label)) or (overrides or {}).get(label)
        role = override or role
        if role in seen or role is None:
            printed = clean_text(label) or f"列{i + 1}"
            role = EXTRA_PREFIX + printed
        seen.add(role)
        out.append(role)
    return out


def build_dataset(grid: Grid, *, source: str = "", roles: dict[str, str] | None = None,
                  report: BuildReport | None = None) -> Dataset:
    """Turn one grid into a dataset; raise XlError when no task-list header is found."""
    report = report if report is not None else BuildReport()
    header_at = _find_header(grid)
    if header_at is None:
        raise XlError("未找到任务清单的表头（如「序号」「工作任务」「责任单位」）。", file=source,
                      hint="请确认文件中有任务表格；表头名称特殊时，可用 --column 指定各列的含义。")
    _merge_subheader(grid, header_at, report)
    header = _widen_header(grid, header_at, report)
    col_roles = assign_roles(header, roles)
    if "content" not in col_roles:
        raise XlError("表头中没有可识别的任务内容列。", file=source, row=grid.row_number(header_at),
                      hint="请用 --column 标签=content 指定哪一列是任务内容。")
    ds = Dataset(source=source)
    ds.columns = {role: clean_text(label) for role, label in zip(col_roles, header, strict=True)}
    above = grid.preamble + [clean_text(c) for row in grid.rows[:header_at] for c in row if clean_text(c)]
    _read_heading(above, ds)
    ds.tasks = _read_tasks(grid, header_at, col_roles, report)
    if not grid.from_items:  # the items reader applies the rule from where the document states it
        first_unit_leads(ds.tasks, [*above, *grid.rows[header_at], *_notes_below(grid, header_at)], report)
    _name_lead_column(ds)
    ds.units = build_registry(ds.tasks)
    ds.dataset_id = make_dataset_id(ds.title, [t.key for t in ds.tasks])
    report.where, report.header_row = grid.where, grid.row_number(header_at)
    report.roles = {ds.columns[r]: r for r in col_roles}
    report.notes = grid.notes + report.notes
    ds.import_notes = list(report.notes)
    return ds


def _merge_subheader(grid: Grid, header_at: int, report: BuildReport) -> None:
    """A second header row under a spanning cell (责任单位 over 牵头单位 | 配合单位) is merged into the header."""
    if header_at + 1 >= len(grid.rows):
        return
    header, sub = grid.rows[header_at], grid.rows[header_at + 1]
    filled = [c for c in sub if clean_text(c)]
    if not filled or not all(label_role(c) for c in filled) or len(filled) > len(sub) - 1:
        return
    merged = list(header) + [""] * max(0, len(sub) - len(header))
    for i, cell in enumerate(sub):
        if clean_text(cell):
            merged[i] = cell
        elif i > 0 and not clean_text(merged[i]):
            merged[i] = merged[i - 1]
    grid.rows[header_at] = merged
    del grid.rows[header_at + 1]
    if header_at + 1 < len(grid.row_numbers):
        del grid.row_numbers[header_at + 1]
    report.notes.append("表头有两行，已合并为一行：" + " | ".join(clean_text(c).replace("\n", "") for c in merged))


def _widen_header(grid: Grid, header_at: int, report: BuildReport) -> list[str]:
    """When most rows have more cells than the header (a header cell spanning two), keep the extra cells."""
    header = list(grid.rows[header_at])
    widths = [len(r) for r in grid.rows[header_at + 1:] if any(clean_text(c) for c in r)]
    if widths:
        common = max(set(widths), key=widths.count)
        if common > len(header):
            report.notes.append(f"表头有 {len(header)} 列，但多数行有 {common} 列；多出的列已作为「列N」保留，请核对")
            header += [""] * (common - len(header))
    return header


def _find_header(grid: Grid) -> int | None:
    for i, row in enumerate(grid.rows):
        if is_header_row(row):
            return i
    return None


def _read_heading(lines: list[str], ds: Dataset) -> None:
    lines = [ln.strip() for ln in lines if ln.strip()]
    label_at = None
    for i in range(len(lines) - 1, max(-1, len(lines) - 6), -1):
        if _LABEL_LINE.match(lines[i]):
            label_at = i
            break
    if label_at is not None:
        ds.attachment_label = lines[label_at]
        m = _LABEL_LINE.match(lines[label_at])
        ds.attachment_number = m.group(1) or "" if m else ""
        ds.title = "".join(lines[label_at + 1:])
    elif lines and len(lines[-1]) <= 60 and not lines[-1].endswith(("。", "；", ";")):
        ds.title = lines[-1]
    if not ds.title:
        for line in lines:
            m = _PRINTED_TITLE.search(line)
            if m:
                ds.title = m.group(1)
                break
    for line in lines:
        m = _DOC_NUMBER.search(line)
        if m and not ds.doc_number:
            ds.doc_number = m.group(0)
        if line.endswith("文件") and len(line) <= 30 and not ds.issuer:
            ds.issuer = line[:-2].strip()


def _cell(row: list[str], roles: list[str], role: str) -> str:
    return row[roles.index(role)] if role in roles and roles.index(role) < len(row) else ""


def _read_tasks(grid: Grid, header_at: int, roles: list[str], report: BuildReport) -> list[Task]:
    header_norm = [normalise_label(c) for c in grid.rows[header_at]]
    width = len(roles)
    tasks: list[Task] = []
    taken: set[str] = set()
    category = ""
    for i in range(header_at + 1, len(grid.rows)):
        row = (grid.rows[i] + [""] * width)[:width]
        if not any(clean_text(c) for c in row):
            continue
        if _is_repeated_header(row, header_norm):
            continue
        number = clean_text(_cell(row, roles, "number"))
        content = clean_text(_cell(row, roles, "content"))
        if "category" in roles:
            category = clean_text(_cell(row, roles, "category")) or category
        if not number and not content and tasks:
            _continue_task(tasks[-1], row, roles)
            report.notes.append(f"第 {grid.row_number(i)} 行没有序号和任务内容，已并入上一项任务（{tasks[-1].number}）")
            continue
        tasks.append(_make_task(row, roles, number, content, category if "category" in roles else "", taken))
    return tasks


def _is_repeated_header(row: list[str], header_norm: list[str]) -> bool:
    norm = [normalise_label(c) for c in row]
    matches = sum(1 for a, b in zip(norm, header_norm, strict=True) if a and a == b)
    return matches >= max(2, len([h for h in header_norm if h]) - 1)


def _make_task(row: list[str], roles: list[str], number: str, content: str, category: str,
               taken: set[str]) -> Task:
    task = Task(key=make_task_key(content or number, taken), number=number, content=content, category=category)
    _set_units(task, _cell(row, roles, "lead"), _cell(row, roles, "units"))
    task.deadline = clean_text(_cell(row, roles, "deadline"))
    for role, value in zip(roles, row, strict=True):
        if role.startswith(EXTRA_PREFIX):
            task.extra[role[len(EXTRA_PREFIX):]] = clean_text(value)
    return task


def units_from_cells(lead_cell: str, units_cell: str) -> tuple[SplitResult, SplitResult]:
    """Lead and responsible units from the two cells; a lone unit cell may itself name the lead
    ("X牵头，Y、Z配合", "牵头单位：X；配合单位：Y", "X（牵头）、Y")."""
    if not clean_text(lead_cell) and clean_text(units_cell):
        from .readers.items import parse_clause

        marked = _LEAD_MARK.findall(units_cell)
        if marked:
            units = split_units(_LEAD_MARK.sub(lambda m: m.group(1), units_cell))
            lead = [n for n in units.names if n in marked]
            rest = SplitResult([n for n in units.names if n not in lead], units.open, units.notes)
            return SplitResult(lead), rest
        found = parse_clause(clean_text(units_cell).replace("\n", "；"))
        if found.get("lead"):
            return split_units(found["lead"]), split_units(found.get("units", ""))
    return split_units(lead_cell), split_units(units_cell)


_LEAD_MARK = re.compile(r"([^、，,；;\s（(]+)\s*[（(]\s*牵头\s*[）)]")


def first_unit_leads(tasks: list[Task], texts: list[str], report: BuildReport) -> None:
    """A rule the document states once — above the table, in a header label or in a note under it
    (「责任单位中排在第一位的为牵头单位」, 「列第一位者为牵头单位」) — makes the first unit of every task whose
    lead is not named its lead. The cells keep their printed text."""
    from .readers.items import states_first_leads

    rule = next((t for t in texts if states_first_leads(t)), None)
    if rule is None:
        return
    moved = 0
    for task in tasks:
        if not task.lead_units and task.units:
            task.lead_units, task.units = task.units[:1], task.units[1:]
            task.lead_open, task.units_open = task.units_open and not task.units, task.units_open and bool(task.units)
            moved += 1
    if moved:
        report.notes.append(f"文件说明「{clean_text(rule)[:30]}」：{moved} 项任务的第一个责任单位作为牵头单位")


def _name_lead_column(ds: Dataset) -> None:
    """Leads read from a unit cell (「X牵头，Y配合」, a document rule) in a table without a 牵头单位 column: the
    dataset gets the lead role, placed before the units, so both stores keep the leads (the 任务总表 writes one
    column per role) and the attachment prints them in that column, the units cell without them."""
    if "lead" in ds.columns or not any(t.lead_units for t in ds.tasks):
        return
    columns: dict[str, str] = {}
    for role, label in ds.columns.items():
        if role == "units":
            columns["lead"] = "牵头单位"
        columns[role] = label
    columns.setdefault("lead", "牵头单位")
    ds.columns = columns
    for task in ds.tasks:  # the cells as the new columns print them
        if task.lead_units and not task.lead_text:
            task.lead_text = "、".join(task.lead_units) + ("等" if task.lead_open else "")
            task.units_text = "、".join(task.units) + ("等" if task.units_open and task.units else "")


def _notes_below(grid: Grid, header_at: int) -> list[str]:
    """Cells below the header that speak of 牵头 (a 注 row under the table), for `first_unit_leads`."""
    return [c for row in grid.rows[header_at + 1:] for c in row if "牵头" in c or "牽頭" in c]


def _set_units(task: Task, lead_cell: str, units_cell: str) -> None:
    lead, units = units_from_cells(lead_cell, units_cell)
    task.lead_units, task.lead_open, task.lead_text = lead.names, lead.open, printed_units(lead_cell)
    task.units = [n for n in units.names if n not in lead.names]
    task.units_open, task.units_text = units.open, printed_units(units_cell)


def printed_units(cell: str) -> str:
    """The cell as printed, with names broken across lines rejoined."""
    text = clean_text(cell)
    names = split_units(text).names
    if "\n" in text and len(text.replace("\n", "")) and split_units(text.replace("\n", "")).names == names:
        return text.replace("\n", "")
    return text


def _continue_task(task: Task, row: list[str], roles: list[str]) -> None:
    lead_cell = _cell(row, roles, "lead")
    units_cell = _cell(row, roles, "units")
    if clean_text(lead_cell) or clean_text(units_cell):
        lead_text = "、".join(x for x in (task.lead_text, clean_text(lead_cell)) if x)
        units_text = "、".join(x for x in (task.units_text, clean_text(units_cell)) if x)
        _set_units(task, lead_text, units_text)
    deadline = clean_text(_cell(row, roles, "deadline"))
    if deadline:
        task.deadline = "\n".join(x for x in (task.deadline, deadline) if x)
