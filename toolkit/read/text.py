"""Match a draft's headings to the decision's sections.

A heading matches a section by explicit id (``{#id}``), by title or by alias,
after :func:`normalise` has folded case, white space, punctuation, text pasted
from Word (non-breaking spaces, soft hyphens, curly quotes) and leading
numbering ("3.2", "A)", "IV."). A heading that nearly matches gets a
"did you mean".
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

# Every repeat is possessive or bounded, so no input makes the engine try the
# ways of splitting a run of digits (a heading of 32 digits used to take
# minutes); the alternatives themselves may still be tried in turn.
_NUMBERING = re.compile(
    r"""^\s*+(?:
        \d++(?:[.)]\d++)*+[.)]?+           # 1  1.  3.2  3.2.1.  2)
        |[A-Za-zÅÄÖåäö][.)]                # A)  b.
        |\(?[A-Za-z\d]{1,3}\)              # (a)  (iv)
        |[IVXLC]++\.                       # IV.
        |§\s*+\d++                         # § 5
    )\s+""",
    re.VERBOSE,
)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_NON_WORD = re.compile(r"[^\w]+")
_ID = re.compile(r"[A-Za-z0-9_-]+")


def normalise(text: str) -> str:
    """Fold a heading to the form used for matching."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = text.replace("&", " och ")
    text = _NUMBERING.sub("", text, count=1)
    text = _NON_WORD.sub(" ", text.casefold()).replace("_", " ")
    return " ".join(text.split())


def split_explicit_id(heading: str) -> tuple[str, str | None]:
    """``("Titel", "id")`` from ``"Titel {#id}"``; the id is ``None`` when absent."""
    # by hand rather than with a regex searched from every position, which
    # was quadratic in a heading with a long run of spaces
    text = heading.rstrip()
    if text.endswith("}"):
        start = text.rfind("{")
        inner = text[start + 1 : -1].strip() if start >= 0 else ""
        if inner.startswith("#") and _ID.fullmatch(inner, 1):
            return heading[:start].strip(), inner[1:]
    return heading.strip(), None


def could_be_close(word: str, candidates: list[str], cutoff: float) -> bool:
    """Whether any candidate is short enough to be as similar as ``cutoff`` to ``word``.

    difflib's similarity is at most ``2 * min(a, b) / (a + b)`` for lengths
    ``a`` and ``b``, so a word much longer than every candidate matches none;
    saying so first spares difflib indexing every character of a heading of
    megabytes.
    """
    longest = max((len(c) for c in candidates), default=0)
    return len(word) <= longest * (2 / cutoff - 1) + 1  # + 1: float rounding never skips a match


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The closest candidate to ``word``, compared normalised, or ``None``."""
    by_norm: dict[str, str] = {}
    for c in candidates:
        by_norm.setdefault(normalise(c), c)
    key = normalise(word)
    if not could_be_close(key, list(by_norm), cutoff):
        return None
    hits = difflib.get_close_matches(key, list(by_norm), n=1, cutoff=cutoff)
    return by_norm[hits[0]] if hits else None
