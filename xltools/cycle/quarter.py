"""Quarters as the clerk writes them: 2026Q1, 2026-Q1, 2026q1, 2026年第一季度, 2026年一季度, 2026年第1季度."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import XlError

_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_PATTERNS = (
    re.compile(r"^\s*(\d{4})\s*[-_ ]?\s*[Qq]\s*([1-4])\s*$"),
    re.compile(r"^\s*(\d{4})\s*年?\s*第?\s*([一二三四1-4])\s*季度?\s*$"),
)


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter (year, 1–4), ordered."""

    year: int
    q: int

    @property
    def code(self) -> str:
        """2026Q1: used in file names and provenance."""
        return f"{self.year}Q{self.q}"

    @property
    def zh(self) -> str:
        """2026年第一季度: used in titles."""
        return f"{self.year}年第{'一二三四'[self.q - 1]}季度"

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.q == 1 else Quarter(self.year, self.q - 1)

    def __str__(self) -> str:
        return self.code


def parse_quarter(text: str | Quarter) -> Quarter:
    """Parse any accepted spelling; raise XlError with the accepted forms otherwise."""
    if isinstance(text, Quarter):
        return text
    for pattern in _PATTERNS:
        m = pattern.match(str(text))
        if m:
            return Quarter(int(m.group(1)), _ZH_DIGITS[m.group(2)])
    raise XlError(f"无法识别季度「{text}」。", hint="请写成 2026Q1、2026-Q1 或 2026年第一季度。")
