import pytest
from django.conf import settings
from django.core import mail

from sprida.accounts.models import User


def test_argon2_is_the_production_hasher() -> None:
    from sprida import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert settings.AUTH_USER_MODEL == "accounts.User"


def test_sign_in_and_out(client, make_user) -> None:
    make_user("orebro", username="alice")
    response = client.post(
        "/konto/logga-in/", {"username": "alice", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert "Region Örebro län" in page
    client.post("/konto/logga-ut/")
    assert "Logga in" in client.get("/").content.decode()


def test_wrong_password_gives_a_swedish_message(client, make_user) -> None:
    make_user("orebro", username="alice")
    response = client.post("/konto/logga-in/", {"username": "alice", "password": "fel"})
    assert response.status_code == 200
    assert "Fel användarnamn eller lösenord" in response.content.decode()


def test_lockout_after_repeated_failures(client, make_user) -> None:
    make_user("orebro", username="alice")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/konto/logga-in/", {"username": "alice", "password": "fel"})
    response = client.post(
        "/konto/logga-in/", {"username": "alice", "password": "correct-horse-battery"}
    )
    assert response.status_code == 429
    assert "spärrad" in response.content.decode()


def test_password_reset_sends_mail(client, make_user) -> None:
    make_user("orebro", username="alice")
    response = client.post("/konto/aterstall/", {"email": "alice@example.se"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/konto/aterstall/" in mail.outbox[0].body


def test_password_change(client, make_user) -> None:
    user = make_user("orebro", username="alice")
    client.force_login(user)
    response = client.post(
        "/konto/losenord/",
        {
            "old_password": "correct-horse-battery",
            "new_password1": "ett-nytt-langt-losen",
            "new_password2": "ett-nytt-langt-losen",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("ett-nytt-langt-losen")


def test_profile_requires_sign_in(client, db) -> None:
    response = client.get("/konto/")
    assert response.status_code == 302
    assert "/konto/logga-in/" in response["Location"]


@pytest.mark.django_db
def test_oidc_claims_make_a_viewer_in_the_named_region(orgs) -> None:
    from sprida.accounts.oidc import user_from_claims

    claims = {
        "sub": "abc-123",
        "email": "x@regionorebrolan.se",
        "given_name": "Xena",
        "organisation_number": "2321000164",
    }
    user = user_from_claims(claims)
    assert user.memberships.get().organisation.slug == "orebro"
    assert user.memberships.get().role == "viewer"
    assert not user.has_usable_password()
    assert user_from_claims(claims) == user  # the same subject signs in again
    assert User.objects.count() == 1


def test_profile_links_to_api_keys(client, make_user) -> None:
    client.force_login(make_user("orebro"))
    assert "/api/tokens/" in client.get("/konto/").content.decode()
    assert client.get("/konto/api-nycklar/")["Location"] == "/api/tokens/"
