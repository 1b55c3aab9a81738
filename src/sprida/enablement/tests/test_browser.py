"""In a real browser: the dossier pages have no serious accessibility problems (axe)."""

from __future__ import annotations

import datetime as dt

import pytest

from sprida.core.tests.browser import serious_violations
from sprida.enablement import services
from sprida.enablement.models import CompensationRate
from sprida.enablement.tests.conftest import fill_and_publish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_dossier_pages_are_accessible(browser, live_server, people, orgs) -> None:
    coordinator = people["coordinator"]
    dossier = services.dossier_create(
        by=coordinator,
        title="AI-baserad taligenkänning",
        slug="ai-taligenkanning",
        purpose="Tal blir text i journalen.",
    )
    fill_and_publish(dossier.versions.get(), people, orgs)
    group = services.group_create(by=coordinator, name="Juridik", slug="juridik")
    services.group_member_add(
        by=coordinator, group=group, person=people["editor"], organisation=orgs["orebro"]
    )
    services.time_record(
        by=people["editor"],
        person=people["editor"],
        organisation=orgs["orebro"],
        group=group,
        month=dt.date(2025, 10, 1),
        hours="6,5",
    )
    CompensationRate.objects.create(valid_from=dt.date(2025, 1, 1), hourly_rate_sek=650)

    page = browser.new_page()
    page.goto(f"{live_server.url}/underlag/ai-taligenkanning/transparens/")
    assert serious_violations(page) == []
    page.goto(f"{live_server.url}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("sam")
    page.get_by_label("Lösenord").fill("correct-horse-battery")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_selector("h1")
    for path in (
        "/underlag/",
        "/underlag/ai-taligenkanning/",
        "/underlag/ai-taligenkanning/v1/",
        "/underlag/oversikt/",
        "/underlag/ersattning/?start=2025-01&end=2025-12",
        "/underlag/arbetsgrupper/juridik/",
        "/underlag/krav/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert serious_violations(page) == [], path
    assert page.locator("svg[role=img]").count() == 0  # the requirements page has no chart
    page.goto(f"{live_server.url}/underlag/ai-taligenkanning/")
    assert page.locator("svg[role=img]").count() == 1
    page.close()
