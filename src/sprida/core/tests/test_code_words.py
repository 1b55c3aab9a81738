"""No page of the demo shows an internal code word where a person reads Swedish.

Every value a model stores as a code (choices such as "partially_granted" or "progress_report")
and every code of the extraction's vocabulary must reach the page through its label. The test
loads the demo and reads every kind of page as each demo user and as a visitor.
"""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from sprida.accounts.models import User
from sprida.core.tests.crawl import crawl
from sprida.intake.labels import VOCABULARIES

DEMO_USERS = ["orebro", "jamtland", "vastmanland", "skr", "delegationen", "admin"]
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


@pytest.mark.django_db(transaction=True)
def test_no_page_of_the_demo_shows_a_code_word(settings, tmp_path, monkeypatch) -> None:
    settings.VAR_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.setenv("SPRIDA_DEMO_PASSWORD", "demo-losenord-123")
    call_command("demo", no_serve=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    pattern = re.compile(r"\b(" + "|".join(sorted(code_words(), key=len, reverse=True)) + r")\b")
    found: dict[str, set[str]] = {}
    for username in [*DEMO_USERS, None]:
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        pages = 0
        for page in crawl(client):
            pages += 1
            for match in pattern.finditer(page.text):
                found.setdefault(match.group(1), set()).add(f"{username}: {page.url}")
        assert pages > 10, f"{username} reached only {pages} pages"
    assert found == {}, {word: sorted(where)[:3] for word, where in found.items()}
