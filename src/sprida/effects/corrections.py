"""Correcting and removing follow-up records: statuses, costs, qualitative effects, indicators.

A correction is refused with StaleEditError if the record was saved after `expected_version`.

A removal needs a reason; the history keeps the record as it was and the reason beside it,
so nothing disappears without trace. A submitted report keeps its own copy of the figures.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from sprida.core.access import author
from sprida.core.versioning import claim_version
from sprida.effects.models import (
    Cost,
    CostKind,
    ImplementationStatus,
    Indicator,
    QualitativeEffect,
)
from sprida.effects.services import _require_editor

REASON_MAX = 500


def _save(obj: models.Model, by: Any, *, exclude: list[str] | None = None) -> None:
    obj.full_clean(exclude=exclude)
    obj._history_user = author(by)  # type: ignore[attr-defined]
    obj.save()


@transaction.atomic
def status_update(
    *,
    by: Any,
    status: ImplementationStatus,
    stage: str,
    status_on: dt.date,
    comment: str,
    units: str,
    expected_version: int | None = None,
) -> ImplementationStatus:
    _require_editor(by, status.measure, status.part_id)
    claim_version(status, expected_version)
    status.stage = stage
    status.status_on = status_on
    status.comment = comment.strip()
    status.units = "\n".join(line.strip() for line in units.splitlines() if line.strip())
    _save(status, by)
    return status


@transaction.atomic
def effect_update(
    *,
    by: Any,
    effect: QualitativeEffect,
    observed_on: dt.date,
    category: str,
    statement: str,
    source: str,
    expected_version: int | None = None,
) -> QualitativeEffect:
    _require_editor(by, effect.measure, effect.part_id)
    claim_version(effect, expected_version)
    effect.observed_on = observed_on
    effect.category = category
    effect.statement = statement.strip()
    effect.source = source.strip()
    _save(effect, by)
    return effect


@transaction.atomic
def cost_update(
    *,
    by: Any,
    cost: Cost,
    year: int,
    kind: str,
    description: str,
    amount_sek: int | None = None,
    hours: Decimal | None = None,
    hourly_rate_sek: int | None = None,
    expected_version: int | None = None,
) -> Cost:
    _require_editor(by, cost.measure, cost.part_id)
    claim_version(cost, expected_version)
    if kind == CostKind.INTERNAL:
        if hours is None or not hourly_rate_sek or hours <= 0:
            raise ValidationError(
                _("Egen personal redovisas som timmar × timkostnad: ange båda."), code="staff_cost"
            )
        amount_sek = 0  # derived in Cost.save()
    else:
        if amount_sek is None or amount_sek <= 0:
            raise ValidationError({"amount_sek": _("Ange beloppet i hela kronor, större än noll.")})
        hours = hourly_rate_sek = None
    cost.year, cost.kind, cost.description = year, kind, description.strip()
    cost.amount_sek, cost.hours, cost.hourly_rate_sek = amount_sek, hours, hourly_rate_sek
    _save(cost, by, exclude=["amount_sek"])
    return cost


@transaction.atomic
def record_remove(
    *, by: Any, record: ImplementationStatus | Cost | QualitativeEffect | Indicator, reason: str
) -> None:
    """Remove a follow-up record, keeping it and the reason in its history."""
    _require_editor(by, record.measure, getattr(record, "part_id", None))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv varför posten tas bort.")})
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": _("Skälet får vara högst %(n)d tecken.") % {"n": REASON_MAX}}
        )
    record._history_user = author(by)  # type: ignore[union-attr]
    record._change_reason = reason  # type: ignore[union-attr]
    record.delete()
