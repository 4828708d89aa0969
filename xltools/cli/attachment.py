"""`xltools attachment` and `xltools check-format`: the official-format Word attachment."""

from __future__ import annotations

import json

import click

from . import set_exit_code


@click.command("attachment")
@click.argument("dataset", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="输出的 .docx 文件。")
@click.option("--number", default=None, help="附件序号，如 2 → 「附件2」。")
@click.option("--label", default=None, help="附件标签的完整文字（覆盖 --number 和原文标签）。")
@click.option("--keep-label", is_flag=True,
              help="附件标签按原清单的写法印出（默认按 GB/T 9704-2012 7.3.7 写成「附件」或「附件1」）。")
@click.option("--title", default=None, help="标题（默认用原清单标题）。")
@click.option("--orientation", type=click.Choice(["auto", "portrait", "landscape"]), default="auto",
              show_default=True, help="纸张方向；auto 在列多或单位很长时横排。")
@click.option("--pdf", is_flag=True, help="同时生成 PDF（需要 LibreOffice）。")
@click.option("--template", type=click.Path(dir_okay=False, exists=True), help="样式模板（TOML；xltools templates 可复制一份 attachment.toml 修改）。")
def attachment(dataset: str, output: str, number: str | None, label: str | None, keep_label: bool,
               title: str | None, orientation: str, pdf: bool, template: str | None) -> None:
    """生成符合 GB/T 9704-2012 的公文附件（任务清单表格 .docx）。"""
    from ..dataset.io import load_dataset
    from ..publish.attachment import write_attachment

    result = write_attachment(load_dataset(dataset), output, label=label, number=number, title=title,
                              orientation=orientation, template=template, pdf=pdf, keep_label=keep_label)
    click.echo(f"已生成附件（{'横排' if result.orientation == 'landscape' else '竖排'}）→ {result.path}")
    if result.pdf_path:
        click.echo(f"PDF → {result.pdf_path}")


@click.command("check-format")
@click.argument("docx_file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出，供脚本使用。")
@click.option("--template", type=click.Path(dir_okay=False, exists=True), help="按此样式模板检查。")
def check_format_cmd(docx_file: str, as_json: bool, template: str | None) -> None:
    """检查 .docx 是否符合公文格式：纸张、页边距、字体字号、表头重复、页码。"""
    from ..publish.checkformat import check_format

    findings = check_format(docx_file, template=template)
    if as_json:
        click.echo(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for f in findings:
            click.echo(f.render())
        click.echo(f"共 {len(findings)} 处不符合。" if findings else "符合公文格式要求。")
    if findings:
        set_exit_code(1)


COMMANDS = [attachment, check_format_cmd]
