"""What a file really is, from its first bytes and (for zips) its part names, not its extension.

Kinds: empty, docx, xlsx, xlsm, pptx, ods, odt, zip (other), ole-encrypted (a password-protected
OOXML file: an OLE container with an EncryptedPackage stream), xls, doc, wps, et, ole (other),
pdf, html, mhtml, rtf, image, text, binary.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")


def sniff(path: str | Path, *, open_zip: bool = True, head: bytes | None = None) -> str:
    """The file's kind; with open_zip=False a zip is only "zip" (the caller opens it once, see
    safety.check_office_zip, which says what kind of zip it is). `head`: the file's first bytes
    when the caller has read them already (at least 8 KiB, or the whole file)."""
    path = Path(path)
    if head is None:
        with path.open("rb") as fh:
            head = fh.read(8192)
    head = head[:8192]
    if not head:
        return "empty"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path) if open_zip else "zip"
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(path)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if any(head.startswith(m) for m in _IMAGE_MAGICS):
        return "image"
    return _sniff_text(head)


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            return zip_kind(zf)
    except (zipfile.BadZipFile, OSError, KeyError):
        return "zip-broken"


def zip_kind(zf: zipfile.ZipFile) -> str:
    """What an opened zip is, by its part names (and an OpenDocument's mimetype part)."""
    names = set(zf.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    mimetype = zf.read("mimetype").decode("ascii", "ignore") if "mimetype" in names else ""
    if "spreadsheet" in mimetype:
        return "ods"
    if "text" in mimetype and "opendocument" in mimetype:
        return "odt"
    return "zip"


def _sniff_ole(path: Path) -> str:
    data = path.read_bytes()[:4_000_000]
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "ole-encrypted"
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data or "Book\x00".encode("utf-16-le") in data:
        return "xls"
    if "WpsDocument".encode("utf-16-le") in data or b"WPS" in data[:2048]:
        return "wps"
    return "ole"


# A piece of a page's markup saved as text (an article's body copied from the page source): it opens with a block
# tag and closes several.
_MARKUP = re.compile(rb"^\s*<(p|div|span|section|article|ul|ol|li|h[1-6]|br|font|strong|center)\b[^>]*>"
                     rb"(?=(?:.*?</(?:p|div|li|h[1-6]|span)\s*>){3})", re.DOTALL)


def _sniff_text(head: bytes) -> str:
    sample = head[:4096]
    lower = sample.lower()
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its BOM (a page Word or IE saved as 「Unicode」)
        lower = sample[:len(sample) // 2 * 2].decode("utf-16", errors="ignore").lower().encode("utf-8")
    if lower.lstrip().startswith(b"mime-version") or b"multipart/related" in lower[:2000]:
        return "mhtml"
    if b"<html" in lower or b"<!doctype html" in lower or b"<table" in lower or _MARKUP.match(lower):
        return "html"
    for enc in ("utf-8", "gb18030", "utf-16"):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            # a multi-byte character cut at the end of the sample is fine
            try:
                text = sample[:-3].decode(enc)
            except UnicodeDecodeError:
                continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
        if controls <= len(text) // 100:
            return "text"
    return "binary"
