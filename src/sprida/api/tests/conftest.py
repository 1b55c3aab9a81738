"""Fixtures for the API tests: tokens for the usual cast, and grant records in two regions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from sprida.api.services import token_create
from sprida.effects.models import (
    BenefitType,
    Cost,
    CostKind,
    Direction,
    EffectCategory,
    Frequency,
    Indicator,
    Measurement,
    QualitativeEffect,
    Report,
    ReportKind,
)
from sprida.grants import models as g
from sprida.grants.tests import factories as f


@pytest.fixture
def token_for(people: dict[str, Any]) -> Callable[[str], str]:
    made: dict[str, str] = {}

    def make(who: str) -> str:
        if who not in made:
            _token, raw = token_create(by=people[who], name=f"test {who}")
            made[who] = raw
        return made[who]

    return make


class ApiClient:
    """A test client that sends a Bearer token (or nothing, for the public)."""

    def __init__(self, raw: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {raw}"} if raw else {}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, data: Any = None) -> Any:
        return self.client.post(
            path, data or {}, content_type="application/json", headers=self.headers
        )

    def patch(self, path: str, data: Any) -> Any:
        return self.client.patch(path, data, content_type="application/json", headers=self.headers)

    def delete(self, path: str) -> Any:
        return self.client.delete(path, headers=self.headers)


@pytest.fixture
def api_as(token_for: Callable[[str], str]) -> Callable[[str | None], ApiClient]:
    def make(who: str | None) -> ApiClient:
        return ApiClient(token_for(who) if who else None)

    return make


@pytest.fixture
def grants(orgs: dict[str, Any]) -> dict[str, Any]:
    """Örebro: a decided application (published decision), an unpublished decision and a draft;
    Jämtland Härjedalen: one submitted application."""
    decided = f.ApplicationFactory(
        applicant=orgs["orebro"], status=g.ApplicationStatus.DECIDED, title="Örebro beslutad"
    )
    decision = f.DecisionFactory(
        application=decided,
        outcome=g.Outcome.PARTIALLY_GRANTED,
        applied_sek=12_000_000,
        granted_sek=10_000_000,
        rejected_sek=2_000_000,
        case_number="2025/0042",
    )
    line = f.MeasureDecisionFactory(
        decision=decision,
        measure=f.MeasureFactory(application=decided, applied_sek=12_000_000),
        outcome=g.Outcome.PARTIALLY_GRANTED,
        granted_sek=10_000_000,
        rejected_sek=2_000_000,
    )
    payout = f.PayoutFactory(decision=decision, year=2025, amount_sek=10_000_000)
    deadline = f.DeadlineFactory(decision=decision, due_on=dt.date(2026, 11, 30))
    hidden = f.ApplicationFactory(
        applicant=orgs["orebro"], status=g.ApplicationStatus.DECIDED, title="Örebro opublicerad"
    )
    hidden_decision = f.DecisionFactory(application=hidden, published=False)
    hidden_line = f.MeasureDecisionFactory(decision=hidden_decision)
    hidden_payout = f.PayoutFactory(decision=hidden_decision)
    hidden_deadline = f.DeadlineFactory(decision=hidden_decision)
    draft = f.ApplicationFactory(
        applicant=orgs["orebro"],
        status=g.ApplicationStatus.DRAFT,
        submitted_on=None,
        title="Utkast",
    )
    draft_measure = f.MeasureFactory(application=draft)
    jamtland = f.ApplicationFactory(applicant=orgs["jamtland-harjedalen"], title="Jämtland")
    effects = _effects(line.measure, "")
    hidden_effects = _effects(hidden_line.measure, "hidden_")
    return {
        **effects,
        **hidden_effects,
        "decided": decided,
        "decision": decision,
        "line": line,
        "measure": line.measure,
        "payout": payout,
        "deadline": deadline,
        "hidden": hidden,
        "hidden_decision": hidden_decision,
        "hidden_measure": hidden_line.measure,
        "hidden_payout": hidden_payout,
        "hidden_deadline": hidden_deadline,
        "draft": draft,
        "draft_measure": draft_measure,
        "jamtland": jamtland,
    }


def _effects(measure: Any, prefix: str) -> dict[str, Any]:
    """One of each follow-up record on a granted measure."""
    indicator = Indicator.objects.create(
        measure=measure,
        name="Dokumentationstid per besök",
        unit="minuter",
        direction=Direction.LOWER,
        baseline_value=Decimal("12.5"),
        baseline_on=dt.date(2025, 1, 1),
        data_source="Journalsystemets loggar",
        frequency=Frequency.QUARTERLY,
        benefit_type=BenefitType.REDISTRIBUTED,
    )
    measurement = Measurement.objects.create(
        indicator=indicator, period=dt.date(2026, 1, 1), value=Decimal("9.25")
    )
    effect = QualitativeEffect.objects.create(
        measure=measure,
        observed_on=dt.date(2026, 3, 1),
        category=EffectCategory.STAFF,
        statement="Mindre stress vid dokumentation.",
        source="Enkät",
    )
    cost = Cost.objects.create(
        measure=measure, year=2026, kind=CostKind.EXTERNAL, description="Licens", amount_sek=250_000
    )
    report = Report.objects.create(decision=measure.outcome.decision, kind=ReportKind.PROGRESS)
    return {
        f"{prefix}indicator": indicator,
        f"{prefix}measurement": measurement,
        f"{prefix}effect": effect,
        f"{prefix}cost": cost,
        f"{prefix}report": report,
    }
