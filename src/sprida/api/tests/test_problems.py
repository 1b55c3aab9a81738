"""Every failure answers in one format: problem+json with type, title, status, detail, code."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

PROBLEM_KEYS = {"type", "title", "status", "detail", "code", "errors"}


def assert_problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) == PROBLEM_KEYS
    assert body["status"] == status and body["code"] == code
    assert body["type"].endswith(code.replace("_", "-")) and body["detail"]
    return body


def test_unauthenticated(client: Client, db: None) -> None:
    response = client.get("/api/v1/applications")
    assert_problem(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_unknown_token(client: Client, db: None) -> None:
    response = client.get("/api/v1/applications", headers={"Authorization": "Bearer sprida_x"})
    assert_problem(response, 401, "invalid_token")


def test_not_found_and_unknown_path(api_as: Any, grants: dict[str, Any]) -> None:
    api = api_as("editor")
    assert_problem(api.get("/api/v1/applications/999999"), 404, "not_found")
    assert_problem(api.get("/api/v1/no-such-thing"), 404, "not_found")


def test_forbidden(api_as: Any, grants: dict[str, Any]) -> None:
    response = api_as("viewer").patch(f"/api/v1/applications/{grants['draft'].pk}", {"title": "x"})
    assert_problem(response, 403, "permission_denied")


def test_validation(api_as: Any, grants: dict[str, Any]) -> None:
    body = assert_problem(
        api_as("editor").get("/api/v1/applications?limit=9999"), 422, "validation_error"
    )
    assert body["errors"][0]["field"] == "query.limit"
    body = assert_problem(
        api_as("editor").post("/api/v1/applications", {"title": "x"}), 422, "validation_error"
    )
    assert body["errors"][0]["field"] == "body.applicant"


def test_malformed_json(api_as: Any, grants: dict[str, Any]) -> None:
    api = api_as("editor")
    response = api.client.post(
        "/api/v1/applications", "{not json", content_type="application/json", headers=api.headers
    )
    assert_problem(response, 400, "bad_request")


def test_method_not_allowed(api_as: Any, grants: dict[str, Any]) -> None:
    response = api_as("editor").client.put(
        "/api/v1/organisations", headers=api_as("editor").headers
    )
    body = assert_problem(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET" and "PUT" in body["detail"]


def test_server_error_is_a_problem_too(
    api_as: Any, grants: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sprida.api import selectors

    def broken(**kwargs: Any) -> Any:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(selectors, "organisations_visible", broken)
    response = api_as("editor").get("/api/v1/organisations")
    body = assert_problem(response, 500, "server_error")
    assert "fire" not in body["detail"]  # internals stay in the log


def test_errors_are_documented_as_problem_json(client: Client, db: None) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    response = schema["paths"]["/api/v1/applications"]["get"]["responses"]["404"]
    assert list(response["content"]) == ["application/problem+json"]
    assert "Problem" in response["content"]["application/problem+json"]["schema"]["$ref"]


def test_docs_use_the_vendored_swagger_ui(client: Client, db: None) -> None:
    from django.contrib.staticfiles import finders

    html = client.get("/api/v1/docs").content.decode()
    assert "/static/api/swagger-ui/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"):
        assert finders.find(f"api/swagger-ui/{name}")
