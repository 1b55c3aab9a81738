"""Page query counts do not grow with the data."""

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse

from sprida.core.access import SYSTEM
from sprida.grants import services
from sprida.grants.demo.generated import generated_load
from sprida.grants.models import Application, Decision
from sprida.grants.services import DecisionData, LineData, PayoutData
from sprida.grants.tests.factories import make_application, make_measure


def _more_orebro_data(n: int) -> None:
    for i in range(n):
        app = make_application(title=f"Extra {i}", applied_sek=None)
        measures = [make_measure(application=app, applied_sek=1_000_000) for _ in range(3)]
        decision = services.decision_record(
            by=SYSTEM,
            application=app,
            data=DecisionData(
                decided_on=dt.date(2026, 11, 1),
                lines=[LineData(m, "granted", 1_000_000, 0) for m in measures],
                payouts=[PayoutData(2026, 3_000_000)],
                implementation_by=dt.date(2028, 12, 31),
            ),
        )
        services.condition_save(
            by=SYSTEM, decision=decision, text="Villkor", due_on=dt.date(2027, 1, 1)
        )


PAGES = [
    ("grants:region", ["orebro"]),
    ("grants:portfolio", []),
    ("grants:overview", []),
    ("grants:deadlines", []),
    ("grants:region_deadlines", ["orebro"]),
]


def _count(client, url: str) -> int:
    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        assert client.get(url).status_code == 200
    assert count > 3, url  # the session, the user and the page's own reads at least
    return count


@pytest.mark.parametrize("who", ["officer", "editor"])
def test_query_count_is_flat(client, people, national, who) -> None:
    client.force_login(people[who])
    urls = [reverse(name, args=args) for name, args in PAGES]
    before = [_count(client, url) for url in urls]
    _more_orebro_data(4)
    after = [_count(client, url) for url in urls]
    assert after == before, list(zip(urls, before, after, strict=True))


def test_region_page_query_budget(client, people, national, django_assert_max_num_queries) -> None:
    client.force_login(people["editor"])
    with django_assert_max_num_queries(25):
        client.get(reverse("grants:region", args=["orebro"]))


def test_application_and_decision_pages_flat(client, people, seeded) -> None:
    client.force_login(people["officer"])
    decision = Decision.objects.get(application__applicant__slug="orebro")
    app_url = reverse("grants:application", args=[decision.application_id])
    dec_url = reverse("grants:decision", args=[decision.pk])
    first = (_count(client, app_url), _count(client, dec_url))
    generated_load()
    app = Application.objects.get(pk=decision.application_id)
    assert app.measures.count() == 8
    assert (_count(client, app_url), _count(client, dec_url)) == first
