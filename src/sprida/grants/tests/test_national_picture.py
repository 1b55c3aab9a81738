"""One rule for national aggregates: published decisions count the same for everyone; drafts,
unpublished decisions and submitted applications stay with those who may see them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from sprida.grants.models import ApplicationStatus
from sprida.grants.selectors import portfolio_summary
from sprida.grants.tests.factories import ApplicationFactory, DecisionFactory, org

pytestmark = pytest.mark.django_db


def _world() -> None:
    for region, granted in (("uppsala", 7_000_000), ("kalmar", 3_000_000)):
        application = ApplicationFactory(applicant=org(region), status=ApplicationStatus.DECIDED)
        DecisionFactory(application=application, granted_sek=granted, published=True)
    hidden = ApplicationFactory(applicant=org("gotland"), status=ApplicationStatus.DECIDED)
    DecisionFactory(application=hidden, granted_sek=5_000_000, published=False)
    ApplicationFactory(applicant=org("blekinge"), submitted_on=dt.date(2025, 6, 1))


def _granted(user: Any) -> dict[str, int]:
    return {row.organisation.slug: row.granted_sek for row in portfolio_summary(user=user).regions}


def test_published_totals_are_the_same_for_a_region_the_public_and_the_delegation(
    orgs, people
) -> None:
    _world()
    seen = {
        "region": _granted(people["editor"]),
        "public": _granted(AnonymousUser()),
        "delegation": _granted(people["officer"]),
    }
    for who, granted in seen.items():
        assert granted["uppsala"] == 7_000_000, who
        assert granted["kalmar"] == 3_000_000, who


def test_an_unpublished_decision_stays_with_those_who_may_see_it(orgs, people) -> None:
    _world()
    assert _granted(people["officer"])["gotland"] == 5_000_000
    assert _granted(people["editor"])["gotland"] == 0
    assert _granted(AnonymousUser())["gotland"] == 0


def test_a_submitted_application_is_not_counted_for_another_region(orgs, people) -> None:
    _world()
    counted = {
        r.organisation.slug: r.applications
        for r in portfolio_summary(user=people["stranger"]).regions
    }
    assert counted["blekinge"] == 0 and counted["uppsala"] == 1
