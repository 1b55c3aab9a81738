"""Writes for change notifications: the region files, the delegation answers, both are e-mailed.

The mail goes out once the write is committed, so a refused write never sends one.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sprida.accounts.models import Membership, Role
from sprida.core.access import actor_for, author, can_view, may_act_for
from sprida.core.models import NationalRole
from sprida.effects.models import ChangeAnswer, ChangeNotification, ChangeOutcome
from sprida.grants.models import Decision, Measure, Outcome

TEXT_FIELDS = ("what", "why", "cost_effect", "schedule_effect", "effects_effect")
GRANTED = (Outcome.GRANTED, Outcome.PARTIALLY_GRANTED)


def _link(notification: ChangeNotification) -> str:
    return settings.SPRIDA_SITE_URL.rstrip("/") + reverse("effects:change", args=[notification.pk])


def _emails(**membership: Any) -> list[str]:
    return sorted(
        set(
            Membership.objects.filter(user__is_active=True, **membership)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def _mail(subject: str, body: str, recipients: list[str]) -> None:
    if recipients:
        transaction.on_commit(
            lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        )


@transaction.atomic
def change_notification_file(
    *, by: Any, decision: Decision, measure: Measure | None = None, **texts: str
) -> ChangeNotification:
    """The region reports a change in how the measures are carried out."""
    if not may_act_for(by, decision.application.applicant_id) or not can_view(by, decision):
        raise PermissionDenied(_("Bara regionens redaktörer anmäler ändringar för beslutet."))
    unknown = set(texts) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"unknown change notification fields: {sorted(unknown)}")
    if (
        measure is not None
        and not decision.lines.filter(measure=measure, outcome__in=GRANTED).exists()
    ):
        raise ValidationError(
            {"measure": _("Åtgärden hör inte till beslutets beviljade åtgärder.")}
        )
    notification = ChangeNotification(
        decision=decision,
        measure=measure,
        filed_by=by if getattr(by, "pk", None) else None,
        **{name: texts.get(name, "").strip() for name in TEXT_FIELDS},
    )
    notification.full_clean()
    notification._history_user = author(by)  # type: ignore[attr-defined]
    notification.save()
    region = decision.application.applicant.name
    with translation.override("sv"):
        subject = _("Ändringsanmälan från %(region)s") % {"region": region}
        body = "\n\n".join(
            [
                _("%(region)s har anmält en ändring i genomförandet av beslutet %(decision)s.")
                % {"region": region, "decision": _decision_label(decision)},
                _("Vad som ändras: %(what)s") % {"what": notification.what},
                _("Läs och besvara anmälan i Sprida: %(url)s") % {"url": _link(notification)},
            ]
        )
    _mail(
        subject,
        body,
        _emails(
            organisation__national_role=NationalRole.FUNDER,
            role__in=[Role.EDITOR, Role.ADMIN],
        ),
    )
    return notification


def _decision_label(decision: Decision) -> str:
    label = f"{decision.decided_on:%Y-%m-%d}"
    return f"{label} ({decision.case_number})" if decision.case_number else label


@transaction.atomic
def change_notification_answer(
    *, by: Any, notification: ChangeNotification, outcome: str, message: str
) -> ChangeAnswer:
    """The delegation answers: noted, approved, or a new decision is needed; the region is told."""
    actor = actor_for(by)
    if not (actor.is_funder or actor.site_admin):
        raise PermissionDenied(_("Bara Effektivitetsdelegationen besvarar ändringsanmälningar."))
    if outcome not in ChangeOutcome.values:
        raise ValidationError({"outcome": _("Välj ett av svaren.")})
    if not message.strip():
        raise ValidationError({"message": _("Skriv ett meddelande till regionen.")})
    notification = ChangeNotification.objects.select_for_update().get(pk=notification.pk)
    answer = ChangeAnswer.objects.filter(notification=notification).first() or ChangeAnswer(
        notification=notification
    )
    answer.outcome = outcome
    answer.message = message.strip()
    answer.answered_by = by if getattr(by, "pk", None) else None
    answer.answered_at = timezone.now()
    answer.full_clean()
    answer._history_user = author(by)  # type: ignore[attr-defined]
    answer.save()
    applicant = notification.decision.application.applicant
    with translation.override("sv"):
        subject = _("Svar på er ändringsanmälan: %(outcome)s") % {
            "outcome": ChangeOutcome(outcome).label
        }
        body = "\n\n".join(
            [
                _("Effektivitetsdelegationen har besvarat %(region)s ändringsanmälan.")
                % {"region": applicant.name},
                _("Anmälan: %(what)s") % {"what": notification.what},
                _("Svar: %(outcome)s") % {"outcome": ChangeOutcome(outcome).label},
                answer.message,
                _("Läs mer i Sprida: %(url)s") % {"url": _link(notification)},
            ]
        )
    recipients = set(_emails(organisation=applicant, role__in=[Role.EDITOR, Role.ADMIN]))
    if notification.filed_by and notification.filed_by.email and notification.filed_by.is_active:
        recipients.add(notification.filed_by.email)
    _mail(subject, body, sorted(recipients))
    return answer
