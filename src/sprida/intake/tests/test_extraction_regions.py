"""Regions: short county names only where the text lists regions; the central region first."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sprida.intake.extraction import extract_text

SOURCE = {"path": "x.txt", "sha256": "0" * 64}


def regions(text: str) -> list[dict[str, Any]]:
    return extract_text(text, source=SOURCE).to_schema_dict()["regions"]


def names(text: str) -> list[str]:
    return [r["name"] for r in regions(text)]


def test_short_county_names_in_a_list_about_regions() -> None:
    found = names(
        "Information\n\nBidrag har beviljats till regionerna Stockholm, Uppsala, Jämtland och "
        "Västra Götaland. Fler regioner får besked i juni."
    )
    assert found == [
        "Region Stockholm",
        "Region Uppsala",
        "Region Jämtland Härjedalen",
        "Västra Götalandsregionen",
    ]


def test_a_list_of_three_county_names_is_about_regions_without_saying_so() -> None:
    found = names("Styrgruppen\n\nI styrgruppen ingår Skåne, Halland och Kronoberg.")
    assert found == ["Region Skåne", "Region Halland", "Region Kronoberg"]


def test_a_lone_city_is_no_region() -> None:
    text = (
        "Inbjudan\n\nSeminariet hålls i Stockholm den 4 december. Resan från Uppsala tar en "
        "timme. Region Dalarna deltar."
    )
    assert names(text) == ["Region Dalarna"]


def test_two_cities_without_regions_in_the_sentence_are_no_regions() -> None:
    assert names("Resor\n\nTåget går mellan Stockholm och Uppsala varje timme.") == []


def test_the_applicant_is_the_region_the_decision_is_about_not_the_most_mentioned() -> None:
    text = (
        "Beslut om bidrag för åtgärder för en effektiv hälso- och sjukvård\n\n"
        "Effektivitetsdelegationen beslutar att bevilja Region Dalarna bidrag med "
        "4 000 000 kronor.\n\n"
        "Åtgärden bygger på erfarenheter från Region Gävleborg. Region Gävleborg och Region "
        "Dalarna har samarbetat sedan 2023, och Region Gävleborg har delat sina underlag. "
        "Region Gävleborg deltar i utvärderingen."
    )
    found = regions(text)
    assert found[0]["name"] == "Region Dalarna" and found[0]["role"] == "applicant"
    assert found[1] == {
        "name": "Region Gävleborg",
        "org_number": "232100-0198",
        "role": "mentioned",
    }


def test_the_region_in_the_letterhead_writes_the_memo() -> None:
    text = (
        "Region Västmanland\nTjänsteskrivelse\n2025-05-20\n\nAnsökan om statsbidrag\n\n"
        "Förslag till beslut\nRegionstyrelsen föreslås besluta att ansöka om 5 mnkr.\n\n"
        "Erfarenheter från Region Örebro län och Region Örebro län visar att arbetssättet "
        "fungerar. Region Örebro län har bidragit med underlag."
    )
    assert names(text)[0] == "Region Västmanland"


def test_a_region_named_in_a_government_press_release_is_only_mentioned() -> None:
    found = regions(
        "Pressmeddelande\n20 november 2025\nSocialdepartementet\n\nBidrag till vården\n\n"
        "Region Skåne får bidrag för AI-stöd."
    )
    assert found[0]["name"] == "Region Skåne" and found[0]["role"] == "mentioned"
    own = regions(
        "Region Norrbotten\nPRESSMEDDELANDE\n14 november 2025\n\nBidrag till glesbygden\n\n"
        "Region Norrbotten får bidrag."
    )
    assert own[0]["role"] == "author"


_COUNTIES = {
    "Stockholm": "Region Stockholm",
    "Uppsala": "Region Uppsala",
    "Jämtland": "Region Jämtland Härjedalen",
    "Kalmar": "Region Kalmar län",
    "Gävleborg": "Region Gävleborg",
    "Skåne": "Region Skåne",
    "Norrbotten": "Region Norrbotten",
    "Örebro": "Region Örebro län",
}


def _listed(counties: list[str]) -> str:
    return ", ".join(counties[:-1]) + " och " + counties[-1]


@settings(max_examples=40, deadline=None)
@given(counties=st.lists(st.sampled_from(sorted(_COUNTIES)), min_size=2, max_size=5, unique=True))
def test_county_names_listed_where_the_text_is_about_regions_are_regions(
    counties: list[str],
) -> None:
    found = names(f"Nyhet\n\nBidrag har beviljats till regionerna {_listed(counties)}.")
    assert found == [_COUNTIES[c] for c in counties]


@settings(max_examples=40, deadline=None)
@given(counties=st.lists(st.sampled_from(sorted(_COUNTIES)), min_size=1, max_size=2, unique=True))
def test_one_or_two_places_in_a_text_not_about_regions_are_no_regions(counties: list[str]) -> None:
    places = counties[0] if len(counties) == 1 else " och ".join(counties)
    assert names(f"Resor\n\nSeminariet hålls i {places} i december.") == []


@settings(max_examples=30, deadline=None)
@given(
    applicant=st.sampled_from(sorted(_COUNTIES)),
    mentioned=st.sampled_from(sorted(_COUNTIES)),
    times=st.integers(min_value=1, max_value=4),
)
def test_the_applicant_is_never_a_region_only_mentioned(
    applicant: str, mentioned: str, times: int
) -> None:
    if applicant == mentioned:
        return
    other = _COUNTIES[mentioned]
    found = regions(
        "Beslut\n\nEffektivitetsdelegationen beslutar att bevilja "
        f"{_COUNTIES[applicant]}s ansökan om bidrag. Bidrag beviljas med 2 000 000 kronor.\n\n"
        + " ".join(f"Arbetet liknar det som {other} har gjort." for _ in range(times))
    )
    assert found[0]["name"] == _COUNTIES[applicant] and found[0]["role"] == "applicant"
    assert {r["name"]: r["role"] for r in found[1:]} == {other: "mentioned"}
