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
| 市财政局、各区县市
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
        ("实施基层医疗卫生", ["市卫计委"], ["市财政局", "各区县市"]),
        ("建立重大决策督查", ["市委", "市政府"], ["市直各单位"]),
    ]
    assert ds.title == "某市2013年目标任务责任分解表"


def it_marks_the_rows_that_took_the_lead_from_the_row_above():
    ds = xltools.import_text(BAR_OPENED)
    assert [bool(t.doubt) for t in ds.tasks] == [False, True, False, False]
    assert "牵头单位" in ds.tasks[1].doubt
