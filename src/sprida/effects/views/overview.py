"""The effects start page and the national view across regions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sprida.core.access import actor_for
from sprida.effects import selectors
from sprida.effects.charts import bar_chart
from sprida.effects.grant_use import remaining_sek
from sprida.effects.models import ImplementationStage, TrackedMeasure
from sprida.effects.models.records import STAGE_BADGE


@dataclass
class MeasureRow:
    measure: TrackedMeasure
    stage_label: str
    stage_badge: str
    status_on: dt.date | None
    indicator_count: int
    granted_sek: int
    spent_sek: int

    @property
    def remaining_sek(self) -> int:
        return remaining_sek(granted_sek=self.granted_sek, used_sek=self.spent_sek)


def _row(measure: TrackedMeasure) -> MeasureRow:
    stage = getattr(measure, "current_stage", None)
    return MeasureRow(
        measure=measure,
        stage_label=str(ImplementationStage(stage).label) if stage else _("Ingen status"),
        stage_badge=STAGE_BADGE[ImplementationStage(stage)] if stage else "warn",
        status_on=getattr(measure, "current_status_on", None),
        indicator_count=getattr(measure, "indicator_count", 0),
        granted_sek=measure.outcome.granted_sek,
        spent_sek=getattr(measure, "spent_sek", 0),
    )


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    rows = [_row(m) for m in selectors.tracked_measures(user=request.user)]
    context = {
        "actor": actor_for(request.user),
        "report_rows": selectors.report_rows(user=request.user),
        "rows": rows,
        "granted_total": sum(r.granted_sek for r in rows),
        "spent_total": sum(r.spent_sek for r in rows),
        "cost_chart": bar_chart(
            chart_id="overview-costs",
            title=_("Upparbetade kostnader mot beviljat bidrag per åtgärd"),
            rows=[
                (
                    f"{r.measure.application.applicant.name}: {r.measure.title}"[:70],
                    r.granted_sek,
                    r.spent_sek,
                )
                for r in rows[:12]
            ],
        )
        if rows
        else "",
    }
    return render(request, "effects/overview.html", context)


@login_required
@require_GET
def national(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    context = {
        "actor": actor,
        "categories": selectors.national_effects(user=request.user),
        "national_view": actor.is_national or actor.site_admin,
    }
    return render(request, "effects/national.html", context)
