import pytest

ROLE_TEXT = {
    "editor": "Region Örebro län",
    "viewer": "läsare",
    "coordinator": "Sveriges Kommuner och Regioner",
    "officer": "Effektivitetsdelegationen",
    "admin": "administratör för hela plattformen",
}


def test_anonymous_start_page(client, db) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert 'href="#main"' in html and '<main id="main"' in html


@pytest.mark.parametrize("who", ROLE_TEXT)
def test_start_page_per_role(client, people, who) -> None:
    client.force_login(people[who])
    response = client.get("/")
    assert response.status_code == 200
    assert ROLE_TEXT[who] in response.content.decode()


def test_english_can_be_chosen(client, db) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="en">' in client.get("/").content.decode()


def test_healthz(client, db) -> None:
    assert client.get("/healthz").content == b"ok"


def test_admin_lists_every_model_with_history(client, people) -> None:
    from django.contrib import admin

    client.force_login(people["admin"])
    for model in admin.site._registry:
        meta = model._meta
        url = f"/admin/{meta.app_label}/{meta.model_name}/"
        assert client.get(url).status_code == 200, url


def test_swedish_even_when_the_browser_asks_for_english(client, db) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="sv">' in response.content.decode()
    assert response["Content-Language"] == "sv"


def test_every_model_has_an_admin_page() -> None:
    from django.apps import apps
    from django.contrib import admin

    missing = [
        model.__name__
        for model in apps.get_models()
        if model.__module__.startswith("sprida")
        and not model._meta.proxy
        and not model.__name__.startswith("Historical")
        and model not in admin.site._registry
    ]
    assert missing == []
