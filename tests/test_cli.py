"""The command line: exit codes, first lines, formats, outputs and bad input."""

import json
from pathlib import Path

import pytest
from helpers import EXAMPLE, INCOMPLETE, assert_clean_error, run, write


def test_check_complete_first_line_and_exit_0():
    r = run("check", EXAMPLE)
    assert r.code == 0
    assert r.first_line.startswith(f"{EXAMPLE} – villkorsbeslut 2017")


def test_check_incomplete_exit_1_and_verdict(wide_terminal: None):
    r = run("check", INCOMPLETE)
    assert r.code == 1
    assert r.out.rstrip().splitlines()[-1].startswith("Ofullständig:")


def test_json_contract():
    r = run("check", INCOMPLETE, "--format", "json")
    assert r.code == 1
    data = json.loads(r.out)
    assert data["schema_version"] == 1
    assert data["conditions"] == "2017"
    assert data["file"] == str(INCOMPLETE)
    assert data["complete"] is False
    assert 0 < data["coverage"] < 1
    for s in data["sections"]:
        assert set(s) >= {"id", "title", "status", "line", "words", "reference", "problems"}
        assert s["status"] in {"ok", "missing", "incomplete", "omitted"}
    for f in data["figures"]:
        assert set(f) >= {"id", "label", "value", "status"}
    for p in data["problems"]:
        assert set(p) >= {"code", "severity", "message", "file", "line", "section"}
    missing = [p for p in data["problems"] if p["code"] == "section-missing"]
    assert {p["section"] for p in missing} == {"larande-uppfoljning", "klimat-miljo"}
    by_id = {s["id"]: s for s in data["sections"]}
    assert by_id["klimat-miljo"]["status"] == "missing"
    assert by_id["digitalisering"]["status"] == "incomplete"
    assert [p["code"] for p in by_id["digitalisering"]["problems"]] == ["section-too-short", "section-placeholder"]
    figures = {f["id"]: f for f in data["figures"]}
    assert figures["projektstod_utbetalt"]["value"] == 88000000
    assert figures["foretagsstod_beviljat_eu"]["status"] == "missing"


def test_json_for_several_drafts(tmp_path: Path):
    bad = write(tmp_path / "bad.md", "no front matter\n")
    r = run("check", EXAMPLE, INCOMPLETE, bad, "--format", "json")
    assert r.code == 2
    data = json.loads(r.out)
    assert [rep["complete"] for rep in data["reports"]] == [True, False]
    assert data["failed"][0]["file"] == str(bad) and data["failed"][0]["line"] == 1


def test_several_drafts_text_ends_with_totals():
    r = run("check", EXAMPLE, INCOMPLETE)
    assert r.code == 1
    assert r.out.rstrip().splitlines()[-1] == "2 utkast: 1 komplett, 1 ofullständigt, 0 kunde inte kontrolleras."


@pytest.mark.parametrize("fmt, marker", [("md", "# Kontroll av återrapportering – Region Norrbotten"), ("html", "<!DOCTYPE html>")])
def test_summary_formats_written_whole(tmp_path: Path, fmt: str, marker: str):
    out = tmp_path / "sub" / f"kontroll.{fmt}"
    r = run("check", INCOMPLETE, "--format", fmt, "--output", out)
    assert r.code == 1
    text = out.read_text(encoding="utf-8")
    assert text.startswith(marker)
    assert "Klimat- och miljöarbetet" in text
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left behind


def test_output_that_is_an_input_is_refused(example_copy: Path):
    before = example_copy.read_bytes()
    r = run("check", example_copy, "--output", example_copy)
    assert_clean_error(r, "samma som en indatafil")
    assert example_copy.read_bytes() == before


def test_conditions_option_overrides_and_unknown_id(example_copy: Path):
    assert run("check", example_copy, "--conditions", "2017").code == 0
    r = run("check", example_copy, "--conditions", "1999")
    assert_clean_error(r, "okänt villkorsbeslut '1999'")


def test_unknown_conditions_in_draft_names_file_and_line(tmp_path: Path, example_copy: Path):
    text = example_copy.read_text(encoding="utf-8").replace('conditions: "2017"', 'conditions: "20177"')
    p = write(tmp_path / "u.md", text)
    r = run("check", p)
    assert_clean_error(r, f"{p}:2: okänt villkorsbeslut '20177' – menade du '2017'?")


def test_malformed_front_matter(tmp_path: Path):
    p = write(tmp_path / "u.md", '---\nconditions: "2017"\nregion: [Norrbotten\n---\n## Rubrik\n')
    r = run("check", p)
    assert_clean_error(r, f"{p}:", "ogiltig YAML")
    assert r.err.count("\n") == 1  # one clear message


def test_front_matter_unknown_key_and_wrong_type(tmp_path: Path):
    p = write(tmp_path / "u.md", '---\nconditions: "2017"\nregion: 12\nkontaktpreson: Anna\n---\n')
    r = run("check", p)
    assert_clean_error(r, f"{p}:3: region: fel typ", f"{p}:4: kontaktpreson: okänt fält i front matter – menade du 'kontaktperson'?")


def test_not_utf8_gives_exit_2_with_line(tmp_path: Path):
    p = tmp_path / "u.md"
    p.write_bytes('---\nconditions: "2017"\nregion: Jämtland\n---\n'.encode("cp1252"))
    assert_clean_error(run("check", p), f"{p}:3: filen verkar vara kodad som Windows-1252")


def test_missing_file_and_directory(tmp_path: Path):
    assert_clean_error(run("check", tmp_path / "finns-inte.md"), "finns-inte.md: filen finns inte")
    assert_clean_error(run("check", tmp_path), "är en mapp")


def test_usage_errors_exit_2():
    assert run("check").code == 2
    assert run("check", EXAMPLE, "--format", "pdf").code == 2
    assert run("nosuchcommand").code == 2


def test_lang_from_environment(monkeypatch: pytest.MonkeyPatch, wide_terminal: None):
    monkeypatch.setenv("VILLKOR_LANG", "en")
    r = run("check", INCOMPLETE)
    assert r.out.rstrip().splitlines()[-1].startswith("Incomplete:")


def test_crlf_bom_and_word_paste_just_work(tmp_path: Path):
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("## 2. Jämställd regional tillväxt", "## 2.\u00a0Jämställd regional tillväxt")
    text = text.replace("Regionen har under året arbetat", "Regionen har under året \u201darbetat\u201d")
    p = tmp_path / "word.md"
    p.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    r = run("check", p)
    assert r.code == 0, r


def test_internal_errors_are_not_tracebacks(monkeypatch: pytest.MonkeyPatch):
    import toolkit.checking.checker as checker

    def boom(*a, **k):
        raise RuntimeError("oväntat")

    monkeypatch.setattr(checker, "check_file", boom)
    r = run("check", "--no-cache", EXAMPLE)  # a result kept from an earlier test would not call it
    assert_clean_error(r, "internt fel (RuntimeError: oväntat)")


def test_python_dash_m_works():
    import subprocess
    import sys

    from helpers import PROJECT_ROOT

    p = subprocess.run([sys.executable, "-m", "toolkit", "check", str(EXAMPLE)], capture_output=True, text=True,
                       cwd=PROJECT_ROOT, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "Komplett" in p.stdout


def test_output_dash_is_standard_output(tmp_path: Path):
    r = run("render", EXAMPLE, "--output", "-", cwd=tmp_path)
    assert r.code == 0 and r.out.startswith("---\nconditions:")
    assert list(tmp_path.iterdir()) == []


def test_text_output_shows_bracketed_placeholders(tmp_path: Path, example_copy: Path):
    text = example_copy.read_text(encoding="utf-8").replace("lärorikt för politiker", "lärorikt [text kommer] för politiker")
    r = run("check", write(tmp_path / "u.md", text))
    assert r.code == 1
    assert "”[text kommer]”" in r.out


def test_help_and_usage_errors_in_swedish_and_english():
    r = run("--help")
    assert r.code == 0 and r.out.startswith("Användning: villkor") and "\nFlaggor:\n" in r.out and "\nKommandon:\n" in r.out
    r = run("check")
    assert r.code == 2
    assert r.err.startswith("Användning: villkor check") and "Skriv 'villkor check --help' för hjälp." in r.err
    assert "\nFel: " in r.err
    r = run("check", "--lang", "en", "--help")
    assert r.out.startswith("Usage: villkor check") and "Show this message and exit." in r.out


def test_output_errors_are_said_in_the_users_words(tmp_path: Path):
    import os

    assert run("render", EXAMPLE, "--output", tmp_path / "ny" / "mapp" / "x.md").code == 0  # folders are made
    (tmp_path / "fil.txt").write_text("x", encoding="utf-8")
    r = run("render", EXAMPLE, "--output", tmp_path / "fil.txt" / "x.html")
    assert_clean_error(r, "en del av sökvägen är en fil, inte en mapp")
    fifo = tmp_path / "rör"
    os.mkfifo(fifo)
    assert_clean_error(run("render", EXAMPLE, "--output", fifo), "inte en vanlig fil")
    assert not fifo.is_file()


def test_lang_with_equals_sign():
    r = run("render", "finns-inte.md", "--lang=en")
    assert_clean_error(r, "finns-inte.md: no such file")


def test_type_errors_name_the_type_in_words(tmp_path: Path):
    p = write(tmp_path / "u.md", '---\nconditions: "2017"\nregion: R\nfigures: [1]\n---\n')
    assert_clean_error(run("check", p), f"{p}:4: figures: fel typ, ska vara nycklar med värden (är '[1]')")


COMMANDS = [[], ["check"], ["render"], ["conditions"], ["conditions", "list"], ["conditions", "show"],
            ["conditions", "validate"], ["conditions", "diff"], ["new"], ["summary"], ["memo"], ["convert"]]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: "-".join(p) or "villkor")
def test_every_command_has_help_in_both_languages(path: list[str], monkeypatch: pytest.MonkeyPatch):
    from toolkit.messages import CATALOGUE

    key = "help-" + "-".join(path)
    assert key in CATALOGUE
    sv = run(*path, "--help")
    monkeypatch.setenv("VILLKOR_LANG", "en")
    en = run(*path, "--help")
    assert sv.code == en.code == 0
    first_sv = CATALOGUE[key]["sv"].split("\n")[0][:40]
    first_en = CATALOGUE[key]["en"].split("\n")[0][:40]
    assert first_sv.split()[0] in sv.out and first_en.split()[0] in en.out
    assert "Användning:" in sv.out and "Usage:" in en.out
