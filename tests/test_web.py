"""The web page (``villkor serve``) through Flask's test client: every page,
the uploads and their answers, the downloads, the headers, and what is left
on disk (nothing)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from helpers import EXAMPLE, INCOMPLETE, PROJECT_ROOT, REPORTS, run
from web_helpers import DOCX, cases, heavy_docx, multipart, token_of

from toolkit.read.files import MAX_BYTES


@pytest.fixture
def tmp_uploads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder every upload goes to, for this test alone."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def client(tmp_uploads: Path):
    from toolkit.web import create_app

    return create_app().test_client()


def post(client, path: str, data: dict, origin: str | None = "http://localhost", **headers: str):
    """A form posted as a browser posts it (the body made here: werkzeug's test
    client leaves its own spool file of a large body open)."""
    fields = {k: v for k, v in data.items() if isinstance(v, str)}
    files = {k: (v[1], v[0].read()) for k, v in data.items() if not isinstance(v, str)}
    body, ctype = multipart(fields, files)
    if origin:
        headers["Origin"] = origin
    return client.post(path, data=body, content_type=ctype, headers=headers)


def upload(client, filename: str, content: bytes, lang: str = "", **fields: str):
    token = token_of(client.get("/" + (f"?lang={lang}" if lang else "")).text)
    return post(client, "/check" + (f"?lang={lang}" if lang else ""),
                {"token": token, "draft": (io.BytesIO(content), filename), **fields})


def links(html: str) -> list[str]:
    return re.findall(r'(?:href|action)="([^"#]*)"', html)


# --------------------------------------------------------------------------
# Checking a draft


def test_a_word_draft_gives_the_verdict_and_every_download(client, tmp_uploads: Path, tmp_path: Path):
    import docx

    from toolkit.checking.checker import check_file
    from toolkit.outputs import convert, memo, render, report

    answer = upload(client, DOCX.name, DOCX.read_bytes())
    assert answer.status_code == 303
    page = client.get(answer.headers["Location"])
    assert page.status_code == 200
    html = page.text
    assert "Komplett: 12 av 12 obligatoriska delar uppfyllda" in html
    assert "<code>norrbotten-2017.docx</code>" in html and str(tmp_uploads) not in html
    assert re.search(r"88\s000\s000\skr", html)  # the figures as read
    hrefs = [h for h in links(html) if "/result/" in h]
    assert len(hrefs) == 8

    expected = check_file(DOCX, name=DOCX.name)
    made = {
        "norrbotten-2017-rapport.html": render.render_html(expected, "sv"),
        "norrbotten-2017-rapport.md": render.render_markdown(expected, "sv"),
        "norrbotten-2017-beslutsunderlag.html": memo.render_memo_html(expected, "sv").text,
        "norrbotten-2017.md": convert.convert_docx(DOCX, DOCX.name),
        "norrbotten-2017-kontroll.html": report.format_summary_html(expected, "sv"),
        "norrbotten-2017-kontroll.json": report.format_json([expected], "sv"),
    }
    words = {}
    for href in hrefs:
        got = client.get(href)
        assert got.status_code == 200
        disposition = got.headers["Content-Disposition"]
        name = re.search(r'filename="?([^";]+)', disposition).group(1)
        assert disposition.startswith("attachment")
        assert got.headers["Content-Security-Policy"].endswith("sandbox")
        if name.endswith(".docx"):
            words[name] = got.data
        else:
            assert got.get_data(as_text=True) == made.pop(name), name
    assert made == {}
    assert sorted(words) == ["norrbotten-2017-beslutsunderlag.docx", "norrbotten-2017-rapport.docx"]
    # the Word report checks as its source does; the memo is the memo
    report_docx = tmp_path / "rapport.docx"
    report_docx.write_bytes(words["norrbotten-2017-rapport.docx"])
    again = check_file(report_docx)
    assert again.complete and [s.status for s in again.sections] == [s.status for s in expected.sections]
    memo_text = "\n".join(p.text for p in docx.Document(io.BytesIO(words["norrbotten-2017-beslutsunderlag.docx"])).paragraphs)
    assert "Region Norrbotten" in memo_text
    assert list(tmp_uploads.iterdir()) == []


def test_the_verdict_page_is_the_command_lines(client):
    """The page shows what `villkor check --format html` writes, with the page's frame around it."""
    answer = upload(client, "utkast.md", EXAMPLE.read_bytes())
    html = client.get(answer.headers["Location"]).text
    cli = run("check", EXAMPLE, "--format", "html").out
    main = re.search(r"<main>.*?<h2>", cli, re.S).group(0).replace(str(EXAMPLE), "utkast.md")
    assert main in html


def test_an_incomplete_draft_gets_marked_draft_downloads(client):
    answer = upload(client, INCOMPLETE.name, INCOMPLETE.read_bytes())
    html = client.get(answer.headers["Location"]).text
    assert "Ofullständig:" in html
    assert "Utkastet är inte komplett" in html
    report = client.get(re.search(r'href="([^"]+/report-html)"', html).group(1)).get_data(as_text=True)
    assert "Utkast – ofullständig" in report


def test_the_chosen_decision_overrides_the_drafts_own(client):
    answer = upload(client, "utkast.md", EXAMPLE.read_bytes(), conditions="2023")
    html = client.get(answer.headers["Location"]).text
    assert "2023 – Villkor för anslag 1:1" in html and "Ofullständig" in html


def test_a_draft_that_names_no_decision_asks_for_one(client):
    nameless = EXAMPLE.read_bytes().replace(b'conditions: "2017"\n', b"")
    answer = upload(client, "utkast.md", nameless)
    assert answer.status_code == 400 and "utkast.md:2: conditions" in answer.text and "--conditions" not in answer.text
    chosen = upload(client, "utkast.md", nameless, conditions="2017")
    verdict = client.get(chosen.headers["Location"]).text
    assert "Komplett" in verdict and "det kontrolleras mot 2017, som valdes på webbsidan" in verdict


def test_a_decision_that_is_not_offered_is_refused(client):
    answer = upload(client, "utkast.md", EXAMPLE.read_bytes(), conditions="../../etc/passwd")
    assert answer.status_code == 400
    assert "finns inte bland dem som går att välja" in answer.text


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_every_upload_gets_its_right_answer(client, tmp_uploads: Path, case):
    answer = upload(client, case.filename, case.data)
    assert answer.status_code == case.status, answer.text[:2000]
    html = client.get(answer.headers["Location"]).text if case.status == 303 else answer.text
    for words in case.words:
        assert words in html
    assert "Traceback" not in html and str(tmp_uploads) not in html
    if case.status != 303:  # the form again, with what was wrong above it
        assert 'role="alert"' in html and 'name="draft"' in html
    assert list(tmp_uploads.iterdir()) == []


def test_a_file_just_over_the_limit_gets_the_command_lines_message(client):
    answer = upload(client, "stor.md", b"---\n" + b"a" * MAX_BYTES)
    assert answer.status_code == 413
    assert "filen är för stor (10.0 MB; gränsen är 10 MB)" in answer.text


def test_the_upload_limit_is_the_command_lines(client):
    assert MAX_BYTES <= client.application.config["MAX_CONTENT_LENGTH"] <= MAX_BYTES + 1024 * 1024


def test_no_file_chosen(client):
    token = token_of(client.get("/").text)
    answer = post(client, "/check", {"token": token, "draft": (io.BytesIO(b""), "")})
    assert answer.status_code == 400 and "Ingen fil valdes" in answer.text


def test_a_bug_is_a_plain_page_and_leaves_nothing_behind(client, tmp_uploads: Path, monkeypatch: pytest.MonkeyPatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(client.application.extensions["villkor"]["workers"], "run", broken)
    answer = upload(client, "utkast.md", EXAMPLE.read_bytes())
    assert answer.status_code == 500
    assert "Något gick fel i villkor" in answer.text
    assert "secret internals" not in answer.text and "Traceback" not in answer.text
    assert list(tmp_uploads.iterdir()) == []


def test_a_word_file_past_the_limits_is_refused_before_it_is_read(client, tmp_uploads: Path):
    """20 MB of paragraphs is more XML than a Word draft may unpack to: said at
    once, by the reader, without waiting for the worker's time to run out."""
    answer = upload(client, "tung.docx", heavy_docx(20))
    assert answer.status_code == 400 and "mer än 16 MB XML" in answer.text
    assert list(tmp_uploads.iterdir()) == []


def test_a_bug_in_a_worker_is_reported_as_one_and_the_worker_goes_on():
    from toolkit.web.workers import WorkerBug, Workers

    workers = Workers(size=1)
    try:
        with pytest.raises(WorkerBug, match="JSONDecodeError"):
            workers.run(json.loads, "{")
        assert workers.run(json.loads, "[1]") == [1]
    finally:
        workers.close()


def test_a_file_too_heavy_to_read_is_stopped_and_the_server_goes_on(tmp_uploads: Path):
    """A Word file of some 100 kB that unpacks to 3 MB of paragraphs: within
    the limits on what a Word file may hold, and far too slow for the worker's
    time (a fifth of a second here)."""
    from toolkit.web import create_app
    from toolkit.web.workers import Workers

    workers = Workers(size=1, timeout=0.2)
    try:
        client = create_app(workers=workers).test_client()
        answer = upload(client, "tung.docx", heavy_docx(3))
        assert answer.status_code == 413 and "tog för lång tid eller för mycket minne" in answer.text
        assert list(tmp_uploads.iterdir()) == []
        workers.timeout = 60
        assert upload(client, "utkast.md", EXAMPLE.read_bytes()).status_code == 303
    finally:
        workers.close()


def test_a_worker_that_runs_out_of_memory_is_stopped_and_replaced():
    from toolkit.web.workers import TooHeavy, Workers

    workers = Workers(size=1, memory=512 * 1024 * 1024)
    try:
        with pytest.raises(TooHeavy):
            workers.run(bytes, 1 << 30)  # a gigabyte, over the worker's limit
        assert workers.run(len, "still here") == 10
    finally:
        workers.close()


def test_a_word_draft_that_names_a_file_makes_the_server_read_nothing(tmp_path: Path):
    """A path in a Word draft's facts table is never followed on the web page."""
    import docx

    from toolkit.checking.checker import check_file
    from toolkit.decisions.load import decisions_by_id_only
    from toolkit.errors import VillkorError
    from toolkit.read.files import was_read

    target = shutil.copy(PROJECT_ROOT / "conditions" / "2017.yaml", tmp_path / "elsewhere.yaml")
    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    for label, value in (("Villkorsbeslut", str(target)), ("Region", "Region X")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_heading("Insatser", level=1)
    document.add_paragraph("Text.")
    draft = tmp_path / "utkast.docx"
    document.save(str(draft))
    with decisions_by_id_only(), pytest.raises(VillkorError):
        check_file(draft)
    assert not was_read(target)
    with pytest.raises(VillkorError):  # the command line follows it (and then refuses the draft)
        check_file(draft)
    assert was_read(target)


# --------------------------------------------------------------------------
# Safety


def test_every_response_is_hardened(client):
    for path in ("/", "/new", "/decisions", "/decisions/2017", "/diff?old=2017&new=2018", "/summary", "/nope"):
        answer = client.get(path)
        h = answer.headers
        assert h["X-Content-Type-Options"] == "nosniff" and h["Referrer-Policy"] == "no-referrer"
        assert h["X-Frame-Options"] == "DENY" and h["Cache-Control"] == "no-store"
        policy = h["Content-Security-Policy"]
        assert policy.startswith("default-src 'none'") and "frame-ancestors 'none'" in policy
        assert "unsafe-eval" not in policy and "http" not in policy
        script = re.search(r"script-src ([^;]+)", policy).group(1)
        assert script == "'none'" or re.fullmatch(r"'sha256-[A-Za-z0-9+/=]+'( 'sha256-[A-Za-z0-9+/=]+')*", script)
        # every inline script on the page is one the policy names
        for body in re.findall(r"<script>(.*?)</script>", answer.text, re.S):
            from toolkit.web.security import script_hash

            assert script_hash(body) in script, path


def test_forms_need_a_token_and_our_origin(client):
    data = lambda: {"draft": (io.BytesIO(EXAMPLE.read_bytes()), "utkast.md")}  # noqa: E731
    assert post(client, "/check", data()).status_code == 400
    assert post(client, "/check", {**data(), "token": "1.abc"}).status_code == 400
    token = token_of(client.get("/").text)
    assert post(client, "/check", {**data(), "token": token}, origin="https://evil.example").status_code == 400
    cross = post(client, "/check", {**data(), "token": token}, origin=None, **{"Sec-Fetch-Site": "cross-site"})
    assert cross.status_code == 400 and "Formuläret är för gammalt" in cross.text
    # the browser sends Origin: null for our own forms (Referrer-Policy: no-referrer)
    assert post(client, "/check", {**data(), "token": token}, origin="null").status_code == 303


def test_a_loopback_server_answers_to_loopback_names_only(client):
    assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    rebound = client.get("/", headers={"Host": "evil.example"})
    assert rebound.status_code == 400 and "svarar inte på adressen evil.example" in rebound.text


def test_a_server_for_other_computers_answers_to_any_name(tmp_uploads: Path):
    from toolkit.web import create_app

    assert create_app(host="0.0.0.0").test_client().get("/", headers={"Host": "villkor.region.se"}).status_code == 200


def test_error_pages_say_it_in_the_users_words(client):
    assert "Sidan finns inte" in client.get("/finns-inte").text
    assert client.get("/check").status_code == 405
    gone = client.get("/result/" + "x" * 32)
    assert gone.status_code == 404 and "Resultatet finns inte längre" in gone.text
    assert client.get("/result/../../etc/passwd").status_code == 404
    english = client.get("/finns-inte?lang=en")
    assert "There is no such page" in english.text and "Sidan" not in english.text


def test_results_are_kept_within_bounds():
    from toolkit.web.cache import Entry, File, ResultCache

    now = [0.0]
    cache = ResultCache(max_entries=3, max_bytes=10_000, lifetime=60, clock=lambda: now[0])
    tokens = [cache.put(Entry("sv", "x" * 1000)) for _ in range(4)]
    assert all(tokens) and len(set(tokens)) == 4
    assert cache.get(tokens[0]) is None and cache.get(tokens[3]) is not None and len(cache) == 3
    big = cache.put(Entry("sv", "", {"a": File("a", "text/plain", b"y" * 9_000)}))
    assert big is not None and len(cache) == 1 and cache.bytes <= 10_000
    assert cache.put(Entry("sv", "z" * 10_001)) is None  # alone over the budget: not kept
    now[0] = 61
    assert cache.get(big) is None and len(cache) == 0 and cache.bytes == 0
    assert cache.get("../../x") is None


# --------------------------------------------------------------------------
# Language


def test_english_by_a_link_kept_in_every_link(client):
    sv = client.get("/").text
    assert "Kontrollera ett utkast" in sv
    other = re.search(r'<a class="lang" href="([^"]+)"', sv).group(1)
    en = client.get(other).text
    assert "Check a draft" in en and "Kontrollera ett" not in en
    own = [h for h in links(en) if h.startswith("/") and 'class="lang"' not in h]
    back = re.search(r'<a class="lang" href="([^"]+)"', en).group(1)
    assert back == "/"
    assert all("lang=en" in h for h in own if h != back), own
    answer = upload(client, DOCX.name, DOCX.read_bytes(), lang="en")
    verdict = client.get(answer.headers["Location"]).text
    assert "Complete: 12 of 12" in verdict and "The report (HTML)" in verdict
    assert all("lang=en" in h for h in links(verdict) if h.startswith("/") and "/result/" not in h and h != "/")


# --------------------------------------------------------------------------
# Next year's template


def test_next_years_template_from_last_years_report(client):
    from toolkit.decisions.load import load_conditions
    from toolkit.outputs.scaffold import new_draft

    token = token_of(client.get("/new").text)
    answer = post(client, "/new", {"token": token, "conditions": "2018", "region": "Region Norrbotten", "format": "template-md",
                                   "last": (io.BytesIO(EXAMPLE.read_bytes()), "norrbotten-2017.md")})
    assert answer.status_code == 200, answer.text[:1000]
    assert answer.headers["Content-Disposition"] == "attachment; filename=Region-Norrbotten-2018.md"
    expected = new_draft(load_conditions("2018"), "Region Norrbotten", EXAMPLE, "sv", "norrbotten-2017.md")
    assert answer.get_data(as_text=True) == expected
    assert "villkor:carried-over" in expected and "norrbotten-2017.md" in expected


def test_next_years_template_in_word_is_the_default(client, tmp_path: Path):
    from toolkit.checking.checker import check_file

    token = token_of(client.get("/new").text)
    answer = post(client, "/new", {"token": token, "conditions": "2018", "region": "Region Norrbotten",
                                   "last": (io.BytesIO(DOCX.read_bytes()), "förra-året.docx")})
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"] == "attachment; filename=Region-Norrbotten-2018.docx"
    template = tmp_path / "mall.docx"
    template.write_bytes(answer.data)
    result = check_file(template)
    assert result.conditions.id == "2018" and result.draft.meta["region"] == "Region Norrbotten"
    assert any(f.code == "section-carried-over" for f in result.findings)
    text = "\n".join(line for line in result.draft.lines)
    assert "förra-året.docx" in text and "utkast.docx" not in text  # the upload's name, not its temporary copy's


def test_next_years_template_without_last_year(client):
    token = token_of(client.get("/new").text)
    answer = post(client, "/new", {"token": token, "conditions": "2023", "region": "Region Gotland", "format": "template-md"})
    assert answer.status_code == 200 and answer.get_data(as_text=True).startswith('---\nconditions: "2023"')
    empty = post(client, "/new", {"token": token, "conditions": "2023", "region": "  "})
    assert empty.status_code == 400 and "Skriv regionens namn." in empty.text
    hostile = post(client, "/new", {"token": token, "conditions": "2023", "region": "R",
                                    "last": (io.BytesIO(b"%PDF-1.4"), "förra.md")})
    assert hostile.status_code == 415 and "förra.md:1: filen är en PDF-fil" in hostile.text


# --------------------------------------------------------------------------
# A folder's summary


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "rapporter"
    out.mkdir()
    for name in ("gotland-2017.md", "kalmar-2017.md", "norrbotten-2017.docx"):
        shutil.copy(REPORTS / name, out / name)
    return out


def test_the_summary_is_checked_again_when_a_file_changes(folder: Path, tmp_uploads: Path):
    from toolkit.web import create_app

    app = create_app(str(folder))
    client = app.test_client()
    state = app.extensions["villkor"]["folder"]
    page = client.get("/summary").text
    assert "3 utkast: 2 kompletta, 1 ofullständigt," in page and state.builds == 1
    client.get("/summary")
    assert state.builds == 1  # nothing changed: not checked again
    kalmar = folder / "kalmar-2017.md"
    os.utime(kalmar, ns=(kalmar.stat().st_atime_ns, kalmar.stat().st_mtime_ns + 10**9))
    client.get("/summary")
    assert state.builds == 1  # a new time, the same content
    kalmar.write_text(INCOMPLETE.read_text(encoding="utf-8"), encoding="utf-8")
    assert "3 utkast: 1 komplett, 2 ofullständiga," in client.get("/summary").text and state.builds == 2
    shutil.copy(EXAMPLE, folder / "ny.md")
    assert "4 utkast" in client.get("/summary").text and state.builds == 3
    (folder / "ny.md").unlink()
    assert "3 utkast" in client.get("/summary").text and state.builds == 4

    # an upload is never written into the folder
    before = sorted(p.name for p in folder.iterdir())
    upload(client, "utkast.md", EXAMPLE.read_bytes())
    assert sorted(p.name for p in folder.iterdir()) == before


def test_each_report_in_the_summary_links_to_its_verdict(folder: Path, tmp_uploads: Path):
    from toolkit.web import create_app

    client = create_app(str(folder)).test_client()
    page = client.get("/summary?lang=en").text
    hrefs = sorted(set(re.findall(r'href="(/summary/report\?[^"]+)"', page)))
    assert len(hrefs) == 3 and all("lang=en" in h for h in hrefs)
    for href in hrefs:
        verdict = client.get(href.replace("&amp;", "&"))
        assert verdict.status_code == 200 and "Check of the report" in verdict.text
    outside = client.get("/summary/report", query_string={"file": str(EXAMPLE), "lang": "en"})
    assert outside.status_code == 404 and "not part of the summary" in outside.text
    data = json.loads(client.get("/summary/download/summary-json").get_data(as_text=True))
    assert data["totals"]["drafts"] == 3


def test_the_summary_downloads_as_a_spreadsheet(folder: Path, tmp_uploads: Path):
    import csv
    import io

    from openpyxl import load_workbook

    from toolkit.web import create_app

    client = create_app(str(folder)).test_client()
    page = client.get("/summary").text
    assert "/summary/download/summary-xlsx" in page and "/summary/download/summary-csv" in page
    assert 'id="belopp-2017"' in page and "<svg" in page  # the amounts and their charts are on the page too
    book = client.get("/summary/download/summary-xlsx")
    assert book.status_code == 200 and book.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(book.get_data()))["Belopp"]
    assert any(c.data_type == "n" and c.number_format == '#,##0 "kr"' for c in sheet["I"][1:])
    rows = list(csv.reader(io.StringIO(client.get("/summary/download/summary-csv").get_data(as_text=True).lstrip("\ufeff")),
                           delimiter=";"))
    assert rows[0][:2] == ["Fil", "Region"] and len(rows) > 1


def test_without_a_folder_the_summary_says_how_to_get_one(client):
    page = client.get("/summary").text
    assert "villkor serve --dir MAPP" in page
    assert "Sammanställning" not in re.search(r"<nav.*?</nav>", page, re.S).group(0)


# --------------------------------------------------------------------------
# Decisions


def test_decisions_list_show_and_diff(client):
    listing = client.get("/decisions").text
    for cid in ("2017", "2018", "2023"):
        assert f'href="/decisions/{cid}"' in listing
    shown = client.get("/decisions/2018").text
    assert "Bygger på: 2017" in shown and "{#uppdraget}" in shown
    diff = client.get("/diff?old=2017&new=2018")
    assert diff.status_code == 200 and "Ändringar från villkorsbeslut 2017 till 2018" in diff.text and "Agenda 2030" in diff.text
    assert client.get("/decisions/1999").status_code == 404
    assert client.get("/diff?old=2017&new=/etc/passwd").status_code == 400


# --------------------------------------------------------------------------
# The command


def test_serve_refuses_a_missing_folder(tmp_path: Path):
    r = run("serve", "--dir", tmp_path / "finns-inte", "--port", "0")
    assert r.code == 2 and "mappen finns inte (--dir)" in r.err


def test_serve_refuses_a_folder_that_holds_the_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "inne"))
    r = run("serve", "--dir", tmp_path, "--port", "0")
    assert r.code == 2 and "ligger i mappen som ska sammanställas" in r.err


def test_the_readme_describes_every_page_and_the_caches_bounds(client):
    from toolkit.web.cache import ResultCache

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Webbsidan: villkor serve"):]
    section = section[: section.index("\n## ", 5)]
    pages = {r.rule for r in client.application.url_map.iter_rules()
             if "GET" in r.methods and not r.arguments and r.rule not in ("/favicon.ico", "/check")}
    for rule in pages - {"/summary/report", "/diff"}:
        assert f"(`{rule}`" in section, rule
    from toolkit.web.server import MAX_REQUEST
    from toolkit.web.workers import MEMORY, TIMEOUT

    bounds = ResultCache()
    assert f"i {int(bounds.lifetime // 60)} minuter" in section
    assert f"högst {TIMEOUT} sekunder och {MEMORY >> 30} GB minne per fil" in section
    assert f"En begäran över {round(MAX_REQUEST / 1048576)} MB" in section
    assert f"högst\n  {bounds.max_entries} resultat och {bounds.max_bytes // 1048576} MB" in section
    assert "villkor serve" in (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_startup_line_says_when_other_computers_can_reach_the_page():
    from toolkit.messages import t
    from toolkit.web.server import reachable_from_others

    assert not any(reachable_from_others(h) for h in ("127.0.0.1", "localhost", "::1", "127.0.0.2"))
    assert all(reachable_from_others(h) for h in ("0.0.0.0", "192.168.1.10", "::", "villkor.region.se"))
    assert t("serve-listening-remote", "sv", url="http://0.0.0.0:8000") == (
        "Lyssnar på http://0.0.0.0:8000; nåbar från andra datorer. Avsluta med Ctrl+C.")


def test_english_as_the_default_links_to_swedish(tmp_uploads: Path):
    from toolkit.web import create_app

    page = create_app(lang="en").test_client().get("/").text
    assert "Check a draft" in page
    assert re.search(r'<a class="lang" href="([^"]+)"', page).group(1) == "/?lang=sv"


def test_upload_folders_left_by_a_killed_server_are_swept(tmp_uploads: Path):
    from toolkit.web.app import UPLOAD_PREFIX
    from toolkit.web.server import sweep_uploads

    old, young, other = tmp_uploads / f"{UPLOAD_PREFIX}old", tmp_uploads / f"{UPLOAD_PREFIX}young", tmp_uploads / "annat"
    for folder in (old, young, other):
        folder.mkdir()
        (folder / "utkast.md").write_text("x", encoding="utf-8")
    os.utime(old, (0, 0))
    os.utime(other, (0, 0))
    assert sweep_uploads() == 1
    assert sorted(p.name for p in tmp_uploads.iterdir()) == sorted([young.name, other.name])


def test_a_result_too_large_to_keep_is_shown_at_once_without_downloads(tmp_uploads: Path):
    from toolkit.web import create_app
    from toolkit.web.cache import ResultCache

    client = create_app(cache=ResultCache(max_bytes=10_000)).test_client()
    answer = upload(client, DOCX.name, DOCX.read_bytes())
    assert answer.status_code == 200
    assert "Komplett: 12 av 12" in answer.text and "för stora för att hållas kvar" in answer.text
    assert "/result/" not in answer.text
