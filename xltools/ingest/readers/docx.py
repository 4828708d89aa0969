"""Word .docx: every table of the document as a `Grid`, read from word/document.xml with lxml.

Reading the XML directly is several times faster than python-docx's cell objects and lets us handle
what Word really writes: vertically merged cells (w:vMerge: repeated in rows with a number of their own,
"" in a row whose number is merged too — `merged`), horizontally merged cells (w:gridSpan: the text once,
the spanned columns ""), several paragraphs and soft breaks in a cell ("\n"), the numbers of Word's
automatic numbering (w:numPr: a 序号 column, numbered paragraphs) written as the page shows them, tracked
deletions dropped, fields' instruction text dropped, content controls kept.
The paragraphs before a table (after the previous one) are its preamble.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ...errors import XlError
from .grid import Grid
from .merged import repeated_note, shared_merged

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def read_docx(path: str | Path) -> list[Grid]:
    from lxml import etree

    from ...infra.safety import check_office_zip

    path = Path(path)
    check_office_zip(path)
    try:
        with zipfile.ZipFile(path) as zf:
            data = zf.read("word/document.xml")
            counter = _numbering_of(zf)
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError) as exc:
        raise XlError("Word 文件已损坏，无法读取正文。", file=path.name,
                      hint="请在 WPS/Word 中打开并另存为 .docx 后再试。") from exc
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise XlError(f"Word 文件的正文 XML 有错误（{exc}）。", file=path.name,
                      hint="请在 WPS/Word 中打开并另存为 .docx 后再试。") from exc
    body = root.find(f"{W}body")
    if body is None:
        return []
    grids: list[Grid] = []
    preamble: list[str] = []
    for child in body:
        if child.tag == f"{W}p":
            text = (counter.label(child) + paragraph_text(child)).strip()
            if text:
                preamble.append(text)
        elif child.tag == f"{W}tbl":
            grid = _read_table(child, counter)
            grid.preamble, grid.where = preamble, f"第 {len(grids) + 1} 个表格"
            grids.append(grid)
            preamble = []
        elif child.tag == f"{W}sdt":
            for p in child.iter(f"{W}p"):
                text = (counter.label(p) + paragraph_text(p)).strip()
                if text:
                    preamble.append(text)
    return grids


def _numbering_of(zf: zipfile.ZipFile) -> _ListNumbers:
    """The document's automatic numbering (numbering.xml and the styles that carry a w:numPr)."""
    from lxml import etree

    names = zf.namelist()
    numbering = zf.read("word/numbering.xml") if "word/numbering.xml" in names else None
    styles = zf.read("word/styles.xml") if "word/styles.xml" in names else None
    return _ListNumbers(etree.fromstring(numbering, _parser()) if numbering else None,
                        etree.fromstring(styles, _parser()) if styles else None)


def paragraph_text(p) -> str:
    """Text of one w:p: runs' w:t, w:tab as a space, w:br / w:cr as a line break; deletions and fields dropped."""
    out: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == f"{W}t":
            if not _inside(el, p, (f"{W}del", f"{W}moveFrom")):
                out.append(el.text or "")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}tab" and el.getparent() is not None and el.getparent().tag == f"{W}r":
            out.append(" ")
    return "".join(out)


def _inside(el, stop, tags: tuple[str, ...]) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _cell_text(tc, counter: _ListNumbers | None = None) -> str:
    """A cell's paragraphs, one per line, each with the number Word's automatic numbering shows before it
    (a 序号 column numbered by Word has no digits in its text)."""
    def text(p) -> str:
        return (counter.label(p) if counter is not None else "") + paragraph_text(p)

    paras = []
    for child in tc:
        if child.tag == f"{W}p":
            paras.append(text(child))
        elif child.tag == f"{W}tbl" or child.tag == f"{W}sdt":  # a nested table: its cells' text, one per line
            paras.extend(text(p) for p in child.iter(f"{W}p"))
    return "\n".join(paras).strip("\n")


def _read_table(tbl, counter: _ListNumbers | None = None) -> Grid:
    """The table's rows as text; a vertically merged cell (w:vMerge) below its first row repeats its text or
    stays "" as `merged.shared_merged` decides (a cell shared by two tasks, or a task over two rows)."""
    grid = Grid(rows=[])
    cells: list[list[tuple[str, bool]]] = []  # per row: (text, is a merge continuation) per grid column
    for r, tr in enumerate(tbl.iter(f"{W}tr")):
        if _inside(tr, tbl, (f"{W}tc",)):
            continue  # rows of a nested table
        row: list[tuple[str, bool]] = []
        for tc in _cells(tr):
            tc_pr = tc.find(f"{W}tcPr")
            span, merged = 1, False
            if tc_pr is not None:
                gs = tc_pr.find(f"{W}gridSpan")
                if gs is not None:
                    span = max(1, int(gs.get(f"{W}val", "1") or 1))
                vm = tc_pr.find(f"{W}vMerge")
                merged = vm is not None and vm.get(f"{W}val", "continue") != "restart"
            row.append(("", True) if merged else (_cell_text(tc, counter), False))
            row.extend([("", False)] * (span - 1))
        cells.append(row)
        grid.row_numbers.append(r + 1)
    repeated: list[tuple[int, int]] = []
    grid.rows = shared_merged(cells, repeated, grid.continued)
    if repeated:
        r, c = repeated[0]
        grid.notes.append(repeated_note(len(repeated), f"第 {grid.row_number(r)} 行第 {c + 1} 列"))
    return grid


def _cells(tr):
    for child in tr:
        if child.tag == f"{W}tc":
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            yield from child.iter(f"{W}tc")


def docx_text(path: str | Path) -> str:
    """The document's paragraphs (and the text of its table cells), one per line: for lists written as
    numbered paragraphs rather than a table (分工方案). Paragraphs numbered by Word's automatic list numbering
    (w:numPr, on the paragraph or its style) get their number written in front as the page shows it
    ("1." "（一）" "一、"), since the number is not in the text."""
    from lxml import etree

    from ...infra.safety import check_office_zip

    path = Path(path)
    check_office_zip(path)
    try:
        with zipfile.ZipFile(path) as zf:
            root = etree.fromstring(zf.read("word/document.xml"), _parser())
            counter = _numbering_of(zf)
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError) as exc:
        raise XlError("Word 文件已损坏，无法读取正文。", file=path.name,
                      hint="请在 WPS/Word 中打开并另存为 .docx 后再试。") from exc
    return "\n".join(counter.label(p) + paragraph_text(p) for p in root.iter(f"{W}p"))


_FORMATS = {"chineseCounting": "zh", "chineseCountingThousand": "zh", "taiwaneseCounting": "zh",
            "taiwaneseCountingThousand": "zh", "japaneseCounting": "zh", "chineseLegalSimplified": "zh",
            "ideographTraditional": "stems", "decimalEnclosedCircle": "circled",
            "decimalEnclosedCircleChinese": "circled", "decimalFullWidth": "decimal", "decimal": "decimal",
            "upperRoman": "ROMAN", "lowerRoman": "roman", "upperLetter": "LETTER", "lowerLetter": "letter"}


class _ListNumbers:
    """Word's automatic paragraph numbering (w:numPr → numbering.xml): the label a paragraph shows."""

    def __init__(self, numbering, styles=None) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) → (format, text, start)
        self.counts: dict[str, list[int]] = {}
        self.restarts: dict[tuple[str, int], int] = {}  # (numId, ilvl) → w:lvlRestart (1-based level; 0 never)
        self.style_num: dict[str, object] = {}  # paragraph style id → its w:numPr (a "List Number" style)
        for style in styles.iter(f"{W}style") if styles is not None else ():
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.style_num[style.get(f"{W}styleId")] = num_pr
        if numbering is None:
            return
        abstract = {a.get(f"{W}abstractNumId"): a for a in numbering.iter(f"{W}abstractNum")}
        for num in numbering.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            a = abstract.get(ref.get(f"{W}val") if ref is not None else None)
            for lvl in a.iter(f"{W}lvl") if a is not None else ():
                fmt, text, start = lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText"), lvl.find(f"{W}start")
                restart = lvl.find(f"{W}lvlRestart")
                if restart is not None:  # 0: never restarts (tasks numbered on across sections)
                    self.restarts[(num.get(f"{W}numId"), int(lvl.get(f"{W}ilvl", "0")))] = int(
                        restart.get(f"{W}val", "0") or 0)
                self.levels[(num.get(f"{W}numId"), int(lvl.get(f"{W}ilvl", "0")))] = (
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "") if text is not None else "",
                    int(start.get(f"{W}val", "1")) if start is not None else 1)

    def label(self, p) -> str:
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if num_pr is None:
            style = p.find(f"{W}pPr/{W}pStyle")
            num_pr = self.style_num.get(style.get(f"{W}val")) if style is not None else None
        if num_pr is None:
            return ""
        num_id = num_pr.find(f"{W}numId")
        ilvl = num_pr.find(f"{W}ilvl")
        num_id = num_id.get(f"{W}val") if num_id is not None else None
        level = int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0
        if (num_id, level) not in self.levels:
            return ""
        counts = self.counts.setdefault(num_id, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, 9):
            restart = self.restarts.get((num_id, deeper))
            if restart is None or level < restart:
                counts[deeper] = 0
        out = self.levels[(num_id, level)][1]
        for k in range(level + 1):
            fmt, _text, start = self.levels.get((num_id, k), ("decimal", "", 1))
            value = counts[k] + start - 1 if counts[k] else start
            out = out.replace(f"%{k + 1}", format_number(value, _FORMATS.get(fmt, "decimal")))
        return out if fmt != "bullet" else ""


def format_number(value: int, style: str) -> str:
    """`value` written the way Word's w:numFmt shows it (一 … 九十九, ①, 甲, IV, c; else digits)."""
    if style == "stems" and 1 <= value <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[value - 1]
    if style in ("LETTER", "letter") and 1 <= value <= 26:
        letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[value - 1]
        return letter if style == "LETTER" else letter.lower()
    if style in ("ROMAN", "roman") and 1 <= value < 40:
        tens, ones = divmod(value, 10)
        numeral = "X" * tens + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][ones]
        return numeral if style == "ROMAN" else numeral.lower()
    if style == "circled" and 1 <= value <= 20:
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[value - 1]
    if style == "zh" and 1 <= value < 100:
        digits = "零一二三四五六七八九"
        tens, ones = divmod(value, 10)
        return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones else "")
    return str(value)
