"""A 分工方案 printed to PDF as paragraphs (no table): the printed lines are joined back into the paragraphs they
wrap before the items are read. A line ends its paragraph when the next is indented (a first-line indent) or set
in another size (the title), when it stops short of the edge as a last line does, or when the next line opens a
paragraph by its words (a role's key, the next number of the count) — never inside an open bracket. A line that
fills the width goes on, whatever it ends with; a numbered paragraph's lines wrapping under its text (Word's
hanging indent) are one paragraph. Page numbers are no text.

The fixtures are written for the test in the shape of a county's 任务分工方案 (body 16 pt, 24 characters a line).
"""

from __future__ import annotations

import pytest
from test_import_pdf_cells import _line

import xltools
from xltools.ingest.readers.wrapping import PAGE_NUMBER, paragraphs, unwrap_copied

LEFT, SIZE = 100.0, 16.0
RIGHT = LEFT + 24 * SIZE  # the furthest a body line reaches


def _at(text: str, indent: int = 0, size: float = SIZE) -> dict:
    return _line(text, LEFT + indent * size, size)


def _full(text: str, indent: int = 0) -> dict:
    """A justified line: its characters spread to the right edge."""
    line = _at(text, indent)
    assert RIGHT - 1.5 * SIZE < line["x1"] <= RIGHT + SIZE, "a full line for the test must about fill it"
    return {**line, "x1": RIGHT}


def it_joins_the_wrapped_lines_of_indented_paragraphs():
    lines = [_at("附件"),
             _at("县农村工作任务分工方案", 3, 22.0),
             _full("1.推进农村人居环境整治，完成改厕1200户，新建", 2),
             _full("农村公路15公里，改造危桥3座，建设美丽乡村示范村"),
             _at("5个（县农业农村局牵头，县交通局配合）。"),
             _full("2.实施农村饮水安全巩固提升工程，新建集中供水站", 2)]
    assert paragraphs(lines) == [
        "附件", "县农村工作任务分工方案",
        "1.推进农村人居环境整治，完成改厕1200户，新建农村公路15公里，改造危桥3座，建设美丽乡村示范村5个"
        "（县农业农村局牵头，县交通局配合）。",
        "2.实施农村饮水安全巩固提升工程，新建集中供水站"]


def it_goes_on_after_a_line_that_wraps_short_of_the_edge_before_a_piece_that_may_not_be_split():
    # Word keeps 「盲”」 together and never ends a line on 「“」: the line stops one and a half characters short
    wrapped = _line("1.加强应急预案演练，完善演练制度，推进“双", LEFT + 2 * SIZE, SIZE)
    assert RIGHT - wrapped["x1"] < 2.5 * SIZE
    assert paragraphs([_full("为做好应急体系建设工作，现将任务分工如下，请各", 2), _at("单位认真落实。"),
                        wrapped, _at("盲”演练（责任单位：市应急局）。")])[1:] == [
        "1.加强应急预案演练，完善演练制度，推进“双盲”演练（责任单位：市应急局）。"]


def it_ends_a_line_that_stops_short_where_the_next_words_would_have_fitted():
    lines = [_full("为做好应急体系建设工作，现将任务分工如下，请各", 2), _at("单位认真落实。"),
             _at("一、完善应急预案体系", 2), _at("1.修订总体应急预案。", 2)]
    assert paragraphs(lines)[1:] == ["一、完善应急预案体系", "1.修订总体应急预案。"]


@pytest.mark.parametrize("after", ["责任单位：县教育局、县财政局", "4.推进县城供热管网改造，年底前完成"])
def it_starts_a_paragraph_at_a_key_or_the_next_number_in_a_flush_layout(after):
    """No indent anywhere: a line filled to the edge still ends where a key line or the next item starts."""
    lines = [_full("3.新建县第二中学教学楼及配套设施，完成主体工程"),
             _full("并投入使用，新增学位1200个，同步建设学生宿舍楼"), _at(after)]
    assert paragraphs(lines)[-1] == after


def it_keeps_a_clause_whole_when_its_key_wraps_to_the_next_line():
    lines = [_full("5.建成县残疾人综合服务中心大楼（县残联牵头；完成"), _at("时限：12月底前）。")]
    assert paragraphs(lines) == ["5.建成县残疾人综合服务中心大楼（县残联牵头；完成时限：12月底前）。"]


def it_keeps_a_numbered_paragraph_whole_under_a_hanging_indent():
    first = _full("1.进一步增强政策文件制定实施的透明度与可预期性，")  # text after 「1.」 starts one character in
    hanging = LEFT + SIZE
    lines = [first, _line("提振市场主体信心，持续打造更优营商环境", hanging, SIZE),
             _at("2.开设行业帮扶政策公开专题。")]
    assert first["chars"][2]["x0"] == pytest.approx(hanging)
    assert paragraphs(lines) == ["1.进一步增强政策文件制定实施的透明度与可预期性，提振市场主体信心，持续打造更优营商环境",
                                  "2.开设行业帮扶政策公开专题。"]


@pytest.mark.parametrize("line", ["- 3 -", "— 12 —", "－ 2 －", "7", "第 2 页", "第3页，共8页"])
def it_knows_a_page_number(line):
    assert PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line", ["2024年", "3.推进", "12月底前"])
def it_does_not_take_a_short_line_of_text_for_a_page_number(line):
    assert not PAGE_NUMBER.match(line)


# -- text copied out of a PDF viewer: the same, by the width of each line's characters ----------------------------
_COPIED = """附件
县2024年民生实事任务分工方案
一、教育医疗
1．新建县第二中学教学楼及配套设施，完成主体工程
并投入使用，新增学位1200个，同步建设学生宿舍楼。
牵头单位：县教育局
责任单位：县财政局、县自然资源局、县住房和城乡建设
局、县发展和改革局
2．实施县人民医院急诊综合楼改造，新增床位200张，
完善胸痛、卒中、创伤中心建设，年底前投入使用。
牵头单位：县卫生健康局
责任单位：县财政局、县民政局、各乡镇人民政府、荒湖管
理区、县经济开发区
3．建成投用沿浦、宜山、莒溪、炎亭、望里、赤溪、岱
岭、灵溪浦亭等8家乡镇卫生院（牵头单位：县卫健局）
二、城乡建设
4．完成城区老旧小区改造12个，涉及居民1860户，同
步完善雨污分流、停车和养老托育等配套设施建设。
牵头单位：县住房和城乡建设局
责任单位：各街道办事处
"""


def it_joins_the_wrapped_lines_of_text_copied_out_of_a_pdf():
    lines = unwrap_copied(_COPIED).split("\n")
    assert lines[3:6] == ["1．新建县第二中学教学楼及配套设施，完成主体工程并投入使用，新增学位1200个，同步建设学生宿舍楼。",
                          "牵头单位：县教育局", "责任单位：县财政局、县自然资源局、县住房和城乡建设局、县发展和改革局"]
    assert lines[6] == "2．实施县人民医院急诊综合楼改造，新增床位200张，完善胸痛、卒中、创伤中心建设，年底前投入使用。"
    assert lines[-2:] == ["牵头单位：县住房和城乡建设局", "责任单位：各街道办事处"]


def it_imports_text_copied_out_of_a_pdf_as_its_paragraphs():
    import xltools

    tasks = xltools.import_text(_COPIED).tasks
    assert [t.number for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[0].content.endswith("同步建设学生宿舍楼。") and tasks[0].lead_units == ["县教育局"]
    assert tasks[0].units == ["县财政局", "县自然资源局", "县住房和城乡建设局", "县发展和改革局"]
    assert tasks[1].units == ["县财政局", "县民政局", "各乡镇人民政府", "荒湖管理区", "县经济开发区"]
    assert tasks[2].content == "建成投用沿浦、宜山、莒溪、炎亭、望里、赤溪、岱岭、灵溪浦亭等8家乡镇卫生院"
    assert tasks[2].lead_units == ["县卫健局"] and tasks[2].category == "教育医疗"
    assert tasks[3].category == "城乡建设" and tasks[3].units == ["各街道办事处"]


@pytest.mark.parametrize("text", [
    # typed, a paragraph a line (a Word or web copy): lines of every width
    "一、教育医疗\n1．新建县第二中学教学楼及配套设施，完成主体工程并投入使用，新增学位1200个。\n牵头单位：县教育局\n"
    "2．实施县人民医院急诊综合楼改造。\n牵头单位：县卫生健康局\n4．完成城区老旧小区改造12个，涉及居民1860户，同步完善配套设施。\n"
    "牵头单位：县住房和城乡建设局\n",
    # key lines alike, each under its item: as wide as each other, none going on into the next
    "1．城镇新增就业(人)\n责任单位：市人力资源社会保障局\n2．城镇失业人员再就业(人)\n责任单位：市人力资源社会保障局\n"
    "3．就业困难人员就业(人)\n责任单位：市人力资源社会保障局\n4．城镇登记失业率低于(%)\n责任单位：市人力资源社会保障局\n",
])
def it_leaves_text_whose_lines_show_no_wrap_as_it_is(text):
    assert unwrap_copied(text) is None


def it_joins_a_clause_left_open_at_a_lines_end_in_a_short_copy():
    """A short list copied out of a PDF viewer shows too few full lines to find the wrap; a bracket left open at a
    line's end and closed on the next line is still one clause (reviewer's M3)."""
    text = ("附件\n2025年重点工作任务分工\n一、建设法治政府\n1.全面推行行政执法“三项制度”。（牵头单位：县司法局；\n"
            "配合单位：县直各执法部门）\n2.规范重大行政决策程序。（牵头单位：县政府办）\n二、打造区域物流中心\n"
            "3.建成县级物流园区一期工程。（牵头单位：县商务局；配\n合单位：县交通运输局）\n")
    tasks = xltools.import_text(text).tasks
    assert [(t.number, t.lead_units, t.units) for t in tasks] == [
        ("1", ["县司法局"], ["县直各执法部门"]), ("2", ["县政府办"], []), ("3", ["县商务局"], ["县交通运输局"])]
