"""Every page that renders a form summarises its errors at the top (GOV.UK pattern, WCAG 3.3.1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sprida

TEMPLATES = sorted(Path(sprida.__file__).parent.rglob("templates/**/*.html"))
RENDERS_A_FORM = re.compile(r"\{\{ *[a-z_]*form[a-z_]*\.(as_div|as_p|non_field_errors)")


def test_every_template_that_renders_a_form_summarises_its_errors() -> None:
    missing = [
        str(path.relative_to(Path(sprida.__file__).parent))
        for path in TEMPLATES
        # An include ("_name.html") is summarised by the page that includes it.
        if not path.name.startswith("_")
        and RENDERS_A_FORM.search(text := path.read_text(encoding="utf-8"))
        and "error_summary" not in text
    ]
    assert missing == []


@pytest.mark.django_db
def test_a_wrong_password_is_summarised_at_the_top(client, people) -> None:
    response = client.post("/konto/logga-in/", {"username": "alice", "password": "fel"})
    page = response.content.decode()
    assert "<title>Fel: " in page
    assert page.index("<main") < page.index('class="error-summary"') < page.index("<h1")
