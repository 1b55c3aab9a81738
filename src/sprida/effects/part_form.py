"""Whose part a new status, cost or effect records: offered beside the record's own form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sprida.core.forms import ChoicesForUser
from sprida.core.models import Organisation


class PartForm(ChoicesForUser, forms.Form):
    """Built with the parts the user may record (`selectors.recordable_parts`). With one part
    there is nothing to choose, so the field is hidden; left empty, the first part is meant."""

    part = forms.ModelChoiceField(
        Organisation.objects.none(),
        label=_("för vems del"),
        required=False,
        empty_label=None,
        help_text=_("Varje deltagare i en regiongemensam ansökan registrerar sin egen del."),
    )

    def __init__(self, *args: Any, parts: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_choices("part", parts)
        field = self.fields["part"]
        first_two = list(field.queryset[:2])  # type: ignore[attr-defined]
        self.only_part = first_two[0] if len(first_two) == 1 else None
        if self.only_part is not None:
            field.widget = forms.HiddenInput()
            field.initial = self.only_part.pk

    def clean_part(self) -> Organisation | None:
        chosen = self.cleaned_data.get("part")
        return chosen or self.fields["part"].queryset.first()  # type: ignore[attr-defined]
