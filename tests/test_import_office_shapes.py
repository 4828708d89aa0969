"""Word and Excel attachments in the shapes real ones have (issue 25, part D) import task by task as the key says.

tests/corpus_office holds one list (real text from three published lists, see tests/office_shapes.py) written
in each shape: merged category and unit cells, a two-row header, one table per category with or without the
header repeated, a table broken at a page with a category row spanning it, a title row inside the table with a
total and a note row below, Word's automatic numbering as the 序号 column, a workbook with an instructions sheet,
merged title and two-row header (as .xlsx, and through LibreOffice as .xls and .ods), numbered paragraphs with
no table; and each of them printed to PDF by LibreOffice, the tables also saved as web pages, five of them
as Word 97-2003 files. Every file must give the key's nine tasks, and all
of them the same dataset. The rules the shapes needed are tested on their own below, on small tables made here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document
from office_shapes import KEY, TASKS, TITLE, _add_numbering, _number

from xltools.ingest.importer import read_source
from xltools.ingest.readers.docx import docx_text, read_docx

CORPUS = Path(__file__).resolve().parent / "corpus_office"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".docx", ".xlsx", ".xls", ".ods", ".pdf", ".html")
               and not p.name.startswith("dazhu"))
# Word 97-2003 files: read through LibreOffice (slow), so tested apart and only where it is installed.
DOC = sorted(CORPUS.glob("*.doc"))
# The real dazhu list (tests/corpus) typed into a sheet (xlsx, xls, ods) and its Word file printed to PDF.
DAZHU = sorted(p for p in CORPUS.iterdir() if p.name.startswith("dazhu"))
NO_CATEGORY = {"two_row_header"}  # the one shape printed without its categories


def _tasks(path: Path) -> list[tuple[str, str, list[str], list[str]]]:
    ds = read_source(path).dataset
    return [(t.number, t.category, t.lead_units, t.units) for t in ds.tasks]


def it_says_in_explain_that_merged_cells_were_shared_in_every_format():
    for path in sorted(CORPUS.glob("merged_category.*")):
        if path.suffix != ".doc":
            notes = read_source(path).dataset.import_notes
            assert any("6 处纵向合并的单元格" in note for note in notes), path.name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def it_imports_each_shape_as_the_key(path):
    ds = read_source(path).dataset
    assert len(ds.tasks) == len(KEY), [t.number for t in ds.tasks]
    for task, key in zip(ds.tasks, KEY, strict=True):
        assert (task.number, task.lead_units, task.units) == (key["number"], key["lead_units"], key["units"]), \
            f"{path.name}: task {key['number']}"
        if path.stem not in NO_CATEGORY:
            assert task.category == key["category"], f"{path.name}: task {key['number']}"
    assert re.sub(r"\s", "", ds.title) == TITLE


def it_gives_the_same_dataset_in_every_format():
    def comparable(path: Path) -> list[tuple]:
        ds = read_source(path).dataset
        return [(t.number, t.category if path.stem not in NO_CATEGORY else "", re.sub(r"\s", "", t.content),
                 t.lead_units, t.units) for t in ds.tasks]

    texts = [(str(n), cat, re.sub(r"\s", "", text), lead, units)
             for n, (cat, text, lead, units) in enumerate(TASKS, 1)]
    for path in FILES:
        want = [(n, "" if path.stem in NO_CATEGORY else c, t, lead, u) for n, c, t, lead, u in texts]
        assert comparable(path) == want, path.name


@pytest.mark.office
@pytest.mark.parametrize("path", DOC, ids=lambda p: p.name)
def it_imports_each_shape_saved_as_a_word_97_file_as_the_key(path):
    ds = read_source(path).dataset
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        (k["number"], k["lead_units"], k["units"]) for k in KEY]
    if path.stem not in NO_CATEGORY:
        assert [t.category for t in ds.tasks] == [k["category"] for k in KEY]


@pytest.mark.parametrize("path", DAZHU, ids=lambda p: p.name)
def it_imports_the_real_dazhu_list_from_a_sheet_and_a_pdf_as_its_key(path):
    key = json.loads((CORPUS.parent / "corpus" / "dazhu_minsheng_table.truth.json").read_text(encoding="utf-8"))
    ds = read_source(path).dataset
    assert [(t.number, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        (k["number"], k["lead_units"], k["units"], k["deadline"]) for k in key["tasks"]]
    assert ds.title == key["title"]


# -- the rules, each on a small table written for it ------------------------------------------------------
def _table_doc(rows: list[list[str]], above=("附件", "重点任务清单")) -> Document:
    doc = Document()
    for line in above:
        doc.add_paragraph(line)
    table = doc.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    return doc


def it_reads_the_number_word_writes_in_front_of_a_cell(tmp_path):
    doc = _table_doc([["序号", "工作任务", "责任单位"], ["", "推进老旧小区改造。", "市住建局"],
                      ["", "新建公办幼儿园3所。", "市教育局"]])
    num_id = _add_numbering(doc, [("decimal", "%1.")])
    for row in doc.tables[0].rows[1:]:
        _number(row.cells[0].paragraphs[0], num_id, 0)
    doc.save(tmp_path / "n.docx")
    assert [r[0] for r in read_docx(tmp_path / "n.docx")[0].rows] == ["序号", "1.", "2."]
    ds = read_source(tmp_path / "n.docx").dataset
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["市住建局"]), ("2", ["市教育局"])]


def it_numbers_on_across_headings_when_the_level_never_restarts(tmp_path):
    doc = Document()
    num_id = _add_numbering(doc, [("chineseCounting", "%1、"), ("decimal", "%2.")], run_on=True)
    for text, level in (("优化营商环境", 0), ("压减审批时限。", 1), ("推行证照分离。", 1), ("扩大有效投资", 0),
                        ("加快项目建设。", 1)):
        _number(doc.add_paragraph(text), num_id, level)
    doc.save(tmp_path / "p.docx")
    assert docx_text(tmp_path / "p.docx").split("\n") == ["一、优化营商环境", "1.压减审批时限。", "2.推行证照分离。",
                                                          "二、扩大有效投资", "3.加快项目建设。"]


def it_repeats_a_merged_cell_shared_by_two_tasks_but_not_into_a_continuation_row(tmp_path):
    doc = _table_doc([["序号", "工作任务", "责任单位", "完成时限"],
                      ["1", "建设城市书房5个。", "市文旅局", "6月底前"],
                      ["2", "建设口袋公园10个。", "", "9月底前"],
                      ["3", "开工建设老年养护楼。", "市民政局", "5月底前"],
                      ["", "开工建设老年大学。", "", "12月底前"],
                      ["4", "新增城镇就业5000人。", "市人社局", "年底前"],
                      ["5", "改造农村公路50公里。", "市交通运输局", "年底前"]])
    rows = doc.tables[0].rows
    rows[1].cells[2].merge(rows[2].cells[2])  # one unit cell over tasks 1 and 2
    rows[3].cells[0].merge(rows[4].cells[0])  # task 3 spans two rows: its number and unit merged down
    rows[3].cells[2].merge(rows[4].cells[2])
    doc.save(tmp_path / "m.docx")
    grid = read_docx(tmp_path / "m.docx")[0]
    assert grid.rows[2][2] == "市文旅局"
    assert grid.rows[4][0] == grid.rows[4][2] == ""
    ds = read_source(tmp_path / "m.docx").dataset
    assert [(t.number, t.units) for t in ds.tasks][:3] == [("1", ["市文旅局"]), ("2", ["市文旅局"]), ("3", ["市民政局"])]
    assert ds.tasks[2].deadline == "5月底前；12月底前"


def it_joins_tables_that_continue_the_first_without_its_header(tmp_path):
    doc = _table_doc([["序号", "工作任务", "责任单位"], ["1", "推进老旧小区改造。", "市住建局"]])
    doc.add_paragraph("二、民生保障")
    more = doc.add_table(rows=0, cols=3)
    for values in (["2", "新建公办幼儿园3所。", "市教育局"], ["3", "新增城镇就业5000人。", "市人社局"]):
        for cell, value in zip(more.add_row().cells, values, strict=True):
            cell.text = value
    doc.save(tmp_path / "c.docx")
    ds = read_source(tmp_path / "c.docx").dataset
    assert [(t.number, t.category) for t in ds.tasks] == [("1", ""), ("2", "民生保障"), ("3", "民生保障")]


def it_leaves_a_table_after_a_passage_of_text_alone(tmp_path):
    doc = _table_doc([["序号", "工作任务", "责任单位"], ["1", "推进老旧小区改造。", "市住建局"]])
    for line in ("某市人民政府办公室", "2024年3月1日", "联系人名单如下："):
        doc.add_paragraph(line)
    more = doc.add_table(rows=0, cols=3)
    for cell, value in zip(more.add_row().cells, ["1", "张三", "13800000000"], strict=True):
        cell.text = value
    doc.save(tmp_path / "a.docx")
    ds = read_source(tmp_path / "a.docx").dataset
    assert [t.number for t in ds.tasks] == ["1"]


def it_skips_total_and_note_rows_inside_the_table(tmp_path):
    doc = _table_doc([["序号", "工作任务", "牵头单位", "完成时限"], ["1", "推进老旧小区改造。", "市住建局", "年底前"],
                      ["2", "新建公办幼儿园3所。", "市教育局", "年底前"], ["合计", "", "2项", ""],
                      ["注：牵头单位负责汇总报送进展。", "", "", ""]])
    rows = doc.tables[0].rows
    rows[4].cells[0].merge(rows[4].cells[3])
    doc.save(tmp_path / "t.docx")
    ds = read_source(tmp_path / "t.docx").dataset
    assert [t.number for t in ds.tasks] == ["1", "2"]
    assert ds.tasks[-1].category == ""


def it_repeats_a_merged_sheet_cell_shared_by_two_tasks(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (["序号", "工作任务", "责任单位", "完成时限"], [1, "建设城市书房5个。", "市文旅局", "6月底前"],
                [2, "建设口袋公园10个。", None, "9月底前"], [3, "开工建设老年养护楼。", "市民政局", "5月底前"],
                [None, "开工建设老年大学。", None, "12月底前"], [4, "新增城镇就业5000人。", "市人社局", "年底前"],
                [5, "改造农村公路50公里。", "市交通运输局", "年底前"]):
        ws.append(row)
    ws.merge_cells("C2:C3")  # one unit cell over tasks 1 and 2
    ws.merge_cells("A4:A5")  # task 3 over two rows: its number and unit merged down
    ws.merge_cells("C4:C5")
    wb.save(tmp_path / "m.xlsx")
    ds = read_source(tmp_path / "m.xlsx").dataset
    assert [(t.number, t.units) for t in ds.tasks] == [("1", ["市文旅局"]), ("2", ["市文旅局"]), ("3", ["市民政局"]),
                                                       ("4", ["市人社局"]), ("5", ["市交通运输局"])]
    assert any("1 处纵向合并的单元格" in note and "第 3 行第 3 列" in note for note in ds.import_notes)
    assert ds.tasks[2].deadline == "5月底前；12月底前"


def it_tells_a_shared_merged_cell_from_a_continued_row_by_the_number_cell():
    from xltools.ingest.readers.merged import shared_merged

    m = ("", True)  # a merge continuation
    cells = [[("类别", False), ("序号", False), ("工作任务", False), ("责任单位", False)],
             [("营商环境", False), ("1", False), ("压减审批时限。", False), ("市政务服务局", False)],
             [m, ("2", False), ("推行证照分离。", False), m],  # category and unit shared with task 1
             [m, ("3", False), ("开工建设老年养护楼。", False), ("市民政局", False)],
             [m, m, ("开工建设老年大学。", False), m]]  # task 3 goes on: its number merged down too
    rows = shared_merged(cells)
    assert rows[2] == ["营商环境", "2", "推行证照分离。", "市政务服务局"]
    assert rows[4] == ["", "", "开工建设老年大学。", ""]
    no_numbers = [[(t, False) for t in ("牵头单位", "工作任务", "完成时限")],
                  [("市政务服务局", False), ("压减企业开办审批时限。", False), ("6月底前", False)],
                  [m, ("全面推行证照分离改革。", False), ("年底前", False)],  # the lead shared by a second task
                  [m, m, ("12月底前", False)]]  # the second task's second deadline
    assert shared_merged(no_numbers)[2:] == [["市政务服务局", "全面推行证照分离改革。", "年底前"], ["", "", "12月底前"]]


def it_writes_word_numbers_in_each_of_its_formats():
    from xltools.ingest.readers.docx import format_number

    assert [format_number(v, "zh") for v in (1, 10, 12, 20, 99)] == ["一", "十", "十二", "二十", "九十九"]
    assert [format_number(v, s) for v, s in ((3, "stems"), (4, "ROMAN"), (14, "roman"), (3, "LETTER"), (2, "letter"),
                                              (3, "circled"), (7, "decimal"))] == ["丙", "IV", "xiv", "C", "b", "③", "7"]


def it_joins_a_row_whose_number_is_merged_with_the_row_above_in_a_short_table(tmp_path):
    doc = _table_doc([["序号", "工作任务", "责任单位", "完成时限"], ["1", "建设城市书房5个。", "市文旅局", "6月底前"],
                      ["2", "开工建设老年养护楼。", "市民政局", "5月底前"], ["", "开工建设老年大学。", "", "12月底前"]])
    rows = doc.tables[0].rows
    rows[2].cells[0].merge(rows[3].cells[0])
    rows[2].cells[2].merge(rows[3].cells[2])
    doc.save(tmp_path / "s.docx")
    assert read_docx(tmp_path / "s.docx")[0].continued == {3}
    ds = read_source(tmp_path / "s.docx").dataset
    assert [(t.number, t.units, t.deadline) for t in ds.tasks] == [("1", ["市文旅局"], "6月底前"),
                                                                    ("2", ["市民政局"], "5月底前；12月底前")]
    assert "合并" in ds.tasks[1].doubt


def it_gives_a_merged_lead_cell_to_each_task_of_a_table_without_numbers(tmp_path):
    doc = _table_doc([["牵头单位", "工作任务", "完成时限"], ["市政务服务局", "压减企业开办审批时限。", "6月底前"],
                      ["", "全面推行证照分离改革。", "年底前"], ["市住建局", "推进老旧小区改造工程。", "年底前"]])
    rows = doc.tables[0].rows
    rows[1].cells[0].merge(rows[2].cells[0])
    doc.save(tmp_path / "l.docx")
    ds = read_source(tmp_path / "l.docx").dataset
    assert [t.lead_units for t in ds.tasks] == [["市政务服务局"], ["市政务服务局"], ["市住建局"]]


def it_writes_the_numbers_a_browser_shows_before_numbered_list_items():
    from xltools.ingest.readers.html import read_html

    page = ("<p>附件</p><ol style='list-style-type: cjk-ideographic'><li>优化营商环境</li></ol>"
            "<ol><li>压减审批时限。（市政务服务局牵头，市发改委配合）</li><li>推行证照分离。（市市场监管局负责）</li></ol>"
            "<ul><li>说明</li></ul><table><tr><td>序号</td><td>工作任务</td></tr>"
            "<tr><td><ol start='3' type='1'><li></li></ol></td><td>加快项目建设。</td></tr></table>")
    grids, lines = read_html(page)
    assert lines[:5] == ["附件", "一、优化营商环境", "1.压减审批时限。（市政务服务局牵头，市发改委配合）",
                         "2.推行证照分离。（市市场监管局负责）", "说明"]
    assert grids[0].rows[1] == ["3.", "加快项目建设。"]
