"""The same list in every form a clerk receives imports to the same tasks (issue 9)."""

from __future__ import annotations

import html

import pytest
from conftest import ROOT, SEEDS, seed_text

import xltools
from xltools.infra.office import convert


def _tasks(ds, exact: bool = True):
    norm = (lambda s: s) if exact else (lambda s: "".join(s.split()))
    return [(t.number, norm(t.content), t.category, t.lead_units, t.units) for t in ds.tasks]


def _html(ds) -> str:
    roles = list(ds.columns)
    rows = ["<tr>" + "".join(f"<th>{html.escape(ds.columns[r])}</th>" for r in roles) + "</tr>"]
    for i, t in enumerate(ds.tasks):
        cells = []
        for r in roles:
            if r == "category":
                if i and ds.tasks[i - 1].category == t.category:
                    continue
                span = 1
                while i + span < len(ds.tasks) and ds.tasks[i + span].category == t.category:
                    span += 1
                cells.append(f'<td rowspan="{span}">{html.escape(t.category)}</td>')
            elif r in ("lead", "units"):
                text = t.lead_text if r == "lead" else t.units_text
                cells.append("<td>" + "<br>".join(html.escape(x) for x in text.split("\n")) + "</td>")
            else:
                cells.append(f"<td><p>{html.escape(str(getattr(t, r)))}</p></td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<html><head><meta charset="gb2312"><title>x</title></head><body><p>{ds.attachment_label}</p>'
            f"<h2>{ds.title}</h2><table border=1>{''.join(rows)}</table><p>2026年1月5日</p></body></html>")


def _inline(ds) -> str:
    lines = [ds.attachment_label, ds.title, ""]
    for t in ds.tasks:
        clause = []
        if t.lead_units:
            clause.append("牵头单位：" + "、".join(t.lead_units))
        if t.units:
            clause.append("责任单位：" + "、".join(t.units))
        lines.append(f"{t.number}.{t.content.replace(chr(10), '')}（{'；'.join(clause)}）")
    return "\n".join(lines)


@pytest.mark.parametrize("name", ["yingkou", "wafangdian"])
def it_reads_a_web_page_table_with_rowspans(name, tmp_path):
    ds = xltools.import_source(seed_text(name))
    page = tmp_path / "附件.html"
    page.write_bytes(_html(ds).encode("gb18030"))
    back = xltools.import_source(page)
    assert _tasks(back) == _tasks(ds)
    assert back.title == ds.title


@pytest.mark.parametrize("how", ["no end tags", "cut before </table>", "title in <caption>"])
def it_reads_a_web_page_table_written_loosely(how, tmp_path):
    """Pages as they really come: </td> and </tr> left out (HTML allows it), a saved copy cut before the
    table's end, the title as the table's <caption>. The same tasks and title each time."""
    ds = xltools.import_source(seed_text("yingkou"))
    page = _html(ds)
    if how == "no end tags":
        page = page.replace("</td>", "").replace("</th>", "").replace("</tr>", "")
    elif how == "cut before </table>":
        page = page[:page.index("</table>")]
    else:
        page = page.replace(f"<h2>{ds.title}</h2><table border=1>", f"<table border=1><caption>{ds.title}</caption>")
    path = tmp_path / "附件.html"
    path.write_bytes(page.encode("gb18030"))
    back = xltools.import_source(path)
    assert _tasks(back) == _tasks(ds)
    assert back.title == ds.title


def it_reads_inline_clauses_of_a_seed(tmp_path):
    ds = xltools.import_source(seed_text("yingkou"))
    back = xltools.import_text(_inline(ds))
    assert [(t.number, t.lead_units, t.units) for t in back.tasks] == [
        (t.number, t.lead_units, t.units) for t in ds.tasks]


@pytest.mark.office
@pytest.mark.parametrize("fmt", ["doc", "odt", "rtf"])
def it_reads_documents_libreoffice_converts(fmt, tmp_path):
    ds = xltools.load_dataset(SEEDS / "wafangdian.json")
    docx = xltools.write_attachment(ds, tmp_path / "附件.docx").path
    other = convert(docx, fmt, tmp_path / fmt)
    assert _tasks(xltools.import_source(other)) == _tasks(ds)


@pytest.mark.office
@pytest.mark.parametrize("name", ["wafangdian", "yingkou", "pingqiao"])
def it_reads_a_pdf_table_across_pages(name, tmp_path):
    ds = xltools.load_dataset(SEEDS / f"{name}.json")
    result = xltools.write_attachment(ds, tmp_path / "附件.docx", pdf=True)
    back = xltools.import_source(result.pdf_path)
    assert _tasks(back, exact=False) == _tasks(ds, exact=False)
    assert back.title == ds.title


def it_says_a_scanned_pdf_has_no_text(tmp_path, capsys):
    from xltools.cli import main

    pdf = tmp_path / "扫描件.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
                    b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF")
    assert main(["import", str(pdf), "-o", str(tmp_path / "o.json")]) == 2
    assert "扫描件" in capsys.readouterr().err


@pytest.mark.office
def it_reads_a_division_of_work_written_as_paragraphs_in_every_document_format(tmp_path):
    """分工方案 are often paragraphs with clauses, no table, and often arrive as .doc/.wps/.rtf: each format
    LibreOffice converts is read the way a .docx is (tables or, failing that, its paragraphs)."""
    import docx

    text = (ROOT / "tests" / "corpus_written" / "shi_fengong.txt").read_text(encoding="utf-8")
    want = xltools.import_text(text)
    doc = docx.Document()
    for line in text.split("\n"):
        doc.add_paragraph(line)
    source = tmp_path / "分工方案.docx"
    doc.save(source)
    for fmt in ("docx", "doc", "rtf", "odt", "pdf"):
        path = source if fmt == "docx" else convert(source, fmt, tmp_path / fmt)
        got = xltools.import_source(path)
        assert _tasks(got, exact=False) == _tasks(want, exact=False), fmt
        assert got.source == path.name and len(got.tasks) == 12


def it_says_a_sheet_of_one_column_is_one_column(tmp_path):
    """Not 「文件中没有表格，也没有文字」 for a sheet that plainly has both."""
    import openpyxl

    wb = openpyxl.Workbook()
    for row in (["工作任务"], ["建设城市书房3个。"], ["新建公办幼儿园2所。"], ["改造老旧小区10个。"]):
        wb.active.append(row)
    wb.save(tmp_path / "清单.xlsx")
    with pytest.raises(xltools.XlError, match="只有一列的表格（4 行，首行「工作任务」）"):
        xltools.import_source(tmp_path / "清单.xlsx")


def _spreadsheet_clipboard(ds) -> str:
    """The list as Excel or WPS put it on the clipboard: tab-separated cells, a cell holding a line break quoted
    (units one per line in their cell), the title row above the header."""
    def cell(text: str) -> str:
        return f'"{text.replace(chr(34), chr(34) * 2)}"' if "\n" in text or '"' in text else text

    roles = list(ds.columns)
    lines = [ds.title, "\t".join(ds.columns[r] for r in roles)]
    for t in ds.tasks:
        values = {"lead": "\n".join(t.lead_units), "units": "\n".join(t.units)}
        lines.append("\t".join(cell(values[r] if r in values else str(getattr(t, r))) for r in roles))
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("name", ["yingkou", "wafangdian", "huancui"])
def it_reads_cells_copied_out_of_a_spreadsheet(name):
    """Copied from Excel or WPS and pasted: a unit cell of several lines is one cell (quoted on the clipboard), not
    rows of its own with stray quotes."""
    ds = xltools.import_source(seed_text(name))
    back = xltools.import_text(_spreadsheet_clipboard(ds))
    assert _tasks(back) == _tasks(ds)
