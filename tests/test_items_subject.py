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
    """「县林业局负责…」: the office is the item's responsible unit (负责 alone names no lead); the sentence stays the
    task's text as printed, its subject included; the sections before and after (工作目标, 工作要求) are not tasks."""
    ds = xltools.import_text(_DUTIES)
    assert _rows(ds) == [
        ("1", "县林业局负责林区野外用火的审批和巡查，组织开展森林火灾隐患排查。", [], ["县林业局"]),
        ("2", "县应急管理局负责森林火灾扑救的统一调度，做好物资储备和队伍建设。", [], ["县应急管理局"]),
        ("3", "县气象局负责发布森林火险气象等级预报，及时提供火场天气信息。", [], ["县气象局"]),
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
        ("1", "县卫健局负责组织开展城乡居民健康体检。", [], ["县卫健局"]),
        ("2", "全面推进家庭医生签约服务，重点人群签约率达到75%以上。", [], []),
        ("3", "县医保局负责落实门诊共济保障政策。", [], ["县医保局"]),
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
        ("2", "县教育局负责开展文明校园创建活动。", [], ["县教育局"]),
    ]


@pytest.mark.parametrize("text", ["县政府实行重点工作目标管理负责制，层层压实责任。", "各单位负责人要带头落实。"])
def it_does_not_read_a_responsibility_system_or_a_person_as_the_verb(text):
    assert subject_of_item(text) is None


# -- the reviewer's cases (session 9): everyone, parties and requests are no subjects; the notice's own requirements -

def _read(lines: list[str]):
    return [(t.number, t.content, t.lead_units, t.units, bool(t.doubt)) for t in xltools.import_text("\n".join(lines)).tasks]


@pytest.mark.parametrize("text", [
    "建设单位负责组织开展项目安全风险评估，落实安全生产费用。",  # a party to the work, named by its role
    "用人单位负责做好农民工工资支付保障。",
    "责任单位负责按期完成整改，整改完成后报送整改报告。",  # the key label itself
    "各单位负责建立整改台账，实行销号管理。",  # everyone, by a class word
    "有关部门负责做好整改督导工作。",
    "各地负责本辖区排查工作。",
    "网络订餐平台负责审核入网餐饮单位资质。",  # 台 ends a unit's name, but a platform is given no work
    "学校负责开学前校园安全隐患排查。",
    "请县教育局负责城区学校建设项目的用地预审。",  # a request (`_PLEASE` reads it), not a subject
    "县财政局配合做好资金保障。",  # partners stand alone between commas
])
def it_does_not_read_parties_everyone_or_a_request_as_a_subject(text):
    assert subject_of_item(text) is None


@pytest.mark.parametrize("text, work, units", [
    ("县农业农村局负责人居环境整治提升，全年新改建户厕3000座。", "人居环境整治提升，全年新改建户厕3000座。", ["县农业农村局"]),
    ("县委组织部、县人社局负责人才引进工作。", "人才引进工作。", ["县委组织部", "县人社局"]),
    ("县住建局负责人防工程建设管理。", "人防工程建设管理。", ["县住建局"]),
    ("县河长办负责落实“一河一策”。", "落实“一河一策”。", ["县河长办"]),  # 负责落实: 落实 opens the work
    ("县残联负责残疾儿童抢救性康复。", "残疾儿童抢救性康复。", ["县残联"]),
    ("县委党校、县供销社负责干部培训。", "干部培训。", ["县委党校", "县供销社"]),
    ("市创建办、各镇街、相关部门负责制作宣传画报。", "制作宣传画报。", ["市创建办", "各镇街", "相关部门"]),
])
def it_reads_work_that_opens_with_ren_and_offices_of_every_ending(text, work, units):
    """负责人 is a person only where a person's words follow (负责人要…); 负责人居环境 is 负责 + the work."""
    assert _said(text) == (work, [], units)


def it_reads_a_lead_and_its_partners_from_the_marker_list():
    """The role verbs are the clause markers: 牵头抓总 leads as in a clause."""
    assert _said("县发改局牵头抓总，各部门配合，推进项目建设。") == ("推进项目建设。", ["县发改局"], ["各部门"])


def it_does_not_take_the_requirements_of_a_notice_whose_list_is_named_by_clauses():
    """「二、工作要求」 ⏎ 「（一）区委督查室负责督查…」 「（二）区政府督查室负责…」 beside a list named by clauses: the notice's
    follow-up, not tasks — even two of them in one numbering style."""
    rows = _read([
        "附件", "2024年优化营商环境重点任务", "一、主要任务",
        "1.深化“一件事一次办”改革。（区行政审批局牵头，区司法局配合）",
        "2.开展涉企收费专项清理。（区市场监管局牵头，区财政局配合）",
        "二、工作要求",
        "（一）区委督查室负责对各项任务落实情况进行督查，每半年通报一次。",
        "（二）区政府督查室负责建立任务台账，每季度调度一次进展。",
        "（三）各牵头单位要于每季度末将进展情况报区发展改革局。",
    ])
    assert [r[0] for r in rows] == ["1", "2"]


def it_flags_the_items_of_a_subject_list_that_name_nobody():
    rows = _read(["附件", "2025年民生实事工作任务",
                  "1.新建城区停车泊位2000个，缓解停车难问题。",
                  "2.县教育局负责新建、改扩建中小学校3所。",
                  "3.实施农村饮水安全巩固提升工程。",
                  "4.县卫健委负责为65岁以上老年人免费健康体检。"])
    assert [(r[0], r[3], r[4]) for r in rows] == [
        ("1", [], True), ("2", ["县教育局"], False), ("3", [], True), ("4", ["县卫健委"], False)]


def it_reads_a_subject_item_with_a_deadline_line_under_it():
    """「完成时限：…」 under the item names nobody: the subject still names the units, the line the deadline."""
    ds = xltools.import_text("\n".join([
        "附件", "2024年城市管理重点任务分工",
        "1.县住建局负责完成城区老旧小区改造12个。", "完成时限：2024年12月底",
        "2.县城管局负责新建城市口袋公园5个。", "完成时限：2024年10月底",
    ]))
    assert [(t.content, t.units, t.deadline) for t in ds.tasks] == [
        ("县住建局负责完成城区老旧小区改造12个。", ["县住建局"], "2024年12月底"),
        ("县城管局负责新建城市口袋公园5个。", ["县城管局"], "2024年10月底"),
    ]


def it_keeps_every_item_of_a_notice_whose_items_are_requests():
    """「一、请县住建局负责…」 … 「四、请各乡镇于…报…」: requests, read as before — 请 is never part of a unit, and no
    item is dropped."""
    rows = _read(["关于做好2024年重点项目前期工作的通知", "县直有关单位：", "现就重点项目前期工作通知如下：",
                  "一、请县住建局负责老旧小区改造实施方案编制，6月底前报县政府审定。",
                  "二、请县交通运输局负责农村公路建设项目清单编制，5月底前报县发改局备案。",
                  "三、请县教育局负责城区学校建设项目的用地预审和环评工作，6月底前完成。",
                  "四、请各乡镇于每月5日前将项目推进情况报县发改局。",
                  "县发展和改革局", "2024年4月9日"])
    assert [r[0] for r in rows] == ["一", "二", "三", "四"]
    assert not any(u.startswith("请") for r in rows for u in r[2] + r[3])


# -- an office as the label of its duties (a plan's list of member units) ------------------------------------------

def it_reads_an_office_that_labels_its_duties():
    """「3.县卫健局：负责…；负责…。」: the office before the colon is the unit, its duties the text (an office named
    inside them, 会同县公安局, is a partner of the work, not a unit of the task)."""
    rows = _read([
        "四、成员单位职责",
        "1.县应急管理局：负责指挥部的日常工作，组织协调森林火灾扑救。",
        "2.县林业局：负责林区火源管理；负责组织扑救队伍建设。",
        "3.县公安局：会同县林业局查处森林火灾案件，维护火场治安秩序。",
        "4.各乡镇（街道）：负责本辖区森林防火工作。",
    ])
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("1", "负责指挥部的日常工作，组织协调森林火灾扑救。", [], ["县应急管理局"]),
        ("2", "负责林区火源管理；负责组织扑救队伍建设。", [], ["县林业局"]),
        ("3", "会同县林业局查处森林火灾案件，维护火场治安秩序。", [], ["县公安局"]),
        ("4", "负责本辖区森林防火工作。", [], ["各乡镇（街道）"]),
    ]


@pytest.mark.parametrize("text", [
    "主要任务：完成老旧小区改造12个。",  # a field's label, not an office
    "责任单位：县住建局",  # a key line
    "县财政局：",  # a heading over the office's items: nothing after it
    "工作目标：县住建局负责…",
])
def it_does_not_read_a_label_that_is_no_office_as_a_subject(text):
    assert subject_of_item(text) is None


def it_keeps_offices_whose_names_open_with_a_work_verb_in_a_closing_clause():
    """「由县金融办牵头，建设银行县支行、农业银行县支行配合。」: 建设 opens an office's name here, not a sentence."""
    rows = _read(["附件", "2024年重点工作任务分工",
                  "1.推进普惠金融发展，扩大小微企业首贷规模。由县金融办牵头，建设银行县支行、农业银行县支行配合。",
                  "2.开展建筑工程质量安全专项检查。由县住建局牵头，建设工程质量安全监督站配合。"])
    assert [(r[2], r[3]) for r in rows] == [(["县金融办"], ["建设银行县支行", "农业银行县支行"]),
                                            (["县住建局"], ["建设工程质量安全监督站"])]


@pytest.mark.parametrize(("text", "work", "roles"), [
    ("县住建局负责推进老旧小区改造，各乡镇配合。", "推进老旧小区改造。", {"lead": "县住建局", "units": "各乡镇"}),
    ("县财政局负责统筹资金，县审计局、县发改局等部门积极配合。", "统筹资金。",
     {"lead": "县财政局", "units": "县审计局、县发改局"}),
    ("县财政局负责统筹资金；县审计局配合。", "统筹资金。", {"lead": "县财政局", "units": "县审计局"}),
    # not partners: work that helps others, people who are no office
    ("县住建局负责推进老旧小区改造，配合上级做好验收。", "推进老旧小区改造，配合上级做好验收。", {"units": "县住建局"}),
    ("县财政局负责统筹资金，群众积极参与。", "统筹资金，群众积极参与。", {"units": "县财政局"}),
])
def it_reads_the_partners_named_after_the_work(text, work, roles):
    """「X负责…，Y配合。」: the offices standing alone with their verb at the end of the item help; X leads, as in
    「X负责，Y配合」. The text keeps the work only."""
    assert subject_of_item(text) == (work, roles)


@pytest.mark.parametrize(("text", "work", "roles"), [
    ("县应急局会同县公安局开展联合执法检查。", "开展联合执法检查。", {"lead": "县应急局", "units": "县公安局"}),
    ("县应急局会同各有关部门开展联合执法检查。", "开展联合执法检查。", {"lead": "县应急局", "units": "各有关部门"}),
    ("市卫健委会同市委组织部加强基层卫生队伍建设。", "加强基层卫生队伍建设。", {"lead": "市卫健委", "units": "市委组织部"}),
    ("市财政局会同有关部门制订应急资金保障方案。", "制订应急资金保障方案。", {"lead": "市财政局", "units": "有关部门"}),
    ("市民政局会同有关部门和单位拟订社会捐助方案。", "拟订社会捐助方案。", {"lead": "市民政局", "units": "有关部门和单位"}),
])
def it_reads_whom_an_office_works_with_up_to_the_work(text, work, roles):
    """「X会同Y开展…」: Y ends before the verb opening the work — even one whose next character would end a name
    (开展联合: 联 goes on into 联合; 组织部 is a name) — and everyone by a class word (各有关部门) is whom X works with."""
    assert subject_of_item(text) == (work, roles)


@pytest.mark.parametrize("text", [
    "县发改局牵头推进社会信用体系建设，鼓励各类企业参与。",  # a verb's object
    "县文旅局负责举办乡村文化旅游节，社会各界广泛参与。",  # everyone by a word that names no body
    "县住建局牵头实施老旧小区改造，居民群众积极参与。",
])
def it_takes_no_partners_after_the_work_that_name_no_body(text):
    """Only offices, or collectives that end as bodies do (各村, 各科室, 有关部门), are partners named after the work."""
    said = subject_of_item(text)
    assert said is not None and said[0].endswith("参与。") and "、" not in said[1].get("units", "")


def it_takes_no_name_holding_how_the_work_is_done():
    """「由各乡镇根据实际负责组织」: 根据实际 is how, not part of a name; no unit is read from the sentence."""
    ds = xltools.import_text("1.举办全县第五届全民运动会。（县文旅局负责）\n"
                             "2.开展全民健身进乡村活动，由各乡镇根据实际负责组织。\n"
                             "3.新建社区多功能运动场5个。（县体育中心负责）\n")
    assert "各乡镇根据实际" not in ds.tasks[1].units


def it_reads_offices_that_work_together_with_the_one_responsible():
    """「A、B协同C负责…」: C is responsible and leads, A and B help (as 「A协助C负责」), flagged."""
    from xltools.ingest.readers.items import subject_of_item

    work, roles = subject_of_item("市工商局、市水利局协同市建委负责城市市容和环境卫生管理工作。")
    assert roles["lead"] == "市建委" and roles["units"] == "市工商局、市水利局" and roles.get("doubt")
    assert work == "城市市容和环境卫生管理工作。"


def it_reads_the_office_after_a_sentence_naming_the_items_topic():
    """「（九）民爆器材管理。县公安局要重点检查…」: the item's first sentence names its topic, the second opens with who
    does the work and what they must do (要, 负责); the whole item is the task's text, as printed."""
    ds = xltools.import_text("\n".join([
        "（一）道路交通安全。县公安局要重点检查客运车辆、校车的安全状况，严厉查处超速超载等违法行为。",
        "（二）建筑施工安全。县住建局负责检查各施工现场高处坠落、坍塌等防范措施的落实情况。",
        "（三）特种设备安全。县市场监管局要重点检查各类企业特种设备的安全运行情况。",
    ]))
    assert _rows(ds) == [
        ("一", "道路交通安全。县公安局要重点检查客运车辆、校车的安全状况，严厉查处超速超载等违法行为。", [], ["县公安局"]),
        ("二", "建筑施工安全。县住建局负责检查各施工现场高处坠落、坍塌等防范措施的落实情况。", [], ["县住建局"]),
        ("三", "特种设备安全。县市场监管局要重点检查各类企业特种设备的安全运行情况。", [], ["县市场监管局"]),
    ]


@pytest.mark.parametrize("text", [
    # a notice's requirements asking everyone it goes to: no office's task
    "（一）加强组织领导。各乡镇要高度重视，明确专人负责。\n（二）强化责任落实。各有关单位要切实履行职责。\n"
    "（三）严格督查问责。各部门要定期自查。",
    # a topic and a sentence with no office for its subject
    "（一）道路交通安全。要重点检查客运车辆的安全状况。\n（二）建筑施工安全。要重点检查施工现场。\n"
    "（三）特种设备安全。全县要重点检查特种设备。",
])
def it_does_not_read_a_topic_and_a_sentence_that_name_no_office(text):
    """(Items enumerated with nobody named are read as such, flagged: no unit is made up for them.)"""
    ds = xltools.import_text(text)
    assert all(not t.lead_units and not t.units and t.doubt for t in ds.tasks)
