"""Who may see and change solutions and adoption: the owner, a reader, a stranger."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sprida.core.access import can_change, can_view
from sprida.search.selectors import search_for_user
from sprida.spreading import services
from sprida.spreading.models import Adoption


@pytest.mark.django_db
def test_published_solution_is_public_and_draft_is_the_owners(published, draft, people):
    anonymous = AnonymousUser()
    assert can_view(anonymous, published)
    assert not can_view(anonymous, draft)
    assert can_view(people["viewer"], draft)
    assert not can_view(people["stranger"], draft)
    assert not can_view(people["coordinator"], draft)
    assert can_view(people["admin"], draft)


@pytest.mark.django_db
def test_only_owner_editors_and_coordinator_change(published, people):
    assert can_change(people["editor"], published)
    assert not can_change(people["viewer"], published)
    assert not can_change(people["stranger"], published)
    assert can_change(people["coordinator"], published)
    assert not can_change(people["officer"], published)


@pytest.mark.django_db
def test_draft_page_is_refused_to_another_region(draft, client, people):
    url = reverse("spreading:solution", kwargs={"slug": draft.slug})
    assert client.get(url).status_code == 404
    client.force_login(people["stranger"])
    assert client.get(url).status_code == 404
    assert client.get(reverse("spreading:yaml", kwargs={"slug": draft.slug})).status_code == 404
    client.force_login(people["viewer"])
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_catalogue_lists_only_what_the_user_may_see(published, draft, client, people):
    body = client.get(reverse("spreading:catalogue")).content.decode()
    assert published.title in body
    assert draft.title not in body
    client.force_login(people["stranger"])
    assert draft.title not in client.get(reverse("spreading:catalogue")).content.decode()
    client.force_login(people["editor"])
    assert draft.title in client.get(reverse("spreading:catalogue")).content.decode()


@pytest.mark.django_db
def test_search_never_returns_a_draft_solution_to_others(published, draft, people):
    for user in (AnonymousUser(), people["stranger"], people["coordinator"]):
        titles = {h.title for h in search_for_user(user=user, q="taligenkänningen")}
        assert draft.title not in titles
    titles = {h.title for h in search_for_user(user=people["editor"], q="taligenkänningen")}
    assert draft.title in titles


@pytest.mark.django_db
def test_region_records_only_its_own_adoption(published, people, orgs):
    today = dt.date(2026, 3, 1)
    with pytest.raises(PermissionDenied):
        services.adoption_record(
            by=people["stranger"],
            solution=published,
            region=orgs["orebro"],
            status="in_use",
            since=today,
        )
    with pytest.raises(PermissionDenied):
        services.adoption_record(
            by=people["viewer"],
            solution=published,
            region=orgs["orebro"],
            status="in_use",
            since=today,
        )
    adoption = services.adoption_record(
        by=people["stranger"],
        solution=published,
        region=orgs["jamtland-harjedalen"],
        status="planning",
        since=today,
    )
    assert adoption.status == "planning"
    assert not can_change(people["editor"], adoption)
    assert can_change(people["coordinator"], adoption)


@pytest.mark.django_db
def test_no_adoption_of_a_draft_one_cannot_see(draft, people, orgs):
    with pytest.raises(PermissionDenied):
        services.adoption_record(
            by=people["stranger"],
            solution=draft,
            region=orgs["jamtland-harjedalen"],
            status="interested",
            since=dt.date(2026, 3, 1),
        )
    assert not Adoption.objects.exists()


@pytest.mark.django_db
def test_stranger_cannot_edit_or_move_maturity(published, client, people):
    client.force_login(people["stranger"])
    edit = reverse("spreading:solution_edit", kwargs={"slug": published.slug})
    assert client.get(edit).status_code == 403
    response = client.post(
        reverse("spreading:solution_maturity", kwargs={"slug": published.slug}), {"to": "pilot"}
    )
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.maturity == "idea"
