"""Read queries for grants, each scoped by the user through core.access. The API reuses them.

Each function runs a fixed number of queries whatever the amount of data (joins, prefetches
and aggregates in the database), so pages stay as fast with 21 regions × 6 years as with one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from sprida.core.access import actor_for, restrict
from sprida.core.collation import Swedish
from sprida.core.formats import KnownSum, known_sum
from sprida.core.models import Organisation, OrganisationKind
from sprida.grants.models import (
    Application,
    ApplicationStatus,
    CaseNumber,
    Condition,
    Deadline,
    Decision,
    Measure,
    MeasureCategory,
    MeasureDecision,
    Payout,
    PayoutStatus,
    Programme,
    ProgrammeBudget,
)

PROGRAMME_SLUG = "effektiv-halso-och-sjukvard"


def programme_default() -> Programme | None:
    """The programme pages show when none is chosen: the SFS 2024:1102 grant."""
    return (
        Programme.objects.filter(slug=PROGRAMME_SLUG).first()
        or Programme.objects.order_by("pk").first()
    )


def programmes_list() -> QuerySet[Programme]:
    return Programme.objects.select_related("administering_body").order_by(Swedish("name"))


def budgets_for_programme(*, programme: Programme) -> list[ProgrammeBudget]:
    return list(programme.budgets.order_by("first_year", "source_date", "pk"))


def categories_list() -> QuerySet[MeasureCategory]:
    return MeasureCategory.objects.order_by("order", Swedish("name"))


@dataclass(frozen=True)
class ApplicationFilters:
    region: str = ""  # applicant slug
    status: str = ""
    year: int | None = None  # decision year, else submission year
    category: str = ""  # category slug: applications with a measure in it
    demo: str = ""  # "" all, "real" without demo data, "demo" only demo data


def _measure_sum() -> Subquery:
    return Subquery(
        Measure.objects.filter(application=OuterRef("pk"))
        .values("application")
        .annotate(total=Sum("applied_sek"))
        .values("total")[:1]
    )


def national_q(user: Any) -> Q:
    """The one rule for national aggregates: every application the user may see, and every
    application whose decision is published (published decisions and granted amounts are
    public), so a region, the public and the delegation count published data alike."""
    return Q(pk__in=restrict(Application.objects.all(), user).values("pk")) | Q(
        decision__in=restrict(Decision.objects.all(), user).values("pk")
    )


def applications_for_user(
    *,
    user: Any,
    filters: ApplicationFilters | None = None,
    programme: Programme | None = None,
    national: bool = False,
) -> QuerySet[Application]:
    """Applications the user may see, newest first, with applicant and decision joined.
    `national`: also those with a published decision, for national aggregates."""
    base = (
        Application.objects.filter(national_q(user))
        if national
        else restrict(Application.objects.all(), user)
    )
    qs = base.select_related("applicant", "decision", "programme")
    if programme is not None:
        qs = qs.filter(programme=programme)
    f = filters or ApplicationFilters()
    if f.region:
        qs = qs.filter(applicant__slug=f.region)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.year:
        qs = qs.filter(
            Q(decision__decided_on__year=f.year)
            | Q(decision__isnull=True, submitted_on__year=f.year)
        )
    if f.category:
        qs = qs.filter(
            pk__in=Measure.objects.filter(category__slug=f.category).values("application")
        )
    if f.demo == "real":
        qs = qs.filter(is_demo=False)
    elif f.demo == "demo":
        qs = qs.filter(is_demo=True)
    return qs.annotate(
        measure_count=Count("measures", distinct=True),
        applied_total=Coalesce("decision__applied_sek", "applied_sek", _measure_sum()),
    ).order_by(F("submitted_on").desc(nulls_last=True), "-created_at")


def application_detail_for_user(*, user: Any, pk: int) -> Application | None:
    return (
        restrict(Application.objects.all(), user)
        .select_related("applicant", "programme", "decision")
        .prefetch_related(
            Prefetch("participants", queryset=Organisation.objects.order_by(Swedish("name"))),
            Prefetch("case_numbers", queryset=CaseNumber.objects.select_related("organisation")),
        )
        .filter(pk=pk)
        .first()
    )


def measures_for_application(*, user: Any, application: Application) -> QuerySet[Measure]:
    return (
        restrict(Measure.objects.filter(application=application), user)
        .select_related("category", "outcome")
        .prefetch_related("year_amounts", "outcome__conditions")
        .order_by("position", "pk")
    )


def measures_for_region(
    *, user: Any, region: Organisation, year: int | None = None
) -> QuerySet[Measure]:
    """The measures of the region's own applications, with category and outcome joined."""
    qs = restrict(Measure.objects.filter(application__applicant=region), user)
    if year:
        qs = qs.filter(
            Q(application__decision__decided_on__year=year)
            | Q(application__decision__isnull=True, application__submitted_on__year=year)
        )
    return qs.select_related(
        "application", "application__decision", "category", "outcome"
    ).order_by(F("application__submitted_on").desc(nulls_last=True), "application_id", "position")


def decision_detail_for_user(*, user: Any, pk: int) -> Decision | None:
    return (
        restrict(Decision.objects.all(), user)
        .select_related("application", "application__applicant", "application__programme")
        .prefetch_related(
            Prefetch(
                "lines",
                queryset=restrict(MeasureDecision.objects.all(), user).select_related(
                    "measure", "measure__category"
                ),
            ),
            "payouts",
            Prefetch("conditions", queryset=Condition.objects.select_related("line__measure")),
            "deadlines",
        )
        .filter(pk=pk)
        .first()
    )


def conditions_for_region(
    *, user: Any, region: Organisation, year: int | None = None
) -> QuerySet[Condition]:
    qs = restrict(Condition.objects.filter(decision__application__applicant=region), user)
    if year:
        qs = qs.filter(decision__decided_on__year=year)
    return qs.select_related("decision", "decision__application", "line__measure").order_by(
        F("due_on").asc(nulls_last=True), "pk"
    )


def payouts_for_region(
    *, user: Any, region: Organisation, year: int | None = None
) -> QuerySet[Payout]:
    qs = restrict(Payout.objects.filter(decision__application__applicant=region), user)
    if year:
        qs = qs.filter(decision__decided_on__year=year)
    return qs.select_related(
        "decision", "decision__application", "decision__application__applicant"
    ).order_by("year", "decision__decided_on", "pk")


def deadlines_for_user(
    *,
    user: Any,
    region: Organisation | None = None,
    include_done: bool = False,
    mine: bool = False,
) -> QuerySet[Deadline]:
    """Deadlines the user may see, soonest first. `mine`: only those of the user's own
    organisations' applications (what a region member is asked to act on)."""
    qs = restrict(Deadline.objects.all(), user)
    if region is not None:
        qs = qs.filter(
            Q(decision__application__applicant=region)
            | Q(decision__application__participants=region)
        )
    if mine:
        orgs = actor_for(user).orgs()
        qs = qs.filter(decision__application__applicant__in=orgs)
    if not include_done:
        qs = qs.filter(done_on__isnull=True)
    return (
        qs.select_related(
            "decision", "decision__application", "decision__application__applicant", "condition"
        )
        .distinct()
        .order_by("due_on", "pk")
    )


@dataclass
class RegionOverview:
    region: Organisation
    applications: list[Application]
    joint_applications: list[Application]
    measures: list[Measure]
    conditions: list[Condition]
    payouts: list[Payout]
    deadlines: list[Deadline]
    may_create: bool = False
    years: list[int] = field(default_factory=list)

    @property
    def applied_sek(self) -> int:
        return sum(getattr(a, "applied_total", 0) or 0 for a in self.applications if _counts(a))

    @property
    def granted_sek(self) -> int:
        return sum(a.decision.granted_sek for a in self.applications if _decided(a))

    @property
    def rejected_sek(self) -> int:
        return sum(a.decision.rejected_sek or 0 for a in self.applications if _decided(a))


def _counts(application: Application) -> bool:
    return application.status in {ApplicationStatus.SUBMITTED, ApplicationStatus.DECIDED}


def _decided(application: Application) -> bool:
    return getattr(application, "decision", None) is not None


def region_overview(*, user: Any, region: Organisation, year: int | None = None) -> RegionOverview:
    """Everything the region's page shows, in a fixed number of queries."""
    from sprida.grants.services import may_apply_for

    own = list(applications_for_user(user=user, filters=ApplicationFilters(region=region.slug)))
    if year:
        own = [a for a in own if _application_year(a) == year]
    # A subquery, not a join: joining the participants would repeat rows of the aggregate.
    taking_part = Application.participants.through.objects.filter(organisation=region)
    joint = list(
        applications_for_user(user=user)
        .filter(joint=True, pk__in=taking_part.values("application"))
        .exclude(applicant=region)
    )
    every = own if not year else applications_for_user(user=user).filter(applicant=region)
    years = sorted({y for a in every if (y := _application_year(a))}, reverse=True)
    return RegionOverview(
        region=region,
        applications=own,
        joint_applications=joint,
        measures=list(measures_for_region(user=user, region=region, year=year)),
        conditions=list(conditions_for_region(user=user, region=region, year=year)),
        payouts=list(payouts_for_region(user=user, region=region, year=year)),
        deadlines=list(deadlines_for_user(user=user, region=region)[:10]),
        may_create=may_apply_for(user, region),
        years=years,
    )


def _application_year(application: Application) -> int | None:
    decision = getattr(application, "decision", None)
    if decision is not None:
        return decision.decided_on.year
    return application.submitted_on.year if application.submitted_on else None


# The national portfolio -------------------------------------------------------------------


@dataclass
class RegionRow:
    organisation: Organisation
    applications: int = 0
    decided: int = 0
    applied_sek: int = 0
    granted_sek: int = 0
    rejected_sek: int = 0
    is_demo: bool = False

    @property
    def share_percent(self) -> int | None:
        from sprida.grants.rules import share_of

        return share_of(self.applied_sek, self.granted_sek) if self.decided else None


@dataclass
class CategoryRow:
    name: str
    slug: str
    measures: int
    applied_sek: int  # of the measures whose applied amount is known
    granted_sek: int
    rejected_sek: int
    applied_missing: int = 0  # measures whose applied amount is unknown

    @property
    def applied_total(self) -> int | KnownSum | None:
        """Unknown is not zero: the applied sum, saying how many measures it lacks."""
        return known_sum(self.applied_sek, self.applied_missing, self.measures)


@dataclass
class BudgetYear:
    year: int
    paid_sek: int
    planned_sek: int
    budgets: list[tuple[ProgrammeBudget, int | None]]  # each figure, None where it does not cover

    @property
    def committed_sek(self) -> int:
        return self.paid_sek + self.planned_sek

    @property
    def over(self) -> list[tuple[ProgrammeBudget, int]]:
        """The budget figures this year exceeds, with the amount over."""
        return [
            (budget, self.committed_sek - amount)
            for budget, amount in self.budgets
            if amount is not None and self.committed_sek > amount
        ]

    @property
    def over_amounts(self) -> list[tuple[int, int, list[ProgrammeBudget]]]:
        """Each distinct budget amount exceeded: (amount, over by, the sources that state it)."""
        grouped: dict[int, list[ProgrammeBudget]] = {}
        for budget, amount in self.budgets:
            if amount is not None and self.committed_sek > amount:
                grouped.setdefault(amount, []).append(budget)
        return [(amount, self.committed_sek - amount, b) for amount, b in sorted(grouped.items())]


@dataclass
class Portfolio:
    programme: Programme | None
    filters: ApplicationFilters
    regions: list[RegionRow]
    categories: list[CategoryRow]
    years: list[BudgetYear]
    budgets: list[ProgrammeBudget]

    @property
    def applied_sek(self) -> int:
        return sum(r.applied_sek for r in self.regions)

    @property
    def granted_sek(self) -> int:
        return sum(r.granted_sek for r in self.regions)

    @property
    def rejected_sek(self) -> int:
        return sum(r.rejected_sek for r in self.regions)

    @property
    def applications(self) -> int:
        return sum(r.applications for r in self.regions)

    @property
    def paid_sek(self) -> int:
        return sum(y.paid_sek for y in self.years)

    @property
    def planned_sek(self) -> int:
        return sum(y.planned_sek for y in self.years)


def portfolio_summary(*, user: Any, filters: ApplicationFilters | None = None) -> Portfolio:
    """Per region applied, granted and rejected; granted per category; payouts per year against
    each stated budget figure. Drafts and withdrawn applications are not in the portfolio."""
    filters = filters or ApplicationFilters()
    programme = programme_default()
    apps = applications_for_user(
        user=user, filters=filters, programme=programme, national=True
    ).filter(status__in=[ApplicationStatus.SUBMITTED, ApplicationStatus.DECIDED])
    app_ids = apps.values("pk")

    per_org = {
        row["applicant"]: row
        for row in Application.objects.filter(pk__in=app_ids)
        .values("applicant")
        .annotate(
            n=Count("pk"),
            decided=Count("decision"),
            applied=Sum(Coalesce("decision__applied_sek", "applied_sek", _measure_sum())),
            granted=Sum("decision__granted_sek"),
            rejected=Sum("decision__rejected_sek"),
            demo=Count("pk", filter=Q(is_demo=True)),
        )
        .order_by()
    }
    orgs = Organisation.objects.filter(
        Q(kind=OrganisationKind.REGION) | Q(pk__in=list(per_org))
    ).order_by("kind", Swedish("name"))
    if filters.region:
        orgs = orgs.filter(slug=filters.region)
    regions = []
    for org in orgs:
        row: dict[str, Any] = dict(per_org.get(org.pk, {}))
        regions.append(
            RegionRow(
                organisation=org,
                applications=row.get("n", 0),
                decided=row.get("decided", 0),
                applied_sek=row.get("applied") or 0,
                granted_sek=row.get("granted") or 0,
                rejected_sek=row.get("rejected") or 0,
                is_demo=bool(row.get("demo")),
            )
        )

    categories = [
        CategoryRow(
            name=row["category__name"] or "Utan kategori",
            slug=row["category__slug"] or "",
            measures=row["n"],
            applied_sek=row["applied"] or 0,
            granted_sek=row["granted"] or 0,
            rejected_sek=row["rejected"] or 0,
            applied_missing=row["applied_missing"],
        )
        for row in Measure.objects.filter(application__in=app_ids)
        .values("category__name", "category__slug", "category__order")
        .annotate(
            n=Count("pk"),
            applied=Sum("applied_sek"),
            applied_missing=Count("pk", filter=Q(applied_sek__isnull=True)),
            granted=Sum("outcome__granted_sek"),
            rejected=Sum("outcome__rejected_sek"),
        )
        .order_by("category__order", Swedish("category__name"))
    ]

    budgets = budgets_for_programme(programme=programme) if programme else []
    paid: dict[int, int] = {}
    planned: dict[int, int] = {}
    for payout_row in (
        Payout.objects.filter(decision__application__in=app_ids)
        .values("year", "status")
        .annotate(total=Sum("amount_sek"))
        .order_by()
    ):
        target = paid if payout_row["status"] == PayoutStatus.PAID else planned
        year = payout_row["year"]
        target[year] = target.get(year, 0) + (payout_row["total"] or 0)
    all_years = set(paid) | set(planned)
    for budget in budgets:
        all_years |= set(range(budget.first_year, budget.last_year + 1))
    years = [
        BudgetYear(
            year=year,
            paid_sek=paid.get(year, 0),
            planned_sek=planned.get(year, 0),
            budgets=[(b, b.amount_sek_per_year if b.covers(year) else None) for b in budgets],
        )
        for year in sorted(all_years)
    ]
    return Portfolio(
        programme=programme,
        filters=filters,
        regions=regions,
        categories=categories,
        years=years,
        budgets=budgets,
    )


def today() -> dt.date:
    return timezone.localdate()


def regions_for_filters() -> QuerySet[Organisation]:
    """The organisations to filter the portfolio by: the regions and any other applicant."""
    applicants = Application.objects.values("applicant")
    return Organisation.objects.filter(
        Q(kind=OrganisationKind.REGION) | Q(pk__in=applicants)
    ).order_by("kind", Swedish("name"))
