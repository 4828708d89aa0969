"""Errors the clerk sees: one Chinese message naming where the problem is and what to do.

Library code raises `XlError`; the CLI turns it into one message and exit code 2 in one place
(`xltools.cli.main`). Nothing else in the package prints errors.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class XlError(Exception):
    """A problem the user can act on.

    `message` says what is wrong, `hint` what to do; `file`, `sheet`, `row`, `column` say where.
    """

    message: str
    hint: str = ""
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""
    exit_code: int = 2

    def __str__(self) -> str:
        return self.render()

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(f"文件「{self.file}」")
        if self.sheet:
            parts.append(f"工作表「{self.sheet}」")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"「{self.column}」列")
        return "，".join(parts)

    def render(self) -> str:
        where = self.where()
        text = f"{where}：{self.message}" if where else self.message
        if self.hint:
            text += f"\n处理办法：{self.hint}"
        return text
