"""In a real browser, as the delegation officer: review a decision letter and confirm it."""

from __future__ import annotations

from typing import Any

import pytest

from sprida.core.tests.browser import serious_violations, sign_in
from sprida.grants.models import Decision

from .test_confirm import receive

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _focused(page: Any) -> str:
    return page.evaluate(
        "() => document.activeElement.id || document.activeElement.className || ''"
    )


def test_confirm_with_blank_rows_then_an_error_is_summarised_on_top(
    browser: Any, live_server: Any, people: Any, django_capture_on_commit_callbacks: Any
) -> None:
    document = receive(
        people["officer"], "002_955509009a8a4522.txt", django_capture_on_commit_callbacks
    )
    page = browser.new_page()
    sign_in(page, live_server.url, "dana", "correct-horse-battery")
    page.goto(f"{live_server.url}/dokument/{document.pk}/")
    # The blank rows at the end of measures and deadlines stay as they are.
    page.get_by_role("button", name="Bekräfta och spara som poster").click()
    page.wait_for_selector("h1")
    assert "/bidrag/" in page.url, page.inner_text("main")[:2000]
    decision = Decision.objects.get()
    assert decision.lines.count() == 8

    page.goto(f"{live_server.url}/dokument/{document.pk}/")
    page.locator("#id_title").fill("")
    page.get_by_role("button", name="Bekräfta och spara som poster").click()
    page.wait_for_selector("[data-error-summary]")
    assert page.title().startswith("Fel: ")
    assert _focused(page) == "error-summary"
    summary = page.locator("[data-error-summary]")
    assert "Det finns fel i formuläret" in summary.inner_text()
    assert summary.bounding_box()["y"] < page.locator("#id_title").bounding_box()["y"]
    summary.get_by_role("link").first.click()
    assert _focused(page) == "id_title"
    assert serious_violations(page) == []

    page.goto(f"{live_server.url}/bidrag/beslut/{decision.pk}/")
    facts = page.inner_text("main")
    assert "Föredragande\nMaria Jäger" in facts or "Föredragande\tMaria Jäger" in facts, facts
    assert "Ida Nyström" in facts and "Clas Rehnberg" in facts
    page.close()
