"""Forms for the dossiers, the questionnaire, adoption and the working groups (Swedish labels)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sprida.core.collation import Swedish
from sprida.core.forms import CarriesVersion, ChoicesForUser
from sprida.core.models import Organisation
from sprida.enablement import aiact
from sprida.enablement.models import (
    AdoptionApproval,
    AdoptionDeviation,
    BenefitKind,
    CheckStatus,
    DossierVersion,
    EffectKind,
    GroupMember,
    LocalEffect,
    MemberRole,
    ReviewDecision,
    SectionKind,
    WorkingGroup,
)
from sprida.enablement.services.dossiers import VERSION_FIELDS
from sprida.grants.models import MeasureCategory
from sprida.spreading.models import Solution

MONTH_FORMATS = ["%Y-%m", "%Y-%m-%d"]


class MonthInput(forms.DateInput):
    input_type = "month"

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            return value.strftime("%Y-%m")
        return super().format_value(value)


def month_field(label: Any, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=MonthInput(), input_formats=MONTH_FORMATS, **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"


class DossierForm(ChoicesForUser, forms.Form):
    title = forms.CharField(label=_("Namn"), max_length=200)
    slug = forms.SlugField(
        label=_("Kortnamn i adressen"), max_length=80, help_text=_("T.ex. ai-taligenkanning")
    )
    category = forms.ModelChoiceField(
        label=_("Tillämpningstyp"), queryset=MeasureCategory.objects.all(), required=False
    )
    purpose = forms.CharField(label=_("Syfte"), widget=forms.Textarea(attrs={"rows": 4}))
    solutions = forms.ModelMultipleChoiceField(
        label=_("Lösningar i katalogen"),
        queryset=Solution.objects.order_by(Swedish("title")),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contact_name = forms.CharField(label=_("Kontaktperson"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("E-post till kontakt"), required=False)


class VersionForm(CarriesVersion, forms.ModelForm):
    class Meta:
        model = DossierVersion
        fields = list(VERSION_FIELDS)
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in VERSION_FIELDS
            if name
            not in {
                "health_data",
                "processing_location",
                "mdr_class",
                "security_class",
                "dpia_status",
            }
        }


class BenefitForm(forms.Form):
    kind = forms.ChoiceField(label=_("Slag av nytta"), choices=BenefitKind.choices)
    description = forms.CharField(label=_("Nytta"), max_length=300)
    hours_per_year = forms.DecimalField(
        label=_("Sparade timmar per år"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        localize=True,
    )
    hourly_cost_sek = forms.IntegerField(
        label=_("Kostnad per timme (kr)"), required=False, min_value=1
    )
    amount_sek = forms.IntegerField(
        label=_("Undvikna kostnader per år (kr)"), required=False, min_value=1
    )
    assumption = forms.CharField(
        label=_("Antagande"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RiskForm(forms.Form):
    SCALE = [(n, str(n)) for n in range(1, 5)]
    title = forms.CharField(label=_("Risk"), max_length=300)
    description = forms.CharField(
        label=_("Beskrivning"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    likelihood = forms.TypedChoiceField(label=_("Sannolikhet (1–4)"), choices=SCALE, coerce=int)
    consequence = forms.TypedChoiceField(label=_("Konsekvens (1–4)"), choices=SCALE, coerce=int)
    mitigation = forms.CharField(
        label=_("Åtgärd"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    owner = forms.CharField(label=_("Riskägare"), max_length=200, required=False)


class TrainingForm(forms.Form):
    title = forms.CharField(label=_("Utbildning"), max_length=300)
    audience = forms.CharField(label=_("Målgrupp"), max_length=300)
    length_minutes = forms.IntegerField(label=_("Längd (minuter)"), min_value=1)
    material = forms.CharField(
        label=_("Material"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


ITEM_FORMS: dict[str, type[forms.Form]] = {
    "benefit": BenefitForm,
    "risk": RiskForm,
    "training": TrainingForm,
}


def _choices(mapping: Mapping[str, str | Promise]) -> list[tuple[str, str | Promise]]:
    return list(mapping.items())


class AIActForm(forms.Form):
    """The questionnaire; every answer is kept as given (see aiact.Answers)."""

    prohibited_practices = forms.MultipleChoiceField(
        label=_("1. Förbjudna metoder (art. 5). Gör systemet något av detta?"),
        choices=_choices(aiact.PROHIBITED_PRACTICES),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    annex_i_legislation = forms.ChoiceField(
        label=_(
            "2. Produktlagstiftning i bilaga I. Är systemet en produkt, eller "
            "säkerhetskomponent i en produkt, som omfattas av"
        ),
        choices=_choices(aiact.ANNEX_I_LEGISLATION),
        widget=forms.RadioSelect,
        initial=aiact.ANNEX_I_NONE,
    )
    mdr_class = forms.ChoiceField(
        label=_("Riskklass enligt MDR"), choices=_choices(aiact.MDR_CLASSES), required=False
    )
    ivdr_class = forms.ChoiceField(
        label=_("Riskklass enligt IVDR"), choices=_choices(aiact.IVDR_CLASSES), required=False
    )
    other_notified_body = forms.BooleanField(
        label=_("Annan lagstiftning i bilaga I: krävs bedömning av tredje part (anmält organ)?"),
        required=False,
    )
    annex_iii_areas = forms.MultipleChoiceField(
        label=_("3. Områden i bilaga III. Används systemet inom något av dessa?"),
        choices=_choices(aiact.ANNEX_III_AREAS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    profiling = forms.BooleanField(
        label=_("Profilerar systemet fysiska personer? (Då gäller inga undantag i art. 6.3.)"),
        required=False,
    )
    exceptions = forms.MultipleChoiceField(
        label=_(
            "4. Undantag i art. 6.3 (bara för område i bilaga III). Varje undantag "
            "kräver en skriftlig motivering nedan."
        ),
        choices=_choices(aiact.EXCEPTIONS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    transparency = forms.MultipleChoiceField(
        label=_("5. Transparenskrav (art. 50). Gäller något av detta?"),
        choices=_choices(aiact.TRANSPARENCY_DUTIES),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in aiact.EXCEPTIONS.items():
            self.fields[f"justification_{key}"] = forms.CharField(
                label=_("Motivering för %(exception)s") % {"exception": str(label).split(" – ")[0]},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @classmethod
    def initial_from(cls, answers: aiact.Answers) -> dict[str, Any]:
        data = answers.to_dict()
        justifications = data.pop("justifications", {})
        for key, text in justifications.items():
            data[f"justification_{key}"] = text
        return data

    def to_answers(self) -> aiact.Answers:
        data = self.cleaned_data
        return aiact.Answers(
            prohibited_practices=list(data["prohibited_practices"]),
            annex_i_legislation=data["annex_i_legislation"],
            mdr_class=data.get("mdr_class") or "",
            ivdr_class=data.get("ivdr_class") or "",
            other_notified_body=bool(data.get("other_notified_body")),
            annex_iii_areas=list(data["annex_iii_areas"]),
            exceptions=list(data["exceptions"]),
            justifications={
                key: data.get(f"justification_{key}", "").strip()
                for key in aiact.EXCEPTIONS
                if data.get(f"justification_{key}", "").strip()
            },
            profiling=bool(data.get("profiling")),
            transparency=list(data["transparency"]),
        )


class CheckForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Bedömning"), choices=[("", "–"), *CheckStatus.choices], required=False
    )
    note = forms.CharField(
        label=_("Hur kravet uppfylls"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SubmitForm(ChoicesForUser, forms.Form):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Granskande regioner"),
        queryset=Organisation.objects.filter(kind="region").order_by(Swedish("name")),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Minst en annan region eller samordnaren ska godkänna versionen."),
    )


class ReviewForm(ChoicesForUser, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Granskar för"), queryset=Organisation.objects.none()
    )
    decision = forms.ChoiceField(label=_("Ställningstagande"), choices=ReviewDecision.choices)
    section = forms.ChoiceField(
        label=_("Avsnitt"),
        choices=[("", _("Hela underlaget")), *SectionKind.choices],
        required=False,
    )
    comment = forms.CharField(
        label=_("Kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.limit_choices("organisation", organisations)


class AdoptForm(ChoicesForUser, forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Organisation.objects.none())
    adopted_on = forms.DateField(label=_("Antaget"), widget=DateInput())
    local_contact = forms.CharField(label=_("Lokal kontakt"), max_length=200, required=False)
    local_notes = forms.CharField(
        label=_("Lokala förutsättningar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, regions: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if regions is not None:
            self.limit_choices("region", regions)


class DeviationForm(forms.ModelForm):
    class Meta:
        model = AdoptionDeviation
        fields = ["section", "description", "reason"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "reason": forms.Textarea(attrs={"rows": 2}),
        }


class ApprovalForm(forms.ModelForm):
    class Meta:
        model = AdoptionApproval
        fields = ["kind", "approved_on", "approved_by", "reference", "note"]
        widgets = {"approved_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}


class GroupForm(ChoicesForUser, forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "slug", "purpose", "dossiers"]
        widgets = {"dossiers": forms.CheckboxSelectMultiple}


class MemberForm(ChoicesForUser, forms.Form):
    username = forms.CharField(label=_("Användarnamn"), max_length=150)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("kind", Swedish("name"))
    )
    role = forms.ChoiceField(label=_("Roll"), choices=MemberRole.choices)


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Datum"), widget=DateInput())
    title = forms.CharField(label=_("Rubrik"), max_length=200)
    notes = forms.CharField(
        label=_("Minnesanteckningar"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class TimeForm(ChoicesForUser, forms.Form):
    membership = forms.ModelChoiceField(
        label=_("Person och arbetsgrupp"), queryset=GroupMember.objects.none()
    )
    month = month_field(_("Månad"))
    hours = forms.CharField(
        label=_("Timmar"), max_length=10, help_text=_("T.ex. 7,5 – högst två decimaler.")
    )
    note = forms.CharField(label=_("Anteckning"), max_length=300, required=False)

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_choices("membership", members)
        self.fields["membership"].label_from_instance = (  # type: ignore[attr-defined]
            lambda m: f"{m.person} ({m.organisation}) – {m.group}"
        )


class EffectForm(ChoicesForUser, forms.ModelForm):
    class Meta:
        model = LocalEffect
        fields = [
            "organisation",
            "recorded_on",
            "kind",
            "title",
            "description",
            "group",
            "dossier",
            "hours_saved",
        ]
        widgets = {"recorded_on": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(
        self,
        *args: Any,
        organisations: Any = None,
        groups: Any = None,
        dossiers: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = EffectKind.choices  # type: ignore[attr-defined]
        if organisations is not None:
            self.limit_choices("organisation", organisations)
        if groups is not None:
            self.limit_choices("group", groups)
        if dossiers is not None:
            self.limit_choices("dossier", dossiers)
        self.fields["hours_saved"].localize = True
        self.fields["hours_saved"].widget.is_localized = True


class PeriodForm(ChoicesForUser, forms.Form):
    start = month_field(_("Från månad"))
    end = month_field(_("Till och med månad"))
    group = forms.ModelChoiceField(
        label=_("Arbetsgrupp"),
        queryset=WorkingGroup.objects.none(),
        required=False,
        empty_label=_("Alla grupper"),
    )

    def __init__(self, *args: Any, groups: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if groups is not None:
            self.limit_choices("group", groups)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(
                _("Från-månaden %(start)s ligger efter till-månaden %(end)s.")
                % {"start": start.strftime("%Y-%m"), "end": end.strftime("%Y-%m")}
            )
        return data
