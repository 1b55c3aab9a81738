"""In a real browser: every typed field, month inputs too, has the page's font and size; the
accessibility statement is reached from the footer and passes axe."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sprida.core.tests.browser import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_month_inputs_have_the_page_font_and_the_statement_is_in_the_footer(
    browser, live_server
) -> None:
    page = browser.new_page()
    try:
        page.goto(live_server.url + reverse("core:home"))
        page.locator("footer").get_by_role("link", name="Tillgänglighetsredogörelse").click()
        page.wait_for_url(f"**{reverse('core:accessibility')}")
        assert serious_violations(page) == []
        page.evaluate(
            "() => { for (const type of ['month', 'text', 'time']) {"
            " const input = document.createElement('input'); input.type = type;"
            " input.id = 'probe-' + type; document.querySelector('main').append(input); } }"
        )
        styles = {
            kind: page.evaluate(
                f"() => {{ const s = getComputedStyle(document.getElementById('probe-{kind}'));"
                " return [s.fontSize, s.fontFamily]; }"
            )
            for kind in ("month", "text", "time")
        }
        assert styles["month"] == styles["text"] == styles["time"], styles
        assert styles["text"][0] == "16px" and "monospace" not in styles["month"][1]
    finally:
        page.close()
