"""Where a .docx departs from the official format: page, margins, fonts and sizes, header repeat, page numbers.

Works on any .docx (ours or a clerk's own). The expected values come from `gbt9704.Style`, the same
as the writer's. The label is the first non-empty paragraph when it reads 附件…; the title is the next
non-empty paragraph; body text is any other paragraph outside tables.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import XlError
from ..findings import Finding
from .gbt9704 import Style, is_standard_label, load_style

_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_LABEL = re.compile(r"^附\s*件\s*[:：]?\s*\S{0,3}$")


def check_format(path: str | Path, *, template: str | Path | None = None) -> list[Finding]:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    from ..infra.safety import check_office_zip
    from ..infra.sniff import sniff

    path = Path(path)
    if not path.exists():
        raise XlError("找不到文件。", file=str(path))
    if sniff(path) != "docx":
        raise XlError("这不是 .docx 文件（或已损坏、已加密）。", file=path.name, hint="请另存为 .docx 后再检查。")
    check_office_zip(path)
    try:
        doc = Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise XlError(f"Word 文件无法打开（{type(exc).__name__}）。", file=path.name, hint="请在 WPS/Word 中另存后再试。") from exc
    style = load_style(template)
    checker = _Checker(doc, style)
    checker.check_page()
    checker.check_paragraphs()
    checker.check_tables()
    checker.check_page_numbers()
    return checker.findings


class _Checker:
    def __init__(self, doc, style: Style) -> None:
        self.doc, self.style = doc, style
        self.findings: list[Finding] = []

    def add(self, code: str, where: str, expected: object, found: object, detail: str = "") -> None:
        self.findings.append(Finding(code, detail=detail, where=where, expected=str(expected), found=str(found)))

    # -- page --------------------------------------------------------------------------------
    def check_page(self) -> None:
        s = self.style
        for i, sec in enumerate(self.doc.sections, start=1):
            where = f"第 {i} 节"
            w, h = sec.page_width.mm, sec.page_height.mm
            landscape = w > h
            short, long_ = sorted((w, h))
            if abs(short - s.page_width_mm) > s.tolerance_mm or abs(long_ - s.page_height_mm) > s.tolerance_mm:
                self.add("paper", where, "210×297 mm", f"{w:.0f}×{h:.0f} mm")
            expected = ({"top": s.margin_left_mm, "bottom": s.margin_right_mm, "left": s.margin_bottom_mm,
                         "right": s.margin_top_mm} if landscape else
                        {"top": s.margin_top_mm, "bottom": s.margin_bottom_mm, "left": s.margin_left_mm,
                         "right": s.margin_right_mm})
            names = {"top": "上", "bottom": "下", "left": "左", "right": "右"}
            for side, value in expected.items():
                found = getattr(sec, f"{side}_margin").mm
                if abs(found - value) > s.tolerance_mm:
                    self.add("margin", where, f"{value:.0f} mm", f"{found:.1f} mm", names[side])

    # -- fonts --------------------------------------------------------------------------------
    def check_paragraphs(self) -> None:
        s = self.style
        paras = [p for p in self.doc.paragraphs if p.text.strip()]
        if not paras:
            self.add("empty", "全文", "有内容", "空")
            return
        rest = paras
        if _LABEL.match(paras[0].text.strip()):
            self._check_label(paras[0])
            rest = paras[1:]
        if rest:
            self._check_font(rest[0], "标题", s.title_font, s.pt(s.title_size))
            if rest[0].alignment is None or int(rest[0].alignment) != 1:
                self.add("title_align", "标题", "居中", "未居中")
        for p in rest[1:]:
            if _HEADING.match(p.text.strip()):  # 7.3.3: 「一、」 headings in 黑体
                self._check_font(p, "一级标题", s.heading_font, s.pt(s.body_size))
            else:
                self._check_font(p, "正文", s.body_font, s.pt(s.body_size))

    def _check_label(self, paragraph) -> None:
        """7.3.7: 「附件」 or 「附件1」 (no colon, no space), every character in 3号黑体, the number too."""
        from docx.oxml.ns import qn

        s = self.style
        text = paragraph.text.strip()
        if not is_standard_label(text):
            self.add("label", "附件标签", "附件 或 附件1", text)
        self._check_font(paragraph, "附件标签", s.label_font, s.pt(s.label_size))
        for run in paragraph.runs:
            fonts = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
            latin = fonts.get(qn("w:ascii")) if fonts is not None else None
            if any(ch.isascii() and ch.isalnum() for ch in run.text) and latin and latin != s.label_font:
                self.add("label_font", "附件标签", s.label_font, latin)
                break

    def _check_font(self, paragraph, where: str, font: str, size: float) -> None:
        found_font, found_size = self._effective(paragraph)
        text = paragraph.text.strip()[:12]
        if found_font != font:
            self.add("font", where, font, found_font or "未设置中文字体", text)
        if found_size is not None and abs(found_size - size) > 0.25:
            self.add("size", where, f"{size:g} 磅", f"{found_size:g} 磅", text)

    def _effective(self, paragraph) -> tuple[str, float | None]:
        """East Asian font and size of the paragraph's first run: run → paragraph style → defaults."""
        from docx.oxml.ns import qn

        runs = [r for r in paragraph.runs if r.text.strip()]
        chain = [runs[0]._r.rPr] if runs else []
        style = paragraph.style
        while style is not None:
            chain.append(style.element.rPr)
            style = style.base_style
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            chain.append(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))
        font, size = "", None
        for rpr in chain:
            f, sz = _font_and_size(rpr)
            font, size = font or f, size if size is not None else sz
        return font, size

    # -- tables ---------------------------------------------------------------------------------
    def check_tables(self) -> None:
        from docx.oxml.ns import qn

        s = self.style
        for i, table in enumerate(self.doc.tables, start=1):
            where = f"第 {i} 个表格"
            rows = table._tbl.findall(qn("w:tr"))
            if not rows:
                continue
            trpr = rows[0].find(qn("w:trPr"))
            if trpr is None or trpr.find(qn("w:tblHeader")) is None:
                self.add("header_repeat", where, "重复表头", "未设置")
            fonts = {f.get(qn("w:eastAsia")) for f in table._tbl.iter(qn("w:rFonts")) if f.get(qn("w:eastAsia"))}
            allowed = {s.table_font, s.table_header_font, s.body_font}
            wrong = sorted(f for f in fonts if f not in allowed)
            if wrong:
                self.add("table_font", where, "、".join(sorted(allowed)), "、".join(wrong))

    # -- page numbers -----------------------------------------------------------------------------
    def check_page_numbers(self) -> None:
        from docx.oxml.ns import qn

        s = self.style
        before, _, after = s.page_number_format.partition("{n}")
        expected = f"{before}页码{after}"
        sec = self.doc.sections[0]
        odd = _footer_number(sec.footer)
        if odd is None:
            self.add("page_number", "页码", expected, "无")
            return
        text, align = odd
        if text != f"{before}#{after}":
            self.add("page_number_format", "页码", expected, text.replace("#", "页码"))
        if align != "right":
            self.add("page_number_odd", "单页页码", "居右", align or "未设置")
        settings = self.doc.settings.element
        if settings.find(qn("w:evenAndOddHeaders")) is None:
            self.add("page_number_even", "双页页码", "奇偶页不同", "未设置", "未设置奇偶页不同，双页页码无法居左")
            return
        even = _footer_number(sec.even_page_footer)
        if even is None or even[1] != "left":
            self.add("page_number_even", "双页页码", "居左", even[1] if even else "无页码", "双页页码应居左")


def _font_and_size(rpr) -> tuple[str, float | None]:
    """The East Asian font and the size (pt) a w:rPr sets, where it sets them."""
    from docx.oxml.ns import qn

    if rpr is None:
        return "", None
    fonts, sz = rpr.find(qn("w:rFonts")), rpr.find(qn("w:sz"))
    font = fonts.get(qn("w:eastAsia"), "") if fonts is not None else ""
    return font, int(sz.get(qn("w:val"))) / 2 if sz is not None else None


def _footer_number(footer) -> tuple[str, str] | None:
    """The footer paragraph holding a PAGE field: its text with the number as '#', and its alignment."""
    from docx.oxml.ns import qn

    for p in footer.paragraphs:
        xml = p._p
        instr = "".join(t.text or "" for t in xml.iter(qn("w:instrText")))
        simple = [f for f in xml.iter(qn("w:fldSimple")) if "PAGE" in (f.get(qn("w:instr")) or "")]
        if "PAGE" not in instr and not simple:
            continue
        parts, in_field = [], False
        for el in xml.iter():
            if el.tag == qn("w:fldChar"):
                kind = el.get(qn("w:fldCharType"))
                if kind == "begin":
                    in_field = True
                    parts.append("#")
                elif kind == "end":
                    in_field = False
            elif el.tag == qn("w:fldSimple"):
                parts.append("#")
            elif el.tag == qn("w:t") and not in_field and not _in_simple(el):
                parts.append(el.text or "")
        jc = p._p.pPr.find(qn("w:jc")) if p._p.pPr is not None else None
        align = jc.get(qn("w:val")) if jc is not None else ""
        return "".join(parts), {"end": "right", "start": "left"}.get(align, align)
    return None


def _in_simple(el) -> bool:
    from docx.oxml.ns import qn

    parent = el.getparent()
    while parent is not None:
        if parent.tag == qn("w:fldSimple"):
            return True
        parent = parent.getparent()
    return False
