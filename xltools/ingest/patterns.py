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
