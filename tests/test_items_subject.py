"""Items whose sentence opens with who does them (issue 25): a 职责分工 / 任务分工 section of a 实施方案 or a 通知 says
the units as the SUBJECT — 「1.县住建局负责…」, 「（三）县发改局牵头，县财政局、县自然资源局配合，做好…」, 「市卫健委会同市
医保局负责…」, 「民宗部门协助城市管理等有关部门负责…」 — not in a clause after the text. The names become the task's lead
and units, the work after the verbs its text; the notice's own sentences (各地要…, 我县负责…, 党政主要负责人…) and a list
of sectors inside the work are not units. Every case is written for the test in the shape of real government text."""

from __future__ import annotations

import pytest

import xltools
from xltools.dataset.units import split_units
from xltools.errors import XlError
from xltools.ingest.readers.items import SUBJECT_ASSIST_DOUBT, looks_like_items, subject_of_item


def _rows(ds):
    return [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]


def _said(text: str):
    found = subject_of_item(text)
    if found is None:
        return None
    work, roles = found
    return work, split_units(roles.get("lead", "")).names, split_units(roles.get("units", "")).names


_DUTIES = "\n".join([
    "各镇人民政府，县直有关单位：",
    "为做好今冬明春森林防火工作，现将有关事项通知如下：",
    "一、工作目标",
    "全县不发生重特大森林火灾，森林火灾受害率控制在0.9‰以内。",
    "二、职责分工",
    "1.县林业局负责林区野外用火的审批和巡查，组织开展森林火灾隐患排查。",
    "2.县应急管理局负责森林火灾扑救的统一调度，做好物资储备和队伍建设。",
    "3.县气象局负责发布森林火险气象等级预报，及时提供火场天气信息。",
    "三、工作要求",
    "各镇要高度重视，主要负责同志要亲自研究部署。",
])


def it_reads_the_units_that_open_each_item_of_a_duty_section():
    """「县林业局负责…」: the office is the item's responsible unit (负责 alone names no lead), the work after 负责
    is its text; the sections before and after (工作目标, 工作要求) are not tasks."""
    ds = xltools.import_text(_DUTIES)
    assert _rows(ds) == [
        ("1", "林区野外用火的审批和巡查，组织开展森林火灾隐患排查。", [], ["县林业局"]),
        ("2", "森林火灾扑救的统一调度，做好物资储备和队伍建设。", [], ["县应急管理局"]),
        ("3", "发布森林火险气象等级预报，及时提供火场天气信息。", [], ["县气象局"]),
    ]
    assert [t.category for t in ds.tasks] == ["职责分工"] * 3


@pytest.mark.parametrize("text, work, lead, units", [
    # the clause grammar at the front of the item
    ("县发改局牵头，县财政局、县自然资源局配合，做好重大项目用地保障。", "做好重大项目用地保障。", ["县发改局"],
     ["县财政局", "县自然资源局"]),
    ("由市商务局牵头，各区政府负责，推进一刻钟便民生活圈建设。", "推进一刻钟便民生活圈建设。", ["市商务局"], ["各区政府"]),
    ("由区民政局牵头，区卫健局、各街道办事处参与，建设社区嵌入式养老服务设施5处。", "建设社区嵌入式养老服务设施5处。",
     ["区民政局"], ["区卫健局", "各街道办事处"]),
    ("市卫健委会同市医保局负责推进紧密型县域医共体建设。", "推进紧密型县域医共体建设。", ["市卫健委"], ["市医保局"]),
    ("市人社局会同市财政局、市税务局等部门负责落实社保费减免政策。", "落实社保费减免政策。", ["市人社局"],
     ["市财政局", "市税务局"]),
    ("县住建局牵头负责老旧小区改造，年内完成12个小区。", "老旧小区改造，年内完成12个小区。", ["县住建局"], []),
    ("县教育局负责，县财政局配合，新建公办幼儿园2所。", "新建公办幼儿园2所。", ["县教育局"], ["县财政局"]),
    # 会同 with no 负责: the names end before the verb opening the work, not inside a name (组织部)
    ("市委宣传部会同市委组织部加强基层宣传队伍建设。", "加强基层宣传队伍建设。", ["市委宣传部"], ["市委组织部"]),
    # bare sector names closed by 等部门, and sectors named with their class noun
    ("发改、财政、审计等部门负责加强专项资金监管。", "加强专项资金监管。", [], ["发改", "财政", "审计"]),
    ("市场监管部门负责对违规收费行为依法查处。", "对违规收费行为依法查处。", [], ["市场监管部门"]),
    # 负责制定 is the work's verb, not 负责制 (a system)
    ("县司法局负责制定行政执法公示办法。", "制定行政执法公示办法。", [], ["县司法局"]),
])
def it_reads_who_does_the_work_from_the_opening_of_the_sentence(text, work, lead, units):
    """Each group of names is closed by its role verb: 牵头 and 会同 name the lead, 负责 the units (or the lead where
    partners 配合 are named and nobody 牵头), 配合/参与 units; the text is what follows the last verb."""
    assert _said(text) == (work, lead, units)


def it_reads_an_office_that_assists_as_a_unit_and_flags_it():
    """「X协助Y等有关部门负责…」: Y is the one responsible (lead), X assists (a unit) — a reading, so it is flagged."""
    work, roles = subject_of_item("县民宗局协助县城管局等有关部门负责对违规搭建灵堂进行查处。")
    assert work == "对违规搭建灵堂进行查处。"
    assert (roles["lead"], roles["units"], roles["doubt"]) == ("县城管局", "县民宗局", SUBJECT_ASSIST_DOUBT)


@pytest.mark.parametrize("text", [
    "各地要结合实际制定具体方案，确保取得实效。",  # everyone the notice goes to, and 要 is no role verb
    "我县负责全市秸秆综合利用试点工作。",  # the document's own place
    "党政主要负责人要亲自部署，成立工作专班。",  # a person, 负责人
    "各级各部门负责同志要带头落实。",  # 负责同志 names people
    "尾矿库、危险化学品、烟花爆竹等行业负责开展隐患自查。",  # sectors closed by 等行业, not offices
    "新兴行业按照业务相近的原则由业务相近部门负责。",  # no unit named, the names hold a sentence
    "加强农村公路养护，由县交通局负责。",  # the work opens the sentence; 由…负责 is a clause at its end
    "县住建局负责。",  # nothing left for the work
    "市审计局牵头的工作",  # a heading naming who leads the items under it, not an item's subject
    "市发展改革委牵头负责的重点任务（5项）",
])
def it_does_not_read_a_sentence_that_opens_with_no_unit_as_a_subject(text):
    assert subject_of_item(text) is None


def it_keeps_the_sectors_of_the_work_out_of_the_units():
    """「县应急管理局负责尾矿库、危险化学品…等行业的…」: the 、 list after 负责 is the work's object."""
    assert _said("县应急管理局负责尾矿库、危险化学品、烟花爆竹和工贸等行业的隐患排查治理工作。") == (
        "尾矿库、危险化学品、烟花爆竹和工贸等行业的隐患排查治理工作。", [], ["县应急管理局"])


def it_leaves_items_without_a_subject_without_units_in_a_list_where_others_have_one():
    """Only some items open with who does them: the others keep their whole text, no units, and are noted."""
    ds = xltools.import_text("\n".join([
        "三、任务分工",
        "1.县卫健局负责组织开展城乡居民健康体检。",
        "2.全面推进家庭医生签约服务，重点人群签约率达到75%以上。",
        "3.县医保局负责落实门诊共济保障政策。",
    ]))
    assert _rows(ds) == [
        ("1", "组织开展城乡居民健康体检。", [], ["县卫健局"]),
        ("2", "全面推进家庭医生签约服务，重点人群签约率达到75%以上。", [], []),
        ("3", "落实门诊共济保障政策。", [], ["县医保局"]),
    ]


def it_does_not_take_a_single_paragraph_of_a_notice_for_a_list():
    """A notice whose only numbered paragraph says who follows it up (「（一）县政府督查室负责跟踪督办…」) sets out no
    list: one subject naming only 负责 is no evidence of one (a 牵头 and 配合 clause would be)."""
    text = "\n".join([
        "关于做好2024年春节期间安全生产工作的通知",
        "各乡镇人民政府，县直各单位：",
        "春节将至，为确保节日期间安全生产形势稳定，请各单位认真做好隐患排查工作。",
        "（一）县政府督查室负责跟踪督办，对工作不力的单位予以通报。",
        "县人民政府办公室",
        "2024年1月20日",
    ])
    assert not looks_like_items(text)
    with pytest.raises(XlError):
        xltools.import_text(text)


def it_does_not_take_one_office_named_in_the_requirements_for_a_task():
    """Beside a list whose items carry clauses, the notice's 工作要求 may open one paragraph with an office
    (「（二）县政府督查室负责跟踪督办…」): alone in its numbering style it is not a task — two or more items saying who
    is responsible make a duty section."""
    ds = xltools.import_text("\n".join([
        "一、重点任务",
        "1.推进老旧小区改造，完成12个小区。（县住建局牵头，县财政局配合）",
        "2.新建公办幼儿园2所。（县教育局负责）",
        "二、工作要求",
        "（一）加强组织领导。各单位要高度重视，明确专人负责。",
        "（二）县政府督查室负责跟踪督办，定期通报工作进展。",
    ]))
    assert [t.number for t in ds.tasks] == ["1", "2"]


def it_reads_the_clause_that_ends_an_item_and_drops_the_subject_it_repeats():
    """「1.A、B负责…。…由A负责，…由B负责。」: the clause closing the item is its own and gives the roles; the subject
    naming the same offices is not part of the work."""
    ds = xltools.import_text("\n".join([
        "二、任务分工",
        "1.县文明办、各镇负责制作发放宣传手册。手册的设计印制由县文明办负责，发放张贴由各镇负责。",
        "2.县教育局负责开展文明校园创建活动。",
    ]))
    assert _rows(ds) == [
        ("1", "制作发放宣传手册。手册的设计印制由县文明办负责，发放张贴由各镇负责。", [], ["县文明办", "各镇"]),
        ("2", "开展文明校园创建活动。", [], ["县教育局"]),
    ]


@pytest.mark.parametrize("text", ["县政府实行重点工作目标管理负责制，层层压实责任。", "各单位负责人要带头落实。"])
def it_does_not_read_a_responsibility_system_or_a_person_as_the_verb(text):
    assert subject_of_item(text) is None
