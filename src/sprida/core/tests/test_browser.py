"""In a real browser: sign in, keyboard use, and axe-core on the pages people use most."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from sprida.core.tests.browser import serious_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_sign_in_and_start_page_are_accessible(browser, live_server, make_user) -> None:
    make_user("orebro", "editor", username="orebro", first_name="Helene")
    page = browser.new_page()
    page.goto(f"{live_server.url}/")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Logga in").first.click()
    assert serious_violations(page) == []
    sign_in(page, live_server.url, "orebro", "correct-horse-battery")
    assert "Välkommen, Helene" in page.inner_text("h1")
    assert "Region Örebro län" in page.inner_text("main")
    assert serious_violations(page) == []
    # The skip link is the first stop for a keyboard user.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.close()


def _pages_for(username: str) -> list[str]:
    from sprida.effects.models import Report
    from sprida.grants.models import Decision
    from sprida.intake.models import Document
    from sprida.spreading.models import Solution

    decision = Decision.objects.get(application__applicant__slug="orebro")
    common = [
        "/",
        "/bidrag/",
        "/bidrag/portfolj/",
        "/bidrag/tidsfrister/",
        "/effekter/",
        "/spridning/",
        "/underlag/",
        "/dokument/",
        "/sok/?q=taligenk%C3%A4nningen",
        reverse("grants:decision", args=[decision.pk]),
        reverse("grants:application", args=[decision.application_id]),
        reverse(
            "spreading:solution",
            args=[Solution.objects.filter(published=True).order_by("pk")[0].slug],
        ),
        "/konto/",
    ]
    if username == "orebro":
        measure = decision.lines.order_by("pk")[0].measure
        report = Report.objects.filter(decision=decision).first()
        document = Document.objects.filter(document_type="decision")[0]
        return [
            *common,
            "/bidrag/region/orebro/",
            reverse("effects:measure", args=[measure.pk]),
            reverse("effects:report", args=[report.pk]) if report else "/effekter/",
            "/api/tokens/",
            reverse("intake:document", args=[document.pk]),
        ]
    return [*common, "/effekter/nationellt/", "/underlag/oversikt/"]


@pytest.mark.parametrize("username", ["orebro", "delegationen"])
def test_main_pages_have_no_serious_accessibility_problems(
    browser, live_server, monkeypatch, settings, tmp_path, username: str
) -> None:
    settings.VAR_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    monkeypatch.setenv("SPRIDA_DEMO_PASSWORD", "demo-losenord-123")
    call_command("demo", no_serve=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    page: Any = browser.new_page()
    sign_in(page, live_server.url, username, "demo-losenord-123")
    problems = {}
    for path in _pages_for(username):
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 200, path
        found = serious_violations(page)
        if found:
            problems[path] = found
    page.close()
    assert problems == {}
