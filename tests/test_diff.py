"""``villkor conditions diff``: golden files for 2017 → 2018 and for a
decision pair with renames, removals and changes; the done-when of 2018."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import PROJECT_ROOT, assert_clean_error, assert_golden, run, write

OLD = """
format: 1
title: Gammalt beslut
year: 2040
issuer: Näringsdepartementet
due: 2041-02-28
due_text: per sista februari
appropriation: {number: "1:1", name: Regionala tillväxtåtgärder}
sections:
  - id: uppdraget
    title: Uppdraget
    min_words: 30
    guidance: Skriv om uppdraget.
  - id: klimat
    title: Klimat
    point: Punkt 4
  - id: resultat
    title: Resultat
    parts:
      - {id: resultat-a, title: Område A}
  - id: digitalisering
    title: Digitalisering
figures:
  - {id: projektstod, label: Projektstöd, section: uppdraget, form_of_support: Projektverksamhet}
  - {id: foretagsstod, label: Företagsstöd, section: uppdraget}
rules:
  - {id: r1, total: projektstod, parts: [foretagsstod], tolerance: 5}
"""

NEW = """
format: 1
extends: gammalt
title: Nytt beslut
year: 2041
issuer: Landsbygds- och infrastrukturdepartementet
due: 2042-03-01
due_text: senast den 1 mars
appropriation: {name: Regionala utvecklingsåtgärder}
remove:
  sections: [digitalisering]
  rules: [r1]
sections:
  - id: uppdraget
    required: false
    min_words: 10
  - id: klimat-omstallning
    renamed_from: [klimat]
    title: Klimat och omställning
  - id: resultat
    parts:
      - {id: resultat-b, title: Område B}
  - id: nytt
    title: Helt nytt
    before: uppdraget
    guidance: Nytt krav.
figures:
  - {id: foretagsstod, form_of_support: Regionala företagsstöd}
  - {id: service, label: Kommersiell service, section: uppdraget, form_of_support: Stöd till kommersiell service}
"""


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_golden_2017_2018(fmt: str, update_golden: bool) -> None:
    r = run("conditions", "diff", "2017", "2018", "--format", fmt, cwd=PROJECT_ROOT)
    assert r.code == 0, r
    assert_golden(f"diff-2017-2018.{ {'text': 'txt'}.get(fmt, fmt) }", r.out, update_golden)


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_golden_rename_remove_change(fmt: str, tmp_path: Path, update_golden: bool) -> None:
    write(tmp_path / "gammalt.yaml", OLD)
    write(tmp_path / "nytt.yaml", NEW)
    r = run("conditions", "diff", "gammalt.yaml", "nytt.yaml", "--format", fmt, cwd=tmp_path)
    assert r.code == 0, r
    assert_golden(f"diff-rename.{ {'text': 'txt'}.get(fmt, fmt) }", r.out, update_golden)


def test_2018_names_agenda_2030_added_optional_and_nothing_unchanged() -> None:
    r = run("conditions", "diff", "2017", "2018", "--format", "json")
    assert r.code == 0, r
    d = json.loads(r.out)
    assert [(s["status"], s["id"], s["required"]) for s in d["sections"]] == [("added", "agenda-2030", False)]
    assert d["figures"] == [] and d["rules"] == []
    assert d["deadline"] == [{"field": "due", "old": "2018-02-28", "new": "2019-02-28"}]
    changed = {c["field"] for c in d["metadata"]}
    # what 2018 inherits unchanged does not show up
    assert not changed & {"issuer", "recipient", "legal_basis", "due_text", "appropriation.name", "appropriation.number",
                          "diarienummer", "decision_date", "placeholders", "attachments"}
    assert {"title", "year"} <= changed
    text = run("conditions", "diff", "2017", "2018").out
    assert "tillagt: 9 Arbetet med Agenda 2030 {#agenda-2030} – frivilligt" in text
    assert "ska lämnas senast: 2018-02-28 → 2019-02-28" in text


def test_rename_changes_and_moves_as_data(tmp_path: Path) -> None:
    write(tmp_path / "gammalt.yaml", OLD)
    write(tmp_path / "nytt.yaml", NEW)
    d = json.loads(run("conditions", "diff", "gammalt.yaml", "nytt.yaml", "--format", "json", cwd=tmp_path).out)
    by = {(s["status"], s["id"]): s for s in d["sections"]}
    renamed = by[("renamed", "klimat-omstallning")]
    assert renamed["old_id"] == "klimat" and {"field": "title", "old": "Klimat", "new": "Klimat och omställning"} in renamed["changes"]
    changed = {c["field"]: (c["old"], c["new"]) for c in by[("changed", "uppdraget")]["changes"]}
    assert changed["required"] == (True, False) and changed["min_words"] == (30, 10)
    assert by[("changed", "resultat")]["changes"] == [{"field": "parts", "old": ["resultat-a"], "new": ["resultat-a", "resultat-b"]}]
    assert ("added", "resultat-b") in by and ("added", "nytt") in by and ("removed", "digitalisering") in by
    assert [r["status"] for r in d["rules"]] == ["removed"]
    figs = {(f["status"], f["id"]) for f in d["figures"]}
    assert figs == {("changed", "foretagsstod"), ("added", "service")}
    meta = {c["field"] for c in d["metadata"]}
    assert {"issuer", "appropriation.name"} <= meta and "appropriation.number" not in meta


def test_same_decision_has_no_changes_and_html_is_self_contained(tmp_path: Path) -> None:
    r = run("conditions", "diff", "2018", "2018")
    assert r.code == 0 and "Inga ändringar." in r.out
    out = tmp_path / "diff.html"
    r = run("conditions", "diff", "2017", "2018", "--format", "html", "--output", out)
    assert r.code == 0, r
    html = out.read_text()
    assert "Content-Security-Policy" in html and "Arbetet med Agenda 2030" in html
    assert "http://" not in html and "https://" not in html and "<script" not in html


def test_diff_english_and_unknown_decision() -> None:
    r = run("conditions", "diff", "2017", "2018", "--lang", "en")
    assert r.code == 0 and "added: 9 Arbetet med Agenda 2030 {#agenda-2030} – optional" in r.out
    assert_clean_error(run("conditions", "diff", "2017", "2091"), "2091")


def test_diff_html_escapes_decision_text(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "title: A\nsections: [{id: x, title: X}]\n")
    write(tmp_path / "b.yaml", "extends: a\ntitle: B\nsections: [{id: x, title: \"<script>alert(1)</script>\"}]\n")
    r = run("conditions", "diff", tmp_path / "a.yaml", tmp_path / "b.yaml", "--format", "html")
    assert r.code == 0 and "<script>alert" not in r.out and "&lt;script&gt;" in r.out
