"""The official-format attachment: rendered by LibreOffice, read back, and imported back."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from pdfcheck import missing_texts, norm, overlapping, page_number, pages, render_pdf
from strategies import datasets

import xltools
from xltools.dataset.store_json import dataset_to_dict
from xltools.errors import XlError
from xltools.publish.gbt9704 import standard_label


def _same(a, b) -> bool:
    da, db = dataset_to_dict(a), dataset_to_dict(b)
    for d in (da, db):
        for facts_outside_the_table in ("source", "import_notes", "issuer", "doc_number"):
            d.pop(facts_outside_the_table)
        d["attachment_label"] = standard_label(d["attachment_label"])  # printed as 7.3.7 has it
    return da == db


@pytest.mark.office
def it_renders_every_seed_whole_with_headers_page_numbers_and_categories_on_every_page(seed_name, tmp_path):
    """Every task once, every cell whole (no two glyphs overlap, which a clipped cell would cause), the
    header and the page number on every page, and each task's category on the page where it prints."""
    ds = xltools.load_dataset(SEEDS / f"{seed_name}.json")
    docx = xltools.write_attachment(ds, tmp_path / "附件.docx").path
    pdf = render_pdf(docx, tmp_path)
    rendered = pages(pdf)
    roles = list(ds.columns)
    header = [norm(ds.columns[r]) for r in roles]
    assert 2 <= len(rendered) <= len(ds.tasks) // 2 + 2
    first = norm(rendered[0]["text"])
    assert first.startswith(standard_label(ds.attachment_label)) and norm(ds.title) in first
    numbers, contents = [], []
    for n, page in enumerate(rendered, start=1):
        assert page["rows"][0] == header, f"page {n} does not start with the header row"
        assert page_number(page["text"]) == n
        for row in page["rows"][1:]:
            if row == header:
                continue
            if row[0]:
                numbers.append(row[0])
                contents.append(row[roles.index("content")])
                if "category" in roles:
                    task = ds.tasks[len(numbers) - 1]
                    assert row[roles.index("category")] == norm(task.category), f"page {n}, task {row[0]}"
            else:  # a row longer than a page continues on the next one
                contents[-1] += row[roles.index("content")]
    assert numbers == [t.number for t in ds.tasks]
    assert contents == [norm(t.content) for t in ds.tasks]
    assert missing_texts([c for t in ds.tasks for c in (t.lead_text, t.units_text, t.deadline)], rendered) == []
    assert overlapping(pdf) == []


def it_prints_the_label_as_the_standard_has_it_unless_asked_to_keep_the_source(tmp_path):
    ds = xltools.load_dataset(SEEDS / "yingkou.json")
    assert ds.attachment_label == "附件：1"
    standard = xltools.write_attachment(ds, tmp_path / "a.docx").path
    kept = xltools.write_attachment(ds, tmp_path / "b.docx", keep_label=True).path
    assert _first_paragraph(standard) == "附件1" and _first_paragraph(kept) == "附件：1"
    assert xltools.check_format(standard) == []
    assert [f.code for f in xltools.check_format(kept)] == ["label"]
    # the number in 黑体 as well: every font of the label's runs is the label font
    assert _label_fonts(standard) == {"黑体"}


@pytest.mark.parametrize("source, printed", [("附件：1", "附件1"), ("附 件", "附件"), ("附件１", "附件1"),
                                             ("附件 2-1", "附件2-1"), ("附件:", "附件"), ("附件", "附件")])
def it_reads_every_spelling_of_the_label_as_the_standard_one(source, printed):
    assert standard_label(source) == printed


def it_writes_the_title_the_tool_and_the_real_time_into_the_document_properties(tmp_path):
    import datetime as dt

    from docx import Document

    ds = xltools.load_dataset(SEEDS / "wafangdian.json")
    props = Document(str(xltools.write_attachment(ds, tmp_path / "a.docx").path)).core_properties
    assert props.title == ds.title.replace("\n", "")
    assert props.author == "xltools" and "python-docx" not in (props.comments + props.last_modified_by)
    now = dt.datetime.now(dt.UTC)
    assert abs((now - props.created).total_seconds()) < 3600 and props.modified == props.created


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def it_creates_files_with_the_permissions_of_the_users_umask(tmp_path, umask, mode):
    import os
    import stat

    ds = xltools.load_dataset(SEEDS / "pingqiao.json")
    before = os.umask(umask)
    try:
        path = xltools.write_attachment(ds, tmp_path / "a.docx").path
    finally:
        os.umask(before)
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]  # no temporary file left


def it_aligns_unit_cells_left_so_narrow_cells_are_not_letter_spaced(tmp_path):
    from docx import Document
    from docx.oxml.ns import qn

    ds = xltools.load_dataset(SEEDS / "yingkou.json")
    table = Document(str(xltools.write_attachment(ds, tmp_path / "a.docx").path)).tables[0]
    roles = list(ds.columns)
    for row in table.rows[1:]:
        for role in ("lead", "units"):
            for p in row.cells[roles.index(role)].paragraphs:
                assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "left"


def _first_paragraph(path) -> str:
    from docx import Document

    return next(p.text for p in Document(str(path)).paragraphs if p.text.strip())


def _label_fonts(path) -> set[str]:
    from docx import Document
    from docx.oxml.ns import qn

    label = next(p for p in Document(str(path)).paragraphs if p.text.strip())
    out = set()
    for run in label.runs:
        fonts = run._r.rPr.find(qn("w:rFonts"))
        out |= {fonts.get(qn(a)) for a in ("w:eastAsia", "w:ascii", "w:hAnsi")}
    return out


def it_imports_its_own_attachment_back_to_the_same_dataset(seed_name, tmp_path):
    ds = xltools.load_dataset(SEEDS / f"{seed_name}.json")
    back = xltools.import_source(xltools.write_attachment(ds, tmp_path / "a.docx").path)
    assert _same(back, ds)


@settings(max_examples=20, deadline=None)
@given(datasets())
def it_round_trips_random_datasets(tmp_path_factory, ds):
    path = tmp_path_factory.mktemp("att") / "a.docx"
    back = xltools.import_source(xltools.write_attachment(ds, path).path)
    assert [t.number for t in back.tasks] == [t.number for t in ds.tasks]
    assert [t.content for t in back.tasks] == [t.content for t in ds.tasks]
    assert [t.lead_units for t in back.tasks] == [t.lead_units for t in ds.tasks]
    assert [t.units for t in back.tasks] == [t.units for t in ds.tasks]
    assert [t.category for t in back.tasks] == [t.category for t in ds.tasks]
    assert back.title == ds.title and list(back.columns) == list(ds.columns)


def it_joins_units_with_the_enumeration_comma_when_the_clerk_changed_them(tmp_path):
    ds = xltools.load_dataset(SEEDS / "huancui.json")
    ds.tasks[0].units = ["区财政局", "区审计局"]
    back = xltools.import_source(xltools.write_attachment(ds, tmp_path / "a.docx").path)
    assert back.tasks[0].units_text == "区财政局、区审计局"
    assert back.tasks[1].units_text == ds.tasks[1].units_text  # untouched cells print as the source did


def it_keeps_the_lead_when_there_is_no_lead_column(tmp_path):
    ds = xltools.load_dataset(SEEDS / "pingqiao.json")
    ds.tasks[0].lead_units = ["区教体局"]
    ds.tasks[0].units = ["区人社局"]
    back = xltools.import_source(xltools.write_attachment(ds, tmp_path / "a.docx").path)
    assert (back.tasks[0].lead_units, back.tasks[0].units) == (["区教体局"], ["区人社局"])


def it_turns_the_page_for_wide_tables(tmp_path):
    ds = xltools.load_dataset(SEEDS / "huancui.json")
    ds.columns["deadline"] = "完成时限"
    assert xltools.write_attachment(ds, tmp_path / "a.docx").orientation == "landscape"
    assert xltools.check_format(tmp_path / "a.docx") == []
    portrait = xltools.write_attachment(ds, tmp_path / "b.docx", orientation="portrait")
    assert portrait.orientation == "portrait"


def it_uses_a_changed_template_and_refuses_bad_ones(tmp_path):
    ds = xltools.load_dataset(SEEDS / "huancui.json")
    tpl = tmp_path / "样式.toml"
    tpl.write_text('[table]\ntable_size = "四号"\ntable_header_size = "四号"\n', encoding="utf-8")
    xltools.write_attachment(ds, tmp_path / "a.docx", template=tpl)
    xml = _document_xml(tmp_path / "a.docx")
    assert 'w:sz w:val="28"' in xml and 'w:sz w:val="24"' not in xml.split("<w:tbl>")[-1]
    for bad in ('colour = "red"\n', 'table_size = "特大号"\n', 'margin_top_mm = "37"\n'):
        tpl.write_text(bad, encoding="utf-8")
        with pytest.raises(XlError) as err:
            xltools.write_attachment(ds, tmp_path / "b.docx", template=tpl)
        assert "样式.toml" in err.value.render()
    assert not (tmp_path / "b.docx").exists()


def _document_xml(path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def it_gives_a_long_extra_column_the_width_the_short_task_text_leaves(tmp_path):
    """An indicator table: short task names, a long 目标任务 column. The task text fits on one line in less than
    it is given, so the 目标任务 cells get that width instead of wrapping a few characters a line."""
    from docx import Document

    from xltools.dataset.model import Dataset, Task

    tasks = [Task(f"T{i}", str(i), f"指标{i}增长率", extra={"目标任务": f"年终根据全省平均水平综合考核第{i}档"},
                  units=["区发改局", "区统计局"]) for i in range(1, 6)]
    ds = Dataset(title="某区2026年目标任务分解表", tasks=tasks, dataset_id="D1",
                 columns={"number": "序号", "content": "项目", "extra:目标任务": "目标任务", "units": "监考单位"})
    path = xltools.write_attachment(ds, tmp_path / "a.docx").path
    table = Document(str(path)).tables[0]
    widths = [c.width.mm for c in table.rows[0].cells]
    roles = list(ds.columns)
    target, content = widths[roles.index("extra:目标任务")], widths[roles.index("content")]
    assert target >= len("年终根据全省平均水平综合考核第1档") * 3.4  # one line at the table's 10.5 points
    assert content >= len("指标1增长率") * 3.4


def it_gives_a_register_s_long_progress_column_room_beside_short_task_names(tmp_path):
    """A register with several text columns: the width goes where it saves lines — the long 进展情况 is not squeezed
    to a few characters a line while the short task names have room to spare, and the table is shorter for it."""
    from xltools.dataset.model import Dataset, Task
    from xltools.publish.attachment import _AttachmentWriter, load_style

    progress = "已完成项目立项和初步设计，正在开展施工图设计和招标准备工作，预计下月开工建设，完成投资约30%。"
    tasks = [Task(f"T{i}", str(i), f"新建口袋公园{i}处。", lead_units=["区住建局"],
                  extra={"分管领导": "张三", "进展情况": progress, "是否达序": "是"}) for i in range(1, 9)]
    ds = Dataset(title="某区民生实事进展表", tasks=tasks, dataset_id="D2",
                 columns={"number": "序号", "content": "主要任务", "extra:分管领导": "分管领导", "lead": "牵头单位",
                          "extra:进展情况": "进展情况", "extra:是否达序": "是否达序"})
    writer = _AttachmentWriter(ds, load_style(None))
    widths = dict(zip(writer.roles, writer.column_widths(225), strict=True))
    assert abs(sum(widths.values()) - 225) < 0.01
    assert widths["extra:进展情况"] > widths["content"]  # the long text gets the room, the short names what they need
    assert widths["content"] >= len("新建口袋公园1处。") * 4.6  # one line each, at 小四
