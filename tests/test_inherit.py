"""Inheritance between decisions (``extends``): merge rules and the errors
that name the file and line that says it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PROJECT_ROOT, assert_clean_error, run, write

from toolkit.checking.matching import Matcher
from toolkit.decisions.inherit import resolve
from toolkit.decisions.load import load_conditions
from toolkit.errors import ConditionsError

ROOT = """
format: 1
title: Grundbeslut
year: 2030
issuer: Departementet A
diarienummer: A2030/1
due: 2031-02-28
due_text: per sista februari
appropriation: {number: "1:1", name: Gamla namnet, expenditure_area: 19}
references:
  - {label: Referens, value: X1}
sections:
  - id: alfa
    title: Alfa
    guidance: Skriv om alfa.
    min_words: 10
  - id: beta
    title: Beta
    parts:
      - id: beta-ett
        title: Beta ett
      - id: beta-tva
        title: Beta två
  - id: gamma
    title: Gamma
figures:
  - {id: belopp_a, label: Belopp A, section: gamma}
  - {id: belopp_b, label: Belopp B, section: gamma}
  - {id: summa, label: Summa, section: gamma}
rules:
  - {id: regel, total: summa, parts: [belopp_a, belopp_b]}
"""


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ConditionsError) as info:
        resolve(path)
    return [p.format("en") for p in info.value.problems]


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write(tmp_path / "root.yaml", ROOT)


def test_child_inherits_and_overrides_metadata(root: Path, tmp_path: Path) -> None:
    child = write(tmp_path / "child.yaml", """
        extends: root
        title: Barnbeslut
        year: 2031
        appropriation: {name: Nya namnet}
    """)
    c = resolve(child)
    assert c.chain == ["root", "child"] and c.extends == "root"
    assert c.issuer == "Departementet A" and c.due_text == "per sista februari"
    assert c.appropriation == {"number": "1:1", "name": "Nya namnet", "expenditure_area": 19}
    # facts of one decision never carry over to the next
    assert c.diarienummer == "" and c.due is None and c.references == []
    assert [s.id for s in c.walk_sections()] == ["alfa", "beta", "beta-ett", "beta-tva", "gamma"]
    assert [f.id for f in c.figures] == ["belopp_a", "belopp_b", "summa"] and c.rules[0].id == "regel"


def test_known_id_merges_field_by_field_and_keeps_its_place(root: Path, tmp_path: Path) -> None:
    child = write(tmp_path / "child.yaml", """
        extends: root
        sections:
          - id: alfa
            title: Alfa, ny titel
          - id: beta
            parts:
              - id: beta-tva
                required: false
              - id: beta-tre
                title: Beta tre
                before: beta-tva
    """)
    c = resolve(child)
    alfa = c.section("alfa")
    assert alfa is not None
    assert (alfa.title, alfa.guidance, alfa.min_words) == ("Alfa, ny titel", "Skriv om alfa.", 10)
    assert alfa.file == "child.yaml" or alfa.file.endswith("child.yaml")
    assert alfa.line == line_of(child, "- id: alfa")
    assert [s.id for s in c.sections] == ["alfa", "beta", "gamma"]
    beta = c.section("beta")
    assert beta is not None and [p.id for p in beta.parts] == ["beta-ett", "beta-tre", "beta-tva"]
    assert c.section("beta-tva").required is False  # type: ignore[union-attr]
    assert c.section("beta-tre").parent == "beta"  # type: ignore[union-attr]
    # an untouched part keeps the line of the file that defined it
    gamma = c.section("gamma")
    assert gamma is not None and gamma.file.endswith("root.yaml") and gamma.line == line_of(root, "- id: gamma")


def test_new_section_added_at_end_or_placed(root: Path, tmp_path: Path) -> None:
    child = write(tmp_path / "child.yaml", """
        extends: root
        sections:
          - {id: sist, title: Sist}
          - {id: forst, title: Först, before: alfa}
          - {id: gamma, after: alfa}
    """)
    assert [s.id for s in resolve(child).sections] == ["forst", "alfa", "gamma", "beta", "sist"]


def test_deep_chain_remove_and_rename_twice(root: Path, tmp_path: Path) -> None:
    write(tmp_path / "mid.yaml", """
        extends: root
        remove: {sections: [beta-ett]}
        sections:
          - id: gamma-ny
            renamed_from: [gamma]
            title: Gamma nytt namn
    """)
    leaf = write(tmp_path / "leaf.yaml", """
        extends: mid
        remove: {sections: [alfa]}
        sections:
          - id: gamma-nyast
            renamed_from: [gamma-ny]
    """)
    c = resolve(leaf)
    assert c.chain == ["root", "mid", "leaf"]
    assert [s.id for s in c.walk_sections()] == ["beta", "beta-tva", "gamma-nyast"]
    g = c.section("gamma-nyast")
    assert g is not None and g.title == "Gamma nytt namn" and set(g.renamed_from) == {"gamma-ny", "gamma"}
    # figures that named the old id follow the rename
    assert {f.section for f in c.figures} == {"gamma-nyast"}
    # a draft from two years ago with {#gamma} still maps
    m = Matcher(c).match("Vad som helst {#gamma}")
    assert m.section is g and m.how == "renamed"


def test_remove_inherited_part_with_sub_parts(root: Path, tmp_path: Path) -> None:
    child = write(tmp_path / "child.yaml", """
        extends: root
        remove: {sections: [beta]}
    """)
    assert [s.id for s in resolve(child).walk_sections()] == ["alfa", "gamma"]


def test_remove_and_add_replaces_whole(root: Path, tmp_path: Path) -> None:
    child = write(tmp_path / "child.yaml", """
        extends: root
        remove: {sections: [alfa]}
        sections:
          - {id: alfa, title: Alfa igen, before: beta}
    """)
    alfa = resolve(child).section("alfa")
    assert alfa is not None and alfa.guidance == "" and alfa.min_words == 0 and alfa.title == "Alfa igen"


def test_cycle_is_an_error_at_the_extends_line(tmp_path: Path) -> None:
    a = write(tmp_path / "a.yaml", "title: A\nextends: b\n")
    write(tmp_path / "b.yaml", "title: B\nextends: a\n")
    msgs = problems_of(a)
    assert len(msgs) == 1 and "b.yaml:2:" in msgs[0] and "cycle: a → b → a" in msgs[0]


def test_extends_itself(tmp_path: Path) -> None:
    a = write(tmp_path / "sjalv.yaml", "title: A\n\nextends: sjalv\n")
    msgs = problems_of(a)
    assert len(msgs) == 1 and "sjalv.yaml:3:" in msgs[0] and "sjalv → sjalv" in msgs[0]


def test_unknown_parent(tmp_path: Path) -> None:
    a = write(tmp_path / "barn.yaml", "title: A\nextends: 2071\n")
    msgs = problems_of(a)
    assert len(msgs) == 1 and "barn.yaml:2:" in msgs[0] and "'2071'" in msgs[0]
    r = run("conditions", "validate", a)
    assert_clean_error(r, "barn.yaml:2:", "extends: beslutet '2071'")


def test_unknown_ids_in_remove_and_placement_each_with_line(root: Path, tmp_path: Path) -> None:
    child = write(tmp_path / "child.yaml", """
        extends: root
        remove:
          sections: [alfa, delta]
          figures: [belopp_x]
        sections:
          - id: ny
            title: Ny
            after: epsilon
          - id: annan
            title: Annan
            before: gama
    """)
    msgs = problems_of(child)
    text = "\n".join(msgs)
    assert len(msgs) == 4, text
    assert f"child.yaml:{line_of(child, 'sections: [alfa, delta]')}: remove.sections: 'delta'" in text
    assert f"child.yaml:{line_of(child, 'figures: [belopp_x]')}: remove.figures: 'belopp_x'" in text
    assert f"child.yaml:{line_of(child, 'after: epsilon')}: after: 'epsilon'" in text
    assert f"child.yaml:{line_of(child, 'before: gama')}: before: 'gama'" in text and "did you mean 'gamma'" in text


def test_removing_what_is_still_used_is_reported_at_the_remove(root: Path, tmp_path: Path) -> None:
    child = write(tmp_path / "child.yaml", """
        extends: root
        remove:
          figures: [belopp_b]
    """)
    msgs = problems_of(child)
    assert len(msgs) == 1, msgs
    assert msgs[0].endswith(f"child.yaml:{line_of(child, 'belopp_b')}: 'belopp_b' is removed here but 'regel' still "
                            "refers to it; remove or change 'regel' too")


def test_duplicate_id_in_child_and_remove_without_extends(root: Path, tmp_path: Path) -> None:
    child = write(tmp_path / "child.yaml", """
        extends: root
        sections:
          - {id: ny, title: Ny}
          - {id: ny, title: Ny igen}
    """)
    assert any("child.yaml:4:" in m and "'ny' is used twice (first on line 3)" in m for m in problems_of(child))
    lone = write(tmp_path / "lone.yaml", "title: X\nremove: {sections: [a]}\n")
    assert any("lone.yaml:2:" in m and "extends" in m for m in problems_of(lone))


def test_duplicate_with_inherited_sub_part_names_both_files(root: Path, tmp_path: Path) -> None:
    child = write(tmp_path / "child.yaml", """
        extends: root
        sections:
          - {id: beta-ett, title: Dubblett}
    """)
    msgs = problems_of(child)
    assert any("child.yaml:3:" in m and "root.yaml:" in m for m in msgs), msgs


def test_2018_extends_2017_with_optional_agenda_2030() -> None:
    c = load_conditions("2018")
    assert c.chain == ["2017", "2018"]
    agenda = c.section("agenda-2030")
    assert agenda is not None and agenda.required is False and agenda.file.endswith("2018.yaml")
    assert str(c.due) == "2019-02-28" and c.due_text == "per sista februari"
    assert c.issuer == "Näringsdepartementet" and c.diarienummer == "" and c.decision_date is None
    old = load_conditions("2017")
    assert [s.id for s in c.sections][:-1] == [s.id for s in old.sections]


def test_optional_part_through_inheritance_is_omitted_not_missing(example_copy: Path) -> None:
    r = run("check", example_copy, "--conditions", "2018", "--format", "json")
    assert r.code == 0, r
    import json

    data = json.loads(r.out)
    agenda = next(s for s in data["sections"] if s["id"] == "agenda-2030")
    assert agenda["status"] == "omitted" and data["counts"]["error"] == 0
    # present, it is checked: an empty optional part is an error
    text = example_copy.read_text() + "\n## Arbetet med Agenda 2030\n\nTODO\n"
    example_copy.write_text(text)
    r = run("check", example_copy, "--conditions", "2018", "--format", "json")
    assert r.code == 1 and any(p["code"] == "section-placeholder" and p["section"] == "agenda-2030"
                               for p in json.loads(r.out)["problems"])


def test_validate_all_bundled_and_invalid_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = run("conditions", "validate")
    assert r.code == 0, r
    bundled = sorted((PROJECT_ROOT / "conditions").glob("*.yaml"))
    assert all(f"conditions/{p.name}: giltigt" in r.out for p in bundled), r
    assert "conditions/2017.yaml" in r.out and "conditions/2018.yaml" in r.out and "conditions/2023.yaml" in r.out
    write(tmp_path / "trasig.yaml", """
        extends: "2017"
        sections:
          - id: ny
            titel: Fel nyckel
        remove: {sections: [finns-inte]}
    """)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(tmp_path))
    r = run("conditions", "validate")
    assert_clean_error(r, "trasig.yaml:4:", "titel", f"{len(bundled)} giltiga, 1 ogiltig")


def test_cache_notices_a_changed_parent(tmp_path: Path) -> None:
    import os

    parent = write(tmp_path / "p.yaml", "title: P\nsections: [{id: a, title: A}]\n")
    child = write(tmp_path / "c.yaml", "extends: p\n")
    assert [s.id for s in load_conditions(str(child)).sections] == ["a"]
    write(parent, "title: P\nsections: [{id: b, title: B}]\n")
    st = parent.stat()
    os.utime(parent, (st.st_atime, st.st_mtime + 5))
    assert [s.id for s in load_conditions(str(child)).sections] == ["b"]


def test_placement_problems_in_a_file_without_extends(tmp_path: Path) -> None:
    path = write(tmp_path / "p.yaml", """
        title: X
        sections:
          - id: a
            title: A
            after: b
          - {id: c, title: C, after: c}
          - {id: d, title: D, after: a, before: c}
    """)
    msgs = problems_of(path)
    assert len(msgs) == 3, msgs
    assert any(m.endswith("p.yaml:5: after: 'b' is not at the same level, so 'a' cannot be placed there") for m in msgs)
    assert any(m.endswith("p.yaml:6: after: 'c' cannot be placed relative to itself") for m in msgs)
    assert any("p.yaml:7:" in m and "both after and before" in m for m in msgs)
