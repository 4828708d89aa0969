"""A task whose row is split into SUB-ROWS: registers of 民生实事 / 重点项目 print one task over several rows, its 序号
(and its unit, deadline, category) merged down over them, each sub-row a further sentence of its text (and perhaps a
unit of its own). In Word the merge is kept; copied out of a web page the sub-rows lose the merged cells. A clerk
reads one task per 序号: its text the sub-rows' texts in order, its units all of theirs, flagged as a joined reading.
Guards: a project register whose every 序号 names a project (项目名称 merged with it) has items under it, each a
task of its own; so does a table of indicators (labels, not sentences, under a number). Each fixture is written
for the test, in the shape of real published registers."""

from __future__ import annotations

from test_corpus_typed_columns import _UP, _docx

import xltools


def _tasks(ds):
    return [(t.number, t.content, t.units, t.deadline) for t in ds.tasks]


PIPES = "\n".join([
    "2024年县政府民生实事项目进展情况表",
    "序号 | 项目内容 | 进展情况 | 责任单位 |",
    "1 | 新建城区公办幼儿园2所。 | 主体已完工,正在内部装修。 | 县教育局 |",
    "2 | 新建城乡公交候车亭30个。 | 已完成25个。 | 县交通运输局 |",
    "新开通城乡公交线路2条。 | 已开通1条,另1条正在试运行。 | ||",
    "更新新能源公交车20辆。 | 已到位20辆。 | ||",
    "3 | 改造农村危房120户。 | 已全部完工。 | 县住建局 |",
])


def it_joins_the_sub_rows_of_a_numbered_task_in_a_pipe_register_and_flags_it():
    ds = xltools.import_text(PIPES)
    assert _tasks(ds) == [
        ("1", "新建城区公办幼儿园2所。", ["县教育局"], ""),
        ("2", "新建城乡公交候车亭30个。新开通城乡公交线路2条。更新新能源公交车20辆。", ["县交通运输局"], ""),
        ("3", "改造农村危房120户。", ["县住建局"], ""),
    ]
    assert "作为本项的一部分并入" in ds.tasks[1].doubt and not ds.tasks[0].doubt
    assert "已开通1条" in ds.tasks[1].extra["进展情况"]  # the sub-row's own progress is kept with the task's


def it_keeps_the_items_of_a_project_register_as_tasks_of_their_own():
    """Every 序号 names its project (项目名称 merged with it): the rows under it are the project's items."""
    text = "\n".join([
        "序号 | 项目名称 | 建设内容 | 进展情况 | 牵头单位 |",
        "1 | 城市道路提升工程 | 改造提升城区主干道3条。 | 已完工2条。 | 县住建局 |",
        "新建人行过街设施2处。 | 正在施工。 | |||",
        "2 | 农村饮水安全工程 | 新建农村供水站4座。 | 已完工3座。 | 县水利局 |",
        "改造供水管网60公里。 | 已完成45公里。 | |||",
    ])
    ds = xltools.import_text(text)
    assert [(t.number, t.content, t.lead_units) for t in ds.tasks] == [
        ("1", "改造提升城区主干道3条。", ["县住建局"]), ("1", "新建人行过街设施2处。", ["县住建局"]),
        ("2", "新建农村供水站4座。", ["县水利局"]), ("2", "改造供水管网60公里。", ["县水利局"]),
    ]
    assert ds.tasks[1].doubt and ds.tasks[3].doubt


def it_keeps_the_indicators_under_a_number_as_tasks_of_their_own():
    """A table of indicators: labels (no sentence) under a number, each with its own figures."""
    text = "\n".join([
        "序号 | 目标任务 | 目标值 | 完成值 | 责任单位 |",
        "1 | 城镇新增就业人数 | 5200 | 5630 | 县人社局 |",
        "2 | 新建农村公路里程 | 120 | 126 | 县交通运输局 |",
        "农村公路养护里程 | 300 | 310 | |",
        "3 | 新增绿化面积 | 400 | 412 | 县林业局 |",
    ])
    ds = xltools.import_text(text)
    assert [(t.number, t.content) for t in ds.tasks] == [
        ("1", "城镇新增就业人数"), ("2", "新建农村公路里程"), ("2", "农村公路养护里程"), ("3", "新增绿化面积")]


def it_reads_a_one_cell_pipe_row_under_closed_rows_as_a_sub_row():
    """「县文旅局 |」 under 「… | 12月底前 |」: a unit of the task's next row, not the deadline's wrapped end; a lone
    text 「新增学位600个 |」 stands in the text column."""
    text = "\n".join([
        "序号 | 工作任务 | 责任单位 | 完成时限 |",
        "1 | 新建县图书馆分馆3个。 | 县教育局 | 12月底前 |",
        "县文旅局 |",
        "2 | 新改扩建公办中小学校2所； | 县教育局 | 9月底前 |",
        "新增学位600个 |",
        "3 | 建成县级综合养老服务中心。 | 县民政局 | 10月底前 |",
    ])
    ds = xltools.import_text(text)
    assert _tasks(ds) == [
        ("1", "新建县图书馆分馆3个。", ["县教育局", "县文旅局"], "12月底前"),
        ("2", "新改扩建公办中小学校2所；新增学位600个", ["县教育局"], "9月底前"),
        ("3", "建成县级综合养老服务中心。", ["县民政局"], "10月底前"),
    ]


CELLS = "\n".join([
    "附件",
    "2024年重点民生实事任务分解表",
    "序号", "类别", "工作任务", "牵头单位", "责任单位",
    "1", "教育", "新建公办幼儿园3所。", "市教育局", "市住建局",
    "新增普惠性学位1200个。", "市财政局",
    "2", "新改扩建中小学校5所。", "市教育局", "市自然资源局",
    "开展课后服务全覆盖。", "各区政府",
    "3", "卫生", "建成胸痛中心2个。", "市卫健委", "市医保局",
])


def it_joins_sub_rows_copied_as_one_cell_a_line():
    """Left-over cells after a row, with a text of their own, are its sub-row: joined, the lone unit cell the
    units column's (the task has one lead); a row with its sub-row's cells, as long as a full row, had its
    category merged (a text where the category stands, a unit where the text stands)."""
    ds = xltools.import_text(CELLS)
    assert [(t.number, t.category, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "教育", "新建公办幼儿园3所。新增普惠性学位1200个。", ["市教育局"], ["市住建局", "市财政局"]),
        ("2", "教育", "新改扩建中小学校5所。开展课后服务全覆盖。", ["市教育局"], ["市自然资源局", "各区政府"]),
        ("3", "卫生", "建成胸痛中心2个。", ["市卫健委"], ["市医保局"]),
    ]
    assert "并入" in ds.tasks[0].doubt and "并入" in ds.tasks[1].doubt


def it_joins_the_sub_rows_of_a_word_table_numbered_in_chinese_numerals(tmp_path):
    """序号 一 二 三 merged down over a task's rows in Word: one task; its first row, short and with no unit
    (「一 | 办好人民满意的教育。」), is the task's first sentence, not a section heading."""
    body = [["一", "办好人民满意的教育。"], [_UP, "新建公办幼儿园2所,新增学位900个。"],
            ["二", "加快健康县城建设。"], [_UP, "完成县医院门诊楼改造。"], [_UP, "建成乡镇卫生院发热门诊8个。"],
            ["三", "改造农村公路80公里。"]]
    path = _docx("2024年为民办实事项目", [["序号", "工作措施"]], body, tmp_path / "附件.docx")
    ds = xltools.import_source(path)
    assert [(t.number, t.content) for t in ds.tasks] == [
        ("一", "办好人民满意的教育。新建公办幼儿园2所,新增学位900个。"),
        ("二", "加快健康县城建设。完成县医院门诊楼改造。建成乡镇卫生院发热门诊8个。"),
        ("三", "改造农村公路80公里。"),
    ]


def it_joins_the_sub_rows_of_a_word_table_of_one_task(tmp_path):
    """One task whose 序号 1 is merged over its three rows, each with a unit of its own: one task, all its units."""
    body = [["1", "深化政务服务“网上办”。", "市行政审批服务局", "6月底前"],
            [_UP, "推行高频事项“一件事一次办”。", "市大数据局", _UP],
            [_UP, "建设24小时自助服务区。", "各区政府", _UP]]
    path = _docx("数字政府建设工作要点", [["序号", "重点任务", "责任单位", "完成时限"]], body, tmp_path / "附件.docx")
    ds = xltools.import_source(path)
    assert _tasks(ds) == [("1", "深化政务服务“网上办”。推行高频事项“一件事一次办”。建设24小时自助服务区。",
                           ["市行政审批服务局", "市大数据局", "各区政府"], "6月底前")]


_CATNUM = [["1", "产业发展", "推进工业园区标准厂房建设10万平方米", "县工信局", "2024年底"],
           [_UP, _UP, "新增规上工业企业15家", "县工信局", "2024年12月底"],
           [_UP, _UP, "引进亿元以上项目10个", "县商务局", "2024年底"],
           ["2", "民生保障", "新建城区公办幼儿园2所", "县教育局", "2024年8月底"],
           [_UP, _UP, "改造农村危房200户", "县住建局", "2024年11月底"]]
_CATNUM_HEADER = [["序号", "类别", "工作任务", "责任单位", "完成时限"]]


def _catnum_xlsx(path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2024年重点工作任务分解表"])
    for row in [*_CATNUM_HEADER, *_CATNUM]:
        ws.append(["" if c is _UP else c for c in row])
    for first, last in ((3, 5), (6, 7)):  # 序号 and 类别 merged over each category's rows
        for col in (1, 2):
            ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
    wb.save(path)
    return path


def it_keeps_the_rows_under_a_number_counting_categories_as_tasks_in_word_and_excel(tmp_path):
    """序号 1 2 merged down beside a merged 类别, each row its own task, unit and deadline: the 序号 counts categories
    (each numbered row names a category of its own), so every row is a task under that number, flagged — as the same
    table copied as ` | ` rows keeps them apart; never three tasks' texts joined into one."""
    for path in (_docx("2024年重点工作任务分解表", _CATNUM_HEADER, _CATNUM, tmp_path / "附件.docx"),
                 _catnum_xlsx(tmp_path / "附件.xlsx")):
        ds = xltools.import_source(path)
        assert [(t.number, t.category, t.content, t.units, t.deadline) for t in ds.tasks] == [
            ("1", "产业发展", "推进工业园区标准厂房建设10万平方米", ["县工信局"], "2024年底"),
            ("1", "产业发展", "新增规上工业企业15家", ["县工信局"], "2024年12月底"),
            ("1", "产业发展", "引进亿元以上项目10个", ["县商务局"], "2024年底"),
            ("2", "民生保障", "新建城区公办幼儿园2所", ["县教育局"], "2024年8月底"),
            ("2", "民生保障", "改造农村危房200户", ["县住建局"], "2024年11月底"),
        ], path.suffix
        assert [bool(t.doubt) for t in ds.tasks] == [False, True, True, False, True]


def it_judges_the_columns_without_a_sub_row_of_one_cell():
    """「县交通运输局 |」 under a project's row: a unit added to it; the 建设内容及规模 column, full in every other row,
    stays a column of its own (the lone cell's empty neighbours are no merged category)."""
    text = "\n".join([
        "2024年重点项目推进计划表",
        "序号 | 项目名称 | 建设内容及规模 | 责任单位 | 完成时限 |",
        "1 | 城东片区棚户区改造项目 | 改造棚户区住房1200套。 | 县住建局 | 2024年底 |",
        "县交通运输局 |",
        "2 | 县人民医院门诊综合楼项目 | 新建门诊综合楼3.2万平方米 | 县卫健委 | 2024年10月底 |",
        "3 | 城区污水管网改造项目 | 改造污水管网25公里 | 县住建局 | 2024年12月底 |",
    ])
    ds = xltools.import_text(text)
    assert [(t.number, t.category, t.content, t.units) for t in ds.tasks] == [
        ("1", "", "城东片区棚户区改造项目", ["县住建局", "县交通运输局"]),
        ("2", "", "县人民医院门诊综合楼项目", ["县卫健委"]), ("3", "", "城区污水管网改造项目", ["县住建局"])]
    assert ds.tasks[0].extra["建设内容及规模"] == "改造棚户区住房1200套。"
