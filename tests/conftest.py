"""Fixtures. The helpers they and the tests use are in ``helpers.py``."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import CHROMIUM_ARGS, EXAMPLE, PageWatch, chromium_path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


# The cache folder (decisions' validation, check results) is shared by the
# session's tests: a test that replaces a part of the checker must pass
# --no-cache, or an earlier test's result may answer for it.
@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("VILLKOR_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    for var in ("VILLKOR_LANG", "VILLKOR_CONDITIONS_PATH", "VILLKOR_DEBUG", "NO_COLOR", "COLUMNS"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal wide enough that no table or sentence of the text output wraps
    (without it, text output is 80 columns wide, as when piped)."""
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the complete example draft that a test may change."""
    return Path(shutil.copy(EXAMPLE, tmp_path / "utkast.md"))


@pytest.fixture(scope="session")
def browser() -> Any:
    """A headless Chromium; `make test` installs Debian's package when missing."""
    exe = chromium_path()
    if exe is None:
        pytest.fail("chromium is not installed: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Any:
    context = browser.new_context(java_script_enabled=True)
    pg = context.new_page()
    watch = PageWatch(pg)
    yield watch
    context.close()
