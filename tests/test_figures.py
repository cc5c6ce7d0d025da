"""Figures a committee can trust: units in tables, the year's column,
plausibility, the numbers shown back, deadlines, duplicates in a summary,
``--conditions`` for a draft that names no decision, and YAML values read as
written.

Word documents are built here with python-docx, the way a case officer makes
them in Word: a facts table, headings, text, and a table of figures.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import docx
import pytest
from helpers import EXAMPLE, assert_clean_error, run, write

from toolkit.checking.checker import check_file
from toolkit.decisions.load import load_conditions
from toolkit.errors import ConditionsError
from toolkit.outputs.memo import build_memo
from toolkit.outputs.render import render_markdown
from toolkit.read.yamldoc import load_yaml

FILLER = " ".join(["Regionen har under året arbetat med insatsen tillsammans med länets aktörer."] * 8)
SECTIONS = [
    "Insatser inom det regionala utvecklingsuppdraget", "Jämställd regional tillväxt", "Samarbete med länsstyrelsen",
    "Lärande och uppföljning", "Näringslivets digitalisering", "Stöd till kommersiell service",
    "Klimat- och miljöarbetet", "Användning av anslag 1:1",
]
LABELS = ["Utbetalt projektstöd", "Beviljat företagsstöd totalt", "varav från anslag 1:1", "varav från EU:s strukturfonder"]
#: the paragraph of the figures table: facts table, then 8 headings with a paragraph each
TABLE_AT = 18


def report(facts: tuple[tuple[str, str], ...] = (("Villkorsbeslut", "2017"), ("Region", "Region Testlän"))) -> docx.Document:
    doc = docx.Document()
    table = doc.add_table(rows=0, cols=2)
    for a, b in facts:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = a, b
    for n, title in enumerate(SECTIONS, 1):
        doc.add_paragraph(f"{n}. {title}", style="Heading 1")
        doc.add_paragraph(FILLER)
    return doc


def figures_table(doc: docx.Document, header: list[str] | None, rows: list[list[str]]) -> docx.table.Table:
    width = len(header or rows[0])
    table = doc.add_table(rows=0, cols=width)
    for values in ([header] if header else []) + rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    return table


def amounts(*columns: list[str]) -> list[list[str]]:
    """Rows of the 2017 figures: each label with one amount from each column."""
    return [[label, *(col[n] for col in columns)] for n, label in enumerate(LABELS)]


def save(doc: docx.Document, path: Path) -> Path:
    doc.save(path)
    return path


def figure(result, figure_id: str = "projektstod_utbetalt"):
    return next(f for f in result.figures if f.id == figure_id)


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


TKR = ["61 300", "85 000", "42 500", "42 500"]


# --------------------------------------------------------------------------
# Units where people write them


def test_a_header_in_tkr_scales_the_bare_numbers_everywhere_the_amounts_go(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Belopp (tkr)"], amounts(TKR))
    path = save(doc, tmp_path / "tkr.docx")
    result = check_file(path)
    assert result.complete, codes(result)
    f = figure(result)
    assert f.value == 61_300_000 and f.raw == "61 300"
    assert (f.unit_from, f.unit_text, f.header, f.line) == ("header", "tkr", "Belopp (tkr)", TABLE_AT)

    data = json.loads(run("check", path, "--format", "json").out)
    shown = data["figures"][0]
    assert shown["value"] == 61_300_000 and shown["as_read"] == "61 300 000 kr"
    assert (shown["unit_source"], shown["unit_text"], shown["column"], shown["table"]) == ("header", "tkr", "Belopp (tkr)", TABLE_AT)

    # the memo tells the committee 61,3 million, and the report shows the kronor
    memo = build_memo(result).text
    assert "Utbetalt projektstöd från anslag 1:1: 61,3 miljoner kronor" in memo
    assert "61 300 kronor" not in memo
    rendered = render_markdown(result)
    assert "| Utbetalt projektstöd från anslag 1:1 | 61\u00a0300\u00a0000\u00a0kr |" in rendered
    assert "projektstod_utbetalt: 61300000" in rendered
    html = run("render", path, "--format", "html")
    assert html.code == 0 and "61&nbsp;300&nbsp;000&nbsp;kr" in html.out


def test_the_text_output_lists_the_figures_as_read(tmp_path, wide_terminal):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Belopp (tkr)"], amounts(TKR))
    r = run("check", save(doc, tmp_path / "tkr.docx"))
    assert r.code == 0, r
    assert "Nyckeltal som de lästes" in r.out
    row = _row_with(r.out, "61\u00a0300\u00a0000\u00a0kr")
    assert row.split()[-9:] == ["klart", "18", "”61", "300”:", "enheten", "från", "rubriken", "”Belopp", "(tkr)”"], row
    md = run("check", tmp_path / "tkr.docx", "--format", "md").out
    assert "| 61\u00a0300\u00a0000\u00a0kr | klart | 18 | ”61 300”: enheten från rubriken ”Belopp (tkr)” |" in md
    html = run("check", tmp_path / "tkr.docx", "--format", "html").out
    assert "enheten från rubriken ”Belopp (tkr)”" in html


def _row_with(text: str, value: str) -> str:
    """The line of the text output's figures table that shows ``value``."""
    return next(line for line in text.splitlines() if value in line)


def test_front_matter_figures_are_shown_back_with_their_line(tmp_path, wide_terminal):
    r = run("check", EXAMPLE)
    row = _row_with(r.out, "85\u00a0000\u00a0000\u00a0kr")
    assert row.split()[:3] == ["Beviljat", "företagsstöd", "totalt"]
    assert re.search(r"klart\s+8\s+”85 mnkr”: enheten skriven", row), row


@pytest.mark.parametrize("header, expected", [
    ("Belopp, mnkr", 61_300_000_000),  # 61 300 mnkr: scaled, and then far too large (a warning says so)
    ("Mkr", 61_300_000_000),
    ("Belopp i miljoner kronor", 61_300_000_000),
    ("Belopp (kr)", 61_300),
    ("Belopp (tusen kronor)", 61_300_000),
])
def test_units_are_read_from_headers_as_people_write_them(tmp_path, header, expected):
    doc = report()
    figures_table(doc, ["Nyckeltal", header], amounts(TKR))
    result = check_file(save(doc, tmp_path / "u.docx"))
    assert figure(result).value == expected
    assert figure(result).unit_from == "header"


def test_the_bare_number_without_any_unit_is_kronor_and_too_small_to_pass_unseen(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Belopp"], amounts(TKR))
    result = check_file(save(doc, tmp_path / "u.docx"))
    f = figure(result)
    assert f.value == 61_300 and f.unit_from == "figure"
    warning = next(x for x in result.findings if x.code == "figure-implausible")
    assert "61\u00a0300\u00a0kr" in warning.message() and "”61 300”" in warning.message()


def test_an_amount_with_its_own_unit_wins_over_the_header(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Belopp (tkr)"], amounts(["88 mnkr", "85 000", "42 500", "42,5 mnkr"]))
    result = check_file(save(doc, tmp_path / "u.docx"))
    assert result.complete, codes(result)
    assert figure(result).value == 88_000_000 and figure(result).unit_from == "amount"
    assert figure(result, "foretagsstod_beviljat").value == 85_000_000


def test_a_row_of_its_own_unit_cell(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Belopp", "Enhet"], amounts(["61,3", "85 000", "42,5", "42 500 000"], ["mnkr", "tkr", "Mkr", "kr"]))
    result = check_file(save(doc, tmp_path / "u.docx"))
    assert result.complete, [f.message() for f in result.findings]
    assert [f.value for f in result.figures] == [61_300_000, 85_000_000, 42_500_000, 42_500_000]
    assert figure(result).unit_from == "cell"


def test_a_percent_header_for_a_kronor_figure_is_an_error(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Andel (%)"], amounts(["12", "85 000 000", "42 500 000", "42 500 000"]))
    result = check_file(save(doc, tmp_path / "u.docx"))
    assert not result.complete
    bad = next(f for f in result.findings if f.code == "figure-unit-mismatch")
    assert bad.line == TABLE_AT and "Andel (%)" in bad.message() and "kronor" in bad.message()
    assert figure(result).status == "invalid" and figure(result).value is None


def test_a_percent_written_for_a_kronor_figure_in_front_matter_is_a_unit_error(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("projektstod_utbetalt: 88 000 000 kr", "projektstod_utbetalt: 12 %")
    text = text.replace("projektstod_utbetalt: 88 miljoner", "projektstod_utbetalt: 12 %")
    result = check_file(write(tmp_path / "u.md", text))
    bad = next(f for f in result.findings if f.code == "figure-unit-mismatch")
    assert "”12 %”" in bad.message() and "kronor" in bad.message()


# --------------------------------------------------------------------------
# Tables with several value columns


def test_the_column_of_the_reports_year_is_chosen(tmp_path):
    doc = report()
    figures_table(doc, ["Stödform", "2016 (mnkr)", "2017 (mnkr)"],
                  amounts(["55", "80", "40", "40"], ["61,3", "85", "42,5", "42,5"]))
    result = check_file(save(doc, tmp_path / "y.docx"))
    assert result.complete, codes(result)
    assert figure(result).value == 61_300_000 and figure(result).header == "2017 (mnkr)"
    r = run("check", tmp_path / "y.docx")
    assert "kolumnen" not in r.out  # the unit came from the same header; said once


def test_of_two_columns_for_the_year_the_outcome_is_chosen(tmp_path):
    doc = report()
    figures_table(doc, ["Stödform", "Budget 2017 (mnkr)", "Utfall 2017 (mnkr)"],
                  amounts(["55", "80", "40", "40"], ["61,3", "85", "42,5", "42,5"]))
    result = check_file(save(doc, tmp_path / "y.docx"))
    assert figure(result).value == 61_300_000 and figure(result).header == "Utfall 2017 (mnkr)"


def test_several_value_columns_without_the_year_are_ambiguous_never_guessed(tmp_path):
    doc = report()
    figures_table(doc, ["Stödform", "Budget (mnkr)", "Utfall (mnkr)"],
                  amounts(["55", "80", "40", "40"], ["61,3", "85", "42,5", "42,5"]))
    path = save(doc, tmp_path / "a.docx")
    result = check_file(path)
    assert not result.complete
    assert all(f.status == "invalid" and f.value is None for f in result.figures)
    bad = [f for f in result.findings if f.code == "figure-column-ambiguous"]
    assert len(bad) == 4 and all(f.line == TABLE_AT for f in bad)
    assert "stycke 18" in bad[0].message() and "”Budget (mnkr)”, ”Utfall (mnkr)”" in bad[0].message()
    r = run("check", path)
    assert r.code == 1 and "Traceback" not in r.out + r.err


def test_a_single_column_for_another_year_is_read_with_a_warning(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Utfall 2016 (tkr)"], amounts(TKR))
    result = check_file(save(doc, tmp_path / "y.docx"))
    assert figure(result).value == 61_300_000
    warning = next(f for f in result.findings if f.code == "figure-column-year")
    assert warning.severity == "warning" and "2016" in warning.message() and "2017" in warning.message()


def test_a_header_merged_over_the_year_columns_gives_both_their_unit(tmp_path):
    doc = report()
    table = figures_table(doc, None, [["Stödform", "Belopp (tkr)", ""], ["", "2016", "2017"],
                                      *amounts(["55 000", "80 000", "40 000", "40 000"], TKR)])
    table.rows[0].cells[1].merge(table.rows[0].cells[2]).text = "Belopp (tkr)"
    result = check_file(save(doc, tmp_path / "m.docx"))
    assert result.complete, [f.message() for f in result.findings]
    assert figure(result).value == 61_300_000 and figure(result).header == "Belopp (tkr) 2017"
    assert figure(result).unit_from == "header"


# --------------------------------------------------------------------------
# Bad tables: a clear finding with the paragraph, never a silent pick


def test_an_amount_merged_across_two_year_columns_is_refused(tmp_path):
    doc = report()
    table = figures_table(doc, ["Stödform", "2016 (tkr)", "2017 (tkr)"], amounts(TKR, TKR))
    table.rows[1].cells[1].merge(table.rows[1].cells[2]).text = "61 300"
    result = check_file(save(doc, tmp_path / "m.docx"))
    bad = next(f for f in result.findings if f.code == "figure-merged-cell")
    assert bad.line == TABLE_AT and "Utbetalt projektstöd" in bad.message()
    assert figure(result).status == "invalid" and figure(result).value is None


def test_an_amount_merged_down_from_the_row_above_is_refused(tmp_path):
    doc = report()
    table = figures_table(doc, ["Nyckeltal", "Belopp (tkr)"], amounts(TKR))
    table.rows[3].cells[1].merge(table.rows[4].cells[1]).text = "42 500"
    result = check_file(save(doc, tmp_path / "m.docx"))
    bad = [f for f in result.findings if f.code == "figure-merged-cell"]
    assert [f.params["label"] for f in bad] == ["varav från EU:s strukturfonder"]
    assert figure(result, "foretagsstod_beviljat_anslag").value == 42_500_000


def test_an_empty_amount_cell_is_a_missing_figure_at_its_table(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Belopp (tkr)"], amounts(["", "85 000", "42 500", "42 500"]))
    result = check_file(save(doc, tmp_path / "e.docx"))
    missing = next(f for f in result.findings if f.code == "figure-missing")
    assert missing.line == TABLE_AT and figure(result).status == "missing"


def test_a_header_with_two_units_is_unclear(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Belopp (tkr/mnkr)"], amounts(TKR))
    result = check_file(save(doc, tmp_path / "two.docx"))
    bad = next(f for f in result.findings if f.code == "figure-unit-unclear")
    assert "tkr, mnkr" in bad.message() and "stycke 18" in bad.message()
    assert figure(result).value is None


@pytest.mark.parametrize("how", ["superscript", "character"])
def test_a_unit_given_by_a_footnote_is_unclear(tmp_path, how):
    doc = report()
    table = figures_table(doc, ["Nyckeltal", "Belopp"], amounts(TKR))
    cell = table.rows[0].cells[1]
    if how == "superscript":
        cell.paragraphs[0].add_run("1").font.superscript = True
    else:
        cell.text = "Belopp¹"
    result = check_file(save(doc, tmp_path / "fn.docx"))
    bad = next(f for f in result.findings if f.code == "figure-unit-unclear")
    assert "fotnot" in bad.message() and figure(result).value is None
    assert not result.complete


def test_a_footnote_mark_on_an_amount_with_its_unit_is_not_part_of_the_number(tmp_path):
    doc = report()
    table = figures_table(doc, ["Nyckeltal", "Belopp"], amounts(["88 mnkr", "85 mnkr", "42,5 mnkr", "42,5 mnkr"]))
    table.rows[1].cells[1].paragraphs[0].add_run("2").font.superscript = True
    result = check_file(save(doc, tmp_path / "fn.docx"))
    assert result.complete and figure(result).value == 88_000_000


def test_a_negative_amount_is_an_error(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Belopp"], amounts(["-88 mnkr", "85 mnkr", "42,5 mnkr", "42,5 mnkr"]))
    result = check_file(save(doc, tmp_path / "neg.docx"))
    bad = next(f for f in result.findings if f.code == "figure-negative")
    assert bad.severity == "error" and "−88" in bad.message().replace("-", "−")
    assert not result.complete


def test_an_implausible_amount_is_a_warning_with_the_value_as_read(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Belopp"], amounts(["88 000 000 000 kr", "85 mnkr", "42,5 mnkr", "42,5 mnkr"]))
    path = save(doc, tmp_path / "huge.docx")
    result = check_file(path)
    warning = next(f for f in result.findings if f.code == "figure-implausible")
    assert warning.severity == "warning" and warning.line == TABLE_AT
    assert "88\u00a0000\u00a0000\u00a0000\u00a0kr" in warning.message() and "2\u00a0000\u00a0000\u00a0000\u00a0kr" in warning.message()
    assert result.complete  # a warning: --strict makes it count
    assert run("check", path, "--strict").code == 1


def test_converting_a_table_with_a_unit_header_keeps_the_unit(tmp_path):
    doc = report()
    figures_table(doc, ["Nyckeltal", "Belopp (tkr)"], amounts(TKR))
    path = save(doc, tmp_path / "tkr.docx")
    r = run("convert", path, "--output", tmp_path / "tkr.md")
    assert r.code == 0, r
    assert "projektstod_utbetalt: 61 300 tkr" in (tmp_path / "tkr.md").read_text(encoding="utf-8")
    assert figure(check_file(tmp_path / "tkr.md")).value == 61_300_000


# --------------------------------------------------------------------------
# Plausibility bounds in decisions


def test_the_shipped_decisions_carry_wide_bounds():
    for cid, total in (("2017", "projektstod_utbetalt"), ("2018", "projektstod_utbetalt"), ("2023", "beviljat_totalt")):
        f = load_conditions(cid).figure(total)
        assert f is not None and f.min == 100_000 and f.max == 2_000_000_000, cid


def _decision(tmp_path: Path, figure_yaml: str, name: str = "d.yaml") -> Path:
    return write(tmp_path / name, f"""
        title: X
        sections:
          - {{id: a, title: Avsnitt A, point: P, guidance: G, min_words: 1}}
        figures:
          - {{id: belopp, label: Belopp, section: a{figure_yaml}}}
        """)


def test_bounds_are_inherited_overridden_and_cleared(tmp_path):
    _decision(tmp_path, ", min: 1 mnkr, max: 2 miljarder", "base.yaml")
    write(tmp_path / "child.yaml", """
        extends: base
        title: Y
        figures:
          - {id: belopp, max: 500 mnkr}
        """)
    write(tmp_path / "clear.yaml", """
        extends: base
        title: Z
        figures:
          - {id: belopp, min: null}
        """)
    child = load_conditions(str(tmp_path / "child.yaml")).figure("belopp")
    assert child is not None and (child.min, child.max) == (1_000_000, 500_000_000)
    cleared = load_conditions(str(tmp_path / "clear.yaml")).figure("belopp")
    assert cleared is not None and (cleared.min, cleared.max) == (None, 2_000_000_000)


def test_a_bound_that_is_no_amount_is_an_error_with_its_line(tmp_path):
    path = _decision(tmp_path, ", max: många")
    with pytest.raises(ConditionsError) as exc:
        load_conditions(str(path))
    assert "d.yaml:5" in exc.value.format() and "max" in exc.value.format() and "många" in exc.value.format()


def test_min_above_max_is_an_error(tmp_path):
    path = _decision(tmp_path, ", min: 5 mnkr, max: 1 mnkr")
    with pytest.raises(ConditionsError) as exc:
        load_conditions(str(path))
    assert "min" in exc.value.format() and "max" in exc.value.format()


def test_a_misspelt_bound_is_an_unknown_key(tmp_path):
    path = _decision(tmp_path, ", maximum: 5")
    r = run("conditions", "validate", path)
    assert_clean_error(r, "d.yaml:5", "maximum")


# --------------------------------------------------------------------------
# The deadline


def _late(text: str) -> str:
    return text.replace("datum: 2018-02-25", "datum: 2018-03-05")


def test_a_draft_dated_after_the_due_date_gets_a_warning_with_both_dates(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "datum: 2018-02-25" in text
    result = check_file(write(tmp_path / "late.md", _late(text)))
    late = next(f for f in result.findings if f.code == "report-late")
    assert late.severity == "warning" and late.line == text.split("\n").index("datum: 2018-02-25") + 1
    assert "2018-03-05" in late.message() and "2018-02-28" in late.message() and "per sista februari" in late.message()
    assert not any(f.code == "report-late" for f in check_file(EXAMPLE).findings)


def test_a_word_draft_dated_late_gets_the_warning_at_its_facts_table(tmp_path):
    doc = report((("Villkorsbeslut", "2017"), ("Region", "Region Testlän"), ("Datum", "2018-03-01")))
    figures_table(doc, ["Nyckeltal", "Belopp"], amounts(["88 mnkr", "85 mnkr", "42,5 mnkr", "42,5 mnkr"]))
    result = check_file(save(doc, tmp_path / "late.docx"))
    late = next(f for f in result.findings if f.code == "report-late")
    assert late.line == 1 and late.location() == f"{tmp_path / 'late.docx'}, stycke 1"


# --------------------------------------------------------------------------
# Duplicates in a summary


def _copy(tmp_path: Path, name: str, region: str | None = None, datum: str | None = None, mtime: float | None = None) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    if region:
        text = text.replace("region: Region Norrbotten", f"region: {region}")
    if datum:
        text = text.replace("datum: 2018-02-25", f"datum: {datum}")
    path = write(tmp_path / "utkast" / name, text)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def test_several_drafts_for_one_region_are_flagged_and_the_latest_is_current(tmp_path, wide_terminal):
    _copy(tmp_path, "a.md", datum="2018-02-20", mtime=2_000_000_000)
    _copy(tmp_path, "b.md", datum="2018-02-25", mtime=1_000_000_000)
    _copy(tmp_path, "c.md", region="Region Kalmar län")
    folder = tmp_path / "utkast"
    data = json.loads(run("summary", folder, "--format", "json").out)
    by_file = {Path(r["file"]).name: r for r in data["reports"]}
    b = data["reports"].index(by_file["b.md"])
    assert by_file["a.md"]["superseded"] and by_file["a.md"]["superseded_by"] == b
    assert not by_file["b.md"]["superseded"] and not by_file["c.md"]["superseded"]
    (group,) = data["duplicates"]
    assert group["kind"] == "same" and group["current"] == b and group["regions"] == ["Region Norrbotten"]

    text = run("summary", "utkast", cwd=tmp_path)  # short paths: each row on one line of a wide terminal
    assert "Flera utkast för samma region och beslut" in text.out
    assert f"ersatt av {Path('utkast') / 'b.md'}" in text.out
    md = run("summary", folder, "--format", "md").out
    assert f"ersatt av {folder / 'b.md'}" in md and "## Flera utkast för samma region och beslut" in md
    html = run("summary", folder, "--format", "html").out
    assert f'<td class="duplicate">ersatt av {folder / "b.md"}</td>' in html


def test_the_same_date_falls_back_to_the_file_modification_time(tmp_path):
    _copy(tmp_path, "a.md", mtime=2_000_000_000)
    _copy(tmp_path, "b.md", mtime=1_000_000_000)
    data = json.loads(run("summary", tmp_path / "utkast", "--format", "json").out)
    a, b = data["reports"]
    assert not a["superseded"] and b["superseded"] and b["superseded_by"] == 0


def test_drafts_that_cannot_be_told_apart_are_flagged_without_a_current_one(tmp_path):
    _copy(tmp_path, "a.md", mtime=1_000_000_000)
    _copy(tmp_path, "b.md", mtime=1_000_000_000)
    data = json.loads(run("summary", tmp_path / "utkast", "--format", "json").out)
    (group,) = data["duplicates"]
    assert group["current"] is None and not any(r["superseded"] for r in data["reports"])
    assert "det går inte att veta vilket som gäller" in group["message"]


def test_a_region_spelt_two_ways_is_a_possible_duplicate_not_merged(tmp_path, wide_terminal):
    _copy(tmp_path, "a.md", region="Region Jämtland Härjedalen")
    _copy(tmp_path, "b.md", region="Region Jämtland-Härjedalen")
    folder = tmp_path / "utkast"
    data = json.loads(run("summary", folder, "--format", "json").out)
    (group,) = data["duplicates"]
    assert group["kind"] == "spelling" and group["regions"] == ["Region Jämtland Härjedalen", "Region Jämtland-Härjedalen"]
    assert data["reports"][0]["possible_duplicate_of"] == [1] and data["reports"][1]["possible_duplicate_of"] == [0]
    assert not any(r["superseded"] for r in data["reports"])
    assert {r["region"] for r in data["reports"]} == set(group["regions"])  # both kept as written
    text = run("summary", folder).out
    assert "möjlig dubblett" in text and "”Region Jämtland Härjedalen” / ”Region Jämtland-Härjedalen”" in text


# --------------------------------------------------------------------------
# --conditions supplies a missing decision


def test_conditions_on_the_command_line_supplies_a_missing_one_for_markdown(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace('conditions: "2017"\n', "")
    path = write(tmp_path / "u.md", text)
    assert "conditions:" not in path.read_text(encoding="utf-8").split("---")[1]
    assert_clean_error(run("check", path), "conditions")
    r = run("check", path, "--conditions", "2017", "--format", "json")
    assert r.code == 0, r
    notes = [p for p in json.loads(r.out)["problems"] if p["code"] == "conditions-override"]
    assert len(notes) == 1 and notes[0]["severity"] == "info" and "anger inget villkorsbeslut" in notes[0]["message"]


def test_conditions_on_the_command_line_supplies_a_missing_one_for_word(tmp_path):
    doc = report((("Region", "Region Testlän"),))
    figures_table(doc, ["Nyckeltal", "Belopp (tkr)"], amounts(TKR))
    path = save(doc, tmp_path / "u.docx")
    assert run("check", path).code == 2
    result = check_file(path, "2017")
    assert result.complete and figure(result).value == 61_300_000
    assert [f.key for f in result.findings] == ["conditions-override-missing"]


def test_a_flag_that_differs_from_the_draft_wins_and_says_so(tmp_path):
    r = run("check", EXAMPLE, "--conditions", "2018")
    assert r.code in (0, 1) and "anger villkorsbeslut 2017, men det kontrolleras mot 2018" in " ".join(r.out.split())
    same = check_file(EXAMPLE, "2017")
    assert not any(f.code == "conditions-override" for f in same.findings)


# --------------------------------------------------------------------------
# Values as written


def test_yaml_numbers_nobody_means_stay_as_written():
    doc = load_yaml("a: 0123\nb: 017\nc: 1:28:00\nd: 0x1F\ne: 1:1\nf: 2017\ng: 1_000\nh: 88.000\n", "x.yaml")
    assert doc.data == {"a": "0123", "b": "017", "c": "1:28:00", "d": "0x1F", "e": "1:1", "f": 2017, "g": 1000, "h": 88.0}
    assert doc.raw[("h",)] == "88.000"


def _memo_draft(tmp_path: Path, **replace: str) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return write(tmp_path / "u.md", text)


def test_identifiers_and_amounts_in_front_matter_are_read_as_written(tmp_path):
    path = _memo_draft(tmp_path, **{"diarienummer: 00858-2018": "diarienummer: 0123", "paragraf: 29": "paragraf: 017",
                                    "projektstod_utbetalt: 88 miljoner": "projektstod_utbetalt: 0100000000"})
    result = check_file(path)
    assert result.draft.meta["diarienummer"] == "0123"
    f = figure(result)
    assert f.value == 100_000_000 and f.raw == "0100000000"
    memo = build_memo(result).text
    assert "Dnr 0123" in memo and "**§ 017**" in memo
    rendered = render_markdown(result)
    assert "| Diarienummer | 0123 |" in rendered and 'diarienummer: "0123"' in rendered


def test_a_sexagesimal_looking_amount_is_not_an_amount(tmp_path):
    result = check_file(_memo_draft(tmp_path, **{"projektstod_utbetalt: 88 miljoner": "projektstod_utbetalt: 1:28:00"}))
    bad = next(f for f in result.findings if f.code == "figure-not-numeric")
    assert "1:28:00" in bad.message() and figure(result).value is None


def test_an_amount_with_a_thousands_point_is_read_from_its_text(tmp_path):
    result = check_file(_memo_draft(tmp_path, **{"projektstod_utbetalt: 88 miljoner": "projektstod_utbetalt: 88.000.000"}))
    assert figure(result).value == 88_000_000
    result = check_file(_memo_draft(tmp_path, **{"projektstod_utbetalt: 88 miljoner": "projektstod_utbetalt: 88.000"}))
    assert figure(result).value == 88_000 and figure(result).raw == "88.000"  # not 88.0 kr; and implausibly small
    assert any(f.code == "figure-implausible" for f in result.findings)


def test_a_decisions_reference_number_is_read_as_written(tmp_path):
    path = write(tmp_path / "d.yaml", """
        title: X
        diarienummer: 0123
        appropriation: {number: 1:1, name: Regionala tillväxtåtgärder}
        sections:
          - {id: a, title: Avsnitt A, point: P, guidance: G, min_words: 1}
        """)
    c = load_conditions(str(path))
    assert c.diarienummer == "0123" and c.appropriation["number"] == "1:1"
