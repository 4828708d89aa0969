"""check-format passes on what we generate and names each deviation in deliberately wrong files."""

from __future__ import annotations

from conftest import SEEDS
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

import xltools


def _generated(tmp_path):
    ds = xltools.load_dataset(SEEDS / "wafangdian.json")
    return xltools.write_attachment(ds, tmp_path / "附件.docx").path


def _codes(path) -> set[str]:
    return {f.code for f in xltools.check_format(path)}


def it_passes_on_every_generated_attachment(seed_name, tmp_path):
    ds = xltools.load_dataset(SEEDS / f"{seed_name}.json")
    assert xltools.check_format(xltools.write_attachment(ds, tmp_path / "a.docx").path) == []


def it_reports_wrong_margins(tmp_path):
    path = _generated(tmp_path)
    doc = Document(str(path))
    doc.sections[0].top_margin = Mm(25.4)
    doc.sections[0].left_margin = Mm(31.8)
    doc.save(str(path))
    findings = [f for f in xltools.check_format(path) if f.code == "margin"]
    assert {f.expected for f in findings} == {"37 mm", "28 mm"}


def it_reports_a_body_in_songti(tmp_path):
    path = _generated(tmp_path)
    doc = Document(str(path))
    doc.add_paragraph("说明：本表由办公室汇总。")
    title_run = doc.paragraphs[1].runs[0]
    title_run._r.rPr.find(qn("w:rFonts")).set(qn("w:eastAsia"), "宋体")
    normal = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    normal.set(qn("w:eastAsia"), "宋体")
    doc.save(str(path))
    findings = xltools.check_format(path)
    assert any(f.code == "font" and f.where == "标题" and f.found == "宋体" for f in findings)
    assert any(f.code == "font" and f.where == "正文" and f.found == "宋体" for f in findings)


def it_reports_a_header_row_that_does_not_repeat(tmp_path):
    path = _generated(tmp_path)
    doc = Document(str(path))
    tr_pr = doc.tables[0]._tbl.findall(qn("w:tr"))[0].find(qn("w:trPr"))
    tr_pr.remove(tr_pr.find(qn("w:tblHeader")))
    doc.save(str(path))
    assert "header_repeat" in _codes(path)


def it_reports_plain_page_numbers(tmp_path):
    doc = Document()
    doc.sections[0].page_width, doc.sections[0].page_height = Mm(210), Mm(297)
    for side, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        setattr(doc.sections[0], f"{side}_margin", Mm(mm))
    doc.add_paragraph("附件")
    doc.add_paragraph("标题")
    footer = doc.sections[0].footer.paragraphs[0]
    run = footer.add_run()
    fld = footer._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): "PAGE"})
    run._r.addnext(fld)
    path = tmp_path / "plain.docx"
    doc.save(str(path))
    codes = _codes(path)
    assert "page_number_format" in codes and "page_number_odd" in codes and "page_number_even" in codes


def it_exits_1_with_findings_and_0_when_clean(tmp_path, capsys):
    from xltools.cli import main

    path = _generated(tmp_path)
    assert main(["check-format", str(path)]) == 0
    doc = Document(str(path))
    doc.sections[0].top_margin = Mm(20)
    doc.save(str(path))
    assert main(["check-format", str(path), "--json"]) == 1
    assert '"margin"' in capsys.readouterr().out
