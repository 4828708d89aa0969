"""Readers: each turns one kind of file into `Grid`s; `read_any` dispatches on what the file really is."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ...errors import XlError
from .grid import Grid

_REFUSE = {
    "empty": ("文件是空的（0 字节）。", "请确认文件已完整保存或下载。"),
    "binary": ("无法识别的文件类型（不是 Word、Excel 或文本）。", "请另存为 .docx、.xlsx 或复制表格文字到 .txt 后再导入。"),
    "image": ("这是一张图片，无法读取文字。", "请使用原始的 Word/Excel 文件，或把文字复制到 .txt 后再导入。"),
    "zip-broken": ("文件已损坏（不是完整的 Office 文件）。", "文件可能没有下载完整；请重新获取，或在办公软件中打开后另存。"),
    "zip": ("这是一个压缩包，不是 Word/Excel 文件。", "请解压后导入其中的清单文件。"),
    "pptx": ("这是演示文稿（.pptx），其中的表格无法导入。", "请把表格复制到 Word 或 Excel 中另存后再导入。"),
    "ole": ("无法识别的旧版 Office 文件。", "请在 WPS/Office 中打开并另存为 .docx 或 .xlsx 后再导入。"),
}


def read_any(path: str | Path, kind: str | None = None) -> tuple[str, list[Grid]]:
    """(kind, grids) for a document or sheet; pasted text is the importer's own (returns "text", []).

    `kind`: what `sniff` already said of the file, so it is not looked at twice."""
    path = Path(path)
    if kind is None:
        from ...infra.sniff import sniff

        kind = sniff(path)
    if kind == "ole-encrypted":  # the importer decrypts first when given a password
        from ...infra.decrypt import no_password

        raise no_password(path)
    if kind in _REFUSE:
        message, hint = _REFUSE[kind]
        raise XlError(message, file=path.name, hint=hint)
    if kind == "text":
        if path.suffix.lower() not in (".csv", ".tsv"):
            return "text", []
        kind = "csv"
    reader = READERS.get(kind)
    if reader is None:
        raise XlError(f"暂不支持导入此类文件（{kind}）。", file=path.name,
                      hint="请另存为 .docx 或 .xlsx，或复制表格文字粘贴到 .txt 文件后导入。")
    return kind, reader(path)


# -- one reader per kind: path → grids (each imports its library only when used) ----------------------
def _docx(path: Path) -> list[Grid]:
    from .docx import read_docx

    return read_docx(path)  # no table: the importer reads the paragraphs as text


def _workbook(path: Path) -> list[Grid]:
    """An .xlsx/.xlsm/.ods: its zip checked for bombs and entity declarations before it is parsed."""
    from ...infra.safety import check_office_zip

    check_office_zip(path)
    return _xls(path)


def _xls(path: Path) -> list[Grid]:
    from .sheet import read_workbook

    return read_workbook(path)


def _csv(path: Path) -> list[Grid]:
    from .sheet import read_csv

    return read_csv(path)


def _html(path: Path) -> list[Grid]:
    from .html import read_html

    return read_html(path)[0]


def _pdf(path: Path) -> list[Grid]:
    from .pdf import read_pdf

    return read_pdf(path)


def _via_docx(path: Path) -> list[Grid]:
    return _converted(path, "docx")


def _via_xlsx(path: Path) -> list[Grid]:
    return _converted(path, "xlsx")


# Kinds only LibreOffice opens, and the kind they are converted to before they are read.
CONVERTED = {"doc": "docx", "wps": "docx", "rtf": "docx", "odt": "docx", "et": "xlsx"}

# Adding a kind of source: its reader above, one line here, its name and suffixes in infra/kinds.py.
READERS: dict[str, Callable[[Path], list[Grid]]] = {
    "docx": _docx, "xlsx": _workbook, "xlsm": _workbook, "ods": _workbook, "xls": _xls, "csv": _csv,
    "html": _html, "mhtml": _html, "pdf": _pdf,
    **{kind: _via_docx if target == "docx" else _via_xlsx for kind, target in CONVERTED.items()},
}


def _converted(path: Path, target: str) -> list[Grid]:
    """A file only LibreOffice opens (.doc, .wps, .et …), converted to `target` (docx or xlsx) and read."""
    with converted(path, target) as out:
        _kind, grids = read_any(out)
        return grids


@contextmanager
def converted(path: Path, target: str) -> Iterator[Path]:
    """A copy of `path` converted by LibreOffice to `target` (docx or xlsx), in a temporary folder removed after
    use; the source is only read."""
    import tempfile

    from ...infra.office import convert

    with tempfile.TemporaryDirectory(prefix="xltools-conv-") as tmp:
        yield convert(path, target, tmp, timeout=120)
