"""Vocabulary shared by the dossier models, and the settings-like models for estimates."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import COORDINATOR, AccessRules

REGION_COUNT = 21

# No row is private. Declared explicitly because core.access ORs `~private` into the national
# readers' filter, and an empty Q() would be dropped from that OR (Q() | x == x).
NO_PRIVATE_ROWS = Q(pk__isnull=True)
# Every row is public; spelled out for the same reason (Q() | x == x drops "public" for members).
ALL_ROWS = Q(pk__isnull=False)


def round_sek(value: Decimal) -> int:
    """Whole kronor, halves rounded up (away from zero), as Swedish accounting does."""
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


class SectionKind(models.TextChoices):
    DATA = "data", _("Data")
    LEGAL = "legal", _("Juridik")
    BENEFIT = "benefit", _("Nyttoanalys")
    RISK = "risk", _("Riskanalys")
    COMPETENCE = "competence", _("Kompetens")


class SectionEffort(models.Model):
    """Hours one region would spend making a section alone; drives the "once, not 21" figure."""

    kind = models.CharField(_("avsnitt"), max_length=20, choices=SectionKind.choices, unique=True)
    hours = models.PositiveIntegerField(
        _("timmar per region"),
        help_text=_("Uppskattad tid för en region att ta fram avsnittet på egen hand."),
    )
    history = HistoricalRecords()

    access_rules = AccessRules(public=ALL_ROWS, national_write=frozenset({COORDINATOR}))

    class Meta:
        ordering = ["kind"]
        verbose_name = _("uppskattad tid per avsnitt")
        verbose_name_plural = _("uppskattad tid per avsnitt")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.hours} h"


class CompensationRate(models.Model):
    """The hourly rate at which regions are compensated for time in the working groups."""

    valid_from = models.DateField(
        _("gäller från"), unique=True, help_text=_("Första dagen i den första månaden.")
    )
    hourly_rate_sek = models.BigIntegerField(_("timersättning (kr)"))
    note = models.CharField(_("grund"), max_length=300, blank=True, default="")
    history = HistoricalRecords()

    # Reference data: every signed-in user reads it, the coordinator sets it.
    access_rules = AccessRules(national_write=frozenset({COORDINATOR}))

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("timersättning")
        verbose_name_plural = _("timersättningar")
        constraints = [
            models.CheckConstraint(
                condition=Q(hourly_rate_sek__gt=0), name="compensation_rate_positive"
            )
        ]

    def __str__(self) -> str:
        return gettext("%(rate)s kr/h från %(date)s") % {
            "rate": self.hourly_rate_sek,
            "date": f"{self.valid_from:%Y-%m-%d}",
        }
