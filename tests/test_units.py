"""Unit-cell splitting: real cells from the seeds and the shapes the rules promise."""

from __future__ import annotations

import pytest

import xltools
from xltools.dataset.units import is_collective, looks_like_unit, split_units

CASES = [
    # (cell as printed, names, open)
    ("区教体局、区人社局、一职高，各乡、镇、办事处，新申办事处筹建处",
     ["区教体局", "区人社局", "一职高", "各乡、镇、办事处", "新申办事处筹建处"], False),
    ("区委组织部、区人力资源社会保障\n局", ["区委组织部", "区人力资源社会保障局"], False),
    ("区财政局、区自然资源局、区地方金融监管局、税务局等",
     ["区财政局", "区自然资源局", "区地方金融监管局", "税务局"], True),
    ("市人力资源和社会保障局、市教育局、市财政局、市委编办等市直有关部门，各县区人民政府",
     ["市人力资源和社会保障局", "市教育局", "市财政局", "市委编办", "市直有关部门", "各县区人民政府"], False),
    ("<p>市教育局等市直有关部门，各县区人民政府</p>", ["市教育局", "市直有关部门", "各县区人民政府"], False),
    ("市教育局、市人力资源和社会保障局、市文化广电和旅游局，各县区人民政府，有关院校",
     ["市教育局", "市人力资源和社会保障局", "市文化广电和旅游局", "各县区人民政府", "有关院校"], False),
    ("市教育局、人社局，各乡镇、涉农街道办事处", ["市教育局", "人社局", "各乡镇、涉农街道办事处"], False),
    ("市教育局 、人社局", ["市教育局", "人社局"], False),
    ("市教育局 市财政局", ["市教育局", "市财政局"], False),
    ("区人力资源社会保障局及有关行业主管部门", ["区人力资源社会保障局", "有关行业主管部门"], False),
    ("　", [], False),
    ("市教育局;市财政局,市税务局；各县、区人民政府", ["市教育局", "市财政局", "市税务局", "各县、区人民政府"], False),
    ("市教育局\n市财政局\n各县区", ["市教育局", "市财政局", "各县区"], False),
    # the places' other body in brackets after 政府 belongs to the same collective
    ("县农业农村局、各乡、镇人民政府（街道办事处）", ["县农业农村局", "各乡、镇人民政府（街道办事处）"], False),
    # a named district before 和 and a collective after it: two units; a short place word (城区) keeps the piece whole
    ("市环保局、高新区和市直相关单位", ["市环保局", "高新区", "市直相关单位"], False),
    ("城区和各乡镇", ["城区和各乡镇"], False),
]


@pytest.mark.parametrize(("cell", "names", "is_open"), CASES)
def it_splits_unit_cells_as_a_clerk_reads_them(cell, names, is_open):
    result = split_units(cell)
    assert result.names == names
    assert result.open is is_open


@pytest.mark.parametrize("name", ["各乡、镇、办事处", "各县区人民政府", "区直有关部门", "市直有关部门", "有关院校",
                                  "职业教育联席会议工作领导小组成员单位"])
def it_knows_collective_units(name):
    assert is_collective(name)


@pytest.mark.parametrize("name", ["市教育局", "区人社局", "一职高", "东双河镇"])
def it_does_not_take_single_units_for_collectives(name):
    assert not is_collective(name)


@pytest.mark.parametrize("bracket", ["（）", "()", "<>", "‹›", "〈〉", "［］", "[]"])
def it_keeps_a_collective_whole_whatever_brackets_hold_its_places(bracket):
    """Mirrors and PDF text layers print the brackets of 各县（市、区） in many ways; the 、 inside stays in the name."""
    o, c = bracket
    assert split_units(f"市委农办、各县{o}市、区{c}人民政府").names == ["市委农办", f"各县{o}市、区{c}人民政府"]


def it_reads_the_variant_wei_of_traditional_text_as_wei():
    """爲 is as common as 為 in traditional mirrors (「排在首位的爲牽頭單位」); the rules must read both."""
    from xltools.dataset.units import simplified

    assert simplified("排在首位的爲牽頭單位") == "排在首位的为牵头单位"


@pytest.mark.parametrize(("cell", "names"), [
    ("县财政局县税务局", ["县财政局", "县税务局"]),
    ("市委宣传部市文化广电旅游局市教育局", ["市委宣传部", "市文化广电旅游局", "市教育局"]),
    ("县人民医院县中医院", ["县人民医院", "县中医院"]),
])
def it_cuts_names_of_one_level_glued_without_a_separator_and_says_so(cell, names):
    result = split_units(cell)
    assert result.names == names
    assert result.doubts and cell in result.doubts[0]


@pytest.mark.parametrize("cell", ["区委区政府督查室", "市公安局交警支队", "市城市管理局", "市市场监督管理局", "县委县政府",
                                  "区人民政府办公室", "区发改（商务）局", "市政府办公室"])
def it_keeps_a_name_whole_when_the_level_word_comes_back_inside_it(cell):
    result = split_units(cell)
    assert result.names == [cell]
    assert not result.doubts


@pytest.mark.parametrize("name", ["县委办（县政府办）", "区环卫所（垃圾分类管理办）", "市市场监管局（市知识产权局）",
                                  "县农村人居环境整治工作专班", "区招商专班"])
def it_knows_a_body_with_two_names_and_a_task_force_for_units(name):
    """A body that has two names prints the second in brackets (两块牌子); a 工作专班 is a body a task is given to."""
    assert looks_like_unit(name)


def it_reads_a_clause_naming_a_body_with_two_names():
    ds = xltools.import_text("某区2024年重点工作任务\n1.深入推进生活垃圾分类工作。（区环卫所（垃圾分类管理办）牵头）\n"
                             "2.推进老旧小区改造。（区住建局牵头，区财政局配合）\n3.优化营商环境。（区招商专班负责）\n")
    assert [(t.content, t.lead_units, t.units) for t in ds.tasks] == [
        ("深入推进生活垃圾分类工作。", ["区环卫所（垃圾分类管理办）"], []), ("推进老旧小区改造。", ["区住建局"], ["区财政局"]),
        ("优化营商环境。", [], ["区招商专班"])]


def it_closes_a_list_of_one_kind_with_its_deng():
    """「A产业园、B产业园、C物流园等」: the last name ends as the one before it, so 等 closes the list (open), whatever the
    kind; a name of another kind before 等 keeps it."""
    r = split_units("新材料产业园、高端装备产业园、食品产业园、商贸物流园等")
    assert (r.names, r.open) == (["新材料产业园", "高端装备产业园", "食品产业园", "商贸物流园"], True)
    assert split_units("A公司、B物流园等").names == ["A公司", "B物流园等"]


def it_keeps_a_collective_whole_inside_tortoise_shell_and_lenticular_brackets():
    from xltools.dataset.units import split_units

    assert split_units("市发展改革委，各县〔市、区〕政府").names == ["市发展改革委", "各县〔市、区〕政府"]
    assert split_units("各县【市、区】人民政府、市财政局").names == ["各县【市、区】人民政府", "市财政局"]


def it_closes_a_list_at_deng_before_related_departments():
    """「A、B等相关部门」 (a province's 分工 notice: 「省商务厅、财政厅等相关部门按职责分工负责」): 等 closes the list and
    相关部门 / 有关部门 after it are the others not named, as 部门 alone is; a collective with its own level (市直有关部门)
    after 等 is kept."""
    r = split_units("省商务厅、财政厅、地方金融监管局等相关部门")
    assert r.names == ["省商务厅", "财政厅", "地方金融监管局"] and r.open
    assert split_units("区司法局等有关单位").names == ["区司法局"]
    assert split_units("市教育局等市直有关部门").names == ["市教育局", "市直有关部门"]
    assert split_units("市发改委、相关部门").names == ["市发改委", "相关部门"]


@pytest.mark.parametrize(("cell", "names"), [
    ("市直有关部门、单位，各区市政府", ["市直有关部门、单位", "各区市政府"]),
    ("县政府各部门、单位", ["县政府各部门、单位"]),
    ("区教育局、区直有关部门、机构", ["区教育局", "区直有关部门、机构"]),
    ("市财政局、单位", ["市财政局", "单位"]),  # no collective before it: left as written, for the clerk to see
    ("市发改委等有关部门、单位", ["市发改委"]),  # 等 closes the list: the others are not named
    ("各区、开发(新)区", ["各区、开发(新)区"]),
    ("区政府有关部门，各乡镇人民政府、街道办事处。", ["区政府有关部门", "各乡镇人民政府、街道办事处"]),  # the cell's 。
    ("市发改委、各县(市、区)党委和人民政府", ["市发改委", "各县(市、区)党委和人民政府"]),  # the places' other body
    ("各乡镇党委和政府", ["各乡镇党委和政府"]),
    ("县发改局和县政府", ["县发改局", "县政府"]),  # a level word with its other form in a bracket inside it
    ("县发改局、开发(新)区", ["县发改局", "开发(新)区"]),
    ("市发改委，各县区、功能板块", ["市发改委", "各县区、功能板块"]),  # 各 goes over the zones too
    ("各区县及园区，市政府有关部门", ["各区县及园区", "市政府有关部门"]),
    ("各镇（街道）、园区", ["各镇（街道）", "园区"]),  # after 、 a 园区 may be the one park
    ("各乡镇及县直部门", ["各乡镇", "县直部门"]),
])
def it_keeps_a_class_noun_after_a_collective_with_it(cell, names):
    """「市直有关部门、单位」 (a city's 工作要点 clause): 单位 alone names no body; after a collective it is the same
    collective's other class, one name, as 「各乡、镇、办事处」 is."""
    from xltools.dataset.units import split_units

    assert split_units(cell).names == names


@pytest.mark.parametrize(("cell", "names"), [
    ("县住建局（李明）、县财政局（王小红）", ["县住建局", "县财政局"]),
    ("区医保局（副局长张伟）", ["区医保局"]),
    ("市商务局（责任人：欧阳，13800000000）", ["市商务局"]),
    ("县教育局（李明、王芳）、各乡镇人民政府", ["县教育局", "各乡镇人民政府"]),
    ("县发改局（物价局）", ["县发改局（物价局）"]),  # a second name of the same body stays
    ("县公安局（交警大队）", ["县公安局（交警大队）"]),
    ("市人民医院（李庄院区）", ["市人民医院（李庄院区）"]),
    ("各县（市、区）人民政府", ["各县（市、区）人民政府"]),
])
def it_leaves_the_people_named_beside_a_unit_out_of_its_name(cell, names):
    """A register names the person in charge in a bracket after the unit (「县住建局（李明）」): the person is not the
    unit, and the tracker goes to the unit; a bracket giving the body's other name stays."""
    from xltools.dataset.units import split_units

    assert split_units(cell).names == names


@pytest.mark.parametrize(("name", "collective"), [("有关部门", True), ("相关县（市、区）", True), ("有关方面", True),
                                                  ("相关企业", True), ("相关依据", False), ("有关要求", False)])
def it_takes_a_name_after_xiangguan_for_a_collective_only_when_it_names_bodies(name, collective):
    """「相关依据」 (a page's block label) opens as 相关部门 does, but names no body."""
    from xltools.dataset.units import is_collective

    assert is_collective(name) is collective


@pytest.mark.parametrize(("cell", "names"), [
    ("13个街道、镇", ["13个街道、镇"]),
    ("区教育局，全区13个街道、镇", ["区教育局", "全区13个街道、镇"]),
    ("人口计生委等相关部门，十三个街道、镇", ["人口计生委", "十三个街道、镇"]),
    ("3个街道、县财政局", ["3个街道", "县财政局"]),
])
def it_keeps_places_of_a_level_counted_whole(cell, names):
    """「13个街道、镇」 names every 街道 and 镇 of the district, as 「各街道、镇」 does: one collective."""
    from xltools.dataset.units import is_collective, split_units

    assert split_units(cell).names == names
    assert is_collective("13个街道") and not is_collective("10个重点项目")


@pytest.mark.parametrize(("name", "sector"), [("公安部门", True), ("交通運輸部門", True), ("卫生健康部门", True),
                                              ("有关部门", False), ("各部门", False), ("牵头部门", False),
                                              ("责任部门", False), ("跨部门", False), ("市公安局", False)])
def it_tells_a_sectors_departments_from_a_class_word_or_a_label(name, sector):
    """「公安部门」 names the public-security offices at every level (a clause 「（公安部门负责）」 gives them the
    work); 有关部门 is everyone by a class word, 牵头部门 a column's label."""
    from xltools.dataset.units import is_sector_department

    assert is_sector_department(name) is sector


def it_splits_two_sectors_departments_joined_by_he_but_not_a_name_with_he_inside():
    from xltools.dataset.units import split_units

    assert split_units("规划部门和测绘部门").names == ["规划部门", "测绘部门"]
    assert split_units("公安机关和司法行政部门").names == ["公安机关", "司法行政部门"]
    for whole in ("文化和旅游部门", "人口和计生部门", "卫生和计划生育部门", "各州(市)党委和政府"):
        assert split_units(whole).names == [whole]


def it_closes_a_list_by_its_levels_departments_and_reads_no_one_in_a_placeholder():
    from xltools.dataset.units import split_units

    assert split_units("市交通运输局等有关市直部门").names == ["市交通运输局"]
    assert split_units("县发改委等县直部门").names == ["县发改委"]
    assert split_units("其他").names == [] and split_units("县财政局、其他").names == ["县财政局"]
    assert split_units("其他部门").names == ["其他部门"]


def it_splits_a_collective_and_one_government_joined_by_he():
    """「各乡镇和县政府」: the county's own government is one body, not more places under 各."""
    from xltools.dataset.units import split_units

    assert split_units("各乡镇和县政府").names == ["各乡镇", "县政府"]


@pytest.mark.parametrize(("cell", "names"), [
    ("市煤炭工业局1名县级领导带队，2名专业人员", ["市煤炭工业局"]),
    ("县应急局一名副局长、县公安局", ["县应急局", "县公安局"]),
    ("3名工作人员", []),
])
def it_takes_no_count_of_people_for_a_unit(cell, names):
    """「由市安监局1名县级领导带队，2名专业人员参加」: the office sends people; the count and the people are no unit."""
    from xltools.dataset.units import split_units

    assert split_units(cell).names == names
