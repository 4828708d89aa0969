"""Import a task list from what the clerk has: a document, a sheet, or pasted text.

The file's kind is found from its content (`sniff`), never from its extension alone; each kind has
one reader producing `Grid`s; `table.build_dataset` turns the largest grid with a task-list header into
the dataset. A page, PDF or .docx with no task table is read as its text.

Competing readings: pasted text may read as a table and as numbered items (with unit clauses or
key-value lines); each is built and the one whose tasks look most like a task list is kept
(`plausibility`: text, units shaped like units, numbers in sequence; no unit, a date or a signature
counts against). `read_source` also returns what was understood — the reading, why it won, what the
others gave — for `--explain`. When nothing is read, the message says what was seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..dataset.model import Dataset
from ..errors import XlError
from ..infra.kinds import kind_zh
from .patterns import SIGNATURE_LINE, LazyPattern, drop_pinyin_notes
from .readers.grid import Grid
from .table import BuildReport, build_dataset, is_header_row, join_broken_header


@dataclass
class ImportResult:
    """An imported dataset, the kind of source it came from, and how its table was built."""

    dataset: Dataset
    kind: str
    report: BuildReport = field(default_factory=BuildReport)


def import_source(path: str | Path, **options) -> Dataset:
    return read_source(path, **options).dataset


def import_text(text: str, *, source: str = "粘贴文本", roles: dict[str, str] | None = None) -> Dataset:
    text = drop_pinyin_notes(text)
    return _best_reading(_text_readings(text, roles), "text", source, roles, text).dataset


def read_source(path: str | Path, *, roles: dict[str, str] | None = None,
                password: str | None = None) -> ImportResult:
    """Import `path`, returning the dataset with the kind and what the builder understood.

    An encrypted .docx/.xlsx is read from a decrypted temporary copy when `password` opens it.
    """
    path = Path(path)
    if not path.exists():
        raise XlError("找不到要导入的文件。", file=str(path), hint="请检查文件路径是否正确。")
    if path.is_dir():
        raise XlError("这是一个文件夹，不是任务清单文件。", file=str(path), hint="请指定其中的 .docx/.xlsx/.txt 文件。")
    from ..infra.sniff import sniff

    kind = sniff(path)
    if kind == "ole-encrypted":
        from ..infra.decrypt import decrypted

        with decrypted(path, [password] if password else []) as plain:
            result = read_source(plain, roles=roles)
        result.dataset.source = path.name
        return result
    from .readers import CONVERTED

    if kind in CONVERTED:  # .doc/.wps/.rtf/.odt/.et: read the converted copy the way its kind is read (tables or text)
        from .readers import converted

        with converted(path, CONVERTED[kind]) as copy:
            try:
                result = read_source(copy, roles=roles)
            except XlError as e:
                e.file = path.name if e.file == copy.name else e.file  # name the clerk's file, not the copy
                raise
        result.dataset.source = path.name
        result.kind, result.report.shape = kind, kind_zh(kind)
        return result
    if kind in ("xlsx", "xlsm"):
        from ..dataset.store_xlsx import is_dataset_workbook, load_xlsx

        if is_dataset_workbook(path):  # our own 任务总表, perhaps edited by the clerk: read it as one
            return ImportResult(load_xlsx(path), "dataset")
    if kind == "text" and path.suffix.lower() in (".csv", ".tsv"):
        kind = "csv"
    if kind == "text":
        from .readers.text import decode_text

        text = drop_pinyin_notes(decode_text(path.read_bytes()))
        return _best_reading(_text_readings(text, roles), kind, path.name, roles, text)
    grids = _headers_from_content(_document_grids(path, kind), roles)
    readings = [("表格", grids)] if _has_header(grids, roles) else []
    text = ""
    if not readings and kind in ("html", "mhtml", "pdf", "docx"):
        text = drop_pinyin_notes(_page_text(path, kind))  # the list is written as text (numbered items), not a table
        readings = _text_readings(text, roles)
    if not readings:
        raise XlError(_what_was_seen(grids, text), file=path.name,
                      hint="请确认附件表格在文件中；若表头名称特殊，可用 --column 表头=含义 指定列的含义"
                           "（如 --column 民生实事=content）。")
    return _best_reading(readings, kind, path.name, roles, text)


def _has_header(grids: list[Grid], roles: dict[str, str] | None) -> bool:
    return any(is_header_row(r, roles) for g in grids for r in g.rows)


def _headers_from_content(grids: list[Grid], roles: dict[str, str] | None) -> list[Grid]:
    """When no table has a header row (a register copied without it), the table whose columns show a task list
    by their content alone (`table.header_from_content`: counting numbers, sentences, unit names) is given the
    header a person would write over it, its roles those the cells showed; the note says the roles were read from
    the cells, so the clerk checks them. The grids are returned as they came otherwise."""
    for grid in grids:
        join_broken_header(grid)
    if not grids or _has_header(grids, roles):
        return grids
    from .table import header_from_content

    out = []
    for grid in grids:
        found = header_from_content(grid.rows) if len(grid.rows) >= 2 else None
        if found is None:
            out.append(grid)
            continue
        labels, known = found
        numbers = [0, *(grid.row_number(k) for k in range(len(grid.rows)))]  # 0: no printed row is the header
        doubts = {k + 1: d for k, d in grid.doubts.items()}
        shown = " | ".join(labels)
        notes = [*grid.notes, f"表格没有表头，各列的含义按内容推断为：{shown}（如不对，请用 --column 指定）"]
        out.append(Grid(rows=[labels, *grid.rows], preamble=grid.preamble, where=f"{grid.where}（无表头）", row_numbers=numbers,
                        notes=notes, from_items=grid.from_items, ragged=grid.ragged, doubts=doubts,
                        sections={k + 1 for k in grid.sections}, roles={**known, **grid.roles}, filled=grid.filled,
                        continued={k + 1 for k in grid.continued},
                        merged={k + 1: cols for k, cols in grid.merged.items()}))
    return out


def _page_text(path: Path, kind: str) -> str:
    if kind == "pdf":
        from .readers.pdf import pdf_text

        return pdf_text(path)
    if kind == "docx":
        from .readers.docx import docx_text

        return docx_text(path)
    from .readers.html import read_html

    return "\n".join(read_html(path)[1])


def _text_readings(text: str, roles: dict[str, str] | None = None) -> list[tuple[str, list[Grid] | None]]:
    """Every reading of pasted text that finds something: a table (tab-led, tab-separated, |-separated, one
    cell per line) and numbered items with their unit clauses or key-value lines.

    When a table is found, the item reading is left as None (read later, by `_best_reading`, only if the
    table's tasks are not all complete or the text above the table reads as items): a table whose every
    row has its text and units is not bettered by reading the same lines as items, and scanning a long
    table's lines for items would cost as much as reading it."""
    from .readers.items import looks_like_items, read_items
    from .readers.runon import join_preview_chunks, unfold_run_on, unfold_space_rows
    from .readers.text import join_key_lines, read_text
    from .readers.wrapping import unwrap_copied

    text = join_preview_chunks(text) or text  # (a document-sharing site's 「1、」 「2、」 chunks splitting its sentences)
    readings: list[tuple[str, list[Grid] | None]] = []
    copied = _spreadsheet_copy(text)
    if copied is not None:
        grids = _headers_from_content([copied], roles)
        if _has_header(grids, roles):
            return [("表格", grids)]
    grids = _headers_from_content(read_text(text, is_header=lambda cells: is_header_row(cells, roles), roles=roles),
                                  roles)
    if not _has_header(grids, roles) and (rows := unfold_space_rows(text)) is not None:
        # a table whose rows, cells separated by spaces, were run onto one line: its rows put back where they count
        grids = _headers_from_content(read_text(rows, is_header=lambda cells: is_header_row(cells, roles), roles=roles),
                                      roles)
    if _has_header(grids, roles):
        readings.append(("表格", grids))
        above = "\n".join(line for g in grids for line in g.preamble)
        if not looks_like_items(above):
            readings.append(("编号条目", None))
            return readings
    unfolded = unfold_run_on(text)
    if unfolded is not None:  # a page run onto one line: its paragraphs put back where its numbers count up
        unfolded = join_key_lines(unfolded)
        items = read_items(unfolded) if looks_like_items(unfolded) else []
        if items and any(len(g.rows) > 1 for g in items):
            readings.append(("连成一行的条目", items))
    # text copied out of a PDF viewer: its printed paragraphs' wrapped lines joined again (None when no wrap shows)
    unwrapped = unwrap_copied(text)
    for name, lines in (("接回折行的条目", unwrapped), ("编号条目", text)):
        lines = join_key_lines(lines) if lines is not None else None  # 「责任单位：」 ⏎ 「X、Y」: one key-value line
        if lines is not None and looks_like_items(lines):
            items = read_items(lines)
            if items and any(len(g.rows) > 1 for g in items):
                readings.append((name, items))
    from .readers.items import read_duty_paragraphs

    # paragraphs without numbers that each open with who does them: a reading only where it finds as many tasks as any
    # other (a plan's numbered items are its list; a 职责分工 section after them is not a shorter list of its own), and
    # kept by `_best_reading` only where no other reading numbers its tasks and names their units
    duties = read_duty_paragraphs(text) or (read_duty_paragraphs(unfolded) if unfolded is not None else [])
    most = max((sum(len(g.rows) - 1 for g in grids) for _name, grids in readings if grids), default=0)
    if duties and sum(len(g.rows) - 1 for g in duties) >= most:
        readings.append((DUTY_READING, duties))
    if not readings:  # the last resort: a news report's 「卫生部门对…；交通部门增加了…」, each sentence its departments'
        from .readers.items import read_department_sentences

        said = read_department_sentences(text)
        if said:
            readings.append(("各句开头的部门", said))
    return readings


DUTY_READING = "各段开头的单位"


def _numbered_elsewhere(tasks: list, duties: list) -> list:
    """The numbered tasks with units that are not the duty paragraphs read again (an item reading that took a heading
    with the paragraph under it holds that paragraph's work): the list the document numbers itself."""
    from .readers.items import MODAL_SUBJECT_DOUBT

    works = [d.content.strip("。 ") for d in duties if d.content.strip("。 ")]
    return [t for t in tasks if t.number and (t.lead_units or t.units) and MODAL_SUBJECT_DOUBT not in t.doubt
            and not any(w in t.content or t.content.strip("。 ") in w for w in works)]


# A cell of a spreadsheet copied to the clipboard that holds a line break: Excel and WPS quote it ("区财政局⏎区税务局").
_QUOTED_BREAK = LazyPattern(r'(?:^|\t)"(?:[^"]|"")*\n(?:[^"]|"")*"(?=\t|\r?\n|$)', re.MULTILINE)


def _spreadsheet_copy(text: str) -> Grid | None:
    """Cells copied out of Excel or WPS and pasted as text: tab-separated, and a cell with a line break in it quoted
    (「"各街道办事处⏎区财政局"」), so its lines are one cell, not rows of their own. Read as the clipboard writes it;
    None for any other text (a Word table copied as text has tabs but never quotes its cells)."""
    if "\t" not in text or '"' not in text or not _QUOTED_BREAK.search(text):
        return None
    import csv
    import io

    reader = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')
    rows, starts, line = [], [], 1
    for row in reader:
        rows.append([cell.strip() for cell in row])
        starts.append(line)
        line = reader.line_num + 1
    return Grid(rows=rows, where="从表格软件复制的文字", row_numbers=starts)


def _items_reading(text: str) -> list[Grid]:
    from .readers.items import looks_like_items, read_items
    from .readers.text import join_key_lines

    text = join_key_lines(text)
    return read_items(text) if looks_like_items(text) else []


def _document_grids(path: Path, kind: str) -> list[Grid]:
    try:
        from .readers import read_any
    except ImportError:  # readers for documents not installed in this build
        read_any = None
    if read_any is None:
        raise XlError(f"暂不支持导入此类文件（{kind}）。", file=path.name,
                      hint="请另存为 .docx 或 .xlsx，或复制表格文字粘贴到 .txt 文件后导入。")
    _kind, grids = read_any(path, kind)
    for grid in grids:  # pinyin annotations of a web page (縣發(fā)展) are not part of any cell
        grid.rows = [[drop_pinyin_notes(c) if isinstance(c, str) else c for c in row] for row in grid.rows]
        grid.preamble = [drop_pinyin_notes(line) for line in grid.preamble]
    return grids


def plausibility(ds: Dataset) -> tuple[float, str]:
    """How much the tasks look like a task list, and why: each task with text counts, a task whose units
    all look like units counts again, a number following the one before counts half; a task with no unit
    at all, a task that is a date or a signature line, and a task with a piece of a sentence for a unit's name
    (a run-on line cut in the wrong places) count against."""
    from ..dataset.units import looks_like_unit

    score = 0.0
    with_units = in_sequence = junk = broken = 0
    previous = 0
    for task in ds.tasks:
        text = task.content.strip()
        if len(text) >= 4 and not SIGNATURE_LINE.match(text):
            score += 1
        else:
            junk += 1
            score -= 2
        names = [*task.lead_units, *task.units]
        if any(_NOT_A_NAME.search(n) for n in names):
            broken += 1
            score -= 2  # a piece of a sentence taken for a name (「2．规模以上工业增加值增长15%（市科经局」)
        elif names and all(looks_like_unit(n) for n in names):
            with_units += 1
            score += 1
        elif not names:
            score -= 1  # a task nobody is named for cannot be sent out
        digits = task.number.strip(".、．() （）")
        if digits.isdecimal() and int(digits) in (previous, previous + 1):
            in_sequence += 1
            score += 0.5
        previous = int(digits) if digits.isdecimal() else previous
    why = f"{len(ds.tasks)} 项任务，{with_units} 项的单位都像单位名，{in_sequence} 项编号连续"
    if junk:
        why += f"，{junk} 项像落款、日期或空行"
    if broken:
        why += f"，{broken} 项的单位名是句子的片段"
    return score, why


# What no unit's name holds: a number opening it (an item's 「2．」), a bracket it does not close, a percentage,
# a full stop or a comma of a sentence.
_NOT_A_NAME = LazyPattern(r"^\s*\d+\s*[.．、]|[（(][^）)]*$|[%％。，,]")


def _best_reading(readings: list[tuple[str, list[Grid] | None]], kind: str, source: str, roles: dict[str, str] | None,
                  text: str) -> ImportResult:
    """Build a dataset from every reading and keep the one whose tasks look most like a task list."""
    if not readings:
        from .readers.text import read_text

        seen = read_text(text, is_header=lambda cells: is_header_row(cells, roles)) if text else []
        raise XlError(_what_was_seen(seen, text), file=source,
                      hint="请从 Word 中复制整个表格后粘贴，或直接导入 .docx/.xlsx 文件；条目形式请在每条后注明"
                           "「（牵头单位：…；责任单位：…）」；表头名称特殊时可用 --column 表头=content 指定任务内容列。")
    built: list[tuple[float, str, str, ImportResult]] = []
    failure: XlError | None = None
    ready: dict[str, ImportResult] = {}
    if readings[-1][1] is None:  # the deferred item reading: only when the table's tasks are not all complete
        first = readings[0]
        try:
            done = _from_grids(first[1], kind, source, roles)  # type: ignore[arg-type]
            ready[first[0]] = done
        except XlError as exc:
            done, failure = None, exc
        if done is not None and all(t.content and (t.lead_units or t.units) for t in done.dataset.tasks):
            result = done
            result.report.reading = f"{first[0]}（{len(result.dataset.tasks)} 项任务，每项都有内容和单位）"
            return result
        items = _items_reading(text)
        readings = readings[:-1] + ([("编号条目", items)] if items and any(len(g.rows) > 1 for g in items) else [])
    for name, grids in readings:
        try:
            result = ready.get(name) or _from_grids(grids, kind, source, roles)  # type: ignore[arg-type]
        except XlError as exc:
            failure = failure or exc
            continue
        if len(readings) > 1:
            score, why = plausibility(result.dataset)
        else:  # nothing to compare with
            score, why = 0.0, f"{len(result.dataset.tasks)} 项任务，没有其他读法"
        built.append((score, name, why, result))
    if not built:
        raise failure or XlError("文件中没有找到任务清单。", file=source)
    built = _without_modal_only(built)
    duties = next((r.dataset.tasks for _s, name, _w, r in built if name == DUTY_READING), [])
    if duties and any(name != DUTY_READING and len(_numbered_elsewhere(r.dataset.tasks, duties)) >= 2
                      for _s, name, _w, r in built):  # (a notice's closing 「各乡镇要…」 never beats its numbered list)
        built = [b for b in built if b[1] != DUTY_READING]
    # on a tie, the reading that leaves fewer tasks without anyone named; then the earlier one (the table)
    built.sort(key=lambda b: (-b[0], sum(1 for t in b[3].dataset.tasks if not (t.lead_units or t.units))))
    _score, name, why, result = built[0]
    result.report.reading = f"{name}（{why}）"
    result.report.others = [f"{n}：{w}" for _s, n, w, _r in built[1:]]
    if len(built) > 1:
        result.report.notes.append(f"按「{name}」读取：{why}；另一种读法（{result.report.others[0]}）不如它像任务清单")
        result.dataset.import_notes = list(result.report.notes)
    return result


def _without_modal_only(built: list) -> list:
    """The readings, less one whose every unit was read from a sentence's subject before a modal (「（一）加强领导。县应急
    管理局要…」: a notice's requirements) where another reading finds as many tasks (the duties or the work shared out
    in the text's own words)."""
    from .readers.items import MODAL_SUBJECT_DOUBT

    def modal_only(result) -> bool:
        named = [t for t in result.dataset.tasks if t.lead_units or t.units]
        return bool(named) and all(MODAL_SUBJECT_DOUBT in t.doubt for t in named)

    most = max((len(r.dataset.tasks) for _s, _n, _w, r in built if not modal_only(r)), default=0)
    return [b for b in built if not (modal_only(b[3]) and most >= len(b[3].dataset.tasks))] or built


def _what_was_seen(grids: list[Grid], text: str) -> str:
    """What the importer saw when it found no task list: the tables and their first row, or the lines."""
    from ..dataset.units import clean_text

    tables = [g for g in grids if len(g.rows) >= 2 and max(len(r) for r in g.rows) >= 2]
    if tables:
        first = tables[0]
        width = max(len(r) for r in first.rows)
        head = "、".join(f"「{clean_text(c)[:10]}」" for c in first.rows[0] if clean_text(c))[:80]
        many = f"找到 {len(tables)} 个表格，第一个是" if len(tables) > 1 else "找到一个"
        return (f"{many} {len(first.rows)} 行 {width} 列的表格（首行 {head or '为空'}），"
                f"但无法确定哪一列是任务内容，也没有找到表头，没有找到任务清单。")
    lines = [ln for ln in text.split("\n") if ln.strip()]
    narrow = [g for g in grids if len(g.rows) >= 2]
    if narrow and not lines:  # a sheet of one column: the lines are there, the columns of a list are not
        head = clean_text(narrow[0].rows[0][0] if narrow[0].rows[0] else "")[:10]
        return (f"找到一个只有一列的表格（{len(narrow[0].rows)} 行，首行「{head or '为空'}」），分不出任务内容、"
                f"牵头单位和责任单位，没有找到任务清单。")
    if not lines:
        return "文件中没有表格，也没有文字。"
    from .readers.text import header_seen

    labels = header_seen(lines, lambda cells: is_header_row(cells))
    if labels:
        head = "、".join(f"「{clean_text(x)[:10]}」" for x in labels[:8])
        return (f"找到表头 {head}，但其下的行分不出来：没有按 1、2、3… 编号的行，每行的格数也不一致，"
                f"没有找到任务清单。")
    numbered = sum(1 for ln in lines if re.match(r"^\s*(\d{1,3}|[一二三四五六七八九十]{1,3}|[（(]\s*\w{1,3}\s*[)）])\s*[.、．）)]?", ln))
    return (f"文中有 {len(lines)} 行文字（其中 {numbered} 行以编号开头），但没有找到带表头的表格，"
            f"也没有注明牵头/责任单位的编号条目，没有找到任务清单。")


_HEADING = LazyPattern(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|"
                       r"\d{1,2}\s*[、.．](?!\d))\s*\S")


def _joined_tables(candidates: list[Grid], roles: dict[str, str] | None) -> Grid | None:
    """Several tables with the same header (a list printed as one table per section, each under its heading
    一、… or （一）…) are one list: their rows joined, each table's heading put before its rows as a section
    row, which the builder reads as the category of the rows below it. None when there is one such table."""
    from .table import clean_text, normalise_label

    def header_of(grid: Grid) -> tuple[str, ...] | None:
        row = next((r for r in grid.rows if is_header_row(r, roles)), None)
        return tuple(normalise_label(c) for c in row) if row is not None else None

    first = header_of(candidates[0])
    same = [g for g in candidates if header_of(g) == first]
    if len(same) < 2:
        return None
    header_at = next(k for k, r in enumerate(same[0].rows) if is_header_row(r, roles))
    rows = [list(r) for r in same[0].rows[:header_at + 1]]
    numbers = list(same[0].row_numbers[:header_at + 1])
    width = len(rows[-1])
    preamble = list(same[0].preamble)
    continued: set[int] = set()  # rows whose number cell is merged with the row above
    for grid in same:
        start = next(k for k, r in enumerate(grid.rows) if is_header_row(r, roles)) + 1
        heading = clean_text(grid.preamble[-1]) if grid.preamble else ""
        if heading and len(heading) <= 40 and _HEADING.match(heading) and not heading.endswith("。"):
            rows.append([heading] + [""] * (width - 1))
            numbers.append(grid.row_number(start - 1))
            if grid is same[0]:
                preamble = preamble[:-1]  # the first table's heading is not part of the title above it
        continued.update(len(rows) + k - start for k in grid.continued if k >= start)
        rows.extend(list(r) for r in grid.rows[start:])
        numbers.extend(grid.row_number(k) for k in range(start, len(grid.rows)))
    joined = Grid(rows=rows, preamble=preamble, where=f"{same[0].where}起的 {len(same)} 个表格（表头相同，合为一张）",
                  row_numbers=numbers, notes=[n for g in same for n in g.notes], ragged=any(g.ragged for g in same),
                  continued=continued)
    return joined


def _continued_tables(grids: list[Grid], roles: dict[str, str] | None) -> list[Grid]:
    """A table with a header followed by tables of the same width with none (the list broken where a page
    ended, or one table per section with the header only in the first): each such table continues the one
    before, its heading line (一、…) put before its rows as a section row. A table with more than two lines
    of text above it starts something else and is left alone."""
    from .table import clean_text

    def width(grid: Grid) -> int:
        return max((len(r) for r in grid.rows), default=0)

    out: list[Grid] = []
    for grid in grids:
        last = out[-1] if out else None
        if (last is not None and grid.rows and len(grid.preamble) <= 2 and width(grid) == width(last)
                and _has_header([last], roles) and not _has_header([grid], roles)):
            rows, numbers = [list(r) for r in last.rows], [last.row_number(k) for k in range(len(last.rows))]
            preamble, doubts, sections = list(last.preamble), dict(last.doubts), set(last.sections)
            continued = set(last.continued)
            if "续表" not in last.where and _heading_line(preamble):  # the first table's own section heading
                at = next(k for k, r in enumerate(rows) if is_header_row(r, roles)) + 1
                rows.insert(at, [clean_text(preamble.pop())] + [""] * (width(last) - 1))
                numbers.insert(at, numbers[at - 1])
                doubts = {k + (k >= at): d for k, d in doubts.items()}
                sections = {k + (k >= at) for k in sections}
                continued = {k + (k >= at) for k in continued}
            if _heading_line(grid.preamble):
                rows.append([clean_text(grid.preamble[-1])] + [""] * (width(last) - 1))
                numbers.append(grid.row_number(0))
            doubts.update({len(rows) + k: d for k, d in grid.doubts.items()})
            sections.update(len(rows) + k for k in grid.sections)
            continued.update(len(rows) + k for k in grid.continued)
            rows.extend(list(r) for r in grid.rows)
            numbers.extend(grid.row_number(k) for k in range(len(grid.rows)))
            where = last.where if "续表" in last.where else f"{last.where}（及其续表）"
            out[-1] = Grid(rows=rows, preamble=preamble, where=where, row_numbers=numbers,
                           notes=last.notes + grid.notes, ragged=last.ragged or grid.ragged, doubts=doubts,
                           sections=sections, continued=continued)
            continue
        out.append(grid)
    return out


def _heading_line(preamble: list[str]) -> bool:
    """The last line above a table is a section heading (一、… （一）… 1.…: short, no full stop)."""
    from .table import clean_text

    heading = clean_text(preamble[-1]) if preamble else ""
    return bool(heading) and len(heading) <= 40 and bool(_HEADING.match(heading)) and not heading.endswith("。")


def _from_grids(grids: list[Grid], kind: str, source: str, roles: dict[str, str] | None) -> ImportResult:
    report = BuildReport(shape=kind_zh(kind))
    for grid in grids:
        join_broken_header(grid)
    grids = _continued_tables(grids, roles)
    candidates = [g for g in grids if any(is_header_row(r, roles) for r in g.rows)]
    if not candidates:
        raise XlError(_what_was_seen(grids, ""), file=source,
                      hint="请确认附件表格在文件中；若表头名称特殊，可用 --column 表头=含义 指定列的含义。")
    best = _joined_tables(candidates, roles) or max(candidates, key=lambda g: len(g.rows))
    ds = build_dataset(best, source=source, roles=roles, report=report)
    if not ds.tasks:
        raise XlError("找到了表头，但表格中没有任务行。", file=source, hint="请检查表格内容是否完整。")
    return ImportResult(ds, kind, report)
