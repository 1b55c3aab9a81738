"""Reads for the catalogue, adoption, similar measures and collaboration, scoped by user."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from sprida.core.access import restrict
from sprida.core.collation import Swedish
from sprida.core.models import Organisation, Region
from sprida.grants.models import Measure, MeasureCategory
from sprida.spreading.maps import VIEWBOX, MapArea, county_paths
from sprida.spreading.models import (
    Adoption,
    AdoptionStatus,
    CollaborationGroup,
    CollaborationMember,
    MaturityChange,
    Seminar,
    SeminarPresentation,
    Solution,
    SolutionMeasure,
)
from sprida.spreading.similarity import Match, SimilarityDoc, SimilarityIndex

# Fill colours for the map: a light-to-dark blue scale for the way in, grey for stopped.
# Every county also has a dark outline, and the table beside the map carries the same data.
STATUS_FILL: dict[str, str] = {
    "": "#eef0f3",
    AdoptionStatus.INTERESTED: "#c6dbef",
    AdoptionStatus.PLANNING: "#6baed6",
    AdoptionStatus.PILOT: "#2171b5",
    AdoptionStatus.IN_USE: "#08306b",
    AdoptionStatus.DISCONTINUED: "#9a9a9a",
}
STATUS_BADGE: dict[str, str] = {
    AdoptionStatus.INTERESTED: "info",
    AdoptionStatus.PLANNING: "info",
    AdoptionStatus.PILOT: "warn",
    AdoptionStatus.IN_USE: "ok",
    AdoptionStatus.DISCONTINUED: "bad",
}


def solutions_for_user(
    *,
    user: Any,
    maturity: str = "",
    category: str = "",
    solution_type: str = "",
    owner: int | None = None,
) -> QuerySet[Solution]:
    qs = restrict(Solution.objects.all(), user, "view").select_related("owner", "category")
    if maturity:
        qs = qs.filter(maturity=maturity)
    if category:
        qs = qs.filter(category__slug=category)
    if solution_type:
        qs = qs.filter(solution_type=solution_type)
    if owner:
        qs = qs.filter(owner_id=owner)
    visible_adoptions = restrict(Adoption.objects.all(), user, "view")
    return qs.annotate(
        in_use=Count(
            "adoptions",
            filter=Q(adoptions__status=AdoptionStatus.IN_USE, adoptions__in=visible_adoptions),
            distinct=True,
        ),
        adopting=Count(
            "adoptions",
            filter=Q(adoptions__in=visible_adoptions)
            & ~Q(adoptions__status=AdoptionStatus.DISCONTINUED),
            distinct=True,
        ),
    ).order_by(Swedish("title"))


def maturity_counts(solutions: list[Solution]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for solution in solutions:
        counts[solution.maturity] += 1
    return counts


@dataclass
class AdoptionRow:
    region: Organisation
    adoption: Adoption | None

    @property
    def status(self) -> str:
        return self.adoption.status if self.adoption else ""

    @property
    def badge(self) -> str:
        return STATUS_BADGE.get(self.status, "")


def adoption_matrix(*, user: Any, solution: Solution) -> list[AdoptionRow]:
    """All 21 regions, each with its adoption of the solution if the user may see it."""
    visible = {
        a.region_id: a for a in restrict(Adoption.objects.filter(solution=solution), user, "view")
    }
    return [
        AdoptionRow(region, visible.get(region.pk))
        for region in Region.objects.order_by(Swedish("name"))
    ]


def adoption_map(rows: list[AdoptionRow]) -> dict[str, Any]:
    shapes = county_paths()
    areas = []
    for row in rows:
        label = row.adoption.get_status_display() if row.adoption else _("Ingen uppgift")
        areas.append(
            MapArea(
                letter=row.region.county_letter,
                region=row.region.name,
                paths=shapes.get(row.region.county_letter, []),
                fill=STATUS_FILL[row.status],
                label=f"{row.region.name}: {label}",
            )
        )
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.status] += 1
    legend = [
        {"fill": STATUS_FILL[""], "label": _("Ingen uppgift"), "count": counts[""]},
        *(
            {"fill": STATUS_FILL[status], "label": status.label, "count": counts[status]}
            for status in AdoptionStatus
        ),
    ]
    return {"viewbox": VIEWBOX, "areas": areas, "legend": legend}


@dataclass
class LinkedMeasure:
    link: SolutionMeasure
    indicators: list[dict[str, Any]] = field(default_factory=list)


def solution_measures(*, user: Any, solution: Solution) -> list[LinkedMeasure]:
    """The measures linked to the solution that the user may see, with their effects."""
    visible_measures = restrict(Measure.objects.all(), user, "view")
    links = list(
        restrict(SolutionMeasure.objects.filter(solution=solution), user, "view")
        .filter(measure__in=visible_measures)
        .select_related("measure__application__applicant", "measure__category", "measure__outcome")
    )
    result = [LinkedMeasure(link) for link in links]
    effects = _indicator_summaries(user=user, measure_ids=[link.measure_id for link in links])
    for item in result:
        item.indicators = effects.get(item.link.measure_id, [])
    return result


def _indicator_summaries(*, user: Any, measure_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each visible indicator: baseline, latest measurement and change. Empty without effects."""
    if not measure_ids or not apps.is_installed("sprida.effects"):
        return {}
    try:
        from sprida.effects.models import Indicator, Measurement
    except ImportError:
        return {}
    indicators = restrict(Indicator.objects.filter(measure_id__in=measure_ids), user, "view")
    indicators = indicators.prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("period"))
    )
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for indicator in indicators:
        measurements = list(indicator.measurements.all())
        latest = measurements[-1] if measurements else None
        out[indicator.measure_id].append(
            {
                "name": indicator.name,
                "unit": indicator.unit,
                "baseline": indicator.baseline_value,
                "baseline_on": indicator.baseline_on,
                "latest": latest.value if latest else None,
                "latest_on": latest.period if latest else None,
                "change": indicator.change_from_baseline(latest.value if latest else None)
                if hasattr(indicator, "change_from_baseline")
                else None,
                "improved": indicator.is_improvement(latest.value if latest else None)
                if hasattr(indicator, "is_improvement")
                else None,
            }
        )
    return out


def maturity_log(*, user: Any, solution: Solution) -> QuerySet[MaturityChange]:
    return restrict(MaturityChange.objects.filter(solution=solution), user, "view").select_related(
        "changed_by"
    )


def visible_measures(*, user: Any) -> QuerySet[Measure]:
    return restrict(Measure.objects.all(), user, "view").select_related(
        "application__applicant", "category"
    )


def similarity_index(*, user: Any, category: MeasureCategory | None = None) -> SimilarityIndex:
    """An index over the measures the user may see (all categories: phrasing crosses them)."""
    rows = visible_measures(user=user).only(
        "pk", "title", "description", "aim", "application__applicant_id"
    )
    docs = [
        SimilarityDoc(
            id=m.pk,
            group=m.application.applicant_id,
            title=m.title,
            text=f"{m.description}\n{m.aim}",
        )
        for m in rows.select_related(None).select_related("application")
    ]
    return SimilarityIndex(docs)


@dataclass
class SimilarMeasure:
    measure: Measure
    score: float
    terms: list[str]


def similar_measures(*, user: Any, measure: Measure, k: int = 5) -> list[SimilarMeasure]:
    index = similarity_index(user=user)
    matches = index.similar(measure.pk, k)
    return _with_measures(matches)


def _with_measures(matches: list[Match]) -> list[SimilarMeasure]:
    by_id = Measure.objects.select_related("application__applicant", "category").in_bulk(
        [m.id for m in matches]
    )
    return [SimilarMeasure(by_id[m.id], m.score, m.terms) for m in matches if m.id in by_id]


@dataclass
class PartnerRow:
    measure: Measure
    partners: list[SimilarMeasure]


def partners_for_category(*, user: Any, category: MeasureCategory, k: int = 3) -> list[PartnerRow]:
    """For each visible measure of the category, its closest measures in other regions."""
    index = similarity_index(user=user)
    measures = list(
        visible_measures(user=user)
        .filter(category=category)
        .order_by(Swedish("application__applicant__name"), Swedish("title"))
    )
    all_matches = {m.pk: index.similar(m.pk, k) for m in measures}
    wanted = {match.id for matches in all_matches.values() for match in matches}
    by_id = Measure.objects.select_related("application__applicant", "category").in_bulk(wanted)
    return [
        PartnerRow(
            measure,
            [
                SimilarMeasure(by_id[match.id], match.score, match.terms)
                for match in all_matches[measure.pk]
                if match.id in by_id
            ],
        )
        for measure in measures
    ]


def groups_for_user(*, user: Any) -> QuerySet[CollaborationGroup]:
    return (
        restrict(CollaborationGroup.objects.all(), user, "view")
        .select_related("owner", "category", "solution")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=CollaborationMember.objects.select_related("organisation"),
            ),
            Prefetch(
                "measures",
                queryset=restrict(Measure.objects.all(), user, "view").select_related(
                    "application__applicant"
                ),
            ),
        )
    )


def seminars_for_user(*, user: Any) -> QuerySet[Seminar]:
    return (
        restrict(Seminar.objects.all(), user, "view")
        .select_related("organiser", "category")
        .prefetch_related(
            Prefetch(
                "presentations",
                queryset=restrict(SeminarPresentation.objects.all(), user, "view").select_related(
                    "organisation", "measure", "solution"
                ),
            )
        )
    )


def categories_by_similar_measures(
    *, user: Any, titles: list[str], k: int = 5
) -> list[MeasureCategory | None]:
    """For each title, the category most of its closest categorised measures share.

    The titles join the similar-measures index as measures of their own; the k closest measures
    the user may see vote with their similarity score for their category.
    """
    rows = (
        visible_measures(user=user)
        .filter(category__isnull=False)
        .select_related(None)
        .select_related("category")
    )
    categorised = {m.pk: m for m in rows}
    docs = [
        SimilarityDoc(id=m.pk, group=None, title=m.title, text=f"{m.description}\n{m.aim}")
        for m in categorised.values()
    ]
    docs += [SimilarityDoc(id=-n, group=None, title=t, text="") for n, t in enumerate(titles, 1)]
    index = SimilarityIndex(docs)
    result: list[MeasureCategory | None] = []
    for n in range(1, len(titles) + 1):
        votes: dict[int, float] = defaultdict(float)
        chosen: dict[int, MeasureCategory] = {}
        for match in index.similar(-n, k, other_groups=False):
            measure = categorised.get(match.id)
            if measure is not None and measure.category is not None:
                votes[measure.category.pk] += match.score
                chosen[measure.category.pk] = measure.category
        best = max(votes, key=lambda pk: (votes[pk], -pk), default=None)
        result.append(chosen[best] if best is not None else None)
    return result
