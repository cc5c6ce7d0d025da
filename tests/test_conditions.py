"""Decisions as data: every file validates; mistakes are named with file and line."""

from pathlib import Path

import pytest
from helpers import PROJECT_ROOT, write

from toolkit.decisions.inherit import resolve
from toolkit.decisions.load import load_conditions
from toolkit.decisions.source import list_conditions
from toolkit.errors import ConditionsError

ALL = sorted((PROJECT_ROOT / "conditions").glob("*.yaml"))


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_every_bundled_decision_validates(path: Path):
    c = resolve(path)
    assert c.id == path.stem
    assert c.sections, "a decision without sections checks nothing"
    assert all(s.point for s in c.walk_sections()), "every part names the point of the decision"
    assert all(s.guidance for s in c.walk_sections())


def test_2017_encodes_the_domain_table():
    c = load_conditions("2017")
    assert [s.id for s in c.sections] == [
        "uppdraget", "jamstalld-tillvaxt", "samarbete-lansstyrelsen", "larande-uppfoljning",
        "digitalisering", "kommersiell-service", "klimat-miljo", "anslagets-anvandning",
    ]
    assert [f.id for f in c.figures] == [
        "projektstod_utbetalt", "foretagsstod_beviljat", "foretagsstod_beviljat_anslag", "foretagsstod_beviljat_eu",
    ]
    assert str(c.due) == "2018-02-28"
    assert c.issuer == "Näringsdepartementet"
    assert c.appropriation["number"] == "1:1" and c.appropriation["expenditure_area"] == 19
    assert c.diarienummer == "" and c.decision_date is None  # not known: left empty
    (rule,) = c.rules
    assert rule.total == "foretagsstod_beviljat"
    assert rule.parts == ["foretagsstod_beviljat_anslag", "foretagsstod_beviljat_eu"]
    assert "Samverkan med länsstyrelsen" in c.section("samarbete-lansstyrelsen").aliases


def test_list_conditions_finds_2017():
    assert "2017" in dict(list_conditions())


BASE = """
title: Test
sections:
  - id: a
    title: Avsnitt A
    point: Punkt 1
figures:
  - id: f1
    label: Belopp
    section: a
"""


def test_misspelt_key_is_named_with_line_and_hint(tmp_path: Path):
    p = write(tmp_path / "x.yaml", BASE.replace("    point: Punkt 1", "    point: Punkt 1\n    guidnce: Text"))
    with pytest.raises(ConditionsError) as exc:
        resolve(p)
    text = exc.value.format("sv")
    assert text.startswith(f"{p}:6: sections[0].guidnce: okänt fält")
    assert "menade du 'guidance'" in text


def test_wrong_type_and_all_problems_in_one_pass(tmp_path: Path):
    p = write(tmp_path / "x.yaml", BASE.replace("title: Test", "title: Test\nyear: tjugo").replace("section: a", "section: a\n    unit: euro"))
    with pytest.raises(ConditionsError) as exc:
        resolve(p)
    lines = [(pr.key, pr.line) for pr in exc.value.problems]
    assert ("schema-type", 2) in lines
    assert ("schema-allowed", 11) in lines


def test_integrity_duplicate_ids_and_unknown_references(tmp_path: Path):
    text = BASE + """  - id: f2
    label: Annat
    section: nope
rules:
  - id: r
    total: f1
    parts: [f2, f3]
"""
    text = text.replace("figures:", "  - id: a\n    title: Igen\nfigures:")
    p = write(tmp_path / "x.yaml", text)
    with pytest.raises(ConditionsError) as exc:
        resolve(p)
    got = sorted((pr.key, pr.line) for pr in exc.value.problems)
    assert got == [
        ("conditions-duplicate-id", 6),
        ("conditions-unknown-figure", 16),
        ("conditions-unknown-section", 12),
    ]


def test_unknown_id_suggests(tmp_path: Path):
    with pytest.raises(ConditionsError) as exc:
        load_conditions("20177")
    assert "menade du '2017'" in exc.value.format("sv")


def test_validation_is_remembered_only_for_the_same_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VILLKOR_CACHE_DIR", str(tmp_path / "cache"))
    p = write(tmp_path / "x.yaml", BASE)
    resolve(p)
    assert len(list((tmp_path / "cache" / "validated").iterdir())) == 1
    resolve(p)  # from the marker
    p.write_text(BASE.replace("title: Test", "title: Test\ntitel: fel"), encoding="utf-8")
    with pytest.raises(ConditionsError):
        resolve(p)
