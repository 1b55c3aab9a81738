"""In a real browser: Region Jämtland Härjedalen's editor records a cost for Jämtland's part of
the joint application's measure; SKR's coordinator opens the report and sees Jämtland's part;
a region outside the application is refused."""

from __future__ import annotations

import re
from typing import Any

import pytest

from sprida.core.tests.browser import serious_violations, sign_in
from sprida.effects.models import Cost

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "correct-horse-battery"


def _page(browser: Any) -> Any:
    page = browser.new_page()
    page.set_default_timeout(120_000)
    return page


def _record_jamtlands_cost(page: Any, base: str, measure_pk: int) -> None:
    page.goto(f"{base}/effekter/atgard/{measure_pk}/")
    page.get_by_text("Registrera kostnad").click()
    form = page.locator("form[action$='/kostnad/']")
    assert "Posten registreras för Region Jämtland Härjedalen." in form.inner_text()
    form.get_by_label("år").fill("2026")
    form.get_by_label("kostnadsslag").select_option("external")
    form.get_by_label("beskrivning").fill("Medverkan i arbetsgruppen för juridik")
    form.get_by_label("belopp (kr)").fill("208 000")
    form.get_by_role("button", name="Spara kostnad").click()
    page.wait_for_selector("text=Kostnaden är sparad.")
    costs = page.locator("table", has_text="Kostnadsposter")
    assert "Region Jämtland Härjedalen" in costs.inner_text()
    assert costs.get_by_role("link", name=re.compile("^Ändra Medverkan")).count() == 1
    assert serious_violations(page) == []


def test_participant_records_its_part_and_the_coordinator_sees_it(
    browser, live_server, joint, make_user
) -> None:
    make_user("jamtland-harjedalen", "editor", username="jenny")
    make_user("skr", "editor", username="sam")
    make_user("vastmanland", "editor", username="vera")
    base = live_server.url

    page = _page(browser)
    sign_in(page, base, "jenny", PASSWORD)
    _record_jamtlands_cost(page, base, joint.measure.pk)
    page.close()
    cost = Cost.objects.get()
    assert (cost.part, cost.amount_sek) == (joint.jamtland, 208_000)

    coordinator = _page(browser)
    sign_in(coordinator, base, "sam", PASSWORD)
    coordinator.goto(f"{base}/effekter/")
    coordinator.get_by_role("button", name="Skapa utkast till delredovisning").click()
    coordinator.wait_for_selector("h2#parts")
    section = coordinator.locator("section", has_text="Status och kostnader för Region Jämtland")
    assert "Medverkan" not in section.inner_text()  # costs by kind, not the entries
    assert "208 000" in section.inner_text().replace("\u00a0", " ")
    totals = coordinator.locator("table", has_text="Upparbetat per deltagare och åtgärd")
    assert "Region Jämtland Härjedalen" in totals.inner_text()
    assert serious_violations(coordinator) == []
    coordinator.close()

    outsider = _page(browser)
    sign_in(outsider, base, "vera", PASSWORD)
    response = outsider.goto(f"{base}/effekter/atgard/{joint.measure.pk}/")
    assert response.status == 404
    outsider.close()
