"""Confirming a proposal: the reviewed figures become grant records, in one transaction.

A corrected version of a document updates the records the first version made (matched on
the applicant, the document's kind and its key date, case number or title), never duplicates.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sprida.core.access import SYSTEM, may_create
from sprida.core.models import NationalRole, Organisation, OrganisationKind
from sprida.grants import services as grants
from sprida.grants.models import (
    Application,
    ApplicationStatus,
    Decision,
    Measure,
    MeasureCategory,
    Outcome,
    PayoutStatus,
    Programme,
)
from sprida.grants.selectors import programme_default
from sprida.intake.categories import suggested_categories
from sprida.intake.models import Document, DocumentStatus, Proposal
from sprida.intake.record_values import meeting_text, participants_of, people_by_role

_WORD = re.compile(r"\w+")


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _norm(text: str) -> str:
    return " ".join(_WORD.findall((text or "").lower()))


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _norm(a), _norm(b)).ratio()


def applicant_for(data: dict[str, Any]) -> tuple[Organisation, bool]:
    """The organisation that applies: the coordinator for a joint application, else the region."""
    joint = bool((data.get("application") or {}).get("joint"))
    if joint:
        coordinator = Organisation.objects.filter(national_role=NationalRole.COORDINATOR).first()
        if coordinator is not None:
            return coordinator, True
    regions = data.get("regions") or []
    if not regions:
        raise ValidationError(_("Välj vilken region dokumentet gäller innan du bekräftar."))
    region = Organisation.objects.filter(org_number=regions[0].get("org_number")).first()
    if region is None:
        raise ValidationError(
            _("Regionen %(name)s finns inte i registret. Välj en av de 21 regionerna.")
            % {"name": regions[0].get("name")}
        )
    return region, False


def check_may_confirm(user: Any, data: dict[str, Any], applicant: Organisation) -> None:
    if data.get("document_type") == "decision":
        allowed = may_create(user, Decision, applicant.pk)
        message = _("Bara Effektivitetsdelegationen kan bekräfta ett beslut.")
    else:
        allowed = may_create(user, Application, applicant.pk)
        message = _("Du behöver vara redaktör i %(org)s för att bekräfta dokumentet.") % {
            "org": applicant
        }
    if not allowed:
        raise PermissionDenied(message)


def _programme(data: dict[str, Any], document: Document) -> Programme:
    programme = programme_default()
    if programme is None:
        funder = Organisation.objects.get(national_role=NationalRole.FUNDER)
        regulation = (data.get("programme") or {}).get("regulation") or "2024:1102"
        programme = Programme.objects.create(
            name=_("Tillfälligt statsbidrag för en effektiv hälso- och sjukvård"),
            slug="effektiv-halso-och-sjukvard",
            regulation=regulation,
            administering_body=funder,
        )
    figures = data.get("programme") or {}
    amount, period = figures.get("budget_sek_per_year"), figures.get("period")
    if amount and period:
        with translation.override(settings.LANGUAGE_CODE):  # stored text is Swedish
            source = _("%(title)s (dokument %(name)s)") % {
                "title": data.get("title") or document.original_name,
                "name": document.original_name,
            }
        dates = data.get("dates") or {}
        source_date = _date(dates.get("decision") or dates.get("document") or dates.get("meeting"))
        same = programme.budgets.filter(
            first_year=period[0], last_year=period[1], amount_sek_per_year=amount
        )
        # A figure repeated without a date of its own adds nothing; a dated source is kept.
        if source_date is not None:
            same = same.filter(source_date=source_date)
        if not same.exists():
            grants.programme_budget_add(
                by=SYSTEM,
                programme=programme,
                first_year=period[0],
                last_year=period[1],
                amount_sek_per_year=amount,
                source=source[:300],
                source_date=source_date,
            )
    return programme


def _find_application(
    programme: Programme, applicant: Organisation, data: dict[str, Any], document: Document
) -> Application | None:
    candidates = list(
        Application.objects.filter(programme=programme, applicant=applicant).prefetch_related(
            "case_numbers", "documents__proposal"
        )
    )
    dates = data.get("dates") or {}
    cases = set(data.get("case_numbers") or [])
    title = data.get("title") or ""
    kind = data.get("document_type")
    for application in candidates:  # this document, confirmed before
        if application.pk == document.application_id:
            return application
    for application in candidates:  # an earlier version of this same document
        for other in application.documents.all():
            earlier = getattr(other, "proposal", None)
            confirmed = (earlier.confirmed_data or {}) if earlier else {}
            if (
                other.pk != document.pk
                and confirmed.get("document_type") == kind
                and (_similar(confirmed.get("title") or "", title) > 0.9)
            ):
                return application
    submitted = _date(dates.get("application_submitted"))
    for application in candidates:
        if submitted and application.submitted_on == submitted:
            return application
        if cases & {c.number for c in application.case_numbers.all()}:
            return application
    if kind == "decision":
        undecided = [a for a in candidates if a.status == ApplicationStatus.SUBMITTED]
        if len(undecided) == 1:
            return undecided[0]
    return None


def _chosen_category(
    row: dict[str, Any], categories: list[MeasureCategory]
) -> MeasureCategory | None:
    """The category the person chose (by slug; empty for none)."""
    slug = row.get("category")
    if not slug:
        return None
    chosen = next((c for c in categories if c.slug == slug), None)
    if chosen is None:
        raise ValidationError(
            _("Kategorin ”%(slug)s” finns inte. Välj en av åtgärdskategorierna.") % {"slug": slug}
        )
    return chosen


def _upsert_measures(
    application: Application, rows: list[dict[str, Any]], by: Any, *, viewer: Any
) -> list[Measure]:
    """The measures as the rows give them; a category not given is suggested from what
    `viewer` (the person confirming) may see."""
    existing = list(application.measures.all())
    categories = list(MeasureCategory.objects.all())
    suggested = suggested_categories(
        [(row.get("title") or "").strip() for row in rows], categories, user=viewer
    )
    result: list[Measure] = []
    for position, row in enumerate(rows, start=1):
        title = (row.get("title") or "").strip()
        if not title:
            raise ValidationError(_("Åtgärd %(n)d saknar rubrik.") % {"n": position})
        category = (
            _chosen_category(row, categories) if "category" in row else suggested[position - 1]
        )
        applied = row.get("applied_sek")
        if applied is None and row.get("outcome") == Outcome.GRANTED:
            applied = row.get("granted_sek")  # fully granted: the applied amount was granted
        match = max(existing, key=lambda m: _similar(m.title, title), default=None)
        if match is not None and _similar(match.title, title) >= 0.75:
            existing.remove(match)
            fields: dict[str, Any] = {"title": title, "position": position}
            if applied is not None:
                fields["applied_sek"] = applied
            if "category" in row or match.category_id is None:
                fields["category"] = category
            result.append(grants.measure_update(by=by, measure=match, **fields))
        else:
            result.append(
                grants.measure_create(
                    by=by,
                    application=application,
                    title=title,
                    applied_sek=applied,
                    category=category,
                    position=position,
                )
            )
    return result


def _decision_data(data: dict[str, Any], measures: list[Measure]) -> grants.DecisionData:
    figures = data.get("decision") or {}
    dates = data.get("dates") or {}
    decided_on = _date(dates.get("decision"))
    if decided_on is None:
        raise ValidationError(_("Beslutsdatum saknas. Fyll i det innan du bekräftar."))
    deadlines = {d["kind"]: _date(d.get("due")) for d in data.get("deadlines") or []}
    people = people_by_role(data.get("people") or [])
    lines = []
    for measure, row in zip(measures, data.get("measures") or [], strict=True):
        outcome = row.get("outcome") or Outcome.GRANTED
        granted = int(row.get("granted_sek") or 0)
        rejected = row.get("rejected_sek")
        if rejected is None and outcome == Outcome.GRANTED:
            rejected = 0
        share = None
        if measure.applied_sek and outcome == Outcome.PARTIALLY_GRANTED:
            share = round(100 * granted / measure.applied_sek)
        lines.append(
            grants.LineData(
                measure=measure,
                outcome=outcome,
                granted_sek=granted,
                rejected_sek=rejected,
                share_percent=share,
                reason=row.get("reason") or "",
            )
        )
    payouts = [
        grants.PayoutData(
            year=int(p["year"]),
            amount_sek=int(p["amount_sek"]),
            status=PayoutStatus.PAID if index == 0 and p.get("paid") else PayoutStatus.PLANNED,
            paid_on=decided_on if index == 0 and p.get("paid") else None,
        )
        for index, p in enumerate(sorted(data.get("payouts") or [], key=lambda p: p["year"]))
    ]
    return grants.DecisionData(
        decided_on=decided_on,
        outcome=figures.get("outcome"),
        applied_sek=figures.get("applied_sek"),
        granted_sek=figures.get("granted_sek"),
        rejected_sek=figures.get("rejected_sek"),
        meeting=meeting_text(data),
        chair=people.get("chair", ""),
        rapporteur=people.get("rapporteur", ""),
        case_officer=people.get("case_officer", ""),
        reasoning=figures.get("reasoning") or "",
        appealable=bool(figures.get("appealable")),
        case_number=(data.get("case_numbers") or [""])[0],
        lines=lines,
        payouts=payouts,
        implementation_by=deadlines.get("implementation"),
        progress_report_by=deadlines.get("progress_report"),
        final_report_by=deadlines.get("final_report"),
    )


def _conditions(decision: Decision, rows: list[dict[str, Any]], by: Any) -> None:
    """Each measure's conditions with the due date the document gives (none where it gives none)."""
    have = {(c.line_id, c.text): c for c in decision.conditions.all()}
    for row, line in zip(rows, decision.lines.order_by("measure__position"), strict=False):
        dues = row.get("condition_due_dates") or []
        for index, text in enumerate(row.get("conditions") or []):
            due = _date(dues[index]) if index < len(dues) else None
            condition = have.get((line.pk, text.strip()))
            if condition is not None and condition.due_on == due:
                continue
            grants.condition_save(
                by=by,
                decision=decision,
                line=line,
                text=text,
                due_on=due,
                condition=condition,
                fulfilled=condition.fulfilled if condition else False,
                fulfilled_on=condition.fulfilled_on if condition else None,
                note=condition.note if condition else "",
            )


@transaction.atomic
def proposal_confirm(*, by: Any, document: Document, data: dict[str, Any]) -> Application:
    """Create or update the application, measures and decision that `data` describes."""
    started = timezone.now()
    applicant, joint = applicant_for(data)
    check_may_confirm(by, data, applicant)
    programme = _programme(data, document)
    application = _find_application(programme, applicant, data, document)
    dates = data.get("dates") or {}
    submitted = _date(dates.get("application_submitted")) or _date(dates.get("document"))
    meeting = data.get("meeting") or {}
    fields: dict[str, Any] = {}
    if data.get("document_type") != "decision":
        fields["region_decision_body"] = (meeting.get("body") or "")[:200]
        fields["region_decision_paragraph"] = ", ".join(meeting.get("paragraphs") or [])[:40]
        fields["region_decision_date"] = _date(dates.get("meeting"))
    applied = (data.get("decision") or {}).get("applied_sek") or (
        data.get("application") or {}
    ).get("applied_sek")
    if applied:
        fields["applied_sek"] = applied
    if application is None:
        participants = participants_of(data) if joint else []
        title = data.get("title") or document.original_name
        if data.get("document_type") == "decision":
            # The decision names the matter; the application it decides is "Ansökan om …".
            title = re.sub(r"^Beslut om\b", "Ansökan om", title)
        application = grants.application_create(
            by=SYSTEM,
            programme=programme,
            applicant=applicant,
            title=title[:300],
            joint=joint,
            participants=participants,
            status=ApplicationStatus.SUBMITTED,
            submitted_on=submitted,
            is_demo=document.is_demo,
            **{k: v for k, v in fields.items() if v},
        )
    else:
        _application_refresh(application, data, fields)
    case_owner = (
        applicant
        if data.get("document_type") != "decision"
        else (Organisation.objects.filter(national_role=NationalRole.FUNDER).first() or applicant)
    )
    for number in data.get("case_numbers") or []:
        grants.case_number_set(
            by=SYSTEM, application=application, organisation=case_owner, number=number
        )
    decision = Decision.objects.filter(application=application).first()
    if decision is None or data.get("document_type") == "decision":
        measures = _upsert_measures(application, data.get("measures") or [], SYSTEM, viewer=by)
    else:
        measures = []
    if data.get("document_type") == "decision" and data.get("decision"):
        decision_data = _decision_data(data, measures)
        if decision is None:
            decision = grants.decision_record(
                by=SYSTEM, application=application, data=decision_data
            )
        else:
            decision = grants.decision_update(by=SYSTEM, decision=decision, data=decision_data)
        _conditions(decision, data.get("measures") or [], SYSTEM)
    document.application = application
    document.region = applicant if applicant.kind == OrganisationKind.REGION else document.region
    document.status = DocumentStatus.CONFIRMED
    document._history_user = by if getattr(by, "is_authenticated", False) else None  # type: ignore[attr-defined]
    document.save()
    Proposal.objects.filter(document=document).update(
        confirmed_data=data,
        confirmed_by=by if getattr(by, "pk", None) else None,
        confirmed_at=timezone.now(),
    )
    _attribute(by, application, document, started)
    _reindex(application, document)
    return application


def _application_refresh(
    application: Application, data: dict[str, Any], fields: dict[str, Any]
) -> None:
    """A later document's figures, and for a joint application the participants it names."""
    participants = participants_of(data) if application.joint else []
    changed = {o.pk for o in participants} != set(
        application.participants.values_list("pk", flat=True)
    )
    values = {k: v for k, v in fields.items() if v}
    if values or (participants and changed):
        grants.application_update(
            by=SYSTEM,
            application=application,
            participants=participants if participants and changed else None,
            **values,
        )


def _reindex(application: Application, document: Document) -> None:
    """Keep search in step with what this confirmation wrote."""
    from sprida.search.services import search_index

    search_index(kind="application", object_ids=[application.pk])
    search_index(kind="measure", object_ids=application.measures.values_list("pk", flat=True))
    search_index(
        kind="decision",
        object_ids=Decision.objects.filter(application=application).values_list("pk", flat=True),
    )
    search_index(kind="document", object_ids=[document.pk])


def _attribute(by: Any, application: Application, document: Document, since: Any) -> None:
    """Put the confirming person, and the document, on the history rows this confirmation made."""
    if not getattr(by, "is_authenticated", False):
        return
    with translation.override(settings.LANGUAGE_CODE):
        reason = _("Från dokumentet %(name)s") % {"name": document.original_name}
    for model, ids in _touched(application).items():
        model.history.filter(
            id__in=ids,
            history_user__isnull=True,
            history_date__gte=since,
        ).update(history_user=by, history_change_reason=reason)


def _touched(application: Application) -> dict[Any, list[int]]:
    from sprida.grants.models import Condition, Deadline, MeasureDecision, Payout

    touched: dict[Any, list[int]] = {
        Application: [application.pk],
        Measure: list(application.measures.values_list("pk", flat=True)),
    }
    decision = Decision.objects.filter(application=application).first()
    if decision is not None:
        touched[Decision] = [decision.pk]
        touched[MeasureDecision] = list(decision.lines.values_list("pk", flat=True))
        touched[Payout] = list(decision.payouts.values_list("pk", flat=True))
        touched[Deadline] = list(decision.deadlines.values_list("pk", flat=True))
        touched[Condition] = list(decision.conditions.values_list("pk", flat=True))
    return touched
