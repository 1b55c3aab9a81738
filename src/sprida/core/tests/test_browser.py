"""In a real browser: a demo user signs in, sees the start page, and axe finds nothing serious."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = os.environ.get("SPRIDA_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("SPRIDA_REQUIRE_BROWSER") == "1"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if REQUIRED:
            pytest.fail(f"Chromium is required but missing at {CHROMIUM}")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v.get("impact") in {"serious", "critical"}
    ]


def test_sign_in_and_start_page_are_accessible(browser, live_server, make_user) -> None:
    make_user("orebro", "editor", username="orebro", first_name="Helene")
    page = browser.new_page()
    page.goto(f"{live_server.url}/")
    assert serious_violations(page) == []
    page.get_by_role("link", name="Logga in").first.click()
    assert serious_violations(page) == []
    page.get_by_label("Användarnamn").fill("orebro")
    page.get_by_label("Lösenord").fill("correct-horse-battery")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_selector("h1")
    assert "Välkommen, Helene" in page.inner_text("h1")
    assert "Region Örebro län" in page.inner_text("main")
    assert serious_violations(page) == []
    # The skip link is the first stop for a keyboard user.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.close()
