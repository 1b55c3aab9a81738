"""Search: Swedish inflections, filters, and never a hit the user may not see."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from sprida.grants.models import ApplicationStatus, MeasureCategory
from sprida.grants.tests.factories import (
    ApplicationFactory,
    MeasureDecisionFactory,
    MeasureFactory,
)
from sprida.search.models import SearchEntry
from sprida.search.selectors import search_for_user
from sprida.search.services import search_index, search_reindex, search_unindex
from sprida.search.text import query_stems


@pytest.fixture
def records(orgs):
    """A public measure (published decision), a draft and a shared submitted application."""
    published = MeasureDecisionFactory(
        measure__title="Implementering av AI-baserad taligenkänning",
        measure__description="Dikterade journalanteckningar blir text med taligenkänning.",
        decision__published=True,
    ).measure
    draft = ApplicationFactory(
        applicant=orgs["orebro"], status=ApplicationStatus.DRAFT, title="Utkast om fallprevention"
    )
    draft_measure = MeasureFactory(
        application=draft,
        title="Taligenkänning i psykiatrin (utkast)",
        description="Hemlig plan för taligenkänningen.",
    )
    submitted = ApplicationFactory(applicant=orgs["jamtland-harjedalen"], title="Ansökan om vård")
    jamtland_measure = MeasureFactory(
        application=submitted,
        title="Implementeringsplan för AI-stödd journalföring",
        description="Taligenkänning och ambient journalföring förbereds.",
        category=MeasureCategory.objects.get(slug="ai-journalforing"),
    )
    search_reindex()
    return {"published": published, "draft": draft_measure, "jamtland": jamtland_measure}


def titles(user, q, **kw):
    return {hit.title for hit in search_for_user(user=user, q=q, **kw)}


def test_query_stems_strip_inflection():
    assert query_stems("taligenkänningen") == query_stems("taligenkänning")
    assert query_stems("och fallolyckorna") == ["fallolyck"]


@pytest.mark.django_db
def test_inflected_word_finds_the_base_form(records, people):
    found = titles(people["coordinator"], "taligenkänningen")
    assert "Implementering av AI-baserad taligenkänning" in found
    assert "Implementeringsplan för AI-stödd journalföring" in found


@pytest.mark.django_db
def test_anonymous_sees_only_public_records(records, rf):
    from django.contrib.auth.models import AnonymousUser

    found = titles(AnonymousUser(), "taligenkänning")
    decision_title = records["published"].application.decision.label  # region and date
    assert found == {"Implementering av AI-baserad taligenkänning", decision_title}


@pytest.mark.django_db
def test_draft_is_only_for_its_own_region(records, people):
    draft_title = "Taligenkänning i psykiatrin (utkast)"
    assert draft_title in titles(people["editor"], "taligenkänning")
    assert draft_title in titles(people["viewer"], "taligenkänning")
    assert draft_title not in titles(people["stranger"], "taligenkänning")
    assert draft_title not in titles(people["coordinator"], "taligenkänning")
    assert draft_title in titles(people["admin"], "taligenkänning")


@pytest.mark.django_db
def test_submitted_measure_of_another_region_is_hidden(records, people):
    assert "Implementeringsplan för AI-stödd journalföring" not in titles(
        people["editor"], "journalföring"
    )
    assert "Implementeringsplan för AI-stödd journalföring" in titles(
        people["stranger"], "journalföring"
    )


@pytest.mark.django_db
def test_stale_index_never_leaks(records, people):
    """A record made private after indexing is checked against its source before showing."""
    application = records["published"].application
    application.status = ApplicationStatus.DRAFT
    application.save()
    decision = application.decision
    decision.published = False
    decision.save()
    # No reindex: the entry still says public.
    assert SearchEntry.objects.get(kind="measure", object_id=records["published"].pk).public
    assert "Implementering av AI-baserad taligenkänning" not in titles(
        people["stranger"], "taligenkänning"
    )


@pytest.mark.django_db
def test_filters_by_kind_region_and_category(records, people, orgs):
    user = people["admin"]
    assert titles(user, "journalföringen", kinds=["application"]) == {
        "Ansökan om vård – Region Jämtland Härjedalen, 2025"
    }
    assert titles(user, "journalföring", kinds=["decision"]) == set()
    assert titles(user, "journalföring", region=orgs["orebro"].pk) == set()
    assert titles(user, "taligenkänning", category="ai-journalforing") == {
        "Implementeringsplan för AI-stödd journalföring"
    }


@pytest.mark.django_db
def test_index_and_unindex_follow_explicit_calls(records, people):
    measure = records["jamtland"]
    measure.title = "Plan för röststyrd dokumentation"
    measure.save()
    search_index(kind="measure", object_ids=[measure.pk])
    assert "Plan för röststyrd dokumentation" in titles(people["admin"], "röststyrd")
    search_unindex(kind="measure", object_ids=[measure.pk])
    assert titles(people["admin"], "röststyrd") == set()
    measure.delete()
    assert search_index(kind="measure", object_ids=[measure.pk or 0]) == 0


@pytest.mark.django_db
def test_reindex_command(records, capsys):
    SearchEntry.objects.all().delete()
    call_command("reindex")
    assert SearchEntry.objects.filter(kind="measure").count() == 3
    assert "Indexerade" in capsys.readouterr().out


@pytest.mark.django_db
def test_reindex_command_refuses_unknown_kind(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Okänd typ"):
        call_command("reindex", "nonsense")


@pytest.mark.django_db
def test_search_page(records, client, people):
    url = reverse("search:search")
    response = client.get(url, {"q": "taligenkänningen"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Implementering av AI-baserad taligenkänning" in body
    assert "utkast" not in body.lower().split("<main")[1]
    client.force_login(people["editor"])
    body = client.get(url, {"q": "taligenkänningen"}).content.decode()
    assert "Taligenkänning i psykiatrin (utkast)" in body


@pytest.mark.django_db
def test_search_page_handles_odd_input(records, client):
    url = reverse("search:search")
    for q in ['"', "*", "AND OR NOT", "a:b", "-", "' OR 1=1 --", "x" * 500]:
        assert client.get(url, {"q": q}).status_code == 200


@pytest.mark.django_db
def test_search_queries_do_not_grow(records, client, people, django_assert_max_num_queries):
    for n in range(30):
        MeasureFactory(
            title=f"Taligenkänning nummer {n}", application=records["published"].application
        )
    search_reindex()
    client.force_login(people["coordinator"])
    with django_assert_max_num_queries(14):
        response = client.get(reverse("search:search"), {"q": "taligenkänning"})
    assert response.status_code == 200
