"""Reading the clerk-editable settings files in templates/ (TOML) into frozen dataclasses.

One loader for every settings file: the shipped xltools/data/templates/<name> (`xltools templates` gives the
clerk a copy to edit), unknown keys refused, every value checked against the type
of the dataclass field (text, a non-empty list of texts, or a positive number), errors naming the file and the key.
A copy saved by Notepad or WPS is read whatever encoding they chose (`read_settings_text`).
"""

from __future__ import annotations

import tomllib
from dataclasses import fields
from pathlib import Path
from typing import TypeVar

from ..errors import XlError

T = TypeVar("T")


def read_settings_text(path: Path) -> str:
    """A settings file as text: UTF-8 with or without the BOM that older Notepad writes, UTF-16 with a BOM
    (Notepad's 「Unicode」), else GB18030 (Notepad's 「ANSI」 on a Chinese Windows). TOML itself
    allows neither a BOM nor GBK, so without this a file the clerk only re-saved would be refused."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def load_settings(cls: type[T], path: str | Path | None, default_name: str, what: str) -> T:
    """`cls` with the values of the TOML file `path` (default: templates/<default_name>)."""
    if path is None:
        from ..data import template_path

        path = template_path(default_name)
    path = Path(path)
    try:
        data = tomllib.loads(read_settings_text(path))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise XlError(f"{what}无法读取（{exc}）。", file=path.name,
                      hint=f"请检查 TOML 语法，可对照自带的 {default_name}（xltools templates 复制一份出来）。") from exc
    known = {f.name: f for f in fields(cls)}
    values = {}
    for key, value in data.items():
        if key not in known:
            raise XlError(f"{what}中有未知的设置「{key}」。", file=path.name, hint=f"可用：{'、'.join(known)}")
        default = getattr(cls(), key)
        if isinstance(default, tuple):
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                raise XlError(f"{what}中「{key}」应为非空的文字列表。", file=path.name,
                              hint=f"例如 {key} = {list(default)!r}".replace("'", '"'))
            value = tuple(value)
        elif isinstance(default, int | float):
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise XlError(f"{what}中「{key}」应为正数。", file=path.name, hint=f"例如 {key} = {default}")
            value = type(default)(value)
        elif not isinstance(value, str):
            raise XlError(f"{what}中「{key}」应为文字。", file=path.name)
        values[key] = value
    return cls(**values)
