"""The clause grammar of 分工方案 paragraphs (issue 25, part B): unit clauses, document-level lead rules,
numbering, headings, the notice's own lines; and the written corpus of whole documents in tests/corpus_written/,
imported from .txt, from a .docx with numbered paragraphs and no table, and from a web page whose article sits in
layout <td>, all to the same tasks. Every case is written for the test in the shapes of real 国务院/省/市 lists."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import xltools
from xltools.dataset.units import split_units
from xltools.errors import XlError
from xltools.ingest.patterns import zh_number
from xltools.ingest.readers.docx import format_number as _format_number
from xltools.ingest.readers.items import is_tail_line, parse_clause, states_first_leads
from xltools.ingest.table import units_from_cells

WRITTEN = Path(__file__).resolve().parent / "corpus_written"
CASES = sorted(p.stem for p in WRITTEN.glob("*.txt"))


def _roles(clause: dict[str, str]) -> tuple[list[str], list[str]]:
    return split_units(clause.get("lead", "")).names, split_units(clause.get("units", "")).names


# -- the clause grammar --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("body, lead, units", [
    ("国家发展改革委牵头，财政部、商务部配合", ["国家发展改革委"], ["财政部", "商务部"]),
    ("教育部会同有关部门负责", ["教育部"], ["有关部门"]),
    ("人力资源社会保障部会同财政部、国家医保局负责", ["人力资源社会保障部"], ["财政部", "国家医保局"]),
    ("工业和信息化部、科技部等和各省级人民政府负责", [], ["工业和信息化部", "科技部", "各省级人民政府"]),
    ("由市住房和城乡建设局负责，各区县人民政府配合", ["市住房和城乡建设局"], ["各区县人民政府"]),
    ("市园林局负责，市住房和城乡建设局、市自然资源和规划局支持", ["市园林局"], ["市住房和城乡建设局", "市自然资源和规划局"]),
    ("文化和旅游部、住房和城乡建设部按职责分工负责", [], ["文化和旅游部", "住房和城乡建设部"]),
    ("市人社局牵头负责", ["市人社局"], []),
    ("市人力资源和社会保障局牵头，市教育局、市总工会、团市委参与", ["市人力资源和社会保障局"], ["市教育局", "市总工会", "团市委"]),
    ("牵头单位：市卫生健康委；配合单位：市财政局，各区县人民政府", ["市卫生健康委"], ["市财政局", "各区县人民政府"]),
    ("牵头单位:市发改局;责任单位:市统计局,各乡、镇人民政府,人民大垸、荒湖管理区",
     ["市发改局"], ["市统计局", "各乡、镇人民政府", "人民大垸", "荒湖管理区"]),
    ("市城市管理局、市公安局交警支队", [], ["市城市管理局", "市公安局交警支队"]),
    ("办公室牵头,各科室配合", ["办公室"], ["各科室"]),
    ("县市场监管局牵头,各有关部门按照职责分工负责", ["县市场监管局"], ["各有关部门"]),
    ("县教育局、县财政局按照各自职责负责", [], ["县教育局", "县财政局"]),
    ("牵头单位：市发改委，配合单位：市财政局", ["市发改委"], ["市财政局"]),
    ("牵头单位：市发改委 责任单位：市财政局", ["市发改委"], ["市财政局"]),
    ("国家发展改革委、商务部牵头，国务院相关部门和单位按职责分工负责", ["国家发展改革委", "商务部"], ["国务院相关部门和单位"]),
    ("国家发展改革委牵头，财政部等按职责分工负责，各地区负责落实", ["国家发展改革委"], ["财政部", "各地区"]),
    ("中央网信办、工业和信息化部等与各地区按职责分工负责", [], ["中央网信办", "工业和信息化部", "各地区"]),
    ("分别由省教育厅、省科技厅负责", [], ["省教育厅", "省科技厅"]),
    ("责任单位：省发展改革委（牵头），省财政厅、省商务厅", ["省发展改革委"], ["省财政厅", "省商务厅"]),
    ("省财政厅、省发展改革委（牵头）、省商务厅", ["省发展改革委"], ["省财政厅", "省商务厅"]),
    ("责任单位：省发展改革委牵头，省财政厅配合", ["省发展改革委"], ["省财政厅"]),
    # adverbs before the marker are not part of the names; 牵头抓总, 负总责 and 主办 lead
    ("市政府办公室牵头，各县市区政府、市直各部门具体负责", ["市政府办公室"], ["各县市区政府", "市直各部门"]),
    ("县住建局牵头抓总，各乡镇具体落实", ["县住建局"], ["各乡镇"]),
    ("市发改委、市财政局分别负责", [], ["市发改委", "市财政局"]),
    ("市发改委负总责，市财政局配合", ["市发改委"], ["市财政局"]),
    ("市发改委主办，市财政局协办", ["市发改委"], ["市财政局"]),
    # any key whose words name a unit role, also without the usual keys
    ("主办单位：县农业农村局；协办单位：各乡镇", ["县农业农村局"], ["各乡镇"]),
    ("责任处室：办公室", [], ["办公室"]),
    # a verb after the marker names nobody; a note after the names (「。…，下同」) assigns nothing
    ("市工信局、市发改委牵头落实", ["市工信局", "市发改委"], []),
    ("责任单位：省发展改革委、省商务厅按职责分工负责。具体任务均涉及各市（州）人民政府，不再做分工，下同。", [],
     ["省发展改革委", "省商务厅"]),
])
def it_reads_who_leads_and_who_is_responsible_from_the_words_of_a_clause(body, lead, units):
    assert _roles(parse_clause(body)) == (lead, units)
    assert _roles(parse_clause(body.replace("，", ",").replace("；", ";").replace("：", ":"))) == (lead, units)


@pytest.mark.parametrize("body, lead, units, deadline", [
    ("省发展改革委牵头，省财政厅配合，2024年12月底前完成", ["省发展改革委"], ["省财政厅"], "2024年12月底前完成"),
    ("市商务局负责，持续推进", [], ["市商务局"], "持续推进"),
    ("牵头单位：市发改委；责任单位：市财政局；完成时限：2025年6月", ["市发改委"], ["市财政局"], "2025年6月"),
    ("市发改委牵头，市财政局配合，时间：2025年底前", ["市发改委"], ["市财政局"], "2025年底前"),
])
def it_reads_a_deadline_written_in_the_clause(body, lead, units, deadline):
    clause = parse_clause(body)
    assert clause["deadline"] == deadline
    assert _roles(clause) == (lead, units)


@pytest.mark.parametrize("body", ["由市政府负责统筹", "由市场主体负责运营", "市发改委负责，重点是扩大有效投资"])
def it_does_not_take_a_sentence_with_a_marker_for_a_clause(body):
    assert parse_clause(body) == {}


@pytest.mark.parametrize("body, lead, units", [
    ("工业和信息化部、科技部等和各省级人民政府负责", ["工业和信息化部"], ["科技部", "各省级人民政府"]),
    ("国家卫生健康委、财政部按职责分工负责", ["国家卫生健康委"], ["财政部"]),
    ("民政部、国家发展改革委", ["民政部"], ["国家发展改革委"]),
    ("国家统计局负责", ["国家统计局"], []),
    # a lead named in words wins over the document's rule
    ("国家发展改革委牵头，商务部、公安部等按职责分工负责", ["国家发展改革委"], ["商务部", "公安部"]),
    ("商务部会同有关部门负责", ["商务部"], ["有关部门"]),
])
def it_makes_the_first_name_the_lead_under_the_documents_rule(body, lead, units):
    assert _roles(parse_clause(body, first_leads=True)) == (lead, units)


@pytest.mark.parametrize("body, lead, units", [
    ("市政府辦公室牽頭，市級各有關部門及各縣市區政府按職責分工負責", ["市政府辦公室"], ["市級各有關部門", "各縣市區政府"]),
    ("市市場監管局會同有關部門負責", ["市市場監管局"], ["有關部門"]),
    ("牽頭單位：市發展改革委；責任單位：市財政局、各鄉、鎮人民政府", ["市發展改革委"], ["市財政局", "各鄉、鎮人民政府"]),
    ("市文化廣電和旅遊局、市體育局等與各縣區政府負責", [], ["市文化廣電和旅遊局", "市體育局", "各縣區政府"]),
])
def it_reads_clauses_in_traditional_characters_and_keeps_names_as_printed(body, lead, units):
    assert _roles(parse_clause(body)) == (lead, units)


def it_reads_the_rule_in_traditional_characters():
    assert states_first_leads("列第一位者為牽頭單位，下同")
    assert _roles(parse_clause("市發展改革委、市財政局按職責分工負責", first_leads=True)) == (["市發展改革委"], ["市財政局"])


def it_reads_qianzhe_qiantou_inside_a_clause():
    assert _roles(parse_clause("省教育厅、省人力资源社会保障厅按职责分工负责，前者牵头")) == (
        ["省教育厅"], ["省人力资源社会保障厅"])


def it_reads_the_rule_in_its_variant_traditional_spelling_inside_the_first_clause():
    clause = parse_clause("責任單位：縣稅務局、縣財政局，排在首位的爲牽頭單位，下同")
    assert _roles(clause) == (["縣稅務局"], ["縣財政局"])


def it_reads_a_clause_whose_names_end_before_a_note_sentence():
    """「…负责落实。以下各项工作均需…落实，不再列出。」: the names end at the first 。; the note names nobody here."""
    body = ("县农业农村局牵头，县财政局、县水利局参与，各乡、镇人民政府（街道办事处）负责落实。"
            "以下各项工作均由各乡、镇人民政府（街道办事处）组织实施，不再列出。")
    assert _roles(parse_clause(body)) == (["县农业农村局"], ["县财政局", "县水利局", "各乡、镇人民政府（街道办事处）"])
    assert _roles(parse_clause(body.replace("，", ",").replace("（", "(").replace("）", ")"))) == (
        ["县农业农村局"], ["县财政局", "县水利局", "各乡、镇人民政府(街道办事处)"])


def it_reads_a_deadline_written_as_the_clauses_second_sentence():
    clause = parse_clause("县发改局牵头，县财政局配合。2025年6月底前完成。")
    assert _roles(clause) == (["县发改局"], ["县财政局"])
    assert clause["deadline"] == "2025年6月底前完成"


def it_reads_the_rule_stated_inside_the_first_clause():
    clause = parse_clause("国家发展改革委、财政部等按职责分工负责，列第一位者为牵头单位，下同")
    assert _roles(clause) == (["国家发展改革委"], ["财政部"])


def it_reads_the_rule_stated_as_a_second_sentence_of_the_first_clause():
    """「（A、B、C负责。列第一位的为牵头部门，下同）」: the rule is its own sentence after the names; the names stay."""
    clause = parse_clause("市住房城乡建设局、市自然资源局、市财政局负责。列第一位的为牵头部门，下同")
    assert _roles(clause) == (["市住房城乡建设局"], ["市自然资源局", "市财政局"])
    clause = parse_clause("县民政局、县卫生健康局按职责分工负责。排在首位的为牵头单位")
    assert _roles(clause) == (["县民政局"], ["县卫生健康局"])


@pytest.mark.parametrize("body", ["试行", "改、扩", "政策文件和解读资料需添加咨询方式", "含2024年结转项目", "80%",
                                  "新区实验幼儿园进度滞后", "以下简称“一件事”", "2025年底前完成", "备注：含续建项目"])
def it_leaves_brackets_that_are_not_clauses_in_the_text(body):
    assert parse_clause(body) == {}


@pytest.mark.parametrize("text", ["列第一位者为牵头单位，下同", "排在第一位的部门为牵头部门", "第一个为牵头单位",
                                  "责任单位中排名第一的为牵头单位", "列首位的为牵头单位", "（第一责任单位为牵头单位）",
                                  "列第一位的责任单位为牵头单位或汇总单位", "如有多个单位，第一个单位为主办单位"])
def it_recognises_a_document_level_lead_rule(text):
    assert states_first_leads(text)


@pytest.mark.parametrize("text", ["第一季度完成牵头任务梳理", "牵头单位要于每季度第一个月报送", "首批试点由市发改委牵头"])
def it_does_not_take_other_sentences_for_the_rule(text):
    assert not states_first_leads(text)


# -- unit names inside a clause -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["文化和旅游部", "住房和城乡建设部", "工业和信息化部", "人力资源和社会保障局",
                                  "市自然资源和规划局", "国家发展和改革委员会", "省工业和信息化厅", "农业农村和水利局"])
def it_keeps_names_that_contain_he_whole(name):
    assert split_units(name).names == [name]
    assert split_units(f"市财政局、{name}").names == ["市财政局", name]


@pytest.mark.parametrize("cell, names", [
    ("国家卫生健康委和国家中医药局", ["国家卫生健康委", "国家中医药局"]),
    ("商务部、农业农村部、国家邮政局和各省级人民政府", ["商务部", "农业农村部", "国家邮政局", "各省级人民政府"]),
    ("省司法厅、省市场监管局等和各市、县人民政府", ["省司法厅", "省市场监管局", "各市、县人民政府"]),
    ("各乡、镇人民政府，人民大垸、荒湖管理区", ["各乡、镇人民政府", "人民大垸", "荒湖管理区"]),
    ("各乡、镇、办事处", ["各乡、镇、办事处"]),
    ("市直各部门，全区经济运行各专班", ["市直各部门", "全区经济运行各专班"]),
    ("各高等院校", ["各高等院校"]),
    ("市教育局以及各县区", ["市教育局", "各县区"]),
    # 等 closes the named list; a collective of the same level may follow it, and 和 adds another
    ("省发展改革委、省交通运输厅等省有关部门和各地级以上市人民政府",
     ["省发展改革委", "省交通运输厅", "省有关部门", "各地级以上市人民政府"]),
    ("市教育局等部门和各县区人民政府", ["市教育局", "各县区人民政府"]),
    ("市发改委、市财政局按职责分工负责", ["市发改委", "市财政局"]),
    ("各县（市、区）党委、政府，市直各单位", ["各县（市、区）党委、政府", "市直各单位"]),
    ("省发展改革委、省交通运输厅、相关市、县政府", ["省发展改革委", "省交通运输厅", "相关市、县政府"]),
])
def it_splits_a_list_of_units_by_its_connectives(cell, names):
    assert split_units(cell).names == names


@pytest.mark.parametrize("cell", ["市财政局等部门", "市财政局等单位"])
def it_reads_deng_before_a_bare_class_noun_as_an_open_list(cell):
    result = split_units(cell)
    assert (result.names, result.open) == (["市财政局"], True)


def it_closes_the_list_at_deng_he_without_marking_it_open():
    assert not split_units("工业和信息化部、科技部等和各省级人民政府").open
    assert split_units("工业和信息化部、科技部等").open


@pytest.mark.parametrize("cell, lead, units", [
    ("办公室牵头,各科室配合", ["办公室"], ["各科室"]),
    ("教育部会同有关部门负责", ["教育部"], ["有关部门"]),
    ("市财政局、市税务局", [], ["市财政局", "市税务局"]),
])
def it_reads_a_lead_written_inside_one_table_cell(cell, lead, units):
    got_lead, got_units = units_from_cells("", cell)
    assert (got_lead.names, got_units.names) == (lead, units)


# -- numbering, headings and the notice's own lines ----------------------------------------------------------------

@given(st.integers(min_value=1, max_value=99))
@settings(max_examples=60, deadline=None)
def it_reads_chinese_numerals_back(n):
    assert zh_number(_format_number(n, "zh")) == n


@pytest.mark.parametrize("fmt", ["{n}.", "{n}、", "{n}．", "（{n}）", "({n})", "{zh}、", "（{zh}）", "{c}", "第{zh}条 "])
def it_reads_items_in_every_numbering_style(fmt):
    circled = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫"
    lines = ["某某区2026年重点工作分工方案"]
    for n in range(1, 13):
        lines.append(fmt.format(n=n, zh=_format_number(n, "zh"), c=circled[n - 1])
                     + f"完成第{n}项重点工作。（区发改局牵头，区财政局配合）")
    ds = xltools.import_text("\n".join(lines))
    assert [t.content for t in ds.tasks] == [f"完成第{n}项重点工作。" for n in range(1, 13)]
    assert all(t.lead_units == ["区发改局"] and t.units == ["区财政局"] for t in ds.tasks)
    assert ds.title == "某某区2026年重点工作分工方案"


def it_reads_tasks_numbered_to_thirty():
    lines = ["某某市重点工作任务分工"] + [f"{_format_number(n, 'zh')}、落实第{n}项。（市第{n}局负责）" for n in range(1, 31)]
    ds = xltools.import_text("\n".join(lines))
    assert [t.number for t in ds.tasks] == [_format_number(n, "zh") for n in range(1, 31)]
    assert [t.units for t in ds.tasks] == [[f"市第{n}局"] for n in range(1, 31)]


def it_reads_tasks_numbered_on_from_a_part_without_tasks():
    """（一）（二） of 总体要求 are narrative; the tasks of 重点任务 go on from （三） to （二十）."""
    lines = ["一、总体要求", "（一）指导思想。坚持稳中求进工作总基调。", "（二）主要目标。到2025年，体系基本建成。",
             "二、重点任务"] + [f"（{_format_number(n, 'zh')}）推进第{n}项。（市第{n}局负责）" for n in range(3, 21)]
    ds = xltools.import_text("\n".join(lines))
    assert [t.number for t in ds.tasks] == [_format_number(n, "zh") for n in range(3, 21)]
    assert {t.category for t in ds.tasks} == {"重点任务"}


def it_tells_headings_from_tasks_by_what_follows_them():
    text = "\n".join([
        "一、稳定经济增长",  # a heading: sub-items follow
        "1.扩大有效投资。（市发改委负责）",
        "2.促进消费回升。",  # no clause yet, but its numbering carries clauses: a task, flagged
        "二、保障改善民生",
        "3.稳定就业。（市人社局负责）",
        "三、工作要求",  # a heading with nothing under it: not a task
    ])
    ds = xltools.import_text(text)
    assert [(t.number, t.category, t.units) for t in ds.tasks] == [
        ("1", "稳定经济增长", ["市发改委"]), ("2", "稳定经济增长", []), ("3", "保障改善民生", ["市人社局"])]
    assert any("没有找到牵头/责任单位" in n for n in ds.import_notes)


def it_keeps_sub_points_under_a_task_in_its_text():
    ds = xltools.import_text("一、推进产业升级\n1.加快推进数字化转型。（牵头单位：市工信局；配合单位：市发改委）\n"
                             "（1）实施智能化改造项目50个。\n（2）培育数字化车间10个。\n2.培育新兴产业。（市科技局负责）")
    assert [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "加快推进数字化转型。\n（1）实施智能化改造项目50个。\n（2）培育数字化车间10个。", ["市工信局"], ["市发改委"]),
        ("2", "培育新兴产业。", [], ["市科技局"])]
    assert not ds.import_notes


def it_does_not_fold_the_notices_requirements_into_the_last_task():
    ds = xltools.import_text("一、建立工作台账。（市政府督查室负责）\n二、定期调度进展。（市政府督查室牵头，各区人民政府配合）\n"
                             "为确保各项任务落实，提出以下要求\n（一）加强组织领导。各区要高度重视。\n（二）强化督促检查。")
    assert [t.content for t in ds.tasks] == ["建立工作台账。", "定期调度进展。"]


def it_never_takes_the_notices_numbered_paragraphs_for_tasks():
    text = "\n".join([
        "各区人民政府，市政府各部门：",
        "一、提高思想认识。各部门要把任务落实作为重要工作。",
        "二、加强督促检查。市政府督查室要定期通报。",
        "附件",
        "重点任务分工",
        "一、建立工作台账。（市政府督查室负责）",
        "二、定期调度进展。（市政府督查室牵头，各区人民政府配合）",
    ])
    ds = xltools.import_text(text)
    assert [t.content for t in ds.tasks] == ["建立工作台账。", "定期调度进展。"]
    assert ds.title == "重点任务分工"


@pytest.mark.parametrize("line", ["国务院办公厅", "某某省人民政府办公厅", "2023年5月6日", "二〇二三年五月六日",
                                  "2021年11月22日????????", "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                                  "（此件公开发布）", "附件：重点任务分工表", "抄送：市委办公室"])
def it_knows_the_lines_that_close_a_notice(line):
    assert is_tail_line(line)


@pytest.mark.parametrize("line", ["加大育儿补贴等民生保障力度。", "开展“购在中国”系列活动", "（国家统计局负责）", "建设美丽乡村"])
def it_does_not_take_task_text_for_a_closing_line(line):
    assert not is_tail_line(line)


def it_keeps_an_items_lead_in_line_in_its_text():
    ds = xltools.import_text("1.加强园区建设，具体措施如下：\n完善基础设施，引进龙头企业。（区发改局负责）\n"
                             "2.优化营商环境。（区政务服务中心负责）")
    assert [t.content for t in ds.tasks] == ["加强园区建设，具体措施如下：\n完善基础设施，引进龙头企业。", "优化营商环境。"]


def it_never_glues_a_signature_onto_the_last_task():
    for tail in ("国务院办公厅\n2023年5月6日", "\n国务院办公厅\n\n2023年5月6日\n"):
        ds = xltools.import_text("1.推进数字政府建设。（国务院办公厅牵头，国家发展改革委配合）\n"
                                 "2.完善政务数据共享机制。\n" + tail)
        assert [t.content for t in ds.tasks] == ["推进数字政府建设。", "完善政务数据共享机制。"]


def it_keeps_people_out_of_the_tasks_text():
    ds = xltools.import_text("1.落实减税降费政策。\n责任领导：张三\n牵头单位：区税务局\n责任单位：区财政局\n"
                             "联系人：李四 13800000000\n2.建立企业服务专员制度。\n牵头单位：区工信局\n")
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("落实减税降费政策。", ["区税务局"], ["区财政局"]), ("建立企业服务专员制度。", ["区工信局"], [])]
    assert any("责任领导：张三" in n for n in ds.import_notes)


def it_reads_several_keys_on_one_line_under_an_item():
    ds = xltools.import_text("1.落实减税降费政策。\n牵头单位：区税务局；配合单位：区财政局、区人社局\n"
                             "2.建立企业服务专员制度。\n牵头单位：区工信局 责任单位：各镇（街道） 完成时限：2026年6月底前\n")
    assert [(t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        (["区税务局"], ["区财政局", "区人社局"], ""), (["区工信局"], ["各镇（街道）"], "2026年6月底前")]


def it_reads_paragraphs_whose_numbers_were_lost():
    """Copied from Word, an automatically numbered list loses its numbers: each paragraph with its clause is
    a task, the short lines above them their headings."""
    ds = xltools.import_text("\n".join([
        "某某区2026年重点工作任务分工", "一、稳定经济增长",
        "扩大有效投资，全年完成固定资产投资100亿元。（区发改局牵头，区财政局配合）",
        "促进消费回升，举办消费季活动。（区商务局负责）", "二、保障改善民生", "新增城镇就业3000人。（区人社局负责）",
        "某某区人民政府办公室", "2026年1月5日"]))
    assert [(t.number, t.category, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("", "稳定经济增长", "扩大有效投资，全年完成固定资产投资100亿元。", ["区发改局"], ["区财政局"]),
        ("", "稳定经济增长", "促进消费回升，举办消费季活动。", [], ["区商务局"]),
        ("", "保障改善民生", "新增城镇就业3000人。", [], ["区人社局"])]


def it_does_not_take_one_sentence_of_a_notice_for_a_list():
    from xltools.ingest.readers.items import looks_like_items

    assert not looks_like_items("各单位：\n请于每月5日前报送进展情况（市政府督查室负责汇总）。\n市政府办公室")


def it_reads_sub_items_written_inside_one_paragraph():
    ds = xltools.import_text("\n".join([
        "一、持续推进重点改革",
        "（一）深化工程建设项目审批制度改革。（1）推进“多测合一”改革。（市住建局牵头，市自然资源局配合）；"
        "（2）压减审批时限至60个工作日以内。（市行政审批局负责）",
        "（二）深化商事制度改革。①推行经营范围规范化登记。（市市场监管局负责）②推进企业开办全程网办。（市市场监管局牵头，市税务局配合）"]))
    assert [(t.number, t.category, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "深化工程建设项目审批制度改革", "推进“多测合一”改革。", ["市住建局"], ["市自然资源局"]),
        ("2", "深化工程建设项目审批制度改革", "压减审批时限至60个工作日以内。", [], ["市行政审批局"]),
        ("①", "深化商事制度改革", "推行经营范围规范化登记。", [], ["市市场监管局"]),
        ("②", "深化商事制度改革", "推进企业开办全程网办。", ["市市场监管局"], ["市税务局"])]


def it_does_not_split_a_sentence_at_a_reference_to_an_item():
    from xltools.ingest.readers.items import split_inline_items

    line = "（三）落实减税政策，具体见（3）。（市税务局负责）"
    assert split_inline_items(line) == [line]
    one_task = "1.推进园区建设。（1）完善基础设施；（2）引进龙头企业。（区发改局负责）"
    assert split_inline_items(one_task) == [one_task]


def it_reads_a_clause_in_tortoise_shell_brackets():
    ds = xltools.import_text("一、加强市场体系建设。推进高标准市场体系建设。〔责任单位：省发展改革委、省市场监管局按职责分工负责〕\n"
                             "二、优化市场准入环境。实施“证照分离”改革。〔责任单位：省市场监管局〕\n")
    assert [(t.content, t.units) for t in ds.tasks] == [
        ("加强市场体系建设。推进高标准市场体系建设。", ["省发展改革委", "省市场监管局"]),
        ("优化市场准入环境。实施“证照分离”改革。", ["省市场监管局"])]


def it_reads_clauses_in_square_brackets_and_collectives_with_brackets_inside():
    ds = xltools.import_text("1.推进县域经济发展。（省发展改革委牵头，各市、县（市、区）人民政府负责）\n"
                             "2.完善园区配套。【责任单位：省工业和信息化厅、各设区市人民政府】\n"
                             "3.加强要素保障。[牵头单位：省自然资源厅；配合单位：省财政厅]\n")
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("推进县域经济发展。", ["省发展改革委"], ["各市、县（市、区）人民政府"]),
        ("完善园区配套。", [], ["省工业和信息化厅", "各设区市人民政府"]),
        ("加强要素保障。", ["省自然资源厅"], ["省财政厅"])]


def it_reads_a_single_item_with_its_clause():
    ds = xltools.import_text("1.做好防汛备汛工作。（县水利局牵头，县应急管理局配合）")
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [("1", ["县水利局"], ["县应急管理局"])]


def it_applies_the_rule_only_from_where_it_is_stated():
    ds = xltools.import_text("\n".join([
        "1.推进甲项工作。（市发改委、市财政局负责）",
        "以下各项，排在第一位的部门为牵头部门。",
        "2.推进乙项工作。（市教育局、市人社局负责）",
        "3.推进丙项工作。（市民政局负责）",
    ]))
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        ([], ["市发改委", "市财政局"]), (["市教育局"], ["市人社局"]), (["市民政局"], [])]


# -- key-value fields run together (issue 25, part B) ---------------------------------------------------------------

@pytest.mark.parametrize("body, lead, units, deadline", [
    ("责任单位：区商务局 责任人：王某 配合单位：区财政局、区市场监管局 进展情况：已完成选址", ["区商务局"],
     ["区财政局", "区市场监管局"], ""),
    ("责任单位:县住建局 项目负责人:赵某某 完成时限:2025年10月底 实际完成情况:主体工程已封顶", [], ["县住建局"], "2025年10月底"),
    ("牵头单位：市卫健委；联系人：孙某；责任单位：各区县卫健局；时间节点：年底前", ["市卫健委"], ["各区县卫健局"], "年底前"),
    ("责任单位：区教育局；协办单位：区财政局、各街道办事处", ["区教育局"], ["区财政局", "各街道办事处"], ""),
    ("配合单位：区财政局 责任单位：区教育局", ["区教育局"], ["区财政局"], ""),
])
def it_ends_a_unit_field_where_the_next_field_of_the_line_starts(body, lead, units, deadline):
    """A unit field ends at any short label with a colon; people (责任人, 联系人) and progress (进展情况) are
    never units; 责任单位 beside 配合单位 names the lead."""
    clause = parse_clause(body)
    assert _roles(clause) == (lead, units)
    assert clause.get("deadline", "") == deadline


def it_stops_a_unit_field_at_a_statistics_table_flattened_into_the_line():
    clause = parse_clause("责任单位：县教育局 配合单位：县财政局、各乡镇人民政府 城关 东坝、西坝 南山 合计 3 2 1 6")
    assert _roles(clause) == (["县教育局"], ["县财政局", "各乡镇人民政府"])
    assert "城关" in clause["doubt"]
    assert _roles(parse_clause("责任单位：县教育局 县财政局 、县人社局")) == ([], ["县教育局", "县财政局", "县人社局"])


def it_reads_a_whole_list_of_run_on_fields_on_one_line():
    """Items of a published progress notice on one line, fields separated by spaces only: the persons and the
    progress are dropped, and an item with only a 责任单位 leads as the other items' 责任单位 do (flagged)."""
    ds = xltools.import_text(
        "现将2025年民生实事项目1—9月份进展情况公示如下。 1.新建城市书房5家。 分管领导:钱某某 责任单位:区文广旅体局 "
        "项目责任人:周某 实际完成情况:已建成3家,其余2家正在装修。 2.改造老旧小区12个。 分管领导:李某 "
        "责任单位:区住建局 项目责任人:吴某 配合单位:区财政局、各街道办事处 实际完成情况:已开工10个。 "
        "3.新增公共停车泊位2000个。 分管领导:李某 责任单位:区交通运输局 项目责任人:郑某 配合单位:区公安分局 "
        "东城 西城 南城 合计 目标 800 700 500 2000 完成 300 200 100 600")
    assert [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "新建城市书房5家。", ["区文广旅体局"], []),
        ("2", "改造老旧小区12个。", ["区住建局"], ["区财政局", "各街道办事处"]),
        ("3", "新增公共停车泊位2000个。", ["区交通运输局"], ["区公安分局"])]
    assert [bool(t.doubt) for t in ds.tasks] == [True, False, True]


def it_reads_the_clause_shapes_of_a_fengong_fangan():
    """One 分工方案 with the clause shapes real ones use, each item once: 「一是…；二是…」 inside an item is its
    text, not tasks; 由A负责，B配合 makes A lead; A、B按职责分工负责 names no lead and none is invented;
    「X等部门和各…」 is X and the collective; collectives with 、 inside brackets stay whole."""
    ds = xltools.import_text("\n".join([
        "某某县2026年优化营商环境重点任务分工方案", "一、提升政务服务效能",
        "1.深化“一网通办”改革。一是推进政务服务事项全程网办；二是推动高频事项“跨省通办”。"
        "（县行政审批局牵头，县大数据中心、县信访局参与）",
        "2.推进惠企政策直达快享。（由县发展改革局负责，县财政局、县税务局配合）",
        "3.规范涉企行政检查。责任单位：县司法局；配合单位：县市场监管局、各乡（镇）人民政府",
        "二、优化要素保障", "4.加强用地保障。牵头单位：县自然资源局 责任单位：县住建局、县发展改革局",
        "5.强化融资服务。（县金融服务中心、县农商银行按职责分工负责）",
        "6.完善基础设施配套。（县交通运输局等部门和各乡（镇）人民政府负责）",
        "7.开展营商环境问题专项整治。（各有关单位按职责分工负责）",
        "8.加强县域协同。（县发展改革局、各县（市、区）驻点工作组负责）",
        "某某县人民政府办公室", "2026年2月10日"]))
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", ["县行政审批局"], ["县大数据中心", "县信访局"]), ("2", ["县发展改革局"], ["县财政局", "县税务局"]),
        ("3", ["县司法局"], ["县市场监管局", "各乡（镇）人民政府"]), ("4", ["县自然资源局"], ["县住建局", "县发展改革局"]),
        ("5", [], ["县金融服务中心", "县农商银行"]), ("6", [], ["县交通运输局", "各乡（镇）人民政府"]),
        ("7", [], ["各有关单位"]), ("8", [], ["县发展改革局", "各县（市、区）驻点工作组"])]
    assert ds.tasks[0].content.startswith("深化“一网通办”改革。一是") and "二是" in ds.tasks[0].content


def it_reads_responsible_and_cooperating_lines_under_an_item():
    ds = xltools.import_text("\n".join([
        "1.新建城乡养老服务中心10个。", "责任单位：市民政局", "配合单位：市财政局、各县（市、区）人民政府",
        "完成时限：2026年12月底", "2.改造农村公路200公里。", "责任单位：市交通运输局", "完成时限：2026年11月底"]))
    assert [(t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        (["市民政局"], ["市财政局", "各县（市、区）人民政府"], "2026年12月底"), (["市交通运输局"], [], "2026年11月底")]
    assert not ds.tasks[0].doubt and ds.tasks[1].doubt


def it_keeps_a_person_field_out_of_an_items_text_after_a_space():
    ds = xltools.import_text("现将项目进展情况公示如下。 1.新建城市书房5家 分管领导:钱某 责任单位:区文广旅体局 "
                             "实际完成情况:已建成3家。 2.改造老旧小区12个\u3000分管领导:李某\u3000责任单位:区住建局\u3000"
                             "配合单位:区财政局\u3000实际完成情况:已开工10个。")
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("新建城市书房5家", ["区文广旅体局"], []), ("改造老旧小区12个", ["区住建局"], ["区财政局"])]


def it_joins_a_unit_line_wrapped_inside_a_name():
    """Text from a PDF wraps at the page width, also inside a unit name of a key-value line."""
    ds = xltools.import_text("\n".join([
        "1.完善街道党工委领导体制机制，优化决策程序。", "牵头单位:区委组织部",
        "协办单位:区委编办、区民政局(区委社会工委)、园区党工", "委、各街道党工委", "— 3 —",
        "2.加强社区工作者队伍建设。", "牵头单位:区民政局"]))
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["区委组织部"], ["区委编办", "区民政局(区委社会工委)", "园区党工委", "各街道党工委"]), (["区民政局"], [])]


def it_reads_a_line_that_names_a_person_then_the_units():
    ds = xltools.import_text("\n".join([
        "1.建设城市书房5家。", "牵头领导：张某 责任单位：市文旅局 配合单位：市财政局",
        "2.改造老旧小区10个。", "主办单位：市住建局 协办单位：各区政府 完成时间：2026年底",
        "3.新增公共停车位2000个。", "牵头领导：李某", "责任单位：市交通运输局"]))
    assert [(t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        (["市文旅局"], ["市财政局"], ""), (["市住建局"], ["各区政府"], "2026年底"), (["市交通运输局"], [], "")]
    assert any("牵头领导：李某" in n for n in ds.import_notes)


@pytest.mark.parametrize("cell, lead, units", [
    ("责任单位：市发改委；配合单位：市财政局", ["市发改委"], ["市财政局"]),
    ("牵头单位：市发改委 责任单位：市财政局、市统计局", ["市发改委"], ["市财政局", "市统计局"]),
    ("由市发改委负责，市财政局配合", ["市发改委"], ["市财政局"]),
    ("市发改委、市财政局按职责分工负责", [], ["市发改委", "市财政局"]),
])
def it_reads_the_clause_shapes_in_one_unit_cell(cell, lead, units):
    got_lead, got_units = units_from_cells("", cell)
    assert (got_lead.names, got_units.names) == (lead, units)


@pytest.mark.parametrize("dot", ["﹒", "․", "．"])
def it_reads_any_dot_after_a_number_as_a_numbering_dot(dot):
    """A news report opens the text and names the keys in prose; the items are numbered with whatever dot the
    page printed (﹒ U+FE52 in copies from some sites)."""
    ds = xltools.import_text("\n".join([
        "据市政府网消息，市政府近日印发年度重点工作责任分解，明确各项工作的牵头责任单位和协同责任单位。",
        "一、稳定经济运行", f"1{dot}地区生产总值增长6%左右。", "牵头负责领导：王某。", "牵头责任单位：市发展改革委。",
        "协同责任单位：市直各部门、各县区政府。", f"2{dot}城镇新增就业5万人以上。", "牵头负责领导：李某。",
        "牵头责任单位：市人力资源社会保障局。", "协同责任单位：市教育局、市财政局等。"]))
    assert [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "地区生产总值增长6%左右。", ["市发展改革委"], ["市直各部门", "各县区政府"]),
        ("2", "城镇新增就业5万人以上。", ["市人力资源社会保障局"], ["市教育局", "市财政局"])]


def it_gives_a_clause_on_its_own_line_to_every_sub_item_above_it():
    """「（责任单位：…）」 alone on a line after sub-items （1）–（3） of a heading, none with a clause of its own,
    covers all of them (flagged: it could be the last one's only); a clause under a sub-item that has its
    siblings' clauses is only its own."""
    ds = xltools.import_text("\n".join([
        "（一）防灾减灾能力建设", "1.健全监测预警体系",
        "（1）完善气象、水文、地质灾害监测站网布局。", "（2）建设预警信息发布平台，提高预警覆盖面。",
        "（3）加强基层预警信息员队伍建设。", "（责任单位：市应急管理局、市气象局、各县（市、区）人民政府）",
        "2.提升救援能力", "（1）建设综合性消防救援队伍。", "（市消防救援支队负责）", "（2）加强物资储备。",
        "（市应急管理局负责）"]))
    units = ["市应急管理局", "市气象局", "各县（市、区）人民政府"]
    assert [(t.number, t.units, bool(t.doubt)) for t in ds.tasks] == [
        ("1", units, True), ("2", units, True), ("3", units, True),
        ("1", ["市消防救援支队"], False), ("2", ["市应急管理局"], False)]


@pytest.mark.parametrize("sentence, lead, units", [
    ("…的问题，由人力资源社会保障部会同教育部、财政部等部门研究提出落实意见。", ["人力资源社会保障部"], ["教育部", "财政部"]),
    ("…的问题，由住房城乡建设部會同自然資源部等部門負責落實。", ["住房城乡建设部"], ["自然資源部"]),
    ("…的宣传资料由市委宣传部负责。", [], ["市委宣传部"]),
    ("…，由县交通运输局牵头推进。", ["县交通运输局"], []),
])
def it_reads_an_assignment_written_as_the_items_last_sentence(sentence, lead, units):
    from xltools.ingest.readers.items import by_sentence

    assert _roles(by_sentence(sentence)) == (lead, units)


@pytest.mark.parametrize("sentence", ["本方案由市场主体负责运营。", "…由市政府统一组织实施。", "…，理由是市财政局负责。",
                                      "由于市财政局负责审核，…"])
def it_does_not_take_other_sentences_with_you_for_an_assignment(sentence):
    from xltools.ingest.readers.items import by_sentence

    assert by_sentence(sentence) == {}


def it_keeps_the_assignment_sentence_in_the_tasks_text():
    ds = xltools.import_text("\n".join([
        "国务院办公厅关于落实有关政策措施分工的通知", "一、工作分工",
        "（一）关于“稳定和扩大就业”的问题，由人力资源社会保障部会同教育部、财政部等部门研究提出落实意见。",
        "（二）关于“加强耕地保护”的问题，由自然资源部会同农业农村部等部门负责落实。"]))
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("一", ["人力资源社会保障部"], ["教育部", "财政部"]), ("二", ["自然资源部"], ["农业农村部"])]
    assert ds.tasks[1].content.endswith("由自然资源部会同农业农村部等部门负责落实。")


def it_reads_a_clause_written_as_the_value_of_a_division_key():
    ds = xltools.import_text("\n".join([
        "2026年市《政府工作报告》重点任务分工方案", "一、主要预期目标", "1.地区生产总值增长5.5%左右。",
        "分管市领导：张某某", "部门分工：市发展改革委牵头，各区、市直各部门配合。", "2.城镇调查失业率控制在5.5%以内。",
        "分管市领导：李某某", "责任分工：市人力资源社会保障局负责。"]))
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("地区生产总值增长5.5%左右。", ["市发展改革委"], ["各区", "市直各部门"]),
        ("城镇调查失业率控制在5.5%以内。", [], ["市人力资源社会保障局"])]


def it_reads_a_run_of_items_quoted_in_a_report():
    """「“A，责任单位X；B，责任单位Y……”」 quoted in a news report: items without numbers, the key glued to its
    units; the report's words after the quote are no task."""
    from xltools.ingest.readers.items import split_inline_items

    line = ("“城东物流园，责任单位商务局；滨江湿地公园二期，责任单位住建局；新材料产业园，责任单位开发区、环保局……”"
            "3月5日，某市重点项目推进会上，30个重点项目明确了责任单位。")
    assert split_inline_items(line)[:3] == ["城东物流园（责任单位：商务局）", "滨江湿地公园二期（责任单位：住建局）",
                                            "新材料产业园（责任单位：开发区、环保局）"]
    ds = xltools.import_text("某市30个重点项目“认主”\n" + line + "\n据了解，30个重点项目总投资约200亿元。")
    assert [(t.content, t.units) for t in ds.tasks] == [
        ("城东物流园", ["商务局"]), ("滨江湿地公园二期", ["住建局"]), ("新材料产业园", ["开发区", "环保局"])]
    assert split_inline_items("一是加强领导，责任单位要落实责任；二是强化督查，责任单位要按时报送。")[0].startswith("一是")


@pytest.mark.parametrize("text, numbers", [
    ("某县今年将办好十件民生实事。\n这些实事主要涉及教育、卫生等领域。一是新建城区幼儿园2所。二是改造农村公路120公里。"
     "三是新增城镇就业岗位1500个。", ["一", "二", "三"]),
    ("记者从县人代会上了解到：\n一是办好人民满意的教育。新建中学1所。\n二是加快健康县城建设。完成县医院迁建。\n"
     "三是推进重点水利工程。改善2万人饮水条件。", ["一", "二", "三"]),
    ("这十件民生实事分别是：完成城南道路拓宽改造工程；建成公共租赁住房600套；解决4万人的饮水安全问题。",
     ["1", "2", "3"]),
    ("镇党委书记作出三项承诺：1.做好老街综合改造工作；2.建成农贸市场；3.提升网格化管理水平。", ["1", "2", "3"]),
    ("一是新建城区幼儿园2所。二是改造农村公路120公里。三是新增城镇就业岗位1500个。", ["一", "二", "三"]),
])
def it_reads_a_list_written_into_prose_when_no_unit_is_named(text, numbers):
    """A news report quoting a list (一是…二是…, 分别是：A；B；C, ：1.…；2.…): the items are tasks without units, every
    one flagged, since nobody is named to do them."""
    ds = xltools.import_text(text)
    assert [t.number for t in ds.tasks] == numbers
    assert all(not t.lead_units and not t.units and t.doubt for t in ds.tasks)
    assert ds.tasks[1].content.startswith(("改造农村公路", "加快健康县城建设", "建成公共租赁住房", "建成农贸市场"))


def it_reads_a_counted_list_separated_by_dunhao():
    """「4项重点项目为：A、B、C、D。」: the count says how many; pieces without the items' shared ending are
    joined to the next one (「城南供水管网、加压泵站、水厂扩建工程」 is one item of four)."""
    ds = xltools.import_text("今年县里确定了重点项目和惠民实事。4项重点项目为：城东道路改造工程、城南供水管网、加压泵站、"
                             "水厂扩建工程、体育中心建设工程、滨河公园提升工程。3件惠民实事为：新建幼儿园1所、改造老旧小区4个、"
                             "新增公交线路2条。")
    assert [t.content for t in ds.tasks] == [
        "城东道路改造工程", "城南供水管网、加压泵站、水厂扩建工程", "体育中心建设工程", "滨河公园提升工程",
        "新建幼儿园1所", "改造老旧小区4个", "新增公交线路2条"]
    from xltools.ingest.readers.items import read_enumeration

    assert read_enumeration("5项重点项目为：城东道路改造工程、城南公园提升工程、体育中心建设工程。") == []


def it_keeps_an_enumeration_inside_a_task_of_a_real_list():
    ds = xltools.import_text("1.优化营商环境。一是压减审批时限；二是推行证照分离；三是深化一网通办。（市政务服务局负责）\n"
                             "2.扩大有效投资。（市发展改革委负责）")
    assert [t.number for t in ds.tasks] == ["1", "2"]


# -- whole documents: .txt, .docx with no table, web page with layout <td> -----------------------------------------

def _expected(name: str) -> list[dict]:
    return json.loads((WRITTEN / f"{name}.expected.json").read_text(encoding="utf-8"))["tasks"]


def _got(ds) -> list[dict]:
    return [dict(number=t.number, category=t.category, content=t.content, lead_units=t.lead_units, units=t.units)
            for t in ds.tasks]


def _lines(name: str) -> list[str]:
    return (WRITTEN / f"{name}.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("name", CASES)
def it_imports_each_written_document_as_its_key(name):
    ds = xltools.import_source(WRITTEN / f"{name}.txt")
    got, want = _got(ds), _expected(name)
    for g, w in zip(got, want, strict=False):
        assert g == w, f"{name}: task {w['number']}"
    assert len(got) == len(want)
    key = json.loads((WRITTEN / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert (ds.title, ds.doc_number) == (key["title"], key.get("doc_number", ""))
    for task in ds.tasks:
        assert not is_tail_line(task.content.splitlines()[-1])


@pytest.mark.parametrize("name", CASES)
def it_imports_a_docx_of_numbered_paragraphs_without_a_table_the_same(name, tmp_path):
    import docx

    doc = docx.Document()
    for line in _lines(name):
        doc.add_paragraph(line)
    doc.save(tmp_path / "list.docx")
    txt = xltools.import_source(WRITTEN / f"{name}.txt")
    ds = xltools.import_source(tmp_path / "list.docx")
    assert _got(ds) == _got(txt)
    assert ds.title == txt.title


@pytest.mark.office
@pytest.mark.parametrize("name", CASES)
def it_imports_the_pdf_of_the_document_the_same(name, tmp_path):
    """LibreOffice's PDF of the paragraphs: lines wrapped by the page (inside a clause, inside a key, right
    after a clause) are joined back."""
    import docx

    from xltools.infra.office import convert

    doc = docx.Document()
    for line in _lines(name):
        doc.add_paragraph(line)
    doc.save(tmp_path / "list.docx")
    pdf = convert(tmp_path / "list.docx", "pdf", tmp_path / "pdf")
    assert _got(xltools.import_source(pdf)) == _expected(name)


def it_reads_words_automatic_paragraph_numbers(tmp_path):
    import docx

    doc = docx.Document()
    doc.add_paragraph("某某区重点任务分工")
    for n in range(1, 4):
        doc.add_paragraph(f"完成第{n}项工作。（区发改局牵头，区财政局配合）", style="List Number")
    doc.save(tmp_path / "auto.docx")
    ds = xltools.import_source(tmp_path / "auto.docx")
    assert [(t.number, t.content, t.lead_units) for t in ds.tasks] == [
        (str(n), f"完成第{n}项工作。", ["区发改局"]) for n in range(1, 4)]


def _layout_page(lines: list[str]) -> str:
    paragraphs = "".join(f"<p style='text-indent:2em'><span>{html.escape(line)}</span></p>" for line in lines)
    return ("<html><head><meta charset='gb2312'><title>政府信息公开</title></head><body>"
            "<table width='100%'><tr><td><a href='/'>首页</a> &gt; <a href='/zc'>政策文件</a></td></tr>"
            f"<tr><td class='bt_content'><div id='zoom'>{paragraphs}</div></td></tr>"
            "<tr><td>【打印本页】 【关闭窗口】</td></tr></table></body></html>")


@pytest.mark.parametrize("name", CASES)
def it_imports_a_web_page_whose_article_sits_in_layout_cells_the_same(name, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(_layout_page(_lines(name)).encode("gb18030"))
    ds = xltools.import_source(page)
    assert _got(ds) == _got(xltools.import_source(WRITTEN / f"{name}.txt"))


@pytest.mark.parametrize("name", ["yingkou", "wafangdian"])
def it_finds_a_task_table_nested_in_a_layout_table(name, tmp_path):
    """A saved page whose article (with the task table) sits in a layout <td>, menu and footer around it."""
    from conftest import seed_text
    from test_import_forms import _html, _tasks

    ds = xltools.import_source(seed_text(name))
    page = _html(ds)
    body = page[page.index("<body>") + len("<body>"): page.index("</body>")]
    wrapped = (page[: page.index("<body>")] + "<body><table width='100%'><tr><td>首页 &gt; 通知公告</td></tr>"
               f"<tr><td class='content'>{body}</td></tr><tr><td>网站地图 | 联系我们</td></tr></table></body></html>")
    (tmp_path / "page.html").write_bytes(wrapped.encode("gb18030"))
    back = xltools.import_source(tmp_path / "page.html")
    assert _tasks(back) == _tasks(ds)
    assert back.title == ds.title


@pytest.mark.parametrize("where", ["above", "header"])
def it_applies_a_documents_rule_to_a_table_without_a_lead_column(where):
    header = "责任单位（列第一位的为牵头单位）" if where == "header" else "责任单位"
    rows = ["序号\t工作任务\t" + header, "1\t建立工作机制\t市发改委、市财政局、市统计局", "2\t完善制度\t市司法局",
            "3\t推进改革\t市商务局牵头，市财政局配合"]
    if where == "above":
        rows.insert(0, "注：责任单位中排在第一位的为牵头单位。")
    ds = xltools.import_text("\n".join(rows))
    tasks = [(t.lead_units, t.units) for t in ds.tasks if t.number]
    assert tasks == [(["市发改委"], ["市财政局", "市统计局"]), (["市司法局"], []), (["市商务局"], ["市财政局"])]
    assert any("第一个责任单位作为牵头单位" in n for n in ds.import_notes)


@pytest.mark.parametrize("note", ["（列第一位者为工作牵头单位或汇总单位，下同）", "(区政府部门中列在首位的为牵头部门,有关部门按职责分工负责,下同)",
                                  "（列在首位的為牽頭單位，下同）"])
def it_takes_a_rule_glued_to_the_last_unit_of_a_cell_out_of_the_name_and_applies_it(note):
    """The rule, printed once in brackets right after the first row's last unit, is no unit: it leaves the
    name, and the first unit of that row and of every later row leads."""
    rows = ["序号\t工作任务\t责任单位", f"1\t完善社会救助体系\t区民政局、区财政局、各镇人民政府{note}",
            "2\t加强临时救助\t区民政局、区卫健局", "3\t做好宣传工作\t区委宣传部"]
    ds = xltools.import_text("\n".join(rows))
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["区民政局"], ["区财政局", "各镇人民政府"]), (["区民政局"], ["区卫健局"]), (["区委宣传部"], [])]
    lead, units = units_from_cells("", f"区民政局、各镇人民政府{note}")
    assert (lead.names, units.names) == (["区民政局"], ["各镇人民政府"])


def it_applies_a_rule_glued_to_an_items_unit_line_from_that_item_on():
    ds = xltools.import_text("\n".join([
        "一、重点工作", "1.支持企业发展。落实减税降费政策。",
        "责任单位：市经信局、市财政局、市税务局（列第一位者为工作牵头单位或汇总单位，下同）",
        "2.扩大有效投资。", "责任单位：市发展改革委、市自然资源规划局"]))
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["市经信局"], ["市财政局", "市税务局"]), (["市发展改革委"], ["市自然资源规划局"])]


def it_leaves_a_table_without_the_rule_as_printed():
    ds = xltools.import_text("序号\t工作任务\t责任单位\n1\t建立工作机制\t市发改委、市财政局\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [([], ["市发改委", "市财政局"])]


@pytest.mark.parametrize("suffix", [".xlsx", ".json"])
def it_keeps_leads_read_from_unit_cells_through_both_stores(suffix, tmp_path):
    """Leads found in a 责任单位 cell (by a clause or the document's rule) get a 牵头单位 column, so the 任务总表
    keeps them and the attachment prints them there, the units cell without them."""
    from xltools.publish.attachment import printed_unit_cells

    text = ("注：责任单位中排在第一位的为牵头单位。\n序号\t工作任务\t责任单位\n1\t建立工作机制\t市发改委、市财政局、市统计局\n"
            "2\t推进改革\t市政务服务中心牵头，市财政局配合\n")
    ds = xltools.import_text(text)
    assert list(ds.columns) == ["number", "content", "lead", "units"]
    xltools.save_dataset(ds, tmp_path / f"ds{suffix}")
    back = xltools.load_dataset(tmp_path / f"ds{suffix}")
    assert [(t.lead_units, t.units) for t in back.tasks] == [
        (["市发改委"], ["市财政局", "市统计局"]), (["市政务服务中心"], ["市财政局"])]
    assert [printed_unit_cells(t, True) for t in back.tasks] == [
        ("市发改委", "市财政局、市统计局"), ("市政务服务中心", "市财政局")]


# -- numbered lists that name no unit at all ----------------------------------------------------------------------
NO_UNITS = """某市人民政府关于2025年为民办实事的公告

经市人民政府研究，2025年为民办好以下实事：

一、新建改建城区公办幼儿园5所。

二、改造老旧小区住宅楼120栋。

三、新增城市停车泊位3000个。

四、为全市65岁以上老年人免费体检。

某市人民政府
2025年1月10日
"""


def it_reads_numbered_paragraphs_that_name_no_unit_as_tasks_to_complete():
    ds = xltools.import_text(NO_UNITS)
    assert [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("一", "新建改建城区公办幼儿园5所。", [], []), ("二", "改造老旧小区住宅楼120栋。", [], []),
        ("三", "新增城市停车泊位3000个。", [], []), ("四", "为全市65岁以上老年人免费体检。", [], [])]
    assert all("没有写明责任单位" in t.doubt for t in ds.tasks)  # the clerk is told to add them


def it_reads_the_heading_over_numbered_paragraphs_that_name_no_unit_as_their_category():
    """A town's plan: its title, then 「第一部分　扎实推进产业强镇」 over （一）（二）（三） projects naming no unit. The
    heading is the items' category, not the title's last line."""
    ds = xltools.import_text("附件\n某镇人民政府2023年工作计划\n\n第一部分　扎实推进产业强镇\n"
                             "（一）中药材种植产业园项目：总投资120万元，预计2022年12月开工建设。\n"
                             "（二）西瓜种植产业园项目：总投资400万元，预计2023年3月竣工。\n"
                             "（三）蔬菜保鲜库项目：库容15000余立方米，预计2023年3月开工建设。\n")
    assert ds.title == "某镇人民政府2023年工作计划"
    assert [(t.number, t.category) for t in ds.tasks] == [("一", "扎实推进产业强镇"), ("二", "扎实推进产业强镇"),
                                                          ("三", "扎实推进产业强镇")]
    assert all("没有写明责任单位" in t.doubt for t in ds.tasks)


def it_reads_a_run_of_bracketed_numbers_inside_one_line():
    text = "会议提出，今年重点办好民生实事，分别是： (1)新建城区道路3条。 (2)改造农村公路50公里。 (3)新增公交线路4条。"
    assert [(t.number, t.content) for t in xltools.import_text(text).tasks] == [
        ("1", "新建城区道路3条。"), ("2", "改造农村公路50公里。"), ("3", "新增公交线路4条。")]


def it_never_takes_a_notices_own_sections_for_a_list():
    text = ("关于做好2025年安全生产工作的通知\n\n一、总体要求\n\n坚持人民至上、生命至上，统筹发展和安全。\n\n"
            "二、重点任务\n\n深入开展安全生产治本攻坚三年行动。\n\n三、保障措施\n\n各地要加强组织领导，压实责任。\n")
    with pytest.raises(XlError):
        xltools.import_text(text)


LATE_RULE = """某市2024年政府工作报告主要目标任务分解
1.地区生产总值增长6%左右。
责任单位：市发展改革委
2.一般公共预算收入增长5%。
责任单位：市财政局
3.固定资产投资增长8%。
责任单位：市发展改革委、市住房城乡建设局、市交通运输局（列第一位的为牵头单位，下同）
4.城镇新增就业2万人。
责任单位：市人力资源社会保障局、市财政局
"""


def it_reads_the_lone_unit_above_a_rule_stated_at_the_first_item_with_several():
    ds = xltools.import_text(LATE_RULE)
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", ["市发展改革委"], []), ("2", ["市财政局"], []),
        ("3", ["市发展改革委"], ["市住房城乡建设局", "市交通运输局"]),
        ("4", ["市人力资源社会保障局"], ["市财政局"])]
    assert [bool(t.doubt) for t in ds.tasks] == [True, True, False, False]


def it_leaves_the_items_above_a_late_rule_when_one_of_them_names_several_units():
    text = LATE_RULE.replace("责任单位：市财政局\n3.", "责任单位：市财政局、市税务局\n3.")
    ds = xltools.import_text(text)
    assert [(t.lead_units, t.units) for t in ds.tasks[:2]] == [([], ["市发展改革委"]), ([], ["市财政局", "市税务局"])]


def it_gathers_both_clauses_of_an_item_and_drops_the_note_in_the_first():
    ds = xltools.import_text(
        "二、工作任务\n（一）优化产业结构。\n"
        "1.编制实施准入清单。完成环境准入清单编制工作。〔县生态环境局牵头，县发展和改革局、自然资源局参与，"
        "各乡、镇人民政府（街道办事处）负责落实。以下各项工作均需各乡、镇人民政府（街道办事处）落实，不再列出。〕"
        "严格控制新建燃煤锅炉。（县生态环境局、县市场监管局牵头，县发展和改革局参与）\n"
        "2.淘汰落后产能。（县工业和信息化局牵头，县生态环境局参与）")
    first = ds.tasks[0]
    assert first.content == "编制实施准入清单。完成环境准入清单编制工作。严格控制新建燃煤锅炉。"
    assert first.lead_units == ["县生态环境局", "县市场监管局"]
    assert first.units == ["县发展和改革局", "自然资源局", "各乡、镇人民政府（街道办事处）"]


@pytest.mark.parametrize("clauses", [True, False])
def it_reads_an_items_number_glued_to_a_text_that_begins_with_digits(clauses):
    """「2.50个老旧小区…」 after item 1 is item 2 (50个…), not a number 2.50; the count says which digits number it."""
    units = ["（区发改局负责）", "（区住建局负责）", "（区工信局负责）", "（区卫健委负责）"] if clauses else [""] * 4
    lines = ["某某区2026年为民办实事项目", f"1.新建公共充电桩200个。{units[0]}", f"2.50个老旧小区完成改造。{units[1]}",
             f"3.5G基站新建300个。{units[2]}", f"4.新增托位500个。{units[3]}"]
    ds = xltools.import_text("\n".join(lines))
    assert [(t.number, t.content) for t in ds.tasks] == [
        ("1", "新建公共充电桩200个。"), ("2", "50个老旧小区完成改造。"), ("3", "5G基站新建300个。"), ("4", "新增托位500个。")]


def it_does_not_cut_a_decimal_that_does_not_follow_the_count():
    ds = xltools.import_text("重点项目\n1.新建公共充电桩200个。（区发改局负责）\n2.完成投资2.5亿元。（区住建局负责）\n"
                             "3.新增托位500个。（区卫健委负责）")
    assert [t.number for t in ds.tasks] == ["1", "2", "3"]
    assert ds.tasks[1].content == "完成投资2.5亿元。"


def it_joins_the_value_of_a_task_text_key_under_the_items_unit_lines():
    """「（一）标准制定。」 ⏎ 牵头单位 ⏎ 成员单位 ⏎ 「主要任务：…」 (wrapped inside a 《》): the key's value is the task's
    text, after its title; duties numbered under a group's 主要任务 without units are no tasks."""
    text = "\n".join([
        "（二）专家组。", "主要任务：", "1.研究提出年度工作重点。", "2.参加项目评审和验收。",
        "三、任务分工", "（一）标准制定。", "牵头单位：市场监管局", "成员单位：发展改革委、工业和信息化厅、住房城乡建设厅等。",
        "主要任务：贯彻落实《", "某某省标准化条例》，组织制定地方标准。",
        "（二）质量提升。", "牵头单位：工业和信息化厅", "成员单位：市场监管局、商务厅。", "主要任务：开展质量提升行动；培育质量标杆企业。",
    ])
    ds = xltools.import_text(text)
    assert [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("一", "标准制定。贯彻落实《某某省标准化条例》，组织制定地方标准。", ["市场监管局"],
         ["发展改革委", "工业和信息化厅", "住房城乡建设厅"]),
        ("二", "质量提升。开展质量提升行动；培育质量标杆企业。", ["工业和信息化厅"], ["市场监管局", "商务厅"])]


def it_reads_unnumbered_tasks_under_a_one_sentence_heading_and_cuts_tasks_glued_after_a_clause():
    """A 分工意见 quoted on a web page: 「（三）…。」 is a heading when unnumbered paragraphs with their own clauses follow
    it; a task glued to the line after the previous task's clause is a task of its own."""
    text = "\n".join([
        "各有关单位参与的工作如下：",
        "一、深化重点领域改革",
        "（三）持续优化营商环境。",
        "全面推行证明事项告知承诺制，压减涉企审批事项。（市场监管总局牵头，司法部、商务部等按职责分工负责）",
        "推进政务服务标准化建设。（国务院办公厅牵头，发展改革委、司法部等按职责分工负责）"
        "加强公平竞争审查刚性约束。（市场监管总局牵头，发展改革委、财政部等按职责分工负责）",
    ])
    ds = xltools.import_text(text)
    assert [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("", "全面推行证明事项告知承诺制，压减涉企审批事项。", ["市场监管总局"], ["司法部", "商务部"]),
        ("", "推进政务服务标准化建设。", ["国务院办公厅"], ["发展改革委", "司法部"]),
        ("", "加强公平竞争审查刚性约束。", ["市场监管总局"], ["发展改革委", "财政部"])]
    assert all(t.category.endswith("持续优化营商环境") for t in ds.tasks)


def it_keeps_both_clauses_of_a_numbered_item_in_one_task():
    ds = xltools.import_text("1.推进政务服务标准化。（市政务服务局牵头，市司法局参与）加强公平竞争审查。（市市场监管局牵头，市财政局参与）\n"
                             "2.优化审批流程。（市政务服务局负责）")
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", ["市政务服务局", "市市场监管局"], ["市司法局", "市财政局"]), ("2", [], ["市政务服务局"])]


def it_still_continues_a_numbered_title_sentence_with_its_single_paragraph():
    ds = xltools.import_text("1.制定实施准入清单。\n完成环境准入清单编制工作。（县生态环境局牵头，县发改局参与）\n"
                             "2.淘汰落后产能。\n关停落后产能企业。（县工信局牵头，县生态环境局参与）")
    assert [(t.number, t.content) for t in ds.tasks] == [
        ("1", "制定实施准入清单。\n完成环境准入清单编制工作。"), ("2", "淘汰落后产能。\n关停落后产能企业。")]


def it_reads_projects_written_as_prose_with_who_does_them_inside_the_sentence():
    """A township's projects in prose: 「由X负责的…项目，…，预计…完成。」 — units from the sentence, deadline from the
    completion phrase, the short opening as the category; flagged, since all of it is read from prose."""
    text = "\n".join([
        "今年共确定“我为群众办实事”项目3项。",
        "聚焦“民生保障”。由镇社会事务办负责的敬老院改造项目，新增床位30张，预计2024年10月份完成。",
        "聚焦“乡村振兴”。由镇农业服务中心、镇财政所负责的高标准农田建设项目，整治农田1200亩，预计2024年12月底前完成。",
        "聚焦“平安建设”。由镇综治办牵头的视频监控全覆盖工程，新装探头200个，计划2025年6月完工。",
    ])
    ds = xltools.import_text(text)
    assert [(t.category, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("民生保障", "由镇社会事务办负责的敬老院改造项目，新增床位30张", [], ["镇社会事务办"], "2024年10月份"),
        ("乡村振兴", "由镇农业服务中心、镇财政所负责的高标准农田建设项目，整治农田1200亩", [], ["镇农业服务中心", "镇财政所"],
         "2024年12月底前"),
        ("平安建设", "由镇综治办牵头的视频监控全覆盖工程，新装探头200个", ["镇综治办"], [], "2025年6月")]
    assert all(t.doubt for t in ds.tasks)


@pytest.mark.parametrize("text", [
    "由镇社会事务办负责的敬老院改造项目，新增床位30张，预计2024年10月份完成。",  # one paragraph: not a list
    "由市场主体负责的运营项目，预计2024年完成。\n由社会资本负责的建设项目，预计2025年完成。",  # not units
])
def it_does_not_read_other_prose_as_projects(text):
    with pytest.raises(XlError):
        xltools.import_text("某某镇工作简报\n" + text)


def it_flags_a_task_whose_units_were_printed_glued_together():
    ds = xltools.import_text("1.地方财政收入增长6%左右（责任单位:县财政局县税务局）\n2.外贸出口增长8%左右（责任单位:县商务局）")
    assert ds.tasks[0].units == ["县财政局", "县税务局"]
    assert "没有分隔符" in ds.tasks[0].doubt
    assert not ds.tasks[1].doubt


def it_keeps_both_clauses_on_the_line_that_continues_a_numbered_item_in_one_task():
    ds = xltools.import_text("1.优化营商环境。提升服务效能，推进政务服务标准化建设，\n完善事项清单。（市政务服务局牵头，市司法局参与）"
                             "加强公平竞争审查。（市市场监管局牵头，市财政局参与）\n2.优化审批流程。（市政务服务局负责）")
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", ["市政务服务局", "市市场监管局"], ["市司法局", "市财政局"]), ("2", [], ["市政务服务局"])]


def it_reads_a_title_sentence_over_a_line_of_glued_tasks_as_their_heading():
    ds = xltools.import_text("1.优化营商环境。\n推进政务服务标准化建设。（市政务服务局牵头，市司法局参与）加强公平竞争审查。"
                             "（市市场监管局牵头，市财政局参与）\n2.优化审批流程。（市政务服务局负责）")
    assert [(t.number, t.category, t.lead_units) for t in ds.tasks[:2]] == [
        ("", "优化营商环境", ["市政务服务局"]), ("", "优化营商环境", ["市市场监管局"])]
    assert [(t.number, t.content) for t in ds.tasks[2:]] == [("2", "优化审批流程。")]


def it_does_not_join_a_paragraph_to_a_heading_after_an_empty_task_text_key():
    ds = xltools.import_text("二、重点任务\n主要任务：\n加快推进产业升级。\n1.建设园区。（区发改局负责）\n2.培育企业。（区工信局负责）")
    assert [(t.number, t.content) for t in ds.tasks] == [("1", "建设园区。"), ("2", "培育企业。")]


def it_reads_projects_numbered_with_who_does_them_inside_the_sentence():
    ds = xltools.import_text("某镇2024年民生实事项目\n"
                             "1.由镇交通办负责的农村公路提档升级项目，改造道路15公里，预计2024年11月底前完成。\n"
                             "2.由镇卫生院负责的家庭医生签约服务提升项目，签约率达到80%，年底前完成。\n"
                             "3.由镇文化站、镇中心学校负责的农家书屋提升项目，新增图书5000册。")
    assert [(t.number, t.units, t.deadline) for t in ds.tasks] == [
        ("1", ["镇交通办"], "2024年11月底前"), ("2", ["镇卫生院"], "年底前"), ("3", ["镇文化站", "镇中心学校"], "")]


def it_reads_an_item_that_opens_with_who_does_it_among_items_with_clauses():
    ds = xltools.import_text("某镇2024年民生实事项目\n1.农村公路提档升级，改造道路15公里。（镇交通办负责）\n"
                             "2.由镇卫生院负责的家庭医生签约服务提升项目，签约率达到80%。\n"
                             "3.农家书屋提升，由镇文化站负责的图书采购完成后开放。（镇中心学校负责）")
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["镇交通办"]), ("2", ["镇卫生院"]), ("3", ["镇中心学校"])]
    assert ds.tasks[1].doubt and not ds.tasks[0].doubt


def it_adds_the_units_a_note_names_for_every_later_item_and_says_so():
    """「以下各项工作均需各乡、镇人民政府落实，不再列出。」 in item 1's clause: the collective works on every later item."""
    ds = xltools.import_text(
        "1.编制准入清单。〔县生态环境局牵头，县发展和改革局参与，各乡、镇人民政府负责落实。"
        "以下各项工作均需各乡、镇人民政府落实，不再列出。〕\n"
        "2.淘汰落后产能。（县工业和信息化局牵头，县生态环境局参与）\n"
        "3.整治散乱污企业。（县生态环境局牵头，各乡、镇人民政府负责）")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["县生态环境局"], ["县发展和改革局", "各乡、镇人民政府"]),
        (["县工业和信息化局"], ["县生态环境局", "各乡、镇人民政府"]),
        (["县生态环境局"], ["各乡、镇人民政府"])]
    assert "各乡、镇人民政府" in ds.tasks[1].doubt and not ds.tasks[0].doubt and not ds.tasks[2].doubt


def it_reads_unnumbered_items_each_followed_by_its_key_lines():
    """A 实事 breakdown quoted in a report: each item a line of text, then 主管领导 (a person), 责任单位, 责任人 and
    进度安排 lines; the text line is the task, the people are no units."""
    text = "\n".join([
        "记者昨日获悉，市政府公布了今年十件实事的任务分解。",
        "新增公办幼儿园学位3000个。", "主管领导：王明", "责任单位：市教育局", "主要责任人：李强",
        "进度安排：6月底前完成选址；12月底前投入使用。",
        "改造老旧小区50个，惠及居民1.2万户。", "主管领导：赵亮", "责任单位：市住房和城乡建设局", "主要责任人：陈刚",
        "进度安排：9月底前开工。",
    ])
    ds = xltools.import_text(text)
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("新增公办幼儿园学位3000个。", [], ["市教育局"]), ("改造老旧小区50个，惠及居民1.2万户。", [], ["市住房和城乡建设局"])]
    # a schedule in steps: the last step's date is the deadline (flagged); a single step is the deadline as written
    assert [t.deadline for t in ds.tasks] == ["12月底前", "9月底前开工"]
    assert "进度安排" in ds.tasks[0].doubt and not ds.tasks[1].doubt


def it_reads_no_units_from_the_words_of_a_schedule():
    ds = xltools.import_text("新建中小学校10所。\n责任单位：市教育局\n进度安排：6月底前，争取开工6所、改扩建4所；12月底前全部开工。\n"
                             "新增公办幼儿园学位3000个。\n责任单位：市教育局\n进度安排：12月底前投入使用。")
    assert [(t.units, t.deadline) for t in ds.tasks] == [(["市教育局"], "12月底前"), (["市教育局"], "12月底前投入使用")]


def it_keeps_a_long_task_whose_sub_points_share_one_clause_on_its_line():
    points = " ".join(f"{n}.完善第{n}项配套制度，明确责任分工，细化工作措施，加强跟踪问效，确保各项政策措施落地见效并形成长效机制。"
                      for n in range(1, 6))
    ds = xltools.import_text(f"（一）深化重点领域改革。 {points}（县发改局牵头，县财政局配合）\n（二）优化营商环境。（县政务服务中心负责）")
    assert [(t.number, t.lead_units) for t in ds.tasks] == [("一", ["县发改局"]), ("二", [])]


def it_reads_a_heading_with_one_paragraph_as_its_siblings_are_read():
    """「（一）…。」 with one paragraph under it is a heading when 「（二）…。」 of the same list heads unnumbered tasks —
    also when those tasks stand glued on one line."""
    ds = xltools.import_text("一、稳定经济增长\n（一）扩大有效投资。\n加快实施重大工程项目。（国家发展改革委牵头，财政部等按职责分工负责）\n"
                             "（二）促进消费。\n推动汽车消费。（商务部牵头，工业和信息化部等按职责分工负责）"
                             "发展服务消费。（商务部、国家发展改革委牵头，相关部门按职责分工负责）")
    assert [(t.number, t.category, t.content, t.lead_units) for t in ds.tasks] == [
        ("", "扩大有效投资", "加快实施重大工程项目。", ["国家发展改革委"]),
        ("", "促进消费", "推动汽车消费。", ["商务部"]),
        ("", "促进消费", "发展服务消费。", ["商务部", "国家发展改革委"])]


def it_joins_the_next_measures_of_a_task_text_key_after_a_semicolon():
    ds = xltools.import_text("(一)政策支持。\n牵头单位:财政厅\n成员单位:发展改革委、税务局等。\n工作任务:落实税收优惠政策;\n"
                             "完善财政补贴制度。\n(二)人才保障。\n牵头单位:人力资源社会保障厅\n工作任务:实施人才引进计划。\n"
                             "各有关单位要加强协作。")
    assert [t.content for t in ds.tasks] == ["政策支持。落实税收优惠政策;\n完善财政补贴制度。", "人才保障。实施人才引进计划。"]


def it_reads_a_page_run_onto_one_line_with_items_set_apart_by_spaces():
    """A saved page whose paragraphs lost their breaks: notice, headings and items on one line, only spaces between."""
    line = " ".join([
        "各镇人民政府（街道办事处），县政府各部门：《2024年重点工作责任分解》已经县政府同意，现印发给你们，请认真贯彻执行。",
        "某县人民政府办公室 2024年3月1日 2024年重点工作责任分解",
        "一、张某县长牵头重点工作",
        "1.全县生产总值增长6%左右，一般公共预算收入增长5%。 责任单位：县发改局（首位单位为牵头单位，下同）、县财政局、县统计局",
        "2.严控一般性支出，努力降低行政运行成本。 责任单位：县财政局",
        "二、李某常务副县长牵头重点工作",
        "1.推进法治政府建设，加强重大行政决策合法性审查。 责任单位：县司法局、县政府办"])
    ds = xltools.import_text(line)
    assert [(t.number, t.category, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "张某县长牵头重点工作", ["县发改局"], ["县财政局", "县统计局"]),
        ("2", "张某县长牵头重点工作", ["县财政局"], []),
        ("1", "李某常务副县长牵头重点工作", ["县司法局"], ["县政府办"])]
    assert ds.tasks[1].content == "严控一般性支出，努力降低行政运行成本。"


def it_does_not_cut_a_long_item_whose_sub_points_share_one_clause_at_spaced_numbers():
    ds = xltools.import_text(
        "某区数字化改革重点任务\n"
        "1.推进数字政府建设，提升政务服务效能，加快推进“一网通办”“一网统管”，主要包括： 1.建设全区统一的政务服务平台，"
        "实现事项100%网上可办； 2.完善数据共享交换机制，打通部门数据壁垒； 3.推进电子证照应用。 "
        "牵头单位：区大数据局；配合单位：区政务服务中心、区各部门\n"
        "2.推进城市大脑建设。牵头单位：区大数据局；配合单位：区公安分局\n"
        "3.加强网络安全保障。牵头单位：区委网信办；配合单位：区公安分局")
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", ["区大数据局"], ["区政务服务中心", "区各部门"]), ("2", ["区大数据局"], ["区公安分局"]),
        ("3", ["区委网信办"], ["区公安分局"])]


def it_keeps_the_parent_of_a_heading_whose_words_come_again_under_another():
    ds = xltools.import_text("\n".join([
        "一、经济发展", "（一）主要目标", "1.地区生产总值增长6%。（区发改局负责）", "2.固定资产投资增长8%。（区发改局负责）",
        "二、社会民生", "（一）主要目标", "1.城镇新增就业5000人。（区人社局负责）",
        "（二）重点工程", "2.建设社区食堂10个。（区民政局负责）"]))
    assert [t.category for t in ds.tasks] == ["经济发展 / 主要目标", "经济发展 / 主要目标", "社会民生 / 主要目标", "重点工程"]


def it_numbers_the_one_paragraph_under_a_heading_with_the_heading_number():
    """意见 written as sections each holding one measure: 「一、…」 ⏎ one paragraph with its clause is measure 一."""
    ds = xltools.import_text("\n".join([
        "各州、市人民政府，省直各部门：", "现就稳增长提出以下意见：", "一、推进重大项目建设",
        "建立重点项目联系制度，及时解决项目推进中的困难和问题。（省发展改革委牵头，财政厅、自然资源厅配合）",
        "二、扩大消费需求", "开展消费促进活动，培育消费新热点。（商务厅牵头，各州、市人民政府配合）",
        "三、稳定就业", "落实援企稳岗政策，加强高校毕业生就业服务。（人力资源社会保障厅牵头，财政厅配合）"]))
    assert [(t.number, t.category) for t in ds.tasks] == [
        ("一", "推进重大项目建设"), ("二", "扩大消费需求"), ("三", "稳定就业")]
    # one section with two paragraphs: the headings are groups, the paragraphs keep no number (as when Word's
    # numbers were lost: it_reads_paragraphs_whose_numbers_were_lost)


def it_reads_unit_keys_that_lost_their_colons():
    """Text taken out of a document site loses the colons: each item runs straight into 「责任单位…」. The key and the
    names after it to the line's end are the item's clause (flagged); a key that is the text's own word is left."""
    ds = xltools.import_text(
        "某街道2024年环境整治工作方案\n"
        "（一）开展居民楼院卫生整治各社区要积极动员责任单位各社区居委会、辖区物业公司\n"
        "（二）开展道路两侧环境整治，清理乱堆乱放责任单位城管科配合单位各社区居委会、环卫所\n"
        "（三）明确责任单位和责任人，建立整治台账，定期通报进展（街道办公室负责）\n")
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("一", [], ["各社区居委会", "辖区物业公司"]), ("二", ["城管科"], ["各社区居委会", "环卫所"]),
        ("三", [], ["街道办公室"])]
    assert ds.tasks[0].content == "开展居民楼院卫生整治各社区要积极动员" and ds.tasks[0].doubt
    assert ds.tasks[2].content.startswith("明确责任单位和责任人")


def it_reads_a_deadline_written_after_the_last_unit_of_a_key():
    """「责任单位：A、B，6月底完成」: the time phrase after the list, with no key of its own, is the deadline."""
    ds = xltools.import_text("某州2020年深化改革重点任务\n1.加大简政放权力度，承接好省下放行政许可事项。"
                             "（牵头单位：州行政审批服务局；责任单位：州司法局、州委编办，各县市人民政府，6月底完成）\n"
                             "2.推进“一件事一次办”改革。（牵头单位：州政务服务中心；责任单位：州直各部门）\n")
    first = ds.tasks[0]
    assert (first.lead_units, first.units, first.deadline) == (
        ["州行政审批服务局"], ["州司法局", "州委编办", "各县市人民政府"], "6月底完成")
    assert ds.tasks[1].units == ["州直各部门"] and not ds.tasks[1].deadline


def it_adds_the_units_a_labelled_clauses_note_names_for_every_later_item():
    """「（责任单位：A、B等有关部门，各县区人民政府。以下政策措施均需各县区人民政府落实，不再单独列出）」: the note after
    the names, whatever the items are called and however 不再…列出 is said, adds its units to each later item (flagged)."""
    ds = xltools.import_text(
        "一、支持企业纾困\n"
        "1.积极争取省级专项资金，支持中小微企业渡过难关。（责任单位：市工信局、市财政局等有关部门，各县区人民政府。"
        "以下政策措施均需各县区人民政府落实，不再单独列出）\n"
        "2.成立工作专班，出台三年行动计划。（责任单位：市工信局、市财政局）\n"
        "3.落实减税降费政策。（责任单位：市税务局）\n")
    assert [t.units for t in ds.tasks] == [["市工信局", "市财政局", "各县区人民政府"],
                                          ["市工信局", "市财政局", "各县区人民政府"],
                                          ["市税务局", "各县区人民政府"]]
    assert [bool(t.doubt) for t in ds.tasks] == [False, True, True]


def it_reads_a_clause_line_that_names_the_item_first_and_its_partners_as_taking_part():
    """「此项工作由X牵头，A、B参加。」 under an item: the line is the item's clause; 参加 is 参与."""
    ds = xltools.import_text("1.深化基础教育体制改革。合理配置公共教育资源。\n此项工作由市教育局牵头，市发展改革局、财政局参加。\n"
                             "2.深化行业协会改革。规范行业协会发展。\n此项工作由市行业协会署牵头，市民政局、编办参加。\n")
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("深化基础教育体制改革。合理配置公共教育资源。", ["市教育局"], ["市发展改革局", "财政局"]),
        ("深化行业协会改革。规范行业协会发展。", ["市行业协会署"], ["市民政局", "编办"])]


def it_reads_a_sectors_departments_named_in_a_clause():
    """「（交通运输部门负责）」: a notice that gives work to a sector's offices at every level names them by the sector;
    the clause names who is responsible, as 「（市交通运输局负责）」 would. Inside the text, 「由业务相近部门负责」 is
    the sentence's own words, not a clause."""
    ds = xltools.import_text(
        "一、加强道路运输企业安全管理\n"
        "1.严格道路运输市场准入管理，强化交通安全源头管控。（交通运输部门负责）\n"
        "2.对超载运输车辆加大检查力度，发现违法车辆依法予以扣留。（公安部门负责）\n"
        "3.加强营运驾驶人培训考核，新兴业态按照业务相近的原则由业务相近部门负责。（交通运输部门、公安部门负责）\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        ([], ["交通运输部门"]), ([], ["公安部门"]), ([], ["交通运输部门", "公安部门"])]
    assert ds.tasks[2].content.endswith("由业务相近部门负责。")


def it_reads_a_clause_line_whose_group_of_names_runs_over_a_comma():
    """「此项工作由A，B、C牵头，D、E，各区政府参加。」: a group of names may run over a comma to the marker that closes
    it; the line is still nothing but the item's clause. A line whose last part names no role is not one."""
    ds = xltools.import_text("1.深化基础教育体制改革。合理配置公共教育资源。\n"
                             "此项工作由市教育局牵头,市发展改革局、财政局、编办、规划局,各区政府参加。\n"
                             "2.深化文化管理体制改革。进一步开放文化市场。\n"
                             "此项工作由市委宣传部,市文化局、文化产业办牵头,市财政局、编办参加。\n"
                             "3.深化行业协会改革。规范行业协会发展。\n此项工作由市行业协会署牵头,市民政局、编办参加。\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["市教育局"], ["市发展改革局", "财政局", "编办", "规划局", "各区政府"]),
        (["市委宣传部", "市文化局", "文化产业办"], ["市财政局", "编办"]),
        (["市行业协会署"], ["市民政局", "编办"])]


def it_reads_who_handles_a_problem_in_a_sentence_of_a_cross_duty_list():
    """「…问题由规划部门负责，城管、建设等部门配合。」: the problem is the task; sectors named bare before 等部门 are units."""
    from xltools.dataset.units import split_units
    from xltools.ingest.readers.items import by_sentence

    found = by_sentence("有建设工程规划许可证的违章搭建问题由规划部门负责，城管、建设等部门配合。")
    assert found["lead"] == "规划部门" and split_units(found["units"]).names == ["城管", "建设"]
    found = by_sentence("企业生产过程中产生的噪音问题，由环保部门牵头，各相关职能部门、各镇（街道）、园区配合。")
    assert found["lead"] == "环保部门" and split_units(found["units"]).names == ["各相关职能部门", "各镇（街道）", "园区"]
    assert split_units("高等院校").names == ["高等院校"]
