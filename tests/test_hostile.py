"""Hostile and broken inputs: bounded, clear, and nothing lost (issue 7)."""

from __future__ import annotations

import io
import time
import zipfile

import openpyxl
import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from test_merge import SIGN, _fill, _issue, _merge

import xltools
from xltools.cli import main

BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _replace_part(src, dst, part: str, data: bytes, extra: dict[str, bytes] | None = None) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, data if item.filename == part else zin.read(item.filename))
        for name, payload in (extra or {}).items():
            zout.writestr(name, payload)


def _body(xml: bytes) -> bytes:
    """The XML without its declaration, so a DOCTYPE can be put in front."""
    return xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml


def _seed_docx(tmp_path):
    ds = xltools.load_dataset(SEEDS / "huancui.json")
    return xltools.write_attachment(ds, tmp_path / "clean.docx").path


def _import_error(capsys, path, tmp_path) -> str:
    start = time.monotonic()
    assert main(["import", str(path), "-o", str(tmp_path / "out.json")]) == 2
    assert time.monotonic() - start < 10
    assert not (tmp_path / "out.json").exists()
    return capsys.readouterr().err


def it_refuses_entity_expansion_in_a_document(tmp_path, capsys):
    clean = _seed_docx(tmp_path)
    with zipfile.ZipFile(clean) as zf:
        body = zf.read("word/document.xml")
    for name, prefix in (("laughs.docx", BILLION_LAUGHS), ("xxe.docx", XXE)):
        _replace_part(clean, tmp_path / name, "word/document.xml", prefix + _body(body))
        err = _import_error(capsys, tmp_path / name, tmp_path)
        assert "实体" in err and name in err


def it_refuses_a_zip_bomb_quickly(tmp_path, capsys):
    clean = _seed_docx(tmp_path)
    bomb = tmp_path / "bomb.docx"
    _replace_part(clean, bomb, "word/media/zeros.bin", b"", {"word/media/zeros.bin": b"\0" * (30 * 1024 * 1024)})
    assert bomb.stat().st_size < 1024 * 1024
    err = _import_error(capsys, bomb, tmp_path)
    assert "压缩" in err


def it_names_a_docx_renamed_xlsx_by_what_it_is(tmp_path):
    clean = _seed_docx(tmp_path)
    renamed = tmp_path / "清单.xlsx"
    renamed.write_bytes(clean.read_bytes())
    assert len(xltools.import_source(renamed).tasks) == 16


def it_refuses_entity_expansion_in_a_returned_sheet(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    good = _fill(issued, units["市教育局"], tmp_path / "好")
    inbox.mkdir()
    with zipfile.ZipFile(good) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    _replace_part(good, inbox / "laughs.xlsx", "xl/worksheets/sheet1.xml", BILLION_LAUGHS + _body(sheet))
    result = _merge(ds, issued, inbox, tmp_path)
    outcome = {f.split("/")[-1]: (o, r) for f, o, r in result.files}
    assert outcome["laughs.xlsx"][0] == "无法读取" and "实体" in outcome["laughs.xlsx"][1]


def it_never_runs_or_carries_macros(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    good = _fill(issued, units["市教育局"], tmp_path / "好")
    inbox.mkdir()
    _replace_part(good, inbox / "带宏.xlsm", "", b"", {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 fake macro"})
    result = _merge(ds, issued, inbox, tmp_path)
    assert "市教育局" not in result.missing
    with zipfile.ZipFile(result.output) as zf:
        assert not [n for n in zf.namelist() if "vba" in n.lower()]


def it_keeps_dde_and_link_text_as_text(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    entry = units["市教育局"]
    key = entry["tasks"][0]["key"]
    dde = "=cmd|' /C calc'!A0"
    _fill(issued, entry, inbox, answers={key: {"进展情况": dde, "完成状态": "推进中", "备注": "=[外部.xlsx]Sheet1!A1"}})
    _merge(ds, issued, inbox, tmp_path)
    ws = openpyxl.load_workbook(tmp_path / "汇总.xlsx")["明细"]
    header = [c.value for c in ws[1]]
    cells = [ws.cell(r, header.index("进展情况") + 1) for r in range(2, ws.max_row + 1)]
    hit = next(c for c in cells if c.value == dde)
    assert hit.data_type == "s"
    with zipfile.ZipFile(tmp_path / "汇总.xlsx") as zf:
        assert not [n for n in zf.namelist() if "externalLink" in n]


def it_bounds_a_sheet_with_too_many_columns(tmp_path):
    ds, issued, _units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    inbox.mkdir()
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("填报")
    ws.append(["任务内容", "完成状态"] + ["x"] * 16_000)
    wb.save(inbox / "宽表.xlsx")
    result = _merge(ds, issued, inbox, tmp_path)
    outcome = {f.split("/")[-1]: (o, r) for f, o, r in result.files}
    assert outcome["宽表.xlsx"][0] == "无法读取" and "过大" in outcome["宽表.xlsx"][1]


def it_handles_a_returned_sheet_of_100000_rows_in_bounded_time(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    path = _fill(issued, units["市教育局"], inbox)
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    ws.delete_rows(ws.max_row - 2, 3)  # the sign-off rows go; junk pasted below the table
    for i in range(100_000):
        ws.append(["", f"粘贴进来的第{i}行"])
    wb.save(path)
    start = time.monotonic()
    result = _merge(ds, issued, inbox, tmp_path)
    assert time.monotonic() - start < 60
    added = [f for f in result.findings if f.code == "row_added"]
    assert len(added) == 51 and "另有" in added[-1].detail
    assert "市教育局" not in result.missing


def it_reads_odd_but_legal_returns(tmp_path):
    """A renamed sheet, extra sheets, hidden rows and columns, a long cell and dates typed as dates."""
    import datetime as dt

    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    entry = units["市教育局"]
    key = entry["tasks"][0]["key"]
    path = _fill(issued, entry, inbox, answers={key: {"进展情况": "长" * 32_767, "完成状态": "已完成"}})
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    ws.title = "我单位填报"
    ws.row_dimensions[6].hidden = True
    ws.column_dimensions["C"].hidden = True
    wb.create_sheet("说明").append(["本单位补充说明"])
    for r in range(ws.max_row, 0, -1):
        if ws.cell(r, 2).value == "填报人：":
            ws.cell(r + 1, 9).value = dt.datetime(2026, 4, 9)  # 填报日期 typed as a date
            break
    wb.save(path)
    result = _merge(ds, issued, inbox, tmp_path)
    assert "市教育局" not in result.missing
    rows = openpyxl.load_workbook(result.output)["明细"]
    header = [c.value for c in rows[1]]
    lengths = [len(r[header.index("进展情况")] or "") for r in rows.iter_rows(min_row=2, values_only=True)]
    assert 32_767 in lengths


@pytest.mark.office
def it_uses_cached_values_of_formulas_in_fill_cells(tmp_path):
    from xltools.infra.office import convert

    ds, issued, units = _issue(tmp_path)
    entry = units["市教育局"]
    key = entry["tasks"][0]["key"]
    path = _fill(issued, entry, tmp_path / "原件", answers={key: {"进展情况": "见下", "完成状态": "推进中"}})
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    ws.cell(5, 7).value = '="已完成"'  # 完成状态 as a formula
    wb.save(path)
    inbox = tmp_path / "回收"
    convert(path, "xlsx", inbox)  # LibreOffice computes and stores the cached value, as Excel does
    result = _merge(ds, issued, inbox, tmp_path)
    ws = openpyxl.load_workbook(result.output)["明细"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[header.index("任务编号")] == key
               and r[header.index("单位")] == "市教育局")
    assert row[header.index("完成状态")] == "已完成"


def it_never_replaces_an_existing_output_with_a_broken_one(tmp_path, monkeypatch):
    ds = xltools.load_dataset(SEEDS / "huancui.json")
    out = tmp_path / "附件.docx"
    out.write_bytes(b"previous version")

    def boom(*_a, **_k):
        raise RuntimeError("disk full")

    import docx.document

    monkeypatch.setattr(docx.document.Document, "save", boom)
    with pytest.raises(RuntimeError):
        xltools.write_attachment(ds, out)
    assert out.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["附件.docx"]


def it_says_what_to_do_without_a_traceback_unless_debug(tmp_path, capsys):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04" + b"\0" * 64)
    assert main(["import", str(tmp_path / "x.xlsx"), "-o", str(tmp_path / "o.json")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "处理办法" in err
    with pytest.raises(xltools.XlError):
        main(["--debug", "import", str(tmp_path / "x.xlsx"), "-o", str(tmp_path / "o.json")])
    _ = io  # keep imports used across variants
    _ = SIGN


def it_lists_an_image_named_xlsx_and_a_protected_structure_still_merges(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    path = _fill(issued, units["市教育局"], inbox)
    wb = openpyxl.load_workbook(path)
    wb.security = openpyxl.workbook.protection.WorkbookProtection(workbookPassword="123", lockStructure=True)
    wb.save(path)
    (inbox / "照片.xlsx").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    result = _merge(ds, issued, inbox, tmp_path)
    outcome = {f.split("/")[-1]: (o, r) for f, o, r in result.files}
    assert outcome["照片.xlsx"][0] == "无法读取" and "图片" in outcome["照片.xlsx"][1]
    assert "市教育局" not in result.missing


def it_reads_merged_cells_in_the_fill_area(tmp_path):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    entry = units["市教育局"]
    keys = [t["key"] for t in entry["tasks"]]
    path = _fill(issued, entry, inbox, answers={keys[0]: {"进展情况": "两项一并推进", "完成状态": "推进中"},
                                                keys[1]: {"完成状态": "推进中"}})
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    ws.protection.sheet = False
    ws.merge_cells("F5:F6")  # the unit merged 进展情况 over two tasks
    wb.save(path)
    result = _merge(ds, issued, inbox, tmp_path)
    rows = {r["任务编号"]: r for r in __import__("test_merge")._details(result.output) if r["单位"] == "市教育局"}
    assert rows[keys[0]]["进展情况"] == "两项一并推进"
    assert any(f.code == "empty_required" and f.number == ds.task(keys[1]).number for f in result.findings)


def _encrypt(src, dst, password: str) -> None:
    """Encrypt as Excel/Word do for an open password (ECMA-376 agile encryption), with msoffcrypto-tool."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with open(src, "rb") as fh:
        OOXMLFile(fh).encrypt(password, out)
    dst.write_bytes(out.getvalue())


def it_merges_an_encrypted_return_with_its_password_and_leaves_it_encrypted(tmp_path, capsys):
    ds, issued, units = _issue(tmp_path)
    plain_box, inbox = tmp_path / "明文", tmp_path / "回收"
    plain = _fill(issued, units["市教育局"], plain_box)
    other = _fill(issued, units["市财政局"], inbox)
    inbox.mkdir(exist_ok=True)
    _encrypt(plain, inbox / "教育局（加密）.xlsx", "jyj2026")
    before = (inbox / "教育局（加密）.xlsx").read_bytes()

    # without the password: listed as encrypted, the other unit still merged
    code = main(["merge", str(inbox), "--dataset", str(SEEDS / "yingkou.json"), "--quarter", "2026Q1",
                 "--issued", str(issued), "-o", str(tmp_path / "无密码.xlsx")])
    out = capsys.readouterr().out
    returns_line = next(line for line in out.splitlines() if line.startswith("应报送单位"))
    assert code == 1 and "市教育局" in returns_line.split("未报送")[1]
    # a wrong password first, then the right one: the right one opens it
    result = _merge(ds, issued, inbox, tmp_path, passwords=["错的", "jyj2026"])
    outcome = {f.split("/")[-1]: o for f, o, _r in result.files}
    assert outcome["教育局（加密）.xlsx"] == "合并" and outcome[other.name] == "合并"
    assert "市教育局" not in result.missing
    (tmp_path / "ref").mkdir()
    reference = _merge(ds, issued, plain_box, tmp_path / "ref")

    def mine(r):
        return {(a.key, a.unit): a.values for a in r.answers if a.unit == "市教育局"}

    assert mine(result) == mine(reference) and all(v.get("进展情况") for v in mine(result).values())
    assert (inbox / "教育局（加密）.xlsx").read_bytes() == before  # the received file is never altered

    only_wrong = _merge(ds, issued, inbox, tmp_path, passwords=["错的"])
    reason = {f.split("/")[-1]: r for f, _o, r in only_wrong.files}["教育局（加密）.xlsx"]
    assert "密码都不对" in reason and "市教育局" in only_wrong.missing


def it_imports_an_encrypted_document_with_its_password(tmp_path, capsys):
    src = _seed_docx(tmp_path)
    _encrypt(src, tmp_path / "加密附件.docx", "附件密码")
    assert main(["import", str(tmp_path / "加密附件.docx"), "-o", str(tmp_path / "x.json")]) == 2
    assert "--password" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "加密附件.docx"), "-o", str(tmp_path / "x.json"), "--password", "附件密码"]) == 0
    got, want = xltools.load_dataset(tmp_path / "x.json"), xltools.import_source(src)
    assert [(t.number, t.content, t.lead_units, t.units) for t in got.tasks] == \
        [(t.number, t.content, t.lead_units, t.units) for t in want.tasks]
    assert main(["import", str(tmp_path / "加密附件.docx"), "-o", str(tmp_path / "y.json"), "--password", "不对"]) == 2
    err = capsys.readouterr().err
    assert "加密附件.docx" in err and "密码都不对" in err and not (tmp_path / "y.json").exists()


def it_takes_its_limits_from_a_settings_file(tmp_path, capsys):
    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    _fill(issued, units["市教育局"], inbox)
    strict = tmp_path / "限额.toml"
    strict.write_text("max_rows = 5\n", encoding="utf-8")
    args = ["merge", str(inbox), "--dataset", str(SEEDS / "yingkou.json"), "--quarter", "2026Q1", "--issued",
            str(issued), "-o", str(tmp_path / "汇总.xlsx")]
    assert main([*args, "--limits", str(strict)]) == 1
    assert "过大" in capsys.readouterr().out
    result = _merge(ds, issued, inbox, tmp_path)  # templates/limits.toml: the tracker is well within bounds
    assert "市教育局" not in result.missing
    strict.write_text('max_rows = "很多"\n', encoding="utf-8")
    assert main([*args, "--limits", str(strict)]) == 2
    err = capsys.readouterr().err
    assert "限额.toml" in err and "max_rows" in err and "正数" in err


def it_ships_limits_equal_to_the_code_defaults():
    from xltools.infra.safety import DEFAULT_LIMITS, default_limits

    assert default_limits() == DEFAULT_LIMITS  # templates/limits.toml documents the defaults, it does not drift


def it_merges_a_return_padded_with_50_mb_of_pictures(tmp_path):
    """A unit pastes photos into its tracker: the file is big, the sheet is not; read in bounded time."""
    import os
    import resource

    ds, issued, units = _issue(tmp_path)
    inbox = tmp_path / "回收"
    plain = _fill(issued, units["市教育局"], tmp_path / "明文")
    inbox.mkdir()
    pictures = {f"xl/media/image{i}.png": b"\x89PNG\r\n\x1a\n" + os.urandom(5 * 1024 * 1024) for i in range(10)}
    _replace_part(plain, inbox / "带照片.xlsx", "xl/workbook.xml",
                  zipfile.ZipFile(plain).read("xl/workbook.xml"), extra=pictures)
    assert (inbox / "带照片.xlsx").stat().st_size > 50 * 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.monotonic()
    result = _merge(ds, issued, inbox, tmp_path)
    assert time.monotonic() - start < 30
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 40, f"merge grew the process by {grown_mb:.0f} MB"  # 50 MB of pictures never loaded whole
    assert "市教育局" not in result.missing
    assert {f.split("/")[-1]: o for f, o, _r in result.files}["带照片.xlsx"] == "合并"


# -- the prolog scan: a declaration is found however the part's start is padded or encoded ------------
_PROLOG_ITEMS = st.one_of(
    st.sampled_from([b" ", b"\n", b"\r\n\t", b" " * 3000]),
    st.text(alphabet="<>-?!x 中文&;", max_size=300).map(lambda t: b"<!--" + t.replace("--", "").encode() + b"-->"),
    st.text(alphabet="<>x 中=\"'", max_size=200).map(lambda t: b"<?pi " + t.replace("?>", "").encode() + b"?>"),
)


def _part_zip(xml: bytes, compress: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as zf:
        zf.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        zf.writestr("xl/workbook.xml", xml)
    return buf.getvalue()


def _declares(xml: bytes, compress: int = zipfile.ZIP_DEFLATED) -> bool:
    from xltools.infra.safety import check_office_zip

    try:
        check_office_zip("t.xlsx", data=_part_zip(xml, compress))
    except xltools.XlError as exc:
        assert "实体" in exc.message
        return True
    return False


@given(st.lists(_PROLOG_ITEMS, max_size=12), st.booleans(), st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
@settings(max_examples=120, deadline=None)
def it_finds_a_doctype_behind_any_padding_of_the_prolog(items, doctype, compress):
    prolog = b'<?xml version="1.0" encoding="UTF-8"?>' + b"".join(items)
    body = b'<workbook a="<!DOCTYPE in a value is text"><x/></workbook>'
    xml = prolog + (XXE.split(b"?>", 1)[1] if doctype else b"") + body
    assert _declares(xml, compress) == doctype


def it_reads_utf16_parts_and_refuses_an_endless_prolog():
    body = '<workbook><x/></workbook>'
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        assert _declares(('<?xml version="1.0"?><!DOCTYPE x []>' + body).encode(codec))
        assert not _declares(('<?xml version="1.0"?>' + body).encode(codec))
    assert not _declares(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- a -->" + body.encode())
    endless = b"<?xml version='1.0'?>" + b"<!-- padding -->" * 10_000 + body.encode()  # 160 KB before the root
    assert _declares(endless)


def _deflated_in_two(prefix: bytes, rest: bytes, monkeypatch) -> bytes:
    """A zip whose one part is `prefix` + `rest`, deflated so that the prefix is flushed on its own:
    parts with the same prefix then begin with the same compressed bytes, however they go on."""
    import zlib

    class Flushing:
        def __init__(self) -> None:
            self._c = zlib.compressobj(0, zlib.DEFLATED, -15)

        def compress(self, data: bytes) -> bytes:
            return self._c.compress(data) + self._c.flush(zlib.Z_FULL_FLUSH)

        def flush(self) -> bytes:
            return self._c.flush()

    buf = io.BytesIO()
    with monkeypatch.context() as m:
        m.setattr(zipfile, "_get_compressor", lambda *a, **k: Flushing())
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("xl/workbook.xml", "w") as w:
            w.write(prefix)
            w.write(rest)
    return buf.getvalue()


def it_finds_a_declaration_past_the_first_compressed_bytes(monkeypatch):
    """Two parts whose first compressed bytes agree: the one that declares a DOCTYPE later is refused."""
    import random

    from xltools.infra import safety

    # a comment of about 5 KB: the verdict lies beyond the first compressed bytes read
    filler = "".join(random.Random(1).choice("abcdefghij 中文") for _ in range(4000)).encode()
    prolog = b'<?xml version="1.0"?><!--' + filler + b"-->"
    clean, hostile = prolog + b"<workbook/>", prolog + XXE.split(b"?>", 1)[1] + b"<workbook/>"
    zips = {xml: _deflated_in_two(prolog, xml[len(prolog):], monkeypatch) for xml in (clean, hostile)}
    start = 30 + len("xl/workbook.xml")  # the part's data, after its local header
    assert zips[clean][start:start + safety._CHUNK] == zips[hostile][start:start + safety._CHUNK]
    for order in ((clean, hostile), (hostile, clean), (clean, clean, hostile)):
        for xml in order:
            try:
                safety.check_office_zip("t.xlsx", data=zips[xml])
                refused = False
            except xltools.XlError:
                refused = True
            assert refused == (xml is hostile)
