"""Shared by the real-browser tests: Debian's Chromium through Playwright, and axe-core."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = os.environ.get("SPRIDA_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("SPRIDA_REQUIRE_BROWSER") == "1"


def launch() -> Iterator[Any]:
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


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings on the page, as 'rule: help (where)'."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in results.response["violations"]
        if v.get("impact") in {"serious", "critical"}
    ]


def sign_in(page: Any, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_selector("h1")
