"""Text output fits the terminal: ``COLUMNS`` when set, 80 when piped; long
titles and file names wrap under their own column, a wide matrix is shown in
blocks, and no line is padded with spaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLE, INCOMPLETE, PROJECT_ROOT, REPORTS, run

from toolkit.outputs.texttable import format_grid

WIDTHS = [60, 80, 120]


def assert_fits(text: str, width: int) -> None:
    long = [line for line in text.splitlines() if len(line) > width]
    assert not long, f"{len(long)} lines over {width}: {long[:3]}"
    padded = [line for line in text.splitlines() if line != line.rstrip()]
    assert not padded, padded[:3]


@pytest.fixture
def draft_2023(tmp_path: Path) -> Path:
    out = tmp_path / "ny-2023.md"
    assert run("new", "--conditions", "2023", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", out).code == 0
    return out


@pytest.mark.parametrize("width", WIDTHS)
def test_check_fits(width: int, draft_2023: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    r = run("check", INCOMPLETE, draft_2023, REPORTS / "vasternorrland-2023.md")
    assert r.code == 1
    assert_fits(r.out, width)
    # a long title wraps under its own column: every word of it is there, in order
    text = " ".join(r.out.split())
    assert "Tillgänglighet i hela landet genom digital kommunikation och transportsystem" in text


@pytest.mark.parametrize("width", WIDTHS)
def test_summary_fits(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    for args in ((REPORTS,), (REPORTS, "--all"), (REPORTS.resolve(),)):
        r = run("summary", *args)
        assert r.code == 1
        assert_fits(r.out, width)
    # every cell of the matrix is still there, however it is split
    assert r.out.count("✗ 51") == 1


@pytest.mark.parametrize("width", WIDTHS)
def test_conditions_list_fits(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    r = run("conditions", "list")
    assert r.code == 0
    assert_fits(r.out, width)


def test_piped_output_is_80_columns_wide() -> None:
    r = run("summary", REPORTS)
    assert max(len(line) for line in r.out.splitlines()) == 80
    assert_fits(run("check", INCOMPLETE).out, 80)


def test_a_wide_terminal_keeps_rows_on_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    r = run("summary", "reports", cwd=PROJECT_ROOT)
    row = next(line for line in r.out.splitlines() if line.startswith("reports/vasternorrland-2023.md"))
    assert "Region Västernorrland" in row and "100 %" in row


def test_the_grid_wraps_and_splits_but_loses_nothing() -> None:
    headers = ["Fil", *(str(n) for n in range(1, 21)), "Täckning"]
    rows = [(["reports/en-mycket-lang-region-2017.md", *(f"✗ {n}" for n in range(100, 120)), "50 %"], [None] * 22)]
    for width in (30, 60, 100):
        text = format_grid(headers, rows, width, right={21}, wrap={0}, gap=2, min_wrapped=width // 4)
        assert_fits(text, width)
        for n in range(100, 120):
            assert f"✗ {n}" in text
        assert "2017.md" in text
