"""Every error on a page's forms as one list, for the error summary at the top of a form.

Each entry links to the field it is about (its id), so a person can go straight to it; errors
that belong to no field (a formset's or a form's own, or a service's refusal) have no link.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FormError:
    message: str
    target: str = ""  # the id of the field, without "#"


def _target(field: forms.BoundField) -> str:
    """The id to go to: the input, or the first option of a group of radios or checkboxes."""
    if field.id_for_label:
        return field.id_for_label
    if isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0" if field.auto_id else ""
    return field.auto_id or ""


def _form_errors(form: forms.BaseForm, row: str = "") -> Iterator[FormError]:
    prefix = f"{row}: " if row else ""
    for message in form.non_field_errors():
        yield FormError(f"{prefix}{message}")
    for name, messages in form.errors.items():
        if name == NON_FIELD_ERRORS or name not in form.fields:
            continue
        field = form[name]
        label = f"{prefix}{field.label}" if field.label else prefix.rstrip(": ")
        for message in messages:
            text = f"{label}: {message}" if label else str(message)
            yield FormError(text, _target(field))


def _formset_errors(formset: forms.BaseFormSet) -> Iterator[FormError]:
    for message in formset.non_form_errors():
        yield FormError(str(message))
    row_label = getattr(formset, "row_label", None) or _("Rad")
    for number, form in enumerate(formset.forms, start=1):
        if formset.can_delete and getattr(form, "cleaned_data", {}).get("DELETE"):
            continue  # a row being removed is not checked
        yield from _form_errors(form, f"{row_label} {number}")


def _flatten(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        if item is None or item == "":
            continue
        if isinstance(item, dict):
            yield from _flatten(item.values())
        elif isinstance(item, list | tuple):
            yield from _flatten(item)
        else:
            yield item


def form_errors(*items: Any) -> list[FormError]:
    """The errors of forms and formsets (alone, in lists or dicts) and of plain messages."""
    found: list[FormError] = []
    for item in _flatten(items):
        if isinstance(item, forms.BaseFormSet):
            if item.is_bound:
                found += _formset_errors(item)
        elif isinstance(item, forms.BaseForm):
            if item.is_bound:
                found += _form_errors(item)
        else:
            found.append(FormError(str(item)))
    return found
