"""Swedish alphabetical order: å, ä, ö after z; the same in Python and in the database."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprida.core.collation import Swedish, swedish_key, swedish_sorted
from sprida.core.models import Organisation, OrganisationKind, Region

SWEDISH = "abcdefghijklmnopqrstuvwxyzåäö"

# How a Swedish reader expects these, including folded letters and case.
EXPECTED = [
    "a b",
    "a1",
    "ab",
    "Ab",
    "Eda",
    "Éda",
    "Gotland",
    "Gävleborg",
    "Halland",
    "Vara",
    "Wadköping",
    "Über",
    "Ystad",
    "Zinkgruvan",
    "Åre",
    "Älmhult",
    "Ærø",
    "Örebro län",
    "Østby",
    "Östergötland",
]


def test_python_order_is_swedish() -> None:
    shuffled = EXPECTED[:]
    random.Random(7).shuffle(shuffled)
    assert swedish_sorted(shuffled) == EXPECTED


@given(st.lists(st.text(alphabet=SWEDISH, min_size=0, max_size=6), max_size=12))
def test_lower_case_words_sort_by_the_swedish_alphabet(words: list[str]) -> None:
    by_alphabet = sorted(words, key=lambda word: [SWEDISH.index(c) for c in word])
    assert sorted(words, key=swedish_key) == by_alphabet


@pytest.mark.django_db
def test_the_database_orders_as_python_does() -> None:
    names = EXPECTED[:]
    random.Random(3).shuffle(names)
    Organisation.objects.bulk_create(
        Organisation(
            slug=f"org-{i}", name=name, kind=OrganisationKind.NATIONAL, org_number=f"9{i:05d}-0000"
        )
        for i, name in enumerate(names)
    )
    ordered = Organisation.objects.filter(slug__startswith="org-").order_by(Swedish("name"))
    assert [org.name for org in ordered] == EXPECTED


def test_regions_are_listed_in_swedish_order(orgs, client) -> None:
    names = list(Region.objects.values_list("name", flat=True))
    assert names == swedish_sorted(names)
    assert names.index("Region Gotland") < names.index("Region Gävleborg")
    assert names[-3:] == ["Region Örebro län", "Region Östergötland", "Västra Götalandsregionen"]
    page = client.get("/organisationer/").content.decode()
    assert page.index("Region Gotland") < page.index("Region Gävleborg")
    assert page.index("Region Kalmar län") < page.index("Region Östergötland")
    assert page.index("Region Västmanland") < page.index("Region Östergötland")
