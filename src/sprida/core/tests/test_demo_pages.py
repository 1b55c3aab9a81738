"""Every kind of page of the demo, read as each demo user and as a visitor, passes the page checks.

The demo loads once for the module (about a minute); the pages are kept in memory and each test
looks at all of them:

- no internal code word where a person reads Swedish: every value a model stores as a code
  (choices such as "partially_granted") and every code of the extraction's vocabulary must reach
  the page through its label;
- no duplicate id, no reference (aria-describedby, aria-labelledby, label for=, href="#…") to an
  id that is not on the page, no aria-label on an element that cannot carry a name
  (see page_checks.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client, override_settings

from sprida.accounts.models import User
from sprida.core.tests import page_checks
from sprida.core.tests.crawl import Page, crawl
from sprida.intake.labels import VOCABULARIES

DEMO_USERS = ["orebro", "jamtland", "vastmanland", "skr", "delegationen", "admin"]
VISITOR = "(besökare)"
# Codes that are also ordinary Swedish words on a page ("risk", "pilot").
SWEDISH_WORDS = {"risk", "pilot", "region", "admin", "text", "ok", "sek"}

DemoPages = dict[str, list[Page]]


def code_words() -> set[str]:
    codes = {code for vocabulary in VOCABULARIES.values() for code in vocabulary}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            for value, label in getattr(field, "choices", None) or []:
                if isinstance(value, str) and str(label).casefold() != value.casefold():
                    codes.add(value)
    return {c for c in codes if re.fullmatch(r"[a-z][a-z_]+", c)} - SWEDISH_WORDS


@pytest.fixture(scope="module")
def demo_pages(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[DemoPages]:
    """Load the demo, crawl it as every demo user and a visitor, and empty the database after."""
    var = tmp_path_factory.mktemp("demo")
    with (
        django_db_blocker.unblock(),
        override_settings(VAR_DIR=var, STATIC_ROOT=var / "static"),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setenv("SPRIDA_DEMO_PASSWORD", "demo-losenord-123")
        try:
            with open("/dev/null", "w") as quiet:
                call_command("demo", no_serve=True, stdout=quiet)
            pages: DemoPages = {}
            for username in [*DEMO_USERS, None]:
                client = Client()
                if username:
                    client.force_login(User.objects.get(username=username))
                pages[username or VISITOR] = list(crawl(client))
            yield pages
        finally:
            call_command("flush", interactive=False, verbosity=0)


def findings(pages: DemoPages, check: Callable[[str], list[str]]) -> dict[str, list[str]]:
    """Each finding with the first three places it was seen (user: url)."""
    found: dict[str, list[str]] = {}
    for username, user_pages in pages.items():
        for page in user_pages:
            for finding in check(page.html):
                found.setdefault(finding, []).append(f"{username}: {page.url}")
    return {finding: where[:3] for finding, where in sorted(found.items())}


def test_the_code_word_list_knows_the_codes_we_have_seen() -> None:
    assert {"partially_granted", "progress_report", "submitted", "decided"} <= code_words()


def test_every_user_reaches_many_pages(demo_pages: DemoPages) -> None:
    assert {user: len(p) for user, p in demo_pages.items() if len(p) <= 10} == {}


def test_no_page_of_the_demo_shows_a_code_word(demo_pages: DemoPages) -> None:
    pattern = re.compile(r"\b(" + "|".join(sorted(code_words(), key=len, reverse=True)) + r")\b")
    found: dict[str, set[str]] = {}
    for username, pages in demo_pages.items():
        for page in pages:
            for match in pattern.finditer(page.text):
                found.setdefault(match.group(1), set()).add(f"{username}: {page.url}")
    assert found == {}, {word: sorted(where)[:3] for word, where in found.items()}


def test_no_page_of_the_demo_has_a_duplicate_id(demo_pages: DemoPages) -> None:
    assert findings(demo_pages, page_checks.duplicate_ids) == {}


def test_no_page_of_the_demo_refers_to_a_missing_id(demo_pages: DemoPages) -> None:
    assert findings(demo_pages, page_checks.missing_references) == {}


def test_no_page_of_the_demo_labels_an_element_that_cannot_carry_a_name(
    demo_pages: DemoPages,
) -> None:
    assert findings(demo_pages, page_checks.labels_on_unnameable_elements) == {}
