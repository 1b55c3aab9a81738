"""In a real browser: the application form's tab stops run title first and pass the 21 region
boxes in one stop until they are opened."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sprida.core.tests.browser import serious_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"
FOCUSED = "() => { const e = document.activeElement; return e.name || e.tagName; }"


def test_the_application_form_in_tab_order(browser, live_server, make_user, seeded) -> None:
    make_user("orebro", "editor", username="helene")
    page = browser.new_page()
    try:
        sign_in(page, live_server.url, "helene", PASSWORD)
        page.goto(live_server.url + reverse("grants:application_create"))
        page.get_by_label("Rubrik").focus()
        assert page.evaluate(FOCUSED) == "title"
        stops: list[str] = []
        while len(stops) < 60 and page.evaluate(FOCUSED) != "BUTTON":
            page.keyboard.press("Tab")
            stops.append(page.evaluate(FOCUSED))
        assert stops[:3] == ["applicant", "joint", "SUMMARY"], stops
        assert "participants" not in stops and len(stops) < 25, stops
        page.locator("details.choice-group summary").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED) == "participants"
        assert serious_violations(page) == []
    finally:
        page.close()
