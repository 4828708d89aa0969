"""The `xltools` command: a thin click shell over the library.

Each noun has its own module here (`dataset`, `attachment`, `trackers`, `merge`, `demo` …) that
reads options, makes one library call and prints the result. Library errors (`XlError`) become
one Chinese message and exit code 2 here, in `main`, and nowhere else. Heavy libraries are
imported inside the commands, so `xltools --help` starts fast.
"""

from __future__ import annotations

import importlib
import sys
from typing import NoReturn

import click

from ..errors import XlError

# Command modules in the order `--help` lists them, with the commands each exposes in `COMMANDS`: a
# command imports only its own module (tests/test_cli_errors.py checks this map against the modules).
MODULES = {"dataset": ("import", "validate"), "attachment": ("attachment", "check-format"), "trackers": ("trackers",),
           "merge": ("merge",), "report": ("report", "remind"), "demo": ("demo", "templates"), "serve": ("serve",)}


class _Group(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        for module in MODULES:
            self._load(module)
        return list(self.commands)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = next((m for m, names in MODULES.items() if name in names), None)
        if module:
            self._load(module)
        return self.commands.get(name)

    def _load(self, module: str) -> None:
        for command in importlib.import_module(f"{__name__}.{module}").COMMANDS:
            self.add_command(command)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="出错时显示完整的技术信息（供开发者排查）。")
@click.version_option(package_name="xltools")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """xltools：政策文件任务清单工具。

    从一份任务清单（附件）出发：导入 → 公文格式附件 → 各单位填报表 → 回收汇总。
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turning library errors into one message and exit code."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    set_exit_code(0)
    try:
        cli.main(args=argv, prog_name="xltools", standalone_mode=False)
    except XlError as exc:
        if debug:
            raise
        click.echo(f"错误：{exc.render()}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("已取消。", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("已中断。", err=True)
        return 130
    except Exception as exc:  # the last net: never a traceback for the clerk
        if debug:
            raise
        click.echo(f"错误：程序内部出错（{type(exc).__name__}: {exc}）。\n处理办法：加 --debug 重新运行，"
                   "把输出发给维护人员。", err=True)
        return 2
    return _exit_code


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
