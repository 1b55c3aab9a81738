"""The access vocabulary: roles, the SYSTEM actor, "may create for", "acts for".

Alice edits for Region Örebro län, Bob reads there, Charlie edits for Region Jämtland
Härjedalen and must be refused whatever belongs to Örebro.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from sprida.accounts.models import Membership
from sprida.core import access
from sprida.core.access import (
    SYSTEM,
    Role,
    actor_for,
    author,
    can_change,
    can_view,
    forget_actor,
    may_act_for,
    may_create,
)
from sprida.core.models import Organisation
from sprida.core.selectors import organisations_acted_for
from sprida.enablement.models import Dossier, DossierAdoption
from sprida.grants.models import Application, Decision, Programme, ProgrammeBudget
from sprida.intake.models import Document
from sprida.intake.services import document_receive, document_reprocess, may_upload
from sprida.spreading.models import Solution


def test_core_access_imports_no_model_module() -> None:
    """core.access -> accounts.models -> core.models -> core.access was a cycle; it stays broken."""
    tree = ast.parse(Path(access.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
    assert not [name for name in imported if name and name.startswith("sprida")]


def test_roles_rank_in_order_and_each_includes_the_ones_before() -> None:
    assert [r.rank for r in (Role.VIEWER, Role.EDITOR, Role.ADMIN)] == [1, 2, 3]
    assert Role.at_least(Role.EDITOR) == [Role.EDITOR, Role.ADMIN]
    assert Role.at_least(Role.VIEWER) == [Role.VIEWER, Role.EDITOR, Role.ADMIN]
    assert Role.at_least(Role.ADMIN) == [Role.ADMIN]


def test_membership_rank_comes_from_the_one_role_vocabulary(people, orgs) -> None:
    membership = Membership.objects.get(user=people["viewer"])
    assert membership.rank == Role.VIEWER.rank


# The SYSTEM actor -----------------------------------------------------------------------------


def test_system_may_do_what_a_site_admin_may(people, orgs) -> None:
    draft = Application.objects.create(
        programme=_programme(orgs), applicant=orgs["orebro"], title="Utkast"
    )
    assert can_view(SYSTEM, draft)
    assert can_change(SYSTEM, draft)
    assert may_create(SYSTEM, Decision, orgs["orebro"].pk)
    assert may_act_for(SYSTEM, orgs["orebro"].pk)


def test_system_is_recorded_as_no_user(people) -> None:
    assert author(SYSTEM) is None
    assert author(AnonymousUser()) is None
    assert author(None) is None
    assert author(people["editor"]) == people["editor"]


def test_the_anonymous_visitor_acts_for_nobody(orgs) -> None:
    anonymous = AnonymousUser()
    assert not actor_for(anonymous).authenticated
    assert not may_act_for(anonymous, orgs["orebro"].pk)
    assert not may_create(anonymous, Application, orgs["orebro"].pk)


# "May create this kind of record for that organisation" ------------------------------------


def test_an_editor_creates_for_their_own_region_only(people, orgs) -> None:
    assert may_create(people["editor"], Application, orgs["orebro"].pk)
    assert not may_create(people["stranger"], Application, orgs["orebro"].pk)


def test_a_viewer_creates_nothing(people, orgs) -> None:
    assert not may_create(people["viewer"], Application, orgs["orebro"].pk)


def test_without_an_organisation_only_national_writers_create(people, orgs) -> None:
    assert not may_create(people["editor"], Application, None)
    assert may_create(people["officer"], ProgrammeBudget, None)
    assert not may_create(people["coordinator"], ProgrammeBudget, None)


def test_decisions_are_created_by_the_delegation_not_the_region(people, orgs) -> None:
    assert may_create(people["officer"], Decision, orgs["orebro"].pk)
    assert not may_create(people["editor"], Decision, orgs["orebro"].pk)
    assert may_create(people["admin"], Decision, orgs["orebro"].pk)


def test_the_coordinator_creates_solutions_for_any_region(people, orgs) -> None:
    assert may_create(people["coordinator"], Solution, orgs["orebro"].pk)
    assert not may_create(people["officer"], Solution, orgs["orebro"].pk)


def test_only_the_region_itself_adopts_a_dossier(people, orgs) -> None:
    assert may_create(people["editor"], DossierAdoption, orgs["orebro"].pk)
    assert not may_create(people["coordinator"], DossierAdoption, orgs["orebro"].pk)
    assert not may_create(people["stranger"], DossierAdoption, orgs["orebro"].pk)


def test_a_viewer_at_a_national_body_reads_nationally_but_writes_nothing(make_user, orgs) -> None:
    """A single sign-on user lands as a viewer; that must not make them a national writer."""
    dana = make_user("effektivitetsdelegationen", "viewer")
    actor = actor_for(dana)
    assert actor.is_funder  # reads as the delegation does
    assert not may_create(dana, Decision, orgs["orebro"].pk)
    assert not may_create(dana, ProgrammeBudget, None)
    assert not may_act_for(dana, orgs["orebro"].pk, national=frozenset({"funder"}))


def test_a_national_viewer_cannot_change_a_decision(make_user, people, orgs) -> None:
    application = Application.objects.create(
        programme=_programme(orgs), applicant=orgs["orebro"], title="Inlämnad", status="submitted"
    )
    decision = Decision.objects.create(
        application=application, decided_on="2025-11-11", outcome="granted", granted_sek=1
    )
    assert can_change(people["officer"], decision)
    assert not can_change(make_user("effektivitetsdelegationen", "viewer"), decision)


# The organisations a user acts for ------------------------------------------------------------


def test_an_editor_acts_for_their_own_organisations(people, orgs) -> None:
    assert list(organisations_acted_for(user=people["editor"])) == [orgs["orebro"]]
    assert list(organisations_acted_for(user=people["viewer"])) == []
    assert orgs["orebro"] not in organisations_acted_for(user=people["stranger"])


def test_national_writers_act_for_everyone_for_their_kind_of_record(people, orgs) -> None:
    everyone = Organisation.objects.count()
    assert organisations_acted_for(user=people["coordinator"], model=Solution).count() == everyone
    assert organisations_acted_for(user=people["coordinator"]).count() == 1  # SKR itself
    regions = organisations_acted_for(user=people["coordinator"], model=Solution, regions_only=True)
    assert regions.count() == 21


def test_no_one_but_national_writers_acts_where_owners_do_not_write(people, orgs) -> None:
    assert not organisations_acted_for(user=people["editor"], model=Decision).exists()
    assert organisations_acted_for(user=people["officer"], model=Decision).count() > 1


def test_acting_follows_a_changed_membership_once_forgotten(people, orgs) -> None:
    bob = people["viewer"]
    assert not may_act_for(bob, orgs["orebro"].pk)
    Membership.objects.filter(user=bob).update(role=Role.EDITOR)
    forget_actor(bob)
    assert may_act_for(bob, orgs["orebro"].pk)


def test_only_the_coordinator_creates_dossiers(people, orgs) -> None:
    assert may_create(people["coordinator"], Dossier, orgs["skr"].pk)
    assert not may_create(people["editor"], Dossier, orgs["skr"].pk)


# The intake services check for themselves ------------------------------------------------------


def test_document_receive_refuses_a_viewer_without_a_view_in_between(people) -> None:
    with pytest.raises(PermissionDenied):
        document_receive(by=people["viewer"], name="memo.txt", data=b"Promemoria\n", process=False)
    assert not Document.objects.exists()


def test_document_receive_refuses_an_upload_for_another_region(people, orgs) -> None:
    with pytest.raises(PermissionDenied):
        document_receive(
            by=people["stranger"],
            name="memo.txt",
            data=b"Promemoria\n",
            owner=orgs["orebro"],
            process=False,
        )
    assert not Document.objects.exists()


def test_document_receive_refuses_the_anonymous(orgs) -> None:
    with pytest.raises(PermissionDenied):
        document_receive(by=AnonymousUser(), name="memo.txt", data=b"Promemoria\n", process=False)


def test_may_upload_follows_who_may_create_documents(people, make_user) -> None:
    assert may_upload(people["editor"])
    assert may_upload(people["officer"])
    assert may_upload(SYSTEM)
    assert not may_upload(people["viewer"])
    assert not may_upload(make_user("skr", "viewer"))


def test_document_reprocess_refuses_another_region(people, django_capture_on_commit_callbacks):
    received = document_receive(
        by=people["editor"], name="memo.txt", data=b"Promemoria\n", process=False
    )
    with pytest.raises(PermissionDenied):
        document_reprocess(by=people["stranger"], document=received.document)
    with django_capture_on_commit_callbacks(execute=False):
        document_reprocess(by=people["editor"], document=received.document)


def _programme(orgs: dict[str, Organisation]) -> Programme:
    return Programme.objects.create(
        name="Statsbidrag",
        slug="effektiv-vard",
        regulation="2024:1102",
        administering_body=orgs["effektivitetsdelegationen"],
    )


# Whose sign-in may be required to take a second factor -----------------------------------------


def test_wide_power_is_the_site_admins_and_the_funders_officers(people, make_user) -> None:
    assert access.holds_wide_power(people["admin"])
    assert access.holds_wide_power(people["officer"])
    assert access.holds_wide_power(make_user("effektivitetsdelegationen", "viewer"))
    staff = make_user("orebro", "viewer")
    staff.is_staff = True  # may open the admin without being a superuser
    assert access.holds_wide_power(staff)
    for who in ("editor", "viewer", "stranger", "coordinator"):
        assert not access.holds_wide_power(people[who]), who
    assert not access.holds_wide_power(make_user("orebro", "admin"))
    assert not access.holds_wide_power(AnonymousUser())
    assert not access.holds_wide_power(None)
    assert not access.holds_wide_power(SYSTEM)


def test_wide_power_ends_with_the_account(people) -> None:
    officer = people["officer"]
    officer.is_active = False
    forget_actor(officer)
    assert not access.holds_wide_power(officer)
