"""Regular expressions compiled when first used.

The importer reads many shapes of list, and each shape has its patterns; a command that never meets a
shape should not pay for compiling its patterns at start-up (each process starts the interpreter and
imports the modules afresh, so every compile at import is paid on every command).
"""

from __future__ import annotations

import re


class LazyPattern:
    """A `re.Pattern` stand-in: compiled at the first `match`, `search`, `sub` … call."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags, self._compiled = source, flags, None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return getattr(self._compiled, name)


# A pinyin annotation a web page puts after a character (縣發(fā)展改革委): brackets right after a Chinese
# character holding only Latin letters, at least one of them with a tone mark. It is not part of the name.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_NOTE = LazyPattern(rf"(?<=[\u3400-\u9fff])[(（][a-zA-Z{_TONED}üÜ ]*[{_TONED}][a-zA-Z{_TONED}üÜ ]*[)）]")


def drop_pinyin_notes(text: str) -> str:
    """The text without pinyin annotations in brackets; text with none is returned unchanged (and cheaply)."""
    if "(" not in text and "（" not in text:
        return text
    return PINYIN_NOTE.sub("", text)


# A figure in a cell (3.5, 1200, 98.6%, <3, 约20): a count, a target or a rate, never a name or a task's number.
FIGURE = LazyPattern(r"^[<>≥≤＜＞约]?\s*\d+(?:\.\d+)?\s*[%％‰]?$")

# A mark printed after a task's number to single it out (1*, 3★, 5▲: a key task, one the office leads):
# the number is the digits before it.
NUMBER_MARKS = "*＊★☆▲△※"

_ZH_NUMERAL = LazyPattern(r"^(?:([一二三四五六七八九])百)?(零)?(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ZH_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


def zh_number(text: str) -> int | None:
    """The value of a counting number as lists print it: 一 → 1, 十二 → 12, 三十五 → 35, 一百零三 → 103, 12 → 12,
    ③ → 3, with a trailing 、 or . ignored; None when the text is not a well-formed number (十十, 二二)."""
    text = text.strip().rstrip("、.．")
    if text.isdecimal():
        return int(text)
    if len(text) == 1 and text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    m = _ZH_NUMERAL.match(text) if text else None
    if m is None:
        return None
    hundreds, _zero, tens, ten, ones = m.groups()
    value = (_ZH_DIGIT[hundreds] * 100 if hundreds else 0) + ((_ZH_DIGIT[tens] if tens else 1) * 10 if ten else 0)
    return value + (_ZH_DIGIT[ones] if ones else 0)


# A notice's signature line: the issuing office (…办公室, …人民政府, …委员会, …办公厅) or the date it was signed.
SIGNATURE_LINE = LazyPattern(r"^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[\u4e00-\u9fa5]{2,20}(办公室|人民政府|委员会|办公厅))\W*$")
# A date alone on a line (2024年3月1日).
DATE_LINE = LazyPattern(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\W*$")
# The same signature run onto the end of a line after a space (a page that lost its line breaks): 「…打造一流营商环境。
# 县发展和改革局 2024年1月10日」 — the office, then the date.
SIGNATURE_TAIL = LazyPattern(r"\s+[\u4e00-\u9fa5]{2,30}(办公室|人民政府|委员会|办公厅|局|委|办|中心|政府)\s*"
                             r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(印发)?\W*$")

# A site's registration, which every government site shows in its footer (网站标识码, ICP备案号, 公网安备): the
# registration itself, label and number (「网站标识码：3412000001」 「皖ICP备05001234号」 「公网安备 34120202000123号」),
# not the words in a sentence (a task 「标注网站标识码、ICP备案编号」 of a 政府网站 list).
SITE_REGISTRATION = LazyPattern(r"网站标识码\s*[:：]?\s*[0-9A-Za-z]{6,}|ICP\s*[备证]\s*[:：]?\s*\d{4,}|公网安备\s*[:：]?\s*\d{6,}")

# A task's text that ends here is finished (after ； it may go on with its next measure): items, table sub-rows
TEXT_END = ("。", "！", "？")

# A government disclosure page's metadata box, printed above or below the document (「索引号： | 1137…/2022-04772 |
# 成文日期： | 2022-10-08 |」, 「发布机构： | … | 主题分类： | …」): a line with its 索引号, or with two of its fields — the
# page's, never a row or line of the list (one field alone, 公开方式：…, may be a 政务公开 list's own words).
PAGE_METADATA = LazyPattern(r"^\s*\|?\s*索\s*引\s*号\s*[:：]|(?:(?:成文日期|发布机构|发文机关|主题分类|公开方式|公开范围|信息分类|"
                            r"发布日期|文\s*号)\s*[:：].*){2}")
