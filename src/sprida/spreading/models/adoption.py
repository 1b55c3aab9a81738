"""Adoption: where each of the 21 regions stands with a solution."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import COORDINATOR, AccessRules
from sprida.core.models import Organisation
from sprida.spreading.models.solution import Solution


class AdoptionStatus(models.TextChoices):
    INTERESTED = "interested", _("Intresserad")
    PLANNING = "planning", _("Planerar")
    PILOT = "pilot", _("Pilot")
    IN_USE = "in_use", _("I bruk")
    DISCONTINUED = "discontinued", _("Avslutad")


class Adoption(models.Model):
    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="adoptions", verbose_name=_("lösning")
    )
    region = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="adoptions",
        limit_choices_to={"kind": "region"},
        verbose_name=_("region"),
    )
    status = models.CharField(_("status"), max_length=20, choices=AdoptionStatus.choices)
    since = models.DateField(_("sedan"), help_text=_("Datum då regionen fick denna status."))
    started_on = models.DateField(_("började"), null=True, blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True, default="")
    contact_email = models.EmailField(_("kontaktens e-post"), blank=True, default="")
    note = models.TextField(_("kommentar"), blank=True, default="")
    is_demo = models.BooleanField(_("demodata"), default=False)
    history = HistoricalRecords()

    # The adopting region writes its own row; the solution's owner and the national roles read
    # it, and it is public once the solution is.
    access_rules = AccessRules(
        owner="region",
        participants="solution__owner",
        public=Q(solution__published=True),
        national_write=frozenset({COORDINATOR}),
    )

    class Meta:
        ordering = ["solution", "region__name"]
        verbose_name = _("införande i region")
        verbose_name_plural = _("införanden i regioner")
        constraints = [
            models.UniqueConstraint(fields=["solution", "region"], name="one_adoption_per_region")
        ]

    def __str__(self) -> str:
        return f"{self.solution} – {self.region}: {self.get_status_display()}"
