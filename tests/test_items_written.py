"""Shapes found by writing real keys out as 分工方案 paragraphs (tests/test_corpus_typed.py, forms clause and kv):
each rule here with a list written for the test."""

from __future__ import annotations

import xltools


def _read(text: str) -> list[tuple]:
    ds = xltools.import_text(text)
    return [(t.number, t.category, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks]


def it_reads_a_marker_clause_before_a_deadline_key():
    got = _read("附件\n任务分工\n1.完善预算管理制度（市财政局牵头，市发改委、市审计局配合；完成时限：2025年底）。\n"
                "2.开展专项检查（市审计局牵头；完成时限：6月底前）。\n")
    assert got == [("1", "", "完善预算管理制度", ["市财政局"], ["市发改委", "市审计局"], "2025年底"),
                   ("2", "", "开展专项检查", ["市审计局"], [], "6月底前")]


def it_keeps_a_deadline_written_in_two_parts_whole():
    """「完成时限：5月底前动工；12月底前」 is the deadline as the list prints it (a table's cell gives it whole too);
    only a 进度安排 in steps is cut to its last step."""
    got = _read("附件\n民生实事\n（1）开工建设县老年养护楼。\n责任单位：县民政局\n完成时限：5月底前动工；12月底前\n"
                "（2）建成县残疾人服务中心。\n责任单位：县残联\n完成时限：9月底前\n")
    assert [g[5] for g in got] == ["5月底前动工；12月底前", "9月底前"]


def it_reads_unnumbered_items_whose_text_has_no_stop():
    """A list whose items carry no numbers, each a short line right above its key lines — a table flattened into
    key-value lines. 「新建学校3所」 ends like an office (所) but stands above its key line: no signature."""
    got = _read("附件\n目标任务责任分解\n\n推进河西片区配套建设\n牵头单位：市商务局\n责任单位：市规划局、高新区\n"
                "新建学校3所\n责任单位：市教育局\n地区生产总值增长7%\n牵头单位：市发改委\n责任单位：市统计局\n")
    assert got == [("", "", "推进河西片区配套建设", ["市商务局"], ["市规划局", "高新区"], ""),
                   ("", "", "新建学校3所", [], ["市教育局"], ""),
                   ("", "", "地区生产总值增长7%", ["市发改委"], ["市统计局"], "")]


def it_never_makes_a_task_of_a_key_line_alone():
    got = _read("附件\n重点项目认领表\n\n园区道路\n责任单位：市交通局\n科创中心二期\n责任单位：开发区管委会\n")
    assert [g[2] for g in got] == ["园区道路", "科创中心二期"]
    assert all(g[2] for g in got)


def it_reads_a_heading_over_unnumbered_key_value_items():
    got = _read("附件\n重点任务分工\n一、宏观调控\n地区生产总值增长率\n责任单位：区发改局、区统计局\n"
                "城镇新增就业人数\n责任单位：区人社局\n二、社会事业\n新建学校3所\n责任单位：区教育局\n")
    assert got == [("", "宏观调控", "地区生产总值增长率", [], ["区发改局", "区统计局"], ""),
                   ("", "宏观调控", "城镇新增就业人数", [], ["区人社局"], ""),
                   ("", "社会事业", "新建学校3所", [], ["区教育局"], "")]


def it_reads_parts_as_headings_over_numbered_items():
    """「第一部分　主要预期目标」 heads items numbered 一、 二、 again in each part."""
    got = _read("附件\n重点任务分工\n第一部分　主要预期目标\n一、地区生产总值增长6%左右（牵头单位：区发改局）\n"
                "二、城镇新增就业1万人（牵头单位：区人社局）\n第二部分　重点工作\n一、推进城市更新（区住建局牵头，区财政局配合）\n")
    assert got == [("一", "主要预期目标", "地区生产总值增长6%左右", ["区发改局"], [], ""),
                   ("二", "主要预期目标", "城镇新增就业1万人", ["区人社局"], [], ""),
                   ("一", "重点工作", "推进城市更新", ["区住建局"], ["区财政局"], "")]


def it_still_reads_a_wrapped_numbered_item_above_its_key_lines():
    """A numbered item whose text a PDF wrapped: the second line is its text, not an item under a heading."""
    long = "加快推进城市更新行动，完成老旧小区改造二十个，新增停车位三千个，提升群众居住"
    got = _read(f"附件\n任务分工\n1.{long}\n环境\n牵头单位：市住建局\n2.{long}\n品质\n牵头单位：市城管局\n"
                f"3.{long}\n水平\n牵头单位：市规划局\n")
    assert [g[2] for g in got] == [long + "环境", long + "品质", long + "水平"]
