"""The one shape every reader produces: a grid of cell texts plus the lines above it.

Readers (text, docx, sheet, …) only turn their format into `Grid`s; finding the header,
column roles, repeated headers, fill-down and unit splitting happen once, in `xltools.ingest.table`.

- `rows`: the table's rows, top to bottom, each a list of cell texts. A cell's paragraphs and
  soft line breaks are joined with "\n". A vertically merged cell's continuation is "" (the
  table builder fills categories down); a horizontally merged cell appears once.
  Rows above the header (title rows of a sheet) may be included: the builder finds the header.
- `preamble`: non-empty text lines before the table (paragraphs of the document above it),
  in order; the builder takes the 附件 label and the title from the last of them.
- `where`: how to name a row in messages, e.g. "表格 2" or "工作表「Sheet1」".
- `row_numbers`: the source row/line number of each row (1-based), for messages.
- `from_items`: the rows were made by the numbered-items reader (readers/items.py), which has already told
  headings from tasks (a row without units is a task there, never a section heading) and applied the
  document's own rules (「列第一位者为牵头单位」 from where it is stated); the builder does not do either again.
- `doubts`: for a row the reader could only guess at (where two unit columns meet in a stream of cells),
  why; the builder passes it on to the task as its doubt.
- `sections`: rows the reader knows are section headings (a heading cell above bulleted items in a box-drawn
  table), made the category of the tasks below them whatever their shape.
- `roles`: a role the reader knows for a header label (label → role name), where the labels alone would mislead
  the builder (a reader that made the column itself); applied as a clerk's --column would be, which wins over it.
- `filled`: the reader itself gave every row the cells merged over it (a group's cells, an item's category), so
  an empty category cell is empty, never a merged cell to fill from the row above.
- `continued`: rows whose number cell is a merged cell going on from the row above (Word, sheets, web pages,
  PDF): the row is the same task's next line, certainly, so the builder joins it without doubt.
- `merged`: for a row the reader put in place itself, the columns it has no cell for because they were merged
  with the row above (a sub-row printed without the number of the item it belongs to): the builder gives the row
  the number, units and deadline of the row above for them, as for a ragged row it realigns, and flags it.
- `ragged`: the rows came from text where a merged cell left no trace (` | ` or tab-separated rows), so a
  row shorter than the header may have lost cells on its left; the builder puts such rows back in place.
  Documents and sheets keep every cell (a merged one as "" or, shared by numbered rows, repeated), so their
  grids are never ragged.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Grid:
    """A table's cells as text, with the lines before it and each row's place in its source."""

    rows: list[list[str]]
    preamble: list[str] = field(default_factory=list)
    where: str = ""
    row_numbers: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    from_items: bool = False  # rows made by the items reader: headings and document rules already read
    ragged: bool = False  # rows may have lost cells (a table flattened to separated text): realign them
    doubts: dict[int, str] = field(default_factory=dict)  # row index → why the reader is unsure of that row
    sections: set[int] = field(default_factory=set)  # row indices the reader knows are section headings
    roles: dict[str, str] = field(default_factory=dict)  # header label → role, known to the reader
    filled: bool = False  # merged cells already filled by the reader: an empty category stays empty
    continued: set[int] = field(default_factory=set)  # row indices whose number cell is merged with the row above
    merged: dict[int, set[int]] = field(default_factory=dict)  # row index → columns merged with the row above

    def row_number(self, index: int) -> int:
        if index < len(self.row_numbers):
            return self.row_numbers[index]
        return index + 1
