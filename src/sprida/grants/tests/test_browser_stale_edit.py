"""In a real browser: two people edit the same measure at once; the second save is refused,
shows both versions and keeps the input, and a merged second try is saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sprida.core.tests.browser import serious_violations, sign_in
from sprida.grants.models import Measure
from sprida.grants.tests.factories import make_application, make_measure

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"


def test_two_browsers_edit_the_same_measure(browser, live_server, make_user) -> None:
    make_user("orebro", "editor", username="helene", first_name="Helene", last_name="Berg")
    make_user("orebro", "admin", username="omar", first_name="Omar", last_name="Lind")
    draft = make_application(status="draft", submitted_on=None, title="Utkast")
    measure = make_measure(application=draft, title="Taligenkänning", description="Från början")
    url = live_server.url + reverse("grants:measure_edit", args=[measure.pk])
    contexts = [browser.new_context(), browser.new_context()]
    helene, omar = (context.new_page() for context in contexts)
    try:
        sign_in(helene, live_server.url, "helene", PASSWORD)
        sign_in(omar, live_server.url, "omar", PASSWORD)
        helene.goto(url)
        omar.goto(url)
        # Helene saves first.
        helene.get_by_label("Beskrivning").fill("Helenes beskrivning")
        helene.get_by_role("button", name="Spara").click()
        helene.wait_for_url(f"**{reverse('grants:application', args=[draft.pk])}")
        # Omar, on the page he loaded before, changes the title and saves.
        omar.get_by_label("Rubrik").fill("Omars titel")
        omar.get_by_role("button", name="Spara").click()
        alert = omar.locator("section.conflict")
        alert.wait_for()
        text = alert.inner_text()
        assert "Någon annan sparade medan du skrev" in text
        assert "Helene Berg sparade posten" in text
        assert "Helenes beskrivning" in text and "Omars titel" in text
        assert omar.get_by_label("Rubrik").input_value() == "Omars titel"
        assert omar.get_by_label("Beskrivning").input_value() == "Från början"
        assert serious_violations(omar) == []
        stored = Measure.objects.get(pk=measure.pk)
        assert stored.title == "Taligenkänning" and stored.description == "Helenes beskrivning"
        # Omar takes Helene's description over and saves again: now it goes through.
        omar.get_by_label("Beskrivning").fill("Helenes beskrivning")
        omar.get_by_role("button", name="Spara").click()
        omar.wait_for_url(f"**{reverse('grants:application', args=[draft.pk])}")
        stored.refresh_from_db()
        assert stored.title == "Omars titel" and stored.description == "Helenes beskrivning"
    finally:
        for context in contexts:
            context.close()
