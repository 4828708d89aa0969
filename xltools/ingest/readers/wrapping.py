"""Printed lines joined back into the paragraphs they wrap.

A document printed to PDF is wrapped at the page's right edge: its text layer, and the text a PDF viewer copies
out of it, give one line per printed line. A list written as paragraphs (a 分工方案: numbered items, their clauses,
key lines) is read by paragraph, so its printed lines are joined again first — a wrap may fall anywhere: after 。,
inside a clause (「（X牵头；完成」 ⏎ 「时限：…）」), before a piece Word keeps together (「…“双」 ⏎ 「盲”…」).
`paragraphs` reads where each line stands on the page (pdfplumber's text lines); `unwrap_copied` reads copied text,
whose lines keep only their characters, by the same rules with each character's width standing for its place.
"""

from __future__ import annotations

import re

# A line break never falls before these (they stay with the character before) nor after the openers.
_NO_START = frozenset("、，。；：！？）)］]」』》〉〕】”’%％…·,.;:!?")
_NO_END = frozenset("（([［「『《〈〔【“‘")
# The spaces a PDF shows between Chinese and digits or Latin letters: glyph spacing, not typed spaces.
CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=\S)|(?<=\S) (?=[\u3000-\u9fff\uff00-\uffef])")
# A page number printed at a page's foot or head: 「— 3 —」, 「- 3 -」, 「7」, 「第 2 页」, 「第3页，共8页」.
PAGE_NUMBER = re.compile(r"^\s*[-－—–]*\s*(第\s*)?\d{1,4}\s*(页)?\s*[-－—–]*\s*$|^\s*第\s*\d+\s*页\s*[，,/]?\s*共\s*\d+\s*页\s*$")
_CLOSES = frozenset("。！？!?）)")  # a line closing a sentence or a clause
_ENDINGS = frozenset("。！？!?）)；;：:")  # …or a part of one


def is_latin(char: str) -> bool:
    """A digit or a letter of a script written in words (Latin, pinyin with its tones), not a CJK character."""
    return char[:1].isalnum() and ord(char[0]) < 0x2E80  # a glyph may carry several characters (a ligature)


def first_piece(line: dict) -> float:
    """The width of what a line break may not split at the start of `line`: a character with the punctuation that
    may not start a line, an opening bracket or quote with what it opens, a run of digits or Latin letters."""
    chars = [c for c in line.get("chars") or [] if c["text"].strip()]
    if not chars:
        return 0.0
    k = 0
    while k + 1 < len(chars) and chars[k]["text"] in _NO_END:
        k += 1
    if is_latin(chars[k]["text"]):
        while k + 1 < len(chars) and (is_latin(chars[k + 1]["text"]) or chars[k + 1]["text"] in ".%-"):
            k += 1
    while k + 1 < len(chars) and chars[k + 1]["text"] in _NO_START:
        k += 1
    return chars[k]["x1"] - chars[0]["x0"]


def paragraphs(lines: list[dict], right: float | None = None) -> list[str]:
    """Printed lines (pdfplumber's text lines, over every page: `text`, `x0`, `x1`, `chars`) joined into the
    paragraphs they wrap. The body's left margin is where the furthest-left line starts, its right edge `right` or
    the furthest a line reaches. A line ends its paragraph when the next line is indented (a first-line indent, a
    centred line; not the wrap of a numbered paragraph under its text, Word's hanging indent) or in another size
    (the title above the body), when it stops short of the edge as a last line does (`_stops_short`), or when the
    next line opens a paragraph by its words: a role's key (「牵头单位：」), the next number of the count the
    paragraphs above keep (「4.」 after a paragraph opened by 「3.」), a number after a key line (its names end where an
    item starts), or any number or label after a line closing a sentence — none of these with a bracket open. A
    line that fills the width otherwise goes on in the next."""
    from ..patterns import zh_number
    from ..table import split_enumerator
    from .items import opens_with_key, opens_with_label

    if not lines:
        return []
    left = min(ln["x0"] for ln in lines)
    right = max(ln["x1"] for ln in lines) if right is None else right
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
                        and (following is not None or opens_with_label(after["text"])))))
        if ends:
            out.append(CJK_SPACE.sub("", current).strip())
            current = ""
    return [p for p in out if p]


def unwrap_copied(text: str) -> str | None:
    """Text copied out of a PDF viewer (a paragraph a printed line, nothing of where a line stood) with its
    paragraphs joined again, or None when its lines show no wrap. A page's wrap shows as many lines of about the
    same width, the widest, each character counted as wide as it prints (Chinese a full em, digits and Latin letters
    half, the spaces a viewer puts around digits none); a paragraph typed on one line each (a Word or web copy) has
    lines of every width, each closing its sentence, and a list of short lines alike (key lines) does not go on
    from one line into the next. Where no wrap shows, a bracket left open at a line's end still joins the line that
    closes it (a short copy).
    A copy keeps no indent: a line opening with a number or a key is taken to start two
    characters in, as the first line of an official document's paragraph does. The lines are then joined by `paragraphs`."""
    from ..table import split_enumerator
    from .items import opens_with_key

    texts = [CJK_SPACE.sub("", ln.strip()) for ln in text.split("\n")]
    texts = [ln for ln in texts if ln and not PAGE_NUMBER.match(ln)]
    if len(texts) < 6:
        return None
    opening = [bool(split_enumerator(ln) or opens_with_key(ln)) for ln in texts]
    ends = [_width(ln) + (2.0 if opens else 0.0) for ln, opens in zip(texts, opening, strict=True)]
    widths = sorted(ends, reverse=True)
    wrap = widths[max(2, len(widths) // 6)]  # the width a sixth of the lines reach
    full = [k for k in range(len(texts) - 1) if ends[k] >= wrap - 1.5]
    # the widest lines stop mid-sentence and go on in the next line (a number or a key opens none of those): a
    # wrap, not paragraphs of about one length (each closing its sentence) nor lines alike
    going_on = {texts[k] for k in full if texts[k][-1] not in _ENDINGS and not opening[k + 1]}
    if (wrap < 15 or widths[0] > wrap + 3 or len(full) < max(3, len(widths) // 5) or len(going_on) < 3
            or len(going_on) < len(full) / 2):
        return _brackets_closed(texts)
    lines = [_as_printed(ln, 2.0 if opens else 0.0) for ln, opens in zip(texts, opening, strict=True)]
    return "\n".join(paragraphs(lines, right=wrap + 0.5))


def _brackets_closed(lines: list[str]) -> str | None:
    """Too few lines to show a wrap, the lines of a bracket left open at a line's end and closed on the next are
    still one (「1.推行行政执法“三项制度”。（牵头单位：县司法局；」 ⏎ 「配合单位：县直各执法部门）」); None when no line
    was joined."""
    out: list[str] = []
    for line in lines:
        if out and not _balanced(out[-1]) and (")" in line or "）" in line):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out) if len(out) < len(lines) else None


def _width(text: str) -> float:
    """How wide `text` prints, in ems: a character before the CJK blocks (digits, Latin and pinyin letters, ASCII
    punctuation) half, any other a whole one."""
    return len(text) - 0.5 * len(_HALF_WIDTH.findall(text))


_HALF_WIDTH = re.compile(r"[\u0020-\u2e7f]")


def _as_printed(text: str, indent: float) -> dict:
    """A copied line as pdfplumber would give it printed at one unit an em, `indent` in from the margin."""
    chars, x = [], indent
    for ch in text:
        width = _width(ch)
        chars.append({"text": ch, "x0": x, "x1": x + width, "size": 1.0})
        x += width
    return {"text": text, "x0": 0.0, "x1": x, "chars": chars}


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
    if gap < first_piece(after) + 0.5 * size:
        return False
    return line["text"].rstrip()[-1:] in _ENDINGS or gap >= 2.5 * size
