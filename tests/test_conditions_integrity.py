"""`conditions validate` refuses decisions that can never check correctly:
a sum rule whose total is one of its parts, a rule that adds figures of
different units, two sections a heading cannot tell apart, and a title or
alias with nothing left to match once punctuation and numbering go."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PROJECT_ROOT, run, write

BASE = """
title: Test
sections:
  - id: a
    title: Avsnitt A
    point: P
    aliases: [Första avsnittet]
  - id: b
    title: Avsnitt B
    point: P
figures:
  - {id: total, label: Totalt}
  - {id: del1, label: Del ett}
  - {id: del2, label: Del två}
  - {id: andel, label: Andel, unit: procent}
rules:
  - id: summa
    total: total
    parts: [del1, del2]
"""


def _validate(tmp_path: Path, text: str) -> tuple[int, str, Path]:
    path = write(tmp_path / "beslut.yaml", text)
    r = run("conditions", "validate", path)
    assert "Traceback" not in r.out + r.err
    return r.code, r.out + r.err, path


def _line(text: str, needle: str) -> int:
    return text.lstrip("\n")[: text.lstrip("\n").index(needle)].count("\n") + 1


def test_the_base_is_valid(tmp_path: Path):
    code, out, _ = _validate(tmp_path, BASE)
    assert code == 0, out


def test_a_total_among_its_parts(tmp_path: Path):
    text = BASE.replace("parts: [del1, del2]", "parts: [total, del1, del2]")
    code, out, path = _validate(tmp_path, text)
    assert code == 2
    assert f"{path}:{_line(text, '- id: summa')}:" in out
    assert "'summa'" in out and "'total'" in out


def test_a_rule_that_mixes_units(tmp_path: Path):
    text = BASE.replace("parts: [del1, del2]", "parts: [del1, andel]")
    code, out, path = _validate(tmp_path, text)
    assert code == 2
    assert f"{path}:{_line(text, '- id: summa')}:" in out
    assert "kr" in out and "procent" in out


@pytest.mark.parametrize(("change", "at"), [
    (("title: Avsnitt B", "title: avsnitt a."), "- id: b"),               # two titles
    (("title: Avsnitt B", "title: 2. Avsnitt A"), "- id: b"),             # numbering folds away
    (("title: Avsnitt B", "title: Första avsnittet"), "- id: b"),         # a title and another's alias
    (("title: Avsnitt B\n", "title: Avsnitt B\n    aliases: ['Avsnitt  A!']\n"), "- id: b"),  # an alias and a title
])
def test_two_sections_with_the_same_name(tmp_path: Path, change: tuple[str, str], at: str):
    assert change[0] in BASE
    text = BASE.replace(*change, 1)
    code, out, path = _validate(tmp_path, text)
    assert code == 2, out
    assert f"{path}:{_line(text, at)}:" in out
    assert "'a'" in out and "'b'" in out


@pytest.mark.parametrize("name", ["(((", "—", "...", "1. ?"])
def test_a_title_with_nothing_to_match(tmp_path: Path, name: str):
    text = BASE.replace("title: Avsnitt B", f"title: '{name}'")
    code, out, path = _validate(tmp_path, text)
    assert code == 2, out
    assert f"{path}:{_line(text, '- id: b')}:" in out


def test_an_alias_with_nothing_to_match(tmp_path: Path):
    text = BASE.replace("aliases: [Första avsnittet]", "aliases: [Första avsnittet, '***']")
    code, out, path = _validate(tmp_path, text)
    assert code == 2 and f"{path}:{_line(text, '- id: a')}:" in out


def test_all_problems_at_once(tmp_path: Path):
    text = (BASE.replace("parts: [del1, del2]", "parts: [total, andel]")
            .replace("title: Avsnitt B", "title: Avsnitt A"))
    code, out, _ = _validate(tmp_path, text)
    assert code == 2 and len([line for line in out.splitlines() if "beslut.yaml:" in line]) == 3


def test_a_draft_against_such_a_decision_cannot_be_checked(tmp_path: Path):
    decision = write(tmp_path / "beslut.yaml", BASE.replace("title: Avsnitt B", "title: Avsnitt A"))
    draft = write(tmp_path / "u.md", "---\nconditions: x\nregion: R\n---\n## Avsnitt A\n\nText.\n")
    r = run("check", draft, "--conditions", decision)
    assert r.code == 2 and "Traceback" not in r.err


def test_the_bundled_decisions_stay_valid():
    r = run("conditions", "validate", *sorted((PROJECT_ROOT / "conditions").glob("*.yaml")))
    assert r.code == 0, r
