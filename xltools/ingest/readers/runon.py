"""Text that lost its line breaks: a 分工方案 copied out of a page that ran every paragraph into one line.

Real lists reach the clerk so: a notice's paragraphs, its headings 一、 （一）, its items 1. 2. and their unit
clauses all on ONE line, separated by single spaces where the breaks were (a mirror site's copy, a WeChat article
pasted through a plain-text box), or glued with nothing between them (「…配合）2.推进…」) where the page dropped its
<p> tags. What still shows the structure is the numbering: each style (一、 （一） 1. （1） 第一部分) counts up,
starting again at 1 under a new heading. `unfold_run_on` puts a line break back before each number that continues
its style's count and stands where a paragraph can start — after a space, after the end of a sentence or a clause
（。；）), or, for an item, right after a short heading glued to it (「一、就业促进1.加快…」) — and, after a space,
before a key line's key (「牵头单位：」 「完成时限：」). The result is read as any other list of items, and competes with
the reading of the text as it came (`importer._text_readings`): it is kept only where its tasks look more like a
task list.
"""

from __future__ import annotations

import re

from ..patterns import SIGNATURE_TAIL, LazyPattern, zh_number

_ZH = "一二三四五六七八九十"
_DOTS = ".．"
# A number in one of the styles a 分工方案 prints, where it may open a paragraph.
_MARK = LazyPattern(
    rf"(?P<part>第(?P<vpart>[{_ZH}]{{1,3}})部分)"
    rf"|(?<![{_ZH}])(?P<zh>(?P<vzh>[{_ZH}]{{1,3}})[、{_DOTS}])"
    rf"|(?P<paren_zh>[（(](?P<vparen_zh>[{_ZH}]{{1,3}})[）)])"
    rf"|(?<![\d{_DOTS}第（(])(?P<arabic>(?P<varabic>\d{{1,3}})[{_DOTS}、](?!\d))"
    rf"|(?P<paren_arabic>[（(](?P<vparen_arabic>\d{{1,3}})[）)])"
)
_STYLES = ("part", "zh", "paren_zh", "arabic", "paren_arabic")
_RANK = {s: k for k, s in enumerate(_STYLES)}
# A key line's key after a space: 「… 牵头单位：X 责任单位：Y 完成时限：Z」.
_KEY = LazyPattern(r"(?<=\s)(?:牵头(?:责任)?单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|"
                   r"完成时限|完成时间|时间节点|时限要求|完成期限)\s*[:：]")
_ENDS = "。；;！？!?）)】"
# A key naming a role, not an office (「主管部门：」, 「实施单位：」): a field of the item, never a paragraph's start
_ROLE_KEY = LazyPattern(r"^(主管|实施|责任|牵头|配合|监管|承办|协办|主办|参与|协同|督办|联系|建设|业主)(部门|单位|科室|处室)\s*[:：]$")
# An office labelling its duties after a space (「 市环保局：负责…」, 「 县公安局:…」): where its paragraph started.
_DUTY_LABEL = LazyPattern(r"(?<=\s)[\u4e00-\u9fff（）()]{1,20}?(?:局|委|办|院|厅|部|中心|政府|公司|队|所|站|学校|部门|机关)\s*[:：]"
                          r"(?=\s*\S)"
                          # …or as a sentence of its own after the last one's stop: 「…。县交通局、公路局。负责…」
                          r"|(?<=[。；;：:])[\u4e00-\u9fff（）()、]{1,30}?(?:局|委|办|院|厅|部|中心|政府|公司|队|所|站|部门|机关)"
                          r"[。．](?=\s*负责)")
# A notice announcing its own sections: 「现将有关事项通知如下：」.
_NOTICE_OPENING = LazyPattern(r"(通知|说明|安排|要求)如下\s*[:：]")
_SHORT_HEADING = 40  # a heading glued to its first item is short: no more characters than this
_LONG_LINE = 40


def unfold_run_on(text: str) -> str | None:
    """The text with its run-on line cut back into paragraphs (see the module's docstring); None when no line of
    the text is run on (`_run_on_line`), or when none of its numbers continues a count and it is not a list of one
    item numbered 1 with its units. Ordinary paragraphs, one a line, are never touched, whatever numbers their
    sentences hold."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    at = _run_on_line(lines)
    if at is None:
        return None
    line = lines[at]
    cuts, items, counted = _item_cuts(line)
    keys = {m.start() for m in _KEY.finditer(line)}
    duties = {m.start() for m in _DUTY_LABEL.finditer(line) if not _ROLE_KEY.match(m.group().strip())}
    after = _after_clauses(line)
    numbered = bool(items) and _items_name_their_units(line, sorted(items), keys, single=counted < 2)
    head = min(after, default=0)
    if (len(after) >= 2 and (not numbered or after - cuts - {head})
            and all(c in after or c < head for c in cuts)):
        # unnumbered items, each closed by its clause; the numbers are their headings', each right after a clause
        # (「一、宏观调控 地区生产总值增长率（责任单位：…） … 二、…」), never inside an item's text (its points)
        starts = _clause_starts(line)
        for c in list(cuts):  # a heading's first item: from the last space before its clause
            start = next((a for a in starts if a > c), c)
            space = _last_space(line, c, start)
            if space is not None:
                after.add(space + 1)
        cuts |= after
    elif not numbered:
        if len(duties) < 3:
            return None
        cuts = set()  # (the numbers are no list's items: only the offices labelling their duties start paragraphs)
    cuts |= keys
    if len(duties) >= 2:  # 「… 市环保局：负责… 市监察局：负责…」: each office's duties a paragraph of their own
        cuts |= duties
    signed = SIGNATURE_TAIL.search(line)
    if signed:  # 「… 市人民政府办公室 2024年2月18日印发」: the signature closing the notice, a line of its own
        cuts.add(signed.start() + len(signed.group()) - len(signed.group().lstrip()))
    head = re.match(r"\s*附\s*件\s*\d*\s+(?=\S)", line)
    if head:  # 「附件 关于…的分工方案」: the label is a line of its own
        cuts.add(head.end())
    bounds = [0, *sorted(c for c in cuts if c > 0), len(line)]
    pieces = [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return "\n".join([*lines[:at], *(p for p in pieces if p), *lines[at + 1:]])


def _items_name_their_units(line: str, items: list[int], keys: set[int], single: bool = False) -> bool:
    """Whether the items cut name their own units — half of them at least — in a clause （「（X牵头，Y配合）」) or on
    key lines after them, or none does (a list of tasks only): points 1. 2. 3. of one task that share its one clause
    are not items of the list; nor are the sections of a notice that says 「…通知如下：」 before them when none names a
    unit. `single`: no count runs over two numbers; then only a list of one item numbered 1
    that names its units is one (「附件 … 一、… 1、加强…（牵头单位：X）。」)."""
    from .items import split_clause

    if not any(split_clause(line[a:b].strip().rstrip("。；;"))[1] or any(a < k < b for k in keys)
               for a, b in zip(items, [*items[1:], len(line)], strict=False)) and _NOTICE_OPENING.search(line[:items[0]]):
        return False  # a notice's own sections after its 「…通知如下：」, naming nobody: no list of tasks
    if single:
        m = _MARK.match(line, items[0])
        if len(items) != 1 or m is None or zh_number(next(v for k, v in m.groupdict().items() if k[0] == "v" and v)) != 1:
            return False

    named = 0
    for a, b in zip(items, [*items[1:], len(line)], strict=False):
        if any(a < k < b for k in keys) or split_clause(line[a:b].strip().rstrip("。；;"))[1]:
            named += 1
    return named == len(items) if single else named == 0 or named * 2 >= len(items)


def _after_clauses(line: str) -> set[int]:
    """Where a paragraph starts after a space that follows a unit clause （「…（责任单位：X） 潮汕食品创业园…」): a run-on
    list of unnumbered items, each closed by its clause; the first item starts after the last space before its
    clause (the title or heading before it)."""
    out: set[int] = set()
    for start, end in _clauses(line):
        while end < len(line) and line[end] in "。；;":
            end += 1
        if end < len(line) and line[end].isspace():
            if not out:
                space = _last_space(line, 0, start)
                if space is not None:
                    out.add(space + 1)
            out.add(end + 1)
    return out


def _clauses(line: str) -> list[tuple[int, int]]:
    """(start, end) of each bracketed unit clause of the line, and of each run of key lines run on after a space
    (「 牵头单位：X 责任单位：Y、Z 完成时限：W」, each value one word), in their order."""
    from .items import parse_clause

    out = [(start, end) for start, end in _brackets(line) if parse_clause(line[start + 1:end - 1])]
    group: list[int] = []
    for m in _KEY.finditer(line):
        value = re.match(r"\S*", line[m.end():]).group()
        end = m.end() + len(value)
        if group and line[group[1]:m.start()].strip():
            out.append((group[0], group[1]))
            group = []
        group = [group[0] if group else m.start(), end]
    if group:
        out.append((group[0], group[1]))
    return sorted(out)


def _brackets(line: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost bracketed group of the line, brackets included."""
    out: list[tuple[int, int]] = []
    depth = start = 0
    for i, ch in enumerate(line):
        if ch in "（(":
            start = i if depth == 0 else start
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


def _last_space(line: str, low: int, start: int) -> int | None:
    """The last space between `low` and the text before `start` (the spaces right before it left out)."""
    while start > low and line[start - 1].isspace():
        start -= 1
    return max((k for k in range(low, start) if line[k].isspace()), default=None)


def _clause_starts(line: str) -> list[int]:
    return [start for start, _end in _clauses(line)]


def _run_on_line(lines: list[str]) -> int | None:
    """The line that holds a text run on, if one does: the longest line, 40 characters or more, holding half the
    text or more beside four other lines at most (a title, a label, a source), or two thirds of it beside eight."""
    at = max(range(len(lines)), key=lambda k: len(lines[k]))
    total = sum(len(ln.strip()) for ln in lines)
    others = sum(1 for k, ln in enumerate(lines) if ln.strip() and k != at)
    short = all(len(ln.strip()) <= 30 and "|" not in ln for k, ln in enumerate(lines) if ln.strip() and k != at)
    if len(lines[at]) < _LONG_LINE or len(lines[at].strip()) * 2 < total \
            or others > (8 if short and len(lines[at].strip()) * 3 >= total * 2 else 4):
        return None  # (a sharing site's few short lines of chrome above the text: a few more beside most of it)
    return at


def _item_cuts(line: str) -> tuple[set[int], set[int], int]:
    """Where the line's numbers continue their counts (see the module's docstring), which of those cuts open items
    (the numbers of the lowest style cut), and how long the longest count is: one count per style, starting at any number (a page copied from
    its middle) and again at 1 after a number of a higher style."""
    want: dict[str, int] = {}
    chain: dict[str, list[int]] = {}
    counted: dict[str, int] = {}
    last_cut: tuple[str, int, int] | None = None  # style, start, end of the last number cut before
    since: dict[str, int] = {}  # style → the rank of the highest style cut since its own last cut
    cuts: set[int] = set()
    firsts: dict[str, int] = {}  # style → where its first number cut stands
    for m in _MARK.finditer(line):
        style = next(s for s in _STYLES if m.group(s))
        value = zh_number(m.group(f"v{style}"))
        if value is None:
            continue
        start = m.start()
        prev = line[:start].rstrip()
        spaced = start > 0 and line[start - 1].isspace()
        ended = not prev or prev[-1] in _ENDS
        glued = (last_cut is not None and _RANK[last_cut[0]] < _RANK[style] and start - last_cut[2] <= _SHORT_HEADING
                 and not any(c in "。；;！？!?" for c in line[last_cut[2]:start]))
        if not (spaced or ended or glued):
            continue
        restart = value == 1 and since.get(style, 99) < _RANK[style]
        if style in want and value != want[style] and not restart:
            if not (value == 1 and len(chain[style]) == 1):
                continue
            cuts.discard(chain[style][0])  # a count's first number was a stray: the count starts here
            chain[style] = []
        chain.setdefault(style, []).append(start)
        firsts.setdefault(style, start)
        if restart:
            chain[style] = [start]
        want[style] = value + 1
        counted[style] = counted.get(style, 0) + 1
        cuts.add(start)
        last_cut = (style, start, m.end())
        since[style] = 99
        for other in _STYLES:
            if other != style:
                since[other] = min(since.get(other, 99), _RANK[style])
    if not cuts:
        return set(), set(), 0
    for style, at in firsts.items():  # a count's first number glued to the text before it (「…职责分解一、县城区办事处」)
        value = zh_number(_MARK.match(line, at).group(f"v{style}"))
        before = [m for m in _MARK.finditer(line, 0, at) if m.group(style) and zh_number(m.group(f"v{style}")) == 1]
        if value == 2 and before:
            cuts.add(before[-1].start())
    lowest = max(chain, key=lambda s: _RANK[s])  # the items: the style lowest in rank that was cut
    return cuts, {c for c in cuts if _MARK.match(line, c).group(lowest)}, max(counted.values())


_TOKEN = LazyPattern(r"\S+")
_ROW_NUMBER = LazyPattern(r"^(\d{1,4})[*＊★☆▲△※]?$")


def unfold_space_rows(text: str) -> str | None:
    """A table whose cells are separated by spaces, all its rows run onto one line after its header labels (a
    register copied out of a page that lost its line breaks: 「序号 工作任务 责任单位 完成时限 1 … 2 … 3 …」): the
    line cut before each number standing alone that continues the longest count 1 2 3 … (or from any number: a
    page copied from its middle), so each row stands on its own line as a table copied with spaces gives it; the
    text before the first number is the header. None unless a line holds most of the text (as `unfold_run_on`)
    and its count runs over two rows at least."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    at = _run_on_line(lines)
    if at is None:
        return None
    line = lines[at]
    best: dict[int, tuple[int, int]] = {}  # value → (length of the longest count ending at it, its token)
    back: dict[int, int | None] = {}
    starts: list[int] = []
    for m in _TOKEN.finditer(line):
        number = _ROW_NUMBER.match(m.group())
        if not number or not (m.start() == 0 or line[m.start() - 1].isspace()):
            continue
        value = int(number.group(1))
        length, before = best.get(value - 1, (0, None))
        k = len(starts)
        starts.append(m.start())
        back[k] = before
        if length + 1 > best.get(value, (0, None))[0]:
            best[value] = (length + 1, k)
    if not best:
        return None
    length, k = max(best.values())
    if length < 2:
        return None
    cuts = []
    while k is not None:
        cuts.append(starts[k])
        k = back[k]
    cuts.reverse()
    if not line[:cuts[0]].strip():
        return None  # no header before the rows
    bounds = [0, *cuts, len(line)]
    rows = [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return "\n".join([*lines[:at], *rows, *lines[at + 1:]])


# A document-sharing site's preview chunk marker opening a line: 「1、」, 「2、」 … counting the stored chunks
_PREVIEW_CHUNK = LazyPattern(r"^\s*(\d{1,2})、")
_MIN_CHUNK = 150  # a preview's chunk runs a page's text on: a short line is a list's own item


def join_preview_chunks(text: str) -> str | None:
    """A document-sharing site's preview (「…docx》由会员分享…」) stores a document as chunks, each on its line opening
    with the chunk's count 「1、」 「2、」 「3、」 wherever the chunk breaks — inside a word (「民政办: 组」 ⏎ 「2、织救灾
    捐赠」) — so the counts look like a list's items and split its sentences. The text with the chunks joined again, the
    counts dropped: where lines open with 1、, 2、, 3、 … in turn (two at least after the first), every chunk but the last
    is long, and one at least breaks off where no sentence or clause ends. None otherwise."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    at = [k for k, ln in enumerate(lines) if _PREVIEW_CHUNK.match(ln)]
    start = next((k for k in at if _PREVIEW_CHUNK.match(lines[k]).group(1) == "1"), None)
    if start is None:
        return None
    chunks, expected = [start], 2
    for k in range(start + 1, len(lines)):
        m = _PREVIEW_CHUNK.match(lines[k])
        if m and int(m.group(1)) == expected:
            chunks.append(k)
            expected += 1
    if len(chunks) < 3:
        return None
    bodies = [" ".join(ln.strip() for ln in lines[a:b] if ln.strip()) for a, b in zip(chunks, chunks[1:], strict=False)]
    if any(len(body) < _MIN_CHUNK for body in bodies):
        return None
    if all(body.rstrip()[-1:] in "。；;：:！？!?）)】」”" for body in bodies):
        return None  # (every line a whole paragraph: the document's own items 1、 2、 3、)
    joined = "".join(_PREVIEW_CHUNK.sub("", lines[k], count=1).strip() if k in chunks else lines[k].strip()
                     for k in range(start, chunks[-1] + 1) if lines[k].strip())
    return "\n".join([*lines[:start], joined, *lines[chunks[-1] + 1:]])

