"""Department trackers: exactly the dataset's (task, unit) pairs, protected, validated, printable."""

from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import SEEDS
from hypothesis import given, settings
from pdfcheck import norm, pages
from strategies import datasets

import xltools
from xltools.cycle.trackers import KEY_LABEL, recipients
from xltools.dataset.model import KIND_COLLECTIVE, Unit


def _read_pairs(outdir) -> tuple[set[tuple[str, str, str]], int]:
    """(key, unit, role) from every workbook's 填报 rows, with the unit from the provenance sheet."""
    pairs, count = set(), 0
    for path in sorted(outdir.glob("*.xlsx")):
        if path.name == "下发清单.xlsx":
            continue
        count += 1
        wb = openpyxl.load_workbook(path)
        info = {r[0]: r[1] for r in wb["_xltools"].iter_rows(max_row=11, values_only=True)}
        ws = wb["填报"]
        header = [c.value for c in ws[4]]
        for row in ws.iter_rows(min_row=5, values_only=True):
            if row[header.index(KEY_LABEL)]:
                pair = (row[header.index(KEY_LABEL)], info["unit"], row[header.index("本单位职责")])
                assert pair not in pairs
                pairs.add(pair)
    return pairs, count


def _expected(ds) -> set[tuple[str, str, str]]:
    return {(t.key, r.unit, role) for r in recipients(ds) for t, role in r.tasks}


@settings(max_examples=20, deadline=None)
@given(datasets())
def it_sends_every_pair_once_with_its_role(tmp_path_factory, ds):
    out = tmp_path_factory.mktemp("trk")
    result = xltools.write_trackers(ds, "2026Q1", out)
    pairs, count = _read_pairs(out)
    assert count == len(result.files) == len({u for _k, u, _r in ds.pairs()})
    assert pairs == {(k, u, r) for k, u, r in ds.pairs()}


def it_expands_collectives_with_members(tmp_path):
    ds = xltools.load_dataset(SEEDS / "pingqiao.json")
    collective = ds.unit("各乡、镇、办事处")
    collective.members = ["东双河镇", "甲乡", "乙办事处"]
    result = xltools.write_trackers(ds, "2026年第一季度", tmp_path)
    units = {f[0] for f in result.files}
    assert {"东双河镇", "甲乡", "乙办事处"} <= units and "各乡、镇、办事处" not in units
    pairs, _ = _read_pairs(tmp_path)
    assert pairs == _expected(ds)
    owed = [t.key for t in ds.tasks if "各乡、镇、办事处" in t.units]
    assert {k for k, u, _r in pairs if u == "甲乡"} == set(owed)
    dongshuanghe = {k for k, u, _r in pairs if u == "东双河镇"}
    assert set(owed) | {ds.tasks[6].key} == dongshuanghe  # listed by itself on task 7 as well


def it_locks_the_task_text_and_validates_the_status(tmp_path):
    ds = xltools.load_dataset(SEEDS / "wafangdian.json")
    result = xltools.write_trackers(ds, "2026Q1", tmp_path, deadline="2026年4月10日")
    path = result.files[0][1]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "填报" and wb.active.title == "填报"
    ws = wb["填报"]
    assert ws.protection.sheet and wb["_xltools"].sheet_state == "veryHidden"
    assert "2026-04-10" in ws["A2"].value
    header = [c.value for c in ws[4]]
    assert header[:4] == ["序号", "任务类别", "任务内容", "本单位职责"]
    status_col = header.index("完成状态") + 1
    content_col = header.index("任务内容") + 1
    assert ws.cell(5, content_col).protection.locked
    for label in ("进展情况", "完成状态", "存在问题", "下一步计划", "备注"):
        assert not ws.cell(5, header.index(label) + 1).protection.locked
    dv = [d for d in ws.data_validations.dataValidation if d.type == "list"]
    assert dv and dv[0].formula1 == '"已完成,推进中,滞后,未启动"'
    assert openpyxl.utils.get_column_letter(status_col) in str(dv[0].sqref)
    assert dv[0].showErrorMessage and dv[0].promptTitle == "完成状态"
    assert ws.freeze_panes == "A5" and ws.print_title_rows == "$4:$4"
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(len(header))].hidden
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["quarter"] == "2026Q1" and len(manifest["units"]) == len(result.files)


def it_survives_hostile_text(tmp_path):
    ds = xltools.load_dataset(SEEDS / "huancui.json")
    ds.units.append(Unit('区"综合"办/公室:*?', kind="单位"))
    ds.tasks[0].units.append('区"综合"办/公室:*?')
    ds.tasks[1].content = "长" * 40_000
    ds.tasks[2].content = "含控制字符\x00\x07\x0b的文字"
    ds.tasks[3].content = '=HYPERLINK("http://example.com","点我")'
    result = xltools.write_trackers(ds, "2026Q1", tmp_path)
    names = [p.name for _u, p, _l, _r in result.files]
    assert all(not set('\\/:*?"<>|') & set(n) for n in names)
    assert any("截断" in w for w in result.warnings)
    lead = next(p for u, p, _l, _r in result.files if u == "区教育体育局")
    ws = openpyxl.load_workbook(lead)["填报"]
    texts = [ws.cell(r, 2) for r in range(5, ws.max_row + 1)]
    formula = next(c for c in texts if str(c.value).startswith("=HYPERLINK"))
    assert formula.data_type == "s"
    assert any(c.value == "含控制字符的文字" for c in texts)
    assert max(len(str(c.value or "")) for c in texts) <= 32_767


@pytest.mark.office
def it_prints_the_header_row_on_every_page(tmp_path):
    ds = xltools.load_dataset(SEEDS / "wafangdian.json")
    ds.tasks = ds.tasks * 3
    for i, t in enumerate(ds.tasks):
        t.key = f"K{i}"
    result = xltools.write_trackers(ds, "2026Q1", tmp_path / "out", units=["市教育局"])
    from xltools.infra.office import convert

    rendered = pages(convert(result.files[0][1], "pdf", tmp_path))
    assert len(rendered) >= 2
    for page in rendered:
        assert norm("序号任务类别任务内容本单位职责") in norm(page["text"])


def it_refuses_an_unknown_unit_with_close_names(tmp_path):
    ds = xltools.load_dataset(SEEDS / "yingkou.json")
    with pytest.raises(xltools.XlError) as err:
        xltools.write_trackers(ds, "2026Q1", tmp_path, units=["市教育句"])
    assert "市教育局" in err.value.render()


def it_issues_to_a_collective_without_members_as_one_unit(tmp_path):
    ds = xltools.load_dataset(SEEDS / "yingkou.json")
    assert ds.unit("各县区").kind == KIND_COLLECTIVE
    result = xltools.write_trackers(ds, "2026Q1", tmp_path)
    assert "各县区" in {f[0] for f in result.files}


def it_takes_statuses_from_a_template_and_refuses_unknown_keys(tmp_path):
    ds = xltools.load_dataset(SEEDS / "huancui.json")
    tpl = tmp_path / "填报.toml"
    tpl.write_text('statuses = ["完成", "进行中", "未完成"]\n', encoding="utf-8")
    result = xltools.write_trackers(ds, "2026Q1", tmp_path / "a", template=tpl)
    ws = openpyxl.load_workbook(result.files[0][1])["填报"]
    dv = next(d for d in ws.data_validations.dataValidation if d.type == "list")
    assert dv.formula1 == '"完成,进行中,未完成"'
    for bad in ('colour = "red"\n', "statuses = []\n", "footer = 3\n"):
        tpl.write_text(bad, encoding="utf-8")
        with pytest.raises(xltools.XlError) as err:
            xltools.write_trackers(ds, "2026Q1", tmp_path / "b", template=tpl)
        assert "填报.toml" in err.value.render()
