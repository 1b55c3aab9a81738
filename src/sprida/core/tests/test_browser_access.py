"""In a real browser: forms are offered only to those who may send them, and a forged send is
refused with 403 (adopting SKR's dossier; uploading documents)."""

from __future__ import annotations

from typing import Any

import pytest

from sprida.core.tests.browser import sign_in
from sprida.enablement import services as enablement
from sprida.enablement.models import DossierAdoption
from sprida.enablement.tests.conftest import fill_and_publish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "correct-horse-battery"
FORGED_POST = """async ([url, body]) => {
    const token = document.querySelector("[name=csrfmiddlewaretoken]")?.value
        || document.cookie.replace(/(?:^|.*;\\s*)csrftoken=([^;]*).*$/, "$1");
    const response = await fetch(url, {method: "POST", headers: {"X-CSRFToken": token,
        "Content-Type": "application/x-www-form-urlencoded"}, body, redirect: "manual"});
    return [response.status, await response.text()];
}"""


def _forge(page: Any, url: str, body: str) -> tuple[int, str]:
    status, text = page.evaluate(FORGED_POST, [url, body])
    return int(status), str(text)


def test_only_a_regions_editor_adopts_a_dossier(browser, live_server, people, orgs) -> None:
    dossier = enablement.dossier_create(
        by=people["coordinator"], title="AI-baserad taligenkänning", slug="tal", purpose="Tal."
    )
    fill_and_publish(dossier.versions.get(number=1), people, orgs)
    url = f"{live_server.url}/underlag/tal/"
    jamtland = orgs["jamtland-harjedalen"]

    page = browser.new_page()
    sign_in(page, live_server.url, "sam", PASSWORD)
    page.goto(url)
    assert page.locator("form[action$='/anta/']").count() == 0  # SKR adopts for no region
    status, text = _forge(
        page, "/underlag/tal/anta/", f"region={jamtland.pk}&adopted_on=2026-02-01"
    )
    assert status == 403
    assert "Du har inte behörighet" in text  # the styled Swedish refusal
    assert not DossierAdoption.objects.exists()
    page.close()

    page = browser.new_page()
    sign_in(page, live_server.url, "charlie", PASSWORD)
    page.goto(url)
    form = page.locator("form[action$='/anta/']")
    assert form.locator("select option:not([value=''])").all_inner_texts() == [jamtland.name]
    form.get_by_label("Region").select_option(label=jamtland.name)
    form.get_by_label("Antaget").fill("2026-02-01")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert "har antagit underlaget" in page.inner_text("main")
    assert DossierAdoption.objects.get().region == jamtland
    page.close()


def test_a_viewer_gets_no_upload_form_and_a_forged_upload_is_refused(
    browser, live_server, people
) -> None:
    page = browser.new_page()
    sign_in(page, live_server.url, "bob", PASSWORD)
    page.goto(f"{live_server.url}/dokument/")
    assert page.locator("input[type=file]").count() == 0
    status, text = _forge(page, "/dokument/", "")
    assert status == 403
    assert "Du har inte behörighet" in text
    page.close()
