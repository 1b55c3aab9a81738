"""National working groups, their meetings, the time regions give and the effects seen locally."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import COORDINATOR, AccessRules
from sprida.core.models import Organisation
from sprida.enablement.models.common import NO_PRIVATE_ROWS
from sprida.enablement.models.dossier import Dossier

NATIONAL = frozenset({COORDINATOR})


class WorkingGroup(models.Model):
    name = models.CharField(_("namn"), max_length=200, unique=True)
    slug = models.SlugField(_("kortnamn"), max_length=80, unique=True)
    purpose = models.TextField(_("uppdrag"), blank=True, default="")
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="working_groups",
        verbose_name=_("sammankallande organisation"),
    )
    dossiers = models.ManyToManyField(
        Dossier, blank=True, related_name="working_groups", verbose_name=_("underlag")
    )
    active = models.BooleanField(_("aktiv"), default=True)
    is_demo = models.BooleanField(_("demodata"), default=False)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="owner",
        participants="members__organisation",
        private=NO_PRIVATE_ROWS,
        national_write=NATIONAL,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("arbetsgrupp")
        verbose_name_plural = _("arbetsgrupper")

    def __str__(self) -> str:
        return self.name


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Ordförande")
    SECRETARY = "secretary", _("Sekreterare")
    MEMBER = "member", _("Ledamot")


class GroupMember(models.Model):
    group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("grupp")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="working_group_memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    role = models.CharField(
        _("roll"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    joined_on = models.DateField(_("med sedan"), null=True, blank=True)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="group__owner",
        participants="group__members__organisation",
        private=NO_PRIVATE_ROWS,
        national_write=NATIONAL,
        owner_write=False,
    )

    class Meta:
        ordering = ["group", "organisation__name", "person__last_name"]
        verbose_name = _("gruppmedlem")
        verbose_name_plural = _("gruppmedlemmar")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"], name="working_group_one_seat_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.organisation}) i {self.group}"


class Meeting(models.Model):
    group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("grupp")
    )
    held_on = models.DateField(_("datum"))
    title = models.CharField(_("rubrik"), max_length=200)
    notes = models.TextField(_("minnesanteckningar"), blank=True, default="")
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="group__owner",
        participants="group__members__organisation",
        private=NO_PRIVATE_ROWS,
        national_write=NATIONAL,
        owner_write=False,
    )

    class Meta:
        ordering = ["group", "-held_on"]
        verbose_name = _("möte")
        verbose_name_plural = _("möten")

    def __str__(self) -> str:
        return f"{self.group}: {self.title} {self.held_on:%Y-%m-%d}"


class TimeContribution(models.Model):
    """Hours one person gave one group in one month, on behalf of their organisation."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="time_contributions",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="time_contributions",
        verbose_name=_("organisation"),
    )
    group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.PROTECT,
        related_name="time_contributions",
        verbose_name=_("arbetsgrupp"),
    )
    month = models.DateField(_("månad"), help_text=_("Första dagen i månaden."))
    hours = models.DecimalField(_("timmar"), max_digits=6, decimal_places=2)
    note = models.CharField(_("anteckning"), max_length=300, blank=True, default="")
    is_demo = models.BooleanField(_("demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    access_rules = AccessRules(owner="organisation", private=NO_PRIVATE_ROWS)

    class Meta:
        ordering = ["-month", "organisation__name", "person__last_name"]
        verbose_name = _("nedlagd tid")
        verbose_name_plural = _("nedlagd tid")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "group", "month"], name="one_time_row_per_person_group_month"
            ),
            # A month has at most 31 × 24 = 744 hours.
            models.CheckConstraint(
                condition=Q(hours__gt=0, hours__lte=744), name="time_hours_in_month_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}, {self.group}, {self.month:%Y-%m}: {self.hours} h"


class EffectKind(models.TextChoices):
    EFFICIENCY = "efficiency", _("Effektivitet")
    QUALITY = "quality", _("Kvalitet och patientsäkerhet")
    COMPETENCE = "competence", _("Kompetens")
    IMPLEMENTATION = "implementation", _("Snabbare införande")
    OTHER = "other", _("Annat")


class LocalEffect(models.Model):
    """What the joint work meant in one region, as the regions' decisions require them to record."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="joint_work_effects",
        verbose_name=_("region"),
    )
    group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="local_effects",
        verbose_name=_("arbetsgrupp"),
    )
    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="local_effects",
        verbose_name=_("underlag"),
    )
    recorded_on = models.DateField(_("datum"))
    kind = models.CharField(_("slag"), max_length=20, choices=EffectKind.choices)
    title = models.CharField(_("effekt"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True, default="")
    hours_saved = models.DecimalField(
        _("sparade timmar (uppskattning)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    is_demo = models.BooleanField(_("demodata"), default=False)
    history = HistoricalRecords()

    access_rules = AccessRules(owner="organisation", private=NO_PRIVATE_ROWS)

    class Meta:
        ordering = ["organisation__name", "-recorded_on"]
        verbose_name = _("lokal effekt av det gemensamma arbetet")
        verbose_name_plural = _("lokala effekter av det gemensamma arbetet")

    def __str__(self) -> str:
        return self.title
