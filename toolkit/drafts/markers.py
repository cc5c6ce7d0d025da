"""The markers ``villkor new --from`` leaves in a draft, in one place.

Carried-over text starts with an HTML comment ``<!-- villkor:carried-over … -->``
and a carried-over amount has ``# villkor:carried-over …`` on its line in the
front matter; the check warns while either is there. The marker may name the
year the text or amount really comes from, ``villkor:carried-over:2017``, so
that a draft made from a draft that was itself carried over still says 2017
and not the year in between. Markers are never translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MARKER = "villkor:carried-over"
#: The start of the marker on carried-over text (an HTML comment of its own,
#: ``<!-- villkor:carried-over … -->``; see :func:`carried_over`).
_COMMENT_OPEN = re.compile(r"<!--\s*+villkor:carried-over\b")
#: The same marker on a figure's line in the front matter (a YAML comment).
FIGURE_CARRIED_OVER = re.compile(r"#\s*villkor:carried-over\b")
#: The year in ``villkor:carried-over:2017``; markers written before the year
#: was recorded said it in parentheses in their note: ``(…, 2017)`` or ``(2017)``.
_YEAR = re.compile(r"villkor:carried-over:(\d{4})\b")
#: where a figure's marker's note is: the rest of its line
_FIGURE_MARKED = re.compile(r"#\s*villkor:carried-over\b.*")
_NOTE_YEAR = re.compile(r"[(,]\s*(\d{4})\s*\)")


def _comments(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of each marker comment, ``<!-- villkor:carried-over … -->``:
    the first ``>`` after the marker must be the one of its ``-->``.

    One pass: the first ``>`` is looked for once, not once per marker (the
    regex ``<!--\\s*villkor:carried-over\\b[^>]*-->`` scanned to the end of the
    text for each marker never closed, which 20,000 of them made minutes).
    """
    gt: int | None = None  # the first ">" after the last marker; -1: none left
    for m in _COMMENT_OPEN.finditer(text):
        if gt is None or 0 <= gt < m.end():
            gt = text.find(">", m.end())
        if gt < 0:
            return
        if gt - 2 >= m.end() and text[gt - 2 : gt] == "--":
            yield m.start(), gt + 1


def carried_over(text: str) -> bool:
    """Whether ``text`` holds a carried-over marker comment."""
    return next(_comments(text), None) is not None


def marker(year: int | None) -> str:
    """``villkor:carried-over:2017``, or the bare marker when the year is unknown."""
    return f"{MARKER}:{year}" if year else MARKER


def carried_year(text: str) -> int | None:
    """The year the first carried-over marker in ``text`` says its text or
    amount comes from, or ``None`` when there is no marker or it names no year.
    Only the marker and its note are read, never the writer's text around it."""
    m = _YEAR.search(text)
    if m:
        return int(m.group(1))
    comment = next(_comments(text), None)
    figure = _FIGURE_MARKED.search(text)
    if figure is not None and (comment is None or figure.start() < comment[0]):
        return note_year(figure.group(0))
    return note_year(text[comment[0] : comment[1]]) if comment else None


def note_year(note: str) -> int | None:
    """The year a marker's note gives in parentheses: ``(2017)`` or ``(…, 2017)``
    (a Word template's note, whose marker stands at its end)."""
    m = _NOTE_YEAR.search(note)
    return int(m.group(1)) if m else None

