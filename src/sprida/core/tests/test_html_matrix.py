"""Every page and form of the HTML site asked by everyone who might ask (see html_matrix)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sprida.core.tests.access_world import WHO, build
from sprida.core.tests.html_matrix import ROWS, Row

# Namespaces with their own access tests, left out of this matrix: the API (api:v1, whose
# every operation api/tests/test_permissions.py asks) and Django's admin (staff only).
ELSEWHERE = ("api:v1:", "admin:")


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any, media: Path) -> Iterator[dict[str, Any]]:
    """Built once for the module, in a transaction rolled back at its end; each test runs in a
    savepoint within it, so what one request changes the next never sees."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _media_root(settings: Any, media: Path) -> None:
    """The world's files stay where it stored them (instead of a new folder per test)."""
    settings.MEDIA_ROOT = str(media)


def answer(response: Any) -> str:
    if response.status_code == 302:
        logins = (resolve_url(settings.LOGIN_URL), reverse("admin_login"))
        return "login" if response["Location"].startswith(logins) else "done"
    return str(response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_the_answer_is_the_one_written_down(world, row: Row, who: str) -> None:
    client = Client()
    if who != "anonymous":
        client.force_login(world["people"][who])
    url = reverse(row.name, kwargs=row.kwargs(world))
    column = WHO.index(who)
    assert answer(client.get(url)) == row.get.split()[column], f"GET {url} as {who}"
    posted = answer(client.post(url, row.data(world)))
    if row.effect is not None:
        happened = row.effect(world)
        if posted == "done" and not happened:
            posted = "kept"
        elif happened and posted != "done":
            posted = f"{posted}, yet it changed"
    assert posted == row.post.split()[column], f"POST {url} as {who}"


def _names(resolver: URLResolver, prefix: str = "") -> Iterator[str]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _names(
                pattern, f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            )
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + pattern.name


def test_every_url_name_is_in_the_matrix() -> None:
    """A new page or form fails here until its row is written (with the answers it must give)."""
    names = {name for name in _names(get_resolver()) if not name.startswith(ELSEWHERE)}
    in_matrix = {row.name for row in ROWS}
    assert sorted(names - in_matrix) == []
    gone = in_matrix - set(_names(get_resolver()))
    assert sorted(gone) == []  # no row for an address that is gone


def test_the_completeness_check_sees_every_namespace() -> None:
    names = set(_names(get_resolver()))
    assert {"grants:application_submit", "set_language", "api:tokens"} <= names
    assert any(name.startswith("api:v1:") for name in names)
    assert any(name.startswith("admin:") for name in names)


def test_each_row_has_an_answer_per_person() -> None:
    known = {"200", "400", "403", "404", "405", "login", "done", "kept"}
    for row in ROWS:
        for answers in (row.get, row.post):
            assert len(answers.split()) == len(WHO), row.id
            assert set(answers.split()) <= known, row.id
    assert len({row.id for row in ROWS}) == len(ROWS)


def test_the_forms_no_test_asked_before_are_in_the_matrix() -> None:
    named = {row.name for row in ROWS}
    assert {
        "grants:application_submit",
        "grants:application_withdraw",
        "grants:condition_edit",
        "effects:indicator_edit",
        "effects:cost_document_add",
        "effects:measurement_csv",
        "spreading:group_create",
        "spreading:solution_link",
    } <= named
