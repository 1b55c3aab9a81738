"""Dated records per measure: implementation status and qualitative effects."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.effects.models.common import PartRecord, measure_rules
from sprida.grants.models import Measure


class ImplementationStage(models.TextChoices):
    NOT_STARTED = "not_started", _("Ej påbörjad")
    PLANNING = "planning", _("Planering")
    IN_PROGRESS = "in_progress", _("Pågår")
    IMPLEMENTED = "implemented", _("Genomförd")
    STOPPED = "stopped", _("Avbruten")


STAGE_BADGE = {
    ImplementationStage.NOT_STARTED: "bad",
    ImplementationStage.PLANNING: "warn",
    ImplementationStage.IN_PROGRESS: "info",
    ImplementationStage.IMPLEMENTED: "ok",
    ImplementationStage.STOPPED: "bad",
}


class ImplementationStatus(PartRecord):
    """One dated statement of how far a measure has come. The latest one is the current status."""

    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="implementation_statuses",
        verbose_name=_("åtgärd"),
    )
    stage = models.CharField(_("status"), max_length=20, choices=ImplementationStage.choices)
    status_on = models.DateField(_("datum"))
    comment = models.TextField(_("kommentar"), blank=True, default="")
    units = models.TextField(
        _("verksamheter där åtgärden används"),
        blank=True,
        default="",
        help_text=_("En verksamhet per rad."),
    )
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
        ordering = ["measure", "-status_on", "-pk"]
        get_latest_by = ["status_on", "pk"]
        verbose_name = _("genomförandestatus")
        verbose_name_plural = _("genomförandestatus")

    def __str__(self) -> str:
        return f"{self.measure}: {self.get_stage_display()} ({self.status_on:%Y-%m-%d})"

    @property
    def unit_list(self) -> list[str]:
        return [line.strip() for line in self.units.splitlines() if line.strip()]

    @property
    def badge(self) -> str:
        return STAGE_BADGE[ImplementationStage(self.stage)]


class EffectCategory(models.TextChoices):
    PATIENTS = "patients", _("Patienter")
    STAFF = "staff", _("Medarbetare")
    EFFICIENCY = "efficiency", _("Effektivitet")
    QUALITY = "quality", _("Kvalitet och patientsäkerhet")
    # The standard perspectives of the regions' decision memos.
    ENVIRONMENT = "environment", _("Miljö")
    CHILDREN = "children", _("Barn")
    GENDER_EQUALITY = "gender_equality", _("Jämställdhet")


class QualitativeEffect(PartRecord):
    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="qualitative_effects",
        verbose_name=_("åtgärd"),
    )
    observed_on = models.DateField(_("datum"))
    category = models.CharField(_("perspektiv"), max_length=20, choices=EffectCategory.choices)
    statement = models.TextField(_("iakttagelse"))
    source = models.CharField(
        _("källa"),
        max_length=300,
        help_text=_("T.ex. ”enkät till 42 sjuksköterskor, mars 2026” eller ”avvikelserapport”."),
    )
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
        ordering = ["measure", "-observed_on", "-pk"]
        verbose_name = _("kvalitativ effekt")
        verbose_name_plural = _("kvalitativa effekter")

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.statement[:60]}"
