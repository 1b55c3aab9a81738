"""The world the HTML access matrix is asked in: one of each record a page shows or changes.

Region Örebro län owns almost everything: a draft application with a measure, a submitted
one, a decided one whose published decision has a granted measure with a condition
(fulfilment and an attached file), a payout, a deadline, an indicator with a measurement, a
cost with a document, a draft progress report, a submitted final report and a change
notification; a published solution; a document read by intake; an API key. SKR coordinates
a published dossier (with a draft version 2) that Örebro has adopted, and a working group
Alice sits in for Örebro. The cast is the access tests' (Alice, Bob, Charlie, Sam, Dana).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from sprida.accounts.models import Membership, User
from sprida.api.services import token_create
from sprida.core.access import SYSTEM
from sprida.core.models import Organisation
from sprida.core.services import organisations_load
from sprida.effects import conditions, notifications
from sprida.effects import services as effects
from sprida.effects.models import (
    CostKind,
    Direction,
    EffectCategory,
    Frequency,
    ImplementationStage,
    Report,
    ReportKind,
    ReportStatus,
)
from sprida.enablement import aiact
from sprida.enablement import services as enablement
from sprida.enablement.services import requirements_load
from sprida.grants import models as g
from sprida.grants.services import categories_load, condition_save
from sprida.grants.tests import factories as f
from sprida.intake.services import document_receive
from sprida.spreading import services as spreading

# The columns of the matrix, in order. Alice edits for Örebro (which owns the records), Bob
# reads there, Charlie edits for Jämtland Härjedalen, Sam coordinates at SKR, Dana is the
# delegation's officer, and the last is a visitor who is not signed in.
WHO = ("editor", "viewer", "stranger", "coordinator", "officer", "anonymous")
PASSWORD = "correct-horse-battery"


def _people(orgs: dict[str, Organisation]) -> dict[str, User]:
    cast = {
        "editor": ("alice", "orebro", "editor"),
        "viewer": ("bob", "orebro", "viewer"),
        "stranger": ("charlie", "jamtland-harjedalen", "editor"),
        "coordinator": ("sam", "skr", "editor"),
        "officer": ("dana", "effektivitetsdelegationen", "editor"),
    }
    people = {}
    for who, (username, org, role) in cast.items():
        user = User.objects.create_user(username, f"{username}@example.se", PASSWORD)
        Membership.objects.create(user=user, organisation=orgs[org], role=role)
        people[who] = user
    return people


def _grant(world: dict[str, Any]) -> None:
    """Örebro's draft application and its decided one, with the decision's parts."""
    world["draft"] = f.make_application(
        status=g.ApplicationStatus.DRAFT, submitted_on=None, title="Örebros utkast"
    )
    world["draft_measure"] = f.make_measure(application=world["draft"], title="Utkastets åtgärd")
    world["submitted"] = f.make_application(title="Örebros inlämnade ansökan")
    f.make_measure(application=world["submitted"], title="Inlämnad åtgärd", applied_sek=2_000_000)
    line: Any = f.MeasureDecisionFactory(decision__case_number="2025/0042")
    world["line"], world["decision"], world["measure"] = line, line.decision, line.measure
    world["decided"] = line.decision.application
    world["payout"] = f.PayoutFactory(decision=line.decision)
    world["deadline"] = f.DeadlineFactory(decision=line.decision)
    world["condition"] = condition_save(
        by=SYSTEM, decision=line.decision, line=line, text="Ska vara i bruk vid utgången av 2027."
    )
    world["programme"] = world["decided"].programme


def _effects(world: dict[str, Any], alice: User) -> None:
    measure = world["measure"]
    world["status"] = effects.implementation_status_record(
        by=alice, measure=measure, stage=ImplementationStage.PLANNING, status_on=dt.date(2026, 1, 1)
    )
    world["indicator"] = effects.indicator_create(
        by=alice,
        measure=measure,
        name="Dokumentationstid per besök",
        definition="Minuter per besök enligt journalens loggar.",
        unit="minuter",
        direction=Direction.LOWER,
        baseline_value=Decimal("12.5"),
        baseline_on=dt.date(2025, 1, 1),
        data_source="Journalsystemets loggar",
        frequency=Frequency.QUARTERLY,
        benefit_type="not_monetised",
    )
    world["measurement"] = effects.measurement_record(
        by=alice, indicator=world["indicator"], period=dt.date(2026, 3, 31), value=Decimal("9.5")
    )
    world["effect"] = effects.qualitative_effect_record(
        by=alice,
        measure=measure,
        observed_on=dt.date(2026, 3, 1),
        category=EffectCategory.STAFF,
        statement="Mindre stress.",
        source="Enkät",
    )
    world["cost"] = effects.cost_record(
        by=alice,
        measure=measure,
        year=2026,
        kind=CostKind.EXTERNAL,
        description="Licens",
        amount_sek=250_000,
    )
    world["cost_document"] = effects.cost_document_attach(
        by=alice, cost=world["cost"], upload=_pdf("faktura.pdf")
    )
    conditions.condition_fulfilment_record(
        by=alice, condition=world["condition"], stage="in_progress", evidence="Pågår."
    )
    world["evidence"] = conditions.condition_evidence_attach(
        by=alice, condition=world["condition"], upload=_pdf("protokoll.pdf")
    )
    world["report"] = effects.report_create(
        by=alice, decision=world["decision"], kind=ReportKind.PROGRESS
    )
    world["submitted_report"] = Report.objects.create(
        decision=world["decision"],
        kind=ReportKind.FINAL,
        status=ReportStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    world["change"] = notifications.change_notification_file(
        by=alice,
        decision=world["decision"],
        what="Fler enheter",
        why="Efterfrågan",
        cost_effect="Ingen",
        schedule_effect="Ingen",
        effects_effect="Större",
    )


def _spreading(world: dict[str, Any], orgs: dict[str, Organisation]) -> None:
    world["solution"] = spreading.solution_create(
        by=SYSTEM,
        owner=orgs["orebro"],
        title="AI-stödd taligenkänning",
        summary="Tal blir text i journalen.",
        category=world["measure"].category,
        published=True,
    )
    world["category"] = world["measure"].category


def _enablement(world: dict[str, Any], people: dict[str, User], orgs: dict[str, Any]) -> None:
    sam = people["coordinator"]
    dossier = enablement.dossier_create(
        by=sam, title="AI-baserad taligenkänning", slug="ai-taligenkanning", purpose="Tal."
    )
    version = dossier.versions.get(number=1)
    enablement.version_update(by=sam, version=version, data_sources="Diktat.")
    world["risk"] = enablement.risk_add(
        by=sam, version=version, title="Fel", likelihood=2, consequence=2, mitigation="Granskning"
    )
    enablement.aiact_assessment_save(by=sam, version=version, answers=aiact.Answers())
    enablement.version_submit(by=sam, version=version, reviewers=[orgs["orebro"]])
    enablement.review_record(
        by=people["editor"], version=version, organisation=orgs["orebro"], decision="approved"
    )
    enablement.version_publish(by=sam, version=version)
    dossier.refresh_from_db()
    world["dossier"], world["version"] = dossier, version
    world["draft_version"] = enablement.version_new(by=sam, dossier=dossier)
    world["draft_risk"] = enablement.risk_add(
        by=sam, version=world["draft_version"], title="Ny", likelihood=1, consequence=1
    )
    world["adoption"] = enablement.adoption_create(
        by=people["editor"], dossier=dossier, region=orgs["orebro"], adopted_on=dt.date(2026, 1, 1)
    )
    world["group"] = enablement.group_create(
        by=sam, name="Arbetsgrupp taligenkänning", slug="taligenkanning", purpose="Samverkan."
    )
    enablement.group_member_add(
        by=sam, group=world["group"], person=people["editor"], organisation=orgs["orebro"]
    )


def build() -> dict[str, Any]:
    """Every record once; the tests roll back what a request changes."""
    organisations_load()
    categories_load()
    requirements_load()
    orgs = {org.slug: org for org in Organisation.objects.all()}
    people = _people(orgs)
    world: dict[str, Any] = {"orgs": orgs, "people": people}
    _grant(world)
    _effects(world, people["editor"])
    _spreading(world, orgs)
    _enablement(world, people, orgs)
    world["document"] = document_receive(
        by=people["editor"], name="promemoria.txt", data=b"Promemoria om AI.\n", process=False
    ).document
    world["token"], _raw = token_create(by=people["editor"], name="Rapporter")
    return world


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 underlag\n%%EOF\n", "application/pdf")
