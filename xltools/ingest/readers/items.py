"""Task lists written as numbered paragraphs with their units in words (分工方案), not as a table.

Shapes (half-width and full-width punctuation alike):
- a unit clause after the item: ``1.任务内容。（牵头单位：X；责任单位：Y、Z）``, ``（X牵头，Y、Z配合）``,
  ``（X会同有关部门负责）``, ``（A、B等和各省级人民政府负责）``, ``（A、B、C）``, or ``牵头单位：X 配合单位：Y``
  at the end of the line — after the item's 。 any unit label read by its words (``…增长13.5%。主办单位：X。协办单位：
  Y。``, `_label_after_sentence`); the clause may follow on the next line;
- key-value lines: the item on one line, then ``牵头单位：…`` / ``责任单位：…`` / ``完成时限：…`` lines; any short
  key is read by its words (``牵头责任单位`` leads, ``协同责任单位`` names units, ``牵头负责领导`` names a person,
  who is neither a unit nor part of the task's text); spaces a text extraction left inside the names
  (``市 住建局 、资源规划 局``) are closed (`close_stray_spaces`), a space between two whole names still separates;
- items without numbers, each a line of text followed by its key-value lines (主管领导 / 责任单位 / 责任人);
- a whole list run together on one line, cut at the numbers that count up (1. 2. 3.) after a sentence ends;
- a whole page run together on one line with spaces between its paragraphs, cut before the numbers that follow a
  space;
- a run of unnumbered items quoted in a report, 「“A，责任单位X；B，责任单位Y……”」, cut at its ；;
- a whole plan run together into one paragraph, cut before its numbers 一、二、 （一） 1、 (`_split_run_on_page`);
- numbered items glued after their clauses where a web page lost the paragraph breaks (「（一）…。（X负责）（二）…」);
- work assigned in a report's prose, 「由A牵头，B配合，在9月底前完成X；由C负责，…」, or tasks quoted after who does
  them, 「如A负责的“X。”…；B、C负责的“Y。”」, a task per part (`read_prose_assignments`);
- a clause written as a sentence on the line under its item, 「一、治理…」 ⏎ 「由A承办，B、C配合。」, 「由A，B、C负责落实」
  (a group of names alone takes the next marker's role) (`_clause_sentence`);
- lists grouped by who leads: a heading names the lead of the items under it (「（一）市审计局牵头的工作」), their
  partners on a 「协同单位：…」 line after one item or after a group; a heading naming a person names no unit;
  a heading that is a unit's name alone (「一、市发展改革委」, 「县财政局：」, 「县住建局牵头：」) over items that name
  only who cooperates (「（市统计局配合）」) leads them, and is no category (`_lead_heading`, `_unit_heading`);
- key lines standing once above the items they govern (「牵头单位：X；配合单位：Y」 ⏎ 「1.…」 「2.…」), read so when
  the list's first one stands before any item and each is followed by one (`_key_lines_above_items`), and a line
  closing the items above it, 「以上任务牵头单位：X」 / 「（以上由X牵头，Y配合）」 (`_all_above`), or the last of them by
  their count, 「4项目标的责任单位均为X。」 / 「该目标责任单位为Y。」 (`_last_items`);
- a notice assigning a single task: one paragraph, unnumbered, closed by its clause (a one-row list);
- numbering ``1.`` ``1、`` ``（1）`` ``(1)`` ``一、`` … ``三十、`` ``（一）`` … ``（二十）`` ``①`` ``第一条``, and bullets
  ``●`` ``•`` ``■`` ``◆`` ``▲`` ``-`` opening items without a number (a bulleted field 「• 索 引 号：…」 is none);
- items printed without numbers, a line of text with only its clause on the next line (bullets lost in copying);
- inspection notices: a problem, then 「整改要求：由X负责…」 (or 「整改措施：X负责…」) on the next line, X its unit
  (`by_opening`); a place with points 「（1）…；（2）…。」 closed by one line naming its unit and the time allowed
  (`_points_of_one_sentence`);
- a plan for one piece of work, each section a heading and a paragraph that assigns it in prose: 「X为…牵头单位」,
  「A、B为协办单位」, 「牵头单位为X」, an office opening the paragraph (「X要…」, 「X牵头…，A、B配合」) (`paragraph_roles`);

The clause grammar (`parse_clause`), a small one rather than a list of patterns. A clause is a list of
groups separated by ，；; each group is a list of names ended by a marker that gives their role:
- 牵头 / 牵头负责 / 牵头抓总 / 负总责 / 主办 / 承办 / 为牵头单位 → lead; "X会同Y…" → X lead, Y responsible; "由" before a
  group is dropped, and so is an adverb before the marker (具体负责, 分别负责);
- 配合 / 参与 / 协助 / 协同 / 协办 / 支持 → cooperating; 负责 / 按(照)职责分工负责 / 分工负责 / 共同负责 /
  落实 / 承担 → responsible; a group without a marker takes the role of the next marker ("A，B负责");
- labels naming a duty (``主体责任：X，监督责任：Y``, 属地/监管责任, 责任主体) name units: the bearer of the duty leads,
  the one that supervises (监督, 监管) or cooperates is a unit (flagged);
- key-value groups ``牵头单位：X`` / ``责任单位：Y`` / ``配合：Y`` / ``完成时限：Z`` name their role outright; a
  value ends at the next key or at any other short label with a colon (``项目责任人：`` ``实际完成情况：``), whose
  value is no unit (a person, progress); other keys are read by their words (主办单位 leads, 协办单位 cooperates,
  责任处室 is responsible). 责任单位 beside 配合单位 with no lead key leads — and then, in the same list, an item
  with only a 责任单位 too (flagged as doubtful). A value that runs on after a space into words that are not
  unit names (a statistics table flattened into the line) ends there (flagged);
- a group of time words (2024年12月底前完成, 年底前, 持续推进) is the deadline.
Then: named leads lead and everyone else is responsible (units); with no named lead, a responsible group next
to a cooperating one leads ("X负责，Y配合"); otherwise every name is a unit — unless the document has stated
that the first name leads (「列第一位者为牵头单位，下同」, 「排在第一位的部门为牵头部门」, 「第一个为牵头单位」), a
rule that governs every clause after the line that states it: then the first name leads and the rest are units.
The rule is often printed in brackets glued to the last name of the first clause (「…、市税务局（列第一位者为工作
牵头单位或汇总单位，下同）」): the whole bracket leaves the name, and the rule holds from that item on.
An item with no clause may say who does it in its last sentence, which stays in its text: 「…的问题，由A会同B、C等
部门研究提出落实意见。」 (A leads, B and C are units), 「…由A负责。」 (A is a unit), 「…由A牵头推进。」 (A leads).
A marker clause must name at least one unit-shaped name and nothing sentence-like; a clause without any marker
(「（A、B、C）」) only when every name ends like an organisation (…局 …委 …部 …厅 …政府), so 「（试行）」 and 「（改、扩）」 stay in the text.

Numbered sub-points under a task whose clause stands above them (「1.…。（牵头单位：X）」 then 「（1）…」 「（2）…」,
without clauses of their own) are part of that task's text. Headings are told from tasks by what follows them: a numbered paragraph with a clause is a task; one without a
clause is a heading when deeper-numbered paragraphs follow it (the nearest heading's text becomes the category,
as a 主要任务 cell would hold it), and a task when its numbering style carries clauses elsewhere in the same run (a list whose last item has
no units yet). A run of numbered paragraphs (numbers counting up from 1) without a single clause is the notice's
own text, never tasks. The addressee (各…：), the signature (an issuing body alone on a short line, a date),
附件/抄送 lines are never tasks and never glued onto the last item; a task's text continues on following lines only
until its clause is read.
A text that names no unit anywhere may still hold a list written into prose — a report quoting a government's
十件实事: 「一是…。二是…。」 inline or opening paragraphs, 「…承诺：1.…；2.…；3.…。」, 「分别是：A；B；C。」, paragraphs
opened by 「之一：」, 「10项重点项目为：A、B、…。」 (items separated by 、 only, as many as the count says) — read as
tasks without units, each flagged (`read_enumeration`), runs of three or more only. An enumeration inside a task of
a list with clauses stays in that task's text. A clause's names end at its first 。: a deadline may follow as a
second sentence, and a note 「以下各项工作均需X落实，不再列出」 adds X to every later task (flagged). Projects written as prose, who does each inside its sentence
(「由X负责的…项目，…，预计2021年11月份完成。」, two paragraphs or more), are read by `read_by_whom`, each flagged.
An item's number glued to a text that begins with digits (「2.50个小区…」 after item 1) is read by the count; an
unnumbered paragraph holding several tasks each closed by its own clause is cut after each clause; a one-sentence
numbered line followed by unnumbered paragraphs with clauses is their heading; a 「主要任务：」 line under an item's
unit lines is the task's text.
Traditional characters read alike: every pattern here runs on `simplified(text)`, a copy of the same length, and
what is kept (names, text) is cut from the original at the same positions, so names stay as printed.
The result is a `Grid` with a header of standard labels, so the table builder does the rest.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ...dataset.units import (
    UNIT_SUFFIXES,
    clean_text,
    close_stray_spaces,
    is_bare_sector,
    is_collective,
    is_sector_department,
    level_prefix,
    looks_like_unit,
    names_bodies,
    org_like,
    simplified,
    split_units,
)
from ..patterns import SIGNATURE_TAIL, SITE_REGISTRATION, TEXT_END, zh_number
from .grid import Grid

_ZH_DIGITS = "一二三四五六七八九十百零〇"
# Every dot-like character a page prints after a number: full stop, full-width, small (﹒ U+FE52), one-dot leader
# (․ U+2024), hyphenation point (‧ U+2027).
_DOTS = ".．﹒․‧"
# After a number's 、 a figure follows only as part of a list of figures (「3、4月」), so the number opens no item —
# except a year (「6、98年元旦升旗…」, 「1、2024年底前建成…」): an item that opens with its year.
_NO_FIGURE = r"(?:(?!\d)|(?<=、)(?=\d{2,4}\s*年))"
_NUM_STYLES = (
    ("part", re.compile(rf"^\s*第\s*([{_ZH_DIGITS}\d]{{1,4}})\s*(?:部分|章|篇)\s*[、{_DOTS}：:]?\s*(.*)$")),
    ("article", re.compile(rf"^\s*第\s*([{_ZH_DIGITS}\d]{{1,4}})\s*条\s*(.*)$")),
    ("zh", re.compile(rf"^\s*([{_ZH_DIGITS}]{{1,4}})\s*[、{_DOTS}]\s*(.*)$")),
    ("paren_zh", re.compile(rf"^\s*[（(]\s*([{_ZH_DIGITS}]{{1,4}})\s*[）)]\s*[、{_DOTS}]?\s*(.*)$")),
    # 「1。推动…」: a number typed with the ideographic full stop (an input method's 。 for ．) before a text
    ("arabic", re.compile(rf"^\s*(\d{{1,4}})\s*(?:[{_DOTS}、,，]{_NO_FIGURE}|。(?=[\u4e00-\u9fff“]))\s*(.*)$")),
    ("paren_arabic", re.compile(r"^\s*[（(]\s*(\d{1,4})\s*[）)]\s*(.*)$")),
    ("half_paren", re.compile(r"^\s*(\d{1,3})\s*[）)]\s*(.*)$")),
    ("circled", re.compile(r"^\s*([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$")),
    # a bullet opens an item as a number does (a newspaper's or a web page's list): the item has no number
    # (not 「- 3 -」, a page number)
    ("bullet", re.compile(r"^\s*([●•■◆▲◇▪◦➢►]|-(?=\s+[^\d\s]))\s*(.*)$")),
)
_STYLE_RANK = {"head": -3, "part": -2, "article": -1, "zh": 0, "paren_zh": 1, "arabic": 2, "paren_arabic": 3, "half_paren": 4, "circled": 5,
               "bullet": 6, "plain": 9}  # plain: a paragraph with its clause but no number (Word's automatic number lost in copying)
_LEAD_KEYS = "牵头责任单位|牵头负责单位|牵头责任部门|牵头单位|牵头部门|主责单位|牵头科室|牵头"
_UNIT_KEYS = ("协同责任单位|配合责任单位|参与责任单位|协同责任部门|配合责任部门|责任单位|责任部门|负责单位|配合单位|协办单位|参与单位|责任科室|负责科室|配合部门|协同单位|负责部门|"
              "配合|协办|参与|责任")
_DEADLINE_KEYS = "完成时限|完成时间|时间节点|时限|完成期限"
_KEY = rf"(?P<key>{_LEAD_KEYS}|{_UNIT_KEYS}|{_DEADLINE_KEYS})"
_KV_LINE = re.compile(rf"^\s*{_KEY}\s*[:：]\s*(?P<value>.*)$")
_KEY_IN_TEXT = re.compile(rf"{_KEY}\s*[:：]")
_TRAILING_KV = re.compile(rf"(?P<all>\s*[，,；;]?\s*(?:{_LEAD_KEYS}|{_UNIT_KEYS})\s*[:：].*)$")
# Markers that end a group of names, longest first; their role.
_MARKERS = (
    ("为牵头单位", "lead"), ("为牵头部门", "lead"), ("牵头抓总", "lead"), ("牵头负责", "lead"), ("牵头", "lead"),
    ("负总责", "lead"), ("主办", "lead"), ("承办", "lead"), ("会同", "with"),
    ("按照职责分工负责", "resp"), ("按照各自职责负责", "resp"), ("按各自职责负责", "resp"), ("按照职责负责", "resp"),
    ("按职责分工负责", "resp"), ("按职责负责", "resp"), ("分工负责", "resp"), ("共同负责", "resp"),
    ("负责落实", "resp"), ("负责", "resp"), ("为责任单位", "resp"),
    ("配合", "coop"), ("参与", "coop"), ("参加", "coop"), ("协助", "coop"), ("协同", "coop"), ("协办", "coop"),
    ("支持", "coop"),
)
_MARKER = re.compile("|".join(re.escape(m) for m, _ in _MARKERS))
_MODALS = r"要|须|应当|必须|务必"  # what a doer must do (「公安机关要…」): a sentence's words, never a name's
_MARKER_ROLE = dict(_MARKERS)
_END_MARKER = re.compile(r"(落实|承担)$")
_VERB_ONLY = re.compile(r"(抓好|组织|具体|负责)?(落实|推进|实施|组织实施|办理)")
# A deadline written in a clause: 「（省发展改革委牵头，2024年12月底前完成）」, 「（…负责，持续推进）」.
_DEADLINE_WORDS = re.compile(r"(\d{4}\s*年|\d{1,2}\s*月|年底|年内|年前|底前|持续推进|长期坚持|长期推进|持续实施|每年|每季度|每月)")
# Words before a clause's first names: 「由X牵头」, and the item named first (「此项工作由X牵头，Y参加」).
_GROUP_LEAD_WORDS = re.compile(r"^((此|该|本|上述)项?(工作|任务|事项|措施)?)?(分别由|由|并由|请|均由|主要由)")
# A document-level rule: the first name of each clause leads (「列第一位者为牵头单位，下同」 …).
# 「列第一位者为工作牵头单位」: a word or two (工作) may stand between 为 and 牵头.
_FIRST_LEADS = re.compile(r"(第一|首)[位个家名]?[的者]?[\u4e00-\u9fff]{0,4}?(为|是)[\u4e00-\u9fff]{0,2}?(牵头|主责|主办)"
                          r"|前者为?牵头")
_FIRST_LEADS_CLAUSE = re.compile(
    r"[，,；;。]?[^，,；;。（）()]*((第一|首)[位个家名]?[的者]?[\u4e00-\u9fff]{0,4}?(为|是)[\u4e00-\u9fff]{0,2}?(牵头|主责|主办)"
    r"|前者为?牵头)[^，,；;。（）()]*([，,；;]\s*下同)?")
_DATE = re.compile(r"^\s*[\d〇零一二三四五六七八九十]{4}\s*年\s*[\d〇一二三四五六七八九十]{1,2}\s*月"
                   r"(\s*[\d〇一二三四五六七八九十]{1,3}\s*日)?\s*[?？]*\s*$")
_TAIL_LINE = re.compile(r"^(附\s*件|抄送|主办|督办|（此件|\(此件|印发)"
                        # a site's page copied whole: its tools and footer after the article
                        r"|^[【\[]?\s*(打印本页|关闭窗口|打印|关闭)\s*[】\]]|网站标识码|ICP\s*[备证]|公网安备|版权所有|技术支持"
                        r"|^(上一篇|下一篇)\s*[:：]|^扫一扫|^分享到\s*[:：]?|^相关(文章|链接|阅读)$")
# Key-value lines about people, not units (a 责任领导 is a person): kept out of the task's text.
_PERSON_LINE = re.compile(r"^\s*(责任领导|分管领导|牵头领导|包抓领导|联系领导|分管副市长|分管副区长|分管副县长|责任人|联系人|"
                          r"具体负责人|联系电话|经办人)\s*[:：]")
# A person named in the item's text (「牵头负责领导：金力。」, 「责任人：张三；」): not a unit, not the task's words.
_PERSON_INLINE = re.compile(r"(?<=[。；;，,\s])\s*[\u4e00-\u9fff]{0,6}(领导|负责人|责任人|联系人|经办人)\s*[:：]\s*[^。；;，,：:\s]{1,12}"
                            r"[。；;，,]?")
# Any short key before ： on a line of its own, whose words say what it holds (「牵头责任单位：」 「协同责任单位：」
# 「牵头负责领导：」): read by `_key_kind`.
_ANY_KEY_LINE = re.compile(r"^\s*(?P<key>[\u4e00-\u9fff]{2,8})\s*[:：]\s*(?P<value>.*)$")
# The lines of a group's roster (「组  长：张三 市长」, 「副组长：…」, 「成  员：…」) and its members' key (「成员单位：…」)
_ROSTER_LINE = re.compile(r"^\s*(组\s*长|副\s*组\s*长|总\s*指\s*挥|副总指挥|召\s*集\s*人|副召集人|主\s*任|副\s*主\s*任|成\s*员)"
                          r"\s*[:：]\s*[\u4e00-\u9fff]")
_MEMBERS_KEY = re.compile(r"^\s*成员(单位|部门)\s*[:：]")
_PERSON_KEY = re.compile(r"(领导|负责人|责任人|联系人|经办人|电话|市长|区长|县长|书记|主任)$")
_UNIT_KEY = re.compile(r"(单位|部门|科室|处室|分工)$")  # 「部门分工：X牵头，Y配合」: a key whose value is a clause
_DEADLINE_KEY = re.compile(r"(时限|时间|期限|节点|进度安排|时间安排)$")
_SCHEDULE_KEY = re.compile(r"^\s*[\u4e00-\u9fff]{0,4}(进度安排|时间安排|时间节点|进度要求|推进步骤)\s*[:：]")
# A date a step of a schedule is due by: 「12月底前」, 「2024年6月」, 「年底前」.
_STEP_DATE = re.compile(r"(\d{4}\s*年\s*(底|内|末)|(\d{4}\s*年\s*)?(\d{1,2}\s*月(份)?(底|中旬|上旬|下旬|末)?(\d{1,2}\s*日)?|年底|年内|年末))"
                        r"\s*(前|以前|之前)?")
# A key whose value is the task's own text, on a line under the item (「（一）政策法规。」 ⏎ 「牵头单位：…」 ⏎
# 「主要任务：贯彻落实…」): the value joins the item's text.
_TEXT_KEY_LINE = re.compile(r"^\s*(主要任务|工作任务|任务内容|具体任务|工作内容|主要内容|具体内容|重点任务|工作措施|具体措施"
                            r"|职\s*责|主要职责|工作职责)"
                            r"\s*[:：]\s*(?P<value>.*)$")
_DOC_NUMBER = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$")
_ADDRESSEE = re.compile(r"^[^。；;]{2,80}[:：]$")

# A bulleted line that is a field, a short label and a colon (「• 索 引 号：…」, 「● 责任单位：…」), not an item.
_BULLET_FIELD = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{1,10}[:：]")

# Brackets a clause is written in: （）, (), and 【】 [] 〔〕 in some lists.
_OPEN, _CLOSE = "（(【[〔", "）)】]〕"

HEADER = ["序号", "主要任务", "工作任务", "牵头单位", "责任单位", "完成时限"]


def _numbered(line: str) -> tuple[str, str, str, str] | None:
    """(style, number, text, the number as printed) of a numbered line, or None."""
    plain = simplified(line)
    for style, pattern in _NUM_STYLES:
        m = pattern.match(plain)
        if m and m.group(2).strip():
            number = "" if style == "bullet" else m.group(1)
            return style, number, line[m.start(2):].strip(), line[: m.start(2)].strip()
    return None


# 「2.50个小区新增…」, 「3、365…」: a number glued to a text that itself begins with digits (not 2.50).
_GLUED_DIGITS = re.compile(rf"^\s*(\d{{1,3}})\s*[{_DOTS}、](?=\d)")


def _numbered_after(line: str, previous: tuple[str, str] | None) -> tuple[str, str, str, str] | None:
    """`_numbered`, and also an item whose number is glued to a text beginning with digits (「2.50个小区新增充电
    设施」, 「4.460个活动室…」) when the item before it was numbered one less in the same style: the count says
    which of the digits are the number; or numbered 1 right under a heading of a higher style (「三、交通局」 ⏎
    「1.2024年农村公路…」: the heading's first item). `previous` is (style, number) of the numbered paragraph before."""
    num = _numbered(line)
    if num or previous is None:
        return num
    m = _GLUED_DIGITS.match(line)
    if not m:
        return None
    if (previous[0] == "arabic" and previous[1].isdecimal() and int(m.group(1)) == int(previous[1]) + 1) \
            or (_STYLE_RANK[previous[0]] < _STYLE_RANK["arabic"] and m.group(1) == "1"):
        return "arabic", m.group(1), line[m.end():].strip(), line[: m.end()].strip()
    return None


def states_first_leads(text: str) -> bool:
    """True when `text` states that the first unit of a clause is the lead (列第一位者为牵头单位 …)."""
    if "第一" not in text and "首" not in text and "前者" not in text:
        return False  # the common case, cheaply
    return bool(_FIRST_LEADS.search(simplified(text)))


def parse_clause(body: str, first_leads: bool = False) -> dict[str, str]:
    """Units (and deadline) from the words of one clause: role → text ("lead", "units", "deadline").

    `first_leads`: the document's rule that the first name listed leads. {} when the words are not a clause.
    A name marked 「（牵头）」 leads wherever it stands (「责任单位：省发展改革委（牵头）、省财政厅」).
    """
    body = clean_text(body).replace("\n", "")  # a clause's units are separated by 、，；, so a line break is a wrap
    if states_first_leads(body):
        first_leads = True
        body = cut_lead_rule(body)
    body = body.strip(" 。；;，,")
    if body[:1] and body[:1] in _OPEN and _paren_groups(body) == [(0, len(body))]:
        body = body[1:-1].strip(" 。；;，,")
    note = ""
    if "以下" in body:  # 「配合单位：A、B（以下均需B配合，不再列出）」: a note in brackets for every later item
        for start, end in reversed(_paren_groups(body)):
            if _units_for_all_below(body[start + 1: end - 1].strip(" 。")):
                note = _units_for_all_below(body[start + 1: end - 1].strip(" 。"))
                body = (body[:start] + body[end:]).strip(" 。；;，,")
                break
    marked = [body[m.start(1):m.end(1)] for m in _MARKED_LEAD.finditer(simplified(body))]
    body = _cut(body, _LEAD_MARK)
    if not body:
        return {}
    found = _key_values(body, first_leads)
    _deadline_after_names(found)
    value = found.get("units", "")
    if value and "lead" not in found and _MARKER.search(simplified(value)):  # 「责任单位：X牵头，Y配合」
        groups = _groups(value)
        if groups:
            found.pop("units")
            found.update(_resolve_units(groups, first_leads))
    elif first_leads and value and "lead" not in found:  # 「责任单位：A、B（列第一位者为牵头单位）」
        names = split_units(found.pop("units")).names
        _put(found, "lead", names[0])
        _put(found, "units", "、".join(names[1:]))
    below = ""
    if not found:
        groups = _groups(body)
        if groups is None and "。" in body.rstrip("。"):
            # 「X牵头，A、B参与，各县区负责落实。以下各项工作均需各县区落实，不再列出。」: the names end at the first
            # 。; the sentence after it is a note to the reader that names nobody's role in this item
            groups = _groups(body[: body.index("。")])
            after = body[body.index("。") + 1:].strip(" 。")
            if groups is not None and len(after) <= 20 and _DEADLINE_WORDS.search(simplified(after)) \
                    and not _MARKER.search(simplified(after)):
                groups.append(("deadline", after))  # 「X牵头，Y配合。2024年底前完成。」: the second sentence is the deadline
            below = _units_for_all_below(after) if groups is not None else ""
        if groups is None:
            return {}
        found = _resolve(groups, first_leads)
        if below:
            found["below"] = below
    if note:
        found["below"] = note
    if marked:
        names = split_units(found.get("units", "")).names
        leads = [n for n in names if n in marked]
        if leads:
            found.pop("units")
            _put(found, "lead", "、".join(leads))
            _put(found, "units", "、".join(n for n in names if n not in leads))
    return found


def _deadline_after_names(found: dict[str, str]) -> None:
    """A time phrase written after the last name of a key's list, with no key of its own (「责任单位：A、B，6月底完成」):
    the deadline, not a unit."""
    for role in ("units", "lead"):
        parts = re.split(r"[，,]", found.get(role, ""))
        last = parts[-1].strip(" 。")
        if len(parts) > 1 and "deadline" not in found and _DEADLINE_WORDS.search(simplified(last)) \
                and not looks_like_unit(last) and len(last) <= 20:
            found[role] = "，".join(parts[:-1]).strip(" ，,")
            found["deadline"] = last


# A note stated once in a clause that names units for every item after it: 「以下各项工作均需各县、区人民政府落实，
# 不再列出。」, 「以下政策措施均需各县区人民政府落实，不再单独列出」 (whatever the items are called).
_ALL_BELOW = re.compile(r"^以下[^。；;，,均都皆]{0,8}(均|都|皆)(需|须|要|由|应)?(?P<names>[^。；;，,]+?)"
                        r"(负责落实|负责|组织实施|落实|实施|承担|配合|参与)[，,]?\s*"
                        r"(不再[^。；;，,]{0,4}(列出|列明|列举|重复|注明|标注)|下同)?$")


def _units_for_all_below(note: str) -> str:
    """The units a note names for every later item (「以下各项工作均需各县、区人民政府（管委会）落实，不再列出」), or ""."""
    m = _ALL_BELOW.match(simplified(note))
    if not m:
        return ""
    names = note[m.start("names"): m.end("names")]
    split = split_units(names).names
    return names if split and all(looks_like_unit(n) for n in split) else ""


def cut_lead_rule(text: str) -> str:
    """`text` without the document's rule that the first name leads: the whole bracket when the rule is
    bracketed (「市税务局（列第一位者为牵头单位，下同）」, glued to the last name), else the words of the rule."""
    for start, end in reversed(_paren_groups(text)):
        if states_first_leads(text[start + 1:end - 1]):
            return (text[:start] + text[end:]).strip()
    return _cut(text, _FIRST_LEADS_CLAUSE)


def _cut(text: str, pattern: re.Pattern) -> str:
    """`text` without the spans `pattern` finds in its simplified form."""
    out, pos = [], 0
    for m in pattern.finditer(simplified(text)):
        out.append(text[pos:m.start()])
        pos = m.end()
    return "".join(out) + text[pos:]


# Adverbs between the names and their marker (「各乡镇具体落实」, 「A、B分别负责」): not part of the last name.
_ADVERB_TAIL = re.compile(r"(具体|分别|共同|积极|主动|各自|全力|切实|协同)$")


def _drop_adverb(names: str) -> str:
    m = _ADVERB_TAIL.search(simplified(names))
    return names[: m.start()].rstrip() if m and m.start() >= 2 else names


def _drop_lead_words(names: str) -> str:
    m = _GROUP_LEAD_WORDS.match(simplified(names))
    return names[m.end():] if m else names


_LEAD_MARK = re.compile(r"\s*[（(]\s*牵头(?:单位|部门)?\s*[）)]")
# (a name may hold a bracket of its own: 「县发改局(粮食局)（牵头）」)
_MARKED_LEAD = re.compile(r"((?:[^、，,；;：:\s（()）]|[（(](?!\s*牵头)[^（()）、，,；;]{1,12}[）)])+)" + _LEAD_MARK.pattern)


def _key_values(body: str, first_leads: bool = False) -> dict[str, str]:
    """「牵头单位：X；责任单位：Y」 in any punctuation (；, ，, a space or nothing between the pairs): each value
    runs to the next key — a unit key, or any other short label ending in a colon after a space or a separator
    (「责任单位:X 项目责任人:张三 配合单位:Y 实际完成情况:…」, a whole item run together on one line): a person's
    field and a progress field are never units, and their values are dropped.
    When a responsible key (责任单位) and a cooperating key (配合单位, 协办单位 …) stand together with no lead key,
    the responsible units lead, as in 「X负责，Y配合」. Names before the first key, in a marker clause (「X牵头，Y配合；
    完成时限：…」), are read as a clause when no key names units. A unit value that runs on, after a space, into words that
    are not unit names (a statistics table flattened into the line) ends at that space."""
    found: dict[str, str] = {}
    plain = simplified(body)
    keys = [(m.start(), m.end(), _role_of_key(m.group("key"), detail=True)) for m in _KEY_IN_TEXT.finditer(plain)
            if m.start() == 0 or not _is_name_char(body[m.start() - 1])]
    taken = {start for start, _end, _role in keys}
    for m in _LABEL_IN_TEXT.finditer(plain):
        label = m.group("label")
        if m.start("label") not in taken and not org_like(label):
            keys.append((m.start("label"), m.end(), _label_role(label)))
    if not taken and not any(role in ("lead", "resp", "coop") for _start, _end, role in keys):
        return found  # no unit key: 「（备注：…）」 is no clause
    keys.sort()
    roles: dict[str, list[str]] = {}
    for (_start, end, role), nxt in zip(keys, [*keys[1:], None], strict=False):
        value = body[end: nxt[0] if nxt else len(body)].strip(" ，,；;、。")
        if role in ("lead", "resp", "coop"):
            value, _stop, after = value.partition("。")  # a note after the names (「…负责。具体任务均涉及…，下同」)
            # names nobody here; 「…。以下政策措施均需各县区人民政府落实，不再单独列出」 names units for the items after
            if _units_for_all_below(after.strip(" 。")):
                found["below"] = _units_for_all_below(after.strip(" 。"))
            label = plain[_start:end].rstrip(":： ")
            if (label == "责任" or _DUTY_KEY.match(label) or _BEARER_KEY.match(label)) \
                    and not any(looks_like_unit(n) for n in split_units(value).names):
                value = ""  # 「法律责任：对违法违规行为依法从严处罚」: the label's value is a sentence, no units
            value, ran_on = _units_run_on(value)
            if ran_on and value:
                _put(found, "doubt", f"单位栏后接「{ran_on[:12].strip()}」等不像单位名的文字，已截断")
        if role in ("lead", "resp", "coop", "deadline") and value:
            roles.setdefault(role, []).append(value)
    if roles.get("resp") and roles.get("coop") and not roles.get("lead"):
        roles["lead"] = roles.pop("resp")
    for role in ("lead", "resp", "coop"):
        for value in roles.get(role, []):
            _put(found, "lead" if role == "lead" else "units", value)
    duties = [plain[start:end].rstrip(":： ") for start, end, role in keys
              if role in ("lead", "resp", "coop") and (_DUTY_KEY.match(plain[start:end].rstrip(":： "))
                                                      or _BEARER_KEY.match(plain[start:end].rstrip(":： ")))]
    if duties and (found.get("lead") or found.get("units")):  # 「主体责任：X，监督责任：Y」: a reading of the labels' words
        shown = "".join(f"「{d}」" for d in dict.fromkeys(duties))
        _put(found, "doubt", f"按{shown}读出单位（承担主体责任的为牵头，监督、监管、配合的为责任单位），请核对")
    for value in roles.get("deadline", []):
        _put(found, "deadline", value)
    head = body[: keys[0][0]].strip(" ，,；;、。")
    if head and not roles.get("lead") and not roles.get("resp") and not roles.get("coop") \
            and _MARKER.search(simplified(head)):
        # 「X牵头，Y配合；完成时限：2024年底」: the names are a marker clause before the first key
        groups = _groups(head)
        if groups and any(role != "deadline" for role, _names in groups):
            for role, value in _resolve(groups, first_leads).items():
                if role in ("lead", "units"):
                    _put(found, role, value)
    return found


# Any short label ending in a colon, after a space or a separator: where a key-value field ends.
_LABEL_IN_TEXT = re.compile(r"(?:^|(?<=[\s，,；;。]))(?P<label>[\u4e00-\u9fff]{2,8})\s*[:：]")


def _label_role(label: str) -> str:
    """The role of a short label that is not one of the unit keys, by its words: "lead", "resp", "coop",
    "deadline", or "" for a person (项目责任人, 牵头领导, 联系人), a progress field (实际完成情况, 进展情况) and
    anything else, whose values are never units."""
    if _PERSON_KEY.search(label) or _WATCHER_KEY.match(label) \
            or re.search(r"(情况|进展|进度|成效|备注|说明|目标|问题|计划|措施|内容)$", label):
        return ""
    if _DEADLINE_KEY.search(label):
        return "deadline"
    if _UNIT_KEY.search(label) or _DUTY_KEY.match(label) or _BEARER_KEY.match(label):
        if re.search(r"配合|协同|协办|参与|协助|监督|监管", label):
            return "coop"
        return "lead" if re.search(r"牵头|主责|主办|^主体", label) else "resp"
    return ""


# A label naming an office that measures or oversees the work, not one that does it (「数据提供单位：市统计局」,
# 「督办单位：市政府督查室」): its value is no unit of the task.
_WATCHER_KEY = re.compile(r"^(数据提供|数据来源|提供数据|统计|监测|考核|督办|督查|牵头督办)(单位|部门)$")


# A label naming the party that bears a duty (「责任主体：X」, 「整改主体：X」): its value names units.
_BEARER_KEY = re.compile(r"^[\u4e00-\u9fff]{2}主体$")


# A label naming a duty inside a clause (「主体责任：X，监督责任：Y」, 「属地责任：…」, 「行业监管责任：…」): its value names
# who bears it. Short and not opened by a verb, so a sentence's words before a colon (「压实主体责任：」) are not one.
_DUTY_KEY = re.compile(r"^(?!压实|落实|履行|强化|明确|夯实|压紧|扛起|担起|扛牢|严格|加强|靠实|厘清|细化)(?![\u4e00-\u9fff]*领导)"
                       r"[\u4e00-\u9fff]{2,4}责任$")  # (领导责任 names a person)


def _units_run_on(value: str) -> tuple[str, str]:
    """A unit value cut where, after a space, words that are not unit names begin — place names and numbers of
    a statistics table flattened into the line (「市公安局、各区政府 鄞州 海曙、江东 合计 2 5 1」) — and the
    text cut off ("" when nothing was)."""
    value = close_stray_spaces(value)  # 「市 住建局 、资源规划 局」: spaces a text extraction left inside the names
    if not _SPACE.search(value):
        return value, ""
    tokens = _SPACE.split(value)
    for k, token in enumerate(tokens[1:], 1):
        if _MARKER.search(simplified(token)):  # 「市发改委 牵头，市财政局配合」: the clause goes on
            continue
        pieces = [p for p in re.split(r"[、，,；;]", token) if p and p[0] not in _OPEN]
        if not all(looks_like_unit(p) or simplified(p) == "等" for p in pieces):
            return " ".join(tokens[:k]), " ".join(tokens[k:])
    return value, ""


_SPACE = re.compile(r"[ \u3000]+")


def _is_name_char(ch: str) -> bool:
    """A character that would make a key part of a longer word (「市责任单位：」 is not a key)."""
    return "\u4e00" <= ch <= "\u9fff"


def _groups(body: str) -> list[tuple[str, str]] | None:
    """(role, names text) groups of a marker clause, in order; None when the words are not a clause."""
    groups: list[tuple[str, str]] = []
    pending: list[str] = []
    marked = False
    for segment in re.split(r"[，,；;]", body):
        segment = segment.strip(" 。")
        if not segment:
            continue
        plain = simplified(segment)
        if _DEADLINE_WORDS.search(plain) and not _MARKER.search(plain) and not looks_like_unit(segment):
            groups.append(("deadline", re.sub(r"^[\u4e00-\u9fff]{2,6}\s*[:：]\s*", "", segment)))  # 「时间：…」
            continue
        pos = 0
        role_after_with = ""
        for m in _MARKER.finditer(plain):
            names = _drop_adverb(_drop_lead_words(segment[pos:m.start()].strip(" 、")))
            role = _MARKER_ROLE[m.group(0)]
            marked = True
            if role == "with":
                groups.extend(("lead", n) for n in [*pending, names] if n)
                pending, role_after_with = [], "units"
            else:
                for n in [*pending, names]:
                    if n:
                        groups.append((role_after_with or role, n))
                pending, role_after_with = [], ""
            pos = m.end()
        rest = _drop_lead_words(segment[pos:].strip(" 、"))
        if pos and _VERB_ONLY.fullmatch(simplified(rest)):  # 「X牵头落实」: the verb after the marker names nobody
            rest = ""
        end = _END_MARKER.search(simplified(rest))
        if end and rest[: end.start()]:
            for n in [*pending, _drop_adverb(rest[: end.start()])]:
                groups.append((role_after_with or "resp", n))
            pending, marked = [], True
        elif rest and pos and role_after_with:
            groups.append(("units", rest))
        elif rest:
            pending.append(rest)
    groups.extend(("plain", n) for n in pending)
    names = [name for role, text in groups if role != "deadline" for name in split_units(text).names]
    plain = [name for role, text in groups if role == "plain" for name in split_units(text).names]
    if not names or any(len(n) > 30 or re.search(r"[。：:！？?“”]", n) for n in names):
        return None
    offices = [n for n in plain if (len(n) >= 3 or is_collective(n)) and org_like(n)]  # (各地, 各部门: everyone)
    units = [n for n in plain if (len(n) >= 3 or is_collective(n)) and (org_like(n) or looks_like_unit(n))]
    if plain and not (len(offices) == len(plain) or (
            org_like(plain[0]) and len(units) >= 3 and 4 * len(units) >= 3 * len(plain)
            and not any(_sentence_words(simplified(n)) for n in plain))):
        # words that are not names: not a clause; a long list of offices may name a few places among them
        # (「市发改局、市统计局、各乡、镇人民政府、人民大垸、荒湖管理区」)
        return None
    return groups if not marked or any(looks_like_unit(n) or is_sector_department(n) for n in names) else None


def _resolve(groups: list[tuple[str, str]], first_leads: bool) -> dict[str, str]:
    """The roles of a clause's groups: its deadline, then who leads and who is responsible (`_resolve_units`)."""
    found: dict[str, str] = {}
    for role, text in groups:
        if role == "deadline":
            _put(found, "deadline", text)
    groups = [(role, text) for role, text in groups if role != "deadline"]
    found.update(_resolve_units(groups, first_leads))
    return found


def _resolve_units(groups: list[tuple[str, str]], first_leads: bool) -> dict[str, str]:
    """Named leads lead and the rest are units; else the document's rule makes the first name the lead; else a
    responsible group beside a cooperating one leads; else every name is a unit."""
    by_role: dict[str, list[str]] = {}
    for role, text in groups:
        by_role.setdefault(role, []).append(text)
    found: dict[str, str] = {}
    if by_role.get("lead"):
        _put(found, "lead", "、".join(by_role["lead"]))
        rest = [t for role, t in groups if role != "lead"]
        if rest:
            _put(found, "units", "、".join(rest))
        return found
    if first_leads:
        names = [n for _role, text in groups for n in split_units(text).names]
        _put(found, "lead", names[0])
        if names[1:]:
            _put(found, "units", "、".join(names[1:]))
        return found
    if by_role.get("resp") and by_role.get("coop"):
        _put(found, "lead", "、".join(by_role["resp"]))
        _put(found, "units", "、".join(t for role, t in groups if role != "resp"))
        return found
    _put(found, "units", "、".join(t for _role, t in groups))
    return found


# The words of a notice's addressee (「县直有关单位：」, 「各乡镇、县直各部门：」): never a key of the list (「相关单位：
# 县财政局」, 「有关单位：…」 are keys).
_ADDRESSED = re.compile(r"^各|直(有关|相关|各)|各单位$|各部门$")


def _key_kind(plain: str) -> tuple[str, int] | None:
    """What a key-value line holds, judged by the words of its key — "person" (a leader's name, not a unit),
    "lead", "units" or "deadline" — with where its value starts; None when the line is no key-value line.
    `plain` is the simplified line."""
    m = _KV_LINE.match(plain)
    if m:
        return _role_of_key(m.group("key")), m.start("value")
    m = _ANY_KEY_LINE.match(plain)
    if not m:
        return None
    key = m.group("key")
    if _PERSON_KEY.search(key):
        return "person", m.start("value")
    if _DEADLINE_KEY.search(key):
        return "deadline", m.start("value")
    if _WATCHER_KEY.match(key):  # 「督办单位：县政府督查室」: no unit of the task, but a key line of its block
        return "person", m.start("value")
    if _UNIT_KEY.search(key) and not _ADDRESSED.search(key):
        cooperating = re.search(r"配合|协同|协办|参与|协助", key)
        return ("lead" if re.search(r"牵头|主责|主办", key) and not cooperating else "units"), m.start("value")
    return None


def _person_then_units(kind: tuple[str, int] | None, line: str) -> bool:
    """A line that opens with a person's field and goes on with a unit key (「牵头领导：张三 责任单位：市公安局」)."""
    return bool(kind and kind[0] == "person" and _KEY_IN_TEXT.search(simplified(line))
                and {"lead", "units"} & set(parse_clause(line)))


def _line_key_role(plain: str) -> str:
    """The role of the key of a key-value line (simplified), told apart as in `_key_values`."""
    m = _KV_LINE.match(plain)
    if m:
        return _role_of_key(m.group("key"), detail=True)
    m = _ANY_KEY_LINE.match(plain)
    return _label_role(m.group("key")) if m else ""


def _keyed(plain: str) -> set[str]:
    """The kinds of unit key ("lead", "resp", "coop") written in an item's text (simplified)."""
    if ":" not in plain and "：" not in plain:
        return set()
    roles = {_role_of_key(m.group("key"), detail=True) for m in _KEY_IN_TEXT.finditer(plain)
             if m.start() == 0 or not _is_name_char(plain[m.start() - 1])}
    roles |= {_label_role(m.group("label")) for m in _LABEL_IN_TEXT.finditer(plain) if not org_like(m.group("label"))}
    return roles & {"lead", "resp", "coop"}


def _role_of_key(key: str, detail: bool = False) -> str:
    """The role of one of the unit and deadline keys: "lead", "units", "deadline"; with `detail` set, units
    are told apart as "resp" (责任单位, 负责单位 …) and "coop" (配合单位, 协办单位, 参与 …)."""
    if re.fullmatch(_LEAD_KEYS, key):
        return "lead"
    if re.fullmatch(_DEADLINE_KEYS, key):
        return "deadline"
    if detail:
        return "coop" if re.search(r"配合|协同|协办|参与|协助", key) else "resp"
    return "units"


def _put(found: dict[str, str], role: str, value: str) -> None:
    value = value.strip(" ，,；;。.")
    if value and role == "doubt":
        old = found.get(role, "")
        found[role] = value if not old else old if value in old else f"{old}；{value}"
    elif value:
        found[role] = f"{found[role]}、{value}" if role in found and role != "deadline" else value


def _paren_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost bracketed group, brackets included; nested brackets stay inside."""
    out: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


def _unclosed(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
    return depth > 0


def split_clause(text: str, first_leads: bool = False) -> tuple[str, dict[str, str]]:
    """Task text and the unit clauses in it: the one that ends the text, and any marked one inside it.

    Every clause is removed from the text; their units are gathered (several sentences of one item may each
    carry their own clause). `first_leads`: the document-level rule (see `parse_clause`).
    """
    if _unclosed(text):  # the clause goes on on the next line
        return text, {}
    found: dict[str, str] = {}
    keep: list[str] = []
    pos = 0
    plain = simplified(text)
    m = _TRAILING_KV.search(plain)
    keyed_at = _label_around(plain, m.start() + len(m.group("all")) - len(m.group("all").lstrip(" \u3000，,；;"))) \
        if m else None
    label_at = _label_after_sentence(plain)
    key_at = min((a for a in (keyed_at, label_at) if a is not None), default=None)
    spans = _paren_groups(text)
    for k, (start, end) in enumerate(spans):
        body = text[start + 1: end - 1]
        last = k == len(spans) - 1 and not text[end:].strip(" 。.；;，,\n")
        if not last and not _MARKER.search(simplified(body)) and ":" not in body and "：" not in body:
            continue
        if key_at is not None and start > key_at and _is_name_char(text[start - 1]):
            continue  # 「…。责任单位：各县(市、区)政府(管委会)」: a bracket of a name in the key's value
        clause = parse_clause(body, first_leads)
        if not clause:
            continue
        for role, value in clause.items():
            _put(found, role, value)
        keep.append(text[pos:start])
        pos = end
        if last:
            pos = len(text)
    if found:
        rest = "".join(keep) + text[pos:]
        return rest.rstrip(" \n"), found
    # the keys at the line's end (「…牵头单位：X；责任单位：Y」), or any unit label glued after the item's sentence
    # (「…增长13.5%。主办单位：X、Y。协办单位：Z。」), whichever opens first
    for at in sorted({a for a in (keyed_at, label_at) if a is not None}):
        clause = parse_clause(text[at:], first_leads)
        if clause:
            return text[:at].rstrip(" ，,；;\n"), clause
    return _glued_keys(text, first_leads)


# A field of a page's footer or a contact block (联系电话：, 地址：, 邮编：): the line is no item's clause.
_CONTACT_FIELD = re.compile(r"(联系电话|电话|传真|地址|邮编|邮箱|电子邮箱)\s*[:：]")


def _label_after_sentence(plain: str) -> int | None:
    """Where a unit label glued after the item's last sentence on its line opens — 「1.地区生产总值增长13.5%。主办单位:
    X、Y。」, 「…。实施单位：各县区」 — any short label whose words name who does the work (`_label_role`: 主办单位 leads,
    协办单位 cooperates, 责任部门 is responsible), after a 。; None when there is none. (The keys of `_KEY` are found
    anywhere by `_TRAILING_KV`; a label read by its words only counts after a sentence's end.)"""
    if ":" not in plain and "：" not in plain or SITE_REGISTRATION.search(plain) or _CONTACT_FIELD.search(plain):
        return None  # (「主办单位：县人民政府办公室 … 网站标识码：…/联系电话：…」 glued after the item: the site's footer)
    for m in _LABEL_IN_TEXT.finditer(plain):
        label = m.group("label")
        if m.start() > 0 and plain[m.start() - 1] == "。" and not org_like(label) \
                and _label_role(label) in ("lead", "resp", "coop"):
            return m.start("label")
    return None


def _label_around(plain: str, key_at: int) -> int:
    """Where the clause that a unit key found at `key_at` opens: the key itself, or the start of a longer label it ends
    (「…。主体责任：X；监督责任：Y」 — the key 「责任：」 ends the label 「主体责任」, which is the clause's first word)."""
    if key_at == 0 or not _is_name_char(plain[key_at - 1]):
        return key_at
    for m in _LABEL_IN_TEXT.finditer(plain, max(0, key_at - 8), key_at + 12):
        if m.start("label") < key_at < m.end("label") and _label_role(m.group("label")) in ("lead", "resp", "coop"):
            return m.start("label")
    return key_at


# A unit key that lost its colon (a document site's text extraction: 「…整治活动责任单位各社区居委会、驻辖区单位」).
_GLUED_KEY = re.compile(r"(?:牵头|责任|配合|协办|参与|负责|协同)(?:单位|部门|科室)(?![:：])")
# The words right before such a key that make it prose: 「X为（该项工作的）牵头单位」, 「牵头单位是…」.
# (为 of a word such as 行为, 作为, 成为 names no role: 「…违法建筑等行为责任单位城管科」 is a glued key.)
_NAMES_A_ROLE = re.compile(r"(?:(?<![行作认成因称视以更较最极尤大广无有])为|是)[^。；;，,：:]{0,12}$")


def _glued_keys(text: str, first_leads: bool) -> tuple[str, dict[str, str]]:
    """The item's clause when its keys lost their colons and it is glued to the text: from the first such key after
    which everything to the line's end is keys and names, most of them units (「…活动责任单位A、B」, 「…责任单位A配合单位B」); the
    text's own words (「明确责任单位和责任人」) never read so, since what follows them is no list of units. Flagged."""
    plain = simplified(text)
    keys = list(_GLUED_KEY.finditer(plain))
    for k, first in enumerate(keys):
        if first.start() < 4 or _NAMES_A_ROLE.search(plain, 0, first.start()):
            continue  # 「…。X为牵头单位，A、B为协办单位」 names the roles in prose (`paragraph_roles`), no glued key
        parts, at = [], first.start()
        for key, nxt in zip(keys[k:], [*keys[k + 1:], None], strict=True):
            value = text[key.end(): nxt.start() if nxt else len(text)].strip(" 。.，,；;")
            parts.append(f"{text[key.start(): key.end()]}：{value}")
        names = [n for part in parts for n in split_units(part.split("：", 1)[1]).names]
        units = sum(1 for n in names if looks_like_unit(n))  # most of them unit names, none a sentence's words
        if not names or units * 2 < len(names) or any(len(n) > 16 or re.search(r"[。；;：:]", n) for n in names) \
                or any(_sentence_words(simplified(n)) for n in names):  # 「…为协办单位，要各司其职」: a sentence goes on
            continue
        clause = parse_clause("；".join(parts), first_leads)
        if clause:
            clause["doubt"] = "单位键后没有冒号、紧接在任务文字之后，按单位说明读取"
            return text[:at].rstrip(" ，,；;"), clause
    return text, {}


# The assignment written as the item's last sentence (国办 分工 notices, plans in prose): 「…的问题，由A会同B、C等部门
# 研究提出落实意见。」, 「…的维护工作由A负责。」 — the sentence stays in the task's text. Not 由于, 理由, 自由 ….
# 由 that names who does the work — not 由于, 理由, 自由, 缘由, 经由, 由此.
_YOU = r"(?<![理自缘经])由(?![于此])"
_BY = re.compile(_YOU + r"(?P<rest>[^，,。；;：:“”由]{2,120})[。；;]?\s*$")
_BY_VERB = re.compile(r"负责|牵头|研究|组织|制定|提出|落实|推进|实施|做好|抓好|共同|按职责|统筹|承担|开展|指导|督促")


def by_sentence(text: str) -> dict[str, str]:
    """Units from an item's last sentence 「由A会同B、C等部门研究提出…」 (A leads, B and C are units) or 「由A、B负责」
    / 「由A牵头…」; {} when the words before the verb are not all unit names (「由市场主体负责运营」). A sentence that
    shares the work out, 「X的设计制作由A负责，Y的维护工作由B、C负责。」, names every part's units."""
    plain = simplified(text.rstrip())
    m = _BY.search(plain)
    if not m:
        return _by_mid_sentence(text, plain)
    found = _by_last(text, plain, m)
    if not found:
        return {}
    start = max(plain.rfind(end, 0, m.start()) for end in "。！？") + 1
    for part in _BY_PART.finditer(plain, start, m.start()):
        names = split_units(text[part.start("names"): part.end("names")]).names
        if names and all(looks_like_unit(n) for n in names):
            role = "lead" if part.group("verb") == "牵头" else "units"
            found[role] = "、".join([*names, *split_units(found.get(role, "")).names])
    return found


# Sectors named bare before 等部门 in a clause (「城管、建设等部门配合」)
_SECTORS_BY_DENG = re.compile(r"(?:^|[、，,])(?P<names>[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6})*)等(?:有关|相关)?部门")
_BY_MID = re.compile(r"(?:^|(?<=[，,；;。：:\n])|(?<=问题|工作|事项|事宜|项目|任务))" + _YOU + r"(?P<rest>[^。；;]+)")


def _by_mid_sentence(text: str, plain: str) -> dict[str, str]:
    """The work given out inside the item's sentences, between commas: 「完善农村养老服务，由县民政局负责，县卫健局配合，
    确保老有所养。」 — from each 由, the longest run of parts that reads as a clause (names, each group closed by its
    role); every run of the item counts (「…，由A牵头，B配合，完成X；由C负责，完成Y。」: A leads, B and C are units).
    The text stays whole; flagged. {} unless every name is a unit's."""
    found: dict[str, str] = {}
    for m in _BY_MID.finditer(plain):
        parts = re.split(r"[，,]", text[m.start("rest"): m.end("rest")])
        for k in range(len(parts), 0, -1):
            clause = parse_clause("，".join(parts[:k]))
            names = [n for role in ("lead", "units") for n in split_units(clause.get(role, "")).names]
            sectors = {n for part in parts[:k] for g in _SECTORS_BY_DENG.finditer(simplified(part))
                       for n in split_units(g.group("names")).names}  # 「城管、建设等部门配合」: sectors as printed
            if clause and names and all((looks_like_unit(n) or is_sector_department(n) or simplified(n) in sectors)
                                        and not _sentence_words(simplified(n)) for n in names) \
                    and _MARKER.search(simplified(parts[k - 1])):
                for role in ("lead", "units"):
                    _put(found, role, clause.get(role, ""))
                break
    if found:
        found["doubt"] = "单位取自条目文字中「由…负责／牵头」的分工，请核对"
    return found


# 由 opening a sentence or a part of one (after a colon, a comma, a stop or a line break), the names up to 负责 or 牵头,
# the work following in the same part: 「整改要求：由县环卫站负责清除…，规范…」, 「…的要求，由A、B负责对…开展劝导，…」.
_BY_OPEN = re.compile(r"(?:^|(?<=[，,；;。：:\n]))" + _YOU + r"(?P<rest>[^，,。；;：:“”由]{2,120})")


def by_opening(text: str) -> dict[str, str]:
    """Units named where a part of the item's text opens with 「由X负责…」 / 「由X牵头…」 and the work follows in the same
    part (an inspection notice's 「整改要求：由包片单位X负责督促…，…」): every such part counts; units the sentence only
    mentions (「…报县住建局处理」, 「县双创办进行抽查」) are not read. Flagged; {} unless every name is a unit's and
    holds no words of a sentence (「由市场主体负责运营」 names nobody)."""
    if "由" not in text:
        return {}
    plain = simplified(text)
    found: dict[str, str] = {}
    for m in _BY_OPEN.finditer(plain):
        part = _by_last(text, plain, m)
        names = [n for role in ("lead", "units") for n in split_units(part.get(role, "")).names]
        if names and all(not _sentence_words(simplified(n)) for n in names):
            for role in ("lead", "units"):
                _put(found, role, part.get(role, ""))
    if found:
        found["doubt"] = "单位取自条目文字中「由…负责」的要求，请核对"
    return found


# Who is named to which role in a sentence of prose (a plan for one piece of work): 「X为该议案办理工作的牵头责任单位」,
# 「A、B、C为协办单位」, 「确定X为牵头单位」 — the names open the sentence (or a part of it), a few words may stand between 为
# and the role.
_NAMED_AS = re.compile(r"(?:^|(?<=[。；;，,：:！]))\s*(?:确定|明确|指定|由|以|请)?(?P<names>[^。；;，,：:！？“”]{2,200}?)为(?P<mid>[^。；;，,：:]{0,20}?)"
                       r"(?P<role>牵头责任|牵头|主办|主责|承办|协办|配合|协同|参与|协助|责任)(?:单位|部门)(?=[，,。；;！\s]|$)")
# An office opening a paragraph with what it must do: 「州政府督查室要将该议案办理工作纳入…」, 「市住建局负责制定…」.
_SUBJECT = re.compile(r"^\s*(?P<names>[^。；;，,：:！？“”]{2,40}?)(?P<verb>要牵头|要|负责(?!人)|牵头)")
# The role named first, then who (「牵头单位为X，协办单位为A、B」, 「该议案的主办单位是X」).
_ROLE_IS = re.compile(r"(?:^|(?<=[。；;，,：:！]))[^。；;，,：:！？]{0,12}?(?P<role>牵头责任|牵头|主办|主责|承办|协办|配合|协同|参与|协助|责任)"
                      r"(?:单位|部门)(?:为|是)(?P<names>[^。；;，,：:！？“”]{2,200}?)(?=[，,。；;！]|$)")
# A field of an item opening a line (「整改要求：」, 「整改措施：」): its value is a paragraph.
_LABEL_OPEN = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}\s*[:：]\s*")
# An office asked to do the work (「整改要求：请县住建局于本月底前修复」): 请, its name, then when or how.
_PLEASE = re.compile(r"^\s*请(?P<names>[^。；;，,：:！？“”]{2,40}?)(?P<verb>于|在|立即|尽快|抓紧|迅速|务必|按照|按|负责|要|对)")
# Partners named later in the paragraph of an office that opens it: 「…，A、B等部门积极配合」.
_PARTNERS = re.compile(r"(?:(?<=[，,；;。]))\s*(?P<names>[^，,；;。：:！？“”]{2,100}?)(?:等(?:有关|相关)?(?:部门|单位))?"
                       r"(?:积极|密切|全力|共同|主动|要)?(?:配合|协助|参与|协办|支持)(?=[，,；;。]|$)")
# A request to everyone (各地要…, 有关部门要…, 本单位…, 县直各单位…): the notice's own words, not an assignment.
_EVERYONE = re.compile(r"^(各|有关|相关|全|本|所有|其他|其余)|.直各|各(单位|部门)$")
# What a notice asks everyone to send back (「请…于每月25日前将工作进展报县政府办公室」): a report, not the work.
_REPORT_BACK = re.compile(r"^[^。；;！]*?将[^。；;！]{0,40}?(报送|上报|报告|报|送)")


def _everyone(name: str) -> bool:
    """The name stands for everyone the notice goes to (各地, 有关部门, 县直各单位), not an office given the work."""
    return bool(_EVERYONE.search(simplified(name)))


def paragraph_roles(paragraph: str, subject: bool = True) -> dict[str, str]:
    """Units a paragraph of prose names, where no clause, key or 由 names them: every sentence 「X为…牵头（责任）单位」 (X
    leads) and 「A、B为协办／配合／责任单位」 (units; a 责任 group beside a 协办 one leads, as 「X负责，Y配合」), or the role
    named first (「牵头单位为X，协办单位为A、B」); else, with
    `subject`, an office opening the paragraph with what it must do (「X要…」, 「X负责…」, 「请X于…前…」: units; 「X牵头…」:
    lead), and the
    partners it names after (「…，A、B等部门积极配合」: units, X then leads). Flagged;
    {} unless every name is a unit's and the subject is not everyone (各地, 有关部门)."""
    if "为" not in paragraph and "是" not in paragraph and not subject:
        return {}
    plain = simplified(paragraph)
    roles: dict[str, list[str]] = {}
    named = [*_NAMED_AS.finditer(plain), *_ROLE_IS.finditer(plain)] if "为" in plain or "是" in plain else []
    for m in named:
        names = _all_units(paragraph[m.start("names"): m.end("names")])
        if not names:
            continue  # (「各乡镇人民政府为责任单位」 names a collective as plainly as a clause does)
        role = m.group("role")
        kind = "lead" if role in ("牵头责任", "牵头", "主办", "主责", "承办") else "resp" if role == "责任" else "coop"
        roles.setdefault(kind, []).extend(names)
    m = (_SUBJECT.match(plain) or _PLEASE.match(plain)) if subject and not roles else None
    if m:
        names = _all_units(paragraph[m.start("names"): m.end("names")])
        if names and not _everyone(names[0]):
            roles["lead" if m.group("verb") in ("牵头", "要牵头") else "resp"] = names
            for part in _PARTNERS.finditer(plain, m.end()):  # 「X牵头负责…，A、B等部门积极配合」: the partners
                partners = _all_units(paragraph[part.start("names"): part.end("names")])
                roles.setdefault("coop", []).extend(n for n in partners if n not in names)
    if roles.get("resp") and roles.get("coop") and not roles.get("lead"):
        roles["lead"] = roles.pop("resp")
    found: dict[str, str] = {}
    _put(found, "lead", "、".join(roles.get("lead", [])))
    _put(found, "units", "、".join([*roles.get("resp", []), *roles.get("coop", [])]))
    if found:
        found["doubt"] = "单位取自段落文字（「…为牵头单位」「…为协办单位」「…要…」），请核对"
    return found


def _paragraphs_roles(text: str) -> dict[str, str]:
    """`paragraph_roles` over the lines of an item: the first (its heading or its sentence) only for 「X为…单位」, the
    paragraphs under it (after a heading line or a finished sentence, not a line a page wrapped) also for an office
    opening them. Where nothing but such an office names anyone, the clause is marked "weak": the item is a task only
    in a run of items where another is named by stronger words (`_task_entries`) — a notice's closing 「二、工作要求」 ⏎
    「（一）加强督查」 ⏎ 「市政府督查室要…」 sets out no tasks, while the 「三、实行跟踪督办」 of a plan whose 「二、」 names the
    牵头单位 is one."""
    found: dict[str, str] = {}
    strong = False
    lines = text.split("\n")
    for k, line in enumerate(lines):
        # a paragraph starts under a heading line or after a sentence's end, not where a page wrapped a line
        opens = k > 0 and (lines[k - 1].rstrip().endswith(_TEXT_END + ("；", ";", "：", ":")) or (k == 1 and _heading_like(lines[0])))
        label = _LABEL_OPEN.match(line) if k > 0 else None
        if label:  # 「整改措施：X负责…」: a field of the item, its value a paragraph of its own
            line, opens = line[label.end():], True
        read = paragraph_roles(line, subject=opens)
        if read:  # (an office that leads with its partners named is as plain as a clause)
            strong = strong or bool(label) or ("lead" in read and "units" in read) \
                or bool(paragraph_roles(line, subject=False))
        for role, value in read.items():
            _put(found, role, value)
    if found and not strong:
        found["weak"] = "1"  # only an office opening a paragraph: a task only beside tasks named by stronger words
    return found


# An item whose sentence opens with who does it (a 职责分工 section): 「县住建局负责…」, 「A、B等部门负责…」, 「由X牵头，
# A、B参与，…」, 「X牵头，Y配合，…」, 「X会同Y（等部门）负责…」, 「X协助Y等有关部门负责…」 — one part per group of names, each
# closed by its role verb (the clause markers, `_MARKERS`, that are verbs); the work follows the last verb (or the comma
# after it). Not a verb where a noun begins (负责人要…, 负责同志, 负责制) or 的 follows (「X牵头的工作」 is a heading).
_SUBJECT_VERBS = "|".join(sorted((m for m, _role in _MARKERS if not m.startswith("为") and not m.endswith("落实")),
                                  key=len, reverse=True))  # (「X负责落实…」: 落实 opens the work)
_NOT_A_VERB = r"(?!(?:负责)?的|人(?=[要为是须应和及与、，,：:])|人$|同志|制(?:[，,。；;、）)度]|$)|任(?!务))"
_SUBJECT_PART = re.compile(r"(?P<by>由)?(?P<names>[^。；;，,：:！？“”\n]{2,200}?)"
                           r"(?P<adverb>具体|分别|共同|积极|主动|全力|密切|按职责分工|按照职责分工|按职责)?"
                           rf"(?P<verb>{_SUBJECT_VERBS}){_NOT_A_VERB}")
# The words a part may end with after its verb, the part being nothing but names and roles: 「…配合」, 「…牵头负责」.
_PART_END = re.compile(r"\s*[，,]\s*")
# A run of names closed by 等: 「人保、财政、审计等部门」, 「城市管理等有关部门」 — what stands before 等 names sectors as
# printed, the whole a collective.
_CLOSED_BY_DENG = re.compile(r"^(?P<names>.+?)等(?:有关|相关|其他)?(?:部门|单位|职能部门|成员单位|部门和单位|部门、单位)$")
# Everyone the notice goes to, named by a class word only (各地, 各单位, 有关部门, 各级各部门): not an office given work.
_CLASS_ONLY = re.compile(r"^(?:各|有关|相关|其他|其余|所有)+(?:地|级|单位|部门|机构|方面|各)+(?:[和及、](?:单位|部门|机构))?$")
# The endings of an office's name that make it one when nothing but the sentence says so (局, 委, 办, 中心, 政府, 残联,
# 总工会, 供销社, 分行 …): not 台 校 组 (网络订餐平台, 学校 are no offices given work), nor a role word ending in 单位
# (建设单位, 责任单位), nor a place's part ending in 区 (小区, 园区, 辖区).
_OFFICE_ENDINGS = tuple(e for e in UNIT_SUFFIXES if e not in ("台", "校", "组", "大", "团", "司", "协", "庭", "村", "中央",
                                                             "学校", "学院", "大学", "师专", "职高"))
_NOT_AN_OFFICE_AREA = re.compile(r"(小|园|景|辖|片|校|城)区$")
SUBJECT_ASSIST_DOUBT = "本项「…协助…负责」：按协助者为责任单位、被协助者为牵头单位读取，请核对"
SUBJECT_NONE_DOUBT = "同一清单的其他各项以单位开头写明分工，本项没有写明牵头/责任单位，请核对"


def _an_office(name: str) -> bool:
    """`name` names an office that can be given work as a sentence's subject: a collective of bodies (各乡镇,
    各县（市、区）人民政府, 各科室, 市直各有关单位), a sector's 部门, or a unit name with an office's ending
    (`_OFFICE_ENDINGS`) of three characters or more, or two after a level or as an office (县委, 农委); not the
    document's own place (我县, 本单位, 全市), not a request (请X…, which `_PLEASE` reads), not everyone by a class word
    (`_CLASS_ONLY`: 各地, 各单位, 有关部门)."""
    plain = simplified(name.strip())
    if plain.startswith(("我", "本", "全", "请")) or _CLASS_ONLY.match(plain):
        return False
    if is_collective(plain) or is_sector_department(plain):
        return True
    bare = re.sub(r"[（(][^（）()]{2,20}[）)]$", "", plain)
    if level_prefix(bare) and len(bare) >= 4:
        return looks_like_unit(plain)  # (县委党校, 县实验中学: a level opens the name)
    return looks_like_unit(plain) and bare.endswith(_OFFICE_ENDINGS) and not _NOT_AN_OFFICE_AREA.search(bare) \
        and (len(bare) >= 3 or bool(level_prefix(bare)) or bare.endswith(("局", "委", "办", "厅", "部", "联")))


def _subject_names(text: str, partners: bool = False) -> list[str]:
    """The names of a subject run (「县发改局、县财政局」, 「人保、财政、审计等部门」), [] unless every one is an office's
    (`_an_office`; names before 等部门 may be bare sector names as printed), but for names of everyone by a class word
    beside at least one office (「市创建办、各镇街、相关部门负责」). `partners`: a group after the first,
    standing alone between commas with its verb (「，A、B配合，」) or closed by 负责 after 会同 — the shape says they are
    names, so they need not end as offices do (吴江海关, 人民大垸, 各地、各部门 are named as printed)."""
    text = text.strip()
    if not text or simplified(text).startswith("请"):
        return []
    closed = _CLOSED_BY_DENG.match(text)
    if closed:
        names = split_units(closed.group("names")).names
        if names and all(2 <= len(n) <= 12 and not _sentence_words(simplified(n)) and not _MARKER.search(simplified(n))
                         and not _CLASS_ONLY.match(simplified(n)) for n in names):
            return names
        return []
    names = split_units(text).names
    offices = [_an_office(n) for n in names]
    if len(names) >= 2 and is_sector_department(names[-1]) and all(is_bare_sector(simplified(n)) for n in names[:-1]):
        offices = [True] * len(names)  # 「商务、供销、市场监管部门」: sectors sharing the last one's 部门
    ok = names and (all(len(n) <= 20 for n in names) if partners else any(offices) and all(
        office or _CLASS_ONLY.match(simplified(n)) for n, office in zip(names, offices, strict=True))) \
        and all(not _sentence_words(simplified(n)) and not _MARKER.search(simplified(n)) for n in names)
    return names if ok else []


def _units_then_work(rest: str) -> tuple[list[str], str] | None:
    """After 会同/协助: the names it takes (「市医保局」, 「城市管理等有关部门」) and the work after them, the names closed by
    负责 or 牵头 or, where none follows, by the first verb opening the work after a whole name (「市委组织部加强…」 is cut
    before 加强, not inside 组织部)."""
    plain = simplified(rest)
    m = re.match(rf"(?P<names>[^。；;，,：:！？“”\n]{{2,200}}?)(?:具体|分别|共同|积极)?(?P<verb>负责|牵头){_NOT_A_VERB}", plain)
    if m:
        names = _subject_names(rest[: m.end("names")], partners=True)  # (closed by their verb: names as printed)
        if names:
            return names, rest[m.end():]
    for v in _WORK_VERB.finditer(plain):
        if v.start() < 2 or _opens_a_name(plain, v):
            continue
        names = split_units(rest[: v.start()]).names  # (everyone by a class word is whom an office works with)
        if names and all((_an_office(n) or _CLASS_ONLY.match(simplified(n))) and not _sentence_words(simplified(n))
                         for n in names):
            return names, rest[v.start():]
    return None


# An office's name as the label of its duties (a plan's list of member units): 「14.市卫生局：负责…；负责…。」,
# 「各区县政府（地区管委会）：负责…」 — the office is the unit, what follows the colon its work.
_LABELLED_DUTIES = re.compile(r"^\s*(?P<names>[^。；;，,：:！？“”\n]{2,200}?)\s*[:：]\s*(?=\S)")
# …or names them as a sentence of its own (「（二）公安部门。协助民政部门做好…」): a short run of names and a stop
_NAMED_SENTENCE = re.compile(r"^\s*(?P<names>[^。；;，,：:！？“”\n\d]{2,40}?)\s*。\s*(?=\S)")


def subject_of_item(text: str) -> tuple[str, dict[str, str]] | None:
    """An item whose first sentence opens with who does it — a run of unit names closed by a role verb, perhaps in
    several comma parts (`_SUBJECT_PART`) — as (the work after the subject, the roles): 牵头 and 会同 name the lead,
    负责 the units (the lead where partners 配合/参与 are named and nobody 牵头), 配合/参与/协同 units; 「X协助Y负责」 makes
    Y the lead and X a unit, flagged; an office labelling its duties (「市卫生局：负责…」) is their unit. None when the
    names are not all units (「尾矿库、危险化学品等行业」, 「我县」,
    「党政主要负责人」) or nothing is left for the work."""
    plain = simplified(text)
    label = _LABELLED_DUTIES.match(plain) or _NAMED_SENTENCE.match(plain)
    if label:  # 「市卫生局：负责…」: the office labels its duties (partners inside them, 会同X, are not units)
        names = _subject_names(text[label.start("names"): label.end("names")])
        work = text[label.end():]
        if names and len(work.strip(" 。；;，,")) >= 2:
            return work, {"units": "、".join(names)}
    roles: dict[str, list[str]] = {"lead": [], "resp": [], "coop": []}
    doubt = ""
    leader = _LEADER_FIRST.match(plain)
    pos = start = leader.end() if leader else 0  # 「由某某副市长负责，市发改委牵头，…」: the leader is a person, no unit
    while True:
        m = _SUBJECT_PART.match(plain, pos)
        if not m or (m.group("by") and pos > start and not roles["lead"] and not roles["resp"]):
            return None
        names = _subject_names(text[m.start("names"): m.end("names")], partners=pos > start)
        if not names:
            return None
        verb, end = m.group("verb"), m.end()
        role = _MARKER_ROLE[verb]
        if role == "coop" and verb not in ("协助", "协同") and not _PART_END.match(plain, end):
            return None  # (partners stand alone between commas: 「县财政局配合做好…」 says no more than who helps)
        if verb in ("会同", "协助", "协同"):
            taken = _units_then_work(text[end:])
            if taken is None:
                return None
            others, work = taken
            if verb == "会同":
                roles["lead"] += names
                roles["resp"] += others
            else:
                roles["coop"] += names
                roles["lead"] += others
                doubt = SUBJECT_ASSIST_DOUBT
            end = len(text) - len(work)
        elif role == "lead":
            roles["lead"] += names
        elif role == "resp":
            roles["resp"] += names
        else:
            roles["coop"] += names
        comma = _PART_END.match(plain, end)
        if comma and _SUBJECT_PART.match(plain, comma.end()) and _part_is_a_clause(text, comma.end()):
            pos = comma.end()
            continue
        work = text[comma.end() if comma else end:].lstrip()
        break
    work, partners = _partners_after(work)
    roles["coop"] += partners
    if len(simplified(work).strip(" 。；;，,")) < 2:
        return None
    if not roles["lead"] and roles["coop"]:
        roles["lead"], roles["resp"] = roles["resp"], []
    found: dict[str, str] = {}
    _put(found, "lead", "、".join(roles["lead"]))
    _put(found, "units", "、".join(roles["resp"] + [n for n in roles["coop"] if n not in roles["lead"]]))
    if doubt:
        found["doubt"] = doubt
    return work, found


# A heading naming the leader in charge of the work under it (「一、王宏副市长牵头重点工作」, 「二、张三省长负责的工作」)
_A_LEADERS_HEADING = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:常务)?副?(?:省长|市长|县长|区长|州长|旗长|镇长|乡长|书记|秘书长|主任)"
                                r"(?:牵头|负责|分管|联系)的?(?:重点|主要)?(?:工作|任务|事项)?$")
# A leader in charge named before the units (「由杨某某副市长负责，市发改委牵头，相关部门配合，…」): a person, never a unit.
_LEADER_FIRST = re.compile(r"^\s*由?[\u4e00-\u9fff]{2,4}?(?:常务)?副?(?:省长|市长|县长|区长|州长|旗长|镇长|乡长|书记|秘书长|主任)"
                           r"(?:负责|分管|牵头抓总|挂帅|统筹)[，,]\s*")


# An item's first sentence naming only its topic (「（九）民爆器材管理。县公安局要重点检查…」): a short phrase and a stop
_TOPIC_SENTENCE = re.compile(r"^\s*[^。；;，,：:！？“”\n]{2,20}[。．]\s*(?=\S)")


def item_subject(text: str) -> tuple[str, dict[str, str]] | None:
    """Who does a numbered item, said as its sentence's subject: `subject_of_item` (「县住建局负责…」, 「X牵头，Y配合，…」),
    or an office and a modal (「县公安局要重点检查…」), in its first sentence or in the second after a sentence naming
    only the item's topic (「民爆器材管理。县公安局要…」) — as (work, roles), or None. Everyone (各乡镇要…) is nobody's
    task here: that is a notice asking all it goes to."""
    said = subject_of_item(text)
    if said is not None:
        return said
    topic = _TOPIC_SENTENCE.match(text)
    rest = text[topic.end():] if topic else text
    said = subject_of_item(rest) if topic else None
    if said is None and _DUTY_OPENING.match(simplified(rest)) and "\n" not in rest.strip():
        said = duty_paragraph(rest)
    names = [n for role in ("lead", "units") for n in split_units(said[1].get(role, "")).names] if said else []
    sectors = "部门" in rest[:40]  # (「环保、农业、林业等部门要…」: sectors sharing the 部门 after them)
    if not names or not all(org_like(n) or is_sector_department(n) or _TOWNSHIP.search(simplified(n))
                            or (sectors and is_bare_sector(simplified(n))) for n in names):
        return None  # (「领导干部要带头…」: people, not an office)
    return said[0], {**said[1], "doubt": MODAL_SUBJECT_DOUBT}


# The doubt of an item whose office was read from the subject of its second sentence or before a modal: a weak
# reading — a clause, a heading or a closing line that names units says more (`_names_its_doer`), and a reading
# made of nothing else does not beat another reading of the text (importer `_best_reading`).
MODAL_SUBJECT_DOUBT = "单位取自条目中「X要…」「（主题）。X负责…」一句的主语，请核对"


def printed_work(text: str, work: str) -> str:
    """The task's text for an item or paragraph read by who opens it (`subject_of_item`, `duty_paragraph`): the
    sentence as printed where the office is its subject (「市卫生局负责组织开展…」, 「公安机关要…」, 「X负责，Y配合，…」 —
    who does it is part of what the list says), the work alone where the office only labels it (「市卫生局：负责…」,
    「（二）公安部门。协助…」)."""
    plain = simplified(text)
    label = _LABELLED_DUTIES.match(plain) or _NAMED_SENTENCE.match(plain)
    if label and text[label.end():].strip() == work.strip():
        return work
    return text.strip()


def _led_body(line: str) -> dict[str, str]:
    """The roles of a paragraph under an item's title that opens by saying who leads the work (「由某某副市长负责，市发改委
    牵头，相关部门配合，尽快完成…」): {} unless its subject names a lead."""
    said = subject_of_item(line)
    return said[1] if said and said[1].get("lead") else {}


def _partners_after(work: str) -> tuple[str, list[str]]:
    """The work without the partners its last part names (「县住建局负责推进老旧小区改造，各乡镇配合。」: 各乡镇 help),
    and those partners; the work as it is where its last part is not names and their verb alone (「，配合上级做好验收」
    is work) or names no office (「，群众积极参与」). Beside an office, names are taken as printed (人民大垸, 滁州海关);
    everyone by a class word (相关部门, 各地、各部门) is taken too."""
    plain = simplified(work)
    end = len(plain.rstrip(" 。；;"))
    found = list(_PARTNERS.finditer(plain))
    last = found[-1] if found else None
    if last is None or last.end() != end:
        return work, []
    names = split_units(work[last.start("names"): last.end("names")]).names
    offices = [_an_office(n) for n in names]  # (names as printed beside an office: 人民大垸, 滁州海关; or everyone)
    named = any(office and not is_collective(n) for n, office in zip(names, offices, strict=True))
    if not names or not (any(offices) or all(_CLASS_ONLY.match(simplified(n)) for n in names)) or any(
            len(n) > 20 or _sentence_words(simplified(n)) or _MARKER.search(simplified(n)) for n in names) or (
            not named and any(_WORK_VERB.match(n) or (is_collective(n) and not names_bodies(n)
                                                       and not simplified(n).startswith(("各", "有关", "相关")))
                              for n in names)):
        return work, []  # (collectives alone open as one or name bodies: not 「鼓励各类企业」, 「社会各界广泛」)
    return work[: last.start() - 1].rstrip() + work[end:], names  # (cut at the mark before the part)


def _without_subject(text: str, content: str, found: dict[str, str]) -> str:
    """The item's text without the subject it opens with, where its own clause names the same units again
    (「1.市创建办、各镇街负责制作…。…的设计制作由市创建办负责，…由各镇街负责。」): the clause gives the roles, the
    subject is not part of the work."""
    said = subject_of_item(text)
    if said is None:
        return content
    named = {n for role in ("lead", "units") for n in split_units(found.get(role, "")).names}
    subject = {n for role in ("lead", "units") for n in split_units(said[1].get(role, "")).names}
    opening = text[: len(text) - len(said[0])]
    return content[len(opening):] if subject <= named and content.startswith(opening) else content


def _part_is_a_clause(text: str, at: int) -> bool:
    """The comma part of `text` from `at` is nothing but names and their role verb (「县财政局、县自然资源局配合」), the
    next group of a subject, not the work (「负责组织…」 or 「做好…」)."""
    plain = simplified(text)
    end = re.compile(r"[，,。；;\n]|$").search(plain, at).start()
    m = _SUBJECT_PART.fullmatch(plain, at, end)
    if not m:
        return False
    return bool(_subject_names(text[m.start("names"): m.end("names")], partners=True))


# An earlier part of a sentence that shares the work out: 「…的资料设计由市文明办负责，…」.
_BY_PART = re.compile(_YOU + r"(?P<names>[^，,。；;：:“”由]{2,60}?)(?P<verb>负责|牵头)(?=[，,；;])")


def _by_last(text: str, plain: str, m: re.Match) -> dict[str, str]:
    """The units of the 由 clause `m` that ends the item (`by_sentence`)."""
    rest, at = m.group("rest"), m.start("rest")
    if "会同" in rest:
        i = rest.index("会同")
        lead, units = _names_before_verb(text[at: at + i] + "负责"), _names_before_verb(text[at + i + 2:])
        return {"lead": lead, "units": units} if lead and units else {}
    verb = re.match(r"(.+?)(负责|牵头)", rest)
    names = _names_before_verb(text[at: at + len(rest)], strong=True) if verb else ""
    carry = re.match(r"(.+?)(?:共同|具体|分别)?(?:组织)?实施(?:工作)?$", rest)
    if not names and carry:  # 「由县民族局、交通部门共同组织实施。」: who carries the item out, its last sentence
        return {"units": "、".join(found)} if (found := _bodies_and_sectors(text[at: at + carry.end(1)])) else {}
    urge = re.match(r"(.+?)(?:督促|督导|指导)", rest) if not names else None
    if urge:  # 「整改措施：由县住建局督促商户更换。」: the office that sees the work done
        names = _names_before_verb(text[at: at + urge.end()], strong=False)
        return {"units": names} if names and all(org_like(n) and _LEVEL_OPENING.match(simplified(n))
                                                 for n in split_units(names).names) else {}  # (not 「商户自行」)
    if not names:
        return {}
    first = split_units(names).names[0]
    said = re.search(r"(牵头|主办|主责)(单位|部门)$", simplified(rest[: max(0, rest.find(first))]))
    # 「由牵头单位X负责」: the role word before the name says X leads
    return {"lead": names} if verb.group(2) == "牵头" or said else {"units": names}


def _bodies_and_sectors(text: str) -> list[str]:
    """The names of `text` when one at least is a body's and the others are bodies' or sectors' departments, a sector
    named bare sharing the 部门 of the next (「县民族局、水利、电力部门」), else []."""
    names = split_units(re.sub(r"等(有关|相关)?(部门|单位)?$", "", text.strip())).names
    plain = [simplified(n) for n in names]
    ok = [(looks_like_unit(n) and (org_like(n) or bool(_LEVEL_OPENING.match(n)))) or is_sector_department(n)
          or (is_bare_sector(n) and k + 1 < len(plain) and is_sector_department(plain[k + 1]))
          for k, n in enumerate(plain)]
    return names if names and all(ok) and any(map(org_like, plain)) else []  # (not 「项目所在乡镇」, 「受益村」)


def _opens_a_name(plain: str, verb: re.Match) -> bool:
    """The verb found in `plain` begins a unit's name rather than the work: with the character after it, it ends as a
    name does, and what follows ends the name too (「市委组织部负责」: 组织部, then a verb; not 「开展联合执法」, where
    联 goes on into 联合)."""
    after = plain[verb.end(): verb.end() + 1]
    if not after or not looks_like_unit(plain[verb.start(): verb.end()] + after):
        return False
    rest = plain[verb.end() + 1:]
    return not rest or rest[0] in "、，,；;。和及与" or bool(_WORK_VERB.match(rest) or _MARKER.match(rest))


def _names_before_verb(text: str, strong: bool = False) -> str:
    """The unit names that open `text`, up to the first verb after a whole name (the verb must not be the
    start of a name: 「市委组织部负责」 is cut at 负责, not at 组织); "" unless every name looks like a unit."""
    plain = simplified(text)
    pattern = re.compile("负责|牵头") if strong else _BY_VERB
    for m in pattern.finditer(plain):
        if m.start() < 2 or _opens_a_name(plain, m):
            continue
        head = re.sub(r"等(有关|相关)?(部门|单位)?$", "", text[: m.start()].strip())
        result = split_units(head)
        names = [_drop_role_word(n) for n in result.names]
        if names and all(looks_like_unit(n) and not _sentence_words(simplified(n)) for n in names):
            return "、".join(names)
        return ""
    return ""


# A role word printed before a unit's name in prose, with the area or group it covers: 「由包片单位县气象局负责」,
# 「由陈家坝沿线包片单位县职教中心、县消防大队负责」, 「由责任部门市城管局负责」 — the words up to 单位/部门, when a name opening with its
# level (县…, 市…) follows; 「事业单位登记管理局」 keeps its words.
_ROLE_WORD = re.compile(r"^[\u4e00-\u9fff]{0,8}?(单位|部门)(?=[省市区县州旗盟镇乡][\u4e00-\u9fff]{2})")


def _drop_role_word(name: str) -> str:
    """`name` without a role word before it (`_ROLE_WORD`) when what follows is a unit's name."""
    m = _ROLE_WORD.match(simplified(name))
    return name[m.end():] if m and looks_like_unit(name[m.end():]) else name


# Lists written into prose, with no units anywhere (a report quoting a government's 十件实事): 「一是…。二是…。」 inline or
# opening paragraphs, 「…承诺：1.…；2.…；3.…。」, 「分别是：A；B；C。」, paragraphs opened by 「之一：」.
_ZH_IS = re.compile(rf"(?:^|(?<=[。；;！：:]))\s*([{_ZH_DIGITS}]{{1,3}})是")
_ZHI = re.compile(rf"^\s*之([{_ZH_DIGITS}]{{1,3}})\s*[:：]")
_INLINE_PAREN = re.compile(r"(?:(?<=[\s。；;：:！])|^)[（(](\d{1,2})[)）]")  # 「分别是： (1)… (2)… (3)…」
_AFTER_COLON = re.compile(r"(分别是|分别为|包括|如下|主要有|具体是|即)[:：]?")
_MIN_ENUMERATED = 3


# 「由镇公路站负责的农村道路硬化项目，……，预计2021年11月份完成。」: who does it, inside the sentence that names the
# project (负责的 → responsible, 牵头的 → lead), and the completion phrase that ends it.
_BY_WHOM = re.compile(_YOU + r"(?P<names>[^，,。；;：:“”由的]{2,40}?)(?P<verb>牵头负责|牵头|负责)的")
_DONE_BY = re.compile(r"[，,、。；;\s]*(预计|计划|力争|确保|预期)?\s*(于|在)?\s*"
                      r"(?P<date>\d{4}\s*年\s*(\d{1,2}\s*月份?)?(底前|底|中旬|上旬|下旬|前)?|年底前?|年内|\d{1,2}\s*月(份|底)?前?)"
                      r"\s*(前|以前)?\s*(全面)?(完成|完工|建成|竣工|投用|投入使用|交付使用)[^，,。；;]{0,6}[。，,；;]*\s*$")
_MIN_BY_WHOM = 2


def read_by_whom(text: str) -> list[Grid]:
    """Paragraphs that each name a project and who does it inside the sentence (a township's or county's list of
    projects written as prose): 「聚焦“乡村振兴”。由农业农村办负责的美丽乡村建设项目，完善……，预计2021年12月份完成。」
    — a task per paragraph, its text from 由 on, its units from 「由X负责的」 (「由X牵头的」 leads), its deadline from the
    completion phrase that ends it (预计…完成), a short opening before 由 as its category. Every task is flagged:
    the units and the deadline are read from prose. [] unless at least two paragraphs have that shape and every
    name in them looks like a unit."""
    found = _by_whom_rows(text)
    if len(found) < _MIN_BY_WHOM:
        return []
    where = "段落中「由…负责的…」"
    grid = Grid(rows=[["序号", "类别", "任务内容", "牵头单位", "责任单位", "完成时限"]], where=where, from_items=True,
                notes=[f"文中没有表格或编号条目，按{where}读入 {len(found)} 项任务"])
    for row in found:
        grid.rows.append(row)
        grid.doubts[len(grid.rows) - 1] = "单位和完成时限取自段落文字（由…负责的…，预计…完成），请核对"
    grid.row_numbers = list(range(len(grid.rows)))
    return [grid]


def by_whom(text: str) -> dict[str, str]:
    """Units named where an item's sentence opens, 「由镇交通办负责的农村公路提档升级项目…」 (牵头的 leads), as in
    `read_by_whom`, for an item of a list whose other items carry clauses; flagged. {} when there is none, or a
    name does not look like a unit (「由市场主体负责的运营」)."""
    m = _BY_WHOM.match(simplified(text))  # the item opens with it: a 由 further on may describe anything
    if not m:
        return {}
    names = text[m.start("names"): m.end("names")]
    split = split_units(names).names
    if not split or not all(looks_like_unit(n) for n in split):
        return {}
    role = "units" if m.group("verb") == "负责" else "lead"
    found = {role: names, "doubt": f"单位取自本项文字「{text[m.start(): m.end()][:20]}」，请核对"}
    done = _DONE_BY.search(simplified(text), m.end())
    if done:  # 「…，预计2024年11月底前完成。」: the sentence stays in the text
        found["deadline"] = text[done.start("date"): done.end("date")]
    return found


def _by_whom_rows(text: str) -> list[list[str]]:
    """(number, category, text, lead, units, deadline) of each paragraph of the shape `read_by_whom` reads."""
    rows = []
    for line in (ln.strip() for ln in text.replace("\r", "\n").split("\n")):
        plain = simplified(line)
        m = _BY_WHOM.search(plain)
        if not m:
            continue
        names = line[m.start("names"): m.end("names")]
        if not split_units(names).names or not all(looks_like_unit(n) for n in split_units(names).names):
            continue
        number = ""
        opener = line[: m.start()]
        num = _numbered(opener + "由") if opener else None
        if num:
            number, opener = num[1], num[2][:-1]
        opener = opener.strip(" ，,。；;：:")
        if len(opener) > 30:
            continue  # a sentence before 由: the paragraph says more than one project
        quoted = re.search(r"[“\"「](.+?)[”\"」]", opener)
        category = quoted.group(1) if quoted else opener
        done = _DONE_BY.search(plain, m.end())
        content = line[m.start(): done.start() if done else len(line)].rstrip(" ，,、；;")
        deadline = line[done.start("date"): done.end("date")] if done else ""
        lead = names if m.group("verb") != "负责" else ""
        rows.append([number, category, content, lead, "" if lead else names, deadline])
    return rows


# Work assigned inside the prose of a report (a meeting's minutes or news of it): 「…县长要求，由A牵头，B、C配合，在9月底前
# 完成…；由D牵头，E配合，在12月底前完成…。」 — each sentence part opened by 由, its clause groups separated by ，,
# then the work, a time phrase (在…前) before it giving the deadline.
_PROSE_BY = re.compile(_YOU)
_PROSE_WHEN = re.compile(r"^(要|须|务必|必须|力争|确保|并)?(在|于)?\s*(?P<date>" + _STEP_DATE.pattern + r")\s*")
_CLAUSE_PART_END = re.compile("(" + "|".join(re.escape(m) for m, role in _MARKERS if role != "with") + ")$")
_MIN_PROSE = 2
_PROSE_MARKS = re.compile("|".join(re.escape(m) for m, role in _MARKERS if role in ("lead", "resp")))


def read_prose_assignments(text: str) -> list[Grid]:
    """Work assigned in the prose of a report, 「由A牵头，B、C配合，在9月底前完成X；由D牵头，…完成Y。」: a task per
    part, its text the work (from its verb on), its units from the clause groups after 由, its deadline from the time
    phrase before the work; or tasks quoted after who does them, as a 督查通报 cites lagging items: 「如A负责的“X。”截至
    目前，…；B、C负责的“Y。”…」 (`_quoted_rows`). The tasks are numbered in the order they are written. Every task is
    flagged: units, text and deadline are read from prose. [] unless at least two parts of one paragraph have that
    shape and every name in their clauses looks like a unit."""
    found, where = _prose_rows(text), "文中「由…牵头，…配合，在…前完成…」的叙述"
    if len(found) < _MIN_PROSE:
        found, where = _quoted_rows(text), "文中「…负责的“…”」引述的事项"
    if len(found) < _MIN_PROSE:
        return []
    grid = Grid(rows=[["序号", "任务内容", "牵头单位", "责任单位", "完成时限"]], where=where, from_items=True,
                notes=[f"文中没有表格或编号条目，按{where}读入 {len(found)} 项任务，按出现顺序编号"])
    for k, row in enumerate(found, 1):
        grid.rows.append([str(k), *row])
        grid.doubts[len(grid.rows) - 1] = f"任务内容、单位{'和完成时限' if row[3] else ''}取自{where}，序号按出现顺序编排，请核对"
    grid.row_numbers = list(range(len(grid.rows)))
    lines = [ln.strip() for ln in text.replace("\r", "\n").split("\n") if ln.strip()]
    first = simplified(found[0][0])[:12]
    # a page copied whole (a report quoting the tasks) opens with its own title; else the lines above its first sentence
    top = next((lines[:k] for k, ln in enumerate(lines) if first in simplified(ln) or ln.endswith("。")), [])
    grid.preamble = top[:1] if top and len(top[0]) <= 60 and not re.search(r"[。；;：:]", top[0]) else top
    return [grid]


# 「…，如区教育局负责的“新建幼儿园3所。”目前已开工2所；区民政局、区财政局负责的“提升养老服务。”…」: the units, then the task in quotes.
_QUOTED_BY = re.compile(r"(?:^|(?<=[，,。；;：:\s”]))(?:如|例如|比如|其中|包括|即|特别是|尤其是)?"
                        r"(?P<names>[^，,。；;：:“”\"「」\s]{2,60}?)(?P<verb>牵头负责|牵头|负责|承办)的[“「](?P<task>[^”」“「]{4,300})[”」]")


def _quoted_rows(text: str) -> list[list[str]]:
    """(text, lead, units, deadline) of each task quoted after who does it (`read_prose_assignments`): 负责的 names
    responsible units, 牵头的 and 承办的 the lead; [] unless every name looks like a unit."""
    if "的“" not in text and "的「" not in text:
        return []
    rows = []
    plain = simplified(text)
    for m in _QUOTED_BY.finditer(plain):
        names = _all_units(text[m.start("names"): m.end("names")])
        quoted_sentence = m.group("task").rstrip().endswith(("。", "！", "；", ";"))
        if not names or not (quoted_sentence or re.match(r"\s*([，,。；;]|$|截至|目前|现已|已)", plain[m.end():])):
            continue  # 「巩固A负责的“一网通办”改革成果」: a name quoted inside a sentence, not a task
        unit_list = "、".join(names)
        lead = unit_list if m.group("verb") != "负责" else ""
        rows.append([text[m.start("task"): m.end("task")].strip(), lead, "" if lead else unit_list, ""])
    return rows


def _prose_rows(text: str) -> list[list[str]]:
    """(text, lead, units, deadline) of each part of the shape `read_prose_assignments` reads, in every paragraph,
    once one paragraph holds at least two of them; [] otherwise. A numbered item's paragraph is never read so: an
    item that assigns its own work in prose is one task of its list (`read_enumeration`), not a list of its own."""
    per_line = []
    for line in (ln.strip() for ln in text.replace("\r", "\n").split("\n")):
        if not _PROSE_MARKS.search(line) or _numbered(line):
            continue
        per_line.append([row for part in re.split(r"[；;。]", line) for row in [_prose_part(part)] if row])
    return [row for rows in per_line for row in rows] if any(len(r) >= _MIN_PROSE for r in per_line) else []


def _prose_part(part: str) -> list[str] | None:
    """(text, lead, units, deadline) of one part 「…由A牵头，B配合，在9月底前完成X」 (or without 由: 「会议要求，A牵头，
    B配合，9月底前完成X」), or None. The clause opens after 由 or at the start of a comma piece, with a group that
    leads or is responsible (not one that only cooperates)."""
    plain = simplified(part)
    starts = sorted({0, *(m.end() for m in _PROSE_BY.finditer(plain)), *(m.end() for m in re.finditer(r"[，,]", plain))})
    for start in starts:
        pieces = re.split(r"([，,])", part[start:])
        first = _CLAUSE_PART_END.search(simplified(pieces[0].strip()))
        if not first or _MARKER_ROLE.get(first.group(0)) not in ("lead", "resp"):
            continue
        clause, k = [], 0
        while k < len(pieces):
            piece = pieces[k].strip()
            if not _CLAUSE_PART_END.search(simplified(piece)) or _groups(piece) is None:
                break
            clause.append(piece)
            k += 2
        if not clause or k >= len(pieces):
            continue
        found = parse_clause("，".join(clause))
        if not _all_units("、".join(found.get(r, "") for r in ("lead", "units"))):
            continue
        work = "".join(pieces[k:]).strip(" ，,")
        when = _PROSE_WHEN.match(simplified(work))
        deadline = ""
        if when and when.group("date"):
            deadline = work[when.start("date"): when.end("date")].strip()
            work = work[when.end():]
        if len(work) < 4:
            continue
        if start == 0 and not deadline and not _PROSE_BY.match(plain.lstrip()):  # 「市公安局牵头，负责组织开展…」, 「A牵头，B配合，做好…」: the offices are the
            work = part.strip()  # sentence's subject, kept as printed (as `printed_work` keeps 「X负责，Y配合，…」)
        return [work, found.get("lead", ""), found.get("units", ""), deadline]
    return None


# An office opening a paragraph with what it must do, when it is not said with a role verb: 「公安机关要制定…」,
# 「交通部门，负责…」, 「各乡(镇)政府必须…」 — the names, then a modal (or a comma before 负责) that ends them.
_DUTY_OPENING = re.compile(rf"^(?P<names>[^。；;，,：:！？“”\n]{{2,120}}?)(?:还|也|都|均|亦)?\s*(?:[，,]\s*(?=负责|{_MODALS})"
                           rf"|(?={_MODALS})(?!要求|须知))")
# A paragraph cut where a second office labels its duties after the first's last sentence (a page that lost a line
# break: 「…恢复路面清洁。市房管局：负责…」, 「…建设。科技部门，负责…」), or where a page run onto one line put a space
# after a stop.
_NEXT_DUTY = re.compile(r"(?<=[。；;])\s*(?=[^。；;，,：:！？“”\s]{2,30}(?:[:：]\s*\S|[，,]\s*负责))|(?<=。)\s+(?=\S)"
                        # …or where the next sentence opens with an office and what it must do (a news report's 「…；市公安局
                        # 要…；市卫健委要…」)
                        r"|(?<=[；;])\s*(?=[^。；;，,：:！？“”\s]{2,40}?(?:要|负责|应当|必须)(?![求人]))")
# A sentence after a full stop opening with an office and what it must do (「…方案。市卫健委要…。」): the next office's
_NEXT_MUST = re.compile(r"(?<=。)\s*(?=[^。；;，,：:！？“”\s]{2,40}?(?:要|负责|应当|必须)(?![求人]))")
_MIN_DUTIES = 3
# What a paragraph that opens with an office has at its start: a name ending as a body's does (or a sector's 部门,
# 机关), then the colon, comma, role verb or modal that ends it — a cheap test first, as a long text's every line
# (a table's cells copied one per line, a sentence) is asked.
_MAY_OPEN_A_DUTY = re.compile(
    r"^(?:各|有关|相关)|^[^。；;：:，,]{0,160}?(?:" + "|".join(sorted(UNIT_SUFFIXES + ("部门", "机关", "单位"), key=len, reverse=True))
    + rf")[）)]?\s*(?:[:：，,]|[。．]\s*负责|负责|牵头|会同|协助|{_MODALS})")  # (a collective opens as one: 各营业网点, 各大药店)
# A label that names a role (配合科室, 牵头处室), not an office (交通部门, 各责任科室 — everyone bearing the duty).
_ROLE_LABEL = re.compile(r"牵头|责任|配合|协办|参与|主办|承办|负责|协同|主责")
# An item's number inside what would open a paragraph (「2024年民生实事项目 1.新建…」): items run on, not an office.
_NUMBERING_INSIDE = re.compile(r"(?:^|[\s，,。；;])\d{1,3}\s*[.．、](?!\d)")


def _numbering_opens(paragraph: str) -> bool:
    """An item's number stands in the paragraph's first forty characters."""
    m = _NUMBERING_INSIDE.search(paragraph)
    return bool(m) and m.start() < 40
# Among paragraphs that open with offices, one opened by an office and a comma only: 「旅游部门，指导发展旅游产业…」.
_DUTY_AMONG = re.compile(r"^(?P<names>[^。；;，,：:！？“”\n]{2,30}?)\s*[，,]")
# A page's mark that its text goes on from the page before (「[接上页]」), not part of the paragraph.
_PAGE_MARK = re.compile(r"^\s*[\[【［]\s*接上页\s*[\]】］]\s*")


def duty_paragraph(paragraph: str, among: bool = False) -> tuple[str, dict[str, str]] | None:
    """A paragraph without a number that opens with who does it (a plan's 职责分工 or its member units' duties): as
    `subject_of_item` reads an item (「县自然资源局：负责…」, 「县教育局负责…」), or an office, then a modal or a comma
    before 负责 (「公安机关要制定…」, 「交通部门，负责…」), the work after the comma or the modal — as (work, roles),
    or None. The names must be offices (`_subject_names`: not 各地, 有关部门 alone, 我县). `among`: the paragraph
    stands among such paragraphs, where an office and a comma alone open it as well (「旅游部门，指导发展…」)."""
    if not _MAY_OPEN_A_DUTY.match(simplified(paragraph[:200])):
        return None
    label = _ANY_KEY_LINE.match(paragraph)
    if _KV_LINE.match(paragraph) or (label and _ROLE_LABEL.search(label.group("key")) and _label_role(label.group("key"))
                                     and not label.group("key").startswith("各")) \
            or (_numbering_opens(paragraph) and not _POINTS_AFTER_LABEL.match(paragraph)):
        return None  # a field's label (「责任科室：县教育局」), or a list's items run into the paragraph
    said = subject_of_item(paragraph)
    if said is not None:
        return said if _work_like(said[0]) else None
    m = _DUTY_OPENING.match(simplified(paragraph)) or (_DUTY_AMONG.match(simplified(paragraph)) if among else None)
    if not m:
        return None
    names = _subject_names(paragraph[m.start("names"): m.end("names")])
    work = re.sub(rf"^({_MODALS})", "", paragraph[m.end():].lstrip(" ，,"))
    if not names or not _work_like(work) or (_everyone(names[0]) and not among):
        return None  # (「各乡镇要…」 asks everyone; among offices given their duties, 「各科室要…」 is one of them)
    return work, {"units": "、".join(names)}


def _work_like(work: str) -> bool:
    """What follows an office's name is work written out — four characters or more outside brackets, mostly
    characters — not a telephone number (「县水利局：0556-7654321」) or a person (「县水利局：李强（局长）」) of a
    contact or member list."""
    words = re.sub(r"[（(][^（）()]*[）)]", "", work)
    han = len(re.findall(r"[\u4e00-\u9fff]", words))
    return han >= 4 and han * 2 >= len(re.sub(r"\s", "", words))


def read_duty_paragraphs(text: str) -> list[Grid]:
    """Paragraphs without numbers, each opening with who does it (`duty_paragraph`) — a plan's list of member units'
    duties, 「县住房城乡建设局：负责…」 ⏎ 「县自然资源局：负责…」, or 「公安机关要…」 ⏎ 「民政部门要…」 — a task per
    paragraph: its text the work, its units the office. A run of at least three such paragraphs one after another
    (blank lines and sections' headings apart), one of them at least read on its own and not all of them naming
    everyone (各科室), is a list; the heading above a paragraph is its category. Every task is flagged: what the
    paragraph opens with is read as who does it. [] otherwise."""
    lines = [ln.strip() for ln in text.replace("\r", "\n").split("\n")]
    runs: list[list[tuple[str, str, dict[str, str]]]] = []
    run: list[tuple[str, str, dict[str, str]]] = []
    heading = ""
    requirements = False  # under a section of requirements (工作要求, 保障措施): its paragraphs are no one's duties
    strong = False  # the run holds a paragraph read without the help of the others
    for line in lines:
        if not line:
            continue
        num = _numbered(line)
        parts = [p for p in _NEXT_DUTY.split(_PAGE_MARK.sub("", line)) if p.strip()] if not num else []
        if not _LABELLED_DUTIES.match(simplified(line)):  # (an office's labelled duties keep their own sentences)
            parts = [q for p in parts for q in _NEXT_MUST.split(p) if q.strip()]
        # (an office and a comma only, or everyone, beside offices opening their paragraphs: wherever it stands)
        read = [duty_paragraph(p, among=True) for p in parts]
        for k in range(len(parts) - 1, 0, -1):  # a sentence cut off that is no office's duty (「同时要加强…」, 「各学校要…」
            said = read[k][1].get("units") or read[k][1].get("lead") or "" if read[k] else ""
            if not read[k] or (read[k - 1] and (_everyone(said) or simplified(said).startswith("地方"))):
                parts[k - 1] += parts.pop(k)  # within the office's paragraph): it goes on the duty before it
                read.pop(k)
                read[k - 1] = duty_paragraph(parts[k - 1], among=True)
        if len(parts) >= 3 and not read[0] and all(read[1:]):  # the first of a 「…；…；」 run after the words before it
            head, stop, tail = parts[0].rpartition("。")
            first = duty_paragraph(tail, among=True) if stop and tail.strip() else None
            if first:
                parts, read = [head + stop, tail, *parts[1:]], [None, first, *read[1:]]
        if len(parts) >= 4 and not read[0] and all(read[1:]):  # 「某某要求，各成员单位要…。」 before the duties it shares out
            parts, read = parts[1:], read[1:]
        if parts and all(read) and not requirements:
            strong = strong or any(duty_paragraph(p) for p in parts)
            run.extend((heading, printed_work(p, work), roles)  # type: ignore[misc]
                       for p, (work, roles) in zip(parts, read, strict=True))
            continue
        decimal = _DECIMAL_HEADING.match(line)
        title = num[2] if num and _heading_like(num[2]) else decimal.group(1) if decimal and _heading_like(
            decimal.group(1)) else None
        if title is not None and not _NO_DUTIES_HEADING.search(title.strip()):
            heading, requirements = title.rstrip("：:。"), False  # 「6.3 医疗救护和卫生防疫」: the list goes on under it
            continue
        if title is not None:  # 「五、保障措施」, 「6.2 工作要求」: the paragraphs under it are requirements, no duties
            requirements = True
        if len(run) >= _MIN_DUTIES and strong:
            runs.append(run)
        run, heading, strong = [], "", False
    if len(run) >= _MIN_DUTIES and strong:
        runs.append(run)
    runs = [r for r in runs if not all(_everyone(roles.get("lead") or roles.get("units") or "") for _h, _w, roles in r)]
    if not runs:
        return []
    where = "各段开头写明的单位及其职责"
    grid = Grid(rows=[["序号", "类别", "任务内容", "牵头单位", "责任单位"]], where=where, from_items=True,
                notes=[f"文中没有表格或编号条目，按{where}读入 {sum(map(len, runs))} 项任务"])
    for r in runs:
        for category, work, roles in r:
            for number, point in _numbered_points(work):  # 「交警大队：1.…。2.…。3.…」: each point a task of the office
                grid.rows.append([number, category, point, roles.get("lead", ""), roles.get("units", "")])
                grid.doubts[len(grid.rows) - 1] = DUTY_POINT_DOUBT if number else DUTY_PARAGRAPH_DOUBT
    grid.row_numbers = list(range(len(grid.rows)))
    return [grid]


# A sentence of a news report or a regulation opening with a sector's departments (「卫生部门对…」, 「住建、规划、环保部门
# 将…」, 「该县公安部门派出…」): the names, then any verb
_DEPARTMENT_SUBJECT = re.compile(r"^(?:该[县市区镇]|全[县市区]|各级)?(?P<names>(?:[\u4e00-\u9fff]{2,10}[、和])*"
                                 r"[\u4e00-\u9fff]{1,12}?(?:部门|机关))(?![的和与及、])")
DEPARTMENT_SENTENCE_DOUBT = "单位取自句首的「某某部门」，请核对"
_LEAD_IN = re.compile(r"^[^，,。；;：:]{0,16}(?:指出|明确|要求|规定|强调|提出)[，,：:]\s*")
_MIN_DEPARTMENT_SENTENCES = 3


def _department_subject(sentence: str) -> str | None:
    """The departments a sentence opens with (`_DEPARTMENT_SUBJECT`), or None: the last a sector's departments
    (公安部门, 安全生产监督管理部门), any before it sectors sharing its 部门 (住建、规划、环保部门)."""
    m = _DEPARTMENT_SUBJECT.match(simplified(sentence.strip()))
    if not m:
        return None
    names = split_units(sentence.strip()[m.start("names"): m.end("names")]).names
    plain = [simplified(n) for n in names]
    if not plain or not is_sector_department(plain[-1]) or not all(
            is_sector_department(n) or is_bare_sector(n) for n in plain[:-1]) or len(sentence.strip()) - m.end() < 4:
        return None
    return "、".join(names)


def read_department_sentences(text: str) -> list[Grid]:
    """A paragraph that shares work out in sentences each opening with a sector's departments, whatever the verb
    (a news report: 「该县公安部门派出值勤队…；卫生部门对…进行卫生检查…；交通部门增加了…」; a regulation retold:
    「财政部门应当保障…。建设部门应当…」): a run of three such sentences or more, one after another, each a task of
    its departments, flagged. [] otherwise. (A reading only where the text gives no other: `importer._text_readings`.)"""
    runs: list[list[tuple[str, str]]] = []
    for line in text.replace("\r", "\n").split("\n"):
        run: list[tuple[str, str]] = []
        for sentence in re.findall(r"[^。；;]+[。；;]?", line):
            lead_in = _LEAD_IN.match(sentence.strip())  # (「市政府明确指出，发展和改革部门编制…」: the sentence after it)
            sentence = sentence.strip()[lead_in.end():] if lead_in else sentence
            said = _department_subject(sentence)
            if said:
                run.append((sentence.strip(), said))
                continue
            if run and len(run) >= 1 and not sentence.strip():
                continue
            if len(run) >= _MIN_DEPARTMENT_SENTENCES:
                runs.append(run)
            run = []
        if len(run) >= _MIN_DEPARTMENT_SENTENCES:
            runs.append(run)
    if not runs:
        return []
    where = "各句开头的部门"
    grid = Grid(rows=[["序号", "任务内容", "责任单位"]], where=where, from_items=True,
                notes=[f"文中没有表格或编号条目，按{where}读入 {sum(map(len, runs))} 项任务"])
    for run in runs:
        for sentence, units in run:
            grid.rows.append(["", sentence, units])
            grid.doubts[len(grid.rows) - 1] = DEPARTMENT_SENTENCE_DOUBT
    grid.row_numbers = list(range(len(grid.rows)))
    return [grid]


# A section that sets out no one's duties (「6.2 工作要求」, 「三、保障措施」): the duties' list ends at it
_NO_DUTIES_HEADING = re.compile(r"^(?:工作要求|有关要求|相关要求|保障措施|组织保障|工作保障|附则|工作纪律|工作步骤|实施步骤|"
                                r"时间安排|进度安排|其他事项|其他)[：:。]?$")
# A plan's decimal-numbered section heading (「6.2 应急调查、监测和治理」, 「5.3.1 通信保障」)
_DECIMAL_HEADING = re.compile(r"^\d{1,2}(?:[.．]\d{1,2}){1,3}\s*(\S.*)$")
def _numbered_points(work: str) -> list[tuple[str, str]]:
    """An office's duties written as points numbered inline (「1.学校门口设护学岗。2.学生上下学期间…。3.…」): (number,
    point) for each, where they count 1, 2, 3 … from the start, each after a sentence's end; else [("", work)]."""
    if not _POINT.match(work):
        return [("", work)]
    cuts = [0]
    for m in _POINT.finditer(work, 1):
        if int(m.group(1)) == len(cuts) + 1 and work[m.start() - 1] in "。；;！!":
            cuts.append(m.start())
    if len(cuts) < 2:
        return [("", work)]
    bounds = [*cuts, len(work)]
    out = []
    for k, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)):
        m = _POINT.match(work, a)
        out.append((str(k + 1), work[m.end():b].strip()))
    return out


DUTY_POINT_DOUBT = "单位取自段落开头（「X：1.… 2.…」），各点按其编号分作一项，请核对"
_POINT = re.compile(r"(\d{1,2})\s*[.．、](?!\d)")
# An office labelling its duties as points numbered from 1 (「交警大队：1.…。2.…」): its own points, not a list run in
_POINTS_AFTER_LABEL = re.compile(r"^\s*[^。；;，,：:\d]{2,30}[:：]\s*1\s*[.．、](?!\d)")
DUTY_PARAGRAPH_DOUBT = "本项没有编号，单位取自段落开头（「X：负责…」「X要…」），请核对"


def read_enumeration(text: str) -> list[Grid]:
    """Items enumerated in prose when the text names no unit at all: each run of at least three (counting 一, 二,
    三 … or 1, 2, 3 …) as tasks without units, every one flagged, since nobody is named to do them. [] when the
    text holds no such run."""
    items = _enumerated(text)
    if not items:
        return []
    where = "正文中列举的事项"
    grid = Grid(rows=[["序号", "任务内容"]], where=where, from_items=True,
                notes=[f"文中没有表格或编号条目，按{where}读入 {len(items)} 项任务，均未写明责任单位"])
    lines = [ln.strip() for ln in text.replace("\r", "\n").split("\n") if ln.strip()]
    first = simplified(items[0][1])[:12]
    grid.preamble = next((lines[:k] for k, ln in enumerate(lines) if first and first in simplified(ln)), [])
    heading = _numbered(grid.preamble[-1]) if len(grid.preamble) > 1 else None
    category = ""
    if heading and heading[0] in ("part", "zh") and _numbered(lines[len(grid.preamble)]) \
            and _STYLE_RANK[heading[0]] < _STYLE_RANK[_numbered(lines[len(grid.preamble)])[0]]:
        category = heading[2]  # 「第一部分　扎实推进产业强镇」 over the items: their heading, not the title's last line
        grid.preamble = grid.preamble[:-1]
        grid.rows[0].insert(1, "类别")
    for number, content in items:
        grid.rows.append([number, category, content] if category else [number, content])
        grid.doubts[len(grid.rows) - 1] = f"按{where}读入，原文没有写明责任单位"
    grid.row_numbers = list(range(len(grid.rows)))
    return [grid]


def _enumerated(text: str) -> list[tuple[str, str]]:
    """(number, text) of the items of every enumeration run in `text` (see `read_enumeration`)."""
    out: list[tuple[str, str]] = []
    lines = [ln.strip() for ln in text.replace("\r", "\n").split("\n") if ln.strip()]
    opened = [(m, ln) for ln in lines for m in [_ZH_IS.match(ln) or _ZHI.match(ln)] if m]
    run = _counting([(m.group(1), ln[m.end():].strip()) for m, ln in opened])
    by_paragraph = len(run) >= _MIN_ENUMERATED
    if by_paragraph:  # paragraphs opened by 一是 / 之一：
        out.extend(run)
    for line in lines:
        if by_paragraph and (_ZH_IS.match(line) or _ZHI.match(line)):
            continue
        out.extend(_inline_run(line))
    return out or _paragraph_run(lines)


def _paragraph_run(lines: list[str]) -> list[tuple[str, str]]:
    """A list of numbered paragraphs one after another, nothing between them (市政府2011年10件实事 ⏎ 一、… ⏎ 二、…),
    in a text that names no unit: the longest such run counting from 1, of one numbering style, each item one
    paragraph of at most 150 characters. A notice's own numbered sections have paragraphs between them."""
    best: list[tuple[str, str]] = []
    run: list[tuple[str, str, str]] = []  # (style, number, text)
    for line in [*lines, ""]:
        numbered = _numbered_after(line, run[-1][:2] if run else None) if line else None
        if numbered and len(numbered[2]) <= 150 and (not run or run[-1][0] == numbered[0]):
            run.append(numbered[:3])
            continue
        counted = _counting([(n, t) for _s, n, t in run])
        best = counted if len(counted) > len(best) else best
        run = [numbered[:3]] if numbered and len(numbered[2]) <= 150 else []
    return best if len(best) >= _MIN_ENUMERATED else []


def _inline_run(line: str) -> list[tuple[str, str]]:
    """The items of one enumeration inside a line: 「一是…二是…」, 「：1.…；2.…」 or 「分别是：A；B；C。」."""
    plain = simplified(line)
    marks = [(m.group(1), m.start(), m.end()) for m in _ZH_IS.finditer(plain)]
    for inline in (_INLINE_TOP, _INLINE_PAREN):
        if len(marks) < _MIN_ENUMERATED:
            marks = [(m.group(1), m.start(), m.end()) for m in inline.finditer(plain)]
    items = []
    for k, (number, _start, end) in enumerate(marks):
        stop = marks[k + 1][1] if k + 1 < len(marks) else len(line)
        if k + 1 == len(marks) and (tail := SIGNATURE_TAIL.search(line, end)):
            stop = tail.start()  # the notice's signature and date run on after the last item
        items.append((number, line[end:stop].strip().rstrip("；;").strip()))
    run = _counting(items)
    if len(run) >= _MIN_ENUMERATED:
        return run
    counted = [item for m in _COUNTED.finditer(plain) for item in _counted_list(line, m)]
    if len(counted) >= _MIN_ENUMERATED:
        return counted
    m = _AFTER_COLON.search(plain)
    if m and plain.count("；") + plain.count(";") >= _MIN_ENUMERATED - 1:
        parts = [p.strip() for p in re.split(r"[；;]", line[m.end():]) if p.strip()]
        if len(parts) >= _MIN_ENUMERATED and all(4 <= len(p) <= 150 for p in parts):
            return [(str(k), p.rstrip("。")) for k, p in enumerate(parts, 1)]
    return []


# 「10项重点建设项目为：A、B、C……。」: a list whose count is stated, its items separated by 、 only.
_COUNTED = re.compile(rf"(?P<n>\d{{1,2}}|[{_ZH_DIGITS}]{{1,3}})\s*[项件个条大][^。：:，,；;]{{0,14}}(为|是|有|包括)[:：]"
                      r"(?P<body>[^。；;：:]+)")


def _counted_list(line: str, m: re.Match) -> list[tuple[str, str]]:
    """The items of a counted list separated by 、: as many as the count says; when there are more pieces, the
    pieces that lack the ending most items share (…工程) are joined to the next one that has it (「新城供水管网、
    污水处理站、热源点工程」 is one item of ten); [] when the count still does not come out."""
    n = int(m.group("n")) if m.group("n").isdecimal() else zh_number(m.group("n"))
    pieces = [p.strip() for p in line[m.start("body"): m.end("body")].split("、")]
    if not n or n < _MIN_ENUMERATED or len(pieces) < n or not all(pieces):
        return []
    if len(pieces) > n:
        ending = max({p[-1] for p in pieces}, key=lambda c: sum(p.endswith(c) for p in pieces))
        joined, current = [], []
        for piece in pieces:
            current.append(piece)
            if piece.endswith(ending):
                joined.append("、".join(current))
                current = []
        pieces = joined + (["、".join(current)] if current else [])
    return [(str(k), p) for k, p in enumerate(pieces, 1)] if len(pieces) == n else []


def _counting(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The longest stretch of `items` whose numbers count 1, 2, 3 … from 1, each with text."""
    best: list[tuple[str, str]] = []
    current: list[tuple[str, str]] = []
    for number, content in items:
        value = zh_number(number)
        if value == 1 and content:
            current = [(number, content)]
        elif current and value == len(current) + 1 and content:
            current.append((number, content))
        else:
            current = []
        if len(current) > len(best):
            best = list(current)
    return best


def looks_like_items(text: str) -> bool:
    """A numbered paragraph carries a unit clause (on its line or on the lines that continue it, as text
    taken from a PDF wraps), or two open with who does them (`subject_of_item`), or a unit key-value line follows one, or paragraphs without numbers end with
    clauses (a list copied from Word loses its automatic numbers; a notice assigning one task, a one-row list)."""
    numbered = False
    plain = unit_heads = subjects = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if len(line) > 60 and len(split_inline_items(line.strip())) >= 2:
            return True  # a list run together on one line
        num = _numbered(line)
        if num:
            joined = num[2]
            # the next lines up to the next number (a copy from a web page may put a blank line between any two)
            for nxt in [ln for ln in lines[i + 1: i + 8] if ln.strip()][:3]:
                if split_clause(joined)[1] or _numbered(nxt):
                    break
                if _clause_sentence(nxt) or by_opening(nxt) or paragraph_roles(nxt, subject=False) \
                        or {"lead", "units"} <= set(paragraph_roles(nxt)) or _led_body(nxt):
                    return True  # 「一、…」 ⏎ 「由A承办，B配合。」 / 「整改要求：由A负责…」 / 「X为牵头单位…」 / 「X牵头…，Y配合」
                joined += nxt.strip()
            if split_clause(joined)[1] or by_sentence(joined) or _last_sentence_clause(joined):
                return True
            said = item_subject(num[2])
            subjects += 0 if said is None else 2 if "lead" in said[1] else 1
            if subjects >= 2:  # (one 「X牵头，Y配合，…」 is as plain as a clause)  # 「1.县公安局负责…」 ⏎ 「2.县住建局负责…」: items that open with who does them
                return True
            below = next((_numbered(ln) for ln in lines[i + 1: i + 4] if ln.strip()), None)
            if below and _STYLE_RANK[below[0]] > _STYLE_RANK[num[0]] and _lead_heading(num[2], bare=True):
                return True  # 「一、市发展改革委牵头的工作」 ⏎ 「1.…」: a list grouped by who leads
            if below and _STYLE_RANK[below[0]] > _STYLE_RANK[num[0]] and _unit_names(num[2]):
                unit_heads += 2 if _COUNT_NOTE.search(num[2]) else 1  # (「（一）鹿城镇（14个）」 counts what is its)
                if unit_heads >= 2:  # 「一、教体局」 ⏎ 「1.…」 … 「二、住建局」 ⏎ 「1.…」: a list grouped by unit
                    return True
        elif line.strip() and not is_tail_line(line) and split_clause(line)[1] and not _notice_request(line):
            plain += 1  # (a paragraph asking everyone the notice goes to, 「请各乡镇…报县爱卫办（…）」, is the notice's)
            if plain >= 2:  # paragraphs with clauses whose numbers were lost
                return True
        elif line.rstrip().endswith(("：", ":")) and len(line.strip()) <= 41 \
                and _unit_heading(line, [(0, ln.strip()) for ln in lines[i + 1: i + 4]], -1) is not None:
            return True  # 「县财政局：」 ⏎ 「1.…」: a list grouped under the units that lead it
        elif line.strip() and len(line.strip()) <= 20 and _names_over_items(
                line.strip(), next((_numbered(ln) for ln in lines[i + 1: i + 4] if ln.strip()), None)):
            unit_heads += 1
            if unit_heads >= 2:  # 「凤台县政府」 ⏎ 「1.…」 … 「大通区政府」 ⏎ 「1.…」: targets grouped by the body answerable
                return True
        elif not num and (_key_kind(simplified(line)) or ("",))[0] in ("lead", "units") \
                and _numbered(next((ln for ln in lines[i + 1: i + 4] if ln.strip()), "")):
            return True  # 「责任单位：X」 ⏎ 「1.…」 「2.…」: a key line above the items it governs
        numbered = numbered or bool(num)
        if numbered and (_KV_LINE.match(simplified(line)) or (_key_kind(simplified(line)) or ("",))[0] in
                         ("lead", "units")):
            return True
    if len(_by_whom_rows(text)) >= _MIN_BY_WHOM:  # projects in prose: 「由X负责的…项目，…，预计…完成。」
        return True
    if len(_prose_rows(text)) >= _MIN_PROSE or len(_quoted_rows(text)) >= _MIN_PROSE:
        return True  # work assigned in a report's prose: 「由X牵头，Y配合，在…前完成…；由…」, 「X负责的“…”」
    if plain:  # a one-row list: a single paragraph closed by its clause (a notice assigning one task)
        return True
    return len(_enumerated(text)) >= _MIN_ENUMERATED  # a list written into prose, no units anywhere


def _notice_request(line: str) -> bool:
    """A sentence of the paragraph asks everyone the notice goes to (「请各乡镇、各单位认真组织…」) or has them report
    back (「…将活动总结报县爱卫办」): the notice's own paragraph, not a task."""
    return any(re.match(r"^\s*请各", part) or _REPORT_BACK.match(part) or _asks_everyone(part)
               for part in re.split(r"(?<=[。！；;])", simplified(line)) if part.strip())


def _is_addressee(line: str) -> bool:
    """「各省、自治区、直辖市人民政府，国务院各部委：」: a line ending with ： that names units (各…, or its last
    name is a unit) — not 「具体措施如下：」."""
    if not _ADDRESSEE.match(line):
        return False
    names = re.split(r"[、，,；;]", line.rstrip("：: "))
    return "各" in line or looks_like_unit(names[-1])


def _notice_line(line: str) -> bool:
    """A date, 附件/抄送/印发 notes or an addressee: the lines of `is_tail_line` that are not judged by shape alone."""
    line = simplified(line.strip())
    return bool(_DATE.match(line) or _TAIL_LINE.match(line) or _is_addressee(line))


def opens_with_key(line: str) -> bool:
    """Whether `line` opens with a role's key (「牵头单位：」, 「责任单位:」, 「完成时限：」): a key line of its own."""
    return bool(_KV_LINE.match(line))


def opens_with_label(line: str) -> bool:
    """Whether `line` opens with any label and its colon (「工作目标：」, 「责任人：」)."""
    return bool(_ANY_KEY_LINE.match(line))


def is_tail_line(line: str) -> bool:
    """A line that closes a notice or a list and is never a task's text: a date, an issuing body alone on a
    short line (its signature: ends like an organisation, so a heading such as 「建设美丽乡村」 is not one),
    附件/抄送/印发 notes, an addressee (各…：)."""
    if _notice_line(line):
        return True
    line = simplified(line.strip())
    bare = re.sub(r"\s+", "", line)
    return len(bare) <= 24 and not re.search(r"[。，,；;：:！？（）()、]", bare) and org_like(bare)


@dataclass(eq=False)  # compared by identity: entries are kept in sets
class _Entry:
    """One numbered paragraph with the lines that continue it."""

    style: str
    number: str
    text: str
    line: int
    first_leads: bool
    label: str = ""
    kv: dict[str, str] = field(default_factory=dict)
    children: bool = False
    clause: dict[str, str] = field(default_factory=dict)
    content: str = ""
    keyed: set[str] = field(default_factory=set)  # the kinds of unit key the item writes: "lead", "resp", "coop"
    clause_line: bool = False  # the clause stands on a line of its own after the item's text
    inherited: dict[str, str] = field(default_factory=dict)  # the units a heading names for the items under it
    schedule: bool = False  # its time is a schedule in steps (进度安排：…；…), not a deadline as written (完成时限：…)
    kv_line: int = 0  # the line of its first key-value line (牵头单位：…), 0 when it has none
    names_only: bool = False  # a heading that is nothing but the names of who does the items under it: no category
    ranked: float | None = None  # an unnumbered heading's place: just above the items under it
    subject: bool = False  # its units are the subject its sentence opens with (`subject_of_item`)
    roster: bool = False  # it lists a group's members (「组  长：张三 …」): its 成员单位 are the group's, not a task's
    members: str = ""  # a roster's 成员单位 line, read when the entry is complete (`read_clause`)
    duty_line: bool = False  # a 「职责：」/「主要任务：」 line gave it its text: a group with work of its own

    @property
    def rank(self) -> float:
        return _STYLE_RANK[self.style] if self.ranked is None else self.ranked

    def read_clause(self) -> None:
        if self.members:  # a roster's 成员单位: partners beside a 牵头单位, the units of a group with a duty of its own
            value = re.split(r"[:：]", self.members, maxsplit=1)[1].strip()
            if any(r in self.kv for r in ("lead", "resp", "units")):
                _put(self.kv, "coop", value)
                self.keyed |= {"coop"}
            elif self.duty_line:
                _put(self.kv, "resp", value)
                self.keyed |= {"resp"}
            self.members = ""
        self.content, found = split_clause(self.text, self.first_leads)
        if not found and not self.kv:
            cut = _last_sentence_clause(self.text)  # 「…。由A牵头，B配合。」: the clause is the item's last sentence
            if cut:
                self.content, found = cut
                if "lead" not in found:  # 「X要牵头抓好…。A、B积极配合。」: the office opening the paragraph leads
                    opener = _paragraphs_roles(self.content)
                    if opener.get("lead") or opener.get("units"):
                        found = {**found, "lead": opener.get("lead") or opener["units"], "doubt": opener["doubt"]}
        if not found and not any(r in self.kv for r in ("lead", "units", "resp", "coop")):  # (a 完成时限： line names nobody)
            said = item_subject(self.text)  # 「县住建局负责…」, 「X牵头，Y配合，…」: who does it is the sentence's subject
            if said and "lead" not in said[1] and by_sentence(self.text):
                said = None  # 「X负责…。…由A负责，…由B负责。」: the clause that ends the item is its own, and wins
            if said:
                self.content, found = printed_work(self.text, said[0]), said[1]
                self.subject = True
                if "lead" not in found:  # (one 「X负责…」 may be the notice's own: see `_subjects_together`)
                    found = {**found, "weak": "1"}
        if not found and not self.kv:
            found = by_sentence(self.text) or by_whom(self.text)  # 「…由A会同B等部门负责落实。」, 「由A负责的…项目」
        named = any(r in self.kv for r in ("lead", "units", "resp", "coop"))  # (a 整改时限： line names nobody)
        if not found and not named and "\n" in self.text:
            found = by_opening(self.text.split("\n", 1)[1])  # 「整改要求：由X负责清除…，…」 on the lines under the item
        if not found and not named:
            found = _paragraphs_roles(self.text)  # 「X为该项工作的牵头单位…。A、B为协办单位…」, 「二、…」 ⏎ 「X要…」
        if not found and not named and "\n" in self.text and (led := _led_body(self.text.split("\n", 1)[1])):
            found = {**led, "doubt": "单位取自条目下一段开头的「X牵头，Y配合」，请核对"}  # 「1、…事宜」 ⏎ 「由…负责，X牵头，…」
        last = self.text.rsplit("\n", 1)
        self.clause_line = len(last) == 2 and bool(found) and not split_clause(last[1], self.first_leads)[0].strip()
        # 「1.…」 ⏎ 「2.…」 ⏎ 「协同单位：…」: a partners' line after a group of items, none in their text — only partners:
        # a full 牵头单位：/责任单位： block belongs to the item it follows, as in lists where every item has its own
        self.clause_line = self.clause_line or (not found and "coop" in self.kv and self.keyed <= {"coop"})
        if found and not self.subject:
            self.content = _without_subject(self.text, self.content, found)
        if "：" in self.content or ":" in self.content:
            self.content = _drop_people(self.content)
        kv = dict(self.kv)
        self.keyed |= _keyed(simplified(self.text))
        if kv.get("resp") and kv.get("coop") and "lead" not in kv and "lead" not in found:
            kv["lead"] = kv.pop("resp")  # 「责任单位：X」 and 「配合单位：Y」 lines: X leads, as in 「X负责，Y配合」
        if self.schedule and len(re.split(r"[；;]", kv.get("deadline", "").strip(" ；;。"))) > 1:
            kv["deadline"], doubt = _last_step(kv["deadline"])
            _put(kv, "doubt", doubt)
        for role in ("lead", "units", "resp", "coop", "deadline", "doubt", "below"):
            if role in kv:
                _put(found, "units" if role in ("resp", "coop") else role, kv[role])
        if self.first_leads and "lead" not in found and found.get("units"):
            names = split_units(found.pop("units")).names
            _put(found, "lead", names[0])
            _put(found, "units", "、".join(names[1:]))
        self.clause = found


def _last_step(schedule: str) -> tuple[str, str]:
    """The deadline of a schedule in steps (「进度安排：6月底前基本完成基建任务；12月底前全部落实」): the date of its last
    step (「12月底前」), and why the task is flagged; the whole schedule when its last step names no date."""
    last = re.split(r"[；;]", schedule.strip(" ；;。"))[-1]
    m = _STEP_DATE.search(simplified(last))
    if not m:
        return schedule, ""
    return last[m.start(): m.end()], f"完成时限取自进度安排的最后一步「{last.strip()[:20]}」"


def _drop_people(content: str) -> str:
    """The item's text without the people it names after a sentence (「牵头负责领导：金力。」): cut at the same
    positions in the printed text as in its simplified form."""
    plain = simplified(content)
    out, pos = [], 0
    for m in _PERSON_INLINE.finditer(plain):
        out.append(content[pos:m.start()])
        pos = m.end()
    return ("".join(out) + content[pos:]).rstrip() if out else content


def read_items(text: str) -> list[Grid]:
    numbered_lines = [(no, part) for no, ln in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1)
                      for part in split_inline_items(ln.strip())]
    # (each row's category is its headings', as `_category` reads them: an empty one stays empty)
    grid = Grid(rows=[], where="编号条目（每条后注明单位，按段落读取）", from_items=True, filled=True)
    entries, loose = _entries(numbered_lines)
    entries = _headings_naming_the_lead(entries)
    _points_of_one_sentence(entries)
    if not any(e.clause or e.inherited for e in entries):
        return read_by_whom(text) or read_enumeration(text) or read_prose_assignments(text)
    named = [e for e in entries if e.clause or e.inherited]
    if all(MODAL_SUBJECT_DOUBT in e.clause.get("doubt", "") for e in named):  # (only 「X要…」 items: a notice's
        said = read_by_whom(text) or read_prose_assignments(text)  # requirements beside the work its prose shares out)
        if said and sum(len(g.rows) - 1 for g in said) >= len(named):
            return said
    _subjects_together(entries)
    entries = _headings_like_their_siblings(entries)
    loose_at = sorted(no for no, _line, _why in loose)
    for entry, nxt in zip(entries, entries[1:], strict=False):
        # (a paragraph without a number after a task with its own clause, a line that is no item between them
        # — 「3、X（责任单位：A）：…」 ⏎ 「整改未落实的点位」 ⏎ 「Y（责任单位：B）：…」 — starts a section, not a point of the task)
        entry.children = nxt.rank > entry.rank and not (
            nxt.style == "plain" and nxt.clause and entry.clause and _between(loose_at, entry.line, nxt.line))
    _units_over_items(entries)
    tasks = _task_entries(entries)
    _share_clause_lines(entries, tasks)
    _responsible_leads(tasks)
    _rule_stated_after_single_units([e for e in entries if e in tasks])
    _units_stated_for_all_below([e for e in entries if e in tasks])
    _inherit_heading_units([e for e in entries if e in tasks])
    if not tasks:  # only offices opening paragraphs, beside no task named by stronger words: no list of items
        return read_by_whom(text) or read_enumeration(text) or read_prose_assignments(text)
    start = min(e.line for e in tasks)
    grid.preamble = _title_last([line for no, line, _why in loose if no < start])
    stack: list[_Entry] = []
    rows: list[list[str]] = []
    row_of: dict[int, list[str]] = {}
    last_of: dict[int, int] = {}  # a task's last line so far: its sub-points must follow it without a gap
    loose_lines = sorted(no for no, _line, _why in loose)
    numbers: list[int] = []
    shared = _headings_under_several_parents(entries)
    subjects = any(e.subject for e in tasks)
    under: dict[int, tuple[_Entry, list[list[str]]]] = {}  # heading → the rows of the tasks right under it
    for entry in entries:
        stack = [h for h in stack if h.rank < entry.rank]
        owner = next((h for h in reversed(stack) if h in tasks), None)
        parts = _clauses_in_turn(entry) if entry in tasks else []
        if parts:  # 「一、扶贫解困工程。启动…(A)。完成…(B)。」: each sentence with its own bracket of units a task
            topic, parts = parts[0][0], parts[1:]
            for text, units in parts:
                rows.append(["", topic or _category(stack, shared), text, "", units, ""])
                grid.doubts[len(rows)] = CLAUSES_IN_TURN_DOUBT
                numbers.append(entry.line)
            row_of[id(entry)], last_of[id(entry)] = rows[-1], entry.line
            if entry.children:
                stack.append(entry)
            continue
        if entry in tasks:
            category = _category(stack, shared)
            row_of[id(entry)] = [entry.number, category, entry.content, entry.clause.get("lead", ""),
                                 entry.clause.get("units", ""), entry.clause.get("deadline", "")]
            rows.append(row_of[id(entry)])
            if stack:
                under.setdefault(id(stack[-1]), (stack[-1], []))[1].append(row_of[id(entry)])
            if entry.clause.get("doubt"):
                grid.doubts[len(rows)] = entry.clause["doubt"]
            last_of[id(entry)] = entry.line
            numbers.append(entry.line)
            if not entry.clause:
                grid.notes.append(f"第 {entry.line} 行的任务没有找到牵头/责任单位，请核对")
                if subjects:  # beside items that open with who does them, one that names nobody is flagged
                    _put_doubt(grid.doubts, len(rows), SUBJECT_NONE_DOUBT)
        elif owner is not None and not _between(loose_lines, last_of[id(owner)], entry.line):
            row_of[id(owner)][2] += f"\n{entry.label}{entry.content}"  # a sub-point of the task above it
            last_of[id(owner)] = entry.line
        elif not entry.children and (entry.line > start or entry.style != "plain"):
            grid.notes.append(f"第 {entry.line} 行「{entry.text[:30]}」不是任务条目，已跳过")  # (before the first too)
        if entry.children:
            stack.append(entry)
    # sections that each hold one measure (「一、推进重大项目建设」 ⏎ one paragraph with its clause): measure 一; where
    # a section holds several paragraphs, the headings are groups and their tasks have no number of their own
    # (headings over numbered items — 「（三）X牵头的工作」 ⏎ 「1.…」 「2.…」 — keep those numbers and do not count here)
    single = [(heading, below) for heading, below in under.values() if not any(row[0] for row in below)
              and not heading.inherited.get("person") and not _A_LEADERS_HEADING.match(simplified(_heading_text(heading)))]
    # (「一、王宏副市长牵头重点工作」 counts the leaders, not the measures: its paragraph has no number of its own)
    if single and all(len(below) == 1 and heading.number for heading, below in single):
        mixed = len(single) < len(under)  # other sections number their items: this number is the section's, a reading
        for heading, below in single:
            below[0][0] = heading.number
            at = next(k for k, row in enumerate(rows, 1) if row is below[0])
            if mixed:
                _put_doubt(grid.doubts, at, f"本项没有自己的编号，序号取自所在标题「{heading.label}{_heading_text(heading)[:12]}」")
    grid.notes.extend(f"第 {no} 行「{line[:30]}」{why}" for no, line, why in loose if no > start)
    if len(rows) == 1 and not rows[0][0] and not any(e.inherited for e in tasks):
        _put_doubt(grid.doubts, 1, "清单只有这一段，没有编号：请核对它是任务而不是通知的正文")  # a one-row list
    keep = [i for i in range(len(HEADER)) if i in (0, 2) or any(r[i] for r in rows)]
    grid.rows = [[HEADER[i] for i in keep]] + [[r[i] for i in keep] for r in rows]
    grid.row_numbers = [0] + numbers
    return [grid]


CLAUSES_IN_TURN_DOUBT = "条目中几句各自在括号中注明单位，按句分作几项，请核对"
# An item's first sentence naming only its topic (「扶贫解困工程。」): a short phrase, no bracket
_TOPIC_FIRST = re.compile(r"^\s*([^。；;，,：:！？（()）\n]{2,15})[。．]")


def _clauses_in_turn(entry: _Entry) -> list[tuple[str, str]]:
    """An item whose sentences each end with a bracket of unit names alone (「启动建设57个扶贫新村(市扶贫开发办)。升钟
    库区完成新村扶贫帮扶7个(剑阁县政府)。」), the last ending the item: [(topic, ""), (sentence, units) …], the topic
    the item's first sentence where it names only what the item is about (「扶贫解困工程。」); [] unless two sentences
    at least carry such a bracket and nothing but work stands between them."""
    if entry.kv or entry.clause.get("lead") or "\n" in entry.text.strip():
        return []
    text = entry.text.strip()
    spans = [(a, b) for a, b in _paren_groups(text)
             if re.match(r"\s*(?:[。；;]|$)", text[b:]) and not _MARKER.search(simplified(text[a + 1: b - 1]))]
    found = []
    for a, b in spans:
        clause = parse_clause(text[a + 1: b - 1])
        names = _all_units(clause.get("units", "")) if set(clause) == {"units"} else []
        if names and not any(simplified(n).endswith(("有限公司", "有限责任公司")) for n in names):
            found.append((a, b, clause["units"]))  # (「引进项目3个(某某科技有限公司)」: the firms the work brings)
    if len(found) < 2 or text[found[-1][1]:].strip(" 。；;"):
        return []
    topic = _TOPIC_FIRST.match(text)
    start = topic.end() if topic and topic.end() <= found[0][0] else 0
    out = [(topic.group(1) if start else "", "")]
    for a, b, units in found:
        part = text[start:a].strip(" 。；;")
        if len(part) < 4:
            return []
        out.append((part, units))
        start = b
    return out


# A heading that names who leads the items under it (分工 grouped by lead unit): 「（一）市审计局牵头的工作」,
# 「二、市发展改革委负责的重点任务（5项）」, 「（三）由区财政局牵头」. The names must all look like units, so a heading
# naming a person (「一、张三省长负责的工作」) names nobody.
_LEAD_HEADING = re.compile(r"^(由)?(?P<names>[^。；;，,：:！？]{2,60}?)(?P<verb>牵头负责|牵头落实|牵头|主办|承办|负责落实|负责)"
                           r"(的?(重点|主要|具体)?(工作|任务|事项|项目))?\s*([（(]\s*共?\s*\d{1,3}\s*项\s*[）)])?\s*[。：:]?$")
# A level's government or party committee (区政府, 市人民政府, 县委): whose work a whole document is, not one office's
_A_GOVERNMENT = re.compile(r"(政府|党委|^[省市县区]委)$")
# Everyone of a class (成员单位, 市直有关部门, 相关单位, 各部门): no one office whose items they are
_MEMBERS_OF = re.compile(r"成员|有关|相关|各部门|各单位|^各?职能部门$")
# A heading that says whose the items under it are without a role verb: 「一、市规划局责任目标」, 「（二）县教育局工作任务」,
# 「三、区财政局职责」 — the names are their units (the role is not said: flagged)
_OWNER_HEADING = re.compile(r"^(?P<names>[^。；;，,：:！？]{2,40}?)的?(?:年度)?(?:主要|重点|具体)?(?:责任目标|目标责任|目标任务|工作任务|重点工作|重点任务"
                            r"|主要任务|工作职责|主要职责|职责任务|职责分工|职责|任务清单|任务"
                            # (an inspection's problems, by the township or road section answerable: 「一、某某镇路段问题」)
                            r"|(?:路段|片区)?(?:存在的?问题|问题清单|整改问题|问题))"
                            r"\s*([（(]\s*共?\s*\d{1,3}\s*[项个处条件]\s*[）)])?"
                            r"\s*[。：:]?$")


# A heading that is a name alone must read as a body's name — a level (市…, 县…), a collective (各…) or an office
# (…办公室, …科) — so 「（一）举办全市运动会」 is not one.
_BARE_UNIT = re.compile(r"^(省|市|区|县|州|盟|旗|镇|乡|各|相关|有关)|(办公室|科|室|处|股)$")
_COUNT_NOTE = re.compile(r"\s*[（(]\s*共?\s*\d{1,3}\s*[项个处条件]\s*[）)]\s*$")  # (「（5项）」, an inspection's 「（14个）」)


def _lead_heading(line: str, bare: bool = False, partners: bool = False, siblings: bool = False) -> dict[str, str]:
    """The units a heading line names for the items under it: {"lead": …} for 「X牵头的工作」 (`_LEAD_HEADING`) and
    「牵头单位：X」, {"units": …} for 「X负责的工作」 and 「责任单位：X」; with `bare`, also a heading that is nothing but
    unit names (「一、区发展改革局（5项）」, 「市财政局：」), as units, with a "doubt" — the heading says who, not in which
    role — or, with `partners` (the list's items under such headings name only who cooperates: 「（市统计局配合）」),
    as their lead, and then any name shaped like an office's will do (「一、国家发展改革委」), as it will with `siblings`
    (every heading of its level is such a name: 「一、教体局」 「二、住建局」). {} when the line is no such heading or a
    name does not look like a unit."""
    line = line.strip()
    plain = simplified(line)
    m = _LEAD_HEADING.match(plain)
    if m:
        names = _all_units(line[m.start("names"): m.end("names")])
        return {"units" if m.group("verb").startswith("负责") else "lead": "、".join(names)} if names else {}
    kv = _KV_LINE.match(plain)
    if kv:
        role = _role_of_key(kv.group("key"))
        names = _all_units(line[kv.start("value"):].strip(" 。；;")) if role in ("lead", "units") else []
        return {role: "、".join(names)} if names else {}
    owner = _OWNER_HEADING.match(plain)
    names = _unit_names(line[owner.start("names"): owner.end("names")]) if owner else []
    if names and not any(_A_GOVERNMENT.search(simplified(n)) or _MEMBERS_OF.search(simplified(n)) for n in names):
        # (「二、区政府重点工作」: the topic; 「三、各成员单位职责」: everyone's, each item names its own)  # 「一、市规划局责任目标」: the items under it are the office's; the heading stays their category
        return {"units": "、".join(names), "doubt": f"单位取自上级标题「{line[:20]}」，请核对其职责", "owner": "1"}
    line = line.rstrip("：:")
    if not bare:
        return {}
    names = _unit_names(line)
    if names and partners and not any(is_collective(n) for n in names):
        return {"lead": "、".join(names), "bare": "1"}
    doubt = f"单位取自上级标题「{line[:20]}」，请核对其职责"
    if names and siblings:  # every heading of its level a body's name: a list by unit, the heading no category
        return {"units": "、".join(names), "doubt": doubt, "bare": "1"}
    if len(line) <= 40 and not re.search(r"[。；;，,：:！？]", line):  # a level's or office's name alone: its topic too
        names = _all_units(_COUNT_NOTE.sub("", line))
        # (「（一）鹿城镇（14个）」: a township counted its problems; not 「重点镇（3个）」, 「城区主要街道（3处）」 — kinds of
        # places, streets)
        counted = bool(_COUNT_NOTE.search(line)) and not _KIND_OF_PLACE.search(simplified(line))
        if names and all((org_like(n) and _BARE_UNIT.search(simplified(n)))
                         or (counted and _TOWNSHIP.search(simplified(n)) and not simplified(n).endswith("村镇"))
                         for n in names):
            # (no category when the names are bodies' for certain; 「区域医疗中心」 may be the list's topic)
            return {"units": "、".join(names), "doubt": doubt, **({"bare": "1"} if _unit_names(line) else {})}
    return {}


# Words that make a place's name a kind of place (重点镇, 历史文化名镇, 商业街道, 主要街道), not one township
_KIND_OF_PLACE = re.compile(r"重点|特色|名[镇乡]|主要|商业|步行|示范|中心|历史|文化|美丽|小城|集镇|[各等全]")
# A township's name (「丹凤街道」, 「洛克乡」, 「城关镇」): its government, a body that work is assigned to
_TOWNSHIP = re.compile(r"^[\u4e00-\u9fff]{2,6}(街道|(?<![小集村乡])镇|(?<![城村])乡)$"
                       r"|^[\u4e00-\u9fff]村镇$")  # (辛村镇, 王村镇: a one-character name before 村镇; not 特色村镇)
# Endings a category shares with bodies' names (数字政府, 区域医疗中心, 学习型党委): such a name is a body's only after
# its level or place (县人民政府, 市政务服务中心, 洛阳市人民政府, 中共某县委)
_GENERIC_BODY = re.compile(r"(政府|中心|党委|委员会)$")
_LEVEL_OPENING = re.compile(r"^(?:国家|国务院|中共|各|(?:[\u4e00-\u9fff]{2,4})?(?:省|市|县|区|州|盟|旗|镇|乡|街道)(?![域级场]))")


def _unit_names(heading: str) -> list[str]:
    """The names a heading is made of when it is nothing but names shaped like bodies' (「一、教体局」, 「（二）财政所、
    土管所（2项）」, a long list of them separated by 、), else [] — 「数字政府」 「区域医疗中心」 end like bodies but
    name no level or place (`_GENERIC_BODY`)."""
    text = _COUNT_NOTE.sub("", heading.strip().rstrip("：:"))
    if (len(text) > 40 and "、" not in text) or re.search(r"[。；;，,：:！？]", text):
        return []
    names = _all_units(text)
    if any(_GENERIC_BODY.search(simplified(n)) and not _LEVEL_OPENING.match(simplified(n)) for n in names):
        return []
    # (a place may stand among the offices, 「区临空办、江北管理区、各街道办事处」, as in a clause's list)
    counted = bool(_COUNT_NOTE.search(heading.strip().rstrip("：:")))

    def township(name: str) -> bool:  # (「（一）古村镇（3个）」 counts villages of a kind: no 辛村镇)
        plain = simplified(name)
        return bool(_TOWNSHIP.search(plain)) and not _KIND_OF_PLACE.search(plain) and not (counted and plain.endswith("村镇"))

    offices = sum(1 for n in names if org_like(n) or township(n))
    return names if names and offices and (org_like(names[0]) or township(names[0])) \
        and 4 * offices >= 3 * len(names) and all(map(looks_like_unit, names)) else []


_PARTNER_WORDS = re.compile(r"配合|协同|协办|参与|协助|支持")
_LEADER_WORDS = re.compile(r"牵头|负责|主办|承办|责任|主责|会同")


def _partners_only(entry: _Entry) -> bool:
    """The item names only who cooperates (「（市统计局配合）」, 「（配合单位：市统计局）」, a 「配合单位：」 line): someone
    else, named above it, leads."""
    if not entry.clause.get("units") or entry.clause.get("lead"):
        return False
    if entry.keyed:
        return entry.keyed == {"coop"}
    spans = _paren_groups(entry.text)
    if not spans:
        return False
    start, end = spans[-1]
    body = simplified(entry.text[start + 1: end - 1])
    return bool(_PARTNER_WORDS.search(body)) and not _LEADER_WORDS.search(body)


def _items_under(entries: list[_Entry], k: int) -> list[_Entry]:
    """The entries right under the k-th (the shallowest level below it, up to the next entry at its level or above)."""
    below = []
    for e in entries[k + 1:]:
        if e.rank <= entries[k].rank:
            break
        below.append(e)
    return [e for e in below if e.rank == min(x.rank for x in below)] if below else []


def _names_its_doer(entry: _Entry) -> bool:
    """The item's own clause names who leads it or is responsible (not only partners) — not as the subject of a
    modal sentence only (`MODAL_SUBJECT_DOUBT`): a heading or a closing line 「以上由X牵头」 says more."""
    if MODAL_SUBJECT_DOUBT in entry.clause.get("doubt", ""):
        return False
    return bool(entry.clause.get("lead") or (entry.clause.get("units") and not _partners_only(entry)))


def _headings_naming_the_lead(entries: list[_Entry]) -> list[_Entry]:
    """Lists grouped by who leads (「一、张三省长负责的工作」 ⏎ 「（一）市审计局牵头的工作」 ⏎ the items, partners on a
    「协同单位：…」 line after them): a numbered heading that names the lead gives it to every item under it
    (`_Entry.inherited`, merged by `_inherit_heading_units`). Where the heading's only item is a paragraph without a
    number on the next line (「（一）市审计局牵头的工作」 ⏎ 「加强审计监督。」), the heading and the paragraph are
    split: the paragraph is the task (the numbers of such sections are given to their tasks by `read_items`)."""
    out: list[_Entry] = []
    stack: list[tuple[_Entry, dict[str, str]]] = []
    # A heading says who does the items under it only where they name no one who leads or is responsible: a list by
    # unit puts the lead in the heading, its items name only partners (「（县统计局配合）」) or no one; where they name
    # their own, the heading is a category however it ends (「一、数字政府」 over 「（牵头单位：县大数据中心）」)
    kids = [_items_under(entries, k) for k in range(len(entries))]
    # (one item in five opening with a name and a colon, 「市人民商场住宿区：(1)…」, is a place the heading's office
    # answers for, not an office of its own: a weak subject counts only where half the items have one)
    own = [any(_names_its_doer(x) and "weak" not in x.clause for x in below)
           or 2 * sum(_names_its_doer(x) for x in below) >= max(len(below), 1) > 0 and any(map(_names_its_doer, below))
           for below in kids]
    # items under headings that name only who cooperates: the list puts its leads in those headings
    partners = any(_partners_only(x) for k, below in enumerate(kids) if not own[k] for x in below)
    by_style: dict[str, list[str]] = {}  # the headings of each numbering style with nothing but a line of their own
    for k, e in enumerate(entries[:-1]):
        if kids[k] and "\n" not in e.text.strip():
            by_style.setdefault(e.style, []).append(e.text.strip())
    unit_levels = {style for style, titles in by_style.items() if len(titles) >= 2 and all(map(_unit_names, titles))}
    for k, e in enumerate(entries):
        stack = [(h, named) for h, named in stack if h.rank < e.rank]
        title, _, rest = e.text.partition("\n")
        children = k + 1 < len(entries) and entries[k + 1].rank > e.rank
        named = _lead_heading(title, bare=children and not rest.strip() and not own[k], partners=partners,
                              siblings=e.style in unit_levels) if e.style != "plain" else {}
        if not named and e.style != "plain" and rest.strip() and not children and _A_LEADERS_HEADING.match(simplified(title)):
            named = {"person": "1"}  # 「一、王宏副市长牵头重点工作」 ⏎ one paragraph: the heading and its task, no unit
        e.names_only = e.names_only or (bool(named.pop("bare", "")) and children)
        if named and rest.strip() and not children and ("doubt" not in named or named.get("owner")):
            heading = _Entry(e.style, e.number, title, e.line, e.first_leads, label=e.label, content=title)
            task = _Entry("plain", "", rest.strip(), e.line, e.first_leads, kv=e.kv, keyed=set(e.keyed))
            task.read_clause()
            out.extend([heading, task])
            stack.append((heading, named))
            e = task
        elif named and children:
            if not rest.strip() and (e.clause or e.kv):  # 「（一）牵头单位：X」 ⏎ 「1.…」: a heading, not a task
                partners = e.clause.get("units", "") if e.kv else ""  # 「（一）X牵头的工作」 ⏎ 「配合单位：Y」 ⏎ 「1.…」
                e.clause, e.kv, e.content = {}, {}, title
                if partners:
                    named = {**named, "partners": partners}
            out.append(e)
            stack.append((e, named))
            continue
        else:
            out.append(e)
        if stack and not e.inherited:  # (a closing line 「以上由X牵头，Y配合」 says more than the heading)
            e.inherited = dict(stack[-1][1])
    return out


def _units_over_items(entries: list[_Entry]) -> None:
    """A heading whose key lines stand between it and the numbered items under it (「（一）城区学校建设」 ⏎ 「牵头单位：
    市教育局」 ⏎ 「1.新建…」 「2.改扩建…」), the items naming no units of their own: the key lines are the heading's units
    for those items, which are the tasks; the heading is their group. Key lines after an item's points (「1.…」
    「2.…」 ⏎ 「牵头单位：…」) stay the item's own."""
    for i, e in enumerate(entries):
        if not e.children or not e.kv_line or not e.clause or e.clause.get("doubt"):
            continue
        below = []
        for k in entries[i + 1:]:
            if k.rank <= e.rank:
                break
            below.append(k)
        kids = [k for k in below if k.rank == min(x.rank for x in below)]
        if len(kids) < 2 or kids[0].line < e.kv_line or any(k.clause for k in below):
            continue
        # a task's own points (「1.推进…，提升…。」 ⏎ key lines ⏎ 「（1）…；」 「（2）…。」): the item is a sentence, not a
        # heading, or its points make one sentence — they stay its text
        if (e.style != "head" and not _heading_like(e.text.rstrip("。."))) \
                or all(k.text.rstrip()[-1:] in "；;" for k in kids[:-1]):
            continue
        lead, units = e.clause.get("lead", ""), e.clause.get("units", "")
        for k in kids:
            k.inherited = {"lead": lead, "partners": units} if lead else {"units": units}
        e.clause = {}


def _inherit_heading_units(tasks: list[_Entry]) -> None:
    """Each task under a heading that names its lead (`_headings_naming_the_lead`) gets that lead, unless its own
    clause names one; a heading's 「X负责的工作」 makes X the lead of an item whose own lines name only partners
    (「协同单位：…」), as 「X负责，Y配合」 would, and X a responsible unit of an item with no units of its own. A heading
    that is a body's name alone (「二、市民服务中心」 may be a topic as well) only fills items that name no unit."""
    for e in tasks:
        named = e.inherited
        if named.get("person"):
            continue  # (a heading naming the leader in charge, a person: it names no unit)
        if named and e.subject and (("weak" in e.clause and not named.get("lead"))
                                    or MODAL_SUBJECT_DOUBT in e.clause.get("doubt", "")):
            e.clause, e.content, e.subject = {}, e.text, False  # (「市人民商场住宿区：(1)…」 under 「（一）鹿城镇（14个）」:
            # a place the heading's office answers for opens the item, no office of its own — the item as printed)
        if not named or e.clause.get("lead") or ("doubt" in named and e.clause.get("units") and not named.get("owner")):
            continue  # a heading that is a name alone (role unknown) fills only an item that names nobody
        names = split_units(named.get("lead") or named.get("units", "")).names
        own = [n for n in split_units(e.clause.get("units", "")).names if n not in names]
        own += [n for n in split_units(named.get("partners", "")).names if n not in names and n not in own]
        if named.get("owner") and e.clause.get("units") and not _partners_only(e):
            continue  # (an item that names who does it, 「（责任单位：市住建局）」, is that office's)
        _put(e.clause, "doubt", named.get("doubt", ""))
        if named.get("owner"):  # 「（九）县公安局主要工作任务」 ⏎ items ⏎ 「协助单位：…」: the office's items, its helpers beside it
            e.clause.pop("units", None)
            _put(e.clause, "units", "、".join(names + own))
            continue
        if named.get("deadline") and not e.clause.get("deadline"):
            e.clause["deadline"] = named["deadline"]
        if named.get("lead") or own:
            e.clause["lead"] = "、".join(names)
            e.clause.pop("units", None)
            _put(e.clause, "units", "、".join(own))
        else:
            _put(e.clause, "units", "、".join(names))


def _subjects_together(entries: list[_Entry]) -> None:
    """Items that say only who is responsible as their subject (「1.县林业局负责…」) are evidence of a duty section where
    two or more of one numbering style do and no item is named by a clause; otherwise they stay weak — a task only in a
    run of items named by stronger words, as an office opening a paragraph is — so the 工作要求 of a notice whose list
    is named by clauses (「（一）区委督查室负责督查…」 「（二）区政府督查室负责…」) sets out no tasks."""
    if any(_evident(e) and not e.subject for e in entries):
        return  # a list named by clauses: 「二、工作要求」 ⏎ 「（一）区委督查室负责督查…」 ⏎ 「（二）区政府督查室负责…」 are the notice's
    count: dict[str, int] = {}
    for e in entries:
        if e.subject:
            count[e.style] = count.get(e.style, 0) + 1
    for e in entries:
        if e.subject and count[e.style] >= 2:
            e.clause.pop("weak", None)


def _put_doubt(doubts: dict[int, str], at: int, why: str) -> None:
    """Add `why` to the doubts of row `at`."""
    doubts[at] = f"{doubts[at]}；{why}" if doubts.get(at) else why


def _heading_text(entry: _Entry) -> str:
    return entry.content.split("\n")[0].rstrip("。.：:；;")


def _category(stack: list[_Entry], shared: set[str]) -> str:
    """The nearest heading names the group (二、实施重点 ⏎ （一）创业创新 ⏎ 1.…: 创业创新), as a 主要任务 cell would;
    a heading whose words come again under another parent (（一）主要目标 in 一、 and in 二、) keeps its parents
    before it, joined with ' / ', so the two groups stay apart."""
    stack = [h for h in stack if not h.names_only]  # 「一、市发展改革委」 names who leads, not a category
    if not stack:
        return ""
    nearest = _heading_text(stack[-1])
    return " / ".join(_heading_text(h) for h in stack) if nearest in shared else nearest


def _headings_under_several_parents(entries: list[_Entry]) -> set[str]:
    """Headings' words printed under more than one parent heading."""
    parents: dict[str, set[str]] = {}
    stack: list[_Entry] = []
    for entry in entries:
        stack = [h for h in stack if h.rank < entry.rank]
        if entry.children:
            parents.setdefault(_heading_text(entry), set()).add(" / ".join(_heading_text(h) for h in stack))
            stack.append(entry)
    return {text for text, above in parents.items() if len(above) > 1}


def _points_of_one_sentence(entries: list[_Entry]) -> None:
    """A short numbered line (a place, a topic: 「1. 市科技馆」) whose sub-points make one sentence — each but the last
    ending with ；, or none with a stop at all; none naming units — closed by one line naming the unit (and the time
    allowed) after the last point
    (「问题整改责任单位：X 整改时限：3天」): the line is the item's, the points are its text (they follow a task that has
    its clause, so `read_items` joins them to it). Points that each end a sentence are tasks of their own (a bracketed
    clause line after them is shared by `_share_clause_lines`). Flagged: the points could be read as tasks."""
    for k, parent in enumerate(entries):
        if parent.style in ("plain", "bullet") or parent.clause or parent.kv \
                or not _heading_like(parent.text.rstrip("：: ")):  # 「1. 市科技馆：」 too
            continue
        points = []
        for e in entries[k + 1:]:
            if e.rank <= parent.rank or (points and e.style != points[0].style):
                break
            points.append(e)
        if len(points) < 2 or any(e.clause or e.kv or e.inherited.get("lead") for e in points[:-1]):
            continue
        last = points[-1]
        # the closing line: key lines (in last.kv), or a bracketed clause on a line of its own (last.clause_line)
        if not (last.kv and not split_clause(last.text, last.first_leads)[1] and "\n" not in last.text) \
                and not (last.clause_line and not last.kv):
            continue
        ends = [e.text.rstrip()[-1:] for e in points[:-1]] + [last.content.rstrip()[-1:]]
        chained = all(end in "；;" for end in ends[:-1]) and ends[-1] in "。；;"
        bare = not any(end in "。；;！？.!?" for end in ends)  # points printed as a list without stops
        if not chained and not bare:
            continue
        if last.kv:
            parent.kv, last.kv = last.kv, {}
            parent.keyed, last.keyed = parent.keyed | last.keyed, set()
            parent.schedule, last.schedule = last.schedule, False
            parent.read_clause()
            last.read_clause()
        else:
            parent.clause, last.clause, last.clause_line = last.clause, {}, False
        _put(parent.clause, "doubt", f"「{parent.text[:12]}」下各小项以分号相连，是本项的几点，其后一行的单位按本项读入"
                                     "（也可能各小项分别为任务）")
        for e in points:
            e.inherited = {}


def _share_clause_lines(entries: list[_Entry], tasks: set[_Entry]) -> None:
    """A clause on a line of its own after the last of a heading's sub-items, none of which has a clause of its
    own (「1.完善应急预案体系」「（1）…」…「（4）…」「（责任单位：…）」), covers every sub-item up to the heading; the
    other reading — the clause is only the last one's — is as careful, so the tasks say so. A clause line with
    another sub-item after it (「1.…」 「2.…」 ⏎ 「配合单位：…」 ⏎ 「3.…」) closes no group: it is the item's above it."""
    for i, entry in enumerate(entries):
        if not entry.clause_line or entry not in tasks or (i + 1 < len(entries) and entries[i + 1].rank == entry.rank):
            continue
        run = []
        for prev in reversed(entries[:i]):
            if prev.rank != entry.rank:
                break
            run.append(prev)
        parent = entries[i - len(run) - 1] if i - len(run) > 0 else None
        if not run or parent is None or parent.rank >= entry.rank or parent in tasks \
                or any(e.clause or e not in tasks for e in run):
            continue
        shared = dict(entry.clause)
        _put(shared, "doubt", f"「{parent.content[:12]}」下各小项没有单位，其后单独一行的单位按各小项共用读入（也可能只属于最后一项）")
        for e in [*run, entry]:
            e.clause = dict(shared)
            e.keyed = set(entry.keyed)  # (the kind of key the line writes: 协助单位 names partners for every sub-item)


def _responsible_leads(tasks: set[_Entry]) -> None:
    """A list whose items name 责任单位 and 配合单位 (and no 牵头单位) uses 责任单位 for the lead's role, so an item
    of it with only a 责任单位 has that unit as its lead too — as a table's 责任单位 column beside a 配合单位 column
    would; the reading is a guess from the other items, so the task says so."""
    if not any({"resp", "coop"} <= e.keyed and "lead" not in e.keyed for e in tasks):
        return
    for e in tasks:
        if e.keyed == {"resp"} and e.clause.get("units") and not e.clause.get("lead"):
            e.clause["lead"] = e.clause.pop("units")
            _put(e.clause, "doubt", "本项只列责任单位；清单其他条目另列配合单位，此处责任单位按牵头单位读入")


def _rule_stated_after_single_units(tasks: list[_Entry]) -> None:
    """The rule that the first name leads is printed at the first item that names several units (「…、市卫生健康委
    （列第一位为牵头单位，下同）」); the items above it name one unit each — the one the rule would make their lead.
    Read so when every item above names at most one unit and none a lead (an item above with several units and
    no lead says the rule was not meant for it: then nothing changes); the tasks say the reading is inferred."""
    at = next((k for k, e in enumerate(tasks) if e.first_leads), 0)
    above = [e for e in tasks[:at] if e.clause.get("units") and not e.clause.get("lead")]
    if not above or any(e.clause.get("lead") for e in tasks[:at]) \
            or any(len(split_units(e.clause["units"]).names) != 1 for e in above):
        return
    for e in above:
        e.clause["lead"] = e.clause.pop("units")
        _put(e.clause, "doubt", f"「列第一位为牵头单位」写在第 {tasks[at].number or tasks[at].line} 项，本项只有一个单位，按此规定读作牵头单位")


def _units_stated_for_all_below(tasks: list[_Entry]) -> None:
    """A note in a clause that names units for every later item, 「以下各项工作均需各县、区人民政府落实，不再列出」:
    those units are added to each task after it (not printed there, so flagged as added by the note)."""
    below = ""
    for e in tasks:
        names = e.clause.pop("below", "")
        if below:
            have = set(split_units(e.clause.get("lead", "")).names) | set(split_units(e.clause.get("units", "")).names)
            extra = [n for n in split_units(below).names if n not in have]
            if extra:
                _put(e.clause, "units", "、".join(extra))
                _put(e.clause, "doubt", f"「{'、'.join(extra)}」按前文说明「以下各项工作均需…落实」加入")
        below = names or below


def _doc_number(line: str) -> bool:
    """A document number on a line of its own or at a line's end: 「〔2022〕4号」, 「（某政发[2026]3号）」."""
    line = line.strip()
    return bool(_DOC_NUMBER.search(line) or (line[:1] in "（(" and _DOC_NUMBER.search(line[1:-1].strip())
                                             and line[-1:] in "）)"))


# A field's line (「成员单位：县委宣传部、…」, 「组  长：张三」): a roster or a form's line, never the list's title
_FIELD_LINE = re.compile(r"^\s*(?:成员单位|成员部门|组\s*长|副\s*组\s*长|成\s*员|召\s*集\s*人|副召集人|总\s*指\s*挥|副总指挥)\s*[:：]\s*\S")
_LABEL_LINE_OF_ANNEX = re.compile(r"^\s*附\s*件")


def _title_last(preamble: list[str]) -> list[str]:
    """The lines before the list, ending with its title: the preface sentences under the title
    (「为…，现提出如下分工方案。」), a signature and a document number (〔2022〕4号) are dropped from the end, the title printed in a notice's
    title (关于印发《X》的通知, or without the 《》: 关于印发X的通知) is taken from its 《》, and a title printed on two
    short lines without punctuation (「立山区政府2023年重点工作」「任务分解和责任分工方案」) is joined."""
    lines = list(preamble)
    numbers = []  # a document number stays in the lines (the builder reads it) but above the title
    while len(lines) > 1 and (lines[-1].endswith(("。", "；", ";", "：", ":")) or is_tail_line(lines[-1])
                              or _doc_number(lines[-1]) or not lines[-1].strip(" |")
                              or (_FIELD_LINE.match(lines[-1]) and not _LABEL_LINE_OF_ANNEX.match(lines[-1]))):
        if _doc_number(lines.pop()):
            numbers.append(preamble[len(lines)])
    lines = numbers + lines
    last = simplified(lines[-1]).rstrip(" |") if lines else ""
    printed = re.search(r"关于印发?《(.+)》的(通知|函)$", last) or re.search(r"关于印发([^《》“”]{4,60})的通知$", last)
    if printed:  # the notice's title: the list's own title is inside its 《》
        lines[-1] = lines[-1][printed.start(1):printed.end(1)]
        return lines
    if len(lines) > 1 and len(lines[-2] + lines[-1]) <= 50 and not is_tail_line(lines[-2]) \
            and not re.search(r"[。；;：:，,、〔〕（）()]", lines[-2] + lines[-1]):
        lines[-2:] = [lines[-2] + lines[-1]]
    return lines


_INLINE_NUMBER = re.compile(r"(?<=[。；;：:）)])\s*(?:[（(]\s*(\d{1,2})\s*[）)]|([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]))")


# A top-level number inside a line (a whole list run together: 「分工：1.任务……。责任单位：A。2.任务……」): only after
# the end of a sentence or clause, and not a number inside the text (2023年, 50公里, 1-10月, 3.5亿元).
_INLINE_TOP = re.compile(rf"(?:(?<=[。；;：:！）)])|^)\s*(\d{{1,3}})\s*[{_DOTS}、]{_NO_FIGURE}")


def split_inline_items(line: str) -> list[str]:
    """A whole list run together on one line is cut at its numbers counting 1, 2, 3 … (each part then read as
    below), when at least two parts carry their own unit clause; a run of unnumbered items each with its unit key
    (`_split_keyed_run`) is cut at its ；; else the line's sub-items are looked for (`_split_sub_items`)."""
    keyed = _split_keyed_run(line)
    if keyed:
        return keyed
    glued = _split_after_clauses(line)
    if len(glued) > 1:
        return [piece for part in glued for piece in split_inline_items(part)]
    page = _split_run_on_page(line)
    if len(page) > 1:
        return [piece for part in page for piece in _split_sub_items(part)]
    if len(line) > 120 and len(_UNIT_KEY_IN_LINE.findall(simplified(line))) >= 2:
        parts = [part.strip() for part in _SPACED_NUMBER.split(line) if part.strip()]
        keyed = sum(1 for part in parts if _UNIT_KEY_IN_LINE.search(simplified(part)))
        if len(parts) > 2 and keyed >= 2:  # a page run onto one line, its items and headings set apart by spaces;
            # one long item whose sub-points 1. 2. 3. share one clause names its units once: not cut
            return [piece for part in parts for piece in split_inline_items(part)]
    if len(line) > 60 and any(c in line for c in _DOTS + "、"):
        tops = [m for m in _INLINE_TOP.finditer(line)]
        counting, want = [], 1
        for m in tops:  # numbers inside the text (「。3、」 cited) are skipped: only the next number in the count cuts
            if int(m.group(1)) == want:
                counting.append(m)
                want += 1
        if len(counting) >= 2:
            cuts = [0, *(m.start(1) for m in counting), len(line)]
            parts = [part.strip() for part in (line[a:b] for a, b in zip(cuts, cuts[1:], strict=False)) if part.strip()]
            if sum(1 for part in parts if split_clause(part.rstrip("；;"))[1]) >= 2:
                return [piece for part in parts for piece in _split_sub_items(part)]
    return _split_sub_items(line)


def _split_after_clauses(line: str) -> list[str]:
    """Numbered items glued one after the other where a web page lost the paragraph break after a clause —
    「（一）粮食产量稳定在100万吨。（市农业农村局负责）（二）新增就业2万人。（市人社局主办，…协办）」 —
    cut after each clause that the next number in the count of the line's own numbering style follows at once (the
    same style: 「（一）…（二）」, 「一、…二、」, 「1.…2.」). [line] when the line has no number or no such place."""
    first = _numbered(line)
    if first is None or first[0] == "article" or not any(c in line for c in _CLOSE):
        return [line]
    style, want = first[0], zh_number(first[1])
    if want is None:
        return [line]
    cuts = []
    for start, end in _paren_groups(line):
        after = _numbered(line[end:])
        if after is None or after[0] != style or zh_number(after[1]) != want + 1 or not line[end:].strip():
            continue
        body = line[start + 1: end - 1]
        if not _MARKER.search(simplified(body)) and not _KEY_IN_TEXT.search(simplified(body)):
            continue
        if parse_clause(body) and line[:start].strip():
            cuts.append(end)
            want += 1
    if not cuts:
        return [line]
    return [part.strip() for part in (line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=False))
            if part.strip()]


# A whole plan run together into one paragraph (a 范文 site's copy): its sections 一、二、 and their sub-sections （一）
# and items 1、 follow the end of a sentence; a heading without punctuation runs straight into its first item
# (「（一）宣传发动1、印发宣传资料。」).
_RUN_MARKS = (
    ("zh", re.compile(rf"(?<=[。；;！？])\s*(?P<at>(?P<n>[{_ZH_DIGITS}]{{1,3}})\s*、)")),
    ("paren_zh", re.compile(rf"(?<=[。；;！？])\s*(?P<at>[（(]\s*(?P<n>[{_ZH_DIGITS}]{{1,3}})\s*[）)])")),
    ("arabic", re.compile(rf"(?<=[。；;！？])\s*(?P<at>(?P<n>\d{{1,2}})\s*[、{_DOTS}]{_NO_FIGURE})")),
    ("arabic", re.compile(rf"[（(][{_ZH_DIGITS}]{{1,3}}[）)][^。，,；;：:、（）()\s\d]{{2,15}}?(?P<at>(?P<n>1)\s*[、{_DOTS}](?!\d))")),
)
_RUN_ON_PAGE = 300


def _split_run_on_page(line: str) -> list[str]:
    """A whole plan run together on one line (`_RUN_MARKS`) cut before its numbers: sections 一、二、… counting up
    from 一 (two at least), sub-sections and items that count up or start again from 1 under the next section.
    Only a long line that does not itself open with a number (a page opens with its title or preface), and only
    when a part then reads as a task with its units (a clause or a 「由X负责」 sentence); [line] otherwise."""
    if len(line) < _RUN_ON_PAGE or "、" not in line or _numbered(line):
        return [line]  # a numbered item that lists its own points 一、二、 after a sentence stays one item
    plain = simplified(line)
    cuts: set[int] = set()
    for style in ("zh", "paren_zh", "arabic"):
        marks = sorted((m.start("at"), zh_number(m.group("n")) or 0)
                       for name, pattern in _RUN_MARKS if name == style for m in pattern.finditer(plain))
        want, found = 1, []
        for at, value in marks:
            if value == want or (style != "zh" and value == 1 and found):
                found.append(at)
                want = value + 1
        if style == "zh" and len(found) < 2:
            return [line]
        cuts.update(found)
    cuts.discard(0)
    bounds = [0, *sorted(cuts), len(line)]
    parts = [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if line[a:b].strip()]
    if not any(split_clause(p)[1] or by_sentence(p) for p in parts):
        return [line]
    return parts


def _split_glued_clauses(line: str) -> list[str]:
    """An unnumbered paragraph holding several tasks, each closed by its own clause — 「…富裕起来。（X牵头，A、B等按职责
    分工负责）实施更积极的人才引进政策。（Y牵头，C等按职责分工负责）」, as a 分工意见 quoted on a web page prints its
    unnumbered tasks run together — one line per task, cut after each clause that more text with its own clause
    follows. Only where every piece is a sentence of text ended by its clause; a numbered item keeps all its clauses,
    also on the lines that continue it (its number makes it one task): only a paragraph that starts a task is cut."""
    if len(line) < 40 or not _MARKER.search(simplified(line)):
        return [line]
    cuts = []
    for start, end in _paren_groups(line):
        body = line[start + 1: end - 1]
        if _MARKER.search(simplified(body)) and parse_clause(body):
            while end < len(line) and line[end] in "。；;":
                end += 1
            cuts.append((start, end))
    if len(cuts) < 2 or line[cuts[-1][1]:].strip():
        return [line]
    pieces, pos = [], 0
    for start, end in cuts:
        text = line[pos:start].strip()
        if len(text) < 6 or not text.endswith(("。", "；", ";")):
            return [line]
        pieces.append(line[pos:end].strip())
        pos = end
    return pieces


# A number or a heading number after a space, in a page run onto one line (「…农业农村局 2.落实…」, 「… 二、曹某某…」).
_SPACED_NUMBER = re.compile(r"\s+(?=(?:\d{1,2}\s*[.．、](?!\d)|[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十]{1,3}[）)])\S)")
_UNIT_KEY_IN_LINE = re.compile(rf"(?:{_LEAD_KEYS}|{_UNIT_KEYS})\s*[:：]")


# One item of a run quoted in a report: 「神丹工业园，责任单位畜牧局」 — a short text, a comma, a unit key glued to
# its units (with or without a colon).
_KEYED_ITEM = re.compile(rf"^(?P<text>[^，,；;。：:]{{2,40}})[，,]\s*(?P<key>{_LEAD_KEYS}|{_UNIT_KEYS})\s*[:：]?\s*"
                         r"(?P<units>[^，,；;。：:“”…]+)$")


def _split_keyed_run(line: str) -> list[str]:
    """「“A，责任单位X；B，责任单位Y；C，责任单位Z、W……”3月18日，…」: unnumbered items separated by ；, each a short
    text with its unit key, as one line per item written with its clause (「A（责任单位：X）」); the words after the
    run (an ellipsis, the closing quote, the report's sentence) as a line of their own. [] unless at least two
    items of that shape, every unit a unit name."""
    if "；" not in line and ";" not in line:
        return []
    plain = simplified(line)
    parts = re.split(r"[；;]", plain)
    last = re.match(r"^(.*?)(……|…|”|\.\.\.)", parts[-1])
    tail = ""
    if last and last.group(1):
        tail = line[len(plain) - len(parts[-1]) + len(last.group(1)):]
        parts[-1] = last.group(1)
    out, pos = [], 0
    for part in parts:
        start = pos
        pos += len(part) + 1
        m = _KEYED_ITEM.match(part.strip().lstrip("“"))
        if not m or not all(looks_like_unit(n) for n in split_units(m.group("units")).names):
            return []
        text = line[start: start + len(part)].strip().lstrip("“")
        offset = len(part.strip().lstrip("“"))
        text_end = m.end("text")
        out.append(f"{text[:text_end]}（{m.group('key')}：{text[m.start('units'):offset]}）")
    if len(out) < 2:
        return []
    return [*out, tail.strip()] if tail.strip() else out


def _split_sub_items(line: str) -> list[str]:
    """A paragraph holding its sub-items after its own sentence — 「（一）深化审批改革。（1）推行…（A负责）；（2）压减…
    （B负责）。」 — as one line per item, when at least two sub-items carry their own clause. Only numbers counting 1, 2, 3 … after 。；： split, so a reference such as
    「见（3）」 inside a sentence does not."""
    marks = list(_INLINE_NUMBER.finditer(line))
    values = [int(m.group(1)) if m.group(1) else "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(m.group(2)) + 1 for m in marks]
    if len(marks) < 2 or values != list(range(1, len(values) + 1)):
        return [line]
    cuts = [0, *(m.start() for m in marks), len(line)]
    parts = [part.strip() for part in (line[a:b] for a, b in zip(cuts, cuts[1:], strict=False)) if part.strip()]
    if sum(1 for part in parts[1:] if split_clause(part.rstrip("；;"))[1]) < 2:
        return [line]  # sub-points of one task whose clause closes the paragraph
    return parts


def _between(sorted_numbers: list[int], low: int, high: int) -> bool:
    """Whether a number lies strictly between `low` and `high`."""
    i = bisect.bisect_right(sorted_numbers, low)
    return i < len(sorted_numbers) and sorted_numbers[i] < high


def _key_lines_above_items(numbered_lines: list[tuple[int, str]]) -> set[int]:
    """Key lines that head the numbered items after them (分工方案 whose 「牵头单位：X；配合单位：Y」 or 「责任单位：A、B」
    stands once above the tasks it governs, 「1.…」 「2.…」 「3.…」): the indexes of those lines in `numbered_lines`,
    or an empty set when the list does not read so. A list reads so when its first group of unit key lines stands
    before any item of that style and every group naming who leads or is responsible (a 牵头 or 责任 key) is
    followed by an item — where each item has its own key lines after it, the first group follows the first item
    and the last is followed by none. Groups naming only partners or a time (「配合单位：Y」 ⏎ 「完成时限：Z」 under an
    item) stay the item's own."""
    if not any("：" in line or ":" in line for _no, line in numbered_lines):
        return set()
    groups: list[tuple[int, int, set[str]]] = []  # (first index, index past the group, kinds of key)
    i, n = 0, len(numbered_lines)
    while i < n:
        line = numbered_lines[i][1]
        kind = _key_kind(simplified(line)) if line and ("：" in line or ":" in line) else None
        if not kind or kind[0] not in ("lead", "units", "deadline") or _numbered(line) or line.startswith("以上"):
            i += 1
            continue
        j, kinds = i, set()
        while j < n:
            nxt = numbered_lines[j][1]
            if nxt:
                k = _key_kind(simplified(nxt)) if ("：" in nxt or ":" in nxt) else None
                if not k or k[0] not in ("lead", "units", "deadline") or _numbered(nxt):
                    break
                keyed = _keyed(simplified(nxt))
                if keyed & {"lead", "resp"} and j > i and not kinds & {"lead", "resp"}:
                    break  # 「配合单位：Y」 ⏎ 「牵头单位：X」: the partners are the item's above, the lead opens a block
                kinds |= keyed
            j += 1
        groups.append((i, j, kinds))
        i = j
    heads = [g for g in groups if g[2] & {"lead", "resp"}]
    named = [g for g in groups if g[2]]  # (not a page's 「发布时间：…」 above the list)
    if not heads or heads[0] is not named[0]:
        return set()
    after = [next((line for _no, line in numbered_lines[j:] if line), "") for _i, j, _k in heads]
    # (「4.2024年农村公路…」: a number glued to a text that opens with digits is an item too)
    styles = [(_numbered(line) or (("arabic",) if _GLUED_DIGITS.match(line) else ("",)))[0] for line in after]
    if "" in styles or "bullet" in styles:
        return set()
    style = styles[0]
    # a group followed by a heading (「责任单位：Y」 ⏎ 「三、保障措施」) closes the item above it: each item's own lines
    above_groups = [_numbered(next((ln for _no, ln in reversed(numbered_lines[:a]) if ln), "")) for a, _b, _k in heads]
    heading_styles = {h[0] for h in above_groups if h and _STYLE_RANK[h[0]] < _STYLE_RANK[style]}
    if heading_styles & set(styles):
        return set()
    first = heads[0][0]
    above = next((line for _no, line in reversed(numbered_lines[:first]) if line), "")
    if any((_numbered(line) or ("",))[0] == style for _no, line in numbered_lines[:first]):
        return set()  # an item of that style before the first group: each item's key lines follow it
    heading = _numbered(above)
    if heading and not (_STYLE_RANK[heading[0]] < _STYLE_RANK[style] and _heading_like(heading[2])
                        and not heading[2].rstrip().endswith(("。", ".", "；", ";"))):
        return set()  # 「1.推进…，提升…。」 ⏎ 「牵头单位：X」 ⏎ 「（1）…」: that item's key lines, its points its text
    return {k for a, b, _k in heads for k in range(a, b)}


_ALL_ABOVE = re.compile(r"^\s*(?P<open>[（(])?\s*以上(?:各项|所有|全部|几项|\d+项)?(?:任务|工作|事项|内容|项目|措施)?"
                        r"(?:均|都|皆)?\s*(?P<rest>.+?)\s*(?(open)[）)])\s*[。.；;]?\s*$")


# A sentence after a run of items naming the units of the last of them, by count: 「4項目標的責任單位均為市發展改革委。」,
# 「该目标责任单位为市经委。」, 「上述2项任务的牵头单位为X」 (a plan of targets, grouped by who answers for them).
_LAST_ITEMS = re.compile(
    r"^\s*(?:(?:以上|上述|前)?\s*(?P<count>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*[项个条]|(?P<one>[该該此本])\s*[项条]?)"
    r"(?:目[标標]|任务|工作|指标|事项|内容|措施)?的?\s*(?P<key>责任单位|牵头单位|责任部门|牵头部门)"
    r"(?:均|都|皆)?\s*(?:为|是)\s*[:：]?\s*(?P<names>[^。；;]+?)\s*[。.；;]?\s*$")


def _last_items(line: str) -> tuple[int, dict[str, str]] | None:
    """(how many items, what it names) for a sentence naming the units of the last items above it by their count
    (`_LAST_ITEMS`); None for any other line."""
    m = _LAST_ITEMS.match(simplified(line))
    if not m:
        return None
    n = 1 if m.group("one") else 2 if m.group("count") == "两" else zh_number(m.group("count"))
    found = parse_clause(f"{m.group('key')}：{line[m.start('names'):m.end('names')]}")
    return (n, found) if n and (found.get("lead") or found.get("units")) else None


def _all_above(line: str) -> dict[str, str]:
    """A line closing the items above it with the units of them all, as 分工方案 write it after each group:
    「以上任务牵头单位：X，配合单位：Y」, 「（以上由X牵头，Y配合）」, 「（以上由A、B负责，完成时限：…）」 — what it names
    (`parse_clause`), or {} for any other line (「以上工作要高度重视」 names no one)."""
    m = _ALL_ABOVE.match(simplified(line))
    if not m:
        return {}
    found = parse_clause(line[m.start("rest"): m.end("rest")])
    return found if found.get("lead") or found.get("units") else {}


def _titled(loose: list[tuple[int, str, str]]) -> bool:
    """The last line set aside is the list's title: right under its 「附件」 label (a page that keeps no blank line
    between the title and the first key line), not a heading."""
    return len(loose) >= 2 and loose[-2][0] == loose[-1][0] - 1 and bool(re.match(r"^附\s*件\s*\d*$", loose[-2][1].strip()))


def _unit_heading(line: str, numbered_lines: list[tuple[int, str]], i: int) -> float | None:
    """A line that names the unit whose items follow it, unnumbered and ending with a colon (「市财政局：」,
    「县住建局、县城投集团牵头：」) above a numbered item: the heading's rank, just above that item's style; None for
    any other line (an addressee: it names 各…, or several bodies separated by ，)."""
    text = line.strip()
    if len(text) > 41 or _numbered(text):
        return None
    nxt = next((ln for _no, ln in numbered_lines[i + 1:] if ln), "")
    num = _numbered(nxt)
    if not text.endswith(("：", ":")):  # 「凤台县政府」 ⏎ 「1.…」: a body's name alone over items counted from 1
        return _STYLE_RANK[num[0]] - 0.5 if _names_over_items(text, num) else None
    if not _lead_heading(text[:-1], bare=True, partners=True).get("lead"):
        return None
    return _STYLE_RANK[num[0]] - 0.5 if num and num[0] not in ("bullet",) else None


def _names_over_items(text: str, num) -> bool:
    """`text` is a line of a body's names alone (at most twenty characters, a level's or a township's: 「凤台县政府」,
    「大通区政府」) and the item under it is numbered 1 (or 一): a list of targets grouped by the body answerable."""
    return bool(num and num[0] not in ("bullet",) and num[1] in ("1", "一") and len(text) <= 20
                and (names := _unit_names(text)) and all(_LEVEL_OPENING.match(simplified(n)) for n in names))


def _block_units(block: dict[str, str]) -> dict[str, str]:
    """What a key-line block above items (`_key_lines_above_items`) gives each of them, as a heading naming the
    lead does (`_inherit_heading_units`): its lead with its other units as partners, else its units; its deadline."""
    named = {"lead": block["lead"], "partners": block.get("units", "")} if block.get("lead") else \
        {"units": block.get("units", "")} if block.get("units") else {}
    if named and block.get("deadline"):
        named["deadline"] = block["deadline"]
    return named


def _entries(numbered_lines: list[tuple[int, str]]) -> tuple[list[_Entry], list[tuple[int, str, str]]]:
    """Numbered paragraphs with their continuation and key-value lines, and the other lines
    (line number, text, why it is not part of a paragraph); `numbered_lines` are (source line number, text)."""
    lines = [line for _no, line in numbered_lines]
    entries: list[_Entry] = []
    loose: list[tuple[int, str, str]] = []
    first_leads = False
    current: _Entry | None = None
    blank = False
    ahead = _clause_ahead(lines)
    width = _wrap_width(lines)
    last_units = ""  # the unit role the line before wrote, when it was a key-value line
    text_open = False  # the line before was a 「主要任务：」 value that did not end its sentence
    heads = _key_lines_above_items(numbered_lines)
    block_style = ""  # the numbering style of the items the block governs: the first item's after it
    block: dict[str, str] = {}  # the key lines standing above the items that follow (`_key_lines_above_items`)
    in_block = False
    covered = 0  # the entries before this one have their units from a closing line (「以上由X负责」)
    for i, (no, line) in enumerate(numbered_lines):
        if not line:
            blank = True
            continue
        if i in heads:  # 「牵头单位：X；配合单位：Y」 ⏎ 「1.…」 「2.…」: the line stands for the items after it
            if current is not None:
                current.read_clause()
                current = None
            if not in_block:
                block, block_style = {}, ""
                if current is None and loose and loose[-1][0] == no - 1 and _heading_like(loose[-1][1]) \
                        and not _notice_line(loose[-1][1]) and not _titled(loose):
                    # 「教育事业」 ⏎ 「牵头单位：…」 ⏎ 「1.…」: a heading
                    head = loose.pop()
                    current = _Entry("head", "", head[1], head[0], first_leads)
                    entries.append(current)
            for role, value in parse_clause(line).items():
                _put(block, role, value)
            in_block, blank = True, False
            continue
        in_block = False
        last = _last_items(line) if current is not None and "单位" in simplified(line)[:16] else None
        if last is not None:  # 「1.…」…「4.…」 ⏎ 「4項目標的責任單位均為X。」: the units of the last four items
            items = [e for e in entries[covered:] if e.style == current.style]
            if 0 < last[0] <= len(items) and all(_names_its_doer(e) for e in items[:-last[0]]):
                current.read_clause()
                for e in items[-last[0]:]:
                    e.inherited = _block_units(last[1])
                covered, current, blank = len(entries), None, False
                continue
        closing = _all_above(line) if current is not None and "以上" in line[:4] else {}
        if closing:  # 「1.…」 「2.…」 ⏎ 「（以上由X牵头，Y配合）」: the line names the units of every item since the last
            current.read_clause()
            start = len(entries)  # back over the items since the last closing line, up to one with its own units
            while start > covered and entries[start - 1].style == current.style and not _names_its_doer(entries[start - 1]):
                start -= 1
            for e in entries[start:]:
                e.inherited = _block_units(closing)
            covered, current, blank = len(entries), None, False
            continue
        if current is None or current.style != "head":
            head = _unit_heading(line, numbered_lines, i)
            if head is not None:  # 「市财政局：」 ⏎ 「1.…」: the unit whose items follow
                if current is not None:
                    current.read_clause()
                current = _Entry("head", "", line.strip().rstrip("：:"), no, first_leads, ranked=head, names_only=True)
                entries.append(current)
                blank = False
                continue
        num = _numbered_after(line, (entries[-1].style, entries[-1].number) if entries else None)
        if num and num[0] == "bullet" and _BULLET_FIELD.match(num[2]):
            # 「● 牵头单位：X」: a key line set off by a bullet; 「• 索 引 号：…」 「• 发布单位：…」: a page's fields — no items
            line, num = (num[2] if _KV_LINE.match(simplified(num[2])) else line), None  # (not 「• 发布单位：…」)
        kind = _key_kind(simplified(line))
        kv = kind if kind and kind[0] != "person" else None
        if states_first_leads(line):
            first_leads = True
        if current is None and kv and kv[0] in ("lead", "units"):
            # numbered items after the key lines, in a list not already of unnumbered items: their title's units
            items_follow = _numbered(_after_keys(numbered_lines, i)) is not None and not (
                entries and entries[-1].style == "plain")
            above = _unnumbered_item_above(loose, no, items_follow)
            if above is not None:  # 「市区新增学位2万个。」 ⏎ 「主管领导：张三」 ⏎ 「责任单位：市教育局」: that line is the item
                loose.remove(above)
                current = _Entry("plain", "", above[1], above[0], first_leads)
                entries.append(current)
            elif items_follow and loose and loose[-1][0] == no - 1 and _heading_like(loose[-1][1]) \
                    and not _notice_line(loose[-1][1]) and not _titled(loose):
                # 「教育事业」 ⏎ 「牵头单位：市教育局」 ⏎ 「1.…」 「2.…」: a heading without a number over the items its key
                # lines give units to (`_units_over_items`)
                head = loose.pop()
                current = _Entry("head", "", head[1], head[0], first_leads)
                entries.append(current)
        wrapped_units, last_units = last_units, ""
        wrapped_text, text_open = text_open, False
        task_text = None if num or kind else _TEXT_KEY_LINE.match(simplified(line))
        if task_text and current is not None:
            current.duty_line = True
            value = line[task_text.start("value"):].strip()  # 「主要任务：…」 under the item's unit lines: its text
            if value:  # after the item's title sentence as printed in the list (「政策法规。贯彻落实…」)
                current.text += ("" if current.text.endswith(_SENTENCE_END) else "\n") + value
            text_open = bool(value) and not value.endswith(_TEXT_END)
        elif not num and not kind and wrapped_text and current is not None and not is_tail_line(line):
            # 「主要任务：贯彻落实《」 ⏎ 「某某条例》…」: the value wrapped; after a ；, its next measure on a line of its own
            current.text += ("\n" if current.text.endswith(_SENTENCE_END) else "") + line.strip()
            text_open = not line.endswith(_TEXT_END)
        elif not num and not kind and wrapped_units and current is not None \
                and _wraps_units(current.kv.get(wrapped_units, ""), line):
            current.kv[wrapped_units] += "\n" + line  # 「协办单位：A、园区党工」 ⏎ 「委、各街道党工委」 (a PDF's wrap)
            last_units = wrapped_units
        elif num:
            if current is not None:
                current.read_clause()
            current = _Entry(num[0], num[1], num[2], no, first_leads, label=num[3])
            entries.append(current)
            block_style = block_style or num[0]
            if block and num[0] == block_style:
                current.inherited = _block_units(block)
            elif block and _STYLE_RANK[num[0]] < _STYLE_RANK[block_style]:
                block = {}  # a heading: the block's items end
        elif current is not None and _ROSTER_LINE.match(simplified(line)):
            current.roster = True  # 「一、领导小组组成人员」 ⏎ 「组 长：张三 …」: who sits in the group, not a task
            loose.append((no, line, "是领导小组的组成人员，不是单位，未导入"))
        elif current is not None and current.roster and kv and _MEMBERS_KEY.match(simplified(line)):
            current.members = line  # (the group's members, or, beside a 牵头单位 or a 职责 of its own, who does the work)
        elif (kv or _person_then_units(kind, line)) and current is not None:
            value = line[kv[1]:] if kv else ""
            deadline_only = bool(kv) and kv[0] == "deadline" and not _keyed(simplified(line))  # 「进度安排：…」
            read = {} if deadline_only else parse_clause(line, first_leads)  # 「主办单位：X 协办单位：Y」, 「牵头领导：张三 责任单位：X」 …
            if not read and kv and kv[0] == "units" and _MARKER.search(simplified(value)):
                read = parse_clause(value, first_leads)
            read = read or {kv[0]: value}
            if "units" in read and "lead" not in read:  # which kind of unit key: 责任单位 or 配合单位
                read["resp" if _line_key_role(simplified(line)) != "coop" else "coop"] = read.pop("units")
            current.first_leads = current.first_leads or first_leads
            current.keyed |= _keyed(simplified(line))
            current.kv_line = current.kv_line or no
            current.schedule |= bool(kv) and kv[0] == "deadline" and bool(_SCHEDULE_KEY.match(simplified(line)))
            for role, text in read.items():
                _put(current.kv, role, text)
            last_units = next((r for r in ("coop", "resp", "units", "lead") if r in read), "")
        elif current is not None and current.number and not kind and _ANY_KEY_LINE.match(simplified(line)) \
                and _key_kind(simplified(_next_line(numbered_lines, i))) is not None and not _notice_line(line):
            # 「1.做好…衔接。」 ⏎ 「工作成果：…」 ⏎ 「责任单位：…」: another field of the item, between it and its key
            # lines — kept in its text under its label, not lost and not the end of the item
            current.text += "\n" + line.strip()
        elif (_PERSON_LINE.match(simplified(line)) or (kind and kind[0] == "person")) and current is not None:
            loose.append((no, line, "是负责人或联系方式，不是单位，未导入"))
        elif current is not None and is_tail_line(line):
            current.read_clause()
            current = None
            loose.append((no, line, "是落款、日期或附注，不是任务"))
        elif current is not None and not kind and not current.kv and (sentence := _clause_sentence(line)) \
                and not split_clause(current.text, first_leads)[1]:
            for role, value in sentence.items():  # 「一、推进垃圾治理」 ⏎ 「由A承办，B、C配合。」
                _put(current.kv, role, value)
        elif current is not None and not current.kv and not kind and not is_tail_line(line) \
                and not (blank and _paragraph_of_notice(line)) \
                and not split_clause(current.text, first_leads)[1] \
                and (by_opening(line) or (_LABEL_OPEN.match(line) and paragraph_roles(_LABEL_OPEN.sub("", line)))
                     or _led_body(line)):
            current.text += "\n" + line  # 「1、…问题。」 ⏎ 「整改要求：由X负责清除…，…」 (「整改措施：X负责…」): who does it
        elif current is not None and current.number and not current.kv and not kind and _heading_like(current.text) \
                and len(current.text) < width and len(line) >= 4 and not _notice_line(line) \
                and _unit_key_line(numbered_lines[i + 1][1] if i + 1 < len(numbered_lines) else "") \
                and _another_item_under(numbered_lines, i):
            # 「一、宏观调控」 ⏎ 「地区生产总值增长率」 ⏎ 「责任单位：…」: a short heading over items printed without
            # numbers, each a line followed by its key lines — the line is the first item, not the heading's text
            current.read_clause()
            current = _Entry("plain", "", line, no, first_leads)
            entries.append(current)
        elif current is not None and not current.kv and not (blank and _paragraph_of_notice(line)) \
                and not ((_heading_like(current.text) or (_title_sentence(current) and (len(_split_glued_clauses(line)) > 1 or (
                    _item_with_clause(_next_line(numbered_lines, i), first_leads)
                    and not _numbered(_next_line(numbered_lines, i))))))
                         and _item_with_clause(line, first_leads)) and (
                (not split_clause(current.text, first_leads)[1]
                 and (ahead[i] or not current.text.endswith(("。", "！", "；", ";"))))
                or (not blank and ahead[i] and len(current.text.split("\n")[-1]) >= width)):
            wrapped = len(current.text.split("\n")[-1]) >= width and not current.text.endswith(_SENTENCE_END)
            current.text += ("" if wrapped else "\n") + line
        else:
            if current is not None:
                current.read_clause()
            current = None
            if not is_tail_line(line) and not kv and split_clause(line, first_leads)[1]:  # its number was lost
                above = _text_above_clause(line, i, numbered_lines, loose, first_leads)
                if above is not None:  # 「城东农贸市场…不全。」 ⏎ 「（主体责任：X，监督责任：Y）」: that line is the item
                    loose.remove(above)
                    line, no = f"{above[1]}\n{line}", above[0]
                *done, last = _split_glued_clauses(line)  # unnumbered tasks run together, each with its clause
                for piece in done:
                    entries.append(_Entry("plain", "", piece, no, first_leads))
                    entries[-1].read_clause()
                current = _Entry("plain", "", last, no, first_leads)
                entries.append(current)
            else:
                loose.append((no, line, "是落款、日期或附注，不是任务" if is_tail_line(line) else "不是任务条目，已跳过"))
        blank = False
    if current is not None:
        current.read_clause()
    return entries, loose


# A time phrase that is a clause's deadline and nothing more: 「2026年12月底前完成」, 「在9月底前」, 「年底前办结」 (not
# 「在9月底前完成入户调查」, which names work).
_DUE = re.compile(r"(要|须|力争|确保|并)?(在|于)?\s*(" + _STEP_DATE.pattern + r")\s*(完成|办结|完工|建成|落实到位)?"
                  r"|持续推进|长期坚持|长期推进|持续实施|长期")


# Words for doing it at all after a role's marker (牵头组织实施, 负责抓好落实): the clause says no more with them
_GENERIC_WORK = re.compile(r"(牵头|负责)(?:组织实施|具体实施|抓好落实|组织落实)$")


def _clause_sentence(line: str) -> dict[str, str]:
    """A line that is nothing but a clause written as a sentence under an item, 「由乡村镇建设服务中心承办，乡财政所、
    派出所配合。」, 「市发展改革委牵头，市财政局配合，2026年底前完成。」 or 「由A，B、C负责落实」 (a 工作报告分解 that
    says who does each item on a line of its own): the last part ends with a marker (or is a short time phrase),
    every other part ends with one, is a time phrase, or is names alone (which take the next marker's role), and
    every name looks like a unit — half of them at least in a sentence opened by 由 (`_mostly_units`).
    {"lead": …, "units": …, "deadline": …} (what it names), else {}."""
    body = _GENERIC_WORK.sub(r"\1", line.strip().rstrip("。；;"))  # 「由市经委牵头组织实施」: the marker says it all
    if not body or len(body) > 150 or "：" in body or ":" in body or states_first_leads(body):
        return {}  # (「以下各项中，排在第一位的部门为牵头部门」 states the document's rule: `states_first_leads`)
    parts = [p.strip() for p in re.split(r"[，,；;]", simplified(body)) if p.strip()]
    dated = [p for p in parts if _DUE.fullmatch(p)]
    opened_by = bool(_GROUP_LEAD_WORDS.match(simplified(body)))  # 「由…」: the shape says the words are names
    # a group's names may run over a comma to its marker (「由A牵头，B、C，各区政府参加」, 「由A，B、C负责落实」): a part of
    # names alone, before the names that close it (not before a sentence: 「以下各项中，排在第一位的部门为牵头部门」)
    if not parts or len(dated) == len(parts) or not all(
            _CLAUSE_PART_END.search(p) or (k < len(parts) - 1 and not _sentence_words(parts[k + 1]) and (
                _all_units(_GROUP_LEAD_WORDS.sub("", p)) or (opened_by and _mostly_units(_GROUP_LEAD_WORDS.sub("", p)))))
            for k, p in enumerate(parts) if p not in dated) or not _CLAUSE_PART_END.search(parts[-1]) and parts[-1] not in dated:
        return {}
    if any(not _CLAUSE_PART_END.search(p) and _MARKER.search(p) for p in parts if p not in dated):
        return {}  # 「由A牵头研究，B配合」: a marker inside words that go on is no clause
    found = parse_clause(body)
    said = "、".join(found.get(r, "") for r in ("lead", "units"))
    if not _all_units(said) and not (opened_by and _mostly_units(said)):
        return {}
    return {r: found[r] for r in ("lead", "units", "deadline") if found.get(r)}


def _mostly_units(text: str) -> bool:
    """Half the names of `text` or more look like units and none holds a sentence's words: enough for a clause
    sentence opened by 由 (「由A牵头，B、C配合」 on a line of its own), whose shape says the words are names — a
    customs office or a place may not end as an office does (吴江海关, 人民大垸)."""
    names = split_units(text).names  # (a sector's departments, 交通运输部门, are units as in a clause: `_groups`)
    return bool(names) and 2 * sum(looks_like_unit(n) or is_sector_department(n) for n in names) >= len(names) \
        and not any(len(n) > 20 or _sentence_words(simplified(n)) for n in names)


# Words of a sentence, not of a name: 「各部门要密切配合」 is a request to everyone, not a clause naming 「各部门要密切」;
# 「巩固县政务服务中心」 opens with a verb; 「资料的印制由县文明办」 is a sentence's subject and its doer.
# 「各地根据实际」: how the doer goes about it (根据, 按照, 结合, 依据), not a name.
_SENTENCE_WORDS = re.compile(rf"{_MODALS}|密切|积极|主动|认真|大力|全力|进一步|的|由|根据|按照|结合|依据|设在|设于|位于")
# A verb opening a sentence's words before a unit's name (巩固县政务服务中心…): a verb only when a whole name of three
# characters or more follows it — 组织部, 保障中心, 协调办, 指导站 are offices whose names open with these words.
_OPENING_VERBS = (r"巩固|推进|推动|加强|加快|深化|完善|落实|提升|做好|抓好|开展|实施|建立|健全|强化|优化|持续|"
                  r"全面|支持|督促|指导|组织|协调|确保|保障|发挥|继续|不断|着力|切实|围绕|依托|按照|通过")
_OPENING_VERB = re.compile(rf"^({_OPENING_VERBS})(?P<rest>.+)$")
# A verb opening the work after a subject's names (「X会同市医保局加强…」): where the names end when no role verb does.
# (Not in `_OPENING_VERBS`: that list says a NAME holds a sentence's words, and 建设/监督/… open offices' names —
# 建设银行, 建设工程质量安全监督站 — while here a whole unit name has already ended before the verb.)
_WORK_VERB = re.compile(rf"{_OPENING_VERBS}|{_BY_VERB.pattern}|大力|加大|积极|认真|进一步|扎实|深入|编制|出台|打造|构建|"
                        r"探索|规范|引导|鼓励|提高|扩大|实现|争取|力争|新增|新建|建设|启动|开工|完成|做实|研究|制订|拟订|拟定|发挥")


def _sentence_words(name: str) -> bool:
    """`name` (simplified) holds a sentence's words: a modal or 的/由, or a verb before a whole unit name."""
    if _SENTENCE_WORDS.search(name):
        return True
    m = _OPENING_VERB.match(name)
    return bool(m and len(m.group("rest")) >= 3 and looks_like_unit(m.group("rest")))


def _all_units(text: str) -> list[str]:
    """The names of `text` when there are some and every one looks like a unit and holds no words of a sentence
    (`_sentence_words`): the test a clause written in prose must pass, where nothing else marks it as a clause."""
    names = split_units(text).names
    ok = names and all(looks_like_unit(n) and not _sentence_words(simplified(n)) for n in names)
    return names if ok else []


def _last_sentence_clause(text: str) -> tuple[str, dict[str, str]] | None:
    """An item whose last sentence is its clause, written out without brackets — 「推进审批提速。由县政务服务中心
    牵头，县直各部门配合。」 — as (the text without that sentence, the clause); None otherwise (`_clause_sentence`
    says what a clause sentence is)."""
    body = text.rstrip().rstrip("。；;")
    at = max(body.rfind(end) for end in "。！？\n")  # not after ；: the sentence may share its work out in parts
    if at < 4 or len(body) - at > 150:
        return None
    found = _clause_sentence(body[at + 1:])
    return (text[: at + 1].rstrip(), found) if found else None


def _another_item_under(numbered_lines: list[tuple[int, str]], i: int) -> bool:
    """Past the i-th line and the key lines after it, another line without a number followed by its own unit key
    line: items printed without numbers under a heading (two at least) — not a numbered item's description above
    its key lines, which the next numbered item follows."""
    rest = [line for _no, line in numbered_lines[i + 1:] if line]
    k = next((j for j, line in enumerate(rest) if not _key_kind(simplified(line))), None)
    if k is None or k + 1 >= len(rest) or _numbered(rest[k]):
        return False
    return _unit_key_line(rest[k + 1])


def _after_keys(numbered_lines: list[tuple[int, str]], i: int) -> str:
    """The first line after the run of key-value lines starting at the i-th ("" at the end)."""
    for _no, line in numbered_lines[i:]:
        if line and not _key_kind(simplified(line)):
            return line
    return ""


def _unnumbered_item_above(loose: list[tuple[int, str, str]], key_line: int,
                           items_follow: bool = False) -> tuple[int, str, str] | None:
    """The item a unit key-value line belongs to when no numbered item is open — a list whose items carry no
    numbers, each a line of text followed by its key lines (「市区新增学位2万个。」 ⏎ 「主管领导：张三」 ⏎
    「责任单位：市教育局」): the last line set aside, past the lines naming people, when it reads as a task's text
    (a sentence, not a key, a heading ending in ：, a closing line or a number). None otherwise."""
    k = len(loose) - 1
    while k >= 0 and _is_person_line(loose[k][1]):
        k -= 1
    if k < 0:
        return None
    line = loose[k][1]
    plain = simplified(line)
    if len(line) < 4 or line.endswith(("：", ":")) or _notice_line(line) or _numbered(line) \
            or _ANY_KEY_LINE.match(plain):
        return None  # (a short line ending like an office, 「新建学校3所」, is no signature above its key lines)
    # a sentence; or a short task with no stop (「推进河西片区配套建设」) right above its key lines, in a list whose
    # items carry no numbers: a heading has a number or stands apart, and a line whose key lines are followed by
    # numbered items (`items_follow`) is a title or heading stating their units
    right_above = loose[k][0] + (len(loose) - 1 - k) == key_line - 1
    if not re.search(r"[。；;，,]", line) and (not right_above or items_follow):
        return None
    return loose[k]


def _text_above_clause(line: str, i: int, numbered_lines: list[tuple[int, str]], loose: list[tuple[int, str, str]],
                       first_leads: bool) -> tuple[int, str, str] | None:
    """The item a line holding nothing but a clause belongs to, when no numbered item is open — items printed without
    numbers (bullets lost in copying, Word's bullets), each a line of text with its clause on the next line: the line
    set aside right above it (blank lines between aside) when it reads as a task's text (`_unnumbered_item_above`)."""
    if split_clause(line, first_leads)[0].strip(" 。.；;，,\n") or not loose:
        return None
    prev = next((no for no, text in reversed(numbered_lines[:i]) if text), None)
    above = _unnumbered_item_above(loose, numbered_lines[i][0])
    return above if above is not None and above is loose[-1] and above[0] == prev else None


def _is_person_line(line: str) -> bool:
    kind = _key_kind(simplified(line))
    return bool(_PERSON_LINE.match(simplified(line)) or (kind and kind[0] == "person"))


def _wraps_units(value: str, line: str) -> bool:
    """`line` goes on with the unit names of `value` (a key-value line wrapped by a PDF's page width): the value
    ends inside a name or after a separator, and with the line every name looks like a unit."""
    if not value or is_tail_line(line):
        return False
    last = re.split(r"[、，,；;]", value)[-1].strip()
    if last and looks_like_unit(last):
        return False
    names = [re.sub(r"[（(][^（）()]*[）)]$", "", n) for n in split_units(value + "\n" + line).names]  # 局（工委）
    return bool(names) and all(looks_like_unit(n) for n in names)


def _heading_like(text: str) -> bool:
    """A short line without a sentence in it (「稳定经济增长」): a heading, which a task paragraph does not continue
    (a line ending with ： leads into what follows)."""
    return "\n" not in text and len(text) <= 40 and not re.search(r"[。；;！？]", text) and not text.endswith(("：", ":"))


def _headings_like_their_siblings(entries: list[_Entry]) -> list[_Entry]:
    """In a numbering style whose one-sentence lines head unnumbered tasks (「（二）促进消费。」 ⏎ 「推动…。（X牵头）」 ⏎
    「发展…。（Y牵头）」), a line of the same style with a single paragraph under it (「（一）扩大有效投资。」 ⏎
    「加快实施…。（Z牵头）」) is a heading too, as its siblings are: its paragraph is an unnumbered task under it."""
    styles = {e.style for e, nxt in zip(entries, entries[1:], strict=False)
              if nxt.style == "plain" and not e.clause and _title_sentence(e)}
    if not styles:
        return entries
    out: list[_Entry] = []
    for e in entries:
        title, _, rest = e.text.partition("\n")
        if e.style in styles and e.clause and rest and not e.kv \
                and _title_sentence(_Entry(e.style, e.number, title, e.line, e.first_leads)):
            heading = _Entry(e.style, e.number, title, e.line, e.first_leads, label=e.label)
            heading.read_clause()
            task = _Entry("plain", "", rest, e.line, e.first_leads)
            task.read_clause()
            out.extend([heading, task])
        else:
            out.append(e)
    return out


def _title_sentence(entry: _Entry) -> bool:
    """A numbered line that is one short sentence (「（五）充分释放全社会创业创新潜能。」): a heading when the paragraphs
    after it are unnumbered tasks, each with its own clause — its first paragraph is one of them, not its text."""
    text = entry.text
    return entry.style != "plain" and not entry.kv and "\n" not in text and len(text) <= 40 \
        and text.endswith("。") and not re.search(r"[。；;！？]", text[:-1])


def _unit_key_line(line: str) -> bool:
    """A key-value line naming units (牵头单位：…, 责任单位：…)."""
    kind = _key_kind(simplified(line))
    return bool(kind and kind[0] in ("lead", "units"))


def _next_line(numbered_lines: list[tuple[int, str]], i: int) -> str:
    """The next line after the i-th that is not blank ("" at the end)."""
    return next((line for _no, line in numbered_lines[i + 1:] if line), "")


def _item_with_clause(line: str, first_leads: bool) -> bool:
    """A line holding a task's text and its clause (not a clause alone)."""
    text, found = split_clause(line, first_leads)
    return bool(found and text.strip(" 。.；;，,"))


def _wrap_width(lines: list[str]) -> float:
    """The length from which a line counts as wrapped by the page (text taken from a PDF): 0.8 of the third
    longest line — when the text is wrapped at all, that is when at least two such long lines stop where no
    sentence or bracket ends. In text whose lines are paragraphs (infinity then) nothing is joined as a wrap."""
    lengths = sorted((len(line) for line in lines if line), reverse=True)
    if len(lengths) < 3:
        return float("inf")
    width = max(0.8 * lengths[2], _MIN_WRAP)
    cut = sum(1 for line in lines if len(line) >= width and not line.endswith((*_SENTENCE_END, "）", ")")))
    return width if cut >= 2 else float("inf")


# A page wraps its lines at 20 characters or more (an A4 column holds about 28): shorter lines are headings, not wraps,
# though in a short text they may be its third longest lines.
_MIN_WRAP = 20
_SENTENCE_END = ("。", "！", "？", "；", ";", "：", ":")
_TEXT_END = TEXT_END  # a task's text that ends here is finished; after ； it may go on with its next measure


def _clause_ahead(lines: list[str]) -> list[bool]:
    """For each line: whether it or a later line before the next numbered, key-value or closing line ends with
    a unit clause — an item's text runs on to its clause, but a finished sentence is not continued by a
    paragraph that leads to no clause (the notice's own text after the last item)."""
    out = [False] * len(lines)
    found = False
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line and (_numbered(line) or _key_kind(simplified(line)) or is_tail_line(line)):
            found = False
        elif line and split_clause(line)[1]:
            found = True
        out[i] = found
    return out


def _paragraph_of_notice(line: str) -> bool:
    """After a blank line, a line that starts a new paragraph of the notice rather than continuing an item:
    a title (书名号 or 方案/清单/要点 at the end) or a sentence addressed to everyone (各地区、各部门要…)."""
    line = simplified(line)
    return bool(re.search(r"(方案|清单|要点|通知|分解表|任务表)$", line) or re.match(r"^各[^。]{1,20}(要|应|须)", line))


def _task_entries(entries: list[_Entry]) -> set[_Entry]:
    """The entries that are tasks: those with a clause, and, in a style that carries clauses, those without
    children in a run (numbers counting up, under one heading) where at least one entry has a clause — so the
    （一）指导思想 （二）主要目标 of a 总体要求 part are not tasks though the （三）…（二十） of the next part are."""
    styles = {e.style for e in entries if _evident(e)}
    parents: list[int] = []
    stack: list[tuple[int, int]] = []  # (rank, index)
    for i, e in enumerate(entries):
        stack = [(r, k) for r, k in stack if r < e.rank]
        parents.append(stack[-1][1] if stack else -1)
        stack.append((e.rank, i))
    runs: dict[tuple, list[_Entry]] = {}
    count: dict[tuple, int] = {}
    last: dict[tuple, _Entry] = {}
    for i, e in enumerate(entries):
        if e.style not in styles:
            continue
        group = (e.style, parents[i])
        if group in last and _restarts(last[group], e):
            count[group] = count.get(group, 0) + 1
        last[group] = e
        runs.setdefault((*group, count.get(group, 0)), []).append(e)
    tasks = {e for run in runs.values() if any(_evident(x) for x in run) for e in run[:_past_last_task(run)]
             if e.clause or not e.children}
    return tasks | {e for e in entries if _evident(e) or (e.inherited and not e.children)}


def _past_last_task(run: list[_Entry]) -> int:
    """Where the run's tasks end: past its last entry with a clause, entries that name nobody and ask everyone
    (「三、有关要求」 ⏎ 「请县直各单位于每月25日前将工作进展报县政府办公室」) are the notice's own
    requirements, not tasks."""
    end = len(run)
    while end > 1 and not run[end - 1].clause and _asks_everyone(run[end - 1].text) \
            and any(_evident(x) for x in run[: end - 1]):
        end -= 1
    return end


def _asks_everyone(text: str) -> bool:
    """A sentence of the text asks everyone the notice goes to (「请县直各单位于…」) or has them report back
    (「各乡镇要于每季度末将进展情况报送县农业农村局」); 「各乡镇要落实网格化管理」 alone may be a task's own text."""
    for line in text.split("\n"):
        for sentence in re.split(r"(?<=[。！；;])", simplified(line)):
            m = _PLEASE.match(sentence) or _SUBJECT.match(sentence)
            if m and _everyone(m.group("names")) and (m.re is _PLEASE or _REPORT_BACK.search(sentence[m.end():])):
                return True
    return False


def _evident(entry: _Entry) -> bool:
    """An entry whose clause is evidence enough that it is a task (not only an office opening its paragraph)."""
    return bool(entry.clause) and "weak" not in entry.clause


def _restarts(prev: _Entry, entry: _Entry) -> bool:
    """A new run of a numbering style: the number goes back to 1 (or does not count up at all)."""
    a, b = zh_number(prev.number), zh_number(entry.number)
    if a is None or b is None:
        return False
    return b < a

