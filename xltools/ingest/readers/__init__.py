"""Readers: each turns one kind of file into `Grid`s; `read_any` dispatches on what the file really is."""

from __future__ import annotations

from pathlib import Path

from ...errors import XlError
from .grid import Grid

_CONVERT_TO_DOCX = {"doc", "wps", "rtf", "odt"}
_REFUSE = {
    "empty": ("文件是空的（0 字节）。", "请确认文件已完整保存或下载。"),
    "binary": ("无法识别的文件类型（不是 Word、Excel 或文本）。", "请另存为 .docx、.xlsx 或复制表格文字到 .txt 后再导入。"),
    "image": ("这是一张图片，无法读取文字。", "请使用原始的 Word/Excel 文件，或把文字复制到 .txt 后再导入。"),
    "zip-broken": ("文件已损坏（不是完整的 Office 文件）。", "文件可能没有下载完整；请重新获取，或在办公软件中打开后另存。"),
    "zip": ("这是一个压缩包，不是 Word/Excel 文件。", "请解压后导入其中的清单文件。"),
    "pptx": ("这是演示文稿（.pptx），其中的表格无法导入。", "请把表格复制到 Word 或 Excel 中另存后再导入。"),
    "ole": ("无法识别的旧版 Office 文件。", "请在 WPS/Office 中打开并另存为 .docx 或 .xlsx 后再导入。"),
}


def read_any(path: str | Path) -> tuple[str, list[Grid]]:
    """(kind, grids) for a document or sheet; pasted text is the importer's own (returns "text", [])."""
    from ...infra.sniff import sniff

    path = Path(path)
    kind = sniff(path)
    if kind == "ole-encrypted":  # the importer decrypts first when given a password
        from ...infra.decrypt import no_password

        raise no_password(path)
    if kind in _REFUSE:
        message, hint = _REFUSE[kind]
        raise XlError(message, file=path.name, hint=hint)
    if kind == "text":
        if path.suffix.lower() in (".csv", ".tsv"):
            from .sheet import read_csv

            return "csv", read_csv(path)
        return "text", []
    if kind == "docx":
        from .docx import read_docx

        return kind, read_docx(path)  # no table: the importer reads the paragraphs as text
    if kind in ("xlsx", "xlsm", "xls", "ods"):
        from ...infra.safety import check_office_zip
        from .sheet import read_workbook

        if kind != "xls":
            check_office_zip(path)
        return kind, read_workbook(path)
    if kind in ("html", "mhtml"):
        from .html import read_html

        return kind, read_html(path)[0]
    if kind == "pdf":
        from .pdf import read_pdf

        return kind, read_pdf(path)
    if kind in _CONVERT_TO_DOCX or kind == "et":
        return kind, _converted(path, kind)
    raise XlError(f"暂不支持导入此类文件（{kind}）。", file=path.name,
                  hint="请另存为 .docx 或 .xlsx，或复制表格文字粘贴到 .txt 文件后导入。")


def _converted(path: Path, kind: str) -> list[Grid]:
    import tempfile

    from ...infra.office import convert

    with tempfile.TemporaryDirectory(prefix="xltools-conv-") as tmp:
        target = "xlsx" if kind == "et" else "docx"
        out = convert(path, target, tmp, timeout=120)
        _kind, grids = read_any(out)
        return grids
