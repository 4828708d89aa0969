"""Tables flattened to text, round 2: header labels wrapped inside their cells (one line each in a one-cell-per-line
stream), and a short task-name column beside a longer task-detail column. Each fixture is written for the test, in
the shape of real published registers (a town's quarterly work ledger)."""

from __future__ import annotations

import xltools


def _cells(lines: list[str]) -> str:
    """One cell per line with a blank line between, as a web page's table comes out when copied."""
    return "\n\n".join(lines) + "\n"


# A town's quarterly ledger: the narrow columns' labels were printed on two lines inside their cells, so the header
# shows 重点/工作, 责任/领导, 责任/科室, 年度目标/任务, 第三季度/完成情况 (12 lines for 7 columns; 责任 twice).
WRAPPED_HEADER = "某镇2024年度重点工作第三季度推进情况\n\n" + _cells([
    "序号", "重点", "工作", "责任", "领导", "责任", "科室", "年度目标", "任务", "工作措施", "第三季度", "完成情况",
    "1", "老旧小区改造", "张国华", "城建办", "完成3个老旧小区改造,惠及居民1200户。", "9月底前完成主体施工。",
    "已完成2个小区主体施工,进度达70%。",
    "2", "农村生活污水治理", "李卫东", "农业农村办", "新建农村污水管网8公里,行政村覆盖率达到90%。",
    "分片区推进管网铺设,同步开展验收。", "已铺设管网6公里。",
    "3", "基层应急能力提升", "张国华", "应急管理办公室", "建成标准化应急物资储备点5个。",
    "按照时间节点完成物资采购和储备。", "已建成3个储备点,其余2个正在选址。"])


def it_joins_header_labels_wrapped_inside_their_cells():
    ds = xltools.import_text(WRAPPED_HEADER)
    assert [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "老旧小区改造", [], ["城建办"]),
        ("2", "农村生活污水治理", [], ["农业农村办"]),
        ("3", "基层应急能力提升", [], ["应急管理办公室"])]
    assert [t.extra["责任领导"] for t in ds.tasks] == ["张国华", "李卫东", "张国华"]  # a person, never a unit
    assert ds.tasks[0].extra["年度目标任务"].startswith("完成3个老旧小区改造")
    assert ds.tasks[2].extra["第三季度完成情况"].startswith("已建成3个储备点")
    assert ds.columns["content"] == "重点工作" and ds.columns["units"] == "责任科室"
    assert any("折行" in note and "责任／领导" in note for note in ds.import_notes)
    assert not any(t.doubt for t in ds.tasks)


def it_reads_a_wrapped_header_without_the_blank_lines_too():
    ds = xltools.import_text(WRAPPED_HEADER.replace("\n\n", "\n"))
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["城建办"]), ("2", ["农业农村办"]),
                                                       ("3", ["应急管理办公室"])]


def it_never_joins_two_labels_that_each_name_their_column():
    from xltools.ingest.table import wrapped_labels

    rows = [["改造提升农贸市场5个。", "商务局", "2024年底前"], ["新建口袋公园12处。", "园林局", "2024年10月底前"]]
    # 主要任务 | 全年目标任务: two labels, one without cells — never one wrapped label
    assert wrapped_labels(["主要任务", "全年目标任务", "牵头单位", "完成时限"], rows) is None
    # a line that names nothing alone (完成 / 时限) is joined with the next
    assert wrapped_labels(["重点任务", "牵头单位", "完成", "时限"], rows) == [[0], [1], [2, 3]]


def it_keeps_a_task_name_repeated_over_rows_as_the_category_beside_the_detail():
    text = ("序号 | 重点任务 | 工作措施 | 责任单位 |\n"
            "1 | 优化营商环境 | 推行企业开办“一窗通办”,全流程压缩至1个工作日内办结。 | 区市场监管局 |\n"
            "2 | 优化营商环境 | 推进惠企政策“免申即享”,建立政策清单并动态更新。 | 区发展改革局 |\n"
            "3 | 优化营商环境 | 深化工程建设项目审批制度改革,审批时限压减至60个工作日。 | 区住建局 |\n")
    ds = xltools.import_text(text)
    assert [t.content[:6] for t in ds.tasks] == ["推行企业开办", "推进惠企政策", "深化工程建设"]
    assert {t.category for t in ds.tasks} == {"优化营商环境"}


def it_reads_a_short_task_name_one_per_row_as_the_task_beside_its_detail():
    text = ("序号 | 重点工作 | 目标任务 | 责任单位 |\n"
            "1 | 企业开办提速 | 推行企业开办“一窗通办”,全流程压缩至1个工作日内办结。 | 区市场监管局 |\n"
            "2 | 惠企政策直达 | 推进惠企政策“免申即享”,建立政策清单并动态更新。 | 区发展改革局 |\n"
            "3 | 审批改革攻坚 | 深化工程建设项目审批制度改革,审批时限压减至60个工作日。 | 区住建局 |\n")
    ds = xltools.import_text(text)
    assert [t.content for t in ds.tasks] == ["企业开办提速", "惠企政策直达", "审批改革攻坚"]
    assert ds.tasks[0].extra["目标任务"].startswith("推行企业开办")


# A notice above its attachment flattened to ` | ` rows: the attachment is printed with its label only (「附件2 |」),
# a note on the target types sits above the header; the notice lists its attachments (附件:1. … 2. …).
NOTICE_ABOVE_TABLE = """各镇人民政府、街道办事处,区政府各部门:
现将2024年目标任务分解如下,请认真抓好落实。
附件:1. 2024年《政府工作报告》目标任务分解表
2. 2024年民生实事项目目标任务分解表
某区人民政府办公室
2024年2月20日
附件2 |
(注:A类指责任目标;B类指激励目标)
序号 | 项目名称 | 牵头部门 | 配合部门 | 目标类型 |
1 | 新建城区幼儿园2所 | 区教育局 | 区住建局、区自然资源局 | A类 |
2 | 改造老旧小区12个 | 区住建局 | 各街道办事处 | A类 |
"""


def it_takes_the_title_from_the_notices_list_of_attachments_never_from_a_note():
    ds = xltools.import_text(NOTICE_ABOVE_TABLE)
    assert ds.title == "2024年民生实事项目目标任务分解表"
    assert ds.attachment_label == "附件2"
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", ["区教育局"], ["区住建局", "区自然资源局"]), ("2", ["区住建局"], ["各街道办事处"])]


def it_reads_a_one_cell_per_line_register_of_a_single_row():
    text = ("各县(市、区)人民政府,市政府各部门:\n现将任务分解如下,请抓好落实。\n某市人民政府办公室\n2024年3月1日\n"
            "2024年政府工作报告重点工作责任分解\n序号\n主 要 工 作 任 务\n牵头单位\n责任单位\n1\n"
            "城乡居民人均可支配收入分别增长6%和7.5%。\n市发展改革委\n市人力社保局、市农业农村局\n")
    ds = xltools.import_text(text)
    assert [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "城乡居民人均可支配收入分别增长6%和7.5%。", ["市发展改革委"], ["市人力社保局", "市农业农村局"])]



# A 民生实事 plan: no label names the task; 实事项目 holds one statement per row, the plan beside it numbered steps.
PLAN_BESIDE_TASK = """序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |
1 | 新建城区公办幼儿园3所,新增学前教育学位900个。 | 1.3月底前完成选址和方案设计;2.6月底前主体完工;3.9月底前投入使用。 | 区教育局 | 区住建局、区财政局 |
2 | 改造提升农贸市场5个,改善群众购物环境。 | 1.4月底前完成改造方案;2.10月底前全部完成改造并开业。 | 区商务局 | 区市场监管局、各镇(街道) |
"""


def it_reads_the_statement_beside_a_plan_of_numbered_steps_as_the_task():
    ds = xltools.import_text(PLAN_BESIDE_TASK)
    assert [(t.number, t.content[:10], t.lead_units) for t in ds.tasks] == [
        ("1", "新建城区公办幼儿园3", ["区教育局"]), ("2", "改造提升农贸市场5个", ["区商务局"])]
    assert ds.tasks[0].extra["工作举措及实施计划"].startswith("1.3月底前")


def it_keeps_the_longest_text_as_the_task_when_it_is_no_plan_of_steps():
    text = PLAN_BESIDE_TASK.replace("1.3月底前完成选址和方案设计;2.6月底前主体完工;3.9月底前投入使用。",
                                    "3月底前完成选址和方案设计,6月底前主体完工,9月底前投入使用,秋季学期开园招生。")
    text = text.replace("1.4月底前完成改造方案;2.10月底前全部完成改造并开业。",
                        "4月底前完成改造方案,10月底前全部完成改造并开业,同步完善周边停车设施。")
    ds = xltools.import_text(text)
    assert ds.tasks[0].content.startswith("3月底前完成选址")


# A county's indicator table (指标 | 权重 | 目标任务 | 责任单位) copied one cell per line: no row numbers, the first column's
# merged category printed where it starts (and again where the page continued it), unit cells merged over rows
# printed once, a target merged with the row above missing too, two unit names printed on two lines glued.
INDICATORS = "\n".join([
    "附件", "某县2024年度经济社会发展主要指标分解表", "指 标", "权重", "目标任务", "责任单位",
    "经济发展", "地区生产总值增长率", "4", "7%左右", "县发改局县统计局",
    "一般公共预算收入增长率", "3", "与经济增长同步", "县财政局",
    "税收收入占比", "2",
    "规模以上工业增加值增长率", "3", "8", "县经信局",
    "工业技改投资增长率", "1", "10",
    "经济发展", "实际利用外资", "1", "3000", "县商务局",
    "民生保障", "城镇新增就业人数", "2", "2600", "县人社局",
    "城镇调查失业率", "1", "低于5.5"]) + "\n"


def it_reads_an_indicator_table_without_numbers_whose_merged_cells_were_printed_once():
    ds = xltools.import_text(INDICATORS)
    assert [(t.category, t.content, t.units) for t in ds.tasks] == [
        ("经济发展", "地区生产总值增长率", ["县发改局", "县统计局"]),
        ("经济发展", "一般公共预算收入增长率", ["县财政局"]),
        ("经济发展", "税收收入占比", ["县财政局"]),
        ("经济发展", "规模以上工业增加值增长率", ["县经信局"]),
        ("经济发展", "工业技改投资增长率", ["县经信局"]),
        ("经济发展", "实际利用外资", ["县商务局"]),
        ("民生保障", "城镇新增就业人数", ["县人社局"]),
        ("民生保障", "城镇调查失业率", ["县人社局"])]
    assert ds.tasks[2].extra["目标任务"] == "与经济增长同步"  # target and unit merged with the row above
    assert [bool(t.doubt) for t in ds.tasks] == [False, False, True, False, True, False, False, True]
    assert "合并单元格" in ds.tasks[4].doubt
    assert ds.columns["content"] == "指 标" or ds.columns["content"] == "指标"
    assert ds.tasks[0].extra["权重"] == "4" and ds.tasks[5].extra["目标任务"] == "3000"  # figures are never units


def it_splits_unit_names_glued_by_the_copy_only_at_a_name_ending_before_the_same_prefix():
    from xltools.ingest.readers.text import _glued_units

    assert _glued_units("区发改局区统计局") == "区发改局、区统计局"
    assert _glued_units("县委办县政府办") == "县委办、县政府办"
    assert _glued_units("区市场监管局") == "区市场监管局"  # 区市…: no name ends before the 市
    assert _glued_units("县发改局、县统计局") == "县发改局、县统计局"


def it_leaves_a_stream_that_is_no_indicator_table_to_the_other_readings():
    from xltools.ingest.readers.text import _indicator_rows
    from xltools.ingest.table import is_header_row

    text = ["指标", "权重", "目标任务", "责任单位", "地区生产总值增长率", "县发改局", "一般公共预算收入增长率", "县财政局"]
    assert _indicator_rows([], [(t, n) for n, t in enumerate(text, 1)], is_header_row) is None


def _bar_cells(rows: list[list[str]], ends: list[str]) -> str:
    """Cells each closed by a bar, every row ended by a line of bars only (as a web page's register copies)."""
    return "".join("".join(f"{c} |\n" for c in row) + end + "\n" for row, end in zip(rows, ends, strict=True))


# A 民生实事 progress register grouped by lead unit: a group's first row opens with its number, its lead and a count
# (merged cells), items numbered (一)…, some with sub-items 1.…; the owner and the progress taken from the right.
GROUPED = "2025年县民生实事项目推进情况表\n" + _bar_cells([
    ["序号", "牵头单位", "项目数量", "项目名称", "业主单位", "推进情况"],
    ["一", "县交通运输局", "民生实事项目(2个)", "(一)农村公路提质改造工程", "1.石门至新集公路", "县交投集团", "已完工"],
    ["2.城关至青山公路", "城关镇 青山乡", "主体完工"],
    ["(二)城乡公交一体化", "县公交公司", "已开通6条线路"],
    ["二", "县卫健局", "民生实事项目(1个)", "(一)乡镇卫生院能力提升", "县卫健局", "设备已到位"]],
    ["||", "||||||", "|||||", "||", "|||"])


def it_reads_a_grouped_register_whose_group_cells_stand_on_its_first_row():
    ds = xltools.import_text(GROUPED)
    assert [(t.number, t.category, t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "农村公路提质改造工程", "石门至新集公路", ["县交通运输局"], ["县交投集团"]),
        ("2", "农村公路提质改造工程", "城关至青山公路", ["县交通运输局"], ["城关镇", "青山乡"]),
        ("二", "民生实事项目(2个)", "城乡公交一体化", ["县交通运输局"], ["县公交公司"]),  # the group's title
        ("一", "民生实事项目(1个)", "乡镇卫生院能力提升", ["县卫健局"], ["县卫健局"])]  # the owner as printed
    assert ds.tasks[2].extra["推进情况"] == "已开通6条线路"
    assert ds.columns["content"] == "项目名称"


def it_reads_the_project_name_as_the_task_beside_a_category_label():
    ds = xltools.import_text("类别 | 项目名称 | 责任单位 |\n民生保障 | 新建城区幼儿园2所 | 县教育局 |\n"
                             "民生保障 | 改造老旧小区12个 | 县住建局 |\n")
    assert [(t.category, t.content) for t in ds.tasks] == [("民生保障", "新建城区幼儿园2所"), ("民生保障", "改造老旧小区12个")]


def it_keeps_a_unit_printed_in_both_the_lead_and_the_unit_column_in_both():
    ds = xltools.import_text("序号 | 工作任务 | 牵头单位 | 业主单位 |\n"
                             "1 | 改造提升城区燃气管网40公里。 | 区城管局 | 区城管局、区水投 |\n"
                             "2 | 新建城区公办幼儿园2所。 | 区教体局 | 区城投公司 |\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["区城管局"], ["区城管局", "区水投"]), (["区教体局"], ["区城投公司"])]
