"""summary --format csv and --format xlsx: tables an analyst can open and sum."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import sys

import pytest
from helpers import EXAMPLE, PROJECT_ROOT, REPORTS, assert_clean_error, run, write
from test_amounts import FULL, draft

HOSTILE = {"=HYPERLINK(\"http://x\")": "formula", "+1+2": "plus", "-3+4": "minus", "@SUM(A1)": "at"}


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    from openpyxl import load_workbook

    out = tmp_path_factory.mktemp("xlsx") / "sammanstallning.xlsx"
    r = run("summary", REPORTS, "--format", "xlsx", "--output", out)
    assert r.code == 1 and "Skrev" in r.err, r
    return load_workbook(out)


def test_xlsx_has_a_sheet_per_table_with_numbers_and_dates(workbook):
    assert workbook.sheetnames == ["Rapporter", "Delar 2017", "Delar 2018", "Delar 2023", "Belopp", "Summor", "År för år", "Brister"]
    reports = workbook["Rapporter"]
    header = [c.value for c in reports[1]]
    assert header[:5] == ["Fil", "Region", "År", "Beslut", "Omdöme"]
    assert reports.freeze_panes == "A2" and reports.auto_filter.ref.startswith("A1:")
    datum = reports.cell(row=2, column=header.index("Datum") + 1)
    assert datum.is_date and datum.value.date() == dt.date(2018, 2, 27)
    figures = workbook["Belopp"]
    head = [c.value for c in figures[1]]
    value_col = head.index("Belopp") + 1
    cells = [figures.cell(row=n, column=value_col) for n in range(2, figures.max_row + 1)]
    numbers = [c for c in cells if c.value is not None]
    assert numbers and all(c.data_type == "n" and c.number_format == '#,##0 "kr"' for c in numbers)


def test_xlsx_column_sums_to_the_total(workbook):
    figures = workbook["Belopp"]
    head = [c.value for c in figures[1]]
    col = {name: head.index(name) for name in ("Nyckeltalets id", "Belopp", "Med i summorna", "Beslut")}
    by_hand = sum(row[col["Belopp"]] for row in figures.iter_rows(min_row=2, values_only=True)
                  if row[col["Nyckeltalets id"]] == "projektstod_utbetalt" and row[col["Beslut"]] == "2017"
                  and row[col["Med i summorna"]] == "ja")
    totals = workbook["Summor"]
    thead = [c.value for c in totals[1]]
    row = next(r for r in totals.iter_rows(min_row=2, values_only=True)
               if r[thead.index("Beslut")] == "2017" and r[thead.index("Nyckeltalets id")] == "projektstod_utbetalt")
    assert row[thead.index("Summa")] == by_hand == 581_500_000


def test_csv_folder_parses_and_matches_the_workbook(tmp_path):
    out = tmp_path / "csv"
    r = run("summary", REPORTS, "--format", "csv", "--output", out)
    assert r.code == 1 and "Skrev 8 filer" in r.err, r
    assert sorted(p.name for p in out.iterdir()) == ["ar-for-ar.csv", "belopp.csv", "brister.csv", "delar-2017.csv",
                                                     "delar-2018.csv", "delar-2023.csv", "rapporter.csv", "summor.csv"]
    raw = (out / "belopp.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    kalmar = next(r for r in rows if r["Fil"].endswith("kalmar-2017.md") and r["Nyckeltalets id"] == "foretagsstod_beviljat_anslag")
    assert kalmar["Belopp"] == "12500000" and kalmar["Skrivet"] == "12,5 mnkr" and kalmar["Med i summorna"] == "ja"
    totals = list(csv.DictReader(io.StringIO((out / "summor.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert next(t for t in totals if t["Nyckeltalets id"] == "projektstod_utbetalt" and t["Beslut"] == "2017")["Summa"] == "581500000"
    years = list(csv.DictReader(io.StringIO((out / "ar-for-ar.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    change = next(y for y in years if y["Region"] == "Region Västerbotten" and y["År"] == "2018"
                  and y["Nyckeltalets id"] == "projektstod_utbetalt")
    assert (change["Förändring"], change["Förändring (%)"]) == ("3000000", "4,9")
    reports = list(csv.DictReader(io.StringIO((out / "rapporter.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert {r["Omdöme"] for r in reports} == {"komplett", "komplett, med varningar", "ofullständig"}


def test_csv_in_english_uses_comma_and_point(tmp_path):
    out = tmp_path / "csv"
    assert run("summary", REPORTS / "kalmar-2017.md", "--format", "csv", "--output", out, "--lang", "en").code == 0
    rows = list(csv.DictReader(io.StringIO((out / "reports.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0]["Verdict"] == "complete" and rows[0]["Coverage (%)"] == "100"
    totals = list(csv.DictReader(io.StringIO((out / "totals.csv").read_text(encoding="utf-8-sig"))))
    assert totals[2]["Total"] == "12500000"


def test_csv_to_standard_output_is_the_figures_table_and_to_a_file_too(tmp_path):
    r = run("summary", REPORTS / "kalmar-2017.md", "--format", "csv")
    assert r.code == 0, r
    rows = list(csv.reader(io.StringIO(r.out.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:2] == ["Fil", "Region"] and len(rows) == 5
    one = tmp_path / "belopp.csv"
    assert run("summary", REPORTS / "kalmar-2017.md", "--format", "csv", "-o", one).code == 0
    assert one.read_bytes() == r.out.encode("utf-8")


def test_text_from_drafts_never_becomes_a_formula(tmp_path):
    from openpyxl import load_workbook

    for n, region in enumerate(HOSTILE):
        write(tmp_path / "u" / f"{n}.md", draft(region + '; "citerad" rad', FULL))
    out = tmp_path / "csv"
    assert run("summary", tmp_path / "u", "--format", "csv", "--output", out).code == 0
    rows = list(csv.DictReader(io.StringIO((out / "rapporter.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert sorted(r["Region"] for r in rows) == sorted("'" + h + '; "citerad" rad' for h in HOSTILE)
    book = tmp_path / "s.xlsx"
    assert run("summary", tmp_path / "u", "--format", "xlsx", "--output", book).code == 0
    ws = load_workbook(book)["Rapporter"]
    regions = [ws.cell(row=n, column=2) for n in range(2, ws.max_row + 1)]
    assert all(c.data_type == "s" for c in regions)
    assert sorted(c.value for c in regions) == sorted(h + '; "citerad" rad' for h in HOSTILE)


def test_csv_folder_is_replaced_but_a_foreign_folder_is_refused(tmp_path):
    out = tmp_path / "csv"
    assert run("summary", EXAMPLE, "--format", "csv", "-o", out).code == 0
    (out / "rapporter.csv").write_text("gammal", encoding="utf-8")
    assert run("summary", EXAMPLE, "--format", "csv", "-o", out).code == 0
    assert (out / "rapporter.csv").read_text(encoding="utf-8-sig").startswith("Fil;")
    write(out / "anteckningar.txt", "mina anteckningar")
    assert_clean_error(run("summary", EXAMPLE, "--format", "csv", "-o", out), "innehåller annat än CSV-filer")
    assert (out / "anteckningar.txt").read_text(encoding="utf-8") == "mina anteckningar"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "staging folder left behind"
    # a folder that holds the drafts themselves, or a file where the folder should be
    drafts = tmp_path / "utkast"
    drafts.mkdir()
    shutil.copy(EXAMPLE, drafts / "a.md")
    assert_clean_error(run("summary", drafts, "--format", "csv", "-o", drafts), "innehåller ett utkast")
    assert (drafts / "a.md").read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")
    plain = write(tmp_path / "fil", "x")
    assert_clean_error(run("summary", EXAMPLE, "--format", "csv", "-o", plain), "är ingen mapp")
    assert plain.read_text(encoding="utf-8") == "x"


def test_xlsx_needs_an_xlsx_name_and_is_not_written_to_a_terminal(tmp_path):
    assert_clean_error(run("summary", EXAMPLE, "--format", "xlsx", "-o", tmp_path / "s.csv"), ".xlsx")
    assert not (tmp_path / "s.csv").exists()
    # a pipe gets the workbook's bytes
    piped = subprocess.run([sys.executable, "-m", "toolkit", "summary", str(EXAMPLE), "--format", "xlsx"],
                           cwd=PROJECT_ROOT, capture_output=True, timeout=300)
    assert piped.returncode == 0 and piped.stdout.startswith(b"PK"), piped.stderr
    # a terminal gets a clear refusal
    import pty

    leader, follower = pty.openpty()
    try:
        tty = subprocess.run([sys.executable, "-m", "toolkit", "summary", str(EXAMPLE), "--format", "xlsx"],
                             cwd=PROJECT_ROOT, stdout=follower, stderr=subprocess.PIPE, timeout=300)
    finally:
        os.close(follower)
        os.close(leader)
    assert tty.returncode == 2
    assert "skrivs inte till terminalen" in tty.stderr.decode("utf-8") and "Traceback" not in tty.stderr.decode("utf-8")


def test_sheet_names_follow_excels_rules():
    from toolkit.outputs.sheets import sheet_name

    used: set[str] = set()
    assert sheet_name("Delar a/b:c*d?[e]", used) == "Delar a-b-c-d--e-"
    long = "Delar " + "x" * 40
    first, second = sheet_name(long, used), sheet_name(long, used)
    assert len(first) == len(second) == 31 and first != second
