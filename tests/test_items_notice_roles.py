"""Who a notice's paragraphs name, and whom they only address (issue 25, session 7; review items Q1–Q4 of session 6).
A plan written in prose names roles with 为 (「X为牵头单位，A、B为协办单位」), before or after the work; a collective
named so is a unit like any other; a notice's closing 「有关要求」, which asks everyone to report back, is no task; a
label ending in 责任 whose value is a sentence names nobody; 「A、B等有关部门」 is A and B. Every case is written for
the test in the shape of real government text."""

from __future__ import annotations

import pytest

import xltools
from xltools.dataset.units import split_units


def _rows(ds):
    return [(t.number, t.lead_units, t.units) for t in ds.tasks]


def it_reads_roles_named_after_the_work_sentence():
    """「…。X为牵头单位，A、B为协办单位。」 as the paragraph's last sentence names the roles; it is no key glued to the
    text (which read 「X为」 as a name and the协办 group as leads)."""
    ds = xltools.import_text(
        "附件\n全县秸秆综合利用工作方案\n一、推进秸秆还田\n全年秸秆还田面积达到30万亩。县农业农村局为牵头单位，"
        "县财政局、县生态环境局为协办单位。\n二、加强秸秆禁烧\n实行网格化管理，确保不发生大面积焚烧。县生态环境局为牵头"
        "单位，各乡镇人民政府为责任单位。\n")
    assert _rows(ds) == [("一", ["县农业农村局"], ["县财政局", "县生态环境局"]),
                         ("二", ["县生态环境局"], ["各乡镇人民政府"])]
    assert all("为" not in name for t in ds.tasks for name in t.lead_units + t.units)


def it_keeps_a_collective_named_as_the_responsible_unit():
    """「各乡镇人民政府为责任单位」 assigns the work to a collective as plainly as a clause does."""
    ds = xltools.import_text(
        "附件\n全县秸秆综合利用工作方案\n一、推进秸秆还田\n县农业农村局为该项工作的牵头单位，县财政局为协办单位。全年"
        "秸秆还田面积达到30万亩。\n二、加强秸秆禁烧\n县生态环境局为牵头单位，各乡镇人民政府为责任单位。实行网格化管理。\n")
    assert _rows(ds)[1] == ("二", ["县生态环境局"], ["各乡镇人民政府"])


def it_reads_an_office_that_must_lead_with_its_partners_in_the_next_sentence():
    """「县发改局要牵头抓好…。县财政局、县自然资源局积极配合。」: the office opening the paragraph leads, the partners
    of the last sentence are units (the last sentence alone gave the partners and no lead)."""
    ds = xltools.import_text(
        "关于做好2024年度重点工作任务落实的通知\n县直各单位：\n现将有关事项通知如下：\n一、推进项目建设\n"
        "县发改局要牵头抓好重大项目谋划储备，全年争取专项债券资金5亿元。县财政局、县自然资源局积极配合。\n"
        "二、优化营商环境\n县政务服务中心为该项工作的牵头单位，县市场监管局、县司法局为协办单位。\n")
    assert _rows(ds) == [("一", ["县发改局"], ["县财政局", "县自然资源局"]),
                         ("二", ["县政务服务中心"], ["县市场监管局", "县司法局"])]


@pytest.mark.parametrize("closing", [
    "三、有关要求\n请县直各单位于每月25日前将工作进展报县政府办公室。县政府督查室要加强跟踪督办。",
    "三、工作要求\n请各乡镇、县直各部门于每季度末将工作进展情况报送县政府督查室。",
    "三、报送要求\n市直各单位要于12月10日前将全年落实情况报市政府办公室。",
])
def it_takes_no_task_from_a_notice_asking_everyone_to_report_back(closing):
    """The notice's closing section asks everyone it goes to (县直各单位, 各乡镇) to report back: no task, and nobody
    named as its unit."""
    ds = xltools.import_text(
        "关于做好2024年度重点工作任务落实的通知\n县直各单位：\n一、推进项目建设\n县发改局为牵头单位，县财政局为协办单位。"
        "全年争取专项债券资金5亿元。\n二、优化营商环境\n县政务服务中心为牵头单位，县市场监管局为协办单位。压缩企业开办"
        "时间至1个工作日。\n"
        + closing + "\n县人民政府办公室\n2024年3月1日\n")
    assert [t.number for t in ds.tasks] == ["一", "二"]


def it_keeps_a_last_item_addressed_to_a_collective_that_does_work():
    """「各乡镇要落实网格化管理」 under a task heading is work given to a collective, not a request to report back."""
    ds = xltools.import_text(
        "附件\n重点任务\n1.推进项目建设，全年争取专项债券资金5亿元。（县发改局牵头，县财政局配合）\n2.加强秸秆禁烧。\n"
        "各乡镇要落实网格化管理，确保不发生大面积焚烧。\n")
    assert [t.number for t in ds.tasks] == ["1", "2"]


def it_reads_no_unit_from_a_duty_label_whose_value_is_a_sentence():
    """「法律责任：对违法违规行为依法从严处罚」 names nobody; 「监督责任：移动、联通、电信公司」 names units, even where
    some names are short."""
    ds = xltools.import_text(
        "附件\n安全生产整治任务\n1.开展危化品企业隐患排查。（主体责任：各企业；监管责任：县应急管理局）\n"
        "2.加强道路交通安全管理。法律责任：对违法违规行为依法从严处罚。\n3.整治建筑施工安全隐患。（责任单位：县住建局）\n"
        "4.整治营业网点电子屏宣传。（主体责任：各营业网点，监督责任：移动、联通、电信公司）\n")
    rows = _rows(ds)
    assert rows[1] == ("2", [], [])
    assert rows[3] == ("4", ["各营业网点"], ["移动", "联通", "电信公司"])


def it_reads_a_glued_key_after_a_word_ending_in_wei():
    """「…违法建筑等行为责任单位城管科、环卫公司」: 行为 is a word, not 「X为（牵头）单位」; the key lost its colon."""
    ds = xltools.import_text(
        "附件\n整治任务\n(一)开展市容环境卫生整治辖区周边无垃圾死角,无乱堆乱放、违法建筑等行为责任单位城管科、各社区居委会、"
        "环卫公司\n(二)开展“全民创城日”活动每月集中开展一次卫生大扫除活动责任单位社区居委会、驻辖区单位\n")
    assert _rows(ds)[0] == ("一", [], ["城管科", "各社区居委会", "环卫公司"])


@pytest.mark.parametrize("cell, names", [
    ("省商务厅、财政厅、河南银保监局等相关部门按职责分工负责", ["省商务厅", "财政厅", "河南银保监局"]),
    ("区司法局等有关部门", ["区司法局"]),
    ("市发改委、市财政局等有关单位", ["市发改委", "市财政局"]),
    ("区教体局等区直有关部门", ["区教体局", "区直有关部门"]),  # a qualified collective is one
    ("市发改委、有关部门", ["市发改委", "有关部门"]),  # not after 等: named
    ("市财政局等各相关职能部门", ["市财政局"]),
    ("市财政局等有关部门（单位）", ["市财政局"]),
    ("市高等级公路建设指挥部等", ["市高等级公路建设指挥部"]),  # the list's 等 is the last one: 高等 is a name's
    ("中央网信办、工业和信息化部等与各地区按职责分工负责", ["中央网信办", "工业和信息化部", "各地区"]),  # 等与: named
])
def it_reads_deng_youguan_bumen_as_the_others_not_named(cell, names):
    """「A、B等有关部门」 is A, B and others not named (as 「A等部门」 is); a qualified collective after 等 is a unit."""
    assert split_units(cell).names == names


def it_never_reads_the_addressee_as_a_key_line():
    """「县直有关单位：」 is whom the notice goes to, though it ends in 单位 and a colon; the line under it
    (「现就…通知如下：」) names nobody, and no item takes it as its unit."""
    ds = xltools.import_text(
        "关于做好2024年重点项目前期工作的通知\n县直有关单位：\n现就重点项目前期工作通知如下：\n"
        "一、加快老旧小区改造实施方案编制。（县住建局牵头，县财政局配合）\n"
        "二、做好农村公路建设项目储备。（县交通运输局牵头）\n县发展和改革局\n2024年4月9日\n")
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("一", ["县住建局"], ["县财政局"]), ("二", ["县交通运输局"], [])]


@pytest.mark.parametrize("clause, lead, units", [
    ("牵头领导：王明，牵头单位：市发改委，数据提供单位：市统计局", ["市发改委"], []),
    ("牵头单位：市人社局，责任单位：市农业农村局；数据提供单位：国家统计局成都调查队", ["市人社局"], ["市农业农村局"]),
    ("牵头单位：市住建局，责任单位：各区县政府，督办单位：市政府督查室", ["市住建局"], ["各区县政府"]),
])
def it_reads_no_unit_from_a_label_of_who_measures_or_oversees_the_work(clause, lead, units):
    """「数据提供单位」「督办单位」 name an office that supplies the figures or follows up, not one that does the work:
    no unit of the task (a 牵头领导 is a person, no unit either)."""
    from xltools.ingest.readers.items import parse_clause

    found = parse_clause(clause)
    assert (split_units(found.get("lead", "")).names, split_units(found.get("units", "")).names) == (lead, units)


def it_leaves_a_signature_run_onto_the_line_out_of_the_last_item():
    """A report copied onto one line: 「…：1.…；2.…；3.…。 县发展和改革局 2024年1月10日」 — the office and the date are
    the signature, not the last item's words."""
    ds = xltools.import_text(
        "2023年，我局扎实推进各项工作。2024年，我们将重点抓好以下工作：1.加快项目建设，全年实施重点项目40个；"
        "2.持续改善民生，新增城镇就业3500人；3.深化“放管服”改革，打造一流营商环境。 县发展和改革局 2024年1月10日\n")
    assert [t.content for t in ds.tasks][-1] == "深化“放管服”改革，打造一流营商环境。"


def it_reads_a_xiangguan_danwei_key_line_as_units():
    """「相关单位：…」 and 「有关单位：…」 under an item are keys of the list (the cooperating units), not an addressee:
    their units and the 完成时限 after them are read (review R1 of session 7)."""
    ds = xltools.import_text(
        "附件\n2024年重点工作任务\n1.新建城区公办幼儿园3所，新增学位900个。\n牵头单位：县教育局\n相关单位：县财政局、"
        "县自然资源局\n完成时限：2024年9月底\n2.实施农村饮水安全巩固提升工程。\n牵头单位：县水利局\n有关单位：各乡镇人民政府\n"
        "完成时限：2024年12月底\n")
    assert [(t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        (["县教育局"], ["县财政局", "县自然资源局"], "2024年9月底"), (["县水利局"], ["各乡镇人民政府"], "2024年12月底")]


def it_keeps_the_key_block_going_past_a_watcher_line():
    """「督办单位：县政府督查室」 names no unit of the task, but it is a line of the item's key block: the 完成时限 after
    it is still the item's (review R3 of session 7)."""
    ds = xltools.import_text(
        "附件\n2024年重点工作任务\n1.新建城区公办幼儿园3所，新增学位900个。\n责任单位：县教育局\n督办单位：县政府督查室\n"
        "完成时限：2024年9月底\n2.实施农村饮水安全巩固提升工程。\n责任单位：县水利局\n督办单位：县政府督查室\n"
        "完成时限：2024年12月底\n")
    assert [(t.units, t.deadline) for t in ds.tasks] == [(["县教育局"], "2024年9月底"), (["县水利局"], "2024年12月底")]


def it_ends_the_list_at_a_site_pages_tools_and_footer():
    """A government site's page copied whole as text: 「【打印本页】【关闭窗口】」 and 「主办单位：…」 of the footer after the
    signature are no part of the last task, and the footer's office is not its lead (review R2 of session 7)."""
    ds = xltools.import_text(
        "附件\n2024年重点工作任务分工方案\n一、持续保障和改善民生\n1.扩大就业，城镇新增就业2万人。（市人社局牵头，市教育局配合）\n"
        "2.完善养老服务体系，新建社区养老服务中心10个。（市民政局负责）\n抄送：市委办公室。\n"
        "某某市人民政府办公室 2024年2月18日印发\n【打印本页】【关闭窗口】\n主办单位：某某市人民政府办公室\n"
        "网站标识码：1234000001 皖ICP备05001234号\n")
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("扩大就业，城镇新增就业2万人。", ["市人社局"], ["市教育局"]),
        ("完善养老服务体系，新建社区养老服务中心10个。", [], ["市民政局"])]


def it_keeps_another_field_of_an_item_between_it_and_its_key_lines():
    """A 重点任务清单 whose items carry a field of their own before their key lines (「工作成果：…」 ⏎ 「责任单位：…」 ⏎
    「责任人：…」): the field is the item's — kept in its text under its label — and the key lines after it still
    name the item's units; a field line after the last item with no key line under it is not taken in."""
    text = ("一、重点规划衔接融合方面\n1. 做好国土空间规划等重大规划的有效衔接。\n"
            "工作成果：推动基础设施、道路交通等领域规划有序衔接。\n责任单位：市发展改革委、市自然资源局\n"
            "责任人：委主要负责同志\n2. 推进交通基础设施互联互通。\n工作成果：加快建设高速公路扩容工程。\n"
            "责任单位：市交通运输局\n")
    tasks = xltools.import_text(text).tasks
    assert [(t.number, t.units) for t in tasks] == [("1", ["市发展改革委", "市自然资源局"]), ("2", ["市交通运输局"])]
    assert tasks[0].content == "做好国土空间规划等重大规划的有效衔接。\n工作成果：推动基础设施、道路交通等领域规划有序衔接。"
    assert all("委主要负责同志" not in t.content for t in tasks)
