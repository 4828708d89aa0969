"""Task lists written as numbered items with their units in words, not as a table.

Shapes (half-width and full-width punctuation alike):
- inline clause after the item: ``1.任务内容。（牵头单位：X；责任单位：Y、Z）``, ``（X牵头，Y、Z配合）``,
  ``（责任单位：X）``, ``（X负责）``, or ``牵头单位：X 配合单位：Y`` at the end of the line;
- key-value lines: the item on one line, then ``牵头单位：…`` / ``责任单位：…`` / ``完成时限：…`` lines;
- numbering ``1.`` ``1、`` ``（1）`` ``(1)`` ``一、`` ``（一）``; whichever style carries the unit clauses is
  the task level, the styles above it are headings and become the category (``一、…`` over ``（一）…``
  are joined with " / "); a heading is never a task.
- Lines before the first item (addressee, preamble) and after the list (signature, date, 附件 notes)
  are not tasks; a plain line right after an item continues its text until a blank line once the
  item has its units.
The result is a `Grid` with a header of standard labels, so the table builder does the rest.
"""

from __future__ import annotations

import re

from .grid import Grid

_NUM_STYLES = (
    ("arabic", re.compile(r"^\s*(\d{1,3})\s*[.、．,，](?!\d)\s*(.*)$")),
    ("paren_arabic", re.compile(r"^\s*[（(]\s*(\d{1,3})\s*[）)]\s*(.*)$")),
    ("zh", re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.*)$")),
    ("paren_zh", re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(.*)$")),
    ("circled", re.compile(r"^\s*([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$")),
)
_STYLE_RANK = {"zh": 0, "paren_zh": 1, "arabic": 2, "paren_arabic": 3, "circled": 4}
_LEAD_KEYS = "牵头单位|牵头部门|主责单位|牵头|牽頭單位"
_UNIT_KEYS = ("责任单位|责任部门|负责单位|配合单位|协办单位|参与单位|责任科室|负责科室|配合部门|协同单位|负责部门|"
              "責任單位|負責單位|負責科室|配合單位")
_DEADLINE_KEYS = "完成时限|完成时间|时间节点|时限|完成期限|完成時限"
_KEY = rf"(?P<key>{_LEAD_KEYS}|{_UNIT_KEYS}|{_DEADLINE_KEYS})"
_KV_LINE = re.compile(rf"^\s*{_KEY}\s*[:：]\s*(?P<value>.*)$")
_PAREN_CLAUSE = re.compile(r"[（(](?P<body>[^（）()]*(?:[:：]|牵头|配合|负责|參與|参与)[^（）()]*)[）)]\s*[。.；;]?\s*$")
_KV_IN_TEXT = re.compile(rf"{_KEY}\s*[:：]\s*(?P<value>[^；;:：]*?)(?=\s*(?:[；;]|\s(?:{_LEAD_KEYS}|{_UNIT_KEYS}|{_DEADLINE_KEYS})\s*[:：]|$))")
_TRAILING_KV = re.compile(rf"(?P<all>\s*[，,；;]?\s*(?:{_LEAD_KEYS}|{_UNIT_KEYS})\s*[:：].*)$")
_LEAD_WORDS = re.compile(r"^(?P<lead>.+?)牵头\s*[，,；;]?\s*(?P<rest>.*)$")
_COOP_WORDS = re.compile(r"^(?P<units>.+?)(配合|参与|协同|协助|按职责分工负责|分工负责|共同负责)$")
_RESP_WORDS = re.compile(r"^(?P<units>.+?)(负责|落实|承担)$")
_TAIL_LINE = re.compile(r"^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|附\s*件|抄送|主办|督办|联系人|（此件|\(此件)")

HEADER = ["序号", "主要任务", "工作任务", "牵头单位", "责任单位", "完成时限"]


def _numbered(line: str) -> tuple[str, str, str] | None:
    for style, pattern in _NUM_STYLES:
        m = pattern.match(line)
        if m and m.group(2).strip():
            return style, m.group(1), m.group(2).strip()
    return None


def parse_clause(body: str) -> dict[str, str]:
    """Units (and deadline) from the words of one clause: keys → values, or 牵头/配合 words."""
    found: dict[str, str] = {}
    for m in _KV_IN_TEXT.finditer(body):
        _put(found, _role_of_key(m.group("key")), m.group("value"))
    if found:
        return found
    text = body.strip(" （）()。；;")
    m = _LEAD_WORDS.match(text)
    if m:
        _put(found, "lead", m.group("lead"))
        rest = m.group("rest").strip(" ，,；;")
        cm = _COOP_WORDS.match(rest) or _RESP_WORDS.match(rest)
        if cm:
            _put(found, "units", cm.group("units"))
        return found
    cm = _COOP_WORDS.match(text) or _RESP_WORDS.match(text)
    if cm:
        _put(found, "units", cm.group("units"))
    return found


def _role_of_key(key: str) -> str:
    if re.fullmatch(_LEAD_KEYS, key):
        return "lead"
    if re.fullmatch(_DEADLINE_KEYS, key):
        return "deadline"
    return "units"


def _put(found: dict[str, str], role: str, value: str) -> None:
    value = value.strip(" ，,；;。.")
    if value:
        found[role] = f"{found[role]}、{value}" if role in found and role != "deadline" else value


def split_clause(text: str) -> tuple[str, dict[str, str]]:
    """Task text and the unit clause at its end, if any."""
    m = _PAREN_CLAUSE.search(text)
    if m:
        found = parse_clause(m.group("body"))
        if found:
            return text[: m.start()].rstrip(), found
    m = _TRAILING_KV.search(text)
    if m:
        found = parse_clause(m.group("all"))
        if found:
            return text[: m.start()].rstrip(" ，,；;"), found
    return text, {}


def looks_like_items(text: str) -> bool:
    """At least two lines carry a unit clause or a unit key-value line."""
    hits = 0
    for line in text.split("\n"):
        if _KV_LINE.match(line) or (_numbered(line) and split_clause(line)[1]):
            hits += 1
            if hits >= 2:
                return True
    return False


def read_items(text: str) -> list[Grid]:
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    task_style = _task_style(lines)
    if task_style is None:
        return []
    grid = Grid(rows=[], where="粘贴文本（条目形式）")
    headings: dict[str, str] = {}
    current: dict | None = None
    blank = False
    started = False
    for no, line in enumerate(lines, start=1):
        if not line:
            blank = True
            continue
        num = _numbered(line)
        kv = _KV_LINE.match(line)
        if num and num[0] == task_style:
            current = _start_item(grid, num, headings, no)
            started = True
        elif num and _STYLE_RANK[num[0]] < _STYLE_RANK[task_style] and not split_clause(num[2])[1]:
            headings = {k: v for k, v in headings.items() if _STYLE_RANK[k] < _STYLE_RANK[num[0]]}
            headings[num[0]] = num[2].rstrip("。.：:")
            current = None
            started = True
        elif kv and current is not None:
            _put(current["units_found"], _role_of_key(kv.group("key")), kv.group("value"))
        elif current is not None and _TAIL_LINE.match(line):
            current = None
        elif current is not None and not (blank and _has_units(current)):
            current["text"] += "\n" + line
        elif started:
            grid.notes.append(f"第 {no} 行「{line[:30]}」不是任务条目，已跳过")
        else:
            grid.preamble.append(line)
        blank = False
    _finish(grid)
    return [grid]


def _has_units(item: dict) -> bool:
    return bool(item["units_found"] or split_clause(item["text"])[1])


def _task_style(lines: list[str]) -> str | None:
    """The numbering style whose items carry unit clauses (inline, or key-value lines after them)."""
    votes: dict[str, int] = {}
    last_style = None
    for line in lines:
        num = _numbered(line)
        if num:
            last_style = num[0]
            if split_clause(num[2])[1]:
                votes[num[0]] = votes.get(num[0], 0) + 1
        elif _KV_LINE.match(line) and last_style:
            votes[last_style] = votes.get(last_style, 0) + 1
    return max(votes, key=votes.get) if votes else None


def _start_item(grid: Grid, num: tuple[str, str, str], headings: dict[str, str], no: int) -> dict:
    item = {"number": num[1], "text": num[2], "category": " / ".join(headings[k] for k in sorted(
        headings, key=_STYLE_RANK.get)), "units_found": {}, "line": no}
    grid.rows.append(item)  # type: ignore[arg-type]  # replaced by cells in _finish
    return item


def _finish(grid: Grid) -> None:
    items = grid.rows
    rows: list[list[str]] = []
    numbers: list[int] = []
    for item in items:
        text, found = split_clause(item["text"])  # type: ignore[index]
        for role, value in item["units_found"].items():  # type: ignore[index]
            _put(found, role, value)
        rows.append([item["number"], item["category"], text, found.get("lead", ""),  # type: ignore[index]
                     found.get("units", ""), found.get("deadline", "")])
        numbers.append(item["line"])  # type: ignore[index]
        if not found:
            grid.notes.append(f"第 {item['line']} 行的任务没有找到牵头/责任单位，请核对")  # type: ignore[index]
    keep = [i for i in range(len(HEADER)) if i in (0, 2) or any(r[i] for r in rows)]
    grid.rows = [[HEADER[i] for i in keep]] + [[r[i] for i in keep] for r in rows]
    grid.row_numbers = [0] + numbers
