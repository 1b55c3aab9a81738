"""Change notifications (ändringsanmälan): a region tells the delegation how the work changes.

The region writes the notification and may not change it once sent; the delegation writes the
answer. Two models, so that each side's rules stay in its own declaration.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import FUNDER, AccessRules
from sprida.grants.models import Decision, Measure


class ChangeNotification(models.Model):
    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        related_name="change_notifications",
        verbose_name=_("beslut"),
    )
    measure = models.ForeignKey(
        Measure,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_notifications",
        verbose_name=_("åtgärd"),
        help_text=_("Lämna tomt om ändringen gäller hela beslutet."),
    )
    what = models.TextField(_("vad som ändras"))
    why = models.TextField(_("varför"))
    cost_effect = models.TextField(_("påverkan på kostnaden"))
    schedule_effect = models.TextField(_("påverkan på tidplanen"))
    effects_effect = models.TextField(_("påverkan på de förväntade effekterna"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("anmäld av"),
    )
    filed_at = models.DateTimeField(_("anmäld"), auto_now_add=True)
    history = HistoricalRecords()

    # Sent is sent: the region files a new notification rather than changing one.
    access_rules = AccessRules(
        owner="decision__application__applicant",
        participants="decision__application__participants",
        locked=Q(pk__isnull=False),
    )

    class Meta:
        ordering = ["-filed_at", "-pk"]
        verbose_name = _("ändringsanmälan")
        verbose_name_plural = _("ändringsanmälningar")

    def __str__(self) -> str:
        return self.what[:80]


class ChangeOutcome(models.TextChoices):
    NOTED = "noted", _("Noterad")
    APPROVED = "approved", _("Godkänd")
    NEW_DECISION = "new_decision", _("Kräver nytt beslut")


class ChangeAnswer(models.Model):
    notification = models.OneToOneField(
        ChangeNotification,
        on_delete=models.PROTECT,
        related_name="answer",
        verbose_name=_("ändringsanmälan"),
    )
    outcome = models.CharField(_("svar"), max_length=20, choices=ChangeOutcome.choices)
    message = models.TextField(_("meddelande till regionen"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besvarad av"),
    )
    answered_at = models.DateTimeField(_("besvarad"))
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="notification__decision__application__applicant",
        participants="notification__decision__application__participants",
        national_write=frozenset({FUNDER}),
        owner_write=False,
    )

    class Meta:
        verbose_name = _("svar på ändringsanmälan")
        verbose_name_plural = _("svar på ändringsanmälningar")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.message[:60]}"
