"""Writes for the solution catalogue: solutions, maturity, adoption, links, collaboration."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from sprida.core.access import COORDINATOR, author, can_change, can_view, may_act_for, may_create
from sprida.core.models import Organisation, OrganisationKind
from sprida.core.versioning import claim_version
from sprida.grants.models import Measure, MeasureCategory
from sprida.search.services import search_index_object
from sprida.spreading.maturity import evidence_for
from sprida.spreading.models import (
    Adoption,
    AdoptionStatus,
    CollaborationGroup,
    CollaborationMember,
    Maturity,
    MaturityChange,
    MeasureRole,
    Seminar,
    SeminarPresentation,
    Solution,
    SolutionType,
    maturity_rank,
)

NATIONAL = frozenset({COORDINATOR})


SOLUTION_FIELDS = {
    "title",
    "summary",
    "description",
    "solution_type",
    "category",
    "needs_systems",
    "needs_staff",
    "needs_data",
    "setup_cost_sek",
    "yearly_cost_sek",
    "cost_notes",
    "licence",
    "procurement_form",
}


def _unique_slug(title: str) -> str:
    base = slugify(title.replace("å", "a").replace("ä", "a").replace("ö", "o"))[:70] or "losning"
    slug, n = base, 2
    while Solution.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _require_change(by: Any, obj: Any) -> None:
    if not can_change(by, obj):
        raise PermissionDenied(_("Du får inte ändra detta."))


@transaction.atomic
def solution_create(
    *,
    by: Any,
    owner: Organisation,
    title: str,
    summary: str,
    solution_type: str = SolutionType.TECHNICAL,
    category: MeasureCategory | None = None,
    published: bool = False,
    is_demo: bool = False,
    **fields: Any,
) -> Solution:
    if not may_create(by, Solution, owner.pk):
        raise PermissionDenied(_("Du kan bara lägga in lösningar för din egen region."))
    unknown = set(fields) - SOLUTION_FIELDS
    if unknown:
        raise TypeError(f"unknown solution fields: {sorted(unknown)}")
    solution = Solution(
        slug=_unique_slug(title),
        owner=owner,
        title=title.strip(),
        summary=summary.strip(),
        solution_type=solution_type,
        category=category,
        published=published,
        is_demo=is_demo,
        **fields,
    )
    solution.full_clean()
    solution._history_user = author(by)  # type: ignore[attr-defined]
    solution.save()
    search_index_object(solution)
    return solution


@transaction.atomic
def solution_update(
    *, by: Any, solution: Solution, expected_version: int | None = None, **fields: Any
) -> Solution:
    """Change a solution; refused with StaleEditError if it was saved after
    `expected_version`."""
    _require_change(by, solution)
    unknown = set(fields) - SOLUTION_FIELDS - {"published"}
    if unknown:
        raise TypeError(f"unknown solution fields: {sorted(unknown)}")
    claim_version(solution, expected_version)
    for name, value in fields.items():
        setattr(solution, name, value)
    solution.full_clean()
    solution._history_user = author(by)  # type: ignore[attr-defined]
    solution.save()
    search_index_object(solution)
    return solution


def solution_publish(*, by: Any, solution: Solution, published: bool = True) -> Solution:
    return solution_update(by=by, solution=solution, published=published)


@transaction.atomic
def solution_set_maturity(
    *, by: Any, solution: Solution, to: str, note: str = ""
) -> MaturityChange:
    """Move a solution on the ladder. Up needs the evidence of every step; down needs a reason."""
    _require_change(by, solution)
    to = Maturity(to).value
    current = solution.maturity
    if to == current:
        raise ValidationError(
            _("Lösningen har redan mognadsgraden %(level)s.") % {"level": Maturity(to).label}
        )
    evidence = evidence_for(solution)
    if maturity_rank(to) > maturity_rank(current):
        missing = evidence.missing_for(to)
        if missing:
            raise ValidationError(
                [
                    _("%(level)s kräver underlag som saknas:") % {"level": Maturity(to).label},
                    *(f"{Maturity(r.level).label}: {r.missing} ({r.detail})" for r in missing),
                ]
            )
    elif not note.strip():
        raise ValidationError(
            _("Skriv varför mognadsgraden sänks från %(old)s till %(new)s.")
            % {"old": Maturity(current).label, "new": Maturity(to).label}
        )
    change = MaturityChange(
        solution=solution,
        from_level=current,
        to_level=to,
        changed_by=by if getattr(by, "is_authenticated", False) else None,
        note=note.strip(),
        evidence=[r.as_dict() for r in evidence.requirements],
    )
    change._history_user = author(by)  # type: ignore[attr-defined]
    change.save()
    solution.maturity = to
    solution._history_user = author(by)  # type: ignore[attr-defined]
    solution._change_reason = note.strip()  # type: ignore[attr-defined]
    solution.save(update_fields=["maturity", "updated_at"])
    search_index_object(solution)
    return change


@transaction.atomic
def adoption_record(
    *,
    by: Any,
    solution: Solution,
    region: Organisation,
    status: str,
    since: dt.date,
    started_on: dt.date | None = None,
    contact_name: str = "",
    contact_email: str = "",
    note: str = "",
    is_demo: bool = False,
) -> Adoption:
    """Record where a region stands with a solution; each region answers for itself."""
    if region.kind != OrganisationKind.REGION:
        raise ValidationError(_("%(org)s är inte en region.") % {"org": region.name})
    if not can_view(by, solution):
        raise PermissionDenied(_("Lösningen finns inte eller är inte publicerad."))
    if not may_create(by, Adoption, region.pk):
        raise PermissionDenied(
            _("Du kan bara registrera införande för din egen region, inte %(region)s.")
            % {"region": region.name}
        )
    status = AdoptionStatus(status).value
    if started_on and started_on > since:
        raise ValidationError(
            _("Startdatum %(start)s ligger efter statusdatum %(since)s.")
            % {"start": started_on.isoformat(), "since": since.isoformat()}
        )
    adoption = Adoption.objects.filter(solution=solution, region=region).first()
    if adoption is None:
        adoption = Adoption(solution=solution, region=region)
    adoption.status = status
    adoption.since = since
    adoption.started_on = started_on
    adoption.contact_name = contact_name.strip()
    adoption.contact_email = contact_email.strip()
    adoption.note = note.strip()
    adoption.is_demo = is_demo
    adoption.full_clean(exclude=["solution", "region"])
    adoption._history_user = author(by)  # type: ignore[attr-defined]
    adoption.save()
    return adoption


@transaction.atomic
def solution_link_measure(
    *,
    by: Any,
    solution: Solution,
    measure: Measure,
    role: str = MeasureRole.IMPLEMENTS,
    note: str = "",
) -> Any:
    """Link a measure that implements or evaluates the solution.

    The solution's owner (or the coordinator) may link any measure they can see; a region may
    link its own measure to a solution it can see.
    """
    from sprida.spreading.models import SolutionMeasure

    if not can_view(by, measure) or not can_view(by, solution):
        raise PermissionDenied(_("Åtgärden eller lösningen finns inte."))
    own_measure = may_act_for(by, measure.application.applicant_id, national=NATIONAL)
    if not (can_change(by, solution) or own_measure):
        raise PermissionDenied(
            _("Bara lösningens ägare eller åtgärdens region kan koppla åtgärden.")
        )
    link, _created = SolutionMeasure.objects.update_or_create(
        solution=solution,
        measure=measure,
        defaults={"role": MeasureRole(role).value, "note": note.strip()},
    )
    return link


@transaction.atomic
def collaboration_create(
    *,
    by: Any,
    owner: Organisation,
    title: str,
    description: str = "",
    category: MeasureCategory | None = None,
    measures: list[Measure] | None = None,
    members: list[Organisation] | None = None,
    solution: Solution | None = None,
    published: bool = False,
    joined_on: dt.date,
    is_demo: bool = False,
) -> CollaborationGroup:
    if not may_create(by, CollaborationGroup, owner.pk):
        raise PermissionDenied(_("Du kan bara starta en grupp för din egen organisation."))
    hidden = [m for m in measures or [] if not can_view(by, m)]
    if hidden:
        raise PermissionDenied(_("En av åtgärderna finns inte."))
    group = CollaborationGroup(
        owner=owner,
        title=title.strip(),
        description=description.strip(),
        category=category,
        solution=solution,
        published=published,
        is_demo=is_demo,
    )
    group.full_clean()
    group._history_user = author(by)  # type: ignore[attr-defined]
    group.save()
    group.measures.set(measures or [])
    for organisation in {owner, *(members or [])}:
        CollaborationMember.objects.create(
            group=group, organisation=organisation, joined_on=joined_on
        )
    return group


@transaction.atomic
def collaboration_join(
    *,
    by: Any,
    group: CollaborationGroup,
    organisation: Organisation,
    joined_on: dt.date,
    contact_name: str = "",
    contact_email: str = "",
) -> CollaborationMember:
    if not can_view(by, group):
        raise PermissionDenied(_("Gruppen finns inte."))
    if not may_create(by, CollaborationMember, organisation.pk):
        raise PermissionDenied(_("Du kan bara anmäla din egen organisation."))
    member, _created = CollaborationMember.objects.update_or_create(
        group=group,
        organisation=organisation,
        defaults={
            "joined_on": joined_on,
            "contact_name": contact_name.strip(),
            "contact_email": contact_email.strip(),
        },
    )
    return member


@transaction.atomic
def seminar_create(
    *,
    by: Any,
    organiser: Organisation,
    title: str,
    held_on: dt.date,
    place: str = "",
    description: str = "",
    category: MeasureCategory | None = None,
    published: bool = True,
    presentations: list[dict[str, Any]] | None = None,
    is_demo: bool = False,
) -> Seminar:
    """A seminar with its presentations: who presents which measure or solution, and material."""
    if not may_create(by, Seminar, organiser.pk):
        raise PermissionDenied(_("Du kan bara lägga in seminarier för din egen organisation."))
    seminar = Seminar(
        organiser=organiser,
        title=title.strip(),
        held_on=held_on,
        place=place,
        description=description,
        category=category,
        published=published,
        is_demo=is_demo,
    )
    seminar.full_clean()
    seminar._history_user = author(by)  # type: ignore[attr-defined]
    seminar.save()
    for position, spec in enumerate(presentations or []):
        SeminarPresentation.objects.create(seminar=seminar, position=position, **spec)
    return seminar
