"""Organisations: the 21 regions and the national bodies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import AccessRules, NationalRole
from sprida.core.collation import Swedish
from sprida.core.orgnumber import format_org_number, luhn_valid


def validate_org_number(value: str) -> None:
    if not luhn_valid(value):
        raise ValidationError(
            _("Organisationsnumret %(value)s är ogiltigt (kontrollsiffran stämmer inte)."),
            params={"value": value},
            code="org_number",
        )


class OrganisationKind(models.TextChoices):
    REGION = "region", _("Region")
    NATIONAL = "national", _("Nationell aktör")


class Organisation(models.Model):
    slug = models.SlugField(_("kortnamn"), unique=True, max_length=40)
    name = models.CharField(_("namn"), max_length=200, unique=True)
    kind = models.CharField(_("typ"), max_length=20, choices=OrganisationKind.choices)
    national_role = models.CharField(
        _("nationell roll"), max_length=20, choices=NationalRole.choices, blank=True, default=""
    )
    org_number = models.CharField(
        _("organisationsnummer"), max_length=11, unique=True, validators=[validate_org_number]
    )
    county_code = models.CharField(_("länskod"), max_length=2, blank=True, default="")
    county_letter = models.CharField(_("länsbokstav"), max_length=2, blank=True, default="")
    seat = models.CharField(_("säte"), max_length=100, blank=True, default="")
    description = models.TextField(_("beskrivning"), blank=True, default="")
    history = HistoricalRecords()

    # Who is who is public; only site admins change it.
    access_rules = AccessRules(public=models.Q())

    class Meta:
        ordering = ["kind", Swedish("name")]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="national") | models.Q(national_role=""),
                name="region_has_no_national_role",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.org_number = format_org_number(self.org_number)

    @property
    def is_region(self) -> bool:
        return self.kind == OrganisationKind.REGION


class RegionManager(models.Manager["Region"]):
    def get_queryset(self) -> models.QuerySet[Region]:
        return super().get_queryset().filter(kind=OrganisationKind.REGION)


class Region(Organisation):
    """The 21 regions, as a view on Organisation."""

    objects = RegionManager()  # type: ignore[misc]

    class Meta:
        proxy = True
        ordering = [Swedish("name")]
        verbose_name = _("region")
        verbose_name_plural = _("regioner")
