"""An inspection bulletin's problems (督查通报, 问题清单), grouped under the township or office answerable for them: a
heading that names it with a count of its problems (「（一）鹿城镇（14个）」) or with the word 问题 (「一、甘亭镇路段问题」).
Each problem is that body's task, flagged (the heading names who answers, not in which role); a problem opening with a
place and a colon (「市人民商场住宿区：(1)…」) is still the heading's, its text as printed. Cases written for the test
in the shape of real bulletins (issue 25)."""

from __future__ import annotations

import xltools


def _rows(ds):
    return [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]


def it_gives_each_problem_the_township_its_heading_counts_them_for():
    ds = xltools.import_text("\n".join([
        "关于全国文明城市建设工作的督查通报",
        "一、督查情况",
        "本次督查共发现问题57个，截至10月10日整改问题28个。",
        "二、存在问题",
        "（一）城关镇（3个）",
        "1.人民路农业银行旁公益广告褪色破损。",
        "2.丽景花园二期：(1)小区内车辆乱停乱放；(2)小区内杂物乱堆乱放。",
        "3.人民商场住宿区：(1)小区绿化带黄土裸露；(2)楼道口地面破损。",
    ]))
    assert _rows(ds) == [
        ("1", "人民路农业银行旁公益广告褪色破损。", [], ["城关镇"]),
        ("2", "丽景花园二期：(1)小区内车辆乱停乱放；(2)小区内杂物乱堆乱放。", [], ["城关镇"]),
        ("3", "人民商场住宿区：(1)小区绿化带黄土裸露；(2)楼道口地面破损。", [], ["城关镇"]),
    ]
    assert all(t.doubt for t in ds.tasks)


def it_reads_the_township_of_a_road_sections_problems():
    ds = xltools.import_text("\n".join([
        "3月23日，县创文指挥部对一级路沿线环境卫生进行督查，共发现问题5处。详细情况如下：",
        "一、大槐树镇路段问题",
        "1、一级路道路两侧绿化带及排水沟有多处垃圾。",
        "2、玉峰东大街丁字路口人行道标线不清晰。",
        "二、甘亭镇路段问题",
        "1、十字路口绿化带及路面有杂物。",
        "2、建筑工地围挡无公益广告。",
        "3、天井村牌楼有张贴小广告。",
        "二组",
        "一、辛村镇路段问题",
        "1、桃临线白石村周边道路两侧垃圾较多。",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [
        ("1", ["大槐树镇"]), ("2", ["大槐树镇"]), ("1", ["甘亭镇"]), ("2", ["甘亭镇"]), ("3", ["甘亭镇"]),
        ("1", ["辛村镇"])]


def it_does_not_take_a_counted_topic_for_a_township():
    """「（一）特色小镇（3个）」 counts projects of a kind: no body answers for them."""
    ds = xltools.import_text("\n".join([
        "二、建设项目",
        "（一）特色小镇（3个）",
        "1.建设茶文化特色小镇。",
        "2.建设温泉康养小镇。",
        "3.建设农旅融合小镇。",
    ]))
    assert not any(t.units or t.lead_units for t in ds.tasks)


def it_reads_who_carries_out_each_item_from_its_last_sentence():
    """「…。由县民族局、交通部门共同组织实施。」: the bodies that carry the item out are its units — a sector's
    departments beside a body, a sector named bare sharing the 部门 after it (「水利、电力部门」)."""
    ds = xltools.import_text("\n".join([
        "二、建设内容和实施主体",
        "（一）街道硬化项目。安排街道硬化11个项目，共投资220万元。由县民族局、乡政府共同组织实施。",
        "（二）桥梁项目。新建桥梁2座170米，共投资40万元。由县民族局、交通部门共同组织实施。",
        "（三）村屯水电项目。修水渠6490米，共投资80万元。由县民族局、水利、电力部门共同组织实施。",
    ]))
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        ("一", [], ["县民族局", "乡政府"]), ("二", [], ["县民族局", "交通部门"]),
        ("三", [], ["县民族局", "水利", "电力部门"])]


def it_takes_an_inspection_registers_problem_column_for_the_task():
    """序号 | 路段名称 | 问题描述 | 责任单位 | 备注, one cell per line: the problem is the task, the road its group."""
    cells = ["序号 |", "路段名称 |", "问题描述 |", "责任单位 |", "备注 |"]
    for no, road, problem, unit in [("1", "赶山西路", "学校对面工地泥巴大量流向街道，污染严重", "城管大队"),
                                    ("2", "赶山西路", "公园对面新开喇叭口没有硬化，泥水流向街道", "市政维护管理处"),
                                    ("3", "湘北大道", "垃圾站前种菜，旁边杂草丛生", "市环卫中心")]:
        cells += [f"{no} |", f"{road} |", f"{problem} |", f"{unit} |", "|"]
    ds = xltools.import_text("\n".join(["全国卫生城市测评路段问题汇总表", *cells]))
    assert [(t.number, t.content, t.units) for t in ds.tasks] == [
        ("1", "学校对面工地泥巴大量流向街道，污染严重", ["城管大队"]),
        ("2", "公园对面新开喇叭口没有硬化，泥水流向街道", ["市政维护管理处"]),
        ("3", "垃圾站前种菜，旁边杂草丛生", ["市环卫中心"])]


def it_reads_targets_grouped_under_the_name_of_the_body_answerable():
    """A 考核目标 notice: a line with a body's name alone (「凤台县政府」) over its targets counted from 1, the next
    body's name over its own — every target is that body's, flagged (the name says who, not in which role)."""
    ds = xltools.import_text("\n".join([
        "县区政府及市政府各部门2006年主要工作考核目标",
        "  凤台县政府",
        "  1.地区生产总值75亿元，增长25%。(分值：5分)",
        "  2.财政收入10亿元，增长20%。(分值：10分)",
        "  大通区政府",
        "  1.地区生产总值20.8亿元，增长15%。(分值：5分)",
        "  2.财政收入1.005亿元，增长10%。(分值：10分)",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [
        ("1", ["凤台县政府"]), ("2", ["凤台县政府"]), ("1", ["大通区政府"]), ("2", ["大通区政府"])]
    assert all(t.doubt for t in ds.tasks)


def it_does_not_take_a_signature_over_a_list_for_the_lists_body():
    """One name alone over items (the sender's signature line before an attachment's list) is no grouping."""
    ds = xltools.import_text("\n".join([
        "某某县人民政府",
        "1.新建公办幼儿园2所。（县教育局负责）",
        "2.改造农村公路50公里。（县交通运输局负责）",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["县教育局"]), ("2", ["县交通运输局"])]


def it_makes_each_sentence_with_its_own_bracket_of_units_a_task():
    """「一、扶贫解困工程。启动建设57个扶贫新村(市扶贫办)。升钟库区完成新村扶贫帮扶7个(剑阁县政府)。」: each sentence
    names its own units in the bracket that ends it, so each is a task (flagged), the topic their category."""
    ds = xltools.import_text("\n".join([
        "广元市2008年民生工程目标",
        "一、扶贫解困工程。启动建设57个扶贫新村(市扶贫开发办、市以工代赈办)。升钟库区完成新村扶贫帮扶7个(剑阁县政府)。",
        "二、教育助学工程。开工建设20所农村寄宿制学校；完成宝电库区3所小学改扩建工程(市教育局)。",
        "三、医疗卫生工程。完成青川县15个乡镇卫生院建设(市卫生局)。",
    ]))
    assert [(t.number, t.category, t.content, t.units) for t in ds.tasks][:2] == [
        ("", "扶贫解困工程", "启动建设57个扶贫新村", ["市扶贫开发办", "市以工代赈办"]),
        ("", "扶贫解困工程", "升钟库区完成新村扶贫帮扶7个", ["剑阁县政府"])]
    assert all(t.doubt for t in ds.tasks[:2])
    assert [(t.number, t.category, t.units) for t in ds.tasks[2:]] == [("二", "", ["市教育局"]), ("三", "", ["市卫生局"])]


def it_takes_no_firm_a_sentence_brings_in_for_its_own_clause():
    """「引进亿元以上项目3个(某某科技有限公司、某某实业有限公司)。新签约项目5个(县招商局)。」: the firms are what the
    work brings, the item is one task of 县招商局."""
    ds = xltools.import_text("\n".join([
        "一、招商引资工程。引进亿元以上项目3个(某某科技有限公司、某某实业有限公司)。新签约项目5个(县招商局)。",
        "二、项目建设工程。开工建设重点项目10个(县发改局)。",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [("一", ["县招商局"]), ("二", ["县发改局"])]


def it_keeps_an_item_whole_whose_inner_bracket_is_no_units():
    """A bracket that explains (「(包括组织领导、项目进展等情况)」) or names a kind is no clause: the item stays one task."""
    ds = xltools.import_text("\n".join([
        "1.每月30日前报送目标执行情况(包括组织领导、项目进展)。做好跟踪检查(市政府办公室)。",
        "2.完成50%农村中小学改水、改厕工程(市教育局)。",
    ]))
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["市政府办公室"]), ("2", ["市教育局"])]
