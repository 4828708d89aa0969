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
from pdfcheck import missing_texts, norm, overlapping, pages

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
    result = xltools.merge_returns([base / "回收"], ds, "2026Q1", base / "汇总.xlsx", issued=base / "下发")
    return ds, base, result, units


def _render(path, outdir):
    from xltools.infra.office import convert

    pdf = convert(path, "pdf", outdir)
    return pdf, pages(pdf)


def _sheet_texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value not in (None, "")]


@pytest.mark.office
def it_prints_the_reminder_list_landscape_whole_with_numbers_and_chinese_fonts(quarter, tmp_path):
    from xltools.publish.report import write_reminders

    _ds, base, _result, units = quarter
    path = tmp_path / "催报清单.xlsx"
    items = write_reminders(base / "汇总.xlsx", path)
    assert {i.unit for i in items} >= {u["unit"] for u in units[-LATE:]}
    ws = openpyxl.load_workbook(path)["催报清单"]
    fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts <= {"宋体", "黑体"}
    counts = [r[1] for r in ws.iter_rows(min_row=3, values_only=True) if r[0]]
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
