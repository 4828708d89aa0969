"""Shapes found by laying real keys out by unit, in key-value blocks and bare (tests/test_corpus_typed_sections.py):
each rule here with a list written for the test, in the shape offices write it."""

from __future__ import annotations

import pytest

import xltools


def _read(text: str) -> list[tuple]:
    ds = xltools.import_text(text)
    return [(t.number, t.category, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks]


def it_reads_a_notice_assigning_a_single_task():
    """A notice whose list is one paragraph, unnumbered, closed by its clause (a one-row list): that paragraph is
    the task; the notice's own lines, signature and date are not."""
    got = _read("关于做好城区背街小巷整治工作的通知\n各乡镇人民政府，县政府各部门：\n"
                "为改善城区人居环境，经县政府同意，现就有关事项通知如下。\n"
                "完成城区32条背街小巷路面、排水和照明改造（县住建局牵头，县财政局、县城管局配合；完成时限：2024年10月底前）。\n"
                "某县人民政府办公室\n2024年3月8日\n")
    assert got == [("", "", "完成城区32条背街小巷路面、排水和照明改造", ["县住建局"], ["县财政局", "县城管局"],
                    "2024年10月底前")]


def it_gives_a_key_line_above_items_to_every_item_under_it():
    """A 分工方案 whose key line stands once above the tasks it governs: the line is theirs, not the item's above it
    — the list's first key line stands before any item, and each is followed by an item."""
    got = _read("附件\n城区建设重点任务分工\n\n牵头单位：市住建局；配合单位：市财政局\n1.改造老旧小区20个。\n2.新增停车位3000个。\n"
                "责任单位：市教育局、市发展改革委\n3.新建中小学校3所。\n4.改扩建幼儿园5所。\n5.新增学位5400个。\n")
    assert [(g[0], g[3], g[4]) for g in got] == [
        ("1", ["市住建局"], ["市财政局"]), ("2", ["市住建局"], ["市财政局"]),
        ("3", [], ["市教育局", "市发展改革委"]), ("4", [], ["市教育局", "市发展改革委"]), ("5", [], ["市教育局", "市发展改革委"])]


def it_keeps_a_partners_line_under_an_item_its_own_beside_lead_lines_above_items():
    """「牵头单位：X」 heads the items after it; a 「配合单位：Y」 line under one of them is that item's own, even when
    the next 牵头单位 line follows it at once."""
    got = _read("附件\n民生实事项目分工\n\n牵头单位：市公安局\n1.新增安装路口交通信息视频采集设备300套。\n配合单位：市城管局、市财政局\n"
                "牵头单位：市交通委\n2.新辟公交线路10条。\n3.新建公交候车亭50座。\n配合单位：各区政府\n")
    assert [(g[0], g[3], g[4]) for g in got] == [
        ("1", ["市公安局"], ["市城管局", "市财政局"]), ("2", ["市交通委"], []), ("3", ["市交通委"], ["各区政府"])]


def it_gives_a_closing_line_to_every_item_above_it():
    """「以上任务牵头单位：X，配合单位：Y」 and 「（以上由A、B负责，完成时限：…）」 close a group: every item since the
    last such line (or its heading) has those units."""
    got = _read("附件\n政务公开任务分解\n一、加强政策解读\n1.做好政策文件解读。\n2.开展政策吹风会。\n"
                "以上任务牵头单位：县政府办，配合单位：县融媒体中心\n3.办好政府开放日活动。\n"
                "（以上由县直各部门、各乡镇人民政府负责，完成时限：持续推进）\n二、优化政务服务\n4.推进一网通办。\n"
                "（以上由县政务服务中心牵头，县大数据中心配合）\n")
    assert [(g[0], g[1], g[3], g[4], g[5]) for g in got] == [
        ("1", "加强政策解读", ["县政府办"], ["县融媒体中心"], ""), ("2", "加强政策解读", ["县政府办"], ["县融媒体中心"], ""),
        ("3", "加强政策解读", [], ["县直各部门", "各乡镇人民政府"], "持续推进"),
        ("4", "优化政务服务", ["县政务服务中心"], ["县大数据中心"], "")]


def it_reads_a_unit_heading_over_items_naming_their_partners_as_their_lead():
    """A 责任清单 grouped under each lead unit's heading (「一、国家发展改革委」, 「县财政局：」), the items naming only
    who cooperates: the heading's unit leads each item under it, and is neither a category nor a task."""
    got = _read("附件\n重点工作责任分工\n\n一、市发展改革委\n1.地区生产总值增长6%左右（市统计局配合）。\n2.推进重大项目建设。\n"
                "二、市财政局\n1.一般公共预算收入增长5%（市税务局配合）。\n")
    assert got == [("1", "", "地区生产总值增长6%左右", ["市发展改革委"], ["市统计局"], ""),
                   ("2", "", "推进重大项目建设。", ["市发展改革委"], [], ""),
                   ("1", "", "一般公共预算收入增长5%", ["市财政局"], ["市税务局"], "")]
    got = _read("附件\n重点工作责任分工\n\n一、民生保障\n县民政局：\n1.提高城乡低保标准（配合单位：县财政局）。\n"
                "2.建成乡镇敬老院2所。\n县教育局、县住建局牵头：\n3.新建幼儿园3所。\n")
    assert [(g[0], g[1], g[3], g[4]) for g in got] == [
        ("1", "民生保障", ["县民政局"], ["县财政局"]), ("2", "民生保障", ["县民政局"], []),
        ("3", "民生保障", ["县教育局", "县住建局"], [])]


def it_reads_units_that_head_items_naming_nobody():
    """Nothing but headings name units: 「县人社局牵头：」 over its items, or a single 「责任单位：…」 line above the whole
    list — still a list, each item its heading's or line's."""
    got = _read("附件\n民生工程进度公示\n\n县人社局牵头：\n1.城镇新增就业1100人。\n2.发放求职创业补贴。\n"
                "县卫健委牵头：\n1.为65岁以上老年人免费体检。\n")
    assert [(g[0], g[1], g[3]) for g in got] == [("1", "", ["县人社局"]), ("2", "", ["县人社局"]), ("1", "", ["县卫健委"])]
    got = _read("附件\n城区道路提升工程\n\n责任单位：县住建局、县城投公司\n1.改造人民路。\n2.拓宽解放路。\n")
    assert [(g[0], g[4]) for g in got] == [("1", ["县住建局", "县城投公司"]), ("2", ["县住建局", "县城投公司"])]


def it_keeps_a_partners_line_between_two_items_the_item_above():
    """Under a unit's heading, a 「配合单位：…」 line with another item after it is the item's above it, not the
    group's (a partners line closing the group is shared, as before)."""
    got = _read("附件\n重点工作责任分解\n\n（一）市发改委\n1、生产总值增长6%。\n2、固定资产投资增长10%。\n"
                "配合单位：市经信局、市科技局\n3、居民消费价格涨幅控制在3%以内。\n（二）市财政局\n1、推进预算绩效管理。\n"
                "配合单位：市审计局\n")
    assert [(g[0], g[3], g[4]) for g in got] == [
        ("1", ["市发改委"], []), ("2", ["市发改委"], ["市经信局", "市科技局"]), ("3", ["市发改委"], []),
        ("1", ["市财政局"], ["市审计局"])]


def it_reads_headings_that_are_all_unit_names_as_the_units_of_their_items():
    """A 责任清单 by department whose headings of one level are all names of bodies (「一、教体局」 「二、住建局」, no
    市/县 before them) over items naming nobody: each heading names its items' units (its role unsaid: flagged) and
    is no category; headings whose items name their own doers (「（一）举办全市运动会」 ⏎ 「…（市体育局负责）」) are
    categories, whatever their words end with."""
    ds = xltools.import_text("附件\n2024年民生实事项目清单\n\n一、教体局\n1.新建城北小学。\n2.改扩建幼儿园3所。\n"
                             "二、住建局\n1.改造老旧小区12个。\n")
    assert [(t.number, t.category, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "", [], ["教体局"]), ("2", "", [], ["教体局"]), ("1", "", [], ["住建局"])]
    assert all(t.doubt for t in ds.tasks)
    got = _read("附件\n体育工作要点\n（一）举办全市运动会\n1.筹备开幕式（市体育局负责）。\n（二）召开全民健身大会\n"
                "1.总结表彰先进（市体育总会负责）。\n")
    assert [(g[1], g[4]) for g in got] == [("举办全市运动会", ["市体育局"]), ("召开全民健身大会", ["市体育总会"])]


def it_reads_a_first_item_whose_text_opens_with_digits_under_its_heading():
    """「三、交通局」 ⏎ 「1.2024年农村公路…」: the heading's first item, numbered 1 (not a decimal 1.2024)."""
    got = _read("附件\n民生实事分工\n\n一、县教育局\n1.新建幼儿园2所（县财政局配合）。\n二、县交通局\n1.2024年底前完成农村公路改造50公里。\n"
                "2.新建公交候车亭20座（县城管局配合）。\n")
    assert [(g[0], g[2], g[3]) for g in got] == [("1", "新建幼儿园2所", ["县教育局"]),
                                                 ("1", "2024年底前完成农村公路改造50公里。", ["县交通局"]),
                                                 ("2", "新建公交候车亭20座", ["县交通局"])]


def it_ends_the_last_item_at_a_site_pages_tools():
    """A site's page copied as text, its last item naming no unit of its own (its heading names them): 「扫一扫在手机
    打开当前页」, 「上一篇：…」, 「下一篇：…」 after it are the page's tools, not the item's text."""
    got = _read("附件\n主要目标任务责任分解\n（一）区发展和改革局\n1、地区生产总值增长7%以上\n2、固定资产投资增长10%以上\n"
                "（二）区科技和经信局\n3、规上工业增加值增长12%以上\n扫一扫在手机打开当前页\n上一篇：关于做好春季森林防火工作的通知\n"
                "下一篇：没有了\n")
    assert [(g[0], g[2], g[4]) for g in got] == [("1", "地区生产总值增长7%以上", ["区发展和改革局"]),
                                                 ("2", "固定资产投资增长10%以上", ["区发展和改革局"]),
                                                 ("3", "规上工业增加值增长12%以上", ["区科技和经信局"])]


def it_keeps_the_title_under_its_label_out_of_the_categories():
    """A page that keeps no blank line between the list's title (right under 「附件」) and the first key line above the
    items: the title is no heading, so no category."""
    got = _read("附件\n2023年重点工作责任分解\n牵头单位：区发改局\n1、地区生产总值增长6.5%以上。\n2、服务业增加值增长6%。\n"
                "牵头单位：区财政局\n3、一般公共预算收入增长5%。\n")
    assert [(g[0], g[1], g[3]) for g in got] == [("1", "", ["区发改局"]), ("2", "", ["区发改局"]), ("3", "", ["区财政局"])]


def it_adds_units_a_note_in_a_key_line_names_for_every_later_item():
    """「配合单位：A、B（以下均需B配合，不再列出）」 on the first item's key line: the note leaves the names, and B is a
    unit of every item after it (flagged: not printed there)."""
    ds = xltools.import_text("附件\n林业发展规划任务分工\n一、规划目标\n1.森林覆盖率达到30%。\n"
                             "牵头责任单位：营林科，配合单位：局相关科室，各乡镇林业站（以下均需各乡镇林业站配合，不再列出）。\n"
                             "2.林地保有量达到12万公顷。\n责任单位：资源管理科。\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [(["营林科"], ["局相关科室", "各乡镇林业站"]),
                                                           ([], ["资源管理科", "各乡镇林业站"])]
    assert ds.tasks[1].doubt and not ds.tasks[0].doubt


def it_reads_townships_as_bodies_in_unit_headings():
    """A 分工 by 街道 and 乡镇 (「（一）丹凤街道」 「（二）城关镇」): their names are bodies work is assigned to, as offices'
    are — over items naming their partners, the heading leads them."""
    got = _read("附件\n闲置土地处置任务分解\n\n（一）丹凤街道\n1.完成荣海新区批而未供土地处置（县自然资源局配合）。\n"
                "（二）城关镇\n1.完成老城片区闲置土地处置（县住建局配合）。\n")
    assert [(g[0], g[1], g[3], g[4]) for g in got] == [("1", "", ["丹凤街道"], ["县自然资源局"]),
                                                       ("1", "", ["城关镇"], ["县住建局"])]


# -- the reviewer's inputs (session 8, S1–S4): shapes these rules must leave as they were ---------------------------

def it_keeps_key_lines_after_each_item_its_own_under_a_headings_lead_line():
    """S1: a section's 「牵头单位：X」 line under its heading, then items each followed by its own 「责任单位：Y」 line,
    then a later section: each 责任单位 line is the item's above it (a group followed by a heading closes an item)."""
    got = _read("附件\n重点任务分工\n一、产业发展\n牵头单位：县发展改革局\n1.推进工业园区扩区调规。\n责任单位：县工信局\n"
                "2.开展招商引资“百日攻坚”。\n责任单位：县商务局\n二、生态环境\n牵头单位：县生态环境局\n3.完成造林绿化1万亩。\n"
                "责任单位：县林业局\n三、保障措施\n各责任单位要明确专人负责，每月5日前报送工作进展。\n")
    assert [(g[0], g[4]) for g in got if g[0] in ("1", "2", "3")] == [
        ("1", ["县工信局"]), ("2", ["县商务局"]), ("3", ["县林业局"])]


def it_reads_category_headings_as_categories_where_their_items_name_their_own_lead():
    """S2, S4: headings that end like a body's name (「一、数字政府」, 「二、打造区域物流中心」) are categories where an
    item under them names its own lead, and where they name no level or place; only an item naming partners
    (「（县政务服务中心配合）」) does not make them its lead."""
    got = _read("附件\n2025年重点工作任务分工\n一、数字政府\n1.推进政务数据共享。（县政务服务中心配合）\n"
                "2.实现高频事项“掌上办”。（县行政审批局牵头）\n二、着力打造区域物流中心\n3.建成县级物流园区一期工程。（县交通运输局配合）\n")
    assert [(g[1], g[3], g[4]) for g in got] == [("数字政府", [], ["县政务服务中心"]), ("数字政府", ["县行政审批局"], []),
                                                 ("着力打造区域物流中心", [], ["县交通运输局"])]
    got = _read("附件\n2025年政府自身建设重点任务\n一、法治政府\n1.全面推行行政执法“三项制度”。（牵头单位：县司法局）\n"
                "二、数字政府\n2.建成县级数据共享交换平台。（牵头单位：县大数据中心）\n")
    assert [(g[1], g[3]) for g in got] == [("法治政府", ["县司法局"]), ("数字政府", ["县大数据中心"])]


def it_stops_a_closing_line_at_items_with_their_own_units():
    """S3: 「以上任务由X负责」 after items of which the first name their own units: X only for those naming none."""
    got = _read("附件\n重点任务分工\n1.实施工业技改项目20个。（县工信局负责）\n2.新增规上工业企业15家。（县工信局负责）\n"
                "3.完成造林绿化1.5万亩。\n4.开展森林防火专项检查。\n以上任务由县林业局负责。\n")
    assert [(g[0], g[3], g[4]) for g in got] == [("1", [], ["县工信局"]), ("2", [], ["县工信局"]), ("3", [], ["县林业局"]),
                                                 ("4", [], ["县林业局"])]


def it_leaves_a_notices_own_paragraph_out_of_a_one_row_list():
    """S5: a notice whose one paragraph asks everyone it goes to and has them report back (「请各乡镇、各单位认真组织，
    …将活动总结报县爱卫办（责任单位：县卫健委）」) is the notice, not a one-row list; a one-row list's task is flagged."""
    with pytest.raises(xltools.XlError):
        _read("关于开展春季爱国卫生运动的通知\n各乡镇人民政府，县直各单位：\n为改善城乡环境卫生，县爱卫会决定开展春季爱国卫生运动。"
              "请各乡镇、各单位认真组织，4月30日前将活动总结报县爱卫办（责任单位：县卫健委）。\n县爱国卫生运动委员会\n2025年3月20日\n")
    ds = xltools.import_text("关于做好城区背街小巷整治工作的通知\n各乡镇人民政府，县政府各部门：\n"
                             "完成城区32条背街小巷路面改造（县住建局牵头，县财政局配合）。\n某县人民政府办公室\n2024年3月8日\n")
    assert len(ds.tasks) == 1 and ds.tasks[0].doubt


def it_keeps_town_like_category_headings_categories():
    """「一、特色小镇」 is a category (小镇, 乡镇 are no township's name), even over an item naming only partners."""
    got = _read("附件\n重点工作任务分工\n一、特色小镇\n1.完成茶文化特色小镇游客中心建设。（县文旅局配合）\n"
                "二、文明乡镇\n2.创建省级文明乡镇2个。（县委宣传部配合）\n")
    assert [(g[1], g[3], g[4]) for g in got] == [("特色小镇", [], ["县文旅局"]), ("文明乡镇", [], ["县委宣传部"])]


def it_reads_a_leaders_heading_over_one_paragraph_as_its_category():
    """「一、王宏副市长牵头重点工作」 ⏎ one paragraph: the heading names a person in charge (no unit) and is the category of
    the paragraph under it, which is the task — its own offices its units, and no number of its own (the heading's
    counts the leaders, not the measures)."""
    ds = xltools.import_text("\n".join([
        "2021年市政府工作报告重点工作责任分解",
        "一、王宏副市长牵头重点工作",
        "市农业农村局牵头，市商务局配合，加强粮食和重要农产品保障。",
        "二、胡伟副市长牵头重点工作",
        "市商务局牵头，市发改委配合，深入实施消费新政。",
        "三、戴建平常务副市长牵头重点工作",
        "城西科创产业集聚区管委会、市科技局、市发改委、市经信局、市规划和自然资源局、市人力社保局、市地方金融监管局、"
        "市教育局要大力推进城西科创大走廊建设。",
    ]))
    assert [(t.number, t.category, t.lead_units, len(t.units)) for t in ds.tasks] == [
        ("", "王宏副市长牵头重点工作", ["市农业农村局"], 1), ("", "胡伟副市长牵头重点工作", ["市商务局"], 1),
        ("", "戴建平常务副市长牵头重点工作", [], 8)]


# A plan of targets whose units follow a run of them, by count (a 目标管理 plan, 2007, as a traditional-character
# mirror prints it): 「N項目標的責任單位均為X。」 names the last N targets' units, 「該目標責任單位為X。」 the last one's.
TARGETS_GROUPED = """2007年某市人民政府目標管理工作方案
  一、關於目標體系設置
  (一)跨越式發展目標。主要包括8項。
  1.地區生產總值增長15%;
  2.第三產業增加值達到1000億元;
  2項目標的責任單位均為市發展改革委。
  3.規模以上工業銷售收入達到3000億元;
  該目標責任單位為市經委。
  以上3項跨越式發展責任目標分別確定了責任領導和責任單位(見附件1)。
  (二)節能降耗和污染物減排目標。
  1.萬元生產總值能耗下降5%;
  該項目標責任單位為市發展改革委、統計局、經委。
  2.化學需氧量下降4%;
  3.二氧化硫排放量下降4.2%;
  上述2项目标的牵头单位为市環保局。
"""


def it_gives_the_units_named_after_a_run_of_targets_to_as_many_targets_as_it_counts():
    got = [(n, lead, units) for n, _cat, _text, lead, units, _d in _read(TARGETS_GROUPED)]
    assert got == [("1", [], ["市發展改革委"]), ("2", [], ["市發展改革委"]), ("3", [], ["市經委"]),
                   ("1", [], ["市發展改革委", "統計局", "經委"]), ("2", ["市環保局"], []), ("3", ["市環保局"], [])]


def it_leaves_a_count_sentence_alone_where_it_counts_more_targets_than_stand_above_it():
    text = TARGETS_GROUPED.replace("2項目標的責任單位均為市發展改革委。", "5項目標的責任單位均為市發展改革委。")
    got = {n: units for n, _cat, _text, _lead, units, _d in _read(text)[:2]}
    assert got["1"] != ["市發展改革委"]


def it_reads_an_item_that_opens_with_its_year_after_its_number():
    """「1、2024年底前建成…」: after the number's 、 a year opens the item's text (a list of figures, 「3、4月」, opens no
    item); glued into one line too."""
    lines = ["1、2024年底前建成城区污水管网二期工程（责任单位：县住建局）", "2、完成农村改厕1000户（责任单位：县农业农村局）",
             "3、98年元旦升旗活动相关事宜，应事先做好规划（责任单位：县教育局）"]
    for text in ("\n".join(["某县2024年重点工作分工", *lines]), "某县2024年重点工作分工\n" + "。".join(lines) + "。"):
        got = [(n, content[:6], units) for n, _cat, content, _lead, units, _d in _read(text)]
        assert got == [("1", "2024年底", ["县住建局"]), ("2", "完成农村改厕", ["县农业农村局"]),
                       ("3", "98年元旦升", ["县教育局"])]
