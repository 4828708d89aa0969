"""Tables flattened to text, round 4: web tables whose cells open with a bar and whose first column is narrow
(a lead printed a few characters a line, merged over several rows), registers whose columns mislead by their
labels, and ` | ` rows broken over two lines. Each fixture is written for the test, in the shape of real
published lists."""

from __future__ import annotations

import xltools

# A web page's table copied as text: each cell after a row's first opens with 「| 」 on a line of its own and a
# lone 「|」 closes the row. The lead column is narrow, so its names wrap a few characters a line, and it is merged
# over the rows of each lead: those rows start directly with their task.
BAR_OPENED = """某市2013年目标任务责任分解表
牵头单位
| 目 标 任 务
| 责 任 单 位
|
市住
建委
| 推进老旧小区改造,完成改造面积一百万平方米
| 各区县市、市直相关单位
|
加快城市棚户区征收安置
| 市国土局、各区人民政府
|
市
卫
计
委
| 实施基层医疗卫生机构标准化建设
| 市财政局、高新区和市直相关单位
|
市委
市政府
| 建立重大决策督查督办机制
| 市直各单位
|
"""


def it_reads_rows_whose_cells_open_with_a_bar_and_inherits_a_merged_lead():
    ds = xltools.import_text(BAR_OPENED)
    got = [(t.content[:8], t.lead_units, t.units) for t in ds.tasks]
    assert got == [
        ("推进老旧小区改造", ["市住建委"], ["各区县市", "市直相关单位"]),
        ("加快城市棚户区征", ["市住建委"], ["市国土局", "各区人民政府"]),
        ("实施基层医疗卫生", ["市卫计委"], ["市财政局", "高新区", "市直相关单位"]),
        ("建立重大决策督查", ["市委", "市政府"], ["市直各单位"]),
    ]
    assert ds.title == "某市2013年目标任务责任分解表"


def it_marks_the_rows_that_took_the_lead_from_the_row_above():
    ds = xltools.import_text(BAR_OPENED)
    assert [bool(t.doubt) for t in ds.tasks] == [False, True, False, False]
    assert "牵头单位" in ds.tasks[1].doubt


# An indicator register copied from a web page with spaces between its cells: the 单位 column holds units of
# MEASURE and the offices stand under 备注; a row missing its measure has its cells shifted left, and an item with
# two indicators prints the second on a line of its own, without the item's number (and without the office when it
# is the same).
MEASURES = """某县2023年十件民生实事1-9月完成情况

序号 主要指标 单 位 年度目标 已完成 完成比例 备  注
1 新增城镇就业 人 3000 3125 104.2% 县人社局
2 改造农村危房 户 200 180 90.0% 县住建局
新建农村户用卫生厕所 座 500 512 102.4%
3 新增公办幼儿园学位1200个以上 1200 1350 112.5% 县教育局
4 免费开展适龄妇女宫颈癌筛查 万人 1.2 0.98 81.7% 县卫健局
孕产妇免费产前筛查 万人 0.5 0.52 104.0% 县妇幼保健院
"""


def it_takes_the_units_from_the_column_of_office_names_not_the_measure_column():
    ds = xltools.import_text(MEASURES)
    got = [(t.number, t.content, t.units) for t in ds.tasks]
    assert got == [
        ("1", "新增城镇就业", ["县人社局"]),
        ("2", "改造农村危房", ["县住建局"]),
        ("2", "新建农村户用卫生厕所", ["县住建局"]),
        ("3", "新增公办幼儿园学位1200个以上", ["县教育局"]),
        ("4", "免费开展适龄妇女宫颈癌筛查", ["县卫健局"]),
        ("4", "孕产妇免费产前筛查", ["县妇幼保健院"]),
    ]
    assert [t.extra.get("单位") for t in ds.tasks] == ["人", "户", "座", "", "万人", "万人"]
    assert [t.extra.get("年度目标") for t in ds.tasks] == ["3000", "200", "500", "1200", "1.2", "0.5"]


def it_marks_the_sub_rows_and_the_row_short_of_a_cell():
    ds = xltools.import_text(MEASURES)
    assert [bool(t.doubt) for t in ds.tasks] == [False, False, True, True, False, True]
    assert "序号" in ds.tasks[2].doubt and "备注" in ds.tasks[2].doubt  # number and office from the row above
    assert "备注" not in ds.tasks[5].doubt  # its own office


def it_never_takes_a_measure_column_for_the_lead_units():
    """Two columns labelled as units (单位, 责任单位) make the first the lead — unless it holds units of measure."""
    text = "\n".join([
        "序号 | 工作任务 | 单位 | 目标值 | 责任单位 |",
        "1 | 新建城市公园 | 个 | 3 | 市住建局、市城管局 |",
        "2 | 新增停车泊位 | 万个 | 1.5 | 市公安局 |",
        "3 | 改造城市燃气管网 | 公里 | 120 | 市住建局 |",
    ])
    ds = xltools.import_text(text)
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        ([], ["市住建局", "市城管局"]), ([], ["市公安局"]), ([], ["市住建局"])]
    assert ds.tasks[1].extra["单位"] == "万个"


# A ` | ` register whose long row was broken over two lines where the copy wrapped it: the second line starts with
# the row's amount, not with the next number.
BROKEN = "\n".join([
    "序号 | 项目名称 | 建设内容 | 形象进度 | 计划投资(万元) | 完成率 | 责任单位 |",
    "1 | 城区学校食堂改造工程 | 改造城区中小学食堂12所,配备留样冷柜。 | 已完工 | 360 | 100% | 区教育局 |",
    "2 | 老旧小区加装电梯工程 | 完成老旧小区既有住宅加装电梯40台。 | 1.已完成35台。 2.其余5台正在安装。 |",
    "480 | 87.50% | 区住建局 |",
    "3 | 农贸市场提升工程 | 完成农贸市场标准化改造3家。 | 已完成2家 | 150 | 66.70% | 区商务局 |",
])


def it_joins_a_row_broken_over_two_lines_where_the_second_starts_with_an_amount():
    ds = xltools.import_text(BROKEN)
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["区教育局"]), ("2", ["区住建局"]), ("3", ["区商务局"])]
    assert ds.tasks[1].extra["计划投资(万元)"] == "480"
