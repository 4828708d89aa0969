"""Tables drawn with box-drawing characters (┌─┬┐ │ ├┼┤ └┴┘) in plain text, as law databases and old
documents reproduce Word/WPS tables, as `Grid`s.

Such text keeps the table's lines but not its spacing: a copied page often collapses the padding, so the columns
no longer line up by position and a cell's text wraps over several lines, split mid-word (`分管领│ 导`). What
survives is the ORDER of the bars on each line: the k-th segment of a line between bars belongs to column k.
Each column is then read on its own, top to bottom: a segment of only rule characters (`├────┤`) closes the
column's current cell, so a cell's lines join into its text (no space added: the wraps fall inside words).

Rows are cut wherever any column has a rule, and, in a column whose cells hold bulleted items (△ ● ■ …), at
every bullet: one cell of four △ items is four tasks, each under the heading cell above them. A cell that spans
several rows (a unit, a deadline or a person merged over many tasks) gives its text to every row it spans,
except in the task and number columns, where a span means one task. A heading cell over bulleted cells in the
task column becomes a row of its own, with no other cell, so the builder reads it as the category of the items
below it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .grid import Grid

_BARS = "│┃║├┤┼┬┴┌┐└┘┣┫╋┳┻┏┓┗┛╠╣╬╦╩╔╗╚╝╟╢╫╞╡╪┝┥┠┨┯┷┿╂"
_RULE_CHARS = set("─━═-—┄┅┈┉╌╍ \u3000")
_SPLIT = re.compile(f"[{_BARS}]")
_BULLET = re.compile(r"^\s*[△▲●○■□◆◇•·※▪▸►]\s*")
_MISALIGNED = "框线表格中其他列的分界线落在本项文字中间，本项的单位、时限按框线位置读取，请对照原文核对"
_NUMERAL = re.compile(r"^[0-9０-９一二三四五六七八九十]+[、.．]?$")


def _is_box_line(line: str) -> bool:
    s = line.strip()
    return len(s) >= 2 and s[0] in _BARS and s[-1] in _BARS


@dataclass
class _Cell:
    lines: list[int] = field(default_factory=list)  # line indices (within the block) holding its text
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p.strip() for p in self.parts).strip()


def box_tables(lines: list[str]) -> list[Grid]:
    """Every box-drawn table in the text lines (at least three box lines, two columns) as a Grid; [] if none.
    Blank lines between a table's lines (a copy that doubled every line break) do not end it."""
    grids: list[Grid] = []
    block: list[int] = []  # indices of the current table's lines
    for i, line in enumerate([*lines, "end"]):
        if _is_box_line(line):
            block.append(i)
        elif line.strip():
            if len(block) >= 3:
                preamble = [ln.strip() for ln in lines[:block[0]] if ln.strip()]
                grid = _read_block([lines[k] for k in block], preamble)
                if grid is not None:
                    grid.row_numbers = [block[k] + 1 for k in grid.row_numbers]
                    grids.append(grid)
            block = []
    return grids


def _segments(line: str) -> list[str]:
    return _SPLIT.split(line.strip())[1:-1]


def _read_block(block: list[str], preamble: list[str]) -> Grid | None:
    counts = Counter(len(_segments(ln)) for ln in block)
    width = counts.most_common(1)[0][0]
    if width < 2:
        return None
    columns: list[list[_Cell]] = [[] for _ in range(width)]
    open_cells: list[_Cell | None] = [None] * width
    rules: set[int] = set()
    texts: dict[int, set[int]] = {}  # line → the columns with text on it
    full_rows: list[tuple[int, str]] = []  # a line with one segment spans the table (a section row)
    for at, line in enumerate(block):
        segs = _segments(line)
        if len(segs) == 1 and width > 1 and not _is_rule(segs[0]):
            if segs[0].strip():
                full_rows.append((at, segs[0].strip()))
                rules.add(at)
            open_cells = [None] * width
            continue
        if len(segs) != width:
            segs = [*segs[:width], *[""] * (width - len(segs))] if all(_is_rule(s) for s in segs) else segs
        if len(segs) != width:
            continue
        for col, seg in enumerate(segs):
            if _is_rule(seg):
                open_cells[col] = None
                rules.add(at)
                continue
            if not seg.strip() and open_cells[col] is None:
                continue
            if open_cells[col] is None:
                open_cells[col] = _Cell()
                columns[col].append(open_cells[col])
            texts.setdefault(at, set()).add(col)
            open_cells[col].lines.append(at)
            open_cells[col].parts.append(seg)
    bulleted = [any(_BULLET.match(p) for c in cells for p in c.parts) for cells in columns]
    starts = set(rules)
    for col, cells in enumerate(columns):
        for cell in cells:
            starts.add(cell.lines[0])
            if bulleted[col]:
                starts.update(at for at, part in zip(cell.lines, cell.parts, strict=True) if _BULLET.match(part))
    inside = {at for at in rules if any(bulleted[c] for c in texts.get(at, ()))}  # a rule beside an item's text
    return _rows(block, preamble, columns, sorted(starts), bulleted, full_rows, inside)


def _is_rule(segment: str) -> bool:
    s = segment.strip()
    return bool(s) and set(s) <= _RULE_CHARS


def _rows(block, preamble, columns, starts, bulleted, full_rows, inside) -> Grid:
    """Cut the block into rows at `starts` and give each row its cells' texts; a row's number is, for now, the
    index of its first line in the block."""
    bands = [(a, b) for a, b in zip(starts, [*starts[1:], len(block)], strict=True)]
    rows: list[list[str]] = []
    row_lines: list[int] = []
    sections: set[int] = set()
    doubts: dict[int, str] = {}
    doubt_next = False
    width = len(columns)
    headings: set[int] = set()
    for col, cells in enumerate(columns):
        if not bulleted[col]:
            continue
        for k, cell in enumerate(cells):
            nxt = cells[k + 1] if k + 1 < len(cells) else None
            if not _BULLET.match(cell.parts[0]) and nxt is not None and _BULLET.match(nxt.parts[0]) and k > 0:
                headings.add(cell.lines[0])
    full = dict(full_rows)
    for a, b in bands:
        if a in full:
            sections.add(len(rows))
            rows.append([full[a], *[""] * (width - 1)])
            row_lines.append(a)
            continue
        row = [_text_in_band(cells, a, b, col, bulleted[col]) for col, cells in enumerate(columns)]
        if not any(row):
            continue
        if any(bulleted) and not any(row[c] for c in range(width) if bulleted[c]):
            # a band cut only by another column's rule, inside an item: not a row of its own, but the rule does
            # not fall between two items, so which cell the items around it belong to is a guess by position
            if a in inside:
                if rows:
                    doubts[len(rows) - 1] = _MISALIGNED
                doubt_next = True
            continue
        if a in headings:
            col = next(c for c in range(width) if bulleted[c])
            sections.add(len(rows))
            rows.append(["" if c != col else row[c] for c in range(width)])
            row_lines.append(a)
            continue
        if doubt_next:
            doubts[len(rows)] = _MISALIGNED
            doubt_next = False
        rows.append(row)
        row_lines.append(a)
    return Grid(rows=rows, preamble=preamble, where="框线表格", row_numbers=row_lines, sections=sections, doubts=doubts,
                notes=["文本中的框线表格（┌─┬┐│）按列读取，跨行的单元格已拆开或沿用到所跨的各行"])


def _items(cell: _Cell) -> list[tuple[int, str]]:
    """(first line, text) of each item of a cell in a bulleted column: cut at every bullet, the bullet dropped."""
    out: list[tuple[int, list[str]]] = []
    for at, part in zip(cell.lines, cell.parts, strict=True):
        if not out or _BULLET.match(part):
            out.append((at, [_BULLET.sub("", part)]))
        else:
            out[-1][1].append(part)
    return [(at, "".join(p.strip() for p in parts).strip()) for at, parts in out]


def _text_in_band(cells: list[_Cell], a: int, b: int, col: int, bulleted: bool) -> str:
    """The text column `col` gives the row of lines [a, b): in a bulleted column the item that starts in the band;
    elsewhere the cell that starts in the band or — for a cell spanning it from above — its text again, unless it
    is a number cell (there a span means the same task)."""
    for cell in cells:
        if bulleted:
            for at, text in _items(cell):
                if a <= at < b:
                    return text
            continue
        if a <= cell.lines[0] < b:
            return cell.text
        if cell.lines[0] < a <= cell.lines[-1] and not _NUMERAL.match(cell.text):
            return cell.text
    return ""
