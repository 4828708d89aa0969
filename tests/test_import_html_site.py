"""A list saved from a government site (.htm 「网页，全部」/「仅HTML」): the site around the article — menus, the
breadcrumb, 「打印本页」「关闭窗口」, the footer with its 网站标识码 and ICP备 number — never becomes a task, a heading or a
unit line, and a line break in the page's source (Word's HTML wraps its lines mid-sentence) is no line of the page."""

from __future__ import annotations

import xltools
from xltools.ingest.readers.html import read_html

# A county site's article page: the list as 分工方案 paragraphs with 牵头单位：/责任单位： lines, the footer after it.
_HEAD = ('<html><head><meta charset="utf-8"><title>关于印发重点工作分工方案的通知_某县人民政府</title></head><body>'
         '<div class="header"><img src="logo.png" alt="某县人民政府"></div>')
_ARTICLE = ('<p>附件</p><p align="center"><strong>2024年重点工作分工方案</strong></p>'
            '<p style="text-indent:2em"><strong>一、优化营商环境</strong></p>'
            '<p style="text-indent:2em">1.深化“放管服”改革，推行企业开办全程网办，企业开办时间压缩至1个工作日以内。</p>'
            '<p style="text-indent:2em">牵头单位：县政务服务中心</p>'
            '<p style="text-indent:2em">责任单位：县市场监管局、县税务局</p>'
            '<p style="text-indent:2em">2.落实减税降费政策，全年为市场主体减负1亿元以上。</p>'
            '<p style="text-indent:2em">牵头单位：县财政局</p>')
_FOOTER = ("主办单位：某县人民政府办公室　承办单位：某县大数据中心",
           '网站标识码：4113260001　<a href="https://beian.miit.gov.cn/">豫ICP备05012345号</a>　豫公网安备 41132602000123号',
           "您是本站第 123456 位访客")


def _page(nav: str, tools: str, footer: str) -> str:
    return f"{_HEAD}{nav}<table width=1000><tr><td>{_ARTICLE}{tools}</td></tr></table>{footer}</body></html>"


def _tasks(path):
    return [(t.number, t.lead_units, t.units) for t in xltools.import_source(path).tasks]


_WANT = [("1", ["县政务服务中心"], ["县市场监管局", "县税务局"]), ("2", ["县财政局"], [])]


def it_leaves_out_lines_made_only_of_links():
    """A menu (a list or a table of links with 「|」 between them) and 【打印本页】【关闭窗口】 whose brackets stand
    outside the links: every word of the line is a link's. A line of prose with a link in it stays."""
    page = ('<table><tr><td><a href="/">首页</a></td><td>|</td><td><a href="/zwgk/">政务公开</a></td></tr></table>'
            '<ul><li><a href="/a/">政务服务</a></li><li><a href="/b/">互动交流</a></li></ul>'
            "<p>一、主要任务</p><p>1.推进老旧小区改造，详见<a href='fj.docx'>附件</a>。</p>"
            '<p>【<a href="#" onclick="window.print()">打印本页</a>】　【<a href="javascript:window.close()">关闭窗口</a>】</p>')
    assert read_html(page)[1] == ["一、主要任务", "1.推进老旧小区改造，详见附件。"]


def it_leaves_out_an_element_marked_as_navigation_or_footer_when_it_holds_a_few_short_lines():
    """<nav>, <footer>, class/id nav, position (the breadcrumb), footer …: left out when they hold a few short lines;
    a box so marked that holds the article's numbered paragraphs (a page calling its content `main-bottom`) stays."""
    page = ('<nav><p>首页</p><p>政务公开</p></nav>'
            '<div class="position">当前位置：首页 > 政务公开 > 通知公告</div>'
            '<div id="main-bottom"><p>1.推进老旧小区改造。</p><p>牵头单位：县住建局</p></div>'
            "<footer><p>主办单位：某县人民政府办公室</p><p>联系电话：0371-12345678</p></footer>")
    assert read_html(page)[1] == ["1.推进老旧小区改造。", "牵头单位：县住建局"]


def it_leaves_out_the_footer_from_its_registration_line():
    """A footer in an unnamed table (no class, no <footer>): its 网站标识码/ICP备 line, what follows it and the short
    lines of its block above it (主办单位：…, which would read as the last task's lead) are left out; the article,
    in another block, stays."""
    page = _page("", "", '<table align="center"><tr><td>' + "<br>".join(_FOOTER) + "</td></tr></table>")
    lines = read_html(page)[1]
    assert lines[-1] == "牵头单位：县财政局"
    assert not any("主办单位" in ln or "访客" in ln for ln in lines)


def it_keeps_a_registration_line_followed_by_the_article():
    """A registration line that is not the end of the page (a header strip showing it) cuts nothing."""
    page = ("<div><p>网站标识码：4113260001</p></div><p>1.推进老旧小区改造，年内完成改造小区30个以上，惠及居民2000户。</p>"
            "<p>牵头单位：县住建局</p>" + "".join(f"<p>{k}.第{k}项工作任务的具体内容，按照年度计划推进落实到位并及时报送进展情况。</p>"
                                             for k in range(2, 5)))
    assert read_html(page)[1][0] == "网站标识码：4113260001"


def it_imports_a_site_page_of_paragraphs_as_its_tasks_only(tmp_path):
    """The whole page as saved from the site: nav bar, breadcrumb, article, print/close links, footer — the tasks
    come back, none made of the site, no 主办单位 of the footer glued onto the last task."""
    nav = ('<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>'
           '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>')
    tools = ('<div class="tools"><a href="javascript:window.print()">【打印本页】</a>'
             '<a href="javascript:window.close()">【关闭窗口】</a></div>')
    for footer in ('<div class="footer">' + "".join(f"<p>{x}</p>" for x in _FOOTER) + "</div>",
                   "<table><tr><td>" + "<br>".join(_FOOTER) + "</td></tr></table>"):
        path = tmp_path / "附件.htm"
        path.write_text(_page(nav, tools, footer), encoding="utf-8")
        assert _tasks(path) == _WANT


def it_reads_a_line_break_in_the_source_as_no_line():
    """Word's HTML (and a site's editor it was pasted into) wraps its source lines in the middle of a sentence or a
    name and goes on at the line's start: in a cell that is no line break (a unit is not cut in two, 「各县(⏎市、区)」
    stays one name), in a paragraph no space; between English words it is a space; inside <pre> a line."""
    page = ("<table border=1><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr>"
            "<tr><td>1</td><td><span style='font-family:仿宋_GB2312'>完善应急预案体系，规范预案编制、审批和\n"
            "备案工作</span></td><td>市发展和改革\n委员会<br>各县(\n市、区)人民政府</td></tr></table>"
            "<p>牵头单位：各县(\n市、区)人民政府，Word\nExcel</p><pre>甲\n乙</pre>")
    grids, lines = read_html(page)
    assert grids[0].rows[1] == ["1", "完善应急预案体系，规范预案编制、审批和备案工作", "市发展和改革委员会\n各县(市、区)人民政府"]
    assert lines[-3:] == ["牵头单位：各县(市、区)人民政府，Word Excel", "甲", "乙"]


def it_reads_names_on_indented_source_lines_as_names_apart(tmp_path):
    """A pretty-printed page (a CMS template) puts each name of a cell on an indented line of its own, no <br>: a
    browser shows 「团县委 县妇联」, two names, not one glued name."""
    page = ("<p>附件</p><p>2024年民生实事任务清单</p><table border=1><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr>"
            "<tr><td>1</td><td>开展青少年心理健康关爱行动</td><td>\n      团县委\n      县妇联\n    </td></tr>"
            "<tr><td>2</td><td>落实减税降费政策</td><td>\n\t\t县财政局\n\t\t县税务局\n\t</td></tr></table>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert [t.units for t in xltools.import_source(tmp_path / "p.html").tasks] == [["团县委", "县妇联"],
                                                                                 ["县财政局", "县税务局"]]


def it_keeps_a_task_that_names_the_site_registration(tmp_path):
    """A 政府网站 list's task 「标注网站标识码、ICP备案编号和公网安备标识」 is a sentence, not the footer's registration
    (label and number): the last task stays whole, and a short key-value list whose last item names it keeps both
    items; the footer after them is still left out."""
    footer = ('<div class="bottom-wrap"><p>主办单位：某县人民政府办公室</p>'
              "<p>网站标识码：4107000012　豫ICP备12003456号</p></div>")
    paras = ("<div class='article'><p>2024年政务公开和政府网站工作任务分工</p>"
             "<p>1.做好财政预决算信息公开。（县财政局负责）</p>"
             "<p>2.规范网站标识，在首页底部标注网站标识码、ICP备案编号和公网安备标识。（县政府办公室牵头，县大数据中心配合）</p>"
             f"</div>{footer}")
    kv = ("<div class='content'><p>附件</p><p>政府网站重点任务</p><p>开展政府网站普查。</p><p>牵头单位：县政府办公室</p>"
          "<p>核对网站标识码和备案编号，在页面底部标注。</p><p>牵头单位：县大数据中心</p></div>" + footer)
    (tmp_path / "p.html").write_text(f"<html><body>{paras}</body></html>", encoding="utf-8")
    (tmp_path / "k.html").write_text(f"<html><body>{kv}</body></html>", encoding="utf-8")
    assert [(t.number, t.lead_units, t.units) for t in xltools.import_source(tmp_path / "p.html").tasks] == [
        ("1", [], ["县财政局"]), ("2", ["县政府办公室"], ["县大数据中心"])]
    assert [t.lead_units for t in xltools.import_source(tmp_path / "k.html").tasks] == [["县政府办公室"], ["县大数据中心"]]


def it_reads_two_spaces_typed_in_a_cell_as_names_set_apart():
    """「市税务局&nbsp;&nbsp;滁州海关&nbsp;&nbsp;各县、市、区政府」 (or 「　」 between): names an editor set apart on one line,
    each a unit of its own — when the pieces are names (all, or all but one of three or more). Two spaces in a
    label (序&nbsp;&nbsp;号), a deadline (2024年&nbsp;&nbsp;12月底) or between a name and its tail (市公安局交警&nbsp;&nbsp;支队)
    are a space; so are one space and spaces that are only the source's layout."""
    page = ("<table border=1><tr><td>序&nbsp;&nbsp;号</td><td>工&nbsp;&nbsp;作&nbsp;&nbsp;任&nbsp;&nbsp;务</td><td>牵头单位</td>"
            "<td>责任单位</td><td>完成时限</td></tr>"
            "<tr><td>&nbsp;1&nbsp;</td><td>确保财政收入增长8%左右。</td><td>市财政局</td>"
            "<td>市税务局&nbsp;&nbsp;滁州海关　　市人行&nbsp; 各县、市、区政府</td><td>2024年&nbsp;&nbsp;12月底</td></tr>"
            "<tr><td>2</td><td>推进 “一网通办”    改革。</td><td>市政务服务 管理局</td><td>市公安局交警&nbsp;&nbsp;支队</td>"
            "<td>长期</td></tr></table>")
    rows = read_html(page)[0][0].rows
    assert rows[0][:2] == ["序 号", "工 作 任 务"]
    assert rows[1][0] == "1" and rows[1][3:] == ["市税务局\n滁州海关\n市人行\n各县、市、区政府", "2024年 12月底"]
    assert rows[2][1:4] == ["推进 “一网通办” 改革。", "市政务服务 管理局", "市公安局交警 支队"]


def it_reads_a_page_saved_as_unicode_by_its_byte_order_mark(tmp_path):
    """A page Word or IE saved as 「Unicode」 (UTF-16 with its byte order mark, declaring charset=unicode) is a page,
    read by its BOM; so is UTF-8 with a BOM under a stale 「charset=gb2312」."""
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset={}"></head><body><p>附件</p>'
            "<table border=1><tr><td>序号</td><td>工作任务</td><td>责任单位</td></tr>"
            "<tr><td>1</td><td>推进老旧小区改造。</td><td>县住建局</td></tr></table></body></html>")
    for name, data in (("u16.htm", page.format("unicode").encode("utf-16")),
                       ("u8.htm", b"\xef\xbb\xbf" + page.format("gb2312").encode("utf-8"))):
        (tmp_path / name).write_bytes(data)
        assert [(t.content, t.units) for t in xltools.import_source(tmp_path / name).tasks] == [
            ("推进老旧小区改造。", ["县住建局"])]


def it_reads_a_page_saved_as_one_file_by_ie_in_its_windows_encoding(tmp_path):
    """IE's 「网页，单个文件」 (.mht): the page quoted-printable in a MIME archive, labelled 「gb2312」 though Windows writes
    GBK — a name in traditional characters (or a GBK-only character) comes back whole, not replaced."""
    import quopri

    page = ("<html><body><p>附件</p><table border=1><tr><td>序號</td><td>工作任務</td><td>責任單位</td></tr>"
            "<tr><td>1</td><td>建立經濟發展與擴大就業聯動機制。</td><td>市經濟和信息化委</td></tr></table></body></html>")
    body = quopri.encodestring(page.encode("gbk")).decode("ascii")
    mht = ('MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="b1"\r\n\r\n--b1\r\n'
           'Content-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
           f"{body}\r\n--b1--\r\n")
    (tmp_path / "p.mht").write_bytes(mht.encode("ascii"))
    assert [(t.content, t.units) for t in xltools.import_source(tmp_path / "p.mht").tasks] == [
        ("建立經濟發展與擴大就業聯動機制。", ["市經濟和信息化委"])]


def it_reads_an_articles_markup_saved_as_text_as_a_page(tmp_path):
    """An article's body copied out of the page source and saved as .txt (「<p class="ql-block">…</p> <p …>…</p>」 on
    one line, no <html> around it): read as the page it is, a paragraph a <p>, not as one line of text with tags."""
    body = _ARTICLE.replace("<p", '<p class="ql-block"').replace("</p>", "</p> ")
    path = tmp_path / "问题清单.txt"
    path.write_text(body, encoding="utf-8")
    assert _tasks(path) == _WANT
    plain = tmp_path / "说明.txt"  # a sentence that merely mentions a tag is still text
    plain.write_text("请把 <p> 段落标记删去后再粘贴。\n1.推进某项工作（县财政局负责）\n", encoding="utf-8")
    from xltools.infra.sniff import sniff

    assert sniff(plain) == "text"
