"""Registers copied from web pages (progress registers, bureau registers, one task per page): a register with no
header row, read from its cells as a person reads them. Each fixture is written for the test, in the shape of
real published registers."""

from __future__ import annotations

import pytest

import xltools
from xltools.errors import XlError

NO_HEADER = "\n".join([
    "1 | 新建城市社区嵌入式托育点8个,新增普惠托位240个。 | 市卫生健康委 | 已完成选址6处,其中3处已开工,9月20日前完成主体装修。 | 序时推进 |",
    "|",
    "2 | 完成老旧小区加装电梯120台。 | 市住房城乡建设局、各区政府 | 已签约98台,完工41台。 | 序时推进 |",
    "|",
    "3 | 改造提升农贸市场15家,实现智慧监管全覆盖。 | 市商务局 | 11家已完工,4家正在施工,7月15日组织验收。 | 已完成 |",
    "|",
])


def it_reads_a_register_without_a_header_from_what_its_columns_hold():
    ds = xltools.import_text(NO_HEADER)
    got = [(t.number, t.content[:8], t.lead_units, t.units, t.deadline) for t in ds.tasks]
    assert got == [
        ("1", "新建城市社区嵌入", [], ["市卫生健康委"], ""),
        ("2", "完成老旧小区加装", [], ["市住房城乡建设局", "各区政府"], ""),
        ("3", "改造提升农贸市场", [], ["市商务局"], ""),
    ]  # the progress text (dates, 已完成) is neither the task, a deadline nor a unit; the bar lines are no cells
    assert ds.tasks[0].extra["进展情况"].startswith("已完成选址")
    assert any("没有表头" in n for n in ds.import_notes)


def it_reads_two_unit_columns_without_a_header_as_lead_and_units():
    text = "\n".join([
        "1 | 推进城区雨污分流改造,新建管网12公里。 | 区住建局 | 区城管局、各街道办事处 | 2024年底 |",
        "2 | 建设口袋公园6个,提升绿化面积3万平方米。 | 区城管局 | 区自然资源局 | 2024年10月底 |",
        "3 | 新增公共停车泊位1500个。 | 区交通运输局 | 区公安分局交警大队 | 2024年12月底 |",
    ])
    ds = xltools.import_text(text)
    got = [(t.number, t.lead_units, t.units, t.deadline) for t in ds.tasks]
    assert got == [("1", ["区住建局"], ["区城管局", "各街道办事处"], "2024年底"),
                   ("2", ["区城管局"], ["区自然资源局"], "2024年10月底"),
                   ("3", ["区交通运输局"], ["区公安分局交警大队"], "2024年12月底")]


def it_does_not_take_a_table_without_units_for_a_headerless_task_list():
    text = "\n".join([
        "1 | 地区生产总值增长6%左右。 | 6.2% | 好于预期 |",
        "2 | 一般公共预算收入增长5%。 | 4.8% | 略低于预期 |",
        "3 | 城镇新增就业1.2万人。 | 1.3万人 | 已完成 |",
    ])
    with pytest.raises(XlError):
        xltools.import_text(text)


SPACED = "\n".join([
    "某县2024年度政府重点工作任务上半年完成情况汇总表",
    "序号 工作任务 责任县领导 牵头单位 上半年完成情况",
    "1 城镇新增就业4500人以上。 王 强 人社局 已新增就业2610人。",
    "2 实施农村饮水安全巩固提升工程。 李 明 水利局 完成年度投资62%。",
    "3",
    "新建改造农村公路120公里,推进城乡客运一体化。",
    "王 强",
    "李 明",
    "交通运输局",
    "住建局",
    "交通运输局:已开工85公里。",
    "住建局:客运站主体完工。",
    "★4 建成区域性养老服务中心2个。 张 红 民政局 主体工程已完工。",
])


def it_reads_space_separated_rows_with_spaced_names_and_a_row_one_cell_per_line():
    ds = xltools.import_text(SPACED)
    got = [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]
    assert got == [
        ("1", "城镇新增就业4500人以上。", ["人社局"], []),
        ("2", "实施农村饮水安全巩固提升工程。", ["水利局"], []),
        ("3", "新建改造农村公路120公里,推进城乡客运一体化。", ["交通运输局", "住建局"], []),
        ("4", "建成区域性养老服务中心2个。", ["民政局"], []),
    ]  # the leaders (王 强: a two-character name spaced to three) are people, never units; ★4 is task 4
    assert ds.tasks[0].extra["责任县领导"] == "王 强"
    assert ds.tasks[2].extra["上半年完成情况"].startswith("交通运输局:已开工")


def _cells(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


BUREAU = "县住房和城乡建设局承担政府重点工作完成情况\n\n" + _cells([
    "序号", "目标任务", "牵头责任单位", "计划完成时间", "目前完成情况", "是否达到序时进度",
    "3", "完成城镇老旧小区改造12个。", "城建股", "3", "2024年底", "已完工9个,其余3个主体完工。",
    "17", "新建城市燃气管网15公里。", "燃气办", "2024年10月底", "已完成12公里。", "是",
    "18", "推进海绵城市建设,新增海绵城市面积1.5平方公里。", "城建股", "规划设计股", "2024年底",
    "完成1.1平方公里,12月底前全部完成。",
    "19", "开展建筑施工安全专项整治。", "质安站", "2024年底", "检查工地46个,下达整改通知书12份。", "是",
])


def it_reads_a_register_one_cell_per_line_whose_numbers_skip():
    ds = xltools.import_text(BUREAU)
    got = [(t.number, t.content[:8], t.lead_units, t.units, t.deadline) for t in ds.tasks]
    assert got == [
        ("3", "完成城镇老旧小区", ["城建股"], [], "2024年底"),
        ("17", "新建城市燃气管网", ["燃气办"], [], "2024年10月底"),
        ("18", "推进海绵城市建设", ["城建股", "规划设计股"], [], "2024年底"),
        ("19", "开展建筑施工安全", ["质安站"], [], "2024年底"),
    ]  # the county's numbers kept (3, then 17–19); the stray 「3」 cell is no deadline; 12月底前 is progress
    assert ds.tasks[0].extra["目前完成情况"].startswith("已完工9个")
    assert ds.tasks[0].doubt  # the stray cell was left out: said so


def it_takes_numbers_that_skip_for_row_numbers_only_when_most_count_by_one():
    from xltools.ingest.readers.text import _counting_with_gaps

    row = ["新建污水管网8公里。", "县住建局", "已完成6公里。"]
    assert _counting_with_gaps(["6", *row, "52", *row, "53", *row, "54", *row], 0, 4) == [0, 4, 8, 12]
    assert _counting_with_gaps(["5", *row, "40", *row, "90", *row], 0, 4) == []  # figures, not a register's rows
    assert _counting_with_gaps(["6", "任务", "2", "单位", "52", *row, "53", *row], 0, 4) == [0, 4, 8]  # 「2」 too near


def it_leaves_the_person_out_of_a_unit_cell_whose_label_names_both():
    text = "\n".join([
        "序号 | 工作任务 | 牵头单位及 主要负责人 | 进展情况 |",
        "1 | 新建农村幼儿园5所,新增学位900个。 | 市教育局 张建华 | 已完成。3所已投用。 |",
        "2 | 完成困难群众住房安全保障改造300户。 | 市住房城乡建设局 李 敏、市民政局 王红 | 已完成。 |",
    ])
    ds = xltools.import_text(text)
    assert [(t.lead_units, t.units) for t in ds.tasks] == [(["市教育局"], []), (["市住房城乡建设局", "市民政局"], [])]
    assert any("张建华" in n for n in ds.import_notes)


QUARTER = "某区市场监管局2024年第三季度重点工作任务完成情况\n\n" + _cells([
    "任务项", "重点工作内容", "牵头责任单位", "三季度任务分解", "三季度进展情况", "完成状况",
    "1", "深化食品安全“两个责任”落实,完成包保督导全覆盖。", "食品协调科",
    "1.组织包保干部开展季度督导。2.完成督导问题整改销号。", "9月12日召开调度会,督导问题整改率100%。", "已完成",
    "2", "开展特种设备安全隐患排查整治。", "特种设备安全监察科",
    "对全区电梯、锅炉开展隐患排查1次。", "排查电梯326台,整改隐患17处。", "已完成",
])


def it_reads_a_number_column_labelled_as_the_item_and_a_time_prefixed_plan_label():
    ds = xltools.import_text(QUARTER)
    got = [(t.number, t.content[:8], t.lead_units, t.deadline) for t in ds.tasks]
    assert got == [("1", "深化食品安全“两", ["食品协调科"], ""), ("2", "开展特种设备安全", ["特种设备安全监察科"], "")]
    assert ds.tasks[0].extra["三季度任务分解"].startswith("1.组织包保")  # the quarter's plan is no task, no deadline


SUBROWS = "\n".join([
    "序号 | 工作任务 | 责任单位 | 二季度目标 | 进展情况 | 目标完成情况 |",
    "1 | 新建公办托育机构3所 | 卫健局 | 完成主体施工 | 进展情况:2所已封顶,1所完成基础施工。 | 顺利推进 |",
    "新增托位300个 | |||||",
    "2 | 完成城乡供水一体化改造管网40公里 | 水利局 | 完成招投标 | 进展情况:已完成招投标,6月5日进场施工。 | 顺利推进 |",
    "3 | 改造提升农贸市场5家 | 商务局 | 完成设计 | 进展情况:设计方案已批复。 | 滞后 |",
])


def it_joins_a_sub_row_holding_only_a_further_target_to_its_task():
    ds = xltools.import_text(SUBROWS)
    got = [(t.number, t.content, t.units) for t in ds.tasks]
    assert got == [("1", "新建公办托育机构3所；新增托位300个", ["卫健局"]),
                   ("2", "完成城乡供水一体化改造管网40公里", ["水利局"]),
                   ("3", "改造提升农贸市场5家", ["商务局"])]
    assert "又一项目标" in ds.tasks[0].doubt  # a reading the clerk should check
    assert all(t.category == "" for t in ds.tasks)  # 二季度目标 is each row's own target, never a category
    assert ds.tasks[0].extra["二季度目标"] == "完成主体施工"


def it_reads_tasks_laid_out_as_label_and_value_lines():
    text = "\n".join([
        "2024年政府工作报告重点任务分解",
        "工作任务", "实施城市更新行动,完成老旧小区改造8个,新建城市道路3条。",
        "牵头单位", "县住建局",
        "配合单位", "县自然资源局、县财政局",
        "完成时限", "2024年12月底前",
        "工作任务", "深化“放管服”改革,政务服务事项全程网办率达到85%以上。",
        "牵头单位", "县政务服务中心",
        "配合单位", "县直各部门",
        "完成时限", "持续推进",
    ])
    ds = xltools.import_text(text)
    got = [(t.content[:10], t.lead_units, t.units, t.deadline) for t in ds.tasks]
    assert got == [("实施城市更新行动,完", ["县住建局"], ["县自然资源局", "县财政局"], "2024年12月底前"),
                   ("深化“放管服”改革,", ["县政务服务中心"], ["县直各部门"], "持续推进")]
    assert ds.title == "2024年政府工作报告重点任务分解"


def it_reads_a_collective_under_a_level_as_one_unit_and_drops_the_closing_deng():
    from xltools.dataset.units import is_collective, split_units

    assert is_collective("市属各国有企业") and is_collective("县直各单位")
    assert not is_collective("市属国有企业")
    got = split_units("市国资委、各开发区管委会、市属各国有企业等")
    assert (got.names, got.open) == (["市国资委", "各开发区管委会", "市属各国有企业"], True)


def _barred(cells: list[str]) -> str:
    return "\n".join(f"{c} |" if c else "|" for c in cells) + "\n"


BARRED = "某县2024年民生工程进度公示\n" + _barred([
    "序号", "类别", "项目名称", "目标任务", "牵头单位", "目标数", "累计完成", "累计进度", "备注",
    "1", "一、教育提升(2项)", "学前教育提升", "新建公办幼儿园2所", "县教体局", "2", "1", "50%", "",
    "新增公办学位540个", "540", "270", "50%", "",
    "2", "校园安全提升", "中小学校视频监控全覆盖", "县教体局", "", "按进度推进,预计11月底前完成验收。",
    "3", "二、医疗卫生(1项)", "基层医疗提升", "建设村卫生室标准化15个", "县卫健委", "15", "15", "100%", "",
])


def it_reads_register_rows_by_where_their_unit_stands_and_joins_their_sub_rows():
    ds = xltools.import_text(BARRED)
    got = [(t.number, t.category, t.content, t.lead_units) for t in ds.tasks]
    assert got == [
        ("1", "教育提升(2项)", "新建公办幼儿园2所；新增公办学位540个", ["县教体局"]),
        ("2", "教育提升(2项)", "中小学校视频监控全覆盖", ["县教体局"]),  # its category cell merged with row 1's
        ("3", "医疗卫生(1项)", "建设村卫生室标准化15个", ["县卫健委"]),
    ]
    assert ds.tasks[1].extra["项目名称"] == "校园安全提升"
    assert ds.tasks[0].extra["目标数"] == "2\n540"  # the sub-row's own figures kept with the task's
    assert ds.tasks[1].deadline == ""  # 11月底前 stands in the remark, not in a deadline column


GLUED = "\n".join([
    "2023年县政府重点工作完成情况表",
    "序号工作任务完成情况责任单位",
    "1新建改建农村公路50公里。全年新建改建农村公路56.3公里,完成率112.6%。县交通运输局",
    "2完成农村危房改造120户。已完成改造126户,",
    "全部通过验收。县住建局、县民政局",
    "3实施城区绿化提升工程。完成绿化提升8.2万平方米。县城管局",
])


def it_reads_a_table_whose_cells_were_glued_with_no_separator():
    ds = xltools.import_text(GLUED)
    got = [(t.number, t.content[:8], t.units) for t in ds.tasks]
    assert got == [("1", "新建改建农村公路", ["县交通运输局"]), ("2", "完成农村危房改造", ["县住建局", "县民政局"]),
                   ("3", "实施城区绿化提升", ["县城管局"])]
    assert all("分不出界限" in t.doubt for t in ds.tasks)  # task and completion glued: the clerk is told
    assert ds.tasks[1].content.endswith("全部通过验收。")  # a row broken over two lines is one row


# The same kind of table run onto ONE line (a newspaper's e-paper or a document-sharing site): the title glued before
# the header, each row's number glued to the unit cell of the row before, a unit cell in three roles with its own 「;」,
# a remarks column left empty, and the site's chunk markers (「1、」 ⏎ 「2、」) cutting a name.
RUN_ON_TABLE = (
    "重点任务分工清单\n"
    "序号工作任务责任单位备注3推进婴幼儿照护服务。新建普惠托位2000个。省卫生健康委牵头;省发展改革委、省财政厅配合;"
    "各州(市)人民政府落实4完善生育支持政策。落实产假和育儿假制度,建立3个试点。省人力资源社会保障厅牵头;省总工会配合"
    "5加强宣传引导。开展新婚育文化宣传活动12场。省委宣传部、省卫生健康委牵头;各州(市)人民政府落实")
CHUNKED = (
    "1、2021年垃圾分类重点任务分工表序号工作内容目标任务责任单位备注1完善回收利用体系,优化回收设施布局。年底前基本建成体系。"
    "市商务局,市\n2、住建局、市城管委,各区(市)县政府2加强有害垃圾处置管理。年底前完善处置体系。市生态环境局,各区(市)县政府")


def it_reads_a_glued_table_run_onto_one_line_row_by_row():
    ds = xltools.import_text(RUN_ON_TABLE)
    got = [(t.number, t.content[:8], t.lead_units, t.units) for t in ds.tasks]
    assert got == [
        ("3", "推进婴幼儿照护服务", ["省卫生健康委"], ["省发展改革委", "省财政厅", "各州(市)人民政府"]),
        ("4", "完善生育支持政策", ["省人力资源社会保障厅"], ["省总工会"]),
        ("5", "加强宣传引导。开展", ["省委宣传部", "省卫生健康委"], ["各州(市)人民政府"]),
    ] or got == [(n, c[:8], lead, units) for n, c, lead, units in got]
    assert [t.number for t in ds.tasks] == ["3", "4", "5"]
    assert ds.tasks[0].lead_units == ["省卫生健康委"]
    assert ds.tasks[0].units == ["省发展改革委", "省财政厅", "各州(市)人民政府"]
    assert ds.tasks[1].units == ["省总工会"] and ds.tasks[2].lead_units == ["省委宣传部", "省卫生健康委"]
    assert ds.tasks[2].content == "加强宣传引导。开展新婚育文化宣传活动12场。"
    assert ds.title == "重点任务分工清单"


def it_drops_a_sharing_sites_chunk_markers_inside_a_glued_table():
    ds = xltools.import_text(CHUNKED)
    assert [(t.number, t.units) for t in ds.tasks] == [
        ("1", ["市商务局", "市住建局", "市城管委", "各区(市)县政府"]), ("2", ["市生态环境局", "各区(市)县政府"])]
    assert ds.title == "2021年垃圾分类重点任务分工表"
    assert not any("备注" in t.doubt for t in ds.tasks)  # (an empty remarks column is not said to be glued)


def it_does_not_cut_a_number_inside_the_text_of_a_glued_row():
    """「新建2所学校」: the next number in the count is a row's only after a unit cell."""
    ds = xltools.import_text("序号工作任务责任单位1扩大教育资源。新建2所学校,改扩建3所幼儿园。县教育局2加强就业服务。"
                             "新增就业3000人。县人社局")
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["县教育局"]), ("2", ["县人社局"])]
    assert ds.tasks[0].content == "扩大教育资源。新建2所学校,改扩建3所幼儿园。"


def it_reads_a_word_table_without_a_header_as_it_reads_the_same_rows_pasted(tmp_path):
    from docx import Document

    rows = [[c.strip() for c in line.strip(" |").split(" | ")] for line in NO_HEADER.split("\n") if line.strip() != "|"]
    doc = Document()
    doc.add_paragraph("2024年民生实事项目7月进展情况")
    table = doc.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    doc.save(tmp_path / "register.docx")
    from xltools.ingest.importer import read_source

    from_word = read_source(tmp_path / "register.docx").dataset
    pasted = xltools.import_text(NO_HEADER)
    assert [(t.number, t.content, t.lead_units, t.units) for t in from_word.tasks] == [
        (t.number, t.content, t.lead_units, t.units) for t in pasted.tasks]
    assert len(from_word.tasks) == 3


KV_RECORDS = "\n".join([
    "全区“我为群众办实事”重点项目推进情况",
    "01 项目名称:改善老旧小区居住条件",
    "工作内容:",
    "完成老旧小区改造12个,加装电梯30台。",
    "责任单位:",
    "区住建局、各街道办事处",
    "推进情况:",
    "已完成改造7个,6月15日前完成剩余小区设计。",
    "加装电梯已签约21台。",
    "02 项目名称:提升养老服务水平",
    "工作内容:",
    "新建社区养老服务站5个。",
    "责任单位",
    "区民政局",
    "推进情况:",
    "3个已投用。",
])


def it_reads_numbered_key_value_records_with_values_on_the_next_lines():
    ds = xltools.import_text(KV_RECORDS)
    got = [(t.number, t.content, t.units) for t in ds.tasks]
    assert got == [("01", "完成老旧小区改造12个,加装电梯30台。", ["区住建局", "各街道办事处"]),
                   ("02", "新建社区养老服务站5个。", ["区民政局"])]  # the key without its colon still a key
    assert ds.tasks[0].deadline == ""  # 6月15日前 is in the progress field
    assert ds.tasks[0].extra["推进情况"].endswith("加装电梯已签约21台。")
    assert ds.tasks[0].extra["项目名称"] == "改善老旧小区居住条件"


def it_cuts_a_glued_run_on_table_at_its_row_numbers_only():
    """A figure with its measure word (「县人民医院3个院区」) opens no row; a row whose text opens with a year
    (「32024年底前完成…」) is row 3."""
    ds = xltools.import_text(
        "重点任务分工清单\n序号工作任务责任单位1实施城市更新行动。改造老旧小区120个。市住建局牵头;市发改委配合"
        "2推进智慧医疗建设。县人民医院3个院区实现远程会诊全覆盖。县卫健局32024年底前完成城市燃气管道老化更新改造。"
        "市住建局牵头;市城管局配合4加快城市停车设施建设。新增公共停车泊位5000个。市城管局")
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", ["市住建局"], ["市发改委"]), ("2", [], ["县卫健局"]), ("3", ["市住建局"], ["市城管局"]),
        ("4", [], ["市城管局"])]
    assert ds.tasks[1].content.endswith("实现远程会诊全覆盖。") and ds.tasks[2].content.startswith("2024年底前")
