"""What the clerk reads when something goes wrong: Chinese, with what to do, without the program's English names.

Used by the routes, the background jobs and the templates (the `clerk` filter), so one rule holds everywhere.
"""

from __future__ import annotations

import errno
import re

# An exception's English name in a message from the library: "（XmlError）", "(OSError: …)", "（BadZipFile）".
_EXCEPTION_NAME = re.compile(r"\s*[（(]\s*(?:[A-Za-z_][\w.]*(?:Error|Exception|Warning|Fault)|"
                             r"(?:[a-z_]+\.)*[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)\s*(?:[:：][^）)]*)?[）)]")
_DOUBLED = re.compile(r"([。；！？])。+")


def os_error_text(exc: OSError) -> str:
    """A Chinese reason for a file-system error, without the exception's English name."""
    reasons = {errno.ENAMETOOLONG: "文件名过长", errno.ENOSPC: "磁盘空间不足", errno.EACCES: "没有写入权限",
               errno.EPERM: "没有写入权限", errno.EROFS: "文件夹只读", errno.EBUSY: "文件被占用",
               errno.EINVAL: "文件名不被文件系统接受", errno.EDQUOT: "磁盘配额已满"}
    return reasons.get(exc.errno or 0, "无法写入磁盘（文件可能被其他程序占用）")


def internal_text(exc: BaseException) -> tuple[str, str]:
    """What the clerk reads when something unexpected fails: Chinese, no exception name (that goes to the log)."""
    if isinstance(exc, OSError):
        return (f"读写工作台中的文件时出错：{os_error_text(exc)}。",
                "请关闭在 Excel/WPS 中打开的工作台文件，确认磁盘有空间后重试；仍不行请把命令行窗口中的信息发给维护人员。")
    if isinstance(exc, MemoryError):
        return "内存不足，未能完成。", "请关闭其他程序后重试，或分几次处理。"
    return "程序内部出错，未能完成。", "请把启动 xltools serve 的命令行窗口中的信息发给维护人员。"


def clerk_text(text: object) -> str:
    """A message as the clerk should read it: no English exception names, no doubled punctuation (「。。」)."""
    out = _EXCEPTION_NAME.sub("", str(text or ""))
    return _DOUBLED.sub(r"\1", out)
