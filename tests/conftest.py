from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NAMES = ["pingqiao", "zhumadian", "huancui", "yingkou", "wafangdian"]


@pytest.fixture(params=SEED_NAMES)
def seed_name(request) -> str:
    return request.param


def seed_text(name: str) -> Path:
    return SEEDS / f"{name}.txt"
