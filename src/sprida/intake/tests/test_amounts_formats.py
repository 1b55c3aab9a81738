"""Every unit Swedish documents write amounts in, with its factor, and property tests that write
random amounts the Swedish ways with a formatter of their own and read them back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprida.intake.extraction.amounts import find_amounts, parse_amount

BILLION, MILLION, THOUSAND = 10**9, 10**6, 10**3

# Each unit as documents write it, with the factor a wrong table entry would get wrong.
UNITS = [
    ("mdkr", BILLION),
    ("mdr kr", BILLION),
    ("mdrkr", BILLION),
    ("miljarder kronor", BILLION),
    ("miljard kronor", BILLION),
    ("mdr kronor", BILLION),
    ("mnkr", MILLION),
    ("mn kr", MILLION),
    ("mkr", MILLION),
    ("msek", MILLION),
    ("miljoner kronor", MILLION),
    ("miljon kronor", MILLION),
    ("mn sek", MILLION),
    ("tkr", THOUSAND),
    ("ksek", THOUSAND),
    ("tusen kronor", THOUSAND),
    ("kronor", 1),
    ("krona", 1),
    ("kr", 1),
    ("sek", 1),
]


@pytest.mark.parametrize(("unit", "factor"), UNITS)
def test_each_unit_has_its_factor(unit: str, factor: int) -> None:
    assert parse_amount(f"3 {unit}") == 3 * factor


@pytest.mark.parametrize(("unit", "factor"), UNITS)
def test_each_unit_in_capitals(unit: str, factor: int) -> None:
    assert parse_amount(f"7 {unit.upper()}") == 7 * factor


@pytest.mark.parametrize(("unit", "factor"), [(u, f) for u, f in UNITS if f > 1])
def test_each_scaled_unit_with_a_decimal_comma(unit: str, factor: int) -> None:
    assert parse_amount(f"2,25 {unit}") == 2 * factor + factor // 4


@pytest.mark.parametrize(("unit", "factor"), UNITS)
def test_each_unit_is_found_in_running_text(unit: str, factor: int) -> None:
    text = f"Regionen beviljas 4 {unit} för 2026."
    [found] = find_amounts(text)
    assert found.value == 4 * factor
    assert found.text == f"4 {unit}"
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize("word", ["miljoner", "miljarder", "tusen", "mn", "mdr"])
def test_a_word_unit_without_the_currency_is_no_amount(word: str) -> None:
    assert parse_amount(f"5 {word}") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12,5 kr", 13),  # half a krona rounds up, not to even
        ("13,5 kr", 14),
        ("12,49 kr", 12),
        ("0,5 kr", 1),
        ("2,0000005 mkr", 2_000_001),
    ],
)
def test_parts_of_a_krona_round_half_up(text: str, value: int) -> None:
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", [None, "", "   ", "kronor", "mnkr 5", "5,kr", "1 2 kr"])
def test_what_is_no_amount(text) -> None:
    assert parse_amount(text) is None


def test_find_amounts_gives_each_amount_its_own_span_and_text() -> None:
    text = "Ansökt 7 mnkr, beviljat 5 870 000 kronor och 1,6 mdkr totalt."
    assert [(a.value, a.text, text[a.start : a.end]) for a in find_amounts(text)] == [
        (7 * MILLION, "7 mnkr", "7 mnkr"),
        (5_870_000, "5 870 000 kronor", "5 870 000 kronor"),
        (1_600 * MILLION, "1,6 mdkr", "1,6 mdkr"),
    ]


# Property tests: our own Swedish formatter against the parser.

SEPARATORS = [" ", "\u00a0", "\u2009", "\u202f"]


def grouped(value: int, separator: str) -> str:
    """34870000 -> '34 870 000', written here rather than borrowed from the code under test."""
    digits = str(value)
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


def decimal_text(mantissa: int, decimals: int, separator: str) -> str:
    """mantissa / 10**decimals with a decimal comma, thousands grouped: (12345, 2) -> '123,45'."""
    whole, part = divmod(mantissa, 10**decimals)
    text = grouped(whole, separator)
    return f"{text},{part:0{decimals}d}" if decimals else text


def half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


@given(
    mantissa=st.integers(min_value=0, max_value=10**7),
    decimals=st.integers(min_value=0, max_value=3),
    unit=st.sampled_from(UNITS),
    separator=st.sampled_from(SEPARATORS),
)
def test_scaled_amounts_round_trip(
    mantissa: int, decimals: int, unit: tuple[str, int], separator: str
) -> None:
    name, factor = unit
    text = f"{decimal_text(mantissa, decimals, separator)}{separator}{name}"
    assert parse_amount(text) == half_up(mantissa * factor, 10**decimals)


@given(value=st.integers(min_value=1_000, max_value=10**12))
def test_dot_grouped_kronor_round_trip(value: int) -> None:
    assert parse_amount(f"{grouped(value, '.')} kr") == value
    assert parse_amount(f"{grouped(value, '.')}:-") == value


@given(
    values=st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=4),
    unit=st.sampled_from(UNITS),
)
def test_amounts_in_a_sentence_are_found_in_order(values: list[int], unit: tuple[str, int]) -> None:
    name, factor = unit
    text = " och ".join(f"år {2025 + i} {grouped(v, ' ')} {name}" for i, v in enumerate(values))
    found = find_amounts(text)
    assert [a.value for a in found] == [v * factor for v in values]
    assert [text[a.start : a.end] for a in found] == [a.text for a in found]


# Bare scale words ("250 miljoner per år"), read only where the caller knows the text is money.


@pytest.mark.parametrize(
    ("word", "factor"),
    [
        ("miljarder", BILLION),
        ("miljard", BILLION),
        ("mdr", BILLION),
        ("miljoner", MILLION),
        ("miljon", MILLION),
        ("mn", MILLION),
    ],
)
def test_a_bare_scale_word_has_its_factor_when_asked_for(word: str, factor: int) -> None:
    text = f"Programmet fördelar 2,5 {word} per år."
    [found] = find_amounts(text, bare=True)
    assert (found.value, found.text) == (2 * factor + factor // 2, f"2,5 {word}")
    assert text[found.start : found.end] == found.text
    assert find_amounts(text) == []


def test_a_bare_scale_word_before_a_counted_noun_is_no_amount() -> None:
    assert find_amounts("Länet har 2 miljoner invånare.", bare=True) == []


def test_bare_and_currency_amounts_come_in_text_order() -> None:
    text = "Först 3 miljoner per år, sedan 4 mnkr och till sist 5 miljoner."
    found = find_amounts(text, bare=True)
    assert [(a.value, a.text) for a in found] == [
        (3 * MILLION, "3 miljoner"),
        (4 * MILLION, "4 mnkr"),
        (5 * MILLION, "5 miljoner"),
    ]
