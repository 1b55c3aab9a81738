"""The application form asks in the order a person fills it in, and its 21 region boxes are one
tab stop (a closed disclosure holding a fieldset with a legend) until they are needed."""

from __future__ import annotations

import re

from django.urls import reverse


def _fields_in_order(page: str) -> list[str]:
    form = page.split('class="stacked"', 1)[1]
    return list(dict.fromkeys(re.findall(r'<(?:input|select|textarea)[^>]*name="(\w+)"', form)))


def test_the_title_comes_first_and_the_regions_after_the_applicant(client, people, seeded) -> None:
    client.force_login(people["editor"])
    page = client.get(reverse("grants:application_create")).content.decode()
    names = _fields_in_order(page)
    assert names[1:5] == ["title", "applicant", "joint", "participants"], names
    assert names.index("participants") < names.index("applied_sek")


def test_the_regions_are_a_closed_fieldset_with_a_legend(client, people, seeded) -> None:
    client.force_login(people["editor"])
    page = client.get(reverse("grants:application_create")).content.decode()
    group = page.split('<details class="choice-group"', 1)[1].split("</details>", 1)[0]
    assert group.startswith(">"), "closed until opened"
    assert "<legend>Deltagande regioner</legend>" in group
    assert group.count('name="participants"') == 21


def test_the_regions_are_open_when_they_carry_an_error(client, people, seeded) -> None:
    client.force_login(people["editor"])
    response = client.post(
        reverse("grants:application_create"), {"title": "Gemensam", "joint": "on"}
    )
    page = response.content.decode()
    assert '<details class="choice-group" open>' in page
    assert 'href="#id_participants_0"' in page.split("data-error-summary", 1)[1]
