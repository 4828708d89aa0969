"""The kinds of file the tool meets, in one table: what each is called in Chinese, the suffixes it goes by,
and whether it can hold a task list to import or a returned tracker to merge. The importer, the merge, the
CLI and the page take their names and suffix lists from here; `sniff` tells a file's kind from its content.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name_zh: str
    suffixes: tuple[str, ...] = ()
    task_list: bool = False  # a task list can be imported from it
    tracker: bool = False  # a returned tracker can be read from it


KINDS: dict[str, Kind] = {
    "docx": Kind("Word 文档（.docx）", (".docx",), task_list=True),
    "xlsx": Kind("Excel 工作簿", (".xlsx", ".xltx"), task_list=True, tracker=True),
    "xlsm": Kind("Excel 工作簿（含宏，宏不会运行）", (".xlsm",), task_list=True, tracker=True),
    "xls": Kind("Excel 97-2003 工作簿（.xls）", (".xls",), task_list=True, tracker=True),
    "et": Kind("WPS 表格（.et）", (".et",), task_list=True, tracker=True),
    "ods": Kind("OpenDocument 表格（.ods）", (".ods",), task_list=True, tracker=True),
    "csv": Kind("CSV 文本", (".csv", ".tsv"), task_list=True, tracker=True),
    "text": Kind("粘贴文本", (".txt",), task_list=True),
    "html": Kind("网页", (".html", ".htm"), task_list=True),
    "mhtml": Kind("网页（.mhtml）", (".mhtml", ".mht"), task_list=True),
    "pdf": Kind("PDF", (".pdf",), task_list=True),
    "doc": Kind("Word 97-2003 文档（.doc）", (".doc",), task_list=True),
    "wps": Kind("WPS 文字（.wps）", (".wps",), task_list=True),
    "odt": Kind("OpenDocument 文档", (".odt",), task_list=True),
    "rtf": Kind("RTF 文档", (".rtf",), task_list=True),
    "pptx": Kind("演示文稿", (".pptx",)),
    "image": Kind("图片", (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")),
    "zip": Kind("压缩包", (".zip",)),
    "zip-broken": Kind("损坏的文件"),
    "ole-encrypted": Kind("加密文件"),
    "ole": Kind("无法识别的旧版 Office 文件"),
    "binary": Kind("无法识别的文件"),
    "empty": Kind("空文件（0 字节）"),
}


def kind_zh(kind: str) -> str:
    """The Chinese name of a kind (the kind itself when it is not in the table)."""
    return KINDS[kind].name_zh if kind in KINDS else kind


def suffixes(*, task_list: bool = False, tracker: bool = False) -> frozenset[str]:
    """The suffixes of the kinds that can hold a task list (task_list) or a tracker (tracker)."""
    return frozenset(s for k in KINDS.values() if (task_list and k.task_list) or (tracker and k.tracker)
                     for s in k.suffixes)


TASK_LIST_SUFFIXES = suffixes(task_list=True)
TRACKER_SUFFIXES = suffixes(tracker=True)
# What a returns folder may hold that the merge should look at: trackers, and documents a unit sent instead
# (each is then listed with the reason it was not merged).
OFFICE_SUFFIXES = TRACKER_SUFFIXES | frozenset({".docx", ".doc", ".pdf", ".wps"})
