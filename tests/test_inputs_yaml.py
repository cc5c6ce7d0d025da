"""Reading files and YAML: encodings, limits, lines, duplicate keys, bombs."""

from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.read import files as inputs
from toolkit.read.files import read_text
from toolkit.read.yamldoc import load_yaml


def keys(exc: InputError) -> list[str]:
    return [p.key for p in exc.problems]


def test_bom_and_crlf_are_read_as_plain_text(tmp_path: Path):
    p = tmp_path / "a.md"
    p.write_bytes(b"\xef\xbb\xbf---\r\nregion: X\r\n---\r\ntext\r\n")
    assert read_text(p) == "---\nregion: X\n---\ntext\n"


@pytest.mark.parametrize(
    "data, key",
    [
        ("å".encode("utf-16"), "input-utf16"),
        ("---\nregion: Västerbotten\n".encode("utf-16-le"), "input-utf16"),
        ("---\nregion: Västerbotten\n".encode("cp1252"), "input-cp1252"),
        (b"---\nx\x00y\n", "input-binary"),
        (b"PK\x03\x04rest", "input-zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "input-ole"),
        (b"\x81\x8d\x8f\x90\x9d", "input-not-utf8"),
    ],
)
def test_non_text_is_refused_by_name(tmp_path: Path, data: bytes, key: str):
    p = tmp_path / "x.md"
    p.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_text(p)
    assert keys(exc.value) == [key]
    assert exc.value.problems[0].file == str(p)


def test_cp1252_error_names_the_line(tmp_path: Path):
    p = tmp_path / "x.md"
    p.write_bytes("---\nregion: X\ntext: Jämtland\n".encode("cp1252"))
    with pytest.raises(InputError) as exc:
        read_text(p)
    assert exc.value.problems[0].line == 3
    assert "Windows-1252" in exc.value.format("sv")


def test_missing_directory_and_oversize(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(InputError) as exc:
        read_text(tmp_path / "nope.md")
    assert keys(exc.value) == ["input-missing"]
    with pytest.raises(InputError) as exc:
        read_text(tmp_path)
    assert keys(exc.value) == ["input-is-directory"]
    big = tmp_path / "big.md"
    big.write_text("x" * 2048)
    with pytest.raises(InputError) as exc:
        read_text(big, max_bytes=1024)
    assert keys(exc.value) == ["input-too-large"]
    assert inputs.MAX_BYTES >= 1024 * 1024


def test_every_value_keeps_its_line():
    doc = load_yaml("a: 1\nb:\n  c: [1, 2]\n  d:\n    - x: 1\n", "f.yaml", line_offset=10)
    assert doc.data == {"a": 1, "b": {"c": [1, 2], "d": [{"x": 1}]}}
    assert doc.line(("a",)) == 11
    assert doc.line(("b", "c")) == 13
    assert doc.line(("b", "d", 0, "x")) == 15
    assert doc.line(("b", "nope")) == 12  # nearest ancestor


def test_duplicate_keys_are_all_reported():
    with pytest.raises(InputError) as exc:
        load_yaml("a: 1\nb: 2\na: 3\nb: 4\n", "f.yaml")
    assert [(p.key, p.line, p.params["first"]) for p in exc.value.problems] == [
        ("yaml-duplicate-key", 3, 1),
        ("yaml-duplicate-key", 4, 2),
    ]


def test_syntax_error_names_the_line():
    with pytest.raises(InputError) as exc:
        load_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yaml", line_offset=1)
    p = exc.value.problems[0]
    assert p.key == "yaml-p-flow-seq" and p.line is not None and p.line >= 3
    assert p.params["start"] == 3  # where the list was opened
    assert "listan som börjar på rad 3" in exc.value.format("sv")


def test_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for name in "bcdefghij":
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        prev = name
    with pytest.raises(InputError) as exc:
        load_yaml(bomb, "bomb.yaml")
    assert keys(exc.value) == ["yaml-too-many-nodes"]


def test_deep_nesting_is_refused():
    deep = "a: " + "[" * 200 + "]" * 200 + "\n"
    with pytest.raises(InputError) as exc:
        load_yaml(deep, "deep.yaml")
    assert keys(exc.value) == ["yaml-too-deep"]


def test_tags_are_not_executed():
    with pytest.raises(InputError) as exc:
        load_yaml("a: !!python/object/apply:os.system ['echo hi']\n", "t.yaml")
    assert keys(exc.value) == ["yaml-tag"]
