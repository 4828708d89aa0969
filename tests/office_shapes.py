"""Word and Excel attachments in the shapes real ones have, made from real list text (issue 25, part D).

The cell text is one list put together from real published lists (tests/corpus_heldout: chuzhou, guandu,
hangzhou): nine tasks under four categories, each with a lead unit and cooperating units. Its answer key
(`KEY`) is written by hand from those lists' keys. Each builder writes the list in one shape real
attachments take — merged cells, a two-row header, a table split per category, a title row inside the
table, notes and a total row after it, automatic Word numbering, a workbook with a merged title, a
two-row header and an instructions sheet, numbered paragraphs with no table — so that every shape can be
imported and compared with the same key.

`python tests/office_shapes.py DIR` writes every file (the .xls, .ods and .pdf through LibreOffice) to DIR;
tests/corpus_office holds the files so made, looked at page by page.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# (category, content, lead units, cooperating units); numbers run 1…9 across the categories.
TASKS: list[tuple[str, str, list[str], list[str]]] = [
    ("确保完成全年主要预期目标", "地区生产总值增长8%以上。", ["市发展改革委"],
     ["市经信局", "市商务局", "市交通局", "市农业农村局", "滁州经开区管委会", "中新苏滁高新区管委会"]),
    ("确保完成全年主要预期目标", "财政收入增长8%左右。", ["市财政局"],
     ["市税务局", "滁州海关", "市人行", "滁州经开区管委会", "中新苏滁高新区管委会"]),
    ("确保完成全年主要预期目标", "固定资产投资增长10%以上。", ["市发展改革委"],
     ["市经信局", "市住建局", "市交通局", "市水利局", "滁州经开区管委会", "中新苏滁高新区管委会"]),
    ("提高投资项目审批效率", "精简项目审批手续。加快推进网上审批，完善行政审批网上服务大厅功能，扩大上线服务单位范围，"
     "提高行政审批效率。加快建立“中介超市”，5月底前实现我区中介超市上线运行。", ["区政务服务局"],
     ["区发改局", "区审改办", "区住建局", "区级相关部门"]),
    ("提高投资项目审批效率", "提高土地审批效率。辖区范围内6亩以下（不含6亩）的土地使用转让手续，区政府审查后办理土地登记。",
     ["区国土分局"], ["区规划分局", "区级相关部门"]),
    ("提高投资项目审批效率", "提高环评审批效率。环评文件上报审批时，只需提交水保批复（涉及水土保持项目）、滇管部门选址意见"
     "（涉及滇池流域项目）。环境影响报告表、登记表原则上由区级负责审批。", ["区环保局"], ["区水务局", "区级相关部门"]),
    ("加快推进项目建设", "加强项目谋划储备。编制完成三年滚动投资计划，完善“十三五”规划项目库，建立专项建设基金三年滚动"
     "项目库，建立投资项目信息化管理平台，促进投资项目科学管理。", ["区发改局"],
     ["区财政局", "区交运局", "区经贸投促局", "区住建局", "区水务局", "区国投公司", "各街道办事处"]),
    ("“互联网+”创业创新", "大力发展众创空间。充分发挥互联网的创新驱动作用，利用产业集聚区、工业园区、商业综合体等平台，"
     "为广大创新创业者提供良好的工作空间、网络空间、社交空间和资源共享空间。三年内认定市级众创空间60家以上。",
     ["市科委"], ["各区县市"]),
    ("“互联网+”创业创新", "加快特色小镇建设。以云溪小镇、梦想小镇等“九镇三谷”为引领，聚焦信息经济特色小镇建设，集聚创新"
     "资源、转化创新成果。", ["市发改委"], ["各区县市"]),
]
TITLE = "2024年稳增长重点工作任务分解表"
ZH = "一二三四五六七八九十"

# The answer key: what every file below must import as.
KEY = [{"number": str(n), "category": cat, "lead_units": lead, "units": units}
       for n, (cat, _text, lead, units) in enumerate(TASKS, 1)]


def categories() -> list[tuple[str, list[int]]]:
    """The categories in order, each with the indexes of its tasks."""
    out: list[tuple[str, list[int]]] = []
    for i, (cat, *_rest) in enumerate(TASKS):
        if not out or out[-1][0] != cat:
            out.append((cat, []))
        out[-1][1].append(i)
    return out


# -- Word helpers ----------------------------------------------------------------------------------------
def _doc(above: tuple[str, ...] = ("附件", TITLE)) -> Document:
    doc = Document()
    for line in above:
        doc.add_paragraph(line)
    return doc


def _put(cell, text: str, *, breaks: bool = False) -> None:
    """Text into a cell: "\n" starts a new paragraph, or a soft line break (w:br) with `breaks`."""
    parts = text.split("\n")
    para = cell.paragraphs[0]
    run = para.add_run(parts[0])
    for part in parts[1:]:
        if breaks:
            run.add_break(WD_BREAK.LINE)
            run = para.add_run(part)
        else:
            cell.add_paragraph(part)


def _header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _grid_style(table) -> None:
    table.style = "Table Grid"


def _units(names: list[str]) -> str:
    return "、".join(names)


def _fill(row, values: list[str], breaks: bool = False) -> None:
    for cell, value in zip(row.cells, values, strict=True):
        _put(cell, value, breaks=breaks)


# -- the Word shapes -----------------------------------------------------------------------------------
def merged_category(path: Path) -> Path:
    """序号 | 主要任务 | 工作任务 | 牵头单位 | 配合单位 under 附件 and the title: the category merged down its
    tasks (w:vMerge), and a unit cell shared by two tasks merged down too."""
    doc = _doc(("附件1", TITLE))
    table = doc.add_table(rows=1, cols=5)
    _grid_style(table)
    _fill(table.rows[0], ["序号", "主要任务", "工作任务", "牵头单位", "配合单位"])
    _header_row(table.rows[0])
    rows = []
    for n, (cat, text, lead, units) in enumerate(TASKS, 1):
        row = table.add_row()
        rows.append(row)
        _fill(row, [str(n), cat, text, _units(lead), _units(units)])
    for _cat, idx in categories():
        if len(idx) > 1:
            top = rows[idx[0]].cells[1]
            for i in idx[1:]:
                rows[i].cells[1].text = ""
            top.merge(rows[idx[-1]].cells[1])
    # the last two tasks share their cooperating units: one merged cell
    rows[8].cells[4].text = ""
    rows[7].cells[4].merge(rows[8].cells[4])
    return _save(doc, path)


def two_row_header(path: Path) -> Path:
    """序号 | 工作任务 | 责任单位 (spanning 牵头单位 | 配合单位) — 序号 and 工作任务 merged down both header rows."""
    doc = _doc(("附件", TITLE))
    table = doc.add_table(rows=2, cols=4)
    _grid_style(table)
    top, sub = table.rows
    _put(top.cells[0], "序号")
    _put(top.cells[1], "工作任务")
    _put(top.cells[2], "责任单位")
    _put(sub.cells[2], "牵头单位")
    _put(sub.cells[3], "配合单位")
    top.cells[2].merge(top.cells[3])
    top.cells[0].merge(sub.cells[0])
    top.cells[1].merge(sub.cells[1])
    _header_row(top)
    _header_row(sub)
    for n, (_cat, text, lead, units) in enumerate(TASKS, 1):
        _fill(table.add_row(), [str(n), text, _units(lead), _units(units)])
    return _save(doc, path)


def split_per_category(path: Path, *, repeat_header: bool = True) -> Path:
    """One table per category, each under its heading paragraph (一、…); the header in every table, or only
    in the first (the later tables continue it)."""
    doc = _doc(("附件", TITLE))
    n = 0
    for k, (cat, idx) in enumerate(categories()):
        doc.add_paragraph(f"{ZH[k]}、{cat}")
        table = doc.add_table(rows=0, cols=4)
        _grid_style(table)
        if repeat_header or k == 0:
            _fill(table.add_row(), ["序号", "工作任务", "牵头单位", "配合单位"])
        for i in idx:
            n += 1
            _cat, text, lead, units = TASKS[i]
            _fill(table.add_row(), [str(n), text, _units(lead), _units(units)])
    return _save(doc, path)


def split_per_page(path: Path) -> Path:
    """The table broken where a page ended: a second table after an empty paragraph, header not repeated, with
    a category row spanning the whole table (一、… in one merged cell) between task rows."""
    doc = _doc(("附件", TITLE))
    n = 0
    table = None
    for k, (cat, idx) in enumerate(categories()):
        if k in (0, 2):
            if k:
                doc.add_paragraph("")
            table = doc.add_table(rows=0, cols=4)
            _grid_style(table)
            if k == 0:
                _fill(table.add_row(), ["序号", "工作任务", "牵头单位", "配合单位"])
        row = table.add_row()
        _put(row.cells[0], f"{ZH[k]}、{cat}")
        row.cells[0].merge(row.cells[3])
        for i in idx:
            n += 1
            _cat, text, lead, units = TASKS[i]
            _fill(table.add_row(), [str(n), text, _units(lead), _units(units)])
    return _save(doc, path)


def title_row_inside(path: Path) -> Path:
    """The list's title in the table's first row (one cell merged across), then the header; category rows span
    the table; a 注： paragraph after the table; an empty trailing row and a 合计 row inside it."""
    doc = _doc(("附件2",))
    table = doc.add_table(rows=2, cols=5)
    _grid_style(table)
    _put(table.rows[0].cells[0], TITLE)
    table.rows[0].cells[0].merge(table.rows[0].cells[4])
    _fill(table.rows[1], ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"])
    n = 0
    for k, (cat, idx) in enumerate(categories()):
        row = table.add_row()
        _put(row.cells[0], f"{ZH[k]}、{cat}")
        row.cells[0].merge(row.cells[4])
        for i in idx:
            n += 1
            _cat, text, lead, units = TASKS[i]
            _fill(table.add_row(), [str(n), text, _units(lead), _units(units), "2024年12月底前"])
    table.add_row()  # an empty row left at the end
    total = table.add_row()
    _put(total.cells[0], "合计")
    total.cells[0].merge(total.cells[1])
    _put(total.cells[2], f"{n}项")
    remark = table.add_row()
    _put(remark.cells[0], "备注：牵头单位负责统筹推进，配合单位按职责分工做好相关工作。")
    remark.cells[0].merge(remark.cells[4])
    doc.add_paragraph("注：各责任单位于每季度末月25日前报送工作进展情况。")
    return _save(doc, path)


def numbered_cells(path: Path) -> Path:
    """The 序号 column numbered by Word itself (w:numPr, no digits in the text), the task text in several
    paragraphs, units separated by line breaks inside a cell, the category merged down its tasks."""
    doc = _doc(("附件", TITLE))
    num_id = _add_numbering(doc, [("decimal", "%1")])
    table = doc.add_table(rows=1, cols=5)
    _grid_style(table)
    _fill(table.rows[0], ["序号", "类别", "工作任务", "牵头单位", "责任单位"])
    rows = []
    for _n, (cat, text, lead, units) in enumerate(TASKS, 1):
        row = table.add_row()
        rows.append(row)
        _number(row.cells[0].paragraphs[0], num_id, 0)
        _put(row.cells[1], cat)
        _put(row.cells[2], text.replace("。", "。\n", 1).rstrip("\n"))  # the task's first sentence its own paragraph
        _put(row.cells[3], "\n".join(lead), breaks=True)
        _put(row.cells[4], "\n".join(units), breaks=True)
    for _cat, idx in categories():
        if len(idx) > 1:
            for i in idx[1:]:
                rows[i].cells[1].text = ""
            rows[idx[0]].cells[1].merge(rows[idx[-1]].cells[1])
    return _save(doc, path)


def paragraphs_no_table(path: Path) -> Path:
    """A 分工方案 with no table: headings 一、… and tasks 1. … both numbered by Word (w:numPr), each task with
    its （X牵头，Y、Z配合） clause; the notice above it and the signature below."""
    doc = Document()
    for line in ("关于印发2024年稳增长重点工作任务分解方案的通知", "各区人民政府，市政府各部门：",
                 "现将《2024年稳增长重点工作任务分解方案》印发给你们，请认真贯彻落实。", "附件", TITLE):
        doc.add_paragraph(line)
    heading_id = _add_numbering(doc, [("chineseCounting", "%1、")])
    task_id = _add_numbering(doc, [("decimal", "%1.")])  # a list of its own: numbered on across the headings
    for cat, idx in categories():
        _number(doc.add_paragraph(cat), heading_id, 0)
        for i in idx:
            _cat, text, lead, units = TASKS[i]
            _number(doc.add_paragraph(f"{text}（{_units(lead)}牵头，{_units(units)}配合）"), task_id, 0)
    doc.add_paragraph("某市人民政府办公室")
    doc.add_paragraph("2024年3月1日")
    return _save(doc, path)


def _add_numbering(doc, levels: list[tuple[str, str]], *, run_on: bool = False) -> str:
    """A numbering definition (abstractNum + num) with the given (format, text) per level; its numId. With
    `run_on` the deeper levels never restart (w:lvlRestart 0: tasks numbered on across the sections)."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = str(max(abstract_ids, default=0) + 1)
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = str(max(num_ids, default=0) + 1)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), abstract_id)
    for level, (fmt, text) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        if run_on and level:
            el = OxmlElement("w:lvlRestart")
            el.set(qn("w:val"), "0")
            lvl.find(qn("w:numFmt")).addprevious(el)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), num_id)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), abstract_id)
    num.append(ref)
    numbering.append(num)
    return num_id


def _number(paragraph, num_id: str, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    num_pr.append(ilvl)
    num_pr.append(nid)
    p_pr.append(num_pr)


# widths (cm) of the columns by their label, as offices set them: a narrow 序号, a wide task column
_WIDTHS = {"序号": 1.3, "主要任务": 3.2, "类别": 3.2, "工作任务": 10.5, "牵头单位": 3.4, "配合单位": 5.6,
           "责任单位": 5.6, "完成时限": 2.8}


def _dress(doc) -> None:
    """Make the file look like a printed attachment: A4 landscape, 仿宋 body, the 附件 label in 黑体, the title
    centred in a large bold face, each table's columns as wide as their labels ask, header cells bold."""
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.8)
    section.left_margin = section.right_margin = Cm(2.6)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(12)
    normal.font.name = "仿宋_GB2312"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    for para in doc.paragraphs:
        text = para.text.strip()
        if text == TITLE:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in para.runs:
                run.font.size, run.font.bold = Pt(20), True
        elif text.startswith("附件") and len(text) <= 3:
            for run in para.runs:
                run.font.size = Pt(16)
                run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    for table in doc.tables:
        _column_widths(table)


def _column_widths(table) -> None:
    """gridCol and every cell's tcW from the header labels (the first row whose cells are all labels)."""
    from docx.shared import Cm

    tbl = table._tbl
    cols = tbl.tblGrid.findall(qn("w:gridCol"))
    labels: list[str] = []
    for tr in tbl.findall(qn("w:tr")):
        texts = []
        for tc in tr.findall(qn("w:tc")):
            span = tc.tcPr.find(qn("w:gridSpan")) if tc.tcPr is not None else None
            n = int(span.get(qn("w:val"))) if span is not None else 1
            texts += ["".join(t.text or "" for t in tc.iter(qn("w:t")))] + [""] * (n - 1)
        if sum(t in _WIDTHS for t in texts) >= 2:
            labels = [t if t in _WIDTHS else labels[k] if k < len(labels) else "" for k, t in enumerate(texts)]
            if all(labels):
                break
    if not labels:  # a table continuing one above: the widths of the four-column list
        labels = ["序号", "工作任务", "牵头单位", "配合单位"][:len(cols)]
    widths = [Cm(_WIDTHS.get(label, 3.0)) for label in labels]
    for col, width in zip(cols, widths, strict=False):
        col.set(qn("w:w"), str(int(width.twips)))
    for tr in tbl.findall(qn("w:tr")):
        k = 0
        for tc in tr.findall(qn("w:tc")):
            span = tc.tcPr.find(qn("w:gridSpan")) if tc.tcPr is not None else None
            n = int(span.get(qn("w:val"))) if span is not None else 1
            tc.width = sum(widths[k:k + n], start=Cm(0))
            k += n


def _save(doc, path: Path) -> Path:
    path = Path(path)
    _dress(doc)
    doc.save(path)
    return path


# -- the workbook ---------------------------------------------------------------------------------------
def workbook(path: Path) -> Path:
    """An .xlsx as offices send it: an instructions sheet (填报说明) first and a hidden helper sheet; on the
    real sheet a merged title row, a blank row, a two-row header (责任单位 over 牵头单位 | 配合单位, the other
    labels merged down), the category merged down its tasks, numbers stored as numbers, a blank row between
    categories and a 填表说明 line below."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    notes = wb.active
    notes.title = "填报说明"
    notes["A1"] = "填报说明"
    notes["A2"] = "1.请各责任单位按季度填报工作进展。"
    notes["A3"] = "2.序号、工作任务不得修改。"
    hidden = wb.create_sheet("下拉选项")
    for r, value in enumerate(("已完成", "推进中", "滞后"), 1):
        hidden.cell(r, 1, value)
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("任务清单")
    ws["A1"] = TITLE
    ws.merge_cells("A1:E1")
    ws["A1"].alignment = Alignment(horizontal="center")
    for col, label in zip("ABCD", ("序号", "主要任务", "工作任务", "责任单位"), strict=True):
        ws[f"{col}3"] = label
    ws["D4"], ws["E4"] = "牵头单位", "配合单位"
    ws.merge_cells("D3:E3")
    for col in "ABC":
        ws.merge_cells(f"{col}3:{col}4")
    r = 5
    for _cat, idx in categories():
        first = r
        for i in idx:
            cat, text, lead, units = TASKS[i]
            ws.cell(r, 1, i + 1)  # a number, not text
            if r == first:
                ws.cell(r, 2, cat)
            ws.cell(r, 3, text)
            ws.cell(r, 4, _units(lead))
            ws.cell(r, 5, _units(units))
            r += 1
        if r - 1 > first:
            ws.merge_cells(start_row=first, start_column=2, end_row=r - 1, end_column=2)
        if TASKS[idx[0]][3] == TASKS[idx[-1]][3] and len(idx) > 1:  # one unit cell shared by the category's tasks
            for row in range(first + 1, r):
                ws.cell(row, 5).value = None
            ws.merge_cells(start_row=first, start_column=5, end_row=r - 1, end_column=5)
        r += 1  # a blank row between categories
    ws.cell(r + 1, 1, "填表说明：牵头单位负责汇总报送。")
    ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=5)
    for col, width in zip("ABCDE", (6, 14, 50, 16, 30), strict=True):
        ws.column_dimensions[col].width = width
    thin = Side(style="thin")
    for row in ws.iter_rows(min_row=3, max_row=r - 1, max_col=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center",
                                       horizontal="center" if cell.column in (1, 2) or cell.row < 5 else None)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.font = Font(name="仿宋_GB2312", size=11, bold=cell.row < 5)
    for row in range(5, r):  # heights as a clerk's Excel shows them once the rows are fitted to their text
        lines = max((-(-len(str(ws.cell(row, c).value or "")) * 2 // int(ws.column_dimensions[col].width - 1))
                     for c, col in enumerate("ABCDE", 1)), default=1)
        ws.row_dimensions[row].height = 15 * max(1, lines)
    ws["A1"].font = Font(name="方正小标宋简体", size=18, bold=True)
    ws.row_dimensions[1].height = 36
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "3:4"
    wb.active = 2
    path = Path(path)
    wb.save(path)
    return path


def sheet_per_category(path: Path) -> Path:
    """A workbook with one sheet per category, each sheet named by its heading (一、…), the title row on the
    first sheet only, the header on every sheet, numbers running on across the sheets."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    for k, (cat, idx) in enumerate(categories()):
        ws = wb.active if k == 0 else wb.create_sheet()
        ws.title = f"{ZH[k]}、{cat}"[:31]
        if k == 0:
            ws.append([TITLE])
            ws.merge_cells("A1:D1")
            ws["A1"].font = Font(size=16, bold=True)
            ws["A1"].alignment = Alignment(horizontal="center")
        ws.append(["序号", "工作任务", "牵头单位", "配合单位"])
        for i in idx:
            _cat, text, lead, units = TASKS[i]
            ws.append([i + 1, text, _units(lead), _units(units)])
        for col, width in zip("ABCD", (6, 60, 16, 40), strict=True):
            ws.column_dimensions[col].width = width
    path = Path(path)
    wb.save(path)
    return path


DAZHU = Path(__file__).resolve().parent / "corpus" / "dazhu_minsheng_table.docx"


def dazhu_workbook(path: Path) -> Path:
    """The real dazhu list (tests/corpus, a Word table) typed into a sheet as offices do: title merged across,
    a blank row, the header, a unit per line in a cell, task 5 over two rows (its 序号 and 责任单位 merged down,
    each row its own text and deadline), numbers stored as numbers, a 制表 line below. Key: the corpus's own."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Side

    table = Document(str(DAZHU)).tables[0]
    wb = Workbook()
    ws = wb.active
    ws.title = "分解表"
    ws["A1"] = "2016年民生实事目标任务分解表"
    ws.merge_cells("A1:D1")
    seen: dict[object, tuple[int, int]] = {}  # a Word cell (w:tc, kept alive here) → where it was written
    thin = Side(style="thin")
    for r, row in enumerate(table.rows, start=3):
        for c, cell in enumerate(row.cells, start=1):
            if cell._tc in seen:  # python-docx gives a merged cell once per row it covers
                top_r, top_c = seen[cell._tc]
                if top_c == c:
                    ws.merge_cells(start_row=top_r, start_column=c, end_row=r, end_column=c)
                continue
            seen[cell._tc] = (r, c)
            text = cell.text.strip()
            ws.cell(r, c, int(text) if text.isdigit() else text)
            ws.cell(r, c).alignment = Alignment(wrap_text=True, vertical="center")
            ws.cell(r, c).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for r in range(4, ws.max_row + 1):  # as tall as the unit lines in the row
        ws.row_dimensions[r].height = 15 * max(str(ws.cell(r, c).value or "").count("\n") + 1 for c in range(1, 5))
    ws.cell(ws.max_row + 2, 1, "制表：县政府办公室")
    for col, width in zip("ABCD", (6, 48, 18, 14), strict=True):
        ws.column_dimensions[col].width = width
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    path = Path(path)
    wb.save(path)
    return path


WORD_SHAPES = {
    "merged_category": merged_category, "two_row_header": two_row_header, "split_per_category": split_per_category,
    "split_no_repeat": lambda p: split_per_category(p, repeat_header=False), "split_per_page": split_per_page,
    "title_row_inside": title_row_inside, "numbered_cells": numbered_cells, "paragraphs_no_table": paragraphs_no_table,
}


def convert(source: Path, target: str, outdir: Path) -> Path:
    """`source` through LibreOffice to `target` (xls, ods, pdf) in `outdir`."""
    profile = Path(tempfile.gettempdir()) / "office_shapes_lo_profile"  # its own: another soffice may be running
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
                    "--outdir", str(outdir), str(source)], check=True, capture_output=True, timeout=180)
    return outdir / f"{source.stem}.{target}"


def build_all(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    made = [make(outdir / f"{name}.docx") for name, make in WORD_SHAPES.items()]
    book = workbook(outdir / "workbook.xlsx")
    made += [book, convert(book, "xls", outdir), convert(book, "ods", outdir)]
    per_sheet = sheet_per_category(outdir / "sheet_per_category.xlsx")
    made += [per_sheet, convert(per_sheet, "ods", outdir)]
    made += [convert(path, "pdf", outdir) for path in [*made[:len(WORD_SHAPES)], book]]  # each as printed to PDF
    # saved as a web page (rowspan/colspan, Word's numbers as <ol start>); not the paragraphs, whose 一、 headings
    # LibreOffice writes as a plain numbered list (1.), so that the page is no longer the same list
    made += [convert(outdir / f"{name}.docx", "html", outdir) for name in WORD_SHAPES
             if name != "paragraphs_no_table"]
    # as Word 97-2003 files (.doc), which real attachments often still are; through .odt, since LibreOffice
    # drops the tables of python-docx's files when it writes .doc from them directly
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("merged_category", "two_row_header", "split_no_repeat", "numbered_cells", "paragraphs_no_table"):
            made.append(convert(convert(outdir / f"{name}.docx", "odt", Path(tmp)), "doc", outdir))
    dazhu = dazhu_workbook(outdir / "dazhu_sheet.xlsx")
    made += [dazhu, convert(dazhu, "xls", outdir), convert(dazhu, "ods", outdir), convert(DAZHU, "pdf", outdir)]
    return made


if __name__ == "__main__":
    for p in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/corpus_office")):
        print(p)
