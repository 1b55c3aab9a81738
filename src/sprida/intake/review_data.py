"""The proposal into the review form's initial values, and the reviewed form back to data.

The data keeps the shape of schema sprida.extraction/v1, with what the form adds to it: a
measure's `category` (slug), the people's `role`, the decision's `reasoning` and the chosen
`application.participants` (org numbers). Confirming reads the same keys, whether the data
came from this form or through the API.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from sprida.core.models import Organisation
from sprida.grants.models import MeasureCategory
from sprida.intake.categories import suggested_categories
from sprida.intake.record_values import participants_of, role_of
from sprida.intake.review import (
    ConditionFormSet,
    DeadlineFormSet,
    MeasureFormSet,
    PayoutFormSet,
    PersonFormSet,
    ProposalForm,
)


def initial_from(data: dict[str, Any]) -> dict[str, Any]:
    dates = data.get("dates") or {}
    decision = data.get("decision") or {}
    programme = data.get("programme") or {}
    period = programme.get("period") or [None, None]
    regions = data.get("regions") or []
    meeting = data.get("meeting") or {}
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
        "participants": participants_of(data),
        "case_numbers": ", ".join(data.get("case_numbers") or []),
        "date_document": dates.get("document"),
        "date_submitted": dates.get("application_submitted"),
        "date_decision": dates.get("decision"),
        "date_meeting": dates.get("meeting"),
        "meeting_body": meeting.get("body", ""),
        "meeting_paragraphs": ", ".join(meeting.get("paragraphs") or []),
        "outcome": decision.get("outcome") or "",
        "appealable": bool(decision.get("appealable")),
        "reasoning": decision.get("reasoning") or "",
        "applied_sek": decision.get("applied_sek")
        or (data.get("application") or {}).get("applied_sek"),
        "granted_sek": decision.get("granted_sek"),
        "rejected_sek": decision.get("rejected_sek"),
        "budget_sek_per_year": programme.get("budget_sek_per_year"),
        "period_from": period[0],
        "period_to": period[1],
    }


def _measure_rows(data: dict[str, Any], user: Any) -> list[dict[str, Any]]:
    measures = data.get("measures") or []
    suggested = suggested_categories(
        [m.get("title") or "" for m in measures], list(MeasureCategory.objects.all()), user=user
    )
    rows = []
    for m, suggestion in zip(measures, suggested, strict=True):
        row = {
            k: m.get(k)
            for k in ("title", "outcome", "applied_sek", "granted_sek", "rejected_sek", "reason")
        }
        row["category"] = m.get("category", suggestion.slug if suggestion else None)
        rows.append(row)
    return rows


def _condition_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for number, m in enumerate(data.get("measures") or [], start=1):
        dues = m.get("condition_due_dates") or []
        for index, text in enumerate(m.get("conditions") or []):
            due = dues[index] if index < len(dues) else None
            rows.append({"measure": number, "text": text, "due": due})
    return rows


def forms_for(data: dict[str, Any], post: Any = None, *, user: Any) -> dict[str, Any]:
    measures = data.get("measures") or []
    choices = [(n, f"{n}. {m.get('title') or ''}"[:90]) for n, m in enumerate(measures, 1)]
    choices.append((len(measures) + 1, _("%(n)d. (ny åtgärd)") % {"n": len(measures) + 1}))
    people = [
        {"name": p.get("name"), "role": role_of(p), "title": p.get("title") or ""}
        for p in data.get("people") or []
    ]
    return {
        "form": ProposalForm(post, initial=initial_from(data), user=user),
        "measures": MeasureFormSet(
            post,
            initial=_measure_rows(data, user),
            prefix="measures",
            form_kwargs={"user": user},
        ),
        "conditions": ConditionFormSet(
            post,
            initial=_condition_rows(data),
            prefix="conditions",
            form_kwargs={"measure_choices": choices},
        ),
        "people": PersonFormSet(post, initial=people, prefix="people"),
        "payouts": PayoutFormSet(post, initial=data.get("payouts") or [], prefix="payouts"),
        "deadlines": DeadlineFormSet(post, initial=data.get("deadlines") or [], prefix="deadlines"),
    }


def _kept_forms(formset: Any) -> list[Any]:
    return [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


def _kept(formset: Any) -> list[dict[str, Any]]:
    return [f.cleaned_data for f in _kept_forms(formset)]


def _measure_positions(forms_: dict[str, Any]) -> dict[int, int]:
    """Row number in the form (1, 2, ...) → index among the measures that are kept."""
    kept = _kept_forms(forms_["measures"])
    return {
        number: kept.index(form)
        for number, form in enumerate(forms_["measures"].forms, start=1)
        if form in kept
    }


def cross_check(forms_: dict[str, Any]) -> bool:
    """Errors across formsets, once each is valid: a condition on a measure that is not kept."""
    positions = _measure_positions(forms_)
    ok = True
    for form in _kept_forms(forms_["conditions"]):
        if form.cleaned_data["measure"] not in positions:
            form.add_error(
                "measure",
                _("Åtgärden sparas inte. Välj en annan åtgärd eller ta bort villkoret."),
            )
            ok = False
    return ok


def _regions(original: dict[str, Any], region: Organisation | None) -> list[dict[str, Any]]:
    if region is None:
        return list(original.get("regions") or [])
    role = (original.get("regions") or [{}])[0].get("role", "applicant")
    others = [r for r in original.get("regions") or [] if r.get("org_number") != region.org_number]
    return [{"name": region.name, "org_number": region.org_number, "role": role}, *others]


def _application(original: dict[str, Any], c: dict[str, Any]) -> dict[str, Any]:
    application = dict(original.get("application") or {})
    application["joint"] = bool(c.get("joint"))
    if application["joint"]:
        chosen = sorted(o.org_number for o in c.get("participants") or [])
        application["participants"] = chosen
        application["participating_regions"] = len(chosen)
    return application


def _meeting(original: dict[str, Any], c: dict[str, Any]) -> dict[str, Any] | None:
    paragraphs = [p.strip(" §") for p in (c.get("meeting_paragraphs") or "").split(",")]
    paragraphs = [p for p in paragraphs if p]
    if not c.get("meeting_body") and not paragraphs:
        return original.get("meeting")
    return {
        **(original.get("meeting") or {}),
        "body": c.get("meeting_body") or "",
        "paragraphs": paragraphs,
    }


def _measures(forms_: dict[str, Any]) -> list[dict[str, Any]]:
    measures = [
        {
            "title": m["title"],
            "outcome": m["outcome"],
            "applied_sek": m.get("applied_sek"),
            "granted_sek": m.get("granted_sek"),
            "rejected_sek": m.get("rejected_sek"),
            "category": m["category"].slug if m.get("category") else None,
            "reason": m.get("reason") or None,
            "conditions": [],
            "condition_due_dates": [],
        }
        for m in _kept(forms_["measures"])
    ]
    positions = _measure_positions(forms_)
    for condition in _kept(forms_["conditions"]):
        measure = measures[positions[condition["measure"]]]
        measure["conditions"].append(condition["text"].strip())
        measure["condition_due_dates"].append(_iso(condition.get("due")))
    return measures


def data_from(original: dict[str, Any], forms_: dict[str, Any]) -> dict[str, Any]:
    """The proposal as corrected, in the schema's shape."""
    c = forms_["form"].cleaned_data
    data = dict(original)
    data["document_type"] = c["document_type"]
    data["title"] = c["title"]
    data["regions"] = _regions(original, c.get("region"))
    data["application"] = _application(original, c)
    data["case_numbers"] = [
        n.strip() for n in (c.get("case_numbers") or "").split(",") if n.strip()
    ]
    data["dates"] = {
        "document": _iso(c.get("date_document")),
        "meeting": _iso(c.get("date_meeting")),
        "decision": _iso(c.get("date_decision")),
        "application_submitted": _iso(c.get("date_submitted")),
    }
    data["meeting"] = _meeting(original, c)
    if c.get("outcome"):
        data["decision"] = {
            **(original.get("decision") or {}),
            "outcome": c["outcome"],
            "applied_sek": c.get("applied_sek"),
            "granted_sek": c.get("granted_sek"),
            "rejected_sek": c.get("rejected_sek"),
            "appealable": bool(c.get("appealable")),
            "reasoning": c.get("reasoning") or "",
        }
    else:
        data["decision"] = None
    if c.get("budget_sek_per_year") and c.get("period_from") and c.get("period_to"):
        data["programme"] = {
            **(original.get("programme") or {}),
            "budget_sek_per_year": c["budget_sek_per_year"],
            "period": [c["period_from"], c["period_to"]],
        }
    data["measures"] = _measures(forms_)
    data["people"] = [
        {"name": p["name"].strip(), "title": p.get("title") or None, "role": p.get("role") or ""}
        for p in _kept(forms_["people"])
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
