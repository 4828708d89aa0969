"""Sets of real published lists gathered after the importer was tuned on tests/corpus, to measure how it reads
lists it was not made for: tests/corpus_heldout (ten lists, gathered in the second session) and
tests/corpus_heldout2 (ten more, third session) and tests/corpus_heldout3 (fifteen more, third session, many of
them lists quoted in news reports) and tests/corpus_heldout4 (ten more, third session, kept blind until the
importer's rules of that session were written: it read 12–13 of 46 then) and tests/corpus_heldout5 (sixteen more,
kept blind to the end of that session's first round: 25 of 84 before it, 30 after) and tests/corpus_heldout6
(twelve more, gathered at that session's end and measured blind on its final code: 33 of 43 at its start, 34 after)
and tests/corpus_heldout7 and 8 (thirteen each, session 4: registers as copied from web pages, and 分工方案 paragraphs; blind: 11 of 41 and 27 of 55) and tests/corpus_heldout9 (twelve, gathered as that session's blind end measure: 28 of 62 both on
the code it started from and on its final code) and tests/corpus_heldout10 (ten, session 5, gathered for hard shapes —
misleading columns, leads in headings, prose — and measured on arrival: 15 of 61) and tests/corpus_heldout11 (ten,
session 5's blind end measure: 23 of 43 on the code the session started from and 23 of 43 on its final code) and
tests/corpus_heldout12 (ten, session 6, an ordinary mix measured on arrival: 34 of 64, as on the code the session
started from) and tests/corpus_heldout13 (eleven, session 6's blind end measure: 13 of 60 on the code the session
started from, 14 of 60 on its final code) and tests/corpus_heldout14 (six, session 7, registers and tables as a clerk
meets them, measured on arrival: 13 of 34 on the code the session started from and on its first changes, then
opened) and tests/corpus_heldout15 (eleven, session 7's blind end measure: 19 of 50 on the code the session started
from and 19 of 50 on its final code), tests/corpus_heldout16 (ten, session 8's blind end measure, opened in
session 9), tests/corpus_heldout17 (ten, session 9's blind end measure: 20 of 55 on the code it started from, 21 on
its final code; opened in session 10) and tests/corpus_heldout18 (ten duty and task lists, session 9, opened on
arrival at 3 of 48) and tests/corpus_heldout20 (eleven, session 10, opened on arrival at 8 of 67) and tests/corpus_heldout22 (ten, session 11, 分工方案
paragraphs and duty lists, opened on arrival at 40 of 61) and tests/corpus_heldout23 (four, session 11, tables as copied
from web pages, opened on arrival at 2 of 30) and tests/corpus_heldout25 (seven duty lists and registers, session 11,
opened on arrival at 5 of 43) and tests/corpus_heldout27 (ten, session 11, 分工方案 and duty lists at every level, kept blind
until it was opened at 34 of 58 on the code the session started from and on the session's code then) and
tests/corpus_heldout28 (nine, session 11, from law-database and document-sharing pages, kept blind until it was opened at
17 of 77, the same on the code the session started from and on the session's code then) and tests/corpus_heldout29 (ten
notices and news reports, session 11, kept blind until it was opened at 9 of 57 by score.py's rule on the code the session
started from, 21 on the session's code then) and tests/corpus_heldout24 and 26 (seven each, session 11's blind end
measure: 25 of 41 and 28 of 43 by score.py's rule on the code that session started from and on its final code; opened in
session 12) and tests/corpus_heldout34 (six inspection bulletins and registers, session 12, opened on arrival at 4 of
44) and tests/corpus_heldout35 (five lists from law-database mirrors, 2005–2009, session 12, opened on arrival at 7 of
47) and tests/corpus_heldout32 (six, gathered blind in session 12 and opened at 6 of 29) and tests/corpus_heldout38 (five,
gathered blind in session 13, opened at 26 of 43). Each set's INDEX.md says where every list comes from.

A ratchet, not a target: for each set the importer must get at least its FLOOR of tasks right (number, lead units
and responsible units as sets, as score.py counts them); a change that reads real lists worse fails here. Raise a
floor when the importer gets better; never change a key to match it. The cases show shapes the importer may still
miss (see each INDEX.md); learn the shape, never fit the document.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from xltools.errors import XlError
from xltools.ingest.importer import read_source

HERE = Path(__file__).resolve().parent
HELDOUT = HERE / "corpus_heldout"
# set → (tasks in the set, floor: tasks read right when the floor was last raised)
FLOORS = {"corpus_heldout": (32, 32), "corpus_heldout2": (44, 40), "corpus_heldout3": (87, 87),
          "corpus_heldout4": (46, 46), "corpus_heldout5": (84, 83), "corpus_heldout6": (43, 40),
          "corpus_heldout7": (41, 39), "corpus_heldout8": (55, 55),
          "corpus_heldout9": (62, 60), "corpus_heldout10": (61, 46),
          "corpus_heldout11": (43, 33), "corpus_heldout12": (64, 63),
          "corpus_heldout13": (60, 51), "corpus_heldout14": (34, 23), "corpus_heldout15": (50, 48),
          "corpus_heldout16": (37, 23), "corpus_heldout17": (55, 38),
          "corpus_heldout18": (48, 47), "corpus_heldout20": (67, 59),
          "corpus_heldout22": (61, 46), "corpus_heldout23": (30, 12),
          "corpus_heldout25": (43, 32), "corpus_heldout27": (58, 45),
          "corpus_heldout28": (77, 59), "corpus_heldout29": (57, 46),
          "corpus_heldout24": (41, 35), "corpus_heldout26": (43, 42),
          "corpus_heldout34": (44, 31),
          "corpus_heldout35": (47, 29),
          "corpus_heldout32": (29, 13),
          "corpus_heldout38": (43, 43)}


# A pinyin annotation a mirror put inside words (縣發(fā)展改革委, 各鎮(zhèn)人民政府): a bracket of Latin letters
# with at least one tone mark. It is mirror junk, not part of the name or the text, so it is dropped on both
# sides — the key keeps it as printed, the importer drops it — before they are compared.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(rf"\([a-zA-Z{_TONED}üÜ ]*[{_TONED}][a-zA-Z{_TONED}üÜ ]*\)")


def _norm(text) -> str:
    return _PINYIN.sub("", re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text or ""))))


# A clause in brackets inside a task's text (「联盛快乐城（责任单位：县商务局）：前期通报…」): the importer reads it
# into the units and out of the text; a key may keep it in the text. Either way it is not how the text opens.
_CLAUSE_IN_TEXT = re.compile(r"[（(〔【][^（()）〔〕【】]{0,40}?(?:单位|部门)\s*[:：][^（()）〔〕【】]*[)）〕】]")


def _opening(text) -> str:
    """How a task's text opens, to tell which imported task is which key's: its first sixteen characters, whitespace,
    NFKC forms and a bracketed clause aside."""
    return _norm(_CLAUSE_IN_TEXT.sub("", unicodedata.normalize("NFKC", str(text or ""))))[:16]


def _opens_with_its_clause(task: dict, content: str) -> bool:
    """One text is the other after an opening that names the key's own units: the importer keeps a sentence whose
    subject is its office as printed (「市卫生局负责组织…」), as most keys do, where a key drops the subject (「组织…」) —
    or a key keeps a clause (「莆田出入境检验检疫局负责,市工商局配合,」) the importer reads out of the text."""
    key, got = (_norm(text).rstrip("。；;，,") for text in (task["content"], content))  # (「…工作。」 / 「…工作；」)
    longer, shorter = (key, got) if len(key) >= len(got) else (got, key)
    head = longer[: len(longer) - len(shorter)]
    return len(shorter) >= 8 and longer.endswith(shorter) and 0 < len(head) <= 80 and any(
        _norm(u) in head for u in task["lead_units"] + task["units"])


def _right(source: Path, forgiving: bool = True) -> tuple[int, int]:
    want = json.loads(source.with_suffix(".truth.json").read_text(encoding="utf-8"))["tasks"]
    try:
        ds = read_source(source).dataset
    except XlError:
        return 0, len(want)
    names = {_norm(a): _norm(u.name) for u in ds.units for a in u.names()}

    def canon(name):
        return names.get(_norm(name), _norm(name))

    right = 0
    used: set[int] = set()
    for task in want:
        # the task whose text opens the same way; of two such (two tasks opening with the same sixteen characters),
        # the one with the key's number, each task matched once
        same = [t for t in ds.tasks if _opening(t.content) == _opening(task["content"]) and id(t) not in used]
        if not same and forgiving:  # a key and a text that differ only by an opening clause naming the key's units
            same = [t for t in ds.tasks if id(t) not in used and _opens_with_its_clause(task, t.content)]
        got = next((t for t in same if _norm(t.number) == _norm(task.get("number"))), same[0] if same else None)
        used.add(id(got))
        if (got is not None and {canon(x) for x in got.lead_units} == {canon(x) for x in task["lead_units"]}
                and {canon(x) for x in got.units} == {canon(x) for x in task["units"]}
                and (not task.get("number") or _norm(got.number) == _norm(task["number"]))):
            right += 1
    return right, len(want)


@pytest.mark.parametrize("folder", sorted(FLOORS))
def it_reads_at_least_as_many_held_out_tasks_right_as_when_the_floor_was_set(folder):
    total, floor = FLOORS[folder]
    scores = {p.stem: _right(p) for p in sorted((HERE / folder).glob("*.txt"))}
    right = sum(r for r, _n in scores.values())
    assert sum(n for _r, n in scores.values()) == total
    assert right >= floor, f"{folder}: {right} tasks right, fewer than {floor}: " + "；".join(
        f"{k} {r}/{n}" for k, (r, n) in scores.items())


# Titles right (as printed, whitespace and NFKC aside) over every held-out list the importer reads whose key gives a
# title: a ratchet too — the attachment prints the title at its head. Raise it when titles get better.
TITLE_FLOOR = 130


def it_reads_at_least_as_many_titles_right_as_when_the_floor_was_set():
    right = 0
    for folder in FLOORS:
        for source in sorted((HERE / folder).glob("*.txt")):
            want = json.loads(source.with_suffix(".truth.json").read_text(encoding="utf-8")).get("title") or ""
            try:
                got = read_source(source).dataset.title
            except XlError:
                continue
            right += bool(want) and _norm(got) == _norm(want)
    assert right >= TITLE_FLOOR, f"{right} titles right, fewer than {TITLE_FLOOR}"


# The same sets counted by score.py's own rule (../shared/corpus/score.py: a task is matched by the first sixteen
# characters of its text, nothing forgiven), the rule other real lists are judged by: a text that keeps or drops its
# office as its subject differently from a key is wrong there. A ratchet too. Raise it when the importer gets better.
STRICT_FLOOR = 1274


def it_reads_at_least_as_many_held_out_tasks_right_by_score_py_s_rule():
    right = sum(_right(p, forgiving=False)[0] for folder in FLOORS for p in sorted((HERE / folder).glob("*.txt")))
    assert right >= STRICT_FLOOR, f"{right} tasks right by score.py's rule, fewer than {STRICT_FLOOR}"
