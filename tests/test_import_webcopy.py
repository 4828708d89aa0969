"""Tables copied out of a web page whose category cells are merged over rows — only a category's first row has that
cell — as one cell per line, as cells each followed by a line 「|」, or as ` | ` rows; rows numbered 1 2 3 or 一 二 三.
Each rule found by copying real keys this way (tests/test_corpus_typed.py); the lists here are written for the test."""

from __future__ import annotations

import xltools
from xltools.ingest.table import cell_kind

ROWS = [["序号", "主要任务", "工作任务", "牵头单位", "责任单位"],
        ["1", "稳定经济增长", "地区生产总值增长6%左右", "区发改局", "区统计局、各街道"],
        ["2", "规上工业增加值增长8%", "区经信局", "区统计局"],
        ["3", "社会消费品零售总额增长7%", "区商务局", "区统计局、各街道"],
        ["4", "改善民生", "新建城区幼儿园2所", "区教育局", "区财政局、区住建局"],
        ["5", "改造老旧小区12个", "区住建局", "各街道"]]
WANT = [("1", "稳定经济增长", "地区生产总值增长6%左右", ["区发改局"], ["区统计局", "各街道"]),
        ("2", "稳定经济增长", "规上工业增加值增长8%", ["区经信局"], ["区统计局"]),
        ("3", "稳定经济增长", "社会消费品零售总额增长7%", ["区商务局"], ["区统计局", "各街道"]),
        ("4", "改善民生", "新建城区幼儿园2所", ["区教育局"], ["区财政局", "区住建局"]),
        ("5", "改善民生", "改造老旧小区12个", ["区住建局"], ["各街道"])]


def _read(text: str) -> list[tuple]:
    return [(t.number, t.category, t.content, t.lead_units, t.units) for t in xltools.import_text(text).tasks]


def it_reads_one_cell_per_line_with_the_category_merged_after_the_number():
    """「规上工业增加值增长8%」 is short and fits a category as well as a text: the row lacks one cell, and the cell a
    row lacks under a merged category is the category."""
    assert _read("附件\n2025年重点工作任务分解\n" + "\n".join(c for row in ROWS for c in row) + "\n") == WANT


def it_reads_cells_closed_by_bar_lines_below_a_title():
    """The label and title above the first cell are no cell of the table."""
    text = "附件\n2025年重点工作任务分解\n" + "\n".join(x for row in ROWS for c in row for x in (c, "|")) + "\n"
    ds = xltools.import_text(text)
    assert ds.title == "2025年重点工作任务分解"
    assert [(t.number, t.category, t.content, t.lead_units, t.units) for t in ds.tasks] == WANT


def it_reads_rows_numbered_in_chinese_numerals_in_a_stream():
    rows = [["序号", "工作任务", "责任单位"], ["一", "推进城市更新", "区住建局"], ["二", "新建学校2所", "区教育局"],
            ["三", "改造农村公路", "区交通局"]]
    text = "附件\n任务分工\n" + "\n".join(x for row in rows for c in row for x in (c, "|")) + "\n"
    assert [(t.number, t.content) for t in xltools.import_text(text).tasks] == [
        ("一", "推进城市更新"), ("二", "新建学校2所"), ("三", "改造农村公路")]


def it_reads_pipe_rows_numbered_in_chinese_numerals_whose_category_was_lost():
    text = ("任务分工\n序号 | 主要任务 | 工作任务 | 责任单位 |\n一 | 稳定增长 | 推进重大项目建设，今年投资30亿元。 | 区发改局 |\n"
            "二 | 扩大有效投资，新开工项目20个。 | 区发改局、区财政局 |\n三 | 促进消费 | 举办消费节活动10场。 | 区商务局 |\n")
    assert [(t.number, t.category, t.content[:6]) for t in xltools.import_text(text).tasks] == [
        ("一", "稳定增长", "推进重大项目"), ("二", "稳定增长", "扩大有效投资"), ("三", "促进消费", "举办消费节活")]


def it_takes_offices_with_a_few_bare_places_among_them_for_units():
    assert cell_kind("机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局") == "unit"
    assert cell_kind("稳增长、促改革、调结构") != "unit"


def it_keeps_a_category_printed_on_every_row_when_another_cell_is_missing():
    """Categories printed on every row (产业发展 twice running): a row one cell short lacks some other cell (an empty
    完成时限 vanished), never the category."""
    cells = ["序号", "类别", "工作任务", "责任单位", "完成时限",
             "1", "产业发展", "推进工业园区标准厂房建设10万平方米", "县工信局", "2024年底",
             "2", "产业发展", "加快农产品加工企业技术改造", "县农业农村局", "2024年10月底",
             "3", "民生保障", "新建城区公办幼儿园2所", "县教育局",
             "4", "民生保障", "改造农村危房200户", "县住建局", "2024年11月底"]
    for text in ("\n".join(cells), "\n".join(f"{c}\n|" for c in cells)):
        got = [(t.number, t.category, t.content, t.units, t.deadline) for t in xltools.import_text(
            "附件\n2024年重点任务清单\n" + text + "\n").tasks]
        assert got[2] == ("3", "民生保障", "新建城区公办幼儿园2所", ["县教育局"], "")
        assert got[1][1:3] == ("产业发展", "加快农产品加工企业技术改造")


def it_reads_a_new_category_row_that_lost_another_cell():
    """Merged categories, and the first row of a new category lost its empty 完成时限: its first cells are a
    category and a task, as printed."""
    cells = ["序号", "类别", "工作任务", "责任单位", "完成时限",
             "1", "产业发展", "推进工业园区标准厂房建设10万平方米", "县工信局", "2024年底",
             "2", "加快农产品加工企业技术改造", "县农业农村局", "2024年10月底",
             "3", "民生保障", "新建城区公办幼儿园2所", "县教育局",
             "4", "改造农村危房200户", "县住建局", "2024年11月底"]
    got = [(t.number, t.category, t.content) for t in xltools.import_text(
        "附件\n2024年重点任务清单\n" + "\n".join(cells) + "\n").tasks]
    assert got == [("1", "产业发展", "推进工业园区标准厂房建设10万平方米"), ("2", "产业发展", "加快农产品加工企业技术改造"),
                   ("3", "民生保障", "新建城区公办幼儿园2所"), ("4", "民生保障", "改造农村危房200户")]


def it_keeps_a_task_cells_points_copied_one_a_line_in_the_task():
    """A table numbered row by row copied one cell a line, one task cell listing its steps 1. 2. 3. on lines of
    their own: the steps are no task numbers."""
    got = [(t.number, t.content[:12]) for t in xltools.import_text('附件\n2024年重点工作任务\n序号\n工作任务\n责任单位\n完成时限\n1\n实施城区学校建设工程\n县教育局\n2024年9月底\n2\n推进县城污水处理厂提标改造：\n1.完成可研批复；\n2.启动主体工程建设；\n3.完成设备安装；\n4.年底前通水运行。\n县住建局\n2024年12月底\n3\n新建农村公路50公里\n县交通运输局\n2024年11月底\n').tasks]
    assert [n for n, _c in got] == ["1", "2", "3"]
