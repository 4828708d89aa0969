"""Paragraph families met in held-out set 12 (issue 25, session 6): items opened by bullets instead of numbers, with
clauses whose labels name the parties' duties (「主体责任：X，监督责任：Y」); inspection notices whose items say who
fixes each problem in a prose requirement (「整改要求：由包片单位X负责…」); problem registers whose numbered places
hold sub-points and close with one line naming the unit and the time allowed; a plan for one piece of work whose
sections assign it in prose (「X为…牵头责任单位」, 「A、B为协办单位」, 「X要…」). Every case is written for the test in
the shape of real government text."""

from __future__ import annotations

import pytest

import xltools
from xltools.dataset.units import split_units
from xltools.ingest.readers.items import parse_clause


def _rows(ds):
    return [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]


def _roles(clause: dict[str, str]) -> tuple[list[str], list[str]]:
    return split_units(clause.get("lead", "")).names, split_units(clause.get("units", "")).names


# -- clause labels that name a duty, and items opened by bullets ---------------------------------------------------

@pytest.mark.parametrize("body, lead, units", [
    ("主体责任：城东街道办事处，监督责任：区市场监管局", ["城东街道办事处"], ["区市场监管局"]),
    ("主体责任:各经营户,监管责任:区商务局、区市场监管局", ["各经营户"], ["区商务局", "区市场监管局"]),
    ("属地责任：站前社区居委会；监管责任：区城管执法局", ["站前社区居委会"], ["区城管执法局"]),
    ("牵头责任：县住建局，配合责任：县自然资源局", ["县住建局"], ["县自然资源局"]),
    ("直接责任：县供水公司", [], ["县供水公司"]),
])
def it_reads_clause_labels_that_name_a_duty(body, lead, units):
    """A short label ending in 责任 names units; the party that bears the duty itself (主体, 属地, 牵头) leads, the
    one that supervises or cooperates (监督, 监管, 配合) is a unit, as 「X负责，Y配合」 reads."""
    assert _roles(parse_clause(body)) == (lead, units)


def it_does_not_read_a_label_about_the_problem_as_units():
    assert parse_clause("问题描述：垃圾清运不及时，整改时限：7天") == {} or "units" not in parse_clause(
        "问题描述：垃圾清运不及时，整改时限：7天")


_BULLETS = "\n".join([
    "本报讯 市创卫办近日对城区环境卫生进行暗访，发现以下问题：",
    "● 城东农贸市场水产区地面积水，垃圾清运不及时，部分摊位证照不全。",
    "（主体责任：城东街道办事处，监督责任：区市场监管局）",
    "● 人民公园东门周边流动摊贩占道经营现象突出。",
    "（主体责任：区城管执法局，监督责任：区住建局、区公安分局）",
    "● 火车站广场公共厕所保洁不到位，无人管理。",
    "（主体责任：站前社区居委会，监督责任：区环卫所）",
])


def it_reads_items_opened_by_bullets_with_their_duty_clauses():
    ds = xltools.import_text(_BULLETS)
    assert _rows(ds) == [
        ("", "城东农贸市场水产区地面积水，垃圾清运不及时，部分摊位证照不全。", ["城东街道办事处"], ["区市场监管局"]),
        ("", "人民公园东门周边流动摊贩占道经营现象突出。", ["区城管执法局"], ["区住建局", "区公安分局"]),
        ("", "火车站广场公共厕所保洁不到位，无人管理。", ["站前社区居委会"], ["区环卫所"]),
    ]


@pytest.mark.parametrize("bullet", ["•", "■", "◆", "▲", "-"])
def it_reads_items_opened_by_any_bullet(bullet):
    ds = xltools.import_text("\n".join([
        f"{bullet} 推进老旧小区改造，完成改造小区30个。（区住建局牵头，各街道配合）",
        f"{bullet} 新建城市书房5个。（区文旅局负责）",
    ]))
    assert _rows(ds) == [
        ("", "推进老旧小区改造，完成改造小区30个。", ["区住建局"], ["各街道"]),
        ("", "新建城市书房5个。", [], ["区文旅局"]),
    ]


def it_keeps_bulleted_sub_points_of_a_numbered_task_in_its_text():
    """Bullets under a numbered item that carries the clause are its points, as (1) (2) are."""
    ds = xltools.import_text("\n".join([
        "1.开展城乡环境整治。（区住建局牵头，各街道配合）",
        "● 清理卫生死角；",
        "● 整治占道经营。",
        "2.新建城市书房5个。（区文旅局负责）",
    ]))
    assert [t.number for t in ds.tasks] == ["1", "2"]
    assert "清理卫生死角" in ds.tasks[0].content and "整治占道经营" in ds.tasks[0].content


def it_does_not_read_a_sentence_that_stresses_a_duty_as_a_clause_label():
    assert parse_clause("压实主体责任：各乡镇要建立台账") == {} or not parse_clause("压实主体责任：各乡镇要建立台账").get("lead")
