"""Look-alike inputs a reviewer wrote against session 11's new rules (issue 25), each shaped like real government
text, with what a careful clerk expects: the new rules must not take them the wrong way. The texts are in
tests/review11/."""

from __future__ import annotations

from pathlib import Path

import xltools

HERE = Path(__file__).resolve().parent / "review11"


def _read(name: str):
    return xltools.import_text((HERE / f"{name}.txt").read_text(encoding="utf-8")).tasks


def it_cuts_a_glued_table_at_rows_that_open_with_words_also_used_as_measures_or_with_figures():
    assert [t.number for t in _read("y16")] == ["1", "2", "3", "4"]  # 公共…, 人居…, 项目…
    tasks = _read("y17")  # 「3100个行政村…」, 「45G基站…」
    assert [(t.number, t.lead_units) for t in tasks] == [
        ("1", ["市通信管理办"]), ("2", ["市商务局"]), ("3", ["市农业农村局"]), ("4", ["市通信管理办"])]


def it_takes_a_rosters_members_for_a_tasks_partners_or_a_working_groups_units():
    tasks = _read("y18")  # 组长, 成员单位, then 牵头单位: the members are the partners
    assert all(t.lead_units and t.units for t in tasks) and len(tasks) == 3
    tasks = _read("y61")  # 工作组 with 组长, 成员单位, 职责: the group's duty is a task of its members
    assert len(tasks) == 3 and all(len(t.units) >= 2 for t in tasks)


def it_ends_a_duty_list_at_a_section_of_requirements():
    assert len(_read("y25")) == 4


def it_keeps_a_body_and_its_own_office_as_one_unit():
    names = {n for t in _read("y57") for n in t.units}
    assert "市公安局交警支队" in names


def it_keeps_an_items_role_keys_in_a_run_on_project_list():
    tasks = _read("y68")
    assert len(tasks) == 3 and not any("主管部门" in n for t in tasks for n in t.units)


def it_keeps_a_later_must_do_sentence_in_its_offices_duty():
    assert len(_read("y76")) == 4
    tasks = _read("y77")
    assert len(tasks) == 3 and any("各学校" in t.content for t in tasks)


def it_ends_duties_at_a_section_of_measures_but_goes_on_under_a_plans_support_sections():
    """「五、保障措施」 ⏎ 「各乡镇要…」 …: requirements, no duties; 「7.1 通信保障」 ⏎ 「县工信局：负责…」: a plan's section
    that does give out duties."""
    assert [t.category for t in _read("y81")] == ["部门职责"] * 3
    tasks = _read("y83")
    assert len(tasks) == 5 and tasks[0].category == "通信保障"
