"""In a real browser: set up an authenticator app from the secret on the page, keep the recovery
codes, sign out, and sign in again with the password and then the app's code."""

from __future__ import annotations

import time
from base64 import b32decode
from typing import Any

import pytest
from django_otp.oath import totp

from sprida.core.tests.browser import serious_violations, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"


def app_code(secret_on_page: str, ahead: int = 0) -> str:
    """What the person's app would show for the key they typed from the page."""
    text = secret_on_page.replace(" ", "")
    key = b32decode(text + "=" * (-len(text) % 8))
    return f"{totp(key, step=30, t0=0, digits=6, drift=ahead):06d}"


def no_inline_script_or_style(page: Any) -> bool:
    """Nothing a Content-Security-Policy without 'unsafe-inline' would block (htmx's own
    indicator style, which htmx adds by itself, aside)."""
    inline = page.evaluate(
        """() => [...document.querySelectorAll('script:not([src]), style, [style]')]
            .filter(e => !(e.tagName === 'STYLE' && e.textContent.startsWith('.htmx-indicator')))
            .map(e => e.outerHTML.slice(0, 120))"""
    )
    assert inline == []
    return True


def test_set_up_an_app_and_sign_in_again_with_its_code(browser, live_server, make_user) -> None:
    make_user("orebro", "editor", username="orebro", first_name="Helene")
    page = browser.new_page()
    sign_in(page, live_server.url, "orebro", PASSWORD)
    page.goto(f"{live_server.url}/konto/")
    assert "Tvåstegsverifiering: av." in page.inner_text("main")
    page.get_by_role("link", name="Tvåstegsverifiering").click()
    page.get_by_role("link", name="Slå på tvåstegsverifiering").click()

    page.wait_for_selector("svg[role=img]")
    assert no_inline_script_or_style(page)  # before axe-core puts its own script in
    assert serious_violations(page) == []
    secret = page.inner_text("#totp-secret")
    page.get_by_label("Kod från appen").fill(app_code(secret))
    page.get_by_role("button", name="Slå på tvåstegsverifiering").click()

    page.wait_for_selector("h1:has-text('Dina reservkoder')")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10
    assert no_inline_script_or_style(page)  # before axe-core puts its own script in
    assert serious_violations(page) == []
    page.get_by_role("link", name="Jag har sparat koderna – fortsätt").click()
    page.wait_for_selector("h1")
    assert "Välkommen, Helene" in page.inner_text("h1")

    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_selector("text=Logga in")
    sign_in(page, live_server.url, "orebro", PASSWORD)
    assert "Ange koden från din app" in page.inner_text("h1")
    assert "Välkommen" not in page.inner_text("main")
    assert no_inline_script_or_style(page)  # before axe-core puts its own script in
    assert serious_violations(page) == []

    page.locator("#id_code").fill("000000" if app_code(secret) != "000000" else "111111")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_selector(".error-summary")
    assert "Koden stämmer inte" in page.inner_text("main")
    assert page.title().startswith("Fel: ")
    time.sleep(1.2)  # a wrong code makes the app's codes wait a second

    page.locator("#id_code").fill(app_code(secret, ahead=1))
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_selector("h1:has-text('Välkommen')")
    assert "Välkommen, Helene" in page.inner_text("h1")
    page.goto(f"{live_server.url}/konto/tvastegsverifiering/")
    assert "Du har 10 oanvända reservkoder" in page.inner_text("main")
    assert no_inline_script_or_style(page)
    assert serious_violations(page) == []
    page.close()
