"""Task lists quoted in prose: a news report of a county's 十件民生实事, with no table, no numbered items and no units.

Read only when nothing else in the text reads as a list (the importer's last resort), so a real list's own
「一是…二是…」 inside one of its items is never cut. Two shapes:

- *一是 … 二是 … 三是 …*: the tasks opened by the ordinal + 是, each running to the next ordinal (within one
  paragraph, or a paragraph each); the last runs to the end of its paragraph. The ordinal is the task's number.
- *a run of clauses after an introducer* (「分别是：A；B；C。」, 「…，即A；B；C。」): three or more clauses separated by
  ；, from the introducer (分别是/分别为/具体是/包括/即 or a colon) to the 。 after the last ；. Numbered 1, 2, 3 ….

Each task's text is kept as written; units are left empty (the report names none), which --explain and validate
show, so the clerk adds them.
"""

from __future__ import annotations

import re

from .grid import Grid

_ZH = "一二三四五六七八九"


def zh_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (up to 99)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _ZH[tens - 1] + "十")
    return head + (_ZH[ones - 1] if ones else "")


_BEFORE_ORDINAL = "。；;！!\n"


def _ordinal_items(text: str) -> list[list[str]]:
    """[number, text] of tasks opened by 一是, 二是, … in order (at least three), each at a paragraph's start or
    after a sentence's end."""
    rows: list[list[str]] = []
    at = 0
    n = 1
    starts: list[tuple[int, int, str]] = []  # (where the ordinal starts, where its text starts, the ordinal)
    while n < 100:
        word = zh_ordinal(n) + "是"
        found = -1
        for m in re.finditer(re.escape(word), text[at:]):
            k = at + m.start()
            before = text[:k].rstrip(" \u3000\t")
            if not before or before[-1] in _BEFORE_ORDINAL:
                found = k
                break
        if found < 0:
            break
        starts.append((found, found + len(word), zh_ordinal(n)))
        at = found + len(word)
        n += 1
    if len(starts) < 3:
        return []
    for k, (_begin, text_at, number) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        item = text[text_at:end]
        if k + 1 == len(starts) or "\n" in item.strip():
            item = item.strip().split("\n")[0]  # the last (or a paragraph's) item ends with its paragraph
        rows.append([number, item.strip()])
    return rows


_INTRODUCER = re.compile(r"(?:分[别別](?:是|为|為)|具[体體](?:是|为|為)|主要(?:是|有)|包括|即)[:：]?|[:：]")
_SEPARATOR = re.compile(r"[；;]")


def _clause_run(text: str) -> list[list[str]]:
    """[number, text] of three or more ；-separated clauses after an introducer, in the first line that has them."""
    for line in text.split("\n"):
        parts = _SEPARATOR.split(line)
        if len(parts) < 3:
            continue
        first, rest = parts[0], parts[1:]
        opener = None
        for m in _INTRODUCER.finditer(first):
            opener = m
        if opener is None:
            continue
        last = rest[-1]
        end = last.find("。")
        items = [first[opener.end():], *rest[:-1], last[:end] if end >= 0 else last]
        items = [x.strip(" \u3000|") for x in items]
        if len(items) >= 3 and all(4 <= len(x) <= 200 for x in items):
            return [[str(k + 1), x] for k, x in enumerate(items)]
    return []


def read_prose_list(text: str) -> list[Grid]:
    """The list quoted in prose, as a two-column grid (序号 | 任务内容); [] when the text holds none."""
    for reader, where in ((_ordinal_items, "正文中「一是…二是…」列出的事项"), (_clause_run, "正文中以「；」分隔列出的事项")):
        rows = reader(text)
        if rows:
            doubt = f"按{where}读入，原文没有写明责任单位"
            return [Grid(rows=[["序号", "任务内容"], *rows], where=where, from_items=True,
                         notes=[f"文中没有表格或编号条目，按{where}读入 {len(rows)} 项任务，均未写明责任单位"],
                         doubts={k: doubt for k in range(1, len(rows) + 1)})]
    return []
