"""The 2023 decision (conditions/2023.yaml) encodes what the domain notes know
of it, leaves what they do not know empty, and the 2023 example checks
complete; a missing strategic area and a wrong total are caught."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from helpers import PROJECT_ROOT, REPORTS, run

from toolkit.decisions.inherit import resolve
from toolkit.decisions.load import load_conditions

EXAMPLE_2023 = REPORTS / "vasternorrland-2023.md"

#: The four strategic areas of the national strategy 2021–2030, as the domain notes name them.
AREAS = {
    "likvardiga-mojligheter": "Likvärdiga möjligheter till boende, arbete och välfärd i hela landet",
    "kompetensforsorjning": "Kompetensförsörjning och kompetensutveckling i hela landet",
    "innovation-foretagande": "Innovation och förnyelse samt entreprenörskap och företagande i hela landet",
    "tillganglighet": "Tillgänglighet i hela landet genom digital kommunikation och transportsystem",
}
FORMS = ["foretagsutveckling_beviljat", "strategiska_projekt_beviljat", "kommersiell_service_beviljat"]


def test_2023_validates_on_its_own() -> None:
    r = run("conditions", "validate", PROJECT_ROOT / "conditions" / "2023.yaml")
    assert r.code == 0 and "giltigt" in r.out, r
    c = resolve(PROJECT_ROOT / "conditions" / "2023.yaml")
    assert c.extends is None and c.chain == ["2023"]  # a decision of its own, nothing inherited


def test_2023_encodes_the_domain_notes() -> None:
    c = load_conditions("2023")
    assert c.year == 2023
    assert c.appropriation == {"number": "1:1", "name": "Regionala utvecklingsåtgärder",
                               "expenditure_area": 19, "expenditure_area_name": "Regional utveckling"}
    assert c.due == dt.date(2024, 2, 21) and c.due_text == "senast den 21 februari"
    assert c.recipient == "Regeringskansliet (Landsbygds- och infrastrukturdepartementet)"
    assert c.diarienummer == "" and c.decision_date is None  # not known: left empty
    assert c.references == []
    # the four things the report shall describe, in that order
    assert [s.id for s in c.sections] == ["koppling-strategier", "strategiska-omraden", "hallbar-utveckling",
                                          "anslagets-anvandning"]
    assert all(s.required for s in c.walk_sections())
    areas = c.section("strategiska-omraden")
    assert {p.id: p.title for p in areas.parts} == AREAS
    assert [p.id for p in areas.parts] == list(AREAS)
    assert "RUS" in c.section("koppling-strategier").guidance
    assert "ekonomisk, social och miljömässig" in c.section("hallbar-utveckling").guidance
    # granted amounts per form of support and a total, in kronor, in the section on the appropriation
    assert [f.id for f in c.figures] == [*FORMS, "beviljat_totalt"]
    assert all(f.unit == "kr" and f.section == "anslagets-anvandning" and f.required for f in c.figures)
    (rule,) = c.rules
    assert rule.total == "beviljat_totalt" and rule.parts == FORMS
    assert rule.tolerance == 0 and rule.tolerance_percent == 0


def test_2023_is_listed_shown_and_compared(wide_terminal: None) -> None:
    listed = run("conditions", "list")
    assert listed.code == 0
    row = next(line for line in listed.out.splitlines() if line.startswith("2023 "))
    assert "Regionala utvecklingsåtgärder, budgetåret 2023" in row and "2024-02-21" in row
    shown = run("conditions", "show", "2023")
    assert shown.code == 0
    assert "Ska lämnas senast: 2024-02-21\n  Beslutets formulering: senast den 21 februari\n" in shown.out
    assert "Diarienummer: (inte känt)" in shown.out and "Beslutsdatum: (inte känt)" in shown.out
    for n, (pid, title) in enumerate(AREAS.items(), start=1):
        assert f"2.{n} {title} {{#{pid}}} – obligatoriskt" in shown.out
    d = json.loads(run("conditions", "diff", "2018", "2023", "--format", "json").out)
    status = {s["id"]: s["status"] for s in d["sections"]}
    assert status["anslagets-anvandning"] == "changed"
    assert status["strategiska-omraden"] == "added" and status["agenda-2030"] == "removed"
    assert {"field": "due", "old": "2019-02-28", "new": "2024-02-21"} in d["deadline"]


def test_2023_example_checks_complete_without_warnings() -> None:
    r = run("check", EXAMPLE_2023, "--format", "json")
    assert r.code == 0, r
    data = json.loads(r.out)
    assert data["conditions"] == "2023" and data["complete"] is True and data["coverage"] == 1.0
    assert data["counts"] == {"error": 0, "warning": 0, "info": 0}
    assert {s["id"] for s in data["sections"] if s["status"] == "ok"} == {
        "koppling-strategier", "strategiska-omraden", *AREAS, "hallbar-utveckling", "anslagets-anvandning"}
    values = {f["id"]: f["value"] for f in data["figures"]}
    assert values["beviljat_totalt"] == sum(values[f] for f in FORMS)
    assert run("check", EXAMPLE_2023, "--strict").code == 0


def test_2023_example_renders(tmp_path: Path) -> None:
    md = run("render", EXAMPLE_2023, "--format", "md").out
    assert "### 2.4. Tillgänglighet i hela landet genom digital kommunikation och transportsystem" in md
    assert "| Mottagare | Regeringskansliet (Landsbygds- och infrastrukturdepartementet) |" in md
    assert "| Beviljat från anslag 1:1 totalt | 84\u00a0000\u00a0000\u00a0kr |" in md  # non-breaking spaces
    out = tmp_path / "rapport.html"
    assert run("render", EXAMPLE_2023, "--format", "html", "--output", out).code == 0
    assert "Kompetensförsörjning och kompetensutveckling i hela landet" in out.read_text(encoding="utf-8")


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copy(EXAMPLE_2023, tmp_path / "utkast-2023.md"))


def test_a_missing_strategic_area_is_named(tmp_path: Path, wide_terminal: None) -> None:
    draft = _copy(tmp_path)
    text = draft.read_text(encoding="utf-8")
    start = text.index("### Kompetensförsörjning och kompetensutveckling i hela landet")
    end = text.index("### Innovation och förnyelse")
    draft.write_text(text[:start] + text[end:], encoding="utf-8")
    r = run("check", draft, "--format", "json")
    assert r.code == 1, r
    data = json.loads(r.out)
    assert data["complete"] is False
    missing = [p for p in data["problems"] if p["code"] == "section-missing"]
    assert [p["section"] for p in missing] == ["kompetensforsorjning"]
    assert AREAS["kompetensforsorjning"] in missing[0]["message"]
    status = {s["id"]: s["status"] for s in data["sections"]}
    assert status["kompetensforsorjning"] == "missing" and status["strategiska-omraden"] == "incomplete"
    text_out = run("check", draft).out
    assert AREAS["kompetensforsorjning"] in text_out


def test_a_wrong_total_breaks_the_sum_rule(tmp_path: Path) -> None:
    draft = _copy(tmp_path)
    text = draft.read_text(encoding="utf-8")
    assert "beviljat_totalt: 84 mnkr" in text
    draft.write_text(text.replace("beviljat_totalt: 84 mnkr", "beviljat_totalt: 85 mnkr"), encoding="utf-8")
    r = run("check", draft, "--format", "json")
    assert r.code == 1, r
    data = json.loads(r.out)
    (problem,) = data["problems"]
    assert problem["code"] == "figure-inconsistent" and problem["section"] == "anslagets-anvandning"
    assert "Beviljat från anslag 1:1 totalt" in problem["message"]
    status = {f["id"]: f["status"] for f in data["figures"]}
    assert status["beviljat_totalt"] == "inconsistent"
