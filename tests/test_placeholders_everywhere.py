"""Placeholder text is found wherever it would reach the report: before the
first section, under the writer's own headings, and in the facts on the cover
(region, mottagare, kontaktperson, diarienummer, datum, bilagor), in
Markdown and in Word alike; each at its file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx_helpers import add_table
from helpers import EXAMPLE, run, write

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _problems(path: Path) -> tuple[int, list[dict]]:
    r = run("check", path, "--format", "json")
    assert "Traceback" not in r.err
    return r.code, json.loads(r.out)["problems"]


@pytest.mark.parametrize("placeholder", ["TODO", "Lorem ipsum", "[text kommer]", "[Fyll i region]"])
def test_placeholder_before_the_first_section(placeholder: str, tmp_path: Path):
    text = EXAMPLE_TEXT.replace("Exempelutkast byggt på", f"{placeholder} Exempelutkast byggt på")
    path = write(tmp_path / "utkast.md", text)
    code, problems = _problems(path)
    assert code == 1
    found = [p for p in problems if p["code"] == "text-placeholder"]
    assert len(found) == 1
    assert found[0]["line"] == _line_of(text, placeholder)
    assert found[0]["severity"] == "error"
    assert placeholder in found[0]["message"]


def test_placeholder_under_the_writers_own_heading(tmp_path: Path):
    text = EXAMPLE_TEXT + "\n## Bilaga: kontakter\n\nKontakt: Anna Andersson.\n\nLorem ipsum dolor.\n"
    path = write(tmp_path / "utkast.md", text)
    code, problems = _problems(path)
    assert code == 1
    found = [p for p in problems if p["code"] == "text-placeholder"]
    assert [p["line"] for p in found] == [_line_of(text, "Lorem ipsum")]
    assert "Bilaga: kontakter" in found[0]["message"]


def test_placeholder_in_the_writers_own_heading(tmp_path: Path):
    text = EXAMPLE_TEXT + "\n## TODO rubrik\n\nText som ska stå kvar.\n"
    path = write(tmp_path / "utkast.md", text)
    code, problems = _problems(path)
    assert code == 1
    assert [p["line"] for p in problems if p["code"] == "text-placeholder"] == [_line_of(text, "## TODO")]


def test_a_placeholder_in_a_comment_is_no_text(tmp_path: Path):
    text = EXAMPLE_TEXT.replace("Exempelutkast byggt på", "<!-- TODO: korrläs -->\nExempelutkast byggt på")
    assert run("check", write(tmp_path / "utkast.md", text)).code == 0


@pytest.mark.parametrize(("key", "value"), [
    ("region", "Region [Fyll i region]"),
    ("kontaktperson", "TODO"),
    ("mottagare", "Lorem ipsum"),
    ("diarienummer", "TBD"),
    ("datum", "[text kommer]"),
])
def test_placeholder_in_a_front_matter_value(key: str, value: str, tmp_path: Path):
    import re

    text, n = re.subn(rf"(?m)^{key}: .*$", f'{key}: "{value}"', EXAMPLE_TEXT, count=1)
    if not n:
        text = EXAMPLE_TEXT.replace("region: Region Norrbotten\n", f'region: Region Norrbotten\n{key}: "{value}"\n')
    path = write(tmp_path / "utkast.md", text)
    code, problems = _problems(path)
    assert code == 1, problems
    found = [p for p in problems if p["code"] == "fact-placeholder"]
    assert len(found) == 1
    assert found[0]["line"] == _line_of(text, f"{key}: ")
    assert key in found[0]["message"]


def test_placeholder_in_an_attachment(tmp_path: Path):
    text = EXAMPLE_TEXT.replace("region: Region Norrbotten\n", "region: Region Norrbotten\nbilagor:\n  - Verksamhetsplan\n  - TODO\n")
    path = write(tmp_path / "utkast.md", text)
    code, problems = _problems(path)
    assert code == 1
    assert [p["line"] for p in problems if p["code"] == "fact-placeholder"] == [_line_of(text, "  - TODO")]


def test_render_refuses_and_writes_nothing(tmp_path: Path):
    text = EXAMPLE_TEXT.replace("region: Region Norrbotten\n", "region: Region Norrbotten\nkontaktperson: TODO\n")
    path = write(tmp_path / "utkast.md", text)
    out = tmp_path / "rapport.html"
    r = run("render", path, "--format", "html", "--output", out)
    assert r.code == 1 and not out.exists()
    assert "kontaktperson" in r.err


def test_word_facts_table_and_own_heading(tmp_path: Path):
    import docx

    doc = docx.Document()
    doc.add_paragraph("Återrapport", style="Title")
    add_table(doc, [("Villkorsbeslut", "2017"), ("Region", "Region Norrbotten"), ("Kontaktperson", "[Fyll i namn]")])
    doc.add_paragraph("Inledning som kommer med. Lorem ipsum.")
    doc.add_paragraph("Egen rubrik", style="Heading 1")
    doc.add_paragraph("TODO: skriv något här.")
    path = tmp_path / "utkast.docx"
    doc.save(str(path))
    code, problems = _problems(path)
    assert code == 1
    by_code = {p["code"]: p for p in problems if p["code"] in ("fact-placeholder", "text-placeholder")}
    assert by_code["fact-placeholder"]["line"] == 2  # the facts table is paragraph 2
    texts = sorted(p["line"] for p in problems if p["code"] == "text-placeholder")
    assert texts == [3, 5]


def test_decision_placeholders_count_outside_sections(tmp_path: Path):
    decision = write(tmp_path / "beslut.yaml", """
        title: X
        placeholders: ["SKRIV HÄR"]
        sections:
          - {id: a, title: Avsnitt A, point: P, guidance: G, min_words: 1}
    """)
    draft = write(tmp_path / "utkast.md", """
        ---
        conditions: x
        region: R
        ---
        Inledning: SKRIV HÄR.

        ## Avsnitt A

        Text.
    """)
    r = run("check", draft, "--conditions", decision, "--format", "json")
    assert r.code == 1
    assert [p["line"] for p in json.loads(r.out)["problems"] if p["code"] == "text-placeholder"] == [5]


def test_text_above_and_below_the_title_is_one_part(tmp_path: Path):
    body = EXAMPLE_TEXT.split("\n---\n", 1)[1]
    front = EXAMPLE_TEXT[: len(EXAMPLE_TEXT) - len(body)]
    text = front + "TODO ovanför titeln.\n\n" + body.replace("Exempelutkast byggt på", "TODO Exempelutkast byggt på")
    path = write(tmp_path / "utkast.md", text)
    code, problems = _problems(path)
    assert code == 1
    assert [p["line"] for p in problems if p["code"] == "text-placeholder"] == [_line_of(text, "TODO ovanför")]
