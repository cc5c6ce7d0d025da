"""Heading normalisation and matching; Swedish amounts."""

from decimal import Decimal

import pytest

from toolkit.checking.matching import Matcher
from toolkit.decisions.load import load_conditions
from toolkit.read.amounts import AmountError, format_amount, parse_amount, spell_amount
from toolkit.read.text import did_you_mean, normalise, split_explicit_id


@pytest.mark.parametrize(
    "heading",
    [
        "Jämställd regional tillväxt",
        "JÄMSTÄLLD REGIONAL TILLVÄXT",
        "2. Jämställd regional tillväxt",
        "3.2 Jämställd  regional\ttillväxt",
        "A) Jämställd regional tillväxt",
        "(b) Jämställd regional tillväxt.",
        "IV. Jämställd regional tillväxt:",
        "Jämställd\u00a0regional tillväxt",  # non-breaking space pasted from Word
        "Jäm\u00adställd regional tillväxt",  # soft hyphen pasted from Word
    ],
)
def test_normalise_folds_case_space_numbering_and_word_paste(heading: str):
    assert normalise(heading) == "jämställd regional tillväxt"


def test_normalise_keeps_numbers_that_are_not_numbering():
    assert normalise("Användning av anslag 1:1") == "användning av anslag 1 1"
    assert normalise("Agenda 2030") == "agenda 2030"


def test_split_explicit_id():
    assert split_explicit_id("Vår rubrik {#digitalisering}") == ("Vår rubrik", "digitalisering")
    assert split_explicit_id("Vår rubrik") == ("Vår rubrik", None)


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_conditions("2017"))


@pytest.mark.parametrize(
    "heading, section_id, how",
    [
        ("3. Samarbete med länsstyrelsen", "samarbete-lansstyrelsen", "title"),
        ("Samverkan med Länsstyrelsen", "samarbete-lansstyrelsen", "alias"),
        ("Något helt eget {#klimat-miljo}", "klimat-miljo", "id"),
        ("klimat-miljo", "klimat-miljo", "id"),
    ],
)
def test_matcher_by_title_alias_and_id(matcher: Matcher, heading: str, section_id: str, how: str):
    m = matcher.match(heading)
    assert m.section is not None and m.section.id == section_id
    assert m.how == how


def test_near_miss_suggests(matcher: Matcher):
    m = matcher.match("4. Lärande och uppföljnng")
    assert m.section is None
    assert m.suggestion is not None and m.suggestion.id == "larande-uppfoljning"
    m = matcher.match("Bakgrund")
    assert m.section is None and m.suggestion is None


def test_unknown_explicit_id_suggests(matcher: Matcher):
    m = matcher.match("Rubrik {#digitaliseing}")
    assert m.section is None and m.unknown_id == "digitaliseing"
    assert m.suggestion is not None and m.suggestion.id == "digitalisering"


def test_did_you_mean():
    assert did_you_mean("sumary", ["summary", "region"]) == "summary"
    assert did_you_mean("zzz", ["summary", "region"]) is None


@pytest.mark.parametrize(
    "text",
    ["88000000", "88 000 000", "88 000 000 kr", "88\u00a0000\u00a0000 kr", "88 mnkr", "88 mkr", "88 Mkr",
     "88 miljoner", "88 miljoner kronor", "88,0 mnkr", "88000 tkr", "0,088 miljarder", "88.000.000", "88 000 000 SEK"],
)
def test_amount_notations_agree(text: str):
    assert parse_amount(text) == Decimal(88_000_000)


def test_amount_decimals_and_numbers():
    assert parse_amount("42,5 mkr") == Decimal(42_500_000)
    assert parse_amount("1,2 miljarder") == Decimal(1_200_000_000)
    assert parse_amount(88000000) == Decimal(88_000_000)
    assert parse_amount(42.5) == Decimal("42.5")
    assert parse_amount("-3 tkr") == Decimal(-3000)


@pytest.mark.parametrize("bad", ["cirka hälften", "88 äpplen", "", "88,5,5", "kr 88", True, None, [1], "12.345,6.7"])
def test_not_amounts(bad: object):
    with pytest.raises(AmountError):
        parse_amount(bad)


def test_format_and_spell():
    assert format_amount(Decimal(88_000_000)) == "88\u00a0000\u00a0000\u00a0kr"
    assert format_amount(Decimal("42500000.0")) == "42\u00a0500\u00a0000\u00a0kr"
    assert spell_amount(Decimal(88_000_000)) == "88 miljoner kronor"
    assert spell_amount(Decimal(1_000_000)) == "1 miljon kronor"
    assert spell_amount(Decimal(1_200_000_000)) == "1,2 miljarder kronor"
    assert spell_amount(Decimal(42_500)) == "42\u00a0500 kronor"


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "1" * 43, 10**16, "2 000 000 miljarder"])
def test_non_finite_and_absurd_amounts_are_refused(bad: object):
    with pytest.raises(AmountError):
        parse_amount(bad)


def test_percent_and_count_units():
    assert parse_amount("45 %") == Decimal(45)
    assert parse_amount("12 st") == Decimal(12)


def test_the_unit_limits_the_words_after_the_number():
    assert parse_amount("45 %", "procent") == Decimal(45)
    assert parse_amount("12 st", "antal") == Decimal(12)
    assert parse_amount("88 mnkr", "kr") == Decimal(88_000_000)
    for text, unit in (("5 %", "kr"), ("3 st", "kr"), ("88 mnkr", "procent"), ("45 %", "antal")):
        with pytest.raises(AmountError):
            parse_amount(text, unit)
