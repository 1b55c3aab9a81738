"""Forms for grants, validated with Swedish messages. The rules themselves live in `rules.py`;
forms call them so a person sees every problem, with the numbers, before anything is saved."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from sprida.core.collation import Swedish
from sprida.core.formats import format_thousands
from sprida.core.forms import CarriesVersion, ChoicesForUser
from sprida.core.models import Organisation, OrganisationKind
from sprida.grants import rules
from sprida.grants.models import (
    Application,
    Condition,
    Measure,
    MeasureCategory,
    MeasureDecision,
    Outcome,
    PayoutStatus,
    ProgrammeBudget,
)

YEARS = tuple(range(2025, 2031))
_SEPARATORS = re.compile(r"[\s\u00a0\u202f.']")
_UNIT = re.compile(r"\s*(kr|kronor|sek)\.?\s*$", re.IGNORECASE)


def parse_sek(text: str) -> int | None:
    """'34 870 000 kr' → 34870000; '' → None. Raises ValueError for anything else."""
    cleaned = _UNIT.sub("", text.strip())
    if not cleaned:
        return None
    negative = cleaned.startswith(("-", "−"))
    digits = _SEPARATORS.sub("", cleaned.lstrip("-−"))
    if not digits.isdigit():
        raise ValueError(text)
    value = int(digits)
    return -value if negative else value


class SekField(forms.CharField):
    """An amount in whole kronor, written the Swedish way ('5 870 000' or '5870000 kr')."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        )
        super().__init__(*args, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return format_thousands(value).replace("\u00a0", " ")
        return value

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        if isinstance(value, int):
            return value
        text = super().to_python(value)
        try:
            amount = parse_sek(text or "")
        except ValueError:
            raise ValidationError(
                _("”%(value)s” är inget belopp. Skriv hela kronor, till exempel 5 870 000."),
                params={"value": text},
                code="sek",
            ) from None
        if amount is not None and amount < 0:
            raise ValidationError(_("Beloppet kan inte vara negativt."), code="negative")
        return amount


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ApplicationForm(CarriesVersion, forms.ModelForm):
    applied_sek = SekField(
        label=_l("Sökt belopp totalt (kr)"),
        help_text=_l("Det totala belopp som ansökan anger. Lämna tomt om det inte är känt."),
    )

    class Meta:
        model = Application
        fields = [
            "title",
            "applied_sek",
            "submitted_on",
            "economic_analysis",
            "development_needs",
            "region_decision_body",
            "region_decision_date",
            "region_decision_paragraph",
        ]
        widgets = {
            "submitted_on": DateInput(),
            "region_decision_date": DateInput(),
            "economic_analysis": forms.Textarea(attrs={"rows": 4}),
            "development_needs": forms.Textarea(attrs={"rows": 4}),
        }


class ApplicationCreateForm(ChoicesForUser, ApplicationForm):
    applicant = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label=_l("Sökande"), empty_label=None
    )
    joint = forms.BooleanField(
        label=_l("Regiongemensam ansökan"),
        required=False,
        help_text=_l("Sökande är då samordnaren; välj de deltagande regionerna nedan."),
    )
    participants = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.REGION).order_by(
            Swedish("name")
        ),
        required=False,
        label=_l("Deltagande regioner"),
        help_text=_l("(för en regiongemensam ansökan)"),
        widget=forms.CheckboxSelectMultiple,
        # The 21 boxes sit in a fieldset inside a closed disclosure, one tab stop until opened.
        template_name="grants/fields/regions.html",
    )

    class Meta(ApplicationForm.Meta):
        # In the order a person fills them in: what, who (and with whom), then the rest.
        fields = [
            "title",
            "applicant",
            "joint",
            "participants",
            *[name for name in ApplicationForm.Meta.fields if name != "title"],
        ]

    def __init__(self, *args: Any, applicants: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_choices("applicant", applicants)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("joint") and not data.get("participants"):
            self.add_error(
                "participants",
                _("Välj minst en deltagande region för en regiongemensam ansökan."),
            )
        return data


class SubmitForm(forms.Form):
    submitted_on = forms.DateField(
        label=_l("Inlämnad den"),
        widget=DateInput(),
        error_messages={"required": _l("Ange datumet då ansökan lämnades in.")},
    )


class MeasureForm(CarriesVersion, ChoicesForUser, forms.ModelForm):
    applied_sek = SekField(
        label=_l("Sökt belopp (kr)"),
        help_text=_l("Åtgärdens uppskattade kostnad som söks. Lämna tomt om det inte är känt."),
    )

    class Meta:
        model = Measure
        fields = [
            "title",
            "description",
            "category",
            "aim",
            "applied_sek",
            "scope_notes",
            "other_state_funding",
            "other_state_funding_note",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "aim": forms.Textarea(attrs={"rows": 3}),
            "scope_notes": forms.Textarea(attrs={"rows": 2}),
            "other_state_funding_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_choices("category", MeasureCategory.objects.order_by("order", Swedish("name")))
        amounts = (
            {y.year: y.applied_sek for y in self.instance.year_amounts.all()}
            if self.instance.pk
            else {}
        )
        for year in YEARS:
            self.fields[f"year_{year}"] = SekField(
                label=_("Sökt för %(year)s (kr)") % {"year": year}, initial=amounts.get(year)
            )

    def year_fields(self) -> list[forms.BoundField]:
        return [self[f"year_{year}"] for year in YEARS]

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.Meta.fields]

    def year_amounts(self) -> dict[int, int]:
        return {
            year: amount
            for year in YEARS
            if (amount := self.cleaned_data.get(f"year_{year}")) is not None
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for finding in rules.check_year_amounts(
            applied_sek=data.get("applied_sek"), year_amounts=sorted(self.year_amounts().items())
        ):
            self.add_error(None, finding.message)
        return data


OUTCOME_CHOICES = [("", _l("Inte beslutad")), *Outcome.choices]


class DecisionForm(CarriesVersion, forms.Form):
    decided_on = forms.DateField(label=_l("Beslutsdatum"), widget=DateInput())
    outcome = forms.ChoiceField(
        label=_l("Utfall"),
        required=False,
        choices=[("", _l("Enligt åtgärderna")), *Outcome.choices],
    )
    applied_sek = SekField(label=_l("Sökt belopp (kr)"), help_text=_l("Tomt: ansökans belopp."))
    granted_sek = SekField(
        label=_l("Beviljat belopp (kr)"), help_text=_l("Tomt: summan av åtgärderna.")
    )
    rejected_sek = SekField(
        label=_l("Avslaget belopp (kr)"), help_text=_l("Tomt: sökt minus beviljat.")
    )
    meeting = forms.CharField(label=_l("Sammanträde"), required=False, max_length=200)
    chair = forms.CharField(label=_l("Ordförande"), required=False, max_length=200)
    rapporteur = forms.CharField(label=_l("Föredragande"), required=False, max_length=200)
    case_officer = forms.CharField(label=_l("Handläggare"), required=False, max_length=200)
    case_number = forms.CharField(label=_l("Diarienummer"), required=False, max_length=60)
    reasoning = forms.CharField(
        label=_l("Skäl för beslutet"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    published = forms.BooleanField(label=_l("Publicerat"), required=False, initial=True)
    implementation_by = forms.DateField(
        label=_l("Åtgärderna genomförda senast"), required=False, widget=DateInput()
    )
    progress_report_by = forms.DateField(
        label=_l("Delredovisning senast"), required=False, widget=DateInput()
    )
    final_report_by = forms.DateField(
        label=_l("Slutredovisning senast"), required=False, widget=DateInput()
    )


class LineForm(forms.Form):
    outcome = forms.ChoiceField(label=_l("Utfall"), choices=OUTCOME_CHOICES, required=False)
    granted_sek = SekField(label=_l("Beviljat (kr)"))
    rejected_sek = SekField(label=_l("Avslaget (kr)"))
    share_percent = forms.IntegerField(
        label=_l("Andel av sökt belopp (%)"), required=False, min_value=0, max_value=100
    )
    reason = forms.CharField(
        label=_l("Skäl"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, measure: Measure, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.measure = measure

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("outcome"):
            return data
        if data.get("granted_sek") is None:
            if data["outcome"] == Outcome.REJECTED:
                data["granted_sek"] = 0
            elif data["outcome"] == Outcome.GRANTED and self.measure.applied_sek is not None:
                data["granted_sek"] = self.measure.applied_sek
            else:
                self.add_error("granted_sek", _("Ange beviljat belopp för åtgärden."))
        return data


class PayoutForm(forms.Form):
    year = forms.IntegerField(label=_l("År"), required=False, min_value=2000, max_value=2100)
    amount_sek = SekField(label=_l("Belopp (kr)"))
    status = forms.ChoiceField(
        label=_l("Status"), choices=PayoutStatus.choices, initial=PayoutStatus.PLANNED
    )
    paid_on = forms.DateField(label=_l("Utbetald den"), required=False, widget=DateInput())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("year") and data.get("amount_sek") is None:
            self.add_error("amount_sek", _("Ange belopp för %(year)s.") % {"year": data["year"]})
        if data.get("amount_sek") is not None and not data.get("year"):
            self.add_error("year", _("Ange vilket år beloppet betalas ut."))
        return data

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not data.get("year") and data.get("amount_sek") is None


PayoutFormSet = forms.formset_factory(PayoutForm, extra=1)


class ConditionForm(CarriesVersion, ChoicesForUser, forms.ModelForm):
    line = forms.ModelChoiceField(
        queryset=MeasureDecision.objects.none(),
        required=False,
        label=_l("Gäller åtgärd"),
        empty_label=_l("Hela beslutet"),
    )

    class Meta:
        model = Condition
        fields = ["text", "line", "due_on", "fulfilled", "fulfilled_on", "note"]
        widgets = {
            "due_on": DateInput(),
            "fulfilled_on": DateInput(),
            "text": forms.Textarea(attrs={"rows": 3}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, decision: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["line"]
        self.limit_choices("line", decision.lines.select_related("measure"))
        field.label_from_instance = lambda line: line.measure.title  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("fulfilled") and not data.get("fulfilled_on"):
            self.add_error("fulfilled_on", _("Ange när villkoret uppfylldes."))
        return data


class BudgetForm(forms.ModelForm):
    amount_sek_per_year = SekField(label=_l("Belopp per år (kr)"), required=True)

    class Meta:
        model = ProgrammeBudget
        fields = ["first_year", "last_year", "amount_sek_per_year", "source", "source_date", "note"]
        widgets = {"source_date": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and last < first:
            self.add_error(
                "last_year",
                _("Slutåret %(last)s ligger före startåret %(first)s.")
                % {"last": last, "first": first},
            )
        return data
