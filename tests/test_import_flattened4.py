"""Tables flattened to text, round 4: web tables whose cells open with a bar and whose first column is narrow
(a lead printed a few characters a line, merged over several rows), registers whose columns mislead by their
labels, and ` | ` rows broken over two lines. Each fixture is written for the test, in the shape of real
published lists."""

from __future__ import annotations

import xltools

# A web page's table copied as text: each cell after a row's first opens with 「| 」 on a line of its own and a
# lone 「|」 closes the row. The lead column is narrow, so its names wrap a few characters a line, and it is merged
# over the rows of each lead: those rows start directly with their task.
BAR_OPENED = """附件1
某市2013年目标任务责任分解表
牵头
单位
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
    assert ds.attachment_label == "附件1"  # never glued to the first label
    assert ds.columns["lead"] == "牵头单位"  # the first label wrapped in its narrow cell, joined again


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


def _closed(cells: list[str]) -> str:
    """Cells one a line, each closed by a bar; an empty cell a lone bar."""
    return "\n".join(f"{c} |" if c else "|" for c in cells) + "\n"


# A progress register one cell a line, every cell closed by a bar: its 目标任务 column holds targets with their
# measure (1300人, 71个), so the long label naming the projects is the task; the last item is a reform whose name is
# merged over its three separate targets, each printed as a row of its own beside it.
PROJECTS = "某区2018年1-6月民生实事完成情况表\n" + _closed([
    "序号", "市重点民生实事项目名称", "责任单位", "目标任务", "1-6月完成情况", "1-6月完成率%", "备注",
    "1", "农村安全饮水巩固提升", "区水利局", "1200人", "600", "50%", "",
    "2", "新增公办幼儿园学位", "区教育局", "3所", "", "60%", "两所已封顶",
    "3", "新增养老服务床位", "区民政局", "80个", "52", "65%", "",
    "4", "深化社会保险制度改革",
    "完成城乡居民参保人数9000人", "区人社局", "9000人", "6120", "68%", "",
    "完成基金征缴5000万元", "区人社局", "5000万", "3100", "62%", "",
    "提高城乡低保标准", "区民政局", "100%", "100%", "", "已执行新标准",
])


def it_takes_the_project_names_for_the_tasks_when_the_task_label_holds_targets():
    ds = xltools.import_text(PROJECTS)
    got = [(t.number, t.content, t.units) for t in ds.tasks]
    assert got[:3] == [("1", "农村安全饮水巩固提升", ["区水利局"]), ("2", "新增公办幼儿园学位", ["区教育局"]),
                       ("3", "新增养老服务床位", ["区民政局"])]
    assert ds.tasks[0].extra["目标任务"] == "1200人"


def it_reads_each_target_beside_a_merged_item_name_as_a_task_of_that_item():
    ds = xltools.import_text(PROJECTS)
    got = [(t.number, t.category, t.content, t.units) for t in ds.tasks[3:]]
    assert got == [("4", "深化社会保险制度改革", "完成城乡居民参保人数9000人", ["区人社局"]),
                   ("4", "深化社会保险制度改革", "完成基金征缴5000万元", ["区人社局"]),
                   ("4", "深化社会保险制度改革", "提高城乡低保标准", ["区民政局"])]
    assert all("合并" in t.doubt for t in ds.tasks[3:])
    assert [t.category for t in ds.tasks[:3]] == ["", "", ""]


def it_reads_traditional_labels_of_progress_and_remarks():
    """備註 / 完成情況 are the remarks and progress a simplified label names: never the task column."""
    text = PROJECTS.replace("备注", "備註").replace("1-6月完成情况", "1-6月完成情況")
    assert [t.content for t in xltools.import_text(text).tasks][:2] == ["农村安全饮水巩固提升", "新增公办幼儿园学位"]


# A progress register copied from a web page as ` | ` rows with a header of two lines: the second line holds only
# the sub-labels of two merged groups; the empty cell of a column left blank in every row is lost, so the cells do
# not stand under their labels; the last label names a second unit column nobody filled.
TWO_LINE_HEADER = "\n".join([
    "序号 | 项目名称 | 建设规模及内容 | 总投资 | 建设年限 | 至上年底完成投资 | 本年计划 | 本年进展 | 责任单位 | 协调单位 | ||",
    "投资 | 形象进度 | 完成投资 | % | 进展情况 | |||||||",
    "1 | 城区公厕提升工程 | 新建改建城区公厕20座,配套无障碍设施 | 800 | 2023 | 800 | 建成 | 800 | 100 | 完成 | 县住建局 | ||",
    "2 | 农村饮水提质工程 | 改造农村供水管网60公里,新建加压泵站2座 | 1500 | 2023-2024 | 900 | 主体完工 | 700 | 77.8 | 完工,投入使用 | 县水利局 | ||",
    "3 | 社区食堂建设工程 | 建设社区老年食堂5家 | 250 | 2023 | 250 | 建成 | 250 | 100.0 | 投入使用 | 县民政局 | ||",
])


def it_leaves_out_a_header_line_of_sub_labels_and_reads_the_one_unit_column():
    ds = xltools.import_text(TWO_LINE_HEADER)
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", [], ["县住建局"]), ("2", [], ["县水利局"]), ("3", [], ["县民政局"])]
    assert any("表头的第二行" in n for n in ds.import_notes)


# An assessment table (考核细则) kept as page source and cut before its end: each item names what is assessed,
# its score beside it, its criterion in several lines; sections carry their total score; a 总分 row heads the body.
ASSESSMENT = """<div class="title">考核依据</div>
<table border="1">
<caption>某县2019年度河湖长制工作乡镇考核细则</caption>
<tr><th>序号</th><th>考核项目</th><th>分值</th><th>考核指标</th><th>负责考核部门</th></tr>
<tr><td></td><td>总分</td><td>100</td><td></td><td></td></tr>
<tr><td>一、</td><td>夯实基础，完善河湖长制体系</td><td>20</td><td></td><td></td></tr>
<tr><td>1</td><td>健全组织体系</td><td>6</td><td><p>乡、村两级河长设置到位，</p><p>名单及时向社会公布。</p></td><td>县河长办</td></tr>
<tr><td>2</td><td>落实巡河制度</td><td>8</td><td><p>1.乡级河长每月巡河不少于1次，得4分。</p><p>2.村级河长每周巡河不少于1次，得4分。</p></td>
<td><p>县河长办</p><p>县水利局</p></td></tr>
<tr><td>二、</td><td>水岸同治，改善河湖环境</td><td>30</td><td></td><td></td></tr>
<tr><td>3</td><td>加强农村生活污水治理</td><td>10</td><td>完成年度农村生活污水治理任务。</td><td>县生态环境局</td></tr>
"""


def it_reads_an_assessment_table_left_open_with_its_items_as_tasks(tmp_path):
    page = tmp_path / "考核细则.txt"
    page.write_text(ASSESSMENT, encoding="utf-8")
    ds = xltools.import_source(page)
    got = [(t.number, t.category, t.content, t.units) for t in ds.tasks]
    assert got == [
        ("1", "夯实基础，完善河湖长制体系", "健全组织体系", ["县河长办"]),
        ("2", "夯实基础，完善河湖长制体系", "落实巡河制度", ["县河长办", "县水利局"]),
        ("3", "水岸同治，改善河湖环境", "加强农村生活污水治理", ["县生态环境局"]),
    ]
    assert ds.tasks[1].extra["考核指标"].startswith("1.乡级河长")
    assert all("考核指标" in t.doubt for t in ds.tasks)  # the criterion could be read as the task: flagged


# Text taken from a PDF with spaces between the cells: the task text wraps onto a line of its own, and the PDF
# prints spaces around its figures — that line is the rest of the task, never a sub-row; a date cut by its column
# leaves its tail on the next line, and that tail is the date's.
WRAPPED = """2026年为民办实事项目分工
序号 实事项目 牵头单位 完成时限
1 实施城区雨污分流改造，管网覆盖率 县住建局 2026年11月底前
达到 90% 以上
2 新建农村幸福食堂20个 县民政局 2026年9月底前
3 新增城区公共停车泊位 县公安局 2026年12月底前
1200 个
4 开展背街小巷环境整治 县城管局 2026年10月
底前
5 推进城区绿道建设 县林业局 2026年11月底前
"""


def it_puts_a_wrapped_line_with_a_figure_back_into_the_task_text():
    ds = xltools.import_text(WRAPPED)
    got = [(t.number, t.content.replace(" ", ""), t.units or t.lead_units, t.deadline) for t in ds.tasks]
    assert got[:2] == [("1", "实施城区雨污分流改造，管网覆盖率达到90%以上", ["县住建局"], "2026年11月底前"),
                       ("2", "新建农村幸福食堂20个", ["县民政局"], "2026年9月底前")]
    assert len(ds.tasks) == 5
    assert (ds.tasks[3].content, ds.tasks[3].deadline) == ("开展背街小巷环境整治", "2026年10月底前")  # the date's tail


def it_reads_labels_whose_pinyin_note_lost_its_opening_bracket():
    """A traditional mirror with pinyin after its characters, a label's opening bracket lost to 「?」 (項目?mù)內(nèi)容):
    what is left of the note is no part of the label, so the labels read as labels, and the progress column
    (工作進度安排) is never the task."""
    text = "\n".join([
        "序號(hào) | 項(xiàng)目?mù)內(nèi)容 | 工作進(jìn)度安排 | 目前實(shí)施情況 | 牽頭單位 |",
        "1 | 新建城區(qū)公辦幼兒園2所。 | 第一季度:完成選址; 第二季度:開(kāi)工建設; 第四季度:建成投用。 | 已完成選址。 | 縣教育局 |",
        "2 | 改造提升農(nóng)貿(mào)市場(chǎng)3家。 | 第二季度:完成設(shè)計(jì); 第三季度:完成改造。 | 設(shè)計(jì)方案已確定。 | 縣市場(chǎng)監(jiān)管局 |",
    ])
    ds = xltools.import_text(text)
    assert [(t.number, t.content, t.lead_units) for t in ds.tasks] == [
        ("1", "新建城區公辦幼兒園2所。", ["縣教育局"]), ("2", "改造提升農貿市場3家。", ["縣市場監管局"])]


def it_reads_the_unnamed_column_after_the_number_as_the_task_of_a_space_separated_register():
    """No label names the task and its cells are short names: the reader split every row around the column after
    序号, so that column is the task (said in the notes), not a table refused for want of a task column."""
    text = "\n".join(["某镇2025年为民实事进度表", "序号 指标 目标值 完成值 责任单位",
                      "1 新增就业岗位 800 812 镇社保所", "2 改造危旧房 60 41 镇村建办", "3 新增托位 120 90 镇卫生院"])
    ds = xltools.import_text(text)
    assert [(t.number, t.content, t.units) for t in ds.tasks] == [
        ("1", "新增就业岗位", ["镇社保所"]), ("2", "改造危旧房", ["镇村建办"]), ("3", "新增托位", ["镇卫生院"])]
    assert any("「指标」列" in n for n in ds.import_notes)


def it_keeps_a_bare_attachment_label_above_a_bar_opened_header_out_of_the_first_label():
    """「附件」 alone on the line right above the header's first cell is the attachment label, not the first part of a
    wrapped label (it read 「附件序号」)."""
    ds = xltools.import_text("\n".join([
        "附件", "序号", "| 工作任务", "| 牵头单位", "| 责任单位", "|",
        "1", "| 改造城区燃气老旧管网12公里", "| 区城管局", "| 区住建局、区财政局", "|",
        "2", "| 新建社区食堂4个", "| 区民政局", "| 各街道办事处", "|"]) + "\n")
    assert ds.columns["number"] == "序号" and ds.attachment_label == "附件"
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", ["区城管局"], ["区住建局", "区财政局"]), ("2", ["区民政局"], ["各街道办事处"])]


# Targets of two governments copied from a web page, one cell a line: the count starts again at 1 under the second
# government, whose name (the category) stands once, merged over its rows.
COUNT_AGAIN = """县区政府2006年主要工作考核目标
序号
重点领域
考核目标
责任单位
1
甲县政府
地区生产总值75亿元,增长25%。
甲县政府
2
财政收入10亿元,增长20%。
甲县政府
3
新建农村中小学校1所,改造危旧校舍2所,年底前全部投入使用。
甲县政府
1
乙区政府
地区生产总值20.8亿元,增长15%。
乙区政府
2
全社会固定资产投资1.12亿元,增长20%。
乙区政府
"""


def it_reads_a_count_that_starts_again_under_the_next_category():
    tasks = xltools.import_text(COUNT_AGAIN).tasks
    assert [(t.number, t.units) for t in tasks] == [("1", ["甲县政府"]), ("2", ["甲县政府"]), ("3", ["甲县政府"]),
                                                    ("1", ["乙区政府"]), ("2", ["乙区政府"])]
    assert [t.content for t in tasks][2:4] == ["新建农村中小学校1所,改造危旧校舍2所,年底前全部投入使用。",
                                              "地区生产总值20.8亿元,增长15%。"]


def it_takes_a_lone_1_after_the_last_row_for_no_new_count():
    # a page's number under the table stands where a new count's 1 could, but no 2 follows a row later
    text = COUNT_AGAIN.split("1\n乙区政府")[0] + "1\n"
    assert [t.number for t in xltools.import_text(text).tasks] == ["1", "2", "3"]
