"""``villkor new``: a scaffold lists every part, carries last year's text
over (through renames) with markers that the check warns about."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import EXAMPLE, assert_clean_error, run, write

from toolkit.decisions.load import load_conditions


def check_json(path: Path, *extra: str) -> tuple[int, dict]:
    r = run("check", path, "--format", "json", *extra)
    assert r.code in (0, 1), r
    return r.code, json.loads(r.out)


def strip_markers(text: str) -> str:
    text = re.sub(r"<!--\s*villkor:carried-over[^>]*-->\n?", "", text)
    return re.sub(r"[ \t]*#\s*villkor:carried-over.*$", "", text, flags=re.M)


def test_scaffold_without_from_lists_every_required_part(tmp_path: Path) -> None:
    out = tmp_path / "utkast.md"
    r = run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--output", out)
    assert r.code == 0, r
    text = out.read_text()
    c = load_conditions("2018")
    for s in c.walk_sections():
        assert f"{s.title} {{#{s.id}}}" in text
    for f in c.figures:
        assert re.search(rf"^  {f.id}:  # {re.escape(f.label)}", text, re.M), f.id
    assert "<!--" in text and "Redovisa särskilt samarbetet med länsstyrelsen." in text
    code, data = check_json(out)
    assert code == 1 and not data["complete"]
    errors = {(p["code"], p["section"]) for p in data["problems"] if p["severity"] == "error"}
    required = [s for s in c.walk_sections() if s.required]
    assert {("section-empty", s.id) for s in required} <= errors
    missing_figures = [p for p in data["problems"] if p["code"] == "figure-missing"]
    assert len(missing_figures) == len(c.figures)
    # the optional part is offered in a comment and not counted as missing
    agenda = next(s for s in data["sections"] if s["id"] == "agenda-2030")
    assert agenda["status"] == "omitted"
    # guidance comments are not the writer's text
    assert all(s["words"] == 0 for s in data["sections"])


def test_from_last_year_checks_with_only_carried_over_warnings(tmp_path: Path) -> None:
    out = tmp_path / "norrbotten-2018.md"
    r = run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", out)
    assert r.code == 0, r
    code, data = check_json(out)
    assert code == 0, data["problems"]
    codes = {p["code"] for p in data["problems"]}
    assert codes == {"section-carried-over", "figure-carried-over"}
    assert sum(1 for p in data["problems"] if p["code"] == "section-carried-over") == 8
    assert sum(1 for p in data["problems"] if p["code"] == "figure-carried-over") == 4
    assert run("check", out, "--strict").code == 1
    # once the markers are gone, it is complete with no warnings at all
    out.write_text(strip_markers(out.read_text()))
    code, data = check_json(out, "--strict")
    assert code == 0 and data["problems"] == [] and data["complete"]
    assert data["conditions"] == "2018" and data["region"] == "Region Norrbotten"


def test_last_years_text_and_numbers_arrive_unchanged(tmp_path: Path) -> None:
    r = run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", EXAMPLE)
    assert r.code == 0, r
    assert "Region Norrbotten har sedan 1 januari 2017 det regionala utvecklingsansvaret." in r.out
    assert re.search(r'^  foretagsstod_beviljat: "85 mnkr"  # villkor:carried-over', r.out, re.M)
    assert r.out.startswith('---\nconditions: "2018"\nregion: "Region Norrbotten"\n')


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    out = write(tmp_path / "finns.md", "mitt arbete\n")
    r = run("new", "--conditions", "2018", "--region", "X", "--output", out)
    assert_clean_error(r, "finns.md", "--force")
    assert out.read_text() == "mitt arbete\n"
    r = run("new", "--conditions", "2018", "--region", "X", "--output", out, "--force")
    assert r.code == 0 and out.read_text().startswith("---\n")


def test_refuses_to_write_over_last_years_draft(tmp_path: Path, example_copy: Path) -> None:
    before = example_copy.read_text()
    r = run("new", "--conditions", "2018", "--region", "X", "--from", example_copy, "--output", example_copy, "--force")
    assert_clean_error(r)
    assert example_copy.read_text() == before


def test_bad_input_is_a_clean_error(tmp_path: Path) -> None:
    assert_clean_error(run("new", "--conditions", "2091", "--region", "X"), "2091")
    assert_clean_error(run("new", "--conditions", "2018", "--region", "X", "--from", tmp_path / "saknas.md"), "saknas.md")
    assert_clean_error(run("new", "--region", "X"), "--conditions")


def test_carry_over_follows_a_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "ar1.yaml", """
        title: År 1
        year: 2050
        sections:
          - {id: miljo, title: Miljöarbetet}
          - {id: ovrigt, title: Övrigt}
        figures:
          - {id: stod_gammalt, label: Stöd, section: ovrigt}
    """)
    write(tmp_path / "ar2.yaml", """
        extends: ar1
        title: År 2
        year: 2051
        sections:
          - id: klimat
            renamed_from: [miljo]
            title: Klimat och miljö
        figures:
          - {id: stod, renamed_from: [stod_gammalt]}
    """)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(tmp_path))
    last = write(tmp_path / "forra.md", """
        ---
        conditions: ar1
        region: Region Test
        figures:
          stod_gammalt: 12 mnkr
        ---

        ## Miljöarbetet

        Vi planterade träd längs älven.

        ### Egen underrubrik

        Och mer text här.

        ## Övrigt

        Annat arbete.
    """)
    out = tmp_path / "nytt.md"
    assert run("new", "--conditions", "ar2", "--region", "Region Test", "--from", last, "--output", out).code == 0
    text = out.read_text()
    section = text[text.index("## Klimat och miljö {#klimat}"):text.index("## Övrigt {#ovrigt}")]
    assert "Vi planterade träd längs älven." in section and "### Egen underrubrik" in section
    assert "villkor:carried-over" in section and "Miljöarbetet" in section
    assert re.search(r'^  stod: "12 mnkr"  # villkor:carried-over', text, re.M)
    code, data = check_json(out)
    assert code == 0 and {p["code"] for p in data["problems"]} == {"section-carried-over", "figure-carried-over"}


def test_the_writers_own_parts_are_carried_and_warned_about(tmp_path):
    from helpers import REPORTS
    from helpers import run as run_cli

    out = tmp_path / "ny.md"
    r = run_cli("new", "--conditions", "2018", "--region", "Region Kalmar län", "--from", REPORTS / "kalmar-2017.md", "--output", out)
    assert r.code == 0, r
    text = out.read_text(encoding="utf-8")
    assert "## Kontaktuppgifter" in text
    import json

    data = json.loads(run_cli("check", out, "--format", "json").out)
    warned = [p for p in data["problems"] if p["code"] == "section-carried-over" and "Kontaktuppgifter" in p["message"]]
    assert len(warned) == 1


def test_an_empty_region_is_refused(tmp_path):
    from helpers import assert_clean_error
    from helpers import run as run_cli

    assert_clean_error(run_cli("new", "--conditions", "2018", "--region", " ", "--output", tmp_path / "x.md"), "--region får inte vara tomt")
    assert not (tmp_path / "x.md").exists()
