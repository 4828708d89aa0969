"""What goes up is true: every statement about the returns comes from one set of facts, and the facts
are what the returns hold (issue 21).

The property test makes random lists and random returns (blank, partly filled, complete, early, late,
undated, duplicated, missing) and checks that the report's overview sentence, 单位统计, 未报送, the
reminder list and the page's board all state the same counts, each equal to what was returned.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil

import openpyxl
import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import datasets

import xltools
from xltools.cli import main
from xltools.cycle.reminders import write_reminders
from xltools.cycle.summary import read_consolidated
from xltools.demo import fill_tracker
from xltools.publish.report import write_report
from xltools.web.steps import build_board

DEADLINE = "2026-04-10"
SIGN = {"填报人": "王丽", "联系电话": "0631-5201234", "审核人": "李明"}


def _issue(tmp, name="huancui", deadline=DEADLINE):
    ds = xltools.load_dataset(SEEDS / f"{name}.json")
    res = xltools.write_trackers(ds, "2026Q1", tmp / "下发", deadline=deadline)
    manifest = json.loads(res.manifest_path.read_text(encoding="utf-8"))
    return ds, manifest


def _answers(keys, status="推进中"):
    return {k: {"进展情况": f"已推进{k}", "完成状态": status} for k in keys}


def _return(tmp, entry, answers, date=None, name=None):
    sign = dict(SIGN, **({"填报日期": date} if date else {}))
    (tmp / "回收").mkdir(exist_ok=True)
    return fill_tracker(tmp / "下发" / entry["file"], answers, sign, out=tmp / "回收" / (name or entry["file"]))


def _merge(tmp, ds, **kw):
    return xltools.merge_returns([tmp / "回收"], ds, "2026Q1", tmp / "汇总.xlsx", issued=tmp / "下发", **kw)


def _sheet(path, name):
    rows = list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))
    header = list(rows[0])
    return [dict(zip(header, r, strict=False)) for r in rows[1:] if r[0]]


def _intro(docx) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(docx)).paragraphs)


def _sentence(text: str) -> str:
    return text[text.index("应报送单位"):].split("\n")[0]


# -- the three cases of the issue -----------------------------------------------------------------
def it_counts_untouched_trackers_as_not_reported(tmp_path):
    ds, manifest = _issue(tmp_path)
    (tmp_path / "回收").mkdir()
    for entry in manifest["units"]:
        shutil.copy(tmp_path / "下发" / entry["file"], tmp_path / "回收" / entry["file"])
    result = _merge(tmp_path, ds)
    n = len(manifest["units"])
    assert result.exit_code == 1 and len(result.missing) == n
    assert all(f.state == "空表" and f.owed == f.tasks for f in result.units.values())
    stats = _sheet(tmp_path / "汇总.xlsx", "单位统计")
    assert {r["报送情况"] for r in stats} == {"空表"} and not any(r["是否按时"] for r in stats)
    assert {r["情况"] for r in _sheet(tmp_path / "汇总.xlsx", "未报送")} == {"空表"}
    sentence = _sentence(_intro(write_report(tmp_path / "汇总.xlsx", tmp_path / "r.docx").path))
    assert f"应报送单位 {n} 个" in sentence and "已报送 0 个" in sentence and f"未报送 {n} 个" in sentence
    assert "按时" not in sentence and "交回空表" in sentence
    items = write_reminders(tmp_path / "汇总.xlsx", today=dt.date(2026, 4, 1))
    assert len(items) == n and all(i.kind == "空表" and "空表" in i.text for i in items)
    assert all("请于2026年4月10日前报送" in i.text for i in items)
    codes = {f.code for f in result.findings}
    assert codes == {"blank_return"}  # one finding per unit, not one per empty cell


def it_names_each_late_return_with_its_days(tmp_path):
    ds, manifest = _issue(tmp_path)
    for entry in manifest["units"]:
        _return(tmp_path, entry, _answers([t["key"] for t in entry["tasks"]]), date="2026-05-20")
    result = _merge(tmp_path, ds)
    assert all(f.days_late == 40 and f.received_source == "填报日期" for f in result.units.values())
    assert {r["是否按时"] for r in _sheet(tmp_path / "汇总.xlsx", "单位统计")} == {"逾期 40 天"}
    sentence = _sentence(_intro(write_report(tmp_path / "汇总.xlsx", tmp_path / "r.docx").path))
    n = len(manifest["units"])
    assert f"已报送 {n} 个，其中逾期 {n} 个" in sentence and "按时" not in sentence
    assert all(f"{e['unit']}逾期 40 天" in sentence for e in manifest["units"])
    assert write_reminders(tmp_path / "汇总.xlsx") == []  # all complete: nobody to remind


def it_owes_what_is_not_answered(tmp_path):
    ds, manifest = _issue(tmp_path)
    units = {e["unit"]: e for e in manifest["units"]}
    hr = units["区人力资源社会保障局"]
    keys = [t["key"] for t in hr["tasks"]]
    assert len(keys) == 11
    _return(tmp_path, hr, _answers(keys[:1]), date="2026-04-08")
    full = units["区教育体育局"]
    _return(tmp_path, full, _answers([t["key"] for t in full["tasks"]]), date="2026-04-08")
    result = _merge(tmp_path, ds)
    assert result.units["区人力资源社会保障局"].owed == 10 and result.units["区教育体育局"].owed == 0
    stats = {r["单位"]: r for r in _sheet(tmp_path / "汇总.xlsx", "单位统计")}
    assert stats["区人力资源社会保障局"]["欠报任务数"] == 10 and stats["区教育体育局"]["欠报任务数"] == 0
    items = {i.unit: i for i in write_reminders(tmp_path / "汇总.xlsx", tmp_path / "催报清单.xlsx",
                                                today=dt.date(2026, 4, 9))}
    assert items["区人力资源社会保障局"].tasks_owed == 10 and "尚有 10 项任务未填写" in items["区人力资源社会保障局"].text
    assert "区教育体育局" not in items
    sheet = {r[0]: r for r in openpyxl.load_workbook(tmp_path / "催报清单.xlsx").active.iter_rows(min_row=3,
                                                                                                values_only=True)}
    assert sheet["区人力资源社会保障局"][2] == 10 and "区教育体育局" not in sheet


def it_tells_a_unit_what_to_correct(tmp_path):
    ds, manifest = _issue(tmp_path)
    entry = manifest["units"][0]
    keys = [t["key"] for t in entry["tasks"]]
    answers = _answers(keys)
    answers[keys[0]] = {"进展情况": "已开展"}  # no 完成状态
    fill_tracker(tmp_path / "下发" / entry["file"], answers, {"填报日期": "2026-04-08"},
                 out=(tmp_path / "回收").mkdir() or tmp_path / "回收" / entry["file"])
    result = _merge(tmp_path, ds)
    facts = result.units[entry["unit"]]
    assert facts.reported and facts.owed == 0
    assert facts.corrections == ["第 1 项「完成状态」未填写", "「填报人」未填写", "「联系电话」未填写"]
    item = next(i for i in write_reminders(tmp_path / "汇总.xlsx", today=dt.date(2026, 4, 9))
                if i.unit == entry["unit"])
    assert item.kind == "需补正" and item.tasks_owed == 0 and "第 1 项「完成状态」未填写" in item.text
    assert "逾期" not in " ".join(item.problems)  # dated 2026-04-08: on time
    # a unit that reported late and must complete its return: the list says it was late, the text does not
    other = manifest["units"][1]
    keys = [t["key"] for t in other["tasks"]]
    _return(tmp_path, other, _answers(keys[1:]) if len(keys) > 1 else {keys[0]: {"进展情况": "已开展"}},
            date="2026-04-12")
    _merge(tmp_path, ds)
    late = next(i for i in write_reminders(tmp_path / "汇总.xlsx", today=dt.date(2026, 4, 13)) if i.unit == other["unit"])
    assert late.problems[0] == "逾期 2 天报送（按填报日期）" and "逾期" not in late.text


def it_words_reminders_for_the_moment(tmp_path):
    ds, manifest = _issue(tmp_path)
    entry = manifest["units"][0]
    _return(tmp_path, entry, _answers([t["key"] for t in entry["tasks"]]), date="2026-04-08")
    _merge(tmp_path, ds)
    missing = manifest["units"][1]["unit"]
    before = {i.unit: i for i in write_reminders(tmp_path / "汇总.xlsx", today=dt.date(2026, 4, 10))}[missing]
    assert "请于2026年4月10日前报送" in before.text and "逾期" not in before.text
    after = {i.unit: i for i in write_reminders(tmp_path / "汇总.xlsx", today=dt.date(2026, 4, 15))}[missing]
    assert "已逾期 5 天" in after.text and "请尽快补报" in after.text and "4月10日前报送" not in after.text
    again = {i.unit: i for i in write_reminders(tmp_path / "汇总.xlsx", today=dt.date(2026, 4, 15),
                                                deadline="2026-04-20")}[missing]
    assert "已逾期 5 天" in again.text and "请于2026年4月20日前补报" in again.text and again.deadline == "2026-04-20"
    with pytest.raises(xltools.XlError, match="早于今天"):
        write_reminders(tmp_path / "汇总.xlsx", today=dt.date(2026, 4, 15), deadline="2026-04-12")


def it_says_when_a_date_rests_on_the_file_time(tmp_path):
    ds, manifest = _issue(tmp_path)
    entry = manifest["units"][0]
    path = _return(tmp_path, entry, _answers([t["key"] for t in entry["tasks"]]))  # no 填报日期
    stamp = dt.datetime(2026, 4, 13, 15, 0).timestamp()
    os.utime(path, (stamp, stamp))
    result = _merge(tmp_path, ds)
    f = result.units[entry["unit"]]
    assert (f.received, f.received_source, f.days_late) == ("2026-04-13", "文件修改时间", 3)
    sentence = _sentence(_intro(write_report(tmp_path / "汇总.xlsx", tmp_path / "r.docx").path))
    assert f"{entry['unit']}逾期 3 天" in sentence and f"{entry['unit']}未填写填报日期，报送日期按文件修改时间计" in sentence
    # the page records when it received a file: that time stands for it instead
    result = _merge(tmp_path, ds, received=lambda p: "2026-04-09T10:00:00")
    f = result.units[entry["unit"]]
    assert (f.received, f.received_source, f.days_late) == ("2026-04-09", "接收时间", 0)


def it_says_all_on_time_only_when_true(tmp_path):
    ds, manifest = _issue(tmp_path, "yingkou")
    for entry in manifest["units"]:
        _return(tmp_path, entry, _answers([t["key"] for t in entry["tasks"]]), date="2026-04-10")
    _merge(tmp_path, ds)
    sentence = _sentence(_intro(write_report(tmp_path / "汇总.xlsx", tmp_path / "r.docx").path))
    assert sentence == f"应报送单位 {len(manifest['units'])} 个（截止日期为2026年4月10日），全部按时报送。"
    # one unit a day late: no 「全部按时」
    late = manifest["units"][0]
    _return(tmp_path, late, _answers([t["key"] for t in late["tasks"]]), date="2026-04-11")
    _merge(tmp_path, ds)
    sentence = _sentence(_intro(write_report(tmp_path / "汇总.xlsx", tmp_path / "r.docx").path))
    assert "全部按时" not in sentence and f"其中逾期 1 个（{late['unit']}逾期 1 天）" in sentence
    # the merge is given no deadline and no issue folder: the returns' own hidden sheet says it
    result = xltools.merge_returns([tmp_path / "回收"], ds, "2026Q1", tmp_path / "汇总.xlsx")
    assert result.deadline == "2026-04-10" and result.units[late["unit"]].days_late == 1


def it_judges_no_lateness_without_a_deadline(tmp_path):
    ds, manifest = _issue(tmp_path, "yingkou", deadline=None)
    ws = openpyxl.load_workbook(tmp_path / "下发" / manifest["units"][0]["file"])["填报"]
    assert ws["A2"].value == "填报截止日期：以通知为准"
    for entry in manifest["units"]:
        _return(tmp_path, entry, _answers([t["key"] for t in entry["tasks"]]), date="2026-09-30")
    result = _merge(tmp_path, ds)
    assert result.deadline == "" and not any(f.late for f in result.units.values())
    sentence = _sentence(_intro(write_report(tmp_path / "汇总.xlsx", tmp_path / "r.docx").path))
    assert "未规定截止日期，未判断是否按时" in sentence and "全部按时" not in sentence and "逾期" not in sentence
    # a deadline given at merge is used
    result = _merge(tmp_path, ds, deadline="2026-04-10")
    assert all(f.days_late == 173 for f in result.units.values())


# -- inputs checked where they are given ----------------------------------------------------------
def it_refuses_the_issue_folder_and_an_empty_folder_as_returns(tmp_path, capsys):
    ds, _manifest = _issue(tmp_path)
    args = ["--dataset", str(SEEDS / "huancui.json"), "--quarter", "2026Q1", "-o", str(tmp_path / "汇总.xlsx")]
    assert main(["merge", str(tmp_path / "下发"), *args]) == 2
    err = capsys.readouterr().err
    assert "下发填报表的文件夹" in err and "回收" in err
    (tmp_path / "回收").mkdir()
    (tmp_path / "回收" / "说明.txt").write_text("x", encoding="utf-8")
    assert main(["merge", str(tmp_path / "回收"), *args]) == 2
    assert "没有找到可汇总的填报表" in capsys.readouterr().err
    assert not (tmp_path / "汇总.xlsx").exists()


@pytest.mark.parametrize("deadline, words", [("2025-12-31", "早于2026年第一季度的开始"), ("2026-06-30", None),
                                             ("2026-07-01", "晚于2026年第二季度的结束"), ("2026-02-30", "不存在")])
def it_checks_a_deadline_against_the_quarter(tmp_path, deadline, words):
    ds = xltools.load_dataset(SEEDS / "yingkou.json")
    if words is None:
        xltools.write_trackers(ds, "2026Q1", tmp_path / "下发", deadline=deadline)
        return
    with pytest.raises(xltools.XlError, match=words):
        xltools.write_trackers(ds, "2026Q1", tmp_path / "下发", deadline=deadline)
    assert not (tmp_path / "下发").exists()
    with pytest.raises(xltools.XlError, match=words):
        xltools.merge_returns([tmp_path], ds, "2026Q1", tmp_path / "汇总.xlsx", deadline=deadline)


def it_warns_or_refuses_when_one_unit_would_get_two_trackers(tmp_path, capsys):
    ds = xltools.load_dataset(SEEDS / "huancui.json")
    assert main(["trackers", str(SEEDS / "huancui.json"), "--quarter", "2026Q1", "-o", str(tmp_path / "a")]) == 0
    assert "「税务局」与「区税务局」可能是同一单位" in capsys.readouterr().out
    assert main(["trackers", str(SEEDS / "huancui.json"), "--quarter", "2026Q1", "-o", str(tmp_path / "b"),
                 "--strict"]) == 2
    assert "税务局" in capsys.readouterr().err and not (tmp_path / "b").exists()
    from xltools.dataset.registry import apply_suggestions

    apply_suggestions(ds)
    xltools.save_dataset(ds, tmp_path / "核对后.json")
    assert main(["trackers", str(tmp_path / "核对后.json"), "--quarter", "2026Q1", "-o", str(tmp_path / "c"),
                 "--strict"]) == 0
    assert "可能是同一单位" not in capsys.readouterr().out
    # a suggestion the clerk turned down (the page keeps them) no longer warns
    fresh = xltools.load_dataset(SEEDS / "huancui.json")
    assert not xltools.write_trackers(fresh, "2026Q1", tmp_path / "d", decided=["税务局"]).warnings


# -- every statement states the same facts --------------------------------------------------------
_KINDS = ("missing", "blank", "partial", "complete")
_WHEN = {"early": "2026-04-03", "on the day": DEADLINE, "late": "2026-04-17", "undated late": None}


def _state_sentence(sentence: str) -> dict:
    """The counts and names the overview's returns sentence states."""
    n = int(re.search(r"应报送单位 (\d+) 个", sentence).group(1))
    if "全部按时报送" in sentence:
        return {"expected": n, "reported": n, "late": {}, "not": 0, "blank": set(), "missing": set()}
    reported = int(re.search(r"已报送 (\d+) 个", sentence).group(1))
    late = {}
    m = re.search(r"其中逾期 (\d+) 个（(.*?)）[；。]", sentence)
    if m:
        for part in m.group(2).split("、"):
            unit, days = re.match(r"(.+?)逾期 (\d+) 天", part).groups()
            late[unit] = int(days)
        assert len(late) == int(m.group(1))
    blank, missing, not_reported = set(), set(), 0
    m = re.search(r"未报送 (\d+) 个（(.*?)）。", sentence)
    if m:
        not_reported = int(m.group(1))
        names = m.group(2)
        if "交回空表" in names:
            names, _, blanks = names.rpartition("；") if "；" in names else ("", "", names)
            blank = set(blanks.removesuffix("交回空表").split("、"))
        missing = set(names.split("、")) - {""}
    return {"expected": n, "reported": reported, "late": late, "not": not_reported, "blank": blank,
            "missing": missing}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(datasets(max_tasks=5), st.data())
def it_states_the_same_true_counts_everywhere(tmp_path_factory, ds, data):
    tmp = tmp_path_factory.mktemp("truth")
    res = xltools.write_trackers(ds, "2026Q1", tmp / "下发", deadline=DEADLINE)
    manifest = json.loads(res.manifest_path.read_text(encoding="utf-8"))
    (tmp / "回收").mkdir()
    truth = {}  # unit → (state, answered, days late)
    undated = set()  # late units whose date is their file's time
    for entry in manifest["units"]:
        keys = [t["key"] for t in entry["tasks"]]
        kind = data.draw(st.sampled_from(_KINDS), label=entry["unit"])
        when = data.draw(st.sampled_from(sorted(_WHEN)))
        date = _WHEN[when]
        if kind == "missing":
            truth[entry["unit"]] = ("未报送", 0, 0)
            continue
        if kind == "blank":
            answered = []
        elif kind == "partial":
            answered = data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=len(keys), unique=True))
        else:
            answered = keys
        path = _return(tmp, entry, _answers(answered, data.draw(st.sampled_from(["已完成", "推进中", "滞后"]))), date)
        if date is None:  # no 填报日期: the file's time stands for when it came
            stamp = dt.datetime(2026, 4, 14, 9, 30).timestamp()
            os.utime(path, (stamp, stamp))
        day = date or "2026-04-14"
        late = max(0, (dt.date.fromisoformat(day) - dt.date.fromisoformat(DEADLINE)).days)
        truth[entry["unit"]] = ("已报送", len(answered), late) if answered else ("空表", 0, 0)
        if date is None and answered and late:
            undated.add(entry["unit"])
        if data.draw(st.booleans(), label="duplicated"):  # a blank copy, earlier or later: it never wins
            copy = tmp / "回收" / f"副本_{entry['file']}"
            fill_tracker(tmp / "下发" / entry["file"], {}, dict(SIGN, 填报日期=data.draw(st.sampled_from(
                ["2026-04-01", "2026-04-30"]))), out=copy)
    if not any(state != "未报送" for state, _a, _l in truth.values()):
        with pytest.raises(xltools.XlError):
            xltools.merge_returns([tmp / "回收"], ds, "2026Q1", tmp / "汇总.xlsx", issued=tmp / "下发")
        return
    result = xltools.merge_returns([tmp / "回收"], ds, "2026Q1", tmp / "汇总.xlsx", issued=tmp / "下发")
    tasks = {e["unit"]: len(e["tasks"]) for e in manifest["units"]}
    owed = {u: tasks[u] - a if s == "已报送" else tasks[u] for u, (s, a, _l) in truth.items()}
    late = {u: d for u, (s, _a, d) in truth.items() if s == "已报送" and d}
    reported = {u for u, (s, _a, _l) in truth.items() if s == "已报送"}
    blank = {u for u, (s, _a, _l) in truth.items() if s == "空表"}
    missing = {u for u, (s, _a, _l) in truth.items() if s == "未报送"}

    # the facts are what the returns hold
    assert {u: (f.state, f.answered, f.days_late) for u, f in result.units.items()} == truth
    # 单位统计
    stats = {r["单位"]: r for r in _sheet(tmp / "汇总.xlsx", "单位统计")}
    assert {u: r["报送情况"] for u, r in stats.items()} == {u: s for u, (s, _a, _l) in truth.items()}
    assert {u: r["欠报任务数"] for u, r in stats.items()} == owed
    assert {u: r["是否按时"] for u, r in stats.items() if (r["是否按时"] or "").startswith("逾期")} == {
        u: f"逾期 {d} 天" for u, d in late.items()}
    # 未报送
    unreported = {r["单位"]: r for r in _sheet(tmp / "汇总.xlsx", "未报送")}
    assert set(unreported) == blank | missing
    assert all(r["欠报任务数"] == tasks[u] and r["情况"] == truth[u][0] for u, r in unreported.items())
    # the report's overview sentence
    sentence = _sentence(_intro(write_report(tmp / "汇总.xlsx", tmp / "r.docx").path))
    said = _state_sentence(sentence)
    note = re.search(r"([^。]*)未填写填报日期，报送日期按文件修改时间计。", sentence)
    assert set(note.group(1).split("、") if note else ()) == undated
    assert said == {"expected": len(truth), "reported": len(reported), "late": late,
                    "not": len(blank | missing), "blank": blank, "missing": missing}
    # the reminder list, before the deadline and after it
    for today in (dt.date(2026, 4, 9), dt.date(2026, 4, 20)):
        items = {i.unit: i for i in write_reminders(tmp / "汇总.xlsx", tmp / "催报清单.xlsx", today=today)}
        assert set(items) == blank | missing | {u for u in reported if owed[u]}
        assert {u: i.tasks_owed for u, i in items.items()} == {u: owed[u] for u in items}
        assert all(i.kind == truth[u][0] if u not in reported else i.kind == "需补正" for u, i in items.items())
        assert all(("已逾期" in i.text) == (today > dt.date(2026, 4, 10) and i.kind != "需补正") for i in items.values())
        sheet = openpyxl.load_workbook(tmp / "催报清单.xlsx").active
        assert {r[0]: int(r[2]) for r in sheet.iter_rows(min_row=3, values_only=True)} == {
            u: owed[u] for u in items}
    # the page's board
    board = build_board(xltools.parse_quarter("2026Q1"), result)
    assert {u.unit: (u.state, u.owed, u.days_late if u.late else 0) for u in board.units} == {
        u: (s, owed[u], late.get(u, 0)) for u, (s, _a, _l) in truth.items()}
    assert board.returned == len(reported) and board.late == len(late) and board.blank == len(blank)
    # read back, the consolidated workbook gives the same facts
    back = read_consolidated(tmp / "汇总.xlsx").facts
    assert {u: (f.state, f.owed, f.days_late) for u, f in back.items()} == {
        u: (f.state, f.owed, f.days_late) for u, f in result.units.items()}


# -- the rendered report --------------------------------------------------------------------------
@pytest.mark.office
@pytest.mark.parametrize("case", ["blank", "late", "partial"])
def it_prints_the_overview_sentence_in_the_rendered_report(tmp_path, case):
    from pdfcheck import norm

    ds, manifest = _issue(tmp_path)
    (tmp_path / "回收").mkdir()
    for entry in manifest["units"]:
        keys = [t["key"] for t in entry["tasks"]]
        if case == "blank":
            shutil.copy(tmp_path / "下发" / entry["file"], tmp_path / "回收" / entry["file"])
        elif case == "late":
            _return(tmp_path, entry, _answers(keys), date="2026-05-20")
        elif entry["unit"] == "区人力资源社会保障局":
            _return(tmp_path, entry, _answers(keys[:1]), date="2026-04-08")
        elif entry["unit"] == "区教育体育局":
            _return(tmp_path, entry, _answers(keys), date="2026-04-12")
    _merge(tmp_path, ds)
    docx = write_report(tmp_path / "汇总.xlsx", tmp_path / "落实情况.docx").path
    text = norm(_pdf_text(docx, tmp_path))
    sentence = norm(_sentence(_intro(docx)))
    assert sentence in text
    n = len(manifest["units"])
    if case == "blank":
        assert norm(f"已报送 0 个；未报送 {n} 个") in text and "按时" not in text
    elif case == "late":
        assert norm(f"已报送 {n} 个，其中逾期 {n} 个") in text and norm("区教育体育局逾期 40 天") in text
    else:
        assert norm("已报送 2 个，其中逾期 1 个（区教育体育局逾期 2 天）") in text
        assert norm(f"未报送 {n - 2} 个") in text


def _pdf_text(docx, tmp_path) -> str:
    import subprocess

    from pdfcheck import render_pdf

    pdf = render_pdf(docx, tmp_path)
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


# -- names decided: accepting a suggestion corrects what the attachment prints ----------------------
def it_prints_the_accepted_name_in_the_attachment(tmp_path):
    from docx import Document

    from xltools.dataset.registry import apply_suggestions, suggest_fixes

    ds = xltools.load_dataset(SEEDS / "wafangdian.json")
    before = {s.name: s for s in suggest_fixes(ds)}
    assert before["总工会"].suggestion == "市总工会"
    accepted = apply_suggestions(ds, ["总工会", "教育局"])
    assert {s.name for s in accepted} == {"总工会", "教育局"}
    xltools.write_attachment(ds, tmp_path / "附件.docx")
    cells = {c.text for table in Document(str(tmp_path / "附件.docx")).tables for row in table.rows
             for c in row.cells}
    for s in accepted:
        printed = [c for c in cells if s.suggestion in re.split(r"[、，,；;\n]", c)]
        assert printed and not any(s.name in re.split(r"[、，,；;\n]", c) for c in cells)
        assert ds.canonical(s.name) == s.suggestion  # the old name still recognised (returns, lists)
    assert not any(s.name in ("总工会", "教育局") for s in suggest_fixes(ds))
    # the names not accepted keep their printed form and still warn at issue time
    warned = xltools.write_trackers(ds, "2026Q1", tmp_path / "下发").warnings
    assert any("「发改局」与「市发改局」" in w or "「市发改局」与「发改局」" in w for w in warned)
    assert not any("总工会" in w for w in warned)


def it_exits_0_on_hints_only_and_1_when_something_needs_the_clerk(tmp_path, capsys):
    assert main(["validate", str(SEEDS / "huancui.json")]) == 1  # 税务局 → 区税务局 is still open
    out = capsys.readouterr().out
    assert "[问题]" in out and "需处理 1 条" in out
    assert main(["validate", str(SEEDS / "huancui.json"), "--accept-all", "-o", str(tmp_path / "h.json")]) == 0
    out = capsys.readouterr().out
    assert "[问题]" not in out and "[提示]" in out and "需处理 0 条" in out
    assert main(["validate", str(tmp_path / "h.json")]) == 0


def it_counts_a_prefilled_tracker_returned_as_issued_as_blank(tmp_path):
    ds, manifest = _issue(tmp_path, "yingkou")
    for entry in manifest["units"]:
        _return(tmp_path, entry, _answers([t["key"] for t in entry["tasks"]]), date="2026-04-08")
    _merge(tmp_path, ds)
    q2 = tmp_path / "Q2"
    res = xltools.write_trackers(ds, "2026Q2", q2 / "下发", deadline="2026-07-10", previous=tmp_path / "汇总.xlsx")
    m2 = json.loads(res.manifest_path.read_text(encoding="utf-8"))
    first, second = m2["units"][0], m2["units"][1]
    (q2 / "回收").mkdir()
    shutil.copy(q2 / "下发" / first["file"], q2 / "回收" / first["file"])  # prefilled, sent back untouched
    key = second["tasks"][0]["key"]
    fill_tracker(q2 / "下发" / second["file"], {key: {"进展情况": "本季度已完成验收", "完成状态": "已完成"}},
                 dict(SIGN, 填报日期="2026-07-08"), out=q2 / "回收" / second["file"])
    result = xltools.merge_returns([q2 / "回收"], ds, "2026Q2", q2 / "汇总.xlsx", issued=q2 / "下发")
    assert result.units[first["unit"]].state == "空表" and result.units[first["unit"]].owed == len(first["tasks"])
    # the other unit changed one answer and kept the rest as prefilled: it has reported all of them
    assert result.units[second["unit"]].state == "已报送" and result.units[second["unit"]].owed == 0


UNOWNED = """某区2026年重点工作任务清单
1. 建设城市书房3个。（牵头单位：区文旅局；责任单位：各街道办事处）
2. 新建公办幼儿园2所。（牵头单位：区教育局）
3. 改造老旧小区10个。
4. 新增养老床位200张。（牵头单位：区民政局）
"""


def it_states_a_task_naming_no_unit_as_such_not_as_unreported(tmp_path):
    """A task whose list names no unit is carried by no tracker: the trackers say so, and the workbook and
    the report call it 「未明确单位」, never 「未报送」 (nobody was asked) — while every unit reported on time."""
    ds = xltools.import_text(UNOWNED)
    res = xltools.write_trackers(ds, "2026Q1", tmp_path / "下发", deadline=DEADLINE)
    assert any("第 3 项" in w and "没有下发给任何单位" in w for w in res.warnings)
    manifest = json.loads(res.manifest_path.read_text(encoding="utf-8"))
    for entry in manifest["units"]:
        _return(tmp_path, entry, _answers([t["key"] for t in entry["tasks"]]), date="2026-04-08")
    _merge(tmp_path, ds)
    overall = {r["序号"]: r["总体状态"] for r in _sheet_at(tmp_path / "汇总.xlsx", "汇总", "序号")}
    assert overall == {"1": "推进中", "2": "推进中", "3": "未明确单位", "4": "推进中"}
    write_report(tmp_path / "汇总.xlsx", tmp_path / "落实情况.docx")
    import docx

    text = "\n".join(p.text for p in docx.Document(tmp_path / "落实情况.docx").paragraphs)
    assert "未明确单位 1 项：第3项" in text and "未报送 1 项" not in text and "全部按时报送" in text


def it_refuses_trackers_for_a_list_naming_no_unit_at_all(tmp_path):
    ds = xltools.import_text("某区2026年民生实事\n1. 建设城市书房3个。\n2. 新建公办幼儿园2所。\n3. 改造老旧小区10个。\n")
    with pytest.raises(xltools.XlError, match="都没有牵头单位或责任单位"):
        xltools.write_trackers(ds, "2026Q1", tmp_path / "下发", deadline=DEADLINE)
    assert not (tmp_path / "下发").exists()


def _sheet_at(path, name, first):
    """Records of sheet `name` under the row whose first cell is `first` (sheets with title lines above)."""
    rows = list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r[0] == first)
    header = list(rows[at])
    return [dict(zip(header, r, strict=False)) for r in rows[at + 1:] if r[0]]


UNNUMBERED = """某区2026年重点工作任务清单
工作任务 | 牵头单位 | 责任单位
建设城市书房3个，方便群众阅读 | 区文旅局 | 各街道办事处
新建公办幼儿园2所 | 区教育局 | 区住建局
改造老旧小区10个 | 区住建局 | 区财政局
新增养老床位200张 | 区民政局 | 区卫健局
"""


def it_names_the_tasks_of_a_list_without_numbers_by_their_opening_words(tmp_path):
    """Many real lists print no 序号: the report, the reminders and the findings name such a task by its opening
    words, never 「第、、项」 or 「第  项」."""
    ds = xltools.import_text(UNNUMBERED)
    assert not any(t.number for t in ds.tasks)
    res = xltools.write_trackers(ds, "2026Q1", tmp_path / "下发", deadline=DEADLINE)
    manifest = json.loads(res.manifest_path.read_text(encoding="utf-8"))
    by_unit = {e["unit"]: e for e in manifest["units"]}
    keys = {t.content: t.key for t in ds.tasks}
    _return(tmp_path, by_unit["区文旅局"], _answers([keys["建设城市书房3个，方便群众阅读"]], "滞后"), date="2026-04-08")
    _return(tmp_path, by_unit["区住建局"], {keys["新建公办幼儿园2所"]: {"进展情况": "已选址"}}, date="2026-04-08")
    result = _merge(tmp_path, ds)
    write_report(tmp_path / "汇总.xlsx", tmp_path / "落实情况.docx")
    items = write_reminders(tmp_path / "汇总.xlsx", tmp_path / "催报清单.xlsx")
    import docx

    report = "\n".join(p.text for p in docx.Document(tmp_path / "落实情况.docx").paragraphs)
    texts = [report, *(f.render() for f in result.findings), *(i.text for i in items)]
    for text in texts:
        assert not re.search(r"第\s*[、项]|第\s+项", text), text
    assert "滞后 1 项：「建设城市书房3个」" in report
    assert any("未填写（「改造老旧小区10个」）" in i.text for i in items if i.unit == "区住建局")


def it_prints_no_empty_number_column_in_the_report_of_a_list_without_numbers(tmp_path):
    import docx

    ds = xltools.import_text(UNNUMBERED)
    res = xltools.write_trackers(ds, "2026Q1", tmp_path / "下发", deadline=DEADLINE)
    manifest = json.loads(res.manifest_path.read_text(encoding="utf-8"))
    for entry in manifest["units"]:
        _return(tmp_path, entry, _answers([t["key"] for t in entry["tasks"]]), date="2026-04-08")
    _merge(tmp_path, ds)
    write_report(tmp_path / "汇总.xlsx", tmp_path / "落实情况.docx", detail=True)
    tables = docx.Document(tmp_path / "落实情况.docx").tables
    assert [c.text for c in tables[0].rows[0].cells][0] == "任务内容"
    detail = tables[-1]
    assert [c.text for c in detail.rows[0].cells][:2] == ["任务", "单位"]
    assert detail.rows[1].cells[0].text == "建设城市书房3个"
