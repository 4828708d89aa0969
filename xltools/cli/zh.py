"""Chinese for click's own words: one catalogue and one place that puts it in.

click writes its words (「Usage:」, 「Options」, 「Show this message and exit.」, 「Missing option」,
「Try 'xltools merge --help' for help.」 …) through gettext: each of its modules does
`from gettext import gettext as _` (and `ngettext`) and calls it at the moment it writes. `install()`
points those names at `MESSAGES` below, once, when the `xltools` command line is imported, so every
command, present and future, speaks Chinese without any command doing anything. It is a
gettext catalogue in a Python dict rather than a compiled .mo file because gettext picks a .mo by
the LANG/LANGUAGE environment variables, which office PCs (Windows especially) do not set.

The words click builds outside gettext are set here too: `[OPTIONS]` and `COMMAND [ARGS]...` in the
usage line (`apply_placeholders`), the upper-case English placeholders it derives from a value's type
(TEXT, FILE, DIRECTORY, INTEGER) and the names of its number types that its messages quote.
Placeholders say what to write, always with the same words: 文件, 文件夹, 季度, 日期 … (`PLACEHOLDERS`).
The help pages measure text in terminal columns, a Chinese character taking two (`columns`), and
wrap Chinese between characters (`wrap_text`), so the option list stays aligned and no line is wider
than the console.

`render_error` writes a usage error (missing or bad option, unknown option or command) the way the
rest of xltools writes errors: 「错误：……」 and what to do, naming the option by what the clerk types.
"""

from __future__ import annotations

import re
import sys
import unicodedata

import click

# click's message id → the Chinese. Placeholders keep click's names; a conversion such as {name!r}
# may be dropped (the Chinese quotes with 「」 where click quotes with repr). Words only a developer
# can meet (a command defined wrongly, shell completion) are left in English on purpose.
MESSAGES: dict[str, str] = {
    # help pages
    "Usage:": "用法:",  # click adds a space after it and a colon after section names: 「选项:」
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本说明并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
    "required": "必填",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（随情况而定）",
    "deprecated": "已停用",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    # errors
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "查看说明：{command} {option}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "Invalid value: {message}": "值不对：{message}",
    "No such option {name!r}.": "没有选项 {name}。",
    "No such command {name!r}.": "没有命令 {name}。",
    "Option {name!r} does not take a value.": "选项 {name} 后面不写值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name} 要写 {nargs} 个值。",
    "Invalid start character for option ({option})": "选项的开头不对（{option}）",
    "Aborted!": "已取消。",
    "unknown error": "未知错误",
    "Could not open file {filename!r}: {message}": "无法打开文件「{filename}」：{message}",
    "Value must be an iterable.": "这里要写一组值。",
    # values
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid {number_type}.": "「{value}」不是有效的{number_type}。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "「{value}」不是有效的是/否，可写：{states}",
    "{value!r} is not a valid UUID.": "「{value}」不是有效的 UUID。",
    "file": "文件",
    "directory": "文件夹",
    "path": "文件或文件夹",
    "{name} {filename!r} does not exist.": "{name}「{filename}」不存在。",
    "{name} {filename!r} is a file.": "「{filename}」是文件，这里要写文件夹。",
    "{name} {filename!r} is a directory.": "「{filename}」是文件夹，这里要写文件。",
    "{name} {filename!r} is not readable.": "{name}「{filename}」无法读取（没有读取权限）。",
    "{name} {filename!r} is not writable.": "{name}「{filename}」无法写入（没有写入权限）。",
    "{name} {filename!r} is not executable.": "{name}「{filename}」不能运行。",
    # prompts (no command asks today; here so one never answers in English)
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不询问，直接确认。",
    "Repeat for confirmation": "再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入的不一致。",
    "Error: invalid input": "错误：输入无效",
    "Press any key to continue...": "按任意键继续……",
    "Windows error: {error}": "Windows 错误：{error}",
}

# ngettext: click's singular id → (Chinese for one, Chinese for several).
PLURALS: dict[str, tuple[str, str]] = {
    "Did you mean {possibility}?": ("是不是要写 {possibility}？", "（是不是要写其中之一：{possibilities}？）"),
    "Got unexpected extra argument ({args})": ("多余的参数：{args}", "多余的参数：{args}"),
    "Option {name!r} requires an argument.": ("选项 {name} 后面要写一个值。", "选项 {name} 后面要写 {nargs} 个值。"),
    "Takes {nargs} values but 1 was given.": ("要写 {nargs} 个值，只写了 1 个。", "要写 {nargs} 个值，写了 {len} 个。"),
    "{value!r} is not {choice}.": ("「{value}」不是可选的值：{choice}。", "「{value}」不是可选的值：{choices}。"),
    "{value!r} does not match the format {format}.": ("「{value}」不符合格式 {format}。", "「{value}」不符合格式 {formats}。"),
    "{len_type} values are required, but {len_value} was given.": (
        "要写 {len_type} 个值，写了 {len_value} 个。", "要写 {len_type} 个值，写了 {len_value} 个。"),
}

# What to write for a value, by the parameter's name; the same words in every command. A parameter
# given its own metavar keeps it; one not listed gets a word from its type (`_by_type`).
PLACEHOLDERS: dict[str, str] = {
    "source": "清单文件", "dataset": "数据集文件", "docx_file": "Word文件", "consolidated": "汇总表文件",
    "inputs": "文件或文件夹", "folder": "工作台文件夹", "outdir": "文件夹", "output": "文件",
    "quarter": "季度", "deadline": "日期", "previous": "文件", "issued": "文件夹", "unit": "单位名",
    "units": "单位名", "password": "密码", "passwords": "密码", "template": "文件", "limits": "文件",
    "report_path": "文件", "seeds_dir": "文件夹", "port": "端口", "number": "序号", "label": "文字",
    "title": "文字",
}
OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]..."
# click quotes these type names in its messages (「… 不是有效的整数」).
TYPE_NAMES = {click.types.IntParamType: "整数", click.types.IntRange: "整数", click.types.FloatParamType: "数字",
              click.types.FloatRange: "数字", click.types.BoolParamType: "是/否"}

_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils",
                  "_termui_impl", "_winconsole", "shell_completion")


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    pair = PLURALS.get(singular)
    if pair is None:
        return singular if n == 1 else plural
    return pair[0] if n == 1 else pair[1]


def install() -> None:
    """Make click write Chinese: its modules' gettext names point at this catalogue."""
    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    for cls, word in TYPE_NAMES.items():
        cls.name = word
    click.formatting.term_len = columns
    click.formatting.wrap_text = wrap_text


def columns(text: str) -> int:
    """Terminal columns `text` takes: two for a wide (Chinese) character, as consoles draw them."""
    text = click._compat.strip_ansi(text)
    return len(text) + sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")


# A run of narrow characters (a word, --dataset, 2026Q1, .xlsx) is never broken; a wide character
# may end a line anywhere, except that closing punctuation never starts a line and opening
# punctuation never ends one (避头尾). Punctuation counts as such when it stands alone as a token.
_TOKENS = re.compile(r"\s+|[\u0021-\u10ff]+|\S")
_NO_LINE_START = set("，。、；：？！）」』》〉】”’…%,.;:?!)]}")
_NO_LINE_END = set("（「『《〈【“‘([{")


def wrap_text(text: str, width: int = 78, initial_indent: str = "", subsequent_indent: str = "",
              preserve_paragraphs: bool = False) -> str:
    """click's wrap_text, measuring in terminal columns and breaking Chinese between characters.

    Paragraphs (split by empty lines) keep their indent; lines of a paragraph are joined with a space,
    or with nothing between two Chinese characters; a paragraph after a line holding only \\b is
    kept as written, as in click."""
    text = text.expandtabs()
    if not preserve_paragraphs:
        return _fill(text, width, initial_indent, subsequent_indent)
    out = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = block.splitlines()
        indent = " " * (len(lines[0]) - len(lines[0].lstrip()))
        if lines[0].strip() == "\b":
            out.append("\n".join(initial_indent + indent + line.strip() for line in lines[1:]))
            continue
        joined = ""
        for line in (line.strip() for line in lines):
            wide = joined and columns(joined[-1]) == 2 and columns(line[:1]) == 2
            joined += line if not joined or wide else " " + line
        out.append(_fill(joined, width, initial_indent + indent, subsequent_indent + indent))
    return "\n\n".join(out)


def _fill(text: str, width: int, first: str, rest: str) -> str:
    lines: list[str] = []
    current: list[str] = []
    indent = first
    for token in _TOKENS.findall(text):
        if token.isspace():
            if current:
                current.append(token.replace("\n", " "))
            continue
        if current and columns(indent + "".join(current) + token) > width:
            if token in _NO_LINE_START and sum(1 for t in current if t.strip() and t not in _NO_LINE_END) <= 1:
                current.append(token)  # a word longer than the line already overflows: its punctuation stays on it
                continue
            carry = _carry(current, token)
            lines.append(indent + "".join(current).rstrip())
            while carry and carry[0].isspace():
                carry.pop(0)
            current, indent = carry, rest
        current.append(token)
    lines.append(indent + "".join(current).rstrip())
    return "\n".join(lines)


def _carry(current: list[str], token: str) -> list[str]:
    """The end of a full line that goes down to the next: the character before closing punctuation,
    opening punctuation. Nothing when the line would keep no ordinary character (a run of
    punctuation longer than a line is broken anywhere)."""
    kept = list(current)
    carry: list[str] = []
    if token in _NO_LINE_START:
        while len(kept) > 1:
            carry.insert(0, kept.pop())
            if not carry[0].isspace() and carry[0] not in _NO_LINE_START:
                break
    while len(kept) > 1 and (kept[-1].isspace() or kept[-1] in _NO_LINE_END):
        carry.insert(0, kept.pop())
    if not any(t.strip() and t not in _NO_LINE_START and t not in _NO_LINE_END for t in kept):
        return []
    del current[len(kept):]
    return carry


def apply_placeholders(command: click.Command) -> None:
    """Chinese placeholders in `command`'s usage line and option list (its own metavars win)."""
    command.options_metavar = OPTIONS_METAVAR
    if isinstance(command, click.Group):
        command.subcommand_metavar = SUBCOMMAND_METAVAR
    for param in command.params:
        if isinstance(param.type, click.Path):
            param.type.name = _by_type(param.type)
        if param.metavar is not None or getattr(param, "is_flag", False) or isinstance(param.type, click.Choice):
            continue
        word = PLACEHOLDERS.get(param.name or "") or _by_type(param.type)
        if isinstance(param, click.Argument):
            word = word if param.required else f"[{word}]"
            word += "..." if param.nargs != 1 else ""
        param.metavar = word


def _by_type(kind: click.ParamType) -> str:
    if isinstance(kind, click.Path):
        return "文件" if not kind.dir_okay else "文件夹" if not kind.file_okay else "文件或文件夹"
    if isinstance(kind, click.types.IntParamType | click.types.FloatParamType):
        return "数字"
    return "文字"


def render_error(exc: click.ClickException, command_path: str = "xltools") -> str:
    """A click error as xltools writes errors: the usage line, 「错误：…」, where to read more.

    `command_path` names the command when click raised without its context (an option given
    without its value)."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError":  # `xltools` alone: its help, not an error (click ≥ 8.2)
        return exc.format_message()
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        command_path = ctx.command_path
    lines.append(f"错误：{_message(exc)}")
    lines.append(f"处理办法：查看这条命令的说明 {command_path} --help")
    return "\n".join(lines)


def _message(exc: click.ClickException) -> str:
    param = getattr(exc, "param", None)
    if isinstance(exc, click.MissingParameter) and param is not None:
        if isinstance(param, click.Option):
            what = f"缺少选项 {' / '.join(param.opts)}（{param.metavar or '开关'}）"
            return f"{what}：{param.help}" if param.help else f"{what}。"
        return f"缺少{(param.metavar or param.name or '').strip('[].')}。"
    if isinstance(exc, click.BadParameter) and not isinstance(exc, click.MissingParameter) and param is not None:
        where = " / ".join(param.opts) if isinstance(param, click.Option) else f"「{param.metavar}」"
        return f"{where} 的值不对：{exc.message}"
    return exc.format_message()
