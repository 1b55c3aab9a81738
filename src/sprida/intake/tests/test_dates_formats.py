"""Every month name and abbreviation with its number, the forms around a date that parse_date
accepts or refuses, and property tests that write random dates the Swedish ways with a formatter
of their own and read them back."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprida.intake.extraction.dates import find_dates, parse_date

# Written out here, not taken from the module, so a wrong entry there cannot agree with itself.
MONTH_NAMES = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]
ABBREVIATIONS = {
    1: ["jan"],
    2: ["feb"],
    3: ["mar"],
    4: ["apr"],
    6: ["jun"],
    7: ["jul"],
    8: ["aug"],
    9: ["sep", "sept"],
    10: ["okt"],
    11: ["nov"],
    12: ["dec"],
}
ALL_ABBREVIATIONS = [(abbr, month) for month, abbrs in ABBREVIATIONS.items() for abbr in abbrs]


@pytest.mark.parametrize(("month", "name"), list(enumerate(MONTH_NAMES, start=1)))
def test_each_month_name_has_its_number(month: int, name: str) -> None:
    assert parse_date(f"14 {name} 2026") == date(2026, month, 14)
    assert parse_date(f"14 {name.capitalize()} 2026") == date(2026, month, 14)


@pytest.mark.parametrize(("abbr", "month"), ALL_ABBREVIATIONS)
def test_each_abbreviation_has_its_number(abbr: str, month: int) -> None:
    assert parse_date(f"3 {abbr} 2027") == date(2027, month, 3)
    assert parse_date(f"3 {abbr}. 2027") == date(2027, month, 3)
    assert parse_date(f"3 {abbr.upper()}. 2027") == date(2027, month, 3)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("30 november 2026.", date(2026, 11, 30)),  # the full stop ending a sentence
        ("Den 11 november 2025", date(2025, 11, 11)),
        ("DEN 11 november 2025", date(2025, 11, 11)),
        ("  den 11   november\n2025 ", date(2025, 11, 11)),
        ("1:a juni 2026", date(2026, 6, 1)),
        ("3:e juni 2026", date(2026, 6, 3)),
        ("5 juni år 2026", date(2026, 6, 5)),
        ("utgången av 2027", date(2027, 12, 31)),
        ("utgången av år 2027", date(2027, 12, 31)),
    ],
)
def test_parse_date_accepts(text: str, value: date) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "inte ett datum",
        ".30 november 2026",
        "30 november 2026X",
        "30 november 2026 och mer",
        "2025-02-30",
        "31 april 2026",
        "32 maj 2026",
        "14 smörgås 2026",
    ],
)
def test_parse_date_refuses(text) -> None:
    assert parse_date(text) is None


def test_a_date_with_its_year_is_not_inferred() -> None:
    [found] = find_dates("Beslut den 11 november 2025 i ärendet.", default_year=2024)
    assert (found.value, found.year_inferred) == (date(2025, 11, 11), False)
    assert found.year_inferred is False


def test_iso_and_year_end_dates_are_not_inferred() -> None:
    found = find_dates("2025-06-05 och utgången av år 2027", default_year=2024)
    assert [(d.value, d.year_inferred) for d in found] == [
        (date(2025, 6, 5), False),
        (date(2027, 12, 31), False),
    ]
    assert all(d.year_inferred is False for d in found)


def test_find_dates_gives_each_date_its_span() -> None:
    text = "Beslutet fattades 2025-06-05 och gäller till 30 november 2026."
    found = find_dates(text)
    assert [(d.start, d.end) for d in found] == [(18, 28), (45, 61)]
    assert [text[d.start : d.end] for d in found] == ["2025-06-05", "30 november 2026"]


def test_a_date_without_year_and_without_default_is_skipped_in_text() -> None:
    assert find_dates("Mötet den 27 maj avslutades.") == []


# Property tests: our own Swedish formatter against the parser.


def ordinal(day: int) -> str:
    """Swedish day ordinals: 1:a, 2:a, 3:e, 11:e, 12:e, 21:a, 22:a, 31:a."""
    suffix = "a" if day % 10 in (1, 2) and day not in (11, 12) else "e"
    return f"{day}:{suffix}"


def swedish_forms(value: date) -> list[str]:
    name = MONTH_NAMES[value.month - 1]
    forms = [
        f"{value.year}-{value.month:02d}-{value.day:02d}",
        f"{value.day} {name} {value.year}",
        f"den {value.day} {name} {value.year}",
        f"{ordinal(value.day)} {name} {value.year}",
        f"{value.day} {name.upper()} år {value.year}",
        f"{value.day:02d} {name} {value.year}",
    ]
    forms += [f"{value.day} {abbr}. {value.year}" for abbr in ABBREVIATIONS.get(value.month, [])]
    return forms


dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@given(dates)
def test_every_swedish_form_parses_back(value: date) -> None:
    for form in swedish_forms(value):
        assert parse_date(form) == value, form


@given(dates, st.integers(min_value=0, max_value=3))
def test_every_form_is_found_in_a_sentence_with_its_span(value: date, which: int) -> None:
    form = swedish_forms(value)[which]
    text = f"Enligt beslut {form} ska redovisningen lämnas."
    [found] = find_dates(text)
    assert found.value == value
    assert text[found.start : found.end].removeprefix("den ") == form.removeprefix("den ")


@given(dates)
def test_a_date_without_year_takes_the_default_year(value: date) -> None:
    text = f"{value.day} {MONTH_NAMES[value.month - 1]}"
    assert parse_date(text) is None
    assert parse_date(text, default_year=value.year) == value
    [found] = find_dates(f"Mötet {text} i Örebro", default_year=value.year)
    assert (found.value, found.year_inferred) == (value, True)
