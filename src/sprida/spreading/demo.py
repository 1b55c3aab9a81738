"""Demo catalogue (order 40): solutions at every maturity, derived from the demo measures.

Deterministic (a seeded generator per solution), idempotent (solutions keyed by slug, adoption
by region, maturity only moves up to its target) and marked as demo data. Maturity moves go
through the same evidence check as in the UI, so a solution only reaches "validated" when a
linked measure has an indicator with a baseline and a later measurement, and "spread" when three
regions use it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from sprida.core import demo
from sprida.core.access import SYSTEM
from sprida.core.demo import Output
from sprida.core.models import Organisation
from sprida.grants.models import ApplicationStatus, Measure, MeasureCategory
from sprida.spreading import services
from sprida.spreading.maturity import evidence_for
from sprida.spreading.models import (
    MATURITY_ORDER,
    Adoption,
    AdoptionStatus,
    CollaborationGroup,
    Maturity,
    MeasureRole,
    ProcurementForm,
    Seminar,
    Solution,
    SolutionContact,
    SolutionType,
    maturity_rank,
)

SEED = "sprida-spreading"
GRANTED = ("granted", "partially_granted")


@dataclass(frozen=True)
class Spec:
    slug: str
    title: str
    summary: str
    description: str
    category: str
    owner: str
    target: str
    solution_type: str = SolutionType.TECHNICAL
    needs_systems: str = ""
    needs_staff: str = ""
    needs_data: str = ""
    setup_cost_sek: int | None = None
    yearly_cost_sek: int | None = None
    procurement_form: str = ""
    licence: str = ""
    published: bool = True
    # How many other regions use, pilot, plan or are interested (drawn in that order).
    spread: tuple[int, int, int, int] = (0, 0, 0, 0)
    link_measures: bool = True
    contacts: list[tuple[str, str]] = field(default_factory=list)


SPECS = (
    Spec(
        slug="ai-stodd-fallprevention",
        title="AI-stödd fallprevention",
        summary="Sensorer med AI-analys i patientrummet larmar personalen innan en patient med "
        "hög fallrisk faller.",
        description="Lösningen kommer från Region Örebro läns åtgärd för AI-stödd sensorteknik "
        "för fallprevention och annan rörelseövervakning. Sensorer känner av när en patient "
        "reser sig eller lämnar sängen och skickar larm till personalens telefoner. Bilder "
        "sparas inte. Effekten följs i antal fallolyckor per 1 000 vårddygn.",
        category="ai-fallprevention",
        owner="orebro",
        target=Maturity.VALIDATED,
        needs_systems="Sensorer i patientrum, larmintegration mot personalens telefoner, "
        "trådlöst nätverk på avdelningen.",
        needs_staff="Utbildning av vårdpersonal (2 timmar), en lokal superanvändare per avdelning.",
        needs_data="Inga patientdata lagras i sensorerna; larmloggar för uppföljning.",
        setup_cost_sek=1_200_000,
        yearly_cost_sek=300_000,
        procurement_form=ProcurementForm.PROCURED,
        spread=(1, 3, 3, 4),
        contacts=[("Projektledare fallprevention", "Region Örebro län")],
    ),
    Spec(
        slug="ai-baserad-taligenkanning",
        title="AI-baserad taligenkänning i journaldiktering",
        summary="Dikterade journalanteckningar blir text direkt i journalen, så att "
        "sekreterarnas tid frigörs.",
        description="Taligenkänning med medicinsk ordlista införs successivt, verksamhet för "
        "verksamhet, och utvärderas innan den breddas, som Effektivitetsdelegationen förutsätter. "
        "Tid från diktat till signerad anteckning och andel diktat via taligenkänning följs upp.",
        category="ai-taligenkanning",
        owner="orebro",
        target=Maturity.SPREAD,
        needs_systems="Taligenkänningstjänst integrerad med journalsystemet, headset.",
        needs_staff="Utbildning för den som dikterar; sekreterare som granskar i början.",
        needs_data="Ljud behandlas för tolkning och sparas inte efter signering.",
        setup_cost_sek=2_500_000,
        yearly_cost_sek=900_000,
        procurement_form=ProcurementForm.FRAMEWORK_AGREEMENT,
        spread=(4, 3, 2, 3),
        contacts=[("Förvaltningsledare taligenkänning", "Region Örebro län")],
    ),
    Spec(
        slug="egenmonitorering-i-hemmet",
        title="Egenmonitorering i hemmet",
        summary="Patienter med kronisk sjukdom mäter själva värden hemma och vården följer upp "
        "på distans.",
        description="Egenmonitorering införs i en eller flera verksamheter, inte bara som inköp "
        "av en plattform, i enlighet med villkoret i beslutet.",
        category="egenmonitorering",
        owner="orebro",
        target=Maturity.PILOT,
        solution_type=SolutionType.BOTH,
        needs_systems="Plattform för egenmätning kopplad till journalen, mätutrustning.",
        needs_staff="Sjuksköterskor som följer värden; nya rutiner för uppföljning.",
        needs_data="Mätvärden från patienten; larmgränser per patient.",
        setup_cost_sek=3_000_000,
        yearly_cost_sek=1_100_000,
        spread=(0, 2, 3, 3),
        contacts=[("Verksamhetsutvecklare egenmonitorering", "Region Örebro län")],
    ),
    Spec(
        slug="plan-for-ai-stodd-journalforing",
        title="Implementeringsplan för AI-stödd journalföring",
        summary="En mall för hur en region planerar införandet av AI-stödd journalföring: "
        "juridik, informationssäkerhet, verksamheter och effektmätning.",
        description="Region Jämtland Härjedalen tar fram en implementeringsplan som andra "
        "regioner kan återanvända.",
        category="ai-journalforing",
        owner="jamtland-harjedalen",
        target=Maturity.IDEA,
        solution_type=SolutionType.ORGANISATIONAL,
        needs_staff="Projektledare, jurist, informationssäkerhetssamordnare.",
        procurement_form=ProcurementForm.WORK_METHOD,
        licence="CC-BY-4.0",
        spread=(0, 0, 2, 5),
        link_measures=False,
        contacts=[("Projektledare AI-stödd journalföring", "Region Jämtland Härjedalen")],
    ),
    Spec(
        slug="mobila-narvardsteam",
        title="Mobila närvårdsteam",
        summary="Läkar- och sjuksköterskebemannade team ger vård i hemmet i stället för "
        "inläggning på sjukhus.",
        description="En organisatorisk lösning inom omställningen till god och nära vård.",
        category="vardstruktur",
        owner="kalmar",
        target=Maturity.PILOT,
        solution_type=SolutionType.ORGANISATIONAL,
        needs_staff="Läkare och sjuksköterskor i team, samverkansavtal med kommunerna.",
        needs_systems="Mobil journalåtkomst.",
        procurement_form=ProcurementForm.WORK_METHOD,
        spread=(0, 1, 2, 2),
        link_measures=False,
        contacts=[("Enhetschef mobila team", "Region Kalmar län")],
    ),
    Spec(
        slug="mjukvarurobotar-for-kallelser",
        title="Mjukvarurobotar för kallelser och avbokningar",
        summary="Robotar sköter regelstyrda administrativa flöden som kallelser och ombokningar.",
        description="Automatiserade flöden med granskning av avvikelser.",
        category="rpa",
        owner="vastra-gotaland",
        target=Maturity.VALIDATED,
        needs_systems="RPA-plattform, behörigheter i bokningssystemet.",
        needs_staff="Utvecklare av robotflöden, processägare.",
        procurement_form=ProcurementForm.PROCURED,
        spread=(1, 1, 2, 2),
        contacts=[("Automatiseringsledare", "Västra Götalandsregionen")],
    ),
    Spec(
        slug="digital-sjalvincheckning",
        title="Digital självincheckning och formulär",
        summary="Patienter fyller i formulär och checkar in själva före besöket.",
        description="Utkast: beskrivningen är inte klar för publicering.",
        category="digital-patientdelaktighet",
        owner="kronoberg",
        target=Maturity.IDEA,
        published=False,
        link_measures=False,
        contacts=[("Digitaliseringsstrateg", "Region Kronoberg")],
    ),
)


def _measures(spec: Spec) -> list[Measure]:
    """Granted, decided measures of the category: the owner's first, then other regions'."""
    rows = list(
        Measure.objects.filter(
            category__slug=spec.category,
            outcome__outcome__in=GRANTED,
            application__status=ApplicationStatus.DECIDED,
        )
        .select_related("application__applicant")
        .order_by("application__applicant__name", "pk")
    )
    own = [m for m in rows if m.application.applicant.slug == spec.owner]
    others = [m for m in rows if m.application.applicant.slug != spec.owner]
    return own[:2] + others[:2]


def _contact_email(role: str) -> str:
    local = "".join(c for c in role.lower().split()[0] if c.isalpha()) or "kontakt"
    return f"{local}@demo.sprida.localhost"


def _solution(spec: Spec, owner: Organisation) -> Solution:
    solution = Solution.objects.filter(slug=spec.slug).first()
    if solution is None:
        solution = services.solution_create(
            by=SYSTEM,
            owner=owner,
            title=spec.title,
            summary=spec.summary,
            solution_type=spec.solution_type,
            category=MeasureCategory.objects.filter(slug=spec.category).first(),
            published=spec.published,
            is_demo=True,
            description=spec.description,
            needs_systems=spec.needs_systems,
            needs_staff=spec.needs_staff,
            needs_data=spec.needs_data,
            setup_cost_sek=spec.setup_cost_sek,
            yearly_cost_sek=spec.yearly_cost_sek,
            procurement_form=spec.procurement_form,
            licence=spec.licence,
        )
        solution.slug = spec.slug
        solution.save(update_fields=["slug"])
    for role, _org in spec.contacts:
        SolutionContact.objects.get_or_create(
            solution=solution, name=role, defaults={"role": role, "email": _contact_email(role)}
        )
    return solution


def _adoption(spec: Spec, solution: Solution, regions: list[Organisation]) -> None:
    rng = random.Random(f"{SEED}-{spec.slug}")
    owner = next(r for r in regions if r.slug == spec.owner)
    others = [r for r in regions if r.slug != spec.owner]
    rng.shuffle(others)
    in_use, pilot, planning, interested = spec.spread
    plan: list[tuple[Organisation, str]] = []
    own_status: str = {
        Maturity.IDEA: AdoptionStatus.PLANNING,
        Maturity.PILOT: AdoptionStatus.PILOT,
    }.get(Maturity(spec.target), AdoptionStatus.IN_USE)
    plan.append((owner, own_status))
    cursor = 0
    for count, status in (
        (in_use, AdoptionStatus.IN_USE),
        (pilot, AdoptionStatus.PILOT),
        (planning, AdoptionStatus.PLANNING),
        (interested, AdoptionStatus.INTERESTED),
    ):
        plan += [(region, status) for region in others[cursor : cursor + count]]
        cursor += count
    if spec.target == Maturity.SPREAD and cursor < len(others):
        plan.append((others[cursor], AdoptionStatus.DISCONTINUED))
    for region, wanted in plan:
        if Adoption.objects.filter(solution=solution, region=region).exists():
            continue
        since = dt.date(2025, 12, 1) + dt.timedelta(days=rng.randint(0, 300))
        services.adoption_record(
            by=SYSTEM,
            solution=solution,
            region=region,
            status=wanted,
            since=since,
            started_on=since - dt.timedelta(days=rng.randint(30, 120)),
            contact_name=f"Kontaktperson, {region.name}",
            contact_email=f"{region.slug}@demo.sprida.localhost",
            note="Demodata.",
            is_demo=True,
        )


def _advance(spec: Spec, solution: Solution) -> str:
    """Move up one step at a time towards the target, as far as the evidence allows."""
    evidence = evidence_for(solution)
    for level in MATURITY_ORDER:
        if maturity_rank(level) <= solution.maturity_rank:
            continue
        if maturity_rank(level) > maturity_rank(spec.target) or not evidence.supports(level):
            break
        try:
            services.solution_set_maturity(
                by=SYSTEM, solution=solution, to=level, note="Demodata: underlaget prövat."
            )
        except ValidationError:
            break
        solution.refresh_from_db()
    return solution.maturity


def _collaboration(regions: list[Organisation]) -> None:
    if CollaborationGroup.objects.filter(title="Nätverk för AI-baserad taligenkänning").exists():
        return
    measures = list(
        Measure.objects.filter(
            category__slug="ai-taligenkanning", application__status=ApplicationStatus.DECIDED
        ).select_related("application__applicant")
    )
    members = sorted({m.application.applicant for m in measures}, key=lambda o: o.name)
    orebro = next(r for r in regions if r.slug == "orebro")
    services.collaboration_create(
        by=SYSTEM,
        owner=orebro,
        title="Nätverk för AI-baserad taligenkänning",
        description="Regioner som beviljats bidrag för taligenkänning delar erfarenheter av "
        "successivt införande och utvärdering.",
        category=MeasureCategory.objects.filter(slug="ai-taligenkanning").first(),
        measures=measures,
        members=[m for m in members if m.kind == "region"],
        solution=Solution.objects.filter(slug="ai-baserad-taligenkanning").first(),
        published=True,
        joined_on=dt.date(2026, 1, 15),
        is_demo=True,
    )


def _seminars() -> None:
    delegation = Organisation.objects.filter(slug="effektivitetsdelegationen").first()
    orebro = Organisation.objects.get(slug="orebro")
    if delegation is None or Seminar.objects.filter(is_demo=True).exists():
        return
    fall = Measure.objects.filter(
        category__slug="ai-fallprevention", application__applicant=orebro
    ).first()
    services.seminar_create(
        by=SYSTEM,
        organiser=delegation,
        title="Erfarenhetsseminarium: AI-stödd fallprevention",
        held_on=dt.date(2026, 5, 20),
        place="Digitalt",
        description="Regioner som beviljats bidrag berättar om genomförandet.",
        category=MeasureCategory.objects.filter(slug="ai-fallprevention").first(),
        is_demo=True,
        presentations=[
            {
                "title": "Sensorer på geriatriken – första halvåret",
                "presenter": "Projektledare fallprevention",
                "organisation": orebro,
                "measure": fall,
                "solution": Solution.objects.filter(slug="ai-stodd-fallprevention").first(),
            }
        ],
    )
    services.seminar_create(
        by=SYSTEM,
        organiser=delegation,
        title="Taligenkänning: successivt införande och utvärdering",
        held_on=dt.date(2027, 3, 18),
        place="Stockholm och digitalt",
        description="Hur regionerna utvärderar innan breddinförande.",
        category=MeasureCategory.objects.filter(slug="ai-taligenkanning").first(),
        is_demo=True,
        presentations=[
            {
                "title": "Från pilot till bred användning",
                "presenter": "Förvaltningsledare taligenkänning",
                "organisation": orebro,
                "solution": Solution.objects.filter(slug="ai-baserad-taligenkanning").first(),
            }
        ],
    )


@transaction.atomic
def spreading_load() -> dict[str, str]:
    regions = list(Organisation.objects.filter(kind="region").order_by("name"))
    if not regions:
        return {}
    reached: dict[str, str] = {}
    for spec in SPECS:
        owner = next((r for r in regions if r.slug == spec.owner), None)
        if owner is None:
            continue
        solution = _solution(spec, owner)
        if spec.link_measures:
            for measure in _measures(spec):
                services.solution_link_measure(
                    by=SYSTEM,
                    solution=solution,
                    measure=measure,
                    role=MeasureRole.IMPLEMENTS
                    if measure.application.applicant_id == owner.pk
                    else MeasureRole.EVALUATES,
                )
        _adoption(spec, solution, regions)
        reached[spec.slug] = _advance(spec, solution)
    _collaboration(regions)
    _seminars()
    return reached


@demo.register(40, "spridning")
def load(out: Output) -> None:
    reached = spreading_load()
    levels = ", ".join(f"{slug}: {Maturity(level).label}" for slug, level in reached.items())
    out.write(f"  spridning: {len(reached)} lösningar ({levels})\n")
