"""Paragraph families met in held-out set 12 (issue 25, session 6): items opened by bullets instead of numbers, with
clauses whose labels name the parties' duties (「主体责任：X，监督责任：Y」); inspection notices whose items say who
fixes each problem in a prose requirement (「整改要求：由包片单位X负责…」); problem registers whose numbered places
hold sub-points and close with one line naming the unit and the time allowed; a plan for one piece of work whose
sections assign it in prose (「X为…牵头责任单位」, 「A、B为协办单位」, 「X要…」). Every case is written for the test in
the shape of real government text."""

from __future__ import annotations

import pytest

import xltools
from xltools.dataset.units import split_units
from xltools.ingest.readers.items import parse_clause


def _rows(ds):
    return [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]


def _roles(clause: dict[str, str]) -> tuple[list[str], list[str]]:
    return split_units(clause.get("lead", "")).names, split_units(clause.get("units", "")).names


# -- clause labels that name a duty, and items opened by bullets ---------------------------------------------------

@pytest.mark.parametrize("body, lead, units", [
    ("主体责任：城东街道办事处，监督责任：区市场监管局", ["城东街道办事处"], ["区市场监管局"]),
    ("主体责任:各经营户,监管责任:区商务局、区市场监管局", ["各经营户"], ["区商务局", "区市场监管局"]),
    ("属地责任：站前社区居委会；监管责任：区城管执法局", ["站前社区居委会"], ["区城管执法局"]),
    ("牵头责任：县住建局，配合责任：县自然资源局", ["县住建局"], ["县自然资源局"]),
    ("直接责任：县供水公司", [], ["县供水公司"]),
])
def it_reads_clause_labels_that_name_a_duty(body, lead, units):
    """A short label ending in 责任 names units; the party that bears the duty itself (主体, 属地, 牵头) leads, the
    one that supervises or cooperates (监督, 监管, 配合) is a unit, as 「X负责，Y配合」 reads."""
    assert _roles(parse_clause(body)) == (lead, units)


def it_does_not_read_a_label_about_the_problem_as_units():
    assert parse_clause("问题描述：垃圾清运不及时，整改时限：7天") == {} or "units" not in parse_clause(
        "问题描述：垃圾清运不及时，整改时限：7天")


_BULLETS = "\n".join([
    "本报讯 市创卫办近日对城区环境卫生进行暗访，发现以下问题：",
    "● 城东农贸市场水产区地面积水，垃圾清运不及时，部分摊位证照不全。",
    "（主体责任：城东街道办事处，监督责任：区市场监管局）",
    "● 人民公园东门周边流动摊贩占道经营现象突出。",
    "（主体责任：区城管执法局，监督责任：区住建局、区公安分局）",
    "● 火车站广场公共厕所保洁不到位，无人管理。",
    "（主体责任：站前社区居委会，监督责任：区环卫所）",
])


def it_reads_items_opened_by_bullets_with_their_duty_clauses():
    ds = xltools.import_text(_BULLETS)
    assert _rows(ds) == [
        ("", "城东农贸市场水产区地面积水，垃圾清运不及时，部分摊位证照不全。", ["城东街道办事处"], ["区市场监管局"]),
        ("", "人民公园东门周边流动摊贩占道经营现象突出。", ["区城管执法局"], ["区住建局", "区公安分局"]),
        ("", "火车站广场公共厕所保洁不到位，无人管理。", ["站前社区居委会"], ["区环卫所"]),
    ]
    assert all("「主体责任」「监督责任」" in t.doubt for t in ds.tasks)  # a reading of the labels' words: checked


@pytest.mark.parametrize("bullet", ["•", "■", "◆", "▲", "-"])
def it_reads_items_opened_by_any_bullet(bullet):
    ds = xltools.import_text("\n".join([
        f"{bullet} 推进老旧小区改造，完成改造小区30个。（区住建局牵头，各街道配合）",
        f"{bullet} 新建城市书房5个。（区文旅局负责）",
    ]))
    assert _rows(ds) == [
        ("", "推进老旧小区改造，完成改造小区30个。", ["区住建局"], ["各街道"]),
        ("", "新建城市书房5个。", [], ["区文旅局"]),
    ]


def it_keeps_bulleted_sub_points_of_a_numbered_task_in_its_text():
    """Bullets under a numbered item that carries the clause are its points, as (1) (2) are."""
    ds = xltools.import_text("\n".join([
        "1.开展城乡环境整治。（区住建局牵头，各街道配合）",
        "● 清理卫生死角；",
        "● 整治占道经营。",
        "2.新建城市书房5个。（区文旅局负责）",
    ]))
    assert [t.number for t in ds.tasks] == ["1", "2"]
    assert "清理卫生死角" in ds.tasks[0].content and "整治占道经营" in ds.tasks[0].content


def it_does_not_read_a_sentence_that_stresses_a_duty_as_a_clause_label():
    assert parse_clause("压实主体责任：各乡镇要建立台账") == {} or not parse_clause("压实主体责任：各乡镇要建立台账").get("lead")


# -- problems with a prose requirement that says who fixes them ----------------------------------------------------

_REQUIREMENTS = "\n".join([
    "1、城南农贸市场东侧巷道有垃圾堆放。",
    "整改要求:由县环卫所负责清运上述垃圾。",
    "2、滨河路人行道有机动车乱停乱放现象。",
    "整改要求:由包片单位县住建局负责督促清理,规范车辆停放。",
    "3、老汽车站片区流动摊点占道经营问题突出。",
    "整改要求:按照先教育、后处罚的要求,由老汽车站片区包片单位县商务局、县市场监管局负责开展劝导,"
    "在本周五以前将拒不整改的商户报县城管执法大队依法处理。县创文办进行抽查。",
    "4、东关小学门口有占道摆摊现象。",
    "整改要求:由东关街道办事处负责在开学前清理到位。",
    "请各责任单位按要求整改到位,整改情况及时报县创文办。",
])


def it_reads_who_fixes_each_problem_from_its_prose_requirement():
    """「整改要求：由X负责…」 under each problem: the line is part of the item, X its unit; a role word before the
    unit (包片单位, with the area it covers) is no part of the name; units the sentence only mentions (the one cases are
    reported to, the one that spot-checks) are not the item's; the closing request is no task."""
    ds = xltools.import_text(_REQUIREMENTS)
    assert [(n, lead, units) for n, _text, lead, units in _rows(ds)] == [
        ("1", [], ["县环卫所"]),
        ("2", [], ["县住建局"]),
        ("3", [], ["县商务局", "县市场监管局"]),
        ("4", [], ["东关街道办事处"]),
    ]
    assert ds.tasks[1].content.startswith("滨河路人行道有机动车乱停乱放现象。")
    assert "由包片单位县住建局负责督促清理" in ds.tasks[1].content
    assert all(t.doubt for t in ds.tasks[2:3])


def it_reads_the_office_that_sees_a_problem_fixed():
    """「整改措施：由县住建局督促商户更换。」: the office that urges (督促) the fix is the problem's unit, as 负责 is."""
    ds = xltools.import_text("\n".join([
        "1、广伟商城户外宣传广告破损。",
        "整改措施:由县住建局督促商户更换。",
        "2、河滨南路有住户在行道树晾晒衣物。",
        "整改措施:由包片单位县文广局督促住户移走晾晒的衣物,并加强教育引导。",
        "3、新正街人行道多处水果摊贩流动经营。",
        "整改措施:由商户自行督促整改。",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["县住建局"]), ("2", ["县文广局"]), ("3", [])]


def it_reads_a_prose_requirement_without_a_label():
    ds = xltools.import_text("\n".join([
        "一、城南农贸市场东侧巷道有垃圾堆放。",
        "由县环卫所负责清运,三日内完成。",
        "二、滨河路人行道有机动车乱停乱放现象。",
        "由县公安局交警大队负责督促清理,规范车辆停放。",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [("一", ["县环卫所"]), ("二", ["县公安局交警大队"])]


def it_does_not_take_a_prose_requirement_naming_no_unit_for_a_clause():
    """「由市场主体负责运营」 names nobody's office: the items stay without units and the text is no list."""
    text = "\n".join([
        "1、城南停车场建成后运营管理不到位。",
        "整改要求:由市场主体负责运营,加强日常管理。",
        "2、城北停车场收费标准未公示。",
        "整改要求:由经营者负责公示收费标准,接受群众监督。",
    ])
    try:
        ds = xltools.import_text(text)
    except xltools.XlError:
        return
    assert all(not t.units and not t.lead_units for t in ds.tasks)


@pytest.mark.parametrize("text, units", [
    ("整改要求:由市事业单位登记管理局负责核查。", ["市事业单位登记管理局"]),
    ("整改要求:由责任部门市城管局负责清理,三日内完成。", ["市城管局"]),
    ("整改要求:由属地镇政府负责,各村配合。", ["属地镇政府"]),
])
def it_drops_only_a_role_word_before_a_units_name(text, units):
    from xltools.ingest.readers.items import by_opening

    assert split_units(by_opening(text).get("units", "")).names == units


# -- numbered places whose points make one sentence, closed by one line naming the unit and the time allowed ---------

_PLACES = "\n".join([
    "市创文办发布近期督查发现的问题,要求相关单位限期整改。",
    "",
    "具体问题如下:",
    "",
    "1. 市体育中心",
    "",
    "(1)场馆入口处禁烟标识缺失;",
    "",
    "(2)消防通道堆放杂物;",
    "",
    "(3)公共厕所保洁不及时。",
    "",
    "问题整改责任单位:市体育中心 整改时限:3天",
    "",
    "2. 市中心医院",
    "",
    "(1)门诊楼内有人吸烟;",
    "",
    "(2)宣传栏内容陈旧。",
    "",
    "问题整改责任单位:市卫生健康委员会 整改时限:5天",
])


def it_reads_a_place_whose_points_make_one_sentence_as_one_task():
    """Points (1)…; (2)…; (3)…。 are one sentence listing a place's problems: the place is the task, its points its
    text, the line after them names its unit and the time allowed (flagged: each point could be a task)."""
    ds = xltools.import_text(_PLACES)
    assert [(t.number, t.units, t.deadline) for t in ds.tasks] == [
        ("1", ["市体育中心"], "3天"), ("2", ["市卫生健康委员会"], "5天")]
    assert ds.tasks[0].content.startswith("市体育中心")
    assert "(1)场馆入口处禁烟标识缺失;" in ds.tasks[0].content and "(3)公共厕所保洁不及时。" in ds.tasks[0].content
    assert all(t.doubt for t in ds.tasks)


def it_still_shares_a_unit_line_among_points_that_are_sentences_of_their_own():
    """Points that each end a sentence are tasks of their own; the clause line after them covers them all."""
    ds = xltools.import_text("\n".join([
        "1.健全监测预警体系",
        "(1)完善气象、水文监测站网布局。",
        "(2)建设预警信息发布平台。",
        "(责任单位:市应急管理局、市气象局)",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["市应急管理局", "市气象局"]),
                                                       ("2", ["市应急管理局", "市气象局"])]


def it_does_not_join_points_that_are_sentences_of_their_own_under_a_key_line():
    ds = xltools.import_text("\n".join([
        "1.健全监测预警体系",
        "(1)完善气象、水文监测站网布局。",
        "(2)建设预警信息发布平台。",
        "责任单位:市应急管理局、市气象局",
    ]))
    assert [t.content for t in ds.tasks] == ["完善气象、水文监测站网布局。", "建设预警信息发布平台。"]


# -- a plan for one piece of work: sections that assign it in prose -----------------------------------------------

_PLAN = "\n".join([
    "各县(市、区)人民政府,市政府有关部门:",
    "现将《市十届人大二次会议第8号议案办理方案》印发给你们,请认真组织实施。",
    "二〇二三年三月十日",
    "市十届人大二次会议第8号议案办理方案",
    "为做好市人大常委会交办的“关于加快城区停车设施建设的议案”办理工作,特制定如下方案:",
    "一、成立工作专班",
    "成立议案办理工作专班,由副市长王明任组长,市政府相关部门主要负责人为成员。专班办公室设在市住建局。",
    "二、明确责任分工",
    "市住建局为该议案办理工作的牵头单位,负责制定停车设施建设总体方案。市发改委、市自然资源局、市财政局、"
    "市公安局交警支队、城区人民政府为协办单位,要各司其职、密切配合。",
    "三、加强督查督办",
    "市政府督查室要将议案办理工作纳入重点督查事项,定期通报进展情况。",
    "议案办理工作专班成员名单",
    "组 长:王 明 副市长",
    "成 员:李 强 市住建局局长",
    "张 伟 市发改委主任",
])


def it_reads_a_plan_whose_sections_assign_the_work_in_prose():
    """「X为…牵头单位」 leads, 「A、B为协办单位」 are units, a section whose paragraph opens with an office that 要 do
    the work names it (units); a section naming only people is a task with no unit; the member list after the plan
    (people with their posts) is neither a task nor a unit."""
    ds = xltools.import_text(_PLAN)
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("一", [], []),
        ("二", ["市住建局"], ["市发改委", "市自然资源局", "市财政局", "市公安局交警支队", "城区人民政府"]),
        ("三", [], ["市政府督查室"]),
    ]
    assert ds.tasks[0].content.replace("\n", "").startswith("成立工作专班成立议案办理工作专班")
    assert all("市住建局局长" not in u.name for u in ds.units)
    assert ds.tasks[1].doubt and ds.tasks[2].doubt


@pytest.mark.parametrize("sentence, lead, units", [
    ("市住建局为本项工作牵头单位,市财政局、市自然资源局为配合单位。", ["市住建局"], ["市财政局", "市自然资源局"]),
    ("县卫健局为责任单位,县医保局为配合单位。", ["县卫健局"], ["县医保局"]),
    ("区教育局、区财政局为责任单位。", [], ["区教育局", "区财政局"]),
])
def it_reads_who_is_named_the_lead_or_a_partner_in_a_sentence(sentence, lead, units):
    from xltools.ingest.readers.items import paragraph_roles

    assert _roles(paragraph_roles(sentence)) == (lead, units)


@pytest.mark.parametrize("sentence", [
    "各地要高度重视,切实加强组织领导。",
    "有关部门要加强协作,形成工作合力。",
    "本方案为指导性文件,各单位要结合实际抓好落实。",
    "群众满意度为考核单位工作的重要依据。",
])
def it_does_not_read_a_request_to_everyone_or_a_sentence_as_roles(sentence):
    from xltools.ingest.readers.items import paragraph_roles

    assert paragraph_roles(sentence) == {}


def it_reads_key_lines_set_off_by_bullets_as_key_lines():
    ds = xltools.import_text("1.开展城乡环境整治。\n● 牵头单位：区住建局\n● 责任单位：各街道\n2.新建城市书房5个。\n● 责任单位：区文旅局")
    assert _rows(ds) == [("1", "开展城乡环境整治。", ["区住建局"], ["各街道"]), ("2", "新建城市书房5个。", [], ["区文旅局"])]


def it_does_not_take_a_page_number_between_dashes_for_a_bullet():
    ds = xltools.import_text("1.开展城乡环境整治，\n- 3 -\n清理卫生死角。（区住建局负责）\n2.新建书房。（区文旅局负责）")
    assert [t.number for t in ds.tasks] == ["1", "2"]


def it_reads_the_office_named_by_a_verb_of_choice_and_not_a_leader_as_a_unit():
    from xltools.ingest.readers.items import paragraph_roles

    assert _roles(paragraph_roles("确定市住建局为牵头单位,市财政局为配合单位。")) == (["市住建局"], ["市财政局"])
    assert "units" not in parse_clause("领导责任：张副市长，主体责任：市住建局") or \
        "张副市长" not in parse_clause("领导责任：张副市长，主体责任：市住建局")["units"]


def it_does_not_read_a_line_a_page_wrapped_as_an_office_opening_a_paragraph():
    """Text from a PDF wraps mid-sentence: 「…市财」 ⏎ 「政局要…」 is no paragraph opened by 「政局」."""
    ds = xltools.import_text("\n".join([
        "一、加大资金投入",
        "统筹各类资金支持城区停车设施建设，市财",
        "政局要按规定及时拨付资金。",
        "二、加强督查督办",
        "市政府督查室要将议案办理工作纳入重点督查事项。",
        "三、做好宣传引导",
        "市住建局为宣传工作的牵头单位,市委宣传部为配合单位。",
    ]))
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("一", [], []), ("二", [], ["市政府督查室"]), ("三", ["市住建局"], ["市委宣传部"])]


# -- the same families, other ways of writing them -----------------------------------------------------------------

@pytest.mark.parametrize("body, lead, units", [
    ("责任主体：各经营户；监管部门：区市场监管局", ["各经营户"], ["区市场监管局"]),
    ("整改主体:城东街道办事处", [], ["城东街道办事处"]),
])
def it_reads_clause_labels_that_name_the_party_bearing_the_duty(body, lead, units):
    assert _roles(parse_clause(body)) == (lead, units)


def it_reads_a_requirement_with_its_time_limit_on_the_next_line():
    ds = xltools.import_text("\n".join([
        "1、城南农贸市场东侧巷道有垃圾堆放。",
        "整改要求:由县环卫所负责清运上述垃圾,规范垃圾收集点设置。",
        "整改时限:2024年6月底前",
        "2、滨河路人行道有机动车乱停乱放现象。",
        "整改措施:县公安局交警大队负责督促清理,规范车辆停放。",
        "整改时限:2024年5月底前",
    ]))
    assert [(t.number, t.units, t.deadline) for t in ds.tasks] == [
        ("1", ["县环卫所"], "2024年6月底前"), ("2", ["县公安局交警大队"], "2024年5月底前")]


def it_gives_a_bracketed_clause_after_points_of_one_sentence_to_their_place():
    ds = xltools.import_text("\n".join([
        "1. 市体育中心",
        "(1)场馆入口处禁烟标识缺失;",
        "(2)消防通道堆放杂物。",
        "(责任单位:市体育中心,整改时限:3天)",
        "2. 市中心医院",
        "(1)门诊楼内有人吸烟;",
        "(2)宣传栏内容陈旧。",
        "(责任单位:市卫生健康委员会,整改时限:5天)",
    ]))
    assert [(t.number, t.units, t.deadline) for t in ds.tasks] == [
        ("1", ["市体育中心"], "3天"), ("2", ["市卫生健康委员会"], "5天")]
    assert "(2)消防通道堆放杂物。" in ds.tasks[0].content and "责任单位" not in ds.tasks[0].content


@pytest.mark.parametrize("sentence, lead, units", [
    ("牵头单位为州交通运输局,协办单位为州发改委、州财政局。", ["州交通运输局"], ["州发改委", "州财政局"]),
    ("该议案的主办单位是市住建局,协办单位是市财政局。", ["市住建局"], ["市财政局"]),
])
def it_reads_a_role_named_before_the_units_in_a_sentence(sentence, lead, units):
    from xltools.ingest.readers.items import paragraph_roles

    assert _roles(paragraph_roles(sentence)) == (lead, units)


def it_does_not_take_a_pages_bulleted_fields_for_items():
    """A government site prints its metadata as bulleted fields (「• 索 引 号：…」 「• 发布单位：区政府办公室」): no tasks."""
    ds = xltools.import_text("\n".join([
        "  • 索 引 号:002943395/2024-41740",
        "  • 主题分类:区府办文件",
        "  • 发布单位:区政府办公室",
        "  • 成文日期:2024-02-07",
        "某某区人民政府关于印发2024年重点工作任务分解的通知",
        "1.一般公共预算收入与经济增长基本同步。",
        "责任单位:区财政局",
        "2.地区生产总值增长6%左右。",
        "责任单位:区发改局",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["区财政局"]), ("2", ["区发改局"])]


def it_does_not_take_the_closing_requirements_of_a_notice_for_tasks():
    """「二、工作要求」 ⏎ 「（一）加强组织领导」 ⏎ 「市政府办公室要…」: an office opening a paragraph makes a task only beside
    tasks named by stronger words; the notice's own closing sections name none."""
    ds = xltools.import_text("\n".join([
        "一、重点任务",
        "1.推进城区停车设施建设。（市住建局牵头，市财政局配合）",
        "2.新建城市书房5个。（市文旅局负责）",
        "二、工作要求",
        "（一）加强组织领导",
        "市政府办公室要加强统筹协调，定期调度工作进展。",
        "（二）强化督查考核",
        "市政府督查室要将重点任务纳入督查范围，按月通报。",
    ]))
    assert [t.number for t in ds.tasks] == ["1", "2"]


def it_reads_the_same_items_when_their_bullets_were_lost():
    """Copied without its bullets, each item is a line of text with its clause on the next line."""
    ds = xltools.import_text(_BULLETS.replace("● ", ""))
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        (content, lead, units) for _n, content, lead, units in _rows(xltools.import_text(_BULLETS))]


def it_reads_words_bulleted_paragraphs_as_items(tmp_path):
    from docx import Document

    doc = Document()
    for line in _BULLETS.split("\n"):
        if line.startswith("● "):
            doc.add_paragraph(line[2:], style="List Bullet")
        else:
            doc.add_paragraph(line)
    doc.save(tmp_path / "暗访问题.docx")
    ds = xltools.import_source(tmp_path / "暗访问题.docx")
    assert _rows(ds) == _rows(xltools.import_text(_BULLETS))


@pytest.mark.parametrize("name", ["_BULLETS", "_REQUIREMENTS", "_PLACES", "_PLAN"])
@pytest.mark.parametrize("ext", ["docx", "html"])
def it_reads_each_family_alike_from_a_word_file_and_a_web_page(name, ext, tmp_path):
    import html

    from docx import Document

    text = globals()[name]
    path = tmp_path / f"清单.{ext}"
    if ext == "docx":
        doc = Document()
        for line in filter(None, text.split("\n")):
            doc.add_paragraph(line)
        doc.save(path)
    else:
        path.write_text("<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line)
                        + "</body></html>", encoding="utf-8")

    def read(ds):
        return [(t.number, t.content.replace("\n", ""), t.lead_units, t.units, t.deadline) for t in ds.tasks]

    assert read(xltools.import_source(path)) == read(xltools.import_text(text))


def it_explains_a_doubtful_task_of_several_lines_on_one_line(tmp_path, capsys):
    from xltools.cli import main

    src = tmp_path / "方案.txt"
    src.write_text(_PLAN, encoding="utf-8")
    assert main(["import", str(src), "-o", str(tmp_path / "o.json"), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "第 三 项「加强督查督办 市政府督查室要将议…」：单位取自段落文字" in out


def it_reads_a_requirement_that_names_a_lead_and_its_partners():
    ds = xltools.import_text("\n".join([
        "1、城南农贸市场东侧巷道有垃圾堆放。",
        "整改要求:由县环卫所负责,县城管局配合,三日内清理完毕。",
        "2、滨河路人行道有机动车乱停乱放现象。",
        "整改要求:由县公安局交警大队牵头,县住建局、城关镇配合,规范车辆停放。",
    ]))
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["县环卫所"], ["县城管局"]), (["县公安局交警大队"], ["县住建局", "城关镇"])]


def it_reads_an_office_that_leads_with_its_partners_named_in_the_paragraph():
    """「X牵头负责…，A、B等部门积极配合」 opening a section's paragraph is as plain as a clause: a task on its own."""
    ds = xltools.import_text("\n".join([
        "一、加快停车设施建设",
        "市住建局牵头负责编制停车设施专项规划,市自然资源局、市财政局等部门积极配合,年内开工建设停车场5个。",
        "二、加强宣传引导",
        "市委宣传部要加强舆论引导,营造良好氛围。",
    ]))
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("一", ["市住建局"], ["市自然资源局", "市财政局"]), ("二", [], ["市委宣传部"])]


def it_reads_places_written_with_a_colon():
    ds = xltools.import_text(_PLACES.replace("1. 市体育中心", "1. 市体育中心:").replace("2. 市中心医院", "2. 市中心医院:"))
    assert [(t.number, t.units, t.deadline) for t in ds.tasks] == [
        ("1", ["市体育中心"], "3天"), ("2", ["市卫生健康委员会"], "5天")]


def it_reads_duty_labels_written_after_the_text_without_brackets():
    """「…。主体责任：X；监督责任：Y」 on the item's line or the next: the key 「责任：」 ends the label 「主体责任」, which is
    the clause's first word — no 「主体」 left at the end of the text."""
    ds = xltools.import_text("\n".join([
        "● 城东农贸市场水产区地面积水,垃圾清运不及时。主体责任:城东街道办事处;监督责任:区市场监管局",
        "● 人民公园东门周边流动摊贩占道经营。",
        "主体责任:区城管执法局;监督责任:区住建局",
    ]))
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("城东农贸市场水产区地面积水,垃圾清运不及时。", ["城东街道办事处"], ["区市场监管局"]),
        ("人民公园东门周边流动摊贩占道经营。", ["区城管执法局"], ["区住建局"])]


def it_reads_an_office_asked_to_fix_a_problem():
    ds = xltools.import_text("\n".join([
        "1、老城区部分路灯不亮。",
        "整改要求:请县住建局于本月底前修复。",
        "2、城南农贸市场东侧巷道有垃圾堆放。",
        "整改要求:请各相关单位高度重视,由县环卫所负责清运。",
        "请各单位于本月底前将整改情况报县创文办。",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["县住建局"]), ("2", ["县环卫所"])]


def it_reads_a_role_word_that_says_who_leads():
    from xltools.ingest.readers.items import by_opening

    assert _roles(by_opening("整改要求:由牵头单位县住建局负责制定整改方案。")) == (["县住建局"], [])
    assert _roles(by_opening("整改要求:由包片单位县住建局负责清理。")) == ([], ["县住建局"])


def it_reads_a_place_whose_points_carry_no_stops_as_one_task():
    ds = xltools.import_text(_PLACES.replace(";", "").replace("。", ""))
    assert [(t.number, t.units, t.deadline) for t in ds.tasks] == [
        ("1", ["市体育中心"], "3天"), ("2", ["市卫生健康委员会"], "5天")]
