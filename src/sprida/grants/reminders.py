"""Deadline reminders by e-mail: 30 days ahead, 7 days ahead and when overdue, each once.

A `ReminderSent` row is written in the same transaction as the mail is sent; its unique
(deadline, stage) constraint keeps two runs, even on two machines, from sending it twice.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from sprida.accounts.models import Membership
from sprida.core.access import Role
from sprida.grants import rules
from sprida.grants.models import Deadline, ReminderSent

HORIZON_DAYS = 30


@dataclass
class Reminder:
    deadline: Deadline
    stage: str
    days_left: int
    recipients: list[str] = field(default_factory=list)
    already_sent: bool = False

    @property
    def organisation_name(self) -> str:
        return self.deadline.decision.application.applicant.name

    def subject(self) -> str:
        if self.stage == "overdue":
            return _("Försenad: %(what)s, senast %(due)s (%(org)s)") % self._parts()
        return _("Påminnelse: %(what)s senast %(due)s (%(org)s)") % self._parts()

    def body(self) -> str:
        parts = self._parts()
        if self.days_left < 0:
            when = _("Tidsfristen gick ut för %(n)s dagar sedan.") % {"n": -self.days_left}
        else:
            when = _("Det är %(n)s dagar kvar.") % {"n": self.days_left}
        return "\n\n".join(
            [
                _("%(what)s ska vara klar senast %(due)s.") % parts,
                when,
                _("Ansökan: %(application)s (%(org)s)") % parts,
                _("Beslutet i Sprida: %(url)s") % parts,
                _("Du får det här meddelandet som redaktör eller administratör i %(org)s.") % parts,
            ]
        )

    def _parts(self) -> dict[str, str]:
        d = self.deadline
        return {
            "what": str(d) if d.title else d.get_kind_display(),
            "due": d.due_on.isoformat(),
            "org": self.organisation_name,
            "application": d.decision.application.title,
            "url": settings.SPRIDA_SITE_URL.rstrip("/")
            + reverse("grants:decision", args=[d.decision_id]),
        }


def reminders_due(*, today: dt.date) -> list[Reminder]:
    """Open deadlines within 30 days or overdue, with the stage due now and its recipients."""
    deadlines = list(
        Deadline.objects.filter(
            done_on__isnull=True, due_on__lte=today + dt.timedelta(days=HORIZON_DAYS)
        )
        .select_related("decision__application__applicant", "condition")
        .order_by("due_on", "pk")
    )
    org_ids = {d.decision.application.applicant_id for d in deadlines}
    emails: dict[int, list[str]] = defaultdict(list)
    for org_id, email in (
        Membership.objects.filter(
            organisation_id__in=org_ids,
            role__in=Role.at_least(Role.EDITOR),
            user__is_active=True,
        )
        .exclude(user__email="")
        .order_by("user__email")
        .values_list("organisation_id", "user__email")
    ):
        emails[org_id].append(email)
    sent = set(
        ReminderSent.objects.filter(deadline__in=deadlines).values_list("deadline_id", "stage")
    )
    reminders = []
    for deadline in deadlines:
        stage = rules.reminder_stage(due_on=deadline.due_on, today=today)
        if stage is None:
            continue
        reminders.append(
            Reminder(
                deadline=deadline,
                stage=stage,
                days_left=(deadline.due_on - today).days,
                recipients=emails.get(deadline.decision.application.applicant_id, []),
                already_sent=(deadline.pk, stage) in sent,
            )
        )
    return reminders


def reminders_send(*, today: dt.date, dry_run: bool = False) -> list[Reminder]:
    """Send every reminder that is due and not sent before; returns those sent."""
    sent = []
    for reminder in reminders_due(today=today):
        # Without recipients nothing is recorded, so the reminder goes out once someone is added.
        if reminder.already_sent or not reminder.recipients:
            continue
        if dry_run:
            sent.append(reminder)
            continue
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    deadline=reminder.deadline,
                    stage=reminder.stage,
                    recipients=", ".join(reminder.recipients),
                )
                send_mail(
                    reminder.subject(),
                    reminder.body(),
                    settings.DEFAULT_FROM_EMAIL,
                    reminder.recipients,
                )
        except IntegrityError:
            continue  # another run sent it meanwhile
        sent.append(reminder)
    return sent
