"""Shared vocabulary of the tests: paths, running the command, writing files,
assertions, golden files, and the headless-Chromium page watcher.

Tests import from here (pytest advises against importing ``conftest``); the
fixtures live in ``conftest.py``.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path
from typing import Any

from click.testing import CliRunner

#: The repository this test suite belongs to.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
REPORTS = PROJECT_ROOT / "reports"
#: Screenshots from the browser tests, kept with the test results (git ignores it).
RESULTS = PROJECT_ROOT / "test-results"
EXAMPLE = REPORTS / "norrbotten-2017.md"
INCOMPLETE = REPORTS / "norrbotten-2017-ofullstandig.md"


GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str, update: bool) -> None:
    """``actual`` equals ``tests/golden/NAME``; ``pytest --update-golden`` rewrites it on purpose."""
    path = GOLDEN / name
    if update:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run pytest --update-golden"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from the golden file (pytest --update-golden)"


class Result:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    @property
    def first_line(self) -> str:
        text = self.out or self.err
        return text.splitlines()[0] if text else ""

    def __repr__(self) -> str:
        return f"Result(code={self.code}, out={self.out[:400]!r}, err={self.err[:400]!r})"


def run(*args: Any, input: str | None = None, cwd: Path | None = None) -> Result:
    """Run ``villkor ARGS`` in-process and return exit code, stdout and stderr."""
    from toolkit.cli import main

    runner = CliRunner()
    old = os.getcwd()
    code = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        with runner.isolation(input=input) as streams:
            try:
                main([str(a) for a in args])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            out = streams[0].getvalue().decode("utf-8")
            err = streams[1].getvalue().decode("utf-8")
    finally:
        os.chdir(old)
    return Result(code, out, err)


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding=encoding)
    return path


def assert_clean_error(result: Result, *fragments: str, code: int = 2) -> None:
    """Exit ``code``, no traceback, and every fragment in the message."""
    assert result.code == code, result
    text = result.out + result.err
    assert "Traceback" not in text, text
    for frag in fragments:
        assert frag in text, f"{frag!r} not in {text!r}"


#: A decision with an optional section made of one required part.
OPTIONAL_PARTS = """
title: X
sections:
  - {id: a, title: Avsnitt A, point: P, guidance: G, min_words: 1}
  - id: frivillig
    title: Frivilligt
    point: P
    guidance: G
    required: false
    parts:
      - {id: del, title: Del, point: P, guidance: G, min_words: 1}
"""


# --------------------------------------------------------------------------
# Headless Chromium through Playwright (Debian's chromium, not a download)

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    found = os.environ.get("VILLKOR_CHROMIUM") or shutil.which("chromium")
    if found:
        return found
    return next((p for p in CHROMIUM_CANDIDATES if os.path.exists(p)), None)


class PageWatch:
    """A page that records console errors, dialogs, network requests and script runs."""

    def __init__(self, page: Any):
        self.page = page
        self.console_errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())

    def screenshot(self, name: str) -> None:
        """Save the whole page beside the test results (``test-results/NAME``)."""
        RESULTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(RESULTS / name), full_page=True)

    @property
    def external_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file:", "data:", "about:"))]
