"""Grant accounting: every figure reconciles with the records; the rules hold for any figures."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sprida.effects import selectors
from sprida.effects.accounting import (
    MeasureFigures,
    PaidOut,
    ledger_build,
    months_before,
    shares,
)
from sprida.effects.models import Cost, CostKind
from sprida.grants.models import DeadlineKind, Payout, PayoutStatus
from sprida.grants.tests import factories as f

YEARS = st.integers(min_value=2025, max_value=2028)
AMOUNT = st.integers(min_value=0, max_value=50_000_000)
MEASURES = st.lists(
    st.tuples(st.integers(min_value=0, max_value=40_000_000), st.dictionaries(YEARS, AMOUNT)),
    min_size=1,
    max_size=4,
)
PAYOUTS = st.lists(st.tuples(YEARS, AMOUNT), max_size=4)


# The machine the suite runs on is shared: judge the rules, not the generation speed.
SHARED_MACHINE = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@SHARED_MACHINE
@given(
    amount=st.integers(min_value=0, max_value=10**9),
    first=st.integers(min_value=1, max_value=10**8),
    rest=st.lists(st.integers(min_value=0, max_value=10**8), max_size=5),
)
def test_shares_add_up_and_follow_the_weights(amount: int, first: int, rest: list[int]) -> None:
    weights = [first, *rest]
    parts = shares(amount, weights)
    assert sum(parts) == amount
    total = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        assert abs(part * total - amount * weight) < total  # within one krona of exact
        if weight == 0:
            assert part == 0


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(measures=MEASURES, payouts=PAYOUTS)
def test_ledger_rules_hold_for_any_costs_and_payouts(measures, payouts) -> None:
    figures = [
        MeasureFigures(i, f"Åtgärd {i}", granted, costs)
        for i, (granted, costs) in enumerate(measures)
    ]
    paid = [PaidOut(year, amount) for year, amount in payouts]
    ledger = ledger_build(measures=figures, paid=paid, first_year=2025, last_year=2027)
    # Paid out and costs reconcile with what went in, in total and per year.
    assert ledger.paid_sek == sum(amount for _, amount in payouts)
    assert ledger.costs_sek == sum(sum(costs.values()) for _, costs in measures)
    for total in ledger.year_totals:
        assert total.paid_sek == sum(a for y, a in payouts if y == total.year)
        assert total.costs_sek == sum(c.get(total.year, 0) for _, c in measures)
    for measure, (granted, costs) in zip(ledger.measures, measures, strict=False):
        used = sum(costs.values())
        # Income is the costs up to the grant, never more, never negative in a year.
        assert measure.recognised_sek == min(used, granted)
        assert all(row.recognised_sek >= 0 for row in measure.rows)
        assert all(row.recognised_to_date_sek <= granted for row in measure.rows)
        # Deferred income at the last year end is what was paid and not yet recognised.
        assert measure.rows[-1].deferred_sek == measure.paid_sek - measure.recognised_sek
        assert measure.at_risk_sek == max(0, granted - used)
    assert ledger.deferred_sek == ledger.paid_sek - ledger.recognised_sek
    assert ledger.year_totals[-1].deferred_sek == ledger.deferred_sek


def test_recognition_follows_costs_year_by_year() -> None:
    ledger = ledger_build(
        measures=[MeasureFigures(1, "Fall", 1_000, {2025: 300, 2026: 500, 2027: 400})],
        paid=[PaidOut(2025, 600), PaidOut(2026, 400)],
        first_year=2025,
        last_year=2027,
    )
    rows = ledger.measures[0].rows
    assert [r.recognised_sek for r in rows] == [300, 500, 200]  # capped at the grant in 2027
    assert [r.deferred_sek for r in rows] == [300, 200, 0]
    assert ledger.at_risk_sek == 0


def test_warning_from_six_months_before_the_deadline() -> None:
    figures = [MeasureFigures(1, "Fall", 1_000, {2025: 100})]
    due = dt.date(2027, 12, 31)
    assert months_before(due, 6) == dt.date(2027, 6, 30)
    assert months_before(dt.date(2027, 8, 31), 6) == dt.date(2027, 2, 28)
    before = ledger_build(
        measures=figures,
        paid=[],
        first_year=2025,
        last_year=2027,
        implementation_due=due,
        today=dt.date(2027, 6, 29),
    )
    inside = ledger_build(
        measures=figures,
        paid=[],
        first_year=2025,
        last_year=2027,
        implementation_due=due,
        today=dt.date(2027, 6, 30),
    )
    assert (before.warn, inside.warn) == (False, True)
    assert inside.at_risk_sek == 900


# Against the records ----------------------------------------------------------------------------


@pytest.fixture
def booked(grant):
    f.DeadlineFactory(
        decision=grant.decision, kind=DeadlineKind.IMPLEMENTATION, due_on=dt.date(2027, 12, 31)
    )
    Payout.objects.filter(decision=grant.decision, year=2025).update(
        status=PayoutStatus.PAID, paid_on=dt.date(2025, 11, 20)
    )
    Payout.objects.filter(decision=grant.decision, year=2026).update(
        status=PayoutStatus.PAID, paid_on=dt.date(2026, 2, 1)
    )
    for measure, year, amount in (
        (grant.fall, 2025, 1_200_000),
        (grant.fall, 2026, 5_000_000),  # beyond the fall measure's 5 870 000 together
        (grant.speech, 2026, 3_333_333),
    ):
        Cost.objects.create(
            measure=measure, year=year, kind=CostKind.EXTERNAL, description="x", amount_sek=amount
        )
    return grant


def test_decision_ledger_reconciles_with_the_records(people, booked) -> None:
    ledger = selectors.decision_ledger(
        user=people["editor"], decision=booked.decision, today=dt.date(2026, 12, 31)
    )
    paid = sum(p.amount_sek for p in Payout.objects.filter(decision=booked.decision, status="paid"))
    assert ledger.paid_sek == paid == 16_780_000
    assert ledger.costs_sek == sum(c.amount_sek for c in Cost.objects.all()) == 9_533_333
    assert ledger.granted_sek == 5_870_000 + 19_300_000
    fall, speech = ledger.measures
    assert fall.recognised_sek == 5_870_000  # 6.2 Mkr of costs, capped at the grant
    assert speech.recognised_sek == 3_333_333
    assert fall.paid_sek + speech.paid_sek == paid
    # Shared by grant: 5.87 of 25.17 Mkr of each payout.
    assert fall.paid_sek == 2 * 1_956_667  # 8 390 000 × 5.87 / 25.17, rounded to the krona
    assert ledger.deferred_sek == paid - 5_870_000 - 3_333_333
    assert [t.year for t in ledger.year_totals] == [2025, 2026, 2027]
    assert ledger.year_totals[0].paid_sek == 8_390_000
    assert ledger.at_risk_sek == 19_300_000 - 3_333_333
    assert ledger.warn is False  # a year before the deadline


def test_ledger_xlsx_has_a_row_per_measure_and_year(client, people, booked) -> None:
    client.force_login(people["editor"])
    url = reverse("effects:decision_accounting", args=[booked.decision.pk]) + "?format=xlsx"
    response = client.get(url)
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2 * 3  # two granted measures × 2025–2027
    assert {(r[3], r[4]) for r in rows} == {
        (m.title, y) for m in (booked.fall, booked.speech) for y in (2025, 2026, 2027)
    }
    assert sum(r[6] for r in rows) == 16_780_000
    assert sum(r[7] for r in rows) == 9_533_333
    assert sum(r[8] for r in rows) == 5_870_000 + 3_333_333


@pytest.mark.parametrize(
    ("who", "status"),
    [("editor", 200), ("viewer", 200), ("officer", 200), ("stranger", 404)],
)
def test_accounting_pages_are_the_regions_and_the_delegations(
    client, people, booked, who, status
) -> None:
    client.force_login(people[who])
    decision_url = reverse("effects:decision_accounting", args=[booked.decision.pk])
    region_url = reverse(
        "effects:region_accounting", args=[booked.decision.application.applicant.slug]
    )
    for url in (decision_url, decision_url + "?format=xlsx", region_url):
        assert client.get(url).status_code == status, url


def test_accounting_page_shows_the_figures(client, people, booked) -> None:
    client.force_login(people["viewer"])
    page = client.get(reverse("effects:decision_accounting", args=[booked.decision.pk]))
    text = page.content.decode()
    assert "Risk för återbetalning" in text
    assert "16\u00a0780\u00a0000\u00a0kr" in text  # paid out so far
