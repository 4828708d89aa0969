"""Lists whose line breaks were lost on the way to the clerk: a 分工方案 run onto one line (its paragraphs separated
by single spaces, or glued), and tables whose cells are separated by spaces. The fixtures are written for these
tests in the shapes real pages give."""

from __future__ import annotations

import xltools
from xltools.dataset.model import Dataset, Task
from xltools.ingest.importer import plausibility
from xltools.ingest.readers.runon import unfold_run_on


def _rows(ds):
    return [(t.number, t.category, t.content.rstrip("。"), t.lead_units, t.units) for t in ds.tasks]


# A county's notice copied from a mirror site: every paragraph break became one space.
SPACED_NOTICE = (
    "某县人民政府办公室 关于印发2024年县政府重点工作任务分工方案的通知 各乡镇人民政府，县直各单位： 现将《2024年县政府重点"
    "工作任务分工方案》印发给你们，请认真贯彻落实，于6月25日、12月25日前报送进展情况。 一、稳定经济增长 （一）扩大有效投资。"
    " 1.加快推进城东片区综合开发，全年完成投资12亿元（县发展改革局牵头，县财政局、县自然资源局配合）。 2.落实重大项目"
    "领导包联制度，推动30个重点项目开工建设（县住房城乡建设局牵头，县发展改革局、各乡镇人民政府配合）。 （二）促进消费"
    "回升。 3.举办家电、汽车促销活动4场以上（县商务局牵头，县市场监管局配合）。 二、保障改善民生 4.新增城镇就业2800人"
    "（县人力资源社会保障局牵头，各乡镇人民政府配合）。"
)


def it_reads_a_notice_run_onto_one_line_with_spaces_where_its_paragraphs_were():
    ds = xltools.import_text(SPACED_NOTICE)
    assert _rows(ds) == [
        ("1", "扩大有效投资", "加快推进城东片区综合开发，全年完成投资12亿元", ["县发展改革局"], ["县财政局", "县自然资源局"]),
        ("2", "扩大有效投资", "落实重大项目领导包联制度，推动30个重点项目开工建设", ["县住房城乡建设局"],
         ["县发展改革局", "各乡镇人民政府"]),
        ("3", "促进消费回升", "举办家电、汽车促销活动4场以上", ["县商务局"], ["县市场监管局"]),
        ("4", "保障改善民生", "新增城镇就业2800人", ["县人力资源社会保障局"], ["各乡镇人民政府"]),
    ]


def it_reads_items_glued_where_the_page_dropped_its_paragraph_breaks():
    """「…配合）。2.落实…」 and a heading glued to its first item (「一、稳定经济增长1.加快…」): the numbers counting up
    tell the items apart."""
    text = ("附件\n2024年重点工作任务分工方案\n"
            "一、稳定经济增长1.加快推进城东片区综合开发，全年完成投资12亿元（县发展改革局牵头，县财政局配合）。"
            "2.落实重大项目领导包联制度（县住房城乡建设局牵头，各乡镇人民政府配合）。"
            "二、保障改善民生3.新增城镇就业2800人（县人力资源社会保障局牵头，各乡镇人民政府配合）。\n")
    assert _rows(xltools.import_text(text)) == [
        ("1", "稳定经济增长", "加快推进城东片区综合开发，全年完成投资12亿元", ["县发展改革局"], ["县财政局"]),
        ("2", "稳定经济增长", "落实重大项目领导包联制度", ["县住房城乡建设局"], ["各乡镇人民政府"]),
        ("3", "保障改善民生", "新增城镇就业2800人", ["县人力资源社会保障局"], ["各乡镇人民政府"]),
    ]


def it_reads_key_lines_run_onto_the_line_of_their_item():
    """「1.… 牵头单位：X 责任单位：Y 完成时限：Z 2.…」: each key after a space starts a key line again."""
    text = ("附件 2024年民生实事任务分解 1.改造老旧小区12个，惠及居民3200户。 牵头单位：县住房城乡建设局 责任单位：县财政局、"
            "城关镇人民政府 完成时限：2024年11月底前 2.新建城市书房3个。 牵头单位：县文化和旅游局 责任单位：县财政局 完成时限："
            "2024年10月底前\n")
    ds = xltools.import_text(text)
    assert [(t.number, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("1", "改造老旧小区12个，惠及居民3200户。", ["县住房城乡建设局"], ["县财政局", "城关镇人民政府"], "2024年11月底前"),
        ("2", "新建城市书房3个。", ["县文化和旅游局"], ["县财政局"], "2024年10月底前"),
    ]


def it_leaves_ordinary_paragraphs_and_the_numbers_inside_their_sentences_alone():
    """A list laid out one paragraph a line is not run on, whatever numbers its sentences hold (「（1）…（2）…」 points
    of one task, 「1.5万」)."""
    text = ("2024年重点工作任务分工方案\n"
            "一、稳定经济增长\n"
            "1.抓好三项工作：（1）完成投资12亿元；（2）新增规上企业15家；（3）引进项目1.5万平方米（县发展改革局牵头，"
            "县财政局配合）。\n"
            "2.落实重大项目领导包联制度（县住房城乡建设局牵头）。\n")
    assert unfold_run_on(text) is None
    assert unfold_run_on("附件\n2024年重点工作任务分工方案\n1.完成投资12亿元（县发展改革局牵头）。\n") is None


def it_takes_a_reading_whose_unit_names_are_pieces_of_sentences_for_the_worse():
    """A run-on line cut in the wrong places gives 「2．规模以上工业增加值增长15%（市科经局」 as a unit's name: the
    reading that gives it looks less like a task list than one giving real names, even with fewer of them."""
    def ds(*tasks):
        out = Dataset(title="t", attachment_label="附件", columns={}, dataset_id="x")
        for n, (lead, units) in enumerate(tasks, 1):
            out.tasks.append(Task(key=f"T{n}", number=str(n), content="完成一项工作任务", lead_units=lead, units=units))
        return out

    broken = ds((["2．规模以上工业增加值增长15%（市科经局"], ["市统计局"]), (["一般公共预算收入增长10%（市财政局"], []))
    whole = ds((["市发改局"], ["人民大垸"]), (["市科经局"], ["荒湖管理区"]), (["市财政局"], ["市统计局"]))
    assert plausibility(whole)[0] > plausibility(broken)[0]
    assert "句子的片段" in plausibility(broken)[1]


def it_counts_a_number_in_a_circle_in_the_sequence_without_failing():
    """「①」 is a digit to str.isdigit but no int: a reading with tasks numbered ① ② is scored, not refused."""
    ds = Dataset(title="t", attachment_label="附件", columns={}, dataset_id="x")
    ds.tasks += [Task(key=f"T{n}", number=c, content="推行经营范围规范化登记", lead_units=["市市场监管局"])
                 for n, c in enumerate("①②", 1)]
    assert plausibility(ds)[0] > 0


# A WeChat article's table copied as text: a row a line, cells separated by spaces, no 序号 column.
WECHAT_TABLE = """2024年为民办实事项目责任分解表
类别 工作任务 牵头单位 责任单位 完成时限
城区老旧小区改造 改造老旧小区12个，惠及居民3200户。 县住房城乡建设局 县财政局、城关镇人民政府 2024年11月底前
城市书房建设 新建城市书房3个，全年开放不少于300天。 县文化和旅游局 县财政局 2024年10月底前
"""


def it_reads_a_table_copied_with_spaces_a_row_a_line_without_numbers():
    ds = xltools.import_text(WECHAT_TABLE)
    assert [(t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("改造老旧小区12个，惠及居民3200户。", ["县住房城乡建设局"], ["县财政局", "城关镇人民政府"], "2024年11月底前"),
        ("新建城市书房3个，全年开放不少于300天。", ["县文化和旅游局"], ["县财政局"], "2024年10月底前"),
    ]


def it_reads_rows_numbered_by_their_group_a_row_a_line_when_every_line_has_the_headers_width():
    """Rows numbered 1 1 2 (two rows of project 1) or 一 二: each line as wide as the header is a row."""
    text = ("序号 项目 建设内容 责任单位\n"
            "1 交通设施 实施城北路提升改造工程。 县交通运输局\n"
            "1 交通设施 实施东环路危桥改造工程。 县住房城乡建设局\n"
            "2 防洪能力 实施南河河道整治工程。 县水利局\n")
    assert [(t.number, t.content, t.units) for t in xltools.import_text(text).tasks] == [
        ("1", "实施城北路提升改造工程。", ["县交通运输局"]), ("1", "实施东环路危桥改造工程。", ["县住房城乡建设局"]),
        ("2", "实施南河河道整治工程。", ["县水利局"])]
    one = xltools.import_text("序号 类别 工作任务 责任单位\n一 稳就业 新增城镇就业2800人。 县人力资源社会保障局\n")
    assert [(t.number, t.content, t.units) for t in one.tasks] == [("一", "新增城镇就业2800人。", ["县人力资源社会保障局"])]


def it_flags_a_row_with_spaces_in_its_task_text():
    text = WECHAT_TABLE + ""
    text = text.replace("城市书房建设 新建城市书房3个，", "城市书房建设 新建城市书房3个， ")
    ds = xltools.import_text(text)
    assert ds.tasks[1].content.replace(" ", "") == "新建城市书房3个，全年开放不少于300天。"
    assert ds.tasks[1].units == ["县财政局"] and ds.tasks[1].doubt and not ds.tasks[0].doubt


def it_reads_a_register_whose_rows_were_run_onto_one_line_after_its_header():
    """「序号 工作任务 责任单位 完成时限 1 … 2 … 3 …」: rows cut before the numbers counting up."""
    text = ("2024年民生实事项目清单\n"
            "序号 工作任务 责任单位 完成时限 1 新增城镇就业2800人，城镇登记失业率控制在3%以内。 县人力资源社会保障局 2024年12月底前"
            " 2 改造老旧小区12个。 县住房城乡建设局、城关镇人民政府 2024年11月底前 3 新建城市书房3个。 县文化和旅游局"
            " 2024年10月底前\n")
    assert [(t.number, t.units, t.deadline) for t in xltools.import_text(text).tasks] == [
        ("1", ["县人力资源社会保障局"], "2024年12月底前"), ("2", ["县住房城乡建设局", "城关镇人民政府"], "2024年11月底前"),
        ("3", ["县文化和旅游局"], "2024年10月底前")]


def it_reads_a_list_of_one_item_run_onto_the_line_of_its_title():
    """「附件 … 一、促进经济发展 1、加强经济运行分析（牵头单位：…）。」: one item numbered 1 naming its units."""
    text = "附件 2024年政府工作目标任务分解 一、促进经济平稳发展 1、加强经济运行监测分析，确保完成主要指标（牵头单位：县发展改革局、县统计局）。\n"
    assert [(t.number, t.category, t.lead_units) for t in xltools.import_text(text).tasks] == [
        ("1", "促进经济平稳发展", ["县发展改革局", "县统计局"])]


def it_reads_unnumbered_items_run_on_each_closed_by_its_clause():
    """A news report quoting a list run onto one line: unnumbered items, each ended by its clause, then a space."""
    text = ("附件 我县30个重点项目明确责任单位 城东物流园（责任单位：县商务局） 南山食品产业园二期（责任单位：县开发区管委会） "
            "北河综合整治工程（责任单位：县水利局、城关镇人民政府）\n")
    assert [(t.content, t.units) for t in xltools.import_text(text).tasks] == [
        ("城东物流园", ["县商务局"]), ("南山食品产业园二期", ["县开发区管委会"]), ("北河综合整治工程", ["县水利局", "城关镇人民政府"])]


def it_reads_unnumbered_items_run_on_under_numbered_headings():
    text = ("附件 2024年经济社会发展目标任务分解表 一、宏观调控 地区生产总值增长率（责任单位：区发改局、区统计局） 规模以上工业"
            "增加值增长率（责任单位：区经信局） 二、公共服务 城镇新增就业人数（责任单位：区人社局）\n")
    assert [(t.category, t.content, t.units) for t in xltools.import_text(text).tasks] == [
        ("宏观调控", "地区生产总值增长率", ["区发改局", "区统计局"]), ("宏观调控", "规模以上工业增加值增长率", ["区经信局"]),
        ("公共服务", "城镇新增就业人数", ["区人社局"])]


def it_reads_unnumbered_items_run_on_with_their_key_lines():
    text = ("附件 2017年度安全生产专项整治安排 一、专项整治安排表 烟花爆竹 责任单位：安监站、派出所 完成时限：1月份 危险化学品"
            " 责任单位：安监站 完成时限：2月份 电力设施 责任单位：供电所 完成时限：3月份\n")
    assert [(t.category, t.content, t.units, t.deadline) for t in xltools.import_text(text).tasks] == [
        ("专项整治安排表", "烟花爆竹", ["安监站", "派出所"], "1月份"), ("专项整治安排表", "危险化学品", ["安监站"], "2月份"),
        ("专项整治安排表", "电力设施", ["供电所"], "3月份")]


def it_reads_an_item_glued_to_a_heading_that_holds_brackets():
    """「二、敬老院(福利院)电梯加装工程2、…」: brackets inside the heading do not end it as a sentence does."""
    text = ("附件\n任务分工方案\n一、中小学校护眼灯光工程1、对全县70所中小学校教室照明进行提升（责任单位：县教育局）"
            "二、敬老院(福利院)电梯加装工程2、为7个敬老院改加装电梯10台（责任单位：县民政局、各乡镇人民政府）\n")
    assert [(t.number, t.category, t.units) for t in xltools.import_text(text).tasks] == [
        ("1", "中小学校护眼灯光工程", ["县教育局"]), ("2", "敬老院(福利院)电梯加装工程", ["县民政局", "各乡镇人民政府"])]


def it_keeps_the_signature_closing_a_run_on_notice_out_of_its_last_task():
    text = ("关于印发县政府2024年重点工作分工方案的通知 各乡镇人民政府，县直各单位： 现印发给你们，请认真贯彻落实。 县人民政府"
            "办公室 2024年2月18日 县政府2024年重点工作分工方案 一、推动经济发展 1.深化“一网通办”改革（县政务服务中心牵头，"
            "县大数据局配合） 2.扩大就业，城镇新增就业2000人（县人力资源社会保障局牵头，县教育局配合） 二、改善民生 3.新建"
            "社区养老服务中心10个。（县民政局负责） 县人民政府办公室 2024年2月18日印发\n")
    ds = xltools.import_text(text)
    assert [(t.number, t.content.rstrip("。")) for t in ds.tasks][-1] == ("3", "新建社区养老服务中心10个")


def it_takes_no_section_of_a_run_on_notice_naming_nobody_for_a_task():
    """「…现将有关事项通知如下： 一、时间安排 … 二、任务分工 … 三、工作要求 … 县绿化委员会办公室 2024年3月1日」: a notice's own
    sections, none naming a unit — no list of tasks (refused with what was seen, as before the run-on reading)."""
    import pytest

    text = ("关于开展2024年春季植树活动的通知 各乡镇人民政府，县直各单位： 为改善生态环境，决定开展春季植树活动。现将有关事项"
            "通知如下： 一、时间安排 3月12日至4月30日。 二、任务分工 县林业局负责苗木调配，各乡镇负责组织栽植。 三、工作要求 "
            "各单位要高度重视，精心组织。 县绿化委员会办公室 2024年3月1日\n")
    with pytest.raises(xltools.XlError):
        xltools.import_text(text)


def it_flags_a_numbered_space_row_with_more_parts_than_its_header():
    """「3 建设智慧停车平台 区城管局 区公安分局 区住建局 2024年10月底」 under five labels: two names in a unit cell or a
    space in the task text — the reader guesses (the text's), and the row says so; the rows as wide as the header do
    not."""
    text = ("序号 工作任务 牵头单位 责任单位 完成时限\n"
            "1 改造老旧小区20个 区住建局 区财政局 2024年12月底\n"
            "2 建设智慧停车平台，新增泊位2000个 区城管局 区公安分局 区住建局 2024年10月底\n"
            "3 实施中小学校舍提升工程 区教育局 区财政局 2024年8月底\n")
    ds = xltools.import_text(text)
    assert [bool(t.doubt) for t in ds.tasks] == [False, True, False]


def it_cuts_a_run_on_duty_list_whose_first_heading_is_glued_to_the_title_under_a_sharing_sites_lines():
    """A document-sharing page: a few lines of the site's own words, then the whole list on one line, its first
    heading glued to the title (「…职责分解一、县城区办事处(一)积极…」), each office a heading over its duties."""
    text = "\n".join([
        "县城园林职责分解", "", "整理文档很辛苦，赏杯茶钱您下走！", "", "免费阅读已结束，点击下载阅读编辑剩下 ...", "",
        "阅读已结束，您可以下载文档离线阅读编辑", "", "资源描述", "",
        "某某县创建省级园林县城责任单位职责分解一、县城区办事处(一)积极做好辖区范围内建筑物、屋顶等立体绿化。"
        "(二)积极开展全民义务植树活动，植树成活率不低于85%。(三)配合各主管部门做好园林绿化建设各项工作。"
        "二、县住房和城乡建设局(一)加强绿化建设，分类统计辖区内绿化覆盖面积。(二)完善城市绿地系统规划，实行绿线制度。",
    ])
    ds = xltools.import_text(text)
    assert [(t.number, t.units) for t in ds.tasks] == [
        ("一", ["县城区办事处"]), ("二", ["县城区办事处"]), ("三", ["县城区办事处"]),
        ("一", ["县住房和城乡建设局"]), ("二", ["县住房和城乡建设局"])]


_PREVIEW = "\n".join([
    "《某镇防汛抗旱应急预案.docx》由会员分享，可在线阅读，更多相关请在文库上搜索。",
    "1、三、组织指挥体系及职责 镇政府成立防汛抗旱指挥部，统一领导和指导全镇防汛抗旱工作的组织、协调、监督、指导和救灾等"
    "日常工作。指挥部由党委书记任指挥长，下设防汛抗旱办公室，具体负责本辖区内的防汛抗旱工作。 1、镇防汛抗旱应急成员单位的"
    "主要职责 镇党政办:发布信息和宣传相关救灾新闻报道 安监所:收集、汇总、核实、评估、报告和发布灾情;指导灾区实施灾民紧急"
    "转移安置。 民政办: 组",
    "2、织救灾捐赠;组织灾区开展因灾毁损房屋的恢复重建;储备救灾物资。 派出所:参与灾区紧急救援;负责灾区治安管理，预防和打击"
    "违法犯罪，维护灾区社会治安和交通秩序;保障灾区政府机关、金融、救灾物资等安全。 财政所:安排自然灾害救济支出预算，并及时"
    "拨付救灾款、物;对救灾资金的使用进行监督检查。 城建办:指导灾区被毁坏的供水、供气",
    "3、、道路、排水等基础设施的抢险、排险和恢复;指导灾区制定和实施重建规划。",
])


def it_joins_a_document_sharing_previews_chunks_and_reads_the_duties_run_on_in_them():
    """A preview stores the document in chunks, each line opening with the chunk's count 「1、」 「2、」 「3、」 wherever it
    breaks — inside a word (「民政办: 组」 ⏎ 「2、织救灾捐赠」): the chunks are one text again, and the offices labelling
    their duties after a space (「 安监所:收集…」) are each a task."""
    from xltools.ingest.readers.runon import join_preview_chunks

    joined = join_preview_chunks(_PREVIEW)
    assert "组织救灾捐赠" in joined and "供气、道路" in joined and "\n2、" not in joined
    ds = xltools.import_text(_PREVIEW)
    assert [t.units for t in ds.tasks] == [["镇党政办"], ["安监所"], ["民政办"], ["派出所"], ["财政所"], ["城建办"]]
    assert ds.tasks[2].content.startswith("组织救灾捐赠")


def it_leaves_a_lists_own_items_numbered_1_2_3_as_they_are():
    """Lines that open 1、 2、 3、 and each end a sentence are the document's own items, not a preview's chunks."""
    from xltools.ingest.readers.runon import join_preview_chunks

    items = "\n".join(f"{k}、" + "加强农村公路建设和养护管理，完善路网结构，提升通行能力和服务水平" * 4 + "。（县交通运输局负责）"
                      for k in (1, 2, 3))
    assert join_preview_chunks(items) is None
