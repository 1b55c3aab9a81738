"""Demo data for the shared dossiers: published dossiers, adoptions, groups, time, effects.

Idempotent (whatever exists is left alone) and deterministic (a seeded random for hours).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.db import transaction

from sprida.accounts.models import Membership, User
from sprida.core import demo
from sprida.core.access import Role
from sprida.core.models import Organisation
from sprida.enablement import aiact, services
from sprida.enablement.demo_content import COMMON_LEGAL, DOSSIERS, GROUPS
from sprida.enablement.models import (
    CompensationRate,
    Dossier,
    DossierAdoption,
    DossierVersion,
    LocalEffect,
    Requirement,
    VersionStatus,
    WorkingGroup,
)
from sprida.grants.models import MeasureCategory
from sprida.spreading.models import Solution

# Demo people beyond core's demo users; they cannot sign in (no password).
EXTRA_PEOPLE = (
    ("demo-stockholm", "Karin", "Demo", "stockholm"),
    ("demo-vgr", "Johan", "Demo", "vastra-gotaland"),
)
MONTHS = [
    dt.date(2025, 9, 1),
    dt.date(2025, 10, 1),
    dt.date(2025, 11, 1),
    dt.date(2025, 12, 1),
    dt.date(2026, 1, 1),
    dt.date(2026, 2, 1),
]


def _person(username: str, first: str, last: str, org_slug: str) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@demo.sprida.localhost",
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    organisation = Organisation.objects.get(slug=org_slug)
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": Role.EDITOR}
    )
    return user


def _people() -> dict[str, User]:
    people = {
        spec.username: _person(spec.username, spec.first_name, spec.last_name, spec.organisation)
        for spec in demo.DEMO_USERS
        if spec.organisation and spec.username in {"skr", "orebro", "jamtland"}
    }
    for username, first, last, org_slug in EXTRA_PEOPLE:
        people[username] = _person(username, first, last, org_slug)
    return people


def _check_status(req: Requirement, spec: dict[str, Any], result: str) -> tuple[str, str]:
    """A plausible assessment per requirement, derived from the dossier's own answers."""
    medical = bool(spec["version"].get("mdr_class"))
    if req.area == "mdr" and not medical:
        return "not_applicable", "Inte en medicinteknisk produkt."
    if req.short_id in {"aiact-deployer", "aiact-fria"} and result != "high_risk":
        return "not_applicable", "Systemet är inte högrisk."
    if req.short_id == "aiact-fria":
        return "partly", "Görs av varje region före användning; mall finns."
    if req.short_id == "gdpr-dpia" and spec["version"].get("dpia_status") != "done":
        return "partly", "Nationell mall på remiss."
    return "met", ""


def _fill(by: User, version: DossierVersion, spec: dict[str, Any], orgs: dict[str, Any]) -> None:
    services.version_update(by=by, version=version, **{**COMMON_LEGAL, **spec["version"]})
    for item in spec["benefits"]:
        services.benefit_add(by=by, version=version, **item)
    for risk in spec["risks"]:
        services.risk_add(by=by, version=version, **risk)
    for module in spec["trainings"]:
        services.training_add(by=by, version=version, **module)
    assessment = services.aiact_assessment_save(
        by=by, version=version, answers=aiact.Answers(**spec["aiact"])
    )
    for req in Requirement.objects.filter(is_current=True):
        status, note = _check_status(req, spec, assessment.result)
        services.requirement_check_set(
            by=by, version=version, requirement=req, status=status, note=note
        )


def _review_and_publish(version: DossierVersion, people: dict[str, User], orgs: Any) -> None:
    coordinator = people["skr"]
    services.version_submit(
        by=coordinator,
        version=version,
        reviewers=[orgs["orebro"], orgs["jamtland-harjedalen"]],
    )
    services.review_record(
        by=people["jamtland"],
        version=version,
        organisation=orgs["jamtland-harjedalen"],
        decision="comment",
        section="data",
        comment="Förtydliga gallringen av råmaterial.",
    )
    services.review_record(
        by=people["orebro"], version=version, organisation=orgs["orebro"], decision="approved"
    )
    services.version_publish(by=coordinator, version=version)


def _dossiers(people: dict[str, User], orgs: Any) -> int:
    coordinator, made = people["skr"], 0
    for spec in DOSSIERS:
        dossier = Dossier.objects.filter(slug=spec["slug"]).first()
        if dossier is None:
            dossier = services.dossier_create(
                by=coordinator,
                title=spec["title"],
                slug=spec["slug"],
                purpose=spec["purpose"],
                category=MeasureCategory.objects.filter(slug=spec["category"]).first(),
                contact_name=spec["contact_name"],
                contact_email="ai-underlag@demo.sprida.localhost",
                is_demo=True,
            )
            made += 1
        if dossier.category_id and not dossier.solutions.exists():
            # The catalogue (demo order 40) describes solutions of the same application type.
            same_type = Solution.objects.filter(category_id=dossier.category_id)
            if same_type.exists():
                services.dossier_solutions_set(by=coordinator, dossier=dossier, solutions=same_type)
        version = dossier.versions.get(number=1)
        if version.status == VersionStatus.DRAFT and not version.risks.exists():
            _fill(coordinator, version, spec, orgs)
            _review_and_publish(version, people, orgs)
    return made


def _adoptions(people: dict[str, User], orgs: Any) -> None:
    speech = Dossier.objects.get(slug="ai-taligenkanning")
    plans = [
        (
            "orebro",
            people["orebro"],
            speech,
            dt.date(2025, 12, 2),
            [("data", "Ljudfiler gallras efter 24 timmar.", "Regionens informationsklassning.")],
            [("dpia", dt.date(2025, 11, 27), "Dataskyddsombud, Region Örebro län", "RS 25/04411")],
        ),
        (
            "jamtland-harjedalen",
            people["jamtland"],
            speech,
            dt.date(2025, 12, 10),
            [
                ("competence", "Utbildningen ges i regionens egen lärplattform.", ""),
                (
                    "legal",
                    "Avrop från regionens eget avtal för diktering.",
                    "Avtalet löper till 2027.",
                ),
            ],
            [
                (
                    "dpia",
                    dt.date(2025, 12, 8),
                    "Dataskyddsombud, Region Jämtland Härjedalen",
                    "RS/344/2025",
                )
            ],
        ),
        (
            "vastra-gotaland",
            people["demo-vgr"],
            Dossier.objects.get(slug="ai-fallprevention"),
            dt.date(2026, 1, 15),
            [],
            [("security", dt.date(2026, 1, 12), "Säkerhetschef", "")],
        ),
    ]
    for slug, by, dossier, on, deviations, approvals in plans:
        if DossierAdoption.objects.filter(dossier=dossier, region=orgs[slug]).exists():
            continue
        adoption = services.adoption_create(
            by=by, dossier=dossier, region=orgs[slug], adopted_on=on, is_demo=True
        )
        for section, text, reason in deviations:
            services.adoption_deviation_add(
                by=by, adoption=adoption, section=section, description=text, reason=reason
            )
        for kind, approved_on, who, reference in approvals:
            services.adoption_approval_add(
                by=by,
                adoption=adoption,
                kind=kind,
                approved_on=approved_on,
                approved_by=who,
                reference=reference,
            )


def _second_version(people: dict[str, User], orgs: Any) -> None:
    """Version 2 of speech recognition, so the adopting regions see the notice."""
    speech = Dossier.objects.get(slug="ai-taligenkanning")
    if speech.versions.filter(number=2).exists():
        return
    changes = next(spec["v2"] for spec in DOSSIERS if spec["slug"] == speech.slug)
    version = services.version_new(
        by=people["skr"], dossier=speech, change_summary=changes["change_summary"]
    )
    services.version_update(
        by=people["skr"], version=version, data_retention=changes["data_retention"]
    )
    _review_and_publish(version, people, orgs)


def _groups(people: dict[str, User], orgs: Any) -> None:
    coordinator = people["skr"]
    seats = [
        ("skr", "skr", "chair"),
        ("orebro", "orebro", "member"),
        ("jamtland", "jamtland-harjedalen", "member"),
        ("demo-stockholm", "stockholm", "member"),
        ("demo-vgr", "vastra-gotaland", "member"),
    ]
    for spec in GROUPS:
        if WorkingGroup.objects.filter(slug=spec["slug"]).exists():
            continue
        group = services.group_create(
            by=coordinator,
            name=spec["name"],
            slug=spec["slug"],
            purpose=spec["purpose"],
            dossiers=list(Dossier.objects.filter(slug__in=spec["dossiers"])),
            is_demo=True,
        )
        for username, org_slug, role in seats:
            services.group_member_add(
                by=coordinator,
                group=group,
                person=people[username],
                organisation=orgs[org_slug],
                role=role,
                joined_on=dt.date(2025, 9, 1),
            )
        for n, month in enumerate(MONTHS[::2], start=1):
            services.meeting_add(
                by=coordinator,
                group=group,
                held_on=month + dt.timedelta(days=14),
                title=f"Arbetsmöte {n}",
                notes="Genomgång av underlagen och remissvar.",
            )


def _time(people: dict[str, User], orgs: Any) -> None:
    rng = random.Random(50)  # the same hours on every run
    seats = [
        ("orebro", "orebro"),
        ("jamtland", "jamtland-harjedalen"),
        ("demo-stockholm", "stockholm"),
        ("demo-vgr", "vastra-gotaland"),
        ("skr", "skr"),
    ]
    for group in WorkingGroup.objects.filter(is_demo=True).order_by("slug"):
        for username, org_slug in seats:
            for month in MONTHS:
                hours = Decimal(rng.randrange(8, 64)) / 2  # 4–31,5 h in half hours
                services.time_record(
                    by=people[username],
                    person=people[username],
                    organisation=orgs[org_slug],
                    group=group,
                    month=month,
                    hours=hours,
                    is_demo=True,
                )
    CompensationRate.objects.get_or_create(
        valid_from=dt.date(2025, 9, 1),
        defaults={
            "hourly_rate_sek": 650,
            "note": "Demovärde: genomsnittlig timkostnad inklusive personalomkostnader.",
        },
    )


def _effects(people: dict[str, User], orgs: Any) -> None:
    effects = [
        (
            "orebro",
            "implementation",
            "DPIA för taligenkänning klar på två veckor",
            "Regionen utgick från den nationella mallen i stället för att börja från noll.",
            Decimal("90"),
            "ai-taligenkanning",
        ),
        (
            "jamtland-harjedalen",
            "competence",
            "Gemensam utbildning i AI-kunnighet",
            "Implementeringsplanen för AI-stödd journalföring bygger på de nationella modulerna.",
            Decimal("40"),
            "ai-journalforing",
        ),
    ]
    for slug, kind, title, text, hours, dossier_slug in effects:
        if LocalEffect.objects.filter(organisation=orgs[slug], title=title).exists():
            continue
        by = people["orebro" if slug == "orebro" else "jamtland"]
        services.local_effect_record(
            by=by,
            organisation=orgs[slug],
            recorded_on=dt.date(2026, 2, 15),
            kind=kind,
            title=title,
            description=text,
            hours_saved=hours,
            dossier=Dossier.objects.get(slug=dossier_slug),
            group=WorkingGroup.objects.filter(is_demo=True).order_by("slug").first(),
            is_demo=True,
        )


@demo.register(50, "gemensamma underlag")
def load(out: demo.Output) -> None:
    services.requirements_load()
    with transaction.atomic():
        orgs = {org.slug: org for org in Organisation.objects.all()}
        people = _people()
        made = _dossiers(people, orgs)
        _adoptions(people, orgs)
        _second_version(people, orgs)
        _groups(people, orgs)
        _time(people, orgs)
        _effects(people, orgs)
    out.write(
        f"  underlag: {made} nya, {Dossier.objects.filter(is_demo=True).count()} totalt; "
        f"{DossierAdoption.objects.filter(is_demo=True).count()} antaganden, "
        f"{WorkingGroup.objects.filter(is_demo=True).count()} arbetsgrupper\n"
    )
