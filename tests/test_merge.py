"""Merging returned trackers: every answer once, every finding kind from a file built for it."""

from __future__ import annotations

import json
import shutil
import zipfile

import openpyxl
import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import datasets, zh_text

import xltools
from xltools.demo import fill_tracker


def _issue(tmp_path, name="yingkou"):
    ds = xltools.load_dataset(SEEDS / f"{name}.json")
    issued = tmp_path / "下发"
    res = xltools.write_trackers(ds, "2026Q1", issued, deadline="2026-04-10")
    manifest = json.loads(res.manifest_path.read_text(encoding="utf-8"))
    return ds, issued, {u["unit"]: u for u in manifest["units"]}


def _answer(keys, status="推进中", text="已完成阶段目标。"):
    return {k: {"进展情况": f"{text}{k}", "完成状态": status, "存在问题": "无", "下一步计划": "继续推进"} for k in keys}


SIGN = {"填报人": "王丽", "联系电话": "0417-1234567", "审核人": "李明", "填报日期": "2026-04-08"}


def _fill(issued, entry, inbox, name=None, sign=SIGN, answers=None, **kw):
    inbox.mkdir(exist_ok=True)
    keys = [t["key"] for t in entry["tasks"]]
    return fill_tracker(issued / entry["file"], answers or _answer(keys), sign, out=inbox / (name or entry["file"]),
                        **kw)


def _merge(ds, issued, inbox, tmp_path, **kw):
    tmp_path.mkdir(exist_ok=True)
    return xltools.merge_returns([inbox], ds, "2026Q1", tmp_path / "汇总.xlsx", issued=issued, **kw)


def _codes(result, unit=None):
    return [f.code for f in result.findings if unit is None or f.unit == unit]


def _details(path):
    ws = openpyxl.load_workbook(path)["明细"]
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def it_merges_clean_returns_with_exit_0(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    for entry in units.values():
        _fill(issued, entry, inbox)
    result = _merge(ds, issued, inbox, tmp_path)
    assert result.exit_code == 0 and result.missing == {} and _codes(result) == []
    rows = _details(tmp_path / "汇总.xlsx")
    assert len(rows) == sum(len(u["tasks"]) for u in units.values())
    assert all(r["完成状态"] == "推进中" and r["进展情况"].endswith(r["任务编号"]) for r in rows)
    assert [r["序号"] for r in rows] == sorted((r["序号"] for r in rows), key=int)


def it_recognises_a_renamed_file_by_its_provenance(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    entry = units["市教育局"]
    _fill(issued, entry, inbox, name="人社局填报(1).xlsx")
    result = _merge(ds, issued, inbox, tmp_path)
    assert "市教育局" not in result.missing
    assert any(o == "合并" and f.endswith("人社局填报(1).xlsx") for f, o, _r in result.files)


def it_reports_each_kind_of_problem_in_a_returned_file(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    edu = units["市教育局"]
    keys = [t["key"] for t in edu["tasks"]]
    answers = _answer(keys)
    answers[keys[1]]["完成状态"] = "快完成了"
    answers[keys[2]]["进展情况"] = ""
    _fill(issued, edu, inbox, answers=answers, sign=dict(SIGN, 联系电话=""), edit_text="改过的任务原文")
    result = _merge(ds, issued, inbox, tmp_path)
    codes = _codes(result, "市教育局")
    assert {"text_edited", "bad_status", "empty_required", "empty_contact"} <= set(codes)
    assert result.exit_code == 1
    bad = next(f for f in result.findings if f.code == "bad_status")
    assert bad.file == edu["file"] and bad.sheet == "填报" and bad.row == 6 and "快完成了" in bad.message
    rows = {(r["任务编号"], r["单位"]): r for r in _details(tmp_path / "汇总.xlsx")}
    assert rows[(keys[0], "市教育局")]["进展情况"] == answers[keys[0]]["进展情况"]  # edited text: answers kept


def it_counts_a_deleted_row_as_not_reported_and_keeps_an_added_one(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    entry = units["市教育局"]
    path = _fill(issued, entry, inbox)
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    deleted_key = ws.cell(6, 11).value
    ws.delete_rows(6)
    ws.insert_rows(7)
    ws.cell(7, 1, "99")
    ws.cell(7, 2, "单位自己加的一项工作")
    ws.cell(7, 6, "已经做完了")
    wb.save(path)
    result = _merge(ds, issued, inbox, tmp_path)
    assert "row_deleted" in _codes(result) and "row_added" in _codes(result)
    added = next(f for f in result.findings if f.code == "row_added")
    assert "单位自己加的一项工作" in added.detail and "已经做完了" in added.detail
    row = next(r for r in _details(tmp_path / "汇总.xlsx") if r["任务编号"] == deleted_key and r["单位"] == "市教育局")
    assert row["完成状态"] == "未报送"


def it_matches_reordered_rows_by_key_without_a_finding(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    entry = units["市教育局"]
    path = _fill(issued, entry, inbox)
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    first = [c.value for c in ws[5]]
    second = [c.value for c in ws[6]]
    for c, (a, b) in enumerate(zip(first, second, strict=True), start=1):
        ws.cell(5, c).value, ws.cell(6, c).value = b, a
    wb.save(path)
    result = _merge(ds, issued, inbox, tmp_path)
    assert _codes(result, "市教育局") == []


def it_uses_the_later_of_two_returns_and_lists_the_other(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    entry = units["市财政局"]
    keys = [t["key"] for t in entry["tasks"]]
    _fill(issued, entry, inbox, name="财政局_第二次.xlsx", answers=_answer(keys, "已完成", "更正后"),
          sign=dict(SIGN, 填报日期="2026年4月9日"))
    _fill(issued, entry, inbox, name="财政局.xlsx", sign=dict(SIGN, 填报日期="2026-04-08"))
    result = _merge(ds, issued, inbox, tmp_path)
    dup = next(f for f in result.findings if f.code == "duplicate_return")
    assert dup.file == "财政局.xlsx" and "财政局_第二次.xlsx" in dup.message
    rows = [r for r in _details(tmp_path / "汇总.xlsx") if r["单位"] == "市财政局"]
    assert rows and all(r["完成状态"] == "已完成" and r["来源文件"] == "财政局_第二次.xlsx" for r in rows)


def it_leaves_out_another_quarter_or_dataset(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    other = xltools.write_trackers(ds, "2025Q4", tmp_path / "旧", units=["市教育局"])
    shutil.copy(other.files[0][1], inbox.mkdir() or inbox / "去年的.xlsx")
    hc = xltools.load_dataset(SEEDS / "huancui.json")
    stranger = xltools.write_trackers(hc, "2026Q1", tmp_path / "别处", units=["区财政局"])
    shutil.copy(stranger.files[0][1], inbox / "别的清单.xlsx")
    result = _merge(ds, issued, inbox, tmp_path)
    assert {"other_quarter", "other_dataset"} <= set(_codes(result))
    assert "市教育局" in result.missing


def it_matches_a_copied_tracker_without_provenance_with_a_warning(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    path = _fill(issued, units["市教育局"], inbox)
    src = openpyxl.load_workbook(path)["填报"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in src.iter_rows(values_only=True):
        ws.append(list(row)[:10])  # copied without the hidden key column
    wb.save(path)
    result = _merge(ds, issued, inbox, tmp_path)
    assert "no_provenance" in _codes(result, "市教育局")
    assert "市教育局" not in result.missing
    assert "row_deleted" not in _codes(result, "市教育局")


def _corrupt(p):
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 100)


def _truncated(p, good):
    p.write_bytes(good.read_bytes()[:3000])


def _encrypted(p):
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"))


def _missing_part(p, good):
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(p, "w") as zout:
        for item in zin.infolist():
            if item.filename != "xl/workbook.xml":
                zout.writestr(item, zin.read(item.filename))


def it_lists_unreadable_files_and_merges_the_rest(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    good = _fill(issued, units["市教育局"], inbox)
    _corrupt(inbox / "坏的.xlsx")
    _truncated(inbox / "截断.xlsx", good)
    _encrypted(inbox / "加密.xlsx")
    _missing_part(inbox / "缺部件.xlsx", good)
    (inbox / "空的.xlsx").write_bytes(b"")
    (inbox / "其实是PDF.xlsx").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n")
    (inbox / "~$锁定.xlsx").write_bytes(b"\x00" * 165)
    (inbox / "说明.txt").write_text("请查收", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in inbox.iterdir()}
    result = _merge(ds, issued, inbox, tmp_path)
    outcome = {f.split("/")[-1]: (o, r) for f, o, r in result.files}
    for name in ("坏的.xlsx", "截断.xlsx", "加密.xlsx", "缺部件.xlsx", "空的.xlsx", "其实是PDF.xlsx"):
        assert outcome[name][0] == "无法读取", name
    assert "密码" in outcome["加密.xlsx"][1] and "PDF" in outcome["其实是PDF.xlsx"][1]
    assert outcome["~$锁定.xlsx"][0] == "已跳过" and outcome["说明.txt"][0] == "已跳过"
    assert "市教育局" not in result.missing
    assert {p.name: p.read_bytes() for p in inbox.iterdir()} == before  # inputs never modified


def it_reads_with_two_threads_into_the_same_result_as_one(tmp_path, monkeypatch):
    """Files are read on two threads; findings, file list and workbook are as one thread reading each
    file from disk gives them."""
    import xltools.cycle.merge as merge_module
    import xltools.cycle.returns as returns_module

    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    entries = list(units.values())
    for i, entry in enumerate(entries[:6]):
        good = _fill(issued, entry, inbox, name=f"{i:02d}_{entry['file']}")
        if i % 2:  # an unreadable file between every two good ones
            _truncated(inbox / f"{i:02d}_截断.xlsx", good)
    _fill(issued, entries[0], inbox, name="99_重复.xlsx", sign={**SIGN, "填报日期": "2026-04-01"})
    seen = []
    two = _merge(ds, issued, inbox, tmp_path / "two", progress=lambda i, n, name: seen.append(name))
    assert [p.name for p in sorted(inbox.iterdir())] == seen  # progress in file order
    monkeypatch.setattr(merge_module, "read_all", lambda files, limits, pw=(), cache=None: (
        returns_module._attempt(returns_module.read_return, f, limits, pw) for f in files))
    monkeypatch.setattr(returns_module, "IN_MEMORY_MB", 0)  # every file checked and parsed from disk
    one = _merge(ds, issued, inbox, tmp_path / "one")
    assert two.files == one.files and two.findings == one.findings and two.missing == one.missing
    assert [(a.key, a.unit, a.values, a.file) for a in two.answers] == [(a.key, a.unit, a.values, a.file)
                                                                         for a in one.answers]
    assert _details(two.output) == _details(one.output)


def it_keeps_formula_text_as_text(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    entry = units["市教育局"]
    keys = [t["key"] for t in entry["tasks"]]
    answers = _answer(keys)
    typed = ['=HYPERLINK("http://evil.example","点我")', "+86 138 0000 0000", "-", "@SUM(A1)"]
    for key, text in zip(keys, typed, strict=False):
        answers[key]["进展情况"] = text
    _fill(issued, entry, inbox, answers=answers)
    _merge(ds, issued, inbox, tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "汇总.xlsx")["明细"]
    col = [c.value for c in ws[1]].index("进展情况") + 1
    cells = {ws.cell(r, col).value: ws.cell(r, col).data_type for r in range(2, ws.max_row + 1)}
    for text in typed[: len(keys)]:
        assert cells[text] == "s"


@pytest.mark.office
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def it_merges_files_resaved_by_libreoffice(tmp_path, fmt):
    from xltools.infra.office import convert

    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    filled = _fill(issued, units["市教育局"], tmp_path / "原件")
    inbox.mkdir()
    convert(filled, fmt, inbox)
    result = _merge(ds, issued, inbox, tmp_path)
    assert "市教育局" not in result.missing
    rows = [r for r in _details(tmp_path / "汇总.xlsx") if r["单位"] == "市教育局"]
    assert rows and all(r["完成状态"] == "推进中" for r in rows)


@pytest.mark.office
def it_writes_a_workbook_libreoffice_opens_with_charts(tmp_path):
    from xltools.infra.office import convert

    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    for entry in list(units.values())[:5]:
        _fill(issued, entry, inbox)
    result = _merge(ds, issued, inbox, tmp_path)
    wb = openpyxl.load_workbook(result.output)
    assert wb["汇总"]._charts and wb["单位统计"]._charts
    assert wb.sheetnames[:5] == ["汇总", "明细", "单位统计", "未报送", "校验问题"]
    assert wb["_xltools"].sheet_state == "veryHidden"
    pdf = convert(result.output, "pdf", tmp_path / "pdf")
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) >= 2
        assert "落实情况汇总" in (doc.pages[0].extract_text() or "")
    from python_calamine import CalamineWorkbook

    resaved = convert(result.output, "ods", tmp_path / "ods")  # LibreOffice's own reading of every cell

    def sheet(path, name):
        return [[str(v) for v in row] for row in CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()]

    for name in ("汇总", "明细", "单位统计"):
        assert sheet(resaved, name) == sheet(result.output, name), name


_CJK = "推进落实任务清单完成情况专题会议"


@given(st.text(alphabet=_CJK + "abc 12,\n", max_size=200), st.text(alphabet=_CJK + "ab", max_size=40),
       st.floats(4, 80), st.floats(0, 40))
def it_gives_a_longer_text_or_narrower_column_no_fewer_lines(text, more, width, wider):
    from xltools.cycle.consolidated import text_lines

    assert text_lines(text + more, width) >= text_lines(text, width) >= 1
    assert text_lines(text, width + wider) <= text_lines(text, width)
    assert text_lines(text, width) > text.count("\n")


def it_sizes_a_row_by_its_longest_wrapped_cell():
    from xltools.cycle.consolidated import FONT_PT, row_heights, text_lines
    from xltools.infra.rowfit import MAX_ROW_PT, lines_height

    long = "推" * 100
    rows = [["1", "短文本", "x"], ["2", long, "x"], ["3", "推" * 100_000, "x"], ["4", long + "\n" * 3, "x"]]
    heights = row_heights(rows, {1: 20})
    assert heights[0] is None  # one line: the default height
    assert heights[1] == lines_height(text_lines(long, 20), FONT_PT) and text_lines(long, 20) > 1
    assert heights[2] == MAX_ROW_PT
    assert heights[3] == lines_height(text_lines(long, 20) + 3, FONT_PT) > heights[1]
    assert row_heights(rows, {}) == [None] * 4  # no wrapped column: nothing to size


_CELL = st.one_of(st.text(alphabet=_CJK + "ab \n", max_size=60), st.integers(0, 99), st.floats(0, 1))


@given(st.lists(st.lists(_CELL, max_size=5), max_size=12), st.dictionaries(st.integers(0, 6), st.floats(4, 60)))
def it_sizes_each_row_as_its_cells_one_by_one_would(rows, wrapped):
    """Short rows, numbers among texts, a wrapped column past every row's end: each row's height is
    the one its longest wrapped text needs, as measuring the cells one at a time gives it."""
    from xltools.cycle.consolidated import FONT_PT, row_heights, text_lines
    from xltools.infra.rowfit import lines_height

    def one(row):
        n = max((text_lines(row[c], w) if c < len(row) and isinstance(row[c], str) else 1
                 for c, w in wrapped.items()), default=1)
        return lines_height(n, FONT_PT) if n > 1 else None

    assert row_heights(rows, wrapped) == [one(row) for row in rows]


@pytest.mark.office
def it_prints_every_wrapped_text_whole(tmp_path):
    """LibreOffice (like WPS) shows a wrapped text on one line unless the row height is stored: every
    task text and every long progress text must come out whole in the PDF's table cells."""
    from pdfcheck import norm, pages

    from xltools.infra.office import convert

    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    long = "已完成年度目标的阶段任务，组织召开专题会议三次，印发实施方案并分解责任到各科室，下一步将加强督导检查。" * 2
    for entry in list(units.values())[:4]:
        _fill(issued, entry, inbox, answers=_answer([t["key"] for t in entry["tasks"]], text=long + "\n第二段。"))
    result = _merge(ds, issued, inbox, tmp_path)
    cells = {c for page in pages(convert(result.output, "pdf", tmp_path / "pdf")) for row in page["rows"] for c in row}
    details = _details(result.output)
    assert details
    for row in details:
        assert norm(row["任务内容"]) in cells, row["任务内容"][:20]
        if row["进展情况"]:
            assert norm(row["进展情况"]) in cells, row["进展情况"][:20]


def it_gives_the_same_workbook_content_when_run_again(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    for entry in list(units.values())[:4]:
        _fill(issued, entry, inbox)

    def content(path):
        with zipfile.ZipFile(path) as zf:
            return {n: zf.read(n) for n in zf.namelist()}

    _merge(ds, issued, inbox, tmp_path)
    first = content(tmp_path / "汇总.xlsx")
    _merge(ds, issued, inbox, tmp_path)
    assert content(tmp_path / "汇总.xlsx") == first


@settings(max_examples=12, deadline=None)
@given(datasets(max_tasks=8), st.data())
def it_puts_every_answer_once_at_its_pair(tmp_path_factory, ds, data):
    tmp = tmp_path_factory.mktemp("m")
    res = xltools.write_trackers(ds, "2026Q1", tmp / "下发")
    manifest = json.loads(res.manifest_path.read_text(encoding="utf-8"))
    inbox = tmp / "回收"
    inbox.mkdir()
    given_answers = {}
    for entry in manifest["units"]:
        if not data.draw(st.booleans()):
            continue  # this unit does not return
        answers = {}
        for t in entry["tasks"]:
            if data.draw(st.booleans()):
                text = data.draw(zh_text(1, 30))
                answers[t["key"]] = {"进展情况": text, "完成状态": data.draw(st.sampled_from(["已完成", "推进中"]))}
                given_answers[(t["key"], entry["unit"])] = answers[t["key"]]
        fill_tracker(tmp / "下发" / entry["file"], answers, SIGN, out=inbox / entry["file"])
    if not any(inbox.iterdir()):  # nothing came back: refused, and no workbook written
        with pytest.raises(xltools.XlError, match="没有找到可汇总的填报表"):
            xltools.merge_returns([inbox], ds, "2026Q1", tmp / "汇总.xlsx", issued=tmp / "下发")
        assert not (tmp / "汇总.xlsx").exists()
        return
    result = xltools.merge_returns([inbox], ds, "2026Q1", tmp / "汇总.xlsx", issued=tmp / "下发")
    rows = _details(tmp / "汇总.xlsx")
    pairs = [(r["任务编号"], r["单位"]) for r in rows]
    assert len(pairs) == len(set(pairs)) == len(ds.pairs())
    assert set(pairs) == {(k, u) for k, u, _r in ds.pairs()}
    for r in rows:
        want = given_answers.get((r["任务编号"], r["单位"]))
        if want:
            assert (r["进展情况"], r["完成状态"]) == (want["进展情况"].strip(), want["完成状态"])
        else:
            assert r["完成状态"] in ("未报送", None) and not r["进展情况"]
    # a unit has reported when it answered a task; a file with nothing filled in is a 空表, not a return
    assert set(result.missing) == {u["unit"] for u in manifest["units"]} - {u for _k, u in given_answers}
    assert {u for u, f in result.units.items() if f.state == "空表"} == {
        e["unit"] for e in manifest["units"] if (inbox / e["file"]).exists()} - {u for _k, u in given_answers}
