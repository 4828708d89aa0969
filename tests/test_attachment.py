"""The official-format attachment: rendered by LibreOffice, read back, and imported back."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from pdfcheck import norm, page_number, pages, render_pdf
from strategies import datasets

import xltools
from xltools.dataset.store_json import dataset_to_dict
from xltools.errors import XlError


def _same(a, b) -> bool:
    da, db = dataset_to_dict(a), dataset_to_dict(b)
    for d in (da, db):
        for facts_outside_the_table in ("source", "import_notes", "issuer", "doc_number"):
            d.pop(facts_outside_the_table)
    return da == db


@pytest.mark.office
def it_renders_every_seed_with_repeated_headers_page_numbers_and_every_task_once(seed_name, tmp_path):
    ds = xltools.load_dataset(SEEDS / f"{seed_name}.json")
    docx = xltools.write_attachment(ds, tmp_path / "附件.docx").path
    rendered = pages(render_pdf(docx, tmp_path))
    header = [norm(ds.columns[r]) for r in ds.columns]
    assert len(rendered) >= 2
    first = norm(rendered[0]["text"])
    assert first.startswith(norm(ds.attachment_label)) and norm(ds.title) in first
    numbers, contents = [], []
    for n, page in enumerate(rendered, start=1):
        assert page["rows"][0] == header, f"page {n} does not start with the header row"
        assert page_number(page["text"]) == n
        for row in page["rows"][1:]:
            if row == header:
                continue
            if row[0]:
                numbers.append(row[0])
                contents.append(row[list(ds.columns).index("content")])
            else:  # a row longer than a page continues on the next one
                contents[-1] += row[list(ds.columns).index("content")]
    assert numbers == [t.number for t in ds.tasks]
    assert contents == [norm(t.content) for t in ds.tasks]


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
