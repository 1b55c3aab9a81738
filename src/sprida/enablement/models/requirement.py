"""Requirements as versioned content with stable ids (urn:sprida:req:…), loaded from YAML."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import COORDINATOR, AccessRules
from sprida.enablement.models.common import ALL_ROWS, SectionKind


class RequirementArea(models.TextChoices):
    GDPR = "gdpr", _("Dataskydd (GDPR)")
    PATIENT_DATA = "patient_data", _("Patientdatalagen")
    AI_ACT = "ai_act", _("AI-förordningen")
    MDR = "mdr", _("Medicintekniska produkter (MDR)")
    PROCUREMENT = "procurement", _("Offentlig upphandling (LOU)")
    INFOSEC = "infosec", _("Informationssäkerhet")
    EFFECTS = "effects", _("Nytta och uppföljning")


class Requirement(models.Model):
    """One version of one requirement. A new text is a new row; old versions stay for the record."""

    urn = models.CharField(
        _("id"), max_length=120, help_text=_("T.ex. urn:sprida:req:gdpr-legal-basis")
    )
    version = models.CharField(_("version"), max_length=20)
    title = models.CharField(_("rubrik"), max_length=300)
    text = models.TextField(_("krav"))
    area = models.CharField(_("område"), max_length=20, choices=RequirementArea.choices)
    section = models.CharField(_("avsnitt"), max_length=20, choices=SectionKind.choices)
    references = models.TextField(_("källor"), blank=True, default="", help_text=_("En per rad."))
    is_current = models.BooleanField(_("gällande version"), default=True)
    history = HistoricalRecords()

    access_rules = AccessRules(public=ALL_ROWS, national_write=frozenset({COORDINATOR}))

    class Meta:
        ordering = ["area", "urn", "version"]
        verbose_name = _("krav")
        verbose_name_plural = _("krav")
        constraints = [
            models.UniqueConstraint(fields=["urn", "version"], name="requirement_urn_version"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"

    @property
    def short_id(self) -> str:
        return self.urn.rsplit(":", 1)[-1]

    @property
    def reference_list(self) -> list[str]:
        return [line for line in self.references.splitlines() if line.strip()]
