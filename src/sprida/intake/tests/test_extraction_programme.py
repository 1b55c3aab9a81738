"""The programme: budgets written without 'kronor' or in mnkr/mdkr/tkr, and periods given as the
years of a budget or the dates a regulation comes into and goes out of force."""

from __future__ import annotations

from typing import Any

import pytest

from sprida.intake.extraction import extract_text
from sprida.intake.extraction.amounts import find_amounts

SOURCE = {"path": "x.txt", "sha256": "0" * 64}


def programme(text: str) -> dict[str, Any] | None:
    return extract_text(text, source=SOURCE).to_schema_dict()["programme"]


@pytest.mark.parametrize(
    ("sentence", "budget"),
    [
        ("Effektivitetsdelegationen fördelar 250 miljoner per år under perioden 2025–2030.", 250),
        ("Delegationen kan fördela 750 mnkr per år under 2025–2030.", 750),
        ("Regeringen har avsatt 1,2 mdkr per år 2025–2030 för bidraget.", 1200),
        ("Statsbidraget uppgår till 250 000 tkr per år under åren 2025–2030.", 250),
    ],
)
def test_a_budget_in_any_unit_and_its_period(sentence: str, budget: int) -> None:
    found = programme(f"Tjänsteskrivelse\n\nBakgrund\n\n{sentence}")
    assert found is not None
    assert found["budget_sek_per_year"] == budget * 1_000_000
    assert found["period"] == [2025, 2030]


def test_a_scale_word_without_currency_is_money_only_about_money() -> None:
    assert [a.value for a in find_amounts("fördelar 250 miljoner per år", bare=True)] == [
        250_000_000
    ]
    assert find_amounts("fördelar 250 miljoner per år") == []  # strict by default
    assert find_amounts("Länet har 2 miljoner invånare.", bare=True) == []


def test_a_regions_own_costs_per_year_are_not_the_programmes_budget() -> None:
    found = programme(
        "Tjänsteutlåtande\n\nEkonomi\n\nFörvaltningens egna kostnader, cirka 4 mnkr per år, "
        "ryms i budgeten. Ansökan gäller perioden 2025–2027."
    )
    assert found is None or found["budget_sek_per_year"] is None


def test_the_application_period_is_not_the_programme_period() -> None:
    found = programme(
        "Tjänsteutlåtande\n\nÄrendet\n\nAnsökan uppgår till 46 miljoner för perioden 2025–2027.\n\n"
        "Bakgrund\n\nEffektivitetsdelegationen fördelar 250 miljoner per år under perioden "
        "2025–2030."
    )
    assert found is not None and found["period"] == [2025, 2030]


def test_a_regulations_period_from_when_it_comes_into_and_goes_out_of_force() -> None:
    found = programme(
        "Svensk författningssamling\nSFS 2025:1187\n\nFörordning om statsbidrag till regioner\n\n"
        "Utfärdad: 2025-11-27\n\n"
        "2 § För bidraget får högst 300 miljoner kronor per år användas.\n\n"
        "Denna förordning träder i kraft den 1 januari 2026 och upphör att gälla vid utgången av "
        "2028."
    )
    assert found == {
        "budget_sek_per_year": 300_000_000,
        "period": [2026, 2028],
        "regulation": "2025:1187",
    }
