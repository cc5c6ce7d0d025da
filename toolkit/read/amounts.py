"""Amounts written as people write them in Swedish reports.

:func:`parse_amount` accepts ``88000000``, ``88 000 000``, ``88 000 000 kr``,
``88 mnkr``, ``88 miljoner``, ``42,5 mkr``, ``85 Mkr``, ``1,2 miljarder``,
``500 tkr`` and the like, and returns kronor as a :class:`~decimal.Decimal`.
:func:`format_amount` writes one back in Swedish notation.

Amounts come pasted from Word. The number read is the number the reader
sees: non-breaking and narrow spaces between digit groups are spaces, and
zero-width characters and soft hyphens, which show nothing, are taken out
(``88\u200b000\u200b000`` looks like 88000000 and is read so). A character
that can change the order in which the digits are *shown* (a bidirectional
mark, embedding, override or isolate) is refused: there the number read and
the number seen could differ, and a silently wrong sum is worse than a
refusal.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from toolkit.read.text import REORDERING, ZERO_WIDTH

_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH), None)

#: The words that may follow a number, by the unit of the figure, and what
#: they multiply it by.
_UNITS: dict[str, dict[str, int]] = {"kr": {}, "procent": {}, "antal": {}}
for _unit, _words, _factor in (
    ("kr", ("", "kr", "kronor", "sek", ":-"), 1),
    ("kr", ("tkr", "tusen", "tusen kr", "tusen kronor", "ksek"), 1_000),
    (
        "kr",
        ("mkr", "mnkr", "mn kr", "msek", "milj", "milj kr", "milj.", "milj. kr", "miljon", "miljoner",
         "miljon kr", "miljoner kr", "miljon kronor", "miljoner kronor", "mn", "m kr"),
        1_000_000,
    ),
    ("kr", ("mdkr", "mdr", "mdr kr", "miljard", "miljarder", "miljard kronor", "miljarder kronor", "miljarder kr"), 1_000_000_000),
    ("procent", ("", "%", "procent"), 1),
    ("antal", ("", "st", "st.", "stycken"), 1),
):
    for _w in _words:
        _UNITS[_unit][_w] = _factor
#: Any unit's words, for amounts whose unit is not known
_ANY_UNIT = {w: f for words in _UNITS.values() for w, f in words.items()}
#: Each unit word (not the bare number) and the unit and factor it means
_UNIT_WORDS: dict[str, tuple[str, int]] = {w: (unit, f) for unit, words in _UNITS.items() for w, f in words.items() if w}
#: A unit word inside other text, such as a table's header "Belopp (tkr)":
#: the longest words first, so "miljoner kronor" is one unit, not "kronor".
_UNIT_IN_TEXT = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(w) for w in sorted(_UNIT_WORDS, key=len, reverse=True) if w != ":-") + r")(?![\w])",
    re.IGNORECASE,
)
#: Superscript digits and marks: a footnote's mark, never part of a number
#: (NFKC would turn "500¹" into 5001).
SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2071\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207c\u207d\u207e\u207f"

_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d+))?(?:\.(\d+))?\s*(.*)$")


class AmountError(ValueError):
    """The text is not an amount in a notation we accept."""


#: Largest amount accepted: far above any regional budget, far below where
#: arithmetic and formatting get into trouble.
MAX_AMOUNT = Decimal(10) ** 15


def parse_amount(value: Any, unit: str | None = None) -> Decimal:
    """Kronor (or a percentage or count) from a number or a Swedish amount.

    ``unit`` ("kr", "procent", "antal") limits the words that may follow the
    number: ``5 %`` is no amount of kronor. Raises :class:`AmountError` for
    text that is not an amount, and for amounts that are not finite or exceed
    :data:`MAX_AMOUNT`.
    """
    # a check reads each amount three times (schema, figures, sums): text is read once
    key = (value, unit) if type(value) is str else None
    if key is not None:
        known = _PARSED.get(key)
        if known is not None:
            if known is _NOT_AN_AMOUNT:
                raise AmountError(value)
            return known
    try:
        amount = _parse(value, _UNITS.get(unit or "", _ANY_UNIT))
        if not amount.is_finite() or abs(amount) > MAX_AMOUNT:
            raise AmountError(str(value))
    except AmountError:
        if key is not None:
            _remember(key, _NOT_AN_AMOUNT)
        raise
    if key is not None:
        _remember(key, amount)
    return amount


#: Amounts already read from text, by the text and the unit asked for (a
#: Decimal never changes, so one may be handed out again).
_PARSED: dict[tuple[str, str | None], Decimal] = {}
_NOT_AN_AMOUNT = Decimal("NaN")


def _remember(key: tuple[str, str | None], amount: Decimal) -> None:
    if len(_PARSED) >= 4096:
        _PARSED.clear()
    _PARSED[key] = amount


def _parse(value: Any, words: dict[str, int]) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise AmountError(str(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    if not isinstance(value, str) or any(ch in SUPERSCRIPTS for ch in value):
        raise AmountError(str(value))
    if any(ch in REORDERING for ch in value):
        raise AmountError(value)  # what is read would not be what is shown
    m = _NUMBER.match(_fold(value))
    if not m:
        raise AmountError(value)
    sign, whole, decimals_comma, decimals_dot, unit = m.groups()
    if "." in whole and decimals_dot:
        raise AmountError(value)
    if decimals_comma and decimals_dot:
        raise AmountError(value)
    number = whole.replace(" ", "").replace(".", "")
    frac = decimals_comma or decimals_dot
    unit_key = unit.strip().casefold().rstrip()
    if unit_key not in words:
        raise AmountError(value)
    try:
        amount = Decimal(f"{sign}{number}.{frac}" if frac else f"{sign}{number}")
    except InvalidOperation:
        raise AmountError(value) from None
    return amount * words[unit_key]


def readable(text: str) -> str:
    """``text`` as the reader sees it: zero-width characters and soft hyphens,
    which Word leaves in pasted text and nobody sees, taken out. (Non-breaking
    and narrow spaces between digit groups are spaces to the parser.)"""
    return text.translate(_ZERO_WIDTH) if any(ch in ZERO_WIDTH for ch in text) else text


def reordering_char(value: Any) -> tuple[str, str] | None:
    """(the character, the text before it) of the first character in an
    amount that can change the order its digits are shown in, or ``None``."""
    if not isinstance(value, str):
        return None
    text = readable(value)
    for i, ch in enumerate(text):
        if ch in REORDERING:
            return ch, text[max(0, i - 20) : i].strip()
    return None


def _fold(value: str) -> str:
    text = unicodedata.normalize("NFKC", readable(value)).replace("\u2212", "-").strip()
    return re.sub(r"\s+", " ", text)


def amount_unit(value: Any) -> str:
    """The unit word written after the number (``"tkr"`` in ``61 300 tkr``),
    folded to lower case; ``""`` for a bare number or text that is no amount."""
    if not isinstance(value, str) or any(ch in SUPERSCRIPTS for ch in value):
        return ""
    m = _NUMBER.match(_fold(value))
    return m.group(5).strip().casefold() if m else ""


def starts_with_number(value: Any) -> bool:
    """Whether ``value`` is a number or text that begins with one (``61 300``, ``-5 %``)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float, Decimal)):
        return True
    return isinstance(value, str) and _NUMBER.match(_fold(value)) is not None


def unit_of(word: str) -> tuple[str, int] | None:
    """The unit ("kr", "procent", "antal") and factor of a unit word, or ``None``."""
    return _UNIT_WORDS.get(_fold(word).casefold())


def units_in(text: str) -> list[str]:
    """The unit words in free text, such as a table header: ``["tkr"]`` for
    ``Belopp (tkr)``; folded to lower case, each distinct meaning once."""
    found: dict[tuple[str, int], str] = {}
    for m in _UNIT_IN_TEXT.finditer(_fold(text)):
        word = m.group(1).casefold()
        found.setdefault(_UNIT_WORDS[word], word)
    return list(found.values())


#: Amounts already formatted, by their exact text, unit and locale: a batch
#: formats the same few amounts again and again, and babel is slow at it.
_FORMATTED: dict[tuple[str, str, str], str] = {}


def format_amount(amount: Decimal, unit: str = "kr", locale: str = "sv_SE") -> str:
    """``88 000 000 kr`` (non-breaking spaces), for reports."""
    key = (str(amount), unit, locale) if isinstance(amount, Decimal) else None
    if key is not None:
        done = _FORMATTED.get(key)
        if done is not None:
            return done
    pattern, parsed = _amount_format(locale)
    number = pattern.apply(amount, parsed)  # what babel's format_decimal does, without parsing both again
    suffix = {"kr": " kr", "procent": " %", "antal": ""}.get(unit, "")
    text = number + suffix.replace(" ", "\u00a0")
    if key is not None:
        if len(_FORMATTED) >= 4096:
            _FORMATTED.clear()
        _FORMATTED[key] = text
    return text


@lru_cache(maxsize=8)
def _amount_format(locale: str) -> tuple[Any, Any]:
    """The pattern ``#,##0.##`` and the locale, parsed once: a summary formats
    every figure of every report, and parsing them is most of the work."""
    from babel import Locale
    from babel.numbers import parse_pattern

    return parse_pattern("#,##0.##"), Locale.parse(locale)


def spell_amount(amount: Decimal, lang: str = "sv") -> str:
    """Written out as a person would: ``88 miljoner kronor``, ``1,2 miljarder kronor``.

    Millions and billions to one decimal, kronor to whole kronor, each rounded
    half up as people round (42 450 000 is "42,5 miljoner", not the banker's
    "42,4"). The unit is chosen after rounding, so 999 950 000 is "1 miljard
    kronor", never "1 000 miljoner kronor".
    """
    from babel.numbers import format_decimal

    from toolkit.messages import t

    locale = "sv_SE" if lang == "sv" else "en_GB"
    # (size of the unit, rounding step, message), largest first
    units = ((Decimal(1_000_000_000), Decimal("0.1"), "amount-billions"),
             (Decimal(1_000_000), Decimal("0.1"), "amount-millions"),
             (Decimal(1), Decimal(1), "amount-kronor"))
    i = next(i for i, (size, _, _) in enumerate(units) if abs(amount) >= size or size == 1)
    size, step, key = units[i]
    n = (amount / size).quantize(step, rounding=ROUND_HALF_UP)
    if i and abs(n) * size >= units[i - 1][0]:
        # rounding reached the next unit up: say it in that unit
        size, step, key = units[i - 1]
        n = (amount / size).quantize(step, rounding=ROUND_HALF_UP)
    number = format_decimal(n, format="#,##0.#", locale=locale)
    return t(key, lang, n=number, one=1 if abs(n) == 1 else 2)
