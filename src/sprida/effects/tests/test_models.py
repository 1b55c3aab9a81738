"""Model invariants: derived staff cost, the report lock, change against the baseline."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError

from sprida.effects import services
from sprida.effects.models import Cost, Report, ReportLockedError, staff_cost_sek
from sprida.effects.tests.conftest import add_records


def test_staff_cost_is_hours_times_rate_in_whole_kronor() -> None:
    assert staff_cost_sek(Decimal("1400.5"), 650) == 910_325
    assert staff_cost_sek(Decimal("0.5"), 651) == 326  # 325,5 rounds half up


def test_staff_cost_is_derived_on_save(grant) -> None:
    cost = Cost.objects.create(
        measure=grant.fall,
        year=2026,
        kind="internal",
        description="x",
        hours=Decimal(2),
        hourly_rate_sek=700,
        amount_sek=1,
    )
    assert cost.amount_sek == 1400


def test_staff_cost_needs_hours_and_rate(grant) -> None:
    with pytest.raises(IntegrityError):
        Cost.objects.create(
            measure=grant.fall, year=2026, kind="internal", description="x", amount_sek=1
        )


def test_submitted_report_refuses_save_and_delete(people, grant) -> None:
    report = services.report_create(by=people["editor"], decision=grant.decision, kind="progress")
    report.sections.update(progress_text="Pågår.")
    services.report_submit(by=people["editor"], report=report)
    report = Report.objects.get(pk=report.pk)
    report.summary = "Ändrad i efterhand"
    with pytest.raises(ReportLockedError):
        report.save()
    with pytest.raises(ReportLockedError):
        report.delete()
    section = report.sections.all()[0]
    section.progress_text = "Ändrad"
    with pytest.raises(ReportLockedError):
        section.save()
    assert Report.objects.get(pk=report.pk).summary == ""
    with pytest.raises(ReportLockedError):
        services.report_update(
            by=people["editor"], report=report, narrative={"summary": "x"}, sections={}
        )


def test_change_from_baseline_and_direction(grant) -> None:
    indicator = add_records(grant.fall)
    assert indicator.change_from_baseline(Decimal("4.8")) == Decimal("-25.0")
    assert indicator.is_improvement(Decimal("4.8")) is True
    assert indicator.is_improvement(Decimal("7")) is False
    assert indicator.is_improvement(indicator.baseline_value) is None
