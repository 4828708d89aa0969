"""Paragraph families of 分工方案 the importer had not met before session 5 (issue 25): items glued on one line after
their clauses, lists grouped under headings that name the lead (「（一）市发展改革委牵头的工作」) with their partners on
a 协同单位 line after the items, and work assigned inside the prose of a meeting report (「由X牵头，Y配合，在9月底前完成…；
由…」). Every case is written for the test in the shape of real government text."""

from __future__ import annotations

import xltools


def _rows(ds):
    return [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]


# -- items glued on one line after their clauses --------------------------------------------------------------------

def it_cuts_items_glued_after_their_clauses_in_every_numbering_style():
    """A web page that lost the paragraph break after a clause prints the next item right after the bracket."""
    text = "\n".join([
        "某某市人民政府关于落实《政府工作报告》重点工作责任分工的意见",
        "一、主要预期目标",
        "（一）地区生产总值增长6%左右。（市发展改革委负责）（二）一般公共预算收入增长5%。（市财政局主办，市税务局协办）",
        "（三）城镇调查失业率控制在5.5%以内。（市人力资源社会保障局负责）",
        "二、扩大有效投资",
        "1.推进重大项目建设，全年完成投资300亿元。（市发展改革委主办，市自然资源局、市住房城乡建设局协办）2.加快城市更新。"
        "（市住房城乡建设局负责）",
    ])
    ds = xltools.import_text(text)
    assert _rows(ds) == [
        ("一", "地区生产总值增长6%左右。", [], ["市发展改革委"]),
        ("二", "一般公共预算收入增长5%。", ["市财政局"], ["市税务局"]),
        ("三", "城镇调查失业率控制在5.5%以内。", [], ["市人力资源社会保障局"]),
        ("1", "推进重大项目建设，全年完成投资300亿元。", ["市发展改革委"], ["市自然资源局", "市住房城乡建设局"]),
        ("2", "加快城市更新。", [], ["市住房城乡建设局"]),
    ]


def it_does_not_cut_at_a_number_that_does_not_follow_in_the_count():
    """「（三）」 after the clause of item （一） is a reference in the text, not the next item."""
    text = "\n".join([
        "（一）落实减税降费政策。（区税务局负责）（三）项所列事项另行部署。",
        "（二）优化营商环境。（区发展改革局负责）",
    ])
    ds = xltools.import_text(text)
    assert [t.number for t in ds.tasks] == ["一", "二"]
    assert "（三）项所列事项另行部署" in ds.tasks[0].content
