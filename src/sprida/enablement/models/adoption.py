"""A region adopts a published dossier version and records only what it does differently."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import AccessRules
from sprida.core.models import Organisation
from sprida.enablement.models.common import NO_PRIVATE_ROWS, SectionKind
from sprida.enablement.models.dossier import Dossier, DossierVersion


class DossierAdoption(models.Model):
    dossier = models.ForeignKey(
        Dossier, on_delete=models.PROTECT, related_name="adoptions", verbose_name=_("underlag")
    )
    region = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="dossier_adoptions",
        verbose_name=_("region"),
    )
    version = models.ForeignKey(
        DossierVersion,
        on_delete=models.PROTECT,
        related_name="adoptions",
        verbose_name=_("antagen version"),
    )
    adopted_on = models.DateField(_("antaget"))
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("antaget av"),
    )
    local_contact = models.CharField(_("lokal kontakt"), max_length=200, blank=True, default="")
    local_notes = models.TextField(_("lokala förutsättningar"), blank=True, default="")
    is_demo = models.BooleanField(_("demodata"), default=False)
    history = HistoricalRecords()

    # The region's own record: its editors write, others (but the national roles) see nothing.
    access_rules = AccessRules(owner="region", private=NO_PRIVATE_ROWS)

    class Meta:
        ordering = ["dossier", "region__name"]
        verbose_name = _("antagande i region")
        verbose_name_plural = _("antaganden i regioner")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "region"], name="dossier_adoption_per_region"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region}: {self.dossier} v{self.version.number}"

    @property
    def is_outdated(self) -> bool:
        """A newer version has been published since the region adopted."""
        current = self.dossier.current_version_id
        return current is not None and current != self.version_id


class AdoptionDeviation(models.Model):
    adoption = models.ForeignKey(
        DossierAdoption,
        on_delete=models.CASCADE,
        related_name="deviations",
        verbose_name=_("antagande"),
    )
    section = models.CharField(_("avsnitt"), max_length=20, choices=SectionKind.choices)
    description = models.TextField(_("avvikelse"))
    reason = models.TextField(_("skäl"), blank=True, default="")
    history = HistoricalRecords()

    access_rules = AccessRules(owner="adoption__region", private=NO_PRIVATE_ROWS)

    class Meta:
        ordering = ["adoption", "section", "pk"]
        verbose_name = _("lokal avvikelse")
        verbose_name_plural = _("lokala avvikelser")

    def __str__(self) -> str:
        return f"{self.get_section_display()}: {self.description[:60]}"


class ApprovalKind(models.TextChoices):
    DPIA = "dpia", _("Konsekvensbedömning (DPIA)")
    SECURITY = "security", _("Informationssäkerhet")
    LEGAL = "legal", _("Juridisk bedömning")
    MANAGEMENT = "management", _("Beslut av verksamhetsledning")
    OTHER = "other", _("Annat")


class AdoptionApproval(models.Model):
    adoption = models.ForeignKey(
        DossierAdoption,
        on_delete=models.CASCADE,
        related_name="approvals",
        verbose_name=_("antagande"),
    )
    kind = models.CharField(_("slag"), max_length=20, choices=ApprovalKind.choices)
    approved_on = models.DateField(_("godkänt"))
    approved_by = models.CharField(
        _("godkänt av"), max_length=200, help_text=_("Namn och roll, t.ex. dataskyddsombud.")
    )
    reference = models.CharField(_("diarienummer"), max_length=60, blank=True, default="")
    note = models.TextField(_("anteckning"), blank=True, default="")
    history = HistoricalRecords()

    access_rules = AccessRules(owner="adoption__region", private=NO_PRIVATE_ROWS)

    class Meta:
        ordering = ["adoption", "approved_on", "pk"]
        verbose_name = _("lokalt godkännande")
        verbose_name_plural = _("lokala godkännanden")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.approved_on:%Y-%m-%d}"
