"""The quarter's papers printed whole: 汇总.xlsx, the 落实情况 report and the 催报清单, rendered through
LibreOffice and read back with pdfplumber.

The case is 瓦房店's list (57 tasks, its units named in a 责任部门 column only, categories) where every
unit answers every one of its tasks in two sentences, and six units do not answer at all.
"""

from __future__ import annotations

import json

import openpyxl
import pytest
from conftest import SEEDS
from pdfcheck import missing_texts, norm, overlapping, page_number, pages

import xltools
from xltools.demo import fill_tracker

STATUSES = ("已完成", "推进中", "滞后", "未启动")
SIGN = {"填报人": "张三", "联系电话": "0411-85123456", "审核人": "李四", "填报日期": "2026-04-08"}
LATE = 6


def _answer(unit: str, n: int) -> dict[str, str]:
    """Two sentences in 进展情况, one each in 存在问题 and 下一步计划: what units usually write."""
    return {"进展情况": f"{unit}已按照任务分工制定工作方案，明确责任科室和时间节点，第{n}项工作正在有序推进。"
                        f"本季度召开专题推进会议一次，协调解决经费保障和场地建设等具体问题。",
            "完成状态": STATUSES[n % len(STATUSES)],
            "存在问题": "部分配套资金尚未到位，专业师资力量仍显不足。" if n % 3 else "无",
            "下一步计划": f"下季度完成第{n}项任务的阶段性目标，并组织开展中期评估。"}


@pytest.fixture(scope="module")
def quarter(tmp_path_factory):
    base = tmp_path_factory.mktemp("wafangdian")
    ds = xltools.load_dataset(SEEDS / "wafangdian.json")
    xltools.write_trackers(ds, "2026Q1", base / "下发", deadline="2026-04-10")
    units = json.loads((base / "下发" / "manifest.json").read_text(encoding="utf-8"))["units"]
    (base / "回收").mkdir()
    for entry in units[:-LATE]:
        answers = {t["key"]: _answer(entry["unit"], n) for n, t in enumerate(entry["tasks"])}
        fill_tracker(base / "下发" / entry["file"], answers, SIGN, out=base / "回收" / entry["file"])
    # merged twice, the second time against the first as last quarter's, so the workbook has every sheet
    # (季度对比 too)
    xltools.merge_returns([base / "回收"], ds, "2026Q1", base / "上季度汇总.xlsx", issued=base / "下发")
    result = xltools.merge_returns([base / "回收"], ds, "2026Q1", base / "汇总.xlsx", issued=base / "下发",
                                   previous=base / "上季度汇总.xlsx")
    return ds, base, result, units


def _render(path, outdir):
    from xltools.infra.office import convert

    pdf = convert(path, "pdf", outdir)
    return pdf, pages(pdf)


def _sheet_texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value not in (None, "")]


@pytest.mark.office
def it_prints_the_reminder_list_landscape_whole_with_numbers_and_chinese_fonts(quarter, tmp_path):
    from xltools.cycle.reminders import write_reminders

    _ds, base, _result, units = quarter
    path = tmp_path / "催报清单.xlsx"
    items = write_reminders(base / "汇总.xlsx", path)
    assert {i.unit for i in items} >= {u["unit"] for u in units[-LATE:]}
    ws = openpyxl.load_workbook(path)["催报清单"]
    fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts <= {"宋体", "黑体"}
    counts = [r[2] for r in ws.iter_rows(min_row=3, values_only=True) if r[0]]
    assert counts == [i.tasks_owed for i in items] and all(isinstance(n, int) for n in counts)
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$2"
    pdf, rendered = _render(path, tmp_path)
    assert 1 <= len(rendered) <= len(items) // 6 + 1
    for n, page in enumerate(rendered, start=1):
        text = norm(page["text"])
        assert "催报清单" in text and norm("提醒文字（可直接复制）") in text, f"page {n}: no title or header"
        assert f"第{n}页，共{len(rendered)}页" in text
    assert missing_texts(_sheet_texts(ws), rendered) == []
    assert overlapping(pdf) == []


def _printed_texts(ws) -> list[str]:
    """The texts of a sheet's printed cells: inside its print area, not in a hidden column."""
    from openpyxl.utils import get_column_letter, range_boundaries

    hidden = {c for c in range(1, ws.max_column + 1) if ws.column_dimensions[get_column_letter(c)].hidden}
    area = ws.print_area.split("!")[-1].replace("$", "") if ws.print_area else None
    left, top, right, bottom = range_boundaries(area) if area else (1, 1, ws.max_column, ws.max_row)
    return [str(c.value) for row in ws.iter_rows(min_row=top, max_row=bottom, min_col=left, max_col=right)
            for c in row if c.value not in (None, "") and c.column not in hidden and not isinstance(c.value, float)]


@pytest.mark.office
def it_prints_every_sheet_of_the_consolidated_workbook_whole(quarter, tmp_path):
    """Every sheet: landscape, fitted to the width, header row and running head on every page, page
    numbers; every printed cell whole, no glyphs drawn over each other; the 汇总 a leader reads on a few
    pages with its chart on a page of its own; the unit chart names every unit."""
    ds, base, result, units = quarter
    wb = openpyxl.load_workbook(base / "汇总.xlsx")
    sheets = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    for ws in sheets:
        setup = ws.page_setup  # fitToWidth 1 is the default XlsxWriter leaves out
        assert setup.orientation == "landscape" and setup.fitToWidth in (None, 1), ws.title
        assert setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows, ws.title
    pdf, rendered = _render(base / "汇总.xlsx", tmp_path)
    by_sheet: dict[str, list[dict]] = {}
    for n, page in enumerate(rendered, start=1):
        text = norm(page["text"])
        assert f"第{n}页，共{len(rendered)}页" in text
        sheet = next(ws.title for ws in sheets if norm(f"{ds.title} 2026年第一季度 汇总表 — {ws.title}") in text)
        by_sheet.setdefault(sheet, []).append(page)
        assert page["rows"] and page["rows"][0][0] in ("序号", "单位", "级别"), f"page {n} ({sheet}): no header row"
    assert list(by_sheet) == [ws.title for ws in sheets] and "季度对比" in by_sheet
    for ws in sheets:
        assert missing_texts(_printed_texts(ws), by_sheet[ws.title]) == [], ws.title
    assert overlapping(pdf) == []
    summary = by_sheet["汇总"]
    assert len(summary) <= len(ds.tasks) // 8 + 2  # 57 tasks: at most 9 pages, the chart's included
    chart_page = norm(summary[-1]["text"])
    assert "任务总体状态" in chart_page and len(summary[-1]["rows"]) == 1  # the chart alone under the header
    unit_chart = norm(by_sheet["单位统计"][-1]["text"])
    assert "各单位任务状态" in unit_chart and all(norm(u["unit"]) in unit_chart for u in units)


def it_keeps_to_the_columns_the_list_has(quarter):
    """瓦房店 names no lead units: no 牵头 columns, the first listed unit's progress instead."""
    ds, base, result, _units = quarter
    ws = openpyxl.load_workbook(base / "汇总.xlsx")["汇总"]
    header = [c.value for c in ws[4]]
    assert not any(h and "牵头" in h for h in header) and "首位责任单位进展" in header
    col = header.index("首位责任单位进展")
    filled = [r[col] for r in ws.iter_rows(min_row=5, values_only=True) if r[header.index("任务内容")]]
    answered = {a.key for a in result.answers if a.reported and a.unit == ds.task(a.key).units[0]}
    assert sum(1 for v in filled if v) == len(answered) > 0


def it_colours_statuses_with_their_usual_meaning(quarter):
    """Cells and charts: 已完成 green, 推进中 blue, 滞后 red, 未启动 grey, 未报送 orange."""
    import re
    import zipfile

    from xltools.cycle.consolidated import CHART_COLOURS, GREEN, GREY, ORANGE, RED

    _ds, base, _result, _units = quarter
    with zipfile.ZipFile(base / "汇总.xlsx") as z:
        charts = [z.read(n).decode() for n in sorted(z.namelist()) if n.startswith("xl/charts/chart")]
        styles = z.read("xl/styles.xml").decode()
    bars = next(c for c in charts if "<c:barChart>" in c)
    colours = re.findall(r'<c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"', bars)
    expected = [CHART_COLOURS[c] for c in ("green", "blue", "red", "grey", "orange")]
    assert ["#" + c for c in colours] == expected  # series 已完成, 推进中, 滞后, 未启动, 未报送
    for fill, _font in (GREEN, RED, GREY, ORANGE):
        assert fill[1:] in styles


@pytest.mark.office
def it_prints_a_short_report_a_leader_reads(quarter, tmp_path):
    """The overview and the tasks needing attention first, then every task's status in a compact table:
    a few pages for 57 tasks answered in two sentences by 16 units (79 pages before). Every row on one
    page with its category, header and page number on every page, nothing cut, the official format."""
    from xltools.cycle.summary import read_consolidated
    from xltools.publish.report import write_report

    ds, base, _result, _units = quarter
    c = read_consolidated(base / "汇总.xlsx")
    out = write_report(base / "汇总.xlsx", tmp_path / "落实情况.docx").path
    assert xltools.check_format(out) == []
    pdf, rendered = _render(out, tmp_path)
    assert 2 <= len(rendered) <= 10
    first = norm(rendered[0]["text"])
    assert first.index("一、总体情况") < first.index("二、需要关注的任务")
    late = [t.number for t in c.tasks if t.overall == "滞后"]
    assert norm(f"滞后 {len(late)} 项：第{'、'.join(late)}项。") in norm(first.replace("\u200b", ""))
    numbers = []
    for n, page in enumerate(rendered, start=1):
        assert page_number(page["text"]) == n
        rows = page["rows"]
        if not rows:
            continue
        assert rows[0] == ["序号", "主要任务", "任务内容", "责任单位", "完成状态"], f"page {n}: no header"
        for row in rows[1:]:
            assert row[0], f"page {n}: a row split across pages"
            task = c.tasks[len(numbers)]
            numbers.append(row[0])
            assert row[1] == norm(task.category) and row[2] == norm(task.content), f"page {n}, task {row[0]}"
            assert row[4] == task.overall
    assert numbers == [t.number for t in ds.tasks]
    assert overlapping(pdf) == []


@pytest.mark.office
def it_prints_every_units_answer_whole_in_the_detail(quarter, tmp_path):
    """With detail: one row per unit and task after the table, each kept on one page, every answer whole."""
    from xltools.cycle.summary import read_consolidated
    from xltools.publish.report import write_report

    _ds, base, _result, _units = quarter
    c = read_consolidated(base / "汇总.xlsx")
    out = write_report(base / "汇总.xlsx", tmp_path / "落实情况.docx", detail=True).path
    pdf, rendered = _render(out, tmp_path)
    answers = [(t.number, a.unit, a.progress) for t in c.tasks for a in t.answers if a.reported]
    assert len(rendered) <= 10 + len(answers) // 5  # the answers add what they take, no more
    assert missing_texts([p for _n, _u, p in answers], rendered) == []
    rows = [row for page in rendered for row in page["rows"][1:] if len(row) == 4]
    assert all(row[0] and row[1] for row in rows)  # no row split across pages
    assert sorted((r[0], r[1]) for r in rows) == sorted((t.number, a.unit) for t in c.tasks for a in t.answers)
    assert overlapping(pdf) == []
