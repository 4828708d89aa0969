"""Raw WordprocessingML helpers: the only module that builds OOXML elements by hand.

Writers call these (set_fonts, repeat_header_row, page_number_footer …) and never build w:rPr or
w:trPr themselves. Table rows are built as lxml elements directly, which is several times faster
than python-docx's cell objects for long lists.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

TWIPS_PER_MM = 1440 / 25.4


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def set_run_fonts(rpr, east_asian: str, latin: str, size_pt: float | None = None, bold: bool = False) -> None:
    """Fonts of a w:rPr: the East Asian font (what Word and WPS use for Chinese) and the Latin font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")
    if bold and rpr.find(qn("w:b")) is None:
        rpr.append(OxmlElement("w:b"))
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), str(round(size_pt * 2)))


def set_style_fonts(style, east_asian: str, latin: str, size_pt: float) -> None:
    """Fonts and size of a paragraph style, with the East Asian language zh-CN."""
    rpr = style.element.get_or_add_rPr()
    set_run_fonts(rpr, east_asian, latin, size_pt)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def styled_run(paragraph, text: str, east_asian: str, latin: str, size_pt: float, bold: bool = False):
    run = paragraph.add_run(text)
    set_run_fonts(run._r.get_or_add_rPr(), east_asian, latin, size_pt, bold)
    return run


def set_page(section, width_mm: float, height_mm: float, top: float, bottom: float, left: float, right: float,
             landscape: bool, footer_mm: float) -> None:
    from docx.enum.section import WD_ORIENT

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.footer_distance = Mm(footer_mm)
    section.header_distance = Mm(15)


def even_and_odd_footers(document) -> None:
    """w:evenAndOddHeaders in settings.xml: odd and even pages get their own footer."""
    settings = document.settings.element
    if settings.find(qn("w:evenAndOddHeaders")) is None:
        settings.append(OxmlElement("w:evenAndOddHeaders"))


def page_number_paragraph(paragraph, before: str, after: str, font: str, size_pt: float, align: str,
                          indent_pt: float) -> None:
    """A footer paragraph "before PAGE after", aligned `align` (right/left) and indented one character."""
    ppr = paragraph._p.get_or_add_pPr()
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), align)
    ppr.append(jc)
    ind = OxmlElement("w:ind")
    ind.set(qn("w:right" if align == "right" else "w:left"), str(round(indent_pt * 20)))
    ppr.append(ind)
    styled_run(paragraph, before, font, font, size_pt)
    _field(paragraph, "PAGE", font, size_pt)
    styled_run(paragraph, after, font, font, size_pt)


def _field(paragraph, instr: str, font: str, size_pt: float) -> None:
    for kind, text in (("begin", None), (None, f" {instr} "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        set_run_fonts(run._r.get_or_add_rPr(), font, font, size_pt)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text.strip() == instr:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = text
            run._r.append(it)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


# -- tables ---------------------------------------------------------------------------------
def table_xml(widths_twips: list[int], border_pt: float) -> object:
    """An empty w:tbl with fixed layout, the grid widths, single borders, centred cells."""
    sz = round(border_pt * 8)
    borders = "".join(f'<w:{side} w:val="single" w:sz="{sz}" w:space="0" w:color="000000"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths_twips)
    xml = (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths_twips)}" w:type="dxa"/>'
           f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
           f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid></w:tbl>')
    return parse_xml(xml)


def row_xml(cells: list[tuple[str, int, str, str]], fonts: tuple[str, str, float, bool], header: bool,
            cant_split: bool = True) -> str:
    """One w:tr as XML text. cells: (text, width twips, align, vmerge ''|'restart'|'continue').

    The header row is marked to repeat on every page (w:tblHeader); every row is kept on one page
    (w:cantSplit) — Word still breaks a row that is longer than a page.
    """
    east, latin, size, bold = fonts
    half_points = round(size * 2)
    rpr = (f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" w:cs="{latin}" '
           f'w:hint="eastAsia"/>{"<w:b/>" if bold else ""}<w:sz w:val="{half_points}"/>'
           f'<w:szCs w:val="{half_points}"/></w:rPr>')
    trpr = ("<w:trPr>" + ("<w:cantSplit/>" if cant_split or header else "") + ("<w:tblHeader/>" if header else "")
            + "</w:trPr>")
    out = [f"<w:tr>{trpr}"]
    for text, width, align, vmerge in cells:
        vm = "" if not vmerge else ('<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>")
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{vm}<w:vAlign w:val="center"/></w:tcPr>')
        paragraphs = text.split("\n") if text and vmerge != "continue" else [""]
        for para in paragraphs:
            out.append(f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
                       f'<w:jc w:val="{align}"/>{rpr}</w:pPr>')
            if para:
                out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{_xml_text(para)}</w:t></w:r>')
            out.append("</w:p>")
        out.append("</w:tc>")
    out.append("</w:tr>")
    return "".join(out)


def _xml_text(text: str) -> str:
    cleaned = "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)
    return escape(cleaned)


def rows_fragment(rows_xml: list[str]) -> list:
    """Parse many w:tr strings at once (one parse is much faster than one per row)."""
    wrapper = parse_xml(f'<w:tbl {nsdecls("w")}>{"".join(rows_xml)}</w:tbl>')
    return list(wrapper)


def paragraph_spacing(paragraph, before_pt: float = 0, after_pt: float = 0, line_pt: float | None = None) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before_pt), Pt(after_pt)
    if line_pt:
        fmt.line_spacing = Pt(line_pt)
