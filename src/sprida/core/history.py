"""The audit trail as people read it: who changed what, when, from what to what."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass
class HistoryEntry:
    when: Any
    who: Any
    kind: str  # "+", "~", "-"
    reason: str
    changes: list[FieldChange]


def _label(model: type[models.Model], name: str) -> str:
    try:
        return str(getattr(model._meta.get_field(name), "verbose_name", name))
    except Exception:
        return name


def history_for(obj: models.Model, limit: int = 50) -> list[HistoryEntry]:
    manager = getattr(obj, "history", None)
    if manager is None:
        return []
    records = list(
        manager.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    entries = []
    for newer, older in zip(records, [*records[1:], None], strict=False):
        changes: list[FieldChange] = []
        if older is not None and newer.history_type == "~":
            delta = newer.diff_against(older)
            changes = [FieldChange(_label(type(obj), c.field), c.old, c.new) for c in delta.changes]
        entries.append(
            HistoryEntry(
                when=newer.history_date,
                who=newer.history_user,
                kind=newer.history_type,
                reason=newer.history_change_reason or "",
                changes=changes,
            )
        )
    return entries[:limit]
