"""Forms that offer rows from the database: every choice list goes through core.access."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from sprida.core.access import Who, restrict
from sprida.core.versioning import VERSION_FIELD


class ChoicesForUser:
    """Mixin for a form that lists database rows: it is built for one user (`user=`) and every
    ModelChoiceField and ModelMultipleChoiceField lists only the rows that user may see, whatever
    queryset the field was declared with. A form narrows a list further with `limit_choices`,
    which restricts again, so no list can widen past what the user may see.

    Put it before the Django form class: `class MyForm(ChoicesForUser, forms.Form)`.
    """

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, user: Who, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                field.queryset = restrict(field.queryset, user)

    def limit_choices(self, name: str, queryset: models.QuerySet[Any]) -> None:
        """Offer `queryset` in field `name`, less any row the user may not see."""
        self.fields[name].queryset = restrict(queryset, self.user)  # type: ignore[attr-defined]


class HiddenWithoutId(forms.HiddenInput):
    """A hidden input nothing points at: without an id, forms that share a page never repeat one."""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("id", None)
        return context


class CarriesVersion:
    """Mixin for an edit form: the record's row version as it was loaded, in a hidden field.

    A ModelForm takes it from its instance; another form is given `version=`. After cleaning,
    `loaded_version` holds it (None when a form without it was posted) and `cleaned_data` does
    not. Put it first: `class MyForm(CarriesVersion, forms.ModelForm)`.
    """

    fields: dict[str, forms.Field]
    data: Any
    loaded_version: int | None = None

    def __init__(self, *args: Any, version: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if version is None and instance is not None and instance.pk is not None:
            version = getattr(instance, VERSION_FIELD)
        self.fields[VERSION_FIELD] = forms.IntegerField(
            widget=HiddenWithoutId, required=False, min_value=1, initial=version
        )

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}  # type: ignore[misc]
        self.loaded_version = data.pop(VERSION_FIELD, None)
        return data

    def carry_version(self, version: int) -> None:
        """After a refused save: keep what the person typed, now against `version`."""
        data = self.data.copy()
        data[self.add_prefix(VERSION_FIELD)] = str(version)  # type: ignore[attr-defined]
        self.data = data
