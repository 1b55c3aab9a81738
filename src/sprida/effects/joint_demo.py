"""Demo data (order 31): the joint 21-region application with a demo decision, and the parts a
few participants have recorded (statuses, costs, qualitative effects) beside the coordinator's.

The joint application comes from the regions' memos; no decision on it is in the sources, so the
decision here is demo data (unpublished, marked in its reasoning) and so is every record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from sprida.core import demo
from sprida.core.access import SYSTEM
from sprida.core.demo import Output
from sprida.core.models import Organisation
from sprida.effects import services
from sprida.effects.models import Cost, CostKind, EffectCategory, ImplementationStage
from sprida.grants import services as grant_services
from sprida.grants.models import Application, Outcome, PayoutStatus
from sprida.grants.services import DecisionData, LineData, PayoutData

GRANTED_SEK = (30_000_000, 20_000_000)  # demo figures per measure, in the application's order
DECIDED_ON = dt.date(2025, 11, 11)
HOURLY_RATE_SEK = 650


@dataclass(frozen=True)
class PartRecords:
    """What one organisation has recorded on one of the joint measures (0 or 1)."""

    slug: str
    measure: int
    stage: str
    status_on: dt.date
    comment: str
    hours: int = 0
    hours_for: str = ""
    external_sek: int = 0
    external_for: str = ""
    effect: tuple[str, str, str] | None = None


PARTS = (
    PartRecords(
        "skr",
        0,
        ImplementationStage.IN_PROGRESS,
        dt.date(2026, 9, 15),
        "Nationella arbetsgrupper för data, juridik, nytta och risk samt kompetens har startat.",
        hours=1_200,
        hours_for="Samordning och projektledning",
        external_sek=850_000,
        external_for="Juridisk analys av patientdatalagen och AI-förordningen",
    ),
    PartRecords(
        "jamtland-harjedalen",
        0,
        ImplementationStage.IN_PROGRESS,
        dt.date(2026, 9, 20),
        "Regionen deltar i arbetsgruppen för juridik och har infört det gemensamma underlaget "
        "för taligenkänning.",
        hours=320,
        hours_for="Medverkan i arbetsgruppen för juridik",
        effect=(
            EffectCategory.EFFICIENCY,
            "Det gemensamma juridiska underlaget ersatte en egen utredning om taligenkänning.",
            "Arbetsgruppens protokoll, september 2026",
        ),
    ),
    PartRecords(
        "orebro",
        0,
        ImplementationStage.IN_PROGRESS,
        dt.date(2026, 9, 10),
        "Regionen leder arbetsgruppen för nytto- och riskanalyser.",
        hours=280,
        hours_for="Ledning av arbetsgruppen för nytto- och riskanalyser",
    ),
    PartRecords(
        "vasterbotten",
        1,
        ImplementationStage.PLANNING,
        dt.date(2026, 10, 1),
        "Regionen förbereder att ta emot lösningar från den gemensamma spridningsprocessen.",
        external_sek=150_000,
        external_for="Anpassning av regionens process för införande",
    ),
)


def _decision(application: Application) -> Any:
    decision = getattr(application, "decision", None)
    if decision is not None:
        return decision
    measures = list(application.measures.order_by("position", "pk"))
    lines = [
        LineData(m, Outcome.GRANTED, amount, 0, None, "Demodata: beviljas i sin helhet.")
        for m, amount in zip(measures, GRANTED_SEK, strict=False)
    ]
    granted = sum(line.granted_sek for line in lines)
    payouts = [
        PayoutData(2025, granted * 2 // 5, PayoutStatus.PAID, DECIDED_ON),
        PayoutData(2026, granted * 3 // 10, PayoutStatus.PLANNED),
        PayoutData(2027, granted - granted * 2 // 5 - granted * 3 // 10, PayoutStatus.PLANNED),
    ]
    return grant_services.decision_record(
        by=SYSTEM,
        application=application,
        data=DecisionData(
            decided_on=DECIDED_ON,
            applied_sek=granted,
            reasoning="Demodata: inget beslut om den regiongemensamma ansökan finns i "
            "källdokumenten; beslutet är påhittat för att visa deltagarnas delar.",
            case_officer="Handläggare (demodata)",
            published=False,
            lines=lines,
            payouts=payouts,
            implementation_by=dt.date(2027, 12, 31),
            progress_report_by=dt.date(2026, 11, 30),
            final_report_by=dt.date(2028, 2, 28),
        ),
    )


def _record(part: PartRecords, measure: Any, organisation: Organisation) -> None:
    common = {"by": SYSTEM, "measure": measure, "part": organisation, "is_demo": True}
    services.implementation_status_record(
        **common, stage=part.stage, status_on=part.status_on, comment=part.comment
    )
    if part.hours:
        services.cost_record(
            **common,
            year=2026,
            kind=CostKind.INTERNAL,
            description=part.hours_for,
            hours=Decimal(part.hours),
            hourly_rate_sek=HOURLY_RATE_SEK,
        )
    if part.external_sek:
        services.cost_record(
            **common,
            year=2026,
            kind=CostKind.EXTERNAL,
            description=part.external_for,
            amount_sek=part.external_sek,
        )
    if part.effect:
        category, statement, source = part.effect
        services.qualitative_effect_record(
            **common,
            observed_on=part.status_on,
            category=category,
            statement=statement,
            source=source,
        )


@transaction.atomic
def joint_load(out: Output) -> None:
    application = Application.objects.filter(joint=True, applicant__slug="skr").first()
    if application is None:
        out.write("  regiongemensam ansökan: saknas – hoppar över\n")
        return
    decision = _decision(application)
    measures = [line.measure for line in decision.lines.order_by("measure__position", "pk")]
    if Cost.objects.filter(measure__in=measures, is_demo=True).exists():
        out.write("  regiongemensam ansökan: deltagarnas delar finns redan\n")
        return
    organisations = {
        o.slug: o for o in Organisation.objects.filter(slug__in={p.slug for p in PARTS})
    }
    for part in PARTS:
        if part.measure < len(measures) and part.slug in organisations:
            _record(part, measures[part.measure], organisations[part.slug])
    out.write(f"  regiongemensam ansökan: demobeslut och {len(PARTS)} deltagares delar\n")


@demo.register(31, "regiongemensam ansökan")
def load(out: Output) -> None:
    joint_load(out)
