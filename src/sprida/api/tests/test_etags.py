"""Entity tags: a GET sends the record's version as its ETag; PATCH and DELETE with If-Match
are refused with 412 (problem+json, English) if the record changed since; without If-Match,
as before."""

from __future__ import annotations

from typing import Any

from django.test import Client

from sprida.grants.models import Application, Measure
from sprida.grants.tests.factories import make_measure

PROBLEM = "application/problem+json"


def _send(api: Any, method: str, path: str, if_match: str | None, data: Any = None) -> Any:
    headers = dict(api.headers)
    if if_match is not None:
        headers["If-Match"] = if_match
    client: Client = api.client
    if method == "patch":
        return client.patch(path, data, content_type="application/json", headers=headers)
    return client.delete(path, headers=headers)


def test_get_sends_the_version_as_etag(api_as, grants) -> None:
    api = api_as("editor")
    for path, obj in (
        (f"/api/v1/applications/{grants['draft'].pk}", grants["draft"]),
        (f"/api/v1/measures/{grants['draft_measure'].pk}", grants["draft_measure"]),
        (f"/api/v1/indicators/{grants['indicator'].pk}", grants["indicator"]),
        (f"/api/v1/decisions/{grants['decision'].pk}", grants["decision"]),
    ):
        answer = api.get(path)
        assert answer.status_code == 200, path
        assert answer["ETag"] == f'"v{obj.row_version}"', path


def test_two_patches_from_the_same_etag_second_is_refused(api_as, make_user, grants) -> None:
    api = api_as("editor")
    path = f"/api/v1/measures/{grants['draft_measure'].pk}"
    tag = api.get(path)["ETag"]
    first = _send(api, "patch", path, tag, {"title": "Först"})
    assert first.status_code == 200 and first["ETag"] == '"v2"' and first.json()["title"] == "Först"
    second = _send(api, "patch", path, tag, {"title": "Sedan"})
    assert second.status_code == 412
    assert second["Content-Type"] == PROBLEM
    problem = second.json()
    assert problem["code"] == "precondition_failed" and problem["status"] == 412
    assert problem["title"] == "Precondition Failed"
    assert "changed after you read it" in problem["detail"]
    assert second["ETag"] == '"v2"'
    assert Measure.objects.get(pk=grants["draft_measure"].pk).title == "Först"
    # With the new tag the change goes through.
    third = _send(api, "patch", path, second["ETag"], {"title": "Sedan"})
    assert third.status_code == 200 and third.json()["title"] == "Sedan"


def test_application_patch_honours_if_match(api_as, grants) -> None:
    api = api_as("editor")
    path = f"/api/v1/applications/{grants['draft'].pk}"
    tag = api.get(path)["ETag"]
    assert _send(api, "patch", path, tag, {"title": "Först"}).status_code == 200
    refused = _send(api, "patch", path, tag, {"title": "Sedan"})
    assert refused.status_code == 412 and refused.json()["code"] == "precondition_failed"
    assert Application.objects.get(pk=grants["draft"].pk).title == "Först"


def test_a_save_in_the_ui_makes_the_api_tag_stale(api_as, grants) -> None:
    api = api_as("editor")
    path = f"/api/v1/measures/{grants['draft_measure'].pk}"
    tag = api.get(path)["ETag"]
    measure = Measure.objects.get(pk=grants["draft_measure"].pk)
    measure.title = "Ändrad i webbläsaren"
    measure.save()
    assert _send(api, "patch", path, tag, {"title": "Från API"}).status_code == 412
    deleted = _send(api, "delete", path, tag)
    assert deleted.status_code == 412 and deleted["Content-Type"] == PROBLEM
    assert Measure.objects.filter(pk=measure.pk).exists()


def test_delete_with_the_current_tag_or_a_star(api_as, grants, orgs) -> None:
    api = api_as("editor")
    path = f"/api/v1/measures/{grants['draft_measure'].pk}"
    assert _send(api, "delete", path, api.get(path)["ETag"]).status_code == 204
    other = make_measure(application=grants["draft"])
    assert _send(api, "delete", f"/api/v1/measures/{other.pk}", "*").status_code == 204


def test_without_if_match_the_last_write_wins_as_before(api_as, grants) -> None:
    api = api_as("editor")
    path = f"/api/v1/measures/{grants['draft_measure'].pk}"
    api.get(path)
    assert api.patch(path, {"title": "Först"}).status_code == 200
    answer = api.patch(path, {"title": "Sedan"})
    assert answer.status_code == 200 and answer["ETag"] == '"v3"'
    assert Measure.objects.get(pk=grants["draft_measure"].pk).title == "Sedan"


def test_weak_and_listed_tags_match_and_garbage_does_not(api_as, grants) -> None:
    api = api_as("editor")
    path = f"/api/v1/measures/{grants['draft_measure'].pk}"
    assert _send(api, "patch", path, 'W/"v1"', {"title": "A"}).status_code == 200
    assert _send(api, "patch", path, '"v9", "v2"', {"title": "B"}).status_code == 200
    assert _send(api, "patch", path, "nonsense", {"title": "C"}).status_code == 412


def test_if_match_does_not_open_another_regions_record(api_as, grants) -> None:
    """The precondition is checked after access: a stranger still gets 404, tag or not."""
    path = f"/api/v1/measures/{grants['draft_measure'].pk}"
    answer = _send(api_as("stranger"), "patch", path, '"v1"', {"title": "Kapad"})
    assert answer.status_code == 404
    assert Measure.objects.get(pk=grants["draft_measure"].pk).title != "Kapad"


def test_openapi_documents_412_on_conditional_writes(api_as) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    patch = schema["paths"]["/api/v1/measures/{id}"]["patch"]
    assert "412" in patch["responses"]
