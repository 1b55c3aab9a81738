"""The shared form page summarises its errors on top (the error summary component)."""

from __future__ import annotations

from django.urls import reverse


def test_the_shared_form_page_shows_the_summary(client, people, seeded) -> None:
    client.force_login(people["editor"])
    response = client.post(reverse("grants:application_create"), {"title": ""})
    page = response.content.decode()
    assert "<title>Fel: " in page
    assert 'href="#id_title"' in page.split("data-error-summary", 1)[1]
