"""Region names in any inflection resolve to the registry's 21 regions."""

from __future__ import annotations

import pytest

from sprida.core.regionnames import (
    all_regions,
    find_regions,
    luhn_valid,
    region_for_domain,
    resolve_region,
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Regions Örebro läns", "Region Örebro län"),
        ("Region Örebro läns", "Region Örebro län"),
        ("Region Örebro län", "Region Örebro län"),
        ("Örebro läns", "Region Örebro län"),
        ("Västra Götalandsregionen", "Västra Götalandsregionen"),
        ("Västra Götalandsregionens", "Västra Götalandsregionen"),
        ("Jämtland Härjedalens", "Region Jämtland Härjedalen"),
        ("Regionen Jämtland Härjedalen", "Region Jämtland Härjedalen"),
        ("Region Gotlands", "Region Gotland"),
        ("Region Stockholms", "Region Stockholm"),
        ("Stockholms läns region", "Region Stockholm"),
        ("Region Skånes", "Region Skåne"),
        ("region jönköpings län", "Region Jönköpings län"),
        ("REGION KALMAR LÄN", "Region Kalmar län"),
        ("Region\u00a0Västernorrland", "Region Västernorrland"),
    ],
)
def test_resolve_region_inflections(text: str, name: str) -> None:
    region = resolve_region(text)
    assert region is not None
    assert region.name == name


@pytest.mark.parametrize("text", ["regionen", "regionerna", "21 regioner", "", "Kammarkollegiet"])
def test_resolve_region_refuses_non_regions(text: str) -> None:
    assert resolve_region(text) is None


def test_every_official_name_resolves_to_itself() -> None:
    regions = all_regions()
    assert len(regions) == 21
    for region in regions:
        assert resolve_region(region.name) == region
        assert luhn_valid(region.org_number)


def test_find_regions_spans_and_order() -> None:
    text = (
        "Regionen ska svara. Samtliga 21 regioner och regionerna deltar. "
        "Beslut om Region Örebro läns (232100–0164) ansökan; Regionstyrelsen i "
        "Regionen Jämtland Härjedalen. Plats: Regionens hus, Örebro."
    )
    hits = find_regions(text)
    assert [region.slug for region, _, _ in hits] == ["orebro", "jamtland-harjedalen"]
    _, start, end = hits[0]
    assert text[start:end] == "Region Örebro läns"
    assert text[hits[1][1] : hits[1][2]] == "Regionen Jämtland Härjedalen"


def test_luhn_valid_accepts_any_dash() -> None:
    assert luhn_valid("232100-0164")
    assert luhn_valid("232100–0164")
    assert luhn_valid("2321000164")
    assert not luhn_valid("232100-0165")
    assert not luhn_valid("23210-0164")


def test_region_for_domain() -> None:
    region = region_for_domain("helene.samuelsson@regionorebrolan.se")
    assert region is not None and region.slug == "orebro"
    assert region_for_domain("kammarkollegiet.se") is None
