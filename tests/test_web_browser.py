"""The web page in headless Chromium, served by ``villkor serve`` in a
subprocess: upload by the file chooser and by dropping, the verdict, a
download reopened, the other language, a folder's summary filtered, the
decisions and next year's template. No console errors, no request that leaves
the server. Each page is saved as a screenshot in ``test-results/``."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLE, REPORTS
from playwright.sync_api import expect
from web_helpers import DOCX, Server

from toolkit.checking.checker import check_file

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    work = tmp_path_factory.mktemp("web")
    folder = work / "rapporter"
    shutil.copytree(REPORTS, folder)
    with Server(work, work / "tmp", folder=folder) as s:
        yield s
    assert list((work / "tmp").iterdir()) == []


def outside(page: Any, server: Server) -> list[str]:
    """Requests to anywhere but the server (and the files the test itself opened)."""
    return [u for u in page.requests if not u.startswith((server.url + "/", "file:", "data:", "about:"))]


def test_upload_a_word_draft_by_the_file_chooser_and_reopen_the_report(page: Any, server: Server, tmp_path: Path):
    pg = page.page
    pg.goto(server.url + "/")
    expect(pg.get_by_role("heading", level=1)).to_have_text("Kontrollera ett utkast")
    page.screenshot("web-check.png")
    pg.locator("#draft").set_input_files(str(DOCX))
    expect(pg.locator("#chosen")).to_have_text("Vald fil: norrbotten-2017.docx")
    pg.get_by_role("button", name="Kontrollera").click()
    expect(pg.locator("p.verdict")).to_contain_text("Komplett: 12 av 12 obligatoriska delar uppfyllda")
    expect(pg.locator(".facts code")).to_have_text("norrbotten-2017.docx")
    page.screenshot("web-verdict.png")

    # the report in Word, downloaded and opened again: uploaded, it checks as its source did
    with pg.expect_download() as info:
        pg.get_by_role("link", name="Rapporten (Word)").click()
    assert info.value.suggested_filename == "norrbotten-2017-rapport.docx"
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(str(saved))
    pg.get_by_role("link", name="Kontrollera en annan fil").click()
    pg.locator("#draft").set_input_files(str(saved))
    pg.get_by_role("button", name="Kontrollera").click()
    expect(pg.locator("p.verdict")).to_contain_text("Komplett: 12 av 12 obligatoriska delar uppfyllda")
    expect(pg.locator(".facts code")).to_have_text("norrbotten-2017-rapport.docx")

    # the report as a web page, opened in the browser
    with pg.expect_download() as info:
        pg.get_by_role("link", name="Rapporten (HTML)").click()
    html = tmp_path / info.value.suggested_filename
    info.value.save_as(str(html))
    pg.goto(html.as_uri())
    expect(pg.locator("h1").first).to_contain_text("Region Norrbotten")
    expect(pg.locator("nav.toc")).to_be_visible()
    page.screenshot("web-downloaded-report.png")
    assert page.console_errors == []
    assert outside(page, server) == []


def test_drop_a_file_on_the_page(page: Any, server: Server):
    pg = page.page
    pg.goto(server.url + "/")
    text = EXAMPLE.read_text(encoding="utf-8")
    transfer = pg.evaluate_handle(
        "text => { const t = new DataTransfer(); t.items.add(new File([text], 'utkast.md', {type: 'text/markdown'})); return t; }",
        text)
    pg.locator("#drop").dispatch_event("dragover", {"dataTransfer": transfer})
    expect(pg.locator("#drop")).to_have_class("drop over")
    pg.locator("#drop").dispatch_event("drop", {"dataTransfer": transfer})
    expect(pg.locator("#chosen")).to_have_text("Vald fil: utkast.md")
    expect(pg.locator("#drop")).to_have_class("drop")
    pg.get_by_role("button", name="Kontrollera").click()
    expect(pg.locator("p.verdict")).to_contain_text("Komplett")
    expect(pg.locator(".facts code")).to_have_text("utkast.md")
    assert page.console_errors == []
    assert outside(page, server) == []


def test_switch_to_english_and_stay_there(page: Any, server: Server):
    pg = page.page
    pg.goto(server.url + "/")
    pg.get_by_role("link", name="English").click()
    expect(pg.get_by_role("heading", level=1)).to_have_text("Check a draft")
    expect(pg.locator("html")).to_have_attribute("lang", "en")
    pg.locator("#draft").set_input_files(str(DOCX))
    pg.get_by_role("button", name="Check").click()
    expect(pg.locator("p.verdict")).to_contain_text("Complete: 12 of 12")
    expect(pg.get_by_role("link", name="The report (HTML)")).to_be_visible()
    page.screenshot("web-verdict-en.png")
    pg.get_by_role("link", name="Decisions").click()
    expect(pg.get_by_role("heading", level=1)).to_have_text("Conditions decisions")
    pg.get_by_role("link", name="Svenska").click()
    expect(pg.get_by_role("heading", level=1)).to_have_text("Villkorsbeslut")
    assert page.console_errors == []
    assert outside(page, server) == []


def test_the_folders_summary_filters_and_links_to_each_verdict(page: Any, server: Server):
    pg = page.page
    pg.goto(server.url + "/summary")
    expect(pg.locator("#filters")).to_be_visible()  # the summary's script ran under the page's policy
    rows = pg.locator("#reports tbody tr")
    total = rows.count()
    assert total == len(list(REPORTS.glob("*.md"))) + len(list(REPORTS.glob("*.docx")))
    pg.select_option("select[name=region]", "Region Norrbotten")
    visible = pg.locator("#reports tbody tr:not([hidden])")
    expect(visible).to_have_count(4)
    expect(pg.locator("#filter-count")).to_have_text(f"Visar 4 av {total} rapporter")
    pg.select_option("select[name=status]", "incomplete")
    expect(visible).to_have_count(1)
    page.screenshot("web-summary-filtered.png")
    visible.first.get_by_role("link").click()
    expect(pg.get_by_role("heading", level=1)).to_have_text("Kontroll av återrapportering – Region Norrbotten")
    expect(pg.locator("p.verdict")).to_contain_text("Ofullständig")
    page.screenshot("web-summary-report.png")
    pg.get_by_role("link", name="Tillbaka till sammanställningen").click()
    expect(pg.locator("#filters")).to_be_visible()
    assert page.console_errors == []
    assert outside(page, server) == []


def test_decisions_and_next_years_template(page: Any, server: Server, tmp_path: Path):
    pg = page.page
    pg.goto(server.url + "/decisions")
    page.screenshot("web-decisions.png")
    pg.get_by_role("link", name="2018", exact=True).click()
    expect(pg.locator("pre.outline")).to_contain_text("Bygger på: 2017")
    page.screenshot("web-decision.png")
    pg.get_by_role("button", name="Jämför").click()
    expect(pg.get_by_role("heading", level=1)).to_have_text("Ändringar från villkorsbeslut 2017 till 2018")
    page.screenshot("web-diff.png")

    pg.get_by_role("link", name="Nästa års mall").click()
    pg.select_option("select[name=conditions]", "2018")
    pg.get_by_role("textbox", name="Region").fill("Region Norrbotten")
    pg.locator("#last").set_input_files(str(EXAMPLE))
    page.screenshot("web-new.png")
    expect(pg.get_by_role("radio", name="Word (.docx)")).to_be_checked()
    with pg.expect_download() as info:
        pg.get_by_role("button", name="Ladda ned mallen").click()
    assert info.value.suggested_filename == "Region-Norrbotten-2018.docx"
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(str(saved))
    template = check_file(saved)
    assert template.conditions.id == "2018" and any(f.code == "section-carried-over" for f in template.findings)
    pg.get_by_role("radio", name="Markdown (.md)").check()
    with pg.expect_download() as info:
        pg.get_by_role("button", name="Ladda ned mallen").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(str(saved))
    assert saved.name == "Region-Norrbotten-2018.md"
    assert saved.read_text(encoding="utf-8").startswith('---\nconditions: "2018"')
    assert page.console_errors == []
    assert outside(page, server) == []


def test_the_form_works_without_javascript(browser: Any, server: Server):
    context = browser.new_context(java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto(server.url + "/")
        pg.locator("#draft").set_input_files(str(DOCX))
        pg.get_by_role("button", name="Kontrollera").click()
        expect(pg.locator("p.verdict")).to_contain_text("Komplett")
        expect(pg.get_by_role("link", name="Rapporten (HTML)")).to_be_visible()
    finally:
        context.close()


def test_a_refused_upload_shows_why_with_the_form(page: Any, server: Server, tmp_path: Path):
    pg = page.page
    pg.goto(server.url + "/")
    bad = tmp_path / "rapport.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing")
    pg.locator("#draft").set_input_files(str(bad))
    pg.get_by_role("button", name="Kontrollera").click()
    expect(pg.get_by_role("alert")).to_contain_text("rapport.pdf: filen är varken ett Word-dokument")
    expect(pg.locator("#draft")).to_be_visible()
    page.screenshot("web-refused.png")
    # the page answered 415 on purpose; that is the one console message
    assert all("415" in e for e in page.console_errors)
    assert outside(page, server) == []
