"""Bad input gets one clear Chinese error and exit code 2, never a traceback."""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import SEEDS

from xltools.cli import main


def _run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _encrypted(path):
    # An OLE compound file holding an EncryptedPackage stream: how Excel saves a password-protected .xlsx.
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(head + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 2048)


def _docx_without_table(path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        zf.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>通知正文</w:t></w:r></w:p></w:body></w:document>')
    path.write_bytes(buf.getvalue())


CASES = {
    "empty.txt": lambda p: p.write_bytes(b""),
    "binary.xlsx": lambda p: p.write_bytes(bytes(range(256)) * 40),
    "encrypted.xlsx": _encrypted,
    "notable.txt": lambda p: p.write_text("关于印发某某方案的通知\n\n各单位：现将方案印发给你们。\n", encoding="utf-8"),
    "notask.txt": lambda p: p.write_text("\t序号\n\t备注\n\n\t1\n\t无\n", encoding="utf-8"),
    "notable.docx": _docx_without_table,
}


@pytest.mark.parametrize("name", sorted(CASES))
def it_refuses_bad_input_with_a_chinese_message(tmp_path, capsys, name):
    src = tmp_path / name
    CASES[name](src)
    before = src.read_bytes()
    code, out, err = _run(capsys, "import", str(src), "-o", str(tmp_path / "out.xlsx"))
    assert code == 2
    assert "Traceback" not in err and err.startswith("错误：")
    assert name in err
    assert "处理办法" in err
    assert not (tmp_path / "out.xlsx").exists()
    assert src.read_bytes() == before


def it_says_an_encrypted_file_is_encrypted(tmp_path, capsys):
    src = tmp_path / "book.xlsx"
    _encrypted(src)
    code, _out, err = _run(capsys, "import", str(src), "-o", str(tmp_path / "o.json"))
    assert code == 2 and "加密" in err and "密码" in err


def it_validates_with_exit_1_and_json(tmp_path, capsys):
    import json

    seeds = SEEDS
    code, out, _ = _run(capsys, "validate", str(seeds / "yingkou.xlsx"), "--json")
    assert code == 1
    problems = json.loads(out)
    assert any(p["suggestion"] == "市教育局" for p in problems)


def it_maps_each_command_to_the_module_that_defines_it():
    import importlib

    from xltools.cli import MODULES

    for module, names in MODULES.items():
        assert tuple(c.name for c in importlib.import_module(f"xltools.cli.{module}").COMMANDS) == names


def it_imports_only_the_module_of_the_command_it_runs(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from xltools.cli import main; main(['merge', '--help']); "
            "print(sorted(m for m in sys.modules if m.startswith('xltools.cli.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "['xltools.cli.merge', 'xltools.cli.zh']"  # zh: click's words
    listed = subprocess.run([sys.executable, "-m", "xltools", "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("import", "validate", "attachment", "check-format", "trackers", "merge", "report", "remind",
                    "demo", "serve"):
        assert f"  {command} " in listed


def it_exits_with_the_commands_code(tmp_path, monkeypatch):
    """`xltools` (cli.run) exits with main()'s code."""
    import subprocess
    import sys

    import xltools.cli as cli

    monkeypatch.setattr(cli, "main", lambda: 2)
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == 2
    # the real program: a missing file is exit code 2 with the message, through `python -m xltools` too
    done = subprocess.run([sys.executable, "-m", "xltools", "validate", str(tmp_path / "无.json")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "找不到" in done.stderr
