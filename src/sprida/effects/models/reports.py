"""Progress and final reports to the delegation: drafted from the records, locked once submitted."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import AccessRules
from sprida.core.versioning import Versioned
from sprida.grants.models import Decision, Measure


class ReportKind(models.TextChoices):
    PROGRESS = "progress", _("Delredovisning")
    FINAL = "final", _("Slutredovisning")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Inlämnad")


class ReportLockedError(Exception):
    """A submitted report is never changed; a correction is a new version."""


def _report_rules(prefix: str) -> AccessRules:
    # Drafts are the region's own; once submitted, the delegation and the coordinator read them.
    return AccessRules(
        owner=f"{prefix}decision__application__applicant",
        participants=f"{prefix}decision__application__participants",
        private=Q(**{f"{prefix}status": ReportStatus.DRAFT}),
        locked=Q(**{f"{prefix}status": ReportStatus.SUBMITTED}),
    )


class Report(Versioned):
    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="effect_reports", verbose_name=_("beslut")
    )
    kind = models.CharField(_("typ"), max_length=10, choices=ReportKind.choices)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("rättar version"),
    )
    summary = models.TextField(_("sammanfattning"), blank=True, default="")
    deviations = models.TextField(
        _("förändringar i genomförandet"),
        blank=True,
        default="",
        help_text=_("Förändringar mot ansökan ska anmälas till Effektivitetsdelegationen."),
    )
    collaboration = models.TextField(
        _("samverkan och spridning"),
        blank=True,
        default="",
        help_text=_("Seminarier, samarbete med regioner som fått bidrag för liknande åtgärder."),
    )
    snapshot = models.JSONField(
        _("innehåll vid inlämning"),
        null=True,
        blank=True,
        help_text=_("Siffrorna som de såg ut när rapporten lämnades in."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skapad av"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inlämnad av"),
    )
    submitted_at = models.DateTimeField(_("inlämnad"), null=True, blank=True)
    is_demo = models.BooleanField(_("demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    access_rules = _report_rules("")

    class Meta:
        ordering = ["decision", "kind", "-version"]
        verbose_name = _("redovisning")
        verbose_name_plural = _("redovisningar")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "kind", "version"], name="one_report_per_version"
            ),
            models.UniqueConstraint(
                fields=["decision", "kind"],
                condition=Q(status="draft"),
                name="one_draft_report_per_kind",
            ),
            models.CheckConstraint(
                condition=~Q(status="submitted") | Q(submitted_at__isnull=False),
                name="submitted_report_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}: {self.decision.application}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._stored_as_submitted():
            raise ReportLockedError(
                gettext(
                    "Redovisningen är inlämnad och kan inte ändras. "
                    "Skapa en ny version för att rätta."
                )
            )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self._stored_as_submitted():
            raise ReportLockedError(gettext("En inlämnad redovisning kan inte tas bort."))
        return super().delete(*args, **kwargs)

    @property
    def is_submitted(self) -> bool:
        return self.status == ReportStatus.SUBMITTED

    def _stored_as_submitted(self) -> bool:
        return bool(
            self.pk and Report.objects.filter(pk=self.pk, status=ReportStatus.SUBMITTED).exists()
        )


class ReportSection(models.Model):
    """The narrative for one measure; the figures come from the records."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="sections", verbose_name=_("redovisning")
    )
    measure = models.ForeignKey(
        Measure, on_delete=models.PROTECT, related_name="+", verbose_name=_("åtgärd")
    )
    progress_text = models.TextField(
        _("hur långt genomförandet har kommit"), blank=True, default=""
    )
    measurement_plan_text = models.TextField(_("hur effekterna mäts"), blank=True, default="")
    results_text = models.TextField(_("resultat och effekter"), blank=True, default="")
    costs_text = models.TextField(_("kostnader och hur de styrks"), blank=True, default="")
    history = HistoricalRecords()

    access_rules = _report_rules("report__")

    class Meta:
        ordering = ["report", "measure__position", "measure__pk"]
        verbose_name = _("avsnitt per åtgärd")
        verbose_name_plural = _("avsnitt per åtgärd")
        constraints = [
            models.UniqueConstraint(fields=["report", "measure"], name="one_section_per_measure")
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.measure}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if Report.objects.filter(pk=self.report_id, status=ReportStatus.SUBMITTED).exists():
            raise ReportLockedError(
                gettext(
                    "Redovisningen är inlämnad och kan inte ändras. "
                    "Skapa en ny version för att rätta."
                )
            )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if Report.objects.filter(pk=self.report_id, status=ReportStatus.SUBMITTED).exists():
            raise ReportLockedError(gettext("En inlämnad redovisning kan inte ändras."))
        return super().delete(*args, **kwargs)
