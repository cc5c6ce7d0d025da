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

MARKER = "villkor:carried-over"
#: Marker on carried-over text (an HTML comment of its own).
CARRIED_OVER = re.compile(r"<!--\s*villkor:carried-over\b[^>]*-->")
#: The same marker on a figure's line in the front matter (a YAML comment).
FIGURE_CARRIED_OVER = re.compile(r"#\s*villkor:carried-over\b")
#: The year in ``villkor:carried-over:2017``; markers written before the year
#: was recorded said it in parentheses in their note: ``(…, 2017)`` or ``(2017)``.
_YEAR = re.compile(r"villkor:carried-over:(\d{4})\b")
#: where a marker's note is: an HTML comment, or the rest of a figure's line
_MARKED = re.compile(r"<!--\s*villkor:carried-over\b[^>]*-->|#\s*villkor:carried-over\b.*")
_NOTE_YEAR = re.compile(r"[(,]\s*(\d{4})\s*\)")


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
    for marked in _MARKED.finditer(text):
        return note_year(marked.group(0))
    return None


def note_year(note: str) -> int | None:
    """The year a marker's note gives in parentheses: ``(2017)`` or ``(…, 2017)``
    (a Word template's note, whose marker stands at its end)."""
    m = _NOTE_YEAR.search(note)
    return int(m.group(1)) if m else None

