"""Data shipped inside the package: the settings templates a clerk may copy and edit (templates/*.toml)
and the demo lists (demo/*.txt). Read through importlib.resources, so a wheel, an editable install and a
standalone build find them the same way."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

TEMPLATE_NAMES = ("attachment.toml", "tracker.toml", "merge.toml", "limits.toml")


def template_path(name: str) -> Path:
    """The shipped copy of templates/<name>."""
    return Path(str(files(__name__).joinpath("templates", name)))


def demo_dir() -> Path:
    """The folder of the bundled demo lists (*.txt)."""
    return Path(str(files(__name__).joinpath("demo")))
