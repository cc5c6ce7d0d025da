"""Messages about the front matter and the Word facts table in the writer's
words: the decisions there are and what to write, the fields or labels that
are allowed, and the row label the writer used."""

from __future__ import annotations

from pathlib import Path

import docx
from docx_helpers import add_table
from helpers import EXAMPLE, assert_clean_error, run, write

KNOWN = "kända beslut: 2017, 2018, 2023"


def draft(tmp_path: Path, front: str) -> Path:
    body = EXAMPLE.read_text(encoding="utf-8").split("---", 2)[2]
    return write(tmp_path / "utkast.md", f"---\n{front}\n---{body}")


def word(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    doc = docx.Document()
    doc.add_paragraph("Återrapportering 2017", style="Title")
    add_table(doc, rows)
    doc.add_paragraph("Insatser inom det regionala utvecklingsuppdraget", style="Heading 1")
    doc.add_paragraph("Text.")
    path = tmp_path / "utkast.docx"
    doc.save(path)
    return path


def test_a_decision_written_in_words_says_what_to_write(tmp_path: Path) -> None:
    r = run("check", draft(tmp_path, "conditions: Villkor 2018\nregion: Region Norrbotten"))
    assert_clean_error(r, f"utkast.md:2: conditions: ”Villkor 2018” är inte ett beslut-id; skriv 2018 ({KNOWN})")
    r = run("check", draft(tmp_path, "conditions: 2018 års beslut (ändrat)\nregion: R"))
    assert_clean_error(r, "skriv 2018")
    r = run("check", draft(tmp_path, "conditions: Beslutet för i år\nregion: R"))
    assert_clean_error(r, "”Beslutet för i år” är inte ett beslut-id (bokstäverna a–z, stora eller små, siffror, - och _); "
                          "skriv beslutets id, till exempel 2023", KNOWN)
    r = run("check", draft(tmp_path, "conditions:\nregion: R"))
    assert_clean_error(r, "utkast.md:2: conditions saknas: skriv vilket villkorsbeslut utkastet följer", KNOWN)
    r = run("check", draft(tmp_path, "conditions: ../conditions/2017.yaml\nregion: R"))
    assert_clean_error(r, "är en sökväg", "--conditions")


def test_an_unknown_field_lists_the_fields_allowed(tmp_path: Path) -> None:
    r = run("check", draft(tmp_path, "conditions: \"2017\"\nregion: R\nhandläggare: Anna"))
    assert_clean_error(r, "utkast.md:4: handläggare: okänt fält i front matter; tillåtna fält här: "
                          "conditions, region, figures, diarienummer, datum, kontaktperson, mottagare, title, bilagor, memo")
    r = run("check", draft(tmp_path, "conditions: \"2017\"\nregion: R\nmemo:\n  paragrf: 3"), "--lang", "en")
    assert_clean_error(r, "memo.paragrf: unknown field in the front matter – did you mean 'paragraf'? The fields allowed here: paragraf,")


def test_the_facts_table_is_named_by_its_own_labels(tmp_path: Path) -> None:
    r = run("check", word(tmp_path, [("Villkorsbeslut", "Villkor 2018"), ("Region", "Region Norrbotten"), ("Handläggare", "Anna")]))
    assert_clean_error(
        r,
        f"utkast.docx, stycke 2: ”Villkorsbeslut” i faktatabellen: ”Villkor 2018” är inte ett beslut-id; skriv 2018 ({KNOWN})",
        "utkast.docx, stycke 2: raden ”Handläggare” i faktatabellen är okänd; tillåtna etiketter: Villkorsbeslut, Region, "
        "Diarienummer (eller Dnr), Datum, Kontaktperson och Mottagare, utskottets Paragraf, Utskott, Styrelse, "
        "Sammanträdesdatum, Styrelsemöte, Skickas till och Yttrande, eller ett nyckeltals benämning",
    )
    assert "conditions:" not in r.err and "handläggare:" not in r.err


def test_a_misspelt_label_gets_a_did_you_mean_from_labels_and_figures(tmp_path: Path) -> None:
    r = run("check", word(tmp_path, [("Villkorsbeslut", "2017"), ("Region", "R"), ("Kontakt person", "Anna")]))
    assert_clean_error(r, "raden ”Kontakt person” i faktatabellen är okänd – menade du ”Kontaktperson”?")
    r = run("check", word(tmp_path, [("Villkorsbeslut", "2017"), ("Region", "R"), ("Utbetalt projektstöd från anslaget", "88 mnkr")]))
    assert_clean_error(r, "menade du ”Utbetalt projektstöd från anslag 1:1”?")


def test_an_empty_or_absent_row_says_what_to_write(tmp_path: Path) -> None:
    r = run("check", word(tmp_path, [("Villkorsbeslut", "2017"), ("Region", "")]))
    assert_clean_error(r, "”Region” i faktatabellen är tomt: skriv regionens namn, till exempel Region Norrbotten")
    r = run("check", word(tmp_path, [("Villkorsbeslut", ""), ("Region", "R")]))
    assert_clean_error(r, "”Villkorsbeslut” i faktatabellen är tomt: skriv vilket villkorsbeslut utkastet följer", KNOWN)
    r = run("check", word(tmp_path, [("Region", "R"), ("Datum", "2018-02-25")]), "--lang", "en")
    assert_clean_error(r, "the facts table has no row for the conditions decision: add the row “Villkorsbeslut | 2023”",
                       "known decisions: 2017, 2018, 2023")


def test_english_labels_are_named_as_written(tmp_path: Path) -> None:
    r = run("check", word(tmp_path, [("Conditions", "Decision 2018"), ("Region", "R")]), "--lang", "en")
    assert_clean_error(r, "“Conditions” in the facts table: “Decision 2018” is not a decision id; write 2018")
