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
