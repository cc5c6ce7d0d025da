"""The bad-input corpus: every case gets exit 2 with a message naming file and
line (or exit 1 when the draft is merely incomplete, or 0 when it just works),
never a traceback, and never an output file when the run cannot go on.

The cases are the files in ``tests/bad_inputs/``; ``expected.json`` says what
each must give. Cases too big to commit (an oversize file) are made here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import assert_clean_error, run

from toolkit.read import files as inputs

CORPUS = Path(__file__).parent / "bad_inputs"
EXPECTED: dict[str, dict] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def test_corpus_is_large_and_complete():
    files = {p.name for p in CORPUS.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)
    assert len(EXPECTED) >= 100


def _copy(name: str, tmp_path: Path) -> Path:
    # a copy, so the name in messages is predictable and the corpus is never touched
    return Path(shutil.copy(CORPUS / name, tmp_path / name))


def _assert_case(result, path: Path, case: dict) -> None:
    assert "Traceback" not in result.out + result.err
    assert result.code == case["code"], f"{path.name}: {result}"
    text = result.out + result.err
    if case["code"] == 2:
        where = f"{path}:{case['line']}:" if case["line"] else f"{path}"
        assert where in result.err, f"{path.name}: {where!r} not in {result.err!r}"
    if case["contains"]:  # words, whatever the line breaks of the text output
        assert " ".join(case["contains"].split()) in " ".join(text.split()), f"{path.name}: {case['contains']!r} not in {text[:2000]!r}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check(name: str, tmp_path: Path, wide_terminal: None):
    path = _copy(name, tmp_path)
    _assert_case(run("check", path), path, EXPECTED[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_render_writes_nothing_unless_complete(name: str, tmp_path: Path):
    path = _copy(name, tmp_path)
    out = tmp_path / "ut" / "rapport.html"
    result = run("render", path, "--format", "html", "--output", out)
    case = EXPECTED[name]
    assert "Traceback" not in result.out + result.err
    assert result.code == case["code"], f"{name}: {result}"
    assert out.exists() == (case["code"] == 0)
    leftovers = [p.name for p in out.parent.iterdir()] if out.parent.exists() else []
    assert leftovers == ([out.name] if case["code"] == 0 else [])
    before = (CORPUS / name).read_bytes()
    assert path.read_bytes() == before  # inputs are never modified


def test_oversize_file(tmp_path: Path):
    big = tmp_path / "stor.md"
    with big.open("wb") as fh:
        fh.write(b"---\nconditions: \"2017\"\nregion: X\n---\n")
        fh.truncate(inputs.MAX_BYTES + 1)
    r = run("check", big)
    assert_clean_error(r, f"{big}: filen är för stor", "gränsen är 10 MB")


def test_directory_and_missing_path(tmp_path: Path):
    assert_clean_error(run("check", tmp_path), f"{tmp_path}: är en mapp")
    assert_clean_error(run("render", tmp_path / "nej.md"), f"{tmp_path / 'nej.md'}: filen finns inte")


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("title: [x\n", 2, "ogiltig YAML"),
        ("title: X\ntitle: Y\n", 2, "två gånger"),
        ("title: X\nsecions: []\n", 2, "menade du 'sections'"),
        ("title: X\nyear: tjugo\n", 2, "fel typ"),
        ("- a\n- b\n", 1, "YAML-mappning"),
        ("title: X\nsections:\n  - title: Utan id\n", 3, "obligatoriskt"),
        ("title: X\nsections:\n  - id: Stora\n    title: S\n", 3, "fel form"),
        ("title: X\nsections:\n  - id: a\n    title: A\n  - id: a\n    title: B\n", 5, "två gånger"),
        ("title: X\nsections:\n  - id: a\n    title: A\nfigures:\n  - id: f\n    section: b\n", 6, "som inte finns"),
        ("title: X\nsections:\n  - {id: a, title: A}\nfigures:\n  - {id: f, label: F}\nrules:\n  - {id: r, total: f, parts: [g]}\n", 7, "som inte finns"),
        ("title: X\nfigures:\n  - {id: f, label: F, unit: euro}\n", 3, "inte tillåtet"),
        ("title: X\nsections:\n  - {id: a, title: A, min_words: -1}\n", 3, "mindre än 0"),
        ("title: X\nrules:\n  - {id: r, total: f, parts: [], tolerance_percent: 200}\n", 3, ""),
        ("title: X\nsections: inga\n", 2, "fel typ"),
        ("title: X\nsections:\n  - {id: a, title: A, parts: ja}\n", 3, "fel typ"),
        ("title: X\nsections:\n  - {id: a, title: A, aliases: ['']}\n", 3, "tomt"),
        ("title: X\n\tyear: 2017\n", 2, "ogiltig YAML"),
        ("", 1, "YAML-mappning"),
    ],
)
def test_bad_conditions_files(tmp_path: Path, example_copy: Path, text: str, line: int, fragment: str):
    cond = tmp_path / "beslut.yaml"
    cond.write_text(text, encoding="utf-8")
    r = run("check", example_copy, "--conditions", cond)
    assert_clean_error(r, f"{cond}:{line}:", fragment)


def test_conditions_file_in_utf16(tmp_path: Path, example_copy: Path):
    cond = tmp_path / "beslut.yaml"
    cond.write_bytes("title: Ö\n".encode("utf-16"))
    assert_clean_error(run("check", example_copy, "--conditions", cond), f"{cond}:1: filen är kodad som UTF-16")


@pytest.mark.parametrize("target", ["../elsewhere/2017.yaml", "/tmp/villkor-outside/2017.yaml"])
def test_extends_cannot_reach_outside(tmp_path: Path, example_copy: Path, target: str):
    outside = tmp_path / "elsewhere" if target.startswith("..") else Path("/tmp/villkor-outside")
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "2017.yaml").write_text("title: Utanför\nsections:\n  - {id: a, title: A, point: P, guidance: G}\n", encoding="utf-8")
    folder = tmp_path / "beslut"
    folder.mkdir()
    cond = folder / "2019.yaml"
    cond.write_text(f"extends: {target}\ntitle: X\n", encoding="utf-8")
    r = run("check", example_copy, "--conditions", cond)
    assert_clean_error(r, f"{cond}:1:", "utanför beslutets mapp")


def test_extends_itself(tmp_path: Path, example_copy: Path):
    cond = tmp_path / "2019.yaml"
    cond.write_text('extends: "2019"\ntitle: X\n', encoding="utf-8")
    assert_clean_error(run("check", example_copy, "--conditions", cond), f"{cond}:1:", "2019 → 2019")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_summary(name: str, tmp_path: Path):
    path = _copy(name, tmp_path)
    case = EXPECTED[name]
    out = tmp_path / "ut" / "sammanstallning.html"
    result = run("summary", path, "--format", "html", "--output", out)
    assert "Traceback" not in result.out + result.err
    assert result.code == case["code"], f"{name}: {result}"
    if case["code"] == 2:
        where = f"{path}:{case['line']}:" if case["line"] else str(path)
        assert where in result.out + result.err
        assert not out.exists()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_memo_and_new_from(name: str, tmp_path: Path):
    path = _copy(name, tmp_path)
    case = EXPECTED[name]
    memo = tmp_path / "ut" / "memo.md"
    r = run("memo", path, "--output", memo)
    assert "Traceback" not in r.out + r.err
    assert r.code == case["code"], f"{name}: {r}"
    assert memo.exists() == (case["code"] == 0)
    new = tmp_path / "ut" / "nytt.md"
    r = run("new", "--conditions", "2018", "--region", "Region Test", "--from", path, "--output", new)
    assert "Traceback" not in r.out + r.err
    assert r.code == (2 if case["code"] == 2 else 0), f"{name}: {r}"
    assert new.exists() == (case["code"] != 2)
    if case["code"] == 2:
        where = f"{path}:{case['line']}:" if case["line"] else str(path)
        assert where in r.err


def test_a_fifo_is_refused_not_waited_for(tmp_path: Path):
    import os

    fifo = tmp_path / "rör.md"
    os.mkfifo(fifo)
    assert_clean_error(run("check", fifo), f"{fifo}: är inte en vanlig fil")


@pytest.mark.parametrize("command", [["check", "--format", "json"], ["render"], ["memo"]])
def test_output_never_overwrites_the_decision_read(tmp_path: Path, example_copy: Path, command: list[str]):
    cond = tmp_path / "2017.yaml"
    shutil.copy(Path(__file__).parent.parent / "conditions" / "2017.yaml", cond)
    before = cond.read_bytes()
    r = run(command[0], example_copy, *command[1:], "--conditions", cond, "--output", cond)
    assert_clean_error(r, "samma som en indatafil")
    assert cond.read_bytes() == before


def test_a_decision_with_a_mapping_for_a_list(tmp_path: Path):
    cond = tmp_path / "x.yaml"
    cond.write_text("title: X\nsections: {a: 1}\n", encoding="utf-8")
    assert_clean_error(run("conditions", "validate", cond), f"{cond}:2: sections: fel typ")
