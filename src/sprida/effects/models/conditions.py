"""The region's account of meeting a decision's conditions: how far it has come and its evidence.

The condition itself, and the delegation's acknowledgement that it is met (`fulfilled`,
`fulfilled_on`, `note`), stay on the grant's `Condition`, which only the delegation writes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import AccessRules
from sprida.grants.models import Condition
from sprida.intake.filenames import storage_name


class FulfilmentStage(models.TextChoices):
    NOT_STARTED = "not_started", _("Ej påbörjat")
    IN_PROGRESS = "in_progress", _("Pågår")
    FULFILLED = "fulfilled", _("Uppfyllt")


def _rules(prefix: str) -> AccessRules:
    return AccessRules(
        owner=f"{prefix}condition__decision__application__applicant",
        participants=f"{prefix}condition__decision__application__participants",
    )


class ConditionFulfilment(models.Model):
    condition = models.OneToOneField(
        Condition, on_delete=models.CASCADE, related_name="fulfilment", verbose_name=_("villkor")
    )
    stage = models.CharField(
        _("uppfyllelse"),
        max_length=20,
        choices=FulfilmentStage.choices,
        default=FulfilmentStage.NOT_STARTED,
    )
    evidence = models.TextField(
        _("underlag"),
        blank=True,
        default="",
        help_text=_("Hur regionen visar att villkoret är uppfyllt, t.ex. var åtgärden används."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uppdaterad av"),
    )
    updated_at = models.DateTimeField(_("uppdaterad"), auto_now=True)
    history = HistoricalRecords()

    access_rules = _rules("")

    class Meta:
        verbose_name = _("uppfyllelse av villkor")
        verbose_name_plural = _("uppfyllelse av villkor")

    def __str__(self) -> str:
        return f"{self.condition}: {self.get_stage_display()}"


def evidence_path(instance: ConditionEvidence, filename: str) -> str:
    return f"effects/conditions/{instance.fulfilment.condition_id}/{storage_name(filename)}"


class ConditionEvidence(models.Model):
    fulfilment = models.ForeignKey(
        ConditionFulfilment,
        on_delete=models.CASCADE,
        related_name="files",
        verbose_name=_("uppfyllelse"),
    )
    file = models.FileField(_("fil"), upload_to=evidence_path, max_length=300)
    name = models.CharField(_("filnamn"), max_length=200)
    content_type = models.CharField(_("filtyp"), max_length=100)
    size_bytes = models.PositiveIntegerField(_("storlek (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uppladdad av"),
    )
    uploaded_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    history = HistoricalRecords()

    access_rules = _rules("fulfilment__")

    class Meta:
        ordering = ["fulfilment", "uploaded_at", "pk"]
        verbose_name = _("bilaga till villkor")
        verbose_name_plural = _("bilagor till villkor")

    def __str__(self) -> str:
        return self.name
