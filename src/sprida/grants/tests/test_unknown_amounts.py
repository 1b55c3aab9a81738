"""Unknown is not zero: an amount nobody stated says "uppgift saknas", a sum with unknown parts
says it is incomplete, and a chart leaves the unknown bar out with a note."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from sprida.core.formats import KnownSum, format_sek, known_sum, sum_sek
from sprida.grants.charts import Series, bar_chart

NBSP = "\u00a0"


def _sek(text: str) -> str:
    return text.replace(" ", NBSP)


def _row(html: str, heading: str) -> str:
    match = re.search(rf'<th scope="row">{re.escape(heading)}</th>(.*?)</tr>', html, re.S)
    assert match, heading
    return match.group(1)


@given(st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=10**12)), max_size=30))
def test_a_sum_is_exact_only_when_every_part_is_known(values: list[int | None]) -> None:
    total = sum_sek(values)
    known = [v for v in values if v is not None]
    missing = len(values) - len(known)
    if not missing:
        assert total == sum(known) and isinstance(total, int)
    elif not known:
        assert total is None
    else:
        assert total == KnownSum(sum(known), missing)
        assert str(total).startswith(f"minst {format_sek(sum(known))}; uppgift saknas för")
    assert known_sum(sum(known), missing, len(values)) == (total if values else 0)


def test_a_sum_with_gaps_names_how_many_are_missing() -> None:
    assert format_sek(KnownSum(54_170_000, 5)) == (
        f"minst {_sek('54 170 000 kr')}; uppgift saknas för 5 åtgärder"
    )
    assert str(KnownSum(1, 1)).endswith("uppgift saknas för 1 åtgärd")


def test_a_chart_leaves_the_unknown_bar_out_and_says_so() -> None:
    svg = str(
        bar_chart(
            label="Sökt",
            categories=["Känd", "Okänd"],
            series=[Series("Sökt", [5_000_000, None]), Series("Beviljat", [5_000_000, 0])],
        )
    )
    assert "<title>Känd, Sökt:" in svg
    assert "<title>Okänd, Sökt:" not in svg  # no bar, not a bar of 0 kr
    assert "Sökt: uppgift saknas" in svg
    assert "<title>Okänd, Beviljat: 0" in svg  # a known zero is still drawn


@pytest.mark.django_db
def test_region_page_says_unknown_applied_amounts_are_unknown(
    client, people, orebro_decision
) -> None:
    # The seed decision rejects five measures without stating what was applied for them.
    client.force_login(people["viewer"])
    html = client.get(reverse("grants:region", args=["orebro"])).content.decode()
    # The category table: not "0 kr" applied for the rejected robot measure, but no figure.
    robots = _row(html, "Robotstyrd processautomation")
    assert "uppgift saknas" in robots and f"0{NBSP}kr" in robots  # applied unknown, granted 0
    assert robots.index("uppgift saknas") < robots.index(f"0{NBSP}kr")
    # The measures table's sum says it is incomplete instead of adding unknown as 0.
    assert f"minst {_sek('54 170 000 kr')}; uppgift saknas för 5 åtgärder" in html
    # The chart draws no applied bar for those categories and the caption says why.
    assert "Robotstyrd processautomation, Sökt" not in html
    assert "Sökt: uppgift saknas" in html
    assert "Sökt belopp saknas för 5 åtgärder; de ingår inte i staplarna." in html


@pytest.mark.django_db
def test_measures_export_says_the_sum_is_incomplete(client, people, orebro_decision) -> None:
    client.force_login(people["viewer"])
    url = reverse("grants:region", args=["orebro"]) + "?export=csv&table=atgarder"
    text = client.get(url).content.decode("utf-8-sig")
    assert "minst" in text.splitlines()[-1] and "uppgift saknas för 5 åtgärder" in text


@pytest.mark.django_db
def test_portfolio_categories_say_when_applied_amounts_are_missing(
    client, people, orebro_decision
) -> None:
    client.force_login(people["officer"])
    html = client.get(reverse("grants:portfolio")).content.decode()
    categories = html[html.index('id="tabell-kategorier"') :]
    categories = categories[: categories.index("</table>")]
    foot = categories[categories.index("<tfoot>") :]
    assert re.search(r"minst [\d\xa0]+kr; uppgift saknas för \d+ åtgärd", foot), foot
    assert "uppgift saknas" in _row(categories, "Robotstyrd processautomation")
    assert re.search(r"Sökt belopp saknas för \d+ åtgärd", html)
