"""The 落实情况 report and the reminders, from the consolidated workbook only."""

from __future__ import annotations

import openpyxl
import pytest
from pdfcheck import norm, page_number, pages, render_pdf
from test_merge import SIGN, _answer, _fill, _issue, _merge

import xltools
from xltools.cli import main
from xltools.cycle.reminders import write_reminders
from xltools.cycle.summary import read_consolidated
from xltools.publish.report import write_report


@pytest.fixture
def merged(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    entries = list(units.values())
    for i, entry in enumerate(entries[:-2]):
        keys = [t["key"] for t in entry["tasks"]]
        _fill(issued, entry, inbox, answers=_answer(keys, ("已完成", "推进中", "滞后")[i % 3], f"{entry['unit']}进展"),
              sign=SIGN)
    _merge(ds, issued, inbox, tmp_path)
    return ds, tmp_path / "汇总.xlsx", [e["unit"] for e in entries[-2:]]


def _docx_text(path) -> str:
    from docx import Document

    doc = Document(str(path))
    return "\n".join(p.text for p in doc.paragraphs)


def _table(path, index: int = 0):
    from docx import Document

    table = Document(str(path)).tables[index]
    return [[c.text for c in row.cells] for row in table.rows]


def it_states_the_figures_of_the_consolidated_workbook(merged, tmp_path):
    ds, path, missing = merged
    c = read_consolidated(path)
    out = write_report(path, tmp_path / "落实情况.docx").path
    intro = _docx_text(out)
    counts = c.status_counts()
    for status, n in counts.items():
        assert f"{status} {n} 项" in intro
    assert f"共列入任务 {len(ds.tasks)} 项" in intro
    assert f"未报送 {len(missing)} 个" in intro and all(u in intro for u in missing)
    ws = openpyxl.load_workbook(path)["汇总"]
    header = [c.value for c in ws[4]]
    overall = [r[header.index("总体状态")] for r in ws.iter_rows(min_row=5, values_only=True) if r[2]]
    assert sorted(overall) == sorted(t.overall for t in c.tasks)


def it_lists_every_task_once_and_every_units_answer_in_the_detail(merged, tmp_path):
    """The compact table: every task once with its status, no answers; with detail, one row per 明细 row:
    the unit's answer whole, or 未报送."""
    ds, path, missing = merged
    c = read_consolidated(path)
    out = write_report(path, tmp_path / "r.docx", detail=True).path
    header, *body = _table(out)
    assert header == ["序号", "任务内容", "牵头单位", "完成状态"]
    assert [r[0] for r in body] == [t.number for t in ds.tasks]
    assert [r[3] for r in body] == [t.overall for t in c.tasks]
    head, *answers = _table(out, 1)
    assert head == ["序号", "单位", "完成状态", "进展情况"]
    details = openpyxl.load_workbook(path)["明细"]
    dh = [c.value for c in details[1]]
    expected = []
    for r in details.iter_rows(min_row=2, values_only=True):
        number, unit, progress = r[dh.index("序号")], r[dh.index("单位")], r[dh.index("进展情况")]
        expected.append((str(number), unit, "未报送" if unit in missing or not progress else progress))
    got = [(r[0], r[1], r[3].split("\n")[0]) for r in answers]
    assert sorted(got) == sorted(expected)
    assert "三、各项任务完成情况" in _docx_text(out) and "四、各单位报送的进展情况" in _docx_text(out)
    assert len(xltools_tables(write_report(path, tmp_path / "short.docx").path)) == 1  # no detail by default


@pytest.mark.office
def it_renders_in_the_official_format(merged, tmp_path):
    _ds, path, _missing = merged
    out = write_report(path, tmp_path / "r.docx").path
    assert xltools.check_format(out) == []
    rendered = pages(render_pdf(out, tmp_path))
    for n, page in enumerate(rendered, start=1):
        assert page_number(page["text"]) == n
        assert page["rows"] and page["rows"][0][:2] == ["序号", "任务内容"]
    assert "落实情况汇总表（2026年第一季度）" in norm(rendered[0]["text"])


def it_selects_statuses_and_one_unit(merged, tmp_path):
    _ds, path, _missing = merged
    rows = _table(write_report(path, tmp_path / "late.docx", only=["滞后"]).path)[1:]
    assert rows and all(r[3] == "滞后" for r in rows)
    one = _table(write_report(path, tmp_path / "edu.docx", unit="市教育局", detail=True).path, 1)[1:]
    assert one and all(r[1] == "市教育局" for r in one)


def xltools_tables(path) -> list:
    from docx import Document

    return Document(str(path)).tables


def it_reminds_the_late_units(merged, tmp_path, capsys):
    _ds, path, missing = merged
    import datetime as dt

    items = write_reminders(path, tmp_path / "催报清单.xlsx", today=dt.date(2026, 4, 5))
    assert {i.unit for i in items} >= set(missing)
    late = next(i for i in items if i.unit == missing[0])
    assert "请于2026年4月10日前报送" in late.text and f"{late.tasks_owed} 项" in late.text
    after = write_reminders(path, today=dt.date(2026, 4, 13), deadline="2026-04-20")
    late = next(i for i in after if i.unit == missing[0])
    assert "已逾期 3 天" in late.text and "请于2026年4月20日前补报" in late.text and "4月10日前报送" not in late.text
    ws = openpyxl.load_workbook(tmp_path / "催报清单.xlsx")["催报清单"]
    assert {r[0] for r in ws.iter_rows(min_row=3, values_only=True)} >= set(missing)
    assert main(["remind", str(path)]) == 0
    assert missing[0] in capsys.readouterr().out


def it_refuses_a_workbook_that_is_not_ours(tmp_path, capsys):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "随便一个表"
    wb.save(tmp_path / "别的.xlsx")
    assert main(["report", str(tmp_path / "别的.xlsx"), "-o", str(tmp_path / "r.docx")]) == 2
    err = capsys.readouterr().err
    assert "不是 xltools 生成的汇总表" in err and "别的.xlsx" in err
    (tmp_path / "坏.xlsx").write_bytes(b"PK\x03\x04garbage")
    assert main(["report", str(tmp_path / "坏.xlsx"), "-o", str(tmp_path / "r.docx")]) == 2


def _hypothesis_report():
    import json

    from hypothesis import given, settings
    from hypothesis import strategies as st
    from strategies import datasets

    from xltools.demo import fill_tracker

    @settings(max_examples=10, deadline=None)
    @given(datasets(max_tasks=6), st.data())
    def it_states_the_figures_for_random_lists(tmp_path_factory, ds, data):
        tmp = tmp_path_factory.mktemp("rep")
        res = xltools.write_trackers(ds, "2026Q1", tmp / "下发")
        manifest = json.loads(res.manifest_path.read_text(encoding="utf-8"))
        (tmp / "回收").mkdir()
        returned = set()
        for entry in manifest["units"]:
            if data.draw(st.booleans()):
                answers = {t["key"]: {"进展情况": "有进展", "完成状态": data.draw(st.sampled_from(
                    ["已完成", "推进中", "滞后", "未启动"]))} for t in entry["tasks"]}
                fill_tracker(tmp / "下发" / entry["file"], answers, SIGN, out=tmp / "回收" / entry["file"])
                returned.add(entry["unit"])
        if not returned:
            return  # an empty returns folder is refused (tests/test_truth.py)
        xltools.merge_returns([tmp / "回收"], ds, "2026Q1", tmp / "汇总.xlsx", issued=tmp / "下发")
        c = read_consolidated(tmp / "汇总.xlsx")
        intro = _docx_text(write_report(tmp / "汇总.xlsx", tmp / "r.docx", detail=True).path)
        assert [t.number for t in c.tasks] == [t.number for t in ds.tasks]
        for status, n in c.status_counts().items():
            assert f"{status} {n} 项" in intro
        units = {e["unit"] for e in manifest["units"]}
        assert f"应报送单位 {len(units)} 个，已报送 {len(returned)} 个" in intro or (
            returned == units and "全部按时报送" in intro)
        head, *body = _table(tmp / "r.docx", 1)
        for unit in units - returned:
            assert any(row[1] == unit and row[3] == "未报送" for row in body)

    return it_states_the_figures_for_random_lists


it_states_the_figures_for_random_lists = _hypothesis_report()


def it_shows_the_responsible_units_when_the_list_has_no_lead_units(tmp_path):
    """驻马店's list names 责任单位 only: the report's unit column says so and is filled, not an empty 牵头单位."""
    ds, issued, units = _issue(tmp_path, "zhumadian")
    assert not any(t.lead_units for t in ds.tasks)
    entry = next(iter(units.values()))
    _fill(issued, entry, tmp_path / "回收")
    _merge(ds, issued, tmp_path / "回收", tmp_path)
    head, *body = _table(write_report(tmp_path / "汇总.xlsx", tmp_path / "r.docx").path)
    assert "牵头单位" not in head and "责任单位" in head
    col = head.index("责任单位")
    amap = ds.alias_map()
    for t, row in zip(ds.tasks, body, strict=True):
        assert row[col].replace("\n", "") == "、".join(dict.fromkeys(amap.get(n, n) for n in t.units))
