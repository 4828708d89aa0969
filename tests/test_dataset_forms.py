"""The two dataset forms are lossless: dataset → .xlsx → .json → .xlsx gives the same dataset."""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import DEMO, SEEDS
from hypothesis import given, settings
from strategies import datasets

import xltools
from xltools.dataset.model import Unit
from xltools.dataset.store_json import dataset_to_dict


def _through(ds, *suffixes):
    with tempfile.TemporaryDirectory() as tmp:
        for i, suffix in enumerate(suffixes):
            path = Path(tmp) / f"step{i}{suffix}"
            xltools.save_dataset(ds, path)
            ds = xltools.load_dataset(path)
    return ds


@settings(max_examples=25, deadline=None)
@given(datasets())
def it_round_trips_xlsx_json_xlsx(ds):
    ds.units.append(Unit("各县区人民政府", aliases=["各县、区人民政府"], kind="集合", members=["甲县人民政府", "乙区人民政府"]))
    ds.tasks[0].extra = {}
    before = dataset_to_dict(ds)
    after = dataset_to_dict(_through(ds, ".xlsx", ".json", ".xlsx"))
    assert after == before


def it_keeps_formula_like_text_as_text(tmp_path):
    ds = xltools.import_source(DEMO / "huancui.txt")
    ds.tasks[0].content = '=HYPERLINK("http://example.com","点我")'
    ds.tasks[1].content = "+86 138"
    ds.tasks[2].content = "@SUM(A1)"
    back = _through(ds, ".xlsx")
    assert [t.content for t in back.tasks[:3]] == [ds.tasks[0].content, "+86 138", "@SUM(A1)"]
    import openpyxl

    xltools.save_dataset(ds, tmp_path / "d.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "d.xlsx")["任务清单"]
    assert ws.cell(2, 3).data_type == "s"


def it_reads_back_a_clerks_edits(tmp_path):
    """Rows inserted without a key get one; numbers typed as numbers come back as text."""
    import openpyxl

    ds = xltools.import_source(DEMO / "huancui.txt")
    path = tmp_path / "任务总表.xlsx"
    xltools.save_dataset(ds, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["任务清单"]
    ws.insert_rows(3)
    ws.cell(3, 2, 99)
    ws.cell(3, 3, "新增的任务")
    ws.cell(3, 4, "区教育体育局")
    wb.save(path)
    back = xltools.load_dataset(path)
    assert len(back.tasks) == len(ds.tasks) + 1
    new = back.tasks[1]
    assert new.number == "99" and new.content == "新增的任务" and new.lead_units == ["区教育体育局"]
    assert new.key not in {t.key for t in ds.tasks}
    assert [t.key for t in back.tasks[2:]] == [t.key for t in ds.tasks[1:]]


def it_imports_its_own_task_workbook_as_the_dataset_it_holds(tmp_path, capsys):
    """A clerk runs `xltools import 任务总表.xlsx` (perhaps after editing it): title, registry and keys survive."""
    import openpyxl

    from xltools.cli import main

    src = tmp_path / "任务总表.xlsx"
    wb = openpyxl.load_workbook(SEEDS / "yingkou.xlsx")
    ws = wb["任务清单"]
    header = [c.value for c in ws[1]]
    content = header.index(next(h for h in header if h and "任务" in h and h != "任务编号"))
    ws.cell(2, content + 1).value = "改过的任务内容"  # the clerk's edit
    wb.save(src)
    assert main(["import", str(src), "-o", str(tmp_path / "d.json"), "--explain"]) == 0
    assert "xltools 任务总表" in capsys.readouterr().out
    got, seed = xltools.load_dataset(tmp_path / "d.json"), xltools.load_dataset(SEEDS / "yingkou.json")
    assert got.title == seed.title and got.units == seed.units and got.dataset_id == seed.dataset_id
    assert got.tasks[0].content == "改过的任务内容" and got.tasks[0].key == seed.tasks[0].key
    assert got.tasks[1:] == seed.tasks[1:]
