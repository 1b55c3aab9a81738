"""Every spreadsheet the platform hands out, with hostile text in every text field, is safe to open.

The demo data is loaded, every free-text field of every Sprida model is made to start with a
character a spreadsheet runs as a formula, and then the pages are walked as the people who use
them, following every link. Every response that is a CSV or XLSX file, whatever its URL, must hold
no formula and no field that a spreadsheet could run. A new export is found by its content type,
so one written without the shared helper fails here.
"""

from __future__ import annotations

import re
from collections import deque
from itertools import cycle
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.db.models.functions import Concat, Left
from django.test import Client
from django.urls import Resolver404, resolve

from sprida.accounts.models import User
from sprida.core import demo
from sprida.core.tests.spreadsheets import is_spreadsheet, spreadsheet_problems

HOSTILE = ("=HYPERLINK(\"http://x.invalid\";\"a\")", "+1+cmd|' /C calc'!A0", "-2+3",
           "@SUM(1+1)", "\t=1+1", "\r=1+1")  # fmt: skip
SKIPPED_FIELDS = {"password", "username", "slug", "email", "sha256", "content_type", "language"}
WALKERS = ("delegationen", "orebro", "skr", None)  # None: the public, signed out
# Links that change state or leave the pages; GET is safe everywhere else.
SKIPPED_PATHS = re.compile(r"^/(konto/logga-ut|i18n|admin|api/v1/docs|static|media)")
# The spreadsheets known today; the walk must reach each (and checks any other it finds).
KNOWN_EXPORTS = {
    "grants:overview",
    "grants:region",
    "grants:deadlines",
    "grants:application",
    "grants:decision",
    "grants:portfolio",
    "effects:measurement_csv",
    "effects:report_download",
    "effects:region_accounting",
    "effects:decision_accounting",
    "enablement:compensation",
}


def _text_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not isinstance(f, models.SlugField | models.EmailField | models.URLField)
        and not f.choices
        and not f.unique
        and not f.primary_key
        and f.name not in SKIPPED_FIELDS
    ]


def poison_text_fields() -> int:
    """Every non-empty free-text value of every Sprida model starts with a formula character."""
    hostile = cycle(HOSTILE)
    changed = 0
    for model in apps.get_models():
        if not model.__module__.startswith("sprida.") or model._meta.proxy:
            continue
        for field in _text_fields(model):
            prefix: Any = models.Value(next(hostile))
            value: Any = Concat(prefix, models.F(field.name), output_field=field)
            if field.max_length:
                value = Left(value, field.max_length)
            changed += model._default_manager.exclude(**{field.name: ""}).update(
                **{field.name: value}
            )
    return changed


def _links(html: str, base: str) -> list[str]:
    found = []
    for href in re.findall(r'href="([^"#]+)', html):
        url = urljoin(base, href.replace("&amp;", "&"))
        parts = urlsplit(url)
        if parts.netloc in ("", "testserver") and not SKIPPED_PATHS.match(parts.path):
            found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _walk_key(url: str) -> tuple[Any, ...] | None:
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    query = dict(parse_qsl(parts.query))
    # Each table and each format of a page is its own export; other parameters only filter.
    wanted = {**query, **{k: str(v) for k, v in match.kwargs.items()}}
    export = tuple(
        sorted((k, v) for k, v in wanted.items() if k in {"export", "table", "format", "fmt"})
    )
    return (match.view_name, export, tuple(sorted(query)))


def walk(client: Client, start: list[str], found: dict[str, list[str]]) -> int:
    """Follow every link once per kind of page; check each spreadsheet; return pages seen."""
    queue, seen = deque(start), set()
    visited = 0
    while queue:
        url = queue.popleft()
        key = _walk_key(url)
        if key is None or key in seen:
            continue
        seen.add(key)
        response = client.get(url)
        visited += 1
        content_type = response.get("Content-Type", "")
        if response.status_code != 200:
            if response.status_code >= 500:
                print("server error:", url)
            continue
        if is_spreadsheet(content_type):
            body = response.getvalue()
            found.setdefault(key[0], []).extend(
                f"{url}: {p}" for p in spreadsheet_problems(content_type, body)
            )
        elif content_type.startswith("text/html"):
            queue.extend(_links(response.content.decode(), url))
    return visited


@pytest.mark.django_db
def test_every_export_is_safe_with_hostile_text(tmp_path: Path) -> None:
    for loader in demo.loaders():
        if loader.name != "sökindex":
            loader.load(open("/dev/null", "w"))  # noqa: SIM115
    demo.demo_users_create("walk-the-exports")
    assert poison_text_fields() > 1000

    found: dict[str, list[str]] = {}
    visited = 0
    for username in WALKERS:
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        visited += walk(client, ["/", "/bidrag/", "/effekter/", "/spridning/", "/underlag/"], found)
    print(f"{visited} pages walked, spreadsheets from {len(found)} views")

    # The command-line report goes through the same helper.
    out = tmp_path / "report.xlsx"
    call_command("report", "progress", region="orebro", fmt="xlsx", output=str(out))
    found["command:report"] = spreadsheet_problems(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.read_bytes()
    )

    assert set(found) >= KNOWN_EXPORTS, f"not reached: {KNOWN_EXPORTS - set(found)}"
    problems = [p for name in sorted(found) for p in found[name]]
    assert not problems, "\n".join(problems[:40])
