"""A table whose 序号 column numbers groups — its cell merged over several rows — while each task cell opens with
its own number counting on through the table (「1.地区生产总值…」 「2.一般公共预算…」): every row is a task with the
number printed in its text, whichever way the table arrives (a Word table, a copy with tabs whose merged cells
come out empty). And a star before a unit marks the lead (「★区发改委、统计局」)."""

from __future__ import annotations

import docx
import pytest

import xltools

ROWS = [["序号", "项目", "重点工作目标任务", "牵头领导", "责任单位"],
        ["1", "主要预期目标", "1.地区生产总值增长5%以上。", "王明", "★区发改委、区统计局"],
        ["", "", "2.一般公共预算收入同口径增长6%以上。", "", "★区财政局、区税务局"],
        ["", "", "3.规上工业总产值增长5%左右。", "李华", "★区工信局、区统计局"],
        ["2", "科技创新", "4.全社会研发投入占比达到4%。", "张强", "★区科技局、区统计局"],
        ["", "", "5.新增高新技术企业100家。", "", "区科技局"]]
WANT = [("1", "主要预期目标", "地区生产总值增长5%以上。", ["区发改委"], ["区统计局"]),
        ("2", "主要预期目标", "一般公共预算收入同口径增长6%以上。", ["区财政局"], ["区税务局"]),
        ("3", "主要预期目标", "规上工业总产值增长5%左右。", ["区工信局"], ["区统计局"]),
        ("4", "科技创新", "全社会研发投入占比达到4%。", ["区科技局"], ["区统计局"]),
        ("5", "科技创新", "新增高新技术企业100家。", [], ["区科技局"])]


def _docx(path):
    d = docx.Document()
    d.add_paragraph("区政府重点工作目标任务分解落实方案")
    table = d.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for c in (0, 1):  # the group's number and name merged over its rows
        for top, bottom in ((1, 3), (4, 5)):
            value = ROWS[top][c]
            table.cell(top, c).merge(table.cell(bottom, c)).text = value
    d.save(path)
    return path


def _tabs(path):
    path.write_text("区政府重点工作目标任务分解落实方案\n" + "\n".join("\t".join(r) for r in ROWS) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [_docx, _tabs], ids=["docx", "tabs"])
def it_numbers_each_task_by_the_number_in_its_text(make, tmp_path):
    ds = xltools.import_source(make(tmp_path / f"附件.{'docx' if make is _docx else 'txt'}"))
    assert [(t.number, t.category, t.content, t.lead_units, t.units) for t in ds.tasks] == WANT
    assert not any(t.doubt for t in ds.tasks)


def it_keeps_the_number_column_when_it_numbers_every_row():
    """A table numbered row by row whose texts repeat the number: the 序号 column numbers, the text as printed."""
    ds = xltools.import_text("序号\t工作任务\t责任单位\n1\t1.新建学校3所\t区教育局\n2\t2.新增学位2000个\t区教育局\n"
                             "3\t3.改造农村公路50公里\t区交通局\n")
    assert [(t.number, t.content[:6]) for t in ds.tasks] == [("1", "1.新建学校"), ("2", "2.新增学位"), ("3", "3.改造农村")]


def it_reads_a_star_as_the_lead_mark():
    ds = xltools.import_text("序号\t工作任务\t责任单位\n1\t推进城市更新\t★区住建局、区财政局\n2\t新建学校\t★区教育局、★区发改委、区财政局\n"
                             "3\t改造农村公路\t区交通局\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["区住建局"], ["区财政局"]), (["区教育局", "区发改委"], ["区财政局"]), ([], ["区交通局"])]


def it_reads_one_column_for_the_lead_and_the_others():
    """牵头及责任单位 (or 牵头单位/配合单位) is one column for all units: each cell says who leads; a cell that says
    nothing lists the responsible units."""
    ds = xltools.import_text("序号\t工作任务\t牵头及责任单位\n1\t推进城市更新\t区住建局牵头，区财政局、区发改委配合\n"
                             "2\t新建学校\t牵头单位：区教育局\n配合单位：区财政局\n3\t改造农村公路\t区交通局、各镇\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["区住建局"], ["区财政局", "区发改委"]), (["区教育局"], ["区财政局"]), ([], ["区交通局", "各镇"])]


def it_reads_a_clause_in_a_lead_column():
    ds = xltools.import_text("序号\t工作任务\t牵头单位\n1\t推进城市更新\t区住建局牵头，区财政局配合\n2\t新建学校\t区教育局\n"
                             "3\t改造农村公路\t区交通局、区财政局\n")
    assert [(t.lead_units, t.units) for t in ds.tasks] == [
        (["区住建局"], ["区财政局"]), (["区教育局"], []), (["区交通局", "区财政局"], [])]


@pytest.mark.parametrize(("category", "task"), [("任务类别", "重点任务"), ("类别", "主要任务"), ("主要任务", "重点任务")])
def it_tells_the_task_column_from_the_category_when_both_labels_name_categories(category, task):
    """Two labels that each could name a category: the one naming tasks, and in the end the one holding the longer
    sentences, is the task."""
    ds = xltools.import_text(f"序号\t{category}\t{task}\t责任单位\n1\t稳定增长\t推进重大项目建设，全年完成投资30亿元。\t区发改局\n"
                             "2\t稳定增长\t扩大有效投资，新开工亿元以上项目20个。\t区发改局\n"
                             "3\t改善民生\t新建城区幼儿园2所，新增学位1200个。\t区教育局\n")
    assert [(t.category, t.content[:6]) for t in ds.tasks] == [
        ("稳定增长", "推进重大项目"), ("稳定增长", "扩大有效投资"), ("改善民生", "新建城区幼儿")]


def it_reads_the_grouped_table_copied_from_a_web_page():
    """Every cell followed by a line 「|」; a group's number and name only on its first row (merged over the others)."""
    cells = ["序号", "项目", "重点工作目标任务", "责任单位",
             "1", "主要预期目标", "1.地区生产总值增长5%以上。", "★区发改委、区统计局",
             "2.一般公共预算收入同口径增长6%以上。", "★区财政局、区税务局",
             "3.规上工业总产值增长5%左右。", "★区工信局、区统计局",
             "2", "科技创新", "4.全社会研发投入占比达到4%。", "★区科技局、区统计局",
             "5.新增高新技术企业100家。", "区科技局"]
    ds = xltools.import_text("附件\n区政府重点工作目标任务分解落实方案\n" + "".join(f"{c}\n|\n" for c in cells))
    assert [(t.number, t.category, t.content, t.lead_units, t.units) for t in ds.tasks] == WANT


@pytest.mark.parametrize("label", ["牵头单位/责任人", "牵头单位及责任人", "牵头领导及责任单位"])
def it_keeps_a_lead_column_whose_label_also_names_a_person(label):
    from xltools.ingest.table import label_role

    assert label_role(label) != "units"
