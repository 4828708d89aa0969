"""Table headers offices print that are not one row of whole labels: labels broken over two lines in narrow cells
(「牵头」⏎「单位」), and two-row headers whose 责任单位 spans 牵头 | 配合 below it — in a Word table and copied out of a
web page (one cell per line, cells closed by 「|」 lines, ` | ` rows). Each rule found by laying real keys out this
way (tests/test_corpus_typed_columns.py); the lists here are written for the test."""

from __future__ import annotations

import docx
import pytest

import xltools

ROWS = [["1", "新建城区公办幼儿园2所，新增学位540个", "县教育局", "县财政局、县住建局", "2025年8月底前"],
        ["2", "改造提升老旧小区12个，惠及居民3200户", "县住建局", "各街道办事处", "2025年11月底前"],
        ["3", "新增城市停车泊位1500个", "县城管局", "县公安局、县自然资源局", "2025年12月底前"]]
WANT = [("1", "新建城区公办幼儿园2所，新增学位540个", ["县教育局"], ["县财政局", "县住建局"], "2025年8月底前"),
        ("2", "改造提升老旧小区12个，惠及居民3200户", ["县住建局"], ["各街道办事处"], "2025年11月底前"),
        ("3", "新增城市停车泊位1500个", ["县城管局"], ["县公安局", "县自然资源局"], "2025年12月底前")]
HEAD = "附件\n2025年民生实事项目责任分解表\n"
# the same list with a category merged over its rows (printed on the first row of its run only)
GROUPED = [["1", "教育提质", "新建城区公办幼儿园2所，新增学位540个", "县教育局", "县财政局、县住建局"],
           ["2", "改造提升城区中小学校舍4所，消除大班额", "县教育局", "县住建局"],
           ["3", "城市治理", "新增城市停车泊位1500个", "县城管局", "县公安局、县自然资源局"],
           ["4", "建设口袋公园8个，新增绿地面积3万平方米", "县城管局", "县住建局"]]
GROUPED_WANT = [("1", "教育提质", "新建城区公办幼儿园2所，新增学位540个", ["县教育局"], ["县财政局", "县住建局"]),
                ("2", "教育提质", "改造提升城区中小学校舍4所，消除大班额", ["县教育局"], ["县住建局"]),
                ("3", "城市治理", "新增城市停车泊位1500个", ["县城管局"], ["县公安局", "县自然资源局"]),
                ("4", "城市治理", "建设口袋公园8个，新增绿地面积3万平方米", ["县城管局"], ["县住建局"])]


def _tasks(ds) -> list[tuple]:
    return [(t.number, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks]


def _read(text: str) -> list[tuple]:
    return _tasks(xltools.import_text(text))


def _stream(header: list[str], bars: bool = False, rows: list[list[str]] = ROWS) -> str:
    cells = [*header, *(c for row in rows for c in row)]
    return HEAD + "\n".join(x for c in cells for x in ((c, "|") if bars else (c,))) + "\n"


def it_reads_a_cell_stream_whose_labels_are_broken_over_two_lines():
    """Narrow header cells print 「序」⏎「号」, 「牵头」⏎「单位」: the header run is twice as long as a row; its lines are
    joined where together they make labels, as many as the widest row has cells (a row under a merged category
    has one cell less)."""
    text = _stream(["序", "号", "类", "别", "工作", "任务", "牵头", "单位", "配合", "单位"], rows=GROUPED)
    assert [(t.number, t.category, t.content, t.lead_units, t.units) for t in xltools.import_text(text).tasks] \
        == GROUPED_WANT


def it_reads_rows_numbered_in_chinese_under_a_broken_header_and_a_short_title():
    """Rows numbered 一 二 count where the joined header is as wide as a row; a short title above (任务清单) is no
    label of the header, and 「编」 is the first half of 编号, not a title line."""
    rows = [["一", *ROWS[0][1:]], ["二", *ROWS[1][1:]]]
    text = "附件\n任务清单\n" + "\n".join(
        ["编", "号", "具体", "任务", "牵头", "单位", "配合", "部门", "完成", "时限", *(c for r in rows for c in r)]) + "\n"
    ds = xltools.import_text(text)
    assert ds.title == "任务清单"
    assert _tasks(ds) == [("一", *WANT[0][1:]), ("二", *WANT[1][1:])]


def it_keeps_the_first_label_whole_when_it_is_broken_above_a_bar():
    """Cells closed by 「|」 lines: the first cell's lines 「序」⏎「号」 above its bar are one label, not the title's: a
    single row, or rows numbered 一 二, are found under it."""
    header = ["序\n号", "工作\n任务", "牵头\n单位", "配合\n单位", "完成\n时限"]
    ds = xltools.import_text(_stream(header, bars=True, rows=ROWS[:1]))
    assert ds.title == "2025年民生实事项目责任分解表"
    assert _tasks(ds) == WANT[:1]
    rows = [["一", *ROWS[0][1:]], ["二", *ROWS[1][1:]]]
    assert _read(_stream(header, bars=True, rows=rows)) == [("一", *WANT[0][1:]), ("二", *WANT[1][1:])]


def it_joins_a_header_printed_as_two_rows_of_half_labels():
    """` | ` rows: 「序 | 任务 | 牵头 | 配合 | 完成 |」 over 「号 | 内容 | 单位 | 单位 | 时限 |」, joined column by column
    (the upper row alone reads as a header, 任务 | 牵头, and its lower half as a first task)."""
    text = HEAD + "序 | 任务 | 牵头 | 配合 | 完成 |\n号 | 内容 | 单位 | 单位 | 时限 |\n" + "".join(
        " | ".join(row) + " |\n" for row in ROWS)
    assert _read(text) == WANT


def _two_tier_docx(path, lead: str, units: str):
    """序号 | 工作任务 | 责任单位 (spanning two columns) | 完成时限 over 「lead | units」, the other labels merged down."""
    doc = docx.Document()
    doc.add_paragraph("附件")
    doc.add_paragraph("2025年民生实事项目责任分解表")
    table = doc.add_table(rows=2 + len(ROWS), cols=5)
    for c, label in enumerate(["序号", "工作任务", "责任单位", "", "完成时限"]):
        table.cell(0, c).text = label
    table.cell(1, 2).text, table.cell(1, 3).text = lead, units
    for r, row in enumerate(ROWS, start=2):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 2).merge(table.cell(0, 3))
    for c in (0, 1, 4):
        table.cell(0, c).merge(table.cell(1, c))
    doc.save(path)
    return path


def it_reads_short_sub_labels_under_a_spanning_unit_label_in_a_word_table(tmp_path):
    """责任单位 over 「牵头 | 配合」: 配合 is no label alone; under a span naming units it names the units that work
    with the lead (配合单位)."""
    assert _tasks(xltools.import_source(_two_tier_docx(tmp_path / "附件.docx", "牵头", "配合"))) == WANT


def it_reads_a_two_row_header_copied_one_cell_per_line():
    """The copy prints the upper row, then the labels under the span: the header run is one longer than a row, and
    its last two labels take the span's place."""
    header = ["序号", "工作任务", "责任单位", "完成时限", "牵头单位", "配合单位"]
    assert _read(_stream(header)) == WANT
    assert _read(_stream(["序号", "工作任务", "责任单位", "完成时限", "牵头", "配合"], bars=True)) == WANT


def it_reads_a_two_row_header_copied_as_pipe_rows():
    """「序号 | 工作任务 | 责任单位 | 完成时限 |」 over 「牵头单位 | 配合单位 |」: the rows below are as wide as the header
    with the span replaced by the two labels under it."""
    text = HEAD + "序号 | 工作任务 | 责任单位 | 完成时限 |\n牵头单位 | 配合单位 |\n" + "".join(
        " | ".join(row) + " |\n" for row in ROWS)
    assert _read(text) == WANT


def it_reads_an_unnumbered_two_row_header_copied_one_cell_per_line():
    """No 序号: nothing counts the rows, so they are cut every n cells, n the header's width once its span is
    replaced by the labels under it."""
    header = ["工作任务", "责任单位", "完成时限", "牵头单位", "配合单位"]
    text = HEAD + "\n".join([*header, *(c for row in ROWS for c in row[1:])]) + "\n"
    assert [t[1:] for t in _read(text)] == [w[1:] for w in WANT]


def _docx(path, header: list[str], rows: list[list[str]]):
    doc = docx.Document()
    doc.add_paragraph("附件")
    doc.add_paragraph("2025年民生实事项目责任分解表")
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    for r, row in enumerate([header, *rows]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.save(path)
    return path


PROJECTS = [["新建城区公办幼儿园2所，新增学位540个", "县教育局"], ["改造提升城区中小学校舍4所，消除大班额", "县教育局"],
            ["新增城市停车泊位1500个", "县城管局"], ["建设口袋公园8个，新增绿地面积3万平方米", "县城管局"],
            ["改造城区雨污管网12公里", "县住建局"]]


def _with(tmp_path, label: str, values: list[str]):
    """PROJECTS under 工作任务 | 责任单位 | `label`, the column's cells `values`; the tasks as read and the columns."""
    rows = [[*p, v] for p, v in zip(PROJECTS, values, strict=False)]
    ds = xltools.import_source(_docx(tmp_path / "附件.docx", ["工作任务", "责任单位", label], rows))
    return [(t.number, t.category, t.content, t.units, t.deadline) for t in ds.tasks], ds.columns


def _plain(n: int) -> list[tuple]:
    return [("", "", p[0], [p[1]], "") for p in PROJECTS[:n]]


def it_reads_a_mostly_empty_remark_column_as_a_remark(tmp_path):
    """备注 left empty in most rows, its few notes alike (续建项目): a remark, not a category merged over rows."""
    tasks, columns = _with(tmp_path, "备注", ["续建项目", "", "", "续建项目", ""])
    assert tasks == _plain(5) and "category" not in columns


def it_never_takes_a_score_column_for_the_number(tmp_path):
    """考核分值 5, 10: a score for each task, however it rises, never the tasks' numbers."""
    tasks, columns = _with(tmp_path, "考核分值", ["5", "10"])
    assert tasks == _plain(2) and "number" not in columns


def it_never_takes_a_target_column_for_the_deadline(tmp_path):
    """工作目标 「年底前全面完成」: what the task is to reach, not when it is due."""
    tasks, columns = _with(tmp_path, "工作目标", ["年底前全面完成", "按期建成投用", "年底前全面完成", "年底前全面完成"])
    assert tasks == _plain(4) and "deadline" not in columns


def it_reads_a_stream_whose_number_closes_each_row():
    """类别 | 工作任务 | 牵头单位 | 配合单位 | 序号, the category merged over its rows: the numbers counting up close
    the rows; each row's cells are those since the number before it."""
    header = ["类别", "工作任务", "牵头单位", "配合单位", "序号"]
    text = HEAD + "\n".join([*header, *(c for row in GROUPED for c in [*row[1:], row[0]])]) + "\n"
    assert [(t.number, t.category, t.content, t.lead_units, t.units) for t in xltools.import_text(text).tasks] \
        == GROUPED_WANT


def it_reads_a_single_row_under_a_broken_header_one_cell_per_line():
    """One row only (a register of one task): numbered 1 right under a header whose 编号 is broken over two lines."""
    text = HEAD + "\n".join(["编", "号", "工作", "任务", "牵头", "单位", "配合", "单位", "完成", "时限", *ROWS[0]]) + "\n"
    assert _read(text) == WANT[:1]


def it_cuts_rows_at_the_empty_cell_that_opens_each_one():
    """Cells each followed by a line 「|」, every row opened by an empty cell (a page's empty first column), no number:
    the empty cells cut the rows; a row one cell short lost its merged 工作任务, which the longer 具体内容 beside it
    makes the category."""
    rows = [["优化营商环境", "推行企业开办一日办结，压缩审批时限至1个工作日以内", "市场监管所、便民服务中心"],
            ["开展涉企收费专项检查，清理规范中介服务收费", "财政所"],
            ["提升基层治理", "完善网格化管理体系，每个网格配备专职网格员1名", "综治办"],
            ["推进村规民约修订完善，建立红白理事会工作机制", "民政办、各村委会"]]
    cells = [c for row in [["工作任务", "具体内容", "责任部门"], *rows] for c in ["", *row]]
    text = "".join(f"{c}\n|\n" if c else "|\n" for c in cells)
    ds = xltools.import_text(text)
    assert [(t.category, t.content, t.units) for t in ds.tasks] == [
        ("优化营商环境", rows[0][1], ["市场监管所", "便民服务中心"]), ("优化营商环境", rows[1][0], ["财政所"]),
        ("提升基层治理", rows[2][1], ["综治办"]), ("提升基层治理", rows[3][0], ["民政办", "各村委会"])]


def it_takes_the_unit_beside_a_merged_lead_from_above_when_both_were_merged():
    """序号 | 工作任务 | 牵头单位 | 负责科室 | 负责人 | 完成时间, the lead, its 科室 and the person merged over a run of
    rows (printed once, at its top) and a deadline missing on some rows: the 科室 column is filled wherever a lead is
    printed and empty wherever it is not, so it was merged with the lead and each row takes both from above."""
    header = ["序号", "工作任务", "牵头单位", "负责科室", "负责人", "完成时间"]
    rows = [["1", "新建社区老年食堂12个", "区民政局", "养老服务科", "王芳", "11月底前"],
            ["2", "新增家庭养老照护床位300张", "10月底前"], ["3", "建成区级综合养老服务中心"],
            ["4", "新增公办幼儿园学位900个", "区教育局", "基础教育科", "李娜", "9月底前"], ["5", "改造提升薄弱学校4所"]]
    text = HEAD + "\n".join(c for row in [header, *rows] for c in row) + "\n"
    assert _read(text) == [("1", rows[0][1], ["区民政局"], ["养老服务科"], "11月底前"),
                           ("2", rows[1][1], ["区民政局"], ["养老服务科"], "10月底前"),
                           ("3", rows[2][1], ["区民政局"], ["养老服务科"], ""),
                           ("4", rows[3][1], ["区教育局"], ["基础教育科"], "9月底前"),
                           ("5", rows[4][1], ["区教育局"], ["基础教育科"], "")]


def it_never_takes_a_column_of_the_people_in_charge_for_a_category(tmp_path):
    """责任领导 张伟、李娜, 王芳、刘洋 …: names repeated over the rows a leader is in charge of, never a category."""
    tasks, columns = _with(tmp_path, "责任领导", ["张伟、李娜", "张伟、李娜", "王芳、刘洋", "王芳、刘洋", "王芳、刘洋"])
    assert tasks == _plain(5) and "category" not in columns


@pytest.mark.parametrize(("label", "deadlines"), [
    ("时间目标", ["2025年6月底前", "2025年12月底前", "2025年10月底前"]),  # a target named by its time: the deadline
    ("时限目标", ["2025年6月底前", "2025年12月底前", "2025年10月底前"]),
    ("工作目标", ["", "", ""]),  # what each task is to reach, even when it holds a date: kept as its own column
])
def it_reads_a_target_column_as_the_deadline_only_when_its_label_names_a_time(label, deadlines):
    """序号 | 工作任务 | 责任单位 | 时间目标 with 「2025年6月底前」 in every row (a county's 重点任务分解, reviewer's T2)."""
    text = (f"附件\n重点任务分解\n序号 | 工作任务 | 责任单位 | {label}\n1 | 完成国土空间总体规划编制 | 县自然资源局 | 2025年6月底前\n"
            "2 | 新建5G基站300个 | 县工信局 | 2025年12月底前\n3 | 创建省级卫生乡镇2个 | 县卫健委 | 2025年10月底前\n")
    assert [t.deadline for t in xltools.import_text(text).tasks] == deadlines


def it_joins_broken_labels_before_reading_an_unnumbered_stream_as_twice_as_wide():
    """A 民生实事 table with no 序号 copied one cell per line, every label broken in two (「工作」⏎「任务」…): three
    labels over rows of three cells, not six half-labels over rows of six that happen to divide evenly (review T1)."""
    rows = [["城区老旧小区改造", "县住建局", "12月底前"], ["城区绿道建设", "县城管局", "10月底前"],
            ["农村饮水提升", "县水利局", "11月底前"], ["学校食堂改造", "县教育局", "9月底前"]]
    text = "附件\n2025年民生实事\n工作\n任务\n责任\n单位\n完成\n时限\n" + "\n".join(c for r in rows for c in r) + "\n"
    assert [(t.content, t.units, t.deadline) for t in xltools.import_text(text).tasks] == [
        (r[0], [r[1]], r[2]) for r in rows]
