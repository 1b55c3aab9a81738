"""Demo data loaders. Apps register theirs; `sprida demo` runs them in order."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.db import transaction

from sprida.accounts.models import Membership, User
from sprida.core.access import Role
from sprida.core.models import Organisation
from sprida.core.services import organisations_load


class Output(Protocol):
    def write(self, msg: str) -> object: ...


Loader = Callable[[Output], None]


@dataclass(frozen=True)
class DemoLoader:
    order: int
    name: str
    load: Loader


_loaders: dict[str, DemoLoader] = {}


def register(order: int, name: str) -> Callable[[Loader], Loader]:
    def wrap(func: Loader) -> Loader:
        _loaders[name] = DemoLoader(order, name, func)
        return func

    return wrap


def loaders() -> list[DemoLoader]:
    return sorted(_loaders.values(), key=lambda loader: loader.order)


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    organisation: str | None
    role: str | None
    description: str


DEMO_USERS = (
    DemoUser("orebro", "Helene", "Demo", "orebro", Role.EDITOR, "redaktör, Region Örebro län"),
    DemoUser(
        "jamtland",
        "Henrik",
        "Demo",
        "jamtland-harjedalen",
        Role.EDITOR,
        "redaktör, Region Jämtland Härjedalen",
    ),
    DemoUser(
        "vastmanland", "Vera", "Demo", "vastmanland", Role.VIEWER, "läsare, Region Västmanland"
    ),
    DemoUser("skr", "Sam", "Demo", "skr", Role.EDITOR, "nationell samordnare, SKR"),
    DemoUser(
        "delegationen",
        "Dana",
        "Demo",
        "effektivitetsdelegationen",
        Role.EDITOR,
        "handläggare, Effektivitetsdelegationen",
    ),
    DemoUser("admin", "Ada", "Demo", None, None, "administratör för plattformen"),
)


def demo_password() -> str:
    """SPRIDA_DEMO_PASSWORD if set, else one generated password kept under var/."""
    if password := os.environ.get("SPRIDA_DEMO_PASSWORD"):
        return password
    path = settings.VAR_DIR / "demo_password"
    if path.exists():
        return path.read_text().strip()
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(12)
    path.write_text(password)
    path.chmod(0o600)
    return password


@transaction.atomic
def demo_users_create(password: str) -> list[DemoUser]:
    for spec in DEMO_USERS:
        user, _ = User.objects.get_or_create(username=spec.username)
        user.first_name, user.last_name = spec.first_name, spec.last_name
        user.email = f"{spec.username}@demo.sprida.localhost"
        user.title = spec.description
        user.is_superuser = user.is_staff = spec.organisation is None
        user.set_password(password)
        user.save()
        if spec.organisation and spec.role:
            organisation = Organisation.objects.get(slug=spec.organisation)
            Membership.objects.update_or_create(
                user=user, organisation=organisation, defaults={"role": spec.role}
            )
    return list(DEMO_USERS)


@register(0, "regioner och nationella aktörer")
def load_organisations(out: Output) -> None:
    created, updated = organisations_load()
    out.write(f"  organisationer: {created} nya, {updated} uppdaterade\n")
