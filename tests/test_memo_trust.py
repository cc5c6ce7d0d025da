"""The committee signs what the memo says: it never carries last year's amounts
without saying so, never invents a fact the decision does not give, and
rounds amounts the way a person reads them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from helpers import EXAMPLE, run, write

from toolkit.read.amounts import spell_amount


def _carried_over(tmp_path: Path) -> Path:
    """Next year's draft started from the complete 2017 example."""
    out = tmp_path / "norrbotten-2018.md"
    r = run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", out)
    assert r.code == 0, r
    return out


def test_memo_lists_the_warnings_it_carries(tmp_path: Path):
    draft = _carried_over(tmp_path)
    check = run("check", draft)
    assert check.code == 0 and "12 varningar" in check.out
    r = run("memo", draft)
    assert r.code == 0, r
    assert "12 varningar kvarstår" in r.err
    assert r.err.count(f"{draft}:") >= 12  # each warning at its place
    assert "förra året" in r.err


def test_memo_marks_last_years_amounts(tmp_path: Path):
    r = run("memo", _carried_over(tmp_path))
    figure_lines = [line for line in r.out.splitlines() if line.startswith("- ") and "kronor" in line]
    assert len(figure_lines) == 4
    assert all('<mark class="gap">[förra årets belopp, inte uppdaterat]</mark>' in line for line in figure_lines)
    assert "figures.projektstod_utbetalt" in r.err  # named among the things to fill in


def test_memo_strict_refuses_and_writes_nothing(tmp_path: Path):
    draft = _carried_over(tmp_path)
    out = tmp_path / "underlag.md"
    r = run("memo", draft, "--strict", "--output", out)
    assert r.code == 1, r
    assert not out.exists()
    assert "12 varningar" in r.err and "--strict" in r.err
    assert "(0 fel)" not in r.err


def test_render_strict_names_the_warnings_not_zero_errors(tmp_path: Path):
    r = run("render", _carried_over(tmp_path), "--strict", "--output", tmp_path / "r.md")
    assert r.code == 1
    assert "(0 fel)" not in r.err and "12 varningar" in r.err


def test_memo_of_an_updated_draft_has_no_marks(tmp_path: Path):
    text = _carried_over(tmp_path).read_text(encoding="utf-8")
    import re

    text = re.sub(r"\s*#\s*villkor:carried-over[^\n]*", "", text)
    text = re.sub(r"<!--\s*villkor:carried-over.*?-->\n?", "", text, flags=re.S)
    draft = write(tmp_path / "uppdaterad.md", text)
    assert run("check", draft).code == 0
    r = run("memo", draft, "--strict")
    assert r.code == 0, r
    assert "förra årets belopp" not in r.out and "varning" not in r.err


# -- facts the decision does not give are gaps, never invented

BARE_DECISION = """
title: Beslut utan år, departement och anslag
sections:
  - {id: a, title: Avsnitt A, point: P, guidance: G, min_words: 1}
"""


def test_a_decision_without_year_issuer_or_appropriation_gives_gaps(tmp_path: Path):
    decision = write(tmp_path / "bar.yaml", BARE_DECISION)
    draft = write(tmp_path / "u.md", """
        ---
        conditions: bar
        region: Region Test
        ---
        ## Avsnitt A

        Text.
    """)
    r = run("memo", draft, "--conditions", decision)
    assert r.code == 0, r
    assert "Godkänna  års" not in r.out and " till ." not in r.out
    assert "1:1" not in r.out  # nothing says which appropriation: none is made up
    for gap in ("[år saknas i beslutet]", "[departement saknas i beslutet]", "[anslag saknas i beslutet]"):
        assert f'<mark class="gap">{gap}</mark>' in r.out, gap
    assert "year" in r.err and "issuer" in r.err and "appropriation.number" in r.err
    html = run("memo", draft, "--conditions", decision, "--format", "html")
    assert "1:1" not in html.out
    assert "<title>" in html.out and "anslag saknas" in html.out.split("</title>")[0]


def test_the_2017_memo_has_no_decision_gaps():
    r = run("memo", EXAMPLE)
    assert "saknas i beslutet" not in r.out and r.err == ""


# -- amounts: half up, and the unit changes at the boundary

@pytest.mark.parametrize(("amount", "spoken"), [
    (42_450_000, "42,5 miljoner kronor"),
    (42_350_000, "42,4 miljoner kronor"),
    (42_449_999, "42,4 miljoner kronor"),
    (999_950_000, "1 miljard kronor"),
    (999_949_999, "999,9 miljoner kronor"),
    (1_000_000_000, "1 miljard kronor"),
    (1_050_000_000, "1,1 miljarder kronor"),
    (999_999.5, "1 miljon kronor"),
    (999_999.4, "999\u00a0999 kronor"),
    (2_500.5, "2\u00a0501 kronor"),
    (-42_450_000, "-42,5 miljoner kronor"),
    (88_000_000, "88 miljoner kronor"),
])
def test_spoken_amounts_round_half_up(amount: float, spoken: str):
    assert spell_amount(Decimal(str(amount))) == spoken
