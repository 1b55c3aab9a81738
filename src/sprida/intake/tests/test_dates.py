"""Swedish dates in running text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprida.intake.extraction.dates import MONTHS, find_dates, parse_date

MONTH_NAMES = {number: name for name, number in MONTHS.items()}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("30 november 2026", date(2026, 11, 30)),
        ("den 11 november 2025", date(2025, 11, 11)),
        ("2025-06-05", date(2025, 6, 5)),
        ("31 december 2027", date(2027, 12, 31)),
        ("28 februari 2028", date(2028, 2, 28)),
        ("1 jan. 2025", date(2025, 1, 1)),
    ],
)
def test_parse_date_examples(text: str, value: date) -> None:
    assert parse_date(text) == value


def test_year_inferred_from_context() -> None:
    assert parse_date("27 maj") is None
    assert parse_date("27 maj", default_year=2025) == date(2025, 5, 27)
    found = find_dates("Regionstyrelsen hanterade 27 maj ett ärende", default_year=2025)
    assert found[0].value == date(2025, 5, 27) and found[0].year_inferred


def test_invalid_dates_are_skipped() -> None:
    assert parse_date("30 februari 2026") is None
    assert find_dates("2025-13-01 och HSN/1005/2025") == []


def test_end_of_year() -> None:
    assert find_dates("vid utgången av år 2027")[0].value == date(2027, 12, 31)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_round_trip(value: date) -> None:
    forms = [
        value.isoformat(),
        f"{value.day} {MONTH_NAMES[value.month]} {value.year}",
        f"den {value.day} {MONTH_NAMES[value.month]} {value.year}",
    ]
    for form in forms:
        assert parse_date(form) == value
        sentence = f"Senast {form} ska rapporten lämnas."
        assert [d.value for d in find_dates(sentence)] == [value]
