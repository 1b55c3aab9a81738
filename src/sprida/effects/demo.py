"""Demo data for effects (order 30): indicators, measurements, statuses, costs, qualitative effects
and a draft progress report, for the granted measures the grants demo made.

Figures stay inside published ranges: AI documentation support saves roughly 1–10 % of the
documentation time per note in trials; ceiling-sensor fall prevention cuts falls by 30–65 % in
Swedish and international reports. Every record is marked as demo data; a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from sprida.core import demo
from sprida.core.demo import Output
from sprida.effects.models import (
    BenefitType,
    ConditionFulfilment,
    Cost,
    CostKind,
    Direction,
    EffectCategory,
    Frequency,
    FulfilmentStage,
    ImplementationStage,
    ImplementationStatus,
    Indicator,
    Measurement,
    QualitativeEffect,
    Report,
    ReportKind,
    ReportSection,
)
from sprida.grants.models import Condition, Decision, Measure, Outcome

SEED = "sprida-effects-demo"
GRANTED = (Outcome.GRANTED, Outcome.PARTIALLY_GRANTED)
BASELINE_ON = dt.date(2025, 10, 31)
TARGET_ON = dt.date(2027, 12, 31)
MONTHS = [
    dt.date(2026, m, d)
    for m, d in (
        (1, 31),
        (2, 28),
        (3, 31),
        (4, 30),
        (5, 31),
        (6, 30),
        (7, 31),
        (8, 31),
        (9, 30),
        (10, 31),
    )
]
QUARTERS = [dt.date(2026, 3, 31), dt.date(2026, 6, 30), dt.date(2026, 9, 30)]
HOURLY_RATE_SEK = 650  # nurse or physician hour with payroll overheads, 2026 level


@dataclass(frozen=True)
class Template:
    name: str
    definition: str
    unit: str
    direction: str
    baseline: tuple[float, float]  # range for the baseline value
    change: tuple[float, float]  # relative change reached by the last measurement
    target_change: float  # relative change the target asks for
    data_source: str
    frequency: str
    benefit: str
    places: int = 1
    kolada_kpi: str = ""


DOCUMENTATION_TIME = Template(
    "Dokumentationstid per anteckning",
    "Mediantid i minuter från att en journalanteckning öppnas till att den signeras, "
    "för de verksamheter som använder stödet.",
    "minuter",
    Direction.LOWER,
    (7.5, 10.5),
    (-0.10, -0.01),
    -0.08,
    "Journalsystemets loggdata",
    Frequency.MONTHLY,
    BenefitType.REDISTRIBUTED,
)
TEMPLATES: dict[str, list[Template]] = {
    "ai-taligenkanning": [
        DOCUMENTATION_TIME,
        Template(
            "Andel anteckningar skapade med taligenkänning",
            "Andel av signerade journalanteckningar i verksamheten som skapats med taligenkänning.",
            "%",
            Direction.HIGHER,
            (10, 20),
            (6.0, 11.0),
            12.0,
            "Journalsystemets loggdata",
            Frequency.MONTHLY,
            BenefitType.NOT_MONETISED,
            places=0,
        ),
    ],
    "ai-journalforing": [DOCUMENTATION_TIME],
    "ai-fallprevention": [
        Template(
            "Fallolyckor per 1 000 vårddygn",
            "Rapporterade fall på avdelningar med takmonterade sensorer, per 1 000 vårddygn.",
            "antal per 1 000 vårddygn",
            Direction.LOWER,
            (5.0, 8.0),
            (-0.65, -0.30),
            -0.40,
            "Avvikelsesystemet och vårddygn ur verksamhetsstatistiken",
            Frequency.QUARTERLY,
            BenefitType.NOT_MONETISED,
        ),
        Template(
            "Tillsynsbesök per patient och natt",
            "Fysiska tillsynsbesök nattetid per inskriven patient; sensorn ersätter rutinbesök "
            "hos patienter som sover.",
            "antal",
            Direction.LOWER,
            (3.0, 5.0),
            (-0.45, -0.20),
            -0.35,
            "Stickprov i tillsynslistor, en vecka per kvartal",
            Frequency.QUARTERLY,
            BenefitType.REDISTRIBUTED,
        ),
    ],
    "egenmonitorering": [
        Template(
            "Fysiska återbesök per patient och år",
            "Planerade fysiska återbesök för patienter med egenmonitorering, omräknat till helår.",
            "antal",
            Direction.LOWER,
            (3.0, 4.5),
            (-0.30, -0.10),
            -0.25,
            "Vårdadministrativt system",
            Frequency.QUARTERLY,
            BenefitType.FINANCIAL,
        ),
    ],
}
GENERIC = Template(
    "Frigjord personaltid",
    "Arbetstid som frigörs i verksamheten jämfört med arbetssättet före åtgärden, "
    "enligt tidsstudie.",
    "timmar per månad",
    Direction.HIGHER,
    (0, 0),
    (40, 160),
    200,
    "Tidsstudie i verksamheten",
    Frequency.QUARTERLY,
    BenefitType.REDISTRIBUTED,
    places=0,
)
EFFECTS = {
    "ai-taligenkanning": [
        (
            EffectCategory.STAFF,
            "Läkarna beskriver mindre eftersläpning i dikteringen och "
            "färre kvällar med dokumentation.",
            "Fokusgrupp med 8 läkare",
        ),
        (
            EffectCategory.QUALITY,
            "Anteckningarna blir mer fullständiga men behöver läsas "
            "igenom noga; felhörda läkemedelsnamn har rättats före signering.",
            "Journalgranskning, 40 anteckningar",
        ),
    ],
    "ai-fallprevention": [
        (
            EffectCategory.PATIENTS,
            "Patienter sover ostört när rutinmässiga nattbesök ersätts av larm vid uppstigning.",
            "Patientintervjuer, 12 patienter",
        ),
        (
            EffectCategory.STAFF,
            "Nattpersonalen upplever större kontroll över avdelningen.",
            "Enkät till nattpersonal, 23 svar",
        ),
        (
            EffectCategory.GENDER_EQUALITY,
            "Inga skillnader mellan kvinnor och män i hur ofta larmen leder till åtgärd.",
            "Uppföljning av larmloggar",
        ),
    ],
    "egenmonitorering": [
        (
            EffectCategory.PATIENTS,
            "Patienterna uppskattar att slippa resor till mottagningen för rutinkontroller.",
            "Patientenkät, 64 svar",
        ),
        (
            EffectCategory.ENVIRONMENT,
            "Färre resor till mottagningen minskar utsläppen från patientresor.",
            "Beräkning utifrån bokade besök",
        ),
    ],
}
GENERIC_EFFECTS = [
    (
        EffectCategory.EFFICIENCY,
        "Verksamheten har kunnat lägga frigjord tid på patientnära arbete.",
        "Uppföljningsmöte med verksamhetschefer",
    ),
    (EffectCategory.CHILDREN, "Åtgärden berör inte barn och unga direkt.", "Barnkonsekvensanalys"),
]
UNITS = {
    "orebro": [
        "Geriatriska kliniken, Universitetssjukhuset Örebro",
        "Medicinavdelning, Karlskoga lasarett",
        "Avdelning 2, Lindesbergs lasarett",
    ],
}
GENERIC_UNITS = [
    "Medicinkliniken, avdelning 3",
    "Geriatriska kliniken",
    "Vårdcentral i egen regi",
    "Akutmottagningen",
]


def _value(low: float, high: float, rng: random.Random, places: int) -> Decimal:
    return Decimal(str(round(rng.uniform(low, high), places)))


def _indicators(measure: Measure, rng: random.Random) -> int:
    slug = measure.category.slug if measure.category else ""
    created = 0
    for position, template in enumerate(TEMPLATES.get(slug, [GENERIC])):
        baseline = _value(*template.baseline, rng, template.places)
        relative = template.baseline != (0, 0) and template.unit != "%"

        def at(
            change: float,
            base: Decimal = baseline,
            rel: bool = relative,
            places: int = template.places,
        ) -> Decimal:
            value = base * (1 + Decimal(str(change))) if rel else base + Decimal(str(change))
            return value.quantize(Decimal(1).scaleb(-places))

        indicator = Indicator.objects.create(
            measure=measure,
            name=template.name,
            definition=template.definition,
            unit=template.unit,
            direction=template.direction,
            baseline_value=baseline,
            baseline_on=BASELINE_ON,
            target_value=at(template.target_change),
            target_on=TARGET_ON,
            data_source=template.data_source,
            frequency=template.frequency,
            responsible="Verksamhetsutvecklare, demodata",
            benefit_type=template.benefit,
            kolada_kpi=template.kolada_kpi,
            position=position,
            is_demo=True,
        )
        final = rng.uniform(*template.change)
        periods = MONTHS if template.frequency == Frequency.MONTHLY else QUARTERS
        # Effects build up as more units start using the measure, with a little noise.
        Measurement.objects.bulk_create(
            Measurement(
                indicator=indicator,
                period=period,
                value=at(final * (index + 1) / len(periods) + rng.uniform(-0.02, 0.02) * relative),
                comment="Demodata",
                is_demo=True,
            )
            for index, period in enumerate(periods)
        )
        created += 1
    return created


def _statuses(measure: Measure, rng: random.Random) -> None:
    units = UNITS.get(measure.application.applicant.slug, GENERIC_UNITS)
    steps = [
        (
            ImplementationStage.PLANNING,
            dt.date(2025, 12, rng.randint(1, 15)),
            [],
            "Projektgrupp tillsatt, upphandling och riskanalys pågår.",
        ),
        (
            ImplementationStage.IN_PROGRESS,
            dt.date(2026, 3, rng.randint(1, 28)),
            units[:1],
            "Första verksamheten har börjat använda lösningen.",
        ),
        (
            ImplementationStage.IN_PROGRESS,
            dt.date(2026, 9, rng.randint(1, 28)),
            units[:2],
            "Införandet utökat till ytterligare en verksamhet.",
        ),
    ]
    if rng.random() < 0.15:
        steps.append(
            (
                ImplementationStage.IMPLEMENTED,
                dt.date(2026, 10, 30),
                units[:3],
                "Genomförd i alla planerade verksamheter.",
            )
        )
    ImplementationStatus.objects.bulk_create(
        ImplementationStatus(
            measure=measure,
            part=measure.application.applicant,
            stage=stage,
            status_on=on,
            units="\n".join(u),
            comment=comment,
            is_demo=True,
        )
        for stage, on, u, comment in steps
    )


def _costs(measure: Measure, granted: int, rng: random.Random) -> None:
    slug = measure.category.slug if measure.category else ""
    share_2025 = rng.uniform(0.04, 0.10)
    share_2026 = rng.uniform(0.25, 0.45)
    hours_2025 = Decimal(int(granted * share_2025 * 0.5 / HOURLY_RATE_SEK))
    hours_2026 = Decimal(int(granted * share_2026 * 0.4 / HOURLY_RATE_SEK))
    rows: list[tuple[int, str, str, Decimal | int]] = [
        (2025, CostKind.INTERNAL, "Projektledning och verksamhetsrepresentanter", hours_2025),
        (
            2025,
            CostKind.EXTERNAL,
            "Upphandlingsstöd och juridisk granskning",
            int(granted * share_2025 * 0.5) // 1000 * 1000,
        ),
        (2026, CostKind.INTERNAL, "Utbildning och införande i verksamheterna", hours_2026),
        (
            2026,
            CostKind.EQUIPMENT
            if slug in {"ai-fallprevention", "kommunikationsutrustning"}
            else CostKind.EXTERNAL,
            "Sensorer och installation"
            if slug == "ai-fallprevention"
            else "Licenser och konfiguration",
            int(granted * share_2026 * 0.6) // 1000 * 1000,
        ),
    ]
    for year, kind, description, amount in rows:
        cost = Cost(measure=measure, year=year, kind=kind, description=description, is_demo=True)
        if kind == CostKind.INTERNAL:
            cost.hours, cost.hourly_rate_sek, cost.amount_sek = Decimal(amount), HOURLY_RATE_SEK, 0
        else:
            cost.amount_sek = int(amount)
        cost.save()


def _effects(measure: Measure, rng: random.Random) -> None:
    slug = measure.category.slug if measure.category else ""
    for index, (category, statement, source) in enumerate(EFFECTS.get(slug, GENERIC_EFFECTS)):
        QualitativeEffect.objects.create(
            measure=measure,
            observed_on=dt.date(2026, 6 + index, rng.randint(1, 28)),
            category=category,
            statement=statement,
            source=source,
            is_demo=True,
        )


PROGRESS_TEXT = {
    "ai-fallprevention": "Sensorer är installerade på två avdelningar och tas i bruk på en "
    "tredje under december 2026. Arbetssätt för larm och tillsyn är framtagna tillsammans med "
    "nattpersonalen.",
    "egenmonitorering": "Egenmonitorering används för patienter med hjärtsvikt på en "
    "mottagning. Införandet i ytterligare en verksamhet planeras till våren 2027, i linje med "
    "villkoret om implementering i en eller flera verksamheter.",
}


def _orebro_report(out: Output) -> None:
    decision = (
        Decision.objects.filter(
            application__applicant__slug="orebro", decided_on__year=2025, lines__outcome__in=GRANTED
        )
        .distinct()
        .first()
    )
    if decision is None or Report.objects.filter(decision=decision).exists():
        return
    report = Report.objects.create(
        decision=decision,
        kind=ReportKind.PROGRESS,
        is_demo=True,
        summary="Demodata: Region Örebro län har påbörjat alla tre beviljade åtgärder. "
        "Effekterna följs med indikatorer som mäts varje månad eller kvartal.",
        collaboration="Regionen har deltagit i Effektivitetsdelegationens seminarium om "
        "fallprevention och delar erfarenheter med andra regioner som inför takmonterade "
        "sensorer.",
    )
    for line in decision.lines.filter(outcome__in=GRANTED).select_related("measure__category"):
        slug = line.measure.category.slug if line.measure.category else ""
        ReportSection.objects.create(
            report=report,
            measure=line.measure,
            progress_text=PROGRESS_TEXT.get(slug, ""),
            measurement_plan_text="Indikatorerna nedan mäts mot baslinjen från oktober 2025. "
            "Kvalitativa effekter fångas genom enkäter och intervjuer.",
        )
    out.write("  effekter: utkast till delredovisning för Region Örebro län\n")


@transaction.atomic
def effects_load(out: Output) -> int:
    """Returns how many measures got demo records this time."""
    measures = list(
        Measure.objects.filter(outcome__outcome__in=GRANTED)
        .exclude(indicators__is_demo=True)
        .exclude(application__joint=True)  # each part of a joint one: joint_demo
        .select_related("application__applicant", "category", "outcome")
        .order_by("pk")
    )
    for measure in measures:
        rng = random.Random(f"{SEED}-{measure.application.applicant.slug}-{measure.title}")
        _indicators(measure, rng)
        _statuses(measure, rng)
        _costs(measure, measure.outcome.granted_sek, rng)
        _effects(measure, rng)
    _orebro_report(out)
    _orebro_conditions(out)
    return len(measures)


def _orebro_conditions(out: Output) -> None:
    """How far Örebro has come with the decision's conditions, so the follow-up shows them."""
    conditions = Condition.objects.filter(
        decision__application__applicant__slug="orebro", line__isnull=False, fulfilment__isnull=True
    ).order_by("pk")
    for condition in conditions:
        dated = condition.due_on is not None
        ConditionFulfilment.objects.create(
            condition=condition,
            stage=FulfilmentStage.IN_PROGRESS if dated else FulfilmentStage.FULFILLED,
            evidence="Demodata: egenmonitorering används på medicinkliniken i Örebro sedan "
            "våren 2026; fler verksamheter ansluts under 2027."
            if dated
            else "Demodata: bidraget används för införande i verksamheterna – utbildning, "
            "arbetssätt och uppföljning – inte för inköp av plattformen.",
        )
    if conditions:
        out.write("  effekter: uppfyllelse av villkoren för Region Örebro län\n")


@demo.register(30, "effekter")
def load(out: Output) -> None:
    count = effects_load(out)
    if count:
        out.write(
            f"  effekter: indikatorer, mätvärden, status och kostnader för {count} åtgärder\n"
        )
    elif not Measure.objects.filter(outcome__outcome__in=GRANTED).exists():
        out.write("  effekter: inga beviljade åtgärder ännu – hoppar över\n")
    else:
        out.write("  effekter: demodata finns redan\n")
