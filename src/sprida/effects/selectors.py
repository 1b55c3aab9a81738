"""Reads for the effects pages, each scoped to what the user may see."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from sprida.core.access import Action, acting_q, actor_for, get_for_user, may_create, restrict
from sprida.core.collation import Swedish, swedish_key
from sprida.core.models import Organisation
from sprida.effects.accounting import Ledger, MeasureFigures, PaidOut, ledger_build
from sprida.effects.models import (
    ChangeNotification,
    ConditionEvidence,
    Cost,
    ImplementationStatus,
    Indicator,
    Measurement,
    QualitativeEffect,
    Report,
    ReportKind,
    ReportStatus,
    TrackedMeasure,
)
from sprida.grants.models import (
    Condition,
    Deadline,
    DeadlineKind,
    Decision,
    Outcome,
    PayoutStatus,
)

GRANTED = (Outcome.GRANTED, Outcome.PARTIALLY_GRANTED)


def _latest_status() -> QuerySet[ImplementationStatus]:
    """The measure's status: the applicant's latest (in a joint application, the coordinator's;
    each participant's own statuses are its part)."""
    return ImplementationStatus.objects.filter(
        measure=OuterRef("pk"), part=OuterRef("application__applicant")
    ).order_by("-status_on", "-pk")


def tracked_measures(*, user: Any, action: Action = "view") -> QuerySet[TrackedMeasure]:
    """Granted measures whose follow-up the user may see, with their current status and spend."""
    spent = (
        Cost.objects.filter(measure=OuterRef("pk"))
        .values("measure")
        .annotate(total=Sum("amount_sek"))
        .values("total")
    )
    indicators = (
        Indicator.objects.filter(measure=OuterRef("pk"))
        .values("measure")
        .annotate(n=Count("pk"))
        .values("n")
    )
    queryset = (
        TrackedMeasure.objects.filter(outcome__outcome__in=GRANTED)
        .select_related("application__applicant", "category", "outcome__decision")
        .annotate(
            current_stage=Subquery(_latest_status().values("stage")[:1]),
            current_status_on=Subquery(_latest_status().values("status_on")[:1]),
            spent_sek=Coalesce(Subquery(spent), 0),
            indicator_count=Coalesce(Subquery(indicators), 0),
        )
        .order_by(
            Swedish("application__applicant__name"), "outcome__decision__decided_on", "position"
        )
    )
    return restrict(queryset, user, action)


def tracked_measure(*, user: Any, pk: int, action: Action = "view") -> TrackedMeasure:
    """One measure with everything its page shows (404 if hidden, 403 if read-only)."""
    queryset = (
        TrackedMeasure.objects.filter(outcome__outcome__in=GRANTED)
        .select_related("application__applicant", "category", "outcome__decision")
        .prefetch_related(
            Prefetch(
                "implementation_statuses",
                queryset=ImplementationStatus.objects.select_related("entered_by", "part"),
            ),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related(
                    Prefetch(
                        "measurements", queryset=Measurement.objects.select_related("entered_by")
                    )
                ),
            ),
            Prefetch("qualitative_effects", QualitativeEffect.objects.select_related("part")),
            Prefetch("costs", Cost.objects.select_related("part").prefetch_related("documents")),
        )
    )
    return get_for_user(queryset, user, action, pk=pk)


def recordable_parts(*, user: Any, measure: Any) -> QuerySet[Organisation]:
    """The organisations whose part of the measure the user may record: the applicant's and, in
    a joint application, each participant's, where the user acts for it. The applicant first."""
    application = measure.application
    parties = Q(pk=application.applicant_id)
    if application.joint:
        parties |= Q(pk__in=application.participants.values("pk"))
    return (
        Organisation.objects.filter(parties)
        .filter(acting_q(user, Cost))
        .annotate(
            coordinator=Case(When(pk=application.applicant_id, then=Value(0)), default=Value(1))
        )
        .order_by("coordinator", Swedish("name"))
    )


def editable_records(*, user: Any, measure: Any) -> dict[str, set[int]]:
    """Per kind of record on the measure page, the records the user may correct or remove."""
    return {
        kind: set(
            restrict(model.objects.filter(measure=measure), user, "change").values_list(
                "pk", flat=True
            )
        )
        for kind, model in (
            ("status", ImplementationStatus),
            ("effect", QualitativeEffect),
            ("cost", Cost),
        )
    }


def indicator_for_user(*, user: Any, pk: int, action: Action = "view") -> Indicator:
    queryset = Indicator.objects.select_related(
        "measure__application__applicant", "measure__outcome"
    ).prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.select_related("entered_by"))
    )
    return get_for_user(queryset, user, action, pk=pk)


def cost_for_user(*, user: Any, pk: int, action: Action = "view") -> Cost:
    queryset = Cost.objects.select_related("measure__application", "measure__outcome")
    return get_for_user(queryset, user, action, pk=pk)


def report_for_user(*, user: Any, pk: int, action: Action = "view") -> Report:
    queryset = Report.objects.select_related(
        "decision__application__applicant", "submitted_by", "created_by"
    ).prefetch_related(
        "sections",
        "decision__deadlines",
        "decision__payouts",
        "decision__application__participants",
    )
    return get_for_user(queryset, user, action, pk=pk)


def decision_for_report(*, user: Any, pk: int) -> Decision:
    queryset = Decision.objects.select_related("application__applicant").prefetch_related(
        "deadlines", "payouts"
    )
    return get_for_user(queryset, user, "view", pk=pk)


@dataclass
class ReportRow:
    """One decision's reporting: each kind's deadline and the versions the user may see."""

    decision: Decision
    progress_due: Deadline | None
    final_due: Deadline | None
    progress: list[Report] = field(default_factory=list)
    final: list[Report] = field(default_factory=list)
    can_write: bool = False

    @property
    def latest_progress(self) -> Report | None:
        return self.progress[0] if self.progress else None

    @property
    def latest_final(self) -> Report | None:
        return self.final[0] if self.final else None

    @property
    def first_progress(self) -> Report | None:
        return _first_submitted(self.progress)

    @property
    def first_final(self) -> Report | None:
        return _first_submitted(self.final)

    @property
    def progress_met(self) -> bool:
        """The progress report is in: its deadline is done, or a version was submitted."""
        return bool((self.progress_due and self.progress_due.done_on) or self.first_progress)

    @property
    def final_met(self) -> bool:
        return bool((self.final_due and self.final_due.done_on) or self.first_final)


def _first_submitted(versions: list[Report]) -> Report | None:
    submitted = [r for r in versions if r.status == ReportStatus.SUBMITTED]
    return min(submitted, key=lambda r: r.version) if submitted else None


def report_rows(*, user: Any) -> list[ReportRow]:
    """Every decision the user sees with granted measures, and the status of its reports."""
    actor = actor_for(user)
    reports = restrict(Report.objects.all(), user).order_by("-version")
    deadlines = Deadline.objects.filter(
        kind__in=[DeadlineKind.PROGRESS_REPORT, DeadlineKind.FINAL_REPORT]
    )
    decisions = restrict(Decision.objects.filter(lines__outcome__in=GRANTED), user)
    if not (actor.is_national or actor.site_admin):
        # Decisions are public; a region's list holds its own and its joint applications.
        orgs = actor.orgs()
        decisions = decisions.filter(
            Q(application__applicant_id__in=orgs) | Q(application__participants__in=orgs)
        )
    decisions = (
        decisions.distinct()
        .select_related("application__applicant")
        .prefetch_related(
            Prefetch("effect_reports", queryset=reports, to_attr="visible_reports"),
            Prefetch("deadlines", queryset=deadlines, to_attr="report_deadlines"),
        )
        .order_by(Swedish("application__applicant__name"), "-decided_on")
    )
    rows = []
    for decision in decisions:
        by_kind = {d.kind: d for d in decision.report_deadlines}
        visible = decision.visible_reports
        rows.append(
            ReportRow(
                decision=decision,
                progress_due=by_kind.get(DeadlineKind.PROGRESS_REPORT),
                final_due=by_kind.get(DeadlineKind.FINAL_REPORT),
                progress=[r for r in visible if r.kind == ReportKind.PROGRESS],
                final=[r for r in visible if r.kind == ReportKind.FINAL],
                can_write=may_create(user, Report, decision.application.applicant_id),
            )
        )
    return rows


def report_versions(*, user: Any, report: Report) -> list[Report]:
    return list(
        restrict(Report.objects.filter(decision=report.decision, kind=report.kind), user)
        .select_related("submitted_by")
        .order_by("-version")
    )


# National effects -------------------------------------------------------------------------------


@dataclass
class RegionValue:
    region: str
    measure: str
    measure_id: int
    baseline: Decimal
    latest: Decimal | None
    latest_period: Any
    target: Decimal | None
    change_percent: Decimal | None
    improved: bool | None


@dataclass
class IndicatorGroup:
    name: str
    unit: str
    kolada_kpi: str
    rows: list[RegionValue] = field(default_factory=list)

    @property
    def region_count(self) -> int:
        return len({row.region for row in self.rows})


@dataclass
class CategoryEffects:
    name: str
    slug: str
    regions_with_measures: int
    groups: list[IndicatorGroup] = field(default_factory=list)


def _group_key(indicator: Indicator) -> tuple[str, str]:
    if indicator.kolada_kpi:
        return ("kolada", indicator.kolada_kpi)
    name = re.sub(r"\s+", " ", indicator.name.strip().lower())
    return (name, indicator.unit.strip().lower())


def national_effects(*, user: Any) -> list[CategoryEffects]:
    """Indicators by measure category across regions: the same effect, region by region."""
    latest = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-period")
    indicators = (
        restrict(Indicator.objects.filter(measure__outcome__outcome__in=GRANTED), user)
        .select_related("measure__application__applicant", "measure__category")
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_period=Subquery(latest.values("period")[:1]),
        )
        .order_by(
            "measure__category__order",
            Swedish("name"),
            Swedish("measure__application__applicant__name"),
        )
    )
    regions_per_category: dict[int | None, set[int]] = defaultdict(set)
    for category_id, applicant_id in tracked_measures(user=user).values_list(
        "category_id", "application__applicant_id"
    ):
        regions_per_category[category_id].add(applicant_id)

    categories: dict[int | None, CategoryEffects] = {}
    groups: dict[tuple[int | None, tuple[str, str]], IndicatorGroup] = {}
    for indicator in indicators:
        measure = indicator.measure
        category = measure.category
        key = category.pk if category else None
        if key not in categories:
            categories[key] = CategoryEffects(
                name=category.name if category else "Utan kategori",
                slug=category.slug if category else "",
                regions_with_measures=len(regions_per_category.get(key, ())),
            )
        group_key = (key, _group_key(indicator))
        if group_key not in groups:
            groups[group_key] = IndicatorGroup(indicator.name, indicator.unit, indicator.kolada_kpi)
            categories[key].groups.append(groups[group_key])
        value = indicator.latest_value
        groups[group_key].rows.append(
            RegionValue(
                region=measure.application.applicant.name,
                measure=measure.title,
                measure_id=measure.pk,
                baseline=indicator.baseline_value,
                latest=value,
                latest_period=indicator.latest_period,
                target=indicator.target_value,
                change_percent=indicator.change_from_baseline(value),
                improved=indicator.is_improvement(value),
            )
        )
    for effects in categories.values():
        effects.groups.sort(key=lambda g: (-g.region_count, swedish_key(g.name)))
    return list(categories.values())


def report_status_counts(*, user: Any, rows: list[ReportRow] | None = None) -> dict[str, int]:
    """For the delegation's start page: how many decisions have which progress-report status."""
    rows = report_rows(user=user) if rows is None else rows
    counts = {"decisions": len(rows), "submitted": 0, "missing": 0, "overdue": 0}
    today = timezone.localdate()
    for row in rows:
        # A correction in draft does not undo the submission: the first one met the deadline.
        if row.progress_met:
            counts["submitted"] += 1
        else:
            counts["missing"] += 1
            if row.progress_due and row.progress_due.due_on < today:
                counts["overdue"] += 1
    return counts


# Grant accounting -------------------------------------------------------------------------------


def _follow_up_visible(user: Any, decisions: QuerySet[Decision]) -> QuerySet[Decision]:
    """Decisions whose follow-up (costs, statuses) the user may see: the region's own members,
    joint participants and the national roles, never another region's members."""
    visible = restrict(TrackedMeasure.objects.filter(outcome__outcome__in=GRANTED), user)
    return decisions.filter(pk__in=visible.values("outcome__decision"))


def decision_for_accounting(*, user: Any, pk: int) -> Decision:
    queryset = _follow_up_visible(
        user, Decision.objects.select_related("application__applicant")
    ).prefetch_related("deadlines", "payouts")
    return get_for_user(queryset, user, "view", pk=pk)


def decisions_for_accounting(*, user: Any, region: Any) -> list[Decision]:
    queryset = _follow_up_visible(
        user, restrict(Decision.objects.filter(application__applicant=region), user)
    )
    return list(
        queryset.select_related("application__applicant")
        .prefetch_related("deadlines", "payouts")
        .order_by("decided_on", "pk")
    )


def decision_ledger(*, user: Any, decision: Decision, today: Any = None) -> Ledger:
    """The decision's ledger from its records: granted lines, paid payouts, recorded costs."""
    lines = list(
        decision.lines.filter(outcome__in=GRANTED)
        .select_related("measure")
        .order_by("measure__position", "measure__pk")
    )
    costs: dict[int, dict[int, int]] = defaultdict(dict)
    for measure_id, year, total in (
        restrict(Cost.objects.filter(measure__outcome__decision=decision), user)
        .values_list("measure_id", "year")
        .annotate(total=Sum("amount_sek"))
        .order_by()
    ):
        costs[measure_id][year] = total
    paid = [
        PaidOut(payout.paid_on.year if payout.paid_on else payout.year, payout.amount_sek)
        for payout in decision.payouts.all()
        if payout.status == PayoutStatus.PAID
    ]
    implementation = next(
        (d.due_on for d in decision.deadlines.all() if d.kind == DeadlineKind.IMPLEMENTATION), None
    )
    planned_years = [p.year for p in decision.payouts.all()]
    return ledger_build(
        measures=[
            MeasureFigures(
                line.measure_id, line.measure.title, line.granted_sek, costs[line.measure_id]
            )
            for line in lines
        ],
        paid=paid,
        first_year=min([decision.decided_on.year, *planned_years]),
        last_year=max(
            [decision.decided_on.year, *planned_years]
            + ([implementation.year] if implementation else [])
        ),
        implementation_due=implementation,
        today=today or timezone.localdate(),
    )


# Change notifications ---------------------------------------------------------------------------


def change_notifications(
    *, user: Any, decision: Decision | None = None
) -> QuerySet[ChangeNotification]:
    queryset = restrict(ChangeNotification.objects.all(), user)
    if decision is not None:
        queryset = queryset.filter(decision=decision)
    return queryset.select_related(
        "decision__application__applicant", "measure", "filed_by", "answer__answered_by"
    ).order_by("-filed_at", "-pk")


def change_notification_for_user(*, user: Any, pk: int) -> ChangeNotification:
    queryset = ChangeNotification.objects.select_related(
        "decision__application__applicant", "measure", "filed_by", "answer__answered_by"
    )
    return get_for_user(queryset, user, "view", pk=pk)


def decision_for_change(*, user: Any, pk: int) -> Decision:
    """A decision the user may file a change for: visible follow-up of their own region."""
    queryset = _follow_up_visible(user, Decision.objects.select_related("application__applicant"))
    return get_for_user(queryset, user, "view", pk=pk)


# Conditions -------------------------------------------------------------------------------------


def condition_for_user(*, user: Any, pk: int) -> Condition:
    """A condition with the region's fulfilment, for those who may see the follow-up."""
    decisions = _follow_up_visible(user, Decision.objects.all())
    queryset = (
        Condition.objects.filter(decision__in=decisions)
        .select_related("decision__application__applicant", "line__measure")
        .prefetch_related("fulfilment__files")
    )
    return get_for_user(queryset, user, "view", pk=pk)


def evidence_for_user(*, user: Any, pk: int) -> ConditionEvidence:
    return get_for_user(ConditionEvidence.objects.all(), user, "view", pk=pk)


@dataclass
class RemovedRecord:
    when: Any
    who: Any
    kind: str
    what: str
    reason: str


def removed_records(*, measure: TrackedMeasure) -> list[RemovedRecord]:
    """What was removed from the measure's follow-up, from the history, with the reasons.

    The caller has already opened the measure for the user, so its history is theirs to read.
    """
    removed: list[RemovedRecord] = []
    for model, label in (
        (ImplementationStatus, _("Status")),
        (QualitativeEffect, _("Kvalitativ effekt")),
        (Cost, _("Kostnad")),
        (Indicator, _("Indikator")),
    ):
        history = model.history.filter(measure_id=measure.pk, history_type="-").select_related(
            "history_user"
        )
        for record in history:
            removed.append(
                RemovedRecord(
                    record.history_date,
                    record.history_user,
                    str(label),
                    str(record.instance),
                    record.history_change_reason or "",
                )
            )
    return sorted(removed, key=lambda r: r.when, reverse=True)
