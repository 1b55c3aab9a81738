"""How core.access reads a model's rules, branch by branch (the mutants issue #21 names).

Alice edits for Region Örebro län, Bob reads there, Charlie edits for Region Jämtland
Härjedalen; Sam is the national coordinator (SKR), Dana the delegation officer. Each test
pins one rule, so a change to that rule alone turns it red.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from sprida.accounts.models import Membership
from sprida.core.access import (
    ANONYMOUS,
    SYSTEM,
    AccessRules,
    Actor,
    Role,
    SystemActor,
    actor_for,
    author,
    can_change,
    can_view,
    change_q,
    forget_actor,
    get_for_user,
    holds_wide_power,
    may_act_for,
    restrict,
    view_q,
)
from sprida.core.models import Organisation
from sprida.effects.models import Cost, Report, ReportKind, ReportStatus
from sprida.enablement import services as enablement
from sprida.enablement.models import CompensationRate, DossierVersion, VersionStatus
from sprida.grants.models import Application, ApplicationStatus, MeasureCategory
from sprida.grants.tests import factories as f

# The actor --------------------------------------------------------------------------------------


def test_the_coordinator_is_the_coordinator(people) -> None:
    assert actor_for(people["coordinator"]).is_coordinator is True


def test_a_region_editor_is_not_the_coordinator(people) -> None:
    assert actor_for(people["editor"]).is_coordinator is False
    assert actor_for(people["stranger"]).is_coordinator is False


def test_the_delegation_is_the_funder_and_not_the_coordinator(people) -> None:
    actor = actor_for(people["officer"])
    assert actor.is_funder is True
    assert actor.is_coordinator is False
    assert actor_for(people["coordinator"]).is_funder is False


def test_only_national_bodies_make_a_national_actor(people) -> None:
    assert actor_for(people["officer"]).is_national is True
    assert actor_for(people["editor"]).is_national is False


def test_an_inactive_user_is_treated_as_anonymous(people) -> None:
    alice = people["editor"]
    alice.is_active = False
    assert actor_for(alice) == ANONYMOUS


def test_the_anonymous_visitor_is_not_signed_in() -> None:
    assert actor_for(AnonymousUser()) == ANONYMOUS
    assert actor_for(None) == ANONYMOUS
    assert ANONYMOUS.authenticated is False


def test_a_site_admin_is_a_site_admin_and_others_are_not(people) -> None:
    assert actor_for(people["admin"]).site_admin is True
    assert actor_for(people["editor"]).site_admin is False


def test_the_actor_is_computed_once_per_user_object(people, django_assert_num_queries) -> None:
    alice = people["editor"]
    forget_actor(alice)
    with django_assert_num_queries(1):
        actor_for(alice)
    with django_assert_num_queries(0):
        actor_for(alice)


def test_forget_actor_makes_the_next_answer_fresh(people, django_assert_num_queries) -> None:
    alice = people["editor"]
    actor_for(alice)
    forget_actor(alice)
    with django_assert_num_queries(1):
        actor_for(alice)
    forget_actor(AnonymousUser())  # nothing cached: nothing to forget, no error


def test_roles_are_ranked_per_organisation(people, orgs) -> None:
    actor = actor_for(people["viewer"])
    orebro = orgs["orebro"].pk
    assert actor.has_role(orebro, Role.VIEWER)
    assert not actor.has_role(orebro, Role.EDITOR)
    assert actor.orgs(Role.VIEWER) == [orebro]
    assert actor.orgs(Role.EDITOR) == []
    assert actor.orgs() == [orebro]  # the default is any role


def test_a_non_member_has_no_role_at_all(people, orgs) -> None:
    actor = actor_for(people["stranger"])
    assert not actor.has_role(orgs["orebro"].pk, Role.VIEWER)
    assert not actor.has_role(None, Role.VIEWER)


def test_an_admin_membership_includes_editing(orgs) -> None:
    actor = Actor(authenticated=True, org_ranks={orgs["orebro"].pk: Role.ADMIN.rank})
    assert actor.orgs(Role.EDITOR) == [orgs["orebro"].pk]
    assert actor.orgs(Role.ADMIN) == [orgs["orebro"].pk]


def test_writing_nationally_needs_one_of_the_named_roles(people) -> None:
    officer = actor_for(people["officer"])
    assert officer.writes_for(frozenset({"funder"}))
    assert not officer.writes_for(frozenset({"coordinator"}))
    assert not officer.writes_for(frozenset())


# view_q -----------------------------------------------------------------------------------------


def test_rows_without_an_owner_or_a_public_filter_are_read_by_every_signed_in_user(
    people,
) -> None:
    rate = CompensationRate.objects.create(
        hourly_rate_sek=500, valid_from="2025-01-01", note="Beslut"
    )
    assert can_view(people["stranger"], rate)
    assert not can_view(AnonymousUser(), rate)


def test_an_ownerless_model_with_a_public_filter_shows_signed_in_users_only_the_public_rows(
    people, orgs, monkeypatch
) -> None:
    """Inverting the owner-less branch would make every row readable by every signed-in user."""
    monkeypatch.setattr(MeasureCategory, "access_rules", AccessRules(public=Q(slug="ai-fall")))
    rows = restrict(MeasureCategory.objects.all(), people["stranger"])
    assert set(rows.values_list("slug", flat=True)) <= {"ai-fall"}
    assert MeasureCategory.objects.count() > 1


def test_an_owned_model_without_a_public_filter_hides_another_regions_rows(people) -> None:
    draft = f.make_application(status=ApplicationStatus.DRAFT, submitted_on=None)
    assert not can_view(people["stranger"], draft)
    assert not can_view(AnonymousUser(), draft)


def test_the_coordinator_reads_its_own_private_rows_as_owner(people, orgs) -> None:
    """National reading adds the shared rows to what one owns; it does not replace it."""
    dossier = enablement.dossier_create(
        by=people["coordinator"], title="Underlag", slug="underlag", purpose="Syfte."
    )
    draft = dossier.versions.get(number=1)
    assert draft.status == VersionStatus.DRAFT
    assert can_view(people["coordinator"], draft)
    assert not can_view(people["officer"], draft)  # national, but not the owner


def test_national_bodies_read_shared_rows_of_every_region(people) -> None:
    submitted = f.make_application(status=ApplicationStatus.SUBMITTED)
    assert can_view(people["officer"], submitted)
    assert can_view(people["coordinator"], submitted)
    assert not can_view(people["stranger"], submitted)


def test_without_national_reading_national_bodies_see_only_their_own(people, monkeypatch) -> None:
    submitted = f.make_application(status=ApplicationStatus.SUBMITTED)
    rules = Application.access_rules
    monkeypatch.setattr(
        Application,
        "access_rules",
        AccessRules(owner=rules.owner, private=rules.private, national_read=False),
    )
    assert not can_view(people["officer"], submitted)
    assert can_view(people["editor"], submitted)


def test_participants_read_shared_rows_but_not_private_ones(people, orgs) -> None:
    joint = f.make_application(applicant=orgs["skr"], joint=True)
    joint.participants.add(orgs["jamtland-harjedalen"])
    assert can_view(people["stranger"], joint)
    Application.objects.filter(pk=joint.pk).update(status=ApplicationStatus.DRAFT)
    assert not can_view(people["stranger"], joint)


def test_public_rows_are_read_by_the_anonymous(orgs) -> None:
    assert restrict(Organisation.objects.all(), AnonymousUser()).count() == len(orgs)


# change_q ---------------------------------------------------------------------------------------


def test_the_anonymous_visitor_changes_nothing(orgs) -> None:
    anonymous = AnonymousUser()
    assert not restrict(Organisation.objects.all(), anonymous, "change").exists()
    draft = f.make_application(status=ApplicationStatus.DRAFT)
    assert not can_change(anonymous, draft)


def test_locked_rows_are_changed_by_no_one_not_even_the_owner(people) -> None:
    """A submitted report is never edited; a correction is a new version."""
    line: Any = f.MeasureDecisionFactory()
    report = Report.objects.create(
        decision=line.decision,
        kind=ReportKind.PROGRESS,
        status=ReportStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    assert can_view(people["editor"], report)
    assert not can_change(people["editor"], report)
    assert not can_change(people["admin"], report)
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.DRAFT)
    assert can_change(people["editor"], report)


def test_a_published_dossier_version_is_locked_for_its_national_writer(people, orgs) -> None:
    dossier = enablement.dossier_create(
        by=people["coordinator"], title="Underlag", slug="underlag", purpose="Syfte."
    )
    version = dossier.versions.get(number=1)
    assert can_change(people["coordinator"], version)
    DossierVersion.objects.filter(pk=version.pk).update(
        status=VersionStatus.PUBLISHED, published_at=timezone.now()
    )
    assert not can_change(people["coordinator"], version)


def test_where_owners_do_not_write_the_owner_changes_nothing(people) -> None:
    decision: Any = f.DecisionFactory()
    assert can_view(people["editor"], decision)
    assert not can_change(people["editor"], decision)
    assert can_change(people["officer"], decision)


def test_owners_change_with_the_editor_role_only(people) -> None:
    draft = f.make_application(status=ApplicationStatus.DRAFT)
    assert can_change(people["editor"], draft)
    assert not can_change(people["viewer"], draft)


def _part_cost(part: Organisation, **application: Any) -> Cost:
    """A cost on a measure of Örebro's application, recorded as `part`'s part."""
    line: Any = f.MeasureDecisionFactory(decision__application__joint=True, **application)
    return Cost.objects.create(
        measure=line.measure, part=part, year=2026, kind="external", description="x", amount_sek=1
    )


def test_where_a_row_records_a_part_that_parts_editors_change_it_not_the_owners(
    people, orgs
) -> None:
    cost = _part_cost(orgs["jamtland-harjedalen"])
    assert can_change(people["stranger"], cost)
    assert not can_change(people["editor"], cost)
    own = _part_cost(orgs["orebro"])
    assert can_change(people["editor"], own)
    assert not can_change(people["stranger"], own)
    assert not can_change(people["viewer"], own)


def test_the_parts_members_read_its_rows_but_not_private_ones(people, orgs, make_user) -> None:
    cost = _part_cost(orgs["jamtland-harjedalen"])
    reader = make_user("jamtland-harjedalen", "viewer")
    assert can_view(reader, cost)  # a part, though no longer listed as a participant
    assert not can_change(reader, cost)
    draft = _part_cost(
        orgs["jamtland-harjedalen"], decision__application__status=ApplicationStatus.DRAFT
    )
    assert not can_view(reader, draft)


def test_a_part_adds_readers_and_never_hides_the_row_from_its_owner(people, orgs) -> None:
    """Jämtland Härjedalen's part of Örebro's joint application stays readable in Örebro."""
    cost = _part_cost(orgs["jamtland-harjedalen"])
    assert can_view(people["viewer"], cost)
    assert can_view(people["editor"], cost)


# can / get_for_user / may_act_for ---------------------------------------------------------------


def test_can_change_asks_about_changing_not_viewing(people) -> None:
    submitted = f.make_application(status=ApplicationStatus.SUBMITTED)
    assert can_view(people["officer"], submitted)
    assert not can_change(people["officer"], submitted)


def test_get_for_user_views_by_default_and_refuses_change_with_403(people) -> None:
    submitted = f.make_application(status=ApplicationStatus.SUBMITTED)
    qs = Application.objects.all()
    assert get_for_user(qs, people["officer"], pk=submitted.pk) == submitted
    assert get_for_user(qs, people["officer"], "view", pk=submitted.pk) == submitted
    with pytest.raises(PermissionDenied):
        get_for_user(qs, people["officer"], "change", pk=submitted.pk)
    with pytest.raises(Http404):
        get_for_user(qs, people["stranger"], "change", pk=submitted.pk)


def test_may_act_for_needs_the_national_role_that_is_named(people, orgs) -> None:
    orebro = orgs["orebro"].pk
    assert may_act_for(people["officer"], orebro, national=frozenset({"funder"}))
    assert not may_act_for(people["officer"], orebro, national=frozenset({"coordinator"}))
    assert not may_act_for(people["officer"], orebro)


def test_may_act_for_no_organisation_is_for_national_writers_only(people) -> None:
    assert not may_act_for(people["editor"], None)
    assert may_act_for(people["admin"], None)


# Edges of the vocabulary ------------------------------------------------------------------------


def test_the_system_actor_names_itself_in_logs_and_tracebacks() -> None:
    """A write by the system is told apart from a user's where the actor is printed."""
    assert repr(SYSTEM) == "SYSTEM"


def test_no_organisation_is_no_membership_even_in_the_organisation_numbered_one() -> None:
    """has_role(None, …) must not fall back on a real organisation's key."""
    actor = Actor(authenticated=True, org_ranks={1: Role.ADMIN.rank, 0: 0})
    assert not actor.has_role(None, Role.VIEWER)
    assert actor.has_role(1, Role.ADMIN)


def test_only_the_system_itself_has_the_systems_rights() -> None:
    """Another object that is active but not signed in is the anonymous visitor, not an admin."""
    impostor = SystemActor()
    assert actor_for(impostor) == ANONYMOUS
    assert not can_change(impostor, Organisation(pk=1))


def test_what_does_not_say_it_is_signed_in_is_anonymous_and_recorded_as_no_one() -> None:
    """Fail closed: an object without is_authenticated gets no rights and is never an author."""
    stranger: Any = SimpleNamespace(is_active=True, memberships=None)
    assert actor_for(stranger) == ANONYMOUS
    assert author(stranger) is None


def test_a_model_without_access_rules_is_refused_by_name(people) -> None:
    """A model that forgot to declare its rules fails loudly, never falls back to some rule."""
    for ask in (view_q, change_q):
        with pytest.raises(TypeError, match=r"^Group declares no access_rules$"):
            ask(Group, people["editor"])


def test_another_regions_editor_cannot_change_a_report_that_is_not_locked(people) -> None:
    """The lock narrows who may change; it never grants changing an unlocked row to others."""
    line: Any = f.MeasureDecisionFactory()
    report = Report.objects.create(
        decision=line.decision, kind=ReportKind.PROGRESS, status=ReportStatus.DRAFT
    )
    assert can_change(people["editor"], report)
    for who in ("stranger", "viewer", "coordinator", "officer"):
        assert not can_change(people[who], report), who


class _AccountWithoutStaffFlag:
    """A signed-in account from a backend whose user object has no is_staff at all."""

    is_authenticated = True
    is_active = True
    is_superuser = False
    memberships = Membership.objects.none()


def test_an_account_without_a_staff_flag_holds_no_wide_power() -> None:
    """A missing is_staff means not staff: it neither fails nor demands a second factor."""
    account: Any = _AccountWithoutStaffFlag()
    assert not holds_wide_power(account)
