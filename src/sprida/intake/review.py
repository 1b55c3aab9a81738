"""The review form: the proposal as editable fields, and back to schema data on confirm."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sprida.core.formfields import SekField
from sprida.core.forms import ChoicesForUser
from sprida.core.models import Organisation, OrganisationKind
from sprida.intake.models import DocumentType

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
    outcome = forms.ChoiceField(label=_("Beslut"), choices=DECISION_OUTCOMES, required=False)
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


class MeasureForm(BlankRowForm):
    preset = ("outcome",)
    title = forms.CharField(label=_("Åtgärd"), max_length=300)
    outcome = forms.ChoiceField(label=_("Utfall"), choices=OUTCOMES)
    applied_sek = SekField(label=_("Sökt (kr)"), required=False)
    granted_sek = SekField(label=_("Beviljat (kr)"), required=False)
    rejected_sek = SekField(label=_("Avslaget (kr)"), required=False)
    conditions = forms.CharField(
        label=_("Villkor"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ett villkor per rad."),
    )


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


MeasureFormSet = forms.formset_factory(MeasureForm, MeasureRows, extra=1, can_delete=True)
PayoutFormSet = forms.formset_factory(PayoutForm, PayoutRows, extra=1, can_delete=True)
DeadlineFormSet = forms.formset_factory(DeadlineForm, DeadlineRows, extra=1, can_delete=True)


def initial_from(data: dict[str, Any]) -> dict[str, Any]:
    dates = data.get("dates") or {}
    decision = data.get("decision") or {}
    programme = data.get("programme") or {}
    period = programme.get("period") or [None, None]
    regions = data.get("regions") or []
    region = (
        Organisation.objects.filter(org_number=regions[0]["org_number"]).first()
        if regions
        else None
    )
    return {
        "document_type": data.get("document_type"),
        "title": data.get("title") or "",
        "region": region,
        "joint": bool((data.get("application") or {}).get("joint")),
        "case_numbers": ", ".join(data.get("case_numbers") or []),
        "date_document": dates.get("document"),
        "date_submitted": dates.get("application_submitted"),
        "date_decision": dates.get("decision"),
        "date_meeting": dates.get("meeting"),
        "meeting_body": (data.get("meeting") or {}).get("body", ""),
        "outcome": decision.get("outcome") or "",
        "applied_sek": decision.get("applied_sek")
        or (data.get("application") or {}).get("applied_sek"),
        "granted_sek": decision.get("granted_sek"),
        "rejected_sek": decision.get("rejected_sek"),
        "budget_sek_per_year": programme.get("budget_sek_per_year"),
        "period_from": period[0],
        "period_to": period[1],
    }


def forms_for(data: dict[str, Any], post: Any = None, *, user: Any) -> dict[str, Any]:
    measures = [
        {
            **{
                k: m.get(k)
                for k in ("title", "outcome", "applied_sek", "granted_sek", "rejected_sek")
            },
            "conditions": "\n".join(m.get("conditions") or []),
        }
        for m in data.get("measures") or []
    ]
    return {
        "form": ProposalForm(post, initial=initial_from(data), user=user),
        "measures": MeasureFormSet(post, initial=measures, prefix="measures"),
        "payouts": PayoutFormSet(post, initial=data.get("payouts") or [], prefix="payouts"),
        "deadlines": DeadlineFormSet(post, initial=data.get("deadlines") or [], prefix="deadlines"),
    }


def _kept(formset: Any) -> list[dict[str, Any]]:
    return [
        f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def data_from(original: dict[str, Any], forms_: dict[str, Any]) -> dict[str, Any]:
    """The proposal as corrected, in the schema's shape."""
    c = forms_["form"].cleaned_data
    region = c.get("region")
    data = dict(original)
    data["document_type"] = c["document_type"]
    data["title"] = c["title"]
    if region is not None:
        role = (original.get("regions") or [{}])[0].get("role", "applicant")
        others = [
            r for r in original.get("regions") or [] if r.get("org_number") != region.org_number
        ]
        data["regions"] = [
            {"name": region.name, "org_number": region.org_number, "role": role},
            *others,
        ]
    application = dict(original.get("application") or {})
    application["joint"] = bool(c.get("joint"))
    data["application"] = application
    data["case_numbers"] = [
        n.strip() for n in (c.get("case_numbers") or "").split(",") if n.strip()
    ]
    data["dates"] = {
        "document": _iso(c.get("date_document")),
        "meeting": _iso(c.get("date_meeting")),
        "decision": _iso(c.get("date_decision")),
        "application_submitted": _iso(c.get("date_submitted")),
    }
    if c.get("meeting_body"):
        data["meeting"] = {**(original.get("meeting") or {}), "body": c["meeting_body"]}
    if c.get("outcome"):
        data["decision"] = {
            **(original.get("decision") or {}),
            "outcome": c["outcome"],
            "applied_sek": c.get("applied_sek"),
            "granted_sek": c.get("granted_sek"),
            "rejected_sek": c.get("rejected_sek"),
        }
    else:
        data["decision"] = None
    if c.get("budget_sek_per_year") and c.get("period_from") and c.get("period_to"):
        data["programme"] = {
            **(original.get("programme") or {}),
            "budget_sek_per_year": c["budget_sek_per_year"],
            "period": [c["period_from"], c["period_to"]],
        }
    data["measures"] = [
        {
            "title": m["title"],
            "outcome": m["outcome"],
            "applied_sek": m.get("applied_sek"),
            "granted_sek": m.get("granted_sek"),
            "rejected_sek": m.get("rejected_sek"),
            "conditions": [
                line.strip() for line in (m.get("conditions") or "").splitlines() if line.strip()
            ],
        }
        for m in _kept(forms_["measures"])
    ]
    data["payouts"] = [
        {"year": p["year"], "amount_sek": p["amount_sek"]} for p in _kept(forms_["payouts"])
    ]
    data["deadlines"] = [
        {"kind": d["kind"], "due": d["due"].isoformat()} for d in _kept(forms_["deadlines"])
    ]
    return data


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None
