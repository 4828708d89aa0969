"""Quarters as the clerk writes them: 2026Q1, 2026-Q1, 2026q1, 2026年第一季度, 2026年一季度, 2026年第1季度."""

from __future__ import annotations

import datetime as dt
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

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 3 * self.q - 2, 1)

    @property
    def last_day(self) -> dt.date:
        return self.next().first_day - dt.timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.q == 4 else Quarter(self.year, self.q + 1)

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


def parse_date(text: str) -> str:
    m = re.match(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$", str(text))
    if not m:
        raise XlError(f"无法识别日期「{text}」。", hint="请写成 2026-04-10、2026/4/10 或 2026年4月10日。")
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError as exc:
        raise XlError(f"日期「{text}」不存在。", hint="请检查月份和日期。") from exc


def check_deadline(text: str, quarter: Quarter) -> str:
    """The deadline for returns of `quarter` as an ISO date; XlError when it is before the quarter began
    or after the next quarter has ended (a wrong year or quarter, not a late deadline)."""
    iso = parse_date(text)
    day = dt.date.fromisoformat(iso)
    if day < quarter.first_day:
        raise XlError(f"截止日期 {iso} 早于{quarter.zh}的开始（{quarter.first_day.isoformat()}）。",
                      hint=f"{quarter.zh}的进展一般在季度末或下季度初报送，请检查年份和月份，"
                           f"例如 {quarter.next().first_day.replace(day=10).isoformat()}。")
    if day > quarter.next().last_day:
        raise XlError(f"截止日期 {iso} 晚于{quarter.next().zh}的结束，不像{quarter.zh}的截止日期。",
                      hint="请检查年份和季度是否写对。")
    return iso
