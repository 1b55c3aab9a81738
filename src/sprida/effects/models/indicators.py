"""Indicators (benefit realisation) and their measurements over time, in the manner of Kolada."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.versioning import Versioned
from sprida.effects.models.common import measure_rules
from sprida.grants.models import Measure

VALUE_DIGITS, VALUE_PLACES = 18, 4


class Direction(models.TextChoices):
    HIGHER = "higher", _("Högre är bättre")
    LOWER = "lower", _("Lägre är bättre")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Varje månad")
    QUARTERLY = "quarterly", _("Varje kvartal")
    HALF_YEARLY = "half_yearly", _("Varje halvår")
    YEARLY = "yearly", _("Varje år")
    ONCE = "once", _("En gång")


class BenefitType(models.TextChoices):
    FINANCIAL = "financial", _("Ekonomisk nytta")
    REDISTRIBUTED = "redistributed", _("Omfördelad nytta (t.ex. frigjord tid värderad i kronor)")
    NOT_MONETISED = "not_monetised", _("Ej värderad i pengar")


kolada_id = RegexValidator(
    r"^[NU]\d{5}$", _("Ett KPI-id i Kolada är N eller U följt av fem siffror, t.ex. N07900.")
)


class Indicator(Versioned):
    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("åtgärd")
    )
    name = models.CharField(_("namn"), max_length=200)
    definition = models.TextField(
        _("definition"), help_text=_("Vad som räknas, hur, och för vilken population.")
    )
    unit = models.CharField(_("enhet"), max_length=60, help_text=_("T.ex. minuter, %, antal."))
    direction = models.CharField(_("riktning"), max_length=10, choices=Direction.choices)
    baseline_value = models.DecimalField(
        _("baslinje"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES
    )
    baseline_on = models.DateField(_("baslinjens datum"))
    target_value = models.DecimalField(
        _("målvärde"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    target_on = models.DateField(_("målvärdet ska nås"), null=True, blank=True)
    data_source = models.CharField(_("datakälla"), max_length=300)
    frequency = models.CharField(_("mätfrekvens"), max_length=20, choices=Frequency.choices)
    responsible = models.CharField(_("ansvarig"), max_length=200, blank=True, default="")
    benefit_type = models.CharField(_("nyttotyp"), max_length=20, choices=BenefitType.choices)
    kolada_kpi = models.CharField(
        _("KPI i Kolada"), max_length=6, blank=True, default="", validators=[kolada_id]
    )
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    is_demo = models.BooleanField(_("demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    access_rules = measure_rules("measure__")

    class Meta:
        ordering = ["measure", "position", "pk"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")
        constraints = [
            models.CheckConstraint(
                condition=Q(target_value__isnull=True) | Q(target_on__isnull=False),
                name="indicator_target_has_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"

    def change_from_baseline(self, value: Decimal | None) -> Decimal | None:
        """Percent change against the baseline, rounded to one decimal; None if not defined."""
        if value is None or not self.baseline_value:
            return None
        return ((value - self.baseline_value) / abs(self.baseline_value) * 100).quantize(
            Decimal("0.1")
        )

    def is_improvement(self, value: Decimal | None) -> bool | None:
        if value is None or value == self.baseline_value:
            return None
        better = value > self.baseline_value
        return better if self.direction == Direction.HIGHER else not better


class Measurement(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indikator"),
    )
    period = models.DateField(
        _("period"), help_text=_("Sista dagen i den period som värdet avser.")
    )
    value = models.DecimalField(_("värde"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES)
    comment = models.TextField(_("kommentar"), blank=True, default="")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrerad av"),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)
    entered_at = models.DateTimeField(_("registrerad"), auto_now=True)
    history = HistoricalRecords()

    access_rules = measure_rules("indicator__measure__")

    class Meta:
        ordering = ["indicator", "period"]
        verbose_name = _("mätvärde")
        verbose_name_plural = _("mätvärden")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="one_measurement_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name} {self.period:%Y-%m-%d}: {self.value}"
