"""Values as they were written: messages quote what the writer typed, a value
that would break a line in the draft or the report is refused, and an amount
means what it shows.

* YAML 1.1 reads ``yes``/``NO``/``on`` as true/false: the message says what was
  written and that it was read as a truth value, and suggests quotes.
* A pattern's message says what the pattern really allows.
* ``villkor`` alone shows the help, not an error.
* ``new --region`` and front-matter facts are one line without control
  characters (a line break would start a heading in the report).
* Amounts pasted from Word: zero-width characters and non-breaking or narrow
  spaces are read as what the reader sees; a character that can change how a
  number is displayed (bidirectional controls) is refused, named, and placed.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import EXAMPLE, assert_clean_error, run, write

from toolkit.read.amounts import AmountError, parse_amount

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


# -- truth values

@pytest.mark.parametrize("written", ["yes", "NO", "on", "Off", "true"])
def test_a_truth_value_in_the_front_matter_says_what_was_written(written: str, tmp_path: Path):
    path = write(tmp_path / "u.md", EXAMPLE_TEXT.replace("region: Region Norrbotten", f"region: {written}"))
    r = run("check", path)
    assert_clean_error(r, f"{path}:3: region: '{written}' lästes som ett sanningsvärde", f'"{written}"')
    assert "True" not in r.err and "False" not in r.err


def test_a_truth_value_as_an_id_in_a_decision(tmp_path: Path):
    path = write(tmp_path / "b.yaml", "title: T\nsections:\n  - {id: yes, title: Avsnitt A, point: P}\n")
    r = run("conditions", "validate", path)
    assert_clean_error(r, f"{path}:3: sections[0].id: 'yes' lästes som ett sanningsvärde", 'citattecken: "yes"')


def test_a_truth_value_as_a_figure(tmp_path: Path):
    path = write(tmp_path / "u.md", EXAMPLE_TEXT.replace("projektstod_utbetalt: 88 miljoner", "projektstod_utbetalt: yes"))
    r = run("check", path, "--format", "json")
    (problem,) = [p for p in json.loads(r.out)["problems"] if p["code"] == "figure-not-numeric"]
    assert r.code == 1 and "”yes” lästes som ett sanningsvärde" in problem["message"] and "True" not in problem["message"]


def test_english_too(tmp_path: Path):
    path = write(tmp_path / "u.md", EXAMPLE_TEXT.replace("region: Region Norrbotten", "region: NO"))
    assert "'NO' was read as a truth value" in run("check", path, "--lang", "en").err


# -- patterns

def test_a_bad_conditions_value_is_told_what_the_pattern_allows(tmp_path: Path):
    path = write(tmp_path / "u.md", EXAMPLE_TEXT.replace('conditions: "2017"', "conditions: Beslut/2017"))
    r = run("check", path)
    assert_clean_error(r, f"{path}:2: conditions: ”Beslut/2017” är inte ett beslut-id; skriv 2017 (kända beslut: 2017, 2018, 2023)")
    assert "små bokstäver" not in r.err
    # without a decision in it, what an id may hold
    path = write(tmp_path / "u.md", EXAMPLE_TEXT.replace('conditions: "2017"', "conditions: Årets beslut"))
    assert_clean_error(run("check", path), f"{path}:2: conditions: ”Årets beslut” är inte ett beslut-id", "stora eller små")


def test_a_decision_id_is_still_lower_case(tmp_path: Path):
    path = write(tmp_path / "b.yaml", "title: T\nsections:\n  - {id: Stor, title: Avsnitt A, point: P}\n")
    assert_clean_error(run("conditions", "validate", path), f"{path}:3:", "små bokstäver")


# -- villkor alone

def test_villkor_alone_shows_help_not_an_error():
    r = run()
    assert r.code == 2
    text = r.out + r.err
    assert "Användning: villkor" in text and "Kommandon:" in text
    assert "Fel:" not in text and "Error:" not in text


def test_a_group_alone_shows_its_help():
    r = run("conditions")
    assert "validate" in r.out + r.err and "Fel:" not in r.out + r.err


# -- one line, no control characters

@pytest.mark.parametrize("region", ["X\n## Injicerad rubrik", "X\r## Y", "Region\u2028Norrbotten", "Region\x07", "Region\u202eNorrbotten"])
def test_new_refuses_a_region_that_is_not_one_line(region: str, tmp_path: Path):
    out = tmp_path / "ny.md"
    r = run("new", "--conditions", "2017", "--region", region, "--output", out)
    assert_clean_error(r, "--region")
    assert not out.exists()


def test_new_word_template_refuses_it_too(tmp_path: Path):
    out = tmp_path / "ny.docx"
    r = run("new", "--conditions", "2017", "--region", "X\n## Rubrik", "--output", out)
    assert_clean_error(r, "--region", "en enda rad")
    assert not out.exists()


def test_new_accepts_a_region_pasted_from_word(tmp_path: Path):
    out = tmp_path / "ny.md"
    r = run("new", "--conditions", "2017", "--region", "Region\u00a0Norr\u00adbotten", "--output", out)
    assert r.code == 0, r


@pytest.mark.parametrize(("key", "value"), [
    ("region", "Region Norrbotten\\n\\n## Injicerad rubrik"),
    ("kontaktperson", "Anna\\tAndersson"),
    ("mottagare", "Regeringskansliet\\r\\n# Rubrik"),
    ("diarienummer", "N2017\\u202e70"),
])
def test_a_front_matter_fact_must_be_one_line(key: str, value: str, tmp_path: Path):
    import re

    text, n = re.subn(rf"(?m)^{key}: .*$", lambda _: f'{key}: "{value}"', EXAMPLE_TEXT, count=1)
    if not n:
        text = EXAMPLE_TEXT.replace("region: Region Norrbotten\n", f'region: Region Norrbotten\n{key}: "{value}"\n')
    path = write(tmp_path / "u.md", text)
    line = text[: text.index(f"{key}: ")].count("\n") + 1
    out = tmp_path / "r.html"
    r = run("render", path, "--format", "html", "--output", out)
    assert_clean_error(r, f"{path}:{line}: {key}:")
    assert not out.exists()


def test_the_statement_may_have_many_lines():
    assert run("check", EXAMPLE).code == 0  # memo.yttrande is Markdown over many lines


# -- amounts pasted from Word

@pytest.mark.parametrize("written", [
    "88\u200b000\u200b000", "88\u2060000\u2060000", "88 000\u2060 000", "\ufeff88 000 000", "88\u00a0000\u00a0000 kr", "88\u202f000\u202f000",
    "88\u00ad000\u00ad000", "88\u2009000\u2009000 kr", "88\u200d mnkr",
])
def test_invisible_characters_and_word_spaces_are_read_as_shown(written: str):
    assert parse_amount(written, "kr") == Decimal(88_000_000)


@pytest.mark.parametrize("written", ["88\u202e000 000", "1\u200f2 mnkr", "\u202d88 000 000", "88\u2066000\u2069000"])
def test_characters_that_can_reorder_a_number_are_refused(written: str):
    with pytest.raises(AmountError):
        parse_amount(written, "kr")


def test_a_reordering_character_is_named_and_placed(tmp_path: Path):
    text = EXAMPLE_TEXT.replace("projektstod_utbetalt: 88 miljoner", 'projektstod_utbetalt: "8\u202e8 miljoner"')
    path = write(tmp_path / "u.md", text)
    r = run("check", path, "--format", "json")
    assert r.code == 1
    (problem,) = [p for p in json.loads(r.out)["problems"] if p["code"] == "figure-not-numeric"]
    assert "U+202E" in problem["message"] and "efter ”8”" in problem["message"]
    assert problem["line"] == text[: text.index("projektstod_utbetalt")].count("\n") + 1


def test_a_zero_width_space_in_a_draft_is_no_error(tmp_path: Path):
    text = EXAMPLE_TEXT.replace("projektstod_utbetalt: 88 miljoner", 'projektstod_utbetalt: "88\u200b000\u200b000 kr"')
    r = run("check", write(tmp_path / "u.md", text), "--format", "json")
    assert r.code == 0, r
    figures = {f["id"]: f["value"] for f in json.loads(r.out)["figures"]}
    assert figures["projektstod_utbetalt"] == 88_000_000


def test_a_zero_width_character_never_makes_a_wrong_form_right():
    with pytest.raises(AmountError):
        parse_amount("88 000\u2060000", "kr")  # the reader sees "88 000000"
