"""From a `Grid` to a `Dataset`: the header, the column roles, the rows. Shared by every reader.

A table is read as a person reads it: from the evidence of the cells, with the header as a strong hint.

Rules:
- The header is the first row in which at least two cells carry a known label and one of them is a
  task-text label; failing that, the first row of short label-like cells (no sentence punctuation, not
  numbers or dates) with two known labels of different roles (序号 | 民生实事 | 责任单位 | 完成时限). Labels
  are compared without spaces, line breaks and parenthesised notes ("工  作  任  务", "责任单位\n（按职责分工
  负责）"), in simplified or traditional characters. A clerk's `roles` (--column) count while it is found.
- Roles from label synonyms: 序号 → number; 工作任务 / 任务内容 / 政策内容 / 具体任务 … → content; 主要任务 /
  重点任务 / 任务类别 → category when another content column exists, else content; 牵头单位 / 牵头部门 /
  主责单位 → lead; 责任单位 / 负责单位 / 责任部门 / 配合单位 / 协办单位 / 负责科室 … → units (with no lead
  column and two unit columns, the first is the lead); 完成时限 / 时间节点 / 完成时间 … → deadline; an unknown
  label by its ending (…单位 / …部门 → units, …时间 / …时限 → deadline, …内容 / …措施 → content).
- Roles from content (`roles_from_content`), for the columns the labels leave unknown: what each cell
  holds (`cell_kind`: number, percent, deadline, unit, sentence, short) decides: counting numbers →
  number, dates and 时限 phrases → deadline, unit names → units, the longest sentences → content, short
  repeated or merged text → category; progress (80%, 已完成) and person names stay other columns. A
  column labelled as the task whose cells are short beside a column of much longer sentences is the
  category (工作任务 | 具体要求). A column labelled as units whose cells are units of measure (单位: 万人, 公里,
  元/月/人) names no office: kept as ``extra:<label>``, the units read from a column of office names (备注); a
  column of figures (3.46, 1200) is never a category. Any other column is kept as ``extra:<label>``. A clerk's
  `roles` win.
- Rows from structure: rows shorter than the header in a grid from separated text (`Grid.ragged`: a merged
  cell lost in flattening) move right to where their cells fit the columns, and take the number, units and
  deadline of the row above for the cells they lost (merged over both; doubtful) — as do rows a reader put in
  place itself (`Grid.merged`: a sub-row printed without its item's number); rows all short of the
  header leave out the labels with no cells (`labels_with_cells`, by what each cell holds: a personal name
  under 分管领导, 是/否 under 是否…); a header with fewer labels than the rows have cells has its labels moved
  over the columns they fit (`_align_labels`); a note under the table (注：…) ends it; numbers printed at the start
  of the task text or of the category cell are taken out as the number; a section row (一、… spanning
  the table) is the category of the rows below it.
- Headers of more than one row: a second row under a spanning cell (责任单位 over 牵头单位 | 配合单位, or the short
  牵头 | 配合, read with the span's noun: 配合单位) is merged into the header; in separated text that lost its spans,
  a second row of only the span's labels takes the span's place (`two_tier_labels`), and two rows of short halves
  (「序 | 任务 | 牵头」 over 「号 | 内容 | 单位」: labels broken in narrow cells) are joined column by column
  (`join_broken_header`). A 备注 column empty in some rows and a column of people (责任领导) are never a category, a
  score (考核分值) never the number, a target (工作目标) never the deadline: they stay extra columns.
- Below the header: rows equal to the header (repeated at page breaks) are skipped; empty rows are
  skipped; an empty category cell takes the category above (merged cells, and with it the number when
  the numbers are the category's); a row with no number of its own continues the task above when it has
  no text, or when the table numbers its rows and it has a unit or a deadline (a flattened merged row:
  text appended, units added, deadlines joined with ；). A SUB-ROW — a row that lost its number cell (merged over
  it and the row above, `lost`), going on after a finished sentence (。；) with a text of its own — is the task's
  next part: its text appended, its units added (a lone unit cell beside a lead column is a unit: a task has one
  lead), its other cells kept with the task's, flagged; unless every numbered row names a project of its own in the
  category column (项目名称 merged with the 序号: its rows are the project's items, each a task under its number), or
  its text is a label (a table of indicators), or it prints its own number in its text.
- A register with no header row (copied without it) gets the header a person would write over it, from its
  cells (`header_from_content`: counting numbers, the first sentence column as the task, unit columns). A label
  naming people (牵头县领导) is never a unit column; a unit column whose label also names people (牵头单位及主要负责人)
  has the person after each unit left out. A row of a numbered register with no number and no unit holding only a
  further target (新增学位810个) is joined to the task above with ；, its figures kept with the task's, flagged. A
  column labelled as a target, plan or status (一季度目标, 完成状态) is never guessed a category.
- Doubt: a task read weakly (a row joined to it, a number taken from the row above, a row realigned by
  guess, a row without a number in a numbered table, a cell unlike the rest of a column whose role was
  guessed) carries `Task.doubt`, which --explain and validate list.
- The attachment label and title come from the lines just above the header: the last line that is
  only a label (附件, 附 件, 附件：1, 附件2) and the lines between it and the header as the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dataset.model import EXTRA_PREFIX, ROLE_NAMES_ZH, Dataset, Task, make_dataset_id, make_task_key
from ..dataset.registry import build_registry
from ..dataset.units import (
    SplitResult,
    clean_text,
    counts_places,
    looks_like_unit,
    org_like,
    printable,
    simplified,
    split_units,
)
from ..errors import XlError
from .patterns import FIGURE, NUMBER_MARKS, TEXT_END, LazyPattern, zh_number
from .readers.grid import Grid

_T2S = str.maketrans("號牽頭單責務負輔內時間節點別類務實條門協辦項稱設況際標劃備註", "号牵头单责务负辅内时间节点别类务实条门协办项称设况际标划备注")
_NOTE = re.compile(r"[（(][^）)]*[）)]")
_WS = re.compile(r"[\s\u3000]+")

# A duty list's duty column (部门 | 职责): the duties are the tasks — beside a unit column only (姓名 | 职务 | 职责 is a
# working group's member list).
_DUTY_LABELS = ("职责", "职责分工", "工作职责", "主要职责", "具体职责", "职责内容")
ROLE_LABELS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号", "序", "项目序号", "任务序号", "任务编号", "任务项", "项次"),
    "content": ("工作任务", "任务内容", "政策内容", "具体任务", "工作内容", "任务", "工作措施", "具体措施",
                "主要措施", "落实举措", "政策措施", "重点工作", "工作事项", "任务事项", "事项", "内容", "工作要点",
                "具体工作", "任务分解", "目标任务", "具体内容", "任务名称", "措施", "政策条款", "工作举措",
                *_DUTY_LABELS),
    "category": ("主要任务", "重点任务", "任务类别", "类别", "工作类别", "领域", "板块", "任务分类", "分类",
                 "重点领域", "工作板块", "一级任务"),
    "lead": ("牵头单位", "牵头部门", "主责单位", "主责部门", "牵头", "牵头科室", "牵头处室", "主办单位",
             "牵头责任单位"),
    "units": ("责任单位", "负责单位", "责任部门", "配合单位", "协办单位", "参与单位", "责任科室", "负责科室",
              "配合部门", "协同单位", "协助单位", "负责部门", "成员单位", "责任处室", "承办单位", "实施单位",
              "参加单位", "协作单位", "落实单位", "责任主体", "单位", "部门"),
    "deadline": ("完成时限", "时间节点", "时间", "完成时间", "时限", "完成期限", "时间安排", "进度安排", "时限要求",
                 "完成时限要求", "办结时限", "推进时间"),
}
_LABEL_ROLE = {label: role for role, labels in ROLE_LABELS.items() for label in labels}
_LABEL_LINE = re.compile(r"^附\s*件\s*[:：]?\s*(\d+|[一二三四五六七八九十]+)?\s*$")
_PRINTED_TITLE = re.compile(r"^关于(?:印发|征求|转发|下达|公布)[^《]*《([^》]+)》")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,10}[〔\[【(（]\d{4}[〕\]】)）]\s*\d+\s*号")


_LETTER_SPACED = LazyPattern(r"^[\u4e00-\u9fa5](?:(?: {2,}|\u3000+)[\u4e00-\u9fa5])+$")
_WRAP_SPACE = LazyPattern(r"(?<=[\u4e00-\u9fa5])[ \u3000]+(?=[\u4e00-\u9fa5])")


def shown_label(text: str) -> str:
    """A header label as it is shown: a single space left where a web page wrapped the cell or spaced its letters
    (「牵头 单位」, 「责 任 单 位」) is dropped; a label spaced out letter by letter as a typist does it in Word, two
    spaces or a full-width space to a character (「工  作  任  务」), and a note on its own line (「责任单位\n（按职责
    分工负责）」) are kept as printed."""
    lines = clean_text(text).split("\n")
    return "\n".join(ln if _LETTER_SPACED.match(ln.strip()) else _WRAP_SPACE.sub("", ln) for ln in lines)


# What is left of a mirror's pinyin note whose opening bracket was lost to 「?」 (項目?jī)?nèi)容): no part of a label.
_LOST_PINYIN = LazyPattern(r"\?[a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿüÜ]{1,6}[)）]")


def normalise_label(text: str) -> str:
    first = clean_text(text).translate(_T2S)
    if "?" in first:
        first = _LOST_PINYIN.sub("", first)
    return _WS.sub("", _NOTE.sub("", first)).rstrip("：:")


def label_role(text: str, overrides: dict[str, str] | None = None) -> str | None:
    """The role a header label names: a clerk's --column first, then the synonyms, then the label's ending
    (…单位/…部门 → units, 牵头… → lead, …时限/…时间 → deadline, …内容/…措施 → content). A label naming people
    (牵头县领导, 责任人) has none: its column holds persons, never units."""
    label = normalise_label(text)
    if overrides:
        role = overrides.get(label) or overrides.get(clean_text(text))
        if role:
            return role
    if not label or len(label) > 12:
        return None
    if _PEOPLE_ONLY.search(label) and not _UNIT_WORD.search(label):
        return None  # 牵头县领导, 责任人: the people in charge, never a unit column however it starts
    if _ASSESSOR.search(label):
        return None  # 评分部门, 考核单位, 督办单位: who scores or oversees the task, not who does it
    role = _LABEL_ROLE.get(label)
    if role in (None, "lead") and _LEAD_AND_OTHERS.search(label):
        return "units"  # 牵头及责任单位, 牵头单位/配合单位: one column for both, its cells say who leads (units_from_cells)
    if role is None and 2 < len(label) <= 10:
        for pattern, by_ending in _LABEL_ENDINGS:
            if pattern.search(label):
                return by_ending
    bracketed = _BRACKETED_LABEL.match(label) if role is None else None
    if bracketed:  # 「责任股室(单位)」, 「完成时限（年月）」: the label, or what its bracket says it is
        return label_role(bracketed.group(1), overrides) or label_role(bracketed.group(2), overrides)
    return role


_BRACKETED_LABEL = LazyPattern(r"^(.{2,8}?)\s*[（(]([^（）()]{1,6})[）)]$")


_PEOPLE_ONLY = LazyPattern(r"(领导|负责人|责任人|联系人)$")
_LEAD_AND_OTHERS = LazyPattern(r"^(牵头|主办|主责)(单位|部门|科室|处室)?\s*(及|和|与|、|/|／)\s*(责任|配合|协办|参与|协同|协助)"
                               r"(单位|部门|科室|处室)?$")  # not 牵头单位/责任人, 牵头领导及责任单位: a person's column
_UNIT_WORD = LazyPattern(r"单位|部门|科室|处室")
# A column of the bodies that score, assess or oversee each task (评分部门, 考核单位, 督查督办单位, 监管部门)
_ASSESSOR = LazyPattern(r"^(牵头)?(评分|评价|考核|考评|督查|督办|督导|监督|审核|验收)[\u4e00-\u9fa5]{0,3}(单位|部门|科室|处室)$")
def known_label(text: str, overrides: dict[str, str] | None = None) -> bool:
    """The text is one of the header labels by name (责任单位, 完成时限, 具体任务 …; a clerk's --column too), not only
    by its ending (县直各部门 ends as a unit label does, and is a unit)."""
    label = normalise_label(text)
    return label in _LABEL_ROLE or bool(overrides and (label in overrides or clean_text(text) in overrides))


_LABEL_ENDINGS = (
    (LazyPattern(r"^牵头|牵头(单位|部门|科室|处室)$"), "lead"),
    (LazyPattern(r"(单位|部门|科室|处室|股室|主体)$"), "units"),
    (LazyPattern(r"(时限|时间|期限|节点)$"), "deadline"),
    (LazyPattern(r"(内容|措施|举措|任务|事项)$"), "content"),
)


def is_header_row(cells: list[str], overrides: dict[str, str] | None = None) -> bool:
    """A task-list header: two known labels one of which names the task text, or (a header whose task column
    has an unknown label, 序号 | 民生实事 | 责任单位 | 完成时限) only short label-like cells, two of them known."""
    roles = [label_role(c, overrides) for c in cells]
    known = [r for r in roles if r]
    if len(known) >= 2 and ("content" in known or "category" in known):
        return True
    return len(known) >= 2 and len(set(known)) >= 2 and _label_like_row(cells)


def _label_like_row(cells: list[str]) -> bool:
    filled = [clean_text(c) for c in cells if clean_text(c)]
    return len(filled) >= 3 and all(is_label_like(c) for c in filled)


_SENTENCE_MARK = LazyPattern(r"[。，,；;：:！？!?]")


def is_label_like(text: str) -> bool:
    """Short enough and plain enough to be a header label: no sentence punctuation, not a number or a date."""
    label = normalise_label(text)
    if _SENTENCE_MARK.search(label) or not (0 < len(label) <= 10 or (len(label) <= 14 and _NAME_LABEL.match(label))):
        return False  # a long label only when it names the projects (市重点民生实事项目名称)
    kind = cell_kind(label)
    # a period in a progress column's label (「1-10月推进情况」) or in a task label (「全年目标任务」) is still a label
    return kind not in ("number", "percent", "deadline") or (kind == "deadline" and (
        bool(_LABEL_NOUN.search(label)) or label_role(label) not in (None, "deadline")))


_LABEL_NOUN = LazyPattern(r"(情况|进展|进度|完成情况|成效|目标|计划|备注|分解|状况|状态|完成率[%％]?)$")


# -- what a cell holds, from its text alone ---------------------------------------------------------
_NUMBER_CELL = LazyPattern(rf"^\s*[{NUMBER_MARKS}]?\s*[（(]?\s*\d{{1,4}}\s*[）)]?\s*[.、．]?\s*[{NUMBER_MARKS}]?\s*$")
_PERCENT = LazyPattern(r"^\s*\d+(\.\d+)?\s*[%％]")
_TIME = LazyPattern(r"\d{4}\s*[年.\-/]|\d{1,2}\s*月|[年月]底|年内|年前|季度|上半年|下半年|持续|长期|常态|每年|每季|每月|"
                   r"立即|即时|逐年|全年|前完成|\d{1,2}\s*日前")
_TIME_FIRST = LazyPattern(r"^(\d{4}|\d{1,2}\s*[月日]|\d\s*[.、]\s*\d{4}|计划|预计|力争|确保|年底|年内|[上下]半年|"
                          r"第[一二三四]季度|每[年季月])")
_CLAUSE_WORDS = LazyPattern(r"(牵头|配合|负责|参与|协助|协同)")
_ENUMERATOR = LazyPattern(r"^\s*(?:(\d{1,4})\s*[.、．](?!\d)|[（(]\s*(\d{1,3})\s*[）)]|([一二三四五六七八九十]{1,3})\s*[、.．]|"
                         r"[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)])\s*")


_PHONE = LazyPattern(r"^(1[3-9]\d{9}|(0\d{2,3}[-－—]?)?[2-9]\d{6,7})$")


def cell_kind(text: str) -> str:
    """What one cell holds, judged by its shape: empty, number (1, 2.), percent (80%…), deadline (12月底前,
    年底前, 2021.8, 持续推进), unit (names shaped like units, perhaps with 牵头/配合), sentence (long or
    punctuated text), or short (any other short text: a category, a person's name, a remark)."""
    text = clean_text(text)
    if not text:
        return "empty"
    if _NUMBER_CELL.match(text):
        return "number"
    if _PERCENT.match(text) or _PHONE.match(text):
        return "percent"  # a figure (80%, or a telephone number in a contact list): never a task or a unit
    flat = text.replace("\n", "")
    if len(flat) > 80 or "。" in flat:
        return "sentence"
    if _TIME.search(flat) and (len(flat) <= 10 or (len(flat) <= 25 and _TIME_FIRST.match(flat))):
        return "deadline"  # a short time phrase, or a longer one that starts with its time (计划10月底完成…)
    if _looks_like_unit_cell(text):
        return "unit"
    if len(flat) >= 16 or _SENTENCE_MARK.search(flat.rstrip("。")) or flat.endswith("。"):
        return "sentence"
    return "short"


_VERB_TAIL = LazyPattern(r"(分别|共同|具体)?(负责|牵头|配合)?(落实|实施|推进|办理|执行)$")


def _looks_like_unit_cell(text: str) -> bool:
    if "。" in text or len(text) > 80 or _ENUMERATOR.match(text):
        return False
    text = _STAR_AFTER.sub(lambda m: m.group(1), _STAR_MARK.sub(lambda m: m.group(1), text))  # (★X、Y*: who leads)
    names = split_units(_CLAUSE_WORDS.sub("、", _VERB_TAIL.sub("", text.strip()))).names
    if not names or any(len(n) > 20 or (re.search(r"\d", n) and not counts_places(n)) for n in names):
        return False  # a figure in a name: a target or an amount (13个街道、镇, the places counted, is a collective)
    units = sum(1 for n in names if looks_like_unit(n))
    # a list of offices among which a few places are named bare (「A指挥部、哈尔滨、黑河、B市政府」): still units
    return units == len(names) or (units >= 2 and units * 2 >= len(names)
                                   and all(looks_like_unit(n) or len(n) <= 4 for n in names))


_FITS = {  # how well a cell kind fits a column whose cells are mostly of another kind (0 none … 2 same)
    ("sentence", "short"): 1, ("short", "sentence"): 1, ("unit", "short"): 1, ("short", "unit"): 1,
    ("deadline", "short"): 1, ("short", "deadline"): 1, ("deadline", "sentence"): 1, ("number", "short"): 1,
}


def kind_fit(kind: str, column_kind: str) -> int:
    """2 when a cell of `kind` is what a column of `column_kind` holds, 1 when it could be, 0 when not."""
    if kind == column_kind:
        return 2
    return _FITS.get((kind, column_kind), 0)


_PERSON_LABEL = LazyPattern(r"(领导|负责人|责任人|联系人|分管|包保|领办)")
_YES_NO_LABEL = LazyPattern(r"^是否")
_PROGRESS_LABEL = LazyPattern(r"(进展|进度|推进|完成情况|落实情况|成效)")
_REMARK_LABEL = LazyPattern(r"(说明|备注|附注)$")
def progress_label(label: str) -> bool:
    """A label naming a column of progress (…完成情况, …进展, …推进情况)."""
    return bool(_PROGRESS_LABEL.search(normalise_label(label)))


def yes_no_label(label: str) -> bool:
    """A label asking a yes/no question (是否…)."""
    return bool(_YES_NO_LABEL.search(normalise_label(label)))


_PERSON_NAME = LazyPattern(r"^[\u4e00-\u9fa5]{2,3}$")
_YES_NO = LazyPattern(r"^[是否]$")


def label_fit(label: str, text: str, overrides: dict[str, str] | None = None, role: str | None = None) -> int:
    """How well one cell fits under a header label: 2 it is what the label names (a unit name under 牵头单位, a
    2–3-character personal name under 分管领导, 是/否 under 是否…, a progress sentence under …推进情况), 1 it
    could be, 0 it cannot (a personal name under a unit label, a bare number under anything but 序号)."""
    kind = cell_kind(text)
    flat = clean_text(text).replace("\n", "")
    name = normalise_label(label)
    role = role or label_role(label, overrides)
    person = kind == "short" and bool(_PERSON_NAME.match(flat))
    if role == "number":
        return 2 if kind == "number" else 0
    if kind == "number":
        return 0
    if role in ("lead", "units"):
        return 2 if kind == "unit" else (0 if person or kind in ("percent", "deadline") else 1)
    if role == "content":
        return 2 if kind == "sentence" else (0 if person or _YES_NO.match(flat) else 1)
    if role == "deadline":
        return 2 if kind == "deadline" else (1 if kind == "short" and not person else 0)
    if _PERSON_LABEL.search(name):
        return 2 if person else 0
    if _YES_NO_LABEL.search(name):
        return 2 if _YES_NO.match(flat) else 0
    if _PROGRESS_LABEL.search(name):
        return 2 if kind in ("sentence", "percent") or _PROGRESS.match(flat) else (0 if person or kind == "unit" else 1)
    if role == "category":
        return 1 if kind in ("short", "sentence") and not person else 0
    return 1  # a remark or an unknown label: anything may stand there


_ROLES = ("number", "content", "category", "lead", "units", "deadline")


def labels_with_cells(labels: list[str], rows: list[list[str]], overrides: dict[str, str] | None = None) -> list[int] | None:
    """Every row has fewer cells than the header has labels (a label with no cell of its own in the body:
    主要任务 | 全年目标任务 printed over one text cell, flattened so the body has one cell where the header has
    two): the indices of the labels that do have cells — those left when the missing ones are the labels whose
    removal lets each row's cells, in order, best fit the labels left (`label_fit`: a personal name under 分管领导,
    unit names under the unit labels, 是/否 under 是否…, progress under …推进情况), each label read with the role
    it has among those kept. None when some row is as wide as the header, more than two labels would be missing,
    or the cells read in place fit as well. On a tie, the labels kept that are read with the role they name (项目 |
    类别 | 具体内容 over text cells: 具体内容 has them, not 类别 read as the task), then the later labels are the ones
    without cells (a label spanning two printed columns is over the first)."""
    from itertools import combinations
    from math import comb

    widest = max((len(r) for r in rows), default=0)
    missing = len(labels) - widest
    if not rows or widest < 2 or not 1 <= missing <= 2 or comb(len(labels), missing) > 200:
        return None
    # judged on the widest rows (a shorter row lost a merged cell as well), on a sample: import time stays flat
    rows = [r for r in rows if len(r) == widest]
    rows = rows[::max(1, len(rows) // _SAMPLE)]
    fits: dict[tuple[str, str, str], int] = {}

    def fit(label: str, role: str, text: str) -> int:
        if (label, role, text) not in fits:
            fits[label, role, text] = label_fit(label, text, overrides, role if role in _ROLES else None) \
                if clean_text(text) else 0
        return fits[label, role, text]

    def score(kept: list[int]) -> int:
        roles = assign_roles([labels[c] for c in kept], overrides)
        return sum(fit(labels[c], role, text) for row in rows for c, role, text in zip(kept, roles, row, strict=False))

    def own_roles(kept: list[int]) -> int:  # ties: labels read with the role they name (a 类别 never the task)
        names = [labels[c] for c in kept]
        return sum(role == label_role(name, overrides) for name, role in zip(names, assign_roles(names, overrides),
                                                                                strict=True))

    in_place = score(list(range(len(labels))))
    best_score, _own, _dropped, kept = max((score(k), own_roles(k), d, k)
                                           for d in combinations(range(len(labels)), missing)
                                           for k in [[c for c in range(len(labels)) if c not in d]])
    return kept if best_score > in_place else None


# An inspection register's problem column (问题描述 | 整改措施 | 责任单位): a label that says what it holds, the task's
# text only where no column names the measures (its role then comes from its content, as an unknown label's does)
PROBLEM_LABELS = ("问题描述", "问题内容", "具体问题", "反馈问题", "问题表现", "发现问题", "督查发现问题", "存在问题")


def label_meaning(label: str, overrides: dict[str, str] | None = None) -> bool:
    """A label that says what its column holds: a role (…单位, 完成时限, 主要任务…), a person (…领导, 责任人), a
    yes/no (是否…), progress (…完成情况, …进展), a remark (备注) or an inspection's problem (问题描述)."""
    name = normalise_label(label)
    return bool(label_role(label, overrides) or _PERSON_LABEL.search(name) or _YES_NO_LABEL.search(name)
                or _PROGRESS_LABEL.search(name) or _REMARK_LABEL.search(name) or name in PROBLEM_LABELS)


def wrapped_labels(labels: list[str], rows: list[list[str]],
                   overrides: dict[str, str] | None = None) -> list[list[int]] | None:
    """Header labels wrapped inside their cells and flattened one line each (责任 / 领导, 责任 / 科室,
    攻坚目标 / 任务, 第二季度 / 完成情况: a narrow column's label printed on two or three lines), so the header
    shows more labels than any row has cells: the labels grouped, in order, into as many labels as the widest
    row has cells. A group joins two or three lines only when the joined label says what its column holds
    (`_label_meaning`) and at most one of its lines does so alone (主要任务 | 全年目标任务 are two labels, never
    one wrapped label); among the groupings allowed, the one whose labels the rows' cells fit best (`label_fit`),
    then the one with more labels that say what their column holds (重点 / 工作 / 责任领导 is 重点工作 | 责任领导).
    None when no grouping is allowed (then labels without cells are looked for instead)."""
    widest = max((len(r) for r in rows), default=0)
    joins = len(labels) - widest
    if not rows or widest < 2 or joins < 1 or len(labels) > 24:
        return None
    names = [normalise_label(label) for label in labels]
    meaning = [label_meaning(label, overrides) for label in labels]

    def joinable(start: int, size: int) -> bool:
        if size == 1:
            return True
        if start + size > len(labels) or sum(meaning[start:start + size]) > 1:
            return False
        joined = "".join(names[start:start + size])
        return len(joined) <= 10 and label_meaning(joined, overrides)

    groupings: list[list[list[int]]] = []

    def walk(at: int, left: int, groups: list[list[int]]) -> None:
        if len(groupings) > 200:
            return
        if at == len(labels):
            if left == 0:
                groupings.append(list(groups))
            return
        for size in (1, 2, 3):
            if size - 1 <= left and joinable(at, size):
                walk(at + size, left - (size - 1), [*groups, list(range(at, at + size))])

    walk(0, joins, [])
    if not groupings:
        return None
    sample = rows[::max(1, len(rows) // _SAMPLE)]

    def score(groups: list[list[int]]) -> tuple[int, int]:
        joined = ["".join(names[i] for i in g) for g in groups]
        roles = assign_roles(joined, overrides)
        fit = sum(label_fit(label, text, overrides, role if role in _ROLES else None) if clean_text(text) else 0
                  for row in sample for label, role, text in zip(joined, roles, row, strict=False))
        return fit, sum(1 for label in joined if label_meaning(label, overrides))  # ties: more meaningful labels

    return max(groupings, key=score)


@dataclass
class ColumnEvidence:
    """What the cells under one header label hold: the commonest kind, its share, the mean length."""

    kind: str = "empty"
    share: float = 0.0
    mean_length: float = 0.0
    filled: int = 0
    distinct: int = 0
    counts_up: bool = False


_SAMPLE = 240  # cells per column judged: a column's kind shows in a sample, and import time stays flat


def column_evidence(rows: list[list[str]], width: int, only: set[int] | None = None) -> list[ColumnEvidence]:
    """Evidence for each column (or for the columns in `only`; the others stay empty), from at most
    _SAMPLE of its cells spread over the table."""
    out = []
    for c in range(width):
        if only is not None and c not in only:
            out.append(ColumnEvidence())
            continue
        cells = [x for r in rows if c < len(r) and (x := clean_text(r[c]))]
        if not cells:
            out.append(ColumnEvidence())
            continue
        step = max(1, len(cells) // _SAMPLE)
        sample = cells[::step]
        kinds = [cell_kind(x) for x in sample]
        top = max(dict.fromkeys(kinds), key=kinds.count)
        numbers = [int(m.group(0)) for x in sample if _NUMBER_CELL.match(x) and (m := re.search(r"\d+", x))]
        out.append(ColumnEvidence(top, kinds.count(top) / len(sample), sum(len(x) for x in sample) / len(sample),
                                  len(cells), len(set(cells)),
                                  len(numbers) >= 2 and all(b > a for a, b in zip(numbers, numbers[1:], strict=False))))
    return out


# 项目名称, 市重点民生实事项目名称; an assessment table's 考核项目 (each row an item, its criterion beside it)
_ASSESSED_ITEM = LazyPattern(r"^(考核|评价|评分|检查|督查)(项目|事项)$")
_NAME_LABEL = LazyPattern(r"^(?:[\u4e00-\u9fa5]{0,8}?(项目|工程|事项|实事)名称|(考核|评价|评分|检查|督查)(项目|事项))$")
_DETAIL_LABEL = LazyPattern(r"(建设|项目|主要|具体|实施|工程)内容$|^(考核|评价|评分|检查|督查)(内容|指标|标准|要求|细则)$")


def _name_is_the_task(labels: list[str], rows: list[list[str]], roles: list[str], given: list[str | None]) -> str:
    """A register of projects (民生实事): a 项目名称 column with one name per row, left of a 建设内容 / 项目内容
    column detailing it, names the task — the project is what is tracked, its content the detail, kept as its own
    column. A name repeated or merged over several rows is the category of those rows instead (read elsewhere).
    Returns the note saying so, or ""."""
    if "content" not in roles:
        return ""
    at = roles.index("content")
    if given[at] or not _DETAIL_LABEL.search(normalise_label(labels[at])):
        return ""
    for i in range(at):
        if given[i] or not roles[i].startswith(EXTRA_PREFIX) or not _NAME_LABEL.match(normalise_label(labels[i])):
            continue
        cells = [clean_text(r[i]) for r in rows if i < len(r)]
        filled = [c for c in cells if c]
        kinds = [cell_kind(c) for c in filled]  # a name may start with its year (2024年农村公路…工程)
        if filled and len(filled) == len(cells) and len(set(filled)) == len(filled) and all(  # 完善督查督办: a name
                k in ("short", "sentence", "deadline", "unit") for k in kinds) and (   # that merely ends like a unit
                kinds.count("deadline") + kinds.count("unit")) < len(kinds) / 2:
            roles[i] = "content"
            roles[at] = EXTRA_PREFIX + (shown_label(labels[at]) or f"列{at + 1}")
            return (f"「{shown_label(labels[i])}」列每行一个项目，作为任务内容；「{shown_label(labels[at])}」列是各项目的"
                    f"具体内容，作为其他列保留（如不对，请用 --column 指定）")
    return ""


_STEP = LazyPattern(r"^\s*(?:1\s*[.、．](?!\d+[.%％万亿千百元])|[（(]\s*1\s*[）)]|①)")
_SECOND_STEP = LazyPattern(r"(?:^|[\s。；;])\s*(?:2\s*[.、．](?!\d+[.%％万亿千百元])|[（(]\s*2\s*[）)])|②")


def is_name_label(label: str) -> bool:
    """项目名称, 工程名称, 事项名称, 实事名称: a label naming each row's project."""
    return bool(_NAME_LABEL.match(normalise_label(label)))


def split_enumerator(text: str) -> tuple[str, str, str] | None:
    """(style, number, text) of a cell opened by an enumerator: 1. → ("1.", "1", …), (一) → ("(一)", "一", …);
    None when the cell has none."""
    m = _ENUMERATOR.match(text)
    if not m:
        return None
    style = ("1.", "(1)", "一、", "(一)")[next(g for g in range(4) if m.group(g + 1))]
    return style, next(x for x in m.groups() if x), text[m.end():].strip()


def _task_before_plan(rows: list[list[str]], candidates: list[int], longest: int, ev: list[ColumnEvidence]) -> int:
    """No label names the task, and the longest text is a plan: its cells hold numbered steps (1.4月底前…
    2.…, ①…②…), the measures or schedule for the task. The task is then the text column left of it with one
    statement per row (实事项目 | 工作举措及实施计划); without one, the longest column stays the task."""
    cells = [clean_text(r[longest]) for r in rows if longest < len(r) and clean_text(r[longest])]
    steps = [c for c in cells if _STEP.match(c) and _SECOND_STEP.search(c)]
    if not cells or len(steps) < len(cells) / 2:
        return longest
    for i in sorted(candidates):
        if i >= longest:
            break
        texts = [clean_text(r[i]) for r in rows if i < len(r)]
        if (ev[i].kind == "sentence" and ev[i].mean_length >= 8 and all(texts)
                and len(set(texts)) == len(texts) and not any(_STEP.match(t) for t in texts)):
            return i
    return longest


def _task_name_column(labels: list[str], rows: list[list[str]], at: int, longest: int) -> bool:
    """Two columns whose labels both name the task (重点工作 | 攻坚目标任务, 重点任务 | 工作措施): when the first
    holds one short name per row (every row filled, no name repeated or merged over rows) it names the task and
    the longer text beside it is its detail, kept as its own column; a name repeated over rows is a category."""
    if at > longest or label_role(labels[longest]) != "content":
        return False
    cells = [clean_text(r[at]) for r in rows if at < len(r)]
    return len(cells) == len(rows) and all(cells) and len(set(cells)) == len(cells)


def _headings_only(rows: list[list[str]], at: int) -> bool:
    """Every cell of the column is a numbered heading (一、… （一）…): the column names sections, not tasks."""
    cells = [clean_text(r[at]) for r in rows if at < len(r) and clean_text(r[at])]
    return bool(cells) and all(_is_section_text(c) for c in cells)


_SCORE_LABEL = LazyPattern(r"(分值|分数|得分|评分|权重|赋分)$")  # 考核分值 5 10: a score for each row, never its number
# 工作目标 「年底前全面完成」: what a task is to reach, not its deadline — unless the label names a time (时间目标,
# 时限目标: the date each task is to be done by)
_TARGET_LABEL = LazyPattern(r"^(?!.*(时间|时限|期限|日期|节点|时点)).*目标$")
_PLAN_LABEL = LazyPattern(r"(目标|计划|分解|进展|进度|情况|状态|状况)$")
_REPORTING_LABEL = LazyPattern(r"进展|进度|進展|進度|情况|备注|成效|^(其他)?说明$")
_PROGRESS = LazyPattern(r"^(已|未|正在|尚未|基本|全面)?(完成|开工|竣工|完工|推进|实施|启动|滞后|办结)")


def _progress_column(rows: list[list[str]], at: int) -> bool:
    """A column reporting progress (80%, 已完成, 推进中): neither a category nor a deadline."""
    cells = [clean_text(r[at]) for r in rows if at < len(r) and clean_text(r[at])]
    return any(_PERCENT.match(c) or _PROGRESS.match(c) for c in cells)


_HAN = LazyPattern(r"[\u4e00-\u9fff]")


def _in_words(rows: list[list[str]], col: int) -> bool:
    """The column's cells are written mostly in characters, as a task is — not figures, telephone numbers or codes
    (「138 0000 0001」 in a contact list is no task however long)."""
    text = "".join(clean_text(r[col]) for r in rows if col < len(r))
    return bool(text) and len(_HAN.findall(text)) * 2 >= len(re.sub(r"\s", "", text))


def roles_from_content(labels: list[str], rows: list[list[str]], overrides: dict[str, str] | None,
                       report: BuildReport | None = None) -> list[str]:
    """Roles by label, completed and corrected by what the columns hold.

    A column the labels leave unknown takes a role from its cells: counting numbers → number; dates and
    时限 phrases → deadline; unit names → units; the longest sentences → content (the task); short text
    that repeats or is merged (blank below) → category; percentages (progress) and person names stay
    other columns. A column labelled as the task whose cells are short, beside a column of much longer
    sentences, is the category and the long one the task (工作任务 | 具体要求); one labelled as the task whose
    cells are mostly figures (目标任务 of an indicator table: 186, 5%) is a target, and the text column (the
    indicator's name) the task. A clerk's --column wins.
    """
    width = len(labels)
    given = [(overrides or {}).get(normalise_label(x)) or (overrides or {}).get(clean_text(x)) for x in labels]
    roles = assign_roles(labels, overrides)
    guessed: dict[int, str] = {}

    def free(role: str) -> bool:
        return role not in roles

    def unknown(i: int) -> bool:
        return roles[i].startswith(EXTRA_PREFIX) and not given[i]

    _measures_out(labels, rows, roles, given, report)
    _empty_second_unit_column(labels, rows, roles, given)
    _two_category_labels(labels, rows, roles, given)
    judged = {i for i in range(width) if unknown(i)}
    if not judged and "content" in roles:
        return roles  # every column named by its label: nothing to read from the cells
    if "content" in roles:
        judged.add(roles.index("content"))
    ev = column_evidence(rows, width, judged)

    # the task column: the one with the longest sentences (a column reporting progress or remarks —
    # 进展情况, 完成情况, 备注, 成效 — is never the task, however long its sentences)
    candidates = [i for i in judged if not _REPORTING_LABEL.search(normalise_label(labels[i]))]
    longest = max(candidates or [0], key=lambda i: ev[i].mean_length if ev[i].kind in ("sentence", "short")
                  and i in candidates else 0)
    if "content" in roles:
        at = roles.index("content")
        figures = ((ev[at].kind in ("number", "percent") and ev[at].share >= 0.5)  # targets (186, 5%): never the task
                   or _share(rows, at, _QUANTITY) >= 0.5)  # nor quantities with their measure (1200人, 80个)
        # (the labelled column blank in a third of the rows where the other is filled: merged over them, a group)
        merged_over = sum(1 for r in rows if at < len(r) and longest < len(r) and not clean_text(r[at])
                          and clean_text(r[longest]))
        if (candidates and at != longest and not given[at] and unknown(longest) and (
                (ev[longest].mean_length >= 15 and (ev[at].mean_length < 15 or _headings_only(rows, at))
                 and (ev[longest].mean_length >= 2 * max(ev[at].mean_length, 1)
                      or (3 * merged_over >= len(rows) and ev[longest].mean_length > ev[at].mean_length))
                 and not _task_name_column(labels, rows, at, longest)
                 and not (is_name_label(labels[at]) and _DETAIL_LABEL.search(normalise_label(labels[longest]))))
                or (figures and ev[longest].kind in ("short", "sentence") and ev[longest].mean_length >= 4))):
            roles[longest], guessed[longest] = "content", "任务内容"
            if free("category") and ev[at].kind in ("short", "sentence"):
                roles[at], guessed[at] = "category", "类别"
            else:
                roles[at] = EXTRA_PREFIX + (clean_text(labels[at]) or f"列{at + 1}")
    elif candidates and unknown(longest) and ev[longest].mean_length >= 8 and _in_words(rows, longest):
        longest = _task_before_plan(rows, candidates, longest, ev)
        roles[longest], guessed[longest] = "content", "任务内容"
    named = _name_is_the_task(labels, rows, roles, given)  # before the guesses: a project's name is no category
    for i in range(width):
        e = ev[i]
        if not unknown(i) or not e.filled:
            continue
        label = normalise_label(labels[i])
        if e.kind == "number" and e.share >= 0.8 and e.counts_up and free("number") and not _SCORE_LABEL.search(label):
            roles[i], guessed[i] = "number", "序号"
        elif e.kind == "deadline" and e.share >= 0.6 and free("deadline") and not _TARGET_LABEL.search(label):
            roles[i], guessed[i] = "deadline", "完成时限"
        elif e.kind == "unit" and e.share >= 0.6 and free("units"):
            roles[i], guessed[i] = "units", "责任单位"
        elif (e.kind in ("short", "sentence") and 4 <= e.mean_length <= 20 and free("category") and "content" in roles
              and not _PLAN_LABEL.search(normalise_label(labels[i]))  # 一季度目标: each row's own target
              and not (_REMARK_LABEL.search(label) and e.filled < len(rows))  # 备注 left empty in some rows: notes
              and not _PERSON_LABEL.search(label)  # 责任领导 孙丽、李娜: the people in charge, however they repeat
              and not _figures(rows, i)  # 已完成: a count for each row (3.46, 1200)
              and (e.distinct < e.filled or e.filled < len(rows)) and not _progress_column(rows, i)):
            roles[i], guessed[i] = "category", "类别"
    if named and report is not None:
        report.notes.append(named)
    if report is not None:
        report.name_doubt = _name_over_detail(labels, roles)
        for i, meaning in guessed.items():
            label = clean_text(labels[i]).replace("\n", "") or f"第 {i + 1} 列（无表头）"
            report.guessed[label] = meaning
    return roles


def _two_category_labels(labels: list[str], rows: list[list[str]], roles: list[str], given: list[str | None]) -> None:
    """Two labels that both name a category (主要任务 | 重点任务) and none the task: `assign_roles` took one of them
    for the task by its words; the cells decide — the column of longer sentences holds the tasks."""
    if "content" not in roles or "category" not in roles:
        return
    at, cat = roles.index("content"), roles.index("category")
    if given[at] or given[cat] or label_role(labels[at]) != "category" or label_role(labels[cat]) != "category":
        return
    ev = column_evidence(rows, len(labels), {at, cat})
    if ev[cat].mean_length >= 8 and ev[cat].mean_length >= 1.5 * max(ev[at].mean_length, 1):
        roles[at], roles[cat] = "category", "content"


# A unit of measure (万人, 公里, 元/月/人, 个, %): what a 单位 column of an indicator table holds.
_MEASURE_WORD = (r"[万亿千百]?(?:人次|人|户|个|家|所|座|条|台|辆|套|亩|公顷|吨|元|次|项|张|床|间|件|份|场|批|栋|处|棵|株|只|册|"
                 r"名|公里|千米|米|平方米|立方米|千瓦时|千瓦|兆瓦|天|小时|个百分点|百分点|%|％|‰|km|kW|MW)"
                 r"(?:\s*[/／每]\s*[\u4e00-\u9fa5]{1,2})*")  # 元/月/人: per month per person
_MEASURE = LazyPattern(rf"^{_MEASURE_WORD}$")
_QUANTITY = LazyPattern(rf"^[<>≥≤＜＞约]?\d+(?:\.\d+)?\s*[万亿千百]?(?:{_MEASURE_WORD})?$")  # 1200人, 80个, 5000万
_FIGURE_CELL = FIGURE


def _share(rows: list[list[str]], at: int, pattern) -> float:
    cells = [clean_text(r[at]) for r in rows if at < len(r) and clean_text(r[at])]
    return sum(1 for c in cells if pattern.match(simplified(c.replace(" ", "")))) / len(cells) if cells else 0.0


def _figures(rows: list[list[str]], at: int) -> bool:
    """Most cells of the column are figures (3.5, 1200.5, 98.6%): counts or targets, never a category."""
    return _share(rows, at, _FIGURE_CELL) >= 0.6


def _measures_out(labels: list[str], rows: list[list[str]], roles: list[str], given: list[str | None],
                  report: BuildReport | None) -> None:
    """A column labelled as units whose cells are units of measure (单位: 万人, 公里, 元/月/人 — an indicator
    table's measure column) names no office: its content, not its label, decides, so it is kept as an other column
    and the units are looked for by content among the rest (a 备注 column of office names)."""
    for i, role in enumerate(roles):
        if role in ("units", "lead") and not given[i] and _share(rows, i, _MEASURE) >= 0.6:
            roles[i] = EXTRA_PREFIX + (shown_label(labels[i]) or f"列{i + 1}")
            if report is not None:
                report.notes.append(f"「{shown_label(labels[i])}」列写的是计量单位（如「{_a_measure(rows, i)}」），"
                                    "不是责任单位，作为其他列保留")


def _empty_second_unit_column(labels: list[str], rows: list[list[str]], roles: list[str],
                              given: list[str | None]) -> None:
    """Two columns labelled as units make the first the lead (责任单位 | 配合单位); when the second has no cell filled
    in any row (协调单位 left blank), the first is the list's only unit column: its units, no lead."""
    if "lead" not in roles or "units" not in roles:
        return
    lead, units = roles.index("lead"), roles.index("units")
    if given[lead] or given[units] or label_role(labels[lead]) != "units" or any(
            units < len(r) and clean_text(r[units]) for r in rows):
        return
    roles[lead], roles[units] = "units", EXTRA_PREFIX + (shown_label(labels[units]) or f"列{units + 1}")


def _a_measure(rows: list[list[str]], at: int) -> str:
    return next((clean_text(r[at]) for r in rows if at < len(r) and _MEASURE.match(clean_text(r[at]))), "")


def _name_over_detail(labels: list[str], roles: list[str]) -> str:
    """Why each task is doubtful when the column naming each row's assessed item (考核项目, 评价项目) was taken for the
    task and its criterion (考核指标, 考核内容) kept as another column: what a department must do is often written in
    the criterion, so a reader could take it for the task as well. A project register's 项目名称 beside its 建设内容
    is the usual reading, said once in the import notes, not on every task. "" when the task column is no such item."""
    if "content" not in roles or not _ASSESSED_ITEM.search(normalise_label(labels[roles.index("content")])):
        return ""
    name = shown_label(labels[roles.index("content")])
    detail = next((shown_label(labels[i]) for i, role in enumerate(roles)
                   if role.startswith(EXTRA_PREFIX) and _DETAIL_LABEL.search(normalise_label(labels[i]))), "")
    return f"按「{name}」列读作任务，「{detail}」列作为其他列保留（也可能「{detail}」才是任务内容）" if detail else ""


def header_from_content(rows: list[list[str]]) -> tuple[list[str], dict[str, str]] | None:
    """A register printed without a header row (copied from the middle of a page: the rows only, 1 | 完成…。 |
    县教育局 | 已经安装… | 按时序推进): the labels a person would write over its columns, read from the cells as
    the person reads them, and the role of each label. Only for a table that shows a task list by its content
    alone: a column of counting numbers (gaps allowed, an excerpt of a longer register), the first column of
    sentences right of it as the task, and a column of unit names — one such column is 责任单位 (units), two are
    牵头单位 and 责任单位; a column of time phrases is the deadline; the next sentence column is progress, a short word
    repeated down the rows the status; every other column is kept as 「列N」. None for anything else (a table with no numbers, no text, no units)."""
    filled = [_trim(r) for r in rows if any(clean_text(c) for c in r)]
    widths = [len(r) for r in filled]
    if len(filled) < 2:
        return None
    width = max(set(widths), key=widths.count)
    if width < 3 or widths.count(width) < 0.6 * len(filled):
        return None
    ev = column_evidence(filled, width)
    number = next((i for i in range(width) if ev[i].kind == "number" and ev[i].share >= 0.8 and ev[i].counts_up), None)
    if number is None:
        return None
    texts = [i for i in range(number + 1, width) if ev[i].kind == "sentence" and ev[i].mean_length >= 8]
    units = [i for i in range(number + 1, width) if ev[i].kind == "unit" and ev[i].share >= 0.6]
    if not texts or not units:
        return None
    labels = [f"列{i + 1}" for i in range(width)]
    labels[number], labels[texts[0]] = "序号", "工作任务"
    for i, label in zip(units, ("牵头单位", "责任单位") if len(units) >= 2 else ("责任单位",), strict=False):
        labels[i] = label
    deadline = next((i for i in range(width) if ev[i].kind == "deadline" and ev[i].share >= 0.6), None)
    if deadline is not None and labels[deadline].startswith("列"):
        labels[deadline] = "完成时限"
    progress = next((i for i in texts[1:] if labels[i].startswith("列")), None)
    if progress is not None:
        labels[progress] = "进展情况"
    status = next((i for i in range(number + 1, width) if labels[i].startswith("列") and ev[i].kind == "short"
                   and ev[i].distinct < ev[i].filled and ev[i].mean_length <= 8), None)
    if status is not None:
        labels[status] = "完成状态"  # a short word repeated down the rows (按时序推进, 已完成): each task's status
    roles = {label: label_role(label) or EXTRA_PREFIX + label for label in labels}
    return labels, roles


@dataclass
class BuildReport:
    """What the builder understood: for --explain and validate."""

    shape: str = ""
    where: str = ""
    header_row: int = 0
    roles: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    guessed: dict[str, str] = field(default_factory=dict)  # label → role name, for roles read from content
    reading: str = ""  # which reading of the source won, and why
    others: list[str] = field(default_factory=list)  # what the other readings would have given
    name_doubt: str = ""  # every task's doubt when a project's name was taken for the task beside its detail


_TASK_ENDING = LazyPattern(r"(任务|措施|举措|内容|事项)$")


def assign_roles(labels: list[str], overrides: dict[str, str] | None = None) -> list[str]:
    """One role per header cell: a ROLES name or extra:<label>."""
    roles = [label_role(label) for label in labels]
    names = [k for k, label in enumerate(labels) if roles[k] is None and _NAME_LABEL.match(normalise_label(label))]
    if roles.count("content") == 0 and names:  # 类别 | 项目名称 | 责任单位: the project named is the task
        roles[names[0]] = "content"
    if roles.count("content") == 0 and "category" in roles:
        # 类别 | 主要任务, 任务类别 | 重点任务: of two category labels, the one that names tasks (…任务, …措施) is the task
        cats = [k for k, role in enumerate(roles) if role == "category"]
        tasky = [k for k in cats if _TASK_ENDING.search(normalise_label(labels[k]))]
        roles[(tasky or cats)[0] if len(cats) > 1 else cats[0]] = "content"
    if "lead" not in roles and roles.count("units") >= 2:
        roles[roles.index("units")] = "lead"
    seen: set[str] = set()
    out = []
    for i, (label, role) in enumerate(zip(labels, roles, strict=True)):
        override = (overrides or {}).get(normalise_label(label)) or (overrides or {}).get(label)
        role = override or role
        if role in seen or role is None:
            printed = shown_label(label) or f"列{i + 1}"
            role = EXTRA_PREFIX + printed
        seen.add(role)
        out.append(role)
    return out


def _printable(grid: Grid) -> None:
    """Control characters out of every cell and preamble line: a copied text may carry them (a form feed between
    PDF pages, a vertical tab for Word's line break) and a reader's own cell marks must never reach the dataset,
    whose texts go into Word and Excel files, which cannot hold them. A line-break control becomes a line break."""
    grid.rows = [[printable(c) for c in row] for row in grid.rows]
    grid.preamble = [printable(line) for line in grid.preamble]


def build_dataset(grid: Grid, *, source: str = "", roles: dict[str, str] | None = None,
                  report: BuildReport | None = None) -> Dataset:
    """Turn one grid into a dataset; raise XlError when no task-list header is found."""
    report = report if report is not None else BuildReport()
    if grid.roles:  # what the reader knows of its own columns; a clerk's --column wins
        roles = {**grid.roles, **(roles or {})}
    _printable(grid)
    join_broken_header(grid)
    header_at = _find_header(grid, roles)
    if header_at is None:
        raise XlError("未找到任务清单的表头（如「序号」「工作任务」「责任单位」）。", file=source,
                      hint="请确认文件中有任务表格；表头名称特殊时，可用 --column 指定各列的含义。")
    _merge_subheader(grid, header_at, report)
    if grid.ragged:
        _drop_sub_labels(grid, header_at, report)
    header = _widen_header(grid, header_at, report)
    body = _body_rows(grid, header_at, len(header), report)
    if grid.ragged:
        header = _drop_labels_without_cells(header, body, roles, report)
    lost: dict[int, set[int]] = {i: set(cols) for i, cols in grid.merged.items()}
    short = {i for i, r, _d in body if len(r) < len(header)} if grid.ragged else set()  # (cells printed empty count)
    body = _realign(body, len(header), grid, report, lost)
    if grid.ragged:  # a document's or a sheet's header cells stand over their columns: never moved
        header = _align_labels(header, body, roles, report)
    # a row of one cell that lost the others (a sub-row's lone unit or text, 「县交通运输局 |」) shows nothing of what
    # the other columns hold: their roles are judged without it
    judged = [r for i, r, _d in body if not (i in lost and sum(1 for c in r if clean_text(c)) == 1)]
    col_roles = roles_from_content(header, judged or [r for _i, r, _d in body], roles, report)
    if "content" not in col_roles:
        labels = "、".join(f"「{clean_text(x)}」" for x in header if clean_text(x))
        raise XlError(f"找到一个 {len(header)} 列的表格（表头 {labels}），但无法确定哪一列是任务内容。", file=source,
                      row=grid.row_number(header_at),
                      hint="请用 --column 表头=content 指定哪一列是任务内容，例如 --column 民生实事=content。")
    content_label = normalise_label(header[col_roles.index("content")])
    if content_label in _DUTY_LABELS and not {"lead", "units"} & set(col_roles):
        raise XlError(f"表格的「{clean_text(header[col_roles.index('content')])}」列旁没有单位列（表头 "
                      + "、".join(f"「{clean_text(x)}」" for x in header if clean_text(x))
                      + "），像是人员职责分工名单，不是任务清单。", file=source, row=grid.row_number(header_at),
                      hint="任务清单需有牵头单位或责任单位列；确是任务时，请用 --column 指定单位所在的列。")
    if short:
        _lead_cells_merged(body, col_roles, short, lost)
    ds = Dataset(source=source)
    numbered_in = _numbers_inside(body, col_roles)
    printed = {role: shown_label(label) or ROLE_NAMES_ZH.get(role, "") for role, label in zip(col_roles, header,
                                                                                              strict=True)}
    if numbered_in:
        printed = {"number": "序号", **printed}
        report.notes.append(f"序号写在「{printed[numbered_in]}」列的开头，已取出作为序号")
    ds.columns = printed
    above = grid.preamble + [clean_text(c) for row in grid.rows[:header_at] for c in row if clean_text(c)]
    _read_heading(above, ds)
    body = _people_out_of_unit_cells(header, body, col_roles, report)
    ds.tasks = _read_tasks(grid, body, col_roles, numbered_in, report, lost, printed)
    if report.name_doubt:
        for task in ds.tasks:
            task.doubt = _and(task.doubt, report.name_doubt)
    for task in ds.tasks:  # a task with no text is never a sure reading (a short row's text put under 类别)
        if not task.content.strip():
            task.doubt = _and(task.doubt, EMPTY_TEXT_DOUBT)
    if "category" not in ds.columns and any(t.category for t in ds.tasks):
        ds.columns = {"category": ROLE_NAMES_ZH["category"], **ds.columns}  # from the section rows
    if not grid.from_items:  # the items reader applies the rule from where the document states it
        first_unit_leads(ds.tasks, [*above, *grid.rows[header_at], *_notes_below(grid, header_at)], report)
    _units_name_the_lead_again(ds.tasks, report)
    _names_glued_of_names_printed_alone(ds.tasks)
    _name_lead_column(ds)
    ds.units = build_registry(ds.tasks)
    ds.dataset_id = make_dataset_id(ds.title, [t.key for t in ds.tasks])
    report.where, report.header_row = grid.where, grid.row_number(header_at)
    report.roles = {ds.columns[r]: r for r in col_roles}
    report.notes = grid.notes + report.notes
    ds.import_notes = list(report.notes)
    return ds


# A body and one of its own offices printed as one name (市公安局交警支队, 县教育局教研室): one body, never two
_PARENT_ENDINGS = ("局", "委", "办", "厅", "政府", "部", "院")
_SUB_OFFICE_ENDINGS = ("支队", "大队", "中队", "室", "科", "股", "站", "所", "中心", "处", "队")


def _names_glued_of_names_printed_alone(tasks: list[Task]) -> None:
    """A unit name that is two names the list prints on their own in other cells, glued (「文化宣传股文化馆」 beside
    「文化宣传股」 and 「文化馆」: a cell's two lines copied with no break between them): the two names, flagged. Only
    names printed alone elsewhere, so a long name is never cut by guess."""
    alone = {n for t in tasks for n in (*t.lead_units, *t.units)}
    if len(alone) < 3:
        return
    for t in tasks:
        for role in ("lead_units", "units"):
            names = getattr(t, role)
            out: list[str] = []
            for n in names:
                cut = next((k for k in range(2, len(n) - 1) if n[:k] in alone and n[k:] in alone and n[:k] != n
                            and not (n[:k].endswith(_PARENT_ENDINGS) and n[k:].endswith(_SUB_OFFICE_ENDINGS))), None)
                if cut is None:
                    out.append(n)
                    continue
                out += [x for x in (n[:cut], n[cut:]) if x not in out]
                t.doubt = _and(t.doubt, f"「{n}」中间没有分隔符，按表中另印的「{n[:cut]}」「{n[cut:]}」读入")
            setattr(t, role, out)


_NAME_TOKEN = LazyPattern(r"^[\u4e00-\u9fa5]{2,4}$")
_UNIT_SEPARATORS = LazyPattern(r"([、，,；;\n])")


def _people_out_of_unit_cells(header: list[str], body: list[tuple[int, list[str], str]], roles: list[str],
                              report: BuildReport) -> list[tuple[int, list[str], str]]:
    """A unit column whose label also names people (牵头单位及主要负责人, 责任单位及责任人) holds each unit with its
    person after a space (「市民政局 伍泽国」): the person is not a unit, so a word after a unit name that is shaped
    like a personal name (two to four characters, nothing of a unit's shape) is left out of the units; the note
    names the people left out."""
    cols = [c for c, role in enumerate(roles) if role in ("lead", "units") and c < len(header)
            and _PEOPLE_IN_LABEL.search(normalise_label(header[c]))]
    if not cols:
        return body
    out = []
    dropped: list[str] = []
    for i, row, doubt in body:
        row = list(row)
        for c in cols:
            if c >= len(row):
                continue
            people = []
            parts = _UNIT_SEPARATORS.split(clean_text(row[c]))
            for k, part in enumerate(parts):
                tokens = part.split()
                name = "".join(tokens[1:])
                if (len(tokens) >= 2 and _NAME_TOKEN.match(name) and cell_kind(name) == "short"
                        and not looks_like_unit(name) and looks_like_unit(tokens[0])):
                    people.append(name)
                    parts[k] = part[:len(part) - len(part.lstrip())] + tokens[0]
            if people:
                row[c] = "".join(parts)
                dropped.extend(people)
        out.append((i, row, doubt))
    if dropped:
        names = "、".join(dict.fromkeys(dropped))
        report.notes.append(f"单位列中写在单位后的人名（{names[:30]}）是负责人，不作为单位")
    return out


_PEOPLE_IN_LABEL = LazyPattern(r"(负责人|责任人|领导|联系人)")


_NOTE_ROW = LazyPattern(r"^\s*(?:(?:注|备注|说明|附注|注释|备\s+注|说\s+明)\s*\d?\s*[:：]|(?:注|备注|说明|附注)\s*$)")


def is_note_row(row: list[str]) -> bool:
    """A note under the table (「注：…」「备注：…」「说明：…」 on its own line, or a row whose first cell is only
    注/备注/说明 and the note in the next): the table's notes, never a task nor part of one."""
    first = next((clean_text(c) for c in row if clean_text(c)), "")
    return bool(first) and bool(_NOTE_ROW.match(first))


def _body_rows(grid: Grid, header_at: int, width: int,
               report: BuildReport | None = None) -> list[tuple[int, list[str], str]]:
    """(grid index, cells, doubt) of every row below the header that is neither empty nor a repeated header,
    up to a note under the table (注：…): it and the lines after it (the note's own items 1. 2. …) are not tasks."""
    header_norm = [normalise_label(c) for c in grid.rows[header_at]] + [""] * width
    out = []
    for i in range(header_at + 1, len(grid.rows)):
        row = list(grid.rows[i])
        if not any(clean_text(c) for c in row):
            continue
        if out and is_note_row(row):
            if report is not None:
                note = next(clean_text(c) for c in row if clean_text(c)).replace("\n", "")
                report.notes.append(f"第 {grid.row_number(i)} 行「{note[:20]}」是表下的注，以下各行不作为任务")
            break
        padded = (row + [""] * width)[:width]
        if _is_repeated_header(padded, header_norm[:width]):
            continue
        out.append((i, row, grid.doubts.get(i, "")))
    return out


# A row short of the header's cells, its cells put under the columns they fit (by the builder or by a reader): the
# doubt, replaced by a fuller one when the row also takes cells merged with the row above.
_NUMBERED_CELL = re.compile(r"^\d{1,3}\s*[.、．](?!\d)\s*\S")
SHORT_ROW_DOUBT = "此行单元格少于表头，按内容对齐到各列"
EMPTY_TEXT_DOUBT = "此项没有读到任务内容，请核对原表（可能是合并单元格丢失后各格错位）"
# A row of a space-separated table with more parts than the header has labels: the spaces inside the task text cannot
# be told from the separators, so the cells are taken from both ends and the rest is the task.
SPACED_TEXT_DOUBT = "此行以空格分隔的部分多于表头，多出的空格按任务内容中的空格读取，请核对"


def _realign(body: list[tuple[int, list[str], str]], width: int, grid: Grid,
             report: BuildReport, lost: dict[int, set[int]] | None = None) -> list[tuple[int, list[str], str]]:
    """Rows shorter than the header (merged cells lost when the table was flattened to text) have their
    cells put, in order, under the columns they fit best, judged by what the full rows hold in each column:
    the lost cells may have been on the left (a merged category) or between (a merged category after
    the number), or on both sides (a project's number, name and unit spanning its rows). Among equally
    good placements the one keeping the cells together, then the rightmost, wins. One full row is enough
    to judge by: a register whose first row spans the rest has only that one. `lost` receives, for each
    row moved, the columns it has no cell for: those cells were merged with the row above."""
    if not grid.ragged:
        return [(i, (r + [""] * width)[:width], d) for i, r, d in body]
    trimmed = [_trim(r) for _i, r, _d in body]
    full = [r for r in trimmed if len(r) == width]
    wide = max((len(r) for r in trimmed), default=0)
    if not full and 3 <= wide < width:  # no row fills the last columns (备注 left empty): the widest rows are full
        full = [r for r in trimmed if len(r) == wide]
        if len(full) >= 2:
            return [(i, (r + [""] * width)[:width], d)
                    for i, r, d in _realign([(i, r[:wide], d) for i, r, d in body], wide, grid, report, lost)]
        full = []
    if not full or len(full) == len(trimmed):
        return [(i, (r + [""] * width)[:width], d) for i, r, d in body]
    profile = [e.kind for e in column_evidence(full, width)]
    # rows numbered 一 二 三 in the first column: there a Chinese numeral alone is the row's number
    zh_numbers = all(_ZH_NUMBER.match(clean_text(r[0])) for r in full)
    if zh_numbers:
        profile[0] = "number"
    longest = [max((len(clean_text(r[c])) for r in full), default=0) for c in range(width)]
    # columns whose cells open with the row's number (「14.改扩建…」): a short row's cell so numbered belongs there
    numbered = {c for c in range(width) if any(_NUMBERED_CELL.match(clean_text(r[c])) for r in full)}

    def _too_long(cell: str, kind: str, col: int) -> int:
        """1 for a short text under a column of short cells (a person's name, a code) or of unit names, at least
        three times as long as any of them: a task's text shifted there when the column's merged cell was lost (a
        lead printed once for several rows), not one of its cells."""
        return int(kind == "short" and longest[col] > 0 and len(clean_text(cell)) >= 3 * longest[col]
                   and (profile[col] == "unit" or (profile[col] == "short" and longest[col] <= _SHORT_NAME)))

    out = []
    for (i, _row, doubt), cells in zip(body, trimmed, strict=True):
        placed = list(range(len(cells)))
        if (len(cells) == 1 and _is_section_text(cells[0])) \
                or (len(cells) == 2 and not zh_numbers and _ZH_NUMBER.match(clean_text(cells[0]))):
            pass  # a section heading between the rows (一、… or 一 | …) stays where it is: the builder's category (where
            # the rows themselves are numbered 一 二, 「二 | …」 is a row that lost its merged category)
        elif len(cells) == 1 and len(_row) > 1 and cell_kind(cells[0]) not in ("number", "empty") and any(
                kind_fit(cell_kind(cells[0]), profile[c]) for c in range(width)):
            # a sub-row: its one text cell printed first, its other cells printed empty (merged over it and the
            # row above): the text stands in the first column it can fit, and the empty cells are empty
            placed = [next(c for c in range(width) if kind_fit(cell_kind(cells[0]), profile[c]))]
            report.notes.append(f"第 {grid.row_number(i)} 行只有第一格有文字，其余各格为空，已放到第 {placed[0] + 1} 列")
        elif 0 < len(cells) < width:
            from itertools import combinations

            kinds = ["number" if zh_numbers and _ZH_NUMBER.match(clean_text(c)) else cell_kind(c) for c in cells]

            def score(cols: tuple[int, ...], kinds=kinds, cells=cells) -> int:
                return sum(kind_fit(k, profile[c]) - _too_long(cell, k, c)
                           + 2 * (c in numbered and bool(_NUMBERED_CELL.match(clean_text(cell))))
                           for k, c, cell in zip(kinds, cols, cells, strict=True) if k != "empty")

            from math import comb

            if comb(width, len(cells)) <= 500:
                choices = list(combinations(range(width), len(cells)))
            else:  # a very wide table: only the cells kept together, moved right
                choices = [tuple(range(s, s + len(cells))) for s in range(width - len(cells) + 1)]
            above = out[-1][1] if out else []

            def repeats(cols: tuple[int, ...], cells=cells, above=above) -> int:
                """Cells that stand as the row above has them in that column (a unit cell repeated beside a lead
                merged over both rows)."""
                return sum(1 for cell, c in zip(cells, cols, strict=True) if c < len(above) and cell and cell == above[c])

            def text_alone(cols: tuple[int, ...], kinds=kinds) -> bool:
                """A row of one cell, a short text or a sentence, in the text column: a sub-row's text (新增学位810个)
                more likely than a unit or remark it could half fit."""
                return len(cols) == 1 and kinds[0] in ("short", "sentence") and profile[cols[0]] == "sentence"

            ranked = sorted(choices, key=lambda cols: (score(cols), text_alone(cols), repeats(cols),
                                                       cols[-1] - cols[0] == len(cols) - 1, cols))
            best = ranked[-1]
            placed = list(best)
            if best != tuple(range(len(cells))):
                if lost is not None:
                    lost[i] = set(range(width)) - set(best)
                report.notes.append(f"第 {grid.row_number(i)} 行比表头少 {width - len(cells)} 格（合并单元格），"
                                    f"已按内容放到第 {'、'.join(str(c + 1) for c in best)} 列")
                tied = len(ranked) > 1 and (score(ranked[-2]), repeats(ranked[-2])) == (score(best), repeats(best))
                if tied or score(best) < 2 * sum(k != "empty" for k in kinds):
                    doubt = _and(doubt, SHORT_ROW_DOUBT)
        if len(cells) > width:  # a section row of two cells (一 | 产业发展) in a one-column table: one cell
            cells, placed = [*cells[:width - 1], " ".join(cells[width - 1:])], list(range(width))
        row = [""] * width
        for cell, col in zip(cells, placed, strict=True):
            row[col] = cell
        out.append((i, row, doubt))
    return out


_SHORT_NAME = 4  # characters: a column whose every full-row cell is as short holds names or codes, not texts


def _drop_labels_without_cells(header: list[str], body: list[tuple[int, list[str], str]],
                               overrides: dict[str, str] | None, report: BuildReport) -> list[str]:
    """Rows flattened to text that are all short of a header whose every cell is a label: the labels with no
    cells in the body (`labels_with_cells`) are left out, so each row's cells stand under the labels they fit."""
    if not body or not all(clean_text(c) for c in header):
        return header
    kept = labels_with_cells(header, [_trim(r) for _i, r, _d in body], overrides)
    if kept is None:
        return header
    names = "」「".join(shown_label(header[c]) for c in range(len(header)) if c not in kept)
    report.notes.append(f"表头有 {len(header)} 列，各行最多 {len(kept)} 格：「{names}」列在表格中没有单元格"
                        f"（应与相邻的列合并），各格已按内容对应到其余各列")
    return [header[c] for c in kept]


_KIND_OF_ROLE = {"content": "sentence", "units": "unit", "lead": "unit", "deadline": "deadline", "number": "number",
                 "category": "short"}


def _align_labels(header: list[str], body: list[tuple[int, list[str], str]], overrides: dict[str, str] | None,
                  report: BuildReport) -> list[str]:
    """A header with fewer labels than the rows have cells (a label spanning two columns in the printed table —
    工作任务 over two category levels, 具体要求 over the number and the text — flattened to one cell) has its
    labels moved, in order, over the columns whose cells fit them best: a 责任单位 label over the unit names, a
    时限 label over the time phrases, never a label over a column of counting numbers unless it names them.
    The columns left without a label get their roles from their cells. Kept as printed unless another
    placement fits strictly better; among equally good ones, the labels over the longest text, then the
    leftmost, win."""
    from itertools import combinations
    from math import comb

    width = len(header)
    filled = [k for k, c in enumerate(header) if clean_text(c)]
    if not body or not 2 <= len(filled) < width or comb(width, len(filled)) > 500:
        return header
    rows = [r for _i, r, _d in body]
    used = [c for c in range(width) if any(c < len(r) and clean_text(r[c]) for r in rows)]
    if len(used) <= len(filled):
        return header
    ev = column_evidence(rows, width)
    wanted = [_KIND_OF_ROLE.get(label_role(header[k], overrides) or "") for k in filled]

    def fit(want: str | None, col: int) -> int:
        have = ev[col].kind
        if have == "empty":
            return 0
        if want is None:  # an unknown label: any column of text, never one of bare numbers
            return 0 if have in ("number", "percent") else 1
        if want == "unit" and have == "short" and _progress_column(rows, col):
            return -1  # progress words (完成, 已投用) under a unit label: worse than no cell at all
        return kind_fit(have, want)

    def score(cols: tuple[int, ...]) -> tuple[int, float, int]:
        return (sum(fit(w, c) for w, c in zip(wanted, cols, strict=True)),
                sum(ev[c].mean_length for c in cols), -sum(cols))

    best = max(combinations(range(width), len(filled)), key=score)
    if score(best)[0] <= score(tuple(filled))[0]:
        return header
    out = [""] * width
    for k, col in zip(filled, best, strict=True):
        out[col] = header[k]
    report.notes.append("表头的列少于各行的单元格，已按各列内容把表头放到第 "
                        + "、".join(str(c + 1) for c in best) + " 列：" + " | ".join(clean_text(c) for c in out))
    return out


def _trim(row: list[str]) -> list[str]:
    row = list(row)
    while row and not clean_text(row[-1]):
        row.pop()
    return row


def _and(doubt: str, more: str) -> str:
    return f"{doubt}；{more}" if doubt and more not in doubt else (doubt or more)


def _numbers_inside(body: list[tuple[int, list[str], str]], roles: list[str]) -> str:
    """With no number column, the role of the column whose cells start with counting numbers (1. 2. …):
    the task text (numbers printed inside it) or the category (numbered projects holding several rows).
    With a number column that numbers groups (its cell merged over several rows: 1 ⏎ ⏎ ⏎ 2 …) while the task
    cells count on their own (1. 2. 3. 4. …), the tasks' numbers are the ones inside their text."""
    if "number" in roles and "content" in roles:
        at, num = roles.index("content"), roles.index("number")
        cells = [clean_text(r[at]) for _i, r, _d in body if clean_text(r[at])]
        found = [int(m.group(1)) for c in cells if (m := _ENUMERATOR.match(c)) and m.group(1)]
        group_cells = [clean_text(r[num]) for _i, r, _d in body if clean_text(r[num])]
        groups = sum(1 for k, c in enumerate(group_cells) if k == 0 or c != group_cells[k - 1])  # merged: repeated
        counts = found == list(range(found[0], found[0] + len(found))) if found else False
        return "content" if len(found) >= 2 and len(found) == len(cells) and counts and groups < len(found) else ""
    if "number" in roles:
        return ""
    for role in ("content", "category"):
        if role not in roles:
            continue
        at = roles.index(role)
        cells = [clean_text(r[at]) for _i, r, _d in body if clean_text(r[at])]
        found = [int(m.group(1)) for c in cells if (m := _ENUMERATOR.match(c)) and m.group(1)]
        if len(found) >= 2 and len(found) >= 0.6 * len(cells) and found == sorted(found) and len(set(found)) == len(
                found):
            return role
    return ""


def _split_number(text: str) -> tuple[str, str]:
    m = _ENUMERATOR.match(text)
    if m and m.group(1) and text[m.end():].strip():
        return m.group(1), text[m.end():].strip()
    return "", text


_CATEGORY_END = LazyPattern(r"[。.；;：:]+$")


def _numbered_categories(body: list[tuple[int, list[str], str]], roles: list[str]) -> bool:
    """The category cells are numbered headings (一、… 二、… or 1. 2. …, two or more of them): their words are
    the category, without the enumerator and the final 。. Other category cells are kept as printed."""
    if "category" not in roles:
        return False
    at = roles.index("category")
    distinct = list(dict.fromkeys(clean_text(r[at]) for _i, r, _d in body if r[at] and not r[at].isspace()))
    numbered = [c for c in distinct if _ENUMERATOR.match(c) and c[_ENUMERATOR.match(c).end():].strip()]
    if numbered and len(numbered) == len(distinct) and all(_is_section_text(c) for c in numbered):
        return True  # one section so far (an excerpt), headed 一、 or （一）: a heading all the same
    return len(numbered) >= 2 and len(numbered) >= 0.6 * len(distinct)


def _category_text(text: str) -> str:
    """A category cell without its enumerator (一、 （一） 1.) and final 。 (the heading's words only)."""
    m = _ENUMERATOR.match(text)
    if m and text[m.end():].strip():
        text = text[m.end():]
    return _CATEGORY_END.sub("", text.strip())


def join_broken_header(grid: Grid) -> None:
    """A header whose labels were broken over two lines in narrow cells and copied as two rows of text (「序 | 任务 |
    牵头 | 完成」 over 「号 | 内容 | 单位 | 时限」): the two rows joined column by column, where every cell of both is
    short (three characters at most), every column filled in both rows joins into a label naming a role, and the
    joined row is a header with more labels known by name than the upper row alone."""
    for i in range(min(len(grid.rows) - 1, 12)):
        top, low = grid.rows[i], grid.rows[i + 1]
        pairs = [(clean_text(a), clean_text(b)) for a, b in zip(top, low, strict=False)] + [
            (clean_text(a), "") for a in top[len(low):]]
        if len(low) > len(top) or any(len(a) > 3 or len(b) > 3 for a, b in pairs):
            continue
        both = [a + b for a, b in pairs if a and b]
        joined = [a + b for a, b in pairs]
        if len(both) < 2 or not all(label_role(x) for x in both) or not is_header_row(joined) or sum(
                map(known_label, joined)) <= sum(map(known_label, top)):
            continue
        grid.rows[i] = joined
        del grid.rows[i + 1]
        if i + 1 < len(grid.row_numbers):
            del grid.row_numbers[i + 1]
        grid.doubts = {k - (k > i + 1): d for k, d in grid.doubts.items() if k != i + 1}
        grid.merged = {k - (k > i + 1): c for k, c in grid.merged.items() if k != i + 1}
        grid.notes.append("表头各格的文字分两行排印，已按列合并为一行：" + " | ".join(joined))
        return


def _merge_subheader(grid: Grid, header_at: int, report: BuildReport) -> None:
    """A second header row under a spanning cell (责任单位 over 牵头单位 | 配合单位) is merged into the header."""
    if header_at + 1 >= len(grid.rows):
        return
    header, sub = grid.rows[header_at], grid.rows[header_at + 1]
    merged = _flattened_tiers(grid, header_at) if grid.ragged else None
    if merged is None:
        sub = [_under_span(cell, _spanning(header, i)) for i, cell in enumerate(sub)]
        filled = [c for c in sub if clean_text(c)]
        if not filled or not all(label_role(c) for c in filled) or len(filled) > len(sub) - 1:
            return
        merged = list(header) + [""] * max(0, len(sub) - len(header))
        for i, cell in enumerate(sub):
            if clean_text(cell):
                merged[i] = cell
            elif i > 0 and not clean_text(merged[i]):
                merged[i] = merged[i - 1]
    grid.rows[header_at] = merged
    del grid.rows[header_at + 1]
    if header_at + 1 < len(grid.row_numbers):
        del grid.row_numbers[header_at + 1]
    report.notes.append("表头有两行，已合并为一行：" + " | ".join(clean_text(c).replace("\n", "") for c in merged))


def _flattened_tiers(grid: Grid, header_at: int) -> list[str] | None:
    """A two-row header of separated text that lost its spans: the second row holds only the labels under one span
    of the first (「序号 | 工作任务 | 责任单位 | 完成时限」 over 「牵头单位 | 配合单位」), and the rows below are as
    wide as the header with the span replaced by them (`two_tier_labels`)."""
    header = [clean_text(c) for c in grid.rows[header_at] if clean_text(c)]
    sub = [clean_text(c) for c in grid.rows[header_at + 1]]
    if not all(sub) or len(sub) >= len(header):
        return None
    joined = two_tier_labels(header, sub)
    widths = [len([c for c in r if clean_text(c)]) for r in grid.rows[header_at + 2:header_at + 42]]
    if joined is None or not widths or max(widths) != len(joined):
        return None
    return joined


def _spanning(header: list[str], at: int) -> str:
    """The header cell over column `at`: its own, or the one spanning it from the left (a spanned cell is "")."""
    while at > 0 and (at >= len(header) or not clean_text(header[at])):
        at -= 1
    return header[at] if at < len(header) else ""


_SPAN_NOUN = LazyPattern(r"(单位|部门|科室|处室)$")


def _under_span(cell: str, over: str) -> str:
    """A sub-label as its column means it: under a spanning unit label (责任单位 over 牵头 | 配合) a short word that is
    no label alone (配合) says which units, so it reads with the span's noun (配合单位); any other cell as printed."""
    label = normalise_label(cell)
    if not label or label_role(cell) or len(label) > 4:
        return cell
    noun = _SPAN_NOUN.search(normalise_label(over))
    if noun and known_label(label + noun.group(1)) and label_role(label + noun.group(1)) in ("lead", "units"):
        return label + noun.group(1)
    return cell


def two_tier_labels(top: list[str], sub: list[str]) -> list[str] | None:
    """One header row from a two-row header copied without its spans: `top`, then the labels under its spanning
    unit label (责任单位 over 牵头单位 | 配合单位). The span is the last label of `top` naming units; its place takes
    the sub-labels, read under it (`_under_span`). None unless there are two sub-labels or more and each names a
    lead or units column."""
    spans = [p for p, label in enumerate(top) if label_role(label) in ("lead", "units")]
    if len(sub) < 2 or not spans:
        return None
    under = [_under_span(label, top[spans[-1]]) for label in sub]
    if not all(label_role(label) in ("lead", "units") for label in under):
        return None
    return [*top[:spans[-1]], *under, *top[spans[-1] + 1:]]


def sub_label(text: str, above: list[str]) -> bool:
    """`text` is no label alone but one under a spanning unit label among `above` (配合 under 责任单位)."""
    return not label_role(text) and any(label_role(_under_span(text, over)) for over in above
                                        if label_role(over) in ("lead", "units"))


def _drop_sub_labels(grid: Grid, header_at: int, report: BuildReport) -> None:
    """A second header line of flattened text holding only the sub-labels of merged groups (投资 | 形象进度 | 完成投资 |
    % under 本年计划 and 本年进展): which group each belongs to was lost with the spans, so the line is left out —
    never a task. Only a line of two short labels or more, fewer than the header's, none a number, unit name or
    sentence, not opened by a section number (一 | 产业发展 is a heading), with a numbered row under it."""
    if header_at + 2 >= len(grid.rows):
        return
    sub = [clean_text(c) for c in grid.rows[header_at + 1] if clean_text(c)]
    header = [c for c in grid.rows[header_at] if clean_text(c)]
    after = next((clean_text(c) for c in grid.rows[header_at + 2] if clean_text(c)), "")
    if len(sub) < 2 or len(sub) >= len(header) or not _NUMBER_CELL.match(after) or _ZH_NUMBER.match(sub[0]) \
            or _is_section_text(sub[0]) or not all(
            len(c.replace(" ", "")) <= 8 and (c in ("%", "％") or (is_label_like(c) and cell_kind(c) == "short"))
            for c in sub):
        return
    report.notes.append(f"第 {grid.row_number(header_at + 1)} 行（{' | '.join(sub)}）是表头的第二行（合并表头下的分项），"
                        "不作为任务")
    del grid.rows[header_at + 1]
    if header_at + 1 < len(grid.row_numbers):
        del grid.row_numbers[header_at + 1]
    grid.doubts = {k - (k > header_at + 1): d for k, d in grid.doubts.items() if k != header_at + 1}
    grid.merged = {k - (k > header_at + 1): c for k, c in grid.merged.items() if k != header_at + 1}


def _widen_header(grid: Grid, header_at: int, report: BuildReport) -> list[str]:
    """When most rows have more cells than the header (a header cell spanning two), keep the extra cells."""
    header = list(grid.rows[header_at])
    widths = [len(r) for r in grid.rows[header_at + 1:] if any(clean_text(c) for c in r)]
    if widths:
        common = max(set(widths), key=widths.count)
        if common > len(header):
            report.notes.append(f"表头有 {len(header)} 列，但多数行有 {common} 列；多出的列已作为「列N」保留，请核对")
            header += [""] * (common - len(header))
    return header


def _find_header(grid: Grid, overrides: dict[str, str] | None = None) -> int | None:
    """The first row that is a header by its labels alone; else the first label-like row (unknown task label)."""
    for strict in (True, False):
        for i, row in enumerate(grid.rows):
            known = [r for r in (label_role(c, overrides) for c in row) if r]
            if strict and len(known) >= 2 and ("content" in known or "category" in known):
                return i
            if not strict and is_header_row(row, overrides):
                return i
    return None


_HEADING_NOTE = LazyPattern(r"^[（(]?\s*(?:注|备注|说明)\s*\d?\s*[:：]")
_LISTED_ATTACHMENT = LazyPattern(r"^(?:附\s*件\s*[:：]\s*)?(\d{1,2})\s*[.．、]\s*(\S.{2,60})$")


def _listed_title(lines: list[str], number: str) -> str:
    """The title a notice gives attachment `number` in its list of attachments (附件:1. …⏎2. …), or ""."""
    for i, line in enumerate(lines):
        if not re.match(r"^附\s*件\s*[:：]\s*\d", line):
            continue
        for item in lines[i:i + 10]:
            m = _LISTED_ATTACHMENT.match(item)
            if not m:
                break
            if m.group(1) == number:
                return m.group(2).strip()
    return ""


# What a saved or copied web page prints around an article, never its title: publication data, counters, the
# font-size and share buttons, the breadcrumb.
_PAGE_CHROME = LazyPattern(
    r"发布(?:时间|日期|机构)|发文日期|成文日期|信息来源|文章来源|来\s*源\s*[:：]|(?:浏览|阅读|点击|访问)(?:次数|量|数)?\s*[:：]"
    r"|\d{1,2}:\d{2}:\d{2}|字体(?:大小)?\s*[:：]?\s*[【\[]|[【\[]\s*大\s*中\s*小\s*[】\]]|分享(?:到)?\s*[:：]|打印本页|关闭窗口|责任编辑|^作\s*者\s*[:：]"
    r"|当前位置|您(?:现在)?的?位置|首页\s*[>＞»]|索\s*引\s*号|主题分类|^\W?\s*中文名\s*[:：]|^关键词"
    r"|^\S{0,4}(?:领导|负责人|联系人|责任人|电话|审核|校对|记者|通讯员)\s*[:：]")
# A line that is only a date or a time stamp (2022-07-14, 13.03.2015 07:51, 二○○七年四月四日).
_DATE_ONLY = LazyPattern(r"^[（(]?[\d\s:：.．\-/年月日时分○〇零一二三四五六七八九十]{6,24}[）)]?$")
# A signature date or 特此通知 run onto the next line (二○一一年四月六日2011年市政府重点工作…), a site's column tag in
# 【】 before the title.
_TITLE_PREFIX = LazyPattern(r"^(?:[○〇零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
                            r"|\d{4}年\d{1,2}月\d{1,2}日|特此通知。?|【[^】]{1,20}】)(?=\S{4})")


def _signature(line: str) -> bool:
    """The issuing office alone on a short line under a notice (某区人民政府办公室), never a list's title."""
    bare = re.sub(r"\s+", "", simplified(line))
    return (len(bare) <= 24 and not re.search(r"[。，,；;：:！？（）()、]", bare) and org_like(bare)
            and not _LIST_WORD.search(bare))


_LIST_WORD = LazyPattern(r"(清单|方案|计划|任务|要点|分工|分解|意见|通知|实事|表)$")


def _title_lines(lines: list[str]) -> list[str]:
    """The lines above a list that may hold its title: without a web page's chrome, bare dates and time stamps,
    an addressee or any line that announces what follows (…：), a person or a contact (主管领导：刘东) and
    a signature (the issuing office alone, a date), a note or document number alone in brackets, and a word or two
    that names no list (政策全文 — a short 任务分工表 stays); a signature date, 特此通知 or a site's 【栏目】 glued before a
    title is cut off.
    The 附件 label lines stay: they place the title."""
    out = []
    for line in lines:
        if _LABEL_LINE.match(line):
            out.append(line)
            continue
        if (_PAGE_CHROME.search(simplified(line)) or _DATE_ONLY.match(line) or line.endswith((":", "：", "——"))
                or _BRACKET_NOTE.match(line) or _signature(line)
                or (len(line) < 6 and not _TITLE_END.search(simplified(line)))):
            continue
        out.append(_TITLE_PREFIX.sub("", line, count=1))
    return out


_SECTION_HEAD = LazyPattern(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]|\d{1,2}\s*[、.．](?!\d))")
# A note or a document number alone in brackets under a title (（此件公开发布）, （区政办发〔2024〕5号）).
_BRACKET_NOTE = LazyPattern(r"^[（(](?:此件|本件|.{0,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号)[^（）()]*[）)]$")
# The last word of a short title (任务分工表, 责任清单, 实施方案).
_TITLE_END = LazyPattern(r"(表|单|案|账|划|见|知|点|解|务|事)$")
# A line that continues the title above it: a bracket alone (（征求意见稿）, （2023年）) or one that opens with a joining
# word (和…, 及…, 的…).
_TITLE_GOES_ON = LazyPattern(r"^(?:[（(][^（）()]{1,20}[）)]$|[和及与的暨])")
_DOC_NUMBER_ONLY = LazyPattern(r"^\S{1,12}\s*[〔\[【(（［]\s*\d{4}\s*[〕\]】)）］]\s*\d+\s*[号號]$")


def _pick_title(lines: list[str]) -> str:
    """The list's title among the last lines above it: the nearest line that reads as a title (short, no
    sentence in it), passing over a preface sentence under the title, a document number and a section heading
    (一、… right above the table heads its first rows, the title is above it); a section heading only when
    nothing else is there."""
    near = [ln for ln in lines[-8:] if len(ln) <= 60 and not re.search(r"[。；;！!？?]", ln.rstrip("。"))
            and not ln.endswith(("。", "；", ";")) and not _DOC_NUMBER_ONLY.match(ln)]
    plain = [ln for ln in near if not _SECTION_HEAD.match(ln)]
    if not plain:  # the notice's subject names the document: 关于印发《X》的通知, 关于征求《X》意见的函
        printed = next((m.group(1) for ln in reversed(lines) for m in [_PRINTED_TITLE.search(ln)] if m), "")
        if printed:
            return printed
    title = (plain or near or [""])[-1]
    printed = _PRINTED_TITLE.search(title)
    if printed:  # 关于印发《X》的通知 above the list: the list is X
        return printed.group(1)
    at = len(lines) - 1 - lines[::-1].index(title) if title else 0
    while title and at > 0 and _TITLE_GOES_ON.match(title) and not re.search(r"[。；;：:]$", lines[at - 1]) \
            and len(lines[at - 1]) + len(title) <= 90 and not _SECTION_HEAD.match(lines[at - 1]):
        at -= 1  # a title wrapped onto a second line (「…实施意见」 ⏎ 「（征求意见稿）」, 「…涉杭任务」 ⏎ 「和市…分解」)
        if lines[at].endswith(title):  # the page printed it whole above its wrapped copy
            return lines[at]
        title = lines[at] + title
    return title


def _read_heading(lines: list[str], ds: Dataset) -> None:
    """Title, attachment label, document number and issuer from the lines above the table. A line of a table
    flattened to ` | ` cells (「附件1 |」) is read without its bars; a note above the header (「(注:A类指…)」) is
    never the title; an attachment printed with its label but no title takes the title the notice's list of
    attachments gives it (附件:1. …)."""
    listed = [part.strip().strip("|").strip() for ln in lines for part in ln.split("\n")
              if part.strip().strip("|").strip()]
    everything = listed
    lines = _title_lines([ln for ln in listed if not _HEADING_NOTE.match(ln)])
    label_at = None
    for i in range(len(lines) - 1, max(-1, len(lines) - 6), -1):
        if _LABEL_LINE.match(lines[i]):
            label_at = i
            break
    if label_at is not None:
        ds.attachment_label = lines[label_at]
        m = _LABEL_LINE.match(lines[label_at])
        ds.attachment_number = m.group(1) or "" if m else ""
        ds.title = "".join(lines[label_at + 1:]) or _listed_title(listed[:listed.index(lines[label_at])],
                                                                   ds.attachment_number)
    else:
        ds.title = _pick_title(lines)
    if not ds.title:
        for line in lines:
            m = _PRINTED_TITLE.search(line)
            if m:
                ds.title = m.group(1)
                break
    for line in everything:
        m = _DOC_NUMBER.search(line)
        if m and not ds.doc_number:
            ds.doc_number = m.group(0)
        if line.endswith("文件") and len(line) <= 30 and not ds.issuer:
            ds.issuer = line[:-2].strip()


def _cell(row: list[str], roles: list[str], role: str) -> str:
    return row[roles.index(role)] if role in roles and roles.index(role) < len(row) else ""


def _read_tasks(grid: Grid, body: list[tuple[int, list[str], str]], roles: list[str], numbered_in: str,
                report: BuildReport, lost: dict[int, set[int]] | None = None,
                labels: dict[str, str] | None = None) -> list[Task]:
    """One task per row; a row with no number of its own continues the task above when the table numbers
    its rows (a flattened merged cell: only a deadline, a unit or a second line of text); a category left
    blank takes the one above (merged), and with it the number when the numbers are the category's.
    A row with its own text that lost cells when the table was flattened (`lost`, from `_realign`) takes
    the number, units and deadline of the row above for those cells — they were merged over both rows —
    and is marked doubtful."""
    tasks: list[Task] = []
    taken: set[str] = set()
    category = ""
    shown: dict[str, str] = {}  # category cell → its words (a merged category repeats on many rows)
    numbered = "number" in roles or numbered_in == "content"
    counted: list[int] = []

    def mostly_numbered(share: float = 0.8) -> bool:  # counted once, when a row without a number needs it
        if not counted:
            counted.append(sum(1 for _i, r, _d in body if _row_number(r, roles, numbered_in)[0]))
        return counted[0] >= share * len(body)
    named = _named_numbers(body, roles, numbered_in)
    guessed = _guessed_columns(body, roles, report)
    numbered_categories = numbered_in == "category" or _numbered_categories(body, roles)
    section = ""
    for k, (i, row, doubt) in enumerate(body):
        if not grid.from_items and i not in grid.sections and _is_total_or_note(row):
            report.notes.append(f"第 {grid.row_number(i)} 行是合计或注释行，不作为任务")
            continue
        after = body[k + 1][1] if k + 1 < len(body) else None
        counted_on = not grid.from_items and _continues_numbering(row, roles, tasks, after)
        # a row whose number cell is merged down over the next row is a task's first row, never a section heading
        # (in Word, its number cell merged down; copied as text, the next row lost its number and this row's text
        # ends a sentence, as a section heading's name does not)
        number_merged_down = k + 1 < len(body) and (body[k + 1][0] in grid.continued or (
            "number" in roles and roles.index("number") in (lost or {}).get(body[k + 1][0], set())
            and _ends_sentence(clean_text(_cell(row, roles, "content")))))
        if i in grid.sections:
            heading = _category_text(next((clean_text(c) for c in row if clean_text(c)), ""))
        else:
            heading = None if grid.from_items or counted_on or number_merged_down else _section_heading(row, roles)
        if heading is not None:
            section = heading
            report.notes.append(f"第 {grid.row_number(i)} 行「{heading[:20]}」是分节标题，作为其下任务的类别")
            continue
        number, content = _row_number(row, roles, numbered_in)
        merged_from_above = _lost_roles(row, roles, (lost or {}).get(i, set())) if tasks and content else []
        if "number" in merged_from_above and number:  # its own number, printed in its text (2.… under a group's)
            merged_from_above.remove("number")
        if "number" in merged_from_above:
            number = tasks[-1].number
        if "number" in merged_from_above and _ends_sentence(tasks[-1].content) and not named:
            # a sub-row: its number (and the units, deadline it lacks) merged with the row above, going on after a
            # finished sentence with one of its own: the task's next part (under a label, as in a table of
            # indicators, a row of its own figures is an item of its own)
            if "lead" in roles and "units" in roles and tasks[-1].lead_units and not clean_text(_cell(row, roles, "units")):
                at, to = roles.index("lead"), roles.index("units")  # its one unit cell: a further unit of the task,
                row = list(row)  # whose one lead was merged over its rows
                row[to], row[at] = row[at], ""
            _continue_task(tasks[-1], row, roles, content)
            names = "」「".join((labels or {}).get(r) or ROLE_NAMES_ZH.get(r, r) for r in merged_from_above)
            tasks[-1].doubt = _and(tasks[-1].doubt, f"第 {grid.row_number(i)} 行的「{names}」格与上一行合并，"
                                                    "作为本项的一部分并入（也可能是同一序号下单独的一项）")
            report.notes.append(f"第 {grid.row_number(i)} 行没有序号，「{names}」格与上一行合并，已并入上一项任务"
                                f"（{tasks[-1].number}）")
            continue
        inherited = False
        if section and "category" not in roles:
            task_category = section
        if "category" in roles:
            cell = clean_text(_cell(row, roles, "category"))
            inherited = not cell and not grid.filled
            category = cell or ("" if grid.filled else category)
            if numbered_in == "category":
                number = _split_number(category)[0] if content or not inherited else ""
        if not number and tasks and i in grid.continued and named:  # a project's (or category's) row: a task
            number = tasks[-1].number  # of its own under the number merged over it
            doubt = _and(doubt, f"序号「{number}」与上一行合并，每行都有自己的内容，按同一序号下单独的一项读入（也可能是上一项的续行）")
        if not number and tasks and i in grid.continued:  # its number cell merged with the row above
            _continue_task(tasks[-1], row, roles, content)
            tasks[-1].doubt = _and(tasks[-1].doubt, f"第 {grid.row_number(i)} 行的序号与上一行合并，已并入本项"
                                                    "（也可能是同一序号下的另一项任务）")
            report.notes.append(f"第 {grid.row_number(i)} 行的序号与上一行合并，已并入上一项任务（{tasks[-1].number}）")
            continue
        if not number and tasks and (not content or (numbered and _has_units_or_deadline(row, roles)
                                                     and mostly_numbered())):
            _continue_task(tasks[-1], row, roles, content)
            tasks[-1].doubt = _and(tasks[-1].doubt, f"第 {grid.row_number(i)} 行没有序号，已并入本项")
            report.notes.append(f"第 {grid.row_number(i)} 行没有序号，已并入上一项任务（{tasks[-1].number}）")
            continue
        if (not number and tasks and content and numbered and mostly_numbered(0.5) and (tasks[-1].lead_units or tasks[-1].units)
                and not _has_units_or_deadline(row, roles) and not _other_text(row, roles)
                and 4 <= len(content) <= 40 and not content.endswith("。") and not _LABEL_LINE.match(content)
                and not tasks[-1].content.endswith("。")):
            _continue_task(tasks[-1], row, roles, content, "；")  # its own figures (目标数, 进度 …) kept with the task's
            tasks[-1].doubt = _and(tasks[-1].doubt, f"第 {grid.row_number(i)} 行没有序号和单位，作为本项的又一项目标并入"
                                                    "（也可能是同一序号下单独的一项）")
            report.notes.append(f"第 {grid.row_number(i)} 行没有序号和单位，已作为又一项目标并入上一项任务"
                                f"（{tasks[-1].number}）")
            continue
        if category not in shown:
            shown[category] = _category_text(category) if numbered_categories else category
        task = _make_task(row, roles, number, content, shown[category] if "category" in roles else "", taken)
        if section and "category" not in roles:
            task.category = task_category
        if not number and numbered and mostly_numbered(0.5):
            doubt = _and(doubt, "此行没有序号，按一项单独的任务读入（也可能是上一项的续行）")
        if numbered_in == "category" and inherited and tasks and number:
            doubt = _and(doubt, f"合并单元格，沿用上一行的序号 {number}")
        for at, meaning, kind in guessed:
            if clean_text(row[at]) and cell_kind(row[at]) != kind:  # this task's cell (an empty one is just empty) is not like the others the role was guessed from
                doubt = _and(doubt, f"「{meaning}」列是按内容判断的，本行该格「{clean_text(row[at])[:12]}」与该列其他行不同")
        if counted_on and not (task.lead_units or task.units) and _section_heading(row, roles) is not None:
            doubt = _and(doubt, "此行没有单位，序号接着上一项，按任务读入（也可能是分节标题）")
        if merged_from_above:
            _inherit(task, tasks[-1], merged_from_above)
            names = "」「".join((labels or {}).get(r) or ROLE_NAMES_ZH.get(r, r) for r in merged_from_above)
            doubt = _and(doubt.replace(SHORT_ROW_DOUBT, "").strip("；"),
                         f"此行单元格少于表头，「{names}」格应是与上一行合并的单元格，已沿用上一行的内容")
        task.doubt = _and(doubt, task.doubt) if task.doubt else doubt
        tasks.append(task)
    return tasks


_TOTAL = LazyPattern(r"^(合\s*计|总\s*计|小\s*计|共\s*计|總\s*計|合\s*計|总\s*分|總\s*分)$")
_NOTE_LEAD = LazyPattern(r"^(备\s*注|注|(?:填表|填报)?说\s*明|備\s*註|註|(?:填表|填報)?說\s*明)\s*\d?\s*[:：]")


def _is_total_or_note(row: list[str]) -> bool:
    """A total row (合计 | 9项, its first filled cell only 合计/小计/总计) or a note row under the table (one cell:
    注：… 备注：… 说明：…): part of the table, not a task."""
    filled = [clean_text(c) for c in row if clean_text(c)]
    if not filled:
        return False
    return bool(_TOTAL.match(filled[0])) or (len(filled) == 1 and bool(_NOTE_LEAD.match(filled[0])))


_INHERITED_ROLES = ("number", "lead", "units", "deadline")


def _lead_cells_merged(body: list[tuple[int, list[str], str]], roles: list[str], short: set[int],
                       lost: dict[int, set[int]]) -> None:
    """Rows of text copied out of a web page that lack their lead cell where the row above has one (「2 | 新增托位
    1140个 |」 under 「1 | … | 市卫健局 |」): the cell was merged over them (a lead printed once for several tasks,
    so it left no trace in the copy, not even an empty cell), and they take it from above (`lost`, flagged). Only
    the first unit column (牵头单位, or 责任单位 when it is the only one: every task has one) and only numbered rows
    with their text: a 配合单位 cell may just be empty."""
    col = next((c for c, r in enumerate(roles) if r == "lead"), None)
    if col is None:
        col = next((c for c, r in enumerate(roles) if r == "units"), None)
    if col is None or "number" not in roles or "content" not in roles:
        return
    number, content = roles.index("number"), roles.index("content")
    second = next((c for c, r in enumerate(roles) if r == "units"), None) if roles[col] == "lead" else None
    if second is not None:  # one unit cell where two columns stand: the second's when it names more units than any
        sizes = [len(split_units(r[col]).names) for i, r, _d in body  # lead of the list, or repeats the one above
                 if i not in short and clean_text(r[col]) and clean_text(r[second])]
        for (_before, above, _d), (i, row, _doubt) in zip(body, body[1:], strict=False):
            cell = clean_text(row[col])
            if i in short and cell and not clean_text(row[second]) and (
                    (sizes and len(split_units(cell).names) > max(sizes))
                    or (cell == clean_text(above[second]) != clean_text(above[col]))):
                row[second], row[col] = row[col], ""
    for (before, above, _d), (i, row, _doubt) in zip(body, body[1:], strict=False):
        if i in short and not clean_text(row[col]) and clean_text(row[number]) and clean_text(row[content]) \
                and (clean_text(above[col]) or col in lost.get(before, ())):
            lost.setdefault(i, set()).add(col)


def _named_numbers(body: list[tuple[int, list[str], str]], roles: list[str], numbered_in: str) -> bool:
    """Every numbered row names a project (or category) of its own in the category column (项目名称 merged with the
    序号 over its rows, or a 类别 counted by the 序号): the rows under a number are its items, each a task of its own
    under that number — not the sub-rows of one task, as they are under a number alone or under a category spanning
    several numbers."""
    rows = [r for _i, r, _d in body if _row_number(r, roles, numbered_in)[0]]
    names = [clean_text(_cell(r, roles, "category")) for r in rows]
    return "category" in roles and bool(rows) and all(names) and len(set(names)) == len(names)


def _lost_roles(row: list[str], roles: list[str], lost: set[int]) -> list[str]:
    """The roles among number, lead, units and deadline whose cells this row lost (and has empty)."""
    return [roles[c] for c in sorted(lost) if roles[c] in _INHERITED_ROLES and not clean_text(row[c])]


def _inherit(task: Task, above: Task, roles: list[str]) -> None:
    """Copy the units or deadline of the task above into a task whose cells for them were merged with it."""
    if "lead" in roles:
        task.lead_units, task.lead_open, task.lead_text = list(above.lead_units), above.lead_open, above.lead_text
    if "units" in roles:
        task.units, task.units_open, task.units_text = list(above.units), above.units_open, above.units_text
    if "deadline" in roles:
        task.deadline = above.deadline


def _continues_numbering(row: list[str], roles: list[str], tasks: list[Task], after: list[str] | None) -> bool:
    """The row's number follows the number of the task above in the same style (十一 after 十, 12 after 11), or
    the next row's number follows it (一 then 二: a list numbered in Chinese numerals from its first row): a task
    of the list — however few cells it has — never a section heading."""
    if "number" not in roles:
        return False
    number = clean_text(_cell(row, roles, "number"))
    following = clean_text(_cell(after, roles, "number")) if after is not None else ""
    return any(_successive(a, b) for a, b in ((tasks[-1].number if tasks else "", number), (number, following)))


def _successive(before: str, number: str) -> bool:
    """`number` comes right after `before`, both written the same way (both Arabic, or both Chinese numerals)."""
    if not number or not before or number.isdigit() != before.isdigit():
        return False
    value, previous = zh_number(number), zh_number(before)
    return value is not None and previous is not None and value == previous + 1


def _is_section_text(text: str) -> bool:
    m = _ENUMERATOR.match(clean_text(text))
    return m is not None and (m.group(3) or m.group(4)) is not None


_ZH_NUMBER = LazyPattern(r"^[一二三四五六七八九十]{1,3}\s*[、.．]?$")


def _section_heading(row: list[str], roles: list[str]) -> str | None:
    """The words of a section row (一、产业发展 spanning the table, or 一 | 产业发展 with no unit and no
    deadline) that heads the tasks below it; None for any other row. A figure in a column of no role beside it (the
    section's total score or sum, 一、 | 夯实基础 | 20) does not make it a task."""
    filled_cells = 0
    for k, c in enumerate(row):  # a task row (number, text, units …), the common case, is told at its third filled cell
        if c and not c.isspace() and not (k < len(roles) and roles[k].startswith(EXTRA_PREFIX)
                                          and _FIGURE_CELL.match(c.strip())):
            filled_cells += 1
            if filled_cells > 2:
                return None
    filled = [(k, clean_text(c)) for k, c in enumerate(row) if clean_text(c) and not (
        k < len(roles) and roles[k].startswith(EXTRA_PREFIX) and _FIGURE_CELL.match(clean_text(c)))]
    if not filled or _has_units_or_deadline(row, roles):
        return None
    if len(filled) == 1:
        at, text = filled[0]
        m = _ENUMERATOR.match(text)
        zh = m is not None and (m.group(3) or m.group(4)) is not None
        if zh or (roles[at] == "number" and not _NUMBER_CELL.match(text) and len(text) <= 40):
            return _category_text(text)
        return None
    if len(filled) == 2 and "number" in roles and filled[0][0] == roles.index("number") and _ZH_NUMBER.match(
            filled[0][1]) and len(filled[1][1]) <= 40:
        return _category_text(filled[1][1])
    return None


def _guessed_columns(body: list[tuple[int, list[str], str]], roles: list[str],
                     report: BuildReport) -> list[tuple[int, str, str]]:
    """(column, meaning, commonest kind) of the task, unit and number columns whose role was read from content;
    each is also noted once for the whole list."""
    out: list[tuple[int, str, str]] = []
    if not report.guessed:
        return out
    wanted = {"任务内容": "content", "责任单位": "units", "序号": "number"}
    evidence = column_evidence([r for _i, r, _d in body], len(roles))
    for label, meaning in report.guessed.items():
        role = wanted.get(meaning)
        if role in roles:
            at = roles.index(role)
            out.append((at, meaning, evidence[at].kind))
        report.notes.append(f"「{label}」列的含义是按内容判断的：{meaning}（如不对，请用 --column 指定）")
    return out


def _row_number(row: list[str], roles: list[str], numbered_in: str) -> tuple[str, str]:
    number = clean_text(_cell(row, roles, "number"))
    if number[-1:] in NUMBER_MARKS and number[:-1].strip().rstrip(".、．").isdigit():  # 1* 3★: a marked task
        number = number[:-1].strip()
    if number[:1] in NUMBER_MARKS and number[1:].strip().rstrip(".、．").isdigit():  # ★6: the mark printed before
        number = number[1:].strip()
    if number[-1:] in (".", "、", "．") and number[:-1].strip().isdigit():  # 1. 1、 (Word's numbering, or typed)
        number = number[:-1].strip()
    content = clean_text(_cell(row, roles, "content"))
    if numbered_in == "content":
        number, content = _split_number(content)
    return number, content


def _other_text(row: list[str], roles: list[str]) -> bool:
    """The row has text in a kept column other than the task's that is more than a figure (a remark, progress)."""
    return any(role.startswith(EXTRA_PREFIX) and cell_kind(c) in ("sentence", "short", "unit", "deadline")
               for role, c in zip(roles, row, strict=False))


def _has_units_or_deadline(row: list[str], roles: list[str]) -> bool:
    return any(clean_text(_cell(row, roles, r)) for r in ("lead", "units", "deadline"))


def _is_repeated_header(row: list[str], header_norm: list[str]) -> bool:
    norm = [normalise_label(c) for c in row]
    matches = sum(1 for a, b in zip(norm, header_norm, strict=True) if a and a == b)
    return matches >= max(2, len([h for h in header_norm if h]) - 1)


def _make_task(row: list[str], roles: list[str], number: str, content: str, category: str,
               taken: set[str]) -> Task:
    task = Task(key=make_task_key(content or number, taken), number=number, content=content, category=category)
    _set_units(task, _cell(row, roles, "lead"), _cell(row, roles, "units"))
    task.deadline = clean_text(_cell(row, roles, "deadline"))
    for role, value in zip(roles, row, strict=True):
        if role.startswith(EXTRA_PREFIX):
            task.extra[role[len(EXTRA_PREFIX):]] = clean_text(value)
    return task


def units_from_cells(lead_cell: str, units_cell: str) -> tuple[SplitResult, SplitResult]:
    """Lead and responsible units from the two cells; a lone unit cell may itself name the lead
    ("X牵头，Y、Z配合", "牵头单位：X；配合单位：Y", "X（牵头）、Y", "★X、Y"), or state the document's rule that the first
    name leads, glued to its last name ("A、B、C（列第一位者为牵头单位，下同）"): the rule is no name, and the
    first name of that cell leads (`first_unit_leads` applies the rule to the other rows)."""
    from .readers.items import cut_lead_rule, states_first_leads

    rule = states_first_leads(units_cell)
    if rule:
        units_cell = cut_lead_rule(units_cell)
    if states_first_leads(lead_cell):
        lead_cell = cut_lead_rule(lead_cell)
    if clean_text(lead_cell) and not clean_text(units_cell):
        # one column 牵头及责任单位 taken for the lead: its cell may say who leads and who helps (「X牵头，Y配合」,
        # 「牵头单位：X ⏎ 配合单位：Y」) — read as a lone unit cell is, its names all leads only when it says nothing
        lead, units = units_from_cells("", lead_cell)
        return (lead, units) if lead.names else (units, lead)
    if not clean_text(lead_cell) and clean_text(units_cell):
        from .readers.items import parse_clause

        after = _STAR_AFTER.findall(units_cell)
        if after and split_units(_STAR_AFTER.sub(lambda m: m.group(1), units_cell)).names[:len(after)] != after:
            after = []  # (a star after a later name, 「市园林局、各区政府*」, is a footnote's mark, not the lead's)
            units_cell = _STAR_AFTER.sub(lambda m: m.group(1), units_cell)
        marked = _LEAD_MARK.findall(units_cell) + _STAR_MARK.findall(units_cell) + after
        if marked:
            unmarked = _STAR_AFTER.sub(lambda m: m.group(1), units_cell)
            units = split_units(_STAR_MARK.sub(lambda m: m.group(1), _LEAD_MARK.sub(lambda m: m.group(1), unmarked)))
            lead = [n for n in units.names if n in marked]
            rest = SplitResult([n for n in units.names if n not in lead], units.open, units.notes)
            return SplitResult(lead), rest
        found = parse_clause(clean_text(units_cell).replace("\n", "；"), first_leads=rule)
        if found.get("lead"):
            return split_units(found["lead"]), split_units(found.get("units", ""))
    return split_units(lead_cell), split_units(units_cell)


_LEAD_MARK = re.compile(r"([^、，,；;\s（(]+)\s*[（(]\s*牵头\s*[）)]")
# A star before a name marks the lead (「★区发改委、统计局」, a table's legend 「带★的为牵头单位」).
_STAR_MARK = re.compile(r"[★☆]\s*([^、，,；;\s★☆]+)")
# …or a star after it (「区政府办公室*、区财政局」, 「带*的为牵头单位」)
_STAR_AFTER = re.compile(r"([^、，,；;\s*＊★☆]+?)\s*[*＊★☆](?=\s*(?:$|[、，,；;]))")


def first_unit_leads(tasks: list[Task], texts: list[str], report: BuildReport) -> None:
    """A rule the document states once — above the table, in a header label or in a note under it
    (「责任单位中排在第一位的为牵头单位」, 「列第一位者为牵头单位」) — makes the first unit of every task whose
    lead is not named its lead. The cells keep their printed text."""
    from .readers.items import states_first_leads

    rule = next((t for t in texts if states_first_leads(t)), None)
    if rule is None:
        return
    moved = 0
    for task in tasks:
        if not task.lead_units and task.units:
            task.lead_units, task.units = task.units[:1], task.units[1:]
            task.lead_open, task.units_open = task.units_open and not task.units, task.units_open and bool(task.units)
            moved += 1
    if moved:
        report.notes.append(f"文件说明「{clean_text(rule)[:30]}」：{moved} 项任务的第一个责任单位作为牵头单位")


def _units_name_the_lead_again(tasks: list[Task], report: BuildReport) -> None:
    """A list whose 责任单位 cell names every unit at work, the lead among them (责任单位 「区发改局、区经商局」
    beside 牵头单位 「区发改局」): the lead has its own column, so the responsible units are the others. Read so
    only when most tasks with both cells print the lead again among the units — the list's own way of writing;
    where only a few do (an owner that is also its group's lead), both stay as printed. The cells' printed text
    is kept, so the attachment prints them as the list did."""
    both = [t for t in tasks if t.lead_units and t.units]
    again = [t for t in both if set(t.lead_units) & set(t.units)]
    if len(both) < 3 or len(again) * 2 <= len(both):
        return
    for task in again:
        task.units = [u for u in task.units if u not in task.lead_units]
    report.notes.append(f"{len(again)} 项任务的责任单位中又列了牵头单位（本清单的写法）：牵头单位只作牵头，责任单位为其余单位")


def _name_lead_column(ds: Dataset) -> None:
    """Leads read from a unit cell (「X牵头，Y配合」, a document rule) in a table without a 牵头单位 column: the
    dataset gets the lead role, placed before the units, so both stores keep the leads (the 任务总表 writes one
    column per role) and the attachment prints them in that column, the units cell without them."""
    if "lead" in ds.columns or not any(t.lead_units for t in ds.tasks):
        return
    columns: dict[str, str] = {}
    for role, label in ds.columns.items():
        if role == "units":
            columns["lead"] = "牵头单位"
        columns[role] = label
    columns.setdefault("lead", "牵头单位")
    ds.columns = columns
    for task in ds.tasks:  # the cells as the new columns print them
        if task.lead_units and not task.lead_text:
            task.lead_text = "、".join(task.lead_units) + ("等" if task.lead_open else "")
            task.units_text = "、".join(task.units) + ("等" if task.units_open and task.units else "")


def _notes_below(grid: Grid, header_at: int) -> list[str]:
    """Cells below the header that speak of 牵头 (a 注 row under the table), for `first_unit_leads`."""
    return [c for row in grid.rows[header_at + 1:] for c in row if "牵头" in c or "牽頭" in c]


def _set_units(task: Task, lead_cell: str, units_cell: str) -> None:
    """The task's lead and responsible units from its two cells. A bare number (1, 2., （3）) is never a unit: a
    unit column that holds one was read out of place; it is left out, and the task says so."""
    lead, units = units_from_cells(lead_cell, units_cell)
    numbers = [n for n in [*lead.names, *units.names] if _NUMBER_CELL.match(n)]
    task.lead_units, task.lead_open, task.lead_text = (
        [n for n in lead.names if n not in numbers], lead.open, printed_units(lead_cell))
    task.units = [n for n in units.names if n not in numbers]
    task.units_open, task.units_text = units.open, printed_units(units_cell)
    if numbers:
        task.doubt = _and(task.doubt, f"单位列中的「{numbers[0]}」是数字，不是单位，未作为单位读入")
    for guess in [*lead.doubts, *units.doubts]:  # 「区财政局区税务局」 read as two names
        task.doubt = _and(task.doubt, guess)


def printed_units(cell: str) -> str:
    """The cell as printed, with names broken across lines rejoined."""
    text = clean_text(cell)
    names = split_units(text).names
    if "\n" in text and len(text.replace("\n", "")) and split_units(text.replace("\n", "")).names == names:
        return text.replace("\n", "")
    return text


_SENTENCE_ENDS = (*TEXT_END, "；", ";", "!", "?")  # a sentence, or a measure closed by ；, is finished


def _ends_sentence(text: str) -> bool:
    """The text ends a sentence (「…。」, 「…；」, 「…“五化”。」, 「…。”」)."""
    return text.rstrip("”’」』）)").endswith(_SENTENCE_ENDS)


def _continue_task(task: Task, row: list[str], roles: list[str], content: str = "", joiner: str = "\n") -> None:
    """Join a continuation row to its task: text appended (after `joiner` unless the text ends a sentence), units
    added, deadlines joined with ；."""
    if content:
        task.content = task.content + ("" if _ends_sentence(task.content) else joiner) + content
    for role, cell in zip(roles, row, strict=False):  # its own remarks, progress, figures: kept with the task's
        name = role[len(EXTRA_PREFIX):]
        if role.startswith(EXTRA_PREFIX) and clean_text(cell):
            task.extra[name] = "\n".join(x for x in (task.extra.get(name, ""), clean_text(cell)) if x)
    lead_cell = _cell(row, roles, "lead")
    units_cell = _cell(row, roles, "units")
    if clean_text(lead_cell) or clean_text(units_cell):
        lead_text = "、".join(x for x in (task.lead_text, clean_text(lead_cell)) if x)
        units_text = "、".join(x for x in (task.units_text, clean_text(units_cell)) if x)
        _set_units(task, lead_text, units_text)
    deadline = clean_text(_cell(row, roles, "deadline"))
    if deadline:
        task.deadline = "；".join(x for x in (task.deadline, deadline) if x)
