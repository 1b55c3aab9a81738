"""No lost updates in the catalogue: two saves of a solution from the same loaded version."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from sprida.core.tests.editing import conflict_of, save_again, two_saves


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_solution_second_save_is_refused_and_the_first_kept(people, make_user, published) -> None:
    url = reverse("spreading:solution_edit", args=[published.slug])
    refused = two_saves(
        _client(make_user("orebro", "editor", first_name="Olle", last_name="Ek")),
        _client(people["editor"]),
        url,
        mine={"setup_cost_sek": "250000"},
        theirs={"summary": "Alices sammanfattning"},
    )
    conflict = conflict_of(refused)
    assert conflict.saved_by == "Olle Ek"
    published.refresh_from_db()
    assert published.setup_cost_sek == 250_000
    assert published.summary == "Sensorer larmar innan patienten faller."
    rows = {(row.theirs, row.yours) for row in conflict.rows}
    assert ("250\u00a0000", "–") in rows
    assert ("Sensorer larmar innan patienten faller.", "Alices sammanfattning") in rows
    save_again(_client(people["editor"]), url, refused, setup_cost_sek="250000")
    published.refresh_from_db()
    assert published.summary == "Alices sammanfattning" and published.setup_cost_sek == 250_000
