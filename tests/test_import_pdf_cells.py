"""PDF table cells read as the page was laid out: where a line of a cell ends its paragraph (one unit a line)
and where it only wrapped. A line that stops short of the cell's edge ended its paragraph only if what starts the
next line would have fitted: a character moves down with the punctuation that may not start a line (、，。）…), an
opening bracket with what it opens, digits and Latin or pinyin letters as one word. A line filled to the edge by
a complete name, the next line holding another complete name, is two names when the document writes each on its
own elsewhere. A row with a sentence in it is a task, never a header repeated at a page top. The same table copied
out of a PDF viewer (its cells' wrapped lines side by side) is put back column by column.

The fixtures are written for the test, in the shape of the unit cells of real lists (a county's 任务分解表).
"""

from __future__ import annotations

import pytest
from docx import Document

import xltools
from xltools.ingest.readers.pdf import (
    _MAYBE,
    _ends_short,
    _join_split,
    _resolve_maybe,
    is_header_row,
)
from xltools.ingest.readers.wrapping import first_piece


def _line(text: str, x0: float = 100.0, size: float = 11.0) -> dict:
    """A text line as pdfplumber gives it: CJK characters a full em wide, digits and Latin letters half."""
    chars, x = [], x0
    for ch in text:
        width = size / 2 if ch.isascii() or (ch.isalpha() and ord(ch) < 0x2E80) else size
        chars.append({"text": ch, "x0": x, "x1": x + width, "size": size})
        x += width
    return {"text": text, "x0": x0, "x1": x, "chars": chars}


# -- what moves down together -------------------------------------------------------------------------
@pytest.mark.parametrize(("start", "width"), [
    ("县财政局", 11.0),  # one character
    ("垸、荒湖管理区", 22.0),  # a character with the 、 that may not start a line
    ("局），县财政局", 33.0),  # with a closing bracket and a comma
    ("(管委会)", 16.5),  # an opening bracket with the character it opens
    ("(xiāng)建设局", 38.5),  # a pinyin word in brackets, whole
    ("1.25万平方米", 22.0),  # digits and their point as one word
])
def it_measures_what_a_line_break_may_not_split(start, width):
    assert first_piece(_line(start)) == pytest.approx(width)


def it_ends_a_short_line_only_where_the_next_lines_start_would_have_fitted():
    box = (95.0, 0, 205.0, 100)  # text from 100 (5 pt of padding), so up to 200 on the right
    lines = [_line("县财政局、各乡、镇人民")]
    room_for_three = _line("府、人民大政")  # ends at 166
    assert _ends_short(room_for_three, box, lines, _line("(管委会)"))
    full = _line("县财政局、各乡、镇")  # ends at 199
    assert not _ends_short(full, box, lines, _line("县民政局"))
    room_for_one = _line("县财政局、各乡、")  # ends at 188
    assert _ends_short(room_for_one, box, lines, _line("县民政局"))
    assert not _ends_short(room_for_one, box, lines, _line("垸、荒湖管理区"))
    assert not _ends_short(room_for_one, box, lines, _line("(管委会)"))
    assert not _ends_short(room_for_one, box, lines, _line("(xiāng)建设局"))
    assert _ends_short(room_for_one, box, lines)  # a cell's last line: one character decides, as before


# -- one name or two where a filled line ends --------------------------------------------------------
def it_reads_two_names_at_a_filled_line_when_the_document_writes_each_alone():
    rows = [["序号", "工作任务", "责任单位"],
            ["1", "完善县乡村三级物流体系。", f"县交通运输局\n县住房城乡建设局{_MAYBE}国网供电公司"],
            ["2", "开展农村人居环境整治。", "县住房城乡建设局、国网供电公司"]]
    assert _resolve_maybe(rows)[1][2] == "县交通运输局\n县住房城乡建设局\n国网供电公司"


@pytest.mark.parametrize("elsewhere", ["县卫生健康局", "县市场监督管理局", "县市场监督管理局城关所、城关所"])
def it_keeps_one_name_wrapped_unless_the_document_shows_two(elsewhere):
    """Only one of the two written alone, or the two written together elsewhere: one name (市生态环境局 /
    咸安分局 is one name)."""
    rows = [["序号", "工作任务", "责任单位"],
            ["1", "推行河长制湖长制。", f"县卫生健康局\n县市场监督管理局{_MAYBE}城关所"],
            ["2", "开展食品安全整治。", elsewhere]]
    assert _resolve_maybe(rows)[1][2] == "县卫生健康局\n县市场监督管理局城关所"


def it_leaves_names_either_side_of_a_page_break_for_the_document_to_decide():
    assert _join_split("县财政局\n县住房城乡建设局", "国网供电公司", maybe=True) == \
        f"县财政局\n县住房城乡建设局{_MAYBE}国网供电公司"
    assert _join_split("推进城乡供水一体化，完成农村饮水安", "全巩固提升工程。", maybe=True) == \
        "推进城乡供水一体化，完成农村饮水安全巩固提升工程。"
    assert _join_split("县财政局", "国网供电公司", ended=True, maybe=True) == "县财政局\n国网供电公司"


# -- a task's row is never a header -------------------------------------------------------------------
def it_never_takes_a_task_row_whose_cells_read_like_labels_for_a_header():
    assert is_header_row(["序号", "主要任务", "工作任务", "牵头单位", "责任单位", "完成时限"])
    assert not is_header_row(["2", "活动内容", "志愿服务行动。由街道指定的职能部门牵头，相关单位、社区参与，清理河岸垃圾。",
                              "街道指定的职能部门", "相关单位\n社区", ""])


# -- the whole list through LibreOffice ----------------------------------------------------------------
ROWS = [  # number, task, lead, units as typed (a line each, or joined with 、), units as read
    ("1", "完善县乡村三级物流体系。", "县商务局", "县交通运输局\n县住房城乡建设局\n国网供电公司",
     ["县交通运输局", "县住房城乡建设局", "国网供电公司"]),
    ("2", "开展农村人居环境整治。", "县农业农村局", "县住房城乡建设局、国网供电公司", ["县住房城乡建设局", "国网供电公司"]),
    ("3", "推行河长制湖长制。", "县水利局", "县卫生健康局\n县市场监督管理局城关所", ["县卫生健康局", "县市场监督管理局城关所"]),
    ("4", "开展医保便民服务。", "县医疗保障局", "县人民政府办公室\n各乡、镇人民政府\n县民政局",
     ["县人民政府办公室", "各乡、镇人民政府", "县民政局"]),
    ("5", "推进文物保护利用。", "县文化和旅游局(文物局)", "县民政局\n县文化和旅游局(文物局)\n县财政局",
     ["县民政局", "县文化和旅游局(文物局)", "县财政局"]),
    ("6", "畅通政务服务热线。", "县政务服务中心", "县民政局\n县政务服务12345热线\n县财政局",
     ["县民政局", "县政务服务12345热线", "县财政局"]),
    ("7", "推进数字乡村建设。", "县工业和信息化局", "县农业农村局\n中国移动城关营业部\n县数据局",
     ["县农业农村局", "中国移动城关营业部", "县数据局"]),
    ("8", "实施城区供水管网改造。", "县住房城乡建设局", "县财政局、县发展和改革局、各县市区人民政府",
     ["县财政局", "县发展和改革局", "各县市区人民政府"]),
]


@pytest.mark.office
def it_reads_unit_cells_of_a_ruled_table_printed_to_pdf(tmp_path):
    """A Word table in every cell ruled, its unit column eight characters wide (as LibreOffice prints it):
    names filling a line exactly, one unit a line with 、 inside a name, every line of a cell full."""
    from xltools.infra.office import convert

    doc = Document()
    doc.add_paragraph("附件")
    doc.add_paragraph("2024年县重点民生实事任务分解表")
    table = doc.add_table(rows=1, cols=4, style="Table Grid")
    for cell, label in zip(table.rows[0].cells, ("序号", "工作任务", "牵头单位", "责任单位"), strict=True):
        cell.text = label
    for row in ROWS:
        for cell, text in zip(table.add_row().cells, row[:4], strict=True):
            first, *more = text.split("\n")
            cell.text = first
            for part in more:
                cell.add_paragraph(part)
    doc.save(tmp_path / "附件.docx")
    ds = xltools.import_source(convert(tmp_path / "附件.docx", "pdf", tmp_path))
    assert [(t.number, t.lead_units, t.units) for t in ds.tasks] == [
        (number, [lead], units) for number, _task, lead, _typed, units in ROWS]


# -- the same table copied out of a PDF viewer ---------------------------------------------------------
# Select all, copy: a row's first line holds a part of every cell, the lines under it the cells' wrapped lines
# side by side, one space between them; a cell with one unit a line adds lines of its own; the issuing office
# under the table. (The text a viewer gives for a Word table printed to PDF, five columns ruled.)
COPIED = """附件
2024年县重点民生实事任务分解表
序号 工作任务 牵头单位 责任单位 完成时限
1 新建城区污水 县住房城乡建 县财政局、县 12月底前
管网12公里， 设局 生态环境局、
完成老城区雨 城关镇人民政
污分流改造。 府
2 新增普惠性托 县卫生健康局 县教育局 10月底前
育机构托位 县民政局
200个。 县市场监管局
3 完成农村危房 县住房城乡建 各乡镇人民政 11月底前
改造150户。 设局 府
4 新建村级综合 县民政局 县财政局 12月底前
服务中心8 各乡镇人民政
个，实现行政 府
村全覆盖。
某某县人民政府办公室
"""


def it_puts_back_cells_wrapped_side_by_side_in_a_copy_out_of_a_pdf():
    ds = xltools.import_text(COPIED)
    assert [(t.number, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks] == [
        ("1", "新建城区污水管网12公里，完成老城区雨污分流改造。", ["县住房城乡建设局"],
         ["县财政局", "县生态环境局", "城关镇人民政府"], "12月底前"),
        ("2", "新增普惠性托育机构托位200个。", ["县卫生健康局"], ["县教育局", "县民政局", "县市场监管局"], "10月底前"),
        ("3", "完成农村危房改造150户。", ["县住房城乡建设局"], ["各乡镇人民政府"], "11月底前"),
        # the last row: a cut name (各乡镇人民政 / 府) goes on, a new unit line starts, the office under it is not its
        ("4", "新建村级综合服务中心8个，实现行政村全覆盖。", ["县民政局"], ["县财政局", "各乡镇人民政府"], "12月底前"),
    ]


def it_reads_a_list_of_one_task_copied_out_of_a_pdf_when_its_lines_fit_the_columns():
    one = "\n".join(COPIED.splitlines()[:7]) + "\n某某县人民政府办公室\n"
    ds = xltools.import_text(one)
    assert [(t.number, t.content, t.units) for t in ds.tasks] == [
        ("1", "新建城区污水管网12公里，完成老城区雨污分流改造。", ["县财政局", "县生态环境局", "城关镇人民政府"])]


@pytest.mark.parametrize(("cell", "role", "whole"), [
    ("县财政局、县", "units", False),  # a bare level character is no name
    ("县财政局、各乡镇人民政", "units", False),  # a collective cut before its ending
    ("县财政局、各乡镇", "units", True),
    ("新建城区污水", "content", False), ("完成老城区雨污分流改造。", "content", True),
    ("12月底前", "deadline", True), ("5月底前动工；12", "deadline", False),
])
def it_tells_a_cell_that_may_end_from_one_cut_in_a_copy(cell, role, whole):
    from xltools.ingest.readers.text import _ends_whole

    assert _ends_whole(cell, role) is whole


def it_keeps_words_spaced_inside_a_cell_together():
    from xltools.ingest.readers.text import _groupings

    assert _groupings(["达到", "90%", "以上"])[0] == ["达到", "90%", "以上"]
    assert ["达到 90% 以上"] in _groupings(["达到", "90%", "以上"])
    assert len(_groupings(["a", "b", "c", "d"])) == 8


def it_puts_back_wrapped_cells_only_in_a_copy_that_wraps_like_a_pdf():
    """One line under one row of a space-separated copy (a second unit of a web or Word copy) is no PDF's wrapped
    cells: it never goes into the task text."""
    ds = xltools.import_text("序号 工作任务 责任单位 完成时限\n1 推进城市更新行动，改造老旧小区15个 区住建局 2024年底\n"
                             "2 建设智慧停车平台，新增泊位2000个 区城管局 2024年10月\n区公安分局\n"
                             "3 实施中小学校舍提升工程 区教育局 2024年8月\n")
    assert [t.content for t in ds.tasks] == ["推进城市更新行动，改造老旧小区15个", "建设智慧停车平台，新增泊位2000个",
                                             "实施中小学校舍提升工程"]
