"""villkor memo: the committee's memo, shaped like § 29 of the seed."""

from __future__ import annotations

import re
import shutil

from helpers import EXAMPLE, INCOMPLETE, REPORTS, assert_clean_error, run, write


def _without_memo(text: str) -> str:
    return re.sub(r"\n# Till utskottets.*?\n(?=---\n)", "\n", text, flags=re.S)


def test_memo_follows_the_seed():
    r = run("memo", EXAMPLE)
    assert r.code == 0, r
    assert r.err == ""  # no gaps: everything comes from the draft
    lines = [line for line in r.out.splitlines() if line.strip()]
    expected_in_order = [
        "**§ 29**",
        "# Återrapportering från Region Norrbotten, anslag 1:1",
        "Dnr 00858-2018",
        "## Regionutvecklingsutskottets beslut",
        "Regionutvecklingsutskottet föreslår regionstyrelsen att",
        "1. Godkänna 2017 års återrapportering av uppdraget som regionalt utvecklingsansvarig till Näringsdepartementet.",
        "## Yttrande till beslutsförslaget",
        "Historiskt sett har det regionala tillväxtarbetet i Norrbotten bedrivits i",
        "## Sammanfattning",
        "## Ärendet",
        "**Bilagor:**",
        "- Återrapport villkorsbeslut 2017",
        "**Protokollsutdrag skickas till:**",
        "- Regionala utvecklingsdirektör",
    ]
    positions = [lines.index(x) for x in expected_in_order]
    assert positions == sorted(positions)
    text = r.out
    assert "- Utbetalt projektstöd från anslag 1:1: 88 miljoner kronor" in text
    assert "- Beviljat företagsstöd totalt: 85 miljoner kronor" in text
    assert "42,5 miljoner kronor" in text
    assert "till Näringsdepartementet per sista februari." in text
    assert "Regionstyrelsen ska godkänna rapporten vid styrelsemötet 2 maj 2018." in text
    assert "jämställd regional tillväxt, samarbete med länsstyrelsen" in text
    assert "saknas]" not in text


def test_missing_committee_facts_are_gaps_never_invented(tmp_path):
    draft = write(tmp_path / "u.md", _without_memo(EXAMPLE.read_text(encoding="utf-8")))
    r = run("memo", draft)
    assert r.code == 0, r
    for gap in ("[Paragrafnummer saknas]", "[Utskottets namn saknas]", "[Yttrande saknas]",
                "[datum för styrelsemötet saknas]", "[Mottagare av protokollsutdraget saknas]"):
        assert gap in r.out, gap
    assert "## Utskottets beslut" in r.out
    assert "29" not in r.out.split("#", 1)[0]
    assert "2 maj" not in r.out and "Regionala utvecklingsdirektör" not in r.out
    assert "memo.paragraf" in r.err and "memo.yttrande" in r.err and "6 luckor" in r.err


def test_missing_dnr_is_a_gap(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("diarienummer: 00858-2018\n", "")
    r = run("memo", write(tmp_path / "u.md", text))
    assert "Dnr <mark class=\"gap\">[Diarienummer saknas]</mark>" in r.out


def test_incomplete_draft_is_refused_unless_draft_mode(tmp_path):
    r = run("memo", INCOMPLETE)
    assert_clean_error(r, "beslutsunderlaget skrivs inte", "--draft", code=1)
    assert r.out == ""
    r = run("memo", INCOMPLETE, "--draft", "--output", tmp_path / "m.md")
    assert r.code == 0, r
    text = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert text.startswith("> **Utkast – ofullständig**")
    assert "Utkastet saknar ännu eller har ofullständigt: " in text and "klimat- och miljöarbetet" in text


def test_memo_html_is_sanitised_and_keeps_template_syntax(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "  yttrande: |\n", "  yttrande: |\n    <script>alert(1)</script> {{ 7 * 7 }} [länk](javascript:alert(1))\n\n")
    draft = write(tmp_path / "u.md", text)
    out = tmp_path / "memo.html"
    r = run("memo", draft, "--format", "html", "--output", out)
    assert r.code == 0, r
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and "javascript:" not in html
    assert "{{ 7 * 7 }}" in html
    assert "<h1" in html and "Återrapportering från Region Norrbotten, anslag 1:1</h1>" in html
    assert "default-src 'none'" in html


def test_unknown_memo_key_is_an_error_with_line(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("  paragraf: 29", "  paragraph: 29")
    line = text.splitlines().index("  paragraph: 29") + 1
    r = run("memo", write(tmp_path / "u.md", text))
    assert_clean_error(r, "memo.paragraph", "menade du 'paragraf'", f"u.md:{line}:")


def test_memo_of_another_region_uses_its_own_facts():
    r = run("memo", REPORTS / "vasterbotten-2017.md")
    assert r.code == 0, r
    assert "# Återrapportering från Region Västerbotten, anslag 1:1" in r.out
    assert "- Utbetalt projektstöd från anslag 1:1: 61 miljoner kronor" in r.out
    assert "Norrbotten" not in r.out


def test_output_is_not_an_input(tmp_path):
    draft = shutil.copy(EXAMPLE, tmp_path / "u.md")
    assert_clean_error(run("memo", draft, "-o", draft), "samma som en indatafil")
