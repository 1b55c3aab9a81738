"""Actual spend per measure and year, with the documents that verify it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.effects.models.common import PartRecord, measure_rules
from sprida.grants.models import Measure
from sprida.intake.filenames import storage_name


class CostKind(models.TextChoices):
    EXTERNAL = "external", _("Externa kostnader")
    INTERNAL = "internal", _("Egen personal (timmar × timkostnad)")
    EQUIPMENT = "equipment", _("Utrustning")


def staff_cost_sek(hours: Decimal, hourly_rate_sek: int) -> int:
    """Hours × rate in whole kronor, rounded half up (öre are not kept)."""
    return int((hours * hourly_rate_sek).quantize(Decimal(1), rounding=ROUND_HALF_UP))


class Cost(PartRecord):
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="costs", verbose_name=_("åtgärd")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    kind = models.CharField(_("kostnadsslag"), max_length=20, choices=CostKind.choices)
    description = models.CharField(_("beskrivning"), max_length=300)
    hours = models.DecimalField(_("timmar"), max_digits=10, decimal_places=2, null=True, blank=True)
    hourly_rate_sek = models.PositiveIntegerField(_("timkostnad (kr)"), null=True, blank=True)
    amount_sek = models.BigIntegerField(_("belopp (kr)"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrerad av"),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    access_rules = measure_rules("measure__", part="part")

    class Meta(PartRecord.Meta):
        ordering = ["measure", "year", "kind", "pk"]
        verbose_name = _("kostnad")
        verbose_name_plural = _("kostnader")
        constraints = [
            models.CheckConstraint(condition=Q(amount_sek__gte=0), name="cost_not_negative"),
            models.CheckConstraint(
                condition=~Q(kind=CostKind.INTERNAL)
                | Q(hours__isnull=False, hourly_rate_sek__isnull=False),
                name="staff_cost_has_hours_and_rate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_kind_display()}: {self.description}"

    def save(self, *args: object, **kwargs: object) -> None:
        # Staff cost is always derived, so the figure cannot drift from hours × rate.
        if self.kind == CostKind.INTERNAL and self.hours is not None and self.hourly_rate_sek:
            self.amount_sek = staff_cost_sek(self.hours, self.hourly_rate_sek)
        super().save(*args, **kwargs)


def cost_document_path(instance: CostDocument, filename: str) -> str:
    # The name comes from outside: safe characters only, bounded in bytes (intake's rules).
    return f"effects/costs/{instance.cost.measure_id}/{storage_name(filename)}"


class CostDocument(models.Model):
    cost = models.ForeignKey(
        Cost, on_delete=models.CASCADE, related_name="documents", verbose_name=_("kostnad")
    )
    file = models.FileField(_("fil"), upload_to=cost_document_path, max_length=300)
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

    access_rules = measure_rules("cost__measure__", part="cost__part")

    class Meta:
        ordering = ["cost", "uploaded_at"]
        verbose_name = _("underlag för kostnad")
        verbose_name_plural = _("underlag för kostnader")

    def __str__(self) -> str:
        return self.name
