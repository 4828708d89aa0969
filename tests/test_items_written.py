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


def it_takes_no_title_for_a_task_when_numbered_items_follow_its_key_lines():
    got = _read("附件\n城区学校建设任务\n牵头单位：市教育局\n责任单位：市财政局、市自然资源局\n"
                "1.新建中小学校3所，新增学位5400个。\n2.改扩建幼儿园5所。\n3.建设教师周转宿舍200套。\n")
    assert "城区学校建设任务" not in [g[2] for g in got]
    assert [g[0] for g in got] == ["1", "2", "3"]


def it_reads_no_names_from_a_sentence_before_a_deadline_key():
    from xltools.ingest.readers.items import parse_clause

    assert "units" not in parse_clause("各乡镇要高度重视；时间节点：2024年6月底")
    assert parse_clause("县发改局牵头，县财政局配合；时间节点：2024年6月底")["lead"] == "县发改局"


def it_gives_a_headings_key_lines_to_the_numbered_items_under_it():
    """Key lines between a heading and its numbered items (the items naming no units of their own) are the units of
    those items; the heading is their category. Key lines after an item's points stay the item's."""
    got = _read("附件\n重点任务分工\n（一）城区学校建设\n牵头单位：市教育局\n责任单位：市财政局\n1.新建中小学校3所，新增学位5400个。\n"
                "2.改扩建幼儿园5所。\n（二）医疗卫生\n牵头单位：市卫健委\n1.新建社区卫生服务中心2个。\n2.改造乡镇卫生院3所。\n")
    assert got == [("1", "城区学校建设", "新建中小学校3所，新增学位5400个。", ["市教育局"], ["市财政局"], ""),
                   ("2", "城区学校建设", "改扩建幼儿园5所。", ["市教育局"], ["市财政局"], ""),
                   ("1", "医疗卫生", "新建社区卫生服务中心2个。", ["市卫健委"], [], ""),
                   ("2", "医疗卫生", "改造乡镇卫生院3所。", ["市卫健委"], [], "")]


def it_gives_the_key_lines_under_an_unnumbered_heading_to_the_items_below():
    got = _read("附件\n2024年重点任务清单\n教育事业\n牵头单位：市教育局\n1.新建中小学校3所。\n2.改扩建幼儿园5所。\n"
                "卫生事业\n牵头单位：市卫健委\n3.建设社区卫生服务中心2个。\n4.推进县域医共体建设。\n")
    assert [(g[0], g[1], g[3]) for g in got] == [("1", "教育事业", ["市教育局"]), ("2", "教育事业", ["市教育局"]),
                                                 ("3", "卫生事业", ["市卫健委"]), ("4", "卫生事业", ["市卫健委"])]


def it_keeps_key_lines_after_the_items_as_the_last_items_own():
    """Key lines after the items (not between the heading and them) are read as before: the item above them."""
    got = _read("附件\n任务分工\n一、推进城市更新。\n1.改造老旧小区20个。\n2.新增停车位3000个。\n牵头单位：市住建局\n"
                "二、提升教育质量。\n1.新建学校3所。\n2.新增学位5400个。\n牵头单位：市教育局\n")
    assert [(g[0], g[3]) for g in got] == [("1", []), ("2", ["市住建局"]), ("1", []), ("2", ["市教育局"])]


def it_keeps_a_numbered_items_title_over_its_description_in_its_text():
    """Each numbered item a short title, a line of description, then its key lines: the title is the item's text,
    not a heading (only where another unnumbered line with its own key lines follows is it a heading)."""
    got = _read("附件\n2024年民生实事项目\n1.实施城区学校建设工程\n新建中小学校3所，新增学位5400个\n责任单位：市教育局\n"
                "完成时限：2024年9月\n2.推进老旧小区改造\n改造老旧小区20个，惠及居民4000户\n责任单位：市住建局\n"
                "完成时限：2024年11月\n3.建设口袋公园\n新建口袋公园10个\n责任单位：市园林局\n完成时限：2024年10月\n")
    assert [(g[0], g[1], g[2].split("\n")[0]) for g in got] == [
        ("1", "", "实施城区学校建设工程"), ("2", "", "推进老旧小区改造"), ("3", "", "建设口袋公园")]


def it_reads_a_number_typed_with_the_ideographic_full_stop():
    got = _read("附件\n民生实事\n1。推动轨道交通加速成网。（牵头单位：市住建局）\n2。打通中心城区断头路20条。（牵头单位：市住建局）\n")
    assert [(g[0], g[2], g[3]) for g in got] == [("1", "推动轨道交通加速成网。", ["市住建局"]),
                                                 ("2", "打通中心城区断头路20条。", ["市住建局"])]


def it_keeps_a_tasks_own_points_under_its_key_lines_in_its_text():
    """A numbered task sentence, its key lines, then its points （1）…； （2）…。: one task, not a heading over two."""
    got = _read('附件\n2024年重点工作任务分解\n1.推进城市更新行动，提升城市品质。\n牵头单位：区住建局\n责任单位：各街道办事处\n（1）改造老旧小区15个；\n（2）新建口袋公园5个。\n2.优化营商环境，深化“放管服”改革。\n牵头单位：区政务服务中心\n（1）推行“一件事一次办”；\n（2）实现高频事项全程网办。\n')
    assert [g[0] for g in got] == ["1", "2"]
