"""Look-alike inputs a reviewer wrote against session 12's new rules (issue 25), each shaped like real government
text, with what a careful clerk expects: the new rules must not take them the wrong way. The texts are in
tests/review12/."""

from __future__ import annotations

from pathlib import Path

import xltools

HERE = Path(__file__).resolve().parent / "review12"


def _read(name: str):
    return xltools.import_text((HERE / f"{name}.txt").read_text(encoding="utf-8")).tasks


def _names(tasks) -> set[str]:
    return {n for t in tasks for n in t.lead_units + t.units}


def it_keeps_the_duties_over_a_notices_requirements_that_name_an_office_before_a_modal():
    tasks = _read("y37")  # four 「县X局：负责…」 duties, then 四、工作要求 （一）…。县应急管理局要…
    assert [t.units for t in tasks] == [["县应急管理局"], ["县公安局"], ["县住建局"], ["县市场监管局"]]


def it_keeps_the_work_a_meetings_prose_shares_out_over_its_exhortations():
    tasks = _read("y38")  # 由A牵头…；由B牵头…；由C牵头… then 会议强调：（一）…。市委政法委要…
    assert [t.lead_units for t in tasks] == [["市公安局"], ["市纪委监委"], ["市委组织部"]]


def it_takes_no_people_for_the_office_that_opens_an_item():
    assert not {"领导干部", "值班人员"} & _names(_read("y22"))


def it_flags_an_item_whose_office_is_read_from_its_second_sentence():
    tasks = _read("y24")  # 「项目前期工作。县发改局要…，县自然资源局要…」
    assert tasks and all(t.doubt for t in tasks if t.units)


def it_takes_no_beneficiary_or_place_for_who_carries_an_item_out():
    assert not {"受益村", "项目所在乡镇", "施工单位"} & _names(_read("y53"))


def it_takes_no_street_or_kind_of_town_for_a_township():
    assert not {"城区主要街道", "商业街道"} & _names(_read("y57"))
    assert _names(_read("y58")) <= {"城关镇"}


def it_reads_a_county_government_beside_its_townships_as_a_body_of_its_own():
    assert {"各乡镇", "县政府"} <= _names(_read("y63"))


def it_keeps_a_lists_long_items_numbered_1_2_3_that_end_with_their_clause():
    assert len(_read("y71")) == 4  # items of ~160 characters, each closed by （牵头单位：…；责任单位：…）: no preview's chunks


def it_keeps_only_the_work_after_a_by_clause_opening_a_sentence_after_a_space():
    tasks = _read("y06")  # 「。 由市住建局牵头，负责…」
    assert tasks and not any(t.content.startswith("由") for t in tasks)


def it_keeps_a_rectification_registers_measures_as_the_task_beside_its_problem():
    tasks = _read("y55")  # 序号 | 问题描述 | 整改措施 | 责任单位 | 整改时限
    assert tasks[0].content.startswith("加快推进城区污水管网建设") and tasks[0].extra.get("问题描述")


def it_takes_no_counted_kind_of_village_for_a_township():
    assert "古村镇" not in _names(_read("y72"))


def it_says_which_items_under_headings_naming_no_unit_it_skipped():
    ds = xltools.import_text((HERE / "y58.txt").read_text(encoding="utf-8"))
    assert sum("不是任务条目" in n for n in ds.import_notes) >= 4
