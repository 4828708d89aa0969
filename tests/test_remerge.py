"""The re-merge reads only new files (issue 22): a ReadCache keyed by content gives the same merge as none.

The property: over several rounds of a returns folder changing as it does in a quarter (files arrive,
are replaced by a corrected version under the same name, are renamed, set aside, sent twice, or cannot
be read), the merge made with one cache kept across the rounds equals a merge from scratch, in every
outcome, finding, answer and unit fact, and in the workbook's content.
"""

from __future__ import annotations

import json
import os
import shutil

import openpyxl
import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import xltools
from xltools.cycle import returns as returns_module
from xltools.cycle.returns import ReadCache
from xltools.demo import fill_tracker

SIGN = {"填报人": "王丽", "联系电话": "0417-1234567", "审核人": "李明", "填报日期": "2026-04-08"}


def _answers(keys, text="已完成阶段目标。"):
    return {k: {"进展情况": f"{text}{k}", "完成状态": "推进中", "存在问题": "无", "下一步计划": "继续推进"} for k in keys}


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    """One issue of yingkou and, for five of its units, files as they come back: complete, corrected
    (other text), late, partly answered, blank (the tracker as issued), and a damaged file."""
    tmp = tmp_path_factory.mktemp("remerge")
    ds = xltools.load_dataset(SEEDS / "yingkou.json")
    issued = tmp / "下发"
    res = xltools.write_trackers(ds, "2026Q1", issued, deadline="2026-04-10")
    units = json.loads(res.manifest_path.read_text(encoding="utf-8"))["units"][:5]
    made = tmp / "pool"
    made.mkdir()
    files = []
    for i, entry in enumerate(units):
        keys = [t["key"] for t in entry["tasks"]]
        src = issued / entry["file"]
        files.append(fill_tracker(src, _answers(keys), SIGN, out=made / f"{i}_full.xlsx"))
        files.append(fill_tracker(src, _answers(keys, "已更正。"), SIGN, out=made / f"{i}_fixed.xlsx"))
        files.append(fill_tracker(src, _answers(keys), {**SIGN, "填报日期": "2026-04-20"}, out=made / f"{i}_late.xlsx"))
        files.append(fill_tracker(src, _answers(keys[:1]), {**SIGN, "填报人": ""}, out=made / f"{i}_part.xlsx"))
        files.append(shutil.copyfile(src, made / f"{i}_blank.xlsx"))
    damaged = made / "damaged.xlsx"
    damaged.write_bytes(files[0].read_bytes()[:3000])
    files.append(damaged)
    return ds, issued, files


def _content(path):
    """Every sheet's values: what the clerk gets, compared as a whole."""
    wb = openpyxl.load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


def _outcome(result):
    return (result.files, [f.to_dict() for f in result.findings], result.answers, result.units, result.missing,
            result.deadline, result.exit_code)


def _same_merge(ds, issued, inbox, out, cache):
    kept = xltools.merge_returns([inbox], ds, "2026Q1", out / "kept.xlsx", issued=issued, cache=cache)
    fresh = xltools.merge_returns([inbox], ds, "2026Q1", out / "fresh.xlsx", issued=issued)
    assert _outcome(kept) == _outcome(fresh)
    assert _content(out / "kept.xlsx") == _content(out / "fresh.xlsx")
    return kept


NAMES = [f"{c}.xlsx" for c in "abcdefg"]
# a round: which file of the pool lies in 回收/ under which name (the folder is made to hold exactly this)
ROUNDS = st.lists(st.dictionaries(st.sampled_from(NAMES), st.integers(0, 25), min_size=1, max_size=6),
                  min_size=2, max_size=4)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rounds=ROUNDS, size=st.sampled_from([3, 4096]), in_memory=st.sampled_from([16, 0]))
def it_merges_the_same_with_a_cache_kept_over_rounds_as_from_scratch(tmp_path_factory, pool, rounds, size,
                                                                      in_memory):
    ds, issued, files = pool
    kept, returns_module.IN_MEMORY_MB = returns_module.IN_MEMORY_MB, in_memory  # 0: every file read in parts
    try:
        _rounds(ds, issued, files, tmp_path_factory, rounds, size)
    finally:
        returns_module.IN_MEMORY_MB = kept


def _rounds(ds, issued, files, tmp_path_factory, rounds, size):
    tmp = tmp_path_factory.mktemp("rounds")
    inbox, out = tmp / "回收", tmp / "out"
    inbox.mkdir()
    out.mkdir()
    cache = ReadCache(size=size)  # 3: entries dropped while the rounds go on
    for n, round_ in enumerate(rounds):
        for p in inbox.iterdir():
            if p.name not in round_:
                p.unlink()  # set aside
        for name, i in round_.items():
            target = inbox / name
            source = files[i % len(files)]
            if not target.exists() or target.read_bytes() != source.read_bytes():
                shutil.copyfile(source, target)  # a new file, or a corrected one under the same name
                os.utime(target, (1_775_000_000 + n, 1_775_000_000 + n))
        _same_merge(ds, issued, inbox, out, cache)
        assert len(cache) <= size


def it_reads_only_the_new_file_on_a_re_merge(tmp_path, pool, monkeypatch):
    ds, issued, files = pool
    inbox = tmp_path / "回收"
    inbox.mkdir()
    for i in (0, 5, 10):
        shutil.copyfile(files[i], inbox / files[i].name)
    cache = ReadCache()
    _same_merge(ds, issued, inbox, tmp_path, cache)
    assert (cache.hits, cache.misses) == (0, 3)
    parsed = []
    real = returns_module.parse_return
    monkeypatch.setattr(returns_module, "parse_return", lambda opened, limits: parsed.append(opened.path.name) or
                        real(opened, limits))
    shutil.copyfile(files[15], inbox / "new.xlsx")
    xltools.merge_returns([inbox], ds, "2026Q1", tmp_path / "again.xlsx", issued=issued, cache=cache)
    assert parsed == ["new.xlsx"] and (cache.hits, cache.misses) == (3, 4)


def it_never_hands_out_a_stale_return_for_a_changed_file(tmp_path, pool):
    ds, issued, files = pool
    inbox = tmp_path / "回收"
    inbox.mkdir()
    shutil.copyfile(files[0], inbox / "市.xlsx")  # complete
    cache = ReadCache()
    first = _same_merge(ds, issued, inbox, tmp_path, cache)
    shutil.copyfile(files[1], inbox / "市.xlsx")  # the unit sends a corrected file under the same name
    second = _same_merge(ds, issued, inbox, tmp_path, cache)
    assert {a.values.get("进展情况", "")[:4] for a in first.answers if a.reported} == {"已完成阶"}
    assert {a.values.get("进展情况", "")[:4] for a in second.answers if a.reported} == {"已更正。"}
    assert cache.misses == 2


def it_keeps_an_unreadable_file_by_its_name_and_passwords_and_limits_apart(tmp_path, pool):
    ds, issued, files = pool
    damaged = shutil.copyfile(files[-1], tmp_path / "坏.xlsx")
    cache = ReadCache()
    limits = returns_module.default_limits()
    with pytest.raises(xltools.XlError) as first:
        cache.read(damaged, limits)
    with pytest.raises(xltools.XlError) as again:
        cache.read(damaged, limits)
    assert (cache.hits, cache.misses) == (1, 1) and again.value.message == first.value.message
    renamed = shutil.copyfile(damaged, tmp_path / "另一个名字.xlsx")
    for path, passwords in ((renamed, ()), (damaged, ("123456",))):  # its reason names it; a password may open it
        with pytest.raises(xltools.XlError) as other:
            cache.read(path, limits, passwords)
        assert other.value.file == path.name
    assert cache.misses == 3
    good = files[0]
    cache.read(good, limits)
    tight = type(limits)(max_cell_chars=2)
    ret = cache.read(good, tight)  # other limits: read again under them, not handed the looser read
    assert cache.misses == 5 and all(len(v) <= 2 for r in ret.rows for v in r.values.values())


def it_keeps_a_large_file_read_in_parts_only_when_it_did_not_change_meanwhile(tmp_path, pool, monkeypatch):
    ds, issued, files = pool
    monkeypatch.setattr(returns_module, "IN_MEMORY_MB", 0)  # every file hashed and read from disk in parts
    path = shutil.copyfile(files[0], tmp_path / "大.xlsx")
    cache = ReadCache()
    limits = returns_module.default_limits()
    first = cache.read(path, limits)
    assert cache.read(path, limits).rows == first.rows and (cache.hits, cache.misses) == (1, 1)
    real = returns_module.read_return

    def touched(p, *args):  # the unit's file saved again while it was being read
        ret = real(p, *args)
        os.utime(p, ns=(p.stat().st_mtime_ns + 10**9,) * 2)
        return ret

    monkeypatch.setattr(returns_module, "read_return", touched)
    other = shutil.copyfile(files[1], tmp_path / "改.xlsx")
    cache.read(other, limits)
    assert len(cache) == 1  # not kept: the bytes hashed may not be the bytes read
