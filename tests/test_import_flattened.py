"""Tables flattened to text by a web page (` | ` rows, one cell per line): cells lost with merged cells put back
where they belong, header labels aligned to the columns by what the cells hold, notes under a table kept out
of the tasks. Each fixture is written for the test, in the shape of real published registers."""

from __future__ import annotations

import xltools


def _rows(ds):
    return [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]


# A project register: each project's number, name and unit were merged over its rows, so after the first row
# of a project the flattened rows start with the content and end with empty cells.
PROJECT_REGISTER = """序号 | 项目名称 | 建设内容 | 进展情况 | 完成情况 | 责任单位 |
1 | 城乡供水一体化工程 | 新建镇级水厂2座,日供水能力提升至3万吨。 | 两座水厂主体已封顶; | 正常推进 | 县水务局 |
改造农村供水管网120公里。 | 已完成管网铺设98公里,其余路段正在施工。 | 正常推进 | |||
实施水源地保护工程3处。 | 3处水源地隔离网已全部建成。 | 已完成 | |||
2 | 老旧小区改造工程 | 完成老旧小区改造15个,惠及居民2300户。 | 15个小区已全部开工,其中9个已完工。 | 正常推进 | 县住建局 |
加装电梯30部。 | 已加装电梯21部。 | 滞后 | |||
"""


def it_gives_rows_that_lost_merged_cells_the_number_and_unit_of_the_row_above():
    ds = xltools.import_text(PROJECT_REGISTER)
    assert _rows(ds) == [
        ("1", "新建镇级水厂2座,日供水能力提升至3万吨。", [], ["县水务局"]),
        ("1", "改造农村供水管网120公里。", [], ["县水务局"]),
        ("1", "实施水源地保护工程3处。", [], ["县水务局"]),
        ("2", "完成老旧小区改造15个,惠及居民2300户。", [], ["县住建局"]),
        ("2", "加装电梯30部。", [], ["县住建局"])]
    assert [t.category for t in ds.tasks] == ["城乡供水一体化工程"] * 3 + ["老旧小区改造工程"] * 2
    assert [bool(t.doubt) for t in ds.tasks] == [False, True, True, False, True]
    assert "沿用上一行" in ds.tasks[1].doubt and "责任单位" in ds.tasks[1].doubt
    assert ds.tasks[1].extra["进展情况"].startswith("已完成管网铺设")  # progress stays in its own column


def it_realigns_by_the_one_full_row_when_a_single_project_spans_the_whole_register():
    ds = xltools.import_text("\n".join(PROJECT_REGISTER.splitlines()[:4]))
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["县水务局"])] * 3
    assert ds.tasks[2].extra["完成情况"] == "已完成"


# A header whose labels spanned two printed columns each (重点任务 over two heading levels, 工作措施 over the number
# and the text), flattened to ` | ` rows: the first row carries both headings, the rows below lost them.
SPANNING_HEADER = """2024年优化营商环境重点任务分解表
重点任务 | 工作措施 | 责任单位 | 完成时限 | ||
一、提升政务服务效能。 | (一)深化“一网通办”改革。 | 1 | 推动高频政务服务事项全程网办,网上可办率达到95%以上。 | 市政务服务局牵头,各县市区人民政府负责落实 | 2024年底前 |
2 | 推行惠企政策“免申即享”,建立政策兑现清单并动态更新。 | 市发展改革委,市财政局 | 持续推进 | ||
(二)优化企业开办服务。 | 3 | 企业开办全流程压缩至1个工作日内,实现营业执照、印章、发票一次办结。 | 市市场监管局 | 2024年6月底前 | |
"""


def it_moves_spanning_header_labels_over_the_columns_their_cells_fit():
    ds = xltools.import_text(SPANNING_HEADER)
    assert [(t.number, t.content[:8], t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("1", "推动高频政务服务", ["市政务服务局"], ["各县市区人民政府"], "2024年底前"),
        ("2", "推行惠企政策“免", [], ["市发展改革委", "市财政局"], "持续推进"),
        ("3", "企业开办全流程压", [], ["市市场监管局"], "2024年6月底前")]
    assert [t.category for t in ds.tasks] == ["深化“一网通办”改革"] * 2 + ["优化企业开办服务"]
    assert ds.columns["content"] == "工作措施" and ds.columns["units"] == "责任单位"
    assert all(u.isdigit() is False for t in ds.tasks for u in t.units)  # a bare number is never a unit
