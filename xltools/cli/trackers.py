"""`xltools trackers`: one tracker workbook per responsible unit for a quarter."""

from __future__ import annotations

import click


@click.command("trackers")
@click.argument("dataset", type=click.Path(dir_okay=False))
@click.option("--quarter", required=True, help="季度：2026Q1、2026-Q1 或 2026年第一季度。")
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False), help="输出文件夹。")
@click.option("--deadline", default=None, help="填报截止日期，如 2026-04-10。")
@click.option("--previous", type=click.Path(dir_okay=False, exists=True), help="上季度的汇总表：预填各单位上次的填报内容。")
@click.option("--unit", "units", multiple=True, help="只给这些单位生成（可重复）。")
@click.option("--password", default=None, help="工作表保护密码（默认无密码，只防误改）。")
@click.option("--strict", is_flag=True, help="单位名称尚有未处理的建议、会把同一单位分成两份填报表时，拒绝下发。")
@click.option("--template", type=click.Path(dir_okay=False, exists=True), help="填报表模板（TOML；xltools templates 可复制一份修改）。")
def trackers(dataset: str, quarter: str, outdir: str, deadline: str | None, previous: str | None,
             units: tuple[str, ...], password: str | None, strict: bool, template: str | None) -> None:
    """给每个牵头或责任单位生成只含本单位任务的填报表，并写出下发清单。"""
    from ..cycle.trackers import write_trackers
    from ..dataset.io import load_dataset

    def show(done: int, total: int, unit: str) -> None:
        if total >= 20 and (done % 20 == 0 or done == total):
            click.echo(f"  已生成 {done}/{total}", err=True)

    result = write_trackers(load_dataset(dataset), quarter, outdir, deadline=deadline, previous=previous,
                            units=list(units) or None, password=password, template=template, progress=show,
                            strict=strict)
    lead = sum(f[2] for f in result.files)
    resp = sum(f[3] for f in result.files)
    click.echo(f"已生成 {len(result.files)} 份填报表（牵头 {lead} 项次、责任 {resp} 项次）→ {result.outdir}")
    click.echo(f"下发清单 → {result.list_path}")
    for warning in result.warnings:
        click.echo(f"注意：{warning}")


COMMANDS = [trackers]
