"""Dossiers and their versions: create, fill in, review, publish, start a new version."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sprida.accounts.models import Membership
from sprida.core.access import Role, author, can_change, may_create
from sprida.core.models import NationalRole, Organisation
from sprida.core.versioning import claim_version
from sprida.enablement import aiact
from sprida.enablement.models import (
    AIActAssessment,
    BenefitItem,
    BenefitKind,
    CheckStatus,
    Dossier,
    DossierVersion,
    Requirement,
    RequirementCheck,
    Review,
    ReviewDecision,
    RiskItem,
    TrainingModule,
    VersionStatus,
)
from sprida.enablement.registry import read_requirements, upsert_requirements

# Addresses under /underlag/ that a dossier's short name must not take.
RESERVED_SLUGS = frozenset(
    {"nytt", "krav", "oversikt", "antaganden", "arbetsgrupper", "tid", "ersattning", "effekter"}
)

# The fields of a version that people edit; the rest is workflow.
VERSION_FIELDS = (
    "change_summary",
    "data_sources",
    "data_categories",
    "health_data",
    "data_quality",
    "data_access",
    "data_retention",
    "processing_location",
    "processing_details",
    "gdpr_legal_basis",
    "patient_data_law",
    "mdr_class",
    "procurement",
    "security_class",
    "dpia_status",
    "dpia_note",
    "benefit_assumptions",
    "human_oversight",
    "risk_summary",
    "competence_summary",
)


def requirements_load() -> tuple[int, int]:
    """Read the YAML registry into Requirement rows; returns (created, updated)."""
    with transaction.atomic():
        return upsert_requirements(Requirement, read_requirements())


def coordinator_organisation() -> Organisation:
    organisation = Organisation.objects.filter(national_role=NationalRole.COORDINATOR).first()
    if organisation is None:
        raise ValidationError(_("Det finns ingen nationell samordnare registrerad (SKR)."))
    return organisation


def _require_coordinator(by: Any) -> Organisation:
    coordinator = coordinator_organisation()
    if not may_create(by, Dossier, coordinator.pk):
        raise PermissionDenied(
            _("Bara den nationella samordnaren arbetar med gemensamma underlag.")
        )
    return coordinator


def _require_open(by: Any, version: DossierVersion) -> None:
    """The user may change the version, and it is still a draft."""
    if version.status == VersionStatus.PUBLISHED:
        raise ValidationError(
            _("Version %(number)d är publicerad och kan inte ändras. Skapa en ny version.")
            % {"number": version.number}
        )
    if not can_change(by, version):
        raise PermissionDenied(_("Du får inte ändra det här underlaget."))
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(
            _(
                "Version %(number)d är under granskning. Ta tillbaka den till utkast för att "
                "ändra innehållet."
            )
            % {"number": version.number}
        )


@transaction.atomic
def dossier_create(
    *,
    by: Any,
    title: str,
    slug: str,
    purpose: str,
    category: Any = None,
    contact_name: str = "",
    contact_email: str = "",
    solutions: Any = (),
    is_demo: bool = False,
) -> Dossier:
    """A new national dossier, owned by the coordinator, with an empty version 1 draft."""
    owner = _require_coordinator(by)
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            _("Kortnamnet %(slug)s används redan av en sida i Sprida; välj ett annat.")
            % {"slug": slug}
        )
    if Dossier.objects.filter(models.Q(slug=slug) | models.Q(title=title)).exists():
        raise ValidationError(
            _("Det finns redan ett underlag med namnet %(title)s eller %(slug)s.")
            % {"title": title, "slug": slug}
        )
    dossier = Dossier(
        title=title,
        slug=slug,
        purpose=purpose,
        category=category,
        owner=owner,
        contact_name=contact_name,
        contact_email=contact_email,
        is_demo=is_demo,
    )
    dossier._history_user = author(by)  # type: ignore[attr-defined]
    dossier.full_clean()
    dossier.save()
    if solutions:
        dossier.solutions.set(solutions)
    DossierVersion.objects.create(dossier=dossier, number=1, created_by=by)
    return dossier


@transaction.atomic
def dossier_solutions_set(*, by: Any, dossier: Dossier, solutions: Any) -> Dossier:
    """Link the dossier to the catalogue's solutions of its application type."""
    _require_coordinator(by)
    dossier.solutions.set(solutions)
    return dossier


@transaction.atomic
def version_update(
    *, by: Any, version: DossierVersion, expected_version: int | None = None, **values: Any
) -> DossierVersion:
    """Change a draft's texts; refused with StaleEditError if the draft was saved after
    `expected_version` (its row version, not its number)."""
    _require_open(by, version)
    unknown = set(values) - set(VERSION_FIELDS)
    if unknown:
        raise ValueError(f"Unknown version fields: {sorted(unknown)}")
    claim_version(version, expected_version)
    for name, value in values.items():
        setattr(version, name, value)
    version._history_user = author(by)  # type: ignore[attr-defined]
    version.full_clean(exclude=["dossier", "created_by", "published_by"])
    version.save()
    return version


def _next_position(manager: Any) -> int:
    last = manager.aggregate(models.Max("position"))["position__max"]
    return 0 if last is None else last + 1


@transaction.atomic
def benefit_add(
    *,
    by: Any,
    version: DossierVersion,
    kind: str,
    description: str,
    hours_per_year: Decimal | None = None,
    hourly_cost_sek: int | None = None,
    amount_sek: int | None = None,
    assumption: str = "",
) -> BenefitItem:
    _require_open(by, version)
    if kind == BenefitKind.TIME_SAVED and not (hours_per_year and hourly_cost_sek):
        raise ValidationError(
            _(
                "Sparad tid värderas som timmar per år gånger kostnad per timme. Ange båda, "
                "större än noll."
            )
        )
    if kind == BenefitKind.COST_AVOIDED and not (amount_sek and amount_sek > 0):
        raise ValidationError(
            _("Ange de undvikna kostnaderna per år i hela kronor, större än noll.")
        )
    if kind == BenefitKind.NON_MONETISED:
        hours_per_year = hourly_cost_sek = amount_sek = None
    item = BenefitItem(
        version=version,
        kind=kind,
        description=description,
        hours_per_year=hours_per_year if kind == BenefitKind.TIME_SAVED else None,
        hourly_cost_sek=hourly_cost_sek if kind == BenefitKind.TIME_SAVED else None,
        amount_sek=amount_sek if kind == BenefitKind.COST_AVOIDED else None,
        assumption=assumption,
        position=_next_position(version.benefits),
    )
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def risk_add(
    *,
    by: Any,
    version: DossierVersion,
    title: str,
    likelihood: int,
    consequence: int,
    description: str = "",
    mitigation: str = "",
    owner: str = "",
) -> RiskItem:
    _require_open(by, version)
    for label, value in ((_("Sannolikheten"), likelihood), (_("Konsekvensen"), consequence)):
        if not 1 <= value <= 4:
            raise ValidationError(
                _("%(label)s ska vara 1–4, inte %(value)s.") % {"label": label, "value": value}
            )
    risk = RiskItem(
        version=version,
        title=title,
        description=description,
        likelihood=likelihood,
        consequence=consequence,
        mitigation=mitigation,
        owner=owner,
        position=_next_position(version.risks),
    )
    risk.full_clean()
    risk.save()
    return risk


@transaction.atomic
def training_add(
    *,
    by: Any,
    version: DossierVersion,
    title: str,
    audience: str,
    length_minutes: int,
    material: str = "",
) -> TrainingModule:
    _require_open(by, version)
    if length_minutes <= 0:
        raise ValidationError(_("Ange utbildningens längd i minuter, större än noll."))
    module = TrainingModule(
        version=version,
        title=title,
        audience=audience,
        length_minutes=length_minutes,
        material=material,
        position=_next_position(version.trainings),
    )
    module.full_clean()
    module.save()
    return module


ITEM_MODELS: dict[str, type[BenefitItem] | type[RiskItem] | type[TrainingModule]] = {
    "benefit": BenefitItem,
    "risk": RiskItem,
    "training": TrainingModule,
}


@transaction.atomic
def item_delete(*, by: Any, version: DossierVersion, kind: str, pk: int) -> None:
    """Remove a benefit, risk or training module from a draft."""
    _require_open(by, version)
    model = ITEM_MODELS[kind]
    deleted, _counts = model.objects.filter(version=version, pk=pk).delete()
    if not deleted:
        raise ValidationError(_("Raden finns inte i den här versionen."))


@transaction.atomic
def requirement_check_set(
    *, by: Any, version: DossierVersion, requirement: Requirement, status: str, note: str = ""
) -> RequirementCheck:
    """Record how the version meets one version of a requirement (replacing an earlier answer)."""
    _require_open(by, version)
    if status not in CheckStatus.values:
        raise ValidationError(_("Okänd bedömning: %(status)s.") % {"status": status})
    # One answer per requirement URN: answering version 1.1 replaces the answer to 1.0.
    version.checks.filter(requirement__urn=requirement.urn).exclude(
        requirement=requirement
    ).delete()
    check, _created = RequirementCheck.objects.update_or_create(
        version=version, requirement=requirement, defaults={"status": status, "note": note}
    )
    return check


@transaction.atomic
def aiact_assessment_save(
    *, by: Any, version: DossierVersion, answers: aiact.Answers
) -> AIActAssessment:
    """Keep every answer, the result and the reasons; refuse answers with gaps."""
    _require_open(by, version)
    errors = aiact.validate(answers)
    if errors:
        raise ValidationError(errors)
    with translation.override("sv"):  # the reasons are kept as the record, in Swedish
        result, reasons = aiact.classify(answers)
    assessment, _created = AIActAssessment.objects.update_or_create(
        version=version,
        defaults={
            "answers": answers.to_dict(),
            "result": result,
            "reasons": reasons,
            "assessed_by": by,
        },
    )
    return assessment


@transaction.atomic
def version_submit(
    *, by: Any, version: DossierVersion, reviewers: list[Organisation]
) -> DossierVersion:
    """Send a draft to review by other regions (and the coordinator)."""
    _require_coordinator(by)
    _require_open(by, version)
    if not version.dossier.purpose.strip():
        raise ValidationError(_("Beskriv underlagets syfte innan det skickas på granskning."))
    version.dossier.reviewers.add(*reviewers)
    version.status = VersionStatus.REVIEW
    version.submitted_at = timezone.now()
    version._history_user = author(by)  # type: ignore[attr-defined]
    version.save()
    return version


@transaction.atomic
def version_reopen(*, by: Any, version: DossierVersion) -> DossierVersion:
    """Take a version in review back to draft, e.g. after reviewers asked for changes."""
    _require_coordinator(by)
    if version.status != VersionStatus.REVIEW:
        raise ValidationError(
            _("Version %(number)d är inte under granskning.") % {"number": version.number}
        )
    version.status = VersionStatus.DRAFT
    version._history_user = author(by)  # type: ignore[attr-defined]
    version.save()
    return version


@transaction.atomic
def review_record(
    *,
    by: Any,
    version: DossierVersion,
    organisation: Organisation,
    decision: str,
    comment: str = "",
    section: str = "",
) -> Review:
    """A reviewing region (or the coordinator) comments on or approves a version in review."""
    if version.status != VersionStatus.REVIEW:
        raise ValidationError(
            _("Version %(number)d är inte under granskning.") % {"number": version.number}
        )
    dossier = version.dossier
    may_review = (
        organisation.pk == dossier.owner_id or dossier.reviewers.filter(pk=organisation.pk).exists()
    )
    if not may_review or not may_create(by, Review, organisation.pk):
        raise PermissionDenied(
            _("%(organisation)s granskar inte det här underlaget.") % {"organisation": organisation}
        )
    if decision not in ReviewDecision.values:
        raise ValidationError(_("Okänt ställningstagande: %(decision)s.") % {"decision": decision})
    if decision != ReviewDecision.APPROVED and not comment.strip():
        raise ValidationError(_("Skriv en kommentar: vad ska ändras eller förtydligas?"))
    review = Review(
        version=version,
        organisation=organisation,
        reviewer=by,
        decision=decision,
        section=section,
        comment=comment,
    )
    review._history_user = author(by)  # type: ignore[attr-defined]
    review.full_clean()
    review.save()
    return review


def review_standing(version: DossierVersion) -> dict[int, str]:
    """Each reviewing organisation's latest stand on the version (comments do not count)."""
    standing: dict[int, str] = {}
    stands = version.reviews.exclude(decision=ReviewDecision.COMMENT).order_by("created_at", "pk")
    for review in stands:
        standing[review.organisation_id] = review.decision
    return standing


@transaction.atomic
def version_publish(*, by: Any, version: DossierVersion) -> DossierVersion:
    """Publish a reviewed version; adopting regions are told that a new version exists."""
    _require_coordinator(by)
    version = DossierVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != VersionStatus.REVIEW:
        raise ValidationError(
            _("Version %(number)d har status %(status)s; bara en granskad version kan publiceras.")
            % {"number": version.number, "status": version.get_status_display().lower()}
        )
    standing = review_standing(version)
    if ReviewDecision.APPROVED not in standing.values():
        raise ValidationError(
            _(
                "Minst en granskare (en annan region eller samordnaren) måste ha godkänt "
                "versionen innan den publiceras."
            )
        )
    pending = [
        str(org)
        for org in Organisation.objects.filter(
            pk__in=[pk for pk, stand in standing.items() if stand == ReviewDecision.CHANGES]
        )
    ]
    if pending:
        raise ValidationError(
            _(
                "%(reviewers)s har begärt ändringar. Ta tillbaka versionen till utkast, "
                "eller be dem godkänna den ändrade versionen."
            )
            % {"reviewers": ", ".join(pending)}
        )
    if not AIActAssessment.objects.filter(version=version).exists():
        raise ValidationError(
            _(
                "Klassningen enligt AI-förordningen saknas. Fyll i frågeformuläret innan "
                "versionen publiceras."
            )
        )
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = by
    version._history_user = author(by)  # type: ignore[attr-defined]
    version.save()
    dossier = version.dossier
    dossier.current_version = version
    dossier._history_user = author(by)  # type: ignore[attr-defined]
    dossier.save(update_fields=["current_version", "updated_at"])
    transaction.on_commit(lambda: _tell_adopters(version))
    return version


def _tell_adopters(version: DossierVersion) -> None:
    """E-mail the editors of regions that adopted an earlier version (the page notice stays)."""
    region_ids = list(
        version.dossier.adoptions.exclude(version=version).values_list("region_id", flat=True)
    )
    if not region_ids:
        return
    emails = sorted(
        set(
            Membership.objects.filter(
                organisation_id__in=region_ids, role__in=Role.at_least(Role.EDITOR)
            )
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )
    if not emails:
        return
    send_mail(
        subject=f"Ny version av {version.dossier}: version {version.number}",
        message=(
            f"SKR har publicerat version {version.number} av det gemensamma underlaget "
            f"{version.dossier}. Er region har antagit en tidigare version. Se vad som har "
            f"ändrats och anta den nya versionen i Sprida.\n\n{version.change_summary}"
        ),
        from_email=None,
        recipient_list=emails,
        fail_silently=True,
    )


def _copy_rows(manager: Any, target: DossierVersion, exclude: tuple[str, ...] = ()) -> None:
    for row in manager.all():
        row.pk = None
        row.id = None
        row._state.adding = True
        row.version = target
        for name in exclude:
            setattr(row, name, None)
        row.save()


@transaction.atomic
def version_new(*, by: Any, dossier: Dossier, change_summary: str = "") -> DossierVersion:
    """A new draft, starting from the latest published version's content."""
    _require_coordinator(by)
    if dossier.versions.exclude(status=VersionStatus.PUBLISHED).exists():
        open_version = dossier.versions.exclude(status=VersionStatus.PUBLISHED).first()
        raise ValidationError(
            _("Version %(number)s är fortfarande öppen. Publicera eller arbeta vidare i den.")
            % {"number": open_version.number if open_version else ""}
        )
    source = dossier.current_version
    number = (dossier.versions.aggregate(models.Max("number"))["number__max"] or 0) + 1
    version = DossierVersion(
        dossier=dossier, number=number, created_by=by, change_summary=change_summary
    )
    if source is not None:
        for name in VERSION_FIELDS:
            if name != "change_summary":
                setattr(version, name, getattr(source, name))
    version._history_user = author(by)  # type: ignore[attr-defined]
    version.save()
    if source is not None:
        _copy_rows(source.benefits, version)
        _copy_rows(source.risks, version)
        _copy_rows(source.trainings, version)
        _copy_rows(source.checks, version)
        previous = AIActAssessment.objects.filter(version=source).first()
        if previous is not None:
            AIActAssessment.objects.create(
                version=version,
                answers=previous.answers,
                result=previous.result,
                reasons=previous.reasons,
                assessed_by=previous.assessed_by,
            )
    return version
