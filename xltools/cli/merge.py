"""`xltools merge`: the returned trackers into one consolidated quarterly workbook."""

from __future__ import annotations

from pathlib import Path

import click

from . import set_exit_code


@click.command("merge")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--dataset", required=True, type=click.Path(dir_okay=False), help="任务总表（.xlsx 或 .json）。")
@click.option("--quarter", required=True, help="季度：2026Q1、2026-Q1 或 2026年第一季度。")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="输出的汇总表 .xlsx。")
@click.option("--previous", type=click.Path(dir_okay=False, exists=True), help="上季度的汇总表，用于季度对比。")
@click.option("--issued", type=click.Path(exists=True), help="下发填报表的文件夹（含 manifest.json）。")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="把结果另存为 JSON，供脚本使用。")
@click.option("--password", "passwords", multiple=True,
              help="加密（设了打开密码）的填报表的密码，可给多个；原文件不改动。")
@click.option("--deadline", default=None,
              help="报送截止日期，如 2026-04-10（默认用下发填报表时定的日期），用于判断各单位是否逾期。")
@click.option("--limits", type=click.Path(dir_okay=False, exists=True),
              help="限额设置（TOML，默认为自带的 limits.toml，xltools templates 可复制一份修改）：文件大小、行数、单元格字数等上限。")
@click.option("--rules", type=click.Path(dir_okay=False, exists=True),
              help="汇总规则（TOML，默认为自带的 merge.toml，xltools templates 可复制一份修改）：状态选项、必填栏目、总体状态的判定。")
def merge(inputs: tuple[str, ...], dataset: str, quarter: str, output: str, previous: str | None,
          issued: str | None, report_path: str | None, passwords: tuple[str, ...], deadline: str | None,
          limits: str | None, rules: str | None) -> None:
    """汇总各单位交回的填报表（文件或文件夹，可混合），生成季度进展汇总表。"""
    from ..cycle.merge import merge_returns
    from ..cycle.quarter import parse_quarter
    from ..dataset.io import load_dataset

    if issued is None:
        guess = Path(dataset).parent / parse_quarter(quarter).code / "下发"
        issued = str(guess) if (guess / "manifest.json").exists() else None

    def show(done: int, total: int, name: str) -> None:
        if total >= 20 and (done % 20 == 0 or done == total):
            click.echo(f"  已读取 {done}/{total}", err=True)

    result = merge_returns(list(inputs), load_dataset(dataset), quarter, output, previous=previous, issued=issued,
                           report=report_path, progress=show, limits=limits, passwords=passwords,
                           deadline=deadline, rules=rules)
    counts = result.counts()
    click.echo(f"汇总表 → {result.output}")
    click.echo("文件：" + "，".join(f"{k} {v} 个" for k, v in counts.items()))
    from ..publish.report import returns_sentence

    click.echo(returns_sentence(list(result.units.values()), result.deadline))
    problems = [f for f in result.findings if f.level == "问题"]
    click.echo(f"需处理的问题 {len(problems)} 条，提示 {len(result.findings) - len(problems)} 条（见「校验问题」表）")
    for f in problems[:20]:
        click.echo("  " + f.render())
    if len(problems) > 20:
        click.echo(f"  ……其余 {len(problems) - 20} 条见汇总表")
    set_exit_code(result.exit_code)


COMMANDS = [merge]
