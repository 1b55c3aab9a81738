"""The interface in English: the catalogue is complete and the main pages render from it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils.translation import override as language

from sprida.spreading.selectors import adoption_map

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%|%[sd]|<[^>]+>")
LAZY_ALIAS_CALL = re.compile(r'\b_l\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)[,)]')

# (user from the `people` fixture, page, phrases that only the English catalogue gives)
PAGES = [
    ("editor", "/", ["Welcome, alice", "You work in:", "Go to the region’s grants page"]),
    ("officer", "/", ["Portfolio", "Go to the national portfolio"]),
    (
        "editor",
        "/bidrag/",
        ["Applications, decisions per measure, payouts, conditions and deadlines.", "Applicant"],
    ),
    (
        "editor",
        "/effekter/",
        ["Effects and reporting", "Effects by measure category in all regions"],
    ),
    ("editor", "/spridning/", ["Solutions to spread", "Find partners", "Collaboration groups"]),
    (
        "editor",
        "/underlag/",
        ["Shared dossiers for AI applications", "Done once instead of 21 times"],
    ),
    ("officer", "/dokument/", ["Upload and interpret", "Received documents"]),
    ("viewer", "/konto/", ["My account", "Organisations and roles", "Change password"]),
    (
        "viewer",
        "/konto/tvastegsverifiering/",
        ['<span class="badge">Off</span>', "Sign-in asks only for your password."],
    ),
]

# The frame every page shares, in Swedish; none of it may be left in an English page.
SWEDISH_FRAME = ["Hoppa till innehållet", "Logga ut", "Huvudmeny", "Sprida, till startsidan"]


@pytest.fixture(scope="module", autouse=True)
def _english_catalogue() -> Iterator[None]:
    """Compile the catalogue if the build has not, and make Django read it afresh."""
    compiled = CATALOGUE.with_suffix(".mo")
    if not compiled.exists() or compiled.stat().st_mtime < CATALOGUE.stat().st_mtime:
        call_command("compilecatalogs")
    # Changing LOCALE_PATHS (even to the same value) drops Django's cached catalogues.
    with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):
        yield


def test_every_entry_is_translated_with_its_placeholders() -> None:
    catalogue = polib.pofile(str(CATALOGUE))
    assert len(catalogue) > 1000
    assert not catalogue.fuzzy_entries()
    assert not catalogue.untranslated_entries()
    for entry in catalogue:
        pairs = (
            [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        for source, translation in pairs:
            assert sorted(PLACEHOLDER.findall(source)) == sorted(
                PLACEHOLDER.findall(translation)
            ), entry.msgid


def test_strings_marked_with_the_lazy_alias_are_in_the_catalogue() -> None:
    """Modules import gettext_lazy as `_l`; makemessages must read those calls too."""
    msgids = {entry.msgid for entry in polib.pofile(str(CATALOGUE))}
    marked = set()
    for module in Path(settings.PACKAGE_DIR).rglob("*.py"):
        for call in LAZY_ALIAS_CALL.finditer(module.read_text(encoding="utf-8")):
            marked.add("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', call.group(1))))
    assert marked
    assert sorted(marked - msgids) == []


def test_the_adoption_map_legend_is_translated() -> None:
    with language("en"):
        legend = adoption_map([])["legend"]
    assert legend[0]["label"] == "No information"


@pytest.mark.parametrize(("who", "url", "phrases"), PAGES)
def test_page_in_english(client, people, who: str, url: str, phrases: list[str]) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(people[who])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    for phrase in ["Skip to main content", "Sign out", "Shared dossiers", *phrases]:
        assert phrase in html, phrase
    for swedish in SWEDISH_FRAME:
        assert swedish not in html, swedish


def test_swedish_remains_the_default(client, people) -> None:
    client.force_login(people["editor"])
    html = client.get("/").content.decode()
    assert '<html lang="sv">' in html
    assert "Välkommen, alice" in html
    assert "Welcome, alice" not in html
