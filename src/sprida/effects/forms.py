"""Forms for the effects records. Numbers are typed the Swedish way: 12,5 and 1 250 000."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sprida.core.forms import CarriesVersion, ChoicesForUser
from sprida.effects.imports import ParseError, parse_decimal, parse_period
from sprida.effects.models import (
    ChangeOutcome,
    CostKind,
    FulfilmentStage,
    ImplementationStatus,
    Indicator,
    QualitativeEffect,
    Report,
    ReportKind,
)
from sprida.grants.models import Decision, Measure, Outcome

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_SEK = re.compile(r"^\d+$")


def parse_sek(text: str) -> int:
    cleaned = re.sub(r"[\s\u00a0\u202f]|kr$", "", text.strip().lower().removesuffix("kr"))
    if not _SEK.match(cleaned):
        raise forms.ValidationError(
            _("Skriv beloppet i hela kronor med siffror, t.ex. 1 250 000 (inte ”%(text)s”).")
            % {"text": text}
        )
    return int(cleaned)


class SwedishDecimalField(forms.CharField):
    """A decimal typed as 12,5 or 12.5; refuses anything else with a Swedish message."""

    def clean(self, value: Any) -> Decimal | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_decimal(text)
        except ParseError as exc:
            raise forms.ValidationError(str(exc).capitalize() + ".") from exc


class StatusForm(CarriesVersion, forms.ModelForm):
    class Meta:
        model = ImplementationStatus
        fields = ["stage", "status_on", "units", "comment"]
        widgets = {
            "status_on": DATE_INPUT,
            "units": forms.Textarea(attrs={"rows": 3}),
            "comment": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status_on"].initial = timezone.localdate()


class IndicatorForm(CarriesVersion, forms.ModelForm):
    baseline_value = SwedishDecimalField(label=_("baslinje"), max_length=40)
    target_value = SwedishDecimalField(label=_("målvärde"), max_length=40, required=False)

    class Meta:
        model = Indicator
        fields = [
            "name",
            "definition",
            "unit",
            "direction",
            "baseline_value",
            "baseline_on",
            "target_value",
            "target_on",
            "data_source",
            "frequency",
            "responsible",
            "benefit_type",
            "kolada_kpi",
        ]
        widgets = {
            "baseline_on": DATE_INPUT,
            "target_on": DATE_INPUT,
            "definition": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("target_value") is not None and not data.get("target_on"):
            self.add_error("target_on", _("Ange när målvärdet ska vara nått."))
        return data


class MeasurementForm(forms.Form):
    period = forms.CharField(
        label=_("period"),
        max_length=20,
        help_text=_("T.ex. 2026-03-31, 2026-03 (månad), 2026-K1 (kvartal) eller 2026 (år)."),
    )
    value = SwedishDecimalField(label=_("värde"), max_length=40)
    comment = forms.CharField(label=_("kommentar"), required=False, max_length=1000)

    def clean_period(self) -> dt.date:
        try:
            return parse_period(self.cleaned_data["period"])
        except ParseError as exc:
            raise forms.ValidationError(str(exc).capitalize() + ".") from exc


class MeasurementImportForm(forms.Form):
    file = forms.FileField(
        label=_("fil med mätvärden (.csv eller .xlsx)"),
        help_text=_(
            "Kolumnerna period, värde och kommentar. En fil med fel importeras inte alls; "
            "du får veta vilka rader som ska rättas."
        ),
    )


class EffectForm(CarriesVersion, forms.ModelForm):
    class Meta:
        model = QualitativeEffect
        fields = ["observed_on", "category", "statement", "source"]
        widgets = {"observed_on": DATE_INPUT, "statement": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["observed_on"].initial = timezone.localdate()


class CostForm(CarriesVersion, forms.Form):
    year = forms.IntegerField(label=_("år"), min_value=2024, max_value=2035)
    kind = forms.ChoiceField(label=_("kostnadsslag"), choices=CostKind.choices)
    description = forms.CharField(label=_("beskrivning"), max_length=300)
    amount_sek = forms.CharField(
        label=_("belopp (kr)"),
        required=False,
        max_length=30,
        help_text=_("För externa kostnader och utrustning."),
    )
    hours = SwedishDecimalField(
        label=_("timmar"), required=False, max_length=20, help_text=_("För egen personal.")
    )
    hourly_rate_sek = forms.CharField(
        label=_("timkostnad (kr)"),
        required=False,
        max_length=20,
        help_text=_("För egen personal: lön med personalomkostnader per timme."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year

    def clean_amount_sek(self) -> int | None:
        text = self.cleaned_data.get("amount_sek") or ""
        return parse_sek(text) if text.strip() else None

    def clean_hourly_rate_sek(self) -> int | None:
        text = self.cleaned_data.get("hourly_rate_sek") or ""
        return parse_sek(text) if text.strip() else None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == CostKind.INTERNAL:
            if data.get("hours") is None:
                self.add_error("hours", _("Ange antalet timmar för egen personal."))
            if not data.get("hourly_rate_sek"):
                self.add_error("hourly_rate_sek", _("Ange timkostnaden för egen personal."))
        elif data.get("kind") and not data.get("amount_sek"):
            self.add_error("amount_sek", _("Ange beloppet i hela kronor."))
        return data


class CostDocumentForm(forms.Form):
    file = forms.FileField(
        label=_("underlag (PDF, bild, XLSX, DOCX eller CSV)"),
        help_text=_("T.ex. faktura, tidrapport eller avtal som styrker kostnaden."),
    )


class ReportStartForm(forms.Form):
    kind = forms.ChoiceField(choices=ReportKind.choices)


class ReportForm(CarriesVersion, forms.ModelForm):
    class Meta:
        model = Report
        fields = ["summary", "deviations", "collaboration"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}


class SectionForm(forms.Form):
    """The narrative for one measure; which fields show depends on the report's kind."""

    progress_text = forms.CharField(
        label=_("Hur långt genomförandet har kommit"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    measurement_plan_text = forms.CharField(
        label=_("Hur regionen mäter de kvantitativa och kvalitativa effekterna"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    results_text = forms.CharField(
        label=_("Resultat och effekter"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    costs_text = forms.CharField(
        label=_("Kostnader och hur de kan styrkas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        drop = (
            ("results_text", "costs_text")
            if kind == ReportKind.PROGRESS
            else ("progress_text", "measurement_plan_text")
        )
        for name in drop:
            del self.fields[name]


class ChangeNotificationForm(ChoicesForUser, forms.Form):
    measure: forms.ModelChoiceField[Measure] = forms.ModelChoiceField(
        label=_("åtgärd"),
        queryset=Measure.objects.none(),  # set per decision: only its granted measures
        required=False,
        empty_label=_("Hela beslutet"),
    )
    what = forms.CharField(
        label=_("Vad som ändras"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    why = forms.CharField(
        label=_("Varför"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    cost_effect = forms.CharField(
        label=_("Påverkan på kostnaden"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text=_("T.ex. ”ingen” eller ”300 000 kr flyttas från utrustning till personal”."),
    )
    schedule_effect = forms.CharField(
        label=_("Påverkan på tidplanen"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    effects_effect = forms.CharField(
        label=_("Påverkan på de förväntade effekterna"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def __init__(self, *args: Any, decision: Decision, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the decision's granted measures: a change concerns what was granted.
        self.limit_choices(
            "measure",
            Measure.objects.filter(
                outcome__decision=decision,
                outcome__outcome__in=(Outcome.GRANTED, Outcome.PARTIALLY_GRANTED),
            ).order_by("position", "pk"),
        )


class ChangeAnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Svar"), choices=ChangeOutcome.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Meddelande till regionen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )


class FulfilmentForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Hur långt har regionen kommit?"),
        choices=FulfilmentStage.choices,
        widget=forms.RadioSelect,
    )
    evidence = forms.CharField(
        label=_("Underlag"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("T.ex. vilka verksamheter som använder egenmonitorering och sedan när."),
    )


class EvidenceFileForm(forms.Form):
    file = forms.FileField(
        label=_("bilaga (PDF, bild, XLSX, DOCX eller CSV)"),
        help_text=_("T.ex. beslut om införande, protokoll eller uppföljningsrapport."),
    )


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        label=_("Kommentar till regionen"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RemoveForm(forms.Form):
    reason = forms.CharField(
        label=_("Varför tas posten bort?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("T.ex. ”registrerad två gånger” eller ”fakturan hör till en annan åtgärd”."),
    )


def cost_initial(cost: Any) -> dict[str, Any]:
    """A recorded cost as the cost form shows it (amounts typed the Swedish way)."""
    return {
        "year": cost.year,
        "kind": cost.kind,
        "description": cost.description,
        "amount_sek": "" if cost.kind == CostKind.INTERNAL else str(cost.amount_sek),
        "hours": str(cost.hours).replace(".", ",") if cost.hours is not None else "",
        "hourly_rate_sek": str(cost.hourly_rate_sek or ""),
    }
