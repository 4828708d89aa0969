"""Tables read as a person reads them: column roles from what the cells hold, rows from the table's structure,
competing readings, doubt shown. Each fixture is written for the test (the real lists are in test_corpus.py)."""

from __future__ import annotations

import re
import zipfile

import pytest
from conftest import ROOT, SEED_NAMES, SEEDS, seed_text

import xltools
from xltools.dataset.validation import validate
from xltools.errors import XlError
from xltools.ingest.importer import read_source
from xltools.ingest.table import cell_kind


def _rows(ds):
    return [(t.number, t.content, t.lead_units, t.units, t.deadline) for t in ds.tasks]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- what a cell holds -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["年底前", "12月底前", "持续推进", "长期坚持", "9月投入使用", "2021.8", "2021年11月",
                                  "5月底前动工", "每季度", "2026年6月30日前"])
def it_reads_time_phrases_as_deadlines(text):
    assert cell_kind(text) == "deadline"


@pytest.mark.parametrize("text", ["县教育局", "县水务局\n县住建局", "办公室牵头,各科室配合", "各科室", "市发展和改革委员会",
                                  "县代建中心", "区直有关部门", "财务科、人事科"])
def it_reads_unit_names_as_units(text):
    assert cell_kind(text) == "unit"


@pytest.mark.parametrize("text,kind", [("3", "number"), ("12.", "number"), ("80%(进度滞后)", "percent"),
                                       ("98.4%", "percent"), ("新建2座人行天桥。", "sentence"),
                                       ("迁建县政务服务中心。", "sentence"), ("张三", "short"),
                                       ("持续推进河长制工作落实", "short"), ("加强长期护理保险试点工作", "short"),
                                       ("新建城市口袋公园2处", "short")])
def it_tells_numbers_progress_sentences_and_names_apart(text, kind):
    assert cell_kind(text) == kind


# -- column roles from content -----------------------------------------------------------------------
def _table(header: list[str], rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in [header, *rows]) + "\n"


ROWS = [
    ["1", "启动建设城区段综合治理工程和湿地公园。", "县水务局、县住建局", "12月底前"],
    ["2", "新建2座人行天桥，方便群众出行。", "县住建局", "9月投入使用"],
    ["3", "启动县图书馆新馆建设。", "县文体广新局", "年底前"],
]


@pytest.mark.parametrize("label", ["民生实事", "目标与任务", "项目", "重点事项说明", "要做的事"])
def it_finds_the_task_column_whatever_its_label(label):
    result = read_source_text(_table(["序号", label, "责任单位", "完成时限"], ROWS))
    ds = result.dataset
    assert ds.columns["content"] == label
    assert _rows(ds) == [("1", ROWS[0][1], [], ["县水务局", "县住建局"], "12月底前"),
                         ("2", ROWS[1][1], [], ["县住建局"], "9月投入使用"),
                         ("3", ROWS[2][1], [], ["县文体广新局"], "年底前")]
    if label == "民生实事":
        assert result.report.guessed == {"民生实事": "任务内容"}


def it_reads_unit_and_deadline_columns_with_unknown_labels_by_their_cells():
    ds = read_source_text(_table(["序号", "工作任务", "承担", "何时完成"], ROWS)).dataset
    assert ds.columns["units"] == "承担" and ds.columns["deadline"] == "何时完成"
    assert ds.tasks[0].units == ["县水务局", "县住建局"]


def it_keeps_person_names_and_progress_out_of_units_and_deadlines():
    rows = [[*r[:3], leader, progress] for r, leader, progress in
            zip(ROWS, ["张三", "李四", "张三"], ["80%", "已完成", "95%(进度滞后)"], strict=True)]
    ds = read_source_text(_table(["序号", "工作任务", "责任单位", "分管领导", "当前进度"], rows)).dataset
    assert list(ds.columns) == ["number", "content", "units", "extra:分管领导", "extra:当前进度"]
    assert ds.tasks[0].units == ["县水务局", "县住建局"] and ds.tasks[0].deadline == ""
    assert ds.tasks[1].extra == {"分管领导": "李四", "当前进度": "已完成"}


def it_reads_a_task_labelled_column_of_short_text_beside_long_sentences_as_the_category():
    text = ("工作任务 | 具体要求 | 责任科室 |\n"
            "加强宣传 | 1.积极参加政务公开交流约稿活动，认真总结报送优秀稿件。 | 办公室 |\n"
            "做好指导监督 | 2.积极参加政务公开工作培训和研讨交流，不断提升业务能力。 | 各科室 |\n"
            "3.加强政策咨询服务，积极解答企业和群众的咨询。 | 办公室牵头,各科室配合 | |\n")
    ds = read_source_text(text).dataset
    assert ds.columns["category"] == "工作任务" and ds.columns["content"] == "具体要求"
    assert [(t.number, t.category, t.lead_units, t.units) for t in ds.tasks] == [
        ("1", "加强宣传", [], ["办公室"]), ("2", "做好指导监督", [], ["各科室"]),
        ("3", "做好指导监督", ["办公室"], ["各科室"])]
    assert ds.tasks[2].content == "加强政策咨询服务，积极解答企业和群众的咨询。"


def it_honours_the_clerks_column_roles_while_finding_the_header():
    text = _table(["第几", "事情", "谁来办"], [r[:3] for r in ROWS])
    with pytest.raises(XlError):
        read_source_text(text)
    ds = read_source_text(text, roles={"事情": "content", "谁来办": "units", "第几": "number"}).dataset
    assert [t.number for t in ds.tasks] == ["1", "2", "3"] and ds.tasks[2].units == ["县文体广新局"]


def it_says_what_it_saw_when_no_column_is_the_task(tmp_path):
    text = _table(["序号", "名称", "单位", "时间"], [["1", "甲", "县教育局", "6月"], ["2", "乙", "县财政局", "7月"]])
    with pytest.raises(XlError) as caught:
        read_source_text(text)
    message = caught.value.render() if hasattr(caught.value, "render") else str(caught.value)
    assert "4 列的表格" in message and "任务内容" in message and "--column" in message


def it_says_what_it_saw_in_text_without_a_list():
    with pytest.raises(XlError) as caught:
        xltools.import_text("关于做好工作的通知\n1.认真学习。\n2.抓好落实。\n某某局\n")
    message = str(caught.value) + str(getattr(caught.value, "hint", ""))
    assert "4 行文字" in message and "2 行以编号开头" in message


# -- rows from structure -----------------------------------------------------------------------------
ONE_PER_LINE = """某县人民政府办公室关于下达民生实事的通知
各乡镇人民政府：
    现将民生实事目标任务分解下达，请抓好落实。

附件

民生实事目标任务分解表

序号

民生实事

责任单位

完成时限

1

改造老旧小区12个，惠及居民3000户。

县住建局

县财政局

12月底前

2

新建城乡公交站亭50个。

县交通局

9月投入使用

3

开工建设县老年养护中心。

县民政局

5月底前动工

开工建设县老年大学。

12月底前

4

建成县残疾人综合服务中心。

县残联

年底前
"""


def it_cuts_one_cell_per_line_into_rows_at_the_numbers_and_joins_a_merged_row():
    ds = xltools.import_text(ONE_PER_LINE)
    assert ds.title == "民生实事目标任务分解表" and ds.attachment_label == "附件"
    assert _rows(ds) == [
        ("1", "改造老旧小区12个，惠及居民3000户。", [], ["县住建局", "县财政局"], "12月底前"),
        ("2", "新建城乡公交站亭50个。", [], ["县交通局"], "9月投入使用"),
        ("3", "开工建设县老年养护中心。开工建设县老年大学。", [], ["县民政局"], "5月底前动工；12月底前"),
        ("4", "建成县残疾人综合服务中心。", [], ["县残联"], "年底前")]
    assert [bool(t.doubt) for t in ds.tasks] == [False, False, True, False]


BAR_LINES = "\n|\n".join([
    "工作任务", "具体要求", "责任科室", "时限要求",
    "规范公开文件", "1", "对规范性文件进行全面清理，并向社会公布现行有效文件目录。", "办公室", "年底前",
    "做好基础工作", "2", "严格规范政府信息公开专栏，及时发布法定主动公开内容。", "各科室", "持续推进",
    "3", "规范做好年度报告编制发布工作，确保体例规范、数据准确。", "办公室", "持续推进",
    "加强宣传", "4", "积极参加政务公开交流约稿活动，认真总结报送优秀稿件。", "各科室", "持续推进",
]) + "\n|\n"


def it_reads_cells_each_followed_by_a_bar_line_with_the_number_under_the_text_label():
    ds = xltools.import_text(BAR_LINES)
    assert [(t.number, t.category, t.units, t.deadline) for t in ds.tasks] == [
        ("1", "规范公开文件", ["办公室"], "年底前"), ("2", "做好基础工作", ["各科室"], "持续推进"),
        ("3", "做好基础工作", ["办公室"], "持续推进"), ("4", "加强宣传", ["各科室"], "持续推进")]
    assert ds.tasks[2].content.startswith("规范做好年度报告")


REGISTER = """民生实事进展登记表
项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |
1.道路提升项目 | 对中山路等3条道路进行综合提升改造; | 11月 | 建设局 |
2021.8 | 城投集团 | ||
新建城市口袋公园2处; | 11月 | 建设局 | |
2.公墓建设项目 | 新建生态公益性墓地15处，加强对已建公墓管理。 | 10月底 | 民政局 |
3.校园提升项目 | 完成22所学校校园空调安装工程; | 8月 | 教体局 |
在50所学校食堂开展阳光厨房建设。 | 10月底前 | 市场监管局 | |
"""


def it_puts_shifted_rows_back_and_joins_continuation_rows_of_a_register():
    ds = xltools.import_text(REGISTER)
    assert [(t.number, t.category, t.lead_units, t.deadline) for t in ds.tasks] == [
        ("1", "道路提升项目", ["建设局", "城投集团"], "11月；2021.8"),
        ("1", "道路提升项目", ["建设局"], "11月"),
        ("2", "公墓建设项目", ["民政局"], "10月底"),
        ("3", "校园提升项目", ["教体局"], "8月"),
        ("3", "校园提升项目", ["市场监管局"], "10月底前")]
    assert [bool(t.doubt) for t in ds.tasks] == [True, True, False, False, True]
    assert "并入" in ds.tasks[0].doubt and "沿用上一行的序号" in ds.tasks[1].doubt


# -- competing readings, explain, doubt kept -------------------------------------------------------------
NARRATIVE_THEN_TABLE = """一、工作要点
1.深入推进政策解读，创新解读形式，注重以图表解读等群众喜闻乐见的形式进行解读。
2.注重回应关切，对群众普遍关注的社会热点问题及时、主动回应。（责任单位：综合科）
3.强化制度建设，建立一套完善的政府信息公开制度。（责任单位：综合科）
二、重点工作任务分解
重点任务 | 工作内容 | 负责科室 |
政策解读 | 深入推进政策解读，创新解读形式，注重以图表解读等群众喜闻乐见的形式进行解读。 | 各责任科室 |
回应关切 | 对群众普遍关注的社会热点问题及时、主动回应。 | 各业务科室 |
制度建设 | 建立一套完善的政府信息公开制度，保障政务公开工作长效推进。 | 综合科 |
"""


def it_keeps_the_reading_that_looks_most_like_a_task_list_and_says_why():
    result = read_source_text(NARRATIVE_THEN_TABLE)
    assert result.report.reading.startswith("表格")
    assert result.report.others and result.report.others[0].startswith("编号条目")
    assert [t.units for t in result.dataset.tasks] == [["各责任科室"], ["各业务科室"], ["综合科"]]


def it_explains_the_reading_and_every_doubtful_task(tmp_path, capsys):
    from xltools.cli import main

    src = tmp_path / "登记表.txt"
    src.write_text(REGISTER, encoding="utf-8")
    assert main(["import", str(src), "-o", str(tmp_path / "o.json"), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "采用的读法：表格" in out
    ds = xltools.load_dataset(tmp_path / "o.json")
    for task in ds.tasks:
        if task.doubt:
            cut = "…" if len(task.content) > 16 else ""
            assert f"「{task.content[:16]}{cut}」：{task.doubt}" in out


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def it_keeps_doubts_in_both_stores_and_validate_lists_them(suffix, tmp_path):
    ds = xltools.import_text(REGISTER)
    xltools.save_dataset(ds, tmp_path / f"d{suffix}")
    back = xltools.load_dataset(tmp_path / f"d{suffix}")
    assert [t.doubt for t in back.tasks] == [t.doubt for t in ds.tasks]
    listed = [p for p in validate(back) if p.code == "import_doubt"]
    assert [p.task_key for p in listed] == [t.key for t in ds.tasks if t.doubt]
    assert all(p.level == "提示" for p in listed)


def read_source_text(text: str, roles=None):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "清单.txt"
        src.write_text(text, encoding="utf-8")
        return read_source(src, roles=roles)


# -- the same list from every kind of file -------------------------------------------------------------------
def _same_tasks(a, b):
    return [(t.number, _flat(t.content), t.lead_units, t.units, t.deadline) for t in a.tasks] == [
        (t.number, _flat(t.content), t.lead_units, t.units, t.deadline) for t in b.tasks]


@pytest.mark.office
def it_reads_the_same_list_from_text_docx_pdf_html_and_doc(tmp_path):
    from xltools.infra.office import convert

    corpus = ROOT / "tests" / "corpus"
    text = read_source(corpus / "dazhu_minsheng_table.txt").dataset
    docx = corpus / "dazhu_minsheng_table.docx"
    for fmt in ("docx", "pdf", "html", "doc"):
        source = docx if fmt == "docx" else convert(docx, fmt, tmp_path / fmt)
        ds = read_source(source).dataset
        assert _same_tasks(ds, text), fmt
        assert ds.title == text.title and len(ds.tasks) == 10


@pytest.mark.office
@pytest.mark.parametrize("split", [False, True], ids=["rows-kept-whole", "rows-split-by-pages"])
def it_reads_the_zhumadian_attachment_as_pdf_like_its_text(split, tmp_path):
    import pdfplumber

    from xltools.infra.office import convert

    ds = xltools.import_source(seed_text("zhumadian"))
    docx = xltools.write_attachment(ds, tmp_path / "附件.docx").path
    if split:
        docx = _restyled(docx, tmp_path / "附件_可跨页.docx", cant_split=False)
    pdf = convert(docx, "pdf", tmp_path / "pdf")
    with pdfplumber.open(pdf) as doc:  # the test is about split rows: there must be some
        tops = [t.extract()[1][0] for p in doc.pages[1:] for t in p.find_tables()[:1] if len(t.extract()) > 1]
    assert any(not (c or "").strip() for c in tops) == split
    back = xltools.import_source(pdf)
    assert len(back.tasks) == 19
    assert _same_tasks(back, ds)
    assert (back.title, back.attachment_label) == (ds.title, ds.attachment_label)
    assert not any(t.doubt for t in back.tasks)


def it_reads_a_section_row_across_the_table_as_the_category_of_the_tasks_below(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("附件")
    doc.add_paragraph("重点任务分工表")
    table = doc.add_table(rows=0, cols=4)

    def row(*texts):
        cells = table.add_row().cells
        for cell, text in zip(cells, texts, strict=True):
            cell.text = text
        return cells

    row("序号", "工作任务", "牵头单位", "完成时限")
    first = row("一、产业发展", "", "", "")
    first[0].merge(first[3])
    row("1", "推进重点项目建设，全年完成投资50亿元。", "县发改局", "年底前")
    row("2", "培育规上工业企业10家。", "县经信局", "12月底前")
    second = row("二", "民生保障", "", "")
    row("3", "新建幼儿园3所。", "县教育局", "9月底前")
    assert second
    doc.save(tmp_path / "分工表.docx")
    ds = xltools.import_source(tmp_path / "分工表.docx")
    assert [(t.number, t.category, t.lead_units) for t in ds.tasks] == [
        ("1", "产业发展", ["县发改局"]), ("2", "产业发展", ["县经信局"]), ("3", "民生保障", ["县教育局"])]
    assert list(ds.columns)[0] == "category" and not any(t.doubt for t in ds.tasks)


def it_reads_a_label_note_line_a_wrapped_text_line_and_bracketed_numbers_one_cell_per_line():
    text = "\n".join(["序号", "工作任务", "责任单位", "（按职责分工负责）", "完成时限",
                      "（1）", "加快推进县城污水处理厂提标改造，", "确保年内完成。", "县住建局", "县生态环境分局", "年底前",
                      "（2）", "推进农村生活垃圾分类。", "各乡镇人民政府", "持续推进"])
    ds = xltools.import_text(text)
    assert ds.columns["units"] == "责任单位\n（按职责分工负责）"
    assert _rows(ds) == [
        ("（1）", "加快推进县城污水处理厂提标改造，\n确保年内完成。", [], ["县住建局", "县生态环境分局"], "年底前"),
        ("（2）", "推进农村生活垃圾分类。", [], ["各乡镇人民政府"], "持续推进")]


def it_flags_a_row_without_a_number_in_a_numbered_table():
    text = ("序号 | 工作任务 | 责任单位\n1 | 推进老旧小区改造工作。 | 县住建局\n | 同步实施雨污分流改造。 | \n"
            "2 | 加强农村饮水安全保障。 | 县水利局\n")
    ds = read_source_text(text).dataset
    assert [t.number for t in ds.tasks] == ["1", "", "2"]
    assert [bool(t.doubt) for t in ds.tasks] == [False, True, False]


def it_cuts_an_unnumbered_one_cell_per_line_table_by_the_headers_width():
    text = "\n".join(["二、重点工作任务分解", "重点任务", "工作内容", "负责科室",
                      "政策解读", "对以我局名义制定、下发的政策文件进行全面解读，创新解读形式。", "各责任科室",
                      "回应关切", "对群众普遍关注的社会热点问题及时、主动回应。", "各业务科室",
                      "政务服务", "注重政务服务办理流程、办理结果等信息发布", "综合科"])
    ds = xltools.import_text(text)
    assert [(t.category, t.units) for t in ds.tasks] == [
        ("政策解读", ["各责任科室"]), ("回应关切", ["各业务科室"]), ("政务服务", ["综合科"])]
    assert ds.tasks[2].content == "注重政务服务办理流程、办理结果等信息发布"


def _restyled(docx, out, *, borders=True, cant_split=True, top=False):
    """The attachment with its rules removed, rows allowed to split, or cells aligned to the top."""
    with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                if not borders:
                    text = re.sub(r'<w:(top|left|bottom|right|insideH|insideV) w:val="[^"]*"', r'<w:\1 w:val="nil"', text)
                    text = re.sub(r"<w:tcBorders>.*?</w:tcBorders>", "", text)
                if not cant_split:
                    text = re.sub(r'<w:cantSplit(?: w:val="[^"]*")?/>', "", text)
                if top:
                    text = re.sub(r'<w:vAlign w:val="[^"]*"/>', '<w:vAlign w:val="top"/>', text)
                data = text.encode("utf-8")
            zout.writestr(item, data)
    return out


@pytest.mark.office
@pytest.mark.parametrize("top,split", [(False, False), (True, False), (False, True)],
                         ids=["cells-centred", "cells-at-top", "centred-rows-split-by-pages"])
def it_reads_a_pdf_table_printed_without_rules_from_where_its_words_stand(top, split, tmp_path):
    from xltools.infra.office import convert

    ds = xltools.import_source(seed_text("zhumadian"))
    docx = xltools.write_attachment(ds, tmp_path / "附件.docx").path
    restyled = _restyled(docx, tmp_path / "无框线.docx", borders=False, top=top, cant_split=not split)
    pdf = convert(restyled, "pdf", tmp_path / "pdf")
    result = read_source(pdf)
    assert result.report.where == "PDF 表格（无框线）"
    back = result.dataset
    assert len(back.tasks) == 19 and _same_tasks(back, ds)
    assert (back.title, back.attachment_label) == (ds.title, ds.attachment_label)


def _flattened(ds, shape: str) -> str:
    """The seed list as a web page flattens it: one cell per line (a unit per line), each cell followed by a
    lone | line, or | rows."""
    labels = [label.replace("\n", "") for label in ds.columns.values()]

    def cells(task, unit_lines: bool) -> list[list[str]]:
        out = []
        for role in ds.columns:
            if role in ("lead", "units"):
                names = task.lead_units if role == "lead" else task.units
                out.append(list(names) if unit_lines else ["、".join(names)])
            elif role.startswith("extra:"):
                out.append([task.extra.get(role[6:], "")])
            else:
                out.append([getattr(task, role).replace("\n", "")])
        return out

    if shape == "pipes":
        return "\n".join([ds.title, " | ".join(labels),
                          *(" | ".join("、".join(c) for c in cells(t, False)) for t in ds.tasks)])
    if shape == "pipes-merged":  # a merged category cell leaves no trace in the rows below its first
        roles = list(ds.columns)
        rows = []
        for k, t in enumerate(ds.tasks):
            row = ["、".join(c) for c in cells(t, False)]
            if "category" in roles and k and t.category == ds.tasks[k - 1].category:
                del row[roles.index("category")]
            rows.append(" | ".join(row))
        return "\n".join([ds.title, " | ".join(labels), *rows])
    lines = labels + [x for t in ds.tasks for c in cells(t, True) for x in c if x]
    if shape == "bar-lines":
        return "\n|\n".join(lines) + "\n|"
    return "\n\n".join(["附件", ds.title, *lines])


@pytest.mark.parametrize("shape", ["one-per-line", "bar-lines", "pipes", "pipes-merged"])
@pytest.mark.parametrize("name", SEED_NAMES)
def it_reads_every_seed_flattened_as_a_web_page_would_or_says_which_rows_it_doubts(name, shape):
    """Every task comes back with its number, text and units, or is flagged; only two unit columns written
    one unit per line leave the split between them unseen (huancui, yingkou), and only those rows are flagged."""
    ds = xltools.load_dataset(SEEDS / f"{name}.json")
    back = xltools.import_text(_flattened(ds, shape))
    assert len(back.tasks) == len(ds.tasks)

    def seen(t):
        return (t.number, _flat(t.content), sorted(t.lead_units), sorted(t.units), t.category)

    for want, got in zip(ds.tasks, back.tasks, strict=True):
        assert seen(got) == seen(want) or "两个单位列" in got.doubt, (want.number, seen(got))
    if shape.startswith("pipes") or "lead" not in ds.columns:
        assert [seen(t) for t in back.tasks] == [seen(t) for t in ds.tasks]
    if shape == "pipes" or "lead" not in ds.columns:
        assert not any(t.doubt for t in back.tasks)


@pytest.mark.office
def it_reads_a_merged_category_of_a_table_without_rules_and_says_it_is_a_guess(tmp_path):
    """wafangdian printed without rules: the merged 主要任务 cell's words sit half-way down the rows it spans;
    numbers, texts and units come back exactly, the categories are placed by position and flagged."""
    from xltools.infra.office import convert

    ds = xltools.load_dataset(SEEDS / "wafangdian.json")
    docx = xltools.write_attachment(ds, tmp_path / "附件.docx").path
    pdf = convert(_restyled(docx, tmp_path / "无框线.docx", borders=False), "pdf", tmp_path / "pdf")
    back = read_source(pdf).dataset
    assert _same_tasks(back, ds)
    for want, got in zip(ds.tasks, back.tasks, strict=True):
        assert got.category == want.category or "类别是按位置推断的" in got.doubt
    assert sum(a.category == b.category for a, b in zip(ds.tasks, back.tasks, strict=True)) >= len(ds.tasks) * 2 // 3


def it_honours_the_clerks_column_roles_in_one_cell_per_line_text():
    text = "\n".join(["第几", "事情", "谁来办", "时间要求", "1", "推进老旧小区改造工作。", "县住建局", "年底前",
                      "2", "加强农村饮水安全保障。", "县水利局", "6月底前"])
    with pytest.raises(XlError):
        xltools.import_text(text)
    ds = xltools.import_text(text, roles={"第几": "number", "事情": "content", "谁来办": "units"})
    assert _rows(ds) == [("1", "推进老旧小区改造工作。", [], ["县住建局"], "年底前"),
                         ("2", "加强农村饮水安全保障。", [], ["县水利局"], "6月底前")]


def it_puts_back_a_merged_cell_lost_between_the_number_and_the_text():
    text = ("序号 | 类别 | 工作任务 | 责任单位\n"
            "1 | 政务公开 | 及时更新网站频道的各类型概况信息。 | 办公室\n"
            "2 | 及时反馈网民对调查征集信息的意见。 | 各科室\n"
            "3 | 政策解读 | 加强政策咨询服务，积极解答企业和群众的咨询。 | 政策法规科\n")
    ds = xltools.import_text(text)
    assert [(t.number, t.category, t.units) for t in ds.tasks] == [
        ("1", "政务公开", ["办公室"]), ("2", "政务公开", ["各科室"]), ("3", "政策解读", ["政策法规科"])]
    assert not any(t.doubt for t in ds.tasks)


def it_never_takes_the_signature_after_a_one_cell_per_line_table_into_the_last_row():
    text = "\n".join(["序号", "民生实事", "责任单位", "完成时限", "1", "改造老旧小区12个。", "县住建局", "12月底前",
                      "2", "新建城乡公交站亭50个。", "县交通局", "9月投入使用", "某县人民政府办公室", "2016年2月26日"])
    ds = xltools.import_text(text)
    assert _rows(ds)[-1] == ("2", "新建城乡公交站亭50个。", [], ["县交通局"], "9月投入使用")
    assert not any(t.doubt for t in ds.tasks)


def it_never_glues_the_signature_after_pipe_rows_onto_the_last_cell():
    text = ("序号 | 工作任务 | 责任单位 | 完成时限\n1 | 改造老旧小区12个。 | 县住建局 | 12月底前\n"
            "2 | 新建城乡公交站亭50个。 | 县交通局 | 9月投入使用\n某县人民政府办公室\n2016年2月26日\n")
    ds = xltools.import_text(text)
    assert _rows(ds)[-1] == ("2", "新建城乡公交站亭50个。", [], ["县交通局"], "9月投入使用")


def it_joins_tables_with_the_same_header_one_per_section(tmp_path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("附件")
    doc.add_paragraph("重点任务分工表")
    sections = [("一、产业发展", [("1", "推进重点项目建设，全年完成投资50亿元。", "县发改局"), ("2", "培育规上工业企业10家。", "县经信局")]),
                ("二、民生保障", [("3", "新建幼儿园3所。", "县教育局")]),
                ("三、生态环境", [("4", "完成造林绿化1万亩。", "县林业局")])]
    for heading, rows in sections:
        doc.add_paragraph(heading)
        table = doc.add_table(rows=0, cols=3)
        for row in [("序号", "工作任务", "责任单位"), *rows]:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    doc.save(tmp_path / "分节.docx")
    ds = xltools.import_source(tmp_path / "分节.docx")
    assert ds.title == "重点任务分工表"
    assert [(t.number, t.category, t.units) for t in ds.tasks] == [
        ("1", "产业发展", ["县发改局"]), ("2", "产业发展", ["县经信局"]), ("3", "民生保障", ["县教育局"]),
        ("4", "生态环境", ["县林业局"])]


def it_reads_section_headings_between_tab_separated_rows_as_categories():
    text = ("重点任务分工表\n序号\t工作任务\t责任单位\n一、产业发展\n1\t推进重点项目建设，全年完成投资50亿元。\t县发改局\n"
            "2\t培育规上工业企业10家。\t县经信局\n\n二、民生保障\n序号\t工作任务\t责任单位\n3\t新建幼儿园3所。\t县教育局\n")
    ds = xltools.import_text(text)
    assert [(t.number, t.category, t.units) for t in ds.tasks] == [
        ("1", "产业发展", ["县发改局"]), ("2", "产业发展", ["县经信局"]), ("3", "民生保障", ["县教育局"])]
    assert not any(t.doubt for t in ds.tasks)


@pytest.mark.parametrize("label", ["进展情况", "完成情况", "备注"])
def it_never_takes_a_long_progress_or_remarks_column_for_the_task(label):
    rows = [["1", "推进老旧小区改造工作，完成12个小区改造。", "县住建局",
             "已完成改造10个小区，剩余2个小区正在进行外立面和管网施工，预计年底前全部完工，群众满意度较高。"],
            ["2", "加强农村饮水安全保障，新建水厂2座。", "县水利局",
             "1座水厂已建成投用，另1座完成主体工程，正在安装设备，计划11月底前通水，资金已全部到位。"]]
    ds = read_source_text(_table(["序号", "工作任务", "责任单位", label], rows)).dataset
    assert ds.columns["content"] == "工作任务" and f"extra:{label}" in ds.columns
    assert ds.tasks[0].content == rows[0][1]
