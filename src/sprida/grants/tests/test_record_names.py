"""Lists name records so they can be told apart: region, date, case number, year."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sprida.grants import page_tables
from sprida.grants.models import Deadline, Payout
from sprida.grants.tests.factories import (
    ApplicationFactory,
    DeadlineFactory,
    DecisionFactory,
    PayoutFactory,
    org,
)
from sprida.search.selectors import search_for_user
from sprida.search.services import search_reindex

pytestmark = pytest.mark.django_db

TITLE = "Ansökan om bidrag för åtgärder för en effektiv hälso- och sjukvård"


def _decision(region: str, day: dt.date, case_number: str = "") -> Any:
    application = ApplicationFactory(title=TITLE, applicant=org(region))
    return DecisionFactory(application=application, decided_on=day, case_number=case_number)


def test_two_decisions_of_one_region_give_deadlines_that_can_be_told_apart(orgs) -> None:
    first = _decision("orebro", dt.date(2025, 11, 11), "2025/41")
    second = _decision("orebro", dt.date(2026, 6, 2))
    for decision in (first, second):
        DeadlineFactory(decision=decision)
    table = page_tables.deadlines_table(Deadline.objects.order_by("pk"))
    named = [row["application"] for row in table.rows]
    assert named == ["Beslut 2025-11-11, dnr 2025/41", "Beslut 2026-06-02"]


def test_payouts_name_their_decision_by_region_and_date(orgs) -> None:
    decisions = [
        _decision("orebro", dt.date(2025, 11, 11)),
        _decision("uppsala", dt.date(2025, 11, 11)),
    ]
    for decision in decisions:
        PayoutFactory(decision=decision)
    rows = page_tables.payouts_table(list(Payout.objects.order_by("pk"))).rows
    assert rows[0]["application"] == "Beslut 2025-11-11 till Region Örebro län"
    assert rows[1]["application"] == "Beslut 2025-11-11 till Region Uppsala"


def test_search_hits_with_one_title_name_region_and_year(orgs, people) -> None:
    _decision("orebro", dt.date(2025, 11, 11))
    _decision("uppsala", dt.date(2025, 11, 11))
    search_reindex()
    titles = [hit.title for hit in search_for_user(user=people["admin"], q="effektiv hälso")]
    assert len(titles) == len(set(titles)) == 2
    assert any("Region Uppsala" in t and "2025" in t for t in titles)
    decisions = {hit.title for hit in search_for_user(user=people["admin"], q="beslut")}
    assert "Beslut 2025-11-11 till Region Uppsala" in decisions
    assert "Beslut 2025-11-11 till Region Örebro län" in decisions
