"""Tables flattened to text by a web page (` | ` rows, one cell per line): cells lost with merged cells put back
where they belong, header labels aligned to the columns by what the cells hold, notes under a table kept out
of the tasks. Each fixture is written for the test, in the shape of real published registers."""

from __future__ import annotations

import pytest

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


def _closed_by_bars(cells: list[str]) -> str:
    return "\n".join(f"{c} |" if c else "||" for c in cells) + "\n"


# One cell per line, each closed by a bar; the header has a label (全年目标) that has no cell in the body (the text
# cell spans it), a 责任领导 column of personal names, a 是/否 column and a 备注 column, empty or a sentence.
SHORT_ROWS = _closed_by_bars([
    "序号", "重点工作", "全年目标", "责任 领导", "牵头 单位", "配合单位", "1-9月进展", "是否序时", "备注",
    "7", "改造提升农贸市场5个。", "王建平", "商务局", "市场监管局、相关街道", "已完成3个,完成60%。", "是", "",
    "8", "新建口袋公园12处。", "李明", "园林局", "自然资源局、各街道", "已开工10处,完成40%。", "否",
    "受征地影响,2处选址调整,已报区政府同意,年底前可全部完工。",
    "9", "新增公共停车泊位800个。", "王建平", "交通局", "公安分局交警大队", "已建成520个。", "是"])


def it_aligns_cells_to_labels_by_what_they_hold_when_rows_are_short_of_the_header():
    ds = xltools.import_text("2024年重点民生实事推进情况\n" + SHORT_ROWS)
    assert _rows(ds) == [
        ("7", "改造提升农贸市场5个。", ["商务局"], ["市场监管局", "相关街道"]),
        ("8", "新建口袋公园12处。", ["园林局"], ["自然资源局", "各街道"]),
        ("9", "新增公共停车泊位800个。", ["交通局"], ["公安分局交警大队"])]
    assert ds.columns["content"] == "重点工作"
    assert [t.extra["责任领导"] for t in ds.tasks] == ["王建平", "李明", "王建平"]  # a person, never a unit
    assert [t.extra["是否序时"] for t in ds.tasks] == ["是", "否", "是"]
    assert ds.tasks[1].extra["备注"].startswith("受征地影响")
    assert any("全年目标" in note for note in ds.import_notes)


def it_shows_a_label_wrapped_by_the_page_without_the_space_and_a_letter_spaced_one_as_printed():
    from xltools.ingest.table import shown_label

    assert shown_label("牵头 单位") == "牵头单位"
    assert shown_label("分管\u3000领导") == "分管领导"
    assert shown_label("工  作  任  务") == "工  作  任  务"
    assert shown_label("责 任 单 位") == "责任单位"
    assert shown_label("责任单位\n（按职责分工负责）") == "责任单位\n（按职责分工负责）"
    ds = xltools.import_text("2024年重点民生实事推进情况\n" + SHORT_ROWS)
    assert ds.columns["lead"] == "牵头单位" and "extra:责任领导" in ds.columns


TWO_ROWS = ("序号 | 工作任务 | 责任单位 | 完成时限\n1 | 改造老旧小区12个。 | 县住建局、县财政局 | 12月底前\n"
            "2 | 新建城乡公交站亭50个。 | 县交通局 | 9月底前\n")


@pytest.mark.parametrize("below", [
    "注:各责任单位每月25日前报送进展情况。\n",
    "备注:各责任单位每月25日前报送进展情况。 | | |\n",
    "说明 | 牵头单位每月25日前汇总报送县政府办公室。 | |\n",
    "注:\n1.各责任单位每月25日前报送进展情况。\n2.本表由县政府办公室负责解释。\n"], ids=["line", "row", "label-cell", "numbered"])
def it_never_reads_a_note_under_a_pipe_table_as_a_task_or_part_of_one(below):
    ds = xltools.import_text(TWO_ROWS + below)
    assert [(t.number, t.content, t.units, t.deadline) for t in ds.tasks] == [
        ("1", "改造老旧小区12个。", ["县住建局", "县财政局"], "12月底前"), ("2", "新建城乡公交站亭50个。", ["县交通局"], "9月底前")]


@pytest.mark.parametrize("text", [
    "序号\n工作任务\n责任单位\n完成时限\n1\n改造老旧小区12个。\n县住建局\n12月底前\n2\n新建城乡公交站亭50个。\n县交通局\n9月底前\n"
    "注：各责任单位每月25日前报送进展情况。\n",
    "序号 |\n工作任务 |\n责任单位 |\n完成时限 |\n1 |\n改造老旧小区12个。 |\n县住建局 |\n12月底前 |\n2 |\n新建城乡公交站亭50个。 |\n"
    "县交通局 |\n9月底前 |\n备注：各责任单位每月25日前报送进展情况。 |\n",
    "序号\t工作任务\t责任单位\t完成时限\n1\t改造老旧小区12个。\t县住建局\t12月底前\n2\t新建城乡公交站亭50个。\t县交通局\t9月底前\n"
    "说明：各责任单位每月25日前报送县政府办公室。\t\t\t\n"], ids=["cells", "bars", "tabs"])
def it_never_reads_a_note_under_a_table_of_cells_or_tabs_as_a_task(text):
    ds = xltools.import_text(text)
    assert [(t.number, t.deadline) for t in ds.tasks] == [("1", "12月底前"), ("2", "9月底前")]


def it_still_applies_a_rule_stated_in_the_note_under_the_table():
    ds = xltools.import_text(TWO_ROWS + "注:责任单位中排在第一位的为牵头单位。\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [(["县住建局"], ["县财政局"]), (["县交通局"], [])]


KEY_THEN_VALUE = """某县2024年优化营商环境重点任务
一、提升政务服务效能
1.推动高频政务服务事项全程网办,网上可办率达到95%以上。
牵头单位：
县政务服务中心
责任单位：
县发改局、县财政局
完成时限：2024年12月底前
2.推行惠企政策“免申即享”,建立政策兑现清单并动态更新。
牵头单位:
县发改局
责任单位:
县财政局、县工信局
完成时限:
长期坚持
"""


def it_reads_a_key_on_one_line_and_its_value_on_the_next():
    ds = xltools.import_text(KEY_THEN_VALUE)
    assert [(t.number, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("1", ["县政务服务中心"], ["县发改局", "县财政局"], "2024年12月底前"),
        ("2", ["县发改局"], ["县财政局", "县工信局"], "长期坚持")]
    assert [t.content[:6] for t in ds.tasks] == ["推动高频政务", "推行惠企政策"]


def it_joins_a_key_only_with_a_value_never_with_the_next_key_or_item():
    from xltools.ingest.readers.text import join_key_lines

    assert join_key_lines("责任单位：\n牵头单位：县发改局") == "责任单位：\n牵头单位：县发改局"
    assert join_key_lines("责任单位：\n2.推行惠企政策。") == "责任单位：\n2.推行惠企政策。"
    assert join_key_lines("主要目标：\n到2025年底建成。") == "主要目标：\n到2025年底建成。"  # not a unit key
    assert join_key_lines("责任单位：\n县财政局") == "责任单位：县财政局"


def it_aligns_pipe_rows_short_of_the_header_by_what_their_cells_hold():
    cells = [ln.rstrip(" |") for ln in SHORT_ROWS.splitlines()]
    head, rows = cells[:9], cells[9:]
    text = " | ".join(head) + "\n" + "\n".join(" | ".join(rows[k:k + n]) for k, n in ((0, 8), (8, 8), (16, 7))) + "\n"
    ds = xltools.import_text(text)
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("7", ["商务局"], ["市场监管局", "相关街道"]), ("8", ["园林局"], ["自然资源局", "各街道"]),
        ("9", ["交通局"], ["公安分局交警大队"])]
    assert [t.extra["责任领导"] for t in ds.tasks] == ["王建平", "李明", "王建平"]


SPACE_ROWS = """某某市人民政府办公室关于印发2024年重点工作任务分工的通知
各县(市、区)人民政府,市政府各部门:
现将《2024年重点工作任务分工》印发给你们,请认真贯彻落实。
某某市人民政府办公室
2024年3月1日
2024年重点工作任务分工
序号 工 作 任 务 牵头单位 完成时限
1 地区生产总值增长6%左右 市发展改革委 年底前
2 城镇新增就业5万人以上,城镇调查失业率控制在5.5%以内 市人力资源社会保障局 年底前
3 新开工重大项目 120个,完成投资800亿元 市发展改革委 9月底前
4 完成老旧小区改造200个,惠及居民3万户
市住房城乡建设局 年底前
5 新增5G基站3000个 市工业和信息化局 6月底前
注:各牵头单位每季度末报送进展情况。
"""


def it_reads_a_table_flattened_to_space_separated_rows():
    ds = xltools.import_text(SPACE_ROWS)
    assert ds.title == "2024年重点工作任务分工"
    assert [(t.number, t.content, t.lead_units, t.deadline) for t in ds.tasks] == [
        ("1", "地区生产总值增长6%左右", ["市发展改革委"], "年底前"),
        ("2", "城镇新增就业5万人以上,城镇调查失业率控制在5.5%以内", ["市人力资源社会保障局"], "年底前"),
        ("3", "新开工重大项目 120个,完成投资800亿元", ["市发展改革委"], "9月底前"),  # a space inside the text stays
        ("4", "完成老旧小区改造200个,惠及居民3万户", ["市住房城乡建设局"], "年底前"),  # a wrapped row
        ("5", "新增5G基站3000个", ["市工业和信息化局"], "6月底前")]
    assert ds.columns["content"] == "工作任务"


def it_reads_a_row_whose_chinese_number_follows_the_task_above_as_a_task_not_a_heading():
    from xltools.ingest.patterns import zh_number

    ds = xltools.import_text("序号 | 工作任务 | 责任单位 | 完成时限\n九 | 改造老旧小区12个。 | 县住建局 | 12月底前\n"
                             "十 | 新建城乡公交站亭50个。 | 县交通局 | 9月底前\n十一 | 完成中小学校食堂明厨亮灶改造。 | |\n"
                             "十二 | 新增公办幼儿园学位600个。 | 县教育局 | 年底前\n")
    assert [(t.number, t.units, t.category) for t in ds.tasks] == [
        ("九", ["县住建局"], ""), ("十", ["县交通局"], ""), ("十一", [], ""), ("十二", ["县教育局"], "")]
    assert "分节标题" in ds.tasks[2].doubt and not ds.tasks[3].doubt
    assert [zh_number(x) for x in ("一", "十", "十二", "二十", "三十五", "十十", "1")] == [1, 10, 12, 20, 35, None, 1]


def it_still_reads_a_chinese_numbered_row_that_does_not_continue_the_tasks_as_a_section():
    ds = xltools.import_text("序号 | 工作任务 | 责任单位\n一 | 产业发展 |\n1 | 推进重点项目建设。 | 县发改局\n"
                             "2 | 培育规上工业企业10家。 | 县经信局\n二 | 民生保障 |\n3 | 新建幼儿园3所。 | 县教育局\n")
    assert [(t.number, t.category) for t in ds.tasks] == [("1", "产业发展"), ("2", "产业发展"), ("3", "民生保障")]


def it_never_takes_a_bare_number_for_a_unit():
    ds = xltools.import_text("序号 | 工作任务 | 责任单位\n1 | 改造老旧小区12个。 | 县住建局、3\n"
                             "2 | 新建城乡公交站亭50个。 | 县交通局\n")
    assert [t.units for t in ds.tasks] == [["县住建局"], ["县交通局"]]
    assert "「3」是数字" in ds.tasks[0].doubt and not ds.tasks[1].doubt


def it_says_which_header_it_saw_when_the_rows_below_cannot_be_cut():
    from xltools.errors import XlError

    # (the items carry no numbering of their own, so neither the row numbers nor the items' enumerators cut rows)
    text = "".join(f"{c} |\n" for c in ["序号", "牵头单位", "项目名称", "业主单位", "本月进展"]) + "||\n" + "".join(
        f"{c} |\n" for c in ["一", "区住建局", "城区道路改造", "区城投", "已完工"]) + "|||\n" + "".join(
        f"{c} |\n" for c in ["背街小巷整治", "区城管局", "已完工"]) + "|||\n"
    with pytest.raises(XlError) as err:
        xltools.import_text(text)
    assert "找到表头 「序号」、「牵头单位」、「项目名称」" in str(err.value) and "分不出来" in str(err.value)


# A 民生实事 list flattened one cell per line, each row opened by a lone bar line, numbers (years, money) in cells.
PROJECTS_OPENED = "".join(f"{c} |\n" if c else "|\n" for c in [
    "某县2025年十件民生实事项目清单", "", "序号", "项目名称", "建设地点", "建设时间", "建设内容", "投资金额 (万元)", "责任单位",
    "", "1", "县城区供水管网改造项目", "城关镇", "2025", "改造老旧供水管网18公里,新建加压泵站1座。", "2600", "水利局",
    "", "2", "2025年城乡公交一体化工程", "各镇", "2025", "新开通城乡公交线路6条,更新新能源公交车40辆。", "1800", "交通局",
    "", "3", "乡镇卫生院能力提升项目", "石门镇 (新集镇)", "2025", "改造提升2所中心卫生院,配齐DR等设备。", "950", "卫健局"])


def it_reads_rows_each_opened_by_a_bar_line_and_the_project_name_as_the_task():
    ds = xltools.import_text(PROJECTS_OPENED)
    assert [(t.number, t.content, t.units, t.deadline) for t in ds.tasks] == [
        ("1", "县城区供水管网改造项目", ["水利局"], "2025"), ("2", "2025年城乡公交一体化工程", ["交通局"], "2025"),
        ("3", "乡镇卫生院能力提升项目", ["卫健局"], "2025")]
    assert ds.tasks[0].extra["建设内容"].startswith("改造老旧供水管网") and ds.tasks[2].extra["建设地点"] == "石门镇 (新集镇)"
    assert any("项目名称" in n and "任务内容" in n for n in ds.import_notes)


def it_keeps_a_project_name_repeated_over_its_rows_as_the_category():
    ds = xltools.import_text(PROJECT_REGISTER.replace("建设内容", "项目内容"))
    assert ds.columns["content"] == "项目内容" and ds.tasks[1].category == "城乡供水一体化工程"


def it_reads_a_register_item_laid_out_as_label_and_value_cells():
    text = ("重点任务: | 42.推进老旧小区改造,全年完成改造小区120个。 |\n牵头单位: | 市住房城乡建设局 |\n"
            "配合单位: | 市发展改革委、市财政局 |\n完成时限: | 2025年12月底前 |\n进展情况、存在问题 及下一步工作建议: |\n"
            "已开工98个,完成投资6.2亿元。 |\n")
    ds = xltools.import_text(text)
    assert [(t.number, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("42", "推进老旧小区改造,全年完成改造小区120个。", ["市住房城乡建设局"], ["市发展改革委", "市财政局"], "2025年12月底前")]


NEWS_YISHI = """记者从县十八届人大五次会议获悉,今年县政府将为群众办好五件民生实事,涉及教育、卫生、住房等领域。一是新建城区幼儿园2所,新增学位720个。二是实施镇卫生院提标改造,完成3所中心卫生院迁建。三是改造县城老旧小区12个,惠及居民1600户。四是新建农村公路80公里,实现30户以上自然村通硬化路。五是新增城区停车泊位500个以上。
为督促民生实事落实,县人大常委会将组织代表开展专题视察。
"""

NEWS_PARAGRAPHS = """通讯员报道:2024年,某县将下大气力办一批群众看得见、摸得着的好事实事。
一是办好人民满意的教育。开工建设城关第二小学,确保2所幼儿园秋季投入使用。
二是加快健康县城建设。完成县医院门诊楼改造,着力提高基层医疗服务水平。
三是推进重点水利工程。完成46处农村饮水提升改造工程,改善2.1万人饮水条件。
"""

NEWS_SEMICOLON = ("2月10日,记者从县人代会上了解到,今年县政府将集中力量办好五件民生实事。这五件实事分别是:完成城区主干道"
                  "3.2公里拓宽改造;建成公共租赁住房400套;解决东山等3个乡镇1.2万人饮水不安全问题;改造农村危旧房1500户;"
                  "为3000名小学生免费筛查配镜。\n")


@pytest.mark.parametrize("text,numbers,first", [
    (NEWS_YISHI, ["一", "二", "三", "四", "五"], "新建城区幼儿园2所,新增学位720个。"),
    (NEWS_PARAGRAPHS, ["一", "二", "三"], "办好人民满意的教育。开工建设城关第二小学,确保2所幼儿园秋季投入使用。"),
    (NEWS_SEMICOLON, ["1", "2", "3", "4", "5"], "完成城区主干道3.2公里拓宽改造")], ids=["inline", "paragraphs", "semicolons"])
def it_reads_a_list_quoted_in_a_news_report_when_the_text_holds_no_other(text, numbers, first):
    ds = xltools.import_text(text)
    assert [t.number for t in ds.tasks] == numbers and ds.tasks[0].content == first
    assert not any(t.lead_units or t.units for t in ds.tasks)
    assert all("没有写明责任单位" in t.doubt for t in ds.tasks)
    assert ds.tasks[-1].content in ("新增城区停车泊位500个以上。", "推进重点水利工程。完成46处农村饮水提升改造工程,改善2.1万人饮水条件。",
                                    "为3000名小学生免费筛查配镜")


def it_never_cuts_a_yishi_run_inside_an_item_of_a_real_list():
    text = ("1.推进政务服务提质增效。一是推行高频事项全程网办;二是推广“免申即享”;三是压缩企业开办时间。"
            "(牵头单位:县政务服务中心;责任单位:县发改局)\n2.优化营商环境评价。(牵头单位:县发改局)\n")
    ds = xltools.import_text(text)
    assert [t.number for t in ds.tasks] == ["1", "2"] and ds.tasks[0].lead_units == ["县政务服务中心"]


def it_reads_rows_numbered_in_chinese_that_lost_their_merged_category_as_rows():
    """` | ` rows copied from a page whose 类别 cell is merged over rows numbered 一 二 三: 「二 | text |」 lost its
    category, it is no section heading (the rows themselves are numbered so)."""
    ds = xltools.import_text(
        "某镇2023年重点项目\n序号 | 类别 | 项目内容 |\n"
        "一 | 产业强镇 | 中药材种植产业园项目：总投资120万元，预计2022年12月开工建设。 |\n"
        "二 | 西瓜种植产业园项目：总投资400万元，预计2023年3月竣工。 |\n"
        "三 | 蔬菜保鲜库项目：库容15000余立方米，预计2023年3月开工建设。 |\n"
        "四 | 民生保障 | 新建村级养老服务站3个，年底前投入使用。 |\n"
        "五 | 改造农村危房20户，10月底前完成。 |\n")
    assert [(t.number, t.category, t.content[:6]) for t in ds.tasks] == [
        ("一", "产业强镇", "中药材种植产"), ("二", "产业强镇", "西瓜种植产业"), ("三", "产业强镇", "蔬菜保鲜库项"),
        ("四", "民生保障", "新建村级养老"), ("五", "民生保障", "改造农村危房")]


def it_reads_a_duty_table_copied_one_cell_per_line_that_ends_before_the_pages_other_blocks():
    """A department's 职责边界 page: 部门 | 职责 with no number column, unit first, one cell per line, then the page's
    own blocks (「相关依据」 and a document's name, 「案例」 and a paragraph) — after the table, not rows of it."""
    ds = xltools.import_text(
        "与相关部门的职责边界\n\n相关部门\n\n职责分工\n\n区公安分局\n\n维护考点周边安全、试卷运送保管安全保障。\n\n"
        "区教育局\n\n负责考试的具体组织、实施和协调工作。\n\n区市场监管局\n\n考点周边宾馆及餐饮卫生检查。\n\n"
        "区卫健委\n\n考点医疗服务保障。\n\n相关依据 相关依据\n\n《关于做好考试安全工作的通知》。\n\n案   例 案 例\n\n"
        "考试前夕，区政府牵头召开联席会议，要求各部门各司其责。\n")
    assert [(t.content[:6], t.lead_units, t.units) for t in ds.tasks] == [
        ("维护考点周边", [], ["区公安分局"]), ("负责考试的具", [], ["区教育局"]), ("考点周边宾馆", [], ["区市场监管局"]),
        ("考点医疗服务", [], ["区卫健委"])]


@pytest.mark.parametrize("label", ["职责", "工作职责", "主要职责", "职责分工"])
def it_reads_a_duty_column_as_the_tasks(label):
    ds = xltools.import_text(f"部门 | {label} |\n县教育局 | 负责校园安全隐患排查整治。 |\n"
                             "县公安局 | 负责校园周边治安巡逻防控。 |\n")
    assert [(t.content, t.units) for t in ds.tasks] == [("负责校园安全隐患排查整治。", ["县教育局"]),
                                                       ("负责校园周边治安巡逻防控。", ["县公安局"])]


def it_never_reads_a_contact_list_after_a_notices_items_as_the_tasks():
    """「附件：联络员名单」 (序号 | 部门 | 联络员 | 联系电话, one cell per line) after two items with their clauses: the
    telephone numbers are no task column, and the items are the list."""
    ds = xltools.import_text(
        "关于开展消防安全专项检查的通知\n各乡镇人民政府，县直有关单位：\n"
        "1.开展人员密集场所消防安全检查。（县消防救援大队牵头，县应急管理局配合）\n"
        "2.开展高层建筑消防设施排查。（县住建局牵头，县消防救援大队配合）\n附件：联络员名单\n序号\n部门\n联络员\n联系电话\n"
        "1\n县消防救援大队\n王强\n13800000001\n2\n县应急管理局\n李华\n0571-86012345\n")
    assert [(t.content, t.lead_units) for t in ds.tasks] == [("开展人员密集场所消防安全检查。", ["县消防救援大队"]),
                                                            ("开展高层建筑消防设施排查。", ["县住建局"])]


def it_ends_a_duty_table_without_numbers_at_the_notices_signature():
    ds = xltools.import_text("县森林防火指挥部成员单位职责\n部门\n职责\n县林业局\n负责全县森林防火的组织、协调和指导工作\n"
                             "县应急管理局\n负责森林火灾扑救的统一调度\n县气象局\n负责森林火险气象等级预报\n"
                             "县人民政府办公室\n2024年3月1日\n")
    assert [t.units for t in ds.tasks] == [["县林业局"], ["县应急管理局"], ["县气象局"]]


def it_refuses_a_working_groups_member_list_as_a_task_list():
    """序号 | 姓名 | 职务 | 小组职务 | 职责: the duties of people, no unit column — not a task list (said, not guessed)."""
    with pytest.raises(xltools.XlError, match="人员职责分工名单"):
        xltools.import_text("序号 | 姓名 | 职务 | 小组职务 | 职责 |\n1 | 王建国 | 县长 | 组长 | 负责行动的全面领导 |\n"
                            "2 | 李明 | 副县长 | 副组长 | 负责行动的具体组织实施 |\n"
                            "3 | 张伟 | 县应急局局长 | 成员 | 负责日常联络和督导 |\n")


def it_never_reads_a_column_of_figures_as_the_tasks_whatever_their_spelling():
    """A contact list whose numbers are printed as offices print them (「138 0000 0001」, 「0556-1234567（办）」), under a
    label the importer does not know: no column of figures is a task column, so the notice's items are the list."""
    ds = xltools.import_text(
        "关于开展消防安全专项检查的通知\n1.开展人员密集场所消防安全检查。（县消防救援大队牵头，县应急管理局配合）\n"
        "2.开展高层建筑消防设施排查。（县住建局牵头，县消防救援大队配合）\n附件：联络员名单\n"
        "序号 | 部门 | 联络员 | 联系方式 |\n1 | 县消防救援大队 | 王强 | 138 0000 0001 |\n"
        "2 | 县应急管理局 | 李华 | 0556-1234567（办） |\n")
    assert [t.content for t in ds.tasks] == ["开展人员密集场所消防安全检查。", "开展高层建筑消防设施排查。"]


def it_ends_a_duty_table_without_numbers_where_the_next_annex_begins():
    ds = xltools.import_text("附件1\n县森林防火指挥部成员单位职责\n部门\n职责\n县林业局\n负责全县森林防火的组织、协调和指导工作\n"
                             "县应急管理局\n负责森林火灾扑救的统一调度\n县气象局\n负责森林火险气象等级预报\n附件2\n"
                             "森林防火值班电话\n县林业局\n0556-1111111\n县应急管理局\n0556-2222222\n")
    assert [t.units for t in ds.tasks] == [["县林业局"], ["县应急管理局"], ["县气象局"]]
    assert ds.title == "县森林防火指挥部成员单位职责"
