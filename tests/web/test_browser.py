"""The whole quarterly cycle in a real browser (Debian's chromium driven by pytest-playwright).

Import seeds/huancui.txt, correct one unit name, save; make and download the attachment; issue the
trackers and download the zip; fill two trackers as departments would; upload them as a folder; see
the board and the findings; download the consolidated workbook and read its 明细. Every request the
page makes must go to 127.0.0.1. Screenshots of each step go to output/web/ (not committed).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import threading
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import openpyxl
import pytest
from conftest import DEMO, ROOT
from docx_builder import table_docx

from xltools.demo import answers_for, fill_tracker
from xltools.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "output" / "web"
TITLE = "环翠区建设职业教育创新发展高地任务清单"
TOKEN = "browser-test-token"
pytestmark = pytest.mark.office  # the attachment preview needs LibreOffice; CI installs both


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # The Playwright browser download is not available: Debian's chromium, given by path. No sandbox in
    # containers; no background traffic (updates, sync, field trials) from the browser itself.
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--lang=zh-CN"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "locale": "zh-CN",
            "accept_downloads": True}


@pytest.fixture
def server(tmp_path):
    """The app on a free port of 127.0.0.1, in a thread, as `xltools serve` runs it."""
    from werkzeug.serving import make_server

    app = create_app(tmp_path / "工作台", token=TOKEN)
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", app
    httpd.shutdown()
    app.extensions["xltools"]["jobs"].shutdown()


def shot(locator, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(SHOTS / name))


def download(page, selector: str, target: Path) -> Path:
    with page.expect_download() as info:
        page.click(selector)
    info.value.save_as(target)
    return target


def it_has_a_cjk_font_for_the_screenshots():
    import subprocess

    fonts = subprocess.run(["fc-list"], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts, "no CJK font: screenshots would show boxes (apt-get install fonts-noto-cjk)"


def it_walks_the_whole_quarter_in_the_browser(server, page, tmp_path):
    base, app = server
    requests: list[str] = []
    foreign: list[str] = []
    page.on("request", lambda req: requests.append(req.url))

    def only_local(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.set_default_timeout(60_000)

    # the address printed by `xltools serve`; the token stays in the address (no cookie), so a reload works
    page.goto(f"{base}/?token={TOKEN}")
    assert page.url == f"{base}/?token={TOKEN}" and not page.context.cookies()
    assert page.locator("h1").inner_text() == "任务清单工作台"

    # 1 任务清单: import, correct 税务局 (missing its 区 prefix) to 区税务局, save
    page.set_input_files("#import-files", str(DEMO / "huancui.txt"))
    page.locator("#status-1 .msg.ok").wait_for()
    assert f"已导入「{TITLE}」：16 项任务" in page.locator("#status-1").inner_text()
    page.locator("#tasks").wait_for()
    assert page.locator("#tasks tr").count() == 17
    assert "区税务局" in page.locator("#suggestions").inner_text()
    row = page.locator("#units form.rename").filter(has=page.locator('input[name=old][value="税务局"]'))
    row.locator("input[name=new]").fill("区税务局")
    row.locator("button").click()
    page.locator("#status-1 .msg.ok", has_text="已将「税务局」更正为「区税务局」").wait_for()
    page.locator("#suggestions").wait_for(state="detached")  # the suggestion is settled
    shot(page.locator("#step-1"), "01_任务清单.png")
    page.click("#save-dataset")
    page.locator("#status-1", has_text="已保存到任务总表").wait_for()
    page.locator("#body-1", has_text="已保存").wait_for()

    # 2 附件: generate, see page one, download the .docx
    page.click("#make-attachment")
    page.locator("#status-2 .job[data-state=完成]").wait_for(timeout=120_000)
    page.locator("#step-2 img.preview").wait_for()
    _until(lambda: page.locator("#step-2 img.preview").evaluate("img => img.naturalWidth") > 100, "预览图未加载")
    shot(page.locator("#step-2"), "02_附件.png")
    docx = download(page, "#download-docx", tmp_path / "附件.docx")
    import docx as python_docx

    texts = [p.text for p in python_docx.Document(str(docx)).paragraphs]
    assert TITLE in texts
    cells = {c.text for t in python_docx.Document(str(docx)).tables for r in t.rows for c in r.cells}
    assert any("区税务局" in c for c in cells) and not any(c.startswith("税务局") or "、税务局" in c for c in cells)

    # 3 下发: a deadline a month ahead, generate, download the zip
    quarter = page.input_value("#issue-quarter")
    deadline = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    page.fill("#issue-deadline", deadline)
    page.click("#make-trackers")
    page.locator("#status-3 .job[data-state=完成]").wait_for()
    assert "已生成 20 份填报表" in page.locator("#status-3").inner_text()
    page.locator("#download-zip").wait_for()
    shot(page.locator("#step-3"), "03_下发.png")
    zipped = download(page, "#download-zip", tmp_path / "填报表.zip")
    issued = tmp_path / "issued"
    with zipfile.ZipFile(zipped) as zf:
        assert all(i.flag_bits & 0x800 for i in zf.infolist())
        zf.extractall(issued)
    names = sorted(p.name for p in issued.iterdir())
    assert "下发清单.xlsx" in names and f"{quarter}_区税务局_任务进展填报表.xlsx" in names
    assert not any("_税务局_" in n for n in names)

    # departments answer: two trackers filled, returned together in one folder with a lock file
    returned = tmp_path / "收到的文件"
    returned.mkdir()
    units = ["区教育体育局", "区税务局"]
    for unit in units:
        src = issued / f"{quarter}_{unit}_任务进展填报表.xlsx"
        keys = _keys(src)
        fill_tracker(src, answers_for(unit, keys, random.Random(3)),
                     {"填报人": "王丽", "联系电话": "0631-5201234", "审核人": "李明", "填报日期": dt.date.today().isoformat()},
                     out=returned / src.name)
    (returned / f"~${quarter}_区税务局_任务进展填报表.xlsx").write_bytes(b"lock")

    # 4 回收: upload the folder; the board shows who returned
    page.set_input_files("#return-folder", str(returned))
    page.locator("#status-4 .job[data-state=完成]").wait_for()
    status = page.locator("#status-4").inner_text()
    assert "收到 3 个文件，保存 2 个" in status and "临时锁定文件" in status
    page.locator("#board").wait_for()
    board = page.locator("#board")
    assert "2/20 个单位已报送" in page.locator("#body-4 h3").first.inner_text()
    for unit in units:
        assert "已报送" in board.locator("tr", has=page.locator(f"td:text-is('{unit}')")).inner_text()
    assert "未报送" in board.locator("tr", has=page.locator("td:text-is('区财政局')")).inner_text()
    shot(page.locator("#step-4"), "04_回收.png")

    # a second go, days later, by dropping a file on the box: the same file again is kept once
    again = (returned / f"{quarter}_区税务局_任务进展填报表.xlsx").read_bytes()
    page.evaluate("""([name, bytes]) => {
        const all = new DataTransfer();
        all.items.add(new File([new Uint8Array(bytes)], name));
        const zone = document.querySelector("#step-4 .drop");
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: all, bubbles: true, cancelable: true}));
    }""", [f"{quarter}_区税务局_任务进展填报表.xlsx", list(again)])
    page.locator("#status-4", has_text="内容相同，未重复保存").wait_for()
    page.locator("#status-4 .job[data-state=完成]").wait_for()
    assert "2/20 个单位已报送" in page.locator("#body-4 h3").first.inner_text()

    # 5 汇总: the findings as a table, the consolidated workbook downloaded and read
    page.locator("#findings").wait_for()
    findings = page.locator("#findings").inner_text()
    assert "尚未报送" in findings and "区财政局" in findings
    shot(page.locator("#step-5"), "05_汇总.png")
    consolidated = download(page, "#download-consolidated", tmp_path / "汇总.xlsx")
    rows = list(openpyxl.load_workbook(consolidated)["明细"].iter_rows(values_only=True))
    header = list(rows[0])
    unit_col, status_col, person_col = header.index("单位"), header.index("完成状态"), header.index("填报人")
    for unit in units:
        mine = [r for r in rows[1:] if r[unit_col] == unit]
        assert mine and all(r[status_col] in ("已完成", "推进中", "滞后", "未启动") for r in mine)
        assert all(r[person_col] == "王丽" for r in mine)
    others = [r for r in rows[1:] if r[unit_col] not in units]
    assert others and all(r[status_col] == "未报送" for r in others)

    page.click("nav.steps a[href='#step-4']")  # the header stays on top
    page.screenshot(path=str(SHOTS / "06_工作台.png"))

    # nothing left the machine
    assert requests and not foreign
    assert {urlparse(u).hostname for u in requests} == {"127.0.0.1"}


def _until(condition, what: str, seconds: float = 60) -> None:
    """Poll from Python: wait_for_function's predicate is eval'd in the page, which the page's CSP forbids."""
    import time

    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, what
        time.sleep(0.2)


def _keys(tracker: Path) -> list[str]:
    ws = openpyxl.load_workbook(io.BytesIO(tracker.read_bytes()))["填报"]
    header = [c.value for c in ws[4]]
    col = header.index("任务编号")
    return [r[col] for r in ws.iter_rows(min_row=5, values_only=True) if r[col]]


# -- other pages on the same computer ---------------------------------------------------------------
ATTACK = """<!doctype html><meta charset="utf-8"><title>another local page</title><body><script>
const q = new URLSearchParams(location.search), base = q.get("base"), token = q.get("token");
const posts = %s, downloads = %s;
let n = 0;
for (const path of posts) {
  // a plain form post into a hidden frame, with the token as the hidden field, as a leaked token would allow
  const frame = document.createElement("iframe"); frame.name = "f" + (++n); document.body.append(frame);
  const form = document.createElement("form");
  form.method = "post"; form.action = base + path; form.target = frame.name; form.enctype = "multipart/form-data";
  for (const [k, v] of [["_token", token], ["quarter", "2026Q1"], ["old", "区财政局"], ["new", "攻击者"],
                        ["text", "序号\\t工作任务\\t牵头单位\\n1\\t假任务\\t假单位"]]) {
    const input = document.createElement("input"); input.name = k; input.value = v; form.append(input);
  }
  document.body.append(form); form.submit();
  // fetch() without reading the answer (no-cors), with and without the token
  const body = new FormData(); body.append("_token", token); body.append("quarter", "2026Q1");
  fetch(base + path, {method: "POST", mode: "no-cors", credentials: "include", body}).catch(() => {});
  fetch(base + path + "?token=" + token, {method: "POST", mode: "no-cors", credentials: "include"}).catch(() => {});
}
for (const path of downloads) {
  fetch(base + path + "?token=" + token + "&quarter=2026Q1", {mode: "no-cors", credentials: "include"}).catch(() => {});
  const img = new Image(); img.src = base + path + "?token=" + token + "&quarter=2026Q1"; document.body.append(img);
}
document.title = "sent";
</script>"""
POSTS = ["/quarter", "/import", "/units/rename", "/units/merge", "/units/members", "/suggestions/accept",
         "/suggestions/reject", "/dataset/save", "/dataset/discard", "/dataset/restore", "/attachment", "/issue",
         "/returns", "/collect", "/report", "/reminders", "/returns/set-aside", "/issue/unit", "/import/roles",
         "/import/close"]
DOWNLOADS = ["/files/任务总表.xlsx", "/download/trackers.zip"]


@pytest.fixture
def other_local_server(tmp_path):
    """A page served on another port of this computer, like any dev server or local tool."""
    import functools
    import http.server
    import json

    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "attack.html").write_text(ATTACK % (json.dumps(POSTS), json.dumps(DOWNLOADS)), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port
    httpd.shutdown()
    httpd.server_close()


def it_refuses_every_change_and_download_from_another_local_page(server, other_local_server, page, tmp_path):
    base, app = server
    port = int(base.rsplit(":", 1)[1])
    seen: list[tuple[str, str, str, int]] = []

    @app.after_request
    def record(response):
        from flask import request

        seen.append((request.method, request.path, request.headers.get("Origin", ""), response.status_code))
        return response

    page.set_default_timeout(60_000)
    page.goto(f"{base}/?token={TOKEN}")
    page.set_input_files("#import-files", str(DEMO / "huancui.txt"))
    page.locator("#status-1 .msg.ok").wait_for()
    page.click("#save-dataset")
    page.locator("#body-1", has_text="已保存").wait_for()
    page.click("#make-trackers")
    page.locator("#status-3 .job[data-state=完成]").wait_for()
    row = page.locator("#units form.rename").filter(has=page.locator('input[name=old][value="税务局"]'))
    row.locator("input[name=new]").fill("区税务局")
    renamed = len(seen)
    row.locator("button").click()
    page.locator("#status-1 .msg.ok", has_text="已将「税务局」更正为「区税务局」").wait_for()
    # the change sends `refresh`: every step body of this page reloads itself; wait for all five, so that none of
    # this page's own requests is counted among the other page's below
    _until(lambda: {f"/step/{n}" for n in range(1, 6)} <= {p for m, p, *_ in seen[renamed:] if m == "GET"},
           "this page's steps drawn again after the change")
    wb = app.extensions["xltools"]["workbench"]
    before = {p: p.read_bytes() for p in wb.root.rglob("*") if p.is_file()}
    assert wb.has_draft()
    jobs_before = len(app.extensions["xltools"]["jobs"]._jobs)

    # the other page, opened in the same browser from both local names, knowing even the token
    attacker = page.context.new_page()
    start, expected = len(seen), 3 * len(POSTS) + 2 * len(DOWNLOADS)
    for host in ("127.0.0.1", "localhost"):
        for target in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):
            count = len(seen)
            attacker.goto(f"http://{host}:{other_local_server}/attack.html?base={target}&token={TOKEN}")
            _until(lambda count=count: len(seen) - count >= expected, f"the other page's requests ({host} → {target})")
    attacker.close()
    foreign = seen[start:]
    assert len(foreign) >= 4 * (3 * len(POSTS) + 2 * len(DOWNLOADS))
    assert all(status == 403 for *_, status in foreign), [s for s in foreign if s[3] != 403]
    assert len(app.extensions["xltools"]["jobs"]._jobs) == jobs_before  # nothing was queued either
    assert {p: p.read_bytes() for p in wb.root.rglob("*") if p.is_file()} == before

    # the clerk's page keeps working, under either local name
    page.click("#save-dataset")
    page.locator("#status-1", has_text="已保存到任务总表").wait_for()
    assert not wb.has_draft() and "区税务局" in {u.name for u in wb.saved().units}
    page.goto(f"http://localhost:{port}/?token={TOKEN}")
    page.click("#make-attachment")
    page.locator("#status-2 .job[data-state]").first.wait_for()
    assert "拒绝" not in page.locator("#status-2").inner_text()


def it_refuses_the_older_of_two_corrections_and_restores_a_saved_list(server, page):
    base, app = server
    wb = app.extensions["xltools"]["workbench"]
    page.set_default_timeout(60_000)
    page.goto(f"{base}/?token={TOKEN}")
    page.set_input_files("#import-files", str(DEMO / "huancui.txt"))
    page.locator("#status-1 .msg.ok").wait_for()
    page.click("#save-dataset")
    page.locator("#body-1", has_text="已保存").wait_for()
    first = wb.dataset_path.read_bytes()

    def rename(tab, old, new):
        row = tab.locator("#units form.rename").filter(has=tab.locator(f'input[name=old][value="{old}"]'))
        row.locator("input[name=new]").fill(new)
        return row.locator("button")

    # two windows on the same list, each correcting a different unit, sent at the same moment
    other = page.context.new_page()
    other.goto(f"{base}/?token={TOKEN}")
    a, b = rename(page, "税务局", "区税务局"), rename(other, "区财政局", "区财政局（改）")
    a.click(no_wait_after=True)
    b.click(no_wait_after=True)
    ok, refused = page.locator("#status-1 .msg.ok"), other.locator("#status-1 .msg.error")
    ok.or_(page.locator("#status-1 .msg.error")).wait_for()
    refused.or_(other.locator("#status-1 .msg.ok")).wait_for()
    messages = [page.locator("#status-1").inner_text(), other.locator("#status-1").inner_text()]
    applied = [m for m in messages if "已将" in m]
    stale = [m for m in messages if "未执行" in m]
    assert len(applied) == 1 and len(stale) == 1, messages
    loser = page if "未执行" in messages[0] else other
    shot(loser.locator("#step-1"), "07_过期的更正.png")
    # the refused window shows the list as it now is (reloaded) and the same correction then goes through
    names = {u.name for u in wb.current().units}
    assert ("区税务局" in names) != ("区财政局（改）" in names)
    redo = ("区财政局", "区财政局（改）") if "区税务局" in names else ("税务局", "区税务局")
    loser.locator("#units form.rename").filter(has=loser.locator(f'input[name=old][value="{redo[0]}"]')).wait_for()
    loser.locator("#units").filter(has_text=("区税务局" if redo[0] == "区财政局" else "区财政局（改）")).wait_for()
    rename(loser, *redo).click()
    loser.locator("#status-1 .msg.ok", has_text=f"已将「{redo[0]}」更正为「{redo[1]}」").wait_for()
    assert {"区税务局", "区财政局（改）"} <= {u.name for u in wb.current().units}
    other.close()

    # saved; the earlier list is in the history and can be restored from the page
    page.reload()
    page.click("#save-dataset")
    page.locator("#status-1", has_text="原来的版本已存入「历史」文件夹").wait_for()
    page.locator("#history summary").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#history button", has_text="恢复").first.click()
    page.locator("#status-1", has_text="已将任务总表恢复为").wait_for()
    assert wb.dataset_path.read_bytes() == first
    page.locator("#history summary").click()
    shot(page.locator("#step-1"), "08_历史版本.png")
    assert page.locator("#history tr").count() == 3  # header, the first list, the corrected one


def it_keeps_the_clerk_where_they_are_through_a_quarter(server, page, tmp_path):
    base, app = server
    wb = app.extensions["xltools"]["workbench"]
    page.set_default_timeout(60_000)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page.goto(f"{base}/?token={TOKEN}")
    page.set_input_files("#import-files", str(DEMO / "huancui.txt"))
    page.locator("#units").wait_for()

    # 更正 far down the list: the row stays where it was and the confirmation shows where the clerk looks
    row = page.locator("#units tr", has=page.locator('input[name=old][value="区财政局"]'))
    row.scroll_into_view_if_needed()
    before = row.bounding_box()["y"]
    row.locator("input[name=new]").fill("区财政局（更正）")
    row.locator("button", has_text="更正").click()
    page.locator("#toast.show", has_text="已将「区财政局」更正为「区财政局（更正）」").wait_for()
    page.locator("#units td:text-is('区财政局（更正）')").wait_for()
    after = page.locator("#units tr", has=page.locator("td:text-is('区财政局（更正）')")).bounding_box()["y"]
    assert abs(after - before) < 40, (before, after)
    page.screenshot(path=str(SHOTS / "09_更正后位置不变.png"))

    # 全部采纳: first a look at what will change
    page.click("#accept-all")
    page.locator("#accept-all-preview").wait_for()
    shot(page.locator("#step-1"), "10_全部采纳预览.png")
    page.click("#accept-all-confirm")
    page.locator("#status-1 .msg.ok", has_text="已采纳").wait_for()
    page.locator("#suggestions").wait_for(state="detached")
    page.click("#save-dataset")
    page.locator("#body-1", has_text="已保存").wait_for()

    # keyboard focus is visible on the file pickers
    page.focus("#import-files")
    outline = page.locator("#import-files").evaluate("e => getComputedStyle(e.closest('label')).outlineStyle")
    assert outline not in ("none", "")

    # issue, two returns, one set aside: the board follows, the file is kept in 已撤回
    page.click("#make-trackers")
    page.locator("#status-3 .job[data-state=完成]").wait_for()
    quarter = page.input_value("#issue-quarter")
    issued_dir = wb.root / quarter / "下发"
    returned = tmp_path / "回"
    returned.mkdir()
    units = ["区教育体育局", "区税务局"]
    for unit in units:
        src = issued_dir / f"{quarter}_{unit}_任务进展填报表.xlsx"
        fill_tracker(src, answers_for(unit, _keys(src), random.Random(3)),
                     {"填报人": "王丽", "联系电话": "0631-5201234", "审核人": "李明",
                      "填报日期": dt.date.today().isoformat()}, out=returned / src.name)
    page.set_input_files("#return-folder", str(returned))
    page.locator("#status-4 .job[data-state=完成]").wait_for()
    page.locator("#body-4 h3", has_text="2/").wait_for()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#board tr", has=page.locator("td:text-is('区税务局')")).locator("button", has_text="撤回").click()
    page.locator("#status-4", has_text="已撤回").wait_for()
    page.locator("#body-4 h3", has_text="1/").wait_for()
    assert (wb.root / quarter / "已撤回" / f"{quarter}_区税务局_任务进展填报表.xlsx").exists()
    page.locator("#received-files summary").click()
    shot(page.locator("#step-4"), "11_撤回.png")

    # reminders: kept after a reload, each with a copy button
    page.click("#make-reminders")
    page.locator("#status-5 .job[data-state=完成]").wait_for()
    page.reload()
    first = page.locator("#reminders tr[data-key]").first
    first.locator("button.copy").click()
    first.locator("button.copy", has_text="已复制").wait_for()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == first.locator("td.text").inner_text() and "您好" in copied
    shot(page.locator("#step-5"), "12_催报.png")

    # the server goes away: the page says so instead of 进行中 for ever
    app.extensions["xltools"]["jobs"].shutdown()
    page.context.route("**/*", lambda route: route.abort())
    page.click("#collect-again")
    page.locator("#toast.show", has_text="连接已断开").wait_for()
    page.screenshot(path=str(SHOTS / "13_连接断开.png"))


# -- the import preview: a list whose task column has a label the importer does not know ---------------------
PREVIEW_HEADER = ["序号", "具体事项", "责任单位", "完成时限"]
PREVIEW_ROWS = [
    ["1", "新建改建城乡道路二十公里，完成农村公路提档升级改造，方便沿线群众安全便捷出行。", "区交通运输局、区财政局",
     "2026年12月底前"],
    ["2", "新增公办幼儿园学位六百个，改造提升中小学校舍和运动场地，缓解城区入园难问题。", "区教育局", "2026年9月底前"],
    ["3", "为全区六十五周岁以上老年人免费开展一次健康体检，建立完善电子健康档案。", "区卫生健康局、各街道办事处",
     "2026年10月底前"],
    ["4", "改造老旧小区十二个，加装电梯三十部，同步完善社区养老托育和便民服务设施。", "区住房和城乡建设局",
     "2026年12月底前"],
]


# Task names too short for any importer to tell the task column from its cells: refused, then chosen.
NAMES_HEADER = ["序号", "项目", "责任单位", "完成时限"]
NAMES_ROWS = [["1", "道路提档", "区交通运输局", "2026年12月底前"], ["2", "幼儿园扩容", "区教育局", "2026年9月底前"],
              ["3", "老年人体检", "区卫生健康局", "2026年10月底前"], ["4", "小区改造", "区住房和城乡建设局", "2026年12月底前"]]


def preview_docx(path: Path, header: list[str] = PREVIEW_HEADER, rows: list[list[str]] = PREVIEW_ROWS) -> Path:
    """A Word attachment as offices publish it: 附件, a title, and a table whose task column has a label the
    importer does not know (具体事项, 项目)."""
    return table_docx(path, header, rows, above=("附件", "2026年区政府民生实事项目清单"))


@pytest.mark.parametrize(("header", "rows"), [(PREVIEW_HEADER, PREVIEW_ROWS), (NAMES_HEADER, NAMES_ROWS)],
                         ids=["sentences", "short-names"])
def it_imports_a_list_with_an_unknown_task_label_through_the_preview(server, page, tmp_path, header, rows):
    from xltools import load_dataset

    base, app = server
    wb = app.extensions["xltools"]["workbench"]
    task_label, kind = header[1], "句子" if rows is PREVIEW_ROWS else "短名称"
    page.set_default_timeout(60_000)
    page.goto(f"{base}/?token={TOKEN}")
    source = preview_docx(tmp_path / "民生实事项目清单.docx", header, rows)
    before = source.read_bytes()
    page.set_input_files("#import-files", str(source))

    # the preview: the file's columns with a role each, the first rows (as read, or as they stand when refused)
    preview = page.locator("#import-preview")
    preview.wait_for()
    assert preview.locator("#preview-table tr").nth(0).locator("th").count() == 1 + len(header)
    for label in header:
        assert page.locator(f'select[aria-label="「{label}」列的含义"]').count() == 1
    assert rows[3][1] in preview.inner_text()
    if rows is NAMES_ROWS:  # no importer can tell: it asks
        assert "未能自动确定各列的含义" in preview.inner_text() and not wb.has_draft()
        assert page.locator(f'select[aria-label="「{task_label}」列的含义"]').input_value() == ""
    shot(preview, f"01a_导入预览_选择前_{kind}.png")

    # one role chosen: the task column; the file is read again at once and becomes the draft
    page.select_option(f'select[aria-label="「{task_label}」列的含义"]', "content")
    page.locator("#status-1 .msg.ok", has_text="已按所选的列重新读取").wait_for()
    page.locator("#preview-summary", has_text="4").wait_for()
    assert page.locator(f'select[aria-label="「{task_label}」列的含义"]').input_value() == "content"
    assert page.locator("#tasks tr").count() == 1 + len(rows)
    # the preview's header is drawn again after the re-read: wait for it rather than read the one still shown
    page.locator("#preview-table th", has_text=task_label).filter(has_text="已指定").wait_for()
    assert "已指定" in page.locator("#preview-table th", has_text=task_label).inner_text()
    shot(page.locator("#step-1"), f"01b_导入预览_选择后_{kind}.png")

    # on to the existing check-and-save flow
    page.click("#save-dataset")
    page.locator("#status-1", has_text="已保存到任务总表").wait_for()
    page.locator("#body-1", has_text="已保存").wait_for()
    assert page.locator("#import-preview").count() == 0  # the preview goes once the list is saved

    ds = load_dataset(wb.dataset_path)
    assert ds.title == "2026年区政府民生实事项目清单"
    assert [t.number for t in ds.tasks] == [r[0] for r in rows]
    assert [t.content for t in ds.tasks] == [r[1] for r in rows]
    assert [[*t.lead_units, *t.units] for t in ds.tasks] == [r[2].split("、") for r in rows]
    assert [t.deadline for t in ds.tasks] == [r[3] for r in rows]
    assert {u.name for u in ds.units} == {n for r in rows for n in r[2].split("、")}
    assert source.read_bytes() == before
