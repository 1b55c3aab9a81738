"""The accessibility statement (tillgänglighetsredogörelse) is linked from every page's footer,
names the contact address from the settings and DIGG as the supervisory authority, and says
what was tested and what is known not to meet WCAG 2.1 AA."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_a_visitor_reads_the_statement(client, settings) -> None:
    settings.SPRIDA_ACCESSIBILITY_EMAIL = "tillganglighet@region.example.se"
    response = client.get(reverse("core:accessibility"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Tillgänglighetsredogörelse för Sprida</h1>" in page
    assert 'href="mailto:tillganglighet@region.example.se"' in page
    assert "Myndigheten för digital förvaltning (DIGG)" in page
    assert 'href="https://www.digg.se/tdosanmalan"' in page
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in page
    for known in ("WCAG 1.4.10", "WCAG 1.4.4", "WCAG 3.3.1"):
        assert known in page
    for tested in ("axe-core", "tangentbord", "200 procent", "dubbla id:n", "felsammanfattningen"):
        assert tested in page
    assert "Den senaste bedömningen gjordes den 2 december 2026." in page


@pytest.mark.django_db
@pytest.mark.parametrize("signed_in", [False, True])
def test_every_page_links_to_it_from_the_footer(client, people, signed_in) -> None:
    if signed_in:
        client.force_login(people["editor"])
    for url in (reverse("core:home"), reverse("core:organisations"), "/finns-inte/"):
        page = client.get(url).content.decode()
        footer = page.split('<footer class="site-footer">', 1)[1]
        assert f'href="{reverse("core:accessibility")}"' in footer, url
        assert "Tillgänglighetsredogörelse" in footer
