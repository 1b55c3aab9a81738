"""Generated applications and decisions for the regions the source documents do not cover.

Deterministic (one seeded random generator per region), plausible (measures from the category
list, amounts of the size in the seeds, outcomes mixed, payouts adding up to the grant), and
marked as demo data. Regions that already have an application of their own are left alone.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from sprida.core.access import SYSTEM
from sprida.core.models import Organisation, OrganisationKind
from sprida.grants import rules, services
from sprida.grants.models import (
    Application,
    ApplicationStatus,
    MeasureCategory,
    Outcome,
    PayoutStatus,
    Programme,
)
from sprida.grants.services import DecisionData, LineData, PayoutData

SEED = "sprida-grants-2024:1102"
DECIDED_ON = dt.date(2025, 11, 11)
YEARS = (2025, 2026, 2027)
JOINT_ONLY = {"ai-gemensamma-underlag", "spridning-skalning"}

TITLES = {
    "ai-taligenkanning": "Införande av AI-baserad taligenkänning i {area}",
    "ai-fallprevention": "AI-stödd sensorteknik för fallprevention i {area}",
    "egenmonitorering": "Egenmonitorering för patienter inom {area}",
    "rpa": "Robotstyrd processautomation av administrativa flöden i {area}",
    "ai-maskning": "AI-baserad maskning av handlingar vid utlämnande",
    "lakemedelsrobot": "Läkemedelsrobot för läkemedelshantering i {area}",
    "ai-assistenter": "AI-assistent för medarbetare i {area}",
    "mobilt-vardstod": "Mobilt vårdstöd för personal i {area}",
    "digital-patientdelaktighet": "Digitalt stöd för patientdelaktighet inom {area}",
    "ai-journalforing": "AI-stödd journalföring inom {area}",
    "kommunikationsutrustning": "Kommunikationsutrustning för mobilt arbetssätt i {area}",
    "vardstruktur": "Förändrad vårdstruktur mot nära vård i {area}",
}
AREAS = (
    "primärvården",
    "akutsjukvården",
    "psykiatrin",
    "den specialiserade vården",
    "hemsjukvården",
    "slutenvården",
    "barn- och ungdomsmedicin",
    "geriatriken",
)
AIMS = (
    "Frigjord tid för vårdpersonal och kortare väntetider.",
    "Färre undvikbara inläggningar och ökad patientnytta.",
    "Minskad administration och bättre kontinuitet.",
    "Ökad patientsäkerhet och jämlik vård.",
)
REJECT_REASONS = (
    "Effektivitetsdelegationen bedömer inte att åtgärden är en strukturåtgärd som kan omfattas "
    "av bidraget.",
    "Åtgärden är i för hög grad knuten till inköp av ett specifikt system.",
    "Åtgärden bedöms ha begränsad patientnytta före utgången av år 2027.",
    "Åtgärden prioriteras inte eftersom arbetssättet redan är etablerat.",
)
PARTIAL_REASON = (
    "Åtgärden bör införas successivt inom delar av verksamheten; ett breddinförande utan "
    "utvärdering bedöms inte vara en fördel."
)
GRANT_REASON = "Åtgärden bedöms uppfylla syftet med bidraget och kan spridas till andra regioner."
CONDITIONS = (
    "Bidraget får inte enbart användas för inköp av ett system.",
    "Åtgärden ska vara införd i minst en verksamhet vid utgången av år 2027.",
    "Regionen ska delta i seminarier och dela erfarenheter med andra regioner.",
)


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split whole thousands of kronor over years; the last year takes the remainder."""
    shares = [rng.randint(2, 5) for _ in range(parts)]
    amounts = [total * s // sum(shares) // 1000 * 1000 for s in shares[:-1]]
    return [*amounts, total - sum(amounts)]


def _region_load(
    region: Organisation, programme: Programme, categories: list[MeasureCategory]
) -> Application:
    rng = random.Random(f"{SEED}-{region.slug}")
    roll = rng.random()
    status = (
        ApplicationStatus.DECIDED
        if roll < 0.75
        else ApplicationStatus.SUBMITTED
        if roll < 0.92
        else ApplicationStatus.DRAFT
    )
    chosen = rng.sample(categories, rng.randint(3, 8))
    application = services.application_create(
        by=SYSTEM,
        programme=programme,
        applicant=region,
        title="Ansökan om bidrag för åtgärder för en effektiv hälso- och sjukvård",
        status=ApplicationStatus.DRAFT if status == ApplicationStatus.DRAFT else "submitted",
        submitted_on=None
        if status == ApplicationStatus.DRAFT
        else dt.date(2025, 6, rng.randint(2, 13)),
        is_demo=True,
        economic_analysis="Demodata: regionens analys av de ekonomiska förutsättningarna.",
        development_needs="Demodata: områden med stora utvecklingsbehov.",
        region_decision_body=rng.choice(("Regionstyrelsen", "Hälso- och sjukvårdsnämnden")),
        region_decision_date=dt.date(2025, 5, rng.randint(20, 30)),
        region_decision_paragraph=f"§ {rng.randint(40, 180)}",
    )
    measures = []
    for position, category in enumerate(chosen, start=1):
        applied = rng.randrange(2_000, 40_000) * 1000
        measures.append(
            services.measure_create(
                by=SYSTEM,
                application=application,
                title=TITLES.get(category.slug, category.name + " i {area}").format(
                    area=rng.choice(AREAS)
                ),
                category=category,
                description=f"Demodata: {category.name.lower()}.",
                aim=rng.choice(AIMS),
                applied_sek=applied,
                other_state_funding=rng.random() < 0.08,
                position=position,
                year_amounts=dict(zip(YEARS, _split(applied, len(YEARS), rng), strict=True)),
            )
        )
    total_applied = sum(m.applied_sek or 0 for m in measures)
    services.application_update(by=SYSTEM, application=application, applied_sek=total_applied)
    if status != ApplicationStatus.DECIDED:
        return application

    lines = []
    for index, measure in enumerate(measures):
        applied = measure.applied_sek or 0
        pick = rng.random()
        if index == 0 or pick < 0.3:
            lines.append(LineData(measure, Outcome.GRANTED, applied, 0, None, GRANT_REASON))
        elif pick < 0.55:
            share = rng.choice((25, 50, 50, 75))
            granted = applied * share // 100 // 1000 * 1000
            lines.append(
                LineData(
                    measure,
                    Outcome.PARTIALLY_GRANTED,
                    granted,
                    applied - granted,
                    rules.share_of(applied, granted),
                    PARTIAL_REASON,
                )
            )
        else:
            lines.append(
                LineData(measure, Outcome.REJECTED, 0, applied, None, rng.choice(REJECT_REASONS))
            )
    granted = sum(line.granted_sek for line in lines)
    amounts = _split(granted, len(YEARS), rng)
    decision = services.decision_record(
        by=SYSTEM,
        application=application,
        data=DecisionData(
            decided_on=DECIDED_ON,
            applied_sek=total_applied,
            meeting="Effektivitetsdelegationens sammanträde den 11 november 2025",
            chair="Clas Rehnberg",
            rapporteur=rng.choice(("Maria Jäger", "Handläggare (demodata)")),
            case_officer="Handläggare (demodata)",
            reasoning="Demodata: skälen för beslutet.",
            lines=lines,
            payouts=[
                PayoutData(
                    year,
                    amount,
                    PayoutStatus.PAID if year == DECIDED_ON.year else PayoutStatus.PLANNED,
                    DECIDED_ON if year == DECIDED_ON.year else None,
                )
                for year, amount in zip(YEARS, amounts, strict=True)
            ],
            implementation_by=dt.date(2027, 12, 31),
            progress_report_by=dt.date(2026, 11, 30),
            final_report_by=dt.date(2028, 2, 28),
        ),
    )
    granted_lines = [line for line in decision.lines.all() if line.granted_sek]
    if granted_lines and rng.random() < 0.6:
        services.condition_save(
            by=SYSTEM,
            decision=decision,
            line=rng.choice(granted_lines),
            text=rng.choice(CONDITIONS),
            due_on=dt.date(2027, 12, 31) if rng.random() < 0.5 else None,
        )
    return application


@transaction.atomic
def generated_load() -> list[Application]:
    """One demo application per region that has none of its own; returns those made."""
    from sprida.grants.selectors import programme_default

    programme = programme_default()
    if programme is None:
        return []
    categories = list(MeasureCategory.objects.exclude(slug__in=JOINT_ONLY).order_by("order"))
    have = set(
        Application.objects.filter(applicant__kind=OrganisationKind.REGION).values_list(
            "applicant_id", flat=True
        )
    )
    return [
        _region_load(region, programme, categories)
        for region in Organisation.objects.filter(kind=OrganisationKind.REGION).order_by("slug")
        if region.pk not in have
    ]
