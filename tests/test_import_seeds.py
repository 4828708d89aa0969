"""The five real seed lists import as a clerk reads them, and seeds/ stays in step with the importer."""

from __future__ import annotations

import pytest
from conftest import SEEDS, seed_text

import xltools
from xltools.dataset.store_json import dataset_to_dict
from xltools.dataset.validation import validate

EXPECTED = {
    # name: (tasks, attachment label, title, roles in printed order)
    "pingqiao": (17, "附 件", "部门工作任务清单", ["number", "content", "units"]),
    "zhumadian": (19, "附件", "各部门工作任务清单", ["number", "content", "units"]),
    "huancui": (16, "附件", "环翠区建设职业教育创新发展高地任务清单", ["number", "content", "lead", "units"]),
    "yingkou": (45, "附件：1", "营口市工作任务清单", ["number", "content", "lead", "units"]),
    "wafangdian": (57, "附件2", "瓦房店市推进职业教育实用高效发展主要任务落实举措清单",
                   ["number", "category", "content", "units"]),
}


def _import(name):
    return xltools.import_source(seed_text(name))


def it_imports_each_seed_with_its_count_roles_label_and_title(seed_name):
    ds = _import(seed_name)
    count, label, title, roles = EXPECTED[seed_name]
    assert len(ds.tasks) == count
    assert ds.attachment_label == label
    assert ds.title == title
    assert list(ds.columns) == roles
    assert [t.number for t in ds.tasks] == [str(i) for i in range(1, count + 1)]
    assert all(t.content.strip() for t in ds.tasks)
    assert len({t.key for t in ds.tasks}) == count


def it_keeps_labels_exactly_as_printed():
    ds = _import("pingqiao")
    assert ds.columns["content"] == "工  作  任  务"
    assert ds.columns["units"] == "责任单位\n（按职责分工负责）"
    assert _import("yingkou").columns["content"] == "政策内容"
    assert _import("wafangdian").columns["units"] == "责任部门"


def it_skips_header_rows_repeated_at_page_breaks():
    ds = _import("pingqiao")
    assert not any("序号" in t.number or "工" in t.number for t in ds.tasks)
    assert ds.tasks[8].content.startswith("探索土地供应政策")


def it_fills_the_merged_category_down():
    ds = _import("wafangdian")
    cats = [t.category for t in ds.tasks]
    assert cats[0] == cats[5] == "全面落实立德树人根本任务"
    assert cats[6] == cats[9] == "优化职业院校和专业布局"
    assert cats[56] == "加大职业教育宣传力度"
    assert all(cats)
    assert len(set(cats)) == 14


def it_keeps_collective_units_whole():
    ds = _import("pingqiao")
    assert "各乡、镇、办事处" in ds.tasks[1].units
    assert not any(u in ("镇", "办事处", "各乡") for t in ds.tasks for u in t.units)
    assert ds.unit("各乡、镇、办事处").kind == "集合"
    t15 = ds.tasks[14]
    assert "区直有关部门" in t15.units and "区科工局" in t15.units


def it_rejoins_a_unit_name_broken_across_lines():
    ds = _import("huancui")
    assert ds.tasks[13].lead_units == ["区委组织部", "区人力资源社会保障局"]


def it_leaves_empty_unit_cells_empty():
    ds = _import("huancui")
    for number in ("5", "7", "13", "14"):
        assert ds.tasks[int(number) - 1].units == []
    assert ds.tasks[2].units_open  # "…税务局等"


def it_reads_the_list_at_the_end_of_a_whole_notice():
    ds = _import("zhumadian")
    assert ds.issuer == "驻马店市人民政府办公室"
    assert ds.doc_number == "驻政办〔2021〕44号"
    assert ds.tasks[0].content.startswith("加强职业院校思政课程与课程思政建设")
    assert "<p>" not in ds.tasks[9].content
    assert ds.tasks[16].units[0] == "市人力资源和社会保障局"


def it_groups_aliases_and_suggests_fixes_on_the_yingkou_list():
    ds = _import("yingkou")
    hr = ds.unit("市人力资源和社会保障局")
    assert "市人力资源社会保障局" in hr.aliases
    problems = validate(ds)
    truncated = [p for p in problems if p.code == "suspicious_unit" and "市教育」" in p.message]
    assert truncated and truncated[0].suggestion == "市教育局"
    assert any(p.code == "alias_group" and "市人力资源社会保障局" in p.message for p in problems)


def it_suggests_the_missing_level_prefix():
    ds = _import("wafangdian")
    problems = {p.message.split("」")[0].split("「")[1]: p.suggestion for p in validate(ds)
                if p.code == "suspicious_unit"}
    assert problems["人社局"] == "市人社局"
    assert problems["发改局"] == "市发改局"


@pytest.mark.parametrize("form", ["json", "xlsx"])
def it_keeps_the_bundled_seed_datasets_in_step(seed_name, form):
    """seeds/<name>.json|.xlsx are what the importer makes now (regenerate: xltools import seeds/X.txt -o …)."""
    fresh = dataset_to_dict(_import(seed_name))
    stored = dataset_to_dict(xltools.load_dataset(SEEDS / f"{seed_name}.{form}"))
    assert stored == fresh
