"""Each organisation's part of a joint application's measures, for the coordinator's report.

In a joint application every participant records its own statuses, costs and qualitative
effects. The report shows each part on its own (the latest status per measure, the costs by
kind, the effects) and the totals per part and measure, which add up to the report's figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sprida.core.collation import swedish_sorted
from sprida.core.models import Organisation
from sprida.effects.models import CostKind, EffectCategory, ImplementationStage
from sprida.grants.models import Application


@dataclass
class PartEffect:
    observed_on: dt.date
    category_label: str
    statement: str
    source: str


@dataclass
class PartMeasure:
    """One part's records on one measure."""

    number: int
    title: str
    stage_label: str = ""
    status_on: dt.date | None = None
    units: list[str] = field(default_factory=list)
    comment: str = ""
    external_sek: int = 0
    internal_sek: int = 0
    equipment_sek: int = 0
    effects: list[PartEffect] = field(default_factory=list)

    @property
    def spent_sek(self) -> int:
        return self.external_sek + self.internal_sek + self.equipment_sek

    @property
    def recorded(self) -> bool:
        return bool(self.stage_label or self.spent_sek or self.effects)


@dataclass
class PartBlock:
    """One organisation's part: the coordinator's own, or a participant's."""

    organisation: str
    coordinator: bool
    measures: list[PartMeasure]

    @property
    def spent_sek(self) -> int:
        return sum(m.spent_sek for m in self.measures)

    @property
    def recorded(self) -> bool:
        return any(m.recorded for m in self.measures)


COST_FIELD = {
    CostKind.EXTERNAL: "external_sek",
    CostKind.INTERNAL: "internal_sek",
    CostKind.EQUIPMENT: "equipment_sek",
}


def _label(choices: Any, value: str) -> str:
    return str(choices(value).label) if value else ""


def _part_measure(number: int, measure: Any, part_id: int) -> PartMeasure:
    """The part's records on the measure (prefetched with the measure, newest status first)."""
    row = PartMeasure(number, measure.title)
    status = next((s for s in measure.implementation_statuses.all() if s.part_id == part_id), None)
    if status is not None:
        row.stage_label = _label(ImplementationStage, status.stage)
        row.status_on, row.units, row.comment = status.status_on, status.unit_list, status.comment
    for cost in measure.costs.all():
        if cost.part_id == part_id:
            name = COST_FIELD[CostKind(cost.kind)]
            setattr(row, name, getattr(row, name) + cost.amount_sek)
    row.effects = [
        PartEffect(e.observed_on, _label(EffectCategory, e.category), e.statement, e.source)
        for e in measure.qualitative_effects.all()
        if e.part_id == part_id
    ]
    return row


def part_organisations(application: Application, measures: list[Any]) -> list[Organisation]:
    """Whose parts there are: the applicant, the participants (in Swedish order) and any former
    participant whose records remain, so that the parts always add up to the whole.

    `measures` are the report's granted measures, their records prefetched."""
    participants = (
        swedish_sorted(
            (o for o in application.participants.all() if o.pk != application.applicant_id),
            key=lambda o: o.name,
        )
        if application.joint
        else []
    )
    known = {application.applicant_id} | {o.pk for o in participants}
    recorded = {
        record.part_id
        for measure in measures
        for records in (
            measure.implementation_statuses.all(),
            measure.costs.all(),
            measure.qualitative_effects.all(),
        )
        for record in records
    }
    former = swedish_sorted(
        Organisation.objects.filter(pk__in=recorded - known) if recorded - known else [],
        key=lambda o: o.name,
    )
    return [application.applicant, *participants, *former]


def part_blocks(
    application: Application, measures: list[Any], organisations: list[Organisation]
) -> list[PartBlock]:
    """Every part of a joint application, the coordinator first; none for a region's own."""
    if not application.joint:
        return []
    return [
        PartBlock(
            organisation=organisation.name,
            coordinator=organisation.pk == application.applicant_id,
            measures=[
                _part_measure(number, measure, organisation.pk)
                for number, measure in enumerate(measures, start=1)
            ],
        )
        for organisation in organisations
    ]
