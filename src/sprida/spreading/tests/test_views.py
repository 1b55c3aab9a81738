"""Pages: catalogue, solution with map and table, exports, similar measures, partners, search."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import yaml
from django.urls import reverse

from sprida.core.access import SYSTEM
from sprida.grants.tests.factories import MeasureDecisionFactory
from sprida.search.services import search_reindex
from sprida.spreading import services
from sprida.spreading.demo import spreading_load
from sprida.spreading.models import Adoption, Maturity, Solution


@pytest.mark.django_db
def test_solution_page_has_map_table_and_ladder(published, client, orgs):
    services.adoption_record(
        by=SYSTEM,
        solution=published,
        region=orgs["vastmanland"],
        status="in_use",
        since=dt.date(2026, 1, 5),
    )
    response = client.get(published.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in body
    assert body.count("<path") >= 21
    assert "#08306b" in body  # Västmanland in use
    assert "Region Västmanland</th>" in body
    assert "Underlag saknas" in body


@pytest.mark.django_db
def test_exports_yaml_and_json(published, client, orgs):
    services.adoption_record(
        by=SYSTEM,
        solution=published,
        region=orgs["kalmar"],
        status="pilot",
        since=dt.date(2026, 1, 5),
    )
    raw = client.get(reverse("spreading:yaml", kwargs={"slug": published.slug}))
    document = yaml.safe_load(raw.content.decode())
    assert document["name"] == published.title
    assert document["adoption"] == [
        {
            "region": "Region Kalmar län",
            "countyCode": "08",
            "status": "pilot",
            "since": "2026-01-05",
        }
    ]
    as_json = json.loads(
        client.get(reverse("spreading:json", kwargs={"slug": published.slug})).content
    )
    assert as_json == document


@pytest.mark.django_db
def test_editor_creates_and_moves_solution_through_the_ui(client, people, orgs):
    client.force_login(people["editor"])
    response = client.post(
        reverse("spreading:solution_create"),
        {
            "owner": orgs["orebro"].pk,
            "title": "Digital självincheckning",
            "summary": "Kort.",
            "solution_type": "technical",
            "published": "on",
        },
    )
    solution = Solution.objects.get(title="Digital självincheckning")
    assert response.status_code == 302
    maturity_url = reverse("spreading:solution_maturity", kwargs={"slug": solution.slug})
    response = client.post(maturity_url, {"to": "pilot"}, follow=True)
    assert "kräver underlag som saknas" in response.content.decode()
    client.post(
        reverse("spreading:adoption_record", kwargs={"slug": solution.slug}),
        {"region": orgs["orebro"].pk, "status": "pilot", "since": "2026-02-01"},
    )
    client.post(maturity_url, {"to": "pilot"})
    solution.refresh_from_db()
    assert solution.maturity == Maturity.PILOT


@pytest.mark.django_db
def test_adoption_form_refuses_bad_input_with_a_message(published, client, people, orgs):
    client.force_login(people["editor"])
    response = client.post(
        reverse("spreading:adoption_record", kwargs={"slug": published.slug}),
        {"region": orgs["orebro"].pk, "status": "in_use", "since": "not a date"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Införandet sparades inte" in response.content.decode()
    assert not Adoption.objects.exists()


@pytest.mark.django_db
def test_similar_measures_page_explains_matches(client, orgs):
    a: Any = MeasureDecisionFactory(
        measure__title="Taligenkänning i journaldiktering",
        measure__description="Diktat blir text med taligenkänning.",
        decision__published=True,
    ).measure
    b: Any = MeasureDecisionFactory(
        decision__application__applicant=orgs["kalmar"],
        measure__title="Taligenkänningen breddinförs",
        measure__description="Taligenkänning ersätter utskrift av diktat.",
        decision__published=True,
    ).measure
    body = client.get(reverse("spreading:measure", kwargs={"pk": a.pk})).content.decode()
    assert b.title in body
    assert "taligenkänning" in body.split("Gemensamma ord")[1]
    partners = client.get(
        reverse("spreading:partners_category", kwargs={"category": "ai-taligenkanning"})
    ).content.decode()
    assert a.title in partners and b.title in partners


@pytest.mark.django_db
def test_demo_reaches_every_maturity_and_is_idempotent(orgs, client, django_assert_max_num_queries):
    first = spreading_load()
    assert set(first.values()) >= {"idea", "pilot"}
    again = spreading_load()
    assert first == again
    assert Solution.objects.filter(is_demo=True).count() == len(first)
    search_reindex()
    with django_assert_max_num_queries(12):
        assert client.get(reverse("spreading:catalogue")).status_code == 200
    assert client.get(reverse("spreading:groups")).status_code == 200
    assert client.get(reverse("spreading:seminars")).status_code == 200
    assert client.get(reverse("spreading:partners")).status_code == 200


@pytest.mark.django_db
def test_solution_page_queries_do_not_grow(published, client, orgs, django_assert_max_num_queries):
    for slug in ["kalmar", "vastmanland", "gotland", "skane", "uppsala"]:
        services.adoption_record(
            by=SYSTEM,
            solution=published,
            region=orgs[slug],
            status="in_use",
            since=dt.date(2026, 1, 5),
        )
    with django_assert_max_num_queries(25):
        assert client.get(published.get_absolute_url()).status_code == 200
