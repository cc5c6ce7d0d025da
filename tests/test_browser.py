"""The rendered report in a real browser: headings are there, nothing runs, nothing loads."""

from pathlib import Path

import pytest
from helpers import EXAMPLE, INCOMPLETE, run
from test_render import injected_draft

pytestmark = pytest.mark.browser


def test_report_in_chromium_runs_no_script(tmp_path: Path, page):
    out = tmp_path / "farlig.html"
    assert run("render", injected_draft(tmp_path), "--format", "html", "--output", out).code == 0
    page.open(out)
    pg = page.page
    headings = pg.locator("main h2").all_inner_texts()
    assert headings[1] == "1. Insatser inom det regionala utvecklingsuppdraget"
    assert headings[-1] == "8. Användning av anslag 1:1"
    assert pg.locator("h2#klimat-miljo").count() == 1
    assert pg.locator("nav.toc a[href='#uppdraget']").count() == 1
    assert pg.title() == "Återrapportering 2017 – Region Norrbotten"  # the payload would rename it
    assert page.dialogs == []
    assert page.external_requests == []
    assert pg.evaluate("document.scripts.length") == 0
    assert "{{ 7 * 7 }}" in pg.locator("#samarbete-lansstyrelsen + *").inner_text() or "{{ 7 * 7 }}" in pg.content()
    page.screenshot("report.png")


def test_check_summary_in_chromium(tmp_path: Path, page):
    out = tmp_path / "kontroll.html"
    assert run("check", INCOMPLETE, "--format", "html", "--output", out).code == 1
    page.open(out)
    pg = page.page
    assert pg.locator("h1").inner_text() == "Kontroll av återrapportering – Region Norrbotten"
    assert pg.locator(".verdict").inner_text().startswith("Ofullständig")
    assert pg.locator("td.status-missing").count() == 3  # two sections and one figure
    assert page.console_errors == [] and page.external_requests == []
    page.screenshot("check-summary-incomplete.png")


def test_report_prints_on_a4(tmp_path: Path, page):
    out = tmp_path / "rapport.html"
    assert run("render", EXAMPLE, "--format", "html", "--output", out).code == 0
    page.open(out)
    pdf = page.page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2
