"""The Flask app: thin routes (read the form, call `steps`, render a fragment) behind a token.

Safety (only this page can read or change anything):
- Only requests addressed to 127.0.0.1/localhost are answered (a DNS-rebinding page gets 403).
- Every request carries the token made at start, which no other page can know: the page is opened
  with ?token=… (the address stays in the address bar, so a reload works), htmx sends it in the
  X-Xltools-Token header (hx-headers on <body>), plain forms in a hidden `_token` field, links and
  downloads in ?token=. There is no cookie: a browser sends cookies to every port of 127.0.0.1, so
  another local server would receive it and could replay it.
- A request that changes anything (every POST) must also come from this page: its Origin (or, when
  the browser sends none, its Referer) is this server's own origin, exactly as the page was opened
  (http://127.0.0.1:PORT or http://localhost:PORT). Downloads of workbench files need the same proof
  (Origin, Referer or Sec-Fetch-Site: same-origin), so a page on another port can neither post a form,
  fetch(), nor pull a file into an <img> or a link even if it had the token.
- Errors reach the page as a Chinese message with what to do, never as a traceback or exception name.

htmx: each step is a <section>; forms post into the step's status box; a response that changes
files sends the `refresh` event, and every step body reloads itself on it.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from pathlib import Path

from flask import Flask, Response, abort, render_template, request, send_file
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from ..cycle.quarter import parse_quarter
from ..errors import XlError
from . import edits, steps, views
from .jobs import JobRunner
from .messages import clerk_text, internal_text
from .workbench import LIMITS, StaleEdit, Workbench

log = logging.getLogger("xltools.web")
PASTE_LIMIT_MB = 20
ALLOWED_HOSTS = ("127.0.0.1", "localhost")
REFRESH = {"HX-Trigger": "refresh"}
# The browser itself refuses anything but this server: no CDN, no fonts, no beacons; no framing by other pages.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                               "base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    # The page's own requests carry a Referer (the Origin check's fallback); other sites get none.
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def create_app(folder: str | Path, token: str | None = None) -> Flask:
    """The page for the workbench `folder`; `token` (random when not given) guards every request."""
    app = Flask(__name__)
    app.config.update(XL_TOKEN=token or secrets.token_urlsafe(24),
                      MAX_CONTENT_LENGTH=LIMITS.max_total_mb * 1024 * 1024 + 1024 * 1024,
                      # parts are counted by _uploads, which says how many; this only stops absurd requests
                      MAX_FORM_PARTS=10 * LIMITS.max_files + 20,
                      MAX_FORM_MEMORY_SIZE=PASTE_LIMIT_MB * 1024 * 1024)  # a pasted list is a form field
    app.jinja_env.filters["clerk"] = clerk_text
    wb = Workbench(folder)
    jobs = JobRunner()
    app.extensions["xltools"] = {"workbench": wb, "jobs": jobs}
    _guard(app)
    _errors(app)
    for register in (_page_routes, _list_routes, _edit_routes, _issue_routes, _returns_routes, _output_routes):
        register(app, wb, jobs)
    return app


# -- the token and the origin -----------------------------------------------------------------------
TOKEN_HEADER, TOKEN_FIELD = "X-Xltools-Token", "_token"
# Routes that hand out workbench files: read-only, but the files are the clerk's.
DOWNLOADS = {"files", "trackers_zip"}


def _sent_token() -> str:
    """The token as sent: header (htmx), query (links, the first address) or hidden form field."""
    sent = request.headers.get(TOKEN_HEADER) or request.args.get("token")
    if not sent and request.method == "POST" and request.mimetype in ("application/x-www-form-urlencoded",
                                                                       "multipart/form-data"):
        sent = request.form.get(TOKEN_FIELD)
    return sent or ""


def _same_token(sent: str, token: str) -> bool:
    """Constant-time comparison that also takes tokens that are not ASCII (compared as UTF-8 bytes)."""
    return hmac.compare_digest(sent.encode("utf-8", "surrogatepass"), token.encode("utf-8"))


def own_origin() -> str:
    return f"http://{request.host}"


def _from_this_page(download: bool) -> bool:
    """Origin (else Referer) is this server as the page was opened; for downloads Sec-Fetch-Site also counts."""
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == own_origin()
    referer = request.headers.get("Referer", "")
    if referer:
        return referer == own_origin() or referer.startswith(own_origin() + "/")
    return download and request.headers.get("Sec-Fetch-Site") == "same-origin"


def _guard(app: Flask) -> None:
    @app.before_request
    def check_token():
        if request.host.rpartition(":")[0] not in ALLOWED_HOSTS and request.host not in ALLOWED_HOSTS:
            return _forbidden("本服务只接受本机地址（127.0.0.1）的访问。")
        if request.path == "/favicon.ico":  # asked for by every browser, without the token
            return Response(status=204)
        if not _same_token(_sent_token(), app.config["XL_TOKEN"]):
            return _forbidden("缺少或无效的访问令牌。")
        changes = request.method not in ("GET", "HEAD", "OPTIONS")
        if (changes or request.endpoint in DOWNLOADS) and not _from_this_page(download=not changes):
            return _forbidden("该请求不是从本工作台页面发出的，已拒绝。")
        return None

    @app.url_defaults
    def with_token(endpoint: str, values: dict) -> None:
        """Every link the page makes (files, downloads, htmx.min.js) carries the token."""
        values.setdefault("token", app.config["XL_TOKEN"])

    @app.context_processor
    def token_for_templates() -> dict:
        return {"xl_token": app.config["XL_TOKEN"], "token_header": TOKEN_HEADER, "token_field": TOKEN_FIELD}

    @app.after_request
    def harden(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _forbidden(why: str) -> Response:
    html = render_template("403.html", why=why)
    return Response(html, status=403, mimetype="text/html")


# -- errors ---------------------------------------------------------------------------------------
def _errors(app: Flask) -> None:
    @app.errorhandler(StaleEdit)
    def stale_edit(exc: StaleEdit):
        # refused, said where the clerk looks, and the list reloaded so the next edit is made on what is there
        return _message("error", exc.message, exc.hint), 409, REFRESH

    @app.errorhandler(XlError)
    def library_error(exc: XlError):
        return _message("error", exc.message, exc.hint, exc.where()), 400

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(_exc):
        # Werkzeug refuses three ways with one exception: the body's size, the number of parts, a long field
        batches = f"请分几次上传（每次不超过 {LIMITS.max_files} 个文件、合计 {LIMITS.max_total_mb} MB）。"
        if (request.content_length or 0) > (app.config["MAX_CONTENT_LENGTH"] or 0):
            return _message("error", f"上传的文件合计超过 {LIMITS.max_total_mb} MB。", batches), 413
        if request.mimetype == "multipart/form-data":  # uploads: within the size, so too many parts
            return _message("error", f"一次选择的文件超过上限 {LIMITS.max_files} 个（合计大小没有超过）。", batches), 413
        return _message("error", f"粘贴或填写的文字过长（超过 {PASTE_LIMIT_MB} MB）。",
                        "请分几次粘贴，或把清单存成 Word/Excel 文件后上传。"), 413

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        text = {404: "没有这个页面或文件。", 405: "不支持这种请求方式。", 400: "请求的内容不完整。"}
        return _message("error", text.get(exc.code or 0, f"请求出错（{exc.code}）。"), "请刷新页面后重试。"), exc.code

    @app.errorhandler(Exception)
    def internal_error(exc: Exception):
        log.exception("request %s %s failed", request.method, request.path)
        text, hint = internal_text(exc)
        return _message("error", text, hint), 500


def _message(kind: str, text: str, hint: str = "", where: str = "") -> str:
    if request.headers.get("HX-Request"):
        return render_template("_message.html", kind=kind, text=text, hint=hint, where=where)
    return render_template("message_page.html", kind=kind, text=text, hint=hint, where=where)


# -- routes ---------------------------------------------------------------------------------------
def _uploads(field: str = "files") -> list[tuple[str, bytes]]:
    """(name as sent, content) of each uploaded file; a file over the limit is cut just past it."""
    files = [f for f in request.files.getlist(field) if f.filename]
    if len(files) > LIMITS.max_files:
        raise XlError(f"一次选择了 {len(files)} 个文件，超过上限 {LIMITS.max_files} 个。", hint="请分几次上传。")
    cap = LIMITS.max_file_mb * 1024 * 1024 + 1
    return [(f.filename or "", f.read(cap)) for f in files]


def _version() -> str | None:
    """The version of the list an edit was made on (a hidden value of step 1; see Workbench.version)."""
    return request.form.get("version")


def _history_time(path: Path) -> str:
    from .views import history_time

    return history_time(path)


def _quarter_field():
    return parse_quarter(request.form.get("quarter") or views.quarter_of(_wb()).code)


def _wb() -> Workbench:
    from flask import current_app

    return current_app.extensions["xltools"]["workbench"]


def _page_routes(app: Flask, wb: Workbench, jobs: JobRunner) -> None:
    """The page, its steps and the quarter it works on."""

    @app.get("/")
    def index():
        bodies = {n: Markup(render_template(f"_step{n}.html", **views.step_context(wb, n))) for n in views.STEPS}
        return render_template("index.html", **views.common(wb), bodies=bodies)

    @app.get("/step/<int:n>")
    def step(n: int):
        if n not in views.STEPS:
            abort(404)
        return render_template(f"_step{n}.html", **views.step_context(wb, n))

    @app.get("/quarter")
    def quarter_picker():
        return render_template("_quarter.html", **views.common(wb))

    @app.post("/quarter")
    def set_quarter():
        q = _quarter_field()
        wb.update_state(quarter=q.code)
        return _message("ok", f"当前季度：{q.zh}"), 200, REFRESH


def _list_routes(app: Flask, wb: Workbench, jobs: JobRunner) -> None:
    """Step 1 任务清单: a list imported from files or pasted text, and the preview's roles."""

    @app.post("/import")
    def import_list():
        text = request.form.get("text", "")
        uploads = _uploads()
        with wb.edit_lock:  # a new list replaces the draft: not in the middle of an edit
            outcome = steps.import_uploads(wb, uploads) if uploads else steps.import_pasted(wb, text)
        html = render_template("_imported.html", outcome=outcome)
        return html, 200, REFRESH

    @app.post("/import/roles")
    def import_roles():
        """A role chosen in the import preview: the previewed file is read again with every column's role."""
        choices = []
        while f"label-{len(choices)}" in request.form or f"role-{len(choices)}" in request.form:
            i = len(choices)
            choices.append((request.form.get(f"label-{i}", ""), request.form.get(f"role-{i}", "")))
        changed = request.form.get("changed", "")
        try:
            preview = steps.reread(wb, choices, int(changed) if changed.isdigit() else None, _version())
        except StaleEdit:
            raise
        except XlError as exc:  # the preview now shows the roles chosen and what went wrong
            return _message("error", exc.message, exc.hint, exc.where()), 400, REFRESH
        doubt = f"，其中 {preview['doubt_count']} 项存疑，已在预览中标出" if preview["doubt_count"] else ""
        return _message("ok", f"已按所选的列重新读取「{preview['shown']}」：{preview['tasks']} 项任务，{preview['units']} 个单位{doubt}。",
                        "请在下方核对任务和单位名称，然后点击「保存到任务总表」。"), 200, REFRESH

    @app.post("/import/close")
    def import_close():
        steps.close_preview(wb)
        return _message("ok", "已关闭导入预览。"), 200, REFRESH


def _edit_routes(app: Flask, wb: Workbench, jobs: JobRunner) -> None:
    """Step 1's edits of the list, each on the version it was made on: corrections, suggestions, save,
    discard and restore."""

    @app.post("/units/rename")
    def rename():
        old, new = request.form.get("old", ""), request.form.get("new", "")
        n = steps.edit_draft(wb, lambda ds: edits.rename_unit(ds, old, new), _version())
        return _message("ok", f"已将「{old}」更正为「{new}」（{n} 项任务）。", "修改尚未保存，请点击「保存到任务总表」。"), 200, REFRESH

    @app.post("/units/merge")
    def merge_units():
        alias, target = request.form.get("alias", ""), request.form.get("target", "")
        steps.edit_draft(wb, lambda ds: edits.merge_units(ds, alias, target), _version())
        return _message("ok", f"已将「{alias}」并入「{target}」。", "修改尚未保存，请点击「保存到任务总表」。"), 200, REFRESH

    @app.post("/units/members")
    def members():
        name, text = request.form.get("unit", ""), request.form.get("members", "")
        unit = steps.edit_draft(wb, lambda ds: edits.set_members(ds, name, text), _version())
        listed = "、".join(unit.members) or "（无，整体下发）"
        return _message("ok", f"「{unit.name}」的成员：{listed}。", "修改尚未保存，请点击「保存到任务总表」。"), 200, REFRESH

    @app.post("/suggestions/accept")
    def accept():
        from ..dataset.registry import apply_suggestions

        names = request.form.getlist("name")
        # none named: every open suggestion (those not set aside with 不采纳), as the preview listed them
        done = steps.edit_draft(wb, lambda ds: apply_suggestions(ds, names or [s.name for s in steps.suggestions(wb, ds)]),
                                _version())
        text = "；".join(f"{s.name} → {s.suggestion}" for s in done) or "没有可采纳的建议"
        said = "任务中的名称已更正，附件照此印出，原写法留作别名。" if done else ""
        return _message("ok", f"已采纳：{text}。{said}", "修改尚未保存，请点击「保存到任务总表」。"), 200, REFRESH

    @app.get("/suggestions/preview")
    def suggestions_preview():
        ds = wb.current()
        rows = steps.suggestions_preview(wb, ds) if ds is not None else []
        return render_template("_preview.html", rows=rows, version=wb.version())

    @app.post("/suggestions/reject")
    def reject():
        name = request.form.get("name", "")
        wb.update_state(rejected=sorted({*wb.state().get("rejected", []), name}))
        return _message("ok", f"已忽略对「{name}」的建议，保留原写法。"), 200, REFRESH

    @app.post("/dataset/save")
    def save():
        with wb.edit_lock:
            wb.check_version(_version())
            ds = wb.commit_draft()
        kept = "；原来的版本已存入「历史」文件夹" if wb.history() else ""
        return _message("ok", f"已保存到任务总表.xlsx：{len(ds.tasks)} 项任务，{len(ds.units)} 个单位{kept}。"), 200, REFRESH

    @app.post("/dataset/discard")
    def discard():
        with wb.edit_lock:
            wb.check_version(_version())
            wb.discard_draft()
        return _message("ok", "已放弃未保存的修改。"), 200, REFRESH

    @app.post("/dataset/restore")
    def restore():
        with wb.edit_lock:
            wb.check_version(_version())
            chosen = wb.restore(request.form.get("name", ""))
        return _message("ok", f"已将任务总表恢复为 {_history_time(chosen)} 保存前的版本。",
                        "恢复前的版本也已存入「历史」文件夹，可随时再恢复。"), 200, REFRESH


def _issue_routes(app: Flask, wb: Workbench, jobs: JobRunner) -> None:
    """Steps 2 附件 and 3 下发 (long steps run as jobs), the trackers as one download, one unit issued again."""

    @app.post("/attachment")
    def attachment():
        wb.saved()  # fail at once, not in the job, when there is no dataset
        return _start(jobs.submit("生成附件", 2, lambda job: steps.make_attachment(wb, job), "attachment"))

    @app.post("/issue")
    def issue():
        q = _quarter_field()
        deadline = request.form.get("deadline", "").strip()
        previous = _previous(q)
        strict = request.form.get("strict") == "1"
        wb.saved()
        return _start(jobs.submit(f"生成 {q.code} 填报表", 3,
                                  lambda job: steps.issue(wb, q, deadline, previous, job, strict), "issue"))

    @app.get("/download/trackers.zip")
    def trackers_zip():
        q = parse_quarter(request.args.get("quarter") or views.quarter_of(wb).code)
        data = steps.trackers_zip(wb, q)
        import io

        return send_file(io.BytesIO(data), mimetype="application/zip", as_attachment=True,
                         download_name=f"{q.code}_填报表.zip")

    @app.post("/issue/unit")
    def reissue_unit():
        q = _quarter_field()
        unit = request.form.get("unit", "")
        wb.saved()
        return _start(jobs.submit(f"重新生成「{unit}」的填报表", 3,
                                  lambda job: steps.reissue_unit(wb, q, unit, job), "reissue"))


def _returns_routes(app: Flask, wb: Workbench, jobs: JobRunner) -> None:
    """Step 4 回收: returns received, merged, set aside and put back."""

    @app.post("/returns")
    def returns():
        q = _quarter_field()
        stored = steps.receive(wb, q, _uploads())
        return render_template("_received.html", stored=stored, job=_merge(q)), 200, REFRESH

    @app.post("/collect")
    def collect():
        q = _quarter_field()
        wb.saved()
        return _start(_merge(q))

    @app.post("/returns/set-aside")
    def set_aside():
        q = _quarter_field()
        name, back = request.form.get("name", ""), bool(request.form.get("back"))
        moved = steps.set_aside(wb, q, name, back=back)
        text = (f"已把「{name}」放回「回收」，重新汇总。" if back else
                f"已撤回「{name}」：移到「{q.code}/{steps.SET_ASIDE}」文件夹（未删除），不再计入汇总，重新汇总。")
        renamed = f"（在该文件夹中名为「{moved.name}」）" if moved.name != name else ""
        html = _message("ok", text, "" if back else f"如需恢复，在下方「已撤回的文件」中点「放回」{renamed}。")
        return html + render_template("_job.html", job=_merge(q)), 200, REFRESH


def _output_routes(app: Flask, wb: Workbench, jobs: JobRunner) -> None:
    """Step 5 汇总: the report and the reminders, the jobs' progress, and the workbench's files."""

    @app.post("/report")
    def report():
        q = _quarter_field()
        return _start(jobs.submit("生成落实情况报告", 5, lambda job: steps.make_report(wb, q, job), "report"))

    @app.post("/reminders")
    def reminders():
        q = _quarter_field()
        deadline = request.form.get("deadline", "").strip() or None
        return _start(jobs.submit("生成催报清单", 5, lambda job: steps.make_reminders(wb, q, job, deadline),
                                  "reminders"))

    @app.get("/jobs/<job_id>")
    def job_status(job_id: str):
        job = jobs.get(job_id)
        if job is None:
            return _message("error", "这项任务的进度已不可查（服务可能已重启）。", "请刷新页面查看结果。")
        headers = REFRESH if job.over else {}
        return render_template("_job.html", job=job), 200, headers

    @app.get("/files/<path:rel>")
    def files(rel: str):
        path = wb.resolve(rel)
        inline = path.suffix.lower() in (".png", ".pdf") and not request.args.get("download")
        return send_file(path, as_attachment=not inline, download_name=path.name, max_age=0)


def _passwords() -> list[str]:
    """Passwords for encrypted returns: those given in this form plus earlier ones, kept in memory only
    (never written to the workbench) until the server stops. The list itself is handed on, so a merge
    folded into a waiting one still tries a password given with the later click."""
    from flask import current_app

    kept: list[str] = current_app.extensions["xltools"].setdefault("passwords", [])
    for line in request.form.get("passwords", "").splitlines():
        if line.strip() and line.strip() not in kept:
            kept.append(line.strip())
    return kept


def _merge(q):
    """The quarter's merge: one more after the one running, however many uploads and clicks ask for it."""
    from flask import current_app

    wb, jobs = _wb(), current_app.extensions["xltools"]["jobs"]
    pw = _passwords()
    return jobs.submit(f"汇总 {q.code} 回收文件", 4, lambda job: steps.collect(wb, q, job, pw), "collect",
                       fold=f"collect:{q.code}")


def _start(job) -> tuple[str, int]:
    return render_template("_job.html", job=job), 202


def _previous(q) -> Path | None:
    """Last quarter's workbook for prefill: one chosen from the workbench, or one uploaded."""
    wb = _wb()
    upload = _uploads("previous_file")
    if upload:
        stored = wb.store(upload[:1], wb.quarter_dir(q) / "预填依据", {".xlsx"})
        if not stored[0].saved and stored[0].status != "重复":
            raise XlError(f"上季度汇总表未能使用：{stored[0].reason}。", file=stored[0].shown,
                          hint="请选择 xltools 生成的汇总表（.xlsx）。")
        return wb.quarter_dir(q) / "预填依据" / stored[0].name
    code = request.form.get("previous", "")
    if not code:
        return None
    path = wb.consolidated_path(parse_quarter(code))
    if not path.exists():
        raise XlError(f"{code} 没有汇总表，无法预填。", hint="请选择其他季度，或不预填。")
    return path
