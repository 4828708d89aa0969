from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "seeds"  # the datasets imported from the demo lists, kept in step by a test
DEMO = ROOT / "xltools" / "data" / "demo"  # the bundled demo lists (.txt)
SEED_NAMES = ["pingqiao", "zhumadian", "huancui", "yingkou", "wafangdian"]


@pytest.fixture(params=SEED_NAMES)
def seed_name(request) -> str:
    return request.param


def seed_text(name: str) -> Path:
    return DEMO / f"{name}.txt"
