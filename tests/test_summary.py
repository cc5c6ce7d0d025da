"""villkor summary: verdicts, the matrix per decision, findings by kind, exit codes."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

import pytest
from helpers import EXAMPLE, INCOMPLETE, PROJECT_ROOT, REPORTS, assert_clean_error, run, write

from toolkit.outputs.summary import summarise


def _json(*args: object) -> dict:
    r = run("summary", *args, "--format", "json")
    assert r.code in (0, 1), r
    return json.loads(r.out)


def test_every_incomplete_cell_leads_to_a_finding_with_file_and_line():
    data = _json(REPORTS)
    assert data["schema_version"] == 1
    findings = data["findings"]
    bad_cells = 0
    for report in data["reports"]:
        for part, cell in report["parts"].items():
            if cell["status"] in ("missing", "incomplete"):
                bad_cells += 1
                assert cell["findings"], (report["file"], part)
                first = findings[cell["findings"][0]]
                assert first["file"] == report["file"]
                assert first["line"] == cell["line"] and isinstance(first["line"], int)
                assert first["severity"] == "error"
            if cell["status"] == "ok":
                assert cell["findings"] == []
    assert bad_cells >= 10


def test_examples_give_a_real_matrix():
    data = _json(REPORTS)
    by_file = {Path(r["file"]).name: r for r in data["reports"]}
    assert len({r["region"] for r in data["reports"]}) >= 8
    assert by_file["norrbotten-2017.md"]["status"] == "complete"
    assert by_file["norrbotten-2017-ofullstandig.md"]["status"] == "incomplete"
    assert by_file["norrbotten-2017-ofullstandig.md"]["parts"]["klimat-miljo"] == {
        "status": "missing", "line": 51, "findings": by_file["norrbotten-2017-ofullstandig.md"]["parts"]["klimat-miljo"]["findings"]}
    jamtland = by_file["jamtland-harjedalen-2017.md"]["parts"]
    assert jamtland["foretagsstod_beviljat"]["status"] == "incomplete"
    assert data["findings"][jamtland["foretagsstod_beviljat"]["findings"][0]]["code"] == "figure-inconsistent"
    assert data["totals"]["complete"] + data["totals"]["incomplete"] == len(data["reports"])
    assert data["totals"]["complete"] >= 3 and data["totals"]["incomplete"] >= 3


def test_findings_grouped_by_kind_and_advisory_apart():
    data = _json(REPORTS)
    errors = {g["code"]: g for g in data["groups"]["errors"]}
    advisory = {g["code"]: g for g in data["groups"]["advisory"]}
    assert {"section-missing", "figure-missing", "section-too-short"} <= set(errors)
    assert "section-order" in advisory and "section-order" not in errors
    for g in data["groups"]["errors"]:
        assert g["count"] == len(g["findings"])
        assert all(data["findings"][n]["code"] == g["code"] and data["findings"][n]["severity"] == "error" for n in g["findings"])
    counts = [g["count"] for g in data["groups"]["errors"]]
    assert counts == sorted(counts, reverse=True)


def test_part_coverage_counts_reports_where_the_part_is_ok():
    data = _json(EXAMPLE, INCOMPLETE)
    (matrix,) = data["matrices"]
    parts = {p["id"]: p for p in matrix["parts"]}
    assert parts["klimat-miljo"]["ok"] == 1 and parts["klimat-miljo"]["counted"] == 2
    assert parts["jamstalld-tillvaxt"]["coverage"] == 1.0
    assert [r["coverage"] for r in data["reports"]] == [1.0, 0.5]


def test_text_shows_matrix_cells_with_lines_and_a_total(wide_terminal: None):
    r = run("summary", EXAMPLE, INCOMPLETE)
    assert r.code == 1, r
    row = next(line for line in r.out.splitlines() if line.startswith(str(INCOMPLETE)) and "✗" in line)
    assert "✗ 51" in row and "! 29" in row
    assert f"{INCOMPLETE}:51" in r.out
    assert r.out.rstrip().splitlines()[-1].startswith("2 utkast: 1 komplett, 1 ofullständigt")


def test_text_shows_first_places_and_all_with_flag(tmp_path):
    for n in range(5):
        shutil.copy(INCOMPLETE, tmp_path / f"u{n}.md")
    short = run("summary", tmp_path)
    assert "… och 2 till" in short.out
    assert short.out.count("figures.foretagsstod_beviljat_eu") == 3
    full = run("summary", tmp_path, "--all")
    assert "… och" not in full.out
    assert full.out.count("figures.foretagsstod_beviljat_eu") == 5


def test_all_complete_exits_0(tmp_path):
    shutil.copy(EXAMPLE, tmp_path / "a.md")
    r = run("summary", tmp_path)
    assert r.code == 0, r


def test_folder_skips_non_drafts_and_lists_broken_drafts(tmp_path):
    shutil.copy(EXAMPLE, tmp_path / "ok.md")
    write(tmp_path / "README.md", "# Mappen med utkast\n")
    write(tmp_path / "sub" / "trasig.md", "---\nconditions: '2017'\nregion: [oj\n---\n")
    write(tmp_path / ".hidden" / "x.md", "# not looked at\n")
    data = json.loads(run("summary", tmp_path, "--format", "json").out)
    assert [Path(s["file"]).name for s in data["skipped"]] == ["README.md"]
    assert [Path(f["file"]).name for f in data["failed"]] == ["trasig.md"]
    assert isinstance(data["failed"][0]["line"], int)
    r = run("summary", ".", cwd=tmp_path)  # short paths: a long temporary folder would wrap in the table
    assert r.code == 1, r  # one report could not be checked
    assert f"trasig.md:{data['failed'][0]['line']}" in r.out and "Kunde inte kontrolleras" in r.out
    assert "README.md" in r.out and "saknar front matter" in r.out


def test_nothing_checkable_exits_2(tmp_path):
    write(tmp_path / "README.md", "# bara en README\n")
    r = run("summary", tmp_path)
    assert r.code == 2, r
    (tmp_path / "README.md").unlink()
    assert_clean_error(run("summary", tmp_path), "inga utkast hittades")
    assert_clean_error(run("summary", tmp_path / "finns-inte.md"), "finns-inte.md", "filen finns inte")
    assert_clean_error(run("summary", EXAMPLE, "--format", "pdf"), "pdf")


def test_one_matrix_per_decision(tmp_path, monkeypatch):
    decisions = tmp_path / "beslut"
    decisions.mkdir()
    text = (PROJECT_ROOT / "conditions" / "2017.yaml").read_text(encoding="utf-8")
    text = text.replace("budgetåret 2017", "budgetåret 2099").replace("year: 2017", "year: 2099")
    text = text.replace("attachments: []", "attachments: []\n").replace(
        "  - id: anslagets-anvandning",
        "  - id: framtiden\n    title: Framtidens arbete\n    required: false\n    min_words: 5\n\n  - id: anslagets-anvandning", 1)
    (decisions / "2099.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(decisions))
    later = tmp_path / "utkast" / "senare.md"
    later.parent.mkdir()
    later.write_text(EXAMPLE.read_text(encoding="utf-8").replace('conditions: "2017"', 'conditions: "2099"'), encoding="utf-8")
    data = _json(EXAMPLE, later)
    assert [m["conditions"] for m in data["matrices"]] == ["2017", "2099"]
    assert [m["reports"] for m in data["matrices"]] == [[0], [1]]
    later_parts = {p["id"]: p for p in data["matrices"][1]["parts"]}
    assert later_parts["framtiden"]["required"] is False and later_parts["framtiden"]["counted"] == 0
    assert data["reports"][1]["parts"]["framtiden"]["status"] == "omitted"
    assert "framtiden" not in data["reports"][0]["parts"]
    assert data["reports"][1]["year"] == 2099
    r = run("summary", EXAMPLE, later)
    assert r.out.count("Delar per rapport – villkorsbeslut") == 2


def test_html_writes_one_page_per_report_and_links_work(tmp_path):
    out = tmp_path / "ut" / "sammanstallning.html"
    r = run("summary", REPORTS, "--format", "html", "--output", out)
    assert r.code == 1, r
    html = out.read_text(encoding="utf-8")
    links = re.findall(r'href="(sammanstallning-files/[^"]+)"', html)
    checked = len(json.loads(run("summary", REPORTS, "--format", "json").out)["reports"])
    assert len(set(links)) == checked >= 10
    for link in set(links):
        page = out.parent / link
        assert page.is_file(), link
        assert "<h1>Kontroll av återrapportering" in page.read_text(encoding="utf-8")
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")], "staging folder left behind"
    # each incomplete cell's link points at a finding on the page
    for target in re.findall(r'href="#(f\d+)"', html):
        assert f'id="{target}"' in html


def test_html_csp_allows_exactly_its_script():
    import base64
    import hashlib

    html = run("summary", EXAMPLE, "--format", "html").out
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp
    assert f"script-src 'sha256-{digest}'" in csp
    assert html.count("<script") == 1
    assert "summary-files" not in html  # no pages when writing to standard output


def test_html_escapes_text_from_drafts(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("region: Region Norrbotten", 'region: "<img src=x onerror=alert(1)>"')
    write(tmp_path / "x.md", text)
    html = run("summary", tmp_path / "x.md", "--format", "html").out
    assert "<img" not in html and "&lt;img src=x" in html


def test_md_links_pages_and_shows_cells(tmp_path):
    out = tmp_path / "s.md"
    r = run("summary", EXAMPLE, INCOMPLETE, "--format", "md", "--output", out)
    assert r.code == 1, r
    text = out.read_text(encoding="utf-8")
    assert "](s-files/norrbotten-2017-md.md)" in text
    assert (tmp_path / "s-files" / "norrbotten-2017-ofullstandig-md.md").is_file()
    assert "✗ 51" in text
    assert f"`{INCOMPLETE}:51`" in text


def test_pages_folder_is_replaced_but_a_foreign_folder_is_refused(tmp_path):
    out = tmp_path / "s.html"
    assert run("summary", EXAMPLE, "--format", "html", "-o", out).code == 0
    assert run("summary", INCOMPLETE, "--format", "html", "-o", out).code == 1
    pages = sorted(p.name for p in (tmp_path / "s-files").iterdir())
    assert pages == [".villkor-manifest.json", "norrbotten-2017-ofullstandig-md.html"]
    write(tmp_path / "s-files" / "egen" / "anteckning.txt", "min fil")
    r = run("summary", EXAMPLE, "--format", "html", "-o", out)
    assert_clean_error(r, "s-files")
    assert (tmp_path / "s-files" / "egen" / "anteckning.txt").is_file()


def test_output_that_is_an_input_is_refused(tmp_path):
    draft = shutil.copy(EXAMPLE, tmp_path / "a.md")
    before = Path(draft).read_text(encoding="utf-8")
    assert_clean_error(run("summary", tmp_path, "--format", "md", "-o", draft), "samma som en indatafil")
    assert Path(draft).read_text(encoding="utf-8") == before


def test_english(tmp_path):
    r = run("summary", EXAMPLE, INCOMPLETE, "--lang", "en")
    assert "Parts by report" in r.out and "2 drafts: 1 complete" in r.out


def test_library_keeps_no_draft_text():
    seen = []
    s = summarise([EXAMPLE, INCOMPLETE], on_result=lambda result, row: seen.append((result.file, row.index)))
    assert seen == [(str(EXAMPLE), 0), (str(INCOMPLETE), 1)]
    assert s.exit_code == 1
    for row in s.rows:
        assert not any(hasattr(getattr(row, f.name), "lines") for f in dataclasses.fields(row))
    assert all(not hasattr(f, "draft") for f in s.findings)


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_every_format_names_file_and_line_of_a_missing_section(fmt):
    r = run("summary", INCOMPLETE, "--format", fmt)
    assert r.code == 1, r
    place = f"{INCOMPLETE}:51" if fmt != "json" else '"line": 51'
    assert place in r.out


def test_strict_makes_a_warned_report_incomplete_and_marks_its_cell():
    skane = REPORTS / "skane-2017.md"
    assert run("summary", skane).code == 0
    data = json.loads(run("summary", skane, "--strict", "--format", "json").out)
    assert data["reports"][0]["status"] == "incomplete"
    cell = data["reports"][0]["parts"]["samarbete-lansstyrelsen"]
    assert cell["status"] == "incomplete"
    assert data["findings"][cell["findings"][0]]["code"] == "section-order"
    assert run("summary", skane, "--strict").code == 1


def test_conditions_option_overrides_the_drafts_decision(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace('conditions: "2017"', 'conditions: "1999"')
    draft = write(tmp_path / "u.md", text)
    r = run("summary", draft)
    assert r.code == 2 and f"{draft}:2: okänt villkorsbeslut '1999'" in r.err
    assert run("summary", draft, "--conditions", "2017").code == 0
