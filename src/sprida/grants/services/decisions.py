"""Writes for decisions: outcome per measure, payouts, deadlines and conditions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from sprida.core.access import author, can_change, may_create
from sprida.core.formats import format_sek
from sprida.core.versioning import claim_version
from sprida.grants import rules
from sprida.grants.models import (
    Application,
    ApplicationStatus,
    Condition,
    Deadline,
    DeadlineKind,
    Decision,
    Measure,
    MeasureDecision,
    Outcome,
    Payout,
    PayoutStatus,
)
from sprida.grants.services.base import _refuse, _refuse_unless, _save

# Decisions ---------------------------------------------------------------------------------


@dataclass
class LineData:
    measure: Measure
    outcome: str
    granted_sek: int
    rejected_sek: int | None = None
    share_percent: int | None = None
    reason: str = ""


@dataclass
class PayoutData:
    year: int
    amount_sek: int
    status: str = PayoutStatus.PLANNED
    paid_on: dt.date | None = None


@dataclass
class DecisionData:
    decided_on: dt.date
    outcome: str | None = None  # None: as the lines make it
    applied_sek: int | None = None  # None: the application's total
    granted_sek: int | None = None  # None: the sum of the lines
    rejected_sek: int | None = None  # None: applied − granted, where applied is known
    meeting: str = ""
    chair: str = ""
    rapporteur: str = ""
    case_officer: str = ""
    case_number: str = ""
    reasoning: str = ""
    appealable: bool = False  # 21 § förordningen (2024:1102): as a rule not appealable
    published: bool = True
    lines: list[LineData] = field(default_factory=list)
    payouts: list[PayoutData] = field(default_factory=list)
    implementation_by: dt.date | None = None
    progress_report_by: dt.date | None = None
    final_report_by: dt.date | None = None


def _line_figures(line: LineData) -> rules.LineFigures:
    return rules.LineFigures(
        label=line.measure.title,
        outcome=line.outcome,
        applied_sek=line.measure.applied_sek,
        granted_sek=line.granted_sek,
        rejected_sek=line.rejected_sek,
        share_percent=line.share_percent,
    )


def decision_resolve(application: Application, data: DecisionData) -> DecisionData:
    """Fill in what the given figures imply: totals from the lines, outcome, rejected amount."""
    lines = data.lines
    applied = data.applied_sek if data.applied_sek is not None else application.applied_sek
    granted = data.granted_sek
    if granted is None:
        granted = sum(line.granted_sek for line in lines)
    rejected = data.rejected_sek
    if rejected is None and applied is not None:
        rejected = applied - granted
    outcome = data.outcome or rules.outcome_from_lines([line.outcome for line in lines])
    if outcome is None:
        outcome = (
            Outcome.REJECTED
            if granted == 0
            else Outcome.PARTIALLY_GRANTED
            if rejected
            else Outcome.GRANTED
        )
    return DecisionData(
        **{
            **data.__dict__,
            "applied_sek": applied,
            "granted_sek": granted,
            "rejected_sek": rejected,
            "outcome": outcome,
        }
    )


def decision_findings(application: Application, data: DecisionData) -> list[rules.Finding]:
    """All rule findings for a decision about to be saved (forms show them beside the fields)."""
    data = decision_resolve(application, data)
    assert data.outcome is not None and data.granted_sek is not None
    findings = rules.decision_findings(
        outcome=data.outcome,
        applied_sek=data.applied_sek,
        granted_sek=data.granted_sek,
        rejected_sek=data.rejected_sek,
        lines=[_line_figures(line) for line in data.lines],
        payouts=[(p.year, p.amount_sek) for p in data.payouts],
    )
    seen: set[int] = set()
    for line in data.lines:
        if line.measure.application_id != application.pk:
            findings.append(
                rules.Finding(
                    "foreign_measure",
                    _("Åtgärden ”%(title)s” hör inte till den här ansökan.")
                    % {"title": line.measure},
                )
            )
        if line.measure.pk in seen:
            findings.append(
                rules.Finding(
                    "duplicate_measure",
                    _("Åtgärden ”%(title)s” finns två gånger i beslutet.")
                    % {"title": line.measure},
                )
            )
        seen.add(line.measure.pk)
    for payout in data.payouts:
        if payout.status == PayoutStatus.PAID and payout.paid_on is None:
            findings.append(
                rules.Finding(
                    "paid_without_date",
                    _(
                        "Utbetalningen %(year)s (%(amount)s) är markerad som utbetald men "
                        "saknar datum."
                    )
                    % {"year": payout.year, "amount": format_sek(payout.amount_sek)},
                )
            )
    return findings


def _decision_write(decision: Decision, data: DecisionData, by: Any) -> Decision:
    application = decision.application
    data = decision_resolve(application, data)
    _refuse(decision_findings(application, data))
    for name in (
        "decided_on",
        "outcome",
        "applied_sek",
        "granted_sek",
        "rejected_sek",
        "meeting",
        "chair",
        "rapporteur",
        "case_officer",
        "case_number",
        "reasoning",
        "appealable",
        "published",
    ):
        setattr(decision, name, getattr(data, name))
    _save(decision, by, validate_unique=decision.pk is not None)

    keep = [line.measure.pk for line in data.lines]
    for stale in decision.lines.exclude(measure_id__in=keep):
        stale._history_user = author(by)  # type: ignore[attr-defined]
        stale.delete()
    existing = {line.measure_id: line for line in decision.lines.all()}
    for given in data.lines:
        row = existing.get(given.measure.pk) or MeasureDecision(
            decision=decision, measure=given.measure
        )
        row.outcome = given.outcome
        row.granted_sek = given.granted_sek
        row.rejected_sek = given.rejected_sek
        row.share_percent = given.share_percent
        row.reason = given.reason
        _save(row, by, validate_unique=False)

    years = [p.year for p in data.payouts]
    for stale_payout in decision.payouts.exclude(year__in=years):
        stale_payout._history_user = author(by)  # type: ignore[attr-defined]
        stale_payout.delete()
    payouts = {p.year: p for p in decision.payouts.all()}
    for given_payout in data.payouts:
        payout = payouts.get(given_payout.year) or Payout(decision=decision, year=given_payout.year)
        payout.amount_sek = given_payout.amount_sek
        payout.status = given_payout.status
        payout.paid_on = given_payout.paid_on
        _save(payout, by, validate_unique=False)

    deadlines_sync(
        decision=decision,
        by=by,
        implementation_by=data.implementation_by,
        progress_report_by=data.progress_report_by,
        final_report_by=data.final_report_by,
    )
    if application.status != ApplicationStatus.DECIDED:
        application.status = ApplicationStatus.DECIDED
        _save(application, by)
    return decision


@transaction.atomic
def decision_record(*, by: Any, application: Application, data: DecisionData) -> Decision:
    """Register the delegation's decision; the application becomes decided."""
    _refuse_unless(may_create(by, Decision, application.applicant_id))
    application = Application.objects.select_for_update().get(pk=application.pk)
    if Decision.objects.filter(application=application).exists():
        raise ValidationError(_("Ansökan har redan ett beslut; ändra det i stället."))
    if application.status in {ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN}:
        raise ValidationError(
            _("Ansökan är %(status)s; bara en inlämnad ansökan kan beslutas.")
            % {"status": application.get_status_display().lower()}
        )
    decision = Decision(application=application, decided_on=data.decided_on, granted_sek=0)
    return _decision_write(decision, data, by)


@transaction.atomic
def decision_update(
    *, by: Any, decision: Decision, data: DecisionData, expected_version: int | None = None
) -> Decision:
    """Rewrite a decision with its lines, payouts and deadlines; refused with StaleEditError
    if it was saved after `expected_version`."""
    _refuse_unless(can_change(by, decision))
    decision = (
        Decision.objects.select_for_update().select_related("application").get(pk=decision.pk)
    )
    claim_version(decision, expected_version)
    return _decision_write(decision, data, by)


def decision_data_from(decision: Decision) -> DecisionData:
    """The decision as it stands, e.g. to change one figure and write it back."""
    deadlines = {d.kind: d.due_on for d in decision.deadlines.all()}
    return DecisionData(
        decided_on=decision.decided_on,
        outcome=decision.outcome,
        applied_sek=decision.applied_sek,
        granted_sek=decision.granted_sek,
        rejected_sek=decision.rejected_sek,
        meeting=decision.meeting,
        chair=decision.chair,
        rapporteur=decision.rapporteur,
        case_officer=decision.case_officer,
        case_number=decision.case_number,
        reasoning=decision.reasoning,
        appealable=decision.appealable,
        published=decision.published,
        lines=[
            LineData(
                measure=line.measure,
                outcome=line.outcome,
                granted_sek=line.granted_sek,
                rejected_sek=line.rejected_sek,
                share_percent=line.share_percent,
                reason=line.reason,
            )
            for line in decision.lines.select_related("measure")
        ],
        payouts=[
            PayoutData(year=p.year, amount_sek=p.amount_sek, status=p.status, paid_on=p.paid_on)
            for p in decision.payouts.all()
        ],
        implementation_by=deadlines.get(DeadlineKind.IMPLEMENTATION),
        progress_report_by=deadlines.get(DeadlineKind.PROGRESS_REPORT),
        final_report_by=deadlines.get(DeadlineKind.FINAL_REPORT),
    )


# Deadlines, conditions and payouts ---------------------------------------------------------


def deadlines_sync(
    *,
    decision: Decision,
    by: Any,
    implementation_by: dt.date | None,
    progress_report_by: dt.date | None,
    final_report_by: dt.date | None,
) -> list[Deadline]:
    """Keep the decision's three deadlines as given; a missing date removes its deadline."""
    wanted = {
        DeadlineKind.IMPLEMENTATION: implementation_by,
        DeadlineKind.PROGRESS_REPORT: progress_report_by,
        DeadlineKind.FINAL_REPORT: final_report_by,
    }
    existing = {d.kind: d for d in decision.deadlines.exclude(kind=DeadlineKind.CONDITION)}
    kept = []
    for kind, due_on in wanted.items():
        deadline = existing.get(kind)
        if due_on is None:
            if deadline is not None:
                deadline._history_user = author(by)  # type: ignore[attr-defined]
                deadline.delete()
            continue
        if deadline is None:
            deadline = Deadline(decision=decision, kind=kind, due_on=due_on)
            _save(deadline, by, validate_unique=False)
        elif deadline.due_on != due_on:
            deadline.due_on = due_on
            _save(deadline, by, validate_unique=False)
        kept.append(deadline)
    return kept


@transaction.atomic
def condition_save(
    *,
    by: Any,
    decision: Decision,
    text: str,
    condition: Condition | None = None,
    line: MeasureDecision | None = None,
    due_on: dt.date | None = None,
    fulfilled: bool = False,
    fulfilled_on: dt.date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Condition:
    """Create or change a condition; one with a due date gets its own deadline. A change is
    refused with StaleEditError if the condition was saved after `expected_version`."""
    _refuse_unless(can_change(by, decision))
    if condition is not None:
        claim_version(condition, expected_version)
    if line is not None and line.decision_id != decision.pk:
        raise ValidationError(_("Åtgärden hör inte till det här beslutet."))
    if fulfilled and fulfilled_on is None:
        raise ValidationError(_("Ange när villkoret uppfylldes."))
    if not text.strip():
        raise ValidationError(_("Skriv villkoret."))
    condition = condition or Condition(decision=decision)
    condition.line = line
    condition.text = text.strip()
    condition.due_on = due_on
    condition.fulfilled = fulfilled
    condition.fulfilled_on = fulfilled_on if fulfilled else None
    condition.note = note
    _save(condition, by)
    deadline = Deadline.objects.filter(condition=condition).first()
    if due_on is None:
        if deadline is not None:
            deadline._history_user = author(by)  # type: ignore[attr-defined]
            deadline.delete()
        return condition
    deadline = deadline or Deadline(
        decision=decision, kind=DeadlineKind.CONDITION, condition=condition
    )
    deadline.due_on = due_on
    with translation.override(settings.LANGUAGE_CODE):  # a record's text, not the reader's
        deadline.title = _("Villkor: %(text)s") % {"text": condition.text[:250]}
    deadline.done_on = condition.fulfilled_on
    _save(deadline, by, validate_unique=False)
    return condition


@transaction.atomic
def payout_mark_paid(*, by: Any, payout: Payout, paid_on: dt.date) -> Payout:
    _refuse_unless(can_change(by, payout))
    payout.status = PayoutStatus.PAID
    payout.paid_on = paid_on
    _save(payout, by, validate_unique=False)
    # The decision's edit form shows its payouts: one opened before this must not undo it.
    decision = Decision.objects.select_for_update().get(pk=payout.decision_id)
    decision._history_user = author(by)  # type: ignore[attr-defined]
    reason = _("Utbetalningen för %(year)s markerad som utbetald.") % {"year": payout.year}
    decision._change_reason = reason  # type: ignore[attr-defined]
    decision.save(update_fields=["row_version"])
    return payout


@transaction.atomic
def deadline_mark_done(*, by: Any, deadline: Deadline, done_on: dt.date | None) -> Deadline:
    _refuse_unless(can_change(by, deadline))
    deadline.done_on = done_on
    _save(deadline, by, validate_unique=False)
    return deadline


@transaction.atomic
def report_deadline_meet(
    *, by: Any, decision: Decision, kind: str, submitted_on: dt.date
) -> Deadline | None:
    """A submitted report meets its deadline on the day it was first submitted.

    Called by the report's submission (whoever may submit the report may meet its deadline).
    An earlier date already recorded wins, so a correction keeps the first submission date.
    """
    deadline = decision.deadlines.filter(kind=kind).first()
    if deadline is None or (deadline.done_on is not None and deadline.done_on <= submitted_on):
        return deadline
    deadline.done_on = submitted_on
    _save(deadline, by, validate_unique=False)
    return deadline
