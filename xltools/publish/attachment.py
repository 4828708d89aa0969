"""The task list as an official-format attachment (附件) .docx, written part by part like the document reads.

label → title → blank line → (intro paragraphs and headings, for the report) → table (header row
repeated on every page, rows not split) → (further tables, each on a new page under its heading: the
report's annex) → page numbers "— 1 —" (odd right, even left). All values come from
`gbt9704.Style` (templates/attachment.toml may override them).

The label is written as 7.3.7 has it (「附件」, 「附件1」, the number in 黑体 too) whatever the source's
spelling (「附件：1」, 「附 件」) unless the clerk asks to keep the source's spelling. The 主要任务 (category)
cell is printed on every row of its category, not merged: where a page breaks is decided by the program
that prints, and a merged cell that runs onto the next page prints blank there, leaving that page's tasks
without their category. Unit cells are aligned left, not justified: a narrow justified cell spreads a
short line's characters apart (「市 教 育 局 、」). The document properties carry the title, xltools as
author and the real time of writing (python-docx's template would say "python-docx", 2013).

Unit cells print what the source printed (its 、 and ，) unless the clerk changed the units, in which
case the units are joined with 、 ("X牵头，Y配合" when there is no lead column to hold the lead).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..dataset.model import EXTRA_PREFIX, Dataset, Task
from .gbt9704 import Style, load_style, standard_label

# Auto orientation: landscape page margins with the table's head on the binding side (clause 8).
_LANDSCAPE = {"top": "margin_left_mm", "bottom": "margin_right_mm", "left": "margin_bottom_mm",
              "right": "margin_top_mm"}
# Short cells centred; unit cells left (justified narrow cells letter-space: 「市 教 育 局 、」); long text justified.
_ALIGN = {"number": "center", "category": "center", "deadline": "center", "lead": "left", "units": "left"}
# any other column (完成状态, 目标任务 …) is narrow: left, since a justified narrow cell spreads its characters apart
_CHAR_MM = 25.4 / 72 * 1.05  # width of one CJK character per point of size, in mm


@dataclass
class Heading:
    """A first-level heading among the intro paragraphs (7.3.3: 「一、……」 in 3号黑体, no indent)."""

    text: str


@dataclass
class Annex:
    """A further table after the main one, starting a new page under its heading (the report's detail)."""

    heading: str
    dataset: Dataset


@dataclass
class AttachmentResult:
    """What write_attachment wrote: the .docx, the PDF when asked, the orientation chosen, warnings."""

    path: Path
    pdf_path: Path | None = None
    orientation: str = "portrait"
    warnings: list[str] = field(default_factory=list)


def write_attachment(ds: Dataset, path: str | Path, *, label: str | None = None, number: str | None = None,
                     title: str | None = None, orientation: str = "auto", template: str | Path | None = None,
                     pdf: bool = False, intro: list[str | Heading] | None = None, split_rows: bool = False,
                     keep_label: bool = False,
                     annexes: tuple[Annex, ...] = ()) -> AttachmentResult:
    """Write `ds` as an official-format attachment .docx (and a PDF through LibreOffice when `pdf`).

    `label` is printed as given; the source's label is normalised to 7.3.7 unless `keep_label`.
    """
    from ..infra.atomic import atomic_path

    style = load_style(template)
    writer = _AttachmentWriter(ds, style, split_rows)
    landscape = writer.wants_landscape() if orientation == "auto" else orientation == "landscape"
    doc = writer.build(_label_text(ds, label, number, keep_label), ds.title if title is None else title,
                       landscape, intro or [], annexes)
    path = Path(path)
    with atomic_path(path) as tmp:
        doc.save(str(tmp))
    result = AttachmentResult(path, orientation="landscape" if landscape else "portrait")
    if pdf:
        result.pdf_path = _to_pdf(path)
    return result


def _label_text(ds: Dataset, label: str | None, number: str | None, keep_label: bool = False) -> str:
    if label is not None:
        return label
    if number is not None:
        return standard_label(f"附件{number}")
    source = ds.attachment_label or ("附件" + ds.attachment_number if ds.attachment_number else "附件")
    return source if keep_label else standard_label(source)


def _to_pdf(path: Path) -> Path:
    import shutil
    import tempfile

    from ..infra.office import convert

    with tempfile.TemporaryDirectory(prefix="xltools-pdf-") as tmp:
        out = convert(path, "pdf", tmp)
        target = path.with_suffix(".pdf")
        shutil.move(str(out), target)
    return target


_NUMBER_AFTER_COMMA = re.compile(r"([、，,])(?=[0-9])")


def breakable(text: str) -> str:
    """`text` with a zero-width space after each 、 or ， that precedes an Arabic numeral.

    LibreOffice does not break a line after 、 between numerals (「第3、4、7、……项」 is one word to it):
    a justified line is spread letter by letter and the list starts on a line of its own. The zero-width
    space marks where the line may break; Word and WPS print nothing for it.
    """
    return _NUMBER_AFTER_COMMA.sub("\\1\u200b", text)


def printed_unit_cells(task: Task, has_lead_column: bool) -> tuple[str, str]:
    """(lead cell, units cell) as the source printed them, or rebuilt when the units were changed."""
    from ..ingest.table import units_from_cells

    lead, units = units_from_cells(task.lead_text, task.units_text)
    rest = [n for n in units.names if n not in lead.names]
    unchanged = (lead.names == task.lead_units and rest == task.units and lead.open == task.lead_open
                 and units.open == task.units_open)
    if unchanged and (has_lead_column or not task.lead_text):
        return task.lead_text, task.units_text
    lead_text = "、".join(task.lead_units) + ("等" if task.lead_open and task.lead_units else "")
    units_text = "、".join(task.units) + ("等" if task.units_open and task.units else "")
    if has_lead_column or not task.lead_units:
        return lead_text, units_text
    return "", f"{lead_text}牵头，{units_text}配合" if units_text else f"{lead_text}牵头"


def _text_mm(text: str, char_mm: float) -> float:
    """How wide `text` prints on one line: a Chinese character a full `char_mm`, a digit or Latin letter about half."""
    return sum(0.55 if ord(ch) < 128 else 1.0 for ch in text) * char_mm


class _AttachmentWriter:
    """One method per part of the document."""

    def __init__(self, ds: Dataset, style: Style, split_rows: bool = False) -> None:
        self.ds, self.style, self.split_rows = ds, style, split_rows
        self.roles = list(ds.columns)

    # -- layout decisions ------------------------------------------------------------------
    def wants_landscape(self) -> bool:
        if len(self.roles) >= self.style.landscape_min_columns:
            return True
        unit_cols = [r for r in self.roles if r in ("lead", "units")]
        if len(self.roles) >= 4 and unit_cols:
            lengths = [len(self._cell(t, r)) for t in self.ds.tasks for r in unit_cols]
            return bool(lengths) and sum(lengths) / len(lengths) > self.style.landscape_units_chars
        return False

    def page_box(self, landscape: bool) -> tuple[float, float, dict[str, float]]:
        s = self.style
        if not landscape:
            margins = {"top": s.margin_top_mm, "bottom": s.margin_bottom_mm, "left": s.margin_left_mm,
                       "right": s.margin_right_mm}
            return s.page_width_mm, s.page_height_mm, margins
        margins = {side: getattr(s, attr) for side, attr in _LANDSCAPE.items()}
        return s.page_height_mm, s.page_width_mm, margins

    def column_widths(self, area_mm: float) -> list[float]:
        """Each column's width in mm. The 序号, 主要任务 and 完成时限 columns take the template's widths, the unit cells
        room for a typical cell in a few lines; the others (the task text, any other column) start at the least they
        need and share the rest where it saves the most lines on paper (`_share_out`) — so a long 进展情况 beside
        short task names is not squeezed to a few characters a line, and a short column is not given room it cannot
        use. What no column can use goes to the task text."""
        s = self.style
        char_mm = s.pt(s.table_size) * _CHAR_MM
        fixed: dict[int, float] = {}
        least: dict[int, float] = {}
        for i, role in enumerate(self.roles):
            if role == "number":
                fixed[i] = s.width_number_mm
            elif role == "category":
                # the longest category in two lines, within 20 mm and the template's width
                longest = max((len(t.category) for t in self.ds.tasks), default=0)
                fixed[i] = min(max(longest * char_mm / 2 + 3, 20), s.width_category_mm)
            elif role == "deadline":  # the template's width, or less when every cell is shorter
                fixed[i] = min(s.width_deadline_mm, max(self._one_line(role, char_mm), 14))
            else:
                if role == "content":
                    least[i] = min(self._one_line(role, char_mm), max(area_mm * 0.15, 30))
                elif role in ("lead", "units"):  # room for a typical (80th percentile) cell in about three lines
                    lengths = sorted(len(self._cell(t, role)) for t in self.ds.tasks) or [0]  # (two on a landscape page)
                    typical = lengths[int(len(lengths) * 0.8) - 1 if len(lengths) > 1 else 0]
                    lines = 2 if area_mm > 180 else 3
                    fixed[i] = min(max(typical * char_mm / lines + 3, s.width_units_min_mm), s.width_units_max_mm)
                else:  # as wide as its longest cell (or label) on one line, up to width_extra_mm, to start with
                    least[i] = min(self._one_line(role, char_mm), s.width_extra_mm)
        if sum(fixed.values()) + sum(least.values()) > area_mm:  # too many columns: all shrink, but the 序号
            # column, narrow already, keeps its width (shrunk, a number of two digits broke over two lines)
            kept = sum(w for i, w in fixed.items() if self.roles[i] == "number")
            scale = (area_mm - kept) / (sum(fixed.values()) + sum(least.values()) - kept)
            fixed = {i: w if self.roles[i] == "number" else w * scale for i, w in fixed.items()}
            least = {i: w * scale for i, w in least.items()}
        widths = {**fixed, **least}
        rest = area_mm - sum(widths.values())
        content = next((i for i in least if self.roles[i] == "content"), None)
        wordy = [i for i in least if self.roles[i] != "content" and self._mean_length(self.roles[i]) >= 12]
        if wordy or content is None:  # other columns of sentences (a register's 进展情况): share where it saves lines
            self._share_out(widths, list(least), rest, char_mm)
        else:  # the usual list: the task text takes what the short columns leave
            widths[content] += rest
        return [widths[i] for i in range(len(self.roles))]

    def _mean_length(self, role: str) -> float:
        lengths = [len(text) for t in self.ds.tasks if (text := self._cell(t, role).strip())]
        return sum(lengths) / len(lengths) if lengths else 0.0

    def _one_line(self, role: str, char_mm: float) -> float:
        """The width a column needs to print its longest cell (and its label) on one line."""
        texts = [self.ds.columns[role].replace("\n", ""), *(self._cell(t, role) for t in self.ds.tasks)]
        return max(_text_mm(line, char_mm) for text in texts for line in text.split("\n")) + 6

    def _share_out(self, widths: dict[int, float], free: list[int], budget: float, char_mm: float) -> None:
        """Give `budget` mm to the `free` columns where it saves the most lines: each round, for every column, the
        smallest widening (up to 40 mm) that saves lines, and the column saving the most per millimetre gets it (the
        row's tallest cell counts, every cell a little; the task text first on a tie). What no column can use goes to
        the task text."""
        tasks = self.ds.tasks
        sample = tasks if len(tasks) <= 80 else [tasks[k * len(tasks) // 80] for k in range(80)]
        header = {i: [_text_mm(self.ds.columns[self.roles[i]].replace("\n", ""), char_mm)] for i in free}
        rows = [header] + [{i: [_text_mm(line, char_mm) for line in self._cell(t, self.roles[i]).split("\n")]
                            for i in free} for t in sample]

        def lines(lengths: list[float], width: float) -> int:
            usable = max(width - 3.4, 1.0)
            return sum(max(1, math.ceil(mm / usable - 1e-9)) for mm in lengths)

        counts = [{i: lines(row[i], widths[i]) for i in free} for row in rows]

        def gain(i: int, width: float) -> float:
            saved = 0.0
            for row, count in zip(rows, counts, strict=True):
                new = lines(row[i], width)
                if new != count[i]:
                    others = max((c for j, c in count.items() if j != i), default=0)
                    saved += max(count[i], others) - max(new, others) + 0.25 * (count[i] - new)
            return saved

        content = next((i for i in free if self.roles[i] == "content"), None)
        while budget >= 1 and free:
            best = None  # (saved per mm, prefer content, column, widening)
            for i in free:
                room = min(budget, 40.0)
                for delta in (d for d in (1, 2, 3, 4, 6, 8, 10, 13, 16, 20, 25, 30, 40) if d <= room):
                    saved = gain(i, widths[i] + delta)
                    if saved > 1e-9:
                        key = (saved / delta, i == content, i, delta)
                        best = max(best, key) if best else key
                        break
            if best is None:
                break
            _rate, _first, i, delta = best
            widths[i] += delta
            budget -= delta
            for row, count in zip(rows, counts, strict=True):
                count[i] = lines(row[i], widths[i])
        if budget > 0:
            widths[content if content is not None else free[0]] += budget

    # -- the document ----------------------------------------------------------------------
    def build(self, label: str, title: str, landscape: bool, intro: list[str | Heading],
              annexes: tuple[Annex, ...] = ()):
        from docx import Document

        doc = Document()
        self._write_properties(doc, title)
        self._write_styles(doc)
        width, height, margins = self.page_box(landscape)
        self._write_page(doc, width, height, margins, landscape)
        body = doc.element.body
        for p in list(body.iterchildren()):
            if p.tag.endswith("}p"):
                body.remove(p)
        if label:
            self._write_label(doc, label)
        self._write_title(doc, title)
        doc.add_paragraph()
        for text in intro:
            if isinstance(text, Heading):
                self._write_heading(doc, text.text)
            else:
                self._write_intro(doc, text)
        area = width - margins["left"] - margins["right"]
        self._write_table(doc, area)
        for annex in annexes:
            self._write_heading(doc, annex.heading, new_page=True)
            _AttachmentWriter(annex.dataset, self.style, self.split_rows)._write_table(doc, area)
        self._write_page_numbers(doc)
        return doc

    def _write_properties(self, doc, title: str) -> None:
        from .oxml import set_core_properties

        set_core_properties(doc, title.replace("\n", ""))

    def _write_styles(self, doc) -> None:
        from .oxml import set_style_fonts

        s = self.style
        set_style_fonts(doc.styles["Normal"], s.body_font, s.latin_font, s.pt(s.body_size))

    def _write_page(self, doc, width, height, margins, landscape) -> None:
        from .oxml import set_page

        s = self.style
        # 7.5: the page number's top 7 mm below the type area → footer distance = bottom margin − 7 mm − one line.
        line_mm = s.pt(s.page_number_size) * 25.4 / 72
        footer = max(margins["bottom"] - s.page_number_gap_mm - line_mm, 5)
        set_page(doc.sections[0], width, height, margins["top"], margins["bottom"], margins["left"],
                 margins["right"], landscape, footer)

    def _write_label(self, doc, label: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        from .oxml import styled_run

        s = self.style
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        # 7.3.7: the whole label in 3号黑体, the number too (not the Latin font of the body's digits).
        styled_run(p, label, s.label_font, s.label_font, s.pt(s.label_size))

    def _write_title(self, doc, title: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        from .oxml import styled_run

        s = self.style
        for line in title.split("\n") or [""]:
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            styled_run(p, line, s.title_font, s.latin_font, s.pt(s.title_size))

    def _write_intro(self, doc, text: str) -> None:
        """A body paragraph (3号仿宋, first line indented two characters, justified)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        from .oxml import styled_run

        s = self.style
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Pt(2 * s.pt(s.body_size))
        styled_run(p, breakable(text), s.body_font, s.latin_font, s.pt(s.body_size))

    def _write_heading(self, doc, text: str, new_page: bool = False) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        from .oxml import styled_run

        s = self.style
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.page_break_before = new_page
        p.paragraph_format.keep_with_next = True
        styled_run(p, text, s.heading_font, s.latin_font, s.pt(s.body_size))

    def _write_table(self, doc, area_mm: float) -> None:
        from .oxml import rows_fragment, table_xml, twips

        s = self.style
        widths = [twips(w) for w in self.column_widths(area_mm)]
        tbl = table_xml(widths, s.border_pt)
        rows = [self._header_row(widths)] + self._task_rows(widths)
        tbl.extend(rows_fragment(rows))
        doc.element.body.insert(len(doc.element.body) - 1, tbl)  # before the final w:sectPr

    def _header_row(self, widths: list[int]) -> str:
        from .oxml import row_xml

        s = self.style
        cells = [(self.ds.columns[r], w, "center", "") for r, w in zip(self.roles, widths, strict=True)]
        return row_xml(cells, (s.table_header_font, s.latin_font, s.pt(s.table_header_size), False), header=True)

    def _task_rows(self, widths: list[int]) -> list[str]:
        from .oxml import row_xml

        s = self.style
        fonts = (s.table_font, s.latin_font, s.pt(s.table_size), False)
        out = []
        tasks = self.ds.tasks
        for task in tasks:
            cells = []
            for role, width in zip(self.roles, widths, strict=True):
                cells.append((self._cell(task, role), width, _ALIGN.get(role, "both" if role == "content" else "left"), ""))
            out.append(row_xml(cells, fonts, header=False, cant_split=not self.split_rows))
        return out

    def _cell(self, task: Task, role: str) -> str:
        if role in ("lead", "units"):
            lead, units = printed_unit_cells(task, "lead" in self.roles)
            return lead if role == "lead" else units
        if role.startswith(EXTRA_PREFIX):
            return task.extra.get(role[len(EXTRA_PREFIX):], "")
        return str(getattr(task, role))

    def _write_page_numbers(self, doc) -> None:
        from .oxml import even_and_odd_footers, page_number_paragraph

        s = self.style
        size = s.pt(s.page_number_size)
        before, _, after = s.page_number_format.partition("{n}")
        even_and_odd_footers(doc)
        section = doc.sections[0]
        # 7.5: odd pages right with one character's space, even pages left with one character's space.
        for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            para = footer.paragraphs[0]
            page_number_paragraph(para, before, after, s.page_number_font, size, align, size)
