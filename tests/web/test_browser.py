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

    # the address printed by `xltools serve`: the token becomes a cookie and leaves the address bar
    page.goto(f"{base}/?token={TOKEN}")
    assert page.url == f"{base}/"
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
