"""The content of a progress or final report, drafted from the records.

One structure feeds the page, the print view, the DOCX and the XLSX, so they cannot disagree.
A submitted report keeps this structure as JSON, so its figures stay as they were sent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from django.db.models import Prefetch
from django.utils import timezone

from sprida.effects.grant_use import overspend_sek, remaining_sek, remaining_text, unused_sek
from sprida.effects.models import (
    BenefitType,
    ChangeNotification,
    CostKind,
    Direction,
    EffectCategory,
    Frequency,
    FulfilmentStage,
    ImplementationStage,
    Indicator,
    Report,
    ReportKind,
    ReportStatus,
)
from sprida.effects.parts import PartBlock, part_blocks, part_organisations
from sprida.grants.models import Condition, DeadlineKind, Decision, MeasureDecision, Outcome

GRANTED = (Outcome.GRANTED, Outcome.PARTIALLY_GRANTED)
DEADLINE_FOR = {
    ReportKind.PROGRESS: DeadlineKind.PROGRESS_REPORT,
    ReportKind.FINAL: DeadlineKind.FINAL_REPORT,
}


@dataclass
class StatusEntry:
    stage: str
    stage_label: str
    status_on: dt.date
    comment: str
    units: list[str]


@dataclass
class MeasurementRow:
    period: dt.date
    value: Decimal
    comment: str


@dataclass
class IndicatorBlock:
    name: str
    definition: str
    unit: str
    direction_label: str
    baseline_value: Decimal
    baseline_on: dt.date
    target_value: Decimal | None
    target_on: dt.date | None
    data_source: str
    frequency_label: str
    responsible: str
    benefit_type_label: str
    kolada_kpi: str
    measurements: list[MeasurementRow]
    latest_value: Decimal | None
    latest_period: dt.date | None
    change_percent: Decimal | None


@dataclass
class EffectRow:
    observed_on: dt.date
    category_label: str
    statement: str
    source: str
    part: str = ""  # whose part of a joint application


@dataclass
class CostRow:
    year: int
    kind: str
    kind_label: str
    description: str
    hours: Decimal | None
    hourly_rate_sek: int | None
    amount_sek: int
    documents: int
    part: str = ""  # whose part of a joint application


@dataclass
class YearCost:
    year: int
    external_sek: int = 0
    internal_sek: int = 0
    equipment_sek: int = 0

    @property
    def total_sek(self) -> int:
        return self.external_sek + self.internal_sek + self.equipment_sek


@dataclass
class MeasureBlock:
    measure_id: int
    number: int
    title: str
    category: str
    outcome_label: str
    granted_sek: int
    status: StatusEntry | None
    indicators: list[IndicatorBlock]
    effects: list[EffectRow]
    costs: list[CostRow]
    years: list[YearCost]
    spent_sek: int
    progress_text: str = ""
    measurement_plan_text: str = ""
    results_text: str = ""
    costs_text: str = ""

    @property
    def remaining_sek(self) -> int:
        return remaining_sek(granted_sek=self.granted_sek, used_sek=self.spent_sek)

    @property
    def unused_sek(self) -> int:
        return unused_sek(granted_sek=self.granted_sek, used_sek=self.spent_sek)

    @property
    def overspend_sek(self) -> int:
        return overspend_sek(granted_sek=self.granted_sek, used_sek=self.spent_sek)

    @property
    def remaining_text(self) -> str:
        return remaining_text(granted_sek=self.granted_sek, used_sek=self.spent_sek)


@dataclass
class PayoutRow:
    year: int
    amount_sek: int
    status_label: str


@dataclass
class ConditionRow:
    """A condition of the decision with the region's fulfilment and evidence."""

    text: str
    measure: str
    due_on: dt.date | None
    stage: str
    stage_label: str
    evidence: str
    files: list[str]
    acknowledged_on: dt.date | None = None
    acknowledgement: str = ""


@dataclass
class ChangeRow:
    """A change notification and the delegation's answer, as the report states them."""

    filed_on: dt.date
    measure: str
    what: str
    why: str
    cost_effect: str
    schedule_effect: str
    effects_effect: str
    outcome_label: str = ""
    answer: str = ""
    answered_on: dt.date | None = None


@dataclass
class ReportContent:
    kind: str
    kind_label: str
    version: int
    status: str
    status_label: str
    region: str
    org_number: str
    application_title: str
    case_number: str
    decided_on: dt.date
    granted_sek: int
    due_on: dt.date | None
    generated_on: dt.date
    measures: list[MeasureBlock]
    payouts: list[PayoutRow]
    years: list[YearCost]
    summary: str = ""
    deviations: str = ""
    collaboration: str = ""
    is_demo: bool = False
    submitted_on: dt.date | None = None
    submitted_by: str = ""
    submitted_at: str = ""  # "YYYY-MM-DD HH:MM", Stockholm time
    changes: list[ChangeRow] = dataclasses.field(default_factory=list)
    conditions: list[ConditionRow] = dataclasses.field(default_factory=list)
    parts: list[PartBlock] = dataclasses.field(default_factory=list)  # a joint application's

    @property
    def is_final(self) -> bool:
        return self.kind == ReportKind.FINAL

    @property
    def spent_sek(self) -> int:
        return sum(block.spent_sek for block in self.measures)

    @property
    def measures_granted_sek(self) -> int:
        return sum(block.granted_sek for block in self.measures)

    @property
    def remaining_sek(self) -> int:
        return remaining_sek(granted_sek=self.measures_granted_sek, used_sek=self.spent_sek)

    @property
    def unused_sek(self) -> int:
        """Left to use over all measures (an overspend on one does not fill another's gap)."""
        return sum(block.unused_sek for block in self.measures)

    @property
    def overspend_sek(self) -> int:
        return sum(block.overspend_sek for block in self.measures)

    @property
    def parts_unrecorded(self) -> list[str]:
        """The parts of a joint application with nothing recorded yet."""
        return [part.organisation for part in self.parts if not part.recorded]

    @property
    def paid_sek(self) -> int:
        return sum(p.amount_sek for p in self.payouts)


def _label(choices: Any, value: str) -> str:
    return str(choices(value).label) if value else ""


def _indicator_block(indicator: Indicator) -> IndicatorBlock:
    measurements = [
        MeasurementRow(m.period, m.value, m.comment) for m in indicator.measurements.all()
    ]
    latest = measurements[-1] if measurements else None
    latest_value = latest.value if latest else None
    return IndicatorBlock(
        name=indicator.name,
        definition=indicator.definition,
        unit=indicator.unit,
        direction_label=_label(Direction, indicator.direction),
        baseline_value=indicator.baseline_value,
        baseline_on=indicator.baseline_on,
        target_value=indicator.target_value,
        target_on=indicator.target_on,
        data_source=indicator.data_source,
        frequency_label=_label(Frequency, indicator.frequency),
        responsible=indicator.responsible,
        benefit_type_label=_label(BenefitType, indicator.benefit_type),
        kolada_kpi=indicator.kolada_kpi,
        measurements=measurements,
        latest_value=latest_value,
        latest_period=latest.period if latest else None,
        change_percent=indicator.change_from_baseline(latest_value),
    )


def year_costs(costs: list[CostRow]) -> list[YearCost]:
    years: dict[int, YearCost] = {}
    for cost in costs:
        year = years.setdefault(cost.year, YearCost(cost.year))
        attribute = {
            CostKind.EXTERNAL: "external_sek",
            CostKind.INTERNAL: "internal_sek",
            CostKind.EQUIPMENT: "equipment_sek",
        }[CostKind(cost.kind)]
        setattr(year, attribute, getattr(year, attribute) + cost.amount_sek)
    return [years[y] for y in sorted(years)]


def measure_lines(decision: Decision) -> list[MeasureDecision]:
    """The granted measures of a decision with every record a report needs, in a fixed number of
    queries."""
    return list(
        decision.lines.filter(outcome__in=GRANTED)
        .select_related("measure__category")
        .prefetch_related(
            "measure__implementation_statuses",
            Prefetch(
                "measure__indicators",
                queryset=Indicator.objects.prefetch_related("measurements"),
            ),
            "measure__qualitative_effects",
            "measure__costs__documents",
        )
        .order_by("measure__position", "measure__pk")
    )


def report_content(
    decision: Decision, kind: str, report: Report | None = None, *, today: dt.date | None = None
) -> ReportContent:
    """Draft the report from the records (a submitted report is read from its snapshot)."""
    if report is not None and report.is_submitted and report.snapshot:
        return content_from_json(report.snapshot)
    sections = {s.measure_id: s for s in report.sections.all()} if report else {}
    application = decision.application
    lines = measure_lines(decision)
    organisations = part_organisations(application, [line.measure for line in lines])
    names = {o.pk: o.name for o in organisations}
    blocks = []
    for number, line in enumerate(lines, start=1):
        measure = line.measure
        # The measure's status is the applicant's (in a joint application, the coordinator's);
        # the participants' statuses are in their parts.
        statuses = measure.implementation_statuses.all()  # newest first (Meta.ordering)
        current = next((s for s in statuses if s.part_id == application.applicant_id), None)
        costs = [
            CostRow(
                c.year,
                c.kind,
                _label(CostKind, c.kind),
                c.description,
                c.hours,
                c.hourly_rate_sek,
                c.amount_sek,
                len(c.documents.all()),
                names.get(c.part_id, ""),
            )
            for c in measure.costs.all()
        ]
        section = sections.get(measure.pk)
        blocks.append(
            MeasureBlock(
                measure_id=measure.pk,
                number=number,
                title=measure.title,
                category=measure.category.name if measure.category else "",
                outcome_label=_label(Outcome, line.outcome),
                granted_sek=line.granted_sek,
                status=StatusEntry(
                    current.stage,
                    _label(ImplementationStage, current.stage),
                    current.status_on,
                    current.comment,
                    current.unit_list,
                )
                if current
                else None,
                indicators=[_indicator_block(i) for i in measure.indicators.all()],
                effects=[
                    EffectRow(
                        e.observed_on,
                        _label(EffectCategory, e.category),
                        e.statement,
                        e.source,
                        names.get(e.part_id, ""),
                    )
                    for e in measure.qualitative_effects.all()
                ],
                costs=costs,
                years=year_costs(costs),
                spent_sek=sum(c.amount_sek for c in costs),
                progress_text=section.progress_text if section else "",
                measurement_plan_text=section.measurement_plan_text if section else "",
                results_text=section.results_text if section else "",
                costs_text=section.costs_text if section else "",
            )
        )
    deadline = next(
        (d for d in decision.deadlines.all() if d.kind == DEADLINE_FOR[ReportKind(kind)]), None
    )
    all_costs = [cost for block in blocks for cost in block.costs]
    return ReportContent(
        kind=kind,
        kind_label=_label(ReportKind, kind),
        version=report.version if report else 1,
        status=report.status if report else ReportStatus.DRAFT,
        status_label=_label(ReportStatus, report.status if report else ReportStatus.DRAFT),
        region=application.applicant.name,
        org_number=application.applicant.org_number or "",
        application_title=application.title,
        case_number=decision.case_number,
        decided_on=decision.decided_on,
        granted_sek=decision.granted_sek,
        due_on=deadline.due_on if deadline else None,
        generated_on=today or timezone.localdate(),
        measures=blocks,
        payouts=[
            PayoutRow(p.year, p.amount_sek, p.get_status_display()) for p in decision.payouts.all()
        ],
        years=year_costs(all_costs),
        summary=report.summary if report else "",
        deviations=report.deviations if report else "",
        collaboration=report.collaboration if report else "",
        is_demo=bool(report.is_demo) if report else False,
        changes=change_rows(decision),
        conditions=condition_rows(decision),
        parts=part_blocks(application, [line.measure for line in lines], organisations),
    )


def condition_rows(decision: Decision) -> list[ConditionRow]:
    rows = []
    conditions = (
        Condition.objects.filter(decision=decision)
        .select_related("line__measure", "fulfilment")
        .prefetch_related("fulfilment__files")
        .order_by("line__measure__position", "due_on", "pk")
    )
    for condition in conditions:
        fulfilment = getattr(condition, "fulfilment", None)
        stage = fulfilment.stage if fulfilment else FulfilmentStage.NOT_STARTED
        rows.append(
            ConditionRow(
                text=condition.text,
                measure=condition.line.measure.title if condition.line else "",
                due_on=condition.due_on,
                stage=stage,
                stage_label=_label(FulfilmentStage, stage),
                evidence=fulfilment.evidence if fulfilment else "",
                files=[f.name for f in fulfilment.files.all()] if fulfilment else [],
                acknowledged_on=condition.fulfilled_on if condition.fulfilled else None,
                acknowledgement=condition.note if condition.fulfilled else "",
            )
        )
    return rows


def change_rows(decision: Decision) -> list[ChangeRow]:
    rows = []
    notifications = ChangeNotification.objects.filter(decision=decision)
    for n in notifications.select_related("measure", "answer").order_by("filed_at", "pk"):
        answer = getattr(n, "answer", None)
        rows.append(
            ChangeRow(
                filed_on=timezone.localdate(n.filed_at),
                measure=n.measure.title if n.measure else "",
                what=n.what,
                why=n.why,
                cost_effect=n.cost_effect,
                schedule_effect=n.schedule_effect,
                effects_effect=n.effects_effect,
                outcome_label=str(answer.get_outcome_display()) if answer else "",
                answer=answer.message if answer else "",
                answered_on=timezone.localdate(answer.answered_at) if answer else None,
            )
        )
    return rows


# JSON round trip: dates as ISO text, decimals as text, so nothing is lost in floats.


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def content_to_json(content: ReportContent) -> dict[str, Any]:
    result = _plain(content)
    assert isinstance(result, dict)
    return result


T = TypeVar("T")


def _typed(kind: Any, value: Any) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        options = [arg for arg in get_args(kind) if arg is not type(None)]
        return _typed(options[0], value)
    if origin is list:
        (inner,) = get_args(kind)
        return [_typed(inner, v) for v in value]
    if dataclasses.is_dataclass(kind):
        return _build(kind, value)  # type: ignore[arg-type]
    if kind is Decimal:
        return Decimal(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    return value


def _build(cls: type[T], data: dict[str, Any]) -> T:
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: _typed(hints[k], v) for k, v in data.items() if k in names})


def content_from_json(data: dict[str, Any]) -> ReportContent:
    return _build(ReportContent, data)


def cost_totals_by_kind(content: ReportContent) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for block in content.measures:
        for cost in block.costs:
            totals[cost.kind] += cost.amount_sek
    return dict(totals)
