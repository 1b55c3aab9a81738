from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sprida.core.forms import ChoicesForUser
from sprida.core.models import Region
from sprida.grants.models import MeasureCategory
from sprida.search.selectors import MAX_QUERY, search_kinds


class SearchForm(ChoicesForUser, forms.Form):
    q = forms.CharField(
        label=_("Sökord"),
        max_length=MAX_QUERY,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Ordens böjningar hittas också: ”taligenkänningen” hittar ”taligenkänning”."),
    )
    kind = forms.MultipleChoiceField(
        label=_("Visa"), required=False, widget=forms.CheckboxSelectMultiple
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False, empty_label=_("Alla")
    )
    category = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=MeasureCategory.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Alla"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = search_kinds()  # type: ignore[attr-defined]
