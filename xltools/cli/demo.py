"""`xltools demo`: the quarterly cycle on the bundled demo lists; `xltools templates`: editable copies of the
settings templates."""

from __future__ import annotations

import click


@click.command("demo")
@click.option("-o", "--output", "outdir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="结果写入的文件夹。")
@click.option("--seeds", "seeds_dir", default=None, type=click.Path(file_okay=False, exists=True),
              help="示例清单（.txt）所在文件夹（默认为程序自带的五份清单）。")
def demo(outdir: str, seeds_dir: str | None) -> None:
    """用自带的五份真实清单演示一个季度的完整流程：导入、附件、下发、模拟回收、汇总。"""
    from ..demo import run_demo

    result = run_demo(outdir, seeds_dir, progress=lambda msg: click.echo(msg, err=True))
    click.echo("\n".join(result.lines))
    click.echo(f"\n全部结果在：{result.outdir.resolve()}")


@click.command("templates")
@click.option("-o", "--output", "outdir", default="模板", show_default=True, type=click.Path(file_okay=False),
              help="模板复制到的文件夹。")
def templates(outdir: str) -> None:
    """复制可修改的样式与规则模板（附件样式、填报表、汇总规则、读取限额），改好后用各命令的 --template 等选项传入。"""
    from pathlib import Path

    from ..data import TEMPLATE_NAMES, template_path
    from ..infra.atomic import write_text_atomic

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for name in TEMPLATE_NAMES:
        target = out / name
        if target.exists():
            click.echo(f"已存在，未覆盖：{target}")
            continue
        write_text_atomic(target, template_path(name).read_text(encoding="utf-8"))
        click.echo(f"已写出：{target}")
    click.echo("用法：xltools attachment … --template 模板/attachment.toml；xltools trackers … --template "
               "模板/tracker.toml；xltools merge … --rules 模板/merge.toml --limits 模板/limits.toml")


COMMANDS = [demo, templates]
