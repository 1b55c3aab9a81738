"""Measures (åtgärder) and their categories."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import COORDINATOR, FUNDER, AccessRules
from sprida.core.versioning import Versioned
from sprida.grants.models.application import Application, ApplicationStatus


class MeasureCategory(models.Model):
    """A configurable kind of measure, e.g. AI speech recognition."""

    slug = models.SlugField(_("kortnamn"), unique=True, max_length=60)
    name = models.CharField(_("namn"), max_length=120, unique=True)
    name_en = models.CharField(_("namn på engelska"), max_length=120, blank=True, default="")
    description = models.TextField(_("beskrivning"), blank=True, default="")
    keywords = models.TextField(
        _("nyckelord"),
        blank=True,
        default="",
        help_text=_("Ord som brukar stå i åtgärder av detta slag, ett per rad."),
    )
    order = models.PositiveSmallIntegerField(_("ordning"), default=100)
    history = HistoricalRecords()

    access_rules = AccessRules(public=Q(), national_write=frozenset({COORDINATOR, FUNDER}))

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("åtgärdskategori")
        verbose_name_plural = _("åtgärdskategorier")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The English name on English pages when there is one, else the Swedish name."""
        language = translation.get_language() or ""
        if self.name_en and language.split("-")[0] == "en":
            return self.name_en
        return self.name


PRIVATE_MEASURE = Q(application__status=ApplicationStatus.DRAFT)


class Measure(Versioned):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="measures", verbose_name=_("ansökan")
    )
    title = models.CharField(_("rubrik"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True, default="")
    category = models.ForeignKey(
        MeasureCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("kategori"),
    )
    aim = models.TextField(_("syfte och förväntat resultat"), blank=True, default="")
    applied_sek = models.BigIntegerField(
        _("sökt belopp (kr)"),
        null=True,
        blank=True,
        help_text=_("Hela det sökta beloppet för åtgärden, om det är känt."),
    )
    scope_notes = models.TextField(
        _("avgränsning"),
        blank=True,
        default="",
        help_text=_("T.ex. ”endast vård utanför hälsovalet”."),
    )
    other_state_funding = models.BooleanField(
        _("har annan statlig finansiering"),
        default=False,
        help_text=_(
            "Enligt 5 § förordningen får bidrag inte ges till det som redan har "
            "statlig finansiering."
        ),
    )
    other_state_funding_note = models.TextField(
        _("om annan statlig finansiering"), blank=True, default=""
    )
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="application__applicant",
        participants="application__participants",
        private=PRIVATE_MEASURE,
        public=Q(outcome__decision__published=True),
    )

    class Meta:
        ordering = ["application", "position", "pk"]
        verbose_name = _("åtgärd")
        verbose_name_plural = _("åtgärder")
        constraints = [
            models.CheckConstraint(
                condition=Q(applied_sek__isnull=True) | Q(applied_sek__gte=0),
                name="measure_applied_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.title


class MeasureYearAmount(models.Model):
    """The amount applied for one measure in one year."""

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="year_amounts", verbose_name=_("åtgärd")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    applied_sek = models.BigIntegerField(_("sökt belopp (kr)"))
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="measure__application__applicant",
        participants="measure__application__participants",
        private=Q(measure__application__status=ApplicationStatus.DRAFT),
    )

    class Meta:
        ordering = ["measure", "year"]
        verbose_name = _("sökt belopp per år")
        verbose_name_plural = _("sökta belopp per år")
        constraints = [
            models.UniqueConstraint(fields=["measure", "year"], name="one_amount_per_measure_year"),
            models.CheckConstraint(
                condition=Q(applied_sek__gte=0), name="year_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.year}"
