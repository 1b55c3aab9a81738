from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from sprida.core.access import SYSTEM
from sprida.grants.tests.factories import MeasureDecisionFactory
from sprida.spreading import services
from sprida.spreading.models import Solution


@pytest.fixture
def published(orgs) -> Solution:
    return services.solution_create(
        by=SYSTEM,
        owner=orgs["orebro"],
        title="AI-stödd fallprevention",
        summary="Sensorer larmar innan patienten faller.",
        published=True,
    )


@pytest.fixture
def draft(orgs) -> Solution:
    return services.solution_create(
        by=SYSTEM,
        owner=orgs["orebro"],
        title="Hemlig idé om taligenkänning",
        summary="Ännu inte publicerad.",
    )


@pytest.fixture
def measured_measure(orgs):
    """A granted measure of Örebro with an indicator measured after its baseline."""
    from sprida.effects.models import Indicator, Measurement

    line: Any = MeasureDecisionFactory(
        measure__title="Införande av AI-stödd sensorteknik för fallprevention",
        decision__published=True,
    )
    measure = line.measure
    indicator = Indicator.objects.create(
        measure=measure,
        name="Fallolyckor per 1 000 vårddygn",
        unit="antal",
        direction="lower",
        baseline_value=Decimal("6.1"),
        baseline_on=dt.date(2025, 1, 31),
        data_source="Avvikelsesystemet",
        frequency="monthly",
        benefit_type="not_monetised",
    )
    Measurement.objects.create(
        indicator=indicator, period=dt.date(2026, 3, 31), value=Decimal("4.2")
    )
    return measure
