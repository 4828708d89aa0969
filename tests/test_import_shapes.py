"""Text shapes besides the seeds' tab-led cells: each fixture written for the tests, each asserting the tasks."""

from __future__ import annotations

import pytest

import xltools


def _tasks(text: str):
    ds = xltools.import_text(text)
    return ds, [(t.number, t.content, t.lead_units, t.units) for t in ds.tasks]


INLINE = """关于印发《某某区优化营商环境工作要点》的通知
各镇人民政府、街道办事处，区直各部门：
现将工作要点印发给你们，请认真贯彻落实。

一、提升政务服务效能
（一）深化“一网通办”
1.推进政务服务事项网上可办率达到95%以上。（牵头单位：区政务服务中心；责任单位：区直各部门、各镇街）
2、全面推行“一件事一次办”，年底前新增10项集成服务。（区政务服务中心牵头，区发改局、区司法局配合）
（二）优化审批流程
3. 压缩工程建设项目审批时间至60个工作日以内(责任单位:区住建局,区自然资源局)
二、加强要素保障
4.保障重点项目用地需求。牵头单位：区自然资源局 配合单位：区发改局、区财政局

某某区人民政府办公室
2026年3月1日
"""


def it_reads_inline_unit_clauses_and_headings_as_categories():
    ds, tasks = _tasks(INLINE)
    assert tasks == [
        ("1", "推进政务服务事项网上可办率达到95%以上。", ["区政务服务中心"], ["区直各部门", "各镇街"]),
        ("2", "全面推行“一件事一次办”，年底前新增10项集成服务。", ["区政务服务中心"], ["区发改局", "区司法局"]),
        ("3", "压缩工程建设项目审批时间至60个工作日以内", [], ["区住建局", "区自然资源局"]),
        ("4", "保障重点项目用地需求。", ["区自然资源局"], ["区发改局", "区财政局"]),
    ]
    assert [t.category for t in ds.tasks] == ["深化“一网通办”"] * 2 + [
        "优化审批流程", "加强要素保障"]
    assert ds.title == "某某区优化营商环境工作要点"


KEY_VALUE = """（1）落实减税降费政策，确保应享尽享。
牵头单位：区税务局
责任单位：区财政局、区人社局
完成时限：2026年12月底前
（2）建立重点企业服务专员制度。
牵头单位：区工信局
配合单位：各镇（街道）
"""


def it_reads_key_value_lines_after_each_item():
    ds, tasks = _tasks(KEY_VALUE)
    assert tasks == [
        ("1", "落实减税降费政策，确保应享尽享。", ["区税务局"], ["区财政局", "区人社局"]),
        ("2", "建立重点企业服务专员制度。", ["区工信局"], ["各镇（街道）"]),
    ]
    assert ds.tasks[0].deadline == "2026年12月底前"
    assert "deadline" in ds.columns


PIPES = """附件2
重点任务分工表
| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 开展专项整治行动 | 市市场监管局 | 市公安局、市商务局 | 2026年6月 |
| 2 | 完善长效监管机制 | 市市场监管局 | 各县（市、区）人民政府 | 长期坚持 |
"""


def it_reads_a_table_flattened_with_pipes():
    ds, tasks = _tasks(PIPES)
    assert ds.attachment_label == "附件2" and ds.title == "重点任务分工表"
    assert tasks == [("1", "开展专项整治行动", ["市市场监管局"], ["市公安局", "市商务局"]),
                     ("2", "完善长效监管机制", ["市市场监管局"], ["各县（市、区）人民政府"])]
    assert [t.deadline for t in ds.tasks] == ["2026年6月", "长期坚持"]


ONE_PER_LINE = """附件
工作任务清单
序号
工作任务
责任单位
1
推进老旧小区改造
县住建局、县财政局
2
加强农村饮水安全保障
县水利局
"""


def it_reads_one_cell_per_line():
    _ds, tasks = _tasks(ONE_PER_LINE)
    assert tasks == [("1", "推进老旧小区改造", [], ["县住建局", "县财政局"]),
                     ("2", "加强农村饮水安全保障", [], ["县水利局"])]


TRADITIONAL = "序號\t工作任務\t牽頭單位\t負責科室\t進展情況\n1\t完善制度\t辦公室\t財務科、人事科\t已完成\n"


def it_reads_traditional_labels_and_keeps_progress_columns_out_of_units():
    ds, tasks = _tasks(TRADITIONAL)
    assert tasks == [("1", "完善制度", ["辦公室"], ["財務科", "人事科"])]
    assert ds.tasks[0].extra == {"進展情況": "已完成"}


@pytest.mark.parametrize("text", [INLINE, KEY_VALUE, PIPES, ONE_PER_LINE])
def it_explains_what_it_skipped(text, tmp_path):
    from xltools.ingest.importer import read_source

    src = tmp_path / "list.txt"
    src.write_text(text, encoding="utf-8")
    result = read_source(src)
    assert result.report.shape
    assert result.dataset.tasks


TWO_LEVEL = "序号\t工作任务\t责任单位\t\t完成时限\n\t\t牵头单位\t配合单位\t\n1\t建立工作机制\t市发改委\t市财政局、市统计局\t2026年6月\n"


def it_merges_a_two_level_header():
    ds, tasks = _tasks(TWO_LEVEL)
    assert tasks == [("1", "建立工作机制", ["市发改委"], ["市财政局", "市统计局"])]
    assert ds.tasks[0].deadline == "2026年6月"


@pytest.mark.parametrize("cell", ["市发改委牵头，市财政局、市统计局配合", "牵头单位：市发改委；配合单位：市财政局、市统计局",
                                  "市发改委（牵头）、市财政局、市统计局"])
def it_finds_the_lead_named_inside_one_unit_cell(cell):
    _ds, tasks = _tasks(f"序号\t工作任务\t责任单位\n1\t建立工作机制\t{cell}\n")
    assert tasks == [("1", "建立工作机制", ["市发改委"], ["市财政局", "市统计局"])]
