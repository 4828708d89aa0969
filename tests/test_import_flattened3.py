"""Tables flattened to text, round 3: a city's share of a higher list, one cell per line — section headings
between the rows, the list printed as two tables each numbered from 1 under the same header, a labelled line
inside a row's cell for a column the table has not (「省牵头单位：…」), and numbers carrying a mark (1*, 2★).
Each fixture is written for the test, in the shape of real published lists."""

from __future__ import annotations

import xltools


def _cells(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


TWO_TABLES = "某市承担省重点工作任务责任分解\n\n" + _cells([
    "一、五年目标任务责任分解",
    "序号", "重点工作任务（本市配合2项）", "责任单位",
    "（一）李某某副市长牵头重点工作",
    "1", "稳定粮食播种面积和产量,抓好高标准农田建设。", "市农业农村局、市自然资源局", "省牵头单位：省农业农村厅",
    "（二）赵某某副市长牵头重点工作",
    "2", "促进消费扩容提质,培育新型消费。", "市商务局、市发展改革委", "省牵头单位：省商务厅",
    "二、年度重点工作责任分解",
    "序号", "重点工作任务（本市牵头1项、配合1项）", "责任单位",
    "（一）钱某某常务副市长牵头重点工作",
    "1*", "推进科创走廊建设。", "科创走廊管委会、市科技局",
    "2★", "加快数字经济发展。", "市经信局、市数据资源局", "省牵头单位：省经信厅",
])


def it_reads_both_tables_with_their_headings_and_labelled_lines():
    ds = xltools.import_text(TWO_TABLES)
    got = [(t.number, t.category, t.content[:6], t.lead_units, t.units) for t in ds.tasks]
    assert got == [
        ("1", "李某某副市长牵头重点工作", "稳定粮食播种", ["省农业农村厅"], ["市农业农村局", "市自然资源局"]),
        ("2", "赵某某副市长牵头重点工作", "促进消费扩容", ["省商务厅"], ["市商务局", "市发展改革委"]),
        ("1", "钱某某常务副市长牵头重点工作", "推进科创走廊", [], ["科创走廊管委会", "市科技局"]),
        ("2", "钱某某常务副市长牵头重点工作", "加快数字经济", ["省经信厅"], ["市经信局", "市数据资源局"]),
    ]
    assert ds.columns["lead"] == "省牵头单位"



def _register(rows: list[tuple[str, str, str, str]]) -> str:
    return "某区2024年政府工作报告重点工作责任分解\n\n" + _cells(
        ["序号", "事项", "责任单位", "牵头单位", *(c for row in rows for c in row)])


def it_reads_units_without_the_lead_when_the_list_names_the_lead_among_them():
    """责任单位 names everyone at work, the lead too, in most rows: the units are the others (as printed kept)."""
    ds = xltools.import_text(_register([
        ("1", "地区生产总值增长6%以上。", "区发改局、区经信局、区统计局", "区发改局"),
        ("2", "固定资产投资增长10%。", "区发改局", "区发改局"),
        ("3", "规上工业增加值增长8%。", "区经信局、开发区管委会", "区经信局"),
        ("4", "城镇新增就业5000人。", "区人社局", "区人社局")]))
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["区发改局"], ["区经信局", "区统计局"]), (["区发改局"], []), (["区经信局"], ["开发区管委会"]),
        (["区人社局"], [])]
    assert ds.tasks[1].units_text == "区发改局"


def it_keeps_a_lead_printed_among_the_units_when_the_list_does_so_only_now_and_then():
    ds = xltools.import_text(_register([
        ("1", "建设城市书房3个。", "区文旅局、各街道办事处", "区文旅局"),
        ("2", "新建公办幼儿园2所。", "区城投公司", "区教育局"),
        ("3", "改造农村公路20公里。", "区公路中心", "区交通局"),
        ("4", "新增养老床位200张。", "区民政局、区卫健局", "区卫健局")]))
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["区文旅局"], ["区文旅局", "各街道办事处"]), (["区教育局"], ["区城投公司"]), (["区交通局"], ["区公路中心"]),
        (["区卫健局"], ["区民政局", "区卫健局"])]


def it_leaves_a_task_that_opens_with_a_short_heading_and_a_colon_as_it_is():
    """「延长办事时间：…」 opens a task's text; only a label known by name, printed in two rows, gets a column."""
    ds = xltools.import_text("某区便民服务重点任务清单\n\n" + _cells([
        "序号", "工作任务", "责任单位",
        "1", "延长办事时间：推行政务服务周末不打烊。", "区政务服务中心",
        "2", "压缩审批时间：企业开办1个工作日内办结。", "区市场监管局",
        "3", "建设社区养老服务中心。", "区民政局"]))
    assert [(t.content, t.units, t.deadline) for t in ds.tasks] == [
        ("延长办事时间：推行政务服务周末不打烊。", ["区政务服务中心"], ""),
        ("压缩审批时间：企业开办1个工作日内办结。", ["区市场监管局"], ""),
        ("建设社区养老服务中心。", ["区民政局"], "")]
    assert list(ds.columns) == ["number", "content", "units"]


def it_reads_a_units_cell_written_as_two_keyed_lines_as_before():
    ds = xltools.import_text("某区重点任务清单\n\n" + _cells([
        "序号", "工作任务", "责任单位",
        "1", "推进高标准农田建设。", "牵头单位：区农业农村局", "配合单位：区自然资源局",
        "2", "开展人居环境整治。", "牵头单位：区农业农村局", "配合单位：各镇人民政府",
        "3", "建设社区养老服务中心。", "区民政局"]))
    assert [(t.lead_units, t.units) for t in ds.tasks][:2] == [
        (["区农业农村局"], ["区自然资源局"]), (["区农业农村局"], ["各镇人民政府"])]


def it_reads_section_headings_that_end_with_a_full_stop():
    ds = xltools.import_text("某区2024年重点工作任务清单\n\n" + _cells([
        "序号", "工作任务", "责任单位", "完成时限", "（一）经济发展。",
        "1", "推进项目建设。", "区发改局", "12月底前", "2", "扩大有效投资。", "区发改局", "12月底前",
        "（二）社会民生。", "3", "新增城镇就业。", "区人社局", "12月底前"]))
    assert [(t.number, t.category, t.content, t.units) for t in ds.tasks] == [
        ("1", "经济发展", "推进项目建设。", ["区发改局"]), ("2", "经济发展", "扩大有效投资。", ["区发改局"]),
        ("3", "社会民生", "新增城镇就业。", ["区人社局"])]


def it_reads_an_unnumbered_table_whose_task_cells_end_differently():
    """No 序号 column, one cell per line: rows are cut every three cells. A task's text ending in 。 in one row and
    not in another is the same column all the same (it was refused, and the whole table read as one row)."""
    ds = xltools.import_text("某市重点工作责任分解表\n\n" + _cells([
        "工作任务", "牵头单位", "责任单位",
        "强化行政监督，自觉接受人大监督。", "市政府办公厅", "市财政局",
        "推进政务公开标准化建设", "市政务服务局", "市直各单位",
        "加强廉政建设。", "市监察局", "各区县市"]))
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("强化行政监督，自觉接受人大监督。", ["市政府办公厅"], ["市财政局"]),
        ("推进政务公开标准化建设", ["市政务服务局"], ["市直各单位"]),
        ("加强廉政建设。", ["市监察局"], ["各区县市"])]
