"""Big parts of a zip deflated ahead of time, on threads of their own, and spliced in at the end.

XlsxWriter deflates every part of a workbook one after the other when it is closed, on the thread
that closes it; for a consolidated workbook most of those bytes are the rows of two or three big
sheets. Those rows are known well before the end (xlsx_bulk.BulkWorksheet.write_block), so a
`Deflating` starts on them at once, while the rest of the workbook is still being built: zlib lets
the GIL go while it works, so it runs on the second core. XlsxWriter then writes a marker where the
rows go, and `splice` copies its zip, every part as it was except the ones with markers, where the
deflated rows are put in between the deflated text around the markers.

A deflate stream may be made of pieces compressed apart (each ended with a sync flush, the last with
a finish), as pigz does; the part's CRC runs over the whole text. The rest of the zip (local
headers, central directory) is copied as XlsxWriter's zipfile wrote it, with the sizes, checksums
and offsets of the parts that changed. A zip of another shape (zip64, a comment, data descriptors)
is rebuilt with zipfile from the inflated parts instead: slower, the same content.
"""

from __future__ import annotations

import io
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Mapping

LEVEL = 6  # zlib's default, as zipfile (and so XlsxWriter) uses
MARKER = re.compile(rb"<!--xltools-piece:(\d+)-->")  # never in XlsxWriter's text, where "<" is "&lt;"
_LIMIT = 0xFFFF_FFFF  # sizes and offsets of a zip without the zip64 extension
_LOCAL, _CENTRAL, _END = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"


def marker(number: int) -> str:
    return f"<!--xltools-piece:{number}-->"


class Deflating:
    """A text being deflated on a thread of its own, as a piece of a deflate stream."""

    def __init__(self, text: str) -> None:
        self.data = text.encode("utf-8")
        self._raw = b""
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="xltools-deflate", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._raw = _deflate(self.data, zlib.Z_SYNC_FLUSH)
        except BaseException as exc:  # re-raised by result(), on the thread that needs the piece
            self._error = exc

    def result(self) -> bytes:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._raw


def splice(source: bytes, pieces: Mapping[int, Deflating]) -> bytes:
    """The zip `source` with each marker replaced by its piece's text; every piece used exactly once."""
    used: list[int] = []
    try:
        out = _splice_raw(source, pieces, used)
    except _OtherShape:
        used.clear()
        out = _rebuild(source, pieces, used)
    if sorted(used) != sorted(pieces):
        raise ValueError(f"pieces placed {sorted(used)}, given {sorted(pieces)}")
    return out


class _OtherShape(Exception):
    """The zip is not laid out as zipfile writes a small archive to a seekable file."""


def _splice_raw(source: bytes, pieces: Mapping[int, Deflating], used: list[int]) -> bytes:
    end = len(source) - 22
    if end < 0 or source[end:end + 4] != _END:  # a zip comment, or not a zip
        raise _OtherShape
    disk, cd_disk, count_here, count, cd_size, cd_offset, comment = struct.unpack_from("<HHHHIIH", source, end + 4)
    if disk or cd_disk or count_here != count or comment or cd_offset + cd_size != end:
        raise _OtherShape
    out = io.BytesIO()
    central: list[bytes] = []
    pos = cd_offset
    for _ in range(count):
        if source[pos:pos + 4] != _CENTRAL:
            raise _OtherShape
        record = bytearray(source[pos:pos + 46])
        flags, method = struct.unpack_from("<HH", record, 8)
        crc, csize, usize, n, m, k = struct.unpack_from("<IIIHHH", record, 16)
        offset = struct.unpack_from("<I", record, 42)[0]
        name = source[pos + 46:pos + 46 + n]
        tail = source[pos + 46:pos + 46 + n + m + k]
        pos += 46 + n + m + k
        if flags & 0x9 or max(csize, usize, offset) == _LIMIT or source[offset:offset + 4] != _LOCAL:
            raise _OtherShape  # encrypted, data descriptor, zip64
        ln, lm = struct.unpack_from("<HH", source, offset + 26)
        local = bytearray(source[offset:offset + 30 + ln + lm])
        raw = source[offset + 30 + ln + lm:offset + 30 + ln + lm + csize]
        if method == zipfile.ZIP_DEFLATED and name.startswith(b"xl/worksheets/"):
            text = zlib.decompress(raw, -15)
            if MARKER.search(text):
                raw, crc, usize = _deflate_around(text, pieces, used)
                csize = len(raw)
                if max(csize, usize) >= _LIMIT:
                    raise _OtherShape
                struct.pack_into("<III", local, 14, crc, csize, usize)
                struct.pack_into("<III", record, 16, crc, csize, usize)
        struct.pack_into("<I", record, 42, out.tell())
        out.write(local)
        out.write(raw)
        central.append(bytes(record) + tail)
    start = out.tell()
    if start >= _LIMIT:
        raise _OtherShape
    directory = b"".join(central)
    out.write(directory)
    out.write(_END + struct.pack("<HHHHIIH", 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()


def _deflate_around(text: bytes, pieces: Mapping[int, Deflating], used: list[int]) -> tuple[bytes, int, int]:
    """The part's deflate stream, CRC and size: the text around the markers deflated here, the
    pieces' deflated bytes in their places."""
    chunks: list[bytes] = []
    crc, size, at = 0, 0, 0
    for found in MARKER.finditer(text):
        piece = _claim(int(found.group(1)), pieces, used)
        before = text[at:found.start()]
        chunks.append(_deflate(before, zlib.Z_SYNC_FLUSH))
        chunks.append(piece.result())
        crc = zlib.crc32(piece.data, zlib.crc32(before, crc))
        size += len(before) + len(piece.data)
        at = found.end()
    rest = text[at:]
    chunks.append(_deflate(rest, zlib.Z_FINISH))
    return b"".join(chunks), zlib.crc32(rest, crc), size + len(rest)


def _deflate(data: bytes, flush: int) -> bytes:
    """`data` as raw deflate, ended with a sync flush (more pieces follow) or a finish (the last)."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(flush)


def _claim(number: int, pieces: Mapping[int, Deflating], used: list[int]) -> Deflating:
    """The piece for marker `number`, taken once."""
    if number not in pieces or number in used:
        raise ValueError(f"marker {number} has no piece, or is there twice")
    used.append(number)
    return pieces[number]


def _rebuild(source: bytes, pieces: Mapping[int, Deflating], used: list[int]) -> bytes:
    """The slow way, for any other zip: every part inflated, the markers replaced, written anew."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/") and MARKER.search(data):
                data = MARKER.sub(lambda m: _text(_claim(int(m.group(1)), pieces, used)), data)
            zout.writestr(info, data, compress_type=info.compress_type)
    return out.getvalue()


def _text(piece: Deflating) -> bytes:
    piece.result()  # a deflate failure is raised here too
    return piece.data
