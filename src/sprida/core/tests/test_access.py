"""The access matrix: who may see and change a region's records (Alice, Bob, Charlie …)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from sprida.core.access import can_change, can_view, get_for_user, may_act_for, restrict
from sprida.grants.models import Application, Decision, Programme


@pytest.fixture
def programme(orgs):
    return Programme.objects.create(
        name="Statsbidrag för en effektiv hälso- och sjukvård",
        slug="effektiv-vard",
        regulation="2024:1102",
        administering_body=orgs["effektivitetsdelegationen"],
    )


@pytest.fixture
def draft(programme, orgs):
    return Application.objects.create(programme=programme, applicant=orgs["orebro"], title="Utkast")


@pytest.fixture
def submitted(programme, orgs):
    return Application.objects.create(
        programme=programme,
        applicant=orgs["orebro"],
        title="Inlämnad",
        status="submitted",
        submitted_on=dt.date(2025, 6, 12),
    )


@pytest.fixture
def joint(programme, orgs):
    app = Application.objects.create(
        programme=programme,
        applicant=orgs["skr"],
        title="Regiongemensam",
        joint=True,
        status="submitted",
        submitted_on=dt.date(2025, 6, 3),
    )
    app.participants.set([o for o in orgs.values() if o.is_region])
    return app


@pytest.fixture
def decision(submitted):
    return Decision.objects.create(
        application=submitted,
        decided_on=dt.date(2025, 11, 11),
        outcome="partially_granted",
        granted_sek=34_870_000,
        rejected_sek=113_101_000,
        applied_sek=147_971_000,
    )


VIEW_DRAFT = {
    "editor": True,
    "viewer": True,
    "stranger": False,
    "coordinator": False,
    "officer": False,
    "admin": True,
}
CHANGE_DRAFT = {
    "editor": True,
    "viewer": False,
    "stranger": False,
    "coordinator": False,
    "officer": False,
    "admin": True,
}
VIEW_SUBMITTED = {
    "editor": True,
    "viewer": True,
    "stranger": False,
    "coordinator": True,
    "officer": True,
    "admin": True,
}
CHANGE_DECISION = {
    "editor": False,
    "viewer": False,
    "stranger": False,
    "coordinator": False,
    "officer": True,
    "admin": True,
}


@pytest.mark.parametrize("who", VIEW_DRAFT)
def test_draft_is_private_to_its_region(people, draft, who) -> None:
    assert can_view(people[who], draft) is VIEW_DRAFT[who]
    assert can_change(people[who], draft) is CHANGE_DRAFT[who]


@pytest.mark.parametrize("who", VIEW_SUBMITTED)
def test_submitted_application_is_read_nationally(people, submitted, who) -> None:
    assert can_view(people[who], submitted) is VIEW_SUBMITTED[who]
    assert can_change(people[who], submitted) is CHANGE_DRAFT[who]


@pytest.mark.parametrize("who", CHANGE_DECISION)
def test_only_the_delegation_changes_decisions(people, decision, who) -> None:
    assert can_view(people[who], decision)  # decisions are public documents
    assert can_change(people[who], decision) is CHANGE_DECISION[who]


def test_unpublished_decision_hidden_from_other_regions_and_public(people, decision) -> None:
    from django.contrib.auth.models import AnonymousUser

    decision.published = False
    decision.save()
    assert can_view(people["editor"], decision)
    assert not can_view(people["stranger"], decision)
    assert not can_view(AnonymousUser(), decision)


def test_participants_of_a_joint_application_read_but_do_not_write(people, joint) -> None:
    assert can_view(people["stranger"], joint)  # Jämtland takes part in the joint application
    assert not can_change(people["stranger"], joint)
    assert can_change(people["coordinator"], joint)  # SKR coordinates it


def test_restrict_lists_only_visible_rows(people, draft, submitted) -> None:
    qs = Application.objects.all()
    assert set(restrict(qs, people["editor"])) == {draft, submitted}
    assert set(restrict(qs, people["stranger"])) == set()
    assert set(restrict(qs, people["officer"])) == {submitted}


def test_get_for_user_refuses_with_404_and_403(people, draft, submitted) -> None:
    qs = Application.objects.all()
    with pytest.raises(Http404):
        get_for_user(qs, people["stranger"], pk=draft.pk)
    with pytest.raises(PermissionDenied):
        get_for_user(qs, people["viewer"], "change", pk=draft.pk)
    assert get_for_user(qs, people["editor"], "change", pk=draft.pk) == draft


def test_may_act_for(people, orgs) -> None:
    assert may_act_for(people["editor"], orgs["orebro"].pk)
    assert not may_act_for(people["viewer"], orgs["orebro"].pk)
    assert not may_act_for(people["stranger"], orgs["orebro"].pk)
    assert may_act_for(people["officer"], orgs["orebro"].pk, national=frozenset({"funder"}))
    assert may_act_for(people["admin"], orgs["orebro"].pk)


def test_public_reference_data_is_read_by_everyone(people) -> None:
    from django.contrib.auth.models import AnonymousUser

    from sprida.core.models import Organisation
    from sprida.grants.models import MeasureCategory

    for user in [AnonymousUser(), *people.values()]:
        assert (
            restrict(MeasureCategory.objects.all(), user).count() == MeasureCategory.objects.count()
        )
        assert restrict(Organisation.objects.all(), user).count() == 23


def test_national_roles_read_rows_that_have_no_drafts(people, decision) -> None:
    from sprida.grants.models import Payout

    decision.published = False
    decision.save()
    payout = Payout.objects.create(decision=decision, year=2025, amount_sek=11_625_000)
    for who in ("coordinator", "officer", "editor", "viewer", "admin"):
        assert can_view(people[who], payout), who
    assert not can_view(people["stranger"], payout)
