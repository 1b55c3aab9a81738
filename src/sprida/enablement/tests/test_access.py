"""Who sees and changes dossiers, adoptions and time: owner, reader, and another region."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from sprida.core.access import can_change, can_view
from sprida.enablement import services
from sprida.enablement.models import TimeContribution

DRAFT_VIEW = {
    "editor": False,
    "viewer": False,
    "stranger": False,
    "coordinator": True,
    "officer": True,
    "admin": True,
}
DRAFT_CHANGE = {
    "editor": False,
    "viewer": False,
    "stranger": False,
    "coordinator": True,
    "officer": False,
    "admin": True,
}


@pytest.mark.parametrize("who", DRAFT_VIEW)
def test_draft_dossier_is_national(people, dossier, who) -> None:
    assert can_view(people[who], dossier) is DRAFT_VIEW[who]
    assert can_change(people[who], dossier) is DRAFT_CHANGE[who]
    version = dossier.versions.get()
    assert can_change(people[who], version) is DRAFT_CHANGE[who]
    # A draft version is the coordinator's own working copy.
    assert can_view(people[who], version) is (who in {"coordinator", "admin"})


def test_reviewers_see_the_version_in_review_but_do_not_change_it(people, dossier, orgs) -> None:
    version = dossier.versions.get()
    services.version_submit(by=people["coordinator"], version=version, reviewers=[orgs["orebro"]])
    assert can_view(people["editor"], version) and can_view(people["viewer"], version)
    assert not can_change(people["editor"], version)
    assert not can_view(people["stranger"], version)  # not a reviewer


@pytest.mark.parametrize("who", [*DRAFT_VIEW, "anonymous"])
def test_published_dossier_is_read_by_all_and_changed_by_nobody(people, published, who) -> None:
    user = AnonymousUser() if who == "anonymous" else people[who]
    version = published.current_version
    assert can_view(user, published) and can_view(user, version)
    assert not can_change(user, version)  # locked, even for the coordinator and admins
    for risk in version.risks.all():
        assert not can_change(user, risk)


ADOPTION_VIEW = {
    "editor": True,
    "viewer": True,
    "stranger": False,
    "coordinator": True,
    "officer": True,
    "admin": True,
}
ADOPTION_CHANGE = {
    "editor": True,
    "viewer": False,
    "stranger": False,
    "coordinator": False,
    "officer": False,
    "admin": True,
}


@pytest.mark.parametrize("who", ADOPTION_VIEW)
def test_adoption_belongs_to_the_region(people, adoption, who) -> None:
    deviation = services.adoption_deviation_add(
        by=people["editor"], adoption=adoption, section="legal", description="Egen DPIA"
    )
    assert can_view(people[who], adoption) is ADOPTION_VIEW[who]
    assert can_change(people[who], adoption) is ADOPTION_CHANGE[who]
    assert can_view(people[who], deviation) is ADOPTION_VIEW[who]
    assert can_change(people[who], deviation) is ADOPTION_CHANGE[who]


@pytest.mark.parametrize("who", ADOPTION_VIEW)
def test_time_belongs_to_the_persons_organisation(people, orgs, who) -> None:
    coordinator = people["coordinator"]
    group = services.group_create(by=coordinator, name="Data", slug="data")
    services.group_member_add(
        by=coordinator, group=group, person=people["editor"], organisation=orgs["orebro"]
    )
    time = services.time_record(
        by=people["editor"],
        person=people["editor"],
        organisation=orgs["orebro"],
        group=group,
        month=dt.date(2025, 10, 1),
        hours="8",
    )
    assert can_view(people[who], time) is ADOPTION_VIEW[who]
    assert can_change(people[who], time) is ADOPTION_CHANGE[who]
    assert isinstance(time, TimeContribution)
    # The group is seen by its members' regions and the national roles, not by others.
    assert can_view(people[who], group) is ADOPTION_VIEW[who]
