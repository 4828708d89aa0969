"""Paragraphs without numbers that each open with who does them — a plan's 职责分工 or its member units' duties
(`read_duty_paragraphs`): 「县自然资源局：负责…」, 「公安机关要…」, 「交通部门，负责…」. Fixtures written in the shape of
real plans; contact lists, member lists and a notice's requests to everyone are not such lists."""

from __future__ import annotations

import pytest

import xltools
from xltools.errors import XlError


def _read(text: str) -> list[tuple]:
    return [(t.number, t.category, t.content, t.lead_units, t.units, bool(t.doubt))
            for t in xltools.import_text(text).tasks]


def it_reads_member_units_labelling_their_duties():
    rows = _read("县防汛抗旱应急预案\n（三）成员单位职责\n"
                 "县住房城乡建设局：负责城镇建成区排水防涝工程建设；负责灾区房屋安全评估、鉴定工作。\n"
                 "县自然资源局：负责因暴雨、洪水引发地质灾害的调查、监测、防治工作。\n\n"
                 "县农业农村局：负责灾区动物疫情防控、农业灾情信息核报工作。\n"
                 "县工信和科技局：负责指导全县工矿企业的防汛抗旱工作。\n")
    assert [(r[0], r[1], r[4], r[5]) for r in rows] == [
        ("", "成员单位职责", ["县住房城乡建设局"], True), ("", "成员单位职责", ["县自然资源局"], True),
        ("", "成员单位职责", ["县农业农村局"], True), ("", "成员单位职责", ["县工信和科技局"], True)]
    assert rows[0][2] == "负责城镇建成区排水防涝工程建设；负责灾区房屋安全评估、鉴定工作。"


def it_reads_sector_departments_told_what_they_must_do():
    """「公安机关要…」 ⏎ 「民政部门要…」: the office, then 要; 「规划(测绘)部门」 is one sector; 「各科室要…」 among them
    is one of the offices given work."""
    rows = _read("公安机关要制定具体的实施方案，负责门楼牌的统一规范、制作和安装。\n"
                 "民政部门要清理和规范街路巷的命名，负责街路巷牌的安装和维护。\n"
                 "规划(测绘)部门要提供相关的城市规划资料和航拍图。\n"
                 "各科室要积极配合做好实有人口信息采集工作。\n")
    # (the sentence as printed: its subject is who does it)
    assert [(r[2][:6], r[4]) for r in rows] == [("公安机关要制", ["公安机关"]), ("民政部门要清", ["民政部门"]),
                                                ("规划(测绘)", ["规划(测绘)部门"]), ("各科室要积极", ["各科室"])]


def it_reads_duties_run_onto_one_line_and_pairs_glued_after_a_stop():
    """A page copied as one line (「[接上页] 交通部门，负责…。 教育部门，负责…。」) and a paragraph holding two offices'
    duties (「…路面清洁。市房管局：负责…」): one task per office. 「旅游部门，指导…」 among them is one too."""
    rows = _read("[接上页] 交通部门，负责通村公路和道路建设。 教育部门，负责义务教育和职业教育工作。 "
                 "旅游部门，指导发展旅游产业，配合搞好旅游发展规划。\n"
                 "市园林局：负责做好公园内河道的清淤和护岸加固。市房管局：负责危险房屋的安全鉴定和维修管理。\n"
                 "水利部门，负责指导防洪、排涝、抗旱工作。科技部门，负责科技培训和科技服务工作。\n")
    # (「交通部门，负责…」 as printed; 「市园林局：」 labels its duties, the label is not the text)
    assert [(r[2][:4], r[4]) for r in rows] == [("交通部门", ["交通部门"]), ("教育部门", ["教育部门"]),
                                                ("旅游部门", ["旅游部门"]), ("负责做好", ["市园林局"]),
                                                ("负责危险", ["市房管局"]), ("水利部门", ["水利部门"]),
                                                ("科技部门", ["科技部门"])]


@pytest.mark.parametrize("text", [
    # a contact list: telephone numbers after the offices
    "防汛值班电话\n县应急管理局：0556-1234567\n县水利局：0556-7654321\n县气象局：0556-1112223\n",
    # a member list: people after the offices
    "县防汛抗旱指挥部成员\n县应急管理局：张明（局长）\n县水利局：李强（局长）\n县气象局：赵丽（副局长）\n",
    # a notice's requests to everyone
    "各乡镇要高度重视，切实加强组织领导。\n各部门要密切配合，形成工作合力。\n各单位要严格落实值班制度。\n",
    # two paragraphs only
    "县应急管理局要加强统筹协调，定期通报工作进展。\n县水利局要做好水库巡查。\n",
])
def it_does_not_take_contact_lists_member_lists_or_requests_for_duties(text):
    with pytest.raises(XlError):
        xltools.import_text(text)


def it_takes_no_field_label_for_an_office_opening_a_paragraph():
    """「责任科室：县教育局 配合科室：…」 in a list run onto one line is a field of the item before, not an office
    whose duties follow; the items are read as at any time."""
    rows = _read("2024年民生实事项目 1.新建城区公办幼儿园3所，新增学位900个。 责任科室：县教育局 配合科室：县财政局、"
                 "县自然资源局 完成时限：2024年9月底 2.实施农村饮水安全巩固提升工程。 责任科室：县水利局 配合科室："
                 "各乡镇人民政府 完成时限：2024年12月底 3.改造农村公路50公里。 责任科室：县交通运输局 配合科室：县财政局 "
                 "完成时限：2024年11月底\n")
    assert [(r[0], r[3], r[4]) for r in rows] == [("1", ["县教育局"], ["县财政局", "县自然资源局"]),
                                                  ("2", ["县水利局"], ["各乡镇人民政府"]),
                                                  ("3", ["县交通运输局"], ["县财政局"])]


def it_keeps_a_plans_numbered_items_over_a_shorter_duty_section():
    """A 工作要点's five numbered tasks, then 「二、职责分工」 with three 「县X局负责…」 paragraphs: the numbered items are
    the list (as before); the duty section is not a shorter list of its own."""
    rows = _read("一、重点任务\n1.深化“一网通办”改革，推动高频事项全程网办。\n2.推行惠企政策“免申即享”。\n"
                 "3.规范涉企行政检查，推行“综合查一次”。\n4.加强知识产权保护，建设知识产权保护中心。\n"
                 "5.优化水电气暖报装服务，压减办理时限。\n二、职责分工\n县发改局负责统筹协调全县优化营商环境工作。\n"
                 "县政务服务中心负责推进政务服务改革。\n县市场监管局负责加强知识产权保护。\n")
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5"]


def it_keeps_a_notices_numbered_list_over_its_closing_requirements():
    """A notice's numbered items with their clauses, then five 「X要…」 requirement paragraphs (工作要求): the items are
    the list, however many the paragraphs; the requirements are the notice's words."""
    rows = _read("关于印发2024年为民办实事项目的通知\n各乡镇人民政府，县直各单位：\n"
                 "1.新建幼儿园2所，新增学位540个。（县教育局负责）\n2.改造提升农村供水工程15处。（县水利局负责）\n"
                 "3.建设城市社区嵌入式服务设施6处。（县民政局负责）\n"
                 "各乡镇要加强组织领导，确保各项目按期完成。\n各责任单位要细化工作方案，明确时间节点。\n"
                 "县直各单位要密切配合，形成工作合力。\n县政府督查室要加强督查督办，定期通报进展。\n"
                 "县财政局要加强资金保障，及时拨付项目资金。\n")
    assert [(r[0], r[4]) for r in rows] == [("1", ["县教育局"]), ("2", ["县水利局"]), ("3", ["县民政局"])]


def it_reads_no_task_from_a_groups_roster_and_its_member_units():
    """「一、领导小组组成人员」 with 组长/副组长/成员 lines and a 成员单位 line lists who sits in the group: the duties
    numbered under 「二、工作职责」 are the tasks, and the member units are no task's units."""
    text = "\n".join([
        "某某市人民政府办公室关于成立清明节工作领导小组的通知",
        "一、领导小组组成人员",
        "组  长：张某某 市长助理",
        "副组长：李某某 市政府副秘书长",
        "成  员：王某某 市公安局局长",
        "成员单位：市民政局、市公安局、市交通运输局、市城管局。",
        "二、工作职责",
        "1.领导小组办公室：负责组织协调清明节期间祭扫服务保障工作，及时汇总上报工作情况。",
        "2.市民政局：负责殡葬服务机构的监督管理，做好祭扫高峰期间的服务接待。",
        "3.市公安局：负责陵园周边道路交通疏导和治安秩序维护工作。",
    ])
    ds = xltools.import_text(text)
    assert [(t.number, t.units) for t in ds.tasks] == [
        ("1", ["领导小组办公室"]), ("2", ["市民政局"]), ("3", ["市公安局"])]
    assert not any("组长" in t.content or "成员单位" in t.content for t in ds.tasks)


def it_reads_duty_paragraphs_on_under_a_plans_decimal_section_headings():
    """「6.2 应急调查、监测和治理」 ⏎ duty paragraphs ⏎ 「6.3 医疗救护」 ⏎ two more: each section's heading is their
    category and the list goes on under it, however few paragraphs a section holds."""
    text = "\n".join([
        "6.2 应急调查、监测和治理",
        "市自然资源局负责提供地质灾害发生实况和监测资料，组织应急调查和应急监测工作。",
        "市水利局负责水情和汛情的监测以及次生洪涝灾害的处置。",
        "市气象局负责提供预警预报所需的气象资料信息，对灾区的气象条件进行监测预报。",
        "6.3 医疗救护和卫生防疫",
        "市卫生健康委负责组织开展医疗救治工作，做好灾区的疾病预防控制和卫生监督工作。",
        "市农业农村局、市红十字会负责组织灾区动物疫病的预防、控制和扑灭工作。",
    ])
    ds = xltools.import_text(text)
    assert [(t.category, t.units) for t in ds.tasks] == [
        ("应急调查、监测和治理", ["市自然资源局"]), ("应急调查、监测和治理", ["市水利局"]),
        ("应急调查、监测和治理", ["市气象局"]), ("医疗救护和卫生防疫", ["市卫生健康委"]),
        ("医疗救护和卫生防疫", ["市农业农村局", "市红十字会"])]


def it_reads_items_that_name_their_office_as_a_sentence_of_its_own():
    """「（二）公安部门。协助民政部门做好…」: the office named alone, then its duties."""
    ds = xltools.import_text("\n".join([
        "（一）民政部门。负责流浪乞讨人员的救助管理工作，做好街头救助和护送返乡工作。",
        "（二）公安部门。协助民政部门做好街头救助工作，依法打击组织利用未成年人乞讨等违法犯罪活动。",
        "（三）财政部门。做好救助保护集中活动的经费保障工作。",
    ]))
    assert [(t.number, t.units, t.content[:6]) for t in ds.tasks] == [
        ("一", ["民政部门"], "负责流浪乞讨"), ("二", ["公安部门"], "协助民政部门"), ("三", ["财政部门"], "做好救助保护")]


def it_reads_offices_duties_run_onto_one_line():
    """A page that ran its paragraphs onto one line: 「三、成员单位工作职责 市环保局：负责… 市监察局：负责…」."""
    ds = xltools.import_text(
        "扬尘治理联席会议制度 一、联席会议工作职责 负责统筹协调全市扬尘污染整治工作。 二、联席会议组成 联席会议由市政府"
        "分管副秘书长担任主任。 三、联席会议成员单位工作职责 市环保局：负责对全市扬尘污染整治工作实施统一监督管理。"
        " 市监察局：负责对扬尘污染整治工作不力等失职行为进行责任追究。 市住建委：负责建筑施工工地扬尘污染的防治和管理。")
    assert [(t.units, t.content[:6]) for t in ds.tasks] == [
        (["市环保局"], "负责对全市扬"), (["市监察局"], "负责对扬尘污"), (["市住建委"], "负责建筑施工")]


def it_reads_offices_named_as_sentences_of_their_own_in_a_run_on_plan():
    """「…各组成单位及其职责如下：县环保局。负责…。县交通局、公路局。负责…」 on one line, the plan's sections numbered."""
    ds = xltools.import_text(
        "秸秆禁烧工作实施方案 一、指导思想 以保护大气环境质量为目标，严禁燃烧秸秆。 二、目标任务 5月底到9月底全县秸秆禁烧。"
        " 三、组织领导及职责分工 县政府成立秸秆禁烧工作领导小组，各组成单位及其职责如下：县生态环境分局。负责对全县秸秆禁烧"
        "工作实施统一监督，并承担县禁烧办的日常工作。县交通运输局、县公路局。负责对国道、省道两侧燃烧秸秆情况的巡查。"
        "县农业农村局。负责全县农作物秸秆综合利用工作的督导。")
    assert [(t.units, t.content[:6]) for t in ds.tasks] == [
        (["县生态环境分局"], "负责对全县秸"), (["县交通运输局", "县公路局"], "负责对国道、"), (["县农业农村局"], "负责全县农作")]


def it_reads_sectors_sharing_one_department_and_everyone_else_closed_by_deng():
    """「商务、供销、市场监管部门负责…」: three sectors' departments; 「自然资源和规划部门负责…」: one sector's; 「财政、公安等
    其他部门和单位应当…」: the sectors named, the others not."""
    ds = xltools.import_text("\n".join([
        "其他相关部门和单位履行以下职责：",
        "发展和改革部门负责将生活垃圾分类工作纳入循环经济发展等规划；",
        "自然资源和规划部门负责将生活垃圾分类设施建设内容纳入相关规划；",
        "商务、供销、市场监管部门负责可回收物的回收和综合利用的监督管理等工作；",
        "财政、公安、交通运输等其他部门和单位应当按照各自职责，做好生活垃圾分类相关工作。",
    ]))
    assert [t.units for t in ds.tasks] == [
        ["发展和改革部门"], ["自然资源和规划部门"], ["商务", "供销", "市场监管部门"], ["财政", "公安", "交通运输"]]


def it_takes_the_clause_sentence_of_a_group_out_of_its_text():
    """「1.煤矿安全督查组。由市经委牵头组织实施。」: the group is the task, the sentence says who leads it."""
    ds = xltools.import_text("\n".join([
        "（一）市级专项督查组分别是",
        "1.煤矿安全督查组。由市应急管理局牵头组织实施。",
        "2.铁路安全督查组。由某某车务段牵头组织实施。",
        "3.道路交通、水上交通安全督查组。由市公安局、市交通运输局牵头组织实施。",
    ]))
    assert [(t.content, t.lead_units) for t in ds.tasks] == [
        ("煤矿安全督查组。", ["市应急管理局"]), ("铁路安全督查组。", ["某某车务段"]),
        ("道路交通、水上交通安全督查组。", ["市公安局", "市交通运输局"])]


def it_reads_the_duties_a_news_report_shares_out_in_one_paragraph():
    """「某某要求，各成员单位要…。市公安局要…；市卫健委要…；团市委要…；市属新闻单位要…。」: the leader's words before them
    are no task; each office's sentence is one, as printed."""
    ds = xltools.import_text("\n".join([
        "本报讯 10月10日，我市召开马拉松赛事工作会议。",
        "某某要求，赛事组委会成员单位要抓住关键，高效有序做好各项重点工作。市公安局要提前制订好赛事安保、交通管制方案；"
        "市卫生健康委要落实好赛事医疗保障各项举措；团市委要切实抓好志愿者招募培训工作；市属新闻单位要积极做好赛事宣传工作。",
    ]))
    assert [(t.units, t.content[:6]) for t in ds.tasks] == [
        (["市公安局"], "市公安局要提"), (["市卫生健康委"], "市卫生健康委"), (["团市委"], "团市委要切实"),
        (["市属新闻单位"], "市属新闻单位")]


def it_leaves_an_adverb_before_the_modal_out_of_the_offices_name():
    from xltools.ingest.readers.items import duty_paragraph

    assert duty_paragraph("各驻区生态环境局还要同时报送考试期间各考点的值班表。", among=True)[1] == {"units": "各驻区生态环境局"}


def it_reads_an_offices_duties_numbered_as_points_after_its_label():
    """「交警大队：1.…。2.…。3.…」: each point is a task of the office, numbered as printed."""
    ds = xltools.import_text("\n".join([
        "案由：关于整治校园周边环境的提案",
        "进展情况：",
        "交警大队：1.学校门口设护学岗维护交通秩序。2.学生上下学期间在相关路段安排警力维持秩序。",
        "市场监管局：1.开展春季校园周边餐饮单位食品安全专项行动。2.加强辖区日常监管和双随机抽查。",
        "城管执法局：1.集中整顿校园周边乱停乱放和占道经营。2.对人流量大的学校进行巡查督导。",
    ]))
    assert [(t.number, t.units, t.content[:6]) for t in ds.tasks] == [
        ("1", ["交警大队"], "学校门口设护"), ("2", ["交警大队"], "学生上下学期"), ("1", ["市场监管局"], "开展春季校园"),
        ("2", ["市场监管局"], "加强辖区日常"), ("1", ["城管执法局"], "集中整顿校园"), ("2", ["城管执法局"], "对人流量大的")]
