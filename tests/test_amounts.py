"""Amounts in the summary: values per report, totals and medians per decision,
per form of support, year over year, and what is never added up."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from helpers import EXAMPLE, PROJECT_ROOT, REPORTS, run, write

from toolkit.outputs import overview
from toolkit.outputs.summary import summarise
from toolkit.outputs.totals import compute

# the text output's sentences and tables are read whole: no wrapping at 80 columns
pytestmark = pytest.mark.usefixtures("wide_terminal")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n"))


def kronor(text: object) -> Decimal | None:
    """The test's own reading of the examples' amounts: "47 500 000 kr", "44 mnkr", "32 miljoner", "12,5 mnkr"."""
    m = re.fullmatch(r"(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?\s*(kr|mnkr|miljoner)?", str(text).strip())
    if not m:
        return None
    number = Decimal(m[1].replace(" ", "") + (f".{m[2]}" if m[2] else ""))
    return number * (1_000_000 if m[3] in ("mnkr", "miljoner") else 1)


def draft(region: str, figures: dict[str, str], conditions: str = "2017", datum: str | None = None) -> str:
    """The complete example with another region, decision, date and figures."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, rest = text.split("figures:\n", 1)
    lines = rest.split("\n")
    n = next(i for i, line in enumerate(lines) if line and not line.startswith("  "))
    block = "".join(f"  {k}: {v}\n" for k, v in figures.items())
    head = head.replace("region: Region Norrbotten", f"region: {json.dumps(region, ensure_ascii=False)}")
    head = head.replace('conditions: "2017"', f'conditions: "{conditions}"')
    head = head.replace("datum: 2018-02-25", f"datum: {datum}" if datum else "datum: 2018-02-25")
    return head + "figures:\n" + block + "\n".join(lines[n:])


FULL = {"projektstod_utbetalt": "50 mnkr", "foretagsstod_beviljat": "40 mnkr",
        "foretagsstod_beviljat_anslag": "20 mnkr", "foretagsstod_beviljat_eu": "20 mnkr"}


def test_example_totals_equal_a_hand_sum():
    # the hand sum: every 2017 example but Norrbotten's three drafts (which one
    # is current cannot be told), without amounts that are not amounts or whose
    # parts do not add up to their total (within the decision's 1 %)
    expected: dict[str, Decimal] = {}
    counted: dict[str, int] = {}
    for path in sorted(REPORTS.glob("*-2017.md")):
        fm = front_matter(path)
        if fm["region"] == "Region Norrbotten":
            continue
        values = {k: kronor(v) for k, v in fm["figures"].items()}
        parts = [values.get("foretagsstod_beviljat_anslag"), values.get("foretagsstod_beviljat_eu")]
        total = values.get("foretagsstod_beviljat")
        if total is not None and None not in parts and abs(total - sum(parts)) > total / 100:  # type: ignore[arg-type]
            for k in ("foretagsstod_beviljat", "foretagsstod_beviljat_anslag", "foretagsstod_beviljat_eu"):
                values[k] = None
        for k, v in values.items():
            if v is not None:
                expected[k] = expected.get(k, Decimal(0)) + v
                counted[k] = counted.get(k, 0) + 1
    assert expected["projektstod_utbetalt"] == Decimal(581_500_000)  # the hand sum, written out once

    data = json.loads(run("summary", REPORTS, "--format", "json").out)
    (d2017,) = [d for d in data["amounts"] if d["conditions"] == "2017"]
    totals = {f["id"]: f for f in d2017["figures"]}
    for fid, value in expected.items():
        assert Decimal(str(totals[fid]["total"])) == value, fid
        assert totals[fid]["count"] == counted[fid], fid
    basis = len([p for p in REPORTS.glob("*-2017.md") if front_matter(p)["region"] != "Region Norrbotten"])
    assert all(f["basis"] == basis for f in d2017["figures"])
    assert totals["foretagsstod_beviljat"]["covers"] == f"{counted['foretagsstod_beviljat']} av {basis} rapporter"
    assert totals["foretagsstod_beviljat"]["not_counted"] == {"missing": 1, "invalid": 1, "inconsistent": 1}
    assert d2017["left_out"] == [{"reason": "undecided", "regions": ["Region Norrbotten"],
                                  "reports": [i for i, r in enumerate(data["reports"]) if r["region"] == "Region Norrbotten"
                                              and r["conditions"] == "2017"]}]


def test_each_report_carries_its_values_as_read():
    data = json.loads(run("summary", REPORTS / "kalmar-2017.md", REPORTS / "vastra-gotaland-2017.md", "--format", "json").out)
    kalmar, vg = data["reports"]
    assert kalmar["figures"]["foretagsstod_beviljat_anslag"] == {
        "value": 12_500_000, "unit": "kr", "as_read": "12 500 000 kr", "raw": "12,5 mnkr", "status": "ok", "line": 12,
        "warnings": [], "form_of_support": "Regionala företagsstöd", "counted": True}
    bad = vg["figures"]["foretagsstod_beviljat"]
    assert bad["value"] is None and bad["raw"] == "ungefär 150 miljoner" and bad["status"] == "invalid" and not bad["counted"]
    assert vg["in_totals"] is True and vg["left_out"] is None


def test_missing_is_never_zero_and_the_total_says_how_many(tmp_path):
    write(tmp_path / "a.md", draft("Region A", FULL))
    write(tmp_path / "b.md", draft("Region B", {**FULL, "projektstod_utbetalt": "30 mnkr"}))
    without = {k: v for k, v in FULL.items() if k != "projektstod_utbetalt"}
    write(tmp_path / "c.md", draft("Region C", without))
    a = compute(summarise([tmp_path]))
    (d,) = a.decisions
    paid = d.figures[0]
    assert paid.part.id == "projektstod_utbetalt"
    assert (paid.total, paid.median, paid.count, paid.basis) == (Decimal(80_000_000), Decimal(40_000_000), 2, 3)
    assert paid.not_counted == {"missing": 1}
    assert overview.covers(paid, "sv") == "2 av 3 rapporter" and overview.covers(paid, "en") == "2 of 3 reports"
    text = run("summary", tmp_path).out
    assert "Utbetalt projektstöd från anslag 1:1: 2 av 3 rapporter (1 saknas)" in text
    assert "80\u00a0000\u00a0000\u00a0kr" in text


def test_a_superseded_draft_is_left_out_and_undecided_drafts_are_named(tmp_path):
    write(tmp_path / "old.md", draft("Region A", {**FULL, "projektstod_utbetalt": "10 mnkr"}, datum="2018-01-01"))
    write(tmp_path / "new.md", draft("Region A", FULL, datum="2018-02-20"))
    write(tmp_path / "b.md", draft("Region B", FULL))
    data = json.loads(run("summary", tmp_path, "--format", "json").out)
    by_file = {Path(r["file"]).name: r for r in data["reports"]}
    assert by_file["old.md"]["left_out"] == "superseded" and by_file["old.md"]["in_totals"] is False
    (d,) = data["amounts"]
    paid = d["figures"][0]
    assert paid["total"] == 100_000_000 and paid["basis"] == 2  # new.md and b.md, not the superseded 10 mnkr
    assert any("ersatt" in n and "old.md" in n for n in d["notes"])


def test_drafts_with_the_same_date_and_time_are_not_summed(tmp_path):
    import os

    a1 = write(tmp_path / "a1.md", draft("Region A", FULL))
    a2 = write(tmp_path / "a2.md", draft("Region A", {**FULL, "projektstod_utbetalt": "70 mnkr"}))
    os.utime(a2, (a1.stat().st_atime, a1.stat().st_mtime))
    write(tmp_path / "b.md", draft("Region B", FULL))
    s = summarise([tmp_path])
    (d,) = compute(s).decisions
    assert [lo.reason for lo in d.left_out] == ["undecided"]
    assert d.figures[0].total == Decimal(50_000_000) and d.figures[0].basis == 1
    assert "oklart vilket utkast som gäller" in run("summary", tmp_path).out


def test_a_region_spelt_two_ways_is_named_not_merged_and_not_summed(tmp_path):
    write(tmp_path / "a.md", draft("Region Jämtland Härjedalen", FULL))
    write(tmp_path / "b.md", draft("Region Jämtland-Härjedalen", FULL))
    write(tmp_path / "c.md", draft("Region C", FULL))
    data = json.loads(run("summary", tmp_path, "--format", "json").out)
    assert [r["region"] for r in data["reports"]] == ["Region Jämtland Härjedalen", "Region Jämtland-Härjedalen", "Region C"]
    (d,) = data["amounts"]
    assert d["left_out"][0]["reason"] == "spelling" and d["left_out"][0]["reports"] == [0, 1]
    assert d["figures"][0]["total"] == 50_000_000 and d["figures"][0]["covers"] == "1 av 1 rapport"
    assert "kan vara samma region stavad på olika sätt" in d["notes"][0]


def test_an_amount_with_a_warning_is_shown_but_not_counted():
    a = compute(summarise([REPORTS / "norrbotten-2018.md", REPORTS / "vasterbotten-2018.md"]))
    (d,) = a.decisions
    paid = d.figures[0]
    assert (paid.total, paid.count, paid.basis, paid.not_counted) == (Decimal(64_000_000), 1, 2, {"warning": 1})
    md = run("summary", REPORTS / "norrbotten-2018.md", "--format", "md").out
    assert "88\u00a0000\u00a0000\u00a0kr ⚠" in md and "0 av 1 rapport (1 med varning)" in md


def test_forms_of_support_count_a_breakdown_once():
    a = compute(summarise([REPORTS / "kalmar-2017.md", REPORTS / "vasternorrland-2023.md"]))
    d2017, d2023 = a.decisions
    assert [(f.form, [ft.part.id for ft in f.figures]) for f in d2017.forms] == [
        ("Projektverksamhet", ["projektstod_utbetalt"]), ("Regionala företagsstöd", ["foretagsstod_beviljat"])]
    assert {ft.part.id: ft.part.breakdown_of for ft in d2017.figures}["foretagsstod_beviljat_eu"] == "foretagsstod_beviljat"
    assert [f.form for f in d2023.forms] == ["Företagsutveckling", "Strategiska projekt", "Stöd till kommersiell service"]
    assert sum(f.figures[0].total for f in d2023.forms) == Decimal(84_000_000)  # the three forms make the total


def test_reports_under_different_decisions_are_never_added_together():
    data = json.loads(run("summary", REPORTS / "vasterbotten-2017.md", REPORTS / "vasterbotten-2018.md", "--format", "json").out)
    assert [d["conditions"] for d in data["amounts"]] == ["2017", "2018"]
    assert [d["figures"][0]["total"] for d in data["amounts"]] == [61_000_000, 64_000_000]


@pytest.fixture
def later_decision(tmp_path, monkeypatch):
    """A decision for 2098 that renames projektstod_utbetalt and adds a percentage."""
    folder = tmp_path / "beslut"
    write(folder / "2098.yaml", """
        format: 1
        extends: "2017"
        title: Provbeslut 2098
        year: 2098
        due: 2099-02-28
        figures:
          - id: projektstod_betalt
            renamed_from: [projektstod_utbetalt]
          - id: andel_kvinnor
            label: Andel kvinnor bland stödmottagarna
            unit: procent
            section: anslagets-anvandning
            required: false
        """)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(folder))
    return folder


def test_year_over_year_follows_a_renamed_figure_and_gives_the_change(tmp_path, later_decision):
    write(tmp_path / "u" / "a-2017.md", draft("Region A", FULL))
    later = {**FULL, "andel_kvinnor": "40 %"}
    later["projektstod_betalt"] = later.pop("projektstod_utbetalt").replace("50", "55")
    write(tmp_path / "u" / "a-2098.md", draft("Region A", later, conditions="2098", datum="2099-02-01"))
    write(tmp_path / "u" / "b-2098.md", draft("Region B", {**later, "andel_kvinnor": "60 %"}, conditions="2098", datum="2099-02-01"))
    data = json.loads(run("summary", tmp_path / "u", "--format", "json").out)
    (region,) = data["year_over_year"]
    assert region["region"] == "Region A" and [c["year"] for c in region["decisions"]] == [2017, 2098]
    paid = next(f for f in region["figures"] if f["id"] == "projektstod_betalt")
    assert paid["ids"] == ["projektstod_utbetalt", "projektstod_betalt"]
    assert [v["value"] for v in paid["values"]] == [50_000_000, 55_000_000]
    assert (paid["values"][1]["change"], paid["values"][1]["change_percent"]) == (5_000_000, 10.0)
    share = next(f for f in region["figures"] if f["id"] == "andel_kvinnor")
    assert share["values"][0]["figure"] is None  # not asked for in 2017: no value, no change
    # a percentage gets a median, never a sum
    d2098 = next(d for d in data["amounts"] if d["conditions"] == "2098")
    pct = next(f for f in d2098["figures"] if f["id"] == "andel_kvinnor")
    assert pct["total"] is None and pct["median"] == 50 and pct["count"] == 2
    text = run("summary", tmp_path / "u").out
    assert "År för år – Region A" in text and "+5\u00a0000\u00a0000\u00a0kr" in text and "+10,0\u00a0%" in text and "summeras inte" in text


def test_complete_with_warnings_is_its_own_verdict_in_every_format():
    warned = REPORTS / "skane-2017.md"
    data = json.loads(run("summary", warned, EXAMPLE, "--format", "json").out)
    assert [(r["status"], r["complete"], r["verdict"]) for r in data["reports"]] == [
        ("complete", True, "complete-with-warnings"), ("complete", True, "complete")]
    assert data["totals"]["complete_with_warnings"] == 1
    assert "komplett, med varningar" in run("summary", warned).out
    assert "| komplett, med varningar |" in run("summary", warned, "--format", "md").out
    html = run("summary", warned, "--format", "html").out
    assert 'class="status-complete-with-warnings"' in html and 'data-status="complete-with-warnings"' in html
    assert "complete, with warnings" in run("summary", warned, "--lang", "en").out


def test_json_is_streamed_as_one_valid_document():
    text = run("summary", REPORTS, "--format", "json").out
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_text_md_and_html_show_totals_and_year_over_year():
    text = run("summary", REPORTS).out
    assert "Belopp – villkorsbeslut 2017" in text and "581\u00a0500\u00a0000\u00a0kr" in text and "År för år – Region Västerbotten" in text
    md = run("summary", REPORTS, "--format", "md").out
    assert "| **Summa** | **581 500 000 kr** |" in md.replace("\u00a0", " ") and "### Per stödform" in md
    assert "| Utbetalt projektstöd från anslag 1:1 | 61 000 000 kr | 64 000 000 kr | +3 000 000 kr | +4,9 % |" in md.replace("\u00a0", " ")
    html = run("summary", REPORTS, "--format", "html").out
    assert 'id="belopp-2017"' in html and "581\u00a0500\u00a0000\u00a0kr" in html


def test_summary_json_and_csv_do_not_draw():
    import subprocess
    import sys

    code = ("import sys; from toolkit.cli import main\n"
            "for fmt in ('json', 'csv'):\n"
            "    try:\n        main(['summary', 'reports', '--format', fmt])\n    except SystemExit: pass\n"
            "print(','.join(m for m in ('matplotlib', 'openpyxl') if m in sys.modules), file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert r.stderr.strip() == "", r.stderr
