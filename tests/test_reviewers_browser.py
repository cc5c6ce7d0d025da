"""The overview, a one-page check summary and the memo in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLE, REPORTS, run
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

@pytest.fixture
def overview(tmp_path: Path) -> Path:
    out = tmp_path / "ut" / "sammanstallning.html"
    r = run("summary", REPORTS, "--format", "html", "--output", out)
    assert r.code == 1, r
    return out


def _column(pg, table: str, index: int) -> list[str]:
    return pg.eval_on_selector_all(
        f"{table} tbody tr:not([hidden])", f"rows => rows.map(r => r.cells[{index}].textContent.trim())")


def test_overview_sorts_by_click_and_keyboard(page, overview):
    page.open(overview)
    pg = page.page
    regions = _column(pg, "#reports", 1)
    header = pg.locator("#reports thead th").nth(1)
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert _column(pg, "#reports", 1) == sorted(regions, key=str.casefold)
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert _column(pg, "#reports", 1) == sorted(regions, key=str.casefold, reverse=True)

    # keyboard: focus the coverage header's button and press Enter
    coverage = pg.locator("#reports thead th").nth(5)
    coverage.get_by_role("button").focus()
    pg.keyboard.press("Enter")
    assert coverage.get_attribute("aria-sort") == "ascending"
    assert header.get_attribute("aria-sort") is None
    values = [float(v.split(" %")[0]) for v in _column(pg, "#reports", 5)]
    assert values == sorted(values) and values[0] < values[-1]

    # the matrix sorts too: a part column puts missing cells last
    matrix = pg.locator("table.matrix").first
    matrix.locator("thead th").nth(7).get_by_role("button").click()
    marks = matrix.locator("tbody tr").evaluate_all("rows => rows.map(r => r.cells[7].textContent.trim()[0])")
    assert marks[0] == "✓" and marks[-1] == "✗"
    assert page.console_errors == []
    assert page.external_requests == []
    page.screenshot("summary-sorted.png")


def test_overview_filters_by_region_year_and_status(page, overview):
    import json

    reports = json.loads(run("summary", REPORTS, "--format", "json").out)["reports"]
    norrbotten = [r for r in reports if r["region"] == "Region Norrbotten"]
    years = sorted({r["year"] for r in reports})
    page.open(overview)
    pg = page.page
    assert pg.locator("#filters").is_visible()
    total = pg.locator("#reports tbody tr").count()
    assert total == len(reports)
    pg.select_option("select[name=region]", "Region Norrbotten")
    assert _column(pg, "#reports", 1) == ["Region Norrbotten"] * len(norrbotten)
    assert pg.locator("#filter-count").text_content() == f"Visar {len(norrbotten)} av {total} rapporter"
    pg.select_option("select[name=status]", "complete")
    assert _column(pg, "#reports", 4) == ["komplett"] * sum(r["verdict"] == "complete" for r in norrbotten)
    pg.select_option("select[name=region]", "")
    statuses = _column(pg, "#reports", 4)
    assert statuses and set(statuses) == {"komplett"} and len(statuses) == sum(r["verdict"] == "complete" for r in reports) < total
    pg.select_option("select[name=status]", "complete-with-warnings")
    warned = _column(pg, "#reports", 4)
    assert warned and set(warned) == {"komplett, med varningar"}
    assert len(warned) == sum(r["verdict"] == "complete-with-warnings" for r in reports)
    pg.select_option("select[name=status]", "incomplete")
    assert set(_column(pg, "#reports", 4)) == {"ofullständig"}
    pg.select_option("select[name=status]", "")
    for year in years:
        pg.select_option("select[name=year]", str(year))
        assert _column(pg, "#reports", 2) == [str(year)] * sum(r["year"] == year for r in reports)
    pg.get_by_role("button", name="Visa alla").click()
    # The reset runs the filter in a setTimeout; a string predicate would be
    # evaluated by the page and refused by its own Content-Security-Policy.
    expect(pg.locator("#reports tbody tr:not([hidden])")).to_have_count(total)
    assert page.console_errors == []
    assert page.external_requests == []
    page.screenshot("summary-filtered.png")


def test_matrix_cell_leads_to_its_finding(page, overview):
    page.open(overview)
    pg = page.page
    link = pg.locator("table.matrix td.cell-missing a").first
    target = link.get_attribute("href")
    assert target.startswith("#f")
    link.click()
    item = pg.locator(target)
    assert item.is_visible()
    text = item.text_content()
    assert ".md:" in text and "saknas" in text
    assert page.console_errors == []


def test_report_link_opens_its_one_page_summary(page, overview):
    page.open(overview)
    pg = page.page
    pg.locator("#reports a", has_text="norrbotten-2017-ofullstandig.md").click()
    pg.wait_for_load_state()
    assert pg.url.endswith("sammanstallning-files/norrbotten-2017-ofullstandig-md.html")
    assert pg.locator("h1").text_content() == "Kontroll av återrapportering – Region Norrbotten"
    assert pg.locator("h2", has_text="Brister per punkt i beslutet").count() == 1
    assert page.console_errors == []
    assert page.external_requests == []
    page.screenshot("check-summary.png")


def test_memo_renders(page, tmp_path):
    out = tmp_path / "memo.html"
    r = run("memo", EXAMPLE, "--format", "html", "--output", out)
    assert r.code == 0, r
    page.open(out)
    pg = page.page
    assert pg.locator("h1").text_content() == "Återrapportering från Region Norrbotten, anslag 1:1"
    headings = [h.strip() for h in pg.locator("h2").all_text_contents()]
    assert headings == ["Regionutvecklingsutskottets beslut", "Yttrande till beslutsförslaget", "Sammanfattning", "Ärendet"]
    assert page.console_errors == []
    assert page.external_requests == []
    page.screenshot("memo.png")
