"""Tables drawn with box-drawing characters in plain text (law databases, old WPS documents): read by the order
of the bars on each line, cells wrapped over lines joined, spans repeated over the rows they cover."""

from __future__ import annotations

import xltools

PADDED = """\
附件
某县2024年重点工作任务分工
┌────┬──────────────────┬──────────┬──────────────┬────────┐
│序号│工作任务                          │牵头单位            │配合单位                    │完成时限        │
├────┼──────────────────┼──────────┼──────────────┼────────┤
│一、优化营商环境                                                                                          │
├────┼──────────────────┼──────────┼──────────────┼────────┤
│1   │深化“一网通办”改革，政务服务事项  │县行政审批局        │县大数据中心、各乡镇人民政  │6月底前         │
│    │网上可办率达到95%以上。           │                    │府                          │                │
├────┼──────────────────┼──────────┼──────────────┼────────┤
│2   │开展涉企收费专项清理。            │县市场监管局        │县发展改革局、县财政局      │年底前          │
├────┼──────────────────┤                    ├──────────────┼────────┤
│3   │建立企业诉求“直通车”制度。        │                    │县工商联                    │9月底前         │
├────┴──────────────────┴──────────┴──────────────┴────────┤
│二、改善民生                                                                                              │
├────┬──────────────────┬──────────┬──────────────┬────────┤
│4   │新增城镇就业1200人。              │县人社局            │各乡镇人民政府              │年底前          │
└────┴──────────────────┴──────────┴──────────────┴────────┘
"""

COLLAPSED = """\
┌──────┬──┬────┬───┐
│ 工 作 任 务 │责任领│牵头单位│完成时限│
│ │ 导 │ │ │
├──────┼──┼────┼───┤
│加强基层医疗服务能力建设 │张某某│县卫生健│年内完成│
├──────┤ │康局、县│ │
│△推进乡镇卫生院标准化建设,完成│ │财政局 │ │
│5所卫生院改造 │ │ │ │
│△开展家庭医生签约服务 │ │ │ │
├──────┤ ├────┤ │
│加强教育保障 │ │县教育局│ │
├──────┤ │ │ │
│△新建幼儿园2所 │ │ │ │
└──────┴──┴────┴───┘
"""


def _import(tmp_path, text):
    path = tmp_path / "清单.txt"
    path.write_text(text, encoding="utf-8")
    return xltools.import_source(path)


def it_reads_a_padded_box_table_with_wrapped_and_spanning_cells(tmp_path):
    ds = _import(tmp_path, PADDED)
    got = [(t.number, t.category, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks]
    assert got == [
        ("1", "优化营商环境", "深化“一网通办”改革，政务服务事项网上可办率达到95%以上。", ["县行政审批局"],
         ["县大数据中心", "各乡镇人民政府"], "6月底前"),
        ("2", "优化营商环境", "开展涉企收费专项清理。", ["县市场监管局"], ["县发展改革局", "县财政局"], "年底前"),
        ("3", "优化营商环境", "建立企业诉求“直通车”制度。", ["县市场监管局"], ["县工商联"], "9月底前"),
        ("4", "改善民生", "新增城镇就业1200人。", ["县人社局"], ["各乡镇人民政府"], "年底前"),
    ]
    assert ds.title == "某县2024年重点工作任务分工"


def it_cuts_bulleted_cells_into_tasks_under_their_heading_and_flags_misaligned_spans(tmp_path):
    ds = _import(tmp_path, COLLAPSED)
    got = [(t.category, t.content, t.lead_units, t.deadline) for t in ds.tasks]
    assert got == [
        ("加强基层医疗服务能力建设", "推进乡镇卫生院标准化建设,完成5所卫生院改造", ["县卫生健康局", "县财政局"], "年内完成"),
        ("加强基层医疗服务能力建设", "开展家庭医生签约服务", ["县卫生健康局", "县财政局"], "年内完成"),
        ("加强教育保障", "新建幼儿园2所", ["县教育局"], "年内完成"),
    ]
    assert "张某某" not in {u.name for u in ds.units}  # the 责任领导 column holds a person
    assert not any(t.doubt for t in ds.tasks)  # every rule of the unit column falls between items


def it_flags_items_a_rule_of_another_column_cuts_through(tmp_path):
    text = COLLAPSED.replace("│△推进乡镇卫生院标准化建设,完成│ │财政局 │ │\n│5所卫生院改造 │ │ │ │",
                             "│△推进乡镇卫生院标准化建设,完成│ │财政局 │ │\n│5所卫生院改造 │ ├────┤ │")
    ds = _import(tmp_path, text.replace("├──────┤ ├────┤ │\n│加强教育保障", "├──────┤ │ │\n│加强教育保障"))
    assert ds.tasks[0].doubt and ds.tasks[1].doubt
