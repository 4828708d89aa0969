"""xltools.ingest.peek: the table a source holds, for the page's preview, and a re-read with the clerk's roles."""

from __future__ import annotations

import pytest
from docx_builder import table_docx

from xltools.errors import XlError
from xltools.ingest.peek import peek_table, read_with_roles, role_key

HEADER = ["序号", "具体事项", "责任单位", "完成时限"]
ROWS = [
    ["1", "新建改建城乡道路二十公里，完成农村公路提档升级，方便群众安全出行。", "区交通运输局、区财政局", "2026年12月底前"],
    ["2", "新增公办幼儿园学位六百个，改造提升中小学校舍，缓解入园难问题。", "区教育局", "2026年9月底前"],
    ["3", "为全区六十五周岁以上老年人免费开展健康体检，建立电子健康档案。", "区卫生健康局、各街道办事处", "2026年10月底前"],
    ["4", "改造老旧小区十二个，加装电梯三十部，完善社区养老托育设施。", "区住房和城乡建设局", "2026年12月底前"],
]


def it_shows_the_header_and_first_rows_of_a_table_it_cannot_read(tmp_path):
    path = table_docx(tmp_path / "清单.docx", HEADER, ROWS * 3)
    seen = peek_table(path, rows=5)
    assert seen is not None
    assert seen.labels == HEADER
    assert seen.label_roles[0] == "number" and seen.label_roles[2] == "units" and seen.label_roles[3] == "deadline"
    assert seen.rows == (ROWS * 3)[:5] and seen.total_rows == 12
    assert seen.header_row == 1


def it_finds_the_header_below_title_rows_of_a_sheet(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2026年民生实事项目清单"])
    for row in [HEADER, *ROWS]:
        ws.append(row)
    wb.save(tmp_path / "清单.xlsx")
    seen = peek_table(tmp_path / "清单.xlsx")
    assert seen is not None and seen.labels == HEADER and seen.header_row == 2 and seen.rows[0] == ROWS[0]


def it_sees_a_pasted_tab_separated_table(tmp_path):
    path = tmp_path / "粘贴.txt"
    path.write_text("\n".join("\t".join(r) for r in [HEADER, *ROWS]), encoding="utf-8")
    seen = peek_table(path)
    assert seen is not None and seen.labels == HEADER and len(seen.rows) == 4


@pytest.mark.parametrize("content", ["第一行文字\n第二行文字\n", ""])
def it_gives_nothing_for_a_source_without_a_table(tmp_path, content):
    path = tmp_path / "说明.txt"
    path.write_text(content or " ", encoding="utf-8")
    assert peek_table(path) is None


def it_reads_a_table_again_with_the_clerks_roles(tmp_path):
    path = table_docx(tmp_path / "清单.docx", HEADER, ROWS)
    before = path.read_bytes()
    roles = {role_key("序号"): "number", role_key("具体事项"): "content", role_key("责任单位"): "units",
             role_key("完成时限"): "deadline"}
    result = read_with_roles(path, roles)
    ds = result.dataset
    assert [t.number for t in ds.tasks] == [r[0] for r in ROWS]
    assert [t.content for t in ds.tasks] == [r[1] for r in ROWS]
    assert [[*t.lead_units, *t.units] for t in ds.tasks] == [r[2].split("、") for r in ROWS]
    assert [t.deadline for t in ds.tasks] == [r[3] for r in ROWS]
    assert ds.columns["content"] == "具体事项"  # the column keeps its printed name
    assert result.report.roles["具体事项"] == "content"
    assert path.read_bytes() == before


def it_keeps_a_column_the_clerk_calls_other_as_an_extra_column(tmp_path):
    header = ["序号", "具体事项", "备注说明", "责任单位"]
    rows = [[r[0], r[1], "按季度报送", r[2]] for r in ROWS]
    path = table_docx(tmp_path / "清单.docx", header, rows)
    roles = {role_key("具体事项"): "content", role_key("备注说明"): "extra:备注说明", role_key("序号"): "number",
             role_key("责任单位"): "units"}
    ds = read_with_roles(path, roles).dataset
    assert all(t.extra.get("备注说明") == "按季度报送" for t in ds.tasks)
    assert [t.content for t in ds.tasks] == [r[1] for r in ROWS]


def it_still_refuses_when_no_column_is_named_the_task(tmp_path):
    path = table_docx(tmp_path / "清单.docx", ["甲", "乙"], [["一些文字", "另一些"], ["更多", "文字"]])
    with pytest.raises(XlError):
        read_with_roles(path, {role_key("甲"): "number"})
