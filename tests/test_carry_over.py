"""``villkor new --from`` loses nothing of last year's draft: text of sections
the new decision removed or restructured lands somewhere in the new draft,
folded text goes where the decision says, and carried amounts and text name
the year they really come from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import EXAMPLE, REPORTS, assert_clean_error, run, write

from toolkit.drafts.markdown import parse_markdown
from toolkit.drafts.model import strip_comments

# a decision like the README's 2019 example: one section removed and folded into another
FOLDING = """
extends: "2018"
title: Exempel 2019
year: 2019
remove:
  sections: [digitalisering]
sections:
  - id: uppdraget
    folded_from: [digitalisering]
"""


def paragraphs(path: Path) -> list[str]:
    """The writer's paragraphs under last year's headings (comments and the
    front matter left out), each folded to single spaces."""
    draft = parse_markdown(path.read_text(encoding="utf-8"), path)
    body = strip_comments("\n".join(draft.lines[draft.body_start :]))
    out = []
    for block in re.split(r"\n\s*\n", body):
        text = " ".join(block.split())
        if text and not text.startswith("#"):
            out.append(text)
    return out


def squeeze(text: str) -> str:
    return " ".join(text.replace("--&gt;", "-->").split())


def check_json(path: Path) -> dict:
    r = run("check", path, "--format", "json")
    assert r.code in (0, 1), r
    return json.loads(r.out)


def test_2017_to_2023_keeps_every_paragraph_and_names_each_section(tmp_path: Path) -> None:
    out = tmp_path / "norrbotten-2023.md"
    r = run("new", "--conditions", "2023", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", out)
    assert r.code == 0, r
    new = squeeze(out.read_text(encoding="utf-8"))
    for text in paragraphs(EXAMPLE):
        assert text in new, text
    # every 2017 section the 2023 decision has no place for is named, at its line in last year's draft
    for title, line in (("Insatser inom det regionala utvecklingsuppdraget", 43), ("Jämställd regional tillväxt", 70),
                        ("Samarbete med länsstyrelsen", 78), ("Lärande och uppföljning", 85),
                        ("Näringslivets digitalisering", 92)):
        assert f"{EXAMPLE.name}:{line}: avsnittet ”{title}” har ingen motsvarighet i beslut 2023" in r.err, title
        assert f"### {title} (2017)" in out.read_text(encoding="utf-8")
    # the two the 2023 decision folds in (the project's reading) stand under their new section
    assert "för samman avsnittet ”Klimat- och miljöarbetet” med ”Samhällsutmaningar och omställning till hållbar utveckling”" in r.err
    assert "för samman avsnittet ”Stöd till kommersiell service” med ”Fördelning och användning av anslag 1:1”" in r.err
    # and the amounts the 2023 decision does not ask for
    assert "efterfrågar inte Utbetalt projektstöd från anslag 1:1" in r.err
    assert "- Utbetalt projektstöd från anslag 1:1 (projektstod_utbetalt): 88 miljoner (2017)" in out.read_text(encoding="utf-8")
    # the block is a comment: it is nobody's text, and the folded text is warned about where it stands
    data = check_json(out)
    words = {s["id"]: s["words"] for s in data["sections"]}
    assert words["koppling-strategier"] == 0 and words["likvardiga-mojligheter"] == 0
    carried = {p["section"] for p in data["problems"] if p["code"] == "section-carried-over"}
    assert carried == {"hallbar-utveckling", "anslagets-anvandning"}
    assert not [p for p in data["problems"] if p["code"] == "heading-unmatched"]


def test_the_block_is_not_in_the_rendered_report(tmp_path: Path) -> None:
    out = tmp_path / "ny.md"
    assert run("new", "--conditions", "2023", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", out).code == 0
    r = run("render", out, "--draft", "--format", "md")
    assert r.code == 0, r
    assert "Förra årets text" not in r.out and "Region Norrbotten har sedan 1 januari 2017" not in r.out


def test_a_decision_folds_a_removed_section_into_another(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "decisions" / "2019.yaml", FOLDING)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(tmp_path / "decisions"))
    out = tmp_path / "ny.md"
    r = run("new", "--conditions", "2019", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", out)
    assert r.code == 0, r
    text = out.read_text(encoding="utf-8")
    first = text[text.index("{#uppdraget}") : text.index("{#jamstalld-tillvaxt}")]
    assert "Region Norrbotten har sedan 1 januari 2017" in first
    assert "stött insatser som hjälper" in first  # the digitalisation text, after the section's own
    assert first.index("sedan 1 januari 2017") < first.index("stött insatser som hjälper")
    assert "(avsnittet ”Näringslivets digitalisering”, 2017), som årets beslut för samman med det här avsnittet" in first
    assert "### Näringslivets digitalisering" not in text  # nothing of it left over
    assert "för samman avsnittet ”Näringslivets digitalisering” med ”Insatser inom det regionala utvecklingsuppdraget”" in r.err


def test_amounts_and_text_carried_twice_name_the_year_they_come_from(tmp_path: Path) -> None:
    y2018, y2019 = tmp_path / "n-2018.md", tmp_path / "n-2019.md"
    assert run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", y2018).code == 0
    r = run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", y2018, "--output", y2019)
    assert r.code == 0, r
    text = y2019.read_text(encoding="utf-8")
    assert re.search(r'^  projektstod_utbetalt: "88 miljoner"  # villkor:carried-over:2017 belopp från 2017, '
                     r"stod kvar oförändrat i 2018 års utkast", text, re.M), text[:1500]
    assert "förra årets belopp (2018)" not in text
    marker = re.search(r"<!-- villkor:carried-over:2017 text överförd från .*n-2018\.md \(avsnittet ”Jämställd regional tillväxt”\), "
                       r"där den stod kvar oförändrad från 2017;", text)
    assert marker, text
    # a value the writer updated (marker removed) is this year's, and says so
    updated = y2018.read_text(encoding="utf-8")
    updated = re.sub(r'(  foretagsstod_beviljat: )"85 mnkr"  # villkor:carried-over.*', r'\1"90 mnkr"', updated)
    write(y2018, updated)
    assert run("new", "--conditions", "2018", "--region", "R", "--from", y2018, "--output", y2019, "--force").code == 0
    text = y2019.read_text(encoding="utf-8")
    assert re.search(r'^  foretagsstod_beviljat: "90 mnkr"  # villkor:carried-over:2018 förra årets belopp \(2018\)', text, re.M)


def test_a_draft_made_before_markers_named_their_year(tmp_path: Path) -> None:
    """reports/norrbotten-2018.md was made by an earlier version: its notes say the year in parentheses."""
    r = run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", REPORTS / "norrbotten-2018.md")
    assert r.code == 0, r
    assert "# villkor:carried-over:2017 belopp från 2017" in r.out


def test_text_that_would_end_the_comment_early_stays_inside_it(tmp_path: Path) -> None:
    last = write(tmp_path / "forra.md", EXAMPLE.read_text(encoding="utf-8").replace(
        "tjänster i glesbygden.", "tjänster i glesbygden. Kedjan: idé --> projekt --> effekt."))
    out = tmp_path / "ny.md"
    assert run("new", "--conditions", "2023", "--region", "R", "--from", last, "--output", out).code == 0
    text = out.read_text(encoding="utf-8")
    assert "idé --&gt; projekt --&gt; effekt." in text
    data = check_json(out)
    assert {s["id"]: s["words"] for s in data["sections"]}["anslagets-anvandning"] > 0
    assert all(s["words"] < 200 for s in data["sections"])  # the block is not anybody's text


def test_a_word_draft_as_last_year_names_paragraphs(tmp_path: Path) -> None:
    r = run("new", "--conditions", "2023", "--region", "Region Norrbotten", "--from", REPORTS / "norrbotten-2017.docx")
    assert r.code == 0, r
    assert re.search(r"norrbotten-2017\.docx, stycke \d+: avsnittet ”Jämställd regional tillväxt” har ingen motsvarighet", r.err), r.err
    assert "### Jämställd regional tillväxt (2017)" in r.out


def test_the_english_draft_has_the_block_in_english(tmp_path: Path) -> None:
    r = run("new", "--conditions", "2023", "--region", "R", "--from", EXAMPLE, "--lang", "en")
    assert r.code == 0
    assert "LAST YEAR'S TEXT WITH NO COUNTERPART IN THIS YEAR'S DECISION" in r.out
    assert "warning: " in r.err and "has no counterpart in decision 2023" in r.err


@pytest.mark.parametrize(("extra", "message"), [
    ("  - {id: jamstalld-tillvaxt, folded_from: [uppdraget]}\n", "'uppdraget', som fortfarande är ett avsnitt"),
    ("  - {id: jamstalld-tillvaxt, folded_from: [digitalisering]}\n", "'digitalisering' står i folded_from för både 'uppdraget' och 'jamstalld-tillvaxt'"),
])
def test_folded_from_must_name_a_section_that_is_gone_once(tmp_path: Path, extra: str, message: str) -> None:
    path = write(tmp_path / "2019.yaml", FOLDING + extra)
    r = run("conditions", "validate", path)
    assert_clean_error(r, message, "2019.yaml:")


def test_diff_says_where_a_removed_sections_text_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "decisions" / "2019.yaml", FOLDING)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(tmp_path / "decisions"))
    out = run("conditions", "diff", "2018", "2019").out
    assert "- borttaget: 5 Näringslivets digitalisering {#digitalisering} – obligatoriskt\n" \
           "      texten förs till: 1 Insatser inom det regionala utvecklingsuppdraget {#uppdraget}\n" in out
    data = json.loads(run("conditions", "diff", "2017", "2023", "--format", "json").out)
    removed = {s["id"]: s["details"] for s in data["sections"] if s["status"] == "removed"}
    assert removed["klimat-miljo"] == [{"field": "folded_into", "old": None,
                                        "new": "3 Samhällsutmaningar och omställning till hållbar utveckling {#hallbar-utveckling}"}]
    assert removed["jamstalld-tillvaxt"] == []


# --------------------------------------------------------------------------
# The Word template (new --format docx) is written from the same plan


def _word_paragraphs(path: Path) -> list[tuple[str, str]]:
    import docx

    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def test_the_word_template_keeps_every_paragraph_too(tmp_path: Path) -> None:
    out = tmp_path / "ny-2023.docx"
    r = run("new", "--conditions", "2023", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", out)
    assert r.code == 0, r
    assert "avsnittet ”Jämställd regional tillväxt” har ingen motsvarighet i beslut 2023" in r.err
    paragraphs = _word_paragraphs(out)
    words = squeeze(" ".join(text for _, text in paragraphs))
    for text in _plain(EXAMPLE):
        assert text in words, text
    styles = {text: style for style, text in paragraphs}
    assert styles["Förra årets text utan motsvarighet i årets beslut"] == "Vägledning"
    assert styles["Jämställd regional tillväxt (2017)"] == "Vägledning"
    folded = [text for style, text in paragraphs if style == "Överförd text" and "Klimat- och miljöarbetet" in text]
    assert folded and "som årets beslut för samman med det här avsnittet" in folded[0]
    # the check reads the template as Markdown reads the Markdown one: the block is nobody's text
    from toolkit.checking.checker import check_file

    md = tmp_path / "ny-2023.md"
    assert run("new", "--conditions", "2023", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", md).code == 0
    word, markdown = check_file(out), check_file(md)
    assert [(s.id, s.words) for s in word.sections] == [(s.id, s.words) for s in markdown.sections]
    carried = lambda res: sorted(f.section or "" for f in res.findings if f.code == "section-carried-over")  # noqa: E731
    assert carried(word) == carried(markdown) == ["anslagets-anvandning", "hallbar-utveckling"]


def _plain(path: Path) -> list[str]:
    """Last year's paragraphs without Markdown emphasis, as Word shows them."""
    return [text.replace("*", "") for text in paragraphs(path)]


def test_a_word_template_made_from_a_word_template_names_the_first_year(tmp_path: Path) -> None:
    first, second = tmp_path / "n-2018.docx", tmp_path / "n-2019.docx"
    assert run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", first).code == 0
    assert run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", first, "--output", second).code == 0
    import docx

    notes = [row.cells[2].text for table in docx.Document(str(second)).tables for row in table.rows
             if "villkor:carried-over" in row.cells[-1].text]
    assert notes and all(n.startswith("Belopp från ett tidigare år (2017), oförändrat i 2018 års utkast") for n in notes), notes
    marks = [text for style, text in _word_paragraphs(second) if style == "Överförd text"]
    assert marks and all("(avsnittet" in m and ", 2017), där den stod kvar oförändrad i 2018 års utkast" in m for m in marks), marks
