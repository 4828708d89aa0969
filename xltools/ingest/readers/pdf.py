"""PDF with a text layer: the task table of every page, joined into one `Grid` (pdfplumber).

A header repeated at the top of every page is kept once; the lines above the table on its first page
are the preamble (label and title), never part of the header.
A row cut by a page break continues at the top of the next page (below the repeated header) with an
empty 序号 cell: its cells are joined to the last row of the page before, the text run on without a
break (the page cut it mid-sentence, mid-name), or on a new line where the part before ended its
paragraph. A cell's lines are the page's wrapping unless a line stops short of the cell's edge (one
unit per line). A character belongs to the cell its middle lies in (a font's box pokes over the rules).
A cell drawn over several rows repeats its text in the rows with a number of their own (`merged`). A
section heading (一、…) printed between two tables heads the rows below it; the second row of a two-row
header repeated at a page top is dropped like the first. A table printed without rules is read from
where its words stand (`_unruled_table`).
A PDF with no text at all is a scan: said so, since importing nothing would be worse.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...dataset.units import continues_collective, level_prefix, looks_like_unit
from ...errors import XlError
from .grid import Grid
from .merged import repeated_note


def read_pdf(path: str | Path) -> list[Grid]:
    import pdfplumber

    path = Path(path)
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise XlError(f"PDF 文件无法打开（{type(exc).__name__}）。", file=path.name,
                      hint="文件可能已损坏或加密；请使用原始的 Word/Excel 文件。") from exc
    with pdf:
        texts, rows, numbers, preamble = [], [], [], []
        last_lines: list = []  # each cell of the last row read: its last line, box and lines (or None)
        under_header = False  # the row before was the header (a two-row header's second row may follow)
        sections = False  # section headings were found between the tables
        continued: set[int] = set()  # rows whose number cell is merged with the row above
        repeated = 0  # merged cells repeated into the rows they cover
        for page_no, page in enumerate(pdf.pages, start=1):
            text = page.extract_text() or ""
            texts.append(text)
            found = page.find_tables()
            read = [_table_cells(page, table) for table in found]
            tables = [cells for cells, *_rest in read]
            repeated += sum(r[3] for r in read)
            if not tables and not rows:
                preamble.extend(ln.strip() for ln in text.split("\n") if ln.strip())
                continue
            for t, table in enumerate(tables):
                top = found[t].bbox[1]
                box = (0, found[t - 1].bbox[3] if t else 0, page.width, max(top, 1))
                if box[1] < box[3]:
                    above = _inside(page, box).crop(box).extract_text() or ""  # the header's glyphs poke above it
                    lines = [ln.strip() for ln in above.split("\n") if ln.strip()]
                    if not rows and t == 0:
                        preamble.extend(lines)
                    elif rows and table:  # a section heading between two tables (一、…) heads the rows below
                        width = max(len(r) for r in table)
                        for line in lines:
                            if _SECTION_LINE.match(line) and len(line) <= 40 and not line.endswith("。"):
                                rows.append([_unwrap(line)] + [""] * (width - 1))
                                numbers.append(page_no)
                                sections = True
                first = True  # the first row of the page's table below its repeated header
                for k, cells in enumerate(table):
                    if is_header_row(cells):
                        if not any(is_header_row(r) for r in rows[:3]):
                            rows.append(cells)  # the header once; its repeats at page tops are dropped
                            numbers.append(page_no)
                        under_header = True
                        continue
                    if under_header and len(rows) > 1 and is_header_row(rows[0]) and cells == rows[1] and page_no > 1:
                        under_header = False  # the second row of a two-row header, repeated on this page
                        continue
                    under_header = False
                    continues = (first and t == 0 and rows and page_no > 1 and not cells[0].strip()
                                 and len(cells) == len(rows[-1]) and not is_header_row(rows[-1]))
                    first = False
                    if continues:
                        ended = _ended_before(last_lines, page, found[t], k)
                        rows[-1] = [_join_split(a, b, e, maybe=True) for a, b, e in
                                    zip(rows[-1], cells, ended + [False] * len(cells), strict=False)]
                    else:
                        if k in read[t][2]:
                            continued.add(len(rows))  # its number cell merged with the row above: the same task
                        rows.append(cells)
                        numbers.append(page_no)
                if read[t][0]:
                    last_lines = read[t][1]
        if not any(t.strip() for t in texts):
            raise XlError("这是扫描件，无法识别文字。", file=path.name,
                          hint="请使用原始的 Word/Excel 文件，或先用文字识别（OCR）软件转换后再导入。")
        if not rows:  # no ruled table: a table drawn without lines, read from where its words stand
            return _unruled_table(pdf.pages, is_header_row)
        if sections and preamble and _SECTION_LINE.match(preamble[-1]) and is_header_row(rows[0]):
            at = 2 if len(rows) > 1 and _is_sub_header(rows[1]) else 1
            rows.insert(at, [_unwrap(preamble.pop())] + [""] * (len(rows[0]) - 1))  # the first table's heading
            numbers.insert(at, numbers[0])
            continued = {k + (k >= at) for k in continued}
    rows = _resolve_maybe(rows)
    notes = [repeated_note(repeated)] if repeated else []
    return [Grid(rows=rows, preamble=preamble, where="PDF 表格", row_numbers=numbers, notes=notes,
                 continued=continued)] if rows else []


def is_header_row(cells: list[str]) -> bool:
    """A header row, never a task's row: a row with a sentence in a cell (a task whose category reads
    「活动内容」 and whose unit 「职能部门」 are labels too) is a task."""
    from ..table import is_header_row as labels

    return labels(cells) and not any(len(c) > 20 and _SENTENCE.search(c) for c in cells)


_SENTENCE = re.compile(r"[。，,；;]")


def _is_sub_header(row: list[str]) -> bool:
    """A second header row (牵头单位 | 配合单位 under 责任单位): only labels, no number."""
    from ..table import label_role

    filled = [c for c in row if c.strip()]
    return bool(filled) and all(label_role(c) is not None for c in filled)


_SECTION_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|第[一二三四五六七八九十]{1,3}[部分章节])")
_PAGE_NUMBER = re.compile(r"^[—\-–\s]*\d{1,4}[—\-–\s]*$")


def _unruled_table(pages, is_header_row) -> list[Grid]:
    """A table printed without rules: the header is the first line of words that reads as one; the columns are
    the bands of the page the words below it fill (gaps in their left-to-right extent), one per label; the
    rows are the blocks of lines separated by a wider gap than the lines of one cell have. A row whose number
    cell is empty at the top of a page continues the row before it (cut by the page); the header repeated
    on later pages and page numbers are skipped. Nothing is returned unless the bands match the labels."""
    header: list[str] = []
    bands: list[tuple[float, float]] = []
    preamble: list[str] = []
    rows: list[list[str]] = []
    numbers: list[int] = []
    merged = False  # a category merged over rows was placed by position
    for page_no, page in enumerate(pages, start=1):
        lines = _word_lines(page.extract_words())
        start = 0
        for k, line in enumerate(lines):
            texts = [w["text"] for w in line]
            if len(texts) >= 2 and is_header_row(texts) and (not header or len(texts) == len(header)):
                if not header:
                    header = texts
                    preamble.extend("".join(w["text"] for w in ln) for ln in lines[:k])
                start = k + 1
                break
        if not header:
            preamble.extend("".join(w["text"] for w in ln) for ln in lines)
            continue
        body = lines[start:]
        while body and _PAGE_NUMBER.match("".join(w["text"] for w in body[-1])):
            body = body[:-1]  # the page number at the foot (a lone number inside the table is a row's)
        words = [w for ln in body for w in ln]
        if not words:
            continue
        if not bands:
            bands = _bands(words)
            if len(bands) != len(header):
                return []
        page_rows = []
        for block in _row_blocks(body, bands, _number_band(header)):
            cells = ["" for _ in bands]
            middles: list[list[dict]] = [[] for _ in bands]
            for w in sorted(block, key=lambda w: (round(w["top"]), w["x0"])):
                at = min(range(len(bands)), key=lambda b: _distance(w, bands[b]))
                cells[at] += w["text"]
                middles[at].append(w)
            extent = (min(w["top"] for w in block), max(w["bottom"] for w in block))
            page_rows.append(([_unwrap(c) for c in cells], extent, middles))
        merged = _merged_to_first_row(page_rows, header) or merged
        for block_no, (cells, _extent, _middles) in enumerate(page_rows):
            if block_no == 0 and rows and page_no > 1 and not cells[_number_band(header)].strip():
                rows[-1] = [_join_split(a, b) for a, b in zip(rows[-1], cells, strict=True)]
            else:
                rows.append(cells)
                numbers.append(page_no)
    if not header or not rows:
        return []
    doubts = {k: "无框线表格中合并的类别格，类别是按位置推断的" for k in range(1, len(rows) + 1)} if merged else {}
    return [Grid(rows=[header, *rows], preamble=[p for p in preamble if p.strip()], where="PDF 表格（无框线）",
                 row_numbers=[numbers[0], *numbers], doubts=doubts)]


def _merged_to_first_row(page_rows: list, header: list[str]) -> bool:
    """A category cell merged over several rows prints its words half-way down the rows it spans (or at
    their top), its lines perhaps falling in different rows: the lines that run on without a gap are one
    cell, put in the first of the rows it spans, so that filling the category down gives every row its own.
    The spans follow each other: one starts where the one above ended and reaches as far below its words'
    middle as it began above. Where a span crosses a page this is a guess, so the rows' categories are
    all flagged by the caller when this returns True (a merged category was found)."""
    from ..table import label_role

    found = False
    for b, label in enumerate(header):
        if label_role(label) != "category" or all(cells[b] for cells, _e, _w in page_rows):
            continue
        words = sorted((w for _c, _e, band_words in page_rows for w in band_words[b]), key=lambda w: (w["top"], w["x0"]))
        runs: list[list[dict]] = []
        for w in words:
            if runs and w["top"] - max(x["bottom"] for x in runs[-1]) <= 0.6 * (w["bottom"] - w["top"]):
                runs[-1].append(w)
            else:
                runs.append([w])
        found = True
        for cells, _extent, _words in page_rows:
            cells[b] = ""
        edges = [page_rows[0][1][0]] + [(a[1][1] + c[1][0]) / 2 for a, c in zip(page_rows, page_rows[1:],
                                                                                 strict=False)]
        start = edges[0]
        for run in runs:
            middle = (min(w["top"] for w in run) + max(w["bottom"] for w in run)) / 2
            first = next((j for j, edge in enumerate(edges) if edge >= start - 1), len(page_rows) - 1)
            page_rows[first][0][b] += _unwrap("".join(w["text"] for w in run))
            end = max(2 * middle - start, middle)
            start = min(edges[first + 1:] or [end], key=lambda edge: abs(edge - end))  # spans end where rows do
    return found


def _word_lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(ln, key=lambda w: w["x0"]) for ln in lines]


def _bands(words: list[dict]) -> list[tuple[float, float]]:
    """The columns as the x-extents the words fill, merged where they overlap or nearly touch."""
    spans = sorted((w["x0"], w["x1"]) for w in words)
    bands = [list(spans[0])]
    for x0, x1 in spans[1:]:
        if x0 <= bands[-1][1] + 3:
            bands[-1][1] = max(bands[-1][1], x1)
        else:
            bands.append([x0, x1])
    return [(a, b) for a, b in bands]


def _distance(word: dict, band: tuple[float, float]) -> float:
    middle = (word["x0"] + word["x1"]) / 2
    return 0.0 if band[0] <= middle <= band[1] else min(abs(middle - band[0]), abs(middle - band[1]))


def _first_row_top(words: list[dict], bands: list[tuple[float, float]], middle: float, body_top: float) -> float:
    """Where the first numbered row of a page begins when cells are centred: the highest top of the runs of
    lines (one per column: lines no further apart than within a cell, a run ending after a line that stops
    short of the column's right edge, the end of a paragraph) that reach the number's middle; the lines
    above belong to a row going on from the page before."""
    columns: dict[int, dict[float, list[float]]] = {}
    for w in words:
        at = min(range(len(bands)), key=lambda b: _distance(w, bands[b]))
        line = columns.setdefault(at, {}).setdefault(round(w["top"]), [w["top"], w["bottom"], w["x1"], 0.0])
        line[1], line[2] = max(line[1], w["bottom"]), max(line[2], w["x1"])
        line[3] = max(line[3], w["bottom"] - w["top"])
    lines_of = {at: sorted(found.values()) for at, found in columns.items()}
    gaps = sorted(b[0] - a[1] for lines in lines_of.values() for a, b in zip(lines, lines[1:], strict=False)
                  if b[0] > a[1])
    limit = (gaps[len(gaps) // 2] if gaps else 6.0) + 2
    tops = []
    for at, lines in lines_of.items():
        right = bands[at][1]
        runs: list[list[list[float]]] = []
        ended = True
        for line in lines:
            top, _bottom, x1, size = line
            if runs and not ended and top - runs[-1][-1][1] <= limit:
                runs[-1].append(line)
            else:
                runs.append([line])
            ended = right - x1 > size  # the line stops a character short of the edge: its paragraph ends
        for run in runs:
            if not run[0][0] <= middle <= run[-1][1]:
                continue
            while len(run) > 1 and (run[0][0] + run[-1][1]) / 2 < middle - run[0][3] / 2:
                run = run[1:]  # a centred cell is centred on the number: lines above that are the row before
            tops.append(run[0][0])
    return min(tops) if tops else body_top


def _number_band(header: list[str]) -> int:
    from ..table import label_role

    return next((k for k, h in enumerate(header) if label_role(h) == "number"), 0)


_NUMBER_WORD = re.compile(r"^\d{1,4}[.、]?$")


def _row_blocks(lines: list[list[dict]], bands: list[tuple[float, float]], number_band: int) -> list[list[dict]]:
    """The words of each row, the rows found from the numbers in the number column: with cells aligned to
    the top a row runs from its number to the next; with cells centred (the number half-way down its row)
    a row runs from where the one above ended to as far below its number as it began above. Words above
    the first number on a page (a row going on from the page before) are a block of their own."""
    words = [w for ln in lines for w in ln]
    anchors = sorted((w for w in words if _NUMBER_WORD.match(w["text"])
                      and min(range(len(bands)), key=lambda b: _distance(w, bands[b])) == number_band),
                     key=lambda w: w["top"])
    if not anchors:
        return [words]
    body_top = min(w["top"] for w in words)
    first_line = [w for w in words if abs(w["top"] - body_top) <= 2]
    top_aligned = abs(anchors[0]["top"] - body_top) <= 2 or any(a is w for a in anchors for w in first_line)
    bounds: list[float] = []
    if top_aligned:
        bounds = [a["top"] - 1 for a in anchors] + [float("inf")]
        lead_top = bounds[0]
    else:
        top = _first_row_top(words, bands, (anchors[0]["top"] + anchors[0]["bottom"]) / 2, body_top) - 1
        for k, a in enumerate(anchors):
            middle = (a["top"] + a["bottom"]) / 2
            bottom = 2 * middle - top
            if k + 1 < len(anchors) and bottom > anchors[k + 1]["top"]:
                bottom = anchors[k + 1]["top"] - 1  # not centred after all: stop at the next number
            bounds.append(top)
            top = bottom
        bounds.append(float("inf"))
        lead_top = bounds[0]
    blocks: list[list[dict]] = [[] for _ in anchors]
    before: list[dict] = []
    for w in words:
        middle = (w["top"] + w["bottom"]) / 2
        if middle < lead_top:
            before.append(w)
            continue
        k = max(i for i in range(len(anchors)) if bounds[i] <= middle)
        blocks[k].append(w)
    return ([before] if before else []) + blocks


def _table_cells(page, table) -> tuple[list[list[str]], list[bool], set[int], int]:
    """The table's rows as cell texts; a cell's lines are the page's wrapping unless a line stops short of
    the cell's right edge (by more than one character), which ends a paragraph (one unit per line).
    Also, for the last row, whether each cell's last line ends a paragraph (the row may go on overleaf),
    the rows whose number cell is merged with the row above, and how many merged cells were repeated."""
    from .merged import shared_merged

    cells: list[list[tuple[str, bool]]] = []
    data = table.extract()
    reach: dict[int, float] = {}  # column → bottom of the last cell drawn in it
    for r, raw in enumerate(data):
        boxes = table.rows[r].cells if r < len(table.rows) else []
        row = []
        for c, text in enumerate(raw):
            box = boxes[c] if c < len(boxes) else None
            if box is None:  # no cell of its own: covered by a cell merged down from above, or across
                below = r < len(table.rows) and reach.get(c, 0) > table.rows[r].bbox[1] + 1
                row.append(("", below))
                continue
            reach[c] = box[3]
            row.append((_cell_paragraphs(page, box, text or ""), False))
        cells.append(row)
    continued: set[int] = set()
    repeated: list[tuple[int, int]] = []
    out = shared_merged(cells, repeated, continued)  # a cell over two tasks repeats; over a task's two rows, not
    last = []
    if table.rows and data:
        for box in table.rows[-1].cells:
            lines = _lines(page, box)
            last.append((lines[-1], box, lines) if lines else None)
    return out, last, continued, len(repeated)


def _ended_before(last: list, page, table, k: int) -> list[bool]:
    """Whether each cell of the last row of the page before ended its paragraph, judged by what starts the
    same cell in row `k` of `table` on `page` (the row going on)."""
    boxes = table.rows[k].cells if k < len(table.rows) else []
    out = []
    for c, found in enumerate(last):
        if found is None:
            out.append(False)
            continue
        after = _lines(page, boxes[c]) if c < len(boxes) and boxes[c] is not None else []
        out.append(_ends_short(*found, after[0] if after else None))
    return out


def _lines(page, box) -> list[dict]:
    """The text lines of the characters whose middle lies in `box` (a cell): a character's box is the font's,
    taller than its ink, and pokes over the cell's rule into the cell above or below."""
    if box is None:
        return []
    try:
        return _inside(page, box).crop(box).extract_text_lines()
    except ValueError:  # a box outside the page
        return []


def _inside(page, box):
    """`page` with only the characters whose middle lies in `box` (a character half over a rule is on its side);
    filtered before cropping, since a crop clips the characters it cuts to the box."""
    x0, top, x1, bottom = box

    def keep(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        middle_x, middle_y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return x0 <= middle_x <= x1 and top <= middle_y <= bottom

    return page.filter(keep)


def _ends_short(line: dict, box, lines: list[dict], after: dict | None = None) -> bool:
    """Whether `line` ends its paragraph: what starts the line `after` it would still have fitted (the right
    padding taken as the left). What must move down together is one piece: a character with the punctuation
    that may not start a line (、，。）…), an opening bracket or quote with what it opens, a run of digits or
    Latin letters (1.4、2025) — a line before 「垸、…」 or 「(管委会)」 stops short by a character, and goes on."""
    pad = min(ln["x0"] for ln in lines) - box[0]
    size = line["chars"][0]["size"] if line.get("chars") else 10
    need = max(size, _first_piece(after)) if after else size
    return box[2] - line["x1"] - pad >= 0.98 * need


_NO_START = frozenset("、，。；：！？）)］]」』》〉〕】”’%％…·,.;:!?")
_NO_END = frozenset("（([［「『《〈〔【“‘")


def _is_latin(char: str) -> bool:
    """A digit or a letter of a script written in words (Latin, pinyin with its tones), not a CJK character."""
    return char[:1].isalnum() and ord(char[0]) < 0x2E80  # a glyph may carry several characters (a ligature)


def _first_piece(line: dict) -> float:
    """The width of what a line break may not split at the start of `line` (see `_ends_short`)."""
    chars = [c for c in line.get("chars") or [] if c["text"].strip()]
    if not chars:
        return 0.0
    k = 0
    while k + 1 < len(chars) and chars[k]["text"] in _NO_END:
        k += 1
    if _is_latin(chars[k]["text"]):
        while k + 1 < len(chars) and (_is_latin(chars[k + 1]["text"]) or chars[k + 1]["text"] in ".%-"):
            k += 1
    while k + 1 < len(chars) and chars[k + 1]["text"] in _NO_START:
        k += 1
    return chars[k]["x1"] - chars[0]["x0"]


def _cell_paragraphs(page, box, text: str) -> str:
    if "\n" not in text or box is None:
        return _unwrap(text)
    lines = _lines(page, box)
    if len(lines) < 2 or max(ln["x0"] for ln in lines) - min(ln["x0"] for ln in lines) > 1.5:
        return _unwrap(text)  # centred or indented lines: no reliable right edge
    ends = [_ends_short(ln, box, lines, lines[i + 1] if i + 1 < len(lines) else None) for i, ln in enumerate(lines)]
    # one unit a line: no list marks, or a line that ends its paragraph without one (a name with 、 inside,
    # 各乡、镇人民政府, does not make the cell a list joined with 、)
    units_by_line = not _LIST_MARK.search(text) or any(
        ends[i] and not _LIST_MARK.search(lines[i]["text"][-1:]) for i in range(len(lines) - 1))
    paragraphs, current = [], ""
    for i, line in enumerate(lines):
        current += line["text"]
        if not ends[i] and i + 1 < len(lines):
            # a line filled to the edge may still end a name: what is read so far is a unit and the next part
            # is another, starting like one. In a cell that reads as a list joined with 、 this is the same
            # (县人民政府办公室 / 各乡、镇人民政府 / 县民政局, all lines full) for the last name of the line and the
            # first of the next; a list never breaks a line where a 、 stands between two names.
            rest = ""
            for j in range(i + 1, len(lines)):
                rest += lines[j]["text"]
                if ends[j]:
                    break
            name = current.split(_MAYBE)[-1]
            if not units_by_line:
                name, rest = _LIST_MARK.split(name)[-1], _LIST_MARK.split(rest)[0]
            if (name and rest and looks_like_unit(name) and looks_like_unit(rest)
                    and not continues_collective(name, _LIST_MARK.split(rest)[0])):
                ends[i] = rest[0] == name[0] or level_prefix(rest) != "" or rest.startswith("各")
                if not ends[i] and units_by_line:
                    current += _MAYBE  # 各镇人民政府|嘉鱼经济开发区 or 市人民政府|办公室: the document decides
        if ends[i]:
            paragraphs.append(_unwrap(current))
            current = ""
    if current:
        paragraphs.append(_unwrap(current))
    return "\n".join(paragraphs)


_LIST_MARK = re.compile(r"[、，,；;。]")
_MAYBE = "\x1f"  # where a line filled to the cell's edge ends a unit name, or the name goes on


def _resolve_maybe(rows: list[list[str]]) -> list[list[str]]:
    """Where a filled line ended a unit name and the next line holds another, both names complete (各镇人民政府 /
    嘉鱼经济开发区, or 市人民政府 / 办公室), the page cannot tell one name from two; the document may: two names
    when each stands on its own elsewhere (a line of its own, between 、) and the two never run together.
    Otherwise one name wrapped, as the page shows it (人力资源社会 / 保障部, 市生态环境局 / 咸安分局 and
    省人民政府办 / 公厅 all look like two names and are one)."""
    names: set[str] = set()
    for row in rows:
        for cell in row:
            names.update(p for p in _PIECES.split(cell) if p and _MAYBE not in p)

    def resolve(cell: str) -> str:
        if _MAYBE not in cell:
            return cell
        parts = cell.split(_MAYBE)
        out = parts[0]
        for part in parts[1:]:
            before, after = _PIECES.split(out)[-1], _PIECES.split(part)[0]
            two = before in names and after in names and before + after not in names
            out += ("\n" if two else "") + part
        return out

    return [[resolve(cell) for cell in row] for row in rows]

_PIECES = re.compile(r"[\n、，,；;]")


def _join_split(before: str, after: str, ended: bool = False, maybe: bool = False) -> str:
    """A cell cut by the page: the two parts run on (a Latin word boundary keeps its space), or go on a new
    line when the part before ended its paragraph (one unit per line). With `maybe`, two complete unit names
    either side of the cut are left for the document to decide (`_resolve_maybe`)."""
    if ended and before and after:
        return before + "\n" + after
    if (maybe and before and after and looks_like_unit(_PIECES.split(before)[-1])
            and looks_like_unit(_PIECES.split(after)[0])):
        return before + _MAYBE + after
    if before and after and before[-1].isascii() and before[-1].isalnum() and after[0].isascii() and after[0].isalnum():
        return before + " " + after
    return before + after


_WRAP = re.compile(r"(?<=[A-Za-z0-9])\n(?=[A-Za-z0-9])")


_CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=\S)|(?<=\S) (?=[\u3000-\u9fff\uff00-\uffef])")


def _unwrap(text: str) -> str:
    """A PDF cell's lines are the page's wrapping, not paragraphs: join them (a space between Latin words).

    The spaces a PDF shows between Chinese and digits are glyph spacing, not typed spaces: removed.
    """
    return _CJK_SPACE.sub("", _WRAP.sub(" ", text).replace("\n", ""))


def pdf_text(path: str | Path) -> str:
    """The PDF's text, for lists written as numbered items rather than a table (a 分工方案 printed as paragraphs):
    a line per paragraph, as the document was typed. A printed paragraph is wrapped at the page's right edge; its
    lines are joined again where a line runs to the edge and the next starts at the margin, not indented (see
    `_paragraphs`). Page numbers (「— 3 —」, 「- 3 -」) are left out, so a paragraph going on over a page break is one."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        lines = []
        for page in pdf.pages:
            lines += [ln for ln in page.extract_text_lines() if not _PAGE_NUMBER.match(ln["text"])]
    return "\n".join(_paragraphs(lines))


_PAGE_NUMBER = re.compile(r"^\s*[-－—–]*\s*(第\s*)?\d{1,3}\s*(页)?\s*[-－—–]*\s*$|^\s*第\s*\d+\s*页\s*[，,/]?\s*共\s*\d+\s*页\s*$")


def _paragraphs(lines: list[dict]) -> list[str]:
    """Printed lines (pdfplumber's text lines, over every page) joined into the paragraphs they wrap. The body's
    left margin is where the furthest-left line starts, its right edge the furthest a line reaches. A line ends its
    paragraph when the next line is indented (a first-line indent, a centred line; not the wrap of a numbered
    paragraph under its text, Word's hanging indent) or in another size (the title
    above the body), when it stops short of the edge as a last line does
    (`_stops_short`), or when the next line opens a paragraph by its words: a role's key (「牵头单位：」), or the next
    number of the count the paragraphs above keep (「4.」 after a paragraph opened by 「3.」), a number after a key
    line (its names end where an item starts), or any number or label after a line closing a sentence — none of these with a bracket open (「（X牵头；完成」 ⏎ 「时限：…）」 is one clause).
    A line that fills the width otherwise goes on in the next."""
    from ..patterns import zh_number
    from ..table import split_enumerator
    from .items import opens_with_key

    if not lines:
        return []
    left, right = min(ln["x0"] for ln in lines), max(ln["x1"] for ln in lines)
    out, current, counts = [], "", {}  # counts: the last number opening a paragraph, by numbering style
    hanging = None  # where the text after a paragraph's number starts: its lines wrap under it (a hanging indent)
    for i, line in enumerate(lines):
        after = lines[i + 1] if i + 1 < len(lines) else None
        size = _size(line) or 10
        if not current:
            opened = split_enumerator(line["text"])
            hanging = _text_start(line, opened[2]) if opened else None
            if opened:
                counts[opened[0]] = zh_number(opened[1])
        current += line["text"]
        following = split_enumerator(after["text"]) if after else None
        indented = after is not None and after["x0"] - left > 0.5 * size and not (
            hanging is not None and abs(after["x0"] - hanging) < 0.3 * size)
        ends = (after is None or indented or _size(after) not in (size, 0)
                or _stops_short(line, after, right, size)
                or _balanced(current) and (
                    opens_with_key(after["text"])
                    or (following is not None and counts.get(following[0]) is not None
                        and zh_number(following[1]) == counts[following[0]] + 1)
                    or (following is not None and opens_with_key(current))
                    or (line["text"].rstrip()[-1:] in _CLOSES
                        and (following is not None or _LABEL_OPENING.match(after["text"])))))
        if ends:
            out.append(_CJK_SPACE.sub("", current).strip())
            current = ""
    return [p for p in out if p]


_CLOSES = frozenset("。！？!?）)")


def _balanced(text: str) -> bool:
    """No bracket left open: a label inside a clause (「（责任单位：X；」 ⏎ 「完成时限：…）」) opens no paragraph."""
    return text.count("（") + text.count("(") <= text.count("）") + text.count(")")


def _text_start(line: dict, text: str) -> float | None:
    """Where `text`, the end of the line after its number, starts on the page."""
    chars = [c for c in line.get("chars") or [] if c["text"].strip()]
    at = len(chars) - len(re.sub(r"\s", "", text))
    return chars[at]["x0"] if 0 < at < len(chars) else None


def _size(line: dict) -> float:
    """The size of the line's first glyph, to a tenth of a point (0 when it has none)."""
    return round(line["chars"][0]["size"], 1) if line.get("chars") else 0


def _stops_short(line: dict, after: dict, right: float, size: float) -> bool:
    """Whether `line` stops short of the right edge as a paragraph's last line does: what starts the next line
    would have fitted, with half a character to spare, and either the line closes a sentence or clause or it is
    more than two and a half characters short. Word and WPS keep a closing quote or bracket with the characters
    before it and never end a line with an opening one, so a wrapped line may stop two characters short
    (「…直通车”“无忧」 ⏎ 「办”工作机制…」), more before a number that may not be split (「…、13」 ⏎ 「號線…」)."""
    gap = right - line["x1"]
    if gap < _first_piece(after) + 0.5 * size:
        return False
    return line["text"].rstrip()[-1:] in _ENDINGS or gap >= 2.5 * size


_ENDINGS = frozenset("。！？!?）)；;：:")


def _balanced(text: str) -> bool:
    """No bracket left open: a label inside a clause (「（责任单位：X；」 ⏎ 「完成时限：…）」) opens no paragraph."""
    return text.count("（") + text.count("(") <= text.count("）") + text.count(")")
_LABEL_OPENING = re.compile(r"^\s*[\u4e00-\u9fa5]{2,8}\s*[：:]")
