"""Solutions in the catalogue, described in the spirit of publiccode.yml."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import COORDINATOR, AccessRules
from sprida.core.models import Organisation
from sprida.core.versioning import Versioned
from sprida.grants.models import Measure, MeasureCategory
from sprida.intake.filenames import storage_name


class SolutionType(models.TextChoices):
    TECHNICAL = "technical", _("Teknisk")
    ORGANISATIONAL = "organisational", _("Organisatorisk")
    BOTH = "both", _("Teknisk och organisatorisk")


class Maturity(models.TextChoices):
    IDEA = "idea", _("Idé")
    PILOT = "pilot", _("Pilot")
    VALIDATED = "validated", _("Validerad")
    SPREAD = "spread", _("Spridd")


MATURITY_ORDER = [Maturity.IDEA, Maturity.PILOT, Maturity.VALIDATED, Maturity.SPREAD]


def maturity_rank(level: str) -> int:
    return MATURITY_ORDER.index(Maturity(level))


class ProcurementForm(models.TextChoices):
    OWN_DEVELOPMENT = "own_development", _("Egen utveckling")
    OPEN_SOURCE = "open_source", _("Öppen källkod")
    PROCURED = "procured", _("Upphandlad")
    FRAMEWORK_AGREEMENT = "framework_agreement", _("Avrop från ramavtal")
    WORK_METHOD = "work_method", _("Arbetssätt utan upphandling")


# Rules shared by the solution and what hangs on it: drafts stay with the owner region,
# published rows are public, and the national coordinator curates the whole catalogue.
def _solution_rules(prefix: str) -> AccessRules:
    return AccessRules(
        owner=f"{prefix}owner",
        private=Q(**{f"{prefix}published": False}),
        public=Q(**{f"{prefix}published": True}),
        national_write=frozenset({COORDINATOR}),
    )


class Solution(Versioned):
    slug = models.SlugField(_("kortnamn"), unique=True, max_length=80)
    title = models.CharField(_("namn"), max_length=200)
    summary = models.CharField(_("sammanfattning"), max_length=400)
    description = models.TextField(_("beskrivning"), blank=True, default="")
    solution_type = models.CharField(
        _("typ av lösning"), max_length=20, choices=SolutionType.choices
    )
    category = models.ForeignKey(
        MeasureCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="solutions",
        verbose_name=_("kategori"),
    )
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="solutions",
        verbose_name=_("ägande region"),
    )
    maturity = models.CharField(
        _("mognadsgrad"), max_length=20, choices=Maturity.choices, default=Maturity.IDEA
    )
    needs_systems = models.TextField(_("behov av system"), blank=True, default="")
    needs_staff = models.TextField(_("behov av personal och kompetens"), blank=True, default="")
    needs_data = models.TextField(_("behov av data"), blank=True, default="")
    setup_cost_sek = models.BigIntegerField(
        _("införandekostnad (kr)"), null=True, blank=True, help_text=_("Ungefär, per region.")
    )
    yearly_cost_sek = models.BigIntegerField(
        _("årlig driftkostnad (kr)"), null=True, blank=True, help_text=_("Ungefär, per region.")
    )
    cost_notes = models.TextField(_("om kostnaderna"), blank=True, default="")
    licence = models.CharField(
        _("licens"),
        max_length=100,
        blank=True,
        default="",
        help_text=_("SPDX-beteckning för programvara, t.ex. EUPL-1.2, eller avtalets namn."),
    )
    procurement_form = models.CharField(
        _("upphandlingsform"), max_length=30, choices=ProcurementForm.choices, blank=True
    )
    published = models.BooleanField(
        _("publicerad"),
        default=False,
        help_text=_("Publicerade lösningar syns för alla, även utan inloggning."),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    access_rules = _solution_rules("")

    class Meta:
        ordering = ["title"]
        verbose_name = _("lösning")
        verbose_name_plural = _("lösningar")
        constraints = [
            models.CheckConstraint(
                condition=Q(setup_cost_sek__isnull=True) | Q(setup_cost_sek__gte=0),
                name="solution_setup_cost_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(yearly_cost_sek__isnull=True) | Q(yearly_cost_sek__gte=0),
                name="solution_yearly_cost_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("spreading:solution", kwargs={"slug": self.slug})

    @property
    def maturity_rank(self) -> int:
        return maturity_rank(self.maturity)


class SolutionContact(models.Model):
    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("lösning")
    )
    name = models.CharField(_("namn"), max_length=200)
    role = models.CharField(_("roll"), max_length=200, blank=True, default="")
    email = models.EmailField(_("e-post"), blank=True, default="")
    phone = models.CharField(_("telefon"), max_length=40, blank=True, default="")
    history = HistoricalRecords()

    access_rules = _solution_rules("solution__")

    class Meta:
        ordering = ["solution", "name"]
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")

    def __str__(self) -> str:
        return self.name


def _resource_path(instance: SolutionResource, filename: str) -> str:
    # The name comes from outside: safe characters only, bounded in bytes (intake's rules).
    return f"spreading/{instance.solution_id}/{storage_name(filename)}"


class SolutionResource(models.Model):
    """A link or an attached file: a specification, a guide, a source repository."""

    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="resources", verbose_name=_("lösning")
    )
    title = models.CharField(_("rubrik"), max_length=200)
    url = models.URLField(_("länk"), blank=True, default="")
    file = models.FileField(_("bilaga"), upload_to=_resource_path, blank=True, default="")
    history = HistoricalRecords()

    access_rules = _solution_rules("solution__")

    class Meta:
        ordering = ["solution", "title"]
        verbose_name = _("länk eller bilaga")
        verbose_name_plural = _("länkar och bilagor")
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(file=""), name="resource_has_link_or_file"
            )
        ]

    def __str__(self) -> str:
        return self.title


class MaturityChange(models.Model):
    """One move on the maturity ladder, with the evidence that held when it was made."""

    solution = models.ForeignKey(
        Solution,
        on_delete=models.CASCADE,
        related_name="maturity_changes",
        verbose_name=_("lösning"),
    )
    from_level = models.CharField(_("från"), max_length=20, choices=Maturity.choices)
    to_level = models.CharField(_("till"), max_length=20, choices=Maturity.choices)
    changed_at = models.DateTimeField(_("ändrad"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ändrad av"),
    )
    note = models.TextField(_("kommentar"), blank=True, default="")
    evidence = models.JSONField(_("underlag"), default=list, blank=True)
    history = HistoricalRecords()

    access_rules = _solution_rules("solution__")

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("ändrad mognadsgrad")
        verbose_name_plural = _("ändrade mognadsgrader")

    def __str__(self) -> str:
        return f"{self.solution}: {self.from_level} → {self.to_level}"


class MeasureRole(models.TextChoices):
    IMPLEMENTS = "implements", _("Inför lösningen")
    EVALUATES = "evaluates", _("Utvärderar lösningen")


class SolutionMeasure(models.Model):
    """A granted measure that implements or evaluates a solution; its effects are evidence."""

    solution = models.ForeignKey(
        Solution, on_delete=models.CASCADE, related_name="measure_links", verbose_name=_("lösning")
    )
    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="solution_links",
        verbose_name=_("åtgärd"),
    )
    role = models.CharField(
        _("roll"), max_length=20, choices=MeasureRole.choices, default=MeasureRole.IMPLEMENTS
    )
    note = models.TextField(_("kommentar"), blank=True, default="")
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="solution__owner",
        participants="measure__application__applicant",
        private=Q(solution__published=False),
        public=Q(solution__published=True),
        national_write=frozenset({COORDINATOR}),
    )

    class Meta:
        ordering = ["solution", "pk"]
        verbose_name = _("åtgärd kopplad till lösning")
        verbose_name_plural = _("åtgärder kopplade till lösningar")
        constraints = [
            models.UniqueConstraint(fields=["solution", "measure"], name="one_link_per_measure")
        ]

    def __str__(self) -> str:
        return f"{self.solution} – {self.measure}"
