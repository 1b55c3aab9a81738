"""The permission matrix: every endpoint, every role. A token does what its user may, no more."""

from __future__ import annotations

from typing import Any

import pytest

from sprida.api.api import api as ninja_api
from sprida.core.access import can_view

WHO = ["editor", "viewer", "stranger", "coordinator", "officer", "admin"]
# Örebro's people read Örebro's records; a member of another region never does. For the other
# roles the API must agree with core.access, whatever the rules say.
MUST = {"editor": True, "viewer": True, "stranger": False, "admin": True}

DETAIL_READS = [
    ("/api/v1/applications/{}", "decided"),
    ("/api/v1/applications/{}", "draft"),
    ("/api/v1/measures/{}", "draft_measure"),
    ("/api/v1/measures/{}", "hidden_measure"),
    ("/api/v1/decisions/{}", "hidden_decision"),
    ("/api/v1/payouts/{}", "hidden_payout"),
    ("/api/v1/deadlines/{}", "hidden_deadline"),
    ("/api/v1/indicators/{}", "hidden_indicator"),
    ("/api/v1/costs/{}", "hidden_cost"),
    ("/api/v1/reports/{}", "hidden_report"),
]


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("template", "key"), DETAIL_READS)
def test_detail_reads(api_as, grants, people, who, template, key) -> None:
    allowed = can_view(people[who], grants[key])
    if who in MUST:
        assert allowed is MUST[who]
    response = api_as(who).get(template.format(grants[key].pk))
    assert response.status_code == (200 if allowed else 404), response.content
    if not allowed:
        assert response.json()["code"] == "not_found"


LIST_READS = [
    ("/api/v1/applications", "hidden"),
    ("/api/v1/measures", "hidden_measure"),
    ("/api/v1/decisions", "hidden_decision"),
    ("/api/v1/payouts", "hidden_payout"),
    ("/api/v1/deadlines", "hidden_deadline"),
    ("/api/v1/indicators", "hidden_indicator"),
    ("/api/v1/measurements", "hidden_measurement"),
    ("/api/v1/qualitative-effects", "hidden_effect"),
    ("/api/v1/costs", "hidden_cost"),
    ("/api/v1/reports", "hidden_report"),
]


@pytest.mark.parametrize(("path", "key"), LIST_READS)
def test_lists_hide_another_regions_records(api_as, grants, path, key) -> None:
    def ids(who: str) -> set[int]:
        return {item["id"] for item in api_as(who).get(path, limit=500).json()["items"]}

    assert grants[key].pk in ids("viewer")
    assert grants[key].pk not in ids("stranger")


# Writes: (method, path template, record key, body, who may) — everyone else gets 403 or 404.
REGION_WRITERS = {"editor", "admin"}
FUNDER_WRITERS = {"officer", "admin"}
WRITES: list[tuple[str, str, str, dict[str, Any], set[str]]] = [
    ("patch", "/api/v1/applications/{}", "draft", {"title": "Ändrad"}, REGION_WRITERS),
    ("post", "/api/v1/applications/{}/withdraw", "draft", {}, REGION_WRITERS),
    (
        "post",
        "/api/v1/applications/{}/submit",
        "draft",
        {"submitted_on": "2025-06-12"},
        REGION_WRITERS,
    ),
    ("patch", "/api/v1/measures/{}", "draft_measure", {"title": "Ändrad"}, REGION_WRITERS),
    ("delete", "/api/v1/measures/{}", "draft_measure", {}, REGION_WRITERS),
    ("post", "/api/v1/payouts/{}/paid", "payout", {"paid_on": "2025-12-01"}, FUNDER_WRITERS),
    ("post", "/api/v1/deadlines/{}/done", "deadline", {"done_on": "2026-01-01"}, FUNDER_WRITERS),
]


def _send(api: Any, method: str, path: str, body: dict[str, Any]) -> Any:
    if method == "delete":
        return api.delete(path)
    return getattr(api, method)(path, body)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("method", "template", "key", "body", "writers"), WRITES)
def test_writes(api_as, grants, who, method, template, key, body, writers) -> None:
    response = _send(api_as(who), method, template.format(grants[key].pk), body)
    if who in writers:
        assert response.status_code in {200, 204}, response.content
    else:
        assert response.status_code in {403, 404}, (who, response.content)
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("who", WHO)
def test_create_for_an_organisation(api_as, grants, people, who) -> None:
    application = api_as(who).post("/api/v1/applications", {"applicant": "orebro", "title": "Ny"})
    assert application.status_code == (201 if who in REGION_WRITERS else 403)
    measure = api_as(who).post(
        "/api/v1/measures", {"application": grants["draft"].pk, "title": "Ny åtgärd"}
    )
    readable = can_view(people[who], grants["draft"])
    expected = 201 if who in REGION_WRITERS else (403 if readable else 404)
    assert measure.status_code == expected, measure.content


@pytest.mark.parametrize("who", WHO)
def test_record_effects(api_as, grants, people, who) -> None:
    api = api_as(who)
    measurement = api.post(
        "/api/v1/measurements",
        {"indicator": grants["hidden_indicator"].pk, "period": "2026-04-01", "value": "8.5"},
    )
    effect = api.post(
        "/api/v1/qualitative-effects",
        {
            "measure": grants["hidden_measure"].pk,
            "observed_on": "2026-04-01",
            "category": "patients",
            "statement": "Kortare väntan.",
            "source": "Intervjuer",
        },
    )
    readable = can_view(people[who], grants["hidden_indicator"])
    for response in (measurement, effect):
        expected = 201 if who in REGION_WRITERS else (403 if readable else 404)
        assert response.status_code == expected, (who, response.content)


def _operations() -> list[tuple[str, str]]:
    schema = ninja_api.get_openapi_schema()
    return [
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
    ]


def test_every_private_endpoint_refuses_the_anonymous(grants) -> None:
    from django.test import Client

    client = Client()
    checked = 0
    for method, path in _operations():
        if "/public/" in path:
            continue
        url = path.replace("{id}", str(grants["decided"].pk))
        response = client.generic(method, url, "{}", content_type="application/json")
        assert response.status_code == 401, (method, url, response.content)
        assert response.json()["code"] == "not_authenticated"
        checked += 1
    assert checked >= 20


def test_the_matrix_covers_every_endpoint() -> None:
    """A new endpoint must be added to the matrix above."""
    covered = {("GET", t.replace("{}", "{id}")) for t, _k in DETAIL_READS}
    covered |= {("GET", path) for path, _k in LIST_READS}
    covered |= {(m.upper(), t.replace("{}", "{id}")) for m, t, _k, _b, _w in WRITES}
    covered |= {
        ("POST", "/api/v1/applications"),
        ("POST", "/api/v1/measures"),
        ("POST", "/api/v1/measurements"),
        ("POST", "/api/v1/qualitative-effects"),
        ("POST", "/api/v1/documents"),
        ("POST", "/api/v1/documents/batch"),
        ("GET", "/api/v1/documents"),
        ("GET", "/api/v1/documents/{id}"),
        ("POST", "/api/v1/documents/{id}/confirm"),
    }  # documents: test_endpoints.test_document_upload_and_confirm, intake's test_batch
    reference = {"organisations", "programmes", "categories"}  # public reference data
    missing = [
        (method, path)
        for method, path in _operations()
        if (method, path) not in covered
        and "/public/" not in path
        and path.split("/")[3] not in reference
    ]
    assert not missing, missing
