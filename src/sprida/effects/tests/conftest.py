"""An Örebro decision like seed 002: granted, partly granted and rejected measures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

import pytest
from django.utils import translation

from sprida.core.models import Organisation
from sprida.effects.models import (
    Cost,
    CostKind,
    Direction,
    EffectCategory,
    Frequency,
    ImplementationStage,
    ImplementationStatus,
    Indicator,
    Measurement,
    QualitativeEffect,
)
from sprida.grants.models import (
    Application,
    ApplicationStatus,
    DeadlineKind,
    Decision,
    Measure,
    MeasureCategory,
    MeasureDecision,
    Outcome,
)
from sprida.grants.tests import factories as f


def make_line(**kwargs: Any) -> MeasureDecision:
    """A decision line through the grants factories, typed for the checker."""
    return cast(MeasureDecision, f.MeasureDecisionFactory(**kwargs))


def make_decision(**kwargs: Any) -> Decision:
    return cast(Decision, f.DecisionFactory(**kwargs))


def make_application(**kwargs: Any) -> Application:
    return cast(Application, f.ApplicationFactory(**kwargs))


@dataclass
class Grant:
    decision: Decision
    fall: Measure
    speech: Measure
    rejected: Measure


@pytest.fixture
def grant(orgs) -> Grant:
    decision = make_decision(
        outcome=Outcome.PARTIALLY_GRANTED,
        applied_sek=60_000_000,
        granted_sek=25_170_000,
        rejected_sek=34_830_000,
        case_number="2025/00123",
    )
    fall = make_line(
        decision=decision,
        measure__title="Införande av AI-stödd sensorteknik för fallprevention",
        measure__category=MeasureCategory.objects.get(slug="ai-fallprevention"),
        measure__position=1,
        granted_sek=5_870_000,
    ).measure
    speech = make_line(
        decision=decision,
        measure__title="Implementering av AI-baserad taligenkänning",
        measure__position=2,
        outcome=Outcome.PARTIALLY_GRANTED,
        granted_sek=19_300_000,
        rejected_sek=19_300_000,
    ).measure
    rejected = make_line(
        decision=decision,
        measure__title="Läkemedelsrobot",
        measure__position=3,
        outcome=Outcome.REJECTED,
        granted_sek=0,
        rejected_sek=15_530_000,
    ).measure
    f.DeadlineFactory(
        decision=decision, kind=DeadlineKind.PROGRESS_REPORT, due_on=dt.date(2026, 11, 30)
    )
    f.DeadlineFactory(
        decision=decision, kind=DeadlineKind.FINAL_REPORT, due_on=dt.date(2028, 2, 28)
    )
    f.PayoutFactory(decision=decision, year=2025, amount_sek=8_390_000)
    f.PayoutFactory(decision=decision, year=2026, amount_sek=8_390_000)
    f.PayoutFactory(decision=decision, year=2027, amount_sek=8_390_000)
    return Grant(decision, fall, speech, rejected)


def add_records(measure: Measure, *, seed: int = 0) -> Indicator:
    """A status, an indicator with three measurements, an effect and three costs."""
    ImplementationStatus.objects.create(
        measure=measure, stage=ImplementationStage.PLANNING, status_on=dt.date(2025, 12, 1)
    )
    ImplementationStatus.objects.create(
        measure=measure,
        stage=ImplementationStage.IN_PROGRESS,
        status_on=dt.date(2026, 3, 1),
        units="Geriatriska kliniken\nAvdelning 2, Lindesbergs lasarett",
    )
    indicator = Indicator.objects.create(
        measure=measure,
        name="Fallolyckor per 1 000 vårddygn",
        definition="Rapporterade fall per 1 000 vårddygn.",
        unit="antal",
        direction=Direction.LOWER,
        baseline_value=Decimal("6.4"),
        baseline_on=dt.date(2025, 10, 31),
        target_value=Decimal("3.8"),
        target_on=dt.date(2027, 12, 31),
        data_source="Avvikelsesystemet",
        frequency=Frequency.QUARTERLY,
        benefit_type="not_monetised",
    )
    for period, value in (("2026-03-31", "5.9"), ("2026-06-30", "4.75"), ("2026-09-30", "4.1")):
        Measurement.objects.create(
            indicator=indicator,
            period=dt.date.fromisoformat(period),
            value=Decimal(value) + seed,
        )
    QualitativeEffect.objects.create(
        measure=measure,
        observed_on=dt.date(2026, 6, 1),
        category=EffectCategory.PATIENTS,
        statement="Patienterna sover ostört.",
        source="Patientintervjuer",
    )
    Cost.objects.create(
        measure=measure,
        year=2025,
        kind=CostKind.EXTERNAL,
        description="Upphandling",
        amount_sek=420_000 + seed,
    )
    Cost.objects.create(
        measure=measure,
        year=2026,
        kind=CostKind.INTERNAL,
        description="Utbildning",
        hours=Decimal("1400.5"),
        hourly_rate_sek=650,
        amount_sek=0,
    )
    Cost.objects.create(
        measure=measure,
        year=2026,
        kind=CostKind.EQUIPMENT,
        description="Sensorer",
        amount_sek=1_850_000,
    )
    return indicator


@dataclass
class Joint:
    measure: Measure
    skr: Organisation
    jamtland: Organisation
    orebro: Organisation


@pytest.fixture
def joint(orgs) -> Joint:
    """A joint application by SKR with Jämtland and Örebro taking part, one measure granted."""
    application = make_application(
        applicant=orgs["skr"], joint=True, status=ApplicationStatus.DECIDED
    )
    application.participants.set([orgs["jamtland-harjedalen"], orgs["orebro"]])
    decision = make_decision(application=application)
    measure = make_line(decision=decision, measure__title="Gemensamma underlag").measure
    return Joint(measure, orgs["skr"], orgs["jamtland-harjedalen"], orgs["orebro"])


@pytest.fixture(autouse=True)
def _swedish() -> Any:
    """Service messages are asserted in Swedish; a request in English earlier must not leak."""
    with translation.override("sv"):
        yield
