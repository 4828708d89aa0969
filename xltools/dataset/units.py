"""Splitting a unit cell into unit names, and what a name looks like. Pure: no office library.

The rules, in the order they apply to one cell (责任单位 / 牵头单位 …):

1. Clean: stray HTML tags (<p>, </p>, <br>) removed; full-width and no-break spaces count as spaces;
   control characters dropped.
2. Lines: a cell may hold one unit per line, or a name broken across lines by the page
   ("区人力资源社会保障" / "局"). A line is joined to the previous one when the previous line does not
   end like a unit name and the joined text does (or the line is only a suffix such as 局, 委, 办).
3. Separators: 、，,；; and line breaks separate units. Spaces separate only when every piece on
   both sides looks like a unit name ("市教育局 市财政局"); otherwise they are removed ("市教育局 、").
4. Collectives stay whole: a piece starting with 各 (or 相关, 有关) followed by bare level words joined with 、
   ("各乡、镇、办事处", "各乡镇、街道办事处", "各县、区", "相关市、县政府") is one collective unit, also after a connective
   ("省市场监管局等和各市、县人民政府" keeps 各市、县人民政府 whole).
5. 等: "X等" keeps X and marks the list open; "X等Y" gives X and the collective Y
   ("区教体局等区直有关部门" → 区教体局, 区直有关部门; "X等部门" and "X等有关部门" are X, open; "X等部门和Y" is X
   and Y);
   "X等和Y" closes the list at 等 and adds Y
   ("工业和信息化部、科技部等和各省级人民政府" → 工业和信息化部, 科技部, 各省级人民政府); so does "X等，Y" when Y is a
   collective ("市商务局、高新区管委会等，各县、市、区政府": not open).
   Connectives: "X及Y" where X and Y are units gives X and Y; "X和Y" / "X与Y" only when X ends like an
   organisation (…局 …委 …部 …政府 …中心, or is a collective), so names that contain 和 stay whole
   (文化和旅游部, 住房和城乡建设部, 人力资源和社会保障局: 文化, 住房, 人力资源 are not units); a district or county of
   three characters or more before 和 a collective is a unit too ("高新区和市直有关单位" → 高新区, 市直有关单位).
   A piece ending in a verb phrase (「功能区管委会负责落实」, 「X负责」, 「X按职责分工负责」) is the unit before the phrase.
6. A piece is a collective (kind 集合) when it starts with 各 or counts places of a level (13个街道、镇), or ends with 有关部门 / 相关部门 /
   有关单位 / 有关院校 / 成员单位 / 主管部门 … or with 各 and a short class word (市直各部门, 全区经济运行各专班),
   or reads like a whole class (县区, 乡镇).
7. Names of one level glued with no separator (「区财政局区税务局」, a web page lost the 、) are cut where the level
   word that opens the piece opens a name again after a name of three characters or more that ends like an
   organisation; the cut is a guess, so it is kept in `SplitResult.doubts` and the task is flagged.
Traditional spellings (辦公室, 縣區, 有關部門, 爲) are judged as their simplified forms; names stay as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# Traditional characters of the words these rules look at (unit endings, markers, keys), each with its simplified
# form, one character for one: checks run on `simplified(text)` while names stay as printed (審批科, 辦公室).
_TRAD = "牽頭會負責職協參與辦實擔為爲預單門時間節點領導廳處隊聯館組團鄉鎮區縣關員學醫銀開發園業籌專級務財稅體設計劃統農衛監別並請個長續進內於際經濟規構織場營應總遊產資環條臺郵氣廣電視網運輸鐵貿屬機項鍵詞來"
_SIMP = "牵头会负责职协参与办实担为为预单门时间节点领导厅处队联馆组团乡镇区县关员学医银开发园业筹专级务财税体设计划统农卫监别并请个长续进内于际经济规构织场营应总游产资环条台邮气广电视网运输铁贸属机项键词来"
_T2S = str.maketrans(_TRAD, _SIMP)


def simplified(text: str) -> str:
    """`text` with the traditional characters the rules know written simplified; same length, so a match's
    positions hold in the original."""
    return text.translate(_T2S)


# Characters a Chinese unit name commonly ends with (局, 委 …) and multi-character endings.
UNIT_SUFFIXES = (
    "人民政府", "管委会", "委员会", "办公室", "指挥部", "领导小组", "专班", "中心", "集团", "公司", "政府", "街道", "社区",
    "学院", "学校", "大学", "医院", "银行", "分局", "支队", "大队", "筹建处", "办事处", "师专", "职高",
    "局", "委", "办", "部", "厅", "署", "院", "校", "会", "处", "室", "站", "所", "队", "联", "社", "馆", "台",
    "中央", "庭", "组", "科", "股", "镇", "乡", "村", "协", "大", "团", "司", "行", "区", "县", "市", "省", "盟", "旗",
    "务段", "公路段", "管理段",
)
# Endings that make a piece a collective (a class of units rather than one unit).
COLLECTIVE_ENDINGS = (
    "有关部门", "相关部门", "有关单位", "相关单位", "有关院校", "相关院校", "成员单位", "主管部门", "各部门",
    "有关企业", "相关企业", "有关学校", "各单位", "职能部门",
)
# Bare level words: after "各…、" they continue the same collective.
_BARE_LEVEL = re.compile(
    r"^(涉农|所属)?(乡|镇|乡镇|街道|办事处|街道办事处|县|区|县区|县市区|市|社区|村|部门|单位|院校|学校|管委会|开发区|功能区|功能板块)"
    r"([（(][^（）()]*[）)])?(人民政府|政府)?([（(][^（）()]*[）)])?$"  # 「各县、区人民政府（管委会）」
    r"|^(人民政府|政府|党委|党委政府)$"  # 「各县区党委、政府」: the same places' other body
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
    doubts: list[str] = field(default_factory=list)  # readings that are guesses, for the task to be flagged


def printable(text: str) -> str:
    """The text without control characters (a line-break control — vertical tab, form feed — becomes a line break;
    a carriage return goes), for texts that go into Word and Excel files, which cannot hold them."""
    if not _CONTROL.search(text) and "\r" not in text:
        return text
    return _CONTROL.sub("", text.replace("\x0b", "\n").replace("\x0c", "\n")).replace("\r", "")


@lru_cache(maxsize=1 << 16)
def clean_text(text: str) -> str:
    """Remove stray tags and control characters; normalise exotic spaces; keep line breaks. Remembered: the
    importer asks for the same cells many times while it weighs the readings of a table."""
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
    """A plausible complete unit name: ends with a unit suffix or is a collective (traditional forms alike)."""
    name = simplified(name.strip())
    bare = _SECOND_NAME.sub("", name)  # a body with two names, the second in brackets: 县委办（县政府办）
    if len(bare) < 2:
        return False
    return bare.endswith(UNIT_SUFFIXES) or is_collective(bare)


_SECOND_NAME = re.compile(r"[（(][^（）()]{2,20}[）)]$")


# Places of a level counted (13个街道、镇, 全区5个乡镇): every one of them, as 各 says.
_COUNTED = re.compile(r"^(?:全[省市区县镇乡])?[\d一二三四五六七八九十两]+个(?P<places>.+)$")
_EACH_CLASS = re.compile(r"各[\u4e00-\u9fff]{1,3}$")


_BELONGING_EACH = re.compile(r"^[省市县区镇乡]{1,2}(属|直)(各[\u4e00-\u9fa5]{2,}|[\u4e00-\u9fa5]{0,6}(单位|部门|机构|学校|医院|媒体))$")


# What a collective after 相关/有关 may name besides bodies (有关企业, 相关方面, 有关人员单位).
_CLASS_ENDINGS = ("单位", "部门", "企业", "机构", "方面", "院校", "学校", "乡镇", "县区", "街道", "科室", "处室", "成员")


# A sector's departments named by the sector and its class noun (公安部门, 交通运输部门, 民宗部门): the offices of that
# sector at every level. Named so only in a clause or as a subject ("（公安部门负责）", "公安部门负责…"); elsewhere
# the words are a sentence's (由业务相近部门负责), so they are not a unit everywhere, as `looks_like_unit` says.
_SECTOR_DEPARTMENT = re.compile(r"^[\u4e00-\u9fff]{2,8}(部门|机关)$")  # (公安机关, 司法机关: the same, by 机关)


def is_sector_department(name: str) -> bool:
    """`name` is a sector's departments (公安部门, 公安机关, 规划(测绘)部门), not a collective by a class word (有关部门, 各部门) nor a role's label
    (牵头部门, 责任部门)."""
    plain = simplified(name.strip())  # (规划(测绘)部门: a second name of the sector in a short bracket)
    return bool(_SECTOR_DEPARTMENT.match(_INNER_ALT.sub("", plain))) and not is_collective(plain) \
        and not plain.startswith(("牵头", "责任", "配合", "协办", "主办", "承办", "参与", "主责", "其他", "其它", "所属",
                                  "有关", "相关", "各"))


# The classes of bodies a collective may end with and still name bodies a tracker can go to (各科室, 有关部门, 各乡镇):
# not 企业 or 方面 (「各类企业」, 「有关方面」 name no one in particular).
_BODY_CLASSES = tuple(e for e in _CLASS_ENDINGS if e not in ("企业", "方面", "成员"))


def names_bodies(name: str) -> bool:
    """The name ends as a body's or a class of bodies' does (各乡镇, 各科室, 有关部门, 各村, 各县（市、区）人民政府) — not
    「社会各界」, 「各类企业」, whose words open as a collective's but name no one the work can be sent to."""
    return _SECOND_NAME.sub("", simplified(name.strip())).endswith(UNIT_SUFFIXES + _BODY_CLASSES)


def counts_places(name: str) -> bool:
    """Places of a level counted (13个街道、镇, 全区5个乡镇): the one shape of a unit's name that holds a figure."""
    counted = _COUNTED.match(simplified(name.strip()))
    return bool(counted) and bool(_BARE_LEVEL.match(counted.group("places").split("、")[0]))


def is_collective(name: str) -> bool:
    name = simplified(name.strip())
    if name.startswith("各") and len(name) > 1:
        return True
    if counts_places(name):
        return True
    if name.startswith(("相关", "有关")) and len(name) > 2:  # 有关部门, 相关县区 — not 相关依据, 有关要求
        return _SECOND_NAME.sub("", name).endswith(UNIT_SUFFIXES + _CLASS_ENDINGS)
    if _BELONGING_EACH.match(name):  # 区属各重点国企, 市直各单位: each body under the level named
        return True
    if name.endswith(COLLECTIVE_ENDINGS) or (len(name) > 3 and "各" in name and _EACH_CLASS.search(name)):
        return True
    return name in {"县区", "各县区", "乡镇", "县市区"}


def level_prefix(name: str) -> str:
    """The administrative level a name starts with (市, 区, 县 …), or ''."""
    m = _LEVEL_PREFIX.match(simplified(name))
    return m.group(1) if m else ""


def split_units(text: str) -> SplitResult:
    """Split one unit cell into names following the module's rules."""
    result = SplitResult()
    lines = [ln for ln in clean_text(text).split("\n") if ln.strip()]
    opened_at = -1
    for line in _rejoin_broken_lines(lines, result):
        for piece in _split_line(line):
            _add_piece(piece, result)
            if result.open and opened_at < 0:
                opened_at = len(result.names)
    if opened_at >= 0 and len(result.names) > opened_at and is_collective(result.names[-1]):
        result.open = False  # 「A、B等，各县、市、区政府」: 等 closes the named list, the collective after it is the rest
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
    if simplified(first) in _SUFFIX_ONLY:
        return True
    return not looks_like_unit(last) and looks_like_unit(last + first) and not looks_like_unit(first)


_PARENS = re.compile(r"[（(<‹〈［\[〔【][^（）()<>‹›〈〉［］\[\]〔〕【】]*[）)>›〉］\]〕】]")  # 各县（市、区）, 各县<市、区>, 各县〔市、区〕
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
    # 「…有关部门、单位 各区市政府」: a class noun closing the collective before the 、 comes first
    if len(parts) > 1 and all(looks_like_unit(p) or (k == 0 and simplified(p) in _CLASS_NOUNS)
                              for k, p in enumerate(parts)):
        return parts
    return ["".join(parts)] if parts else []


_HAN = re.compile(r"[\u4e00-\u9fff]+")
_NAME_BREAK = re.compile(r"[、，,；;/\s]")


def close_stray_spaces(text: str) -> str:
    """`text` (a cell or a key line's value) without the spaces a Word or PDF original's text extraction left inside
    unit names: 「市 住建局 、资源规划 局、 大数据局」 → 「市住建局、资源规划局、大数据局」, 「伏羲 山管委 会」 →
    「伏羲山管委会」. A space goes when it stands beside a separator; when the words before it are no name by
    themselves and become one with the words after it (市 + 住建局, 资源规划 + 局), or neither side is a name and
    both are Chinese words only (「人民 大垸、…」, 「吴江 海关」: one name that does not end as an office does); or when
    what follows is only a unit's ending (局, 会, 中心). A space after a complete name stays: between two names
    (「县财政局 县审计局」, for `split_units` to separate) and before words that complete nothing (「各区政府 鄞州
    海曙」, a flattened table's place names after the units, which `_units_run_on` of the item reader cuts off)."""
    if " " not in text and "\u3000" not in text:
        return text
    words = re.split(r"([ \u3000]+)", text)
    out = words[0]
    for space, word in zip(words[1::2], words[2::2], strict=True):
        tail, head = _NAME_BREAK.split(out)[-1], _SEPARATORS.split(word)[0]  # (the words on each side)
        stray = not tail or not head or simplified(head) in _SUFFIX_ONLY \
            or (not looks_like_unit(tail) and (looks_like_unit(tail + head) or (
                not looks_like_unit(head) and _HAN.fullmatch(tail + head))))
        out += word if stray else space + word
    return out


def _join_collectives(pieces: list[str]) -> list[str]:
    """Rejoin "各乡、镇、办事处": bare level words after a piece starting with 各."""
    out: list[str] = []
    for piece in pieces:
        if out and _EACH_TAIL.search(simplified(out[-1])) and _BARE_LEVEL.match(_INNER_ALT.sub("", simplified(piece.strip(" 。.")))) \
                and not _has_open_end(out[-1]):
            out[-1] = out[-1] + "、" + piece
        elif out and simplified(piece) in _CLASS_NOUNS and is_collective(out[-1]) and not _has_open_end(out[-1]):
            out[-1] = out[-1] + "、" + piece  # 「市直有关部门、单位」: a class noun alone shares the collective's qualifier
        else:
            out.append(piece)
    return out


# A word's other form in a short bracket inside it (开发(新)区: 开发区 or 新区), read as the word for the rules above.
_INNER_ALT = re.compile(r"(?<=.)[（(][^（）()]{1,2}[）)](?=.)")

# A class noun that names no body by itself: after a collective it is the same collective's other class.
_CLASS_NOUNS = {"单位", "部门", "机构", "部门单位"}

# A piece ending with a collective that starts with 各, itself or after a connective (…等和各市).
_EACH_TAIL = re.compile(r"(^|等|和|及|与|與)(各|相关|有关|(?:全[省市区县镇乡])?[\d一二三四五六七八九十两]+个)[^等和及与與]*$")


def continues_collective(before: str, piece: str) -> bool:
    """Whether `piece` is a bare level word going on with the collective `before` ends with (各县市 / 区人民政府,
    各乡 / 镇人民政府): one name across a line break or a 、."""
    return bool(_EACH_TAIL.search(simplified(before)) and _BARE_LEVEL.match(simplified(piece)))


def _has_open_end(piece: str) -> bool:
    return piece.endswith("等")


# A bare class noun after 等 names no unit: 「市财政局等部门」 is 市财政局 and others, not a unit 部门; nor does
# 「A、B等有关部门」 (A, B and others not named), while a qualified collective after 等 is one (「…等区直有关部门」).
_GENERIC_ALT = (r"(?:(?:各?(?:相关|有关|其他|其它)(?:职能)?)?(?:[省市县区][直属])?(?:部门单位|部门、单位|部门（单位）|部门\(单位\)|部门|单位|机构|方面)"
                r"|地区)")
_GENERIC = re.compile(rf"^{_GENERIC_ALT}$")
_GENERIC_THEN = re.compile(rf"^({_GENERIC_ALT})(和|及|以及|与|與|并|並)(?=.)")
_SECTOR_WORD = re.compile(r"[\u4e00-\u9fff]{2,6}")


def is_bare_sector(name: str) -> bool:
    """`name` (simplified) could be a sector named bare, its 部门 shared with names after it (「城管、建设等部门」,
    「商务、供销、市场监管部门」): a few characters and nothing else."""
    return bool(_SECTOR_WORD.fullmatch(name))
_DENG = re.compile(r"^(?P<left>.+)等(?P<right>.*)$")  # the last 等: 高等, 中等 may stand inside a name
_JI = re.compile(r"(以及|及)")
_HE = re.compile(r"(和|与|與)")
_LEADING_AND = re.compile(r"^(和|及|以及|与|與|并|並)")
# Endings that make the left side of 和/与 an organisation: not the place words (乡, 村, 区 …) that also
# end ordinary nouns such as 城乡, 农村.
_ORG_ENDINGS = (
    "人民政府", "管委会", "委员会", "办公室", "中心", "集团", "公司", "政府", "局", "委", "办", "部", "厅", "署", "院",
    "会", "行", "所", "站", "队", "联", "协", "中央", "海关", "处", "科", "电视台", "广播台", "气象台", "地震台",
    "务段", "公路段", "管理段",  # (汉中车务段, 某某公路段: a railway's or a road's section, a body; 阶段 is no body)
)


def org_like(name: str) -> bool:
    """Ends like an organisation (…局 …委 …部 …政府 …中心 …行 …会) or is a collective."""
    plain = simplified(name)
    return len(name) >= 2 and ((plain.endswith(_ORG_ENDINGS) and not plain.endswith(_PEOPLE_ENDINGS)) or is_collective(name))


# Endings of people's words that end as bodies' names do (党员干部, 村干部: 部; 工作人员): people, not a body
_PEOPLE_ENDINGS = ("干部", "人员")


_PLACE_AND_EACH = re.compile(r"^(.{2,8}[区县])(?:和|与|與)(.+)$")


def _place_and_collective(piece: str) -> list[str]:
    """「高新区和市直有关单位」: a district or county named before 和 and a collective after it are two units (城区, 景区,
    社区 are too short to be named places here). [] otherwise."""
    m = _PLACE_AND_EACH.match(simplified(piece))
    if not m or not is_collective(m.group(2)):
        return []
    return [piece[:len(m.group(1))], piece[len(m.group(1)) + 1:]]


# A verb phrase a cell or clause may end with (「功能区管委会负责落实」, 「X负责」): the unit is what comes before it.
_VERB_TAIL = re.compile(r"(?:具体|分别|共同|按职责分工|按照职责分工|按职责|分工)?(?:负责落实|负责实施|负责推进|组织实施|抓好落实|负责|落实|承担)$")


def _without_verb_tail(piece: str) -> str:
    """The piece without a trailing 负责/负责落实 … when what is left looks like a unit (checked on the simplified
    form, which has one character for each printed one)."""
    m = _VERB_TAIL.search(simplified(piece))
    if m and m.start() >= 2 and looks_like_unit(piece[: m.start()].removesuffix("等")):
        return piece[: m.start()].strip()  # (「基层处等按职责分工落实」: 基层处等, the list left open)
    return piece


# What a unit cell holds when it names nobody (「其他」 in a register's last row, 「无」, 「待定」)
_NOBODY = frozenset(("其他", "其它", "无", "暂无", "待定", "另定"))


# A count of people after a unit's name or on its own (「市安监局1名县级领导带队」, 「2名专业人员」): people, not a body
_HEADCOUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十]{1,3})名[^、，,；;]*$")


def _add_piece(piece: str, result: SplitResult) -> None:
    piece = piece.strip(" 。.")
    if not piece or piece in _NOBODY:
        return
    counted = _HEADCOUNT.search(piece) if "名" in piece else None
    if counted:  # 「由市煤炭工业局1名县级领导带队，2名专业人员参加」: the office, and people who are no unit
        piece = piece[: counted.start()].strip()
        if not piece or not simplified(piece).endswith(UNIT_SUFFIXES):
            return
    piece = _without_people(piece)
    if piece[-1] in "责实施担責實擔":
        piece = _without_verb_tail(piece)
    if "等" not in piece and "及" not in piece and "和" not in piece and "与" not in piece and "與" not in piece:
        glued = _glued_names(piece) if len(piece) >= 6 and piece.count(piece[0]) > 1 else []
        if glued:
            result.doubts.append(f"「{piece}」中间没有分隔符，按 {len(glued)} 个单位读入：" + "、".join(glued))
        for name in glued or [piece]:
            _append(result, name)  # the common case: no connective to read
        return
    m = _DENG.match(piece)
    if m and len(m.group("left")) >= 2 and (simplified(m.group("left")).endswith(UNIT_SUFFIXES + COLLECTIVE_ENDINGS)
                                            or (is_collective(m.group("left")) and not m.group("right"))
                                            or (not m.group("right") and _like_the_one_before(m.group("left"), result))
                                            # 「城管、建设等部门」: sectors named bare, their departments closing the list
                                            or (is_bare_sector(simplified(m.group("left")))
                                                and re.fullmatch(r"(?:有关|相关)?部门", simplified(m.group("right"))))):
        _add_piece(m.group("left"), result)
        joined = bool(_LEADING_AND.match(m.group("right").strip()))  # 「X等和Y」: Y named, whatever it is
        right = _LEADING_AND.sub("", m.group("right").strip()).strip()
        generic = _GENERIC_THEN.match(simplified(right))
        if generic:  # 「X等部门和各县区人民政府」: X and others, then a collective (closed, as 「X等和Y」)
            right = right[generic.end():]
        if _GENERIC.match(simplified(right)) and not (joined and simplified(right)[:1] in "各相有其"):
            # 「X等部门」, 「X等各相关职能部门」: X and others not named
            right = ""
        if right:
            _add_piece(right, result)
        else:
            result.open = True
        return
    other_body = _AND_OTHER_BODY.match(simplified(piece))
    each_and = re.match(r"^各.+?(?:及|和)(?P<right>.+)$", simplified(piece))
    if (other_body and is_collective(other_body.group("left"))) or (
            each_and and not each_and.group("right").endswith("政府")  # (「各乡镇和县政府」: two)
            and (_BARE_LEVEL.match(each_and.group("right")) or each_and.group("right") == "园区")):
        # (「各区县及园区」: 各 goes over both, as in 「各县区、功能板块」; after 、 a 园区 may be one park: 「各镇、园区」)
        _append(result, piece)
        return
    for names in (_split_connective(piece, _JI, looks_like_unit) if "及" in piece else [],
                  _split_connective(piece, _HE, org_like) or (("部门" in piece or "机关" in piece) and _split_connective(
                      piece, _HE, is_sector_department, is_sector_department)) or []
                  if "和" in piece or "与" in piece or "與" in piece else [],
                  _place_and_collective(piece) if "和" in piece or "与" in piece or "與" in piece else []):
        if names:
            for name in names:
                _add_piece(name, result)
            return
    _append(result, piece)


# The people a register names beside a unit, in a bracket after it (「县住建局（李明）」, 「县财政局（责任人：王小红，
# 13800000000）」, 「县医保局（副局长张伟）」): a person is not a unit, so the bracket is left out of the name (the
# cell's text keeps it). A name is a common surname and one or two characters that do not end a unit's name; posts,
# the labels that introduce a person and telephone numbers may stand with it.
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
                "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
                "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童"
                "凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项"
                "连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲"
                "虞敖巩明佘池查麻苑迟邝張劉陳楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸範賈韋鄒閆龍賀顧龔萬錢嚴湯溫"
                "喬顏莊聶魯蘭寧紀單塗駱靳鮑滕饒穆車連蘆竇岑費衛欒隋鞏")
_PERSON_LABEL = re.compile(r"^(责任人|联系人|负责人|经办人|分管领导|责任领导|包保领导|牵头领导|联系领导)[:：]?")
_POST = re.compile(r"(副?(?:县|区|市|镇|乡|州)?(?:长|书记|主任|局长|部长|科长|处长|站长|所长|队长)|同志)")
_PHONE = re.compile(r"(电话|手机)?[:：]?[\d\-－—（）()]{7,}")
_BRACKET_AT_END = re.compile(r"^(?P<name>.+?)[（(](?P<inside>[^（）()]+)[）)]$")


def _without_people(piece: str) -> str:
    """`piece` without a bracket of people after the unit's name (「县住建局（李明）」 → 县住建局)."""
    m = _BRACKET_AT_END.match(piece)
    if not m or not simplified(m.group("name")).endswith(UNIT_SUFFIXES):
        return piece
    labelled, people = False, 0
    for part in re.split(r"[、，,；;\s]+", m.group("inside")):
        part, n = _PERSON_LABEL.subn("", part)
        labelled = labelled or bool(n)
        part = _POST.sub("", _PHONE.sub("", part))
        if not part:
            continue
        if not (2 <= len(part) <= 3 and part[0] in _SURNAMES and not simplified(part).endswith(UNIT_SUFFIXES)):
            return piece
        people += 1
    return m.group("name") if people or labelled else piece


def _like_the_one_before(name: str, result: SplitResult) -> bool:
    """The name ends as the name before it in the cell does (「A产业园、B产业园、C物流园等」): one more of a kind the
    list names, so the 等 after it closes the list, whatever the kind's ending."""
    return bool(result.names) and len(name) >= 3 and simplified(result.names[-1])[-1] == simplified(name)[-1]


# Endings after which a name of the same level may begin with no separator (「区财政局区税务局」).
_GLUE_ENDINGS = ("局", "委", "办", "厅", "部", "中心", "院", "站", "所", "队", "署", "政府")


def _glued_names(piece: str) -> list[str]:
    """「区财政局区税务局」: names of one level printed with no separator between them (a web page lost the 、) — cut
    where the level word (区, 市, 县 …) that opens the piece opens a name again, after a name of at least three
    characters that ends like an organisation, when what follows looks like a unit too. 「区委区政府督查室」 (区委 is
    too short to be a name here) and 「市公安局交警支队」 (no level word again) stay whole. [] when not glued."""
    if len(piece) < 6 or piece.count(piece[0]) < 2:  # the common case, cheaply: the first character never comes back
        return []
    plain = simplified(piece)
    prefix = level_prefix(plain)
    if not prefix or plain.count(prefix) < 2 or _PARENS.search(plain):
        return []
    for i in range(3, len(plain) - 2):
        if plain[i] == prefix and plain[:i].endswith(_GLUE_ENDINGS) and looks_like_unit(plain[i:]) \
                and simplified(piece[i:]).endswith(_GLUE_ENDINGS):
            rest = _glued_names(piece[i:])
            return [piece[:i], *(rest or [piece[i:]])]
    return []


def _split_connective(piece: str, connective: re.Pattern, left_ok, right_ok=None) -> list[str]:
    """"X及Y" / "X和Y" → [X, Y] at the first connective whose sides are both units (「规划部门和测绘部门」: both sectors'
    departments), else []."""
    for m in connective.finditer(piece):
        left, right = piece[: m.start()].strip(), piece[m.end():].strip()
        if left_ok(left) and (right_ok or looks_like_unit)(right):
            return [left, right]
    return []


# A collective and the same places' other body (「各县(市、区)党委和人民政府」, 「各乡镇党委和政府」): one collective.
_AND_OTHER_BODY = re.compile(r"^(?P<left>.+)(和|及|与|與)(人民政府|政府|党委|党委政府|管委会)$")


def _append(result: SplitResult, name: str) -> None:
    if name not in result.names:
        result.names.append(name)
