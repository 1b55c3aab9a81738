"""Two-factor sign-in: setting up an app, the code after the password, recovery codes, the
lockout, the requirement for officers and admins, and nobody reaching another's devices.

Alice edits for Region Örebro län, Charlie for Region Jämtland Härjedalen, Dana is an officer
at Effektivitetsdelegationen, Sam coordinates at SKR, Ada administers the site.
"""

from __future__ import annotations

import re
from base64 import b32decode
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sprida.accounts import services
from sprida.accounts.qr import secret_for_typing
from sprida.accounts.selectors import PROVIDER_BACKEND
from sprida.api.services import token_create

PASSWORD = "correct-horse-battery"
SETUP = "/konto/tvastegsverifiering/ny/"
STATUS = "/konto/tvastegsverifiering/"
LOGIN = "/konto/logga-in/"
CODE = "/konto/logga-in/kod/"


def app_code(device: TOTPDevice, ahead: int = 0) -> str:
    """The code the user's app shows now (ahead=1: the next one, which is still accepted)."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=30, t0=0, digits=6, drift=ahead):06d}"


def wrong_code(device: TOTPDevice) -> str:
    near = {app_code(device, ahead) for ahead in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in near)


def set_up(user: Any) -> tuple[TOTPDevice, list[str]]:
    device = services.totp_device_start(user=user)
    codes = services.totp_device_confirm(user=user, code=app_code(device))
    assert codes is not None
    return TOTPDevice.objects.get(pk=device.pk), codes


def password_step(client: Client, username: str) -> Any:
    return client.post(LOGIN, {"username": username, "password": PASSWORD})


def signed_in(client: Client) -> bool:
    return SESSION_KEY in client.session


# Setting up -------------------------------------------------------------------------------------


def test_setup_shows_a_qr_code_and_the_secret_and_turns_on_with_a_code(
    client, people, settings
) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the right code at once after a wrong one
    alice = people["editor"]
    client.force_login(alice)
    page = client.get(SETUP)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<svg role="img"' in html and "<script" not in html.split("<main", 1)[1]
    device = TOTPDevice.objects.get(user=alice)
    assert not device.confirmed
    assert secret_for_typing(device.bin_key) in html
    assert client.get(SETUP).content.decode().count(secret_for_typing(device.bin_key)) == 1

    refused = client.post(SETUP, {"code": wrong_code(device)})
    assert refused.status_code == 400
    assert "Koden stämmer inte" in refused.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed

    done = client.post(SETUP, {"code": app_code(device)})
    assert done.status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    shown = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(shown) == services.RECOVERY_CODE_COUNT
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(shown)
    assert "no-store" in done["Cache-Control"]
    # This session gave the code, so it goes on; the secret is never shown again.
    assert client.get("/bidrag/").status_code == 200
    assert client.get(SETUP)["Location"] == STATUS
    assert secret_for_typing(device.bin_key) not in client.get(STATUS).content.decode()


def test_setup_reads_the_secret_people_type(db) -> None:
    assert secret_for_typing(bytes(range(10))) == "AAAQ EAYE AUDA OCAJ"
    assert b32decode("AAAQEAYEAUDAOCAJ") == bytes(range(10))
    assert services.normalise_code(" AbCd-eF gh ") == "abcdefgh"


# Signing in -------------------------------------------------------------------------------------


def test_sign_in_asks_for_the_code_after_the_password(client, people) -> None:
    alice = people["editor"]
    device, _codes = set_up(alice)
    response = password_step(client, "alice")
    assert response["Location"] == CODE
    assert not signed_in(client)
    assert client.get("/konto/")["Location"].startswith(LOGIN)
    assert "Ange koden" in client.get(CODE).content.decode()

    response = client.post(CODE, {"code": app_code(device, ahead=1)})
    assert response.status_code == 302 and response["Location"] == "/"
    assert signed_in(client)
    assert client.get("/konto/").status_code == 200


def test_sign_in_keeps_where_the_user_was_going(client, people) -> None:
    device, _codes = set_up(people["editor"])
    client.post(LOGIN + "?next=/effekter/", {"username": "alice", "password": PASSWORD})
    assert client.post(CODE, {"code": app_code(device, 1)})["Location"] == "/effekter/"


def test_wrong_code_is_refused_with_a_swedish_message(client, people) -> None:
    device, _codes = set_up(people["editor"])
    password_step(client, "alice")
    response = client.post(CODE, {"code": wrong_code(device)})
    assert response.status_code == 400
    assert "Koden stämmer inte" in response.content.decode()
    assert not signed_in(client)
    assert client.post(CODE, {"code": ""}).status_code == 400


def test_a_right_code_right_after_a_wrong_one_waits(client, people) -> None:
    device, _codes = set_up(people["editor"])
    password_step(client, "alice")
    client.post(CODE, {"code": wrong_code(device)})
    response = client.post(CODE, {"code": app_code(device, 1)})
    assert response.status_code == 400
    assert "Vänta till" in response.content.decode()
    assert not signed_in(client)


def test_wrong_codes_lock_the_sign_in_like_wrong_passwords(client, people) -> None:
    device, codes = set_up(people["editor"])
    password_step(client, "alice")
    responses = [
        client.post(CODE, {"code": wrong_code(device)}) for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert [r.status_code for r in responses[:-1]] == [400] * (settings.AXES_FAILURE_LIMIT - 1)
    assert responses[-1].status_code == 429
    assert "spärrad" in responses[-1].content.decode()
    # Locked: neither the password nor a good code gets in now.
    assert password_step(client, "alice").status_code == 429
    assert client.post(CODE, {"code": codes[0]})["Location"] == LOGIN
    assert not signed_in(client)
    assert StaticToken.objects.filter(token=codes[0]).exists()  # never even checked
    # The failures are logged without the codes tried.
    logged = " ".join(AccessAttempt.objects.values_list("post_data", flat=True))
    assert wrong_code(device) not in logged and "code=" in logged


def test_a_recovery_code_signs_in_once(client, people, settings) -> None:
    settings.OTP_STATIC_THROTTLE_FACTOR = 0  # the next code at once after a refused one
    alice = people["editor"]
    _device, codes = set_up(alice)
    password_step(client, "alice")
    response = client.post(CODE, {"code": codes[0].upper()}, follow=True)
    assert signed_in(client)
    assert "du har 9 kvar" in response.content.decode()
    assert not StaticToken.objects.filter(token=codes[0]).exists()

    client.post("/konto/logga-ut/")
    password_step(client, "alice")
    again = client.post(CODE, {"code": codes[0]})
    assert again.status_code == 400
    assert not signed_in(client)
    assert client.post(CODE, {"code": codes[1]}).status_code == 302


def test_code_page_without_a_password_first_goes_to_sign_in(client, people) -> None:
    set_up(people["editor"])
    assert client.get(CODE)["Location"] == LOGIN
    assert client.post(CODE, {"code": "123456"})["Location"] == LOGIN


def test_a_password_changed_meanwhile_ends_the_attempt(client, people) -> None:
    alice = people["editor"]
    device, _codes = set_up(alice)
    password_step(client, "alice")
    alice.set_password("ett-helt-annat-losenord")
    alice.save()
    assert client.post(CODE, {"code": app_code(device, 1)})["Location"] == LOGIN
    assert not signed_in(client)


def test_account_without_an_app_signs_in_with_the_password_alone(client, people) -> None:
    assert password_step(client, "alice")["Location"] == "/"
    assert signed_in(client)


def test_a_session_from_before_the_app_must_sign_in_again(client, people) -> None:
    alice = people["editor"]
    client.force_login(alice)
    assert client.get("/bidrag/").status_code == 200
    set_up(alice)  # in another browser
    response = client.get("/bidrag/")
    assert response["Location"] == LOGIN + "?next=%2Fbidrag%2F"
    assert not signed_in(client)


# Turning off and renewing -----------------------------------------------------------------------


def test_turn_off_with_a_code(client, people) -> None:
    alice = people["editor"]
    device, _codes = set_up(alice)
    password_step(client, "alice")
    client.post(CODE, {"code": app_code(device, 1)})
    page = client.get(STATUS).content.decode()
    assert "Du har 10 oanvända reservkoder" in page

    refused = client.post(STATUS + "stang-av/", {"disable-code": wrong_code(device)})
    assert refused.status_code == 400
    assert "Koden stämmer inte" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=alice).exists()

    response = client.post(STATUS + "stang-av/", {"disable-code": _codes[0]})
    assert response["Location"] == STATUS
    assert not TOTPDevice.objects.filter(user=alice).exists()
    assert not StaticToken.objects.filter(device__user=alice).exists()
    client.post("/konto/logga-ut/")
    assert password_step(client, "alice")["Location"] == "/"


def test_new_recovery_codes_replace_the_old(client, people) -> None:
    alice = people["editor"]
    device, old = set_up(alice)
    password_step(client, "alice")
    client.post(CODE, {"code": app_code(device, 1)})
    response = client.post(STATUS + "reservkoder/", {"renew-code": old[0]})
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(new) == services.RECOVERY_CODE_COUNT
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert not set(old) & set(new)


# Nobody reaches another person's devices --------------------------------------------------------


def test_a_member_of_another_region_cannot_see_or_change_someone_elses_devices(
    client, people
) -> None:
    alice, charlie = people["editor"], people["stranger"]
    device, codes = set_up(alice)
    client.force_login(charlie)
    page = client.get(STATUS).content.decode()
    assert "Inloggningen frågar bara efter lösenordet" in page
    setup = client.get(SETUP).content.decode()
    assert secret_for_typing(device.bin_key) not in setup
    # Alice's codes mean nothing on Charlie's pages.
    assert client.post(STATUS + "stang-av/", {"disable-code": codes[0]}).status_code == 400
    assert client.post(STATUS + "reservkoder/", {"renew-code": codes[1]}).status_code == 400
    assert client.post(SETUP, {"code": app_code(device)}).status_code == 400
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert StaticToken.objects.filter(device__user=alice).count() == len(codes)
    assert not TOTPDevice.objects.filter(user=charlie, confirmed=True).exists()


# Required for officers and site administrators --------------------------------------------------


@pytest.mark.parametrize("who", ["officer", "admin"])
def test_required_setting_sends_officers_and_admins_to_the_setup(
    client, people, settings, who
) -> None:
    settings.SPRIDA_REQUIRE_2FA_FOR_STAFF = True
    client.force_login(people[who])
    for path in ("/", "/bidrag/", "/konto/", "/api/tokens/", "/admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(SETUP + "?next="), path
    page = client.get(SETUP)
    assert page.status_code == 200
    assert "behöver du tvåstegsverifiering" in page.content.decode()
    assert client.get(STATUS).status_code == 200
    assert client.get("/static/sprida/sprida.css").status_code == 200
    # The API does not ride on such a session.
    assert client.get("/api/v1/applications").status_code == 401
    assert client.post("/konto/logga-ut/").status_code == 302
    assert not signed_in(client)


def test_required_setting_lets_them_in_after_setup(client, people, settings) -> None:
    settings.SPRIDA_REQUIRE_2FA_FOR_STAFF = True
    client.force_login(people["officer"])
    client.get(SETUP + "?next=/bidrag/portfolj/")
    device = TOTPDevice.objects.get(user=people["officer"])
    response = client.post(SETUP, {"code": app_code(device), "next": "/bidrag/portfolj/"})
    assert 'href="/bidrag/portfolj/"' in response.content.decode()
    assert client.get("/bidrag/portfolj/").status_code == 200
    client.post("/konto/logga-ut/")
    assert password_step(client, "dana")["Location"] == CODE
    assert client.post(CODE, {"code": app_code(device, 1)})["Location"] == "/"
    assert client.get("/bidrag/").status_code == 200


@pytest.mark.parametrize("who", ["editor", "viewer", "stranger", "coordinator"])
def test_required_setting_leaves_region_members_and_coordinators_alone(
    client, people, settings, who
) -> None:
    settings.SPRIDA_REQUIRE_2FA_FOR_STAFF = True
    client.force_login(people[who])
    assert client.get("/bidrag/").status_code == 200
    assert client.get("/konto/").status_code == 200


def test_required_setting_off_lets_officers_choose(client, people) -> None:
    assert settings.SPRIDA_REQUIRE_2FA_FOR_STAFF is False
    client.force_login(people["officer"])
    assert client.get("/bidrag/").status_code == 200


def test_production_settings_require_it_unless_turned_off() -> None:
    from sprida import settings as production

    assert production.SPRIDA_REQUIRE_2FA_FOR_STAFF is True
    assert "django_otp.middleware.OTPMiddleware" in production.MIDDLEWARE


def test_api_tokens_are_unaffected(client, people, settings) -> None:
    settings.SPRIDA_REQUIRE_2FA_FOR_STAFF = True
    officer = people["officer"]
    set_up(officer)
    _token, raw = token_create(by=officer, name="skript")
    response = client.get("/api/v1/applications", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200


def test_single_sign_on_sessions_rely_on_the_provider(client, people, settings) -> None:
    settings.SPRIDA_REQUIRE_2FA_FOR_STAFF = True
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, PROVIDER_BACKEND]
    settings.OIDC_OP_TOKEN_ENDPOINT = settings.OIDC_OP_USER_ENDPOINT = "https://idp.example/x"
    settings.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_SECRET = "sprida"
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    client.force_login(people["officer"], backend=PROVIDER_BACKEND)
    assert client.session[BACKEND_SESSION_KEY] == PROVIDER_BACKEND
    assert client.get("/bidrag/").status_code == 200
    # The same officer signed in with a password is sent to the setup.
    other = Client()
    other.force_login(people["officer"])
    assert other.get("/bidrag/")["Location"].startswith(SETUP)


def test_the_admin_signs_in_through_sprida_and_its_code_step(client, people) -> None:
    ada = people["admin"]
    device, _codes = set_up(ada)
    response = client.get("/admin/")
    assert response.status_code == 302
    to_login = client.get(response["Location"])
    assert to_login["Location"] == LOGIN + "?next=/admin/"
    # A password posted to the admin's own form signs no one in (and resets no lockout).
    client.post("/admin/login/?next=/admin/", {"username": "ada", "password": PASSWORD})
    assert not signed_in(client)
    client.post(LOGIN + "?next=/admin/", {"username": "ada", "password": PASSWORD})
    assert client.post(CODE, {"code": app_code(device, 1)})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    # Devices are listed in the admin without their secrets.
    page = client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/").content.decode()
    assert device.key not in page


def test_an_officer_who_turns_it_off_where_it_is_required_sets_it_up_again(
    client, people, settings
) -> None:
    settings.SPRIDA_REQUIRE_2FA_FOR_STAFF = True
    device, codes = set_up(people["officer"])
    password_step(client, "dana")
    client.post(CODE, {"code": app_code(device, 1)})
    response = client.post(STATUS + "stang-av/", {"disable-code": codes[0]}, follow=True)
    assert response.redirect_chain[-1][0] == SETUP
    assert "Din roll kräver den" in response.content.decode()
    assert client.get("/bidrag/")["Location"].startswith(SETUP)
