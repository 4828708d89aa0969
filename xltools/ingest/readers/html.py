"""Saved web pages (.html/.htm/.mhtml) and HTML from the clipboard: every <table> as a `Grid`.

Government pages often lay the whole article out in a <table>; a task table inside a layout cell is a grid of
its own (its preamble the cell's lines above it), besides giving its text to the enclosing cell.

rowspan/colspan are honoured the way a merged Word cell reads: a cell spanning rows repeats or gives "" below
its first row (so categories fill down), a cell spanning columns gives its text once and "" in the
other columns. <br> and block elements inside a cell become line breaks. The text before a table is
its preamble. When the page holds the list as paragraphs rather than a table, the page's text lines (the
second value of `read_html`) are given to the text readers: every block of the page in reading order,
including the text inside tables, since saved government pages lay out their article with <table>/<td>
(each cell and each block inside a cell starts a new line).

The page text leaves out the site around the article (`_TableParser` and `_drop_footer`), which a saved page
always carries and which would otherwise read as a task, a heading or a 主办单位 line glued onto the last task:
a line made only of links (a navigation bar, 「【打印本页】【关闭窗口】」), an element the page marks as navigation
or footer (<nav>, <footer>, class/id nav, menu, footer, crumb …) when its lines are a few short ones, and the
site's footer from the line carrying its registration (「网站标识码」「ICP备…号」「公网安备」, which every
government site must show) to the end, together with the short lines of its block above it.
"""

from __future__ import annotations

import email
import re
from email import policy
from html.parser import HTMLParser
from pathlib import Path

from ..patterns import SITE_REGISTRATION
from .grid import Grid

_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"}
_SKIP = {"script", "style", "head", "title", "noscript"}
# Elements that hold other blocks and are (almost) always closed: their line ranges find a page's nav and footer.
_CONTAINERS = {"div", "table", "ul", "ol", "dl", "nav", "footer", "header", "aside", "section", "article", "center",
               "main", "form", "body"}
# How a page marks its navigation and footer: by tag, or by a word of its class or id.
_CHROME_TAGS = {"nav", "footer", "aside"}
_CHROME_NAMES = {"nav", "navbar", "menu", "footer", "foot", "copyright", "crumb", "crumbs", "breadcrumb", "position",
                 "location", "dqwz", "share", "bottom"}
_REGISTRATION = SITE_REGISTRATION  # (a site's footer starts at the line carrying its registration: patterns.py)
# A line of prose: it holds a full stop or ends a sentence (a task, a notice's paragraph), never a line of chrome.
_PROSE = re.compile(r"[。！？]|[；;]\s*$")
# A numbered item (1. 一、 （1）): never a line of chrome.
_NUMBERED = re.compile(r"^\s*(?:\d+|[一二三四五六七八九十]+)\s*[、.．]|^\s*[（(][一二三四五六七八九十\d]+[）)]")
# A line break in the page's source is white space, not a line of the page. Word and the editors it is pasted into
# wrap their HTML every 70–80 columns, in the middle of a sentence or a name, and go on at the line's start: such a
# wrap is kept as a mark while the text is gathered, then dropped next to a wide character (CJK, fullwidth
# punctuation) — Chinese text never spaces its words, and a wrap falls as often beside a half-width 「(」 or digit
# (「各县(⏎市、区)」, 「2017⏎年」) as between two characters, and between two parts that each look like a name
# (「各街道⏎办事处」, 「县人民政府⏎办公室」) — and read as a space between two narrow ones (English words). A break
# followed by indentation is the layout of a pretty-printed page between whole pieces (a name on each indented
# line): a space. Inside <pre> a break is a line.
_WRAP = "\ue000"
_SOURCE_BREAK = re.compile(r"[ \t\f]*[\r\n][ \t\r\n\f]*")
_WIDE = "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff" \
        "\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u201c\u201d\u2018\u2019\u2014\u2026"
_WRAP_BY_WIDE = re.compile(f"(?<=[{_WIDE}]){_WRAP}+|{_WRAP}+(?=[{_WIDE}])")


def _source_break(m: re.Match) -> str:
    """A line break of the source with the white space around it: a space when the next line is indented, else a
    wrap (`_WRAP`), resolved once the text around it is known (`_joined`)."""
    indent = re.split(r"[\r\n]", m.group(0))[-1]
    return " " if len(indent.expandtabs(4)) >= 2 else _WRAP


# Two or more spaces typed in a cell (&nbsp;&nbsp;, 「　」): how an editor sets names apart on one line, as a line break
# would (「市税务局&nbsp;&nbsp;市国有公司&nbsp;&nbsp;各县、市、区政府」) — when the pieces are names (`_set_apart`); else, as
# in 「序&nbsp;&nbsp;号」, 「2024年&nbsp;&nbsp;12月底」 or 「市公安局交警&nbsp;&nbsp;支队」, they are one space.
_GAP = re.compile(r"[ \u00a0\u3000]*[\u00a0\u3000][ \u00a0\u3000]*")
_BLANKS = re.compile(r"[ \t\r\u00a0]+")
_WORD = re.compile(r"[^\W_]")


def _set_apart(line: str) -> str:
    """A cell's line with its typed gaps (two or more spaces, one of them &nbsp; or 「　」) as line breaks when every
    piece looks like a unit's name, or all but one of three or more (a name the unit rules do not know among known
    ones: 「市税务局 滁州海关 市人行」); else the gaps are single spaces."""
    gaps = [m.span() for m in _GAP.finditer(line) if len(m.group(0)) > 1]
    if not gaps:
        return line
    edges = [0, *(x for span in gaps for x in span), len(line)]
    pieces = [line[a:b].strip() for a, b in zip(edges[::2], edges[1::2], strict=True)]
    if all(len(p) > 1 for p in pieces):
        from ...dataset.units import looks_like_unit

        unknown = sum(not looks_like_unit(p) for p in pieces)
        if unknown == 0 or (len(pieces) > 2 and unknown == 1):
            return "\n".join(pieces)
    return line


_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """Bytes of a page (or an MHTML archive) → its HTML text: by its byte order mark, else by the declared charset,
    else UTF-8/GB18030."""
    if data.lstrip()[:200].lower().startswith(b"mime-version") or b"multipart/related" in data[:2000].lower():
        msg = email.message_from_bytes(data, policy=policy.default)
        for part in msg.walk():
            if part.get_content_type() == "text/html":
                # by the part's charset read as the page's is (「gb2312」 from IE is Windows' GBK: traditional
                # characters and GBK-only names would be lost to the strict GB2312 codec)
                return _decoded(part.get_payload(decode=True) or b"", part.get_content_charset())
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):  # a byte order mark says the encoding, whatever the page declares (「unicode」)
            return data.decode(enc, errors="replace")
    m = _CHARSET.search(data[:4096])
    return _decoded(data, m.group(1).decode("ascii") if m else None)


def _decoded(data: bytes, charset: str | None) -> str:
    """`data` decoded by `charset` (GB2312 and GBK read as GB18030, which holds both), else UTF-8, else GB18030."""
    encodings = [charset.lower()] if charset else []
    for enc in [*encodings, "utf-8", "gb18030"]:
        enc = "gb18030" if enc in ("gb2312", "gbk") else enc
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def _joined(parts: list[str]) -> str:
    """Gathered text with its source line breaks (`_WRAP`) resolved: none next to a wide character, else a space."""
    text = "".join(parts)
    if _WRAP in text:
        text = _WRAP_BY_WIDE.sub("", text).replace(_WRAP, " ")
    return text


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.grids: list[Grid] = []
        self.preamble: list[str] = []
        self.text: list[str] = []  # the page as lines, tables' cells included
        self._line: list[str] = []
        self._flow: list[str] = []  # the current line of `text`
        self._stack: list[dict] = []  # open tables
        self._skip = 0
        self._lists: list[list] = []  # open <ol>/<ul>: [numbering style or None for bullets, items so far]
        self._pre = 0  # open <pre>/<textarea> elements: their line breaks are lines
        self._links = 0  # open <a href> elements
        self._plain: list[str] = []  # the current line's text outside links
        self._open: list[dict] = []  # open containers: tag, first line in `text`, chrome or not, serial
        self._serial = 0
        self.spans: dict[int, tuple[int, int]] = {}  # container serial → (first line, end line) in `text`
        self.within: list[tuple[int, ...]] = []  # each line of `text`: the serials of the containers around it

    # -- plumbing ----------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skip += 1
            return
        attrs = dict(attrs)
        if tag in _BLOCK or tag in ("td", "th") or tag in _CONTAINERS:
            self._flush_flow()
        if tag in _CONTAINERS:
            names = set(re.split(r"[^a-z]+", f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))
            self._serial += 1
            self._open.append({"tag": tag, "start": len(self.text), "serial": self._serial,
                               "chrome": tag in _CHROME_TAGS or bool(names & _CHROME_NAMES)})
        if tag == "a" and attrs.get("href") is not None:
            self._links += 1
        if tag in ("pre", "textarea"):
            self._pre += 1
        if tag == "table":
            self._flush_line()
            self._stack.append({"rows": [], "row": None, "cell": None, "spans": {}})
        elif self._stack and tag == "caption":  # the table's own title: the line just above it
            self._stack[-1]["caption"] = []
        elif self._stack and tag == "tr":
            self._end_row(self._stack[-1])  # HTML lets a page leave out </td> and </tr>
            self._stack[-1]["row"] = []
        elif self._stack and tag in ("td", "th"):
            table = self._stack[-1]
            if table["cell"] is not None:
                self._end_cell(table)
            if table["row"] is None:
                table["row"] = []
            table["cell"] = {"text": [], "rowspan": _int(attrs.get("rowspan")), "colspan": _int(attrs.get("colspan"))}
        elif tag in _BLOCK:
            self._newline()
        if tag in ("ol", "ul"):
            start = _int(attrs.get("start")) if tag == "ol" else 1
            self._lists.append([_list_style(attrs) if tag == "ol" else None, start - 1])
        elif tag == "li" and self._lists and self._lists[-1][0] is not None:
            # the number a browser shows before an item of a numbered list (an editor's numbered-list button)
            self._lists[-1][1] += 1
            self.handle_data(_list_label(self._lists[-1][1], self._lists[-1][0]))

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        if tag == "a" and self._links:
            self._links -= 1
        if tag in ("pre", "textarea") and self._pre:
            self._pre -= 1
        if tag in _BLOCK or tag in ("td", "th") or tag in _CONTAINERS:
            self._flush_flow()
        if tag in _CONTAINERS and any(c["tag"] == tag for c in self._open):
            while True:
                element = self._open.pop()
                self._close_container(element)
                if element["tag"] == tag:
                    break
        if not self._stack:
            if tag in _BLOCK:
                self._flush_line()
            return
        table = self._stack[-1]
        if tag == "caption" and table.get("caption") is not None:
            caption = re.sub(r"\s+", " ", _joined(table.pop("caption"))).strip()
            if caption and len(self._stack) == 1:
                self.preamble.append(caption)
        elif tag in ("td", "th") and table["cell"] is not None:
            self._end_cell(table)
        elif tag == "tr" and table["row"] is not None:
            self._end_row(table)
        elif tag == "table":
            self._end_table()
        elif tag in _BLOCK:
            self._newline()

    def close(self):
        """The end of the page: a table still open (a copy cut before its </table>) is a table all the same."""
        super().close()
        while self._stack:
            self._end_table()
        self._flush_line()
        self._flush_flow()
        for element in self._open:  # left open by the page: they run to its end
            self.spans[element["serial"]] = (element["start"], len(self.text))
        self._open = []

    def _close_container(self, element: dict) -> None:
        """An element the page marks as navigation or footer leaves its lines out of the page text when they are
        a few short lines, none numbered (a menu, a breadcrumb, the footer); a marked element holding the article
        itself (a page naming its content box `main-foot`) keeps them."""
        start = element["start"]
        lines = self.text[start:]
        if element["chrome"] and lines and _chrome_only(lines):
            del self.text[start:]
            del self.within[start:]
        self.spans[element["serial"]] = (start, len(self.text))

    def _end_table(self):
        table = self._stack[-1]
        self._end_row(table)
        self._stack.pop()
        grid = _grid(table["rows"])
        if self._stack:  # a nested table: its text goes into the enclosing cell, and it is a table itself
            cell = self._stack[-1]["cell"]
            before = []
            if cell is not None:
                before = [ln.strip() for ln in _joined(cell["text"]).split("\n") if ln.strip()]
                cell["text"].append("\n".join(" ".join(r) for r in grid.rows))
            grid.preamble = before  # the article's lines above the table (附件, the title)
            grid.where = f"网页第 {len(self.grids) + 1} 个表格（在版式表格中）"
            self.grids.append(grid)
            return
        grid.preamble = [ln for ln in self.preamble if ln]
        grid.where = f"网页第 {len(self.grids) + 1} 个表格"
        self.grids.append(grid)
        self.preamble = []

    def handle_data(self, data):
        if self._skip:
            return
        if not self._pre and ("\n" in data or "\r" in data):
            data = _SOURCE_BREAK.sub(_source_break, data)
        self._flow.append(data)
        if not self._links:
            self._plain.append(data)
        if self._stack and self._stack[-1].get("caption") is not None:
            self._stack[-1]["caption"].append(data)
        elif self._stack and self._stack[-1]["cell"] is not None:
            self._stack[-1]["cell"]["text"].append(data)
        elif not self._stack:
            self._line.append(data)

    # -- helpers -----------------------------------------------------------------------------------
    def _newline(self):
        if self._stack and self._stack[-1]["cell"] is not None:
            self._stack[-1]["cell"]["text"].append("\n")
        else:
            self._flush_line()

    def _flush_line(self):
        line = re.sub(r"[ \t\r\n\u00a0]+", " ", _joined(self._line)).strip()
        self._line = []
        if line:
            self.preamble.append(line)

    def _flush_flow(self):
        if not self._flow:
            self._plain = []
            return
        text, plain = _joined(self._flow), _joined(self._plain)
        self._flow, self._plain = [], []
        if not _WORD.search(plain):  # only links (a menu, 【打印本页】【关闭窗口】) or no word at all (「|」)
            return
        for line in text.split("\n"):  # a line break left in the text is a <pre>'s
            line = _BLANKS.sub(" ", line).strip()
            if line:
                self.text.append(line)
                self.within.append(tuple(c["serial"] for c in self._open))

    def _end_row(self, table):
        if table["cell"] is not None:
            self._end_cell(table)
        if table["row"] is not None:
            table["rows"].append(table["row"])
            table["row"] = None

    def _end_cell(self, table):
        cell = table["cell"]
        lines = [_BLANKS.sub(" ", _set_apart(ln.strip())).strip() for ln in _joined(cell["text"]).split("\n")]
        cell["text"] = "\n".join(ln for ln in lines if ln)
        table["row"].append(cell)
        table["cell"] = None


_LIST_TYPES = {"1": "decimal", "a": "letter", "A": "LETTER", "i": "roman", "I": "ROMAN"}
_LIST_STYLES = {"decimal": "decimal", "lower-alpha": "letter", "lower-latin": "letter", "upper-alpha": "LETTER",
                "upper-latin": "LETTER", "lower-roman": "roman", "upper-roman": "ROMAN", "cjk-ideographic": "zh",
                "simp-chinese-informal": "zh", "trad-chinese-informal": "zh", "cjk-decimal": "decimal",
                "cjk-heavenly-stem": "stems"}


def _list_style(attrs: dict) -> str:
    """How an <ol> numbers its items: its CSS list-style-type, else its type attribute, else decimal."""
    m = re.search(r"list-style(?:-type)?\s*:\s*([a-z-]+)", attrs.get("style") or "", re.IGNORECASE)
    if m and m.group(1).lower() in _LIST_STYLES:
        return _LIST_STYLES[m.group(1).lower()]
    return _LIST_TYPES.get(attrs.get("type") or "1", "decimal")


def _list_label(value: int, style: str) -> str:
    """The marker a browser draws before item `value` of a list numbered in `style` (1. a. 一、)."""
    from .docx import format_number

    return format_number(value, style) + ("、" if style in ("zh", "stems") else ".")


def _int(value) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _grid(rows: list[list[dict]]) -> Grid:
    """Lay out cells with their spans on a grid; a cell spanning rows repeats its text below or reads ""
    there as `merged.shared_merged` decides (a unit cell over two tasks, or a task over two rows)."""
    from .merged import repeated_note, shared_merged

    out: list[list[tuple[str, bool]]] = []
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan above
    first: set[int] = set()  # columns where a rowspan's own (first) column runs
    for cells in rows:
        line: list[tuple[str, bool]] = []
        col = 0
        queue = list(cells)
        while queue or any(c >= col and n > 0 for c, n in pending.items()):
            if pending.get(col, 0) > 0:
                line.append(("", col in first))
                pending[col] -= 1
                col += 1
                continue
            if not queue:
                break
            cell = queue.pop(0)
            for k in range(cell["colspan"]):
                line.append((cell["text"] if k == 0 else "", False))
                if cell["rowspan"] > 1:
                    pending[col + k] = cell["rowspan"] - 1
                    if k == 0:
                        first.add(col)
                    else:
                        first.discard(col + k)
                else:
                    first.discard(col + k)
            col += cell["colspan"]
        out.append(line)
    repeated: list[tuple[int, int]] = []
    continued: set[int] = set()
    grid = Grid(rows=shared_merged(out, repeated, continued), row_numbers=list(range(1, len(out) + 1)),
                continued=continued)
    if repeated:
        r, c = repeated[0]
        grid.notes.append(repeated_note(len(repeated), f"第 {grid.row_number(r)} 行第 {c + 1} 列"))
    return grid


def read_html(source: str | Path | bytes) -> tuple[list[Grid], list[str]]:
    """(tables as grids, the page's text lines) from a file path, bytes, or HTML text."""
    if isinstance(source, Path) or (isinstance(source, str) and len(source) < 1000 and Path(source).exists()):
        source = Path(source).read_bytes()
    html = decode_html(source) if isinstance(source, bytes) else source
    parser = _TableParser()
    parser.feed(html)
    parser.close()
    return parser.grids, _drop_footer(parser.text, parser.within, parser.spans)


def _chrome_only(lines: list[str]) -> bool:
    """A few short lines, none numbered, none prose: a page's menu, breadcrumb or footer rather than its article."""
    rest = [ln for ln in lines if not _registration(ln)]
    return len(rest) <= 12 and all(len(ln) <= 60 and not _NUMBERED.match(ln) and not _PROSE.search(ln) for ln in rest)


def _registration(line: str) -> bool:
    """A footer's line carrying the site's registration number, not a numbered item or a sentence naming it."""
    return bool(_REGISTRATION.search(line)) and not _NUMBERED.match(line) and not _PROSE.search(line)


def _drop_footer(lines: list[str], within: list[tuple[int, ...]], spans: dict[int, tuple[int, int]]) -> list[str]:
    """The page's text without the site's footer: from the first line carrying the site's registration
    (网站标识码, ICP备…号, 公网安备) to the end when only chrome follows it, and above it the lines of the blocks
    around that line while they add only a few chrome lines (「主办单位：…」 「联系电话」 over the registration; a
    block holding the article as well stops the widening). A page with no such line is returned as it is."""
    at = next((k for k, ln in enumerate(lines) if _registration(ln) and _chrome_only(lines[k:])), None)
    if at is None:
        return lines
    cut = at
    for serial in reversed(within[at]):  # the nearest block first, then the blocks around it
        start, _end = spans[serial]
        if start < cut and (cut - start > 6 or not _chrome_only(lines[start:cut])):
            break
        cut = min(cut, start)
    return lines[:cut]
