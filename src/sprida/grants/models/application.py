"""Applications: one region alone, or a joint application with a coordinator and participants."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import AccessRules
from sprida.core.models import Organisation
from sprida.core.versioning import Versioned
from sprida.grants.models.programme import Programme


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Inlämnad")
    DECIDED = "decided", _("Beslutad")
    WITHDRAWN = "withdrawn", _("Återkallad")


class Application(Versioned):
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="applications", verbose_name=_("program")
    )
    applicant = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("sökande"),
        help_text=_("Regionen som söker, eller samordnaren för en regiongemensam ansökan."),
    )
    joint = models.BooleanField(_("regiongemensam"), default=False)
    participants = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="joint_applications",
        verbose_name=_("deltagande regioner"),
    )
    title = models.CharField(_("rubrik"), max_length=300)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    # Imported documents do not always say when an application was sent in, so a submitted
    # application may lack the date; the form asks for it when a person submits.
    submitted_on = models.DateField(_("inlämnad"), null=True, blank=True)
    applied_sek = models.BigIntegerField(
        _("sökt belopp totalt (kr)"),
        null=True,
        blank=True,
        help_text=_("Det totala belopp som ansökan anger, om det är känt."),
    )
    economic_analysis = models.TextField(
        _("analys av de ekonomiska förutsättningarna"), blank=True, default=""
    )
    development_needs = models.TextField(
        _("områden med stora utvecklingsbehov"), blank=True, default=""
    )
    region_decision_body = models.CharField(
        _("regionens beslutande organ"), max_length=200, blank=True, default=""
    )
    region_decision_date = models.DateField(_("regionens beslutsdatum"), null=True, blank=True)
    region_decision_paragraph = models.CharField(
        _("paragraf"), max_length=40, blank=True, default=""
    )
    is_demo = models.BooleanField(_("demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="applicant", participants="participants", private=Q(status=ApplicationStatus.DRAFT)
    )

    class Meta:
        ordering = ["-submitted_on", "-created_at"]
        verbose_name = _("ansökan")
        verbose_name_plural = _("ansökningar")
        constraints = [
            models.CheckConstraint(
                condition=Q(applied_sek__isnull=True) | Q(applied_sek__gte=0),
                name="application_applied_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def label(self) -> str:
        """Tells applications apart where many share a title: title, region and year."""
        when = self.submitted_on or (self.created_at.date() if self.created_at else None)
        year = f", {when.year}" if when else ""
        return f"{self.title} – {self.applicant.name}{year}"


class CaseNumber(models.Model):
    """A diarienummer: each organisation files the same matter under its own number."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="case_numbers",
        verbose_name=_("ansökan"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    number = models.CharField(_("diarienummer"), max_length=60)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="application__applicant",
        participants="application__participants",
        private=Q(application__status=ApplicationStatus.DRAFT),
    )

    class Meta:
        ordering = ["organisation__name", "number"]
        verbose_name = _("diarienummer")
        verbose_name_plural = _("diarienummer")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "organisation", "number"], name="unique_case_number"
            )
        ]

    def __str__(self) -> str:
        return self.number
