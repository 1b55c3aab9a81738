"""Who may apply: regions for themselves, the coordinator for joint applications; never the
delegation, which decides on them, even though its officers edit for it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from sprida.grants.services import application_create
from sprida.grants.tests.factories import ProgrammeFactory, org

pytestmark = pytest.mark.django_db


def test_the_delegation_is_never_offered_to_apply(client, people, orgs) -> None:
    client.force_login(people["officer"])
    overview = client.get("/bidrag/").content.decode()
    assert "Ny ansökan för" not in overview
    assert client.get("/bidrag/ansokan/ny/").status_code == 403


def test_the_delegation_cannot_apply_through_the_service(people, orgs) -> None:
    programme: Any = ProgrammeFactory()
    with pytest.raises(PermissionDenied):
        application_create(
            by=people["officer"],
            programme=programme,
            applicant=org("effektivitetsdelegationen"),
            title="Ansökan",
        )


def test_a_region_editor_still_applies(client, people, orgs) -> None:
    ProgrammeFactory()
    client.force_login(people["editor"])
    assert "Ny ansökan för Region Örebro län" in client.get("/bidrag/").content.decode()
    assert client.get("/bidrag/ansokan/ny/").status_code == 200
