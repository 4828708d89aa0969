"""Vertically merged cells, as Word tables and spreadsheets store them: text in the first row only.

A cell merged down over several rows means one of two things, told apart by the row's number cell:
- the rows are one item (a task written over two rows, each with its own deadline): the number cell is
  merged too, and the lower row is a continuation — the merged cells stay "" there, so the table builder
  joins the row to the task above;
- the rows are several items sharing a value (one unit cell over two tasks, a category over its tasks):
  each row has a number of its own, and the merged cell repeats its text in every row it covers.
With no number column (no column of the first three mostly counting numbers), a merged cell repeats in a
row that has a sentence of its own (a cell not merged, of 8 characters or more: its own task text), and
stays "" in a row that has none (a task's second line holding only a date or a short note).
"""

from __future__ import annotations

import re

_COUNTING = re.compile(r"^\s*[（(]?\s*(?:\d{1,4}|[一二三四五六七八九十百]{1,4})\s*[）)]?\s*[.、．]?\s*$")

Cell = tuple[str, bool]  # (text, is the continuation of a cell merged down from above)


def shared_merged(cells: list[list[Cell]], repeated: list[tuple[int, int]] | None = None,
                  continued: set[int] | None = None) -> list[list[str]]:
    """The rows' texts, each merge continuation filled or left "" as the module says; the (row, column) of each
    cell given its merged text is added to `repeated`, for the reader's note, and the index of each row whose
    number cell is merged from above to `continued` (`Grid.continued`)."""
    number_at = _number_column(cells)
    tops: dict[int, str] = {}  # column → text of the cell above that a merge continues
    out: list[list[str]] = []
    for row in cells:
        own = (number_at is not None and number_at < len(row) and not row[number_at][1]
               and bool(_COUNTING.match(row[number_at][0])))
        if continued is not None and number_at is not None and number_at < len(row) and row[number_at][1]:
            continued.add(len(out))
        if number_at is None:
            own = any(not merged and len(text.strip()) >= 8 for text, merged in row)
        texts: list[str] = []
        for col, (text, merged) in enumerate(row):
            if merged:
                texts.append(tops.get(col, "") if own else "")
                if own and tops.get(col) and repeated is not None:
                    repeated.append((len(out), col))
            else:
                texts.append(text)
                tops[col] = text
        out.append(texts)
    return out


def _number_column(cells: list[list[Cell]]) -> int | None:
    """The column (of the first three) whose own cells are mostly counting numbers (1 2 3 …, or 一 二 三 … as
    lists of 民生实事 often number their tasks), if any."""
    best, best_count = None, 1
    for col in range(3):
        own = [text for row in cells if col < len(row) and not row[col][1] and (text := row[col][0].strip())]
        count = sum(1 for text in own if _COUNTING.match(text))
        if count > best_count and count >= 0.6 * len(own):
            best, best_count = col, count
    if best is None:  # a short list (one or two tasks): a number merged down over the rows below it is the 序号
        best = next((col for col in range(3) if any(
            col < len(row) and col < len(below) and not row[col][1] and _COUNTING.match(row[col][0])
            and below[col][1] for row, below in zip(cells, cells[1:], strict=False))), None)
    return best


def repeated_note(count: int, first: str = "") -> str:
    """What --explain says of the `count` merged cells repeated into the rows they cover (`first`: where the
    first one is, e.g. 「第 6 行第 2 列」)."""
    where = f"（如{first}）" if first else ""
    return (f"{count} 处纵向合并的单元格按其覆盖的每一行读入{where}：合并的单位、时限等属于其覆盖的每一项任务；"
            "序号也合并的行作为上一项任务的续行")
