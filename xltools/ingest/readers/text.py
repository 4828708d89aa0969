"""Text pasted out of a document: turn it into a `Grid` (the table builder does the rest).

Shapes recognised (chosen by counting line kinds, not by the file's origin):

- *tab-led cells*: each table cell starts a line with a tab ("\t1", "\t任务内容 …"); a line without
  a leading tab continues the cell above (a wrapped label, a name broken by the page); blank lines
  separate rows but may also fall inside a row, so rows are cut by the header's width: a row is
  complete when it has as many cells as the header, and a number-like cell after a blank line
  starts a new row even when the previous one came short (it is padded and noted).
- *tab-separated rows*: one row per line with tabs between cells ("1\t内容\t单位"); a line without
  tabs right after a row continues its last cell; after a blank line it is not part of the table.
- *| rows*: cells separated by ` | ` (a web page's table flattened); read like tab-separated rows, a row's
  empty first or last cell kept (the builder puts short rows back in place).
- *a stream of cells*: one cell per line (blank lines or not), or every cell followed by a lone `|` line;
  the header is a run of short labels, rows are cut at the counting numbers 1, 2, 3 … (or every n cells
  when the table has no numbers), and the cells of a row go to the columns by what they hold
  (`read_cell_stream`); rows may count from any number (an excerpt of a longer register, rows 24, 25 …);
- *cells closed by bars*: every cell on its own line ending with " |" (an empty cell a line `|` or `||`): empty
  cells are kept, so a row with as many cells as the header is read column for column.

Lines before the first cell (or the first row) are the preamble: the notice, the 附件 label and the
title. Stray HTML tags are left for the builder's cleaning.
"""

from __future__ import annotations

import re

from ..patterns import LazyPattern
from .boxdraw import box_tables
from .grid import Grid

_LEADING_TAB = re.compile(r"^[ \u3000\u00a0]*\t")
_NUMBER_LIKE = re.compile(r"^\s*(\d{1,4}|[一二三四五六七八九十百]{1,4})\s*[.、．]?\s*$")


def decode_text(data: bytes) -> str:
    """Decode pasted text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


_KEY_ALONE = re.compile(r"^\s*([\u4e00-\u9fa5]{2,10})\s*[:：]\s*$")
_ITEM_START = re.compile(r"^\s*(\d{1,3}\s*[.、．]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、)")


_KV_CELLS = re.compile(r"^\s*\|?\s*([^|:：]{2,24}?)\s*[:：]\s*\|\s*(.*?)\s*\|?\s*$")


def _key_value_cells(lines: list[str], label_role) -> list[str]:
    """A register item laid out as a two-column table flattened to ` | ` cells, one field a row (「牵头单位: | X |」,
    「重点工作: | 135.统筹… |」, a label whose value is on the next line): written as the lines the item reader
    reads — the task field's value alone (its number inside it), every other field as 「key：value」. Only when
    two or more such rows name fields the header labels know (重点工作, 牵头单位, 完成时限 …)."""
    found = [(k, m) for k, ln in enumerate(lines) if (m := _KV_CELLS.match(ln)) and label_role(m.group(1))]
    if len(found) < 2:
        return lines
    out = list(lines)
    for k, m in ((k, _KV_CELLS.match(ln)) for k, ln in enumerate(lines)):
        if m is None:
            continue
        key, value = m.group(1).strip(), m.group(2).strip()
        if not value and k + 1 < len(lines) and lines[k + 1].strip() and not _KV_CELLS.match(lines[k + 1]):
            value, out[k + 1] = lines[k + 1].strip().rstrip("|").strip(), ""
        out[k] = value if label_role(key) in ("content", "category") else f"{key}：{value}"
    return out


def join_key_lines(text: str) -> str:
    """A key alone on its line and its value on the next (「责任单位：」 ⏎ 「市发改委、市财政局」, a cell or a
    paragraph broken after the colon) written as one key-value line, as the item reader reads them. Only keys
    naming units, a deadline or the people in charge (by the header-label synonyms); the next line joins only
    when it is a value — not another key, not a numbered item, not blank."""
    from ..table import label_role

    lines = _key_value_cells(text.split("\n"), label_role)
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        m = _KEY_ALONE.match(line)
        if m and k + 1 < len(lines) and (label_role(m.group(1)) in ("lead", "units", "deadline")
                                         or m.group(1).endswith(("领导", "责任人"))):
            value = lines[k + 1].strip()
            if value and not _KEY_ALONE.match(value) and not re.match(r"^[\u4e00-\u9fa5]{2,10}\s*[:：]", value) \
                    and not _ITEM_START.match(value):
                out.append(line.rstrip() + value)
                k += 2
                continue
        out.append(line)
        k += 1
    return "\n".join(out)


def is_number_like(text: str) -> bool:
    return bool(_NUMBER_LIKE.match(text or ""))


def read_text(text: str, header_width: int | None = None, is_header=None,
              roles: dict[str, str] | None = None) -> list[Grid]:
    """Read pasted text into one Grid. `is_header(cells)` tells a header row (from the builder); `roles` are
    the clerk's --column meanings, used where the reader itself needs a label's role."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    boxed = box_tables(lines)
    if boxed:
        return boxed
    if is_header is not None:
        stream = _cell_stream(lines)
        if stream is not None:
            grid = read_cell_stream(*stream, is_header=is_header, roles=roles)
            if grid is not None:
                return [grid]
    piped = _pipe_rows(lines)
    if piped is not None:
        return [_read_tab_separated(piped, rows_marked=True)]
    if is_header is not None and not any("\t" in ln for ln in lines):
        spaced = _space_rows(lines, is_header, roles)
        if spaced is not None:
            return [spaced]
    if is_header is not None and not any("\t" in ln for ln in lines):
        lines = _one_cell_per_line(lines, is_header)
    led = sum(1 for ln in lines if _LEADING_TAB.match(ln))
    separated = sum(1 for ln in lines if "\t" in ln.strip(" \u3000\t") and not _LEADING_TAB.match(ln))
    if led == 0 and separated == 0:
        return []
    if led >= separated:
        return [_read_tab_led(lines, is_header)]
    return [_read_tab_separated(lines)]


_PIPE_RULE = re.compile(r"^[\s|:：\-—=+]+$")


def _pipe_rows(lines: list[str]) -> list[str] | None:
    """Cells separated by | (a table flattened by a web page or a PDF) as tab-separated rows, each marked
    with a leading \x00 so that a row whose first or last cells are empty stays a row; None when fewer
    than two lines have | between cells. A bar at the start (or end) of the lines is the table's border
    only when most rows have one there; otherwise it closes an empty cell (`| 同步实施… |` → "", "同步实施…")."""
    rows = [ln.strip() for ln in lines if ln.count("|") >= 2 and not _PIPE_RULE.match(ln)]
    if len(rows) < 2:
        return None
    lead = sum(1 for r in rows if r.startswith("|")) > len(rows) / 2
    tail = sum(1 for r in rows if r.endswith("|")) > len(rows) / 2
    out = []
    for line in lines:
        if line.count("|") >= 2:
            if _PIPE_RULE.match(line):
                continue
            row = line.strip()
            row = row[1:] if lead and row.startswith("|") else row
            row = row[:-1] if tail and row.endswith("|") else row
            out.append("\x00" + "\t".join(part.strip() for part in row.split("|")))
        else:
            out.append(line)
    return out


_SPACES = re.compile(r"[ \u3000\u00a0]+")
_CJK_CHAR = re.compile(r"^[\u4e00-\u9fa5]$")


def _label_tokens(line: str) -> list[str]:
    """A header line's space-separated labels, a label spaced out letter by letter (工 作 任 务) made one."""
    out: list[str] = []
    single = False
    for token in _SPACES.split(line.strip()):
        if not token:
            continue
        if _CJK_CHAR.match(token) and single:
            out[-1] += token
        else:
            out.append(token)
        single = bool(_CJK_CHAR.match(token))
    return out


def _space_rows(lines: list[str], is_header, roles: dict[str, str] | None = None) -> Grid | None:
    """A table flattened to rows whose cells are separated only by spaces (「1 居民消费价格涨幅3%左右 发展改革委」):
    a header line of labels (a label spaced out letter by letter is one label), then rows that start with the
    counting numbers 1, 2, 3 … Spaces inside the task text cannot be told from the separators, so a row's cells
    before the task column are taken from the left and those after it from the right; the task text is what is
    left between. A line that does not start with the next number continues the row above (a wrapped row).
    None unless at least two numbered rows have the header's width."""
    from ..table import label_role

    for at, line in enumerate(lines):
        if not line.strip() or "|" in line:
            continue
        labels = _label_tokens(line)
        if not 2 <= len(labels) <= 12 or not is_header(labels):
            continue
        roles_of = [label_role(x, roles) for x in labels]
        text_at = next((k for k, r in enumerate(roles_of) if r == "content"),
                       next((k for k, r in enumerate(roles_of) if r == "category"), None))
        if text_at is None:
            continue
        raw: list[tuple[str, int]] = []
        expected = None
        pending: list[str] = []  # lines after a row: its wrapped text when a numbered row follows them
        for no in range(at + 1, len(lines)):
            text = lines[no].strip()
            first = _SPACES.split(text, maxsplit=1)[0] if text else ""
            m = _COUNT.match(first)
            if text and m and (expected is None or int(m.group(1)) == expected) and _SPACES.search(text):
                if raw and pending:  # a line broken inside a cell, or between two cells
                    joined = raw[-1][0] + "".join(pending)
                    if len(_SPACES.split(joined)) < len(labels):
                        joined = " ".join([raw[-1][0], *pending])
                    raw[-1] = (joined, raw[-1][1])
                raw.append((text, no + 1))
                expected = int(m.group(1)) + 1
                pending = []
            elif raw and text:
                pending.append(text)
            elif raw and pending:
                break  # a blank line after lines that are no row: the table has ended
        width = len(labels)
        rows = [_split_spaced(text, width, text_at) for text, _no in raw]
        if len(rows) < 2 or any(r is None for r in rows):
            continue
        grid = Grid(rows=[labels, *rows], preamble=[ln.strip() for ln in lines[:at] if ln.strip()],
                    where="粘贴文本（空格分隔）", row_numbers=[at + 1, *(no for _t, no in raw)])
        if pending:
            grid.notes.append(f"表格后的「{pending[0][:20]}」等 {len(pending)} 行不在表格中，已跳过")
        return grid
    return None


def _split_spaced(text: str, width: int, text_at: int) -> list[str] | None:
    """One space-separated row as `width` cells: the cells before the task column from the left, those after it
    from the right, the task text (spaces and all) between. None when the row has fewer parts than cells."""
    parts = _SPACES.split(text.strip())
    if len(parts) < width:
        return None
    after = width - text_at - 1
    left, rest = parts[:text_at], parts[text_at:]
    right = rest[len(rest) - after:] if after else []
    middle = rest[:len(rest) - after] if after else rest
    return [*left, " ".join(middle), *right]


def header_seen(lines: list[str], is_header) -> list[str]:
    """The labels of the first header found in text that could not be read as a table (a row of labels separated
    by | or spaces, or a run of label lines, each perhaps closed by a bar), for the message that says what was seen;
    [] when there is none."""
    from ..table import is_label_like

    cells = [ln.strip().rstrip("|").strip() for ln in lines]
    for k, line in enumerate(cells):
        parts = [p.strip() for p in line.split("|")] if "|" in line else _label_tokens(line)
        parts = [p for p in parts if p]
        if len(parts) >= 2 and is_header(parts):
            return parts
        run = []
        for cell in cells[k:k + 12]:
            if not cell or not is_label_like(cell):
                break
            run.append(cell)
        if len(run) >= 2 and is_header(run):
            return run
    return []


def _one_cell_per_line(lines: list[str], is_header) -> list[str]:
    """A table flattened to one cell per line: from the header's first label on, every line is a cell."""
    from ..table import label_role

    for i in range(len(lines)):
        run = []
        for cell in lines[i:i + 12]:
            if not cell.strip() or label_role(cell) is None:
                break
            run.append(cell.strip())
        if len(run) >= 2 and is_header(run):
            return lines[:i] + ["\t" + ln.strip() if ln.strip() else "" for ln in lines[i:]]
    return lines


# -- tab-led cells ----------------------------------------------------------------
def _tokens(lines: list[str]) -> tuple[list[str], list[tuple[str, bool, int]]]:
    """Preamble lines, then cells as (text, starts after a blank line, line number)."""
    preamble: list[str] = []
    cells: list[list] = []
    blank = False
    for no, line in enumerate(lines, start=1):
        if _LEADING_TAB.match(line):
            for part in _LEADING_TAB.sub("", line).split("\t"):
                cells.append([part, blank, no])
                blank = False
        elif not line.strip():
            blank = True
        elif cells and not blank:
            cells[-1][0] += "\n" + line
        elif cells:
            cells.append([line, True, no, "loose"])
            blank = False
        else:
            preamble.append(line.strip())
    return preamble, [(c[0], c[1], c[2]) if len(c) == 3 else (c[0], True, -c[2]) for c in cells]


def _read_tab_led(lines: list[str], is_header) -> Grid:
    preamble, cells = _tokens(lines)
    grid = Grid(rows=[], preamble=preamble, where="粘贴文本")
    blocks = _blocks(cells)
    width = 0
    start = 0
    for i, block in enumerate(blocks):
        texts = [c[0] for c in block]
        if is_header is not None and is_header(texts):
            # A block holding the header and rows (no blank lines): the header ends at the first number.
            width = next((k for k, t in enumerate(texts) if k >= 2 and is_number_like(t)), len(texts))
            start = i
            if width < len(texts):
                blocks[i:i + 1] = [block[:width], [(t, True, n) for t, _b, n in block[width:width + 1]]
                                   + block[width + 1:]]
            break
    if not width:
        # No header found: give the blocks as rows and let the builder report it.
        for block in blocks:
            grid.rows.append([c[0] for c in block])
            grid.row_numbers.append(abs(block[0][2]))
        return grid
    for block in blocks[:start]:
        grid.preamble.extend(ln.strip() for c in block for ln in c[0].split("\n") if ln.strip())
    _cut_rows(blocks[start:], width, grid)
    return grid


def _blocks(cells: list[tuple[str, bool, int]]) -> list[list[tuple[str, bool, int]]]:
    blocks: list[list[tuple[str, bool, int]]] = []
    for cell in cells:
        if not blocks or cell[1]:
            blocks.append([cell])
        else:
            blocks[-1].append(cell)
    return blocks


def _cut_rows(blocks: list[list[tuple[str, bool, int]]], width: int, grid: Grid) -> None:
    row: list[str] = []
    row_line = 0
    for block in blocks:
        for j, (text, _blank, no) in enumerate(block):
            if no < 0:  # a line outside any cell after a blank line: not table content
                grid.notes.append(f"第 {-no} 行「{text.strip()[:30]}」不在表格单元格中，已跳过")
                continue
            starts_row = j == 0 and is_number_like(text)
            if row and (len(row) >= width or (starts_row and len(row) >= 2)):
                _close(grid, row, row_line, width)
                row = []
            if not row:
                row_line = no
            row.append(text)
    if row:
        _close(grid, row, row_line, width)


def _close(grid: Grid, row: list[str], line_no: int, width: int) -> None:
    if len(row) < width:
        grid.notes.append(f"第 {line_no} 行开始的一行只有 {len(row)} 个单元格（表头有 {width} 个），已在末尾补空")
        row = row + [""] * (width - len(row))
    grid.rows.append(row)
    grid.row_numbers.append(line_no)


# -- tab-separated rows -----------------------------------------------------------------
def _read_tab_separated(lines: list[str], rows_marked: bool = False) -> Grid:
    grid = Grid(rows=[], where="粘贴文本", ragged=True)
    blank = False
    filled = [k for k, ln in enumerate(lines) if ln.strip()]
    tail = len(lines)  # a signature at the end (an office, then a date) is never a cell's next line
    if filled and _DATE_LINE.match(lines[filled[-1]].strip()):
        tail = filled[-1]
        if len(filled) > 1 and "\t" not in lines[filled[-2]] and not lines[filled[-2]].startswith("\x00"):
            tail = filled[-2]
    for no, line in enumerate(lines, start=1):
        if no - 1 >= tail:
            if line.strip():
                grid.notes.append(f"第 {no} 行「{line.strip()[:30]}」是落款，不在表格中")
            continue
        if line.startswith("\x00") if rows_marked else "\t" in line.strip(" \u3000\t"):
            grid.rows.append([part.strip() for part in line.lstrip("\x00").split("\t")])
            grid.row_numbers.append(no)
            blank = False
        elif not line.strip():
            blank = True
        elif grid.rows and _NOTE_LINE.match(line.strip()):
            grid.rows.append([line.strip()])  # a note under the table (注：…): its own row, which the builder stops at
            grid.row_numbers.append(no)
        elif grid.rows and _SECTION_LINE.match(line.strip()) and len(line.strip()) <= 40:
            grid.rows.append([line.strip()])  # a section heading between the rows: the builder's category
            grid.row_numbers.append(no)
        elif grid.rows and not blank:
            grid.rows[-1][-1] += "\n" + line.strip()
        elif grid.rows:
            grid.notes.append(f"第 {no} 行「{line.strip()[:30]}」不在表格中，已跳过")
        else:
            grid.preamble.append(line.strip())
    return grid


# -- a table flattened to a stream of cells ---------------------------------------------------------
def _cell_stream(lines: list[str]) -> tuple[list[str], list[tuple[str, int]]] | None:
    """Lines as cells when the text has no row structure: every cell followed by a lone `|` line (a cell's
    lines kept together), or one cell per line (blank lines between cells or not). None when the text
    has tab or ` | ` rows: those are read as rows."""
    filled = [ln for ln in lines if ln.strip()]
    if len(filled) >= 4 and sum(1 for ln in filled if ln.rstrip().endswith("|")) >= 0.6 * len(filled) \
            and all(ln.strip().rstrip("|").count("|") == 0 for ln in filled if ln.rstrip().endswith("|")):
        return _cells_closed_by_bars(lines)
    bars = sum(1 for ln in lines if ln.strip() == "|")
    if not filled or any("\t" in ln.strip(" \u3000") for ln in filled):
        return None
    if bars >= 4 and bars >= 0.3 * len(filled):
        cells: list[tuple[str, int]] = []
        current: list[str] = []
        start = 0
        for no, line in enumerate(lines, start=1):
            if line.strip() == "|":
                if current:
                    cells.append(("\n".join(current), start))
                current = []
            elif line.strip():
                if not current:
                    start = no
                current.append(line.strip())
        if current:
            cells.append(("\n".join(current), start))
        return [], cells
    if sum(1 for ln in filled if ln.count("|") >= 2) >= 2:
        return None
    return [], [(ln.strip(), no) for no, ln in enumerate(lines, start=1) if ln.strip()]


def _cells_closed_by_bars(lines: list[str]) -> tuple[list[str], list[tuple[str, int]]]:
    """Every cell on its own line ending with " |" (「牵头 单位 |」, 「城管局 |」; an empty cell a line 「|」 or
    「||」): the cells, empty ones kept (as `EMPTY_CELL`, so a row's cells stand in their columns). A line without
    the bar before the first closed cell is the preamble; after it, it is a further line of the cell it precedes."""
    preamble: list[str] = []
    cells: list[tuple[str, int]] = []
    current: list[str] = []
    start = 0
    for no, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        if not text.endswith("|"):
            if not cells and not current:
                preamble.append(text)
                continue
            if not current:
                start = no
            current.append(text)
            continue
        cell = text.rstrip("| ").strip()
        if cell and not current:
            start = no
        if cell:
            current.append(cell)
        cells.append(("\n".join(current) if current else EMPTY_CELL, start if current else no))
        current = []
    return preamble, cells


# An empty cell in a stream whose every cell is closed by a bar: a row of exactly the header's width is read
# as printed, column for column; in any other row empty cells are dropped and the cells fitted by kind.
EMPTY_CELL = "\x00"


def read_cell_stream(preamble: list[str], cells: list[tuple[str, int]], is_header,
                     roles: dict[str, str] | None = None) -> Grid | None:
    """Rows from a stream of cells: the header is a run of short labels followed (within the lead cells of
    the first row) by the number 1; rows are cut at the counting numbers 1, 2, 3 …; inside a row the cells
    go to the columns in order by what they hold (several unit names in a row all go to the unit column);
    cells left over after the last column are a continuation row (a merged row: a second line of text, a
    second deadline), and cells before a number that fit the columns left of the number column open the
    next row (a category). Header cells fewer than the row's columns: the number column had no label of its
    own (a label spanning the number and the text), so it gets an empty label."""
    from ..table import cell_kind, is_label_like, kind_fit
    from ..table import label_role as role_of

    def label_role(text: str) -> str | None:
        return role_of(text, roles)

    cells = _drop_row_openers(_notes_to_labels(cells, is_label_like))
    texts = [c[0] for c in cells]
    found = _stream_header(texts, is_header, is_label_like, label_role)
    if found is None:
        return _unnumbered_stream(preamble, cells, is_header)
    start, end, positions = found
    header = texts[start:end]
    lead = positions[0] - end
    labelled = [label_role(h) for h in header]
    number_labelled = "number" in labelled
    after = len(header) - lead - (1 if number_labelled else 0)
    if after < 1:
        return None
    if not number_labelled:
        header = header[:lead] + [""] + header[lead:]
    kinds_by_role = {"content": "sentence", "units": "unit", "lead": "unit", "deadline": "deadline",
                     "number": "number", "category": "short"}
    after_labels = header[lead + 1:]
    col_kinds = [kinds_by_role.get(label_role(h) or "", "") for h in after_labels]
    table_end = _signature_start(texts, positions[-1] + 1 + after, cell_kind)
    chunks = [texts[positions[k] + 1:(positions[k + 1] if k + 1 < len(positions) else table_end)]
              for k in range(len(positions))]
    for c in range(after):  # an unknown label: the kind its cells have in rows of exactly the right length
        if not col_kinds[c]:
            kinds = [cell_kind(ch[c]) for ch in chunks if len(ch) in (after, after + lead) and ch[c] != EMPTY_CELL]
            col_kinds[c] = max(set(kinds), key=kinds.count) if kinds else "short"
    grid = Grid(rows=[header], preamble=preamble + texts[:start], where="粘贴文本（一格一行）",
                row_numbers=[cells[start][1]])
    if lead == 0 and number_labelled:
        fitted = _rows_short_of_the_header(header, chunks, roles)
        if fitted is not None:
            grid.rows[0], rows, note = fitted
            grid.rows.extend([texts[positions[k]], *row] for k, row in enumerate(rows))
            grid.row_numbers.extend(cells[p][1] for p in positions)
            grid.notes.append(note)
            return grid
    leading = texts[end:positions[0]]
    whole_cells = any(_UNIT_SEPARATOR.search(t) for t in texts[end:] if cell_kind(t) == "unit")
    exact = any(t == EMPTY_CELL for t in texts)
    for k, chunk in enumerate(chunks):
        chunk = list(chunk)
        if exact and len(chunk) == after and not leading:  # every cell printed, empty ones too: as printed
            grid.rows.append([""] * lead + [texts[positions[k]]] + [c.replace(EMPTY_CELL, "") for c in chunk])
            grid.row_numbers.append(cells[positions[k]][1])
            continue
        chunk = [c for c in chunk if c != EMPTY_CELL]
        next_leading: list[str] = []
        if lead and k + 1 < len(chunks) and len(chunk) > after - 1:
            tail = chunk[-lead:]
            if len(chunk) > after or all(kind_fit(cell_kind(t), "short") == 2 for t in tail):
                next_leading, chunk = tail, chunk[:-lead]
        row, rest, unsure = _fit_cells(chunk, col_kinds, cell_kind, kind_fit, whole_cells)
        if unsure:
            grid.doubts[len(grid.rows)] = unsure
        grid.rows.append((leading + [""] * lead)[:lead] + [texts[positions[k]]] + row)
        grid.row_numbers.append(cells[positions[k]][1])
        while rest:
            more, rest2 = _fit_loose(rest, col_kinds, cell_kind, kind_fit)
            grid.rows.append([""] * (lead + 1) + more)
            grid.row_numbers.append(cells[positions[k]][1])
            if len(rest2) == len(rest):
                break
            rest = rest2
        leading = next_leading
    return grid


def _rows_short_of_the_header(header: list[str], chunks: list[list[str]],
                              roles: dict[str, str] | None) -> tuple[list[str], list[list[str]], str] | None:
    """Every row has fewer cells than the header has labels after 序号 (a label with no cell of its own in the
    body): the header without the labels that have no cells (`table.labels_with_cells`), the rows' cells under
    it and a note; None when some row is as wide as the header, or reading the cells in place fits as well."""
    from ..table import labels_with_cells, shown_label

    labels = header[1:]
    rows = []
    for chunk in chunks:
        row = list(chunk)
        while row and row[-1] == EMPTY_CELL:
            row.pop()
        rows.append([c.replace(EMPTY_CELL, "") for c in row])
    kept = labels_with_cells(labels, rows, roles)
    if kept is None:
        return None
    dropped = [c for c in range(len(labels)) if c not in kept]
    out_rows = [[row[j] if j < len(row) else "" for j in range(len(kept))] for row in rows]
    names = "」「".join(shown_label(labels[c]) for c in dropped)
    note = (f"表头有 {len(labels) + 1} 列，各行只有 {len(kept) + 1} 格：「{names}」列在表格中没有单元格"
            f"（应与相邻的列合并），各格已按内容对应到其余各列")
    return [header[0], *(labels[c] for c in kept)], out_rows, note


_UNIT_SEPARATOR = LazyPattern(r"[、，,；;]")
_NOTE_CELL = LazyPattern(r"^[（(][^（）()]{1,20}[）)]$")


def _drop_row_openers(cells: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A lone bar line before every row's number (the page opened each row with an empty cell, 「|」 ⏎ 「1 |」)
    opens the row and is no cell of it; an empty cell before only some numbers is the last cell of the row above."""
    opened = [(k, int(m.group(1))) for k, (text, _no) in enumerate(cells)
              if k > 0 and cells[k - 1][0] == EMPTY_CELL and (m := _COUNT.match(text))]
    values = [v for _k, v in opened]
    counting = [k for k, (text, _no) in enumerate(cells) if (m := _COUNT.match(text)) and int(m.group(1)) in values]
    if len(opened) < 2 or values != list(range(values[0], values[0] + len(values))) or len(counting) != len(opened):
        return cells  # the row numbers 1, 2, 3 … are not all, and not only, the ones after an empty cell
    openers = {k - 1 for k, _v in opened}
    return [c for k, c in enumerate(cells) if k not in openers]


def _notes_to_labels(cells: list[tuple[str, int]], is_label_like) -> list[tuple[str, int]]:
    """A label's note on its own line (责任单位 / （按职责分工负责）) is part of the label, up to the first row."""
    out: list[tuple[str, int]] = []
    for k, (text, no) in enumerate(cells):
        if _COUNT.match(text):
            return out + cells[k:]
        if out and _NOTE_CELL.match(text) and is_label_like(out[-1][0]):
            out[-1] = (out[-1][0] + "\n" + text, out[-1][1])
        else:
            out.append((text, no))
    return out


_NOTE_LINE = LazyPattern(r"^(注|备注|说明|附注|注释)\s*\d?\s*[:：]")
_SECTION_LINE = LazyPattern(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])\s*[^。；;]+$")
_DATE_LINE = LazyPattern(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\W*$")


def _signature_start(texts: list[str], earliest: int, cell_kind) -> int:
    """Where a signature after the table begins (the issuing office on one line, the date on the next, at
    the very end): those lines are the notice's, never a row's cells. The table's last row keeps at least
    its own cells (`earliest`)."""
    end = len(texts)
    if end - 1 >= earliest and _DATE_LINE.match(texts[end - 1]):
        end -= 1
        if end - 1 >= earliest and cell_kind(texts[end - 1]) in ("unit", "short"):
            end -= 1
    return end


def _stream_header(texts: list[str], is_header, label_like, label_role) -> tuple[int, int, list[int]] | None:
    """(start, end) of the header run and the positions of the counting numbers 1, 2, 3 … after it."""
    i = 0
    while i < len(texts):
        if not label_like(texts[i]) or _LABEL_LINE.match(texts[i]):
            i += 1
            continue
        j = i
        while j < len(texts) and label_like(texts[j]) and not is_number_like(texts[j]):
            j += 1
        while j - i > 2 and label_role(texts[i]) is None and is_header(texts[i + 1:j]):
            i += 1  # a short line above the header (a title, a label) is not one of its cells
        if j - i >= 2 and is_header(texts[i:j]):
            best = None
            for end in range(j, i + 1, -1):  # a short first cell of a row (a category) may look like a label
                if end < j and (label_role(texts[end]) is not None or _REMARK_LABEL.match(texts[end])
                                or not is_header(texts[i:end])):  # 说明, 备注: a label, never a row's first cell
                    break
                positions = _counting(texts, end)
                if len(positions) >= 2 and positions[0] - end <= 2:
                    fit = _row_lengths_fit(texts, i, end, positions, label_role)
                    if best is None or fit > best[0]:
                        best = (fit, end, positions)
            if best is not None:
                return i, best[1], best[2]
        i = j + 1
    return None


def _unnumbered_stream(preamble: list[str], cells: list[tuple[str, int]], is_header) -> Grid | None:
    """A table with no number column, one cell per line: after a header of n labels, the rest is cut every
    n cells when it divides evenly and each column's cells are alike (one kind in three of four rows, one
    column of unit names): nothing else tells where a row ends."""
    from ..table import cell_kind, is_label_like

    texts = [c[0] for c in cells]
    run_start = 0
    while run_start < len(texts):
        run_end = run_start
        while run_end < len(texts) and is_label_like(texts[run_end]) and not is_number_like(texts[run_end]):
            run_end += 1
        for i in range(run_start, run_end - 1):  # the header may be any part of a run of short lines
            for j in range(run_end, i + 1, -1):
                width, rest = j - i, len(texts) - j
                if not (is_header(texts[i:j]) and rest >= 2 * width and rest % width == 0):
                    continue
                rows = [texts[k:k + width] for k in range(j, len(texts), width)]
                kinds = [[cell_kind(r[c]) for r in rows] for c in range(width)]
                alike = all(max(ks.count(k) for k in set(ks)) >= 0.75 * len(rows) for ks in kinds)
                if alike and any(max(set(ks), key=ks.count) == "unit" for ks in kinds):
                    return Grid(rows=[texts[i:j], *rows], preamble=preamble + texts[:i],
                                where="粘贴文本（一格一行）", row_numbers=[cells[k][1] for k in range(i, len(texts), width)])
        run_start = run_end + 1
    return None


def _row_lengths_fit(texts: list[str], start: int, end: int, positions: list[int], label_role) -> int:
    """How many rows have the length this header implies (with or without the next row's leading cells)."""
    lead = positions[0] - end
    after = (end - start) - lead - (1 if any(label_role(t) == "number" for t in texts[start:end]) else 0)
    bounds = [*positions, len(texts)]
    lengths = [bounds[k + 1] - bounds[k] - 1 for k in range(len(positions))]
    return sum(1 for n in lengths if n in (after, after + lead))


_LABEL_LINE = LazyPattern(r"^附\s*件\s*[:：]?\s*\d*$")
_REMARK_LABEL = LazyPattern(r"^\s*(说\s*明|备\s*注|附\s*注)\s*$")
_COUNT = LazyPattern(r"^\s*[（(]?\s*(\d{1,4})\s*[）)]?\s*[.、．]?\s*$")


def _counting(texts: list[str], start: int) -> list[int]:
    """Positions of the row numbers after `start`, counting up by one from 1 — or from the first number right
    after the header, for an excerpt of a longer register (rows numbered from 24 on)."""
    positions: list[int] = []
    expected = 1
    for i in range(start, min(start + 3, len(texts))):
        m = _COUNT.match(texts[i])
        if m:
            expected = int(m.group(1)) or 1
            break
    for i in range(start, len(texts)):
        m = _COUNT.match(texts[i])
        if m and int(m.group(1)) == expected:
            positions.append(i)
            expected += 1
    return positions


def _fit_cells(chunk: list[str], col_kinds: list[str], cell_kind, kind_fit,
               whole_cells: bool = False) -> tuple[list[str], list[str], str]:
    """The chunk's cells in column order: each column takes the next cell unless that cell fits a later
    column and not this one (an empty cell that vanished); a unit column takes every unit name in a row,
    except that a unit column followed by another (牵头单位, 责任单位) takes one line: where one ends and
    the other begins cannot be seen, so the row is marked unsure (the third value) when more lines follow
    (when the list writes a cell's units on one line, `whole_cells`, two lines are one cell each)."""
    row = [""] * len(col_kinds)
    unsure = ""
    ci = 0
    for col, want in enumerate(col_kinds):
        if ci >= len(chunk):
            break
        kind = cell_kind(chunk[ci])
        later = any(kind_fit(kind, k) == 2 for k in col_kinds[col + 1:])
        fit = kind_fit(kind, want)
        if col > 0 and later and (fit == 0 or (fit == 1 and len(chunk) - ci < len(col_kinds) - col)):
            continue  # the cell belongs further right; with cells missing, also when it only half fits here
        parts = [chunk[ci]]
        ci += 1
        if want == "unit" and col + 1 < len(col_kinds) and col_kinds[col + 1] == "unit":
            following = 0
            while ci + following < len(chunk) and cell_kind(chunk[ci + following]) == "unit":
                following += 1
            if following >= (2 if whole_cells else 1):
                unsure = "两个单位列的单位一行一个，分不清哪几个属于前一列，按前一列一个读入"
        elif want == "unit":
            while ci < len(chunk) and cell_kind(chunk[ci]) == "unit":
                parts.append(chunk[ci])
                ci += 1
        elif want == "sentence" and col + 1 < len(col_kinds):
            # a text cell's later lines: text that fits no later column and comes before the cells that do
            while (ci < len(chunk) - 1 and cell_kind(chunk[ci]) in ("sentence", "short")
                   and not any(kind_fit(cell_kind(chunk[ci]), k) == 2 for k in col_kinds[col + 1:])
                   and any(kind_fit(cell_kind(x), k) == 2 for x in chunk[ci + 1:] for k in col_kinds[col + 1:])):
                parts.append(chunk[ci])
                ci += 1
        row[col] = "\n".join(parts)
    return row, chunk[ci:], unsure


def _fit_loose(rest: list[str], col_kinds: list[str], cell_kind, kind_fit) -> tuple[list[str], list[str]]:
    """Left-over cells of a merged row: each goes to the first column after the last one filled whose kind
    it has (the task text when it is a sentence)."""
    row = [""] * len(col_kinds)
    col = 0
    used = 0
    for text in rest:
        kind = cell_kind(text)
        target = next((c for c in range(col, len(col_kinds)) if kind_fit(kind, col_kinds[c]) == 2), None)
        if target is None:
            break
        row[target] = (row[target] + "\n" + text) if row[target] else text
        col = target + (0 if col_kinds[target] == "unit" else 1)
        used += 1
    return row, rest[used:]
