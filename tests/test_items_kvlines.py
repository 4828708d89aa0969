"""Units said on a LINE beside the item, not in a bracket clause (issue 25): a 分工方案 or 工作报告分解 copied from a
policy portal glues the labels after the item's 。 on the same line (「1.…增长6.5%。主办单位：X。协办单位：Y。」); another
names who does each item in a sentence on the line under it, without any label (「由A，B、C负责落实」, 「由X牵头，Y配合」);
a text extracted from a Word or PDF original prints its key lines with stray spaces inside the numbers and the
names (「1 . 」, 「县 财政局」, 「自然资源 局」). The notice's own sentences (各主办单位要…, 由…负责督办) are no tasks and
name no units, a 由… inside the work is the work's text, and a space between two whole names still separates them.
Every case is written for the test in the shape of real government text."""

from __future__ import annotations

import pytest

import xltools
from xltools.dataset.units import close_stray_spaces


def _rows(ds):
    return [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]


def _imported(tmp_path, lines: list[str]):
    path = tmp_path / "分解方案.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return xltools.import_source(path)


_NOTICE = [
    "县人民政府关于印发2024年《政府工作报告》主要目标任务分解方案的通知",
    "各乡镇人民政府，县政府各部门：",
    "现将《2024年〈政府工作报告〉主要目标任务分解方案》印发给你们。各主办单位要切实强化组织领导，细化责任分工，"
    "确保各项目标任务按序时推进。各协办单位要积极配合主办单位抓好落实。",
    "县政府督查室要加强督查，由县政府督查室负责督办。",
    "附件：2024年《政府工作报告》主要目标任务分解方案",
    "2024年《政府工作报告》主要目标任务分解方案",
]


def it_reads_the_labels_glued_after_the_items_sentence(tmp_path):
    ds = _imported(tmp_path, [
        *_NOTICE,
        "一、主要预期目标",
        "1.全县地区生产总值增长6.5%左右。主办单位：县发展和改革局、县统计局。协办单位：各乡镇人民政府。",
        "2.一般公共预算收入增长5%。主办单位：县财政局。",
        "3.城镇新增就业3200人。牵头单位：县人力资源和社会保障局；责任单位：各乡镇人民政府、县工业园区管委会。",
        "4.城乡居民人均可支配收入分别增长5.5%和7%。责任单位：县统计局、县农业农村局。",
    ])
    assert _rows(ds) == [
        ("1", "全县地区生产总值增长6.5%左右。", ["县发展和改革局", "县统计局"], ["各乡镇人民政府"]),
        ("2", "一般公共预算收入增长5%。", ["县财政局"], []),
        ("3", "城镇新增就业3200人。", ["县人力资源和社会保障局"], ["各乡镇人民政府", "县工业园区管委会"]),
        ("4", "城乡居民人均可支配收入分别增长5.5%和7%。", [], ["县统计局", "县农业农村局"]),
    ]
    assert {t.category for t in ds.tasks} == {"主要预期目标"}


def it_reads_a_sentence_under_each_item_that_says_who_does_it(tmp_path):
    ds = _imported(tmp_path, [
        *_NOTICE,
        "一、扩大有效投资",
        "1.实施重点项目120个，年度完成投资150亿元。",
        "由县发展改革局，各乡镇人民政府，县经济开发区管委会、县高新区管委会负责落实",
        "2.推进老旧小区改造，由县住建局派驻专人指导督导，年内完成改造小区32个。",
        "由县住建局牵头，县财政局、各街道办事处配合",
        "3.完善城乡供水管网，新建改造管网85公里。",
        "由县水利局、县自来水公司负责",
    ])
    assert _rows(ds) == [
        ("1", "实施重点项目120个，年度完成投资150亿元。", [],
         ["县发展改革局", "各乡镇人民政府", "县经济开发区管委会", "县高新区管委会"]),
        ("2", "推进老旧小区改造，由县住建局派驻专人指导督导，年内完成改造小区32个。", ["县住建局"],
         ["县财政局", "各街道办事处"]),
        ("3", "完善城乡供水管网，新建改造管网85公里。", [], ["县水利局", "县自来水公司"]),
    ]


def it_reads_a_sentence_whose_partners_do_not_all_end_as_offices_do(tmp_path):
    """「由X牵头，Y配合」 on a line of its own names offices by its shape: a customs office or a farm among them is kept
    as printed, while half the names or more must still end as offices do."""
    ds = _imported(tmp_path, [
        "一、稳外贸稳外资",
        "1.进出口总额增长5%。",
        "由区商务局牵头，吴江海关、区税务局配合",
        "2.实际使用外资2亿美元。",
        "由区商务局负责",
        "3.严格道路运输市场准入管理。",
        "由交通运输部门、区市场监管局负责",  # a sector's departments, a unit as in a clause
    ])
    assert [row[2:] for row in _rows(ds)] == [(["区商务局"], ["吴江海关", "区税务局"]), ([], ["区商务局"]),
                                           ([], ["交通运输部门", "区市场监管局"])]


@pytest.mark.parametrize("line", [
    "由县政府督查室负责督办",  # the notice's own follow-up: 督办 is no role of the item's units
    "由县财政局根据项目进度负责拨付",  # words of a sentence between the names and the verb, the work after it
])
def it_takes_no_sentence_for_a_clause_where_the_words_go_on(line, tmp_path):
    ds = _imported(tmp_path, [
        "一、扩大有效投资",
        "1.实施重点项目120个。",
        "由县发展改革局负责",
        "2.推进老旧小区改造32个。",
        line,
        "3.完善城乡供水管网。",
        "由县水利局负责",
    ])
    assert _rows(ds)[1][2:] == ([], [])


def it_reads_key_lines_with_stray_spaces_inside_numbers_and_names(tmp_path):
    ds = _imported(tmp_path, [
        "一 、 承担的重点工作任务及责任分解",
        "",
        "1 . 严格管控地方政府债务，切实保障“三保”支出。",
        "",
        "责任单位：县 财政局",
        "",
        "2 . 推进县城新型城镇化建设，提升县城综合承载能力。",
        "",
        "牵头单位：县 城镇化服务中心",
        "",
        "责任单位： 县发展改革委、住建局 、自然资源 局、 产业集聚区管 委 会",
        "",
        "3 . 加强预算执行审计监督。",
        "",
        "责任单位：县财政局 县审计局",
    ])
    assert _rows(ds) == [
        ("1", "严格管控地方政府债务，切实保障“三保”支出。", [], ["县财政局"]),
        ("2", "推进县城新型城镇化建设，提升县城综合承载能力。", ["县城镇化服务中心"],
         ["县发展改革委", "住建局", "自然资源局", "产业集聚区管委会"]),
        ("3", "加强预算执行审计监督。", [], ["县财政局", "县审计局"]),
    ]


@pytest.mark.parametrize(("text", "closed"), [
    ("县 住建局 、自然资源 局、 大数据局", "县住建局、自然资源局、大数据局"),
    ("各乡镇政府、街道办事处 、伏羲 山管委 会", "各乡镇政府、街道办事处、伏羲山管委会"),
    ("人民 大垸、县税务局", "人民大垸、县税务局"),  # a name that does not end as an office does, broken in two
    ("县财政局 县审计局", "县财政局 县审计局"),  # two whole names: the space separates them
])
def it_closes_the_spaces_a_text_extraction_left_inside_names(text, closed):
    assert close_stray_spaces(text) == closed


def it_keeps_the_space_before_words_that_complete_no_name():
    """A flattened statistics table after the units (「各区政府 鄞州 海曙」): the space after a whole name stays, for the
    item reader to cut the place names off."""
    assert close_stray_spaces("市公安局、各区政府 鄞州 海曙") == "市公安局、各区政府 鄞州海曙"



def it_takes_no_site_footer_glued_after_the_last_item_for_its_units():
    """A page that lost its line breaks glues the site's footer (「主办单位：县人民政府办公室 承办单位：县大数据中心
    网站标识码：…」) after the last item: the site's publisher is not the task's lead."""
    ds = xltools.import_text("1.新建幼儿园2所，新增学位540个。（县教育局负责）\n2.改造提升农村供水工程15处。（县水利局负责）\n"
                             "3.建设城市社区嵌入式服务设施6处。主办单位：县人民政府办公室 承办单位：县大数据中心 "
                             "网站标识码：1234000012\n")
    assert "县人民政府办公室" not in ds.tasks[-1].lead_units + ds.tasks[-1].units
    ds = xltools.import_text("1.新建幼儿园2所，新增学位540个。（县教育局负责）\n2.改造提升农村供水工程15处。（县水利局负责）\n"
                             "3.建设城市社区嵌入式服务设施6处。主办单位：县人民政府办公室 承办单位：县大数据中心 "
                             "联系电话：0556-5123456\n")  # (a footer with a contact field, no registration)
    assert "县人民政府办公室" not in ds.tasks[-1].lead_units + ds.tasks[-1].units
