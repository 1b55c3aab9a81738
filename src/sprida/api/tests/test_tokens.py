"""Personal API tokens: stored hashed, shown once, last-used time, revoked at once."""

from __future__ import annotations

import hashlib

import pytest
from django.utils import timezone

from sprida.api.models import ApiToken
from sprida.api.services import TokenError, token_authenticate, token_create, token_revoke


def bearer(raw: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {raw}"}


def test_token_is_stored_as_sha256_with_a_visible_prefix(people) -> None:
    token, raw = token_create(by=people["editor"], name="Power BI")
    assert raw.startswith(f"sprida_{token.prefix}_")
    assert len(raw) > 50
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    assert token_authenticate(raw=raw) == people["editor"]


def test_a_wrong_secret_with_a_real_prefix_is_refused(people) -> None:
    _token, raw = token_create(by=people["editor"], name="x")
    forged = raw[:-4] + ("AAAA" if not raw.endswith("AAAA") else "BBBB")
    assert token_authenticate(raw=forged) is None
    assert token_authenticate(raw="sprida_") is None
    assert token_authenticate(raw="not a token") is None


def test_a_token_needs_a_name(people) -> None:
    with pytest.raises(TokenError):
        token_create(by=people["editor"], name="   ")


def test_last_used_is_recorded(client, people) -> None:
    token, raw = token_create(by=people["editor"], name="x")
    assert token.last_used_at is None
    response = client.get("/api/v1/organisations", headers=bearer(raw))
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert (timezone.now() - token.last_used_at).total_seconds() < 60


def test_revoked_token_stops_at_once(client, people) -> None:
    token, raw = token_create(by=people["editor"], name="x")
    assert client.get("/api/v1/applications", headers=bearer(raw)).status_code == 200
    token_revoke(by=people["editor"], token=token)
    response = client.get("/api/v1/applications", headers=bearer(raw))
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "invalid_token"
    # A revoked token is refused on writes too, not mistaken for a CSRF failure.
    response = client.post("/api/v1/applications", {}, headers=bearer(raw))
    assert response.status_code in {401, 405}


def test_inactive_user_token_is_refused(client, people) -> None:
    _token, raw = token_create(by=people["editor"], name="x")
    people["editor"].is_active = False
    people["editor"].save()
    assert client.get("/api/v1/applications", headers=bearer(raw)).status_code == 401


def test_only_the_owner_revokes(people) -> None:
    token, _raw = token_create(by=people["editor"], name="x")
    with pytest.raises(TokenError):
        token_revoke(by=people["stranger"], token=token)


def test_token_page_creates_shows_once_and_revokes(client, people) -> None:
    client.force_login(people["editor"])
    page = client.get("/api/tokens/")
    assert page.status_code == 200
    assert "Du har inga API-nycklar än." in page.content.decode()
    created = client.post("/api/tokens/", {"name": "Uppföljning"})
    assert created.status_code == 201
    token = ApiToken.objects.get(user=people["editor"])
    html = created.content.decode()
    raw = html.split('id="new-token" type="text" readonly value="')[1].split('"')[0]
    assert token_authenticate(raw=raw) == people["editor"]
    again = client.get("/api/tokens/").content.decode()
    assert raw not in again and token.display_prefix in again
    revoked = client.post(f"/api/tokens/{token.pk}/aterkalla/")
    assert revoked.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/v1/organisations", headers=bearer(raw)).status_code == 401


def test_token_page_refuses_an_empty_name(client, people) -> None:
    client.force_login(people["editor"])
    response = client.post("/api/tokens/", {"name": ""})
    assert response.status_code == 200
    assert not ApiToken.objects.exists()


def test_token_page_needs_sign_in(client, db) -> None:
    response = client.get("/api/tokens/")
    assert response.status_code == 302 and "/konto/logga-in/" in response["Location"]


def test_nobody_revokes_another_users_token(client, people) -> None:
    token, _raw = token_create(by=people["editor"], name="x")
    client.force_login(people["stranger"])
    assert client.post(f"/api/tokens/{token.pk}/aterkalla/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_session_auth_needs_csrf_on_writes(people) -> None:
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(people["editor"])
    assert browser.get("/api/v1/applications").status_code == 200
    response = browser.post("/api/v1/applications", {}, content_type="application/json")
    assert response.status_code in {403, 405}
    assert response["Content-Type"] == "application/problem+json"
