"""Import a task list from what the clerk has: a document, a sheet, or pasted text.

The file's kind is found from its content (`sniff`), never from its extension alone; each kind has
one reader producing `Grid`s; `table.build_dataset` turns the first grid with a task-list header into
the dataset. `read_source` also returns what was understood, for `--explain`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..dataset.model import Dataset
from ..errors import XlError
from .readers.grid import Grid
from .table import BuildReport, build_dataset, is_header_row

SHAPE_ZH = {
    "text": "粘贴文本", "docx": "Word 文档（.docx）", "xlsx": "Excel 工作簿", "xlsm": "Excel 工作簿（含宏，宏不会运行）",
    "xls": "Excel 97-2003 工作簿（.xls）", "ods": "OpenDocument 表格（.ods）", "csv": "CSV 文本", "html": "网页",
    "mhtml": "网页（.mhtml）", "pdf": "PDF", "doc": "Word 97-2003 文档（.doc）", "odt": "OpenDocument 文档",
    "rtf": "RTF 文档",
}


@dataclass
class ImportResult:
    """An imported dataset, the kind of source it came from, and how its table was built."""

    dataset: Dataset
    kind: str
    report: BuildReport = field(default_factory=BuildReport)


def import_source(path: str | Path, **options) -> Dataset:
    return read_source(path, **options).dataset


def import_text(text: str, *, source: str = "粘贴文本", roles: dict[str, str] | None = None) -> Dataset:
    return _from_grids(_text_grids(text), "text", source, roles).dataset


def read_source(path: str | Path, *, roles: dict[str, str] | None = None,
                password: str | None = None) -> ImportResult:
    """Import `path`, returning the dataset with the kind and what the builder understood.

    An encrypted .docx/.xlsx is read from a decrypted temporary copy when `password` opens it.
    """
    path = Path(path)
    if not path.exists():
        raise XlError("找不到要导入的文件。", file=str(path), hint="请检查文件路径是否正确。")
    if path.is_dir():
        raise XlError("这是一个文件夹，不是任务清单文件。", file=str(path), hint="请指定其中的 .docx/.xlsx/.txt 文件。")
    from ..infra.sniff import sniff

    kind = sniff(path)
    if kind == "ole-encrypted":
        from ..infra.decrypt import decrypted

        with decrypted(path, [password] if password else []) as plain:
            result = read_source(plain, roles=roles)
        result.dataset.source = path.name
        return result
    if kind in ("xlsx", "xlsm"):
        from ..dataset.store_xlsx import is_dataset_workbook, load_xlsx

        if is_dataset_workbook(path):  # our own 任务总表, perhaps edited by the clerk: read it as one
            return ImportResult(load_xlsx(path), "dataset")
    if kind == "text" and path.suffix.lower() in (".csv", ".tsv"):
        kind = "csv"
    if kind == "text":
        from .readers.text import decode_text

        grids = _text_grids(decode_text(path.read_bytes()))
        if not grids or not any(is_header_row(r) for g in grids for r in g.rows):
            raise XlError("文本中没有找到任务清单（既没有带表头的表格，也没有注明牵头/责任单位的编号条目）。",
                          file=path.name,
                          hint="请从 Word 中复制整个表格后粘贴，或直接导入 .docx/.xlsx 文件；条目形式请在每条后注明"
                               "「（牵头单位：…；责任单位：…）」。")
    else:
        grids = _document_grids(path, kind)
        if not any(is_header_row(r) for g in grids for r in g.rows) and kind in ("html", "mhtml", "pdf", "docx"):
            grids = _text_grids(_page_text(path, kind))  # the list is written as text, not a table
    return _from_grids(grids, kind, path.name, roles)


def _page_text(path: Path, kind: str) -> str:
    if kind == "pdf":
        from .readers.pdf import pdf_text

        return pdf_text(path)
    if kind == "docx":
        from .readers.docx import docx_text

        return docx_text(path)
    from .readers.html import read_html

    return "\n".join(read_html(path)[1])


def _text_grids(text: str) -> list[Grid]:
    """A table (tab-led, tab-separated, |-separated, one cell per line), else numbered items."""
    from .readers.items import looks_like_items, read_items
    from .readers.text import read_text

    grids = read_text(text, is_header=is_header_row)
    if not any(is_header_row(row) for g in grids for row in g.rows) and looks_like_items(text):
        return read_items(text)
    return grids


def _document_grids(path: Path, kind: str) -> list[Grid]:
    try:
        from .readers import read_any
    except ImportError:  # readers for documents not installed in this build
        read_any = None
    if read_any is None:
        raise XlError(f"暂不支持导入此类文件（{kind}）。", file=path.name,
                      hint="请另存为 .docx 或 .xlsx，或复制表格文字粘贴到 .txt 文件后导入。")
    kind_read, grids = read_any(path)
    return grids


def _from_grids(grids: list[Grid], kind: str, source: str, roles: dict[str, str] | None) -> ImportResult:
    report = BuildReport(shape=SHAPE_ZH.get(kind, kind))
    candidates = [g for g in grids if any(is_header_row(r) for r in g.rows)]
    if not candidates:
        raise XlError("文件中没有找到任务清单表格（缺少「序号」「工作任务」「责任单位」等表头）。", file=source,
                      hint="请确认附件表格在文件中；若表头名称特殊，可用 --column 指定列的含义。")
    best = max(candidates, key=lambda g: len(g.rows))
    ds = build_dataset(best, source=source, roles=roles, report=report)
    if not ds.tasks:
        raise XlError("找到了表头，但表格中没有任务行。", file=source, hint="请检查表格内容是否完整。")
    return ImportResult(ds, kind, report)
