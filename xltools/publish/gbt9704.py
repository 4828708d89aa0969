"""The official format's values (GB/T 9704-2012《党政机关公文格式》 and common practice): the one home.

Both the attachment/report writer and `check-format` read these; templates/attachment.toml may
override them (see `load_style`). Each value names the clause it comes from; "practice" marks what
offices commonly do where the standard is silent.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..errors import XlError

# Chinese type sizes (号) in points.
SIZES_PT = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15,
            "四号": 14, "小四": 12, "五号": 10.5, "小五": 9}


@dataclass(frozen=True)
class Style:
    """The formatting constants of GB/T 9704-2012 used here, each with the clause it comes from."""

    # 5.2.1 纸张: A4, 210 mm × 297 mm.
    page_width_mm: float = 210
    page_height_mm: float = 297
    # 5.2.2 页边与版心尺寸: 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm (so bottom 35 mm, right 26 mm).
    margin_top_mm: float = 37
    margin_bottom_mm: float = 35
    margin_left_mm: float = 28
    margin_right_mm: float = 26
    # 5.2.2: ±1 mm tolerance on the type area; used by the checker.
    tolerance_mm: float = 1.0
    # 7.3.7 附件: the label "附件" in 3号 黑体, flush left on the first line.
    label_font: str = "黑体"
    label_size: str = "三号"
    # 7.3.7 / 7.3.1: the title in 2号 方正小标宋简体, centred.
    title_font: str = "方正小标宋简体"
    title_size: str = "二号"
    # 5.2.3 / 7.3.3: body text 3号 仿宋_GB2312.
    body_font: str = "仿宋_GB2312"
    body_size: str = "三号"
    # 7.3.3: first-level headings 「一、」 in 黑体 (second level 「（一）」 in 楷体), the body's size.
    heading_font: str = "黑体"
    # practice: the font for digits and Latin letters beside the Chinese fonts.
    latin_font: str = "Times New Roman"
    # practice (the standard is silent on tables): header row 黑体, table text 仿宋_GB2312 小四 for dense lists.
    table_header_font: str = "黑体"
    table_header_size: str = "小四"
    table_font: str = "仿宋_GB2312"
    table_size: str = "小四"
    # practice: single 0.5 pt borders.
    border_pt: float = 0.5
    # 7.5 页码: 4号 半角宋体 Arabic numerals with a one-em dash each side, "— 1 —".
    page_number_font: str = "宋体"
    page_number_size: str = "四号"
    page_number_format: str = "— {n} —"
    # 7.5: odd pages right, even pages left, one character in from the edge; 7 mm below the type area.
    page_number_gap_mm: float = 7
    # practice: the widest a portrait table may need before auto orientation turns the page (clause 8 allows 横排表格).
    landscape_min_columns: int = 5
    landscape_units_chars: int = 24
    # practice: column widths (mm); the task text takes what is left. The category column is as wide as
    # its longest category needs in two lines, up to width_category_mm.
    width_number_mm: float = 12
    width_category_mm: float = 36
    width_units_min_mm: float = 26
    width_units_max_mm: float = 45
    width_deadline_mm: float = 26
    width_extra_mm: float = 28

    def pt(self, size_name: str) -> float:
        return SIZES_PT[size_name]


DEFAULT = Style()

# 7.3.7: the label is 「附件」, or 「附件」 and the attachment's number in Arabic numerals (「附件1」, 「附件2-1」),
# with no colon and no space. Sources spell it 「附件：1」, 「附 件」, 「附件１」; these are read as the same label.
_LABEL_SPELLINGS = re.compile(r"^附\s*件\s*[:：]?\s*([0-9０-９]+(?:\s*[-－—–]\s*[0-9０-９]+)?)?\s*[:：]?$")
_STANDARD_LABEL = re.compile(r"^附件(?:[0-9]+(?:-[0-9]+)?)?$")


def standard_label(text: str) -> str:
    """The label as 7.3.7 writes it (「附件：1」 → 「附件1」); text that is not a 附件 label is returned as is."""
    found = _LABEL_SPELLINGS.match(text.strip())
    if not found:
        return text
    number = (found.group(1) or "").translate(str.maketrans("０１２３４５６７８９－—–", "0123456789---"))
    return "附件" + re.sub(r"\s+", "", number)


def is_standard_label(text: str) -> bool:
    """Whether `text` is written as 7.3.7 has it: 「附件」 or 「附件」 followed by the number."""
    return bool(_STANDARD_LABEL.match(text.strip()))
_TEMPLATE_NAME = "attachment.toml"


def default_template_path() -> Path:
    """The shipped templates/attachment.toml."""
    from ..data import template_path

    return template_path(_TEMPLATE_NAME)


def load_style(path: str | Path | None = None) -> Style:
    """The default style, overridden by a template file; unknown keys and bad values → XlError."""
    from ..infra.settings import read_settings_text

    if path is None:
        path = default_template_path()
    path = Path(path)
    try:
        data = tomllib.loads(read_settings_text(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise XlError(f"样式模板无法读取（{exc}）。", file=path.name, hint="请检查 TOML 语法，可参照 templates/attachment.toml。") from exc
    flat: dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, dict):  # sections are only for reading; keys are unique across them
            flat.update(value)
        else:
            flat[key] = value
    return _apply(DEFAULT, flat, path.name)


def _apply(style: Style, values: dict[str, object], file: str) -> Style:
    known = {f.name: f for f in fields(Style)}
    changes = {}
    for key, value in values.items():
        if key not in known:
            raise XlError(f"样式模板中有未知的设置「{key}」。", file=file,
                          hint=f"可用的设置见 templates/attachment.toml，例如：{'、'.join(list(known)[:6])} …")
        expected = type(getattr(DEFAULT, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or isinstance(value, bool):
            raise XlError(f"样式模板中「{key}」的值「{value}」不对。", file=file,
                          hint=f"应为{'数字' if expected in (int, float) else '文字'}。")
        if key.endswith("_size") and value not in SIZES_PT:
            raise XlError(f"样式模板中「{key}」的字号「{value}」不认识。", file=file,
                          hint=f"可用：{'、'.join(SIZES_PT)}")
        if key.endswith("_mm") and not 0 <= float(value) <= 300:
            raise XlError(f"样式模板中「{key}」的尺寸 {value} 毫米超出范围。", file=file, hint="请填 0 到 300 之间的毫米数。")
        changes[key] = value
    return replace(style, **changes)
