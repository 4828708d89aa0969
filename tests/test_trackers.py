"""Department trackers: exactly the dataset's (task, unit) pairs, protected, validated, printable."""

from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import SEEDS
from hypothesis import given, settings
from pdfcheck import missing_texts, norm, overlapping, pages
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


_LONG = ("已召开专题会议研究部署，制定工作方案并明确责任分工，{n}项重点工作均已启动；会同相关部门开展实地调研两次，"
         "形成调研报告一份，下一步将按照时间节点推进，确保按期完成。")


def _rendered_whole(xlsx, tmp_path, expected: list[str], ds, unit: str, most_pages: int) -> list[dict]:
    """The tracker through LibreOffice: every expected text whole in a cell, no two glyphs drawn over each
    other, the header row, the running head and 「第 n 页，共 N 页」 on every page, no task key printed."""
    from xltools.infra.office import convert

    pdf = convert(xlsx, "pdf", tmp_path)
    rendered = pages(pdf)
    assert 1 <= len(rendered) <= most_pages
    for n, page in enumerate(rendered, start=1):
        text = norm(page["text"])
        assert page["rows"][0][0] == "序号" and "任务内容" in page["rows"][0], f"page {n}: no header row"
        assert norm(f"{ds.title}") in text and norm(unit) in text, f"page {n}: no running head"
        assert f"第{n}页，共{len(rendered)}页" in text
        assert not any(t.key in text for t in ds.tasks), f"page {n}: a task key is printed"
    assert missing_texts(expected, rendered) == []
    assert overlapping(pdf) == []
    return rendered


@pytest.mark.office
@pytest.mark.parametrize("seed, unit", [("yingkou", "市财政局"), ("wafangdian", "市教育局")])
def it_prints_the_issued_tracker_whole(seed, unit, tmp_path):
    """营口 市财政局 has long 其他责任单位 cells (tasks 20, 23, 29); 瓦房店 has categories and a key column."""
    ds = xltools.load_dataset(SEEDS / f"{seed}.json")
    result = xltools.write_trackers(ds, "2026Q1", tmp_path / "out", deadline="2026-04-10", units=[unit])
    rec = next(r for r in recipients(ds) if r.unit == unit)
    wb = openpyxl.load_workbook(result.files[0][1])
    ws = wb["填报"]
    header = [c.value for c in ws[4]]
    expected = [str(ws.cell(r, c + 1).value or "") for r in range(5, 5 + len(rec.tasks))
                for c, h in enumerate(header) if h != KEY_LABEL]
    # at most one page per three tasks: each row leaves room to type, and the table fits the width
    _rendered_whole(result.files[0][1], tmp_path, expected, ds, unit, len(rec.tasks) // 3 + 2)


@pytest.mark.office
def it_prints_the_issue_list_whole(tmp_path):
    """下发清单: every unit and file name whole (long collective names wrap), header and page numbers."""
    from xltools.infra.office import convert

    ds = xltools.load_dataset(SEEDS / "wafangdian.json")
    result = xltools.write_trackers(ds, "2026Q1", tmp_path / "out")
    pdf = convert(result.list_path, "pdf", tmp_path)
    rendered = pages(pdf)
    expected = [u for u, _p, _l, _r in result.files] + [p.name for _u, p, _l, _r in result.files]
    assert missing_texts(expected, rendered) == [] and overlapping(pdf) == []
    for n, page in enumerate(rendered, start=1):
        assert page["rows"][0][:2] == ["单位", "文件"] and f"第{n}页，共{len(rendered)}页" in norm(page["text"])


@pytest.mark.office
def it_prints_a_returned_tracker_with_long_answers_whole(tmp_path):
    """What a unit types (three long sentences in every field) prints whole: the rows grow as it types."""
    from xltools.demo import fill_tracker

    ds = xltools.load_dataset(SEEDS / "yingkou.json")
    unit = "市财政局"
    result = xltools.write_trackers(ds, "2026Q1", tmp_path / "out", deadline="2026-04-10", units=[unit])
    rec = next(r for r in recipients(ds) if r.unit == unit)
    answers = {t.key: {"进展情况": _LONG.format(n=i) * 2, "完成状态": "推进中", "存在问题": _LONG.format(n=i + 1),
                       "下一步计划": _LONG.format(n=i + 2), "备注": "无"} for i, (t, _r) in enumerate(rec.tasks)}
    returned = fill_tracker(result.files[0][1], answers, {"填报人": "张三", "联系电话": "0417-1234567"},
                            out=tmp_path / "returned.xlsx")
    expected = [v for a in answers.values() for v in a.values()] + [t.content for t, _r in rec.tasks]
    _rendered_whole(returned, tmp_path, expected, ds, unit, len(rec.tasks) + 2)


def it_stores_task_rows_tall_enough_but_not_fixed_so_they_grow_as_the_unit_types(tmp_path):
    """A stored height (LibreOffice and WPS print that) without the set-by-hand mark (which would stop
    Excel, WPS and LibreOffice refitting the row when the unit types)."""
    import re
    import zipfile

    from xltools.infra.rowfit import row_height

    ds = xltools.load_dataset(SEEDS / "yingkou.json")
    path = xltools.write_trackers(ds, "2026Q1", tmp_path, units=["市财政局"]).files[0][1]
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    rows = {int(r): (float(ht), custom) for r, ht, custom in
            re.findall(r'<row r="(\d+)"[^>]*? ht="([\d.]+)"( customHeight="1")?', xml)}
    rec = next(r for r in recipients(ds) if r.unit == "市财政局")
    for i, (task, _role) in enumerate(rec.tasks):
        height, custom = rows[5 + i]
        assert not custom
        assert height >= row_height([(task.content, 40)], 11) - 1


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


@pytest.mark.parametrize("seed, has_lead", [("wafangdian", False), ("zhumadian", False), ("yingkou", True)])
def it_has_a_lead_column_only_when_the_list_names_lead_units(seed, has_lead, tmp_path):
    ds = xltools.load_dataset(SEEDS / f"{seed}.json")
    assert any(t.lead_units for t in ds.tasks) == has_lead
    path = xltools.write_trackers(ds, "2026Q1", tmp_path, units=[recipients(ds)[0].unit]).files[0][1]
    header = [c.value for c in openpyxl.load_workbook(path)["填报"][4]]
    assert ("牵头单位" in header) == has_lead and "其他责任单位" in header
