"""Loose ends of issue 21: a report for one unit states only that unit's return; a reminder without a
deadline never reads 「请于尽快前…」; the page's hints say what to do on the page; names are decided
before trackers go out on the page too."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from conftest import SEEDS

import xltools
from xltools.cli import main
from xltools.cycle.reminders import write_reminders
from xltools.demo import fill_tracker
from xltools.publish.report import write_report

SIGN = {"填报人": "王丽", "联系电话": "0631-5201234", "审核人": "李明"}


def _answers(keys):
    return {k: {"进展情况": f"已推进{k}", "完成状态": "推进中"} for k in keys}


def _quarter(tmp, deadline="2026-04-10"):
    """huancui issued; 区人社 answers 1 of 11 on time, 区教育体育局 all but its last two, 2 days late, the
    first other unit sends back its blank tracker, the others nothing."""
    ds = xltools.load_dataset(SEEDS / "huancui.json")
    res = xltools.write_trackers(ds, "2026Q1", tmp / "下发", deadline=deadline)
    units = {u["unit"]: u for u in json.loads(res.manifest_path.read_text(encoding="utf-8"))["units"]}
    inbox = tmp / "回收"
    inbox.mkdir()
    hr, edu = units["区人力资源社会保障局"], units["区教育体育局"]
    fill_tracker(tmp / "下发" / hr["file"], _answers([hr["tasks"][0]["key"]]), {**SIGN, "填报日期": "2026-04-08"},
                 out=inbox / hr["file"])
    fill_tracker(tmp / "下发" / edu["file"], _answers([t["key"] for t in edu["tasks"][:-2]]),
                 {**SIGN, "填报日期": "2026-04-12"}, out=inbox / edu["file"])
    blank = next(u for u in units if u not in (hr["unit"], edu["unit"]))
    shutil.copy(tmp / "下发" / units[blank]["file"], inbox / units[blank]["file"])
    xltools.merge_returns([inbox], ds, "2026Q1", tmp / "汇总.xlsx", issued=tmp / "下发")
    return units, blank, ds


def _overview(docx) -> str:
    from docx import Document

    text = next(p.text for p in Document(str(docx)).paragraphs if "本季度" in p.text)
    return text.replace("\u200b", "")  # where a list of numbers may wrap (publish.attachment.breakable)


def it_states_only_the_units_own_return_in_a_report_for_one_unit(tmp_path):
    units, blank, ds = _quarter(tmp_path)
    said = {}
    for unit in units:
        text = _overview(write_report(tmp_path / "汇总.xlsx", tmp_path / f"{unit}.docx", unit=unit).path)
        others = [u for u in units if u != unit and u not in unit]  # a name inside this one's is not another
        assert not [u for u in others if u in text], text
        assert "应报送单位" not in text and unit in text
        said[unit] = text[text.index(unit):]
    assert said["区人力资源社会保障局"] == ("区人力资源社会保障局已报送，报送日期为2026年4月8日，截止日期为2026年4月10日，"
                                  "按时报送；已填写任务 1 项，未填写 10 项（第 2、4、5、6、8、9、10、12、14、16 项）。")
    numbers = {t.key: t.number for t in ds.tasks}
    left = [numbers[t["key"]] for t in units["区教育体育局"]["tasks"][-2:]]
    assert said["区教育体育局"].endswith(f"逾期 2 天；已填写任务 {len(units['区教育体育局']['tasks']) - 2} 项，"
                                     f"未填写 2 项（第 {'、'.join(left)} 项）。")
    assert said[blank].startswith(f"{blank}交回空表") and "视为未报送" in said[blank]
    silent = next(u for u in units if u not in (blank, "区人力资源社会保障局", "区教育体育局"))
    assert said[silent] == f"{silent}未报送（截止日期为2026年4月10日）。"


def it_states_the_unit_through_the_command_line_too(tmp_path, capsys):
    _quarter(tmp_path)
    assert main(["report", str(tmp_path / "汇总.xlsx"), "--unit", "区教育体育局", "-o", str(tmp_path / "r.docx")]) == 0
    assert "区教育体育局已报送，报送日期为2026年4月12日，截止日期为2026年4月10日，逾期 2 天" in _overview(tmp_path / "r.docx")


def it_says_no_deadline_for_one_unit_without_judging_lateness(tmp_path):
    _quarter(tmp_path, deadline=None)
    text = _overview(write_report(tmp_path / "汇总.xlsx", tmp_path / "r.docx", unit="区教育体育局").path)
    assert "未规定截止日期，未判断是否按时" in text and "逾期" not in text and "按时报送" not in text


@pytest.mark.parametrize("deadline", ["2026-04-10", None])
@pytest.mark.parametrize("today", [dt.date(2026, 4, 1), dt.date(2026, 4, 10), dt.date(2026, 6, 1)])
@pytest.mark.parametrize("new", [None, "2026-06-15"])
def it_never_words_a_reminder_around_a_missing_date(tmp_path, deadline, today, new):
    _quarter(tmp_path, deadline=deadline)
    items = write_reminders(tmp_path / "汇总.xlsx", today=today, deadline=new)
    assert {i.kind for i in items} == {"未报送", "空表", "需补正"}
    for item in items:
        assert "请于尽快" not in item.text and "请于前" not in item.text and "于前" not in item.text
        assert ("请于" in item.text) == bool(new or (deadline and today <= dt.date(2026, 4, 10))), item.text


def it_says_what_to_do_on_the_page_in_the_pages_words():
    from xltools.findings import KINDS, PAGE_HINTS, Finding

    assert set(PAGE_HINTS) <= set(KINDS)
    for code in KINDS:
        f = Finding(code, detail="1", number="1")
        page = f.to_dict()["hint_page"]
        assert page == f.hint_page and "xltools" not in page and "--" not in page, code
        assert f.hint == KINDS[code][2]  # the command line keeps its own words
    assert "xltools remind" in Finding("missing_return").hint
