"""The command line speaks Chinese: click's own words never show, in help pages or in errors.

Every command is run with --help, with a required value missing and with an option that does not
exist; what it prints may hold code names (--dataset, check-format, file names, choice values) but
no English word that click writes. The words are taken from click's own source (every string it
passes to gettext, and the placeholders it derives from types), so a new click message is caught.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from xltools.cli import MODULES, cli, main

COMMANDS = [name for names in MODULES.values() for name in names]
# Words click writes that are not in a gettext call: usage placeholders and its type names.
_CLICK_WORDS = {"usage", "options", "commands", "command", "args", "text", "file", "path", "directory", "integer",
                "float", "boolean", "choice", "error", "try", "help", "required", "default", "missing", "option",
                "argument", "invalid", "value", "such", "show", "message", "exit", "version"}


def _click_vocabulary() -> set[str]:
    words = set(_CLICK_WORDS)
    for source in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext"):
                for arg in node.args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        text = re.sub(r"\{[^}]*\}|%\(\w+\)s", " ", arg.value)
                        words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)}
    return words


VOCABULARY = _click_vocabulary()
# Code names and file names the clerk types, which may be English: options, commands, paths, choices.
_CODE = re.compile(r"(?<![A-Za-z])-{1,2}[A-Za-z][\w-]*"  # --dataset, -o
                   r"|https?://\S+|[\w.~-]*[/\\][\w./\\~-]*"  # addresses and paths
                   r"|[\w-]*\.(?:json|xlsx|xls|docx|doc|toml|txt|csv|pdf|ods|wps|et)\b"  # file names
                   r"|\[[a-z|]+\]|\bxltools\b")


def english_words(text: str) -> set[str]:
    """click's English words left in `text` once code names, paths and choice lists are taken out."""
    for name in COMMANDS:
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", text)
    text = _CODE.sub(" ", text)
    return {w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in VOCABULARY}


def _run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def _command(name: str) -> click.Command:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    return command


def _missing_value_args(command: click.Command) -> list[str]:
    """Arguments that leave a required value out without running anything: the first required
    parameter left out, or else an option given without its value."""
    required = [p for p in command.params if p.required]
    if required:
        # Every required parameter but the first is given.
        rest = required[1:]
        args = [a for p in rest if isinstance(p, click.Argument) for a in ["x"]]
        args += [a for p in rest if isinstance(p, click.Option) for a in [p.opts[-1], "x"]]
        return args
    option = next(p for p in command.params if isinstance(p, click.Option) and not p.is_flag
                  and p.name != "help")
    return [option.opts[-1]]


@pytest.mark.parametrize("name", COMMANDS)
def it_shows_help_in_chinese(capsys, name):
    code, out = _run(capsys, name, "--help")
    assert code == 0
    assert out.startswith(f"用法: xltools {name} [选项]")
    assert "选项:" in out and "显示本说明并退出。" in out
    assert english_words(out) == set(), out


@pytest.mark.parametrize("name", COMMANDS)
def it_says_what_is_missing_in_chinese(capsys, name):
    code, out = _run(capsys, name, *_missing_value_args(_command(name)))
    assert code == 2
    assert "错误：" in out and f"xltools {name} --help" in out
    assert "缺少" in out or "后面要写一个值" in out
    assert english_words(out) == set(), out


@pytest.mark.parametrize("name", COMMANDS)
def it_refuses_an_unknown_option_in_chinese(capsys, name):
    code, out = _run(capsys, name, "--no-such-thing")
    assert code == 2
    assert "没有选项 --no-such-thing" in out
    assert english_words(out) == set(), out


@pytest.mark.parametrize("name", COMMANDS)
def it_refuses_a_bad_value_in_chinese(capsys, tmp_path, name):
    """Each option whose value click checks (a choice, a number, a file that must exist) given a bad one."""
    checked = [p for p in _command(name).params if isinstance(p, click.Option) and not p.is_flag and (
        isinstance(p.type, click.Choice | click.types.IntParamType)
        or isinstance(p.type, click.Path) and p.type.exists)]
    for option in checked:
        code, out = _run(capsys, name, option.opts[-1], str(tmp_path / "不存在"))
        assert code == 2
        assert f"{option.opts[-1]} 的值不对" in out
        assert english_words(out) == set(), out


def it_lists_every_command_in_the_order_of_the_quarter(capsys):
    code, out = _run(capsys, "--help")
    assert code == 0 and english_words(out) == set(), out
    listed = re.findall(r"^  ([a-z-]+)  ", out.split("命令:")[1], flags=re.M)
    assert listed == ["import", "validate", "attachment", "check-format", "trackers", "merge", "report", "remind",
                      "serve", "demo", "templates"]
    # the same order after a command has been loaded on its own first
    _run(capsys, "demo", "--help")
    assert re.findall(r"^  ([a-z-]+)  ", _run(capsys, "--help")[1].split("命令:")[1], flags=re.M) == listed


def it_shows_the_help_when_given_nothing(capsys):
    _code, out = _run(capsys)
    assert out.startswith("用法: xltools") and "错误" not in out and "命令:" in out
    assert english_words(out) == set()


def it_names_an_unknown_command_in_chinese(capsys):
    code, out = _run(capsys, "frobnicate")
    assert code == 2 and "没有命令 frobnicate" in out and english_words(out) == set()
    code, out = _run(capsys, "--version")
    assert code == 0 and "版本" in out and english_words(out) == set()


def it_catches_an_english_word(capsys):
    """The check itself: click's untranslated words are found, code names are not."""
    assert english_words("Usage: xltools merge [OPTIONS] FILE...") == {"Usage", "OPTIONS", "FILE"}
    assert english_words("Error: Missing option '--dataset'.") == {"Error", "Missing", "option"}
    assert english_words("错误：缺少选项 --dataset（数据集文件）：见 manifest.json；[auto|portrait]") == set()


def it_aligns_the_options_by_columns_a_chinese_character_takes(capsys):
    out = _run(capsys, "merge", "--help")[1]
    from xltools.cli.zh import columns

    rows = [re.match(r"^  -\S.*?  +(?=\S)", line) for line in out.splitlines() if line.startswith("  -")]
    assert len(rows) >= 9 and len({columns(m.group(0)) for m in rows}) == 1, out


def it_says_the_docx_was_written_when_the_pdf_needs_libreoffice(capsys, tmp_path, monkeypatch):
    """--pdf without LibreOffice: the .docx is written and said to be; what needs LibreOffice and where
    to get it; no advice to 「另存为 .docx」 (which is what the clerk already has)."""
    import xltools.infra.office

    monkeypatch.setattr(xltools.infra.office, "soffice_path", lambda: None)
    seed = SEEDS / "wafangdian.json"
    target = tmp_path / "中文 文件夹" / "附件.docx"
    code, out = _run(capsys, "attachment", str(seed), "-o", str(target), "--pdf")
    assert code == 2 and target.exists() and not target.with_suffix(".pdf").exists()
    assert "无法生成 PDF" in out and "libreoffice.org" in out and "应用商店" in out
    assert "另存为 .docx" not in out and "另存为 .xlsx" not in out
    written = out.split("出错前已写成")[1]
    assert str(target) in written


def it_lists_nothing_as_written_when_nothing_was(capsys, tmp_path):
    code, out = _run(capsys, "attachment", str(tmp_path / "无.json"), "-o", str(tmp_path / "a.docx"))
    assert code == 2 and "出错前已写成" not in out


@pytest.mark.parametrize("name", ["", *COMMANDS])
def it_keeps_every_help_line_within_the_console(capsys, name):
    from xltools.cli.zh import columns

    out = _run(capsys, *([name] if name else []), "--help")[1]
    assert max(columns(line) for line in out.splitlines()) <= 80, out


@given(st.lists(st.tuples(st.sampled_from(["任务", "清单", "--dataset", "2026Q1", "填报表", "manifest.json",
                                          "市人力资源和社会保障局"]),
                         st.sampled_from(["", " ", "，", "。", "、", "（", "）", "「", "」"])), max_size=40),
       st.integers(min_value=24, max_value=80))
def it_wraps_chinese_by_columns_without_losing_a_character(parts, width):
    from xltools.cli.zh import _NO_LINE_END, _NO_LINE_START, _TOKENS, columns, wrap_text

    text = "".join(word + mark for word, mark in parts)
    lines = wrap_text(text, width, "  ", "  ").splitlines()
    assert "".join(text.split()) == "".join("".join(lines).split())
    for i, line in enumerate(lines):
        assert columns(line) <= width or len(line.strip().split()) == 1
        # 避头尾, unless the line before is one word too long to give up anything
        if i and line.strip()[:1] in _NO_LINE_START:
            assert len(_TOKENS.findall(lines[i - 1].strip())) == 1
        if i < len(lines) - 1:
            assert line.strip()[-1:] not in _NO_LINE_END


def it_says_at_import_which_tasks_name_no_unit(capsys, tmp_path):
    """A list that names no unit for some tasks: the clerk hears it at import, before trackers go out."""
    source = tmp_path / "清单.txt"
    source.write_text("某区2026年重点工作任务清单\n1. 建设城市书房3个。（牵头单位：区文旅局）\n"
                      "2. 改造老旧小区10个。\n3. 新增养老床位200张。（牵头单位：区民政局）\n", encoding="utf-8")
    code, out = _run(capsys, "import", str(source), "-o", str(tmp_path / "a.json"))
    assert code == 0
    assert "注意：第 2 项没有写明牵头或责任单位" in out
