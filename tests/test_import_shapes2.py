"""Shapes real published lists have that the importer once missed (issue 25 follow-up), each with a fixture
written for the test in the shape of a real government page (tests/shapes2/): a table flattened to one cell
per line each ending in " |", numbered items followed by key-value lines, a unit cell ending in a verb phrase,
a whole list run together on one line, and names carrying pinyin annotations in brackets."""

from __future__ import annotations

from pathlib import Path

import pytest

from xltools.ingest.importer import import_source, import_text
from xltools.ingest.patterns import drop_pinyin_notes

HERE = Path(__file__).resolve().parent / "shapes2"


def _tasks(name: str):
    return import_source(HERE / name).tasks


def _units(task) -> list[str]:
    return [*task.lead_units, *task.units]


# -- 5. pinyin annotations -----------------------------------------------------------------------------------------

def it_drops_pinyin_annotations_and_keeps_names_as_printed():
    tasks = _tasks("pinyin_notes.txt")
    assert [t.content for t in tasks] == ["推進產業園區建設", "完善農村供水工程", "擴大城鄉就業"]
    assert [_units(t) for t in tasks] == [["縣發展改革委"], ["縣水利局", "縣財政局"], ["縣人社局"]]


@pytest.mark.parametrize("text, kept", [
    ("縣發(fā)展改革委", "縣發展改革委"),
    ("擴（kuò）大", "擴大"),
    ("建设（PPP）项目", "建设（PPP）项目"),  # Latin letters without tone marks: an abbreviation, kept
    ("省发展改革委（牵头）", "省发展改革委（牵头）"),
    ("规划(2021-2025年)", "规划(2021-2025年)"),
])
def it_takes_only_toned_latin_in_brackets_for_an_annotation(text, kept):
    assert drop_pinyin_notes(text) == kept


def it_reads_the_same_list_with_and_without_annotations():
    plain = import_text((HERE / "pinyin_notes.txt").read_text(encoding="utf-8"))
    stripped = import_text(drop_pinyin_notes((HERE / "pinyin_notes.txt").read_text(encoding="utf-8")))
    assert [(t.content, _units(t)) for t in plain.tasks] == [(t.content, _units(t)) for t in stripped.tasks]


# -- 3. a unit followed by a verb phrase ---------------------------------------------------------------------------

def it_reads_the_unit_before_a_verb_phrase_in_a_unit_cell():
    tasks = _tasks("unit_verb_phrase.txt")
    assert [_units(t) for t in tasks] == [["功能区管委会"], ["县交通运输局"], ["县人社局"]]


@pytest.mark.parametrize("cell, names", [
    ("功能区管委会负责落实", ["功能区管委会"]),
    ("县交通运输局负责", ["县交通运输局"]),
    ("縣財政局負責", ["縣財政局"]),
    ("各乡镇负责落实", ["各乡镇"]),
    ("市人社局、市财政局共同负责", ["市人社局", "市财政局"]),
    ("项目实施", ["项目实施"]),  # nothing shaped like a unit before the verb: left as printed
])
def it_cuts_a_verb_phrase_only_after_a_unit_shaped_name(cell, names):
    from xltools.dataset.units import split_units

    assert split_units(cell).names == names


# -- 2. numbered items followed by key-value lines whose keys vary -------------------------------------------------

def it_reads_items_with_varying_keys_and_ignores_the_leader_line():
    tasks = _tasks("kv_leader_lines.txt")
    assert [t.number for t in tasks] == ["1", "2", "3"]
    assert [t.category for t in tasks] == ["扩大有效投资", "扩大有效投资", "促进消费升级"]
    assert [t.lead_units for t in tasks] == [["市发展改革委"], ["市财政局"], ["市商务局"]]
    assert tasks[0].units == ["市经信局", "市商务局", "高新区管委会", "各县、市、区政府"]
    assert not tasks[0].units_open  # 「等，」 closes the list; the collective after it is the rest
    for task in tasks:  # a leader's name is neither a unit nor part of the task's text
        assert "金力" not in task.content and "张华" not in task.content and "领导" not in task.content
        assert all("金力" not in n and "张华" not in n for n in _units(task))
        assert task.content.endswith("。")


def it_reads_key_value_lines_with_leading_spaces_and_blank_lines_alike():
    text = (HERE / "kv_leader_lines.txt").read_text(encoding="utf-8")
    squeezed = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    a, b = import_text(text), import_text(squeezed)
    assert [(t.number, t.content, t.lead_units, t.units) for t in a.tasks] == \
        [(t.number, t.content, t.lead_units, t.units) for t in b.tasks]


# -- 4. a whole list on one line -----------------------------------------------------------------------------------

def it_cuts_a_list_run_together_on_one_line_at_the_numbers_that_count_up():
    tasks = _tasks("one_line_list.txt")
    assert [t.number for t in tasks] == ["1", "2", "3"]
    assert tasks[0].content.startswith("新建幼儿园3所") and "2023年已开工" in tasks[0].content
    assert "1-10月完成40公里" in tasks[1].content
    assert [_units(t)[0] for t in tasks] == ["县教育局", "县交通运输局", "县人社局"]
    assert _units(tasks[2]) == ["县人社局", "县财政局", "县工商联"]
    for task in tasks:
        assert "责任单位" not in task.content and "配合单位" not in task.content


def it_reads_the_one_line_list_as_the_same_tasks_as_one_item_per_line():
    line = (HERE / "one_line_list.txt").read_text(encoding="utf-8").strip()
    split = line.replace("。2.", "。\n2.").replace("。3.", "。\n3.").replace("：1.", "：\n1.")
    a, b = import_text(line), import_text(split)
    assert [(t.number, t.content, _units(t)) for t in a.tasks] == [(t.number, t.content, _units(t)) for t in b.tasks]


# -- 1. a table flattened to one cell per line, each ending with " |" ----------------------------------------------

def it_reads_a_register_excerpt_whose_every_cell_ends_with_a_bar():
    tasks = _tasks("cell_pipe_lines.txt")
    assert [t.number for t in tasks] == ["24", "25", "26", "27"]  # an excerpt: rows numbered from 24 on
    assert tasks[0].content == "推进老旧小区改造，完成改造小区32个，惠及居民5000户"
    assert [t.lead_units for t in tasks] == [["城管局"], ["园林局"], ["市政局"], ["城管局"]]
    assert [t.units for t in tasks] == [["市政局", "相关街道"], [], ["城管局", "各街道办事处"], []]
    for task in tasks:  # person names, progress text and the yes/no column are neither units nor the task
        names = _units(task)
        assert not {"徐国江", "李明华", "王建", "是", "否"} & set(names)
        assert "已" not in "".join(names) and "%" not in "".join(names)
        assert not task.doubt  # an empty cell (a line 「|」 or 「||」) is just empty
    assert tasks[1].extra.get("1-10月推进情况") == "已建成绿道35公里"
    assert tasks[3].extra.get("是否达序") == "否"


def it_reads_the_bar_closed_cells_as_the_same_table_as_tab_rows():
    text = (HERE / "cell_pipe_lines.txt").read_text(encoding="utf-8")
    lines = text.strip().split("\n")
    title, cells = lines[0], [ln.strip().rstrip("| ").strip() for ln in lines[1:]]
    rows = ["\t".join(cells[k:k + 7]) for k in range(0, len(cells), 7)]
    tabbed = import_text(title + "\n" + "\n".join(rows))
    barred = import_text(text)
    assert [(t.number, t.content, t.lead_units, t.units) for t in barred.tasks] == \
        [(t.number, t.content, t.lead_units, t.units) for t in tabbed.tasks]


def it_reads_the_varying_keys_written_inline_after_the_item():
    tasks = _tasks("kv_inline.txt")
    assert [t.content for t in tasks] == ["全力推进重大项目建设，全年完成重点项目投资500亿元以上。",
                                          "加大专项债券争取力度，争取额度比上年增长10%。"]
    assert [t.lead_units for t in tasks] == [["市发展改革委"], ["市财政局"]]
    assert [t.units for t in tasks] == [["市经信局", "市商务局", "各县、市、区政府"], ["市发展改革委"]]


def it_reads_the_unit_before_a_verb_phrase_in_a_clause():
    tasks = _tasks("clause_verb_phrase.txt")
    assert [(t.lead_units, t.units) for t in tasks] == [
        ([], ["功能区管委会"]), (["县交通运输局"], ["各乡镇"]), ([], ["县人社局"])]


def it_reads_the_register_the_same_when_bars_and_empty_cells_are_lost():
    """The same register as plain one cell per line, the empty cells gone: a progress note in a row with a cell
    missing goes to the progress column, not to the unit column it only half fits."""
    text = (HERE / "cell_pipe_lines.txt").read_text(encoding="utf-8")
    plain = "\n".join(ln.strip().rstrip("| ").strip() for ln in text.split("\n") if ln.strip().rstrip("| ").strip())
    a, b = import_text(text), import_text(plain)
    assert [(t.number, t.content, t.lead_units, t.units) for t in b.tasks] == \
        [(t.number, t.content, t.lead_units, t.units) for t in a.tasks]
    assert [t.extra.get("1-10月推进情况") for t in b.tasks] == [t.extra.get("1-10月推进情况") for t in a.tasks]


@pytest.mark.parametrize("label, role", [
    ("责任主体与协同单位", "units"), ("牵头 单位", "lead"), ("分管 领导", None), ("1-10月推进情况", None),
])
def it_reads_long_and_spaced_labels_by_their_words(label, role):
    from xltools.ingest.table import is_label_like, label_role

    assert label_role(label) == role
    assert is_label_like(label)


def it_cuts_a_one_line_list_whose_clauses_are_in_brackets():
    line = ("重点任务：1、新建幼儿园3所，新增学位900个（县教育局负责，县财政局配合）；2、改造农村公路50公里，2023年底前"
            "已完成30公里（县交通运输局牵头，各乡镇配合）；3、新增城镇就业2000人（县人社局负责）。")
    tasks = import_text(line).tasks
    assert [t.number for t in tasks] == ["1", "2", "3"]
    assert tasks[1].content == "改造农村公路50公里，2023年底前已完成30公里"
    assert [(t.lead_units, t.units) for t in tasks] == [
        (["县教育局"], ["县财政局"]), (["县交通运输局"], ["各乡镇"]), ([], ["县人社局"])]
