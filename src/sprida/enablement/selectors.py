"""Read queries for the shared dossiers and working groups, each scoped by the user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, QuerySet, Sum
from django.utils.translation import gettext_lazy

from sprida.core.access import Role, actor_for, can_change, restrict
from sprida.core.collation import Swedish, swedish_key
from sprida.core.models import Organisation, Region
from sprida.enablement.models import (
    REGION_COUNT,
    CompensationRate,
    Dossier,
    DossierAdoption,
    DossierVersion,
    Review,
    SectionEffort,
    SectionKind,
    TimeContribution,
    VersionStatus,
    WorkingGroup,
    round_sek,
)


def dossiers_for(*, user: Any) -> QuerySet[Dossier]:
    return (
        restrict(Dossier.objects.all(), user)
        .select_related("category", "current_version", "current_version__aiact", "owner")
        .annotate(adoption_count=Count("adoptions", distinct=True))
        .order_by(Swedish("title"))
    )


def versions_for(*, user: Any, dossier: Dossier) -> list[DossierVersion]:
    return list(restrict(dossier.versions.all(), user).order_by("-number"))


def version_detail(*, user: Any, dossier: Dossier, number: int) -> DossierVersion | None:
    """One version with everything a page shows, or None if the user may not see it."""
    return (
        restrict(DossierVersion.objects.filter(dossier=dossier, number=number), user)
        .select_related("dossier", "dossier__category", "published_by", "aiact")
        .prefetch_related(
            "benefits",
            "risks",
            "trainings",
            "checks__requirement",
            Prefetch("reviews", queryset=Review.objects.select_related("organisation", "reviewer")),
        )
        .first()
    )


def default_version_number(*, user: Any, dossier: Dossier) -> int | None:
    """The version a user lands on: the open draft for those who edit it, else the published."""
    versions = versions_for(user=user, dossier=dossier)
    if not versions:
        return None
    latest = versions[0]
    if latest.status != VersionStatus.PUBLISHED and (
        can_change(user, latest) or latest.status == VersionStatus.REVIEW
    ):
        return latest.number
    if dossier.current_version_id is not None:
        return next(v.number for v in versions if v.pk == dossier.current_version_id)
    return latest.number


def adoptions_for(*, user: Any) -> QuerySet[DossierAdoption]:
    return restrict(DossierAdoption.objects.all(), user).select_related(
        "dossier", "dossier__current_version", "region", "version"
    )


def adoption_notices(*, user: Any, dossier: Dossier | None = None) -> list[DossierAdoption]:
    """Adoptions in the user's own regions that a newer published version has overtaken."""
    actor = actor_for(user)
    qs = adoptions_for(user=user).filter(region_id__in=actor.orgs())
    if dossier is not None:
        qs = qs.filter(dossier=dossier)
    return [adoption for adoption in qs if adoption.is_outdated]


def reviews_waiting(*, user: Any) -> list[DossierVersion]:
    """Versions in review where one of the user's organisations is a reviewer."""
    orgs = actor_for(user).orgs(Role.EDITOR)
    if not orgs:
        return []
    return list(
        DossierVersion.objects.filter(status=VersionStatus.REVIEW, dossier__reviewers__in=orgs)
        .select_related("dossier")
        .distinct()
    )


@dataclass
class MatrixRow:
    region: Organisation
    cells: list[DossierAdoption | None]


def adoption_matrix(*, user: Any) -> tuple[list[Dossier], list[MatrixRow]]:
    """Regions × published dossiers: which version each region adopted, as far as visible.

    The dossiers carry `adoption_count`, a national count that names no region.
    """
    dossiers: list[Dossier] = list(
        restrict(Dossier.objects.filter(current_version__isnull=False), user)
        .select_related("current_version")
        .annotate(adoption_count=Count("adoptions", distinct=True))
        .order_by(Swedish("title"))
    )
    seen: dict[tuple[int, int], DossierAdoption] = {
        (a.dossier_id, a.region_id): a for a in adoptions_for(user=user)
    }
    rows = [
        MatrixRow(region=region, cells=[seen.get((d.pk, region.pk)) for d in dossiers])
        for region in Region.objects.order_by(Swedish("name"))
    ]
    return dossiers, rows


@dataclass
class OnceFigure:
    """Hours saved because a dossier is made once instead of in each of the 21 regions."""

    hours_per_dossier: int
    efforts: list[SectionEffort]
    published: int
    adoptions: int

    @property
    def potential_hours(self) -> int:
        return self.hours_per_dossier * self.published * (REGION_COUNT - 1)

    @property
    def realised_hours(self) -> int:
        return self.hours_per_dossier * self.adoptions


def once_figure() -> OnceFigure:
    """National aggregate (no region named), so every signed-in user sees the same figure."""
    efforts = list(SectionEffort.objects.all())
    order = list(SectionKind.values)
    efforts.sort(key=lambda e: order.index(e.kind))
    published = Dossier.objects.filter(current_version__isnull=False).count()
    adoptions = DossierAdoption.objects.filter(dossier__current_version__isnull=False).count()
    return OnceFigure(
        hours_per_dossier=sum(e.hours for e in efforts),
        efforts=efforts,
        published=published,
        adoptions=adoptions,
    )


def groups_for(*, user: Any) -> QuerySet[WorkingGroup]:
    return (
        restrict(WorkingGroup.objects.all(), user)
        .annotate(member_count=Count("members", distinct=True))
        .order_by(Swedish("name"))
    )


def time_for(*, user: Any) -> QuerySet[TimeContribution]:
    return restrict(TimeContribution.objects.all(), user).select_related(
        "person", "organisation", "group"
    )


@dataclass
class CompensationRow:
    organisation: Organisation
    hours: Decimal = Decimal("0")
    exact_sek: Decimal = Decimal("0")
    unpriced_hours: Decimal = Decimal("0")  # months before the first rate
    by_group: dict[str, Decimal] = field(default_factory=dict)

    @property
    def amount_sek(self) -> int:
        return round_sek(self.exact_sek)


@dataclass
class CompensationReport:
    start: dt.date
    end: dt.date
    rows: list[CompensationRow]
    rates: list[CompensationRate]
    groups: list[str]

    @property
    def total_hours(self) -> Decimal:
        return sum((row.hours for row in self.rows), Decimal("0"))

    @property
    def total_sek(self) -> int:
        # The sum of the rounded rows, so the report adds up line by line.
        return sum(row.amount_sek for row in self.rows)

    @property
    def unpriced_hours(self) -> Decimal:
        return sum((row.unpriced_hours for row in self.rows), Decimal("0"))


ROUNDING_RULE = gettext_lazy(
    "Timmar × timersättning summeras exakt per region över alla månader och avrundas sedan "
    "en gång till hela kronor (50 öre och mer avrundas uppåt). Totalen är summan av de "
    "avrundade raderna."
)


def rate_for(rates: list[CompensationRate], month: dt.date) -> CompensationRate | None:
    """The rate in force for a month; `rates` sorted newest first."""
    return next((rate for rate in rates if rate.valid_from <= month), None)


def compensation_report(
    *, user: Any, start: dt.date, end: dt.date, group: WorkingGroup | None = None
) -> CompensationReport:
    """Hours and compensation per organisation for months start..end (inclusive)."""
    rates = list(CompensationRate.objects.order_by("-valid_from"))
    qs = time_for(user=user).filter(month__gte=start.replace(day=1), month__lte=end)
    if group is not None:
        qs = qs.filter(group=group)
    sums = (
        qs.values("organisation_id", "month", "group__name")
        .annotate(hours=Sum("hours"))
        .order_by("organisation_id", "month")
    )
    organisations = {
        org.pk: org
        for org in Organisation.objects.filter(pk__in={row["organisation_id"] for row in sums})
    }
    rows: dict[int, CompensationRow] = {}
    group_names: set[str] = set()
    for item in sums:
        org_id, hours = item["organisation_id"], Decimal(item["hours"])
        row = rows.setdefault(org_id, CompensationRow(organisation=organisations[org_id]))
        row.hours += hours
        name = item["group__name"]
        group_names.add(name)
        row.by_group[name] = row.by_group.get(name, Decimal("0")) + hours
        rate = rate_for(rates, item["month"])
        if rate is None:
            row.unpriced_hours += hours
        else:
            row.exact_sek += hours * rate.hourly_rate_sek
    ordered = sorted(
        rows.values(), key=lambda row: (row.organisation.kind, swedish_key(row.organisation.name))
    )
    return CompensationReport(
        start=start, end=end, rows=ordered, rates=rates, groups=sorted(group_names, key=swedish_key)
    )
