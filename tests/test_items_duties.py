"""Paragraphs without numbers that each open with who does them — a plan's 职责分工 or its member units' duties
(`read_duty_paragraphs`): 「县自然资源局：负责…」, 「公安机关要…」, 「交通部门，负责…」. Fixtures written in the shape of
real plans; contact lists, member lists and a notice's requests to everyone are not such lists."""

from __future__ import annotations

import pytest

import xltools
from xltools.errors import XlError


def _read(text: str) -> list[tuple]:
    return [(t.number, t.category, t.content, t.lead_units, t.units, bool(t.doubt))
            for t in xltools.import_text(text).tasks]


def it_reads_member_units_labelling_their_duties():
    rows = _read("县防汛抗旱应急预案\n（三）成员单位职责\n"
                 "县住房城乡建设局：负责城镇建成区排水防涝工程建设；负责灾区房屋安全评估、鉴定工作。\n"
                 "县自然资源局：负责因暴雨、洪水引发地质灾害的调查、监测、防治工作。\n\n"
                 "县农业农村局：负责灾区动物疫情防控、农业灾情信息核报工作。\n"
                 "县工信和科技局：负责指导全县工矿企业的防汛抗旱工作。\n")
    assert [(r[0], r[1], r[4], r[5]) for r in rows] == [
        ("", "成员单位职责", ["县住房城乡建设局"], True), ("", "成员单位职责", ["县自然资源局"], True),
        ("", "成员单位职责", ["县农业农村局"], True), ("", "成员单位职责", ["县工信和科技局"], True)]
    assert rows[0][2] == "负责城镇建成区排水防涝工程建设；负责灾区房屋安全评估、鉴定工作。"


def it_reads_sector_departments_told_what_they_must_do():
    """「公安机关要…」 ⏎ 「民政部门要…」: the office, then 要; 「规划(测绘)部门」 is one sector; 「各科室要…」 among them
    is one of the offices given work."""
    rows = _read("公安机关要制定具体的实施方案，负责门楼牌的统一规范、制作和安装。\n"
                 "民政部门要清理和规范街路巷的命名，负责街路巷牌的安装和维护。\n"
                 "规划(测绘)部门要提供相关的城市规划资料和航拍图。\n"
                 "各科室要积极配合做好实有人口信息采集工作。\n")
    assert [(r[2][:6], r[4]) for r in rows] == [("制定具体的实", ["公安机关"]), ("清理和规范街", ["民政部门"]),
                                                ("提供相关的城", ["规划(测绘)部门"]), ("积极配合做好", ["各科室"])]


def it_reads_duties_run_onto_one_line_and_pairs_glued_after_a_stop():
    """A page copied as one line (「[接上页] 交通部门，负责…。 教育部门，负责…。」) and a paragraph holding two offices'
    duties (「…路面清洁。市房管局：负责…」): one task per office. 「旅游部门，指导…」 among them is one too."""
    rows = _read("[接上页] 交通部门，负责通村公路和道路建设。 教育部门，负责义务教育和职业教育工作。 "
                 "旅游部门，指导发展旅游产业，配合搞好旅游发展规划。\n"
                 "市园林局：负责做好公园内河道的清淤和护岸加固。市房管局：负责危险房屋的安全鉴定和维修管理。\n")
    assert [(r[2][:4], r[4]) for r in rows] == [("负责通村", ["交通部门"]), ("负责义务", ["教育部门"]),
                                                ("指导发展", ["旅游部门"]), ("负责做好", ["市园林局"]),
                                                ("负责危险", ["市房管局"])]


@pytest.mark.parametrize("text", [
    # a contact list: telephone numbers after the offices
    "防汛值班电话\n县应急管理局：0556-1234567\n县水利局：0556-7654321\n县气象局：0556-1112223\n",
    # a member list: people after the offices
    "县防汛抗旱指挥部成员\n县应急管理局：张明（局长）\n县水利局：李强（局长）\n县气象局：赵丽（副局长）\n",
    # a notice's requests to everyone
    "各乡镇要高度重视，切实加强组织领导。\n各部门要密切配合，形成工作合力。\n各单位要严格落实值班制度。\n",
    # two paragraphs only
    "县应急管理局要加强统筹协调，定期通报工作进展。\n县水利局要做好水库巡查。\n",
])
def it_does_not_take_contact_lists_member_lists_or_requests_for_duties(text):
    with pytest.raises(XlError):
        xltools.import_text(text)
