"""The summary's amounts and charts in headless Chromium: drawn, named, safe,
readable without JavaScript, and on paper."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import REPORTS, run, write
from playwright.sync_api import expect
from test_amounts import FULL, draft

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def overview(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("charts") / "sammanstallning.html"
    r = run("summary", REPORTS, "--format", "html", "--output", out)
    assert r.code == 1, r
    return out


def test_charts_render_with_titles_captions_and_their_numbers(page, overview):
    page.open(overview)
    pg = page.page
    charts = pg.locator("figure.chart")
    # per decision: coverage and amounts (three decisions), and Västerbotten year over year
    expect(charts).to_have_count(7)
    for n in range(charts.count()):
        chart = charts.nth(n)
        svg = chart.locator("svg")
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 80
        title_id = svg.get_attribute("aria-labelledby")
        assert svg.get_attribute("role") == "img"
        title = svg.locator("title")
        assert title.get_attribute("id") == title_id
        caption = chart.locator("figcaption").text_content()
        assert title.text_content() and title.text_content() in caption
        assert svg.locator("text").count() > 3  # axis labels and ticks are text, not pictures
    amounts = pg.locator("figure.chart", has=pg.locator("figcaption", has_text="Belopp per region och stödform – beslut 2017"))
    table = amounts.locator("table.chart-data")
    expect(table.locator("tbody tr")).to_have_count(8)
    assert "Projektverksamhet" in table.locator("thead").text_content()
    assert amounts.locator("svg rect, svg path").count() > 8
    assert page.console_errors == []
    assert page.external_requests == []
    page.screenshot("summary-charts.png")


def test_a_wide_matrix_scrolls_in_its_box_with_the_report_column_fixed(page, overview):
    page.page.set_viewport_size({"width": 900, "height": 900})
    page.open(overview)
    pg = page.page
    box = pg.locator("div.scroll", has=pg.locator("#matrix-2018"))
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    first = pg.locator("#matrix-2018 tbody th[scope=row]").first
    assert first.evaluate("el => getComputedStyle(el).position") == "sticky"
    before = first.bounding_box()["x"]
    box.evaluate("el => { el.scrollLeft = 400; }")
    assert abs(first.bounding_box()["x"] - before) < 1  # the report column stays where it was
    page.screenshot("summary-narrow.png")


@pytest.mark.parametrize("width", [900, 600])
def test_the_page_itself_never_scrolls_sideways(page, overview, width):
    """Every wide table scrolls in its own box, whatever fonts the reader's machine has:
    a wider font than ours is forced to make the check independent of the fonts installed."""
    page.page.set_viewport_size({"width": width, "height": 900})
    page.open(overview)
    pg = page.page
    for font in (None, "*{font-family:'DejaVu Sans Mono',monospace !important;letter-spacing:0.05em}"):
        if font:
            pg.add_style_tag(content=font)
        wide = pg.evaluate(
            """() => [...document.querySelectorAll('body *')]
                 .filter(el => !el.closest('.scroll') && el.getBoundingClientRect().right > window.innerWidth + 1)
                 .map(el => el.tagName + (el.id ? '#' + el.id : ''))"""
        )
        assert wide == []
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_the_page_works_without_javascript(browser, overview):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(overview.resolve().as_uri())
    expect(pg.locator("figure.chart svg").first).to_be_visible()
    expect(pg.locator("#amounts-2017 tfoot")).to_contain_text("581\u00a0500\u00a0000\u00a0kr")
    expect(pg.locator("#filters")).to_be_hidden()  # the filters need the script; the tables do not
    assert [u for u in requests if not u.startswith("file:")] == []
    context.close()


def test_a_hostile_region_name_stays_text_in_the_charts(page, tmp_path):
    hostile = '<script>alert(1)</script> &$x$'
    write(tmp_path / "u" / "a.md", draft(hostile, FULL))
    write(tmp_path / "u" / "b.md", draft("Region B", FULL))
    out = tmp_path / "s.html"
    assert run("summary", tmp_path / "u", "--format", "html", "--output", out).code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html and html.count("<script") == 1
    page.open(out)
    pg = page.page
    labels = pg.locator("figure.chart svg text").all_text_contents()
    assert any("<script>alert(1)</script>" in label for label in labels)
    assert any("$x$" in label for label in labels)  # no mathtext: dollars stay dollars
    assert page.dialogs == [] and page.console_errors == [] and page.external_requests == []


def test_the_summary_prints_landscape_with_page_numbers_and_no_heading_alone(page, overview, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    page.open(overview)
    pdf = tmp_path / "s.pdf"
    page.page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "841.92 x 595" in info.replace("594.96", "595")  # A4 landscape
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    headings = [h.strip() for h in page.page.locator("h2, h3").all_text_contents()]
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                              capture_output=True, text=True).stdout
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[-1].replace(" ", "") == f"{n}/{pages}", lines[-3:]
        body = lines[:-1]
        assert body and not any(body[-1] == h or (len(body[-1]) > 10 and h.endswith(body[-1])) for h in headings if h), (n, body[-2:])


@pytest.mark.parametrize("command", [["memo"], ["render"]])
def test_the_report_and_memo_print_with_page_numbers(page, tmp_path, command):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / "doc.html"
    assert run(*command, REPORTS / "norrbotten-2017.md", "--format", "html", "--output", out).code == 0
    page.open(out)
    pdf = tmp_path / "doc.pdf"
    page.page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = text.count("\f")
    numbers = [line.strip().replace(" ", "") for line in text.splitlines() if line.strip().replace(" ", "").endswith(f"/{pages}")]
    assert numbers[: pages] == [f"{n}/{pages}" for n in range(1, pages + 1)], numbers
