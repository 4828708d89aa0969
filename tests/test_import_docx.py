"""A .docx of each seed imports to the same dataset as its text (issue 2)."""

from __future__ import annotations

from conftest import seed_text
from docx_builder import build_docx

import xltools
from xltools.dataset.store_json import dataset_to_dict


def _comparable(ds) -> dict:
    data = dataset_to_dict(ds)
    data.pop("source")
    data.pop("import_notes")
    data.pop("issuer")
    data.pop("doc_number")
    for task in data["tasks"]:
        # A cell typed one unit per paragraph prints differently; the units themselves must agree.
        task.pop("lead_text")
        task.pop("units_text")
    return data


def it_imports_a_docx_of_each_seed_as_its_text(seed_name, tmp_path):
    from_text = xltools.import_source(seed_text(seed_name))
    docx = build_docx(from_text, tmp_path / f"{seed_name}.docx")
    from_docx = xltools.import_source(docx)
    assert _comparable(from_docx) == _comparable(from_text)


def it_finds_the_table_after_a_whole_notice(tmp_path):
    ds = xltools.import_source(seed_text("wafangdian"))
    notice = ["瓦房店市人民政府办公室文件", "瓦政办发〔2022〕12号", "关于印发瓦房店市推进职业教育实用高效发展实施方案的通知",
              "各乡镇人民政府、街道办事处，市政府各部门：", "现将实施方案印发给你们，请认真贯彻落实。",
              "一、总体要求", "（一）指导思想", "1.坚持正确方向。", "2026年1月5日"]
    back = xltools.import_source(build_docx(ds, tmp_path / "notice.docx", notice=notice))
    assert len(back.tasks) == 57
    assert back.doc_number == "瓦政办发〔2022〕12号"
    assert back.title == ds.title and back.attachment_label == "附件2"
