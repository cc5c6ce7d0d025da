"""Match a draft's headings to the decision's sections, and read dates as people write them.

A heading matches a section by explicit id (``{#id}``), by title or by alias,
after :func:`normalise` has folded case, white space, punctuation, text pasted
from Word (non-breaking spaces, soft hyphens, curly quotes) and leading
numbering ("3.2", "A)", "IV."). A heading that nearly matches gets a
"did you mean": :func:`did_you_mean` for a misspelling of the whole, and
:func:`content_words` with :func:`same_word` for a heading worded longer or
differently ("Samverkan med Länsstyrelsen i Jämtlands län").
"""

from __future__ import annotations

import datetime as dt
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


def _explicit_id(heading: str) -> tuple[int, str] | None:
    """Where a trailing ``{#id}`` starts in ``heading`` (with the white space
    before it) and the id, or ``None`` when there is none.

    Read by hand rather than with ``\\s*\\{\\s*#id\\s*\\}\\s*$`` searched from
    every position, which was quadratic in a heading with a long run of spaces.
    """
    text = heading.rstrip()
    if not text.endswith("}"):
        return None
    start = text.rfind("{")
    inner = text[start + 1 : -1].strip() if start >= 0 else ""
    if not (inner.startswith("#") and _ID.fullmatch(inner, 1)):
        return None
    return len(heading[:start].rstrip()), inner[1:]


def explicit_id_at(heading: str) -> int | None:
    """Where a trailing ``{#id}`` starts in ``heading``, with the white space before it."""
    found = _explicit_id(heading)
    return found[0] if found else None


def split_explicit_id(heading: str) -> tuple[str, str | None]:
    """``("Titel", "id")`` from ``"Titel {#id}"``; the id is ``None`` when absent."""
    found = _explicit_id(heading)
    if found is None:
        return heading.strip(), None
    return heading[: found[0]].strip(), found[1]


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


#: Words that say nothing about which section a heading means.
STOPWORDS = frozenset(
    "och i med av för till inom om på samt den det de en ett som vid under kring från hos efter mot per "
    "vår våra vårt hur the and of in for with to on by our how".split()
)


def content_words(text: str) -> tuple[str, ...]:
    """The words of a heading that carry its meaning: normalised, without stop
    words and numbers (a year or "1:1" says nothing about the section)."""
    return tuple(w for w in normalise(text).split() if w not in STOPWORDS and not w.isdigit())


def same_word(a: str, b: str) -> bool:
    """Whether two normalised words are the same word: equal, an inflection of
    each other (``miljöarbete``/``miljöarbetet``, ``länsstyrelsen``/``länsstyrelsens``),
    or a long word misspelt by one letter (``uppföljnng``)."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 3:
        return True
    return len(short) >= 7 and _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one letter added, dropped or changed:
    what is left once their common beginning and end are taken away is at
    most one letter on each side."""
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return len(a) - start - end <= 1 and len(b) - start - end <= 1


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LONG_DATE = re.compile(r"^(?:den\s+)?(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})$")
_MONTHS = {name: n for names in (
    ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"),
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"),
) for n, name in enumerate(names, 1)}


def parse_date(text: str) -> dt.date | None:
    """``2018-02-25``, ``25 februari 2018`` or ``25 February 2018`` as a date;
    ``None`` for anything else (including a day that does not exist)."""
    text = " ".join(text.split())
    try:
        if _ISO_DATE.match(text):
            return dt.date.fromisoformat(text)
        m = _LONG_DATE.match(text.casefold())
        if m and m.group(2) in _MONTHS:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    except ValueError:
        return None
    return None


#: Characters that take no room and show nothing (zero-width spaces and
#: joiners, the byte-order mark, the soft hyphen): text pasted from Word has them.
ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
#: Characters that change the order in which text is shown (bidirectional
#: marks, embeddings, overrides and isolates): "12" can be shown as "21".
REORDERING = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: Characters that end a line.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def first_unsafe(text: str) -> int | None:
    """Where ``text`` stops being one plain line: the index of its first line
    break, control character (a tab too) or reordering character, or ``None``."""
    for i, ch in enumerate(text):
        if ch in LINE_BREAKS or ch in REORDERING or unicodedata.category(ch) == "Cc":
            return i
    return None


def describe_char(ch: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``; ``U+0007`` for a character without a name."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")
