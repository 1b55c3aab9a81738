"""Forms that offer rows from the database: every choice list goes through core.access."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from sprida.core.access import Who, restrict


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
