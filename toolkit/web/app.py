"""The Flask application behind ``villkor serve``.

Pages (each also in English with ``?lang=en``, which every link keeps):

* ``/``: check a draft. A Word or Markdown file is uploaded (drag and drop, or
  the file chooser, which works without JavaScript), checked once, and
  everything it can be downloaded as is made at once (:mod:`toolkit.web.downloads`)
  while the uploaded copy exists in a temporary folder of its own; the folder
  is removed when the request ends, errors included. The verdict page and the
  downloads are then kept in memory under a random token
  (:mod:`toolkit.web.cache`) and the browser is sent to ``/result/<token>``,
  so reloading the page does not upload the file again.
* ``/new``: next year's template, optionally from last year's report.
* ``/summary``: the summary of the folder given with ``--dir``, with a
  one-page verdict per report (``/summary/report?file=…``).
* ``/decisions``, ``/decisions/<id>``, ``/diff?old=…&new=…``: the decisions.

Drafts are read in worker processes with a time and memory limit
(:mod:`toolkit.web.workers`, :mod:`toolkit.web.tasks`): uploads, and the
drafts of the ``--dir`` folder too, so no file, however it was made, can hold
up or swell the server itself. The server reads only the decisions in its
own process (the lists on the forms, the decision pages); the library's
caches are made for one caller at a time, so that runs under one lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, Response, g, redirect, request, send_file, url_for
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import HTTPException

import toolkit.web.security as security
import toolkit.web.tasks as tasks
from toolkit.drafts.model import DRAFT_SUFFIXES
from toolkit.errors import Problem, VillkorError
from toolkit.messages import DEFAULT_LANG, LANGUAGES, t
from toolkit.read.files import MAX_BYTES
from toolkit.web.cache import Entry, File, ResultCache
from toolkit.web.downloads import DOWNLOADS, SUMMARY_DOWNLOADS, TEMPLATE_FORMATS, display_name
from toolkit.web.folder import FolderSummary
from toolkit.web.pages import Pages
from toolkit.web.workers import Busy, TooHeavy, WorkerBug, Workers, shared

#: One caller at a time inside the library (see the module's docstring).
LIBRARY = threading.RLock()

#: Room for the form's other fields and the multipart framing around a file of MAX_BYTES.
FORM_OVERHEAD = 256 * 1024

#: Problems that mean "too large" (413) and "not a kind of file we read" (415); any other is 400.
TOO_LARGE = {"input-too-large", "docx-unpacked-too-large"}
UNSUPPORTED = {"input-kind", "input-zip", "input-ole", "input-binary", "input-utf16", "docx-not-zip",
               "docx-legacy-doc", "docx-not-document"}

#: Seconds the summary of a folder may take (a thousand drafts take seconds).
SUMMARY_TIMEOUT = 600

#: Prefix of the temporary folder each upload gets.
UPLOAD_PREFIX = "villkor-upload-"


class WebError(Exception):
    """A request that cannot be answered: its status and what to tell the person."""

    def __init__(self, status: int, problems: list[Problem] | Problem):
        self.status = status
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__(", ".join(p.key for p in self.problems))

    @classmethod
    def of(cls, status: int, key: str, **params: Any) -> WebError:
        return cls(status, Problem(key, params))


@dataclass
class Upload:
    """An uploaded file in its temporary folder."""

    path: Path
    name: str


@contextlib.contextmanager
def received(storage: FileStorage | None) -> Iterator[Upload]:
    """The uploaded file, copied into a temporary folder of its own that is
    removed when the block ends, however it ends. Refuses no file (400) and a
    name that is neither Markdown nor Word (415) before anything is written."""
    name = display_name(storage.filename if storage is not None else None)
    if storage is None or not name:
        raise WebError.of(400, "web-error-no-file")
    suffix = Path(name).suffix.lower()
    if suffix not in DRAFT_SUFFIXES:
        raise WebError.of(415, "web-error-suffix", name=name)
    with tempfile.TemporaryDirectory(prefix=UPLOAD_PREFIX) as tmp:
        path = Path(tmp) / f"utkast{suffix}"
        storage.save(path)
        yield Upload(path, name)


def refused(exc: VillkorError, upload: Upload | None = None) -> WebError:
    """A library error about an upload, with the upload's own name where the
    library saw the temporary copy, and the status its first problem calls for."""
    problems = list(exc.problems)
    for p in problems:
        p.key = tasks.WEB_WORDS.get(p.key, p.key)
        if upload is not None and p.file and Path(p.file).name == upload.path.name and upload.path.parent.name in p.file:
            p.file = upload.name
    key = problems[0].key if problems else ""
    status = 413 if key in TOO_LARGE else 415 if key in UNSUPPORTED else 400
    return WebError(status, problems)


def create_app(folder: str | None = None, lang: str = DEFAULT_LANG, host: str = "127.0.0.1",
               cache: ResultCache | None = None, workers: Workers | None = None) -> Flask:
    """The web application. ``folder``: the folder whose summary ``/summary``
    shows; ``lang``: the pages' language when no ``?lang=`` is given;
    ``host``: what the server is bound to (a loopback address answers to
    loopback names only); ``workers``: the processes that read uploads
    (default: this process's shared ones)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    app = Flask(__name__, static_folder=None)
    app.config.update(MAX_CONTENT_LENGTH=MAX_BYTES + FORM_OVERHEAD, PROPAGATE_EXCEPTIONS=False, TRAP_HTTP_EXCEPTIONS=False)
    results = cache if cache is not None else ResultCache()
    runner = workers if workers is not None else shared()
    tokens = security.FormTokens()
    folders = FolderSummary(folder, build=lambda f: in_worker(tasks.summarise_folder, f, timeout=SUMMARY_TIMEOUT)) if folder else None
    loopback_only = security.is_loopback(host)
    pages = Pages()
    app.extensions["villkor"] = {"cache": results, "folder": folders, "tokens": tokens, "workers": runner}

    # -- language and links ----------------------------------------------

    def page_lang() -> str:
        asked = request.args.get("lang")
        return asked if asked in LANGUAGES else lang

    def link(endpoint: str, **values: Any) -> str:
        here = g.get("lang", lang)
        if here != lang:
            values["lang"] = here
        return url_for(endpoint, **values)

    def other_lang_link() -> str:
        here = g.get("lang", lang)
        other = next(x for x in LANGUAGES if x != here)
        # a result is kept in the language it was made in: the other language starts again
        if request.method == "GET" and request.endpoint not in (None, "result", "download", "summary_download"):
            endpoint, values = request.endpoint, dict(request.view_args or {}, **request.args.to_dict())
        else:
            endpoint, values = ("new" if request.endpoint == "new" else "check"), {}
        values.pop("lang", None)
        if other != lang:
            values["lang"] = other
        return url_for(endpoint, **values)

    def nav(here: str) -> dict[str, Any]:
        return {
            "here": here,
            "check": link("check"),
            "new": link("new"),
            "summary": link("summary") if folders else None,
            "decisions": link("decisions"),
            "other_lang": other_lang_link(),
            "other": next(x for x in LANGUAGES if x != g.get("lang", lang)),
            "keep_lang": g.get("lang", lang) if g.get("lang", lang) != lang else None,
        }

    def page(name: str, here: str, status: int = 200, **context: Any) -> Response:
        html = pages.render(name, g.get("lang", lang), nav=nav(here), **context)
        return Response(html, status, mimetype="text/html")

    def wrapped(document: str, here: str, extras: str = "", status: int = 200) -> Response:
        html = pages.wrap(document, g.get("lang", lang), nav(here), extras)
        return Response(html, status, mimetype="text/html")

    # -- every request and response ----------------------------------------

    @app.before_request
    def guard() -> None:
        g.lang = page_lang()
        if not security.host_allowed(request.host, loopback_only):
            raise WebError.of(400, "web-error-host", host=request.host)
        if request.method == "POST":
            if security.cross_site(request.headers.get("Origin"), request.headers.get("Sec-Fetch-Site"), request.host_url):
                raise WebError.of(400, "web-error-form")
            if not tokens.valid(request.form.get("token")):
                raise WebError.of(400, "web-error-form")

    @app.after_request
    def harden(response: Response) -> Response:
        response.headers.update(security.HEADERS)
        attachment = response.headers.get("Content-Disposition", "").startswith("attachment")
        if attachment:
            response.headers["Content-Security-Policy"] = security.DOWNLOAD_POLICY
        elif response.mimetype == "text/html" and not response.direct_passthrough:
            response.headers["Content-Security-Policy"] = security.page_policy(response.get_data(as_text=True))
        else:
            response.headers["Content-Security-Policy"] = security.page_policy("")
        return response

    # -- error pages -------------------------------------------------------

    def posted(field: str) -> str:
        """A field of the posted form; nothing when there is none or it cannot be read (too large)."""
        if request.method != "POST":
            return ""
        try:
            return str(request.form.get(field) or "")
        except HTTPException:
            return ""

    def error_page(status: int, problems: list[Problem]) -> Response:
        endpoint = request.endpoint or ""
        here = next((area for area in ("check", "new", "summary", "decision", "diff") if endpoint.startswith(area)), "")
        here = {"decision": "decisions", "diff": "decisions"}.get(here, here)
        lines = [p.format(g.get("lang", lang)) for p in problems]
        if endpoint == "check_upload":  # the form again, with what was wrong above it
            return page("check.html.j2", "check", status, problems=lines, **check_form())
        if endpoint == "new_template":
            return page("new.html.j2", "new", status, problems=lines, **new_form())
        return page("error.html.j2", here, status, problems=lines, status_code=status)

    @app.errorhandler(WebError)
    def on_web_error(exc: WebError) -> Response:
        return error_page(exc.status, exc.problems)

    @app.errorhandler(HTTPException)
    def on_http_error(exc: HTTPException) -> Response:
        code = exc.code or 500
        if code == 413:
            size = request.content_length or 0
            problem = Problem("input-too-large", {"size_mb": f"{size / 1048576:.1f}", "limit_mb": MAX_BYTES // 1048576})
        else:
            code = 500 if code >= 500 else code
            key = {404: "web-error-not-found", 405: "web-error-method", 500: "web-error-internal"}.get(code, "web-error-bad-request")
            problem = Problem(key, {})
        return error_page(code, [problem])

    @app.errorhandler(Exception)
    def on_bug(exc: Exception) -> Response:
        app.logger.exception("villkor serve: %s %s", request.method, request.path)
        g.setdefault("lang", lang)
        return page("error.html.j2", "", 500, problems=[t("web-error-internal", g.lang)], status_code=500)

    @app.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status=204)  # no icon, and no error in the browser's console for the lack of one

    # -- check a draft -----------------------------------------------------

    def decision_choices() -> list[tuple[str, str]]:
        from toolkit.decisions.load import load_conditions
        from toolkit.decisions.source import list_conditions

        choices = []
        with LIBRARY:
            for cid, _ in list_conditions():
                try:
                    choices.append((cid, load_conditions(cid).title))
                except VillkorError:
                    continue  # `villkor conditions validate` says why; it cannot be chosen
        return choices

    def chosen_decision(field: str, required: bool) -> str | None:
        value = (request.form.get(field) or "").strip()
        if not value and not required:
            return None
        if value not in {cid for cid, _ in decision_choices()}:
            raise WebError.of(400, "web-error-decision", id=value or "–")
        return value

    def check_form() -> dict[str, Any]:
        return {"decisions": decision_choices(), "token": tokens.issue(), "action": link("check_upload"),
                "limit_mb": MAX_BYTES // 1048576, "chosen": posted("conditions")}

    @app.get("/")
    def check() -> Response:
        return page("check.html.j2", "check", problems=[], **check_form())

    def in_worker(fn: Any, *args: Any, upload: Upload | None = None, timeout: float | None = None) -> Any:
        """``fn(*args)`` in a worker process; its failures as the page's errors."""
        try:
            return runner.run(fn, *args, timeout=timeout)
        except VillkorError as exc:
            raise refused(exc, upload) from None
        except TooHeavy:
            raise WebError.of(413, "web-error-too-heavy", seconds=int(timeout or runner.timeout)) from None
        except Busy:
            raise WebError.of(503, "web-error-busy") from None
        except WorkerBug as exc:
            app.logger.error("villkor serve: %s %s: %s", request.method, request.path, exc)
            raise WebError.of(500, "web-error-internal") from None

    @app.post("/check")
    def check_upload() -> Response:
        here = g.lang
        choice = chosen_decision("conditions", required=False)
        strict = request.form.get("strict") == "1"
        with received(request.files.get("draft")) as upload:
            made = in_worker(tasks.check_upload, str(upload.path), upload.name, choice, strict, here, upload=upload)
            failed = {key: refused(VillkorError(problems), upload).problems[0].format(here) for key, problems in made.failed}
        files = {key: File(filename, mimetype, data) for key, filename, mimetype, data in made.files}
        entry = Entry(here, made.verdict, files, failed, not made.complete)
        token = results.put(entry)
        if token is None:  # larger than the whole cache: show it now, without downloads
            return wrapped(made.verdict, "check", pages.render("_result.html.j2", here, **result_context(None, entry)))
        return redirect(link("result", token=token), 303)  # type: ignore[return-value]

    def result_context(token: str | None, entry: Entry) -> dict[str, Any]:
        offered = [
            {"label": t("web-dl-" + d.key, entry.lang), "filename": entry.files[d.key].filename,
             "href": link("download", token=token, key=d.key), "marked": entry.marked and d.marked_when_incomplete}
            for d in DOWNLOADS if d.key in entry.files and token is not None
        ]
        return {"downloads": offered, "failed": [(t("web-dl-" + k, entry.lang), why) for k, why in entry.failed.items()],
                "kept": token is not None, "marked": entry.marked, "minutes": int(results.lifetime // 60),
                "again": link("check")}

    @app.get("/result/<token>")
    def result(token: str) -> Response:
        entry = results.get(token)
        if entry is None:
            raise WebError.of(404, "web-error-result-gone", minutes=int(results.lifetime // 60))
        g.lang = entry.lang
        return wrapped(entry.page, "check", pages.render("_result.html.j2", entry.lang, **result_context(token, entry)))

    @app.get("/result/<token>/<key>")
    def download(token: str, key: str) -> Response:
        entry = results.get(token)
        if entry is None:
            raise WebError.of(404, "web-error-result-gone", minutes=int(results.lifetime // 60))
        found = entry.files.get(key)
        if found is None:
            raise WebError.of(404, "web-error-not-found")
        return attachment(found.data, found.filename, found.mimetype)

    def attachment(data: str | bytes, filename: str, mimetype: str) -> Response:
        body = data.encode("utf-8") if isinstance(data, str) else data
        return send_file(io.BytesIO(body), mimetype=mimetype, as_attachment=True, download_name=filename, etag=False,
                         max_age=0)

    # -- next year's template ----------------------------------------------

    def new_form() -> dict[str, Any]:
        choices = decision_choices()
        return {"decisions": choices, "token": tokens.issue(), "action": link("new_template"),
                "formats": [(f.key, t("web-new-" + f.key, g.lang)) for f in TEMPLATE_FORMATS],
                "chosen": posted("conditions") or (choices[-1][0] if choices else ""),
                "region": posted("region"), "format": posted("format") or TEMPLATE_FORMATS[0].key,
                "limit_mb": MAX_BYTES // 1048576}

    @app.get("/new")
    def new() -> Response:
        return page("new.html.j2", "new", problems=[], **new_form())

    @app.post("/new")
    def new_template() -> Response:
        cid = chosen_decision("conditions", required=True)
        region = " ".join((request.form.get("region") or "").split())[:200]
        fmt = next((f for f in TEMPLATE_FORMATS if f.key == request.form.get("format", TEMPLATE_FORMATS[0].key)), None)
        if fmt is None:
            raise WebError.of(400, "web-error-bad-request")
        if not region:
            raise WebError.of(400, "web-new-region-empty")
        last = request.files.get("last")
        with contextlib.ExitStack() as stack:
            upload = stack.enter_context(received(last)) if last is not None and last.filename else None
            filename, data = in_worker(tasks.make_template, fmt.key, cid, region, str(upload.path) if upload else None,
                                       upload.name if upload else None, g.lang, upload=upload)
        return attachment(data, filename, fmt.mimetype)

    # -- a folder's summary ------------------------------------------------

    @app.get("/summary")
    def summary() -> Response:
        from toolkit.outputs.overview import format_html

        if folders is None:
            return page("no_folder.html.j2", "summary")
        here = g.lang
        snap = folders.snapshot()

        def make() -> str:
            for row in snap.summary.rows:  # each report links to its one-page verdict on this server
                row.page = link("summary_report", file=row.file)
            return format_html(snap.summary, here)

        document = str(folders.made(snap, "html", here, make))
        extras = pages.render("_summary.html.j2", here, folder=folders.folder, builds=folders.builds,
                              checked=dt.datetime.now().strftime("%H:%M:%S"),
                              downloads=[(t("web-dl-" + d.key, here), link("summary_download", key=d.key)) for d in SUMMARY_DOWNLOADS])
        return wrapped(document, "summary", extras)

    @app.get("/summary/report")
    def summary_report() -> Response:
        if folders is None:
            raise WebError.of(404, "web-error-not-found")
        file = request.args.get("file", "")
        if file not in folders.snapshot().files:
            raise WebError.of(404, "web-error-not-in-summary", file=file[:200])
        document = in_worker(tasks.verdict_page, file, g.lang)
        return wrapped(document, "summary", pages.render("_back.html.j2", g.lang, href=link("summary"), label=t("web-summary-back", g.lang)))

    @app.get("/summary/download/<key>")
    def summary_download(key: str) -> Response:
        d = next((d for d in SUMMARY_DOWNLOADS if d.key == key), None)
        if folders is None or d is None:
            raise WebError.of(404, "web-error-not-found")
        here = g.lang
        snap = folders.snapshot()

        def make() -> str | bytes:
            for row in snap.summary.rows:  # the links are this server's, not the download's
                row.page = None
            return d.make(snap.summary, here)

        return attachment(folders.made(snap, d.key, here, make), d.suffix, d.mimetype)

    # -- decisions ---------------------------------------------------------

    def known_ids() -> list[str]:
        from toolkit.decisions.source import list_conditions

        return [cid for cid, _ in list_conditions()]

    @app.get("/decisions")
    def decisions() -> Response:
        from toolkit.decisions.inherit import survey

        with LIBRARY:
            rows = survey()
        valid = [cid for cid, _, c, _ in rows if c is not None]
        return page("decisions.html.j2", "decisions", rows=rows, valid=valid, diff_action=link("diff"),
                    show=lambda cid: link("decision", cid=cid))

    @app.get("/decisions/<cid>")
    def decision(cid: str) -> Response:
        from toolkit.decisions.load import load_conditions
        from toolkit.outputs.conditions_report import format_outline

        if cid not in known_ids():
            raise WebError.of(404, "web-error-decision", id=cid[:100])
        with LIBRARY:
            try:
                c = load_conditions(cid)
            except VillkorError as exc:
                raise refused(exc) from None
            outline = format_outline(c, g.lang)
        others = [x for x in known_ids() if x != cid]
        return page("decision.html.j2", "decisions", c=c, outline=outline, others=others, diff_action=link("diff"),
                    back=link("decisions"))

    @app.get("/diff")
    def diff() -> Response:
        from toolkit.decisions.diff import diff_conditions
        from toolkit.decisions.load import load_conditions
        from toolkit.outputs.conditions_report import format_diff

        ids = known_ids()
        old, new_ = request.args.get("old", ""), request.args.get("new", "")
        for cid in (old, new_):
            if cid not in ids:
                raise WebError.of(400, "web-error-decision", id=cid[:100] or "–")
        with LIBRARY:
            try:
                document = format_diff(diff_conditions(load_conditions(old), load_conditions(new_)), "html", g.lang)
            except VillkorError as exc:
                raise refused(exc) from None
        return wrapped(document, "decisions", pages.render("_back.html.j2", g.lang, href=link("decisions"),
                                                           label=t("web-decisions-back", g.lang)))

    return app
