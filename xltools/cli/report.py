"""`xltools report` and `xltools remind`: what goes up at the end of the quarter."""

from __future__ import annotations

import click


@click.command("report")
@click.argument("consolidated", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="输出的 .docx 文件。")
@click.option("--only", default=None, metavar="状态,状态", help="只列这些状态的任务，如 --only 滞后,未启动。")
@click.option("--unit", default=None, help="只出某一单位的报告。")
@click.option("--previous", type=click.Path(dir_okay=False, exists=True), help="上季度的汇总表，用于写出变化。")
@click.option("--label", default=None, help="左上角的附件标签（默认不加）。")
@click.option("--detail", is_flag=True, help="在报告后附各单位报送的进展情况全文（每个单位每项任务一行）。")
@click.option("--pdf", is_flag=True, help="同时生成 PDF（需要 LibreOffice）。")
@click.option("--template", type=click.Path(dir_okay=False, exists=True), help="样式模板（TOML；xltools templates 可复制一份修改）。")
def report(consolidated: str, output: str, only: str | None, unit: str | None, previous: str | None,
           label: str | None, detail: bool, pdf: bool, template: str | None) -> None:
    """由汇总表生成公文格式的落实情况汇总表（.docx）。"""
    from ..publish.report import write_report

    statuses = [s.strip() for s in only.replace("，", ",").split(",") if s.strip()] if only else None
    result = write_report(consolidated, output, only=statuses, unit=unit, previous=previous, pdf=pdf,
                          template=template, label=label, detail=detail)
    click.echo(f"已生成落实情况汇总表 → {output}")
    pdf_path = getattr(result, "pdf_path", None)
    if pdf_path:
        click.echo(f"PDF → {pdf_path}")


@click.command("remind")
@click.argument("consolidated", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="同时写出催报清单 .xlsx。")
@click.option("--deadline", default=None,
              help="新的报送期限，如 2026-04-20：已过截止日期时，提醒文字请单位在此日期前补报。")
def remind(consolidated: str, output: str | None, deadline: str | None) -> None:
    """列出未报送、交回空表或需补正的单位，并给出可直接发送的催报文字（截止日期前后措辞不同）。"""
    from ..cycle.reminders import write_reminders

    items = write_reminders(consolidated, output, deadline=deadline)
    if not items:
        click.echo("所有单位均已报送，且没有未填写的任务或需补正的内容。")
    for item in items:
        click.echo(f"【{item.unit}】{item.kind}，欠报 {item.tasks_owed} 项；{'；'.join(item.problems)}\n  {item.text}")
    if output:
        click.echo(f"催报清单 → {output}")


COMMANDS = [report, remind]
