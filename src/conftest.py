"""Fixtures shared by every app's tests: the organisations and people in given roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from sprida.accounts.models import Membership, User
from sprida.core.models import Organisation
from sprida.core.services import organisations_load

# Mutation testing (tools/mutation.py) needs the same examples on every run, so a mutant is killed
# or not for good, and no deadline, since mutants run side by side on a busy machine.
hypothesis_settings.register_profile("mutation", derandomize=True, deadline=None, database=None)


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _swedish_after_each_test() -> Any:
    """A request with the English cookie leaves English active in the thread; the next test
    (one that calls gettext without a request) must start in Swedish again."""
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium for the real-browser tests (skipped without it, unless required)."""
    from sprida.core.tests.browser import launch

    yield from launch()


@pytest.fixture
def orgs(db: None) -> dict[str, Organisation]:
    """The 21 regions and the national bodies, by slug (and the seeded reference data, which a
    transactional test before this one may have flushed)."""
    from sprida.enablement.models import Requirement
    from sprida.enablement.services import requirements_load
    from sprida.grants.models import MeasureCategory
    from sprida.grants.services import categories_load

    organisations_load()
    if not MeasureCategory.objects.exists():
        categories_load()
    if not Requirement.objects.exists():
        requirements_load()
    return {org.slug: org for org in Organisation.objects.all()}


@pytest.fixture
def make_user(orgs: dict[str, Organisation]) -> Callable[..., User]:
    counter = {"n": 0}

    def make(
        org: str | None = None, role: str = "editor", *, superuser: bool = False, **extra: Any
    ) -> User:
        counter["n"] += 1
        username = extra.pop("username", f"{org or 'user'}-{role}-{counter['n']}")
        user = User.objects.create_user(
            username=username,
            password="correct-horse-battery",
            email=f"{username}@example.se",
            is_superuser=superuser,
            is_staff=superuser,
            **extra,
        )
        if org:
            Membership.objects.create(user=user, organisation=orgs[org], role=role)
        return user

    return make


@pytest.fixture
def people(make_user: Callable[..., User]) -> dict[str, User]:
    """The cast of every access test: an owner, a reader, a stranger and the national roles."""
    return {
        "editor": make_user("orebro", "editor", username="alice"),
        "viewer": make_user("orebro", "viewer", username="bob"),
        "stranger": make_user("jamtland-harjedalen", "editor", username="charlie"),
        "coordinator": make_user("skr", "editor", username="sam"),
        "officer": make_user("effektivitetsdelegationen", "editor", username="dana"),
        "admin": make_user(None, superuser=True, username="ada"),
    }
