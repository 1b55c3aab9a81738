"""Swedish amounts to integer kronor, for every way they are written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprida.intake.extraction.amounts import find_amounts, format_sek, parse_amount

SEPARATORS = [" ", "\u00a0", "\u2009", "\u202f"]


def grouped(value: int, separator: str) -> str:
    return f"{value:,}".replace(",", separator)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("34 870 000 kronor", 34_870_000),
        ("5 870 000 kr", 5_870_000),
        ("1,6 miljarder kronor", 1_600_000_000),
        ("250 miljoner kronor", 250_000_000),
        ("28,9 miljoner kronor", 28_900_000),
        ("82,9 mnkr", 82_900_000),
        ("12 mkr", 12_000_000),
        ("3,5 Mkr", 3_500_000),
        ("500 tkr", 500_000),
        ("1 200 000:-", 1_200_000),
        ("1.200.000 kr", 1_200_000),
        ("12 MSEK", 12_000_000),
        ("34\u00a0870\u00a0000 kr", 34_870_000),
        ("34\u2009870\u2009000 kronor", 34_870_000),
    ],
)
def test_parse_amount_examples(text: str, value: int) -> None:
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["21 regioner", "2025", "250 miljoner", "kr", ""])
def test_parse_amount_refuses_non_amounts(text: str) -> None:
    assert parse_amount(text) is None


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(SEPARATORS))
def test_grouped_kronor_round_trip(value: int, separator: str) -> None:
    for unit in ("kr", "kronor", "SEK", ":-"):
        text = grouped(value, separator) + ("" if unit == ":-" else " ") + unit
        assert parse_amount(text) == value


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(SEPARATORS))
def test_millions_round_trip(tenths: int, separator: str) -> None:
    value = tenths * 100_000
    whole, tenth = divmod(tenths, 10)
    text = grouped(whole, separator) + (f",{tenth}" if tenth else "")
    for unit in ("miljoner kronor", "mnkr", "mkr", "Mkr", "MSEK"):
        assert parse_amount(f"{text}{separator}{unit}") == value


@given(st.integers(min_value=1, max_value=999_999))
def test_thousands_round_trip(thousands: int) -> None:
    assert parse_amount(f"{grouped(thousands, ' ')} tkr") == thousands * 1000


@given(st.integers(min_value=0, max_value=10**11))
def test_format_then_parse(value: int) -> None:
    assert parse_amount(format_sek(value)) == value


def test_find_amounts_keeps_years_apart() -> None:
    text = "under år 2025, 11 625 000 kronor under 2026 och 2027 11 620 000 kronor år 2027"
    assert [a.value for a in find_amounts(text)] == [11_625_000, 11_620_000]
    first = find_amounts(text)[0]
    assert text[first.start : first.end] == "11 625 000 kronor"


def test_format_sek() -> None:
    assert format_sek(34_870_000) == "34 870 000 kr"
    assert format_sek(-500) == "-500 kr"


def test_bare_scale_words_count_only_when_asked() -> None:
    text = "Delegationen fördelar 250 miljoner per år och 1,5 miljarder totalt."
    assert find_amounts(text) == []
    found = find_amounts(text, bare=True)
    assert [(a.value, a.text) for a in found] == [
        (250_000_000, "250 miljoner"),
        (1_500_000_000, "1,5 miljarder"),
    ]
    assert text[found[0].start : found[0].end] == "250 miljoner"


def test_bare_amounts_keep_their_place_among_the_others() -> None:
    text = "Ansökan om 12 mkr, varav 4 miljoner för utbildning och 8 miljoner kronor för drift."
    assert [a.value for a in find_amounts(text, bare=True)] == [12_000_000, 4_000_000, 8_000_000]


@pytest.mark.parametrize(
    "text",
    ["Länet har 2 miljoner invånare.", "Det blev 3 miljoner besök.", "5 mnkronor", "7 miljonerna"],
)
def test_a_counted_noun_after_a_scale_word_is_no_money(text: str) -> None:
    assert find_amounts(text, bare=True) == []


@pytest.mark.parametrize("end", [".", ",", ";", ")", "", " - vilket"])
def test_a_bare_amount_may_end_a_clause(end: str) -> None:
    assert [a.value for a in find_amounts(f"(sökt: 46 miljoner{end}", bare=True)] == [46_000_000]


def test_the_definite_plural_of_kronor_is_money() -> None:
    found = find_amounts("av de sökta 9 000 000 kronorna beviljas 6 000 000 kronor")
    assert [(a.value, a.text) for a in found] == [
        (9_000_000, "9 000 000 kronorna"),
        (6_000_000, "6 000 000 kronor"),
    ]
