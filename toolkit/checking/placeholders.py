"""Placeholder text nobody should send to the government ("TODO", "[fyll i]").

:class:`Placeholders` finds the first placeholder in a text: the leftmost,
the earliest in the lists below at the same place, then the decision's own.
Before any expression runs, a cheap prefilter looks for the words every
pattern needs, in the text folded the way the expressions' case-insensitive
matching folds it: most sections have no placeholder, and for them the
prefilter is all the work.

The prefilter never hides a match: a pattern whose needed words cannot be
folded exactly (a decision's own placeholder with letters outside
:data:`FOLD_SAFE`) always goes to the expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Placeholder text nobody should send to the government: these words, ...
PLACEHOLDER_WORDS = (r"\bTODO\b", r"\bTBD\b", r"\bFIXME\b", r"\bXXX++\b", r"\blorem ipsum\b")
#: ... these in brackets, up to the first ``]`` ("[fyll i namn]"), ...
PLACEHOLDER_BRACKETED = ("text kommer", "fyll i", "skriv", "infoga")
#: ... and these anywhere. A decision may add its own with ``placeholders:``.
PLACEHOLDER_LAST = (r"\btext kommer\b",)

#: What each pattern above cannot match without: literal text that any match
#: contains (compared folded), in the order of the lists above.
NEEDLES: tuple[tuple[str, ...], ...] = (
    ("todo",), ("tbd",), ("fixme",), ("xxx",), ("lorem ipsum",),
    *(("[", word, "]") for word in PLACEHOLDER_BRACKETED),
    ("text kommer",),
)

#: Characters whose case-insensitive matches :func:`fold` maps to one and the
#: same character (printable ASCII and Latin-1: every letter of Swedish);
#: tests/test_speed.py checks this against every code point.
FOLD_SAFE = frozenset(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100)))

# The expressions' IGNORECASE matches a letter to others that str.lower()
# does not fold to the same text: "İ" (lowered to i + a combining dot), the
# dotless "ı", the long "ſ" and the micro sign "µ" (Greek mu to the
# expressions); Kelvin's K lowers to k by itself.
_BEFORE_LOWER = {0x130: "i"}
_AFTER_LOWER = {0x131: "i", 0x17F: "s", 0xB5: "\u03bc"}


def fold(text: str) -> str:
    """``text`` folded so that whatever the case-insensitive expressions
    match to a character of :data:`FOLD_SAFE` folds to that character's fold."""
    if "\u0130" in text:
        text = text.translate(_BEFORE_LOWER)
    low = text.lower()
    if "\u0131" in low or "\u017f" in low or "\u00b5" in low:
        low = low.translate(_AFTER_LOWER)
    return low


@dataclass(frozen=True)
class PlaceholderMatch:
    """Where a placeholder starts and its text (read like a regex match)."""

    at: int
    text: str

    def start(self) -> int:
        return self.at

    def group(self, _: int = 0) -> str:
        return self.text


class Placeholders:
    """Finds the first placeholder in a text: the leftmost, the earliest in
    the lists above at the same place, then the decision's own.

    The closing ``]`` of a bracketed placeholder is looked for once, not once
    per opening: a regex ``[fyll i[^]]*]`` scanned to the end of the text
    for every ``[fyll i`` that was never closed, which is quadratic.
    """

    def __init__(self, own: Iterable[str] = ()):
        own = list(own)
        opening = r"\[\s*+(?:" + "|".join(PLACEHOLDER_BRACKETED) + ")"
        extra = [re.escape(p) for p in own]
        self._pattern = re.compile("|".join([*PLACEHOLDER_WORDS, f"(?P<open>{opening})", *PLACEHOLDER_LAST, *extra]),
                                   re.IGNORECASE)
        #: what may still match at an opening that is never closed
        self._after = re.compile("|".join(extra), re.IGNORECASE) if extra else None
        #: everything but the bracketed ones, for the text after the last "]"
        self._unbracketed = re.compile("|".join([*PLACEHOLDER_WORDS, *PLACEHOLDER_LAST, *extra]), re.IGNORECASE)
        needles = list(NEEDLES)
        #: False when some pattern cannot be prefiltered: the expressions then always run
        self.prefiltered = True
        for p in own:
            if all(ch in FOLD_SAFE for ch in p):
                needles.append((fold(p),))
            else:
                self.prefiltered = False
        self.needles = tuple(needles)

    def possible(self, text: str) -> bool:
        """Whether some pattern could match ``text`` (False means none can)."""
        if not self.prefiltered:
            return True
        folded = fold(text)
        for needed in self.needles:
            for needle in needed:
                if needle not in folded:
                    break
            else:
                return True
        return False

    def search(self, text: str) -> PlaceholderMatch | None:
        """The first placeholder in ``text``, or ``None``."""
        return self.search_all_ways(text) if self.possible(text) else None

    def search_all_ways(self, text: str) -> PlaceholderMatch | None:
        """:meth:`search` without the prefilter."""
        pos = 0
        close: int | None = None  # the first "]" at or after the last opening; -1: none left
        while (m := self._pattern.search(text, pos)) is not None:
            if m.lastgroup != "open":
                return PlaceholderMatch(m.start(), m.group())
            if close is None or 0 <= close < m.end():
                close = text.find("]", m.end())
            if close >= 0:
                return PlaceholderMatch(m.start(), text[m.start() : close + 1])
            after = self._after.match(text, m.start()) if self._after else None
            if after is not None:
                return PlaceholderMatch(m.start(), after.group())
            # no "]" is left, so no bracketed placeholder: one search for the rest
            rest = self._unbracketed.search(text, m.start() + 1)
            return None if rest is None else PlaceholderMatch(rest.start(), rest.group())
        return None
