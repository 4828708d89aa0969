"""Paragraph families of 分工方案 the importer had not met before session 5 (issue 25): items glued on one line after
their clauses, lists grouped under headings that name the lead (「（一）市发展改革委牵头的工作」) with their partners on
a 协同单位 line after the items, and work assigned inside the prose of a meeting report (「由X牵头，Y配合，在9月底前完成…；
由…」). Every case is written for the test in the shape of real government text."""

from __future__ import annotations

import pytest

import xltools
from xltools.errors import XlError


def _rows(ds):
    return [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]


# -- items glued on one line after their clauses --------------------------------------------------------------------

def it_cuts_items_glued_after_their_clauses_in_every_numbering_style():
    """A web page that lost the paragraph break after a clause prints the next item right after the bracket."""
    text = "\n".join([
        "某某市人民政府关于落实《政府工作报告》重点工作责任分工的意见",
        "一、主要预期目标",
        "（一）地区生产总值增长6%左右。（市发展改革委负责）（二）一般公共预算收入增长5%。（市财政局主办，市税务局协办）",
        "（三）城镇调查失业率控制在5.5%以内。（市人力资源社会保障局负责）",
        "二、扩大有效投资",
        "1.推进重大项目建设，全年完成投资300亿元。（市发展改革委主办，市自然资源局、市住房城乡建设局协办）2.加快城市更新。"
        "（市住房城乡建设局负责）",
    ])
    ds = xltools.import_text(text)
    assert _rows(ds) == [
        ("一", "地区生产总值增长6%左右。", [], ["市发展改革委"]),
        ("二", "一般公共预算收入增长5%。", ["市财政局"], ["市税务局"]),
        ("三", "城镇调查失业率控制在5.5%以内。", [], ["市人力资源社会保障局"]),
        ("1", "推进重大项目建设，全年完成投资300亿元。", ["市发展改革委"], ["市自然资源局", "市住房城乡建设局"]),
        ("2", "加快城市更新。", [], ["市住房城乡建设局"]),
    ]


def it_does_not_cut_at_a_number_that_does_not_follow_in_the_count():
    """「（三）」 after the clause of item （一） is a reference in the text, not the next item."""
    text = "\n".join([
        "（一）落实减税降费政策。（区税务局负责）（三）项所列事项另行部署。",
        "（二）优化营商环境。（区发展改革局负责）",
    ])
    ds = xltools.import_text(text)
    assert [t.number for t in ds.tasks] == ["一", "二"]
    assert "（三）项所列事项另行部署" in ds.tasks[0].content


# -- lists grouped under headings that name the lead ----------------------------------------------------------------

_BY_LEAD = "\n".join([
    "某某市人民政府关于印发2026年市政府工作目标责任分解的通知",
    "各区人民政府，市政府各部门：",
    "现将2026年市政府工作目标责任分解安排如下：",
    "一、王某某市长负责的工作",
    "全面负责市政府工作任务的落实。",
    "（一）市审计局牵头的工作",
    "加强审计监督，推进审计全覆盖。",
    "（二）市司法局牵头的工作",
    "推进法治政府建设。",
    "协同单位：市政府各部门和各区人民政府。",
    "（三）市市场监管局牵头的工作",
    "1.深化商事制度改革，压缩企业开办时间。",
    "2.加强食品安全监管。",
    "协同单位：市农业农村局、市卫生健康委等市直有关部门和各区人民政府。",
    "二、李某某常务副市长负责的工作",
    "协助市长抓好市政府工作任务的落实。",
    "（一）市政府办公室牵头的工作",
    "1.推进政务公开，办好政府网站。",
    "协同单位：市政府各部门。",
    "2.办好人大代表建议和政协委员提案。",
    "协同单位：市政府各部门、各区人民政府。",
    "（二）市财政局负责的工作",
    "1.深化预算管理制度改革。",
    "协同单位：市税务局。",
    "2.加强政府债务管理。",
    "协同单位：各区人民政府。",
])


def it_gives_each_item_the_lead_its_heading_names():
    ds = xltools.import_text(_BY_LEAD)
    partners = ["市农业农村局", "市卫生健康委", "市直有关部门", "各区人民政府"]
    assert _rows(ds) == [
        ("一", "加强审计监督，推进审计全覆盖。", ["市审计局"], []),
        ("二", "推进法治政府建设。", ["市司法局"], ["市政府各部门", "各区人民政府"]),
        ("1", "深化商事制度改革，压缩企业开办时间。", ["市市场监管局"], partners),
        ("2", "加强食品安全监管。", ["市市场监管局"], partners),
        ("1", "推进政务公开，办好政府网站。", ["市政府办公室"], ["市政府各部门"]),
        ("2", "办好人大代表建议和政协委员提案。", ["市政府办公室"], ["市政府各部门", "各区人民政府"]),
        ("1", "深化预算管理制度改革。", ["市财政局"], ["市税务局"]),
        ("2", "加强政府债务管理。", ["市财政局"], ["各区人民政府"]),
    ]
    assert [t.category for t in ds.tasks[:3]] == ["市审计局牵头的工作", "市司法局牵头的工作", "市市场监管局牵头的工作"]
    # one 协同单位 line after two items: shared by both, and said to be a reading
    assert ds.tasks[2].doubt and ds.tasks[3].doubt and not ds.tasks[4].doubt
    # a person's heading names no unit, and the remit line under it is no task
    names = {n for t in ds.tasks for n in t.lead_units + t.units}
    assert not any("市长" in n for n in names)
    assert not any("全面负责" in t.content or "协助市长" in t.content for t in ds.tasks)


def it_reads_a_heading_that_names_units_who_are_responsible():
    """「（一）区教育局负责的工作」 over items with no partners: the unit is responsible, as 「（区教育局负责）」 would be."""
    ds = xltools.import_text("\n".join([
        "一、民生工作",
        "（一）区教育局负责的工作",
        "1.新建幼儿园3所。",
        "2.推进义务教育优质均衡发展。",
        "（二）区民政局牵头的工作",
        "1.提升养老服务水平。",
        "协同单位：区卫生健康局。",
    ]))
    assert _rows(ds) == [
        ("1", "新建幼儿园3所。", [], ["区教育局"]),
        ("2", "推进义务教育优质均衡发展。", [], ["区教育局"]),
        ("1", "提升养老服务水平。", ["区民政局"], ["区卫生健康局"]),
    ]


def it_keeps_an_items_own_lead_under_a_lead_heading():
    ds = xltools.import_text("\n".join([
        "（一）市发展改革委牵头的工作",
        "1.扩大有效投资。（市住房城乡建设局牵头，市财政局配合）",
        "2.促进消费恢复。（市商务局配合）",
    ]))
    assert _rows(ds) == [
        ("1", "扩大有效投资。", ["市住房城乡建设局"], ["市财政局"]),
        ("2", "促进消费恢复。", ["市发展改革委"], ["市商务局"]),
    ]


# -- work assigned in the prose of a meeting report -------------------------------------------------------------------

_MEETING = "\n".join([
    "发布时间：2026-06-12 来源：某某区人民政府办公室",
    "6月10日上午，某某区召开2026年城市更新工作推进会。区长李某某主持会议并讲话。",
    "李某某强调，各相关部门要提高认识、压实责任。会议要求，由区住房城乡建设局牵头，区财政局、区自然资源局配合，"
    "在9月底前完成老旧小区改造项目12个；由区城管局负责，在年底前完成背街小巷整治30条；由某某街道牵头，区市场监管局配合，"
    "于11月30日前完成农贸市场提升改造；由区教育局牵头，区发展改革局配合，推进城东学校扩建。其他部门要积极配合，确保完成全年任务。",
    "副区长王某某，区直有关部门负责人参加会议。",
])


def it_reads_work_assigned_in_a_reports_prose():
    ds = xltools.import_text(_MEETING)
    assert [(t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("完成老旧小区改造项目12个", ["区住房城乡建设局"], ["区财政局", "区自然资源局"], "9月底前"),
        ("完成背街小巷整治30条", [], ["区城管局"], "年底前"),
        ("完成农贸市场提升改造", ["某某街道"], ["区市场监管局"], "11月30日前"),
        ("推进城东学校扩建", ["区教育局"], ["区发展改革局"], ""),
    ]
    assert all(t.doubt for t in ds.tasks)  # read from prose: each task is to be checked


def it_reads_prose_assignments_written_without_you():
    ds = xltools.import_text("会议要求，县发展改革局牵头，县财政局配合，9月底前完成项目储备100个；县住房城乡建设局负责，"
                             "年底前完成棚户区改造500户。其他部门要积极配合，形成工作合力。")
    assert [(t.number, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("1", "完成项目储备100个", ["县发展改革局"], ["县财政局"], "9月底前"),
        ("2", "完成棚户区改造500户", [], ["县住房城乡建设局"], "年底前")]


def it_keeps_a_sentence_whose_subject_leads_as_printed():
    """「市公安局牵头，负责组织开展…」: the office is the sentence's subject, as in 「市卫生局负责组织…」, so the sentence
    is the task's text as printed; only 由 (「由X牵头，…」) or words before the clause make the office a mere clause."""
    ds = xltools.import_text("会议决定开展十大领域专项整治行动。市安全监管局牵头，负责组织开展对危险化学品领域的专项整治工作。"
                             "市公安局牵头，市交通运输局配合，负责组织开展对道路交通领域的专项整治工作。"
                             "市教育局牵头，负责组织开展对校园安全领域的专项整治工作。")
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("市安全监管局牵头，负责组织开展对危险化学品领域的专项整治工作", ["市安全监管局"], []),
        ("市公安局牵头，市交通运输局配合，负责组织开展对道路交通领域的专项整治工作", ["市公安局"], ["市交通运输局"]),
        ("市教育局牵头，负责组织开展对校园安全领域的专项整治工作", ["市教育局"], []),
    ]


@pytest.mark.parametrize("text", [
    # one assignment only: a sentence of a report, not a list
    "会议要求，由区住房城乡建设局牵头，区财政局配合，在9月底前完成老旧小区改造项目12个。其他部门要积极配合。",
    # 由 followed by words that are not units
    "会议指出，由市场主体负责，在年底前完成运营方案；由企业自主负责，在9月底前完成设备更新。",
    # units that only cooperate, with nobody leading or responsible: no assignment
    "会议指出，县财政局配合，做好资金保障工作；县审计局配合，做好审计监督工作。",
])
def it_does_not_read_prose_that_assigns_no_list(text):
    with pytest.raises(XlError):
        xltools.import_text(text)


# -- a whole plan run together on one line, its work shared out by 「由X负责」 sentences ----------------------------------

_RUN_ON_PLAN = (
    "某某县创建国家卫生县城宣传工作方案为深入推进创建国家卫生县城工作，营造全民参与、人人动手的浓厚氛围，结合我县实际，"
    "制定本方案。一、指导思想以习近平新时代中国特色社会主义思想为指导，广泛宣传创建工作的重大意义、目标任务和工作要求，"
    "推动创建工作深入开展。二、主要任务通过多种形式、多个层面开展宣传，提高群众对创建工作的知晓率、支持率和参与率。"
    "（一）社会宣传1、印发宣传资料。印制《致全县居民的一封信》，通过社区（村）干部、中小学生发放到每户家庭。"
    "宣传资料的设计印制由县创卫办负责，发放工作由各乡镇及县直有关部门负责。2、设置公益广告。在主要街道、公共场所、"
    "交通要道设置公益广告牌。公益广告的设置由县住房城乡建设局牵头，日常维护工作由各乡镇负责。（二）新闻宣传1、开设专栏。"
    "在县电视台、县融媒体中心开设创建专栏，及时报道创建工作进展。（县融媒体中心负责）"
)


def it_cuts_a_plan_run_together_on_one_line_at_its_numbers():
    ds = xltools.import_text("某某县创建国家卫生县城宣传工作方案\n\n" + _RUN_ON_PLAN)
    assert [(t.number, t.category, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "社会宣传", [], ["县创卫办", "各乡镇", "县直有关部门"]),
        ("2", "社会宣传", ["县住房城乡建设局"], ["各乡镇"]),
        ("1", "新闻宣传", [], ["县融媒体中心"]),
    ]
    assert ds.tasks[0].content.startswith("印发宣传资料。印制《致全县居民的一封信》")
    assert ds.tasks[0].content.endswith("发放工作由各乡镇及县直有关部门负责。")  # the assignment stays in the text


def it_does_not_cut_a_long_paragraph_that_assigns_nobody():
    """The notice's own text run together: no part reads as a task, so nothing is cut and no list is found."""
    text = _RUN_ON_PLAN.replace("由县创卫办负责", "要精心组织").replace("由各乡镇及县直有关部门负责", "要覆盖全县") \
        .replace("由县住房城乡建设局牵头", "要规范有序").replace("由各乡镇负责", "要及时跟进").replace("（县融媒体中心负责）", "")
    with pytest.raises(XlError):
        xltools.import_text(text)


def it_reads_every_part_of_a_sentence_that_shares_the_work_out():
    from xltools.ingest.readers.items import by_sentence

    assert by_sentence("…。资料的设计由市委宣传部负责，印制由市文明办牵头，发放工作由各区人民政府负责。") == {
        "lead": "市文明办", "units": "市委宣传部、各区人民政府"}
    # a part whose 由 names no unit leaves the sentence to its last part
    assert by_sentence("…。运营由市场主体负责，监管工作由市市场监管局负责。") == {"units": "市市场监管局"}


# -- a clause written as a sentence on the line under its item ------------------------------------------------------

def it_reads_a_clause_sentence_on_the_line_under_a_heading():
    """A township's plan: each section names who does it in a sentence of its own under the heading; the targets after
    it are not the task's units and not another task."""
    ds = xltools.import_text("\n".join([
        "某某乡2026年农村人居环境整治工作方案",
        "各村、有关单位：",
        "为扎实推进农村人居环境整治，制定本方案如下：",
        "一、推进农村生活垃圾治理",
        "由乡村镇建设服务中心承办，乡财政所、派出所、各村委会配合。",
        "工作目标：",
        "全乡生活垃圾无害化处理率达到95%以上。",
        "二、推进农村厕所革命",
        "乡农业农村服务中心牵头，乡卫生院配合。",
        "三、提升村容村貌",
        "由各村委会负责。",
    ]))
    assert _rows(ds) == [
        ("一", "推进农村生活垃圾治理", ["乡村镇建设服务中心"], ["乡财政所", "派出所", "各村委会"]),
        ("二", "推进农村厕所革命", ["乡农业农村服务中心"], ["乡卫生院"]),
        ("三", "提升村容村貌", [], ["各村委会"]),
    ]


def it_does_not_take_a_sentence_with_a_marker_for_a_clause_line():
    """「各部门要密切配合。」 under an item is its text, not its units."""
    ds = xltools.import_text("\n".join([
        "1.加强组织领导。（县政府办牵头，县直各部门配合）",
        "2.强化督促检查。",
        "各部门要密切配合。",
        "（县政府督查室负责）",
    ]))
    assert _rows(ds)[1] == ("2", "强化督促检查。\n各部门要密切配合。", [], ["县政府督查室"])


# -- tasks quoted in a 督查通报 after who does them -----------------------------------------------------------------------

def it_reads_tasks_quoted_after_who_does_them():
    ds = xltools.import_text("\n".join([
        "关于2026年第三次区政府常务会议确定事项落实情况的通报",
        "一、总体情况",
        "区政府常务会议确定事项30件，已完成12件，正在办理18件。",
        "二、存在问题",
        "需要加快推进的事项3件，如区发展改革局负责的“加快推进重点项目前期工作，提高项目成熟度。”截至目前，5个项目已完成"
        "前期论证；区住房城乡建设局、区城管局负责的“9月底前完成老旧小区改造12个。”截至目前，区住房城乡建设局已开工8个；"
        "区文化旅游局牵头的“办好全区文化旅游节。”截至目前，方案已报审。",
    ]))
    assert _rows(ds) == [
        ("1", "加快推进重点项目前期工作，提高项目成熟度。", [], ["区发展改革局"]),
        ("2", "9月底前完成老旧小区改造12个。", [], ["区住房城乡建设局", "区城管局"]),
        ("3", "办好全区文化旅游节。", ["区文化旅游局"], []),
    ]
    assert all(t.doubt for t in ds.tasks) and not any(t.deadline for t in ds.tasks)
    assert ds.title == "关于2026年第三次区政府常务会议确定事项落实情况的通报"  # the page's own title, not 「一、总体情况」


def it_does_not_read_one_quoted_task_or_quotes_after_words_that_are_not_units():
    for text in ["如区发展改革局负责的“加快推进重点项目前期工作。”截至目前，进展顺利。",
                 "群众反映的“停车难。”和企业负责的“安全生产。”都要抓好，市场主体负责的“运营维护。”要落实。"]:
        with pytest.raises(XlError):
            xltools.import_text(text)


def it_reads_chengban_as_the_lead():
    from xltools.ingest.readers.items import parse_clause

    assert parse_clause("县文化旅游局承办，县财政局、县公安局协办") == {"lead": "县文化旅游局", "units": "县财政局、县公安局"}


# -- the title of a notice that prints its list's name without 《》 -----------------------------------------------------

def it_takes_the_lists_title_from_a_notice_title_without_book_marks():
    ds = xltools.import_text("\n".join([
        "某某县人民政府关于印发2026年县政府工作目标责任分解的通知",
        "（某政发[2026]3号）",
        "",
        "1.推进重大项目建设。（县发展改革局牵头，县财政局配合）",
        "2.优化营商环境。（县政务服务中心负责）",
    ]))
    assert ds.title == "2026年县政府工作目标责任分解"
    assert ds.doc_number == "某政发[2026]3号"


def it_reads_a_heading_written_as_the_lead_key_or_as_the_units_name_alone():
    ds = xltools.import_text("\n".join([
        "某某市2026年民生实事任务分解",
        "（一）牵头单位：市教育局",
        "1.新建改扩建中小学校10所。（配合单位：市财政局、市自然资源局）",
        "2.新增公办学位5000个。",
        "（二）牵头单位：市卫生健康委",
        "配合单位：市医保局",
        "3.建设紧密型县域医共体。",
    ]))
    assert _rows(ds) == [
        ("1", "新建改扩建中小学校10所。", ["市教育局"], ["市财政局", "市自然资源局"]),
        ("2", "新增公办学位5000个。", ["市教育局"], []),
        ("3", "建设紧密型县域医共体。", ["市卫生健康委"], ["市医保局"]),  # the partners under the heading
    ]
    ds = xltools.import_text("\n".join([
        "某某区2026年重点工作任务分解",
        "一、区发展改革局（2项）",
        "1.推进重大项目建设，全年完成投资100亿元。",
        "2.深化营商环境改革。",
        "二、区财政局",
        "3.加强预算绩效管理。",
    ]))
    assert _rows(ds) == [
        ("1", "推进重大项目建设，全年完成投资100亿元。", [], ["区发展改革局"]),
        ("2", "深化营商环境改革。", [], ["区发展改革局"]),
        ("3", "加强预算绩效管理。", [], ["区财政局"]),
    ]
    assert all(t.doubt for t in ds.tasks)  # a name alone says who, not in which role


def it_does_not_take_a_heading_of_words_for_a_unit():
    with pytest.raises(XlError):
        xltools.import_text("\n".join([
            "某某区2026年全民健身工作安排",
            "一、举办全区运动会",
            "1.组织田径比赛。",
            "2.组织球类比赛。",
        ]))


def it_reads_a_clause_sentence_with_its_deadline_under_an_item():
    ds = xltools.import_text("\n".join([
        "某某县2026年重点工作推进方案",
        "一、加快项目建设",
        "1.推进重大项目建设，全年完成投资50亿元。",
        "由县发展改革局牵头，县财政局、县自然资源局配合，2026年12月底前完成。",
        "2.加快园区基础设施建设。",
        "由县工业园区管委会负责，2026年10月底前完成。",
    ]))
    assert [(t.number, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("1", "推进重大项目建设，全年完成投资50亿元。", ["县发展改革局"], ["县财政局", "县自然资源局"], "2026年12月底前完成"),
        ("2", "加快园区基础设施建设。", [], ["县工业园区管委会"], "2026年10月底前完成"),
    ]


# -- what these shapes must leave alone (review of session 5) ---------------------------------------------------------

def it_keeps_a_numbered_list_whose_one_item_assigns_work_in_prose():
    """A 工作要点 without clauses is read as its items; one item that assigns its own work in prose stays one item."""
    ds = xltools.import_text("\n".join([
        "某某区2026年农业农村工作要点",
        "一、稳定粮食生产。全年粮食播种面积稳定在20万亩以上。",
        "二、推进高标准农田建设。新建高标准农田1万亩，由区农业农村局牵头，区财政局配合，在5月底前完成项目招标；"
        "由各镇负责，在10月底前完成主体工程。",
        "三、发展乡村产业。培育区级以上龙头企业5家。",
        "四、改善农村人居环境。完成农村户厕改造800户。",
    ]))
    assert [t.number for t in ds.tasks] == ["一", "二", "三", "四"]
    assert ds.tasks[1].content.startswith("推进高标准农田建设。新建高标准农田1万亩，由区农业农村局牵头")
    assert ds.tasks[1].content.endswith("在10月底前完成主体工程。")  # work, not a clause's deadline
    # the item's own sentences give its work out between commas: all of it goes to the item, flagged
    assert (ds.tasks[1].lead_units, ds.tasks[1].units) == (["区农业农村局"], ["区财政局", "各镇"]) and ds.tasks[1].doubt
    assert not any(t.lead_units or t.units for t in ds.tasks if t.number != "二")


def it_does_not_take_a_quoted_name_inside_a_sentence_for_a_task():
    ds = xltools.import_text("\n".join([
        "某某县2026年改革工作要点",
        "一、深化政务服务改革。推广县行政审批局负责的“容缺受理”经验，深化县大数据中心负责的“数据共享”应用。",
        "二、深化财税改革。推进预算绩效管理全覆盖。",
        "三、深化农村改革。稳妥推进农村集体产权制度改革。",
    ]))
    assert [t.number for t in ds.tasks] == ["一", "二", "三"]
    assert not any(t.lead_units or t.units for t in ds.tasks)


def it_never_demotes_an_items_own_unit_under_a_heading_that_is_a_name_alone():
    """「二、县人民医院」 may be a project as well as a body: it fills only an item that names nobody."""
    ds = xltools.import_text("\n".join([
        "某某县2026年卫生健康重点工作",
        "一、县疾控中心",
        "1.完成适龄儿童免疫规划疫苗接种。",
        "二、县人民医院",
        "2.完成门诊综合楼主体工程。（县卫生健康局负责）",
        "3.新增床位100张。（县卫生健康局牵头，县发展改革局配合）",
    ]))
    assert _rows(ds) == [
        ("1", "完成适龄儿童免疫规划疫苗接种。", [], ["县疾控中心"]),
        ("2", "完成门诊综合楼主体工程。", [], ["县卫生健康局"]),
        ("3", "新增床位100张。", ["县卫生健康局"], ["县发展改革局"]),
    ]


def it_does_not_share_an_items_key_block_with_an_item_printed_without_one():
    """Where every item carries its own 牵头单位：/责任单位： block, an item without one is a gap, not part of a group."""
    ds = xltools.import_text("\n".join([
        "一、强化源头治理",
        "1.开展餐饮油烟专项整治。",
        "牵头单位：区城管局",
        "责任单位：各街道办事处",
        "二、深化专项整治",
        "2.开展建筑工地扬尘专项整治。",
        "3.开展渣土运输车辆专项整治。",
        "牵头单位：区住房城乡建设局",
        "责任单位：区公安分局",
    ]))
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", ["区城管局"], ["各街道办事处"]), ("2", [], []), ("3", ["区住房城乡建设局"], ["区公安分局"])]


def it_reads_prose_assignments_in_every_paragraph_of_the_minutes():
    ds = xltools.import_text("\n".join([
        "区政府召开第8次常务会议",
        "会议研究了城市更新工作。会议要求，由区住房城乡建设局牵头，区财政局配合，在6月底前完成片区规划；"
        "由各街道办事处负责，在8月底前完成入户调查。",
        "会议研究了教育工作。会议要求，由区教育局牵头，区人社局配合，在7月底前完成教师招聘。",
    ]))
    assert [(t.number, t.content, t.deadline) for t in ds.tasks] == [
        ("1", "完成片区规划", "6月底前"), ("2", "完成入户调查", "8月底前"), ("3", "完成教师招聘", "7月底前")]


def it_does_not_cut_a_long_item_at_the_points_it_lists():
    point = "完成技术改造项目投资10亿元，新增规模以上工业企业5家，培育省级专精特新企业3家，推动传统产业转型升级，提升工业园区综合承载能力"
    text = "\n".join([
        "一、推动工业提质增效。具体任务如下。一、" + point + "。二、" + point + "。三、" + point + "。四、"
        + point + "。（县工业和信息化局牵头，县发展改革局、县财政局配合）",
        "二、扩大有效投资。实施重点项目50个。（县发展改革局负责）",
    ])
    assert len(text.split("\n")[0]) > 300
    ds = xltools.import_text(text)
    assert [(t.number, t.lead_units) for t in ds.tasks] == [("一", ["县工业和信息化局"]), ("二", [])]


def it_reads_a_clause_written_as_the_items_last_sentence():
    ds = xltools.import_text("\n".join([
        "某某县2026年优化营商环境重点任务分工",
        "1.深化“一网通办”改革，提升网上办理率。由县政务服务中心牵头，县直各部门配合。",
        "2.开展涉企收费专项清理。由县市场监管局负责，县财政局、县发展改革局配合，2026年6月底前完成。",
        "3.优化水电气报装服务。县住房城乡建设局牵头，县供电公司、县水务公司配合。",
        "4.加强信用体系建设。各部门要密切配合。（县发展改革局负责）",
    ]))
    assert [(t.number, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("1", "深化“一网通办”改革，提升网上办理率。", ["县政务服务中心"], ["县直各部门"], ""),
        ("2", "开展涉企收费专项清理。", ["县市场监管局"], ["县财政局", "县发展改革局"], "2026年6月底前完成"),
        ("3", "优化水电气报装服务。", ["县住房城乡建设局"], ["县供电公司", "县水务公司"], ""),
        ("4", "加强信用体系建设。各部门要密切配合。", [], ["县发展改革局"], ""),
    ]
    ds = xltools.import_text("1.推进国资国企改革。由县财政局牵头，县发展改革局配合，持续推进。\n"
                             "2.推进城东片区建设。由县住房城乡建设局负责，2026年底前完成。")
    assert [(t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("推进国资国企改革。", ["县财政局"], ["县发展改革局"], "持续推进"),
        ("推进城东片区建设。", [], ["县住房城乡建设局"], "2026年底前完成")]


def it_reads_offices_whose_names_open_with_a_verb_in_a_clause_sentence():
    """组织部, 保障中心, 协调办 open with words that are verbs elsewhere (组织, 保障, 协调): before no whole unit name
    they are the office's own name (review P12)."""
    ds = xltools.import_text("某县2024年重点工作分工\n一、加强干部队伍建设\n组织部牵头，宣传部、编办配合。\n"
                             "二、做好意识形态工作\n宣传部牵头，网信办配合。\n三、完善保障机制\n保障中心牵头，协调办配合。\n")
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("一", ["组织部"], ["宣传部", "编办"]), ("二", ["宣传部"], ["网信办"]), ("三", ["保障中心"], ["协调办"])]


def it_reads_work_given_out_in_the_middle_of_an_items_sentence():
    """「完善农村养老服务，由县民政局负责，县卫健局配合，确保老有所养。」: the clause between commas gives the item its
    units (flagged), the text stays whole; 「由市场主体负责运营」 names no unit."""
    ds = xltools.import_text("某县2026年重点工作任务分工\n"
                             "1.推进审批提速。由县政务服务中心牵头，县直各部门配合。\n"
                             "2.完善农村养老服务，由县民政局负责，县卫健局配合，确保老有所养。\n"
                             "3.建设城市停车场，由市场主体负责运营，缓解停车难。\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["县政务服务中心"], ["县直各部门"]), (["县民政局"], ["县卫健局"]), ([], [])]
    assert ds.tasks[1].content == "完善农村养老服务，由县民政局负责，县卫健局配合，确保老有所养。" and ds.tasks[1].doubt


# -- headings that say whose the items under them are, with no role verb ----------------------------------------------

_BY_OWNER = "\n".join([
    "为推动城市建设工作再上新台阶，现将各部门责任目标明确如下：",
    "一、市规划局责任目标",
    "（一）公园两岸的规划设计。组织原设计单位抓紧对公园两岸商业服务设施项目进行规划设计。",
    "（二）主干道两侧的城市设计。严格按照控制性详细规划要求，确定名家进行整体设计。",
    "二、市住房城乡建设局工作任务",
    "（一）老旧小区改造。年内完成改造小区20个。",
    "（二）城市道路建设。建成主次干道5条。",
])


def it_gives_each_item_the_office_its_heading_says_the_items_belong_to():
    """「一、市规划局责任目标」: the items are the bureau's; the role is not said, so each is flagged."""
    ds = xltools.import_text(_BY_OWNER)
    assert [(t.number, t.units, t.lead_units) for t in ds.tasks] == [
        ("一", ["市规划局"], []), ("二", ["市规划局"], []),
        ("一", ["市住房城乡建设局"], []), ("二", ["市住房城乡建设局"], [])]
    assert [t.category for t in ds.tasks] == ["市规划局责任目标"] * 2 + ["市住房城乡建设局工作任务"] * 2
    assert all(t.doubt for t in ds.tasks)


@pytest.mark.parametrize("heading", ["一、全市重点工作任务", "一、年度目标任务", "一、数字政府重点任务", "一、主要任务",
                                     "二、区政府重点工作", "一、县人民政府工作任务"])
def it_takes_no_units_from_a_heading_that_names_no_office(heading):
    text = "\n".join(["某某县2026年重点工作任务清单", heading,
                      "（一）推进数字乡村建设。（县农业农村局负责）", "（二）加强基层治理。（县民政局负责）"])
    ds = xltools.import_text(text)
    assert [t.units for t in ds.tasks] == [["县农业农村局"], ["县民政局"]]


def it_gives_a_sections_office_its_helpers_and_its_lone_paragraph():
    """「（九）县公安局主要工作任务：」 over numbered items and a 「协助单位：」 line after them: the office and its helpers
    are the units of every item; a section with one paragraph and no number under its heading is one task."""
    ds = xltools.import_text("\n".join([
        "（八）县公安局主要工作任务：",
        "1、依法整治尾气排放年检不合格的机动车辆。",
        "2、依法整治运输车辆的扬尘污染。",
        "协助单位：县交通运输局、县城管执法大队。",
        "（九）县农业农村局主要工作任务：",
        "依据沼气工程实施方案，对县城周边农村全面推广沼气应用，提高秸秆综合利用率。",
        "（十）县广播电视台主要工作任务：",
        "1、加大对大气污染综合整治工作的宣传。",
        "2、及时通报责任单位工作开展情况。",
    ]))
    helpers = ["县公安局", "县交通运输局", "县城管执法大队"]
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", [], helpers), ("2", [], helpers), ("九", [], ["县农业农村局"]),
        ("1", [], ["县广播电视台"]), ("2", [], ["县广播电视台"])]
    assert ds.tasks[2].content.startswith("依据沼气工程实施方案")


def it_reads_who_leads_from_the_paragraph_under_an_items_title():
    """「1、…事宜」 ⏎ 「由某某副市长负责，市发改委牵头，相关部门配合，尽快完成…」: the leader is a person, the units follow."""
    ds = xltools.import_text("\n".join([
        "1、设立综合配套改革试验区事宜",
        "由张某某副市长负责，市发改委牵头，相关部门配合，尽快完成实施方案，经市政府审定后报省政府审批。",
        "2、城市轨道交通项目",
        "由李某某副市长负责，市住建局牵头，市发改委、市自然资源局配合，进一步修改完善项目建设方案。",
    ]))
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", ["市发改委"], ["相关部门"]), ("2", ["市住建局"], ["市发改委", "市自然资源局"])]
    assert not any("市长" in n for t in ds.tasks for n in t.lead_units + t.units)
    assert all(t.doubt for t in ds.tasks)


def it_lets_an_items_own_unit_win_over_its_sections_office():
    """Under 「一、市规划局工作任务」 an item that names its own 责任单位 is that office's; under 「三、各成员单位职责」
    (everyone's) each item's office is its own, the heading adds nobody; 「二、党员干部职责」 names people, not a body."""
    ds = xltools.import_text("\n".join([
        "一、市规划局工作任务",
        "1.编制城市更新专项规划。",
        "2.开展老旧小区改造规划设计。（责任单位：市住建局）",
    ]))
    assert [(t.number, t.units, bool(t.doubt)) for t in ds.tasks] == [("1", ["市规划局"], True), ("2", ["市住建局"], False)]
    ds = xltools.import_text("\n".join([
        "三、各成员单位职责",
        "（一）县应急管理局：负责统筹协调全县安全生产工作。",
        "（二）县公安局：负责道路交通安全管理工作。",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [("一", ["县应急管理局"]), ("二", ["县公安局"])]
    ds = xltools.import_text("\n".join([
        "一、镇政府职责", "1.统筹全镇文明创建工作，制定年度工作计划。", "2.组织开展环境卫生集中整治行动。",
        "3.建立健全考核奖惩机制。", "二、党员干部职责", "4.带头遵守村规民约，积极参加志愿服务活动。",
        "5.主动联系群众，及时反映群众诉求。", "6.带头移风易俗，不大操大办红白喜事。"]))
    assert not any("党员干部" in t.units for t in ds.tasks)


def it_reads_a_reports_sentences_that_each_open_with_a_sectors_departments():
    """A news report shares the work out in sentences each opening with a sector's departments, whatever the verb
    (「卫生部门对…进行检查」, 「交通部门增加了…」, 「住建、规划、环保部门将停止…」): when nothing else in the text names
    anyone, each such sentence is a task of its departments, flagged."""
    ds = xltools.import_text("某县多部门联动保障高考。\n该县公安部门派出值勤队，加强考点周围的治安管理；卫生部门对考点周边的食宿场所"
                             "进行卫生检查；交通部门增加了与考点有关的公交车辆；住建、规划、环保部门将停止考点周边一切施工活动。\n"
                             "今年全县共有1560人参加高考。")
    assert [t.units for t in ds.tasks] == [["公安部门"], ["卫生部门"], ["交通部门"], ["住建", "规划", "环保部门"]]
    assert ds.tasks[0].content.startswith("该县公安部门派出值勤队") and all(t.doubt for t in ds.tasks)


@pytest.mark.parametrize("text", [
    # two sentences only: a report's aside, not a list
    "会议要求，卫生部门对食宿场所进行检查；交通部门增加公交车辆。其他工作按原计划推进。",
    # everyone by a class word opens them: no sector named
    "有关部门要加强协调；各部门要密切配合；相关部门要及时报告。",
])
def it_does_not_read_sentences_that_name_no_sectors_departments_as_a_list(text):
    with pytest.raises(XlError):
        xltools.import_text(text)
