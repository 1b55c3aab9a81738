"""The Django admin's change pages for records with a row version: no lost updates there either.

The change form carries the version it showed (as `seen_version`: a form may not name the
model's own non-editable `row_version`). A save from a version someone else has saved since is
refused on the form with who and when, and the input is kept; the save itself claims the next
version from the one seen, as the services do.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from sprida.core.conflicts import stale_message
from sprida.core.versioning import VERSION_FIELD, claim_version, last_saved


class VersionCheckedAdminForm(forms.ModelForm):
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["seen_version"].initial = getattr(self.instance, VERSION_FIELD)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seen = data.get("seen_version")
        if self.instance.pk is None or seen is None:
            return data
        current = type(self.instance)._base_manager.filter(pk=self.instance.pk).first()
        if current is not None and getattr(current, VERSION_FIELD) != seen:
            raise ValidationError(stale_message(*last_saved(current)), code="stale")
        return data


class VersionCheckedAdmin(SimpleHistoryAdmin):
    form = VersionCheckedAdminForm

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        if change:
            claim_version(obj, form.cleaned_data.get("seen_version"))
        super().save_model(request, obj, form, change)
