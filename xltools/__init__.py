"""xltools: task lists (任务清单) of Chinese policy documents, from import to consolidated progress.

The functions a script calls; each imports its office libraries only when called::

    import xltools
    ds = xltools.import_source("附件.docx")          # or .xlsx/.csv/.txt
    xltools.save_dataset(ds, "任务总表.xlsx")         # or .json
    problems = xltools.validate(ds)
    xltools.write_attachment(ds, "附件.docx")
    xltools.write_trackers(ds, "2026Q1", "output/下发")
    xltools.merge_returns(["回收/"], ds, "2026Q1", "汇总.xlsx")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .cycle.quarter import Quarter, parse_quarter
from .dataset.model import Dataset, Task, Unit
from .errors import XlError
from .version import VERSION as __version__  # noqa: F401  (xltools.__version__)

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path


def load_dataset(path: str | Path) -> Dataset:
    """Read a dataset from its .xlsx (任务总表) or .json form."""
    from .dataset.io import load_dataset as _load

    return _load(path)


def save_dataset(ds: Dataset, path: str | Path) -> None:
    """Write a dataset as .xlsx (任务总表) or .json, chosen by the extension; atomically."""
    from .dataset.io import save_dataset as _save

    _save(ds, path)


def import_source(path: str | Path, **options: Any) -> Dataset:
    """Import a task list from a .docx, .xlsx/.xls/.csv or pasted text file."""
    from .ingest.importer import import_source as _import

    return _import(path, **options)


def import_text(text: str, **options: Any) -> Dataset:
    """Import a task list from text pasted out of a document."""
    from .ingest.importer import import_text as _import

    return _import(text, **options)


def validate(ds: Dataset) -> list[Any]:
    """Problems of a dataset (empty content, unknown units, aliases to confirm …)."""
    from .dataset.validation import validate as _validate

    return _validate(ds)


def write_attachment(ds: Dataset, path: str | Path, **options: Any) -> Any:
    """Write the task list as an official-format 附件 .docx."""
    from .publish.attachment import write_attachment as _write

    return _write(ds, path, **options)


def check_format(path: str | Path, **options: Any) -> Any:
    """Where a .docx departs from the official format (GB/T 9704-2012)."""
    from .publish.checkformat import check_format as _check

    return _check(path, **options)


def write_trackers(ds: Dataset, quarter: str | Quarter, outdir: str | Path, **options: Any) -> Any:
    """Write one tracker workbook per responsible unit, a 下发清单 and the manifest."""
    from .cycle.trackers import write_trackers as _write

    return _write(ds, quarter, outdir, **options)


def merge_returns(inputs: list[Any], ds: Dataset, quarter: str | Quarter, output: str | Path,
                  **options: Any) -> Any:
    """Merge returned trackers into the consolidated quarterly workbook."""
    from .cycle.merge import merge_returns as _merge

    return _merge(inputs, ds, quarter, output, **options)


__all__ = [
    "Dataset", "Task", "Unit", "Quarter", "XlError", "parse_quarter", "load_dataset", "save_dataset",
    "import_source", "import_text", "validate", "write_attachment", "check_format", "write_trackers",
    "merge_returns",
]
