"""Open data: published decisions and granted measures, for anyone, cacheable."""

from __future__ import annotations

from typing import Any

from django.test import Client


def test_public_decisions_show_only_published(client: Client, grants: dict[str, Any]) -> None:
    response = client.get("/api/v1/public/decisions")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [d["id"] for d in items] == [grants["decision"].pk]
    (decision,) = items
    assert decision["applicant"]["slug"] == "orebro"
    assert decision["granted_sek"] == 10_000_000 and decision["rejected_sek"] == 2_000_000
    (measure,) = decision["measures"]
    assert measure["category"]["slug"] == "ai-taligenkanning"
    assert measure["granted_sek"] == 10_000_000
    hidden = client.get(f"/api/v1/public/decisions/{grants['hidden_decision'].pk}")
    assert hidden.status_code == 404
    assert hidden["Content-Type"] == "application/problem+json"


def test_public_measures_are_the_granted_ones(client: Client, grants: dict[str, Any]) -> None:
    items = client.get("/api/v1/public/measures").json()["items"]
    assert [m["id"] for m in items] == [grants["measure"].pk]
    assert items[0]["region"]["slug"] == "orebro" and items[0]["granted_sek"] == 10_000_000
    assert (
        client.get("/api/v1/public/measures", {"region": "jamtland-harjedalen"}).json()["count"]
        == 0
    )
    assert client.get("/api/v1/public/measures", {"year": 2025}).json()["count"] == 1
    assert client.get("/api/v1/public/measures", {"year": 2024}).json()["count"] == 0


def test_public_answers_can_be_cached(client: Client, grants: dict[str, Any]) -> None:
    response = client.get("/api/v1/public/decisions")
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    etag = response["ETag"]
    again = client.get("/api/v1/public/decisions", headers={"If-None-Match": etag})
    assert again.status_code == 304
    private = client.get("/api/v1/applications")
    assert "public" not in private.get("Cache-Control", "")


def test_public_query_count_does_not_grow(
    client: Client, grants: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    from sprida.grants.tests import factories as f

    with django_assert_max_num_queries(6):
        client.get("/api/v1/public/decisions")
    for _ in range(5):
        f.MeasureDecisionFactory()
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/public/decisions").json()["count"] == 6
