"""Every real key written out as a plan's 职责分工 written without numbers: a paragraph per task, each opening with
who does it — 「县自然资源局：负责…」 (the office labels its duties), 「公安部门要…」 (the office, then what it must
do), or, where the key has a lead, 「X牵头，Y配合，…」 — under a heading per category (「一、…」). The paragraph must come
back as the task's content (the text after a label 「X：」), the office as its units (lead where the key has one), the
heading as its category; the tasks carry no number, since none is printed."""

from __future__ import annotations

import json

import pytest
from test_corpus_typed import KEYS, KNOWN, _read_back, _tasks, _zh

FORMS = ("colon", "modal")

# keys that do not come back whole, and why (besides test_corpus_typed's KNOWN)
KNOWN_DUTIES: dict[str, str] = {
    # the key's text opens with, or holds, who does it in words of its own (「由X牵头负责，Y参与…」, 「整改要求:由X负责…」,
    # 「莆田出入境检验检疫局负责,市工商局配合,…」, 「各乡(镇)政府…必须…」, 「由鎮公路站負責的…」, a key 「主要任务:」, a
    # clause mid-text 「(责任单位:县商务局)」): after the office that opens the paragraph, those words are read again
    **dict.fromkeys(("zhenxin2020_street_prose_youqiantou_canyu_pipe_schedule", "pingli_xunchao_zhenggai_youfuze_prose",
                     "putian_fsou_continuation_fuze_peihe_subject_clause",
                     "haidian_fymate_subject_items_then_unit_colon_lines_shared_suffix",
                     "lintou2021_town_youfuze_prose_deadlines", "shangqiu2023_heading_items_zhuyao_renwu_qiantou_only",
                     "happypx2022_spam_chuangwen_inspection_midclause_points"), "the text says who does it itself"),
    # the first names include an area or a place (物业管理小区; 哈爾濱、黑河), not offices: no office opens the paragraph
    "hexi_street_docsite_glued_zeren_no_colon": "an area among the names",
    "heilongjiang_trad_fuze_collective": "bare place names",
    # every paragraph opens with everyone (各县(市、区)人民政府、各开发区管委会、市直各有关单位): requests to all, no list
    "yuncheng_subitems_clause": "everyone in every paragraph",
    # texts of a word or two (「网吧、KTV」, 「烟花爆竹」): no work is written after the office
    "xuzhuang2017_town_pipe_months_space_units": "texts of a word or two",
    # texts opening with a figure (「16010名…」) or a lead beside a 人民银行 and collectives: read short of some tasks
    "taishun2023oct_cells_register_lead_merged_status_lines": "texts opening with figures",
    "fymate_boxdraw_table": "a lead not shaped as an office (人民银行) with collectives",
    # texts made of numbered points (「(1)院内电动车…;(2)灭火器…」): the points read as numbered items, more of them
    # than the paragraphs, and a list's numbered items win over paragraphs
    "jingzhou_chuangwen_problems_subitems_unit_deadline_line": "numbered points in the texts",
    # set 25: the key's categories keep their heading's own number (「三、…」, 「一、…」), which every other key drops
    **dict.fromkeys(("city_xiaomilidoc_dust_joint_meeting_runon_unit_colon_duties", "weifang2017_bdocx_cells_zhengwu_qiantou_luoshi"),
                    "category keeps its heading's number"),
}


def _paragraph(form: str, lead: list[str], units: list[str], text: str) -> str:
    a, b = "、".join(lead), "、".join(units)
    if lead:
        return f"{a}牵头，{b}配合，{text}" if b else f"{a}牵头负责{text}"
    return f"{b}：{text}" if form == "colon" else f"{b}要{text}"


def _written(key: dict, form: str) -> str | None:
    """The key as unnumbered duty paragraphs under its categories' headings; None where a task names nobody or the
    list has fewer than three tasks (two paragraphs opening with offices are no evidence of a list)."""
    tasks = key["tasks"]
    if len(tasks) < 3 or not all(t["lead_units"] or t["units"] for t in tasks):
        return None
    lines = [key.get("title") or "职责分工"]
    last, heads = None, 0
    for t in tasks:
        category = t.get("category") or ""
        if category and category != last:
            heads += 1
            lines.append(f"{_zh(heads)}、{category}")
        last = category
        lines.append(_paragraph(form, t["lead_units"], t["units"], t["content"]))
    return "\n".join(lines) + "\n"


def _wanted(key: dict, form: str) -> list[tuple]:
    """The key's tasks, each text as its paragraph prints it where the office is the sentence's subject (「公安部门要…」,
    「X牵头，Y配合，…」: the importer keeps the sentence whole), the text alone where the office labels it (「X：…」)."""
    def text(t: dict) -> str:
        labelled = not t["lead_units"] and form == "colon"
        return t["content"] if labelled else _paragraph(form, t["lead_units"], t["units"], t["content"])

    return _tasks([{**t, "number": "", "content": text(t), "category": t.get("category") or "", "deadline": ""}
                   for t in key["tasks"]])


def _cases() -> list:
    out = []
    for k, path in enumerate(KEYS):
        key = json.loads(path.read_text(encoding="utf-8"))
        form = FORMS[k % len(FORMS)]
        if _written(key, form) is not None:
            out.append(pytest.param(path, form, id=f"{path.name.removesuffix('.truth.json')}-{form}"))
    return out


@pytest.mark.parametrize(("key_path", "form"), _cases())
def it_reads_every_real_key_written_as_paragraphs_that_open_with_who_does_them(key_path, form, tmp_path):
    name = key_path.name.removesuffix(".truth.json")
    key = json.loads(key_path.read_text(encoding="utf-8"))
    path = tmp_path / "职责分工.txt"
    path.write_text(_written(key, form) or "", encoding="utf-8")
    want, got = _wanted(key, form), _read_back(path)
    if name in KNOWN or name in KNOWN_DUTIES:
        assert got != want, f"{name} now comes back whole: take it out of KNOWN_DUTIES"
    else:
        assert got == want
