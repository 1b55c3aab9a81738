"""The audit trail as people read it: who changed what, when, from what to what."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from sprida.core.versioning import VERSION_FIELD


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
        return capfirst(str(getattr(model._meta.get_field(name), "verbose_name", name)))
    except Exception:
        return name


class _Readable:
    """A stored value as a person reads it: a choice's label, a related record's name, yes or
    no; never the code or the id. Related records are looked up once per history."""

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        self.related: dict[tuple[type[models.Model], Any], str] = {}

    def __call__(self, name: str, value: Any) -> Any:
        if value is None or value == "":
            return value
        try:
            field = self.model._meta.get_field(name)
        except Exception:
            return value
        if not isinstance(field, models.Field):
            return value
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(field, models.BooleanField):
            return _("Ja") if value else _("Nej")
        if field.is_relation and field.related_model is not None and not field.many_to_many:
            return self._related(field.related_model, value)
        return value

    def _related(self, model: type[models.Model], pk: Any) -> str:
        key = (model, pk)
        if key not in self.related:
            row = model._default_manager.filter(pk=pk).first()
            self.related[key] = str(row) if row is not None else _("borttagen post")
        return self.related[key]


def history_for(obj: models.Model, limit: int = 50) -> list[HistoryEntry]:
    manager = getattr(obj, "history", None)
    if manager is None:
        return []
    records = list(
        manager.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    entries = []
    readable = _Readable(type(obj))
    for newer, older in zip(records, [*records[1:], None], strict=False):
        changes: list[FieldChange] = []
        if older is not None and newer.history_type == "~":
            # The row version moves with every save; it is bookkeeping, not a change to show.
            delta = newer.diff_against(older, excluded_fields=[VERSION_FIELD])
            changes = [
                FieldChange(
                    _label(type(obj), c.field), readable(c.field, c.old), readable(c.field, c.new)
                )
                for c in delta.changes
            ]
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
