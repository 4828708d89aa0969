"""What a source holds as a table, seen before (or without) reading it as a task list.

The page's import preview lets the clerk choose each column's role when the importer cannot tell which
column holds the tasks (序号 | 具体事项 | 责任单位 | 完成时限, an unknown task label). For that it needs the
header labels and the first rows as they stand in the file, which the importer's refusal does not carry:
`peek_table` gives them. `read_with_roles` reads the source again with the clerk's roles.

Rules for the table peeked at (general, by shape): among the file's tables of two or more rows and
columns, one with a task-list header is taken, else the one with the most rows. Its header is the first
row that reads as a header, else the first row whose filled cells (two or more) are all short labels,
else its first row with two filled cells.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..dataset.model import EXTRA_PREFIX, ROLES
from ..dataset.units import clean_text
from ..errors import XlError
from .readers.grid import Grid
from .table import is_header_row, label_role, normalise_label

_SENTENCE = re.compile(r"[。，,；;！？!?]")
# A label the builder knows for each role, put in place of the clerk's column label when the importer
# cannot use `roles` while it looks for the header (see `read_with_roles`).
_KNOWN_LABEL = {"number": "序号", "category": "任务类别", "content": "工作任务", "lead": "牵头单位", "units": "责任单位",
                "deadline": "完成时限"}


@dataclass
class Peek:
    """The header labels of the table in a source, the role each label names by itself ("" when it names
    none the importer knows), and the first rows below the header, as printed."""

    labels: list[str]
    label_roles: list[str]
    rows: list[list[str]] = field(default_factory=list)
    where: str = ""
    header_row: int = 0  # the header's row or line number in the source
    total_rows: int = 0  # rows below the header


def role_key(label: str) -> str:
    """The key under which a clerk's role for a column labelled `label` is given to the importer."""
    return normalise_label(label)


def peek_table(path: str | Path, *, rows: int = 8) -> Peek | None:
    """The table a source holds (its header labels and first `rows` rows), None when it holds none."""
    try:
        grids = source_grids(Path(path))
    except XlError:
        return None
    found = _pick(grids)
    if found is None:
        return None
    grid, at = found
    width = max(len(r) for r in grid.rows[at:])
    labels = [clean_text(c) for c in grid.rows[at]] + [""] * (width - len(grid.rows[at]))
    body = [r for r in grid.rows[at + 1:] if any(clean_text(c) for c in r)]
    return Peek(labels=labels, label_roles=[label_role(x) or "" for x in labels],
                rows=[[clean_text(c) for c in (r + [""] * width)[:width]] for r in body[:rows]],
                where=grid.where, header_row=grid.row_number(at), total_rows=len(body))


def source_grids(path: Path) -> list[Grid]:
    """Every table the readers find in `path` (pasted text read as tab- or |-separated rows)."""
    from ..infra.sniff import sniff
    from .readers import read_any

    if sniff(path) == "text" and path.suffix.lower() not in (".csv", ".tsv"):
        from .readers.text import decode_text, read_text

        return read_text(decode_text(path.read_bytes()), is_header=is_header_row)
    return read_any(path)[1]


def _pick(grids: list[Grid]) -> tuple[Grid, int] | None:
    tables = [g for g in grids if len(g.rows) >= 2 and max(len(r) for r in g.rows) >= 2]
    if not tables:
        return None
    headed = [g for g in tables if any(is_header_row(r) for r in g.rows)]
    grid = max(headed or tables, key=lambda g: len(g.rows))
    return grid, _header_at(grid)


def _header_at(grid: Grid) -> int:
    for i, row in enumerate(grid.rows):
        if is_header_row(row):
            return i
    filled = [(i, [clean_text(c) for c in row if clean_text(c)]) for i, row in enumerate(grid.rows)]
    for i, cells in filled:
        if len(cells) >= 2 and all(len(normalise_label(c)) <= 12 and not _SENTENCE.search(c) for c in cells):
            return i
    return next((i for i, cells in filled if len(cells) >= 2), 0)


def read_with_roles(path: str | Path, roles: dict[str, str]):
    """Import `path` with the clerk's roles (label → role, as `--column` gives them); an `ImportResult`.

    The importer is asked first. An importer that uses `roles` only once it has found a header cannot
    find one whose task label it does not know; then the peeked table is read with each chosen column
    labelled as the builder knows its role, and the column names put back as printed."""
    from ..infra.kinds import kind_zh
    from .importer import ImportResult, read_source
    from .table import BuildReport, build_dataset

    path = Path(path)
    try:
        return read_source(path, roles=roles)
    except XlError as refused:
        if not roles:
            raise
        try:
            grids = source_grids(path)
        except XlError:
            raise refused from None
        found = _pick(grids)
        if found is None:
            raise refused from None
        grid, at = found
        grid = copy.deepcopy(grid)
        header = list(grid.rows[at])
        printed: dict[str, str] = {}
        given: dict[str, str] = {}
        for i, label in enumerate(header):
            role = roles.get(role_key(label)) or roles.get(clean_text(label))
            if not role or not clean_text(label):
                continue
            stand_in = _KNOWN_LABEL[role] if role in ROLES else f"其他列{i + 1}"
            if stand_in in printed:  # one role chosen twice: the first keeps it, as the builder would
                stand_in = f"其他列{i + 1}"
                role = EXTRA_PREFIX + clean_text(label)
            header[i] = stand_in
            printed[stand_in] = clean_text(label)
            given[stand_in] = role
        grid.rows[at] = header
        from ..infra.sniff import sniff

        report = BuildReport(shape=kind_zh(sniff(path)))
        try:
            ds = build_dataset(grid, source=path.name, roles=given, report=report)
        except XlError:
            raise refused from None
        if not ds.tasks:
            raise refused from None
        ds.columns = {role: printed.get(label, label) for role, label in ds.columns.items()}
        report.roles = {printed.get(label, label): role for label, role in report.roles.items()}
        return ImportResult(ds, sniff(path), report)
