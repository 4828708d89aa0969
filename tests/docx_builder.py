"""Build a .docx of a seed list as an office would have typed it: notice paragraphs, label, title, and a
table with a repeated header row (marked tblHeader), the header repeated again as a plain row mid-table,
vertically merged category cells, units written as several paragraphs or with soft line breaks."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from xltools.dataset.model import Dataset


def _mark_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _set_cell_text(cell, text: str, soft_breaks: bool = False) -> None:
    parts = text.split("\n")
    para = cell.paragraphs[0]
    if soft_breaks:
        run = para.add_run(parts[0])
        for part in parts[1:]:
            run.add_break()
            run = para.add_run(part)
        return
    para.add_run(parts[0])
    for part in parts[1:]:
        cell.add_paragraph(part)


def _units_cell(cell, printed: str, names: list[str], style: int, is_open: bool = False) -> None:
    if is_open and names:
        names = [*names[:-1], names[-1] + "等"]
    if style == 0 or not names:
        _set_cell_text(cell, printed)
    elif style == 1:  # one unit per paragraph
        _set_cell_text(cell, "\n".join(names))
    else:  # soft line breaks between units
        _set_cell_text(cell, "\n".join(names), soft_breaks=True)


def build_docx(ds: Dataset, path: Path, notice: list[str] | None = None, style: str | None = None) -> Path:
    """`style` a table style of the default template ("Table Grid": every cell ruled, as offices print a list)."""
    doc = Document()
    for line in notice or ["关于印发工作方案的通知", "各有关单位：", "现将方案印发给你们，请认真贯彻执行。"]:
        doc.add_paragraph(line)
    doc.add_paragraph(ds.attachment_label)
    doc.add_paragraph(ds.title)
    roles = list(ds.columns)
    table = doc.add_table(rows=1, cols=len(roles), style=style)
    for i, role in enumerate(roles):
        _set_cell_text(table.rows[0].cells[i], ds.columns[role])
    _mark_header(table.rows[0])
    first_of_category = None
    for n, task in enumerate(ds.tasks):
        if n and n % 7 == 0:  # the header typed again as a plain row, as at a page break
            row = table.add_row()
            for i, role in enumerate(roles):
                _set_cell_text(row.cells[i], ds.columns[role])
            first_of_category = None
        row = table.add_row()
        for i, role in enumerate(roles):
            cell = row.cells[i]
            if role == "category":
                if first_of_category is not None and first_of_category[1] == task.category:
                    first_of_category[0].merge(cell)
                else:
                    _set_cell_text(cell, task.category)
                    first_of_category = (cell, task.category)
            elif role == "lead":
                _units_cell(cell, task.lead_text, task.lead_units, n % 3, task.lead_open)
            elif role == "units":
                _units_cell(cell, task.units_text, task.units, n % 3, task.units_open)
            elif role.startswith("extra:"):
                _set_cell_text(cell, task.extra.get(role[6:], ""))
            else:
                _set_cell_text(cell, getattr(task, role))
    doc.add_paragraph("某某市人民政府办公室")
    doc.save(path)
    return path


def table_docx(target, header: list[str], rows: list[list[str]], above: tuple[str, ...] = ("附件", "民生实事清单")):
    """A plain Word table under a few lines of text (附件, the title), as offices publish a list: written to
    `target` (a path or a binary buffer), which is returned."""
    doc = Document()
    for line in above:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    doc.save(target)
    return target
