"""The clerk's form of a dataset: the 任务总表 workbook (sheets 任务清单, 单位名录, 文件信息).

Lossless with the JSON form. Units are one per line in a cell, so a collective containing 、
(各乡、镇、办事处) stays whole. Every value is written as text, so nothing becomes a formula. The clerk
may edit it in Excel or WPS: rows inserted without a 任务编号 get a new key, numbers typed as numbers
are read back as text, and columns are found by their header, not their position.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import XlError
from ..infra.atomic import atomic_path
from .model import EXTRA_PREFIX, ROLE_NAMES_ZH, ROLES, Dataset, Task, Unit, make_task_key

SHEET_TASKS, SHEET_UNITS, SHEET_INFO = "任务清单", "单位名录", "文件信息"
KEY_HEADER = "任务编号"
LEAD_TEXT, UNITS_TEXT, OPEN_HEADER = "牵头单位原文", "责任单位原文", "单位未列全（等）"
DOUBT_HEADER = "导入存疑"
EXTRA_MARK = "其他列："
UNIT_HEADERS = ("单位名称", "别名", "类型", "成员", "备注", "牵头任务数", "责任任务数", "涉及任务（序号）")
_INFO_FIELDS = (
    ("格式", "format"), ("版本", "version"), ("数据集编号", "dataset_id"), ("标题", "title"),
    ("附件标签", "attachment_label"), ("附件序号", "attachment_number"), ("发文机关", "issuer"),
    ("文号", "doc_number"), ("来源文件", "source"),
)
_COLUMN_PREFIX = "列标题:"
_NOTE_LABEL = "导入说明"


def _task_headers(ds: Dataset) -> list[tuple[str, str]]:
    """(header, role) for the 任务清单 sheet, in the dataset's column order."""
    fixed = set(ROLE_NAMES_ZH.values()) | {KEY_HEADER, LEAD_TEXT, UNITS_TEXT, OPEN_HEADER, DOUBT_HEADER}
    out = [(KEY_HEADER, "key")]
    # A list with one unit column may still name leads inside it (「办公室牵头，各科室配合」): the 牵头单位
    # column is written before the units all the same, so the leads survive the round trip.
    lead_inside = "lead" not in ds.columns and any(t.lead_units for t in ds.tasks)
    for role in ds.columns:
        if role == "units" and lead_inside:
            out.append((ROLE_NAMES_ZH["lead"], "lead"))
            lead_inside = False
        if role in ROLES:
            out.append((ROLE_NAMES_ZH[role], role))
        else:
            label = role[len(EXTRA_PREFIX):]
            out.append((EXTRA_MARK + label if label in fixed or label.startswith(EXTRA_MARK) else label, role))
    if lead_inside:
        out.append((ROLE_NAMES_ZH["lead"], "lead"))
    out += [(LEAD_TEXT, "lead_text"), (UNITS_TEXT, "units_text"), (OPEN_HEADER, "open"), (DOUBT_HEADER, "doubt")]
    return out


def _task_value(task: Task, role: str) -> str:
    if role == "key":
        return task.key
    if role == "lead":
        return "\n".join(task.lead_units)
    if role == "units":
        return "\n".join(task.units)
    if role == "open":
        return "、".join(x for x, flag in (("牵头", task.lead_open), ("责任", task.units_open)) if flag)
    if role.startswith(EXTRA_PREFIX):
        return task.extra.get(role[len(EXTRA_PREFIX):], "")
    return str(getattr(task, role))


def save_xlsx(ds: Dataset, path: str | Path) -> None:
    from ..infra.xlsx import header_format, new_workbook

    with atomic_path(path) as tmp:
        wb = new_workbook(tmp)
        # 宋体 in every cell: a Chinese font, not the Latin default the office suite would substitute from
        head = header_format(wb)
        body = wb.add_format({"text_wrap": True, "valign": "top", "border": 1, "font_name": "宋体"})
        _write_tasks(wb.add_worksheet(SHEET_TASKS), ds, head, body)
        _write_units(wb.add_worksheet(SHEET_UNITS), ds, head, body)
        _write_info(wb.add_worksheet(SHEET_INFO), ds, head, body)
        wb.close()


def _write_tasks(ws, ds: Dataset, head, body) -> None:
    headers = _task_headers(ds)
    widths = {"key": 12, "number": 6, "category": 16, "content": 60, "lead": 20, "units": 24, "deadline": 14,
              "doubt": 44}
    for c, (label, role) in enumerate(headers):
        ws.write_string(0, c, label, head)
        ws.set_column(c, c, widths.get(role, 16))
    for r, task in enumerate(ds.tasks, start=1):
        for c, (_label, role) in enumerate(headers):
            ws.write_string(r, c, _task_value(task, role), body)
    ws.freeze_panes(1, 2)
    ws.autofilter(0, 0, max(len(ds.tasks), 1), len(headers) - 1)


def _write_units(ws, ds: Dataset, head, body) -> None:
    usage = _usage(ds)
    for c, label in enumerate(UNIT_HEADERS):
        ws.write_string(0, c, label, head)
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 28)
    ws.set_column(3, 3, 28)
    ws.set_column(7, 7, 30)
    for r, unit in enumerate(ds.units, start=1):
        lead, resp, numbers = usage.get(unit.name, (0, 0, []))
        values = [unit.name, "\n".join(unit.aliases), unit.kind, "\n".join(unit.members), unit.note,
                  str(lead), str(resp), "、".join(numbers)]
        for c, value in enumerate(values):
            ws.write_string(r, c, value, body)
    ws.data_validation(1, 2, max(len(ds.units), 1) + 200, 2,
                       {"validate": "list", "source": ["单位", "集合"], "input_title": "类型",
                        "input_message": "单位：一个具体单位；集合：如「各县区人民政府」，可在「成员」中逐行填写成员单位"})
    ws.freeze_panes(1, 1)


def _usage(ds: Dataset) -> dict[str, tuple[int, int, list[str]]]:
    amap = ds.alias_map()
    out: dict[str, tuple[int, int, list[str]]] = {}
    for task in ds.tasks:
        roles: dict[str, str] = {}
        for name in task.lead_units:
            roles.setdefault(amap.get(name, name), "lead")
        for name in task.units:
            roles.setdefault(amap.get(name, name), "units")
        for unit, role in roles.items():
            lead, resp, numbers = out.get(unit, (0, 0, []))
            out[unit] = (lead + (role == "lead"), resp + (role == "units"), [*numbers, task.number])
    return out


def _write_info(ws, ds: Dataset, head, body) -> None:
    from . import store_json

    values = {"format": store_json.FORMAT, "version": str(store_json.VERSION)}
    ws.write_string(0, 0, "项目", head)
    ws.write_string(0, 1, "内容", head)
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 60)
    r = 1
    for label, attr in _INFO_FIELDS:
        ws.write_string(r, 0, label, body)
        ws.write_string(r, 1, values.get(attr) or str(getattr(ds, attr)), body)
        r += 1
    for role, label in ds.columns.items():
        ws.write_string(r, 0, _COLUMN_PREFIX + role, body)
        ws.write_string(r, 1, label, body)
        r += 1
    for note in ds.import_notes:
        ws.write_string(r, 0, _NOTE_LABEL, body)
        ws.write_string(r, 1, note, body)
        r += 1


# -- reading -------------------------------------------------------------------------
def is_dataset_workbook(path: str | Path) -> bool:
    """Whether the workbook at `path` is a 任务总表 (has its three sheets); False when unreadable."""
    from python_calamine import CalamineWorkbook

    try:
        names = set(CalamineWorkbook.from_path(str(path)).sheet_names)
    except Exception:  # damaged: the caller's reader gives the clerk the message
        return False
    return {SHEET_TASKS, SHEET_UNITS, SHEET_INFO} <= names


def load_xlsx(path: str | Path) -> Dataset:
    """Read the 任务总表 back (python-calamine: fast, and no numpy/openpyxl import on the CLI's path)."""
    from python_calamine import CalamineWorkbook

    path = Path(path)
    from ..infra.sniff import sniff

    if sniff(path) not in ("xlsx", "xlsm"):
        raise XlError("无法打开任务总表：文件不是 .xlsx 工作簿（或已损坏、已加密）。", file=path.name,
                      hint="请在 Excel/WPS 中打开、取消密码并另存为 .xlsx 后再试。")
    try:
        wb = CalamineWorkbook.from_path(str(path))
        names = wb.sheet_names
        for name in (SHEET_TASKS, SHEET_UNITS, SHEET_INFO):
            if name not in names:
                raise XlError(f"缺少工作表「{name}」，这不是 xltools 的任务总表。", file=path.name,
                              hint="若这是原始任务清单，请先运行：xltools import 该文件 -o 任务总表.xlsx")
        sheets = {n: [[_text(v) for v in row] for row in wb.get_sheet_by_name(n).to_python(skip_empty_area=False)]
                  for n in (SHEET_TASKS, SHEET_UNITS, SHEET_INFO)}
    except XlError:
        raise
    except Exception as exc:  # calamine's own errors for damaged parts
        raise XlError(f"无法打开任务总表（{type(exc).__name__}）。", file=path.name,
                      hint="文件可能已损坏；请在 Excel/WPS 中打开并另存为 .xlsx 后再试。") from exc
    ds = Dataset()
    _read_info(sheets[SHEET_INFO], ds, path.name)
    ds.tasks = _read_tasks(sheets[SHEET_TASKS], ds, path.name)
    ds.units = _read_units(sheets[SHEET_UNITS])
    return ds


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _read_info(rows: list[list[str]], ds: Dataset, file: str) -> None:
    labels = dict(_INFO_FIELDS)
    columns: dict[str, str] = {}
    for row in rows[1:]:
        if not row or not row[0]:
            continue
        key, value = row[0].strip(), row[1] if len(row) > 1 else ""
        if key.startswith(_COLUMN_PREFIX):
            columns[key[len(_COLUMN_PREFIX):]] = value
        elif key == _NOTE_LABEL:
            ds.import_notes.append(value)
        elif key in labels and labels[key] not in ("format", "version"):
            setattr(ds, labels[key], value)
    if "content" not in columns:
        raise XlError("「文件信息」表缺少列标题信息（列标题:content）。", file=file, sheet=SHEET_INFO,
                      hint="请勿删除「文件信息」中的行；可用 xltools import 重新生成任务总表。")
    ds.columns = columns


def _read_tasks(rows: list[list[str]], ds: Dataset, file: str) -> list[Task]:
    if not rows:
        raise XlError("「任务清单」表是空的。", file=file, sheet=SHEET_TASKS)
    role_of = {label: role for label, role in _task_headers(ds)}
    role_of.setdefault(ROLE_NAMES_ZH["lead"], "lead")  # leads named inside a lone unit column
    header = [h.strip() for h in rows[0]]
    index = {role_of[h]: i for i, h in enumerate(header) if h in role_of}
    if "content" not in index:
        raise XlError("「任务清单」表缺少「任务内容」列。", file=file, sheet=SHEET_TASKS, row=1,
                      hint="请恢复表头「任务内容」。")
    taken: set[str] = set()
    tasks = []
    for r, row in enumerate(rows[1:], start=2):
        def get(role: str, row=row) -> str:
            i = index.get(role)
            return row[i] if i is not None and i < len(row) else ""

        if not any(v.strip() for v in row):
            continue
        key = get("key").strip()
        if not key or key in taken:
            key = make_task_key(get("content") or f"row{r}", taken)
        else:
            taken.add(key)
        opened = get("open")
        task = Task(
            key=key, number=get("number"), content=get("content"), category=get("category"),
            lead_units=_lines(get("lead")), units=_lines(get("units")), deadline=get("deadline"),
            lead_text=get("lead_text"), units_text=get("units_text"),
            lead_open="牵头" in opened, units_open="责任" in opened, doubt=get("doubt"),
        )
        task.extra = {role[len(EXTRA_PREFIX):]: get(role) for role in ds.columns if role.startswith(EXTRA_PREFIX)}
        tasks.append(task)
    return tasks


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.replace("\r", "\n").split("\n") if ln.strip()]


def _read_units(rows: list[list[str]]) -> list[Unit]:
    units = []
    for row in rows[1:]:
        row = row + [""] * (5 - len(row))
        if not row[0].strip():
            continue
        units.append(Unit(name=row[0].strip(), aliases=_lines(row[1]), kind=row[2].strip() or "单位",
                          members=_lines(row[3]), note=row[4]))
    return units
