"""The review form: every value the records can hold, as editable fields (see review_data)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sprida.core.formfields import SekField
from sprida.core.forms import ChoicesForUser
from sprida.core.models import Organisation, OrganisationKind
from sprida.grants.models import MeasureCategory
from sprida.intake.models import DocumentType
from sprida.intake.record_values import ROLES

OUTCOMES = [
    ("applied", _("Sökt")),
    ("granted", _("Beviljas")),
    ("partially_granted", _("Beviljas delvis")),
    ("rejected", _("Avslås")),
]
DECISION_OUTCOMES = [("", "–"), *OUTCOMES[1:]]
DEADLINE_KINDS = [
    ("implementation", _("Åtgärderna genomförda")),
    ("progress_report", _("Delredovisning")),
    ("final_report", _("Slutredovisning")),
]


class ProposalForm(ChoicesForUser, forms.Form):
    document_type = forms.ChoiceField(label=_("Dokumenttyp"), choices=DocumentType.choices)
    title = forms.CharField(label=_("Rubrik"), max_length=300)
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.REGION),
        required=False,
        empty_label=_("– välj region –"),
    )
    joint = forms.BooleanField(label=_("Regiongemensam ansökan"), required=False)
    case_numbers = forms.CharField(
        label=_("Diarienummer"), required=False, help_text=_("Flera skiljs med kommatecken.")
    )
    date_document = forms.DateField(
        label=_("Dokumentets datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_submitted = forms.DateField(
        label=_("Ansökan inlämnad"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_decision = forms.DateField(
        label=_("Beslutsdatum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_meeting = forms.DateField(
        label=_("Sammanträdesdatum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    meeting_body = forms.CharField(label=_("Beslutande organ"), required=False, max_length=200)
    meeting_paragraphs = forms.CharField(
        label=_("Paragraf"), required=False, max_length=40, help_text=_("T.ex. 107.")
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Deltagande regioner"),
        queryset=Organisation.objects.filter(kind=OrganisationKind.REGION),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("För en regiongemensam ansökan."),
    )
    outcome = forms.ChoiceField(label=_("Beslut"), choices=DECISION_OUTCOMES, required=False)
    appealable = forms.BooleanField(label=_("Beslutet får överklagas"), required=False)
    reasoning = forms.CharField(
        label=_("Skäl för beslutet"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    applied_sek = SekField(label=_("Sökt belopp (kr)"), required=False)
    granted_sek = SekField(label=_("Beviljat belopp (kr)"), required=False)
    rejected_sek = SekField(label=_("Avslaget belopp (kr)"), required=False)
    budget_sek_per_year = SekField(label=_("Programmets budget per år (kr)"), required=False)
    period_from = forms.IntegerField(
        label=_("Period från år"), required=False, min_value=2000, max_value=2100
    )
    period_to = forms.IntegerField(
        label=_("Period till år"), required=False, min_value=2000, max_value=2100
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("region") and not data.get("joint"):
            self.add_error("region", _("Välj vilken region dokumentet gäller."))
        if data.get("document_type") == "decision" and not data.get("date_decision"):
            self.add_error("date_decision", _("Ett beslut behöver ett beslutsdatum."))
        if data.get("joint") and not data.get("participants"):
            self.add_error(
                "participants", _("Välj de regioner som deltar i den regiongemensamma ansökan.")
            )
        return data


class BlankRowForm(forms.Form):
    """A formset row the person left as it came: its preselected choices alone do not count.

    The review form always adds blank rows at the end; an outcome or a kind is preselected in
    them because a select shows its first choice. Such a row is empty and skipped, so nobody
    has to tick "Radera" on it.
    """

    preset: tuple[str, ...] = ()

    def has_changed(self) -> bool:
        return any(name not in {*self.preset, "DELETE"} for name in self.changed_data)


class MeasureForm(ChoicesForUser, BlankRowForm):
    preset = ("outcome",)
    title = forms.CharField(label=_("Åtgärd"), max_length=300)
    outcome = forms.ChoiceField(label=_("Utfall"), choices=OUTCOMES)
    applied_sek = SekField(label=_("Sökt (kr)"), required=False)
    granted_sek = SekField(label=_("Beviljat (kr)"), required=False)
    rejected_sek = SekField(label=_("Avslaget (kr)"), required=False)
    category = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=MeasureCategory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Utan kategori"),
    )
    reason = forms.CharField(
        label=_("Skäl"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ConditionForm(BlankRowForm):
    preset = ("measure",)
    measure = forms.TypedChoiceField(label=_("Åtgärd"), coerce=int, choices=[])
    text = forms.CharField(label=_("Villkor"), widget=forms.Textarea(attrs={"rows": 2}))
    due = forms.DateField(
        label=_("Ska vara uppfyllt senast"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, measure_choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = measure_choices  # type: ignore[attr-defined]


class PersonForm(BlankRowForm):
    preset = ("role",)
    name = forms.CharField(label=_("Namn"), max_length=200)
    role = forms.ChoiceField(label=_("Roll"), choices=ROLES, required=False)
    title = forms.CharField(label=_("Titel"), max_length=200, required=False)


class PayoutForm(BlankRowForm):
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    amount_sek = SekField(label=_("Belopp (kr)"))


class DeadlineForm(BlankRowForm):
    preset = ("kind",)
    kind = forms.ChoiceField(label=_("Tidsfrist"), choices=DEADLINE_KINDS)
    due = forms.DateField(label=_("Senast"), widget=forms.DateInput(attrs={"type": "date"}))


class RowsFormSet(forms.BaseFormSet):
    row_label: Any = _("Rad")


class MeasureRows(RowsFormSet):
    row_label = _("Åtgärd")


class PayoutRows(RowsFormSet):
    row_label = _("Utbetalning")


class DeadlineRows(RowsFormSet):
    row_label = _("Tidsfrist")


class ConditionRows(RowsFormSet):
    row_label = _("Villkor")


class PersonRows(RowsFormSet):
    row_label = _("Person")


MeasureFormSet = forms.formset_factory(MeasureForm, MeasureRows, extra=1, can_delete=True)
PayoutFormSet = forms.formset_factory(PayoutForm, PayoutRows, extra=1, can_delete=True)
DeadlineFormSet = forms.formset_factory(DeadlineForm, DeadlineRows, extra=1, can_delete=True)
ConditionFormSet = forms.formset_factory(ConditionForm, ConditionRows, extra=1, can_delete=True)
PersonFormSet = forms.formset_factory(PersonForm, PersonRows, extra=1, can_delete=True)
