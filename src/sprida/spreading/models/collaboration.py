"""Collaboration between regions granted similar measures, and seminars where they share."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import COORDINATOR, FUNDER, AccessRules
from sprida.core.models import Organisation
from sprida.grants.models import Measure, MeasureCategory
from sprida.spreading.models.solution import Solution


class CollaborationGroup(models.Model):
    title = models.CharField(_("namn"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True, default="")
    category = models.ForeignKey(
        MeasureCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="collaboration_groups",
        verbose_name=_("kategori"),
    )
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="led_collaborations",
        verbose_name=_("sammankallande organisation"),
    )
    members = models.ManyToManyField(
        Organisation,
        through="CollaborationMember",
        related_name="collaborations",
        verbose_name=_("medlemmar"),
    )
    measures = models.ManyToManyField(
        Measure, blank=True, related_name="collaboration_groups", verbose_name=_("åtgärder")
    )
    solution = models.ForeignKey(
        Solution,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="collaboration_groups",
        verbose_name=_("lösning"),
    )
    published = models.BooleanField(
        _("publicerad"), default=False, help_text=_("Publicerade grupper syns för alla.")
    )
    is_demo = models.BooleanField(_("demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="owner",
        participants="members",
        public=Q(published=True),
        national_write=frozenset({COORDINATOR}),
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("samverkansgrupp")
        verbose_name_plural = _("samverkansgrupper")

    def __str__(self) -> str:
        return self.title


class CollaborationMember(models.Model):
    group = models.ForeignKey(
        CollaborationGroup,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("grupp"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True, default="")
    contact_email = models.EmailField(_("kontaktens e-post"), blank=True, default="")
    joined_on = models.DateField(_("med sedan"))
    history = HistoricalRecords()

    # A region manages its own seat in a group; the group's owner reads every seat.
    access_rules = AccessRules(
        owner="organisation",
        participants="group__owner",
        public=Q(group__published=True),
        national_write=frozenset({COORDINATOR}),
    )

    class Meta:
        ordering = ["group", "organisation__name"]
        verbose_name = _("medlem i samverkansgrupp")
        verbose_name_plural = _("medlemmar i samverkansgrupper")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "organisation"], name="one_membership_per_group"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} – {self.organisation}"


class Seminar(models.Model):
    """An event where granted regions present their experience, as the decision asks."""

    title = models.CharField(_("rubrik"), max_length=200)
    held_on = models.DateField(_("datum"))
    organiser = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="seminars",
        verbose_name=_("arrangör"),
    )
    place = models.CharField(_("plats"), max_length=200, blank=True, default="")
    description = models.TextField(_("beskrivning"), blank=True, default="")
    category = models.ForeignKey(
        MeasureCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seminars",
        verbose_name=_("kategori"),
    )
    published = models.BooleanField(_("publicerad"), default=True)
    is_demo = models.BooleanField(_("demodata"), default=False)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="organiser",
        public=Q(published=True),
        national_write=frozenset({COORDINATOR, FUNDER}),
    )

    class Meta:
        ordering = ["-held_on", "title"]
        verbose_name = _("seminarium")
        verbose_name_plural = _("seminarier")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%Y-%m-%d})"


class SeminarPresentation(models.Model):
    seminar = models.ForeignKey(
        Seminar,
        on_delete=models.CASCADE,
        related_name="presentations",
        verbose_name=_("seminarium"),
    )
    title = models.CharField(_("rubrik"), max_length=200)
    presenter = models.CharField(_("föredragande"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("föredragandens organisation"),
    )
    measure = models.ForeignKey(
        Measure,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presentations",
        verbose_name=_("åtgärd"),
    )
    solution = models.ForeignKey(
        Solution,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presentations",
        verbose_name=_("lösning"),
    )
    material_url = models.URLField(_("material (länk)"), blank=True, default="")
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="seminar__organiser",
        participants="organisation",
        public=Q(seminar__published=True),
        national_write=frozenset({COORDINATOR, FUNDER}),
    )

    class Meta:
        ordering = ["seminar", "position", "pk"]
        verbose_name = _("presentation")
        verbose_name_plural = _("presentationer")

    def __str__(self) -> str:
        return self.title
