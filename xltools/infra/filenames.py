"""File names the tool makes from what people typed (unit names), valid on Windows and Linux alike.

The rules, from what Windows and the common file systems refuse (NTFS, FAT32, ext4):
1. No `< > : " / \\ | ? *` and no control characters: each becomes 「_」 (Chinese is kept).
2. No name ending in a dot or a space (Windows drops them silently, so two names would collide or a
   file would not open); none made of dots alone.
3. No device name as the part before the first dot: CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9 (also
   with the superscript digits ¹ ² ³) and CONIN$/CONOUT$, in any case and with trailing spaces
   (「con.xlsx」 and 「NUL .txt」 are devices too): such a part gets a leading 「_」.
4. At most 255 bytes in UTF-8 (ext4; NTFS counts 255 UTF-16 units, never more than the UTF-8
   bytes for Chinese): the variable part is shortened, at a character, to leave `RESERVE_BYTES` for
   the 「_2」 that tells two same-named units apart and for the temporary copy written beside it.
5. Two names that Windows would take for one (differing only in case) are the same name: `unique`.

`safe_name(before, part, after)` builds a whole name whose fixed words (quarter, 「_任务进展填报表
.xlsx」) are kept and whose variable part (the unit) is cleaned and shortened.
"""

from __future__ import annotations

import re

MAX_BYTES = 255
RESERVE_BYTES = 15  # room for 「_99」 and a temporary name's extra characters
PART_CHARS = 80  # a unit part longer than this is cut: names stay readable in a file list
_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_DEVICES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            *(f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³"))}


def is_device(name: str) -> bool:
    """Whether Windows reads `name` as a device (CON, NUL, COM1 …), whatever follows the first dot."""
    return name.split(".")[0].rstrip(" ").upper() in _DEVICES


def safe_part(text: str, limit: int = PART_CHARS) -> str:
    """`text` as one part of a file name: rules 1–3, at most `limit` characters, never empty."""
    cleaned = _BAD.sub("_", text).strip()[:limit].rstrip(". ")
    if not cleaned:
        return "_"
    return f"_{cleaned}" if is_device(cleaned) else cleaned


def safe_name(before: str, part: str, after: str = "", *, max_bytes: int = MAX_BYTES - RESERVE_BYTES,
              limit: int = PART_CHARS) -> str:
    """`before` + the cleaned `part` + `after`, shortened in `part` to `max_bytes` of UTF-8 (rules 1–4).

    `before` and `after` are the tool's own words (quarter, 「_任务进展填报表.xlsx」) and are kept."""
    fixed = len(before.encode("utf-8")) + len(after.encode("utf-8"))
    cleaned = safe_part(part, limit)
    while cleaned and fixed + len(cleaned.encode("utf-8")) > max_bytes:
        cleaned = cleaned[:-1].rstrip(". ")
    name = before + (cleaned or "_") + after
    if is_device(name):
        name = "_" + name
    return name.rstrip(". ") or "_"


def unique(name: str, taken: set[str]) -> str:
    """`name`, or `name` with 「_2」, 「_3」 … before its extension, unlike every name in `taken` as
    Windows compares names (without case); the result is added to `taken` (kept in lower case)."""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, n = name, 2
    while candidate.casefold() in taken:
        candidate = f"{stem}_{n}{dot}{ext}"
        n += 1
    taken.add(candidate.casefold())
    return candidate
