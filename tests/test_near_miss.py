"""Near-miss headings: a heading worded longer or differently from a section's
title or alias gets "Menade du avsnittet …?", and never a wrong section.

The variants are the kind of headings writers use: numbered, with the county's
name, the year, a word more or less, an inflection, a misspelling. Each says
which section it means, or ``None`` for a heading that is the writer's own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import EXAMPLE, run, write

from toolkit.checking.matching import Matcher
from toolkit.decisions.load import load_conditions

VARIANTS: dict[str, list[tuple[str, str | None]]] = {
    "2017": [
        ("3. Samverkan med Länsstyrelsen i Jämtlands län", "samarbete-lansstyrelsen"),
        ("Samarbetet med Länsstyrelsen i Norrbottens län under 2017", "samarbete-lansstyrelsen"),
        ("Länsstyrelsens och regionens samarbete", "samarbete-lansstyrelsen"),
        ("2. Jämställd regional tillväxt och integration", "jamstalld-tillvaxt"),
        ("Arbetet för jämställd regional tillväxt", "jamstalld-tillvaxt"),
        ("Jämställdhetsintegrering i projektverksamheten", "jamstalld-tillvaxt"),
        ("Regionens klimat- och miljöarbete", "klimat-miljo"),
        ("Klimat och miljö i det regionala tillväxtarbetet", "klimat-miljo"),
        ("Miljö- och klimatarbetet i länet", "klimat-miljo"),
        ("Lärande, uppföljning och utvärdering av insatserna", "larande-uppfoljning"),
        ("Lärande och uppföljnng", "larande-uppfoljning"),
        ("5. Digitalisering av näringslivet i länet", "digitalisering"),
        ("Näringslivets digitalisering och bredband", "digitalisering"),
        ("Stöd till kommersiell service i gles- och landsbygder", "kommersiell-service"),
        ("Kommersiell service – dagligvaror och drivmedel", "kommersiell-service"),
        ("8. Användningen av anslaget 1:1 under 2017", "anslagets-anvandning"),
        ("Ekonomisk redovisning för 2017", "anslagets-anvandning"),
        ("Anslag 1:1 – utbetalningar", "anslagets-anvandning"),
        ("1. Insatser inom det regionala utvecklingsuppdraget 2017", "uppdraget"),
        ("Regionens insatser inom uppdraget som regionalt utvecklingsansvarig", "uppdraget"),
        ("Regionalt utvecklingsansvar – vad vi gjort", "uppdraget"),
        # the writer's own headings, and headings that only share a word or two
        ("Inledning", None), ("Sammanfattning", None), ("Kontaktuppgifter", None), ("Bilaga 1: Projektlista", None),
        ("Om regionen", None), ("Regional utveckling och tillväxt", None), ("Samarbete med kommunerna", None),
        ("Stöd till företag", None), ("Uppföljning av digitaliseringsinsatser", None), ("Service i glesbygden", None),
    ],
    "2023": [
        ("Koppling till RUS och den nationella strategin för hållbar regional utveckling", "koppling-strategier"),
        ("1. Hur prioriteringar och insatser kopplas till RUS", "koppling-strategier"),
        ("Resultat och effekter inom de fyra strategiska områdena", "strategiska-omraden"),
        ("Likvärdiga möjligheter till boende och arbete i hela länet", "likvardiga-mojligheter"),
        ("Strategiskt område 2: Kompetensförsörjning och kompetensutveckling", "kompetensforsorjning"),
        ("Kompetensutveckling i hela länet", "kompetensforsorjning"),
        ("Område 3 – Innovation, förnyelse och företagande i Västernorrland", "innovation-foretagande"),
        ("Entreprenörskap och företagande i länet", "innovation-foretagande"),
        ("Tillgänglighet genom digital kommunikation och transporter", "tillganglighet"),
        ("Digital kommunikation och transportsystem i glesbygd", "tillganglighet"),
        ("Samhällsutmaningar och den hållbara omställningen", "hallbar-utveckling"),
        ("Ekonomisk, social och miljömässig hållbarhet i våra insatser", "hallbar-utveckling"),
        ("Hållbar utveckling i företagen", "hallbar-utveckling"),
        ("4. Anslagets fördelning och användning 2023", "anslagets-anvandning"),
        ("Fördelning och användning av anslaget 2023", "anslagets-anvandning"),
        ("Inledning", None), ("Sammanfattning", None), ("Bilagor", None), ("Regionens organisation", None),
        ("Regional utvecklingsstrategi", None), ("Transporter", None), ("Boende", None), ("Innovation", None),
        ("Strategiska projekt", None), ("Företagsutveckling", None), ("Utveckling i hela landet", None),
    ],
}

#: What the variants measure: every meant section found, none suggested wrongly.
MIN_HIT_RATE = 1.0


def suggested(matcher: Matcher, heading: str) -> str | None:
    m = matcher.match(heading)
    found = m.section or m.suggestion
    return found.id if found else None


def test_variants_find_their_section_and_never_a_wrong_one() -> None:
    meant = hits = 0
    wrong = []
    for cid, variants in VARIANTS.items():
        matcher = Matcher(load_conditions(cid))
        for heading, want in variants:
            got = suggested(matcher, heading)
            if want is not None:
                meant += 1
                hits += got == want
            if got is not None and got != want:
                wrong.append((cid, heading, got, want))
    assert meant >= 20 and sum(len(v) for v in VARIANTS.values()) >= 40
    assert wrong == []
    assert hits / meant >= MIN_HIT_RATE, f"{hits} of {meant}"


def test_two_sections_that_fit_equally_well_give_no_suggestion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "d" / "x.yaml", """
        title: X
        sections:
          - {id: a, title: Stöd till landsbygden}
          - {id: b, title: Stöd till glesbygden}
    """)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(tmp_path / "d"))
    matcher = Matcher(load_conditions("x"))
    assert suggested(matcher, "Stöd till landsbygden och glesbygden i länet") is None
    assert suggested(matcher, "Stöd till landsbygden i Jämtland") == "a"


def test_the_check_says_which_section_and_how_to_write_it(example_copy: Path) -> None:
    example_copy.write_text(example_copy.read_text().replace(
        "## 3. Samarbete med länsstyrelsen", "## 3. Samverkan med Länsstyrelsen i Jämtlands län"))
    r = run("check", example_copy, "--format", "json")
    assert r.code == 1
    problems = json.loads(r.out)["problems"]
    missing = next(p for p in problems if p["code"] == "section-missing")
    assert missing["line"] == 78 and missing["section"] == "samarbete-lansstyrelsen"
    assert missing["message"] == (
        "Avsnittet ”Samarbete med länsstyrelsen” saknas. Menade du rubriken ”3. Samverkan med Länsstyrelsen i "
        "Jämtlands län” på rad 78? Skriv rubriken som ”Samarbete med länsstyrelsen” eller lägg till {#samarbete-lansstyrelsen}.")
    # the heading itself is not reported a second time as matching nothing
    assert not [p for p in problems if p["code"] == "heading-unmatched"]


def test_a_near_miss_for_a_section_already_there_is_a_hint_on_the_heading(example_copy: Path) -> None:
    text = example_copy.read_text()
    example_copy.write_text(text + "\n## Jämställd regional tillväxt och integration\n\nMer text om jämställdhet.\n")
    problems = json.loads(run("check", example_copy, "--format", "json").out)["problems"]
    hint = next(p for p in problems if p["code"] == "heading-unmatched")
    assert hint["message"].endswith(
        "Menade du avsnittet ”Jämställd regional tillväxt”? Skriv rubriken som ”Jämställd regional tillväxt” "
        "eller lägg till {#jamstalld-tillvaxt}.")


def test_english_says_it_in_english(example_copy: Path) -> None:
    example_copy.write_text(example_copy.read_text().replace(
        "## 3. Samarbete med länsstyrelsen", "## 3. Samverkan med Länsstyrelsen i Jämtlands län"))
    out = run("check", example_copy, "--lang", "en").out
    assert "Write the heading as “Samarbete med länsstyrelsen” or add {#samarbete-lansstyrelsen}." in " ".join(out.split())


def test_the_example_is_unchanged_by_near_misses() -> None:
    data = json.loads(run("check", EXAMPLE, "--format", "json").out)
    assert data["complete"] and data["problems"] == []
