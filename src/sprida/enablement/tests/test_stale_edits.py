"""No lost updates in the shared dossiers: two saves of a draft from the same loaded version."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from sprida.core.tests.editing import conflict_of, save_again, two_saves


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_dossier_draft_second_save_is_refused_and_the_first_kept(
    people, make_user, dossier
) -> None:
    draft = dossier.versions.get(number=1)
    url = reverse("enablement:version_edit", args=[dossier.slug, 1])
    refused = two_saves(
        _client(make_user("skr", "editor", first_name="Sara", last_name="Berg")),
        _client(people["coordinator"]),
        url,
        mine={"data_sources": "Diktat i journalsystemet."},
        theirs={"gdpr_legal_basis": "Art. 6.1 e."},
    )
    conflict = conflict_of(refused)
    assert conflict.saved_by == "Sara Berg"
    draft.refresh_from_db()
    assert draft.data_sources == "Diktat i journalsystemet." and draft.gdpr_legal_basis == ""
    assert draft.number == 1  # the dossier's own version number is untouched
    rows = {(row.theirs, row.yours) for row in conflict.rows}
    assert ("Diktat i journalsystemet.", "–") in rows and ("–", "Art. 6.1 e.") in rows
    save_again(
        _client(people["coordinator"]), url, refused, data_sources="Diktat i journalsystemet."
    )
    draft.refresh_from_db()
    assert (
        draft.gdpr_legal_basis == "Art. 6.1 e."
        and draft.data_sources == "Diktat i journalsystemet."
    )
