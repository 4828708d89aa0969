"""`xltools import` and `xltools validate`: the canonical dataset."""

from __future__ import annotations

import json

import click

from . import set_exit_code


def _parse_columns(values: tuple[str, ...]) -> dict[str, str]:
    from ..dataset.model import ROLES
    from ..errors import XlError

    out = {}
    for value in values:
        label, sep, role = value.partition("=")
        if not sep or role not in ROLES and not role.startswith("extra"):
            raise XlError(f"--column 的写法不对：「{value}」。",
                          hint=f"请写成 表头文字=含义，含义可选：{'、'.join(ROLES)}，例如 --column 政策条款=content")
        out[label.strip()] = role.strip()
    return out


@click.command("import")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="输出的数据集：.xlsx（任务总表，可在 Excel/WPS 中修改）或 .json。")
@click.option("--column", "columns", multiple=True, metavar="表头=含义",
              help="指定某列的含义（number/category/content/lead/units/deadline），可重复。")
@click.option("--explain", is_flag=True, help="说明识别出的结构、各列含义和跳过或存疑的行。")
@click.option("--password", default=None, help="文件设了打开密码时的密码（原文件不改动）。")
def import_cmd(source: str, output: str, columns: tuple[str, ...], explain: bool, password: str | None) -> None:
    """导入任务清单（.docx/.xlsx/.xls/.csv/粘贴的文本），生成数据集。"""
    from ..dataset.io import save_dataset
    from ..ingest.importer import read_source

    result = read_source(source, roles=_parse_columns(columns), password=password)
    ds = result.dataset
    save_dataset(ds, output)
    click.echo(f"已导入「{ds.title or source}」：{len(ds.tasks)} 项任务，{len(ds.units)} 个单位 → {output}")
    unowned = [t for t in ds.tasks if not t.all_units()]
    if unowned:
        from ..dataset.model import task_label
        from ..findings import name_tasks

        which = "全部任务" if len(unowned) == len(ds.tasks) else \
            name_tasks([task_label(t.number, t.content) for t in unowned[:10]]) + ("等" if len(unowned) > 10 else "")
        count = f"（共 {len(unowned)} 项）" if len(unowned) > 1 else ""
        click.echo(f"注意：{which}{count}没有写明牵头或责任单位，下发填报表前请在任务总表中补上。")
    if explain:
        click.echo(_explain(result))


def _explain(result) -> str:
    ds, rep = result.dataset, result.report
    if result.kind == "dataset":
        lines = ["识别为：xltools 任务总表（按其中的任务清单、单位名录、文件信息读入，单位名录保持原样）"]
    else:
        header = f" 第 {rep.header_row} 行为表头" if rep.header_row else ""  # numbered items have no header row
        lines = [f"识别为：{rep.shape}，{rep.where}{header}"]
    if rep.reading:
        lines.append(f"采用的读法：{rep.reading}")
        for other in rep.others:
            lines.append(f"  另一种读法：{other}（不如上面的像任务清单）")
    lines.append(f"附件标签：{ds.attachment_label or '（无）'}；标题：{ds.title or '（无）'}")
    from ..dataset.model import ROLE_NAMES_ZH

    guessed = {label.replace(chr(10), " ") for label in rep.guessed}
    for label, role in rep.roles.items():
        meaning = ROLE_NAMES_ZH.get(role) or f"保留的其他列（{role[6:]}）"
        shown = label.replace(chr(10), " ")
        how = "（按内容判断）" if shown in guessed or any(g.startswith("第") and meaning in rep.guessed[g]
                                                      for g in rep.guessed) else ""
        lines.append(f"  列「{shown}」→ {meaning}{how}")
    lines.append(f"任务 {len(ds.tasks)} 项，单位 {len(ds.units)} 个（其中集合单位 "
                 f"{sum(1 for u in ds.units if u.kind == '集合')} 个）")
    for note in rep.notes:
        lines.append(f"  注意：{note}")
    doubtful = [t for t in ds.tasks if t.doubt]
    if doubtful:
        lines.append(f"存疑的任务 {len(doubtful)} 项（请对照原文核对；validate 也会列出）：")
        for t in doubtful:
            where = f"第 {t.number} 项" if t.number else "无序号的一项"
            text = " ".join(t.content.split())  # a task of several lines (a heading and its paragraph) on one line
            lines.append(f"  {where}「{text[:16]}{'…' if len(text) > 16 else ''}」：{t.doubt}")
    else:
        lines.append("没有存疑的任务。")
    return "\n".join(lines)


@click.command("validate")
@click.argument("dataset", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出，供脚本使用。")
@click.option("--accept", "accept", multiple=True, metavar="单位名",
              help="采纳对该单位名的建议（把它记为建议名称的别名），可重复；需同时给出 -o。")
@click.option("--accept-all", is_flag=True, help="采纳全部单位名建议；需同时给出 -o。")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="采纳建议后的数据集写到这里（原文件不变）。")
def validate_cmd(dataset: str, as_json: bool, accept: tuple[str, ...], accept_all: bool,
                 output: str | None) -> None:
    """检查数据集：空内容、重复序号、无单位的任务、可疑单位名（附建议）、待确认的别名、无成员的集合单位。

    退出码：0 表示没有需处理的问题（只剩「提示」也是 0）；1 表示有「问题」需要处理。"""
    from ..dataset.io import load_dataset, save_dataset
    from ..dataset.registry import apply_suggestions
    from ..dataset.validation import validate
    from ..errors import XlError

    ds = load_dataset(dataset)
    if accept or accept_all:
        if not output:
            raise XlError("采纳建议时请用 -o 指定新的数据集文件。", hint="例如：-o 任务总表_已核对.xlsx")
        accepted = apply_suggestions(ds, None if accept_all else list(accept))
        save_dataset(ds, output)
        click.echo(f"已采纳 {len(accepted)} 条建议：" + "；".join(f"{a.name} → {a.suggestion}" for a in accepted)
                   + f" → {output}")
    problems = validate(ds)
    if as_json:
        click.echo(json.dumps([p.to_dict() for p in problems], ensure_ascii=False, indent=2))
    else:
        for p in problems:
            click.echo(p.render())
        needs = sum(1 for p in problems if p.level == "问题")
        click.echo(f"共 {len(problems)} 条：需处理 {needs} 条，提示 {len(problems) - needs} 条。" if problems else "未发现问题。")
    if any(p.level == "问题" for p in problems):  # hints need no action: they do not fail the check
        set_exit_code(1)


COMMANDS = [import_cmd, validate_cmd]
