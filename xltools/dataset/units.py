"""Splitting a unit cell into unit names, and what a name looks like. Pure: no office library.

The rules, in the order they apply to one cell (责任单位 / 牵头单位 …):

1. Clean: stray HTML tags (<p>, </p>, <br>) removed; full-width and no-break spaces count as spaces;
   control characters dropped.
2. Lines: a cell may hold one unit per line, or a name broken across lines by the page
   ("区人力资源社会保障" / "局"). A line is joined to the previous one when the previous line does not
   end like a unit name and the joined text does (or the line is only a suffix such as 局, 委, 办).
3. Separators: 、，,；; and line breaks separate units. Spaces separate only when every piece on
   both sides looks like a unit name ("市教育局 市财政局"); otherwise they are removed ("市教育局 、").
4. Collectives stay whole: a piece starting with 各 followed by bare level words joined with 、
   ("各乡、镇、办事处", "各乡镇、街道办事处", "各县、区") is one collective unit.
5. 等: "X等" keeps X and marks the list open; "X等Y" gives X and the collective Y
   ("区教体局等区直有关部门" → 区教体局, 区直有关部门). "X及Y" where X is a unit gives X and Y.
6. A piece is a collective (kind 集合) when it starts with 各, or ends with 有关部门 / 相关部门 /
   有关单位 / 有关院校 / 成员单位 / 主管部门 …, or reads like a whole class (县区, 乡镇).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Characters a Chinese unit name commonly ends with (局, 委 …) and multi-character endings.
UNIT_SUFFIXES = (
    "人民政府", "管委会", "委员会", "办公室", "指挥部", "领导小组", "中心", "集团", "公司", "政府", "街道", "社区",
    "学院", "学校", "大学", "医院", "银行", "分局", "支队", "大队", "筹建处", "办事处", "师专", "职高",
    "局", "委", "办", "部", "厅", "署", "院", "校", "会", "处", "室", "站", "所", "队", "联", "社", "馆", "台",
    "庭", "组", "科", "股", "镇", "乡", "村", "协", "大", "团", "司", "行", "区", "县", "市", "省", "盟", "旗",
)
# Endings that make a piece a collective (a class of units rather than one unit).
COLLECTIVE_ENDINGS = (
    "有关部门", "相关部门", "有关单位", "相关单位", "有关院校", "相关院校", "成员单位", "主管部门", "各部门",
    "有关企业", "相关企业", "有关学校", "各单位", "职能部门",
)
# Bare level words: after "各…、" they continue the same collective.
_BARE_LEVEL = re.compile(
    r"^(涉农|所属)?(乡|镇|乡镇|街道|办事处|街道办事处|县|区|县区|县市区|市|社区|村|部门|单位|院校|学校|管委会|开发区)"
    r"(人民政府|政府)?$"
)
_TAGS = re.compile(r"</?\s*(p|br|span|div|font|b|strong)\b[^>]*>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEPARATORS = re.compile(r"[、，,；;/]+")
_STRONG_SEPARATORS = re.compile(r"[，,；;]+")
_SPACES = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009]+")
_SUFFIX_ONLY = {"局", "委", "办", "厅", "部", "院", "会", "处", "室", "中心", "办公室", "委员会", "政府", "人民政府",
                "管委会", "集团", "公司", "学院", "学校"}
_LEVEL_PREFIX = re.compile(r"^(省|市|区|县|州|盟|旗|镇|乡)")


@dataclass
class SplitResult:
    """Unit names of one cell, in printed order, and whether the list was open (等)."""

    names: list[str] = field(default_factory=list)
    open: bool = False
    notes: list[str] = field(default_factory=list)


def clean_text(text: str) -> str:
    """Remove stray tags and control characters; normalise exotic spaces; keep line breaks."""
    text = _TAGS.sub("\n", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).replace("\u00a0", " ").replace("\t", " ")
    lines = [line.strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def looks_like_unit(name: str) -> bool:
    """A plausible complete unit name: ends with a unit suffix or is a collective."""
    name = name.strip()
    if len(name) < 2:
        return False
    return name.endswith(UNIT_SUFFIXES) or is_collective(name)


def is_collective(name: str) -> bool:
    name = name.strip()
    if name.startswith("各") and len(name) > 1:
        return True
    if name.endswith(COLLECTIVE_ENDINGS):
        return True
    return name in {"县区", "各县区", "乡镇", "县市区"}


def level_prefix(name: str) -> str:
    """The administrative level a name starts with (市, 区, 县 …), or ''."""
    m = _LEVEL_PREFIX.match(name)
    return m.group(1) if m else ""


def split_units(text: str) -> SplitResult:
    """Split one unit cell into names following the module's rules."""
    result = SplitResult()
    lines = [ln for ln in clean_text(text).split("\n") if ln.strip()]
    for line in _rejoin_broken_lines(lines, result):
        for piece in _split_line(line):
            _add_piece(piece, result)
    return result


def _rejoin_broken_lines(lines: list[str], result: SplitResult) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line):
            result.notes.append(f"「{out[-1]}」与下一行「{line}」已合并为一个单位名")
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return out


def _continues(prev: str, line: str) -> bool:
    """True when `line` is the rest of a name broken at the end of `prev`."""
    if prev.endswith(("、", "，", ",", "；", ";")):
        return False
    last = _SEPARATORS.split(prev)[-1].strip()
    first = _SEPARATORS.split(line)[0].strip()
    if not last or not first:
        return False
    if first in _SUFFIX_ONLY:
        return True
    return not looks_like_unit(last) and looks_like_unit(last + first) and not looks_like_unit(first)


_PARENS = re.compile(r"[（(][^（）()]*[）)]")
_PROTECT = {"、": "\ue001", "，": "\ue002", ",": "\ue003", "；": "\ue004", ";": "\ue005", "/": "\ue006"}
_UNPROTECT = str.maketrans({v: k for k, v in _PROTECT.items()})


def _protect_parens(line: str) -> str:
    """Separators inside parentheses belong to the name: 各县（市、区）人民政府."""
    return _PARENS.sub(lambda m: m.group(0).translate(str.maketrans(_PROTECT)), line)


def _split_line(line: str) -> list[str]:
    """Split on the strong separators first; collectives are only rejoined across 、."""
    return [p.translate(_UNPROTECT) for p in _split_protected(_protect_parens(line))]


def _split_protected(line: str) -> list[str]:
    out: list[str] = []
    for group in _STRONG_SEPARATORS.split(line):
        pieces: list[str] = []
        for piece in _SEPARATORS.split(group):
            pieces.extend(_split_spaces(_SPACES.sub(" ", piece).strip()))
        out.extend(_join_collectives([p for p in pieces if p]))
    return out


def _split_spaces(piece: str) -> list[str]:
    parts = [p for p in piece.split(" ") if p]
    if len(parts) > 1 and all(looks_like_unit(p) for p in parts):
        return parts
    return ["".join(parts)] if parts else []


def _join_collectives(pieces: list[str]) -> list[str]:
    """Rejoin "各乡、镇、办事处": bare level words after a piece starting with 各."""
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].startswith("各") and _BARE_LEVEL.match(piece) and not _has_open_end(out[-1]):
            out[-1] = out[-1] + "、" + piece
        else:
            out.append(piece)
    return out


def _has_open_end(piece: str) -> bool:
    return piece.endswith("等")


_DENG = re.compile(r"^(?P<left>.+?)等(?P<right>.*)$")
_JI = re.compile(r"^(?P<left>.+?)(及|以及)(?P<right>.+)$")


def _add_piece(piece: str, result: SplitResult) -> None:
    piece = piece.strip(" 。.")
    if not piece:
        return
    m = _DENG.match(piece)
    if m and looks_like_unit(m.group("left")):
        _append(result, m.group("left"))
        right = m.group("right").strip()
        if right:
            _append(result, right)
        else:
            result.open = True
        return
    m = _JI.match(piece)
    if m and looks_like_unit(m.group("left")) and looks_like_unit(m.group("right")):
        _append(result, m.group("left"))
        _append(result, m.group("right"))
        return
    _append(result, piece)


def _append(result: SplitResult, name: str) -> None:
    if name not in result.names:
        result.names.append(name)
