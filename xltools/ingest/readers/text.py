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
  empty first or last cell kept (the builder puts short rows back in place); a numbered row broken over two
  lines whose second opens with an amount is one row.
- *bar-opened cells*: every cell but a row's first opens its line with `| `, a lone `|` closes each row (a web
  table copied): a row per run of lines, a word wrapped a few characters a line by a narrow column joined again.
- *a stream of cells*: one cell per line (blank lines or not), or every cell followed by a lone `|` line;
  the header is a run of short labels, rows are cut at the counting numbers 1, 2, 3 … (or every n cells
  when the table has no numbers), and the cells of a row go to the columns by what they hold
  (`read_cell_stream`); rows may count from any number (an excerpt of a longer register, rows 24, 25 …).
  A header run longer than the widest row had its labels broken over two lines in narrow cells (「牵头」⏎「单位」:
  joined) or two rows, a span over sub-labels (责任单位 ⏎ … ⏎ 牵头单位 ⏎ 配合单位: the span replaced, `_one_tier`);
  a header ending in 序号 has each row closed by its number (`_number_first`); a unit column beside the lead that is
  filled exactly where the lead is printed was merged with it (`_second_unit_merged_with_lead`);
- *rows opened by an empty cell*: cells each followed by a lone `|`, every row opened by a `|` right after the one
  that closed the row above: the empty cells cut the rows, no number needed (`_rows_opened_by_a_bar`);
- *cells closed by bars*: every cell on its own line ending with " |" (an empty cell a line `|` or `||`): empty
  cells are kept, so a row with as many cells as the header is read column for column.

- *label and value lines*: a task laid out as a two-column table of label and value, one cell per line (具体任务 ⏎
  text ⏎ 责任单位 ⏎ …), read as a table with the labels as its header.
- *space-separated rows*: a header line of labels, then rows numbered 1, 2, 3 …; a row short of a cell has its
  cells under the columns they are shaped like in the row above, a line under a row with the row's shape but no
  number is a sub-row (its number, and its office when it has none, merged with the row above). Copied out of a
  PDF viewer, the lines under a row are its cells' wrapped lines side by side: put back column by column, by how
  full each cell's line was and what the parts hold (`_interleaved`).
- *glued cells*: a table whose cells were copied with no separator at all (序号内容与要求完成情况责任单位 ⏎ 1确保…。
  市发改委): the header cut at the labels known by name, each row's number from its start and its units from its end.

Lines before the first cell (or the first row) are the preamble: the notice, the 附件 label and the
title. Stray HTML tags are left for the builder's cleaning.
"""

from __future__ import annotations

import re
from collections import Counter

from ...dataset.units import is_collective, looks_like_unit, split_units
from ..patterns import DATE_LINE, FIGURE, NUMBER_MARKS, PAGE_METADATA, SIGNATURE_LINE, LazyPattern, zh_number
from .boxdraw import box_tables
from .grid import Grid

_LEADING_TAB = re.compile(r"^[ \u3000\u00a0]*\t")
_NUMBER_LIKE = re.compile(rf"^\s*[{NUMBER_MARKS}]?\s*(\d{{1,4}}|[一二三四五六七八九十百]{{1,4}})\s*[.、．]?\s*[{NUMBER_MARKS}]?\s*$")


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
    opened = _bar_opened_rows(lines)
    if opened is not None:
        return [opened]
    if is_header is not None:
        paired = _label_value_lines(lines, roles)
        if paired is not None:
            return [paired]
        opened = _rows_opened_by_a_bar(lines, is_header)
        if opened is not None:
            return [opened]
        stream = _cell_stream(lines)
        if stream is not None:
            grid = read_cell_stream(*stream, is_header=is_header, roles=roles)
            if grid is not None:
                return [grid]
        records = _key_value_records(lines, roles)
        if records is not None:
            return [records]
    piped = _pipe_rows(lines)
    if piped is not None:
        return [_read_tab_separated(piped, rows_marked=True)]
    if is_header is not None and not any("\t" in ln for ln in lines):
        spaced = _space_rows(lines, is_header, roles)
        if spaced is not None:
            return [spaced]
    if is_header is not None and not any("\t" in ln for ln in lines):
        glued = _glued_rows(lines, is_header, roles)
        unglued = _unglued_table(lines) if glued is None else None
        if unglued is not None:  # (a glued table run onto one line: its rows put back one a line)
            glued = _glued_rows(unglued, is_header, roles)
        if glued is not None:
            return [glued]
    if is_header is not None and not any("\t" in ln for ln in lines):
        lines = _one_cell_per_line(lines, is_header)
    # a row whose first cells were merged (empty) starts with tabs too, but has the header's number of tabs
    widths = Counter(ln.count("\t") for ln in lines if "\t" in ln.strip(" \u3000\t") and not _LEADING_TAB.match(ln))
    width = widths.most_common(1)[0][0] if widths else 0
    led = sum(1 for ln in lines if _LEADING_TAB.match(ln) and not (width >= 2 and ln.count("\t") == width))
    separated = sum(1 for ln in lines if "\t" in ln.strip(" \u3000\t") and not _LEADING_TAB.match(ln))
    if led == 0 and separated == 0:
        return []
    if led >= separated:
        return [_read_tab_led(lines, is_header)]
    return [_read_tab_separated(lines)]


def _label_value_lines(lines: list[str], roles: dict[str, str] | None = None) -> Grid | None:
    """A task laid out as a two-column table of label and value, flattened one cell per line (具体任务 ⏎ text ⏎
    责任单位 ⏎ 卫健局、文旅局 ⏎ 配合单位 ⏎ 各乡镇 ⏎ 完成时限 ⏎ …; a page per task): labels and values alternate,
    each label one of the header-label synonyms (`table.known_label`), each value no such label, no number and no
    bar, the task text's value a sentence. A grid with the labels
    as its header and one row per record (a label coming again starts the next record). None unless three pairs
    at least alternate so, one of them labelling the task text."""
    from ..table import cell_kind, known_label, label_role

    if any("\t" in ln for ln in lines):
        return None  # cells separated by tabs: rows of a table, read as such
    filled = [(no, ln.strip()) for no, ln in enumerate(lines, start=1) if ln.strip()]
    texts = [t for _no, t in filled]

    def label(text: str) -> bool:
        return len(text) <= 16 and known_label(text, roles)  # a label is short: the long cells cost nothing

    def value(text: str, of: str) -> bool:
        if label(text) or _COUNT.match(text) or _PIPE_RULE.match(text):
            return False
        return cell_kind(text) == "sentence" if label_role(of, roles) == "content" else True

    for start in range(len(texts)):
        if not label(texts[start]):
            continue
        pairs: list[tuple[str, str, int]] = []
        k = start
        while k + 1 < len(texts) and label(texts[k]) and value(texts[k + 1], texts[k]):
            pairs.append((texts[k], texts[k + 1], filled[k][0]))
            k += 2
        if len(pairs) < 3 or "content" not in {label_role(x, roles) for x, _v, _n in pairs}:
            continue
        header: list[str] = []
        records: list[dict[str, str]] = [{}]
        numbers: list[int] = [pairs[0][2]]
        for label, value, no in pairs:
            if label in records[-1]:
                records.append({})
                numbers.append(no)
            records[-1][label] = value
            if label not in header:
                header.append(label)
        grid = Grid(rows=[header, *([r.get(h, "") for h in header] for r in records)], preamble=texts[:start],
                    where="粘贴文本（标签与内容逐行）", row_numbers=[pairs[0][2], *numbers])
        if k < len(texts):
            grid.notes.append(f"「{texts[k][:20]}」起的 {len(texts) - k} 行不是「标签、内容」逐行的格式，已跳过")
        return grid
    return None


_KV_LINE = LazyPattern(r"^\s*(?:(\d{1,3})\s+)?([\u4e00-\u9fa5]{2,8})\s*[:：]\s*(.*)$")
_RECORD_NUMBER = LazyPattern(r"^\s*(\d{1,3})\s*$")
_ITEM_NUMBER = LazyPattern(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、|\d{1,2}\s*[.．、](?!\d))\s*\S")


def _key_value_records(lines: list[str], roles: dict[str, str] | None = None) -> Grid | None:
    """Records of key-value fields, one record per project (01 项目名称:… ⏎ 项目内容: ⏎ text ⏎ 责任单位: ⏎ units ⏎
    进展与成效: ⏎ paragraphs …): a field is a key with its colon (or a header label by name alone on its line, its
    colon lost), its value the rest of the line and the lines below it up to the next key; a record starts at a
    number (printed before its first key, or alone on its line) or where a key comes again. Keys are header labels,
    a project's name (项目名称) or a label saying what its field holds (进展与成效). Read as a table with the keys as
    its header. None unless two records at least have a task-text or name key and a unit key."""
    from ..table import is_name_label, known_label, label_meaning, label_role

    def key(text: str) -> bool:
        return known_label(text, roles) or is_name_label(text) or label_meaning(text, roles)

    if sum(1 for ln in lines if "\t" in ln or ln.count("|") >= 2) >= 3:
        return None  # cells separated by tabs or bars: rows of a table, read as such
    records: list[dict[str, str]] = []
    numbers: list[str] = []
    starts: list[int] = []
    pending_number = ""
    field = ""
    preamble: list[str] = []
    for no, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        m = _KV_LINE.match(text)
        bare = not m and len(text) <= 8 and known_label(text, roles)
        n = _RECORD_NUMBER.match(text)
        if not m and _ITEM_NUMBER.match(text):
            return None  # numbered paragraphs with key lines under them: the items reader's shape
        if n and (not records or field):
            pending_number = n.group(1)
            continue
        if (m and key(m.group(2))) or bare:
            label, value, number = (m.group(2), m.group(3).strip(), m.group(1) or "") if m else (text, "", "")
            number = number or pending_number
            if not records or number or label in records[-1]:
                records.append({})
                numbers.append(number)
                starts.append(no)
            pending_number = ""
            field = label
            records[-1][label] = value
        elif records and field:
            records[-1][field] = "\n".join(x for x in (records[-1][field], text) if x)
        elif not records:
            preamble.append(text)
    usable = [r for r in records if any(label_role(k, roles) in ("content", "category") or is_name_label(k) for k in r)
              and any(label_role(k, roles) in ("lead", "units") for k in r)]
    if len(usable) < 2 or len(usable) < len(records) - 1:
        return None
    header = list(dict.fromkeys(k for r in records for k in r))
    numbered = any(numbers)
    rows = [([number] if numbered else []) + [r.get(h, "") for h in header] for number, r in zip(numbers, records,
                                                                                               strict=True)]
    return Grid(rows=[(["序号"] if numbered else []) + header, *rows], preamble=preamble,
                where="粘贴文本（逐项键值）", row_numbers=[starts[0], *starts])


_PIPE_RULE = re.compile(r"^[\s|:：\-—=+]+$")


def _pipe_rows(lines: list[str]) -> list[str] | None:
    """Cells separated by | (a table flattened by a web page or a PDF) as tab-separated rows, each marked
    with a leading \x00 so that a row whose first or last cells are empty stays a row; None when fewer
    than two lines have | between cells. A bar at the start (or end) of the lines is the table's border
    only when most rows have one there; otherwise it closes an empty cell (`| 同步实施… |` → "", "同步实施…"). A line
    holding only a bar (each row followed by one, the row's border) is no cell and no text."""
    rows = [ln.strip() for ln in lines if ln.count("|") >= 2 and not _PIPE_RULE.match(ln)]
    if len(rows) < 2:
        return None
    first = next((k for k, ln in enumerate(lines) if ln.count("|") >= 2 and not PAGE_METADATA.search(ln)), len(lines))
    end = next((k for k in range(first + 1, len(lines)) if PAGE_METADATA.search(lines[k])), None)
    if end is not None:  # the page's metadata under the table (索引号： | … | 成文日期： | …): the table has ended
        lines = lines[:end]
        rows = [ln.strip() for ln in lines if ln.count("|") >= 2 and not _PIPE_RULE.match(ln)]
        if len(rows) < 2:
            return None
    lead = sum(1 for r in rows if r.startswith("|")) > len(rows) / 2
    tail = sum(1 for r in rows if r.endswith("|")) > len(rows) / 2
    out = []
    closed = False  # the last row line ended with its bar: a line after it is no wrapped end of its last cell
    for line in lines:
        if line.strip() == "|":
            continue  # a lone bar after a row (the row's closing border printed on its own line): no cell
        if tail and closed and line.count("|") == 1 and line.strip().endswith("|") and line.strip()[:-1].strip():
            # a row of one cell closed by its bar under a closed row: a sub-row whose other cells were merged
            # with the rows above (「县护城河指挥部 |」, 「开工建设老年大学。 |」), not the row's last cell wrapped
            out.append("\x00" + line.strip()[:-1].strip())
            continue
        closed = line.count("|") >= 2 and line.strip().endswith("|") if line.strip() else closed
        if line.count("|") >= 2:
            if _PIPE_RULE.match(line):
                continue
            row = line.strip()
            row = row[1:] if lead and row.startswith("|") else row
            row = row[:-1] if tail and row.endswith("|") else row
            out.append("\x00" + "\t".join(part.strip() for part in row.split("|")))
        else:
            out.append(line)
    return _rows_broken_in_two(out)


def _rows_broken_in_two(out: list[str]) -> list[str]:
    """A numbered ` | ` row broken over two lines by the page (「2 | 老旧小区加装电梯… | 1.… 2.… |」 ⏎ 「480 | 87.50% |
    区住建局 |」): a row short of the table's width (the width most rows have) whose next line is short too, by as many
    cells as together make the width, and opens with a figure that does not count on from the row's number (an
    amount, not the next row) — the two lines are one row. Rows that lost a merged cell are short alone and stay."""
    cells = [ln[1:].split("\t") if ln.startswith("\x00") else None for ln in out]
    counts = [len(c) for c in cells if c is not None]
    width = max(set(counts), key=lambda n: (counts.count(n), n)) if counts else 0
    joined: list[str] = []
    k = 0
    while k < len(out):
        row = cells[k]
        nxt = next((j for j in range(k + 1, len(out)) if out[j].strip()), None)  # blank lines between are no text
        after = cells[nxt] if nxt is not None else None
        if (row is not None and after is not None and len(row) < width and len(row) + len(after) == width
                and row[0].isdigit() and _FIGURE.match(after[0]) and after[0] != str(int(row[0]) + 1)):
            joined.append("\x00" + "\t".join([*row, *after]))
            k = nxt + 1
            continue
        joined.append(out[k])
        k += 1
    return joined


_BAR_OPENED = re.compile(r"^\s*\|\s*([^|\s][^|]*?)\s*$")
_FRAGMENT = re.compile(r"^[\u4e00-\u9fa5]{1,4}$")


def _bar_opened_rows(lines: list[str]) -> Grid | None:
    """A web table copied with every cell but a row's first opened by a bar at the start of its line and every row
    closed by a lone `|` line (「牵头单位 ⏎ | 目标任务 ⏎ | 责任单位 ⏎ |」): one row per run of lines up to a lone bar,
    a cell per bar, a line without a bar the next line of the cell above it (the row's first cell may span several:
    a narrow column wrapped, `_cell_lines`). Rows keep the cells they have: a row short of the header lost a cell
    merged over the rows above it (a lead printed once for several tasks), which the builder puts back in place
    (the grid is `ragged`). Lines before the header row that are no part of its first cell are the preamble; lines
    after the last lone bar are no row. None unless two rows at least are closed by a lone bar and hold two
    bar-opened cells or more between them, and no line has two bars (those are ` | ` rows)."""
    filled = [(no, ln.strip()) for no, ln in enumerate(lines, start=1) if ln.strip()]
    closers = [no for no, t in filled if t == "|"]
    opened = [no for no, t in filled if _BAR_OPENED.match(t)]
    if len(closers) < 2 or len(opened) < len(closers) or any(t.count("|") >= 2 for _no, t in filled) \
            or any("\t" in t for _no, t in filled) or len(closers) + len(opened) < 0.3 * len(filled):
        return None
    grid = Grid(rows=[], where="粘贴文本（单元格以 | 开头）", ragged=True)
    block: list[tuple[int, str]] = []
    for no, text in filled:
        if text != "|":
            block.append((no, text))
            continue
        cells = _bar_cells(block, grid.preamble if not grid.rows else None)
        if cells:
            grid.rows.append(cells)
            grid.row_numbers.append(block[0][0])
        block = []
    if block:
        grid.notes.append(f"第 {block[0][0]} 行起的 {len(block)} 行在最后一行表格之后，不在表格中")
    return grid if len(grid.rows) >= 2 else None


def _bar_cells(block: list[tuple[int, str]], preamble: list[str] | None) -> list[str]:
    """The cells of one bar-opened row. For the first row (`preamble` given), the lines before its first cell
    that do not continue that cell (a notice, the title, the 附件 label) go to the preamble."""
    cells: list[list[str]] = []
    for _no, text in block:
        m = _BAR_OPENED.match(text)
        if m:
            cells.append([m.group(1)])
        elif cells:
            cells[-1].append(text)
        else:
            cells.append([text])
    if preamble is not None and cells and len(cells[0]) > 1:
        at = next((j for j in range(len(cells[0]) - 1) if _wrapped_label(cells[0][j:])), len(cells[0]) - 1)
        preamble.extend(cells[0][:at])
        cells[0] = cells[0][at:]
    return [_cell_lines(c) for c in cells]


def _wrapped_label(parts: list[str]) -> bool:
    """The first header cell wrapped a few characters a line (「牵头 ⏎ 单位」): only when the lines joined are a label
    known by name — 「附件 ⏎ 序号」 is the attachment label above the header and its first label."""
    from ..table import known_label

    return _wrapped_word(parts) and known_label("".join(parts))


def _wrapped_word(parts: list[str]) -> bool:
    """Lines that are one word broken by a narrow column, a few characters a line (「市住 ⏎ 建委」,
    「市 ⏎ 卫 ⏎ 计 ⏎ 委」, 「某某 ⏎ 新区 ⏎ 管委会」): every line a few Chinese characters, and some line before
    the last no unit name of its own — 「市委 ⏎ 市政府」, two names one a line, stays two."""
    from ...dataset.units import looks_like_unit

    return len(parts) >= 2 and all(_FRAGMENT.match(p) for p in parts) \
        and not all(looks_like_unit(p) for p in parts[:-1])


def _cell_lines(parts: list[str]) -> str:
    """A cell's lines as its text: a word wrapped by a narrow column joined again, other lines kept as lines."""
    return "".join(parts) if _wrapped_word(parts) else "\n".join(parts)


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
    counting numbers 1, 2, 3 … (a mark before or after a number, ★6, singles out a key task). Spaces inside the
    task text cannot be told from the separators, so a row's cells before the task column are taken from the left
    and those after it from the right; the task text is what is left between. Under a label naming people
    (牵头县领导, 责任人) a two-character name spaced to the width of three (「路 军」) is one cell. A line that does not
    start with the next number continues the row above (a wrapped row). A line holding only the next number opens
    a row printed one cell per line (a row whose cells hold two values each falls back to that): the lines up to
    the next row are its cells, each column taking the lines that have its kind (`_cells_by_kind`).
    None unless at least two numbered rows have the header's width."""
    from ..table import SHORT_ROW_DOUBT, SPACED_TEXT_DOUBT, label_role

    for at, line in enumerate(lines):
        if not line.strip() or "|" in line:
            continue
        labels = _label_tokens(line)
        if not 2 <= len(labels) <= 12 or not is_header(labels):
            continue
        roles_of = [label_role(x, roles) for x in labels]
        people = [bool(_PEOPLE_LABEL.search(x)) and roles_of[k] is None for k, x in enumerate(labels)]
        text_at = next((k for k, r in enumerate(roles_of) if r == "content"),
                       next((k for k, r in enumerate(roles_of) if r == "category"), None))
        placed = text_at is None  # no label names the task: the reader places it, and tells the builder
        if text_at is None and roles_of[0] == "number":  # 序号 | 主要指标 | …: the task is the unnamed column after it
            text_at = next((k for k in range(1, len(labels)) if roles_of[k] is None and not people[k]), None)
        if text_at is None:
            continue
        even = _even_rows(lines, at, labels, text_at, people, exact=True)
        if even is not None and len(even.rows) > 2:  # every line under the header a row of its width: a row a line
            return _placed(even, labels[text_at], placed, roles)
        raw: list[tuple[str, int, list[str] | None]] = []  # (row line, line number, cells of a row one per line)
        subs: set[int] = set()  # rows of raw that are sub-rows: a row printed without its number (merged above)
        expected = None
        pending: list[str] = []  # lines after a row: its wrapped text when a numbered row follows them
        capacity = _column_capacity(lines[at + 1:], len(labels)) if _wraps_under_rows(lines[at + 1:]) else None
        kinds = [r or ("content" if k == text_at else None) for k, r in enumerate(roles_of)]
        assembled: dict[int, list[str]] = {}  # rows whose wrapped lines were put back column by column
        for no in range(at + 1, len(lines)):
            text = lines[no].strip()
            if text and _label_tokens(text) == labels:
                continue  # the header printed again at the top of a page
            first = _SPACES.split(text, maxsplit=1)[0] if text else ""
            m = _COUNT.match(first)
            counted = bool(text and m and (expected is None or int(m.group(1)) == expected))
            if counted and _SPACES.search(text) and raw and pending and capacity \
                    and (cells := _interleaved(raw[-1][0], pending, capacity, kinds)) is not None:
                assembled[len(raw) - 1] = cells  # lines of several cells wrapped side by side, put back
                pending = []
            if counted and _SPACES.search(text):
                if raw and pending:  # a line broken inside a cell, or between two cells
                    joined = _wrapped_task_text(raw[-1][0], pending, len(labels), text_at, people)
                    if joined is None:
                        joined = raw[-1][0] + "".join(pending)
                        if len(_SPACES.split(joined)) < len(labels):
                            joined = " ".join([raw[-1][0], *pending])
                    raw[-1] = (joined, raw[-1][1], None)
                raw.append((text, no + 1, None))
                expected = int(m.group(1)) + 1
                pending = []
            elif raw and not pending and raw[-1][2] is None and _sub_row(text, _full_above(raw, subs, labels, text_at,
                                                                                       people), text_at):
                subs.add(len(raw))
                raw.append((text, no + 1, None))
            elif counted and raw and not pending and text_at == 1:  # the number alone: a row one cell per line
                raw.append((text, no + 1, []))
                expected = int(m.group(1)) + 1
            elif raw and text and raw[-1][2] is not None:
                raw[-1][2].append(text)
            elif raw and text:
                pending.append(text)
            elif raw and pending:
                break  # a blank line after lines that are no row: the table has ended
        if raw and pending and capacity and not assembled.get(len(raw) - 1):
            taken = _interleaved_prefix(raw[-1][0], pending, capacity, kinds, last_row=True)
            if taken is not None:  # the last row's wrapped lines; what follows them is after the table
                assembled[len(raw) - 1], pending = taken
        width = len(labels)
        split = [assembled[k] if k in assembled else None if k in subs or cells is not None
                 else _split_spaced(text, width, text_at, people) for k, (text, _no, cells) in enumerate(raw)]
        full = [r for r in split if r is not None]
        short = [k for k, (_t, _no, cells) in enumerate(raw) if cells is None and split[k] is None]
        # one row is enough when its cells' wrapped lines were put back column by column (a list of one task)
        if len(full) < (1 if assembled else 2) or (short and (text_at != 1 or roles_of[0] != "number")):
            even = _even_rows(lines, at, labels, text_at, people)
            if even is not None:
                return _placed(even, labels[text_at], placed, roles)
            continue
        merged: dict[int, set[int]] = {}
        doubts: dict[int, str] = {}
        for k in assembled:  # a weak reading: the clerk checks these rows against the PDF
            doubts[k + 1] = INTERLEAVED_DOUBT
        for k, (text, _no, cells) in enumerate(raw):  # more parts than labels: where the extra spaces belong is a
            # guess (the task text's, or two names in a unit cell: 「区城管局 区公安分局」), so the row is flagged
            if (k not in assembled and cells is None and split[k] is not None and not any(people)
                    and len(_SPACES.split(text.strip())) > width):
                doubts[k + 1] = SPACED_TEXT_DOUBT
        for k in short:  # a row short of cells: each cell under the column it is shaped like in the row above
            above = next((r for r in reversed(split[:k]) if r is not None), full[0])
            split[k], lost = _short_row(_SPACES.split(raw[k][0].strip()), k in subs, above)
            merged[k + 1] = lost
            if k not in subs:
                doubts[k + 1] = SHORT_ROW_DOUBT
        rows = [split[k] if cells is None else [text, *_cells_by_kind(cells, full, people)]
                for k, (text, _no, cells) in enumerate(raw)]
        grid = Grid(rows=[labels, *rows], preamble=[ln.strip() for ln in lines[:at] if ln.strip()],
                    where="粘贴文本（空格分隔）", row_numbers=[at + 1, *(no for _t, no, _c in raw)], merged=merged,
                    doubts=doubts)
        if pending:
            grid.notes.append(f"表格后的「{pending[0][:20]}」等 {len(pending)} 行不在表格中，已跳过")
        return _placed(grid, labels[text_at], placed, roles)
    return None


def _placed(grid: Grid, label: str, placed: bool, roles: dict[str, str] | None) -> Grid:
    """`grid`, told that the column `label` holds the task when no label named it (`placed`) and the clerk did not."""
    if placed and not (roles and "content" in roles.values()):
        grid.roles = {label: "content"}  # every row was split around it: the builder reads it so
        grid.notes.append(f"没有表头说明哪一列是任务内容，「{label}」列在序号之后、每行一项，"
                          "作为任务内容（如不对，请用 --column 指定）")
    return grid


def _even_rows(lines: list[str], at: int, labels: list[str], text_at: int, people: list[bool],
               exact: bool = False) -> Grid | None:
    """The rows under a header of space-separated labels when no count numbers them (a table with no 序号, numbers
    一 二 三 or 1 1 2, a single row): a row a line, each line as many space-separated cells as the header has labels,
    from the line under the header to a blank line or a line with fewer parts. A line with more parts has spaces
    in its task text: its cells are taken from the left and right of the task column (`_split_spaced`) and the row
    is flagged. None unless one row at least has exactly the header's width (the spaces are the table's
    separators) and no row has fewer; `exact`: None unless every row has exactly the header's width, up to a blank
    line or the end (the header printed again at a page's top is skipped)."""
    from ..table import SPACED_TEXT_DOUBT

    rows, numbers, doubts = [], [], {}
    whole = False
    for no in range(at + 1, len(lines)):
        text = lines[no].strip()
        if not text:
            if rows:
                break
            continue
        parts = _SPACES.split(text)
        if exact and _label_tokens(text) == labels:
            continue
        if exact and len(parts) != len(labels):
            return None
        if len(parts) < len(labels):
            break
        whole = whole or len(parts) == len(labels)
        if len(parts) > len(labels):
            doubts[len(rows) + 1] = SPACED_TEXT_DOUBT
        rows.append(_split_spaced(text, len(labels), text_at, people) if len(parts) > len(labels) else parts)
        numbers.append(no + 1)
    if not rows or not whole or any(r is None for r in rows):
        return None
    return Grid(rows=[labels, *rows], preamble=[ln.strip() for ln in lines[:at] if ln.strip()],
                where="粘贴文本（空格分隔）", row_numbers=[at + 1, *numbers], doubts=doubts)


_PEOPLE_LABEL = LazyPattern(r"(领导|负责人|责任人|联系人)$")
_SPACED_NAME = LazyPattern(r"^[\u4e00-\u9fa5][ \u3000]{1,2}[\u4e00-\u9fa5]$")


_GLUED_ANCHORS = ("完成情况", "进展情况", "落实情况", "推进情况", "工作进展", "进展成效", "备注", "序号", "编号")
_GLUED_ROW = LazyPattern(r"^\s*(\d{1,3})(?![\d.．%％])\s*(?=[\u4e00-\u9fa5“《(（])")
_SENTENCE_END = LazyPattern(r"[。；;！!]")


def _glued_labels(line: str, roles: dict[str, str] | None) -> list[str]:
    """A header whose labels were glued with no separator (序号内容与要求完成情况责任单位): cut at the labels known by
    name four characters long or more (责任单位, 完成时限, …) and a few short ones (序号, 备注, 完成情况); the text
    between two of them is one label (内容与要求)."""
    from ..table import ROLE_LABELS

    names = sorted({x for labels in ROLE_LABELS.values() for x in labels if len(x) >= 4} | set(_GLUED_ANCHORS),
                   key=len, reverse=True)
    out: list[str] = []
    gap = ""
    k = 0
    while k < len(line):
        name = next((n for n in names if line.startswith(n, k)), None)
        if name is None:
            gap += line[k]
            k += 1
            continue
        if gap:
            out.append(gap)
            gap = ""
        out.append(name)
        k += len(name)
    if gap:
        out.append(gap)
    return out


# A glued header inside a longer line, up to the number of the first row glued after it (…分工清单序号工作任务责任单位21树立…)
_HEADER_IN_LINE = LazyPattern(r"(?:序号|编号)[\u4e00-\u9fa5]{4,38}?(?=(\d{1,3})(?![\d.．%％])[\u4e00-\u9fa5“《(（])")
# A document-sharing site's chunk marker opening each stored chunk of the text (「1、…」 ⏎ 「2、…」), wherever the chunk
# breaks — inside a word (「市」 ⏎ 「2、住建局」)
_CHUNK_MARK = LazyPattern(r"^\s*(\d{1,2})、")


# A measure word after a figure (3个院区, 2所学校, 5万元): the figure counts something, it opens no row
_MEASURE = r"[个万亿户元次件辆套座条批间栋亩吨]"


def _unit_cell_start(body: str) -> int | None:
    """Where the unit cell glued at the end of a row's text starts: after the earliest sentence end from which
    the rest still reads as a unit cell (「…婚育文化。省委宣传部牵头;省总工会配合;各州(市)党委和政府落实」: its
    「;」 are the cell's own); None when the text after the last sentence end is no unit cell."""
    from ..table import cell_kind

    ends = [m.end() for m in _SENTENCE_END.finditer(body)]  # (never the whole row: a row keeps its text)
    found = None
    for end in reversed(ends):
        cell = body[end:].strip()
        if not cell or cell_kind(cell) != "unit":
            if found is not None or cell:
                break
            continue
        found = end
    return found


def _unglued_table(lines: list[str]) -> list[str] | None:
    """The lines of a glued table run onto one line put back one row a line (「序号工作任务责任单位21树立…。省委宣传部牵头；
    …落实22根据…」: a newspaper's or a document-sharing site's copy of a table of <div> cells): the text before the
    header (a title glued to it) on a line of its own, the header on its own, and a break before each row's number —
    the next in the count, where the text before it, after the row's last sentence, reads as a unit cell. A
    document-sharing site's chunk markers (「2、」 at a line's start, the first chunk 「1、」) are dropped and their
    chunks joined. None when no line holds a glued header followed by two rows that count up."""
    for at, line in enumerate(lines):
        m = _HEADER_IN_LINE.search(line)
        if not m:
            continue
        text, after = line, lines[at + 1:]
        chunk = _CHUNK_MARK.match(text)
        if chunk and chunk.group(1) == "1":  # the site's chunks: 「1、」 here, 「2、」 … at the lines after it
            text = text[chunk.end():]
            expected = 2
            while after and (c := _CHUNK_MARK.match(after[0])) and int(c.group(1)) == expected \
                    and not _SENTENCE_END.search(text.rstrip()[-1:] or "。"):
                text, after, expected = text + after[0][c.end():], after[1:], expected + 1
            m = _HEADER_IN_LINE.search(text)
        number, start = int(m.group(1)), m.end()
        rows: list[str] = []
        while True:
            nxt = None
            # the next number before a text (or a year), or, where none is, before a figure (「3100个行政村…」: row 3)
            for opening in (rf"(?=[\u4e00-\u9fa5“《(（]|\d{{4}}年)(?!{_MEASURE})", r"(?=\d)"):
                for c in re.finditer(rf"(?<![\d.．]){number + 1}{opening}", text[start:]):
                    body = text[start: start + c.start()]
                    if len(body) >= 8 and _unit_cell_start(body) is not None:
                        nxt = start + c.start()
                        break
                if nxt is not None:
                    break
            if nxt is None:
                rows.append(text[start:])
                break
            rows.append(text[start:nxt])
            start, number = nxt, number + 1
        if len(rows) < 2:
            return None
        title = text[: m.start()].strip()
        return [*lines[:at], *([title] if title else []), m.group(0), *rows, *after]
    return None


def _glued_rows(lines: list[str], is_header, roles: dict[str, str] | None = None) -> Grid | None:
    """A table whose cells were glued with no separator at all (a page's table of <div> cells copied as text): the
    header one word of glued labels (`_glued_labels`), each row one line starting with its number glued to its text
    (1确保…。前三季度,…。市发改委). The number is the leading digits; the cells of unit columns at the end are the
    unit names after the last sentence end (市发改委); what is left is the text. Where a row's text spans two text
    columns (内容与要求 | 完成情况) their boundary cannot be seen: the whole text is put in the task column and the
    row is marked doubtful. None unless the header glues three labels or more, the first naming the number, and two
    rows or more count up from it."""
    from ..table import label_meaning, label_role

    for at, line in enumerate(lines):
        text = line.strip()
        if (not text.startswith(("序号", "编号")) or not 6 <= len(text) <= 40 or _SPACES.search(text)
                or not re.fullmatch(r"[\u4e00-\u9fa5]+", text)):
            continue
        labels = _glued_labels(text, roles)
        if len(labels) < 3 or label_role(labels[0], roles) != "number" or not is_header(labels):
            continue
        kinds = [label_role(x, roles) for x in labels]
        known: dict[str, str] = {}
        if "content" not in kinds:  # 内容与要求: the first text column with no role of its own is the task's
            first = next((c for c in range(1, len(labels)) if kinds[c] is None and not label_meaning(labels[c])), None)
            if first is None:
                continue
            kinds[first], known[labels[first]] = "content", "content"
        raw: list[list] = []
        expected = None
        for no in range(at + 1, len(lines)):
            row = lines[no].strip()
            m = _GLUED_ROW.match(row)
            if (not m or int(m.group(1)) != expected) and expected is not None and re.match(rf"{expected}\d", row):
                m = re.match(rf"({expected})", row)  # 「32024年底前完成…」, 「3100个行政村…」: row 3, its text opening with a figure
            if m and (expected is None or int(m.group(1)) == expected):
                raw.append([m.group(1), row[m.end():].strip(), no + 1])
                expected = int(m.group(1)) + 1
            elif raw and row:
                raw[-1][1] += row
        if len(raw) < 2:
            continue
        unit_cols: list[int] = []
        last = len(labels) - 1
        while last > 1 and labels[last] in ("备注", "备 注"):  # (a remarks column after the units: empty in such rows)
            last -= 1
        for c in range(last, 0, -1):  # the unit columns at the end of the row
            if kinds[c] not in ("lead", "units"):
                break
            unit_cols.insert(0, c)
        text_cols = [c for c in range(1, last + 1) if c not in unit_cols]
        grid = Grid(rows=[labels], preamble=[ln.strip() for ln in lines[:at] if ln.strip()],
                    where="粘贴文本（单元格连写）", row_numbers=[at + 1], roles=known)
        content_at = kinds.index("content")
        for number, body, no in raw:
            cells = [""] * len(labels)
            cells[0] = number
            if unit_cols:
                cut = _unit_cell_start(body)
                if cut is not None:
                    cells[unit_cols[0]] = body[cut:].strip()
                    body = body[:cut]
            cells[content_at] = body.strip()
            if len(text_cols) > 1:
                others = "」「".join(labels[c] for c in text_cols if c != content_at)
                grid.doubts[len(grid.rows)] = f"「{labels[content_at]}」与「{others}」连写，分不出界限，已全部作为任务内容"
            grid.rows.append(cells)
            grid.row_numbers.append(no)
        return grid
    return None


def _shape(text: str) -> str:
    """A space-separated cell's shape, to match it with the cell above it: a figure (3.5, 1200, 98.6%), a unit
    name, or other text."""
    from ...dataset.units import looks_like_unit

    if not text:
        return ""
    if _FIGURE.match(text):
        return "figure"
    return "unit" if looks_like_unit(text) else "text"


def _display_width(text: str) -> int:
    """Columns a text takes printed: a CJK character or a full-width mark two, anything else one (the quotes “”
    print narrower than a character in most Chinese fonts)."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


INTERLEAVED_DOUBT = "从 PDF 复制的文字中几格的折行并排，已按各格排满的程度放回，请对照原文核对"


def _wraps_under_rows(lines: list[str]) -> bool:
    """Evidence of a copy out of a PDF viewer, whose cells wrap side by side: at least two numbered rows with
    lines under them before the next row (or the one row of a list of one task). A single line under one row of
    several (a second unit, a sub-row of a web or Word copy) is no such evidence."""
    wrapped, rows, after_row = 0, 0, None
    for line in lines:
        text = line.strip()
        if not text:
            continue
        first = _SPACES.split(text, maxsplit=1)[0]
        if _COUNT.match(first) and _SPACES.search(text):
            after_row, rows = 0, rows + 1
        elif after_row is not None:
            after_row += 1
            if after_row == 1:
                wrapped += 1
    return wrapped >= 2 or (rows == 1 and wrapped == 1)  # (a list of one task: its lines under it)


def _column_capacity(lines: list[str], width: int) -> list[int] | None:
    """How wide each column prints, from the numbered lines that split into exactly `width` parts: the widest
    part seen in each column (a table copied out of a PDF viewer, its cells' lines side by side, 「1 启动建设东柳河城
    县水务局、县住建 12月底前」). None when no such line is found."""
    widths = [0] * width
    seen = 0
    for line in lines:
        parts = _SPACES.split(line.strip())
        if len(parts) == width and _COUNT.match(parts[0]):
            seen += 1
            widths = [max(w, _display_width(p)) for w, p in zip(widths, parts, strict=True)]
    return widths if seen else None


def _interleaved(row: str, pending: list[str], capacity: list[int], roles: list[str | None]) -> list[str] | None:
    """A row copied out of a PDF viewer: its first line holds a part of every cell, the lines under it the next
    lines of the cells that wrapped, side by side (「区段综合治理工程 局、县护城河指挥」). Each cell's line filled to
    within a character of the column's width goes on in the line below; the parts of a line below go to those
    cells, in order. A cell that had ended takes a part as a new line only when it is a unit name and so is what
    the cell holds (one unit a line). Where the parts could go on several cells, a part that ends a sentence goes
    to a text column and a unit name to a unit column (`roles`, the columns' roles), else to the cells whose lines
    were fullest. The row's cells, or None when a line below does not fit."""
    taken = _interleaved_prefix(row, pending, capacity, roles)
    return taken[0] if taken is not None and not taken[1] else None


def _interleaved_prefix(row: str, pending: list[str], capacity: list[int], roles: list[str | None],
                        last_row: bool = False) -> tuple[list[str], list[str]] | None:
    """`_interleaved` for as many lines under the row as fit: (the row's cells, the lines left), or None when
    the row's line does not split into a part per column or no line under it fits. Under the `last_row`, the
    issuing office or a date alone on a line (某某市人民政府办公室) is the signature under the table, not a cell's,
    and the table ends there; a line goes on with the row only where one of its cells was cut (not a note, 注：…)."""
    from itertools import combinations

    from ...dataset.units import looks_like_unit

    cells = _SPACES.split(row.strip())
    width = len(capacity)
    if len(cells) != width:
        return None
    if last_row:
        pending = pending[:next((k for k, ln in enumerate(pending) if SIGNATURE_LINE.match(ln.strip())),
                                len(pending))]
    last = list(cells)  # each cell's last line
    used = 0
    for line in pending:
        words = _SPACES.split(line.strip())
        # a cell whose line came within two characters of the column's width may go on (a character and the mark
        # after it, 个。, move down together); it surely does unless what it holds so far could end there
        near = [c for c in range(width) if capacity[c] >= 6 and _display_width(last[c]) >= capacity[c] - 5]
        sure = [c for c in near if not _ends_whole(cells[c], roles[c])]
        best = None
        for parts in _groupings(words) if len(words) <= 6 else ([" ".join(words)],):
            for cols in combinations(range(width), len(parts)) if len(parts) <= width else ():
                # a unit name under a cell that ends with one starts a line of its own (one unit a line)
                new = [c for c in cols if c not in sure and (c not in near or (
                    roles[c] in ("lead", "units") and looks_like_unit(parts[cols.index(c)])))]
                if len(parts) >= len(sure) and not set(sure) <= set(cols):
                    continue
                if last_row and not set(sure) & set(cols):
                    continue  # under the last row, only a cell cut mid-sentence or mid-name surely goes on (注：…)
                if not all(roles[c] in ("lead", "units", None) and looks_like_unit(parts[cols.index(c)])
                           and looks_like_unit(cells[c]) for c in new):
                    continue
                going_on = [c for c in cols if c not in new]
                score = (sum(1 for c in going_on if c in sure),  # a cell cut mid-sentence or mid-name goes on first
                         sum(_part_fits(p, roles[c]) for p, c in zip(parts, cols, strict=True))
                         + sum(_keeps_kind(cells[c], parts[cols.index(c)], roles[c]) for c in going_on
                               if c not in sure),
                         -sum(1 for c in going_on if c not in sure), len(parts) - len(words),
                         sum(_display_width(last[c]) - capacity[c] for c in going_on), sum(new))
                if best is None or score > best[0]:
                    best = (score, parts, cols, new)
        if best is None:
            break
        _score, parts, cols, new = best
        for part, c in zip(parts, cols, strict=True):
            glue = "\n" if c in new else " " if cells[c][-1:].isascii() and part[:1].isascii() else ""
            cells[c] += glue + part
            last[c] = part
        used += 1
    if not used:
        return None
    return cells, pending[used:]


# the issuing office or the date under a table (某某市人民政府办公室, 2024年3月1日): the notice's, not a cell's


def _groupings(words: list[str]) -> list[list[str]]:
    """Every way to read a line's words as parts of cells, consecutive words joined by their space (a PDF prints
    spaces around figures inside a cell: 「达到 90% 以上」), the fewest joins first."""
    out = []
    for cuts in range(2 ** (len(words) - 1)):
        parts = [words[0]]
        for k, word in enumerate(words[1:]):
            if cuts >> k & 1:
                parts[-1] += " " + word
            else:
                parts.append(word)
        out.append(parts)
    return sorted(out, key=len, reverse=True)


def _ends_whole(cell: str, role: str | None) -> bool:
    """Whether a cell read so far ends where a cell may end: a sentence at its stop, a unit column at the end of a
    unit name (县水务局, not 县水务局、县住建), a date or a short phrase not broken at a figure or a mark."""
    from ...dataset.units import COLLECTIVE_ENDINGS, UNIT_SUFFIXES, simplified

    if not cell or cell[-1] in "、，,；;：:（(“《" or cell[-1].isdigit():
        return False
    if role in ("lead", "units"):  # a unit's ending (各乡镇人民政 is cut, though it starts like a collective)
        name = simplified(re.split(r"[、，,；;\n]", cell)[-1])
        return len(name) >= 2 and name.endswith((*UNIT_SUFFIXES, *COLLECTIVE_ENDINGS))
    if role in ("content", "category"):
        return bool(_SENTENCE_END.search(cell[-1]))
    return True


def _keeps_kind(cell: str, part: str, role: str | None) -> int:
    """-1 when a cell with a part run on no longer reads as its column's kind (县城管局 + 底前, where 2026年10月 +
    底前 is still a date), else 0."""
    from ...dataset.units import looks_like_unit
    from ..table import cell_kind

    joined = cell + part
    if role in ("lead", "units"):
        return 0 if looks_like_unit(re.split(r"[、，,；;\n]", joined)[-1]) else -1
    if role == "deadline":
        return 0 if cell_kind(joined) == "deadline" else -1
    return 0


def _part_fits(part: str, role: str | None) -> int:
    """1 when a wrapped part is plainly of the kind its column holds (the end of a sentence in the task's column,
    a unit name in a unit column), -1 when plainly not, else 0."""
    from ...dataset.units import looks_like_unit

    kind = "text" if _SENTENCE_END.search(part[-1:]) or any(m in part for m in "，,；;") else \
        "unit" if looks_like_unit(part) else ""
    if not kind or role is None:
        return 0
    column = "text" if role in ("content", "category") else "unit" if role in ("lead", "units") else "other"
    return 1 if kind == column else -1


def _wrapped_task_text(row: str, pending: list[str], width: int, text_at: int, people: list[bool]) -> str | None:
    """Lines under a row that has all its cells, its last one a unit name or a date, which are neither unit names
    nor a date and do not finish the last cell (「达到 90% 以上」 under a row ending 「2026年12月底前」 — not 「底前」 under
    「2026年12月」, the date's own tail: with it the cell is still a date, and it has no figure of its own): the rest
    of the task text wrapped in its cell, put back after it.
    The row's line with them in place, or None (they continue its last cell, as a wrapped unit name does)."""
    from ..table import cell_kind

    cells = _split_spaced(row, width, text_at, people)
    rest = "".join(pending).replace(" ", "").replace("\u3000", "")
    if cells is None or (last := cell_kind(cells[-1])) not in ("unit", "deadline") \
            or cell_kind(rest) in ("unit", "deadline") \
            or (cell_kind(cells[-1] + rest) == last and not any(ch.isdigit() for ch in rest)):
        return None
    right = width - 1 - text_at
    parts = _SPACES.split(row.strip())
    return " ".join([*parts[:len(parts) - right], *pending, *parts[len(parts) - right:]])


def _full_above(raw: list[tuple[str, int, list[str] | None]], subs: set[int], labels: list[str], text_at: int,
                people: list[bool]) -> list[str] | None:
    """The cells of the nearest numbered row above that has all its cells (a sub-row's model), or None."""
    for k in range(len(raw) - 1, -1, -1):
        if k not in subs and raw[k][2] is None:
            cells = _split_spaced(raw[k][0], len(labels), text_at, people)
            if cells is not None:
                return cells
    return None


def _sub_row(text: str, above: list[str] | None, text_at: int) -> bool:
    """A line under a numbered row with the row's shape but no number of its own (a second indicator of the same
    item, its number cell merged over both): its first part no figure, then cells enough for all the columns but
    the number and one more, and its figures under the columns where the row above (`above`, a full row) has
    figures — one at least. A line broken off a cell (「达到 90% 以上」 under a row of names and dates) is no sub-row."""
    parts = _SPACES.split(text.strip())
    if above is None or text_at != 1 or not len(above) - 2 <= len(parts) <= len(above) - 1 \
            or _shape(parts[0]) == "figure":
        return False
    row, _lost = _short_row(parts, True, above)
    figures = [c for c in range(2, len(row)) if _shape(row[c]) == "figure"]
    return bool(figures) and all(_shape(above[c]) == "figure" for c in figures)


def _short_row(parts: list[str], sub: bool, above: list[str]) -> tuple[list[str], set[int]]:
    """A row with fewer cells than the header (序号 | 任务 | … : the task in the second column): its number (none in a
    sub-row) and task text where they stand, its other cells, in order, under the columns whose cells in the row
    above have their shape (a figure under a figure, a unit name under a unit name); among placements that fit as
    well, the rightmost. The row and the columns it has no cell for (merged with the row above, or left blank)."""
    from itertools import combinations

    width = len(above)
    head = ([""] if sub else parts[:1]) + (parts[:1] if sub else parts[1:2])
    rest = parts[1:] if sub else parts[2:]
    free = list(range(2, width))
    if len(rest) > len(free):
        rest = [*rest[:len(free) - 1], " ".join(rest[len(free) - 1:])]

    def score(cols: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
        return sum(_shape(c) == _shape(above[col]) for c, col in zip(rest, cols, strict=True)), cols

    best = max(combinations(free, len(rest)), key=score) if rest else ()
    row = [*head, *[""] * (width - 2)]
    for cell, col in zip(rest, best, strict=True):
        row[col] = cell
    lost = ({0} if sub else set()) | (set(free) - set(best))
    return row, lost


def _split_spaced(text: str, width: int, text_at: int, people: list[bool] | None = None) -> list[str] | None:
    """One space-separated row as `width` cells: the cells before the task column from the left, those after it
    from the right, the task text (spaces and all) between; under a label naming people (`people`), two single
    characters are one spaced name (路 军). None when the row has fewer parts than cells."""
    parts = _SPACES.split(text.strip())
    if len(parts) < width:
        return None
    left, rest = parts[:text_at], parts[text_at:]
    right: list[str] = []
    for col in range(width - 1, text_at, -1):
        if len(rest) < 2:
            return None
        if (people and people[col] and len(rest) >= 3 and _CJK_CHAR.match(rest[-1]) and _CJK_CHAR.match(rest[-2])):
            right.insert(0, rest[-2] + " " + rest[-1])
            rest = rest[:-2]
        else:
            right.insert(0, rest[-1])
            rest = rest[:-1]
    return [*left, " ".join(rest), *right]


def _cells_by_kind(cells: list[str], rows: list[list[str]], people: list[bool]) -> list[str]:
    """A row printed one cell per line inside a space-separated table (its cells hold two values each: two
    leaders, two units, progress per unit): the lines after its number go to the columns after the number in
    order, each column taking the lines that have the kind its cells have in the other rows (a person's name,
    unit names, a sentence); the task text takes the first line, the last column every line left."""
    from ..table import cell_kind

    def kind(text: str, col: int) -> str:
        flat = text.replace(" ", "").replace("\u3000", "")
        if people[col] and 2 <= len(flat) <= 3 and cell_kind(flat) == "short":
            return "person"
        return cell_kind(text)

    width = len(people)
    kinds = []
    for col in range(1, width):
        seen = [kind(r[col], col) for r in rows if col < len(r) and r[col].strip()]
        kinds.append(max(dict.fromkeys(seen), key=seen.count) if seen else "")
    out: list[str] = []
    at = 0
    for k, want in enumerate(kinds):
        col = k + 1
        if col == width - 1:
            out.append("\n".join(cells[at:]))
            at = len(cells)
            break
        taken = []
        while at < len(cells) and (kind(cells[at], col) == want or (k == 0 and not taken)):
            taken.append(cells[at])
            at += 1
            if k == 0 and want != "unit":
                break
        out.append(("、" if want == "person" else "\n").join(taken))
    return out + [""] * (width - 1 - len(out))


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
    if filled and DATE_LINE.match(lines[filled[-1]].strip()):
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
            if line.strip() and not line.strip().strip("|"):  # 「|」; 「|||」 the empty cells a row ends with
                if current:
                    cells.append(("\n".join(current), start))
                current = []
            elif line.strip():
                if not current:
                    start = no
                current.append(line.strip())
        if current:
            cells.append(("\n".join(current), start))
        preamble: list[str] = []
        if cells and "\n" in cells[0][0]:  # the lines above the first cell (附件, the title) are no cell of the table
            *preamble, first = cells[0][0].split("\n")
            if preamble and _label_broken_at([preamble[-1], first], 1):  # (序 ⏎ 号: the first label on two lines)
                first = preamble.pop() + "\n" + first
            cells[0] = (first, cells[0][1] + len(preamble))
        return preamble, cells
    if sum(1 for ln in filled if ln.count("|") >= 2) >= 2:
        return None
    return [], [(ln.strip(), no) for no, ln in enumerate(lines, start=1) if ln.strip()]


def _rows_opened_by_a_bar(lines: list[str], is_header) -> Grid | None:
    """Cells each followed by a line 「|」, every row opened by an empty cell (a 「|」 right after the 「|」 that closed
    the row above, as a page with an empty first column copies): the empty cells cut the rows, with no number
    needed. The first row is the header; a row shorter than it lost a merged cell (工作任务 merged over its rows),
    so the grid is ragged and its rows are put back in place by the table builder. None unless three rows at least
    are opened so, the first a header of three labels or more, every other as wide or one cell short."""
    from ..table import label_role

    cells: list[tuple[str, int]] = []
    current: list[str] = []
    preamble: list[str] = []
    start = 0
    for no, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        if text != "|":
            if not current:
                start = no
            current.append(text)
            continue
        if not cells and current:  # the lines above the first bar: the title, not a cell
            preamble, current = current, []
        cells.append(("\n".join(current), start) if current else (EMPTY_CELL, no))
        current = []
    if current or not cells or cells[0][0] != EMPTY_CELL:
        return None
    rows: list[list[tuple[str, int]]] = []
    for cell in cells:
        if cell[0] == EMPTY_CELL:
            rows.append([])
        else:
            rows[-1].append(cell)
    header = [c[0] for c in rows[0]]
    if len(rows) < 4 or len(header) < 3 or not is_header(header) or any(
            len(row) not in (len(header) - 1, len(header)) for row in rows[1:]) or (preamble and label_role(preamble[-1])):
        return None  # (a row two cells short, or a label above the first bar: the bars are no row openers)
    return Grid(rows=[[c[0] for c in row] for row in rows], preamble=preamble, where="粘贴文本（一格一行）",
                row_numbers=[row[0][1] for row in rows], ragged=True)


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


# A label's second line in brackets (「责任股室」 ⏎ 「(单位)」): part of the label above it, not a column of its own
_BRACKET_LABEL = LazyPattern(r"^\s*[（(][\u4e00-\u9fa5]{1,6}[）)]\s*$")


def _label_split_over_two_lines(header: list[str], lead: int, after: int, positions: list[int],
                                label_role) -> tuple[list[str], int]:
    """The header with a label that the copy broke over two lines (「区本级」 ⏎ 「任务数」) joined again, and the number
    of columns after the number: where no row has as many cells as the header has columns after the number, and two
    labels side by side are the only two that name no known column, and the widest rows are one cell short, they are
    one cell. The header as it was otherwise (two merged heading columns no row prints stay two labels)."""
    from ..table import label_meaning

    gaps = [b - a - 1 for a, b in zip(positions, positions[1:], strict=False)]
    if len(gaps) < 2 or max(gaps) != after - 1:  # (one label too many: joined, the widest rows fill the header)
        return header, after
    unknown = [c for c in range(lead + 1, len(header))
               if header[c] and not label_role(header[c]) and not label_meaning(header[c])]
    if len(unknown) != 2 or unknown[1] != unknown[0] + 1 or len(header[unknown[0]] + header[unknown[1]]) > 12:
        return header, after
    c = unknown[0]
    return [*header[:c], header[c] + header[c + 1], *header[c + 2:]], after - 1


def read_cell_stream(preamble: list[str], cells: list[tuple[str, int]], is_header,
                     roles: dict[str, str] | None = None) -> Grid | None:
    """Rows from a stream of cells: the header is a run of short labels followed (within the lead cells of
    the first row) by the number 1; rows are cut at the counting numbers 1, 2, 3 …; inside a row the cells
    go to the columns in order by what they hold (several unit names in a row all go to the unit column);
    cells left over after the last column are a continuation row (a merged row: a second line of text, a
    second deadline), and cells before a number that fit the columns left of the number column open the
    next row (a category). Header cells fewer than the row's columns: the number column had no label of its
    own (a label spanning the number and the text), so it gets an empty label."""
    from ..table import cell_kind, is_label_like, kind_fit, progress_label
    from ..table import label_role as role_of

    def label_role(text: str) -> str | None:
        return role_of(text, roles)

    cells = _drop_row_openers(_notes_to_labels(cells, is_label_like))
    cells = _numbers_out_of_task_cells(cells, label_role)
    cells = _number_first(cells, is_header, is_label_like, label_role)
    texts = [c[0] for c in cells]
    found = _stream_header(texts, is_header, is_label_like, label_role)
    if found is None:
        return _unnumbered_stream(preamble, cells, is_header)
    start, end, positions = found
    header = _one_tier(texts[start:end], positions if len(positions) > 1 else [*positions, len(texts)])
    lead = positions[0] - end
    labelled = [label_role(h) for h in header]
    if "content" not in labelled and labelled.count("category") >= 2:  # 任务类别 | 重点任务: the one naming tasks
        tasky = [h for h, r in zip(header, labelled, strict=True) if r == "category" and _TASK_LABEL.search(h.strip())]
        if tasky:
            roles = {**(roles or {}), tasky[0].strip(): "content"}
            labelled = [label_role(h) for h in header]
    number_labelled = "number" in labelled
    # 序号 is the first label, so no cell comes before a row's number: lines there are section headings
    # (（一）王某某副市长牵头重点工作) that group the rows below them, never a row's first cell
    headings_between = number_labelled and labelled[0] == "number"
    headings: list[str] = []
    if headings_between and lead and all(_is_heading(t) for t in texts[end:positions[0]]):
        headings, lead = texts[end:positions[0]], 0
    after = len(header) - lead - (1 if number_labelled else 0)
    if after < 1:
        return None
    if not number_labelled:
        header = header[:lead] + [""] + header[lead:]
    header, after = _label_split_over_two_lines(header, lead, after, positions, label_role)
    while (k := next((c for c in range(lead + 1, len(header)) if _BRACKET_LABEL.match(header[c])), None)) is not None:
        header, after = [*header[:k - 1], header[k - 1] + header[k], *header[k + 1:]], after - 1  # 「责任股室」 ⏎ 「(单位)」
    kinds_by_role = {"content": "sentence", "units": "unit", "lead": "unit", "deadline": "deadline",
                     "number": "number", "category": "short"}
    after_labels = header[lead + 1:]
    col_kinds = [kinds_by_role.get(label_role(h) or "", "") for h in after_labels]
    table_end = _signature_start(texts, positions[-1] + 1 + after, cell_kind)
    repeats = _repeated_header(texts, start, end, positions, label_role) if headings_between else []
    if repeats:
        positions = [p for p in positions if p < repeats[0]]
        for r, at in enumerate(repeats):  # a second table under the same header: its rows count from 1 again
            limit = repeats[r + 1] if r + 1 < len(repeats) else len(texts)
            positions += [p for p in _counting(texts, at + end - start) if p < limit]
        table_end = _signature_start(texts, positions[-1] + 1 + after, cell_kind)
    bounds = sorted({*positions[1:], *repeats, table_end})
    chunks = [texts[p + 1:next(b for b in bounds if b > p)] for p in positions]
    after_chunk: dict[int, list[list[str]]] = {}  # rows that follow a row: headings, a repeated header
    for k, p in enumerate(positions):
        rows_after: list[list[str]] = []
        while headings_between and len(chunks[k]) > after and _is_heading(chunks[k][-1]):
            rows_after.insert(0, [chunks[k].pop()])
        at = p + 1 + len(chunks[k]) + len(rows_after)
        if at in repeats:
            following = positions[k + 1] if k + 1 < len(positions) else table_end
            rows_after.append(texts[at:at + end - start])
            rows_after.extend([t] for t in texts[at + end - start:following])
        after_chunk[k] = rows_after
    extra_labels, extra_cells = _labelled_cells(chunks, labelled, label_role)
    for c in range(after):  # an unknown label: the kind its cells have in rows of exactly the right length
        if not col_kinds[c]:
            col_kinds[c] = _kind_of_label(after_labels[c])
        if not col_kinds[c]:
            kinds = [cell_kind(ch[c]) for ch in chunks if len(ch) in (after, after + lead) and ch[c] != EMPTY_CELL]
            col_kinds[c] = max(dict.fromkeys(kinds), key=kinds.count) if kinds else "short"
    grid = Grid(rows=[header + extra_labels], preamble=preamble + texts[:start], where="粘贴文本（一格一行）",
                row_numbers=[cells[start][1]])
    for k, heading in enumerate(headings):
        grid.rows.append([heading])
        grid.row_numbers.append(cells[end + k][1])
    if lead == 0 and number_labelled and not extra_labels and not any(after_chunk.values()):
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
    unit_cols = [c for c, kind in enumerate(col_kinds) if kind == "unit"]
    merged_col = next((c for c, h in enumerate(after_labels) if label_role(h) == "category"), None)
    if merged_col is not None:  # merged only where the rows that print it never print the same one twice running
        printed = [ch[merged_col] for ch in chunks if len(ch) == after]
        if any(a == b for a, b in zip(printed, printed[1:], strict=False)):
            merged_col = None
    last_category = None
    lead_sizes: list[int] = []  # how many names the lead cells of rows with both unit cells hold
    lead_collective = False  # whether one of those lead cells names a collective (相关部门, 13个街道、镇)
    parents: dict[int, str] = {}  # grid row → the name of the item merged over it and the sub-rows beside it
    for k, chunk in enumerate(chunks):
        chunk = list(chunk)
        split = _parent_over_sub_rows(chunk, after, unit_cols, cell_kind) if exact and not leading and lead == 0 \
            else None
        if split is not None and not extra_labels:
            for sub in split[1]:
                parents[len(grid.rows)] = split[0]
                grid.doubts[len(grid.rows)] = (f"第 {texts[positions[k]]} 项的名称合并在其下 {len(split[1])} 行之上，"
                                               "每行作为一项任务，沿用该项的序号，名称作为类别")
                grid.rows.append([texts[positions[k]], *sub])
                grid.row_numbers.append(cells[positions[k]][1])
            continue
        anchored = _anchored_rows(chunk, after, unit_cols, cell_kind) if exact and not leading and lead == 0 else None
        if anchored is not None and (len(chunk) != after or anchored[0][0] == ""):
            main, sub = anchored
            grid.rows.append([texts[positions[k]], *main, *extra_cells[k]])
            grid.row_numbers.append(cells[positions[k]][1])
            if sub is not None:
                grid.rows.append(["", *sub, *[""] * len(extra_labels)])
                grid.row_numbers.append(cells[positions[k]][1])
            continue
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
        # a row with its sub-rows' cells after it, as long as a full row: a text where the category stands and no
        # text after it where the task's text stands (a unit): the category was merged over the row
        sub_rows_after = (
            merged_col is not None and last_category is not None and len(chunk) >= after
            and merged_col + 1 < after and col_kinds[merged_col + 1] == "sentence"
            and cell_kind(chunk[merged_col]) == "sentence" and kind_fit(cell_kind(chunk[merged_col + 1]), "sentence") == 0)
        if (merged_col is not None and k > 0 and (len(chunk) == after - 1 or sub_rows_after)
                and chunk[merged_col] != last_category
                and not (merged_col + 1 < len(chunk) and merged_col + 1 < after
                         and kind_fit(cell_kind(chunk[merged_col]), col_kinds[merged_col]) == 2
                         and kind_fit(cell_kind(chunk[merged_col + 1]), col_kinds[merged_col + 1]) >= 1)):
            # a row one cell short under a category column: the category merged over it from the row above (unless
            # its cells stand as printed: a category, then the column after it — there another cell was empty)
            kinds = col_kinds[:merged_col] + col_kinds[merged_col + 1:]
            row, rest, unsure = _fit_cells(chunk, kinds, cell_kind, kind_fit, whole_cells)
            row.insert(merged_col, "")
        else:
            row, rest, unsure = _fit_cells(chunk, col_kinds, cell_kind, kind_fit, whole_cells)
        if rest and row[-1] and progress_label(after_labels[-1]) \
                and all(cell_kind(c) in ("sentence", "short", "percent", "deadline") for c in rest):
            row[-1], rest = "\n".join([row[-1], *rest]), []  # a progress cell's later paragraphs, not another row
        if merged_col is not None and row[merged_col]:
            last_category = row[merged_col]
        if len(unit_cols) >= 2 and row[unit_cols[0]] and row[unit_cols[1]]:
            lead_sizes.append(len(split_units(row[unit_cols[0]]).names))
            lead_collective = lead_collective or any(is_collective(n) for n in split_units(row[unit_cols[0]]).names)
        elif k > 0 and len(unit_cols) >= 2 and row[unit_cols[0]] and not row[unit_cols[1]]:
            first, second = (lead + 1 + c for c in unit_cols[:2])
            above = grid.rows[-1]
            if (len(above) > second and row[unit_cols[0]] == above[second] != above[first]) or (
                    lead_sizes and len(split_units(row[unit_cols[0]]).names) > max(lead_sizes)) or (
                    lead_sizes and not lead_collective
                    and all(is_collective(n) for n in split_units(row[unit_cols[0]]).names)):
                # one unit cell where two columns stand, the same as the row above's second, naming more units than
                # any lead cell of the list, or only collectives (相关部门, 13个街道、镇) where no lead cell names one:
                # the second column's, and the lead was merged over this row
                row[unit_cols[1]], row[unit_cols[0]] = row[unit_cols[0]], ""
        if k > 0 and unit_cols and not row[unit_cols[0]]:
            # the first unit column (the lead, or the only unit column: every task has one) empty in a row of a
            # copy, its cell printed on a row above: merged over the rows below it (a lead printed once for several
            # tasks); a later unit column (配合单位) may just be empty
            above, c = len(grid.rows) - 1, lead + 1 + unit_cols[0]
            lost = {c} if len(grid.rows[above]) > c and (grid.rows[above][c] or c in grid.merged.get(above, ())) \
                else set()
            if lost:
                grid.merged[len(grid.rows)] = lost
        if unsure:
            grid.doubts[len(grid.rows)] = unsure
        grid.rows.append((leading + [""] * lead)[:lead] + [texts[positions[k]]] + row + extra_cells[k])
        grid.row_numbers.append(cells[positions[k]][1])
        main = grid.rows[-1]
        while rest:
            more, rest2 = _fit_loose(rest, col_kinds, cell_kind, kind_fit)
            if len(unit_cols) >= 2 and more[unit_cols[0]] and not more[unit_cols[-1]] and row[unit_cols[0]]:
                # a sub-row's units where the row printed its lead: the last unit column's (a task has one lead,
                # merged over its sub-rows)
                more[unit_cols[-1]], more[unit_cols[0]] = more[unit_cols[0]], ""
            if any(more[c] and (kind == "sentence" or cell_kind(more[c]) == "sentence")
                   for c, kind in enumerate(col_kinds) if c < len(more)):
                # a sub-row with a text of its own: its number, and the cells it lacks where the row printed
                # one, were merged over it (the builder tells a task's next part from an item of its own)
                grid.merged[len(grid.rows)] = {lead} | {lead + 1 + c for c, cell in enumerate(more)
                                                        if not cell and lead + 1 + c < len(main) and main[lead + 1 + c]}
            grid.rows.append([""] * (lead + 1) + more + [""] * len(extra_labels))
            grid.row_numbers.append(cells[positions[k]][1])
            if len(rest2) == len(rest):
                break
            rest = rest2
        for extra in after_chunk[k]:
            grid.rows.append(extra)
            grid.row_numbers.append(cells[positions[k]][1])
        leading = next_leading
    if len(unit_cols) >= 2:
        _second_unit_merged_with_lead(grid, lead + 1 + unit_cols[0], lead + 1 + unit_cols[1])
    if parents and "category" not in {label_role(h) for h in header}:
        _parents_as_categories(grid, parents)
    return grid


_TASK_LABEL = LazyPattern(r"(任务|措施|举措|内容|事项)$")
_TASK_NUMBER = LazyPattern(r"^\s*(\d{1,4})\s*[.、．](?!\d)\s*(\S.*)$", re.S)


def _numbers_out_of_task_cells(cells: list[tuple[str, int]], label_role) -> list[tuple[str, int]]:
    """A stream whose 序号 column numbers groups (a group's number and name only on its first row, merged over the
    rest) while each task cell opens with its own number counting on (「1.地区生产总值…」 「2.一般公共预算…」): the
    task numbers are the rows' numbers. Each group number gives way to the number of the task cell after it, and
    each task cell becomes its number and its text — so the rows are cut at the tasks, a group's first row as
    printed (number, name, task …) and the others one cell short (the name merged over them). Unchanged otherwise."""
    texts = [c[0] for c in cells]
    roles = [label_role(t) if len(t) <= 12 else None for t in texts]
    if "number" not in roles:
        return cells
    num_at = roles.index("number")
    # the task's label: 工作任务, or of two category labels the one naming tasks (任务类别 | 重点任务)
    content_at = next((k for k in range(num_at + 1, min(num_at + 4, len(texts))) if roles[k] == "content"
                       or (roles[k] == "category" and _TASK_LABEL.search(texts[k].strip()))), None)
    if content_at is None:
        return cells
    numbered = {k: m for k, t in enumerate(texts) if k > content_at and (m := _TASK_NUMBER.match(t))}
    values = [int(m.group(1)) for m in numbered.values()]
    standalone = {k for k in range(content_at + 1, len(texts)) if _COUNT.match(texts[k])}
    if len(values) < 2 or values != list(range(values[0], values[0] + len(values))) or len(standalone) >= len(values):
        return cells
    # each numbered task cell a row of its own, the row's other cells between any two of them — not the points
    # 1. 2. 3. of one task cell, copied one a line (「推进…改造：」 ⏎ 「1.完成可研批复；」 ⏎ 「2.启动…；」)
    keys = sorted(numbered)
    if any(b == a + 1 for a, b in zip(keys, keys[1:], strict=False)):
        return cells
    out = list(cells[:content_at + 1])
    pending: list[tuple[str, int]] | None = None  # the cells after a group's number, before its first task
    for k in range(content_at + 1, len(cells)):
        if k in standalone:
            pending = []
        elif k in numbered:
            m = numbered[k]
            out += [(m.group(1), cells[k][1]), *(pending or []), (m.group(2).strip(), cells[k][1])]
            pending = None
        elif pending is not None:
            pending.append(cells[k])
        else:
            out.append(cells[k])
    return out + (pending or [])


def _parent_over_sub_rows(chunk: list[str], after: int, unit_cols: list[int],
                          cell_kind) -> tuple[str, list[list[str]]] | None:
    """A row of a register whose every cell is printed, whose item name is merged over two or more sub-rows (a
    reform item with its separate targets): the name, then the sub-rows, each as wide as a row and holding a unit
    name under the unit column (「深化社保改革 ⏎ 完成参保9000人 ⏎ 区人社局 ⏎ … ⏎ 完成基金征缴… ⏎ 区人社局 ⏎ …」). (name,
    sub-rows) or None."""
    if not unit_cols or (len(chunk) - 1) % after or (len(chunk) - 1) // after < 2 or chunk[0] == EMPTY_CELL:
        return None
    subs = [chunk[1 + j:1 + j + after] for j in range(0, len(chunk) - 1, after)]
    if not all(s[unit_cols[0]] != EMPTY_CELL and cell_kind(s[unit_cols[0]]) == "unit"
               and s[0] != EMPTY_CELL and cell_kind(s[0]) != "unit" for s in subs):
        return None
    return chunk[0], [[c.replace(EMPTY_CELL, "") for c in s] for s in subs]


def _parents_as_categories(grid: Grid, parents: dict[int, str]) -> None:
    """The names of items merged over sub-rows as a category column of their own: each sub-row carries its item's
    name, every other row none (the reader gave each row its category, so an empty one is empty)."""
    from ...dataset.model import ROLE_NAMES_ZH

    label = ROLE_NAMES_ZH["category"]
    grid.rows[0] = [*grid.rows[0], label]
    for r in range(1, len(grid.rows)):
        grid.rows[r] = [*grid.rows[r], parents.get(r, "")]
    grid.roles = {**grid.roles, label: "category"}
    grid.filled = True


def _anchored_rows(chunk: list[str], after: int, unit_cols: list[int],
                   cell_kind) -> tuple[list[str], list[str] | None] | None:
    """A row of a register whose every cell is printed (empty ones too), with a sub-row under it (a further target
    and its figures, the number, name and unit cells merged over both): the row's unit cell stands under the unit
    column, so the cells before it that are missing were merged with the row above (a category printed once) and
    the row ends where its columns end; the cells left after it are the sub-row, in the rightmost columns other
    than the unit columns (merged over it). A row that lost cells on its left and is short of its columns on the
    right (a remark spanning them) has its cells from the left. (row, sub-row or None); None when the row has no
    unit cell, would lose more than two cells on its left, or leaves more than a sub-row."""
    pos = next((i for i, c in enumerate(chunk) if c != EMPTY_CELL and cell_kind(c) == "unit"), None)
    if pos is None or not unit_cols:
        return None
    shift = unit_cols[0] - pos
    width = after - shift
    if not 0 <= shift <= 2 or len(chunk) < (width if shift == 0 else pos + 2):
        return None
    main = [""] * shift + [c.replace(EMPTY_CELL, "") for c in chunk[:width]]
    main += [""] * (after - len(main))  # a short row (a remark spanning the last columns): its cells from the left
    rest = chunk[width:]
    if not rest:
        return main, None
    others = [c for c in range(after) if c not in unit_cols]
    if len(rest) >= len(others) or all(c == EMPTY_CELL for c in rest):
        return None
    sub = [""] * after
    for col, text in zip(others[len(others) - len(rest):], rest, strict=True):
        sub[col] = text.replace(EMPTY_CELL, "")
    return main, sub


def _kind_of_label(label: str) -> str:
    """The kind of cell a label with no role says its column holds, when it says so: progress (…完成情况, …进展)
    is text, a yes/no (是否…) and a remark (备注) short; "" for any other label (its cells decide)."""
    from ..table import normalise_label
    from ..table import progress_label as is_progress
    from ..table import yes_no_label as is_yes_no

    name = normalise_label(label)
    if is_yes_no(name) or name in ("备注", "备注说明", "说明"):
        return "short"  # (a remark, left empty in most rows: a unit cell before it takes every name of its row)
    return "sentence" if is_progress(name) else ""


def _repeated_header(texts: list[str], start: int, end: int, positions: list[int], label_role) -> list[int]:
    """Where the header's cells come again after the first row (the list printed as two tables, each with
    its header and its rows numbered from 1): the start of each repeat. A repeated label may differ in its
    words (重点工作任务（2项配合工作） / 重点工作任务（19项配合工作）) but not in the role it names."""
    roles = [label_role(t) for t in texts[start:end]]
    size = end - start

    def same(at: int) -> bool:
        return all(texts[at + i] == texts[start + i] if roles[i] is None else label_role(texts[at + i]) == roles[i]
                   for i in range(size))
    return [at for at in range(positions[0] + 1, len(texts) - size + 1) if same(at)]


_LEVEL_PREFIX = LazyPattern(r"^[省市县区]")
_LABELLED_CELL = LazyPattern(r"^\s*([^:：，,。；;]{2,8})\s*[:：]\s*(\S.*)$")


def _labelled_cells(chunks: list[list[str]], labelled: list[str | None],
                    label_role) -> tuple[list[str], list[list[str]]]:
    """Cells that carry their own label for a column the table has not (「省牵头单位：省农业农村厅」 printed under
    the units of each row): taken out of the rows and given a column of their own, so the builder reads them
    with the role their label names. Only a label known by name (牵头单位, 完成时限 — with a 省/市/县/区 before it),
    never one read by its ending (「延长办事时间：…」 opens a task's text), printed in two rows at least; a labelled
    line beside one for a column the table has (「牵头单位：X」 ⏎ 「配合单位：Y」 in the units cell) is that cell's
    clause, left in place. Returns the new labels and, per row, its cells under them."""
    from ..table import known_label

    def read(text: str) -> tuple[str, str, str | None] | None:
        m = _LABELLED_CELL.match(text)
        if not m:
            return None
        label = m.group(1).strip()
        if not known_label(_LEVEL_PREFIX.sub("", label)):
            return None
        return label, m.group(2).strip(), label_role(label)

    found: list[tuple[int, int, str, str]] = []
    for k, chunk in enumerate(chunks):
        for i, text in enumerate(chunk):
            got = read(text)
            if got is None or got[2] not in ("lead", "units", "deadline") or got[2] in labelled:
                continue
            beside = [read(chunk[j]) for j in (i - 1, i + 1) if 0 <= j < len(chunk)]
            if any(b is not None and b[2] in labelled for b in beside):
                continue
            found.append((k, i, got[0], got[1]))
    rows_of = {label: {k for k, _i, lab, _v in found if lab == label} for _k, _i, label, _v in found}
    found = [f for f in found if len(rows_of[f[2]]) >= 2]
    labels = list(dict.fromkeys(label for _, _, label, _ in found))
    cells = [[""] * len(labels) for _ in chunks]
    for k, i, label, value in reversed(found):
        at = labels.index(label)
        cells[k][at] = "、".join(x for x in (value, cells[k][at]) if x)
        del chunks[k][i]
    return labels, cells


def _is_heading(text: str) -> bool:
    """A section heading as a line of its own: 一、… or （一）… in a few words, no sentence."""
    return bool(_SECTION_LINE.match(text.strip())) and len(text.strip()) <= 40


def _rows_short_of_the_header(header: list[str], chunks: list[list[str]],
                              roles: dict[str, str] | None) -> tuple[list[str], list[list[str]], str] | None:
    """Every row has fewer cells than the header has labels after 序号 (a label with no cell of its own in the
    body): the header without the labels that have no cells (`table.labels_with_cells`), the rows' cells under
    it and a note; None when some row is as wide as the header, or reading the cells in place fits as well.
    Labels wrapped inside their cells, one line each (`table.wrapped_labels`), are joined instead when no
    label can be left out that way (more than two too many), or when the header repeats a line (责任 / 领导,
    责任 / 科室: two columns cannot share one label, two wrapped labels can share a first line)."""
    from ..table import labels_with_cells, normalise_label, shown_label, wrapped_labels

    labels = header[1:]
    rows = []
    for chunk in chunks:
        row = list(chunk)
        while row and row[-1] == EMPTY_CELL:
            row.pop()
        rows.append([c.replace(EMPTY_CELL, "") for c in row])
    kept = labels_with_cells(labels, rows, roles)
    repeated = len({normalise_label(label) for label in labels}) < len(labels)  # 责任 / 领导, 责任 / 科室
    groups = wrapped_labels(labels, rows, roles) if kept is None or repeated else None
    if groups is not None and any(len(g) > 1 for g in groups):
        joined = ["".join(shown_label(labels[i]) for i in g) for g in groups]
        out_rows = [[row[j] if j < len(row) else "" for j in range(len(joined))] for row in rows]
        names = "」「".join("／".join(shown_label(labels[i]) for i in g) for g in groups if len(g) > 1)
        note = (f"表头有 {len(labels) + 1} 行标签，各行只有 {len(joined) + 1} 格：「{names}」是一个单元格内折行的"
                f"列名，已各合为一个")
        return [header[0], *joined], out_rows, note
    if kept is None and groups is None:
        kept, labels = _joined_labels_without_cells(labels, rows, roles)
    if kept is None:
        return None
    dropped = [c for c in range(len(labels)) if c not in kept]
    out_rows = [[row[j] if j < len(row) else "" for j in range(len(kept))] for row in rows]
    names = "」「".join(shown_label(labels[c]) for c in dropped)
    note = (f"表头有 {len(labels) + 1} 列，各行只有 {len(kept) + 1} 格：「{names}」列在表格中没有单元格"
            f"（应与相邻的列合并），各格已按内容对应到其余各列")
    return [header[0], *(labels[c] for c in kept)], out_rows, note


def _joined_labels_without_cells(labels: list[str], rows: list[list[str]],
                                 roles: dict[str, str] | None) -> tuple[list[int] | None, list[str]]:
    """A header with both faults of a flattened copy: labels broken over lines in narrow cells (牵头 / 部门, 完成 /
    时间, `_rejoined`) and labels with no cell in any row (a merged 项目 | 类别 printed in no row,
    `table.labels_with_cells`). The broken labels joined again, then the labels the rows' cells leave out
    found: (the indices kept, the joined labels); (None, `labels`) when no such reading fits."""
    from ..table import labels_with_cells

    joined = _rejoined(labels)
    kept = labels_with_cells(joined, rows, roles) if len(joined) < len(labels) else None
    return (kept, joined) if kept is not None else (None, labels)


_UNIT_SEPARATOR = LazyPattern(r"[、，,；;]")
_NOTE_CELL = LazyPattern(r"^[（(][^（）()]{1,20}[）)]$")


def _second_unit_merged_with_lead(grid: Grid, first: int, second: int) -> None:
    """A register whose lead cell and the unit cell beside it (牵头单位 | 负责科室) are merged over the same rows: the
    second column is filled in every row that prints its lead and empty in every row whose lead was merged (two such
    rows at least), so it was merged with it, not left empty; those rows take it from above too."""
    merged = [k for k, cols in grid.merged.items() if first in cols]
    printed = [k for k in range(1, len(grid.rows)) if k not in grid.merged and len(grid.rows[k]) > second
               and grid.rows[k][first]]
    if len(merged) < 2 or not printed or any(not grid.rows[k][second] for k in printed) or any(
            len(grid.rows[k]) > second and grid.rows[k][second] for k in merged):
        return
    for k in merged:
        grid.merged[k] = grid.merged[k] | {second}


def _number_first(cells: list[tuple[str, int]], is_header, label_like, label_role) -> list[tuple[str, int]]:
    """A stream whose header ends with the number's label (工作任务 | 牵头单位 | 序号): each row ends with its number,
    so the numbers counting 1, 2, 3 … close the rows. Each number is moved to the head of the cells since the
    number before it, and the label to the head of the header, as the rows are read everywhere else. Only where
    the first number closes a row as wide as the header (less a merged cell), and each next one a row no wider."""
    texts = [c[0] for c in cells]
    for end in range(2, min(len(texts), 40)):
        if label_role(texts[end - 1]) != "number" or not label_like(texts[end - 1]):
            continue
        start = end - 1
        while start > 0 and label_like(texts[start - 1]) and not is_number_like(texts[start - 1]) \
                and not _LABEL_LINE.match(texts[start - 1]) and end - start < 12:
            start -= 1
        while end - start > 2 and label_role(texts[start]) is None and is_header(texts[start + 1:end]):
            start += 1
        width = end - start
        if width < 3 or not is_header(texts[start:end]):
            continue
        positions = _counting(texts, end)
        steps = [b - a for a, b in zip([end - 1, *positions], positions, strict=False)]
        if len(positions) < 2 or not (
                width - 2 <= steps[0] <= width) or any(d > width or d < 2 for d in steps):
            continue
        out = cells[:start] + [cells[end - 1]] + cells[start:end - 1]
        for before, at in zip([end - 1, *positions], positions, strict=False):
            out += [cells[at], *cells[before + 1:at]]
        return out + cells[positions[-1] + 1:]
    return cells


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
_SECTION_LINE = LazyPattern(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])\s*[^。；;]+。?$")


def _signature_start(texts: list[str], earliest: int, cell_kind) -> int:
    """Where a signature after the table begins (the issuing office on one line, the date on the next, at
    the very end): those lines are the notice's, never a row's cells. The table's last row keeps at least
    its own cells (`earliest`)."""
    end = len(texts)
    if end - 1 >= earliest and DATE_LINE.match(texts[end - 1]):
        end -= 1
        if end - 1 >= earliest and cell_kind(texts[end - 1]) in ("unit", "short"):
            end -= 1
    return end


def _stream_header(texts: list[str], is_header, label_like, label_role) -> tuple[int, int, list[int]] | None:
    """(start, end) of the header run and the positions of the counting numbers 1, 2, 3 … after it."""
    from ..table import label_meaning, sub_label

    plain = is_header

    def is_header(run: list[str]) -> bool:
        return plain(run) or plain(_rejoined(run))

    i = 0
    while i < len(texts):
        if not label_like(texts[i]) or _LABEL_LINE.match(texts[i]):
            i += 1
            continue
        j = i
        wrapped = -1  # the last line that is a label only joined with the next (第二季度 / 完成情况)
        while j < len(texts) and not is_number_like(texts[j]):
            if label_like(texts[j]):
                j += 1
            elif _wrapped_label_line(texts, j, label_like):
                wrapped, j = j, j + 2
            else:
                break
        while j - i > 2 and label_role(texts[i]) is None and not _label_broken_at(texts, i + 1) \
                and is_header(texts[i + 1:j]):
            i += 1  # a short line above the header (a title, a label) is not one of its cells
        if j - i >= 2 and is_header(texts[i:j]):
            best = None
            for end in range(j, i + 1, -1):  # a short first cell of a row (a category) may look like a label
                if end < j and (end <= wrapped + 1 or label_role(texts[end]) is not None or _REMARK_LABEL.match(texts[end])
                                or label_meaning(texts[end]) or sub_label(texts[end], texts[i:end])
                                or _label_broken_at(texts, end) or not is_header(texts[i:end])):
                    # 说明, 备注, 是否达到序时进度, …完成情况: a label saying what its column holds, never a row's first cell
                    break
                exact = EMPTY_CELL in texts  # every cell printed: a row has about as many cells as the header
                positions = _counting(texts, end, (end - i - 2) if exact else (end - i) // 2)
                if len(positions) < 2:
                    positions = _counting_with_gaps(texts, end, end - i) or positions
                if len(positions) < 2:  # rows numbered 一 二 三: only where every row is about the header's width
                    zh = _counting(texts, end, (end - i) // 2, zh=True)
                    steps = [b - a for a, b in zip(zh, zh[1:], strict=False)]
                    width = len(_one_tier(texts[i:end], zh if len(zh) > 1 else [*zh, len(texts)])) if zh else 0
                    if (len(zh) >= 2 and all(width - 2 <= d <= width + 1 for d in steps)) or (
                            len(zh) == 1 and len(texts) - end == width):
                        positions = zh
                # one row only (a register of one task, or a copy cut after its first row): numbered 1 right
                # under a header that labels its number, its cells exactly the header's other labels to the end
                single = (len(positions) == 1 and positions[0] == end and any(
                    label_role(t) == "number" for t in _rejoined(texts[i:end])) and len(texts) - end in (
                        end - i, len(_one_tier(texts[i:end], [end, len(texts)]))))
                if (len(positions) >= 2 or single) and positions[0] - end <= 2:
                    fit = _row_lengths_fit(texts, i, end, positions, label_role)
                    if best is None or fit > best[0]:
                        best = (fit, end, positions)
            if best is not None:
                return i, best[1], best[2]
        i = j + 1
    return None


def _one_tier(header: list[str], positions: list[int]) -> list[str]:
    """The header of a stream whose header run is longer than its widest row (the distance between two row
    numbers): its labels were broken over two lines in narrow cells (「牵头」⏎「单位」, 「序」⏎「号」), each line a line
    of the copy, so neighbouring lines are joined where together they make labels (`_joined_labels`); or it had
    two rows, a span over sub-labels (责任单位 over 牵头单位 | 配合单位), the copy printing the upper row, then the
    sub-labels: longer by one less than the labels under the span, the trailing labels are that span's
    (`two_tier_labels`)."""
    from ..table import two_tier_labels

    steps = [b - a for a, b in zip(positions, positions[1:], strict=False)]
    if not steps or max(steps) >= len(header) or len(header) > _LONGEST_HEADER:
        return header
    sub = len(header) - max(steps) + 1
    tiers = two_tier_labels(header[:-sub], header[-sub:]) if 2 <= sub <= len(header) - 2 else None
    return tiers or _joined_labels(header, max(steps)) or header


_LONGEST_HEADER = 30  # lines: a header of more is no header broken in narrow cells (and is not searched for joins)


def _label_broken_at(texts: list[str], at: int) -> bool:
    """The line at `at` is the second half of a label broken over two lines in a narrow cell (配合 ⏎ 部门): both
    lines short, and together a label known by name."""
    from ..table import known_label

    first, second = texts[at - 1].strip(), texts[at].strip()
    return len(first) <= 3 and len(second) <= 3 and known_label(first + second)


def _rejoined(run: list[str]) -> list[str]:
    """A run of header lines with each label broken over two lines (`_label_broken_at`) joined again, left to
    right: what the header says, before the rows tell how many columns it has."""
    out: list[str] = []
    k = 0
    while k < len(run):
        if k + 1 < len(run) and _label_broken_at(run, k + 1):
            out.append(run[k].strip() + run[k + 1].strip())
            k += 2
        else:
            out.append(run[k])
            k += 1
    return out


def _joined_labels(lines: list[str], width: int) -> list[str] | None:
    """`lines` joined into `width` labels, each of one line or of two or three neighbouring ones, every joined label
    naming a column's role (序+号, 牵头+单位, 完成+时限); of the ways to do so, the one with the most labels known by
    name. Only lines of three characters or fewer are joined: what a narrow cell holds on a line. None when there
    is no such way."""
    from ..table import known_label, label_role

    best: dict[tuple[int, int], tuple[int, list[str]] | None] = {(0, 0): (0, [])}
    for i in range(len(lines)):
        for k in range(width):
            here = best.get((i, k))
            if here is None:
                continue
            for size in (1, 2, 3):
                if i + size > len(lines):
                    break
                label = "".join(x.strip() for x in lines[i:i + size])
                if size > 1 and (label_role(label) is None or any(len(x.strip()) > 3 for x in lines[i:i + size])):
                    continue
                score = here[0] + (2 if known_label(label) else 1 if label_role(label) else 0)
                key = (i + size, k + 1)
                if best.get(key) is None or best[key][0] < score:
                    best[key] = (score, [*here[1], label])
    found = best.get((len(lines), width))
    return found[1] if found else None


def _wrapped_label_line(texts: list[str], j: int, label_like) -> bool:
    """A header line that is no label alone but the first line of one wrapped in its cell (第二季度 / 完成情况):
    joined with the next line it is a label that says what its column holds."""
    from ..table import label_meaning

    if j + 1 >= len(texts) or is_number_like(texts[j + 1]) or not label_like(texts[j + 1]):
        return False
    joined = texts[j].strip() + texts[j + 1].strip()
    return label_like(joined) and label_meaning(joined)


def _unnumbered_stream(preamble: list[str], cells: list[tuple[str, int]], is_header) -> Grid | None:
    """A table with no number column, one cell per line: after a header of n labels, the rest is cut every
    n cells when it divides evenly and each column's cells are alike (one kind in three of four rows, one
    column of unit names): nothing else tells where a row ends."""
    from ..table import cell_kind, is_label_like, known_label, label_role

    texts = [c[0] for c in cells]
    run_start = 0
    while run_start < len(texts):
        run_end = run_start
        while run_end < len(texts) and is_label_like(texts[run_end]) and not is_number_like(texts[run_end]):
            run_end += 1
        found = []  # the header may be any part of a run of short lines: the widest from each start that cuts rows
        for i in range(run_start, run_end):
            if (i > run_start and known_label(texts[i - 1])) or _LABEL_LINE.match(texts[i]):
                continue  # a header has no label of its own before it (序号 left out would leave its cells in rows)
            found += [c for c in [_unnumbered_table(texts, i, run_end, is_header, cell_kind, label_role)] if c]
        if found:  # the first, unless a later one names every column (「附件」 ⏎ 「任务清单」 are no labels)
            i, j, header, rows = next((c for c in found if all(label_role(x) for x in c[2])), found[0])
            starts, at = [], j
            for row in rows:
                starts.append(at)
                at += sum(c is not None for c in row)
            grid = Grid(rows=[header, *([c or "" for c in row] for row in rows)], preamble=preamble + texts[:i],
                        where="粘贴文本（一格一行）", row_numbers=[cells[i][1], *(cells[k][1] for k in starts)])
            # a row whose unit cell was merged with the row above's: the builder gives it that unit, and flags it
            grid.merged = {k + 1: {row.index(None)} for k, row in enumerate(rows) if None in row}
            return grid
        run_start = run_end + 1
    return (_indicator_rows(preamble, cells, is_header) or _grouped_register(preamble, cells, is_header)
            or _rows_under_headings(preamble, cells, is_header))


def _rows_under_headings(preamble: list[str], cells: list[tuple[str, int]], is_header) -> Grid | None:
    """A table with no number column, one cell per line, whose first columns were merged over their rows and come
    out as headings between them (目标 | 任务 | 主要内容 | 责任单位: 「一、以政务公开助力稳增长」 ⏎ 「（一）加强预期引导」 ⏎
    then 主要内容 and 责任单位 cell by cell): as many heading styles as the header has columns before the rest, the
    rest cut into rows that each end with a unit cell, the headings above a row its category (「一、… / （一）…」).
    None unless every row reads so, two at least."""
    from ..table import cell_kind, is_label_like

    texts = [c[0] for c in cells]
    for i in range(len(texts)):
        j = i
        while j < len(texts) and is_label_like(texts[j]) and not _is_heading(texts[j]) and j - i < 8:
            j += 1
        header = texts[i:j]
        if len(header) < 3 or not is_header(header):
            continue
        styles: list[str] = []  # the heading styles met, outermost first
        heads: dict[str, str] = {}
        rows: list[tuple[str, list[str], int]] = []
        body: list[str] = []
        start = None
        for k in range(j, len(texts)):
            text = texts[k]
            if _is_heading(text) and not body:
                style = _SECTION_LINE.match(text.strip()).group(0)[:1] in "（(" and "paren" or "plain"
                if style not in styles:
                    styles.append(style)
                heads = {s_: h for s_, h in heads.items() if styles.index(s_) < styles.index(style)}
                heads[style] = text.strip()
                continue
            start = k if not body else start
            body.append(text)
            if cell_kind(text) == "unit" and len(body) >= 2:
                rows.append((" / ".join(heads[s_] for s_ in styles if s_ in heads), body, cells[start][1]))
                body = []
            elif len(body) > len(header):
                break
        width = len(header) - len(styles)
        if len(rows) < 2 or not styles or width < 2 or any(len(b) != width for _c, b, _n in rows):
            continue
        grid = Grid(rows=[["类别", *header[len(styles):]]], preamble=preamble + texts[:i], where="粘贴文本（一格一行）",
                    row_numbers=[cells[i][1]], notes=[f"「{'」「'.join(header[:len(styles)])}」列合并在各行之上，"
                                                      "印成行间的标题，作为其下各行的类别"])
        for category, body, line in rows:
            grid.rows.append([category, *body])
            grid.row_numbers.append(line)
        return grid
    return None


def _unnumbered_table(texts: list[str], i: int, run_end: int, is_header, cell_kind, label_role):
    """(start and end of the header, header, rows) of the widest header starting at `i` whose rows are cut every
    width cells (`_unnumbered_rows`), or None."""
    for j in range(run_end, i, -1):
        for header in _headers_of(texts[i:j]):
            width = len(header)
            if not is_header(header) or len(texts) - j < 2 * width \
                    or any(cell_kind(x) == "unit" and not label_role(x) for x in header):
                continue  # a unit's name is no label: the header ends before the first row's unit cell
            end = next((k for k in range(j, len(texts)) if _LABEL_LINE.match(texts[k])), len(texts))  # 附件2 next
            rows = _unnumbered_rows(texts[j:_signature_start(texts[:end], j + 2 * width, cell_kind)], width, cell_kind)
            if rows:
                return i, j, header, rows
    return None


def _unnumbered_rows(texts: list[str], width: int, cell_kind) -> list[list[str | None]]:
    """`texts` cut every `width` cells into rows, [] unless each column's cells are alike (one kind in three of four
    rows, one column of unit names). The table may end before the text does: rows at the end whose unit cell names
    no unit (「相关依据」 ⏎ 《…》, 「案例」 ⏎ a paragraph: the page's blocks after the table), and cells left over that
    make no row, are after it. Else the rows cut at the unit cells (`_rows_at_unit_cells`)."""
    rows: list[list[str | None]] = [texts[k:k + width] for k in range(0, len(texts) - len(texts) % width, width)]
    # a task's text ending in 。 in one row and not in the next is one kind of cell: text
    kinds = [[_TEXT_KIND.get(cell_kind(r[c]), cell_kind(r[c])) for r in rows] for c in range(width)]
    unit = next((c for c, ks in enumerate(kinds) if max(dict.fromkeys(ks), key=ks.count) == "unit"), None)
    if unit is None:
        return _rows_at_unit_cells(texts, width, cell_kind)
    end = len(rows)
    while end > 2 and kinds[unit][end - 1] != "unit" and not looks_like_unit((rows[end - 1][unit].split() or [""])[-1]):
        end -= 1  # (a unit cell the shape test refuses, 「市内6区政府 高新区管委会」, still ends as a unit's name)
    if any(cell_kind(t) == "unit" for t in texts[len(rows) * width:]):
        return _rows_at_unit_cells(texts, width, cell_kind)  # a unit among the cells left over: not cut every `width`
    rows, kinds = rows[:end], [ks[:end] for ks in kinds]
    alike = all(max(ks.count(k) for k in set(ks)) >= 0.75 * len(rows) for ks in kinds)
    if not alike or any(k == "unit" for c, ks in enumerate(kinds) if c != unit for k in ks):
        # unit names in two columns: the rows may be cut one cell off where a unit cell was merged
        return _rows_at_unit_cells(texts, width, cell_kind) or (rows if alike else [])
    return rows


def _rows_at_unit_cells(texts: list[str], width: int, cell_kind) -> list[list[str | None]]:
    """A table with no number column whose unit column stands first or last (部门 | 职责, 事项 | 责任单位), one cell
    per line, where a unit cell merged over two rows was printed once: the rows are cut at the unit cells, and the
    text cells beyond a full row between two unit cells are rows of their own whose unit cell (None) is the one
    printed above them (a merged cell prints in its first row, so the rows after it share it). Cells after the
    last row are the page's text after the table. [] when the cells do not fall so (a segment that is no full row
    and whole rows of one cell less, columns not alike) or no row lost its unit cell."""
    units = [k for k, t in enumerate(texts) if cell_kind(t) == "unit"]
    if len(units) < 3 or width < 2:
        return []
    first = units[0] == 0
    if not first and units[0] != width - 1:
        return []
    rows: list[list[str | None]] = []
    marks = [*units, len(texts)] if first else [-1, *units]
    for a, b in zip(marks, marks[1:], strict=False):
        seg = texts[a:b] if first else texts[a + 1:b + 1]
        if first and b == len(texts):
            seg = seg[:width]  # the last row: what follows is after the table
        extra = len(seg) - width
        if extra < 0 or extra % (width - 1):
            return []
        if first:
            rows.append(seg[:width])
            rows += [[None, *seg[k:k + width - 1]] for k in range(width, len(seg), width - 1)]
        else:
            lost = [[*seg[k:k + width - 1], None] for k in range(0, extra, width - 1)]
            if lost and not rows:
                return []  # a unit merged over rows has its first row printed above them
            rows += [*lost, seg[extra:]]
    if not any(None in r for r in rows):
        return []
    text_cols = range(1, width) if first else range(width - 1)
    kinds = [[_TEXT_KIND.get(cell_kind(r[c]), cell_kind(r[c])) for r in rows] for c in text_cols]
    if any(k == "unit" for ks in kinds for k in ks):
        return []
    alike = all(max(ks.count(k) for k in set(ks)) >= 0.75 * len(rows) for ks in kinds)
    return rows if alike else []


def _headers_of(run: list[str]) -> list[list[str]]:
    """The header a run of labels may be: one line's labels separated by spaces, or as printed, or a two-row header's upper row and the two or three labels
    under its span (`two_tier_labels`), or its labels broken over two lines joined again — tried first when a label
    is broken (「工作」⏎「任务」⏎「责任」⏎「单位」: three labels, not six half-labels whose rows happen to divide evenly)."""
    from ..table import two_tier_labels

    if len(run) == 1:  # one line of labels separated by spaces (相关部门 职责分工): the header of a narrow table (a
        # label said twice, 「职责分工 职责分工」, is a page's caption printed over two cells, no header)
        tokens = _label_tokens(run[0])
        return [tokens] if len(tokens) >= 2 and len(set(tokens)) == len(tokens) else []
    tiers = [h for s in (2, 3) if len(run) - s >= 1 and (h := two_tier_labels(run[:-s], run[-s:]))]
    broken = len(run) <= _LONGEST_HEADER and any(_label_broken_at(run, k) for k in range(1, len(run)))
    joined = [h for w in range(len(run) - 1, len(run) // 3, -1) if (h := _joined_labels(run, w))] if broken else []
    return [*joined, run, *tiers] if joined else [run, *tiers]


_TEXT_KIND = {"sentence": "text", "short": "text"}
_FIGURE = FIGURE
_GLUED_UNIT = LazyPattern(r"(?<=[局委办府院室部会队所站])(?=[区市县省镇])")


def _glued_units(text: str) -> str:
    """A unit cell whose names were printed on lines of their own and came out glued (区发改局区统计局): split
    where a name's ending (局, 委, 办…) is followed by the administrative prefix the cell starts with."""
    from ..table import cell_kind

    if not text or text[0] not in "区市县省镇" or _UNIT_SEPARATOR.search(text) or cell_kind(text) != "unit":
        return text
    parts = [p for p in _GLUED_UNIT.split(text) if p]
    if len(parts) < 2 or any(p[0] != text[0] or cell_kind(p) != "unit" for p in parts):
        return text
    return "、".join(parts)


def _spaced_units(text: str) -> str:
    """Unit names in one cell separated by a space only (区城管局 区水投): split with 、 when every part is a unit,
    or every part opens with the same administrative prefix (区…, 市…) and one is a unit — a space where a page
    wrapped one long name (区发展和改革 委员会) is no separator."""
    from ..table import cell_kind

    parts = text.split()
    if len(parts) < 2:
        return text
    units = [cell_kind(p) == "unit" for p in parts]
    prefixed = parts[0][0] in "区市县省镇" and all(p[0] == parts[0][0] and len(p) >= 3 for p in parts)
    if not (all(units) or (prefixed and any(units))):
        return text
    return "、".join(parts)


def _indicator_rows(preamble: list[str], cells: list[tuple[str, int]], is_header) -> Grid | None:
    """An indicator table (目标任务分解表 of 指标 | 分值 | 目标 | 考核单位) flattened one cell per line, with no row
    numbers and with merged cells printed once: a row is an indicator's name followed by its figure (a score,
    a weight); then its target (a figure or a phrase) and its unit cell — either may be missing where the
    page merged it with the row above, and is then taken from the row above (doubtful). A text line that is
    not followed by a figure, after a row's unit cell or before the first row, is a category (a merged cell
    of the first column, printed where it starts). None unless every row reads this way (three rows at least)."""
    from ..table import cell_kind, is_label_like, label_role

    texts = [c[0] for c in cells]
    header = None
    i = 0
    while i < len(texts) and header is None:
        if not is_label_like(texts[i]) or is_number_like(texts[i]):
            i += 1
            continue
        j = i
        while j < len(texts) and is_label_like(texts[j]) and not is_number_like(texts[j]):
            j += 1
        for first in range(i, min(j - 2, i + 8)):  # the header may follow a few short lines (a title, 附件)
            for end in range(min(j, first + 12), first + 2, -1):
                if label_role(texts[end - 1]) in ("units", "lead") and is_header(texts[first:end]):
                    header = (first, end)
                    break
            if header:
                break
        i = j + 1
    if header is None:
        return None
    start, end = header
    labels = texts[start:end]
    middle = len(labels) - 3  # the columns between the figure and the unit cell
    if middle < 0:
        return None

    def kind(t: str) -> str:
        if _FIGURE.match(t.strip()):
            return "figure"
        return "unit" if cell_kind(t) == "unit" else "text"

    body = texts[end:_signature_start(texts, end, cell_kind)]
    kinds = [kind(t) for t in body]
    starts = [k for k in range(len(body) - 1) if kinds[k] == "text" and kinds[k + 1] == "figure"]
    if len(starts) < 3:
        return None
    category, rows, doubts = "", [], {}
    for k in body[:starts[0]]:
        if kind(k) != "text":
            return None
        category = k
    has_category = bool(category)
    for n, at in enumerate(starts):
        seg = body[at:(starts[n + 1] if n + 1 < len(starts) else len(body))]
        rest = seg[2:]
        middles: list[str] = []
        while rest and kind(rest[0]) != "unit" and len(middles) < middle:
            middles.append(rest.pop(0))
        units: list[str] = []
        while rest and kind(rest[0]) == "unit":
            units.append(_glued_units(rest.pop(0)))
        if any(kind(t) != "text" for t in rest) or len(rest) > 1:
            return None
        above = rows[-1] if rows else None
        missing = []
        if len(middles) < middle and above is not None:
            missing += labels[2 + len(middles):2 + middle]
            middles += above[-1 - middle + len(middles):-1]
        unit = "、".join(units)
        if not unit and above is not None:
            missing.append(labels[-1])
            unit = above[-1]
        if missing:
            doubts[len(rows) + 1] = (f"此行没有「{'」「'.join(_shown(x) for x in missing)}」单元格（原表为合并单元格），"
                                     f"已沿用上一行的内容")
        rows.append([category, seg[0], seg[1], *middles, unit])
        if rest:
            category, has_category = rest[0], True
    grid = Grid(rows=[["", *labels], *rows], preamble=preamble + texts[:start], where="粘贴文本（一格一行）",
                row_numbers=[cells[start][1]] + [cells[end + at][1] for at in starts], doubts=doubts)
    if not has_category:
        grid.rows = [r[1:] for r in grid.rows]
    grid.notes.append("表格没有序号列，按「名称、数值」起始切分各行；合并的单元格沿用上一行")
    return grid


def _grouped_register(preamble: list[str], cells: list[tuple[str, int]], is_header) -> Grid | None:
    """A register flattened to cells each closed by a bar, every row ended by a line of bars only, grouped: a
    group's first row opens with its number (一, 二…) and its merged cells (牵头单位, a count), the rows below
    have only the cells right of them; the items are numbered (一)… and, under some, 1.…. The task is the
    innermost item (its own number), the item above it its category — an item with none above it takes the
    group's own title cell (区政府民生实事项目(3个)) when the group has one, so that a published attachment, which
    prints the category on every row, reads back the same; the group's cells go to every row of the group; the
    cells right of the item column are taken from the right. None unless every row reads so."""
    from ..table import (
        cell_kind,
        is_label_like,
        is_name_label,
        label_role,
        normalise_label,
        split_enumerator,
        zh_number,
    )

    if sum(1 for c in cells if c[0] == EMPTY_CELL) < 3:
        return None
    rows: list[list[tuple[str, int]]] = [[]]
    for cell in cells:
        if cell[0] == EMPTY_CELL:
            if rows[-1]:
                rows.append([])
        else:
            rows[-1].append(cell)
    rows = [r for r in rows if r]
    at = next((k for k, r in enumerate(rows) if is_header([c[0] for c in r])), None)
    if at is None:
        return None
    labels = [c[0] for c in rows[at]]
    item_at = next((k for k, label in enumerate(labels) if is_name_label(label)
                    or label_role(label) == "content"), None)
    if item_at is None or item_at == 0 or label_role(labels[0]) != "number":
        return None
    leading, trailing = labels[1:item_at], labels[item_at + 1:]
    body = rows[at + 1:]
    while body and all(is_label_like(c[0]) and not split_enumerator(c[0]) for c in body[0]) and len(body[0]) < len(labels):
        body = body[1:]  # a second header line (a label split over two columns below it)
    out, numbers, group, category = [], [], [""] * len(leading), ""
    item_style = title = ""
    for row in body:
        texts = [c[0] for c in row]
        if len(texts) < len(trailing) + 1:
            return None
        front, back = texts[:len(texts) - len(trailing)], texts[len(texts) - len(trailing):]
        if zh_number(front[0]) is not None or is_number_like(front[0]):
            if len(front) < len(leading) + 2:
                return None
            group, front = front[1:len(leading) + 1], front[len(leading) + 1:]
            title = next((t for t in group if cell_kind(t) not in ("unit", "number", "empty")), "")
            category = item_style = ""
        items = [split_enumerator(t) for t in front]
        if not 1 <= len(items) <= 2 or any(i is None for i in items):
            return None
        if len(items) == 2:  # an item and the first of its sub-items: the item is the category
            category, item_style = items[0][2], items[1][0]
        elif items[0][0] != item_style:  # an item at the outer level: no category
            category, item_style = title, items[0][0]
        task = items[-1]
        back = [_spaced_units(t) for t in back]
        out.append([task[1], category, task[2], *group, *back])
        numbers.append(row[0][1])
    if len(out) < 2:
        return None
    header = [labels[0], "类别", labels[item_at], *leading, *trailing]
    grid = Grid(rows=[header, *out], preamble=preamble + [c[0] for r in rows[:at] for c in r],
                where="粘贴文本（一格一行）", row_numbers=[rows[at][0][1], *numbers],
                roles={"类别": "category", normalise_label(labels[item_at]): "content"}, filled=True)
    grid.notes.append(f"表格按组排列：每组第一行的「{'」「'.join(_shown(x) for x in leading)}」用于组内各行；"
                      f"各项以其自身的编号为序号，上一级编号的项目作为类别")
    return grid


def _shown(label: str) -> str:
    from ..table import shown_label

    return shown_label(label)


def _row_lengths_fit(texts: list[str], start: int, end: int, positions: list[int], label_role) -> int:
    """How many rows have the length this header implies (with or without the next row's leading cells)."""
    lead = positions[0] - end
    header = _one_tier(texts[start:end], positions if len(positions) > 1 else [*positions, len(texts)])
    after = len(header) - lead - (1 if any(label_role(t) == "number" for t in header) else 0)
    bounds = [*positions, len(texts)]
    lengths = [bounds[k + 1] - bounds[k] - 1 for k in range(len(positions))]
    return sum(1 for n in lengths if n in (after, after + lead))


_LABEL_LINE = LazyPattern(r"^附\s*件\s*[:：]?\s*\d*$")
_REMARK_LABEL = LazyPattern(r"^\s*(说\s*明|备\s*注|附\s*注)\s*$")
def count_value(text: str, zh: bool = False) -> int | None:
    """The value of a cell that is a row's number alone: 3, 3., （3）, ★3, and with `zh` in Chinese numerals 三,
    十二, （三） (rows numbered 一 二 三 in a table copied from a page); None for any other cell."""
    m = _COUNT.match(text)
    if m:
        return int(m.group(1))
    m = _ZH_COUNT.match(text) if zh else None
    return zh_number(m.group(1)) if m else None


_ZH_COUNT = LazyPattern(r"^\s*[（(]?\s*([一二三四五六七八九十百零]{1,4})\s*[）)]?\s*[、.．]?\s*$")
_COUNT = LazyPattern(rf"^\s*[{NUMBER_MARKS}]?\s*[（(]?\s*(\d{{1,4}})\s*[）)]?\s*[.、．]?\s*[{NUMBER_MARKS}]?\s*$")


def _counting(texts: list[str], start: int, min_gap: int = 0, zh: bool = False) -> list[int]:
    """Positions of the row numbers after `start`, counting up by one from 1 — or from the first number right
    after the header, for an excerpt of a longer register (rows numbered from 24 on). A number nearer than
    `min_gap` cells to the row before is a figure in that row (a target of 2, a count of 3) when the same number
    comes again later, before the number after it: the later one is the row's. `zh`: numbers in Chinese numerals
    (一 二 三) count too."""
    positions: list[int] = []
    expected = 1
    for i in range(start, min(start + 3, len(texts))):
        value = count_value(texts[i], zh)
        if value is not None:
            expected = value or 1
            break
    values = [count_value(t, zh) for t in texts]
    for i in range(start, len(texts)):
        if values[i] != expected:
            continue
        if positions and i - positions[-1] < min_gap:
            later = next((j for j in range(i + 1, len(texts)) if values[j] in (expected, expected + 1)), None)
            if later is not None and values[later] == expected:
                continue
        positions.append(i)
        expected += 1
    return positions + _count_again(values, positions)


def _count_again(values: list[int | None], positions: list[int]) -> list[int]:
    """A count that starts again at 1 after the last row (targets numbered 1-11 under one county, 1-3 under the
    next): positions of the new count's numbers, when its 1 stands at least a row's width after the last row and
    its rows are as wide as the rows before (a figure 1 inside the last row has no 2 a row after it); [] when
    there is none."""
    gaps = [b - a for a, b in zip(positions, positions[1:], strict=False)]
    if len(gaps) < 2:
        return []
    low, high = min(gaps), max(gaps) + 1
    restart = next((i for i in range(positions[-1] + low, min(positions[-1] + high + 1, len(values)))
                    if values[i] == 1), None)
    if restart is None:
        return []
    again, expected = [restart], 2
    for i in range(restart + 1, len(values)):
        if values[i] == expected and low <= i - again[-1] <= high:
            again.append(i)
            expected += 1
        elif i - again[-1] > high:
            break
    if len(again) < 2:
        return []
    return again + _count_again(values, again)


def _counting_with_gaps(texts: list[str], start: int, width: int) -> list[int]:
    """Row numbers that count up with gaps (a bureau's share of a county register keeps the county's numbers:
    6, 52, 53, 54 …): from the number right after the header, each later number that is greater than the last
    and stands at least a row's width, less two cells, after it. Only when three rows at least are found and most
    steps are by one (runs of consecutive rows), so a figure inside a row is not taken for a row's number; []
    otherwise."""
    first = next((i for i in range(start, min(start + 3, len(texts))) if _COUNT.match(texts[i])), None)
    if first is None:
        return []
    positions, last = [first], int(_COUNT.match(texts[first]).group(1))
    values = [last]
    for i in range(first + 1, len(texts)):
        m = _COUNT.match(texts[i])
        if m and int(m.group(1)) > last and i - positions[-1] >= max(2, width - 2):
            positions.append(i)
            last = int(m.group(1))
            values.append(last)
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    if len(positions) < 3 or sum(1 for d in steps if d == 1) * 2 < len(steps):
        return []
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
        short = len(chunk) - ci < len(col_kinds) - col
        if (col > 0 or want == "short") and later and (fit == 0 or (fit == 1 and short)):
            # the cell belongs further right; with cells missing, also when it only half fits here (the first
            # column too when it holds a category: a category merged over rows is the cell a row lacks)
            continue
        if want == "unit" and col + 1 < len(col_kinds) and not any(
                looks_like_unit(n) for n in split_units(chunk[ci]).names[:3]) and (
                (fit == 0 and kind in ("sentence", "deadline")) or (fit == 1 and short and kind == "short")):
            # no unit name where a unit cell stands (「提前完成年度任务。」, 「已建成绿道35公里」 in a row short of a
            # cell): the unit cell was merged over the row from above, or left empty; the cell is a later column's
            continue
        if (fit == 0 and not later and ci + 1 < len(chunk) and kind == "number"
                and kind_fit(cell_kind(chunk[ci + 1]), want) == 2):
            unsure = f"行中有一格「{chunk[ci]}」不属于任何一列，已略去"
            ci += 1  # a stray figure where no column holds numbers, the cell this column wants right after it
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
                   and ((not any(kind_fit(cell_kind(chunk[ci]), k) == 2 for k in col_kinds[col + 1:])
                         and any(kind_fit(cell_kind(x), k) == 2 for x in chunk[ci + 1:] for k in col_kinds[col + 1:]))
                        or _next_point(parts[-1], chunk[ci]))):
                parts.append(chunk[ci])
                ci += 1
        row[col] = "\n".join(parts)
    return row, chunk[ci:], unsure


_POINT = re.compile(r"^\s*[（(]?(\d{1,2})[)）.．、]")


def _next_point(line: str, nxt: str) -> bool:
    """`nxt` is the next point of a cell whose line `line` is a point closed by ；(「1）完成…416人；」 ⏎ 「2）完成…」)."""
    a, b = _POINT.match(line.split("\n")[-1]), _POINT.match(nxt)
    return bool(a and b and int(b.group(1)) == int(a.group(1)) + 1 and line.rstrip().endswith(("；", ";", "，", ",")))


def _fit_loose(rest: list[str], col_kinds: list[str], cell_kind, kind_fit) -> tuple[list[str], list[str]]:
    """Left-over cells of a merged row: each goes to the first column after the last one filled whose kind
    it has (the task text when it is a sentence)."""
    row = [""] * len(col_kinds)
    col = 0
    used = 0
    for text in rest:
        kind = cell_kind(text)
        target = next((c for c in range(col, len(col_kinds)) if kind_fit(kind, col_kinds[c]) == 2), None)
        if target is None and kind == "sentence":  # a text where the task column was guessed from a label of another
            target = next((c for c in range(col, len(col_kinds)) if kind_fit(kind, col_kinds[c]) == 1), None)  # kind
        if target is None:
            break
        row[target] = (row[target] + "\n" + text) if row[target] else text
        col = target + (0 if col_kinds[target] == "unit" else 1)
        used += 1
    return row, rest[used:]
