"""File names the tool writes are valid on Windows (and Linux): trackers for awkward unit names.

The checks here are written from Windows' own rules, independently of xltools/infra/filenames.py: no
<>:"/\\|?* or control characters, no trailing dot or space, no device name (CON, PRN, AUX, NUL,
COM1–9, LPT1–9) before the first dot, at most 255 bytes, no two names equal but for case.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import xltools
from xltools.dataset.model import Dataset, Task, Unit
from xltools.infra.atomic import write_text_atomic
from xltools.infra.filenames import safe_name, unique

_WINDOWS_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}
LONG = "某市" + "乡村振兴和城乡融合发展工作领导小组办公室" * 5  # 102 characters, 306 bytes
AWKWARD = ["CON", "con", "a/b", "a\\b", LONG, LONG + "甲", "市教育局...", " 市财政局 . ", "LPT1", "NUL.局",
           'x:"y"?*<>|', "..."]


def windows_valid(name: str) -> bool:
    return (bool(name) and not _WINDOWS_BAD.search(name) and not name.endswith((".", " "))
            and name.split(".")[0].strip().upper() not in _DEVICES and len(name.encode("utf-8")) <= 255)


def _dataset(units: list[str]) -> Dataset:
    tasks = [Task(key=f"T{i}", number=str(i + 1), content=f"第{i + 1}项任务", units=[u]) for i, u in enumerate(units)]
    return Dataset(title="测试清单", dataset_id="DS-test", columns={"number": "序号", "content": "任务内容",
                                                                  "units": "责任单位"},
                   tasks=tasks, units=[Unit(u) for u in units])


def it_writes_a_tracker_for_every_awkward_unit_name_under_a_chinese_folder(tmp_path):
    out = tmp_path / "2026年 第一季度" / "下发（各单位）"
    result = xltools.write_trackers(_dataset(AWKWARD), "2026Q1", out)
    names = [path.name for _unit, path, _l, _r in result.files]
    assert len(names) == len(AWKWARD)
    assert all(windows_valid(n) for n in names), names
    assert len({n.casefold() for n in names}) == len(names)
    on_disk = {p.name for p in out.iterdir()}
    assert set(names) <= on_disk and not [n for n in on_disk if n.startswith(".~")]
    for unit, path, _l, _r in result.files:  # each file still says whose it is, whatever its name became
        info = {r[0]: r[1] for r in openpyxl.load_workbook(path)["_xltools"].iter_rows(max_row=11, values_only=True)}
        assert info["unit"] == unit
        assert re.fullmatch(r"2026Q1_.+_任务进展填报表(_\d+)?\.xlsx", path.name)
    assert any(n.startswith("2026Q1_某市乡村振兴") for n in names)  # the long name is cut, not dropped


def it_merges_the_trackers_back_whatever_their_names(tmp_path):
    from xltools.demo import fill_tracker

    ds = _dataset(AWKWARD)
    issued = xltools.write_trackers(ds, "2026Q1", tmp_path / "下发")
    inbox = tmp_path / "回收"
    inbox.mkdir()
    for unit, path, _l, _r in issued.files:
        key = ds.tasks[AWKWARD.index(unit)].key
        fill_tracker(path, {key: {"进展情况": "已完成", "完成状态": "已完成"}},
                     {"填报人": "王丽", "联系电话": "0411-1234567", "审核人": "李明", "填报日期": "2026-04-08"},
                     out=inbox / path.name)
    result = xltools.merge_returns([inbox], ds, "2026Q1", tmp_path / "汇总.xlsx", issued=tmp_path / "下发")
    assert not result.missing and len(result.files) == len(AWKWARD)


@given(st.text(min_size=0, max_size=200), st.sampled_from(["", "2026Q1_", "更正_"]),
       st.sampled_from(["", ".xlsx", "_任务进展填报表.xlsx", "填报(1).xlsx"]))
def it_makes_every_name_valid_on_windows(part, before, after):
    assert windows_valid(safe_name(before, part, after))


def it_keeps_ordinary_names_as_they_are():
    assert safe_name("2026Q1_", "市人力资源和社会保障局", "_任务进展填报表.xlsx") == "2026Q1_市人力资源和社会保障局_任务进展填报表.xlsx"
    assert safe_name("", "CON", ".xlsx") == "_CON.xlsx"
    taken: set[str] = set()
    assert [unique(n, taken) for n in ("a.xlsx", "A.xlsx", "a.xlsx")] == ["a.xlsx", "A_2.xlsx", "a_3.xlsx"]


def it_writes_text_for_people_with_a_bom_and_windows_line_ends(tmp_path):
    write_text_atomic(tmp_path / "催报.txt", "市教育局\n市财政局\n")
    write_text_atomic(tmp_path / "m.json", '{"a": "市"}\n')
    assert (tmp_path / "催报.txt").read_bytes() == "\ufeff市教育局\r\n市财政局\r\n".encode()
    assert (tmp_path / "m.json").read_bytes() == '{"a": "市"}\n'.encode()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def it_reads_a_template_the_clerk_saved_in_notepad(tmp_path, encoding):
    """A template copied out by `xltools templates`, edited and saved by Notepad in any of its encodings."""
    from xltools.cycle.trackers import load_template
    from xltools.publish.gbt9704 import load_style

    tracker = tmp_path / "tracker.toml"
    tracker.write_text('statuses = ["已完成", "推进中", "未启动"]\r\ninstruction = "请如实填写。"\r\n', encoding=encoding)
    assert load_template(tracker).statuses == ("已完成", "推进中", "未启动")
    style = tmp_path / "attachment.toml"
    style.write_text("# 附件样式（记事本另存）\n", encoding=encoding)
    assert load_style(style) is not None


def it_copies_templates_notepad_shows_and_reads_them_back(tmp_path, capsys):
    """`xltools templates` writes the templates as old Notepad shows them (BOM, CRLF); each copy reads back
    as the shipped settings."""
    from xltools.cli import main
    from xltools.cycle.trackers import load_template
    from xltools.publish.gbt9704 import load_style

    assert main(["templates", "-o", str(tmp_path / "模板")]) == 0
    tracker = tmp_path / "模板" / "tracker.toml"
    data = tracker.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\r\r" not in data
    assert load_template(tracker) == load_template(None)
    assert load_style(tmp_path / "模板" / "attachment.toml") == load_style(None)


def it_says_when_an_output_is_open_in_excel(tmp_path, monkeypatch, capsys):
    """Windows refuses to replace a file Excel or WPS holds open: a Chinese message naming it, the old file
    and the folder as they were."""
    import os

    from xltools.cli import main

    target = tmp_path / "附件.docx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")

    monkeypatch.setattr(os, "replace", locked)
    seed = Path(__file__).parent / "seeds" / "wafangdian.json"
    assert main(["attachment", str(seed), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "错误：" in err and "附件.docx" in err and "Excel" in err and "关闭" in err
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["附件.docx"]


def it_says_when_a_folder_cannot_be_written(tmp_path, monkeypatch):
    import tempfile

    from xltools.errors import XlError

    def refused(*args, **kwargs):
        raise PermissionError(13, "拒绝访问。")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(XlError, match="没有权限") as info:
        write_text_atomic(tmp_path / "清单.txt", "x")
    assert str(tmp_path) in info.value.render()
