"""Error pages: styled and in Swedish with a way back; problem+json under the API."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, override_settings
from django.urls import path

from sprida.core import errors
from sprida.urls import urlpatterns as site_patterns


def _forbidden(request):
    raise PermissionDenied


def _bad(request):
    raise SuspiciousOperation("tampered")


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("test/forbidden/", _forbidden),
    path("test/bad/", _bad),
    path("test/broken/", _broken),
    path("api/v1/test/forbidden/", _forbidden),
    path("api/v1/test/broken/", _broken),
    *site_patterns,
]
handler400 = "sprida.core.errors.bad_request"
handler403 = "sprida.core.errors.permission_denied"
handler404 = "sprida.core.errors.page_not_found"
handler500 = "sprida.core.errors.server_error"

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


@pytest.fixture
def client() -> Client:
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/test/bad/", 400, "Begäran kunde inte tolkas"),
        ("/test/forbidden/", 403, "Du har inte behörighet till sidan"),
        ("/finns-inte/", 404, "Sidan finns inte"),
        ("/test/broken/", 500, "Något gick fel hos oss"),
    ],
)
@override_settings(DEBUG=False)
def test_error_pages_are_styled_swedish_with_a_way_back(client, url, status, heading) -> None:
    response = client.get(url)
    assert response.status_code == status
    page = response.content.decode()
    assert heading in page
    assert 'lang="sv"' in page
    assert "sprida.css" in page  # the site's own layout, not a bare page
    assert 'href="/"' in page and "Till startsidan" in page
    for english in ("Forbidden", "Not Found", "Server Error", "Bad Request"):
        assert english not in page


@override_settings(DEBUG=False)
def test_a_signed_out_visitor_refused_is_offered_to_sign_in(client) -> None:
    page = client.get("/test/forbidden/").content.decode()
    assert "/konto/" in page and "Logga in" in page


@pytest.mark.parametrize(
    ("url", "status"), [("/api/v1/test/forbidden/", 403), ("/api/v1/test/broken/", 500)]
)
@override_settings(DEBUG=False)
def test_the_api_answers_problem_json_in_english(client, url, status) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["status"] == status and body["detail"].isascii()


def test_a_failed_csrf_check_is_a_styled_page_that_says_what_to_do() -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/konto/logga-in/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Formuläret kunde inte skickas" in page and "Ladda om sidan" in page
    assert "CSRF verification failed" not in page


def test_the_handlers_are_the_sites() -> None:
    from sprida import urls

    assert urls.handler404 == "sprida.core.errors.page_not_found"
    assert urls.handler500 == "sprida.core.errors.server_error"
    assert errors.API_PREFIX == "/api/v1/"


def test_every_page_names_an_icon_that_exists(client) -> None:
    from django.contrib.staticfiles import finders

    page = client.get("/").content.decode()
    assert 'rel="icon"' in page and "sprida/favicon.svg" in page
    assert finders.find("sprida/favicon.svg")
