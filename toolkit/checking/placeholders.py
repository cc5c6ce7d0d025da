"""Placeholder text nobody should send to the government ("TODO", "[fyll i]").

:class:`Placeholders` finds the first placeholder in a section's text with
one regular expression of every pattern (case-insensitive), as the check has
always done; before it runs, a cheap prefilter looks for the words every
pattern needs, in the text folded the way the expression's case-insensitive
matching folds it. Most sections have no placeholder, and for them the
prefilter is all the work.

The prefilter never hides a match: a pattern whose needed words cannot be
folded exactly (a decision's own placeholder with letters outside
:data:`FOLD_SAFE`) always goes to the expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Placeholder text nobody should send to the government. A decision may add
#: its own with ``placeholders:``.
DEFAULT_PLACEHOLDERS = (
    r"\bTODO\b",
    r"\bTBD\b",
    r"\bFIXME\b",
    r"\bXXX+\b",
    r"\blorem ipsum\b",
    r"\[\s*text kommer[^\]]*\]",
    r"\[\s*fyll i[^\]]*\]",
    r"\[\s*skriv[^\]]*\]",
    r"\[\s*infoga[^\]]*\]",
    r"\btext kommer\b",
)

#: What each default pattern cannot match without: literal text that any
#: match contains (compared folded), in the order of :data:`DEFAULT_PLACEHOLDERS`.
DEFAULT_NEEDLES: tuple[tuple[str, ...], ...] = (
    ("todo",),
    ("tbd",),
    ("fixme",),
    ("xxx",),
    ("lorem ipsum",),
    ("[", "text kommer", "]"),
    ("[", "fyll i", "]"),
    ("[", "skriv", "]"),
    ("[", "infoga", "]"),
    ("text kommer",),
)

#: Characters whose case-insensitive matches :func:`fold` maps to one and the
#: same character (printable ASCII and Latin-1: every letter of Swedish);
#: tests/test_speed.py checks this against every code point.
FOLD_SAFE = frozenset(chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100)))

# The expression's IGNORECASE matches a letter to others that str.lower()
# does not fold to the same text: "İ" (lowered to i + a combining dot), the
# dotless "ı", the long "ſ" and the micro sign "µ" (Greek mu to the
# expression); Kelvin's K lowers to k by itself.
_BEFORE_LOWER = {0x130: "i"}
_AFTER_LOWER = {0x131: "i", 0x17F: "s", 0xB5: "\u03bc"}


def fold(text: str) -> str:
    """``text`` folded so that whatever the case-insensitive expression
    matches to a character of :data:`FOLD_SAFE` folds to that character's fold."""
    if "\u0130" in text:
        text = text.translate(_BEFORE_LOWER)
    low = text.lower()
    if "\u0131" in low or "\u017f" in low or "\u00b5" in low:
        low = low.translate(_AFTER_LOWER)
    return low


class Placeholders:
    """The placeholder patterns of one decision: the defaults and its own."""

    def __init__(self, extra: Iterable[str] = ()):
        extra = list(extra)
        patterns = list(DEFAULT_PLACEHOLDERS) + [re.escape(p) for p in extra]
        self.regex = re.compile("|".join(patterns), re.IGNORECASE)
        needles: list[tuple[str, ...]] = list(DEFAULT_NEEDLES)
        #: False when some pattern cannot be prefiltered: the expression then always runs
        self.prefiltered = True
        for p in extra:
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

    def search(self, text: str) -> re.Match[str] | None:
        """The first placeholder in ``text``, as the expression finds it."""
        if not self.possible(text):
            return None
        return self.regex.search(text)
