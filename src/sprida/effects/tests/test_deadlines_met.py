"""A submitted report meets its deadline: pages, panels, counts and reminders agree."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from sprida.effects import selectors, services
from sprida.effects.dashboard import _due_items
from sprida.effects.models import Report
from sprida.grants.deadlines import state_of
from sprida.grants.models import DeadlineKind
from sprida.grants.reminders import reminders_due

# "2 dagar försenad" or a "Försenad" state cell; not "0 försenade" in a page's lead.
LATE = re.compile(r"\d+ dagar? försenad\b|>Försenad<")


def _submit(grant, by) -> Report:
    report = services.report_create(by=by, decision=grant.decision, kind="progress")
    services.report_update(
        by=by,
        report=report,
        narrative={},
        sections={m.pk: {"progress_text": "Pågår."} for m in (grant.fall, grant.speech)},
    )
    return services.report_submit(by=by, report=report)


def _late_by_two(grant) -> dt.date:
    today = timezone.localdate()
    due = today - dt.timedelta(days=2)
    grant.decision.deadlines.filter(kind=DeadlineKind.PROGRESS_REPORT).update(due_on=due)
    return today


def test_submission_meets_the_deadline_and_says_how_late(people, grant) -> None:
    today = _late_by_two(grant)
    _submit(grant, people["editor"])
    deadline = grant.decision.deadlines.get(kind=DeadlineKind.PROGRESS_REPORT)
    assert deadline.done_on == today
    state = state_of(deadline, today + dt.timedelta(days=30))
    assert (state.done, state.overdue) == (True, False)
    assert state.label == "inlämnad 2 dagar efter sista dag"


def test_reminders_stop_once_submitted(people, grant) -> None:
    today = _late_by_two(grant)
    kinds = {r.deadline.kind for r in reminders_due(today=today)}
    assert DeadlineKind.PROGRESS_REPORT in kinds
    _submit(grant, people["editor"])
    kinds = {r.deadline.kind for r in reminders_due(today=today)}
    assert DeadlineKind.PROGRESS_REPORT not in kinds


def test_a_correction_keeps_the_first_submission_date(people, grant) -> None:
    today = _late_by_two(grant)
    first = _submit(grant, people["editor"])
    Report.objects.filter(pk=first.pk).update(submitted_at=timezone.now() - dt.timedelta(days=1))
    grant.decision.deadlines.filter(kind=DeadlineKind.PROGRESS_REPORT).update(
        done_on=today - dt.timedelta(days=1)
    )
    correction = services.report_correct(by=people["editor"], report=first)
    services.report_submit(by=people["editor"], report=correction)
    deadline = grant.decision.deadlines.get(kind=DeadlineKind.PROGRESS_REPORT)
    assert deadline.done_on == today - dt.timedelta(days=1)


def test_a_draft_correction_does_not_make_the_report_overdue_again(people, grant) -> None:
    _late_by_two(grant)
    first = _submit(grant, people["editor"])
    services.report_correct(by=people["editor"], report=first)  # a draft v2 now
    officer_counts = selectors.report_status_counts(user=people["officer"])
    assert officer_counts["overdue"] == 0
    assert officer_counts["submitted"] == 1
    rows = selectors.report_rows(user=people["editor"])
    assert not [i for i in _due_items(rows) if i["kind"] == "progress"]


def test_unsubmitted_late_report_is_counted_overdue(people, grant) -> None:
    _late_by_two(grant)
    services.report_create(by=people["editor"], decision=grant.decision, kind="progress")
    assert selectors.report_status_counts(user=people["officer"])["overdue"] == 1


def test_pages_say_submitted_not_late(client, people, grant) -> None:
    _late_by_two(grant)
    report = _submit(grant, people["editor"])
    services.report_correct(by=people["editor"], report=report)
    for who in ("editor", "officer"):
        client.force_login(people[who])
        for url in (
            "/",
            reverse("effects:overview"),
            reverse("grants:decision", args=[grant.decision.pk]),
            reverse("effects:report", args=[report.pk]),
            reverse("grants:deadlines") + "?klara=1",
        ):
            page = client.get(url).content.decode()
            assert not LATE.search(page), (who, url, LATE.search(page))
        assert (
            "inlämnad 2 dagar efter sista dag"
            in client.get(reverse("grants:decision", args=[grant.decision.pk])).content.decode()
        )
