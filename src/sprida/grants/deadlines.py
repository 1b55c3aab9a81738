"""When a deadline counts as met, and how its state reads: the one place that decides it.

A deadline is met on the day it is done (`done_on`); a report deadline is done on the day the
first version of the report was submitted, so a correction never moves it. Until then it is
upcoming or, after its last day, overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sprida.grants.models import Deadline, DeadlineKind

REPORT_KINDS = frozenset({DeadlineKind.PROGRESS_REPORT, DeadlineKind.FINAL_REPORT})


@dataclass(frozen=True)
class DeadlineState:
    """How one deadline stands on a given day."""

    done: bool
    overdue: bool
    days: int  # days left (open), or days after the last day it was done (done, may be <= 0)
    label: str
    css: str  # "", "soon", "overdue" or "done"


def deadline_state(
    *, due_on: dt.date, done_on: dt.date | None, kind: str, today: dt.date
) -> DeadlineState:
    if done_on is not None:
        late = (done_on - due_on).days
        submitted = kind in REPORT_KINDS
        if late > 0:
            text = (
                ngettext(
                    "inlämnad %(n)d dag efter sista dag",
                    "inlämnad %(n)d dagar efter sista dag",
                    late,
                )
                if submitted
                else ngettext(
                    "klar %(n)d dag efter sista dag", "klar %(n)d dagar efter sista dag", late
                )
            ) % {"n": late}
        else:
            text = (_("inlämnad %(date)s") if submitted else _("klar %(date)s")) % {
                "date": done_on.isoformat()
            }
        return DeadlineState(True, False, late, text, "done")
    days = (due_on - today).days
    if days < 0:
        text = ngettext("%(n)d dag försenad", "%(n)d dagar försenad", -days) % {"n": -days}
        return DeadlineState(False, True, days, text, "overdue")
    if days == 0:
        return DeadlineState(False, False, 0, _("i dag"), "soon")
    text = ngettext("%(n)d dag kvar", "%(n)d dagar kvar", days) % {"n": days}
    return DeadlineState(False, False, days, text, "soon" if days <= 30 else "")


def state_of(deadline: Deadline, today: dt.date) -> DeadlineState:
    return deadline_state(
        due_on=deadline.due_on, done_on=deadline.done_on, kind=deadline.kind, today=today
    )
