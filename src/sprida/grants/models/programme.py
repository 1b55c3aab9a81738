"""The grant programme and its yearly budgets, each figure with its source."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import FUNDER, AccessRules
from sprida.core.models import Organisation


class Programme(models.Model):
    name = models.CharField(_("namn"), max_length=250)
    slug = models.SlugField(_("kortnamn"), unique=True)
    regulation = models.CharField(
        _("förordning (SFS)"), max_length=20, help_text=_("SFS-nummer, t.ex. 2024:1102")
    )
    administering_body = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="programmes",
        verbose_name=_("beslutande myndighet"),
    )
    description = models.TextField(_("beskrivning"), blank=True, default="")
    history = HistoricalRecords()

    access_rules = AccessRules(public=Q(), national_write=frozenset({FUNDER}))

    class Meta:
        ordering = ["name"]
        verbose_name = _("bidragsprogram")
        verbose_name_plural = _("bidragsprogram")

    def __str__(self) -> str:
        return self.name


class ProgrammeBudget(models.Model):
    """One stated budget figure. Sources disagree, so each keeps where and when it was said."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="budgets", verbose_name=_("program")
    )
    first_year = models.PositiveSmallIntegerField(_("från år"))
    last_year = models.PositiveSmallIntegerField(_("till och med år"))
    amount_sek_per_year = models.BigIntegerField(_("belopp per år (kr)"))
    source = models.CharField(_("källa"), max_length=300)
    source_date = models.DateField(_("källans datum"), null=True, blank=True)
    note = models.TextField(_("kommentar"), blank=True, default="")
    history = HistoricalRecords()

    access_rules = AccessRules(public=Q(), national_write=frozenset({FUNDER}))

    class Meta:
        ordering = ["programme", "source_date", "first_year"]
        verbose_name = _("budgetuppgift")
        verbose_name_plural = _("budgetuppgifter")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_year__gte=F("first_year")), name="budget_years_in_order"
            ),
            models.CheckConstraint(
                condition=Q(amount_sek_per_year__gte=0), name="budget_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme}: {self.first_year}–{self.last_year} ({self.source})"

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year
