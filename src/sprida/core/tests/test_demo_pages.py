"""Every kind of page of the demo, read as each demo user and as a visitor, passes the page checks.

The demo loads once (about a minute) and one test runs every check on every page it reads;
add a new page check to `checks` there rather than loading the demo again:

- no internal code word where a person reads Swedish: every value a model stores as a code
  (choices such as "partially_granted") and every code of the extraction's vocabulary must reach
  the page through its label;
- no duplicate id, no reference (aria-describedby, aria-labelledby, label for=, href="#…") to an
  id that is not on the page, no aria-label on an element that cannot carry a name
  (see page_checks.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from sprida.accounts.models import User
from sprida.core.tests import page_checks
from sprida.core.tests.crawl import Page, crawl
from sprida.intake.labels import VOCABULARIES

DEMO_USERS = ["orebro", "jamtland", "vastmanland", "skr", "delegationen", "admin"]
VISITOR = "(besökare)"
# Codes that are also ordinary Swedish words on a page ("risk", "pilot").
SWEDISH_WORDS = {"risk", "pilot", "region", "admin", "text", "ok", "sek"}


def code_words() -> set[str]:
    codes = {code for vocabulary in VOCABULARIES.values() for code in vocabulary}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            for value, label in getattr(field, "choices", None) or []:
                if isinstance(value, str) and str(label).casefold() != value.casefold():
                    codes.add(value)
    return {c for c in codes if re.fullmatch(r"[a-z][a-z_]+", c)} - SWEDISH_WORDS


def test_the_code_word_list_knows_the_codes_we_have_seen() -> None:
    assert {"partially_granted", "progress_report", "submitted", "decided"} <= code_words()


def shows_a_code_word() -> Callable[[Page], list[str]]:
    pattern = re.compile(r"\b(" + "|".join(sorted(code_words(), key=len, reverse=True)) + r")\b")
    return lambda page: sorted({match.group(1) for match in pattern.finditer(page.text)})


def on_html(check: Callable[[str], list[str]]) -> Callable[[Page], list[str]]:
    return lambda page: check(page.html)


@pytest.mark.django_db(transaction=True)
def test_every_page_of_the_demo_passes_the_page_checks(settings, tmp_path, monkeypatch) -> None:
    """One demo load, one crawl per user; every check's findings with where they were seen."""
    settings.VAR_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.setenv("SPRIDA_DEMO_PASSWORD", "demo-losenord-123")
    with open("/dev/null", "w") as quiet:
        call_command("demo", no_serve=True, stdout=quiet)
    checks = {
        "code word": shows_a_code_word(),
        "duplicate id": on_html(page_checks.duplicate_ids),
        "missing id": on_html(page_checks.missing_references),
        "aria-label": on_html(page_checks.labels_on_unnameable_elements),
    }
    found: dict[str, dict[str, list[str]]] = {name: {} for name in checks}
    reached = {}
    for username in [*DEMO_USERS, None]:
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        pages = list(crawl(client))
        reached[username or VISITOR] = len(pages)
        for page in pages:
            for name, check in checks.items():
                for finding in check(page):
                    where = found[name].setdefault(finding, [])
                    if len(where) < 3:
                        where.append(f"{username or VISITOR}: {page.url}")
    assert {user: count for user, count in reached.items() if count <= 10} == {}
    assert {name: findings for name, findings in found.items() if findings} == {}
