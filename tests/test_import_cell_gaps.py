"""Tables copied out of a web page one cell per line whose header does not line up with the rows (issue 25, session
10): labels broken over two lines in narrow cells (「牵头」⏎「单位」) in a header that also names merged heading
columns (项目 | 类别) printed in no row, so the rows carry fewer cells than the header has labels; a count of
places before a collective (「12个乡、镇」); ` | ` rows shifted left under a column of names printed once for several
rows; a duty table (部门 | 职责) with no number column whose unit cell, merged over two rows, was printed once. Every
case is written for the test in the shape of real government text."""

from __future__ import annotations

import xltools
from xltools.dataset.units import is_collective, split_units

BROKEN_AND_MERGED = """附件
2023年城乡建设重点工作分解表
序号
项目
类别
工 作 内 容
牵头
单位
配合单位
完成
时限
21
推进老旧小区改造，完成改造小区15个
区住建局
区财政局、各街道办事处
2023年10月
22
新建城市口袋公园8处
区园林局
区规划分局
2023年12月
23
完成雨污分流管网改造12公里
区水务局
区住建局、区城管局
2023年11月
24
开展城市道路“白改黑”提升工程
区城管局
区交警大队
2023年12月
"""


def it_reads_rows_under_a_header_with_broken_labels_and_labels_no_row_carries():
    ds = xltools.import_text(BROKEN_AND_MERGED)
    got = [(t.number, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks]
    assert got == [
        ("21", "推进老旧小区改造，完成改造小区15个", ["区住建局"], ["区财政局", "各街道办事处"], "2023年10月"),
        ("22", "新建城市口袋公园8处", ["区园林局"], ["区规划分局"], "2023年12月"),
        ("23", "完成雨污分流管网改造12公里", ["区水务局"], ["区住建局", "区城管局"], "2023年11月"),
        ("24", "开展城市道路“白改黑”提升工程", ["区城管局"], ["区交警大队"], "2023年12月"),
    ]
    assert all(not t.category for t in ds.tasks)  # 项目 | 类别 have no cells: never given a row's text


def it_keeps_the_label_naming_the_text_over_a_category_label_without_cells():
    # 类别 and 工作内容 both fit the text cells; the one read with its own role keeps them
    ds = xltools.import_text(BROKEN_AND_MERGED)
    assert ds.columns.get("content", "").replace(" ", "") == "工作内容"
    assert "category" not in ds.columns


def it_keeps_a_count_of_places_before_a_collective_whole():
    assert split_units("12个乡、镇").names == ["12个乡、镇"]
    assert split_units("区民政局等相关部门，8个街道、社区").names == ["区民政局", "8个街道、社区"]
    assert split_units("全县十个乡镇、街道").names == ["全县十个乡镇、街道"]
    assert is_collective("12个乡、镇")


def it_still_splits_a_count_that_names_no_places():
    assert split_units("区教育局、3个工作组").names == ["区教育局", "3个工作组"]
    assert split_units("5个重点项目、区发改局").names == ["5个重点项目", "区发改局"]
    assert not is_collective("3个工作组")


SHIFTED_UNDER_A_LEADER = """附件
2024年为民办实事项目责任分解表
序号 | 分管领导 | 项目名称 | 牵头单位 | 责任单位 | 完成时间 |
1 | 陈明 | 新建社区养老服务中心3个，新增床位200张 | 区民政局 | 各街道办事处 | 2024年10月 |
2 | 改造提升农贸市场2个 | 区商务局 | 区市场监管局 | 2024年9月 |
3 | 新增公共停车泊位500个 | 区城管局 | 区交警大队 | 2024年12月 |
4 | 赵刚 | 完成城区背街小巷整治20条，改造雨污管网5公里 | 区住建局 | 各街道办事处 | 2024年11月 |
5 | 新建城市书房2处 | 区文旅局 | 区财政局 | 2024年12月 |
"""


def it_puts_a_text_shifted_left_under_the_text_column_not_the_names_merged_over_it():
    ds = xltools.import_text(SHIFTED_UNDER_A_LEADER)
    got = [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]
    assert got == [
        ("1", "新建社区养老服务中心3个，新增床位200张", ["区民政局"], ["各街道办事处"]),
        ("2", "改造提升农贸市场2个", ["区商务局"], ["区市场监管局"]),
        ("3", "新增公共停车泊位500个", ["区城管局"], ["区交警大队"]),
        ("4", "完成城区背街小巷整治20条，改造雨污管网5公里", ["区住建局"], ["各街道办事处"]),
        ("5", "新建城市书房2处", ["区文旅局"], ["区财政局"]),
    ]


DUTY_UNIT_CELL_MERGED = """县人民政府工作部门责任清单
住建局
与相关部门的职责边界
  城市燃气安全管理

责任单位 职责分工

住建局

负责城镇燃气经营许可的审批和燃气经营企业的监督管理。

负责组织燃气安全事故的应急处置和调查处理。

应急管理局

负责燃气安全事故应急救援的综合协调工作。

市场监管局

负责燃气压力容器、压力管道等特种设备的安全监察。

消防救援大队

负责燃气使用场所的消防安全检查。

某小区发生燃气泄漏，由住建局牵头处置，其他单位按职责配合。
"""


def it_gives_a_duty_row_without_its_unit_cell_the_unit_printed_above_it_and_flags_it():
    ds = xltools.import_text(DUTY_UNIT_CELL_MERGED)
    got = [(t.content, t.units) for t in ds.tasks]
    assert got == [
        ("负责城镇燃气经营许可的审批和燃气经营企业的监督管理。", ["住建局"]),
        ("负责组织燃气安全事故的应急处置和调查处理。", ["住建局"]),
        ("负责燃气安全事故应急救援的综合协调工作。", ["应急管理局"]),
        ("负责燃气压力容器、压力管道等特种设备的安全监察。", ["市场监管局"]),
        ("负责燃气使用场所的消防安全检查。", ["消防救援大队"]),
    ]
    assert [bool(t.doubt) for t in ds.tasks] == [False, True, False, False, False]


LEAD_ONCE_ROWS = [  # (number, text, lead printed or None where merged with the row above, units, deadline)
    ("1", "开展全民健身活动进社区，每季度不少于一次", "区体育局", "8个街道、镇", "2024年底"),
    ("2", "推进中小学体育场馆向社会开放", None, "区教育局、8个街道、镇", "2024年底"),
    ("3", "新建社区多功能运动场地6个", None, "相关部门", "2024年9月"),
    ("4", "组织开展全区社区运动会比赛", None, "8个街道、镇", "2024年10月"),
    ("5", "完善公共体育设施管护机制，明确管护责任", "区城管局", "区体育局、8个街道、镇", "2024年底"),
]
LEAD_ONCE_HEADER = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限")
LEAD_ONCE_WANT = [
    ("1", "开展全民健身活动进社区，每季度不少于一次", ["区体育局"], ["8个街道、镇"]),
    ("2", "推进中小学体育场馆向社会开放", ["区体育局"], ["区教育局", "8个街道、镇"]),
    ("3", "新建社区多功能运动场地6个", ["区体育局"], ["相关部门"]),
    ("4", "组织开展全区社区运动会比赛", ["区体育局"], ["8个街道、镇"]),
    ("5", "完善公共体育设施管护机制，明确管护责任", ["区城管局"], ["区体育局", "8个街道、镇"]),
]


def _lead_once_cells() -> list[list[str]]:
    return [[c for c in row if c is not None] for row in [LEAD_ONCE_HEADER, *LEAD_ONCE_ROWS]]


def it_reads_pipe_rows_whose_lead_was_printed_once_beside_collectives_that_open_with_a_count():
    text = "附件\n2024年全民健身工作任务分解表\n" + "".join(" | ".join(r) + " |\n" for r in _lead_once_cells())
    ds = xltools.import_text(text)
    assert [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks] == LEAD_ONCE_WANT


def it_reads_a_cell_stream_whose_lead_was_printed_once_beside_collectives():
    text = "附件\n2024年全民健身工作任务分解表\n" + "".join(c + "\n" for r in _lead_once_cells() for c in r)
    ds = xltools.import_text(text)
    assert [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks] == LEAD_ONCE_WANT


def it_takes_no_progress_cell_that_opens_with_each_and_holds_a_figure_for_units():
    """A register's 推进情况 column copied one cell per line: 「各乡镇已完成80%」 opens as a collective does, but a figure
    in a unit's name is only ever places counted (13个街道、镇) — the progress is not a second unit column."""
    ds = xltools.import_text("序号\n工作任务\n责任单位\n推进情况\n1\n推进农村改厕工作，完成户厕改造1000户\n县农业农村局\n"
                             "各乡镇已完成80%\n2\n实施农村道路硬化工程\n县交通运输局\n各村完成3条\n3\n推进城乡环卫一体化\n"
                             "县城管局\n各乡镇完成率100%\n")
    assert [t.units for t in ds.tasks] == [["县农业农村局"], ["县交通运输局"], ["县城管局"]]


# A header whose one label broke over two lines in a narrow cell (「区本级」 ⏎ 「任务数」), the column often left empty,
# and a star after a name marking the lead (「区政府办公室*、区财政局」).
SPLIT_LABEL_AND_STAR = """2023年区政府工作报告重点工作责任分解
序号
重点工作
区本级
任务数
责任单位
1
地区生产总值增长6.5%。
区发改局
2
固定资产投资增长10%左右。
5%
区发改局
3
迭代更新稳增长政策措施，力争全年兑现惠企资金20亿元。
9亿元
区政府办公室*、区财政局
4
争取省市财政专项资金13亿元以上。
区财政局*、区发改局、区科技局
"""


def it_joins_a_label_broken_over_two_lines_and_reads_a_star_after_a_name_as_the_lead():
    ds = xltools.import_text(SPLIT_LABEL_AND_STAR)
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", [], ["区发改局"]), ("2", [], ["区发改局"]), ("3", ["区政府办公室"], ["区财政局"]),
        ("4", ["区财政局"], ["区发改局", "区科技局"])]
    assert not any("*" in n for t in ds.tasks for n in t.lead_units + t.units)


# ` | ` rows of a register whose merged category cell is printed in the first row only, the item's number glued in
# its name cell (「14.改扩建…」), and the disclosure page's metadata (索引号, 成文日期) under the table.
SHIFTED_NUMBERED_NAMES = """类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导 | 1-9月份工作完成情况 |
四、教育文化 | 14.改扩建城南学校 | 完成城南学校一期2座教学楼建设并投入使用。 | 教育体育局 | 刘某某 | 完成主体结构施工。 |
15.推进学校塑胶运动场地建设 | 完成13处农村学校塑胶运动场地建设。 | 教育体育局 | 刘某某 | 完成基础施工30%。 |
16.推进义务教育课后服务 | 对全市34所义务教育学校实行课后服务全覆盖。 | 教育体育局 | 刘某某 | 已全面开展。 |
索引号: | 113706850042672474/2022-04772 | 成文日期: | 2022-10-08 |
发布机构: | 某某市人民政府办公室 |
"""


def it_puts_a_numbered_name_back_under_its_column_when_the_merged_category_was_lost():
    ds = xltools.import_text(SHIFTED_NUMBERED_NAMES)
    assert [(t.number, t.content, t.units) for t in ds.tasks] == [
        ("14", "改扩建城南学校", ["教育体育局"]), ("15", "推进学校塑胶运动场地建设", ["教育体育局"]),
        ("16", "推进义务教育课后服务", ["教育体育局"])]
    assert all(t.category == "教育文化" for t in ds.tasks)
    assert not any("索引号" in str(t.extra) or "2022-10-08" in str(t.extra) for t in ds.tasks)  # the page's, not a row


def it_takes_no_units_from_a_column_of_the_bodies_that_score_the_tasks():
    """An assessment list's 评分部门 (考核单位, 督办单位) names who scores or oversees each task, not who does it."""
    from xltools.ingest.table import label_role

    assert [label_role(x) for x in ("评分部门", "考核单位", "督查督办单位", "牵头考核部门", "责任部门", "配合单位")] == [
        None, None, None, None, "units", "units"]
    ds = xltools.import_text("序号\t考核内容\t责任部门\t评分部门\n1\t粮食播种面积\t县农业农村局\t市农业农村局\n"
                             "2\t永久基本农田保护\t县自然资源和规划局\t市资源规划局\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [([], ["县农业农村局"]), ([], ["县自然资源和规划局"])]


# A 工作要点 table one cell per line whose first two columns (目标 | 任务) were merged over their rows and print as
# headings between them; each row's unit cell says who leads (「X牵头落实」, 「A、B分别牵头落实」).
HEADINGS_BETWEEN_ROWS = """某某市2017年政务公开工作要点实施方案
目标
任务
主要内容
责任单位
一、以政务公开助力稳增长
（一）加强预期引导
围绕全市经济社会发展形势和宏观经济政策执行情况，通过新闻发布会等形式及时宣传解读。
市发改委牵头落实
围绕稳健中性的货币政策，加强金融政策信息公开，加大金融业改革发展政策的宣传。
市金融办、人民银行某某市中心支行分别牵头落实
（二）加强财政信息公开
按月公开全市财政收支情况，解读财政收支增减变化情况及原因。
市财政局牵头落实
二、以政务公开助力促改革
（一）推进放管服改革信息公开
全面公开权力清单和责任清单，及时公开取消和下放的行政审批事项。
市编办、市政务服务中心牵头落实
"""


def it_reads_rows_under_the_headings_their_merged_columns_print_as():
    ds = xltools.import_text(HEADINGS_BETWEEN_ROWS)
    assert [(t.lead_units, t.content[:6]) for t in ds.tasks] == [
        (["市发改委"], "围绕全市经济"), (["市金融办", "人民银行某某市中心支行"], "围绕稳健中性"),
        (["市财政局"], "按月公开全市"), (["市编办", "市政务服务中心"], "全面公开权力")]
    assert ds.tasks[2].category.endswith("加强财政信息公开") and ds.tasks[3].category.startswith("以政务公开助力促改革")


def it_takes_a_star_after_a_later_name_for_a_footnote_not_the_lead():
    from xltools.ingest.table import units_from_cells

    lead, units = units_from_cells("", "市园林局、各区政府*")
    assert (lead.names, units.names) == ([], ["市园林局", "各区政府"])
    lead, units = units_from_cells("", "区财政局*、区发改局")
    assert (lead.names, units.names) == (["区财政局"], ["区发改局"])


def it_reads_a_table_under_a_disclosure_pages_metadata_and_keeps_a_row_that_names_a_field():
    text = "\n".join([
        "索引号： | 11370685004267/2022-04772 | 主题分类： | 政务公开 |",
        "发布机构： | 某某县人民政府办公室 | 成文日期： | 2022-10-08 |",
        "某某县2022年政务公开工作任务分解表",
        "序号 | 工作任务 | 牵头单位 | 配合单位 |",
        "1 | 做好政策解读工作 | 县政府办 | 县直各部门 |",
        "2 | 规范依申请公开办理 | 县司法局 | 县直各部门 |",
        "3 | 公开方式：主动公开、依申请公开或不予公开 | 县政府办 | 县直各部门 |",
        "4 | 加强政府网站管理 | 县大数据中心 | 县直各部门 |",
    ])
    ds = xltools.import_text(text)
    assert [t.number for t in ds.tasks] == ["1", "2", "3", "4"]
    assert ds.tasks[3].lead_units == ["县大数据中心"]


# A bureau's table one cell per line: the unit label broken into 「责任股室」 ⏎ 「(单位)」, an empty 备注 column, the
# category, deadline, leader and unit cells merged over the rows below them (printed once), a unit cell of three lines,
# and one cell's two names copied glued (「文化宣传股文化馆」).
BUREAU_CELLS = """序号
指标
工作任务
完成时限
责任领导
责任股室
(单位)
备注
1
公共文化服务
“两馆一站”免费开放服务人次较上年增长15%。
12月底前
张某某
文化宣传股
文化馆
图书馆
2
全年组织开展文化下乡等惠民演出不少于100场。
文化宣传股文化馆
3
开展好“三下乡”活动。
4
文化市场管理
开展专项整治行动4次以上。
执法大队
5
净化文化市场和网络文化环境。
"""


def it_reads_a_bureaus_cells_with_a_bracketed_label_line_merged_cells_and_glued_names():
    from xltools.ingest.table import label_role

    assert label_role("责任股室(单位)") == "units" and label_role("完成时限（年月）") == "deadline"
    ds = xltools.import_text(BUREAU_CELLS)
    assert [(t.number, t.units) for t in ds.tasks] == [
        ("1", ["文化宣传股", "文化馆", "图书馆"]), ("2", ["文化宣传股", "文化馆"]), ("3", ["文化宣传股", "文化馆"]),
        ("4", ["执法大队"]), ("5", ["执法大队"])]
    assert not any("张某某" in t.units for t in ds.tasks)
    assert "分隔符" in ds.tasks[1].doubt and ds.tasks[2].doubt and ds.tasks[4].doubt
