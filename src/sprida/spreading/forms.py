from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sprida.core.forms import CarriesVersion, ChoicesForUser
from sprida.core.models import Organisation, Region
from sprida.grants.models import MeasureCategory
from sprida.spreading.models import AdoptionStatus, Maturity, MeasureRole, Solution, SolutionType


class DateInput(forms.DateInput):
    input_type = "date"


class CatalogueFilterForm(ChoicesForUser, forms.Form):
    maturity = forms.ChoiceField(
        label=_("Mognadsgrad"), choices=[("", _("Alla")), *Maturity.choices], required=False
    )
    solution_type = forms.ChoiceField(
        label=_("Typ"), choices=[("", _("Alla")), *SolutionType.choices], required=False
    )
    category = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=MeasureCategory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla"),
    )


class SolutionForm(CarriesVersion, ChoicesForUser, forms.ModelForm):
    class Meta:
        model = Solution
        fields = [
            "owner",
            "title",
            "summary",
            "description",
            "solution_type",
            "category",
            "needs_systems",
            "needs_staff",
            "needs_data",
            "setup_cost_sek",
            "yearly_cost_sek",
            "cost_notes",
            "licence",
            "procurement_form",
            "published",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args: Any, owners: list[Organisation] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        owner_field = self.fields["owner"]
        if owners is not None:
            self.limit_choices("owner", Organisation.objects.filter(pk__in=[o.pk for o in owners]))
        if self.instance.pk:
            owner_field.disabled = True
        for name in ("setup_cost_sek", "yearly_cost_sek"):
            self.fields[name].widget.attrs.update({"min": 0, "step": 1})


class MaturityForm(forms.Form):
    to = forms.ChoiceField(label=_("Ny mognadsgrad"), choices=Maturity.choices)
    note = forms.CharField(
        label=_("Kommentar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Krävs när mognadsgraden sänks."),
    )


class AdoptionForm(ChoicesForUser, forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all())
    status = forms.ChoiceField(label=_("Status"), choices=AdoptionStatus.choices)
    since = forms.DateField(label=_("Sedan"), widget=DateInput, initial=timezone.localdate)
    started_on = forms.DateField(label=_("Började"), widget=DateInput, required=False)
    contact_name = forms.CharField(label=_("Kontaktperson"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Kontaktens e-post"), required=False)
    note = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, regions: list[Organisation], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.limit_choices("region", Region.objects.filter(pk__in=[r.pk for r in regions]))


class LinkMeasureForm(forms.Form):
    measure = forms.IntegerField(label=_("Åtgärdens nummer"), min_value=1)
    role = forms.ChoiceField(label=_("Roll"), choices=MeasureRole.choices)


class CollaborationForm(ChoicesForUser, forms.Form):
    title = forms.CharField(label=_("Gruppens namn"), max_length=200)
    description = forms.CharField(
        label=_("Vad ni vill göra tillsammans"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    owner = forms.ModelChoiceField(label=_("Sammankallande"), queryset=Organisation.objects.none())
    members = forms.ModelMultipleChoiceField(
        label=_("Regioner att bjuda in"),
        queryset=Region.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    published = forms.BooleanField(label=_("Synlig för alla"), required=False)

    def __init__(self, *args: Any, owners: list[Organisation], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.limit_choices("owner", Organisation.objects.filter(pk__in=[o.pk for o in owners]))
