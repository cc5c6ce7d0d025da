"""The check: what a draft lacks, in one pass, with file, line and the decision's point."""

from pathlib import Path

import pytest
from helpers import OPTIONAL_PARTS, run, write

from toolkit.checking.checker import check_file

WORDS = " ".join(["Regionen har under året genomfört insatser i länet."] * 10)  # 80 words

# Headings as a new user might write them after reading the README: numbered,
# in other letter case, and one alias ("Samverkan med länsstyrelsen").
HEADINGS = [
    ("1. INSATSER INOM DET REGIONALA UTVECKLINGSUPPDRAGET", "uppdraget"),
    ("2) jämställd regional tillväxt", "jamstalld-tillvaxt"),
    ("3. Samverkan med länsstyrelsen", "samarbete-lansstyrelsen"),
    ("4. Lärande och uppföljning", "larande-uppfoljning"),
    ("5. Näringslivets digitalisering", "digitalisering"),
    ("6. Stöd till kommersiell service", "kommersiell-service"),
    ("7. Klimat- och miljöarbetet", "klimat-miljo"),
    ("8. Användning av anslag 1:1", "anslagets-anvandning"),
]
FIGURES = """figures:
  projektstod_utbetalt: 88 000 000 kr
  foretagsstod_beviljat: 85 mnkr
  foretagsstod_beviljat_anslag: 42,5 mkr
  foretagsstod_beviljat_eu: 42 500 000
"""


def draft_text(headings=HEADINGS, figures=FIGURES, body=lambda sid: WORDS, front="") -> str:
    parts = ["---", 'conditions: "2017"', "region: Region Testbotten", front + figures.rstrip("\n"), "---", ""]
    for title, sid in headings:
        parts += [f"## {title}", "", body(sid), ""]
    return "\n".join(parts)


def line_of(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


def test_readme_style_draft_is_complete(tmp_path: Path, wide_terminal: None):
    p = write(tmp_path / "utkast.md", draft_text())
    result = check_file(p)
    assert result.findings == []
    assert result.complete and result.coverage == 1.0
    assert {s.id: s.status for s in result.sections} == {sid: "ok" for _, sid in HEADINGS}
    r = run("check", p)
    assert r.code == 0, r
    assert r.out.rstrip().splitlines()[-1].startswith("Komplett: 12 av 12")


def test_one_section_removed_and_todo_in_another(tmp_path: Path):
    headings = [h for h in HEADINGS if h[1] != "klimat-miljo"]
    text = draft_text(headings, body=lambda sid: WORDS + ("\n\nTODO: fyll på" if sid == "digitalisering" else ""))
    p = write(tmp_path / "utkast.md", text)
    result = check_file(p)
    errors = [(f.code, f.section, f.line) for f in result.findings if f.severity == "error"]
    assert errors == [
        ("section-placeholder", "digitalisering", line_of(text, "TODO: fyll på")),
        ("section-missing", "klimat-miljo", line_of(text, "## 8. Användning av anslag 1:1")),
    ]
    assert result.findings[0].point == "Särskild redovisning – näringslivets digitalisering"
    assert not result.complete
    assert result.coverage == pytest.approx(10 / 12, abs=1e-4)
    r = run("check", p)
    assert r.code == 1
    assert "Näringslivets digitalisering" in r.out and "Klimat- och miljöarbetet" in r.out


def test_empty_and_short_sections(tmp_path: Path):
    text = draft_text(body=lambda sid: "" if sid == "uppdraget" else ("Bara några ord." if sid == "digitalisering" else WORDS))
    result = check_file(write(tmp_path / "u.md", text))
    got = {(f.code, f.section) for f in result.findings}
    assert got == {("section-empty", "uppdraget"), ("section-too-short", "digitalisering")}
    short = next(f for f in result.findings if f.code == "section-too-short")
    assert short.params == {"title": "Näringslivets digitalisering", "words": 3, "min": 30}


@pytest.mark.parametrize("placeholder", ["XXX", "Lorem ipsum dolor", "[text kommer]", "[Fyll i belopp]", "TBD"])
def test_placeholders(tmp_path: Path, placeholder: str):
    text = draft_text(body=lambda sid: WORDS + (f" {placeholder}" if sid == "klimat-miljo" else ""))
    result = check_file(write(tmp_path / "u.md", text))
    assert [(f.code, f.section) for f in result.findings] == [("section-placeholder", "klimat-miljo")]


def test_placeholder_inside_a_comment_is_not_the_writers_text(tmp_path: Path):
    text = draft_text(body=lambda sid: WORDS + ("\n<!-- TODO\nnågot -->" if sid == "klimat-miljo" else ""))
    assert check_file(write(tmp_path / "u.md", text)).findings == []


def test_figures_missing_not_numeric_inconsistent_unknown(tmp_path: Path):
    figures = """figures:
  projektstod_utbetalt: cirka 88 miljoner
  foretagsstod_beviljat: 85 mnkr
  foretagsstod_beviljat_anslag: 30 mnkr
  foretagsstod_beviljat_eu: 42,5 mnkr
  foretagsstöd_beviljat_eu: 1 kr
"""
    text = draft_text(figures=figures)
    result = check_file(write(tmp_path / "u.md", text))
    got = [(f.code, f.line) for f in result.findings]
    assert got == [
        ("figure-not-numeric", line_of(text, "  projektstod_utbetalt: cirka 88 miljoner")),
        ("figure-inconsistent", line_of(text, "  foretagsstod_beviljat: 85 mnkr")),
        ("figure-unknown", line_of(text, "  foretagsstöd_beviljat_eu: 1 kr")),
    ]
    assert result.findings[2].params["hint"] == "foretagsstod_beviljat_eu"
    assert "85 000 000 kr" in result.findings[1].message("sv").replace("\u00a0", " ")
    status = {f.id: f.status for f in result.figures}
    assert status == {
        "projektstod_utbetalt": "invalid", "foretagsstod_beviljat": "inconsistent",
        "foretagsstod_beviljat_anslag": "inconsistent", "foretagsstod_beviljat_eu": "inconsistent",
    }


def test_rule_tolerance(tmp_path: Path):
    # 1 % of 85 mnkr is 850 000 kr: 84,5 mnkr in parts is inside, 84 mnkr outside
    ok = FIGURES.replace("42 500 000", "42 000 000")
    assert check_file(write(tmp_path / "a.md", draft_text(figures=ok))).complete
    bad = FIGURES.replace("42 500 000", "41 500 000")
    assert [f.code for f in check_file(write(tmp_path / "b.md", draft_text(figures=bad))).findings] == ["figure-inconsistent"]


def test_missing_figure_points_at_figures_key(tmp_path: Path):
    figures = FIGURES.replace("  foretagsstod_beviljat_eu: 42 500 000\n", "")
    text = draft_text(figures=figures)
    result = check_file(write(tmp_path / "u.md", text))
    assert [(f.code, f.line, f.section) for f in result.findings] == [
        ("figure-missing", line_of(text, "figures:"), "anslagets-anvandning")
    ]


def test_duplicate_order_and_unmatched_headings(tmp_path: Path):
    headings = list(HEADINGS)
    headings[1], headings[2] = headings[2], headings[1]  # swap 2 and 3
    headings.append(("Jämställd regional tillväxt", "jamstalld-tillvaxt"))  # again
    headings.insert(0, ("Bakgrund", None))
    headings.insert(1, ("Näringslivets digitaliserng", None))
    text = draft_text(headings)
    result = check_file(write(tmp_path / "u.md", text))
    got = [(f.code, f.severity, f.line) for f in result.findings]
    assert ("section-duplicate", "error", line_of(text, "## Jämställd regional tillväxt")) in got
    assert ("section-order", "warning", line_of(text, "## 2) jämställd regional tillväxt")) in got or (
        "section-order", "warning", line_of(text, "## 3. Samverkan med länsstyrelsen")) in got
    assert ("heading-unmatched", "info", line_of(text, "## Bakgrund")) in got
    # the near miss is a heading that names a section already present: a note with a hint
    near = [f for f in result.findings if f.line == line_of(text, "## Näringslivets digitaliserng")]
    assert [f.key for f in near] == ["heading-unmatched-hint"]
    assert len([f for f in result.findings if f.code == "section-order"]) == 1


def test_strict_makes_warnings_fail(tmp_path: Path):
    headings = list(HEADINGS)
    headings[1], headings[2] = headings[2], headings[1]
    p = write(tmp_path / "u.md", draft_text(headings))
    assert run("check", p).code == 0
    assert run("check", "--strict", p).code == 1


def test_writers_subheadings_belong_to_the_section(tmp_path: Path):
    short = "Kort inledning."
    text = draft_text(body=lambda sid: short + "\n\n### Exempel på insatser\n\n" + WORDS if sid == "uppdraget" else WORDS)
    result = check_file(write(tmp_path / "u.md", text))
    assert result.findings == []
    assert next(s for s in result.sections if s.id == "uppdraget").words == 2 + 3 + 80


def test_setext_headings_and_code_fences(tmp_path: Path):
    text = draft_text().replace("## 1. INSATSER INOM DET REGIONALA UTVECKLINGSUPPDRAGET",
                                "Insatser inom det regionala utvecklingsuppdraget\n=================================")
    text = text.replace("## 5. Näringslivets digitalisering\n\n" + WORDS,
                        "## 5. Näringslivets digitalisering\n\n" + WORDS + "\n\n```\n## 6. Stöd till kommersiell service\n```")
    text = text.replace("## 6. Stöd till kommersiell service\n\n" + WORDS, "")
    result = check_file(write(tmp_path / "u.md", text))
    status = {s.id: s.status for s in result.sections}
    assert status["uppdraget"] == "ok"
    assert status["kommersiell-service"] == "missing"  # a heading inside a code block is not a heading


def test_english_messages(tmp_path: Path, wide_terminal: None):
    headings = [h for h in HEADINGS if h[1] != "klimat-miljo"]
    p = write(tmp_path / "u.md", draft_text(headings))
    r = run("check", "--lang", "en", p)
    assert r.code == 1
    assert "The section “Klimat- och miljöarbetet” is missing." in r.out
    assert r.out.rstrip().splitlines()[-1].startswith("Incomplete: 11 of 12")


def test_a_section_made_of_parts_needs_no_text_of_its_own(tmp_path: Path):
    cond = write(tmp_path / "delar.yaml", """
        title: Med delar
        sections:
          - id: resultat
            title: Resultat
            point: P
            guidance: G
            parts:
              - {id: innovation, title: Innovation, point: P, guidance: G, min_words: 3}
              - {id: kompetens, title: Kompetens, point: P, guidance: G, min_words: 3}
        """)
    text = '---\nconditions: "x"\nregion: R\n---\n## Resultat\n\n### Innovation\n\nEtt två tre fyra.\n\n### Kompetens\n\nEtt två tre fyra.\n'
    result = check_file(write(tmp_path / "u.md", text), conditions=str(cond))
    # the draft names "x" and --conditions another decision: said in one info line
    assert [f.code for f in result.findings] == ["conditions-override"] and result.complete
    text = text.replace("### Kompetens\n\nEtt två tre fyra.\n", "")
    result = check_file(write(tmp_path / "v.md", text), conditions=str(cond))
    assert [(f.code, f.section) for f in result.findings if f.severity != "info"] == [("section-missing", "kompetens")]
    assert {s.id: s.status for s in result.sections}["resultat"] == "incomplete"


def test_a_figure_under_its_earlier_id_still_counts(tmp_path: Path):
    cond = write(tmp_path / "ny.yaml", """
        title: Med omdöpt nyckeltal
        sections:
          - {id: a, title: Avsnitt A, point: P, guidance: G, min_words: 1}
        figures:
          - {id: projektstod_totalt, label: Projektstöd, section: a, renamed_from: [projektstod_utbetalt]}
        """)
    text = '---\nconditions: "x"\nregion: R\nfigures:\n  projektstod_utbetalt: 88 mnkr\n---\n## Avsnitt A\n\nText.\n'
    result = check_file(write(tmp_path / "u.md", text), conditions=str(cond))
    assert [f.code for f in result.findings] == ["conditions-override"]
    (fig,) = result.figures
    assert (fig.id, fig.status, int(fig.value), fig.line) == ("projektstod_totalt", "ok", 88_000_000, 5)


def test_a_heading_written_as_bold_text_is_named(tmp_path: Path):
    text = draft_text().replace("## 3. Samverkan med länsstyrelsen", "**Samverkan med länsstyrelsen**")
    result = check_file(write(tmp_path / "u.md", text))
    (f,) = [f for f in result.findings if f.severity == "error"]
    assert (f.code, f.section, f.line) == ("section-missing", "samarbete-lansstyrelsen", line_of(text, "**Samverkan med länsstyrelsen**"))
    assert "är fet text, inte en rubrik" in f.message("sv")


def test_headings_inside_comments_and_long_fences_are_not_headings(tmp_path: Path):
    body = lambda sid: WORDS + (  # noqa: E731
        "\n\nText <!-- a --> mer <!--\n## 7. Klimat- och miljöarbetet\n-->\n\n````\n```\n## 4. Lärande och uppföljning\n```\n````"
        if sid == "uppdraget" else "")
    result = check_file(write(tmp_path / "u.md", draft_text(body=body)))
    assert result.findings == [] and result.complete


def test_a_duplicate_marks_the_section_and_its_text_is_kept(tmp_path: Path):
    from toolkit.outputs.render import render_markdown

    text = draft_text() + "\n## Jämställd regional tillväxt\n\nAndra kopians unika text.\n"
    result = check_file(write(tmp_path / "u.md", text))
    assert {s.id: s.status for s in result.sections}["jamstalld-tillvaxt"] == "incomplete"
    assert "Andra kopians unika text." in render_markdown(result, draft_mode=True)


def test_a_missing_last_section_is_placed_on_the_last_line(tmp_path: Path):
    text = draft_text([h for h in HEADINGS if h[1] != "anslagets-anvandning"])
    result = check_file(write(tmp_path / "u.md", text))
    (f,) = [f for f in result.findings if f.code == "section-missing"]
    assert f.line == len(text.rstrip("\n").split("\n"))


def test_only_the_first_heading_above_the_sections_is_the_title(tmp_path: Path):
    from toolkit.outputs.render import render_markdown

    text = draft_text().replace("---\n\n## 1.", "---\n\n# Titel\n\nInledande text.\n\n# Andra titeln\n\nMer text.\n\n## 1.", 1)
    result = check_file(write(tmp_path / "u.md", text))
    md = render_markdown(result)
    assert "Inledande text." in md and "## Andra titeln\n\nMer text." in md


def test_a_required_part_of_an_absent_optional_section_is_not_required(tmp_path: Path):
    cond = write(tmp_path / "x.yaml", OPTIONAL_PARTS)
    text = '---\nconditions: "x"\nregion: R\n---\n## Avsnitt A\n\nText.\n'
    result = check_file(write(tmp_path / "u.md", text), conditions=str(cond))
    assert result.complete and result.coverage == 1.0 and result.required_total == 1
    assert {s.id: (s.status, s.required) for s in result.sections}["del"] == ("omitted", False)
