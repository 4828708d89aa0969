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
"""

from __future__ import annotations

import email
import re
from email import policy
from html.parser import HTMLParser
from pathlib import Path

from .grid import Grid

_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"}
_SKIP = {"script", "style", "head", "title", "noscript"}
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """Bytes of a page (or an MHTML archive) → its HTML text, by the declared charset, else UTF-8/GB18030."""
    if data.lstrip()[:200].lower().startswith(b"mime-version") or b"multipart/related" in data[:2000].lower():
        msg = email.message_from_bytes(data, policy=policy.default)
        for part in msg.walk():
            if part.get_content_type() == "text/html":
                return part.get_content()
    m = _CHARSET.search(data[:4096])
    encodings = [m.group(1).decode("ascii").lower()] if m else []
    for enc in [*encodings, "utf-8", "gb18030"]:
        enc = "gb18030" if enc in ("gb2312", "gbk") else enc
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


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

    # -- plumbing ----------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skip += 1
            return
        attrs = dict(attrs)
        if tag in _BLOCK or tag in ("td", "th"):
            self._flush_flow()
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
        if tag in _BLOCK or tag in ("td", "th"):
            self._flush_flow()
        if not self._stack:
            if tag in _BLOCK:
                self._flush_line()
            return
        table = self._stack[-1]
        if tag == "caption" and table.get("caption") is not None:
            caption = re.sub(r"\s+", " ", "".join(table.pop("caption"))).strip()
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

    def _end_table(self):
        table = self._stack[-1]
        self._end_row(table)
        self._stack.pop()
        grid = _grid(table["rows"])
        if self._stack:  # a nested table: its text goes into the enclosing cell, and it is a table itself
            cell = self._stack[-1]["cell"]
            before = []
            if cell is not None:
                before = [ln.strip() for ln in "".join(cell["text"]).split("\n") if ln.strip()]
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
        self._flow.append(data)
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
        line = re.sub(r"[ \t\r\n\u00a0]+", " ", "".join(self._line)).strip()
        self._line = []
        if line:
            self.preamble.append(line)

    def _flush_flow(self):
        line = re.sub(r"[ \t\r\n\u00a0]+", " ", "".join(self._flow)).strip()
        self._flow = []
        if line:
            self.text.append(line)

    def _end_row(self, table):
        if table["cell"] is not None:
            self._end_cell(table)
        if table["row"] is not None:
            table["rows"].append(table["row"])
            table["row"] = None

    def _end_cell(self, table):
        cell = table["cell"]
        text = "".join(cell["text"])
        lines = [re.sub(r"[ \t\r\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
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
    parser._flush_line()
    parser._flush_flow()
    return parser.grids, parser.text
