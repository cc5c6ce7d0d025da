"""``villkor conditions show``: the decision after inheritance in four formats,
something to send to the regions, with the point each section has now."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import assert_clean_error, run, write

RENAMING = """
extends: "2018"
title: Exempel 2019
year: 2019
due: 2020-03-02
due_text: senast den 2 mars 2020 (exempel)
sections:
  - id: hallbar-omstallning
    renamed_from: [klimat-miljo]
    title: Klimat, miljö och hållbar omställning
  - id: agenda-2030
    renamed_from: []
    point: Redovisning – arbetet med Agenda 2030 (exempel)
"""


@pytest.fixture
def decisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "decisions"
    write(folder / "2019.yaml", RENAMING)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(folder))
    return folder


def test_the_deadline_is_said_once_without_nested_parentheses(decisions: Path) -> None:
    r = run("conditions", "show", "2019")
    assert r.code == 0, r
    assert "  Ska lämnas senast: 2020-03-02\n  Beslutets formulering: senast den 2 mars 2020 (exempel)\n" in r.out
    assert "((" not in r.out and "(exempel))" not in r.out
    # a decision with only the words has them as its deadline
    assert "Ska lämnas senast: 2018-02-28\n  Beslutets formulering: per sista februari\n" in run("conditions", "show", "2017").out


def test_a_renamed_section_says_where_its_point_was_written(decisions: Path) -> None:
    out = run("conditions", "show", "2019").out
    block = out[out.index("Klimat, miljö och hållbar omställning {#hallbar-omstallning}"):]
    block = block[: block.index("Definieras i")]
    assert "Punkt: Särskild redovisning – klimat- och miljöarbetet (oförändrad från conditions/2017.yaml:" in block
    # a point the new decision writes is its own, with no note
    agenda = out[out.index("{#agenda-2030}"):]
    assert "Punkt: Redovisning – arbetet med Agenda 2030 (exempel)\n" in agenda
    data = json.loads(run("conditions", "show", "2019", "--format", "json").out)
    hallbar = next(s for s in data["sections"] if s["id"] == "hallbar-omstallning")
    assert hallbar["point_from"].startswith("conditions/2017.yaml:") and hallbar["renamed_from"] == ["klimat-miljo"]
    assert next(s for s in data["sections"] if s["id"] == "agenda-2030")["point_from"] is None


def test_the_renamed_section_gets_its_own_point_when_the_decision_writes_one(decisions: Path) -> None:
    write(decisions / "2019.yaml", RENAMING.replace(
        "    title: Klimat, miljö och hållbar omställning\n",
        "    title: Klimat, miljö och hållbar omställning\n    point: Särskild redovisning – hållbar omställning\n"))
    out = run("conditions", "show", "2019").out
    assert "Punkt: Särskild redovisning – hållbar omställning\n" in out
    assert "klimat- och miljöarbetet" not in out.split("{#hallbar-omstallning}")[1].split("\n")[1]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_markdown_and_html_to_send_to_the_regions(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"villkor-2023.{fmt}"
    r = run("conditions", "show", "2023", "--format", fmt, "--output", out)
    assert r.code == 0, r
    text = out.read_text(encoding="utf-8")
    for needle in ("Villkorsbeslut 2023", "2024-02-21", "senast den 21 februari", "Landsbygds- och infrastrukturdepartementet",
                   "2.4. Tillgänglighet i hela landet genom digital kommunikation och transportsystem", "{#tillganglighet}",
                   "Rubriker som också godtas", "Beviljat stöd till kommersiell service", "Tar emot förra årets text från"):
        assert needle in text, needle
    assert "conditions/2023.yaml" not in text  # where the YAML says it is the encoder's business, not the region's
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in text
        assert '<section class="part" id="tillganglighet">' in text


def test_html_escapes_what_the_decision_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "d" / "x.yaml", """
        title: <script>alert(1)</script>
        sections:
          - {id: a, title: "A <b>fet</b>", guidance: "<img src=x onerror=alert(1)>"}
    """)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(tmp_path / "d"))
    html = run("conditions", "show", "x", "--format", "html").out
    assert "<script>alert" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_json_lists_every_part_figure_and_rule() -> None:
    data = json.loads(run("conditions", "show", "2023", "--format", "json").out)
    assert data["schema_version"] == 1 and data["id"] == "2023" and data["due"] == "2024-02-21"
    parts = next(s for s in data["sections"] if s["id"] == "strategiska-omraden")["parts"]
    assert [p["number"] for p in parts] == ["2.1", "2.2", "2.3", "2.4"]
    assert {f["id"] for f in data["figures"]} >= {"beviljat_totalt", "kommersiell_service_beviljat"}
    assert data["rules"][0]["kind"] == "sum"


def test_english_and_a_bad_format() -> None:
    r = run("conditions", "show", "2017", "--format", "md", "--lang", "en")
    assert r.code == 0 and "# Conditions decision 2017" in r.out and "Headings also accepted" in r.out
    assert_clean_error(run("conditions", "show", "2017", "--format", "pdf"), "pdf")
    assert_clean_error(run("conditions", "show", "1999"), "1999")
