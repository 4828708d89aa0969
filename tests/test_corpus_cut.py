"""Any part of a real list — a copy cut short, a middle left out — is read or refused with a Chinese message
(XlError), never a crash: a clerk pastes whatever part of the page was selected. The cut points are fixed (seeded) so a
failure repeats; the lists are every real one in the test folders."""

from __future__ import annotations

import contextlib
import random
from pathlib import Path

import pytest

import xltools
from xltools.errors import XlError

HERE = Path(__file__).resolve().parent
SOURCES = sorted(p for p in HERE.glob("corpus*/*.txt"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def it_reads_or_refuses_any_part_of_a_real_list(source):
    text = source.read_text(encoding="utf-8")
    rng = random.Random(source.stem)
    lines = text.split("\n")
    parts = []
    for _ in range(6):
        a = rng.randrange(len(text))
        b = rng.randrange(a, len(text) + 1)
        parts += [text[:a], text[a:], text[:a] + text[b:], "\n".join(ln for ln in lines if rng.random() > 0.15)]
    for part in parts:
        with contextlib.suppress(XlError):
            xltools.import_text(part)
