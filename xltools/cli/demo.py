"""`xltools demo`: the quarterly cycle on the bundled seeds."""

from __future__ import annotations

import click


@click.command("demo")
@click.option("-o", "--output", "outdir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="结果写入的文件夹。")
@click.option("--seeds", "seeds_dir", default=None, type=click.Path(file_okay=False, exists=True),
              help="示例清单（.txt）所在文件夹（默认用程序自带的五份清单）。")
def demo(outdir: str, seeds_dir: str | None) -> None:
    """用自带的五份真实清单演示一个季度的完整流程：导入、附件、下发、模拟回收、汇总。"""
    from ..demo import run_demo

    result = run_demo(outdir, seeds_dir, progress=lambda msg: click.echo(msg, err=True))
    click.echo("\n".join(result.lines))
    click.echo(f"\n全部结果在：{result.outdir.resolve()}")


COMMANDS = [demo]
