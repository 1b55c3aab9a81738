"""What an edit page shows when its save was refused as stale: who saved in between, when, and
per field what is saved now beside what the person typed (kept in the form, not saved)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.db import models
from django.utils.dateformat import format as date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from sprida.core.formats import format_thousands
from sprida.core.versioning import VERSION_FIELD, StaleEditError


@dataclass
class ConflictRow:
    label: str
    theirs: str
    yours: str


@dataclass
class Conflict:
    saved_by: str
    saved_at: dt.datetime | None
    removed: bool
    rows: list[ConflictRow] = field(default_factory=list)
    saved_by_id: int | None = None  # the template says "you" when it is the person themselves


def saved_values(obj: models.Model, names: Iterable[str]) -> dict[str, Any]:
    """The saved values of a record's fields, as a form's cleaned data would hold them."""
    values: dict[str, Any] = {}
    for name in names:
        if not hasattr(obj, name):
            continue
        value = getattr(obj, name)
        values[name] = list(value.all()) if hasattr(value, "all") else value
    return values


def _normal(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set | models.QuerySet):
        return sorted(_normal(v) for v in value) or None
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip() or None
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def _shown(form_field: forms.Field, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    if isinstance(value, list | tuple | set | models.QuerySet):
        return ", ".join(_shown(form_field, v) for v in value)
    if isinstance(form_field, forms.ChoiceField) and not isinstance(
        form_field, forms.ModelChoiceField
    ):
        return str(dict(form_field.choices).get(value, value))  # type: ignore[arg-type]
    if isinstance(value, int):
        return format_thousands(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()).replace(".", ",")
    return str(value)


def conflict_rows(
    form: forms.BaseForm, saved: Mapping[str, Any], heading: str = ""
) -> list[ConflictRow]:
    """One row per field of `form` whose saved value differs from what the person typed;
    `heading` names the part of a page the form is (e.g. the measure of a decision line)."""
    rows = []
    cleaned = getattr(form, "cleaned_data", {})
    for name, form_field in form.fields.items():
        if name == VERSION_FIELD or name not in saved or name not in cleaned:
            continue
        theirs, yours = saved[name], cleaned[name]
        if _normal(theirs) != _normal(yours):
            label = str(form_field.label or name)
            label = f"{heading}: {label}" if heading else label
            rows.append(ConflictRow(label, _shown(form_field, theirs), _shown(form_field, yours)))
    return rows


Part = tuple[forms.BaseForm, Mapping[str, Any], str]


def conflict_for(error: StaleEditError, form: Any, parts: Iterable[Part]) -> Conflict:
    """The conflict to show; `form` (a CarriesVersion form) now carries the saved version, so
    a second save, after the person has merged, goes through unless someone saved again."""
    current = error.current
    if current is not None:
        form.carry_version(getattr(current, VERSION_FIELD))
    rows = [row for part in parts for row in conflict_rows(*part)]
    return Conflict(error.saved_by, error.saved_at, current is None, rows, error.saved_by_id)


def record_conflict(
    error: StaleEditError, form: Any, extra: Mapping[str, Any] | None = None
) -> Conflict:
    """The conflict for a form that edits one record: its fields against the record now saved
    (`extra` adds saved values for fields that are not the record's own, e.g. per-year rows)."""
    if error.current is None:
        return conflict_for(error, form, [])
    saved = {**saved_values(error.current, form.fields), **(extra or {})}
    return conflict_for(error, form, [(form, saved, "")])


def stale_message(saved_by: str, saved_at: dt.datetime | None) -> str:
    """One sentence saying that someone else saved in between (who and when, where known)."""
    if saved_at is None:
        return _(
            "Någon annan har sparat posten efter att du öppnade den. Ditt förslag är inte sparat."
        )
    when = date_format(localtime(saved_at), "j F Y H:i")
    if saved_by:
        return _(
            "%(who)s sparade posten %(when)s, efter att du öppnade den. Ditt förslag är inte "
            "sparat; jämför med det som nu är sparat och spara igen."
        ) % {"who": saved_by, "when": when}
    return _(
        "Posten sparades %(when)s, efter att du öppnade den. Ditt förslag är inte sparat; "
        "jämför med det som nu är sparat och spara igen."
    ) % {"when": when}
