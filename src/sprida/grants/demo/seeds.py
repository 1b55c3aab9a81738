"""The records that the three source documents hold, typed in once.

Region Örebro län's decision (the delegation's letter of 2025-11-11), Region Jämtland
Härjedalen's application (HSN/1005/2025) and the joint 21-region application coordinated by
SKR (the regions' memos). Document intake will later create these by importing the documents;
until then `seed_records_load` is the one place that makes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from sprida.core.access import SYSTEM
from sprida.core.models import Organisation, OrganisationKind
from sprida.grants import services
from sprida.grants.models import (
    Application,
    ApplicationStatus,
    MeasureCategory,
    Outcome,
    PayoutStatus,
    Programme,
)
from sprida.grants.services import DecisionData, LineData, PayoutData

PROGRAMME = {
    "slug": "effektiv-halso-och-sjukvard",
    "name": "Tillfälligt statsbidrag för en effektiv hälso- och sjukvård",
    "regulation": "2024:1102",
    "description": (
        "Bidrag till regionerna för omstrukturerings- och effektiviseringsåtgärder i hälso- "
        "och sjukvården eller dess administration, enligt förordningen (2024:1102) om "
        "tillfälligt statsbidrag för en effektiv hälso- och sjukvård. Effektivitetsdelegationen "
        "beslutar, Kammarkollegiet betalar ut. Beslut får inte överklagas (21 §)."
    ),
}

# Two sources disagree; each figure keeps where and when it was said.
BUDGETS = (
    {
        "first_year": 2025,
        "last_year": 2030,
        "amount_sek_per_year": 250_000_000,
        "source": "Region Örebro län, tjänsteskrivelse till regionstyrelsen "
        "(föredragnings-PM 2025-06-03), med hänvisning till regeringens besked",
        "source_date": dt.date(2025, 6, 3),
        "note": "”… uppdrag att fördela 250 miljoner kronor per år i statsbidrag till "
        "regionerna … under perioden 2025–2030.”",
    },
    {
        "first_year": 2025,
        "last_year": 2030,
        "amount_sek_per_year": 250_000_000,
        "source": "Region Jämtland Härjedalen, tjänsteskrivelse HSN/1005/2025, "
        "med hänvisning till regeringens besked",
        "source_date": dt.date(2025, 6, 5),
        "note": "Samma uppgift som i regeringens besked: 250 miljoner kronor per år 2025–2030.",
    },
    {
        "first_year": 2025,
        "last_year": 2027,
        "amount_sek_per_year": 750_000_000,
        "source": "Effektivitetsdelegationens beslut om bidrag till Region Örebro län",
        "source_date": dt.date(2025, 11, 11),
        "note": "”… möjlighet att bevilja bidrag till regioner … med 750 miljoner kronor per "
        "år under perioden 2025 – 2027.” Regionerna sökte sammanlagt 1,6 miljarder kronor.",
    },
)

NOT_STRUCTURAL = (
    "Effektivitetsdelegationen bedömer inte att detta är strukturåtgärder som kan omfattas av "
    "bidraget för effektivare hälso- och sjukvård och att dessa åtgärder har begränsad "
    "patientnytta."
)


@dataclass(frozen=True)
class SeedMeasure:
    title: str
    category: str
    description: str = ""
    aim: str = ""
    applied_sek: int | None = None
    scope_notes: str = ""
    outcome: str = ""
    granted_sek: int = 0
    rejected_sek: int | None = None
    share_percent: int | None = None
    reason: str = ""


OREBRO_MEASURES = (
    SeedMeasure(
        "Införande av AI-stödd sensorteknik för fallprevention och annan rörelseövervakning",
        "ai-fallprevention",
        description="AI-stödd sensorteknik för fallprevention och annan rörelseövervakning.",
        aim="Minskat antal fallolyckor.",
        applied_sek=5_870_000,
        outcome=Outcome.GRANTED,
        granted_sek=5_870_000,
        rejected_sek=0,
        reason="Effektivitetsdelegationen bedömer att implementering av AI-stödd "
        "fallprevention är en åtgärd som uppfyller syftet med bidraget.",
    ),
    SeedMeasure(
        "Införande av egenmonitorering",
        "egenmonitorering",
        description="Egenmonitorering implementerad i en eller flera verksamheter.",
        aim="Ökad patientnytta.",
        applied_sek=9_700_000,
        outcome=Outcome.GRANTED,
        granted_sek=9_700_000,
        rejected_sek=0,
        reason="Implementering av egenmonitorering är en åtgärd som omfattas av bidraget för "
        "effektivare hälso- och sjukvård. En förutsättning är att egenmonitorering "
        "implementeras i en eller flera verksamheter så att åtgärden leder till ökad "
        "patientnytta.",
    ),
    SeedMeasure(
        "Implementering av AI-baserad taligenkänning",
        "ai-taligenkanning",
        description="Breddinförande av AI-baserad taligenkänning.",
        applied_sek=38_600_000,
        outcome=Outcome.PARTIALLY_GRANTED,
        granted_sek=19_300_000,
        rejected_sek=19_300_000,
        share_percent=50,
        reason="Hälften av ansökt bidrag avslås eftersom Effektivitetsdelegationen inte "
        "bedömer att det är en fördel för hälso- och sjukvårdsverksamheten med ett "
        "breddinförande utan tidigare utvärdering av AI-baserad taligenkänning. Ett successivt "
        "införande inom delar av verksamheten bedöms främja effektiviteten.",
    ),
    SeedMeasure(
        "Robotstyrd processautomation",
        "rpa",
        outcome=Outcome.REJECTED,
        reason=NOT_STRUCTURAL + " Åtgärden bedöms ha en begränsad effekt på patientnyttan, annat "
        "än indirekt och på längre sikt än till utgången av år 2027.",
    ),
    SeedMeasure(
        "AI-baserad maskning av handlingar",
        "ai-maskning",
        outcome=Outcome.REJECTED,
        reason=NOT_STRUCTURAL + " Användning av generativ AI för maskering av handlingar är redan "
        "till stor del ett etablerat och effektivt arbetssätt.",
    ),
    SeedMeasure(
        "Läkemedelsrobot",
        "lakemedelsrobot",
        outcome=Outcome.REJECTED,
        reason=NOT_STRUCTURAL + " Läkemedelsrobot är inte en åtgärd som Effektivitetsdelegationen "
        "har valt att prioritera vid sin bedömning.",
    ),
    SeedMeasure(
        "AI-assistenter",
        "ai-assistenter",
        outcome=Outcome.REJECTED,
        reason=NOT_STRUCTURAL + " AI-assistenter är inte en åtgärd som Effektivitetsdelegationen "
        "har valt att prioritera vid sin bedömning.",
    ),
    SeedMeasure(
        "Implementering av mobilt vårdstöd med Cosmic Nova",
        "mobilt-vardstod",
        description="Mobilt vårdstöd (Cosmic Nova).",
        outcome=Outcome.REJECTED,
        reason="Bidrag för effektivare hälso- och sjukvård ges inte för inköp av ett specifikt "
        "system. Åtgärden är i sig positiv för en effektivisering, men i för hög grad knuten "
        "till inköp av ett specifikt system.",
    ),
)

OREBRO_REASONING = (
    "Syftet med bidraget är att stärka effektiviteten i hälso- och sjukvården genom "
    "omstrukturerings- eller effektiviseringsåtgärder i verksamheten eller dess administration. "
    "Regionerna har sammanlagt ansökt om mer än Effektivitetsdelegationen kan bevilja. "
    "Effektivitetsdelegationen prioriterar därför åtgärder som bedöms vara innovativa och, efter "
    "genomförande, kan vara till nytta även för andra regioners fortsatta arbete, och främst "
    "åtgärder som kan leda till ökad patientnytta. Region Örebro län uppfyller förutsättningarna "
    "enligt 4–6 §§ förordningen för att beviljas bidrag med 34 870 000 kronor."
)

JAMTLAND_SCOPE = (
    "Inledningsvis begränsad till hälso- och sjukvård som ligger utanför hälsovalssystemet. "
    "Det är dock inte liktydigt med att primärvård i egen regi exkluderas."
)

JAMTLAND_MEASURES = (
    SeedMeasure(
        "Tydligare och närmare vårdsystem enligt God och nära vård och Färdplan 2030",
        "vardstruktur",
        description="Delfinansiering för frigörande av interna personalresurser för framtagande "
        "och implementering av ett tydligare, närmare, vårdsystem i enlighet med intentionerna "
        "i God och nära vård samt Färdplan 2030.",
        scope_notes=JAMTLAND_SCOPE,
    ),
    SeedMeasure(
        "Teknisk kommunikationsutrustning för digitalt och mobilt arbetssätt",
        "kommunikationsutrustning",
        description="Delfinansiering för den tekniska kommunikationsutrustning som krävs för "
        "effektivt digitalt och mobilt arbetssätt som utgör en grundbult i mer personcentrerad "
        "vård, och ändrad struktur inom sjukvårdens organisation.",
        scope_notes=JAMTLAND_SCOPE,
    ),
    SeedMeasure(
        "Implementeringsplan för AI-stödd journalföring",
        "ai-journalforing",
        description="Delfinansiering för frigörande av interna personalresurser för framtagande "
        "av implementeringsplan för AI-stödd journalföring.",
        scope_notes=JAMTLAND_SCOPE,
    ),
    SeedMeasure(
        "Digitalt stöd för patientdelaktighet",
        "digital-patientdelaktighet",
        description="Delfinansiering för implementeringskostnader för införande av digitalt stöd "
        "för patientdelaktighet och inledande kostnader för årlig drift.",
        scope_notes=JAMTLAND_SCOPE,
    ),
)

JAMTLAND_NEEDS = (
    "Regionens revisorer har i sin granskning av omställningsarbetet mot en god och nära vård "
    "(REV/16/2024) noterat att det finns utvecklingspotential i hur omställningen sker, och "
    "Myndigheten för vård- och omsorgsanalys rapport Omtag för omställning (2025:1) förstärker "
    "analysen. Omställningens mål och vägval behöver tydliggöras i linje med Regionplanens "
    "målsättningar och Färdplan 2030; vårdens medarbetare behöver adekvata tekniska "
    "hjälpmedel; införandet av AI-stödd journalföring behöver förberedas; och digitalt stöd för "
    "patientdelaktighet behöver prioriteras."
)

JOINT_MEASURES = (
    SeedMeasure(
        "Lösa ut hinder för AI-tillämpningar",
        "ai-gemensamma-underlag",
        description="Regionerna hjälps åt att lösa ut hinder för AI-tillämpningar som förväntas "
        "ge betydande kvalitets- och effektivitetsvinster, inom exempelvis data, juridik, "
        "nytto- och riskanalyser och kompetensutveckling, så att nödvändiga underlag tas fram "
        "en gång i stället för 21 gånger.",
        aim="Kortare tid till implementering och effektivitetsvinster, exempelvis minskad "
        "administration, i potentiellt alla regioner.",
    ),
    SeedMeasure(
        "Gemensam process och plattform för skalning och spridning av lyckade lösningar",
        "spridning-skalning",
        description="En gemensam process och plattform för att snabbt och effektivt kunna skala "
        "och sprida lösningar, både tekniska och organisatoriska, som visat sig framgångsrika "
        "i en region till övriga regioner.",
        aim="Ett nationellt ekosystem som möjliggör spridning och skalning av validerade och "
        "värdeskapande lösningar.",
    ),
)

JOINT_ECONOMY = (
    "Deltagande regioner bidrar, utifrån sina förutsättningar, med personella resurser till de "
    "nationella arbetsgrupperna; den tid som avsätts kompenseras genom sökta medel. Lokala "
    "utvecklingar som följer av det gemensamma arbetet finansieras av de enskilda regionerna "
    "inom ordinarie budgetprocesser (Region Örebro läns tjänsteskrivelse)."
)


def _measures(application: Application, seeds: tuple[SeedMeasure, ...]) -> list:
    categories = {c.slug: c for c in MeasureCategory.objects.all()}
    return [
        services.measure_create(
            by=SYSTEM,
            application=application,
            title=seed.title,
            category=categories.get(seed.category),
            description=seed.description,
            aim=seed.aim,
            applied_sek=seed.applied_sek,
            scope_notes=seed.scope_notes,
            position=position,
        )
        for position, seed in enumerate(seeds, start=1)
    ]


def programme_load() -> Programme:
    funder = Organisation.objects.get(slug="effektivitetsdelegationen")
    programme, _created = Programme.objects.get_or_create(
        slug=PROGRAMME["slug"],
        defaults={**PROGRAMME, "administering_body": funder},
    )
    have = set(programme.budgets.values_list("source", flat=True))
    for budget in BUDGETS:
        if budget["source"] not in have:
            services.programme_budget_add(by=SYSTEM, programme=programme, **budget)  # type: ignore[arg-type]
    return programme


def _orebro(programme: Programme) -> Application:
    region = Organisation.objects.get(slug="orebro")
    application = services.application_create(
        by=SYSTEM,
        programme=programme,
        applicant=region,
        title="Ansökan om bidrag för åtgärder för en effektiv hälso- och sjukvård",
        status=ApplicationStatus.SUBMITTED,
        submitted_on=dt.date(2025, 6, 12),
        applied_sek=147_971_000,
    )
    measures = _measures(application, OREBRO_MEASURES)
    decided_on = dt.date(2025, 11, 11)
    decision = services.decision_record(
        by=SYSTEM,
        application=application,
        data=DecisionData(
            decided_on=decided_on,
            outcome=Outcome.PARTIALLY_GRANTED,
            applied_sek=147_971_000,
            granted_sek=34_870_000,
            rejected_sek=113_101_000,
            meeting="Effektivitetsdelegationens sammanträde den 11 november 2025",
            chair="Clas Rehnberg",
            rapporteur="Maria Jäger",
            case_officer="Ida Nyström",
            reasoning=OREBRO_REASONING,
            lines=[
                LineData(
                    measure=measure,
                    outcome=seed.outcome,
                    granted_sek=seed.granted_sek,
                    rejected_sek=seed.rejected_sek,
                    share_percent=seed.share_percent,
                    reason=seed.reason,
                )
                for measure, seed in zip(measures, OREBRO_MEASURES, strict=True)
            ],
            payouts=[
                PayoutData(2025, 11_625_000, PayoutStatus.PAID, decided_on),
                PayoutData(2026, 11_625_000),
                PayoutData(2027, 11_620_000),
            ],
            implementation_by=dt.date(2027, 12, 31),
            progress_report_by=dt.date(2026, 11, 30),
            final_report_by=dt.date(2028, 2, 28),
        ),
    )
    line = decision.lines.get(measure=measures[1])
    services.condition_save(
        by=SYSTEM,
        decision=decision,
        line=line,
        text="Bidraget får inte enbart användas för en plattformslösning genom inköp av ett "
        "system.",
    )
    services.condition_save(
        by=SYSTEM,
        decision=decision,
        line=line,
        text="Egenmonitorering ska vara implementerat i en eller flera verksamheter vid "
        "utgången av år 2027.",
        due_on=dt.date(2027, 12, 31),
    )
    services.condition_save(
        by=SYSTEM,
        decision=decision,
        text="Kvantitativa och kvalitativa effekter av genomförandet av åtgärderna ska mätas "
        "och redovisas.",
    )
    return application


def _jamtland(programme: Programme) -> Application:
    region = Organisation.objects.get(slug="jamtland-harjedalen")
    application = services.application_create(
        by=SYSTEM,
        programme=programme,
        applicant=region,
        title="Ansökan om statsbidrag från Effektivitetsdelegationen",
        status=ApplicationStatus.SUBMITTED,
        submitted_on=dt.date(2025, 6, 5),
        development_needs=JAMTLAND_NEEDS,
        region_decision_body="Hälso- och sjukvårdsnämnden",
    )
    services.case_number_set(
        by=SYSTEM, application=application, organisation=region, number="HSN/1005/2025"
    )
    _measures(application, JAMTLAND_MEASURES)
    return application


def _joint(programme: Programme) -> Application:
    skr = Organisation.objects.get(slug="skr")
    regions = list(Organisation.objects.filter(kind=OrganisationKind.REGION))
    application = services.application_create(
        by=SYSTEM,
        programme=programme,
        applicant=skr,
        title="Regiongemensam ansökan om statsbidrag från Effektivitetsdelegationen",
        joint=True,
        participants=regions,
        status=ApplicationStatus.SUBMITTED,
        economic_analysis=JOINT_ECONOMY,
    )
    services.case_number_set(
        by=SYSTEM,
        application=application,
        organisation=Organisation.objects.get(slug="jamtland-harjedalen"),
        number="RS/344/2025",
    )
    _measures(application, JOINT_MEASURES)
    return application


SEED_APPLICATIONS = (
    ("orebro", "Ansökan om bidrag för åtgärder för en effektiv hälso- och sjukvård", _orebro),
    ("jamtland-harjedalen", "Ansökan om statsbidrag från Effektivitetsdelegationen", _jamtland),
    ("skr", "Regiongemensam ansökan om statsbidrag från Effektivitetsdelegationen", _joint),
)


@transaction.atomic
def seed_records_load() -> list[Application]:
    """Create the programme and the three seed applications; a second run changes nothing.
    Returns the applications created this time."""
    programme = programme_load()
    created = []
    for slug, title, make in SEED_APPLICATIONS:
        if Application.objects.filter(applicant__slug=slug, title=title).exists():
            continue
        created.append(make(programme))
    return created
