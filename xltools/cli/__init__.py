"""The `xltools` command: a thin click shell over the library.

Each noun has its own module here (`dataset`, `attachment`, `trackers`, `merge`, `demo` …) that
reads options, makes one library call and prints the result. Library errors (`XlError`) become
one Chinese message and exit code 2 here, in `main`, and nowhere else, followed by the files the
command had already written completely before it stopped. click's own words (usage, options, its
errors) are Chinese through one catalogue (`zh.py`), put in when this package is imported. Heavy
libraries are imported inside the commands, so `xltools --help` starts fast.
"""

from __future__ import annotations

import importlib
import sys
from typing import NoReturn

import click

from ..errors import XlError
from . import zh

zh.install()

# Command modules in the order of the quarter, which `--help` lists them in, with the commands each
# exposes in `COMMANDS`: a command imports only its own module (tests/test_cli_errors.py checks this
# map against the modules).
MODULES = {"dataset": ("import", "validate"), "attachment": ("attachment", "check-format"), "trackers": ("trackers",),
           "merge": ("merge",), "report": ("report", "remind"), "serve": ("serve",), "demo": ("demo", "templates")}


class _Group(click.Group):
    """Commands loaded on demand from their modules, listed in the order of the quarter."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        for module in MODULES:
            self._load(module)
        return [name for names in MODULES.values() for name in names if name in self.commands]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = next((m for m, names in MODULES.items() if name in names), None)
        if module:
            self._load(module)
        return self.commands.get(name)

    def _load(self, module: str) -> None:
        for command in importlib.import_module(f"{__name__}.{module}").COMMANDS:
            zh.apply_placeholders(command)
            self.add_command(command)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="出错时显示完整的技术信息（供开发者排查）。")
@click.version_option(package_name="xltools", prog_name="xltools")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """xltools：政策文件任务清单工具。

    从一份任务清单（附件）出发：导入 → 公文格式附件 → 各单位填报表 → 回收汇总。
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


zh.apply_placeholders(cli)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turning library errors into one message and exit code."""
    from ..infra.atomic import recording_writes

    args = argv if argv is not None else sys.argv[1:]
    debug = "--debug" in args
    set_exit_code(0)
    with recording_writes() as written:
        try:
            cli.main(args=argv, prog_name="xltools", standalone_mode=False)
        except XlError as exc:
            if debug:
                raise
            _stopped(f"错误：{exc.render()}", written)
            return exc.exit_code
        except click.exceptions.Abort:
            _stopped("已取消。", written)
            return 1
        except click.ClickException as exc:
            named = next((a for a in args if a in cli.list_commands(click.Context(cli))), "")
            click.echo(zh.render_error(exc, f"xltools {named}".strip()), err=True)
            return 2
        except click.exceptions.Exit as exc:
            return exc.exit_code
        except KeyboardInterrupt:
            _stopped("已中断。", written)
            return 130
        except Exception as exc:  # the last net: never a traceback for the clerk
            if debug:
                raise
            _stopped(f"错误：程序内部出错（{type(exc).__name__}: {exc}）。\n处理办法：加 --debug 重新运行，"
                     "把输出发给维护人员。", written)
            return 2
    return _exit_code


def _stopped(message: str, written: list) -> None:
    """The error, then what the command had finished writing before it stopped (complete files)."""
    click.echo(message, err=True)
    if not written:
        return
    names = [str(p) for p in dict.fromkeys(written)]
    if len(names) <= 5:
        click.echo("出错前已写成（完整可用）：\n" + "\n".join(f"  {n}" for n in names), err=True)
    else:
        folders = "、".join(dict.fromkeys(str(p.parent) for p in written))
        click.echo(f"出错前已写成 {len(names)} 个文件（完整可用），在：{folders}", err=True)


_exit_code = 0


def run() -> NoReturn:
    """The `xltools` program."""
    sys.exit(main())


def set_exit_code(code: int) -> None:
    """Commands that finish with findings (exit 1) call this instead of sys.exit."""
    global _exit_code
    _exit_code = code


if __name__ == "__main__":  # pragma: no cover
    run()
