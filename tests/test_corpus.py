"""Real published task lists (tests/corpus, copied from ../shared/corpus/real-lists with their hand-made keys)
import task by task as the key says.

Each key task is found among the imported tasks the way the corpus's score.py finds it (the first 16 characters
of the content, spaces and full/half-width differences ignored) and must have the key's number (where the key
has one), its lead units and its responsible units as sets, a unit and its aliases in the imported registry
counting as one. The failure names the case and its first wrong task. Keys are never changed to fit the importer;
where a key's notes call a reading ambiguous (xinchang), the tasks of that reading must be flagged doubtful.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from xltools.ingest.importer import read_source

CORPUS = Path(__file__).resolve().parent / "corpus"
SOURCES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".docx"))
# The clause grammar of item lists (jianli, lishan) is read by readers/items.py; their categories follow
# the heading rules of that reader, so only numbers, units, text and deadlines are compared there.
ITEM_CASES = {"jianli_inline", "lishan_kv"}


def _norm(text) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text or "")))


def _key(source: Path) -> list[dict]:
    return json.loads((CORPUS / f"{source.name.split('.')[0]}.truth.json").read_text(encoding="utf-8"))["tasks"]


def _imported(source: Path):
    ds = read_source(source).dataset
    names = {}
    for unit in ds.units:
        for alias in unit.names():
            names[_norm(alias)] = _norm(unit.name)
    return ds, (lambda name: names.get(_norm(name), _norm(name)))


def _first_wrong(source: Path) -> str | None:
    ds, canon = _imported(source)
    case = source.name.split(".")[0]
    for want in _key(source):
        label = f"{source.name} 任务 {want['number'] or '(无序号)'}「{want['content'][:16]}…」"
        start = _norm(want["content"])[:16]
        got = next((t for t in ds.tasks if _norm(t.content)[:16] == start), None)
        if got is None:
            return f"{label}: not imported"
        checks = [
            ("number", want["number"] and _norm(got.number) != _norm(want["number"]), got.number),
            ("lead_units", {canon(x) for x in got.lead_units} != {canon(x) for x in want["lead_units"]},
             got.lead_units),
            ("units", {canon(x) for x in got.units} != {canon(x) for x in want["units"]}, got.units),
            ("content", _norm(got.content) != _norm(want["content"]), got.content),
            ("deadline", "deadline" in want and _norm(got.deadline) != _norm(want["deadline"]), got.deadline),
            ("category", case not in ITEM_CASES and _norm(got.category) != _norm(want.get("category", "")),
             got.category),
        ]
        for field, wrong, value in checks:
            if wrong:
                return f"{label}: {field} is {value!r}, the key says {want.get(field)!r}"
    if len(ds.tasks) != len(_key(source)):
        return f"{source.name}: {len(ds.tasks)} tasks imported, the key has {len(_key(source))}"
    return None


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def it_imports_every_task_of_the_case_as_the_key_says(source):
    assert _first_wrong(source) is None, _first_wrong(source)


def it_has_every_case_of_the_index():
    index = (CORPUS / "INDEX.md").read_text(encoding="utf-8")
    names = {p.name.split(".")[0] for p in SOURCES}
    assert len(names) == 8 and all(name in index for name in names)
    assert (CORPUS / "dazhu_minsheng_table.docx").exists()


def it_flags_the_ambiguous_readings_of_the_register_as_doubtful():
    """xinchang: rows sharing a project's number and rows joined from a continuation row are the reading the
    key calls ambiguous; each carries a doubt saying why, and the sure rows carry none."""
    ds = read_source(CORPUS / "xinchang_pipe_rowspan.txt").dataset
    numbers = [t.number for t in ds.tasks]
    for task in ds.tasks:
        shared = numbers.count(task.number) > 1 and task is not ds.tasks[numbers.index(task.number)]
        joined = "；" in task.deadline
        if shared or joined:
            assert task.doubt, task
        if not shared and not joined and len(task.lead_units) == 1:
            assert not task.doubt, task
    assert ds.tasks[0].lead_units == ["建设局", "城投集团"] and "已并入" in ds.tasks[0].doubt


def it_joins_the_merged_row_of_dazhu_and_says_so():
    for name in ("dazhu_minsheng_table.txt", "dazhu_minsheng_table.docx"):
        ds = read_source(CORPUS / name).dataset
        five = ds.tasks[4]
        assert five.content == "开工建设县老年养护楼。开工建设老年大学。"
        assert five.deadline == "5月底前动工；12月底前"
        assert five.units == ["县民政局"]
        assert "并入" in five.doubt


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def it_keeps_every_case_whole_through_both_stores(source, suffix, tmp_path):
    """Leads named inside a lone unit column (办公室牵头,各科室配合), doubts and all survive a save and a load."""
    import xltools
    from xltools.dataset.store_json import dataset_to_dict

    ds = read_source(source).dataset
    xltools.save_dataset(ds, tmp_path / f"d{suffix}")
    assert dataset_to_dict(xltools.load_dataset(tmp_path / f"d{suffix}")) == dataset_to_dict(ds)


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def it_explains_the_reading_and_every_doubtful_task_of_each_case(source, tmp_path, capsys):
    from xltools.cli import main

    assert main(["import", str(source), "-o", str(tmp_path / "d.json"), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "采用的读法：" in out
    ds = read_source(source).dataset
    for task in ds.tasks:
        if task.doubt:
            assert task.doubt in out
    assert ("没有存疑的任务" in out) == (not any(t.doubt for t in ds.tasks))
