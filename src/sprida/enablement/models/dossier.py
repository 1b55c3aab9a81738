"""National dossiers per AI application type, their versions and what each version holds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import COORDINATOR, AccessRules
from sprida.core.models import Organisation
from sprida.core.versioning import Versioned
from sprida.enablement.aiact import AIActResult
from sprida.enablement.models.common import NO_PRIVATE_ROWS, SectionKind, round_sek
from sprida.enablement.models.requirement import Requirement

NATIONAL = frozenset({COORDINATOR})


class VersionLockedError(Exception):
    """A published dossier version, or anything in it, was about to change."""


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    REVIEW = "review", _("Granskning")
    PUBLISHED = "published", _("Publicerad")


class Dossier(models.Model):
    """One AI application type, e.g. AI-baserad taligenkänning; its content lives in versions."""

    title = models.CharField(_("namn"), max_length=200, unique=True)
    slug = models.SlugField(_("kortnamn"), max_length=80, unique=True)
    category = models.ForeignKey(
        "grants.MeasureCategory",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("tillämpningstyp"),
    )
    solutions = models.ManyToManyField(
        "spreading.Solution",
        blank=True,
        related_name="dossiers",
        verbose_name=_("lösningar i katalogen"),
    )
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="owned_dossiers",
        verbose_name=_("ansvarig organisation"),
    )
    purpose = models.TextField(
        _("syfte"), help_text=_("Vad AI-tillämpningen gör och varför, i klartext för allmänheten.")
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True, default="")
    contact_email = models.EmailField(_("e-post till kontakt"), blank=True, default="")
    reviewers = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="reviewed_dossiers",
        verbose_name=_("granskande organisationer"),
    )
    current_version = models.ForeignKey(
        "DossierVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("senast publicerade version"),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    # National: the coordinator writes; reviewers read while in review; published is public.
    access_rules = AccessRules(
        owner="owner",
        participants="reviewers",
        private=NO_PRIVATE_ROWS,
        public=Q(current_version__isnull=False),
        national_write=NATIONAL,
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("gemensamt underlag")
        verbose_name_plural = _("gemensamma underlag")

    def __str__(self) -> str:
        return self.title


class DossierVersion(Versioned):
    """One version of a dossier: draft → review → published. A published version never changes."""

    class ProcessingLocation(models.TextChoices):
        EU = "eu", _("Inom EU/EES")
        THIRD_COUNTRY = "third_country", _("I tredje land")
        UNKNOWN = "unknown", _("Inte utrett")

    class MDRClass(models.TextChoices):
        NONE = "", _("Inte en medicinteknisk produkt")
        I = "I", _("Klass I")  # noqa: E741
        IIA = "IIa", _("Klass IIa")
        IIB = "IIb", _("Klass IIb")
        III = "III", _("Klass III")

    class SecurityClass(models.TextChoices):
        LOW = "1", _("1 – Låg")
        MODERATE = "2", _("2 – Måttlig")
        HIGH = "3", _("3 – Hög")
        VERY_HIGH = "4", _("4 – Mycket hög")

    class DPIAStatus(models.TextChoices):
        NOT_STARTED = "not_started", _("Inte påbörjad")
        IN_PROGRESS = "in_progress", _("Pågår")
        DONE = "done", _("Genomförd (nationell mall)")
        NOT_REQUIRED = "not_required", _("Krävs inte")

    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="versions", verbose_name=_("underlag")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    change_summary = models.TextField(_("ändringar i versionen"), blank=True, default="")
    # Data
    data_sources = models.TextField(_("datakällor"), blank=True, default="")
    data_categories = models.TextField(_("kategorier av uppgifter"), blank=True, default="")
    health_data = models.BooleanField(
        _("behandlar uppgifter om hälsa (art. 9 GDPR)"), default=False
    )
    data_quality = models.TextField(_("datakvalitet"), blank=True, default="")
    data_access = models.TextField(_("åtkomst till data"), blank=True, default="")
    data_retention = models.TextField(_("lagring och gallring"), blank=True, default="")
    processing_location = models.CharField(
        _("var uppgifterna behandlas"),
        max_length=20,
        choices=ProcessingLocation.choices,
        default=ProcessingLocation.UNKNOWN,
    )
    processing_details = models.TextField(
        _("om behandlingsplatsen"),
        blank=True,
        default="",
        help_text=_("Leverantör, datacenter, skyddsåtgärder vid överföring."),
    )
    # Legal
    gdpr_legal_basis = models.TextField(_("rättslig grund enligt GDPR"), blank=True, default="")
    patient_data_law = models.TextField(_("patientdatalagen"), blank=True, default="")
    mdr_class = models.CharField(
        _("klass enligt MDR"), max_length=4, choices=MDRClass.choices, blank=True, default=""
    )
    procurement = models.TextField(_("upphandling"), blank=True, default="")
    security_class = models.CharField(
        _("informationsklassning"),
        max_length=1,
        choices=SecurityClass.choices,
        blank=True,
        default="",
    )
    dpia_status = models.CharField(
        _("konsekvensbedömning (DPIA)"),
        max_length=20,
        choices=DPIAStatus.choices,
        default=DPIAStatus.NOT_STARTED,
    )
    dpia_note = models.TextField(_("om konsekvensbedömningen"), blank=True, default="")
    # Benefit, risk, competence
    benefit_assumptions = models.TextField(_("antaganden i nyttoanalysen"), blank=True, default="")
    human_oversight = models.TextField(_("mänsklig tillsyn"), blank=True, default="")
    risk_summary = models.TextField(_("sammanfattning av riskerna"), blank=True, default="")
    competence_summary = models.TextField(_("kompetensbehov"), blank=True, default="")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skapad av"),
    )
    submitted_at = models.DateTimeField(_("skickad på granskning"), null=True, blank=True)
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("publicerad av"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="dossier__owner",
        participants="dossier__reviewers",
        private=Q(status=VersionStatus.DRAFT),
        public=Q(status=VersionStatus.PUBLISHED),
        national_write=NATIONAL,
        locked=Q(status=VersionStatus.PUBLISHED),
    )

    class Meta:
        ordering = ["dossier", "-number"]
        verbose_name = _("version av underlag")
        verbose_name_plural = _("versioner av underlag")
        constraints = [
            models.UniqueConstraint(fields=["dossier", "number"], name="dossier_version_number"),
            models.CheckConstraint(
                condition=~Q(status=VersionStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="published_version_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dossier} – version {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._stored_status() == VersionStatus.PUBLISHED:
            raise VersionLockedError(
                gettext(
                    "Version %(number)d av %(dossier)s är publicerad och kan inte ändras. "
                    "Skapa en ny version."
                )
                % {"number": self.number, "dossier": self.dossier}
            )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self._stored_status() == VersionStatus.PUBLISHED:
            raise VersionLockedError(
                gettext("Version %(number)d är publicerad och kan inte tas bort.")
                % {"number": self.number}
            )
        return super().delete(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == VersionStatus.PUBLISHED

    @property
    def is_open(self) -> bool:
        return self.status != VersionStatus.PUBLISHED

    def _stored_status(self) -> str | None:
        if self.pk is None:
            return None
        return (
            type(self)._default_manager.filter(pk=self.pk).values_list("status", flat=True).first()
        )


def _content_rules() -> AccessRules:
    return AccessRules(
        owner="version__dossier__owner",
        participants="version__dossier__reviewers",
        private=Q(version__status=VersionStatus.DRAFT),
        public=Q(version__status=VersionStatus.PUBLISHED),
        national_write=NATIONAL,
        locked=Q(version__status=VersionStatus.PUBLISHED),
    )


class VersionContent(models.Model):
    """Rows inside a version: locked, like the version, once it is published."""

    version: models.ForeignKey[DossierVersion, DossierVersion]

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._locked():
            raise VersionLockedError(gettext("Versionen är publicerad och kan inte ändras."))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self._locked():
            raise VersionLockedError(gettext("Versionen är publicerad och kan inte ändras."))
        return super().delete(*args, **kwargs)

    def _locked(self) -> bool:
        version_ids = {self.version_id}  # type: ignore[attr-defined]
        if self.pk is not None:
            manager: Any = type(self)._default_manager  # abstract base: fields on subclasses
            stored = manager.filter(pk=self.pk).values_list("version_id", flat=True)
            version_ids.update(stored)
        return DossierVersion.objects.filter(
            pk__in=version_ids, status=VersionStatus.PUBLISHED
        ).exists()


class BenefitKind(models.TextChoices):
    TIME_SAVED = "time_saved", _("Sparad tid")
    COST_AVOIDED = "cost_avoided", _("Undvikna kostnader")
    NON_MONETISED = "non_monetised", _("Ej värderad i kronor")


class BenefitItem(VersionContent):
    version = models.ForeignKey(
        DossierVersion, on_delete=models.CASCADE, related_name="benefits", verbose_name=_("version")
    )
    kind = models.CharField(_("slag"), max_length=20, choices=BenefitKind.choices)
    description = models.CharField(_("nytta"), max_length=300)
    hours_per_year = models.DecimalField(
        _("sparade timmar per år"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    hourly_cost_sek = models.BigIntegerField(_("kostnad per timme (kr)"), null=True, blank=True)
    amount_sek = models.BigIntegerField(_("undvikna kostnader per år (kr)"), null=True, blank=True)
    assumption = models.TextField(_("antagande"), blank=True, default="")
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    history = HistoricalRecords()

    access_rules = _content_rules()

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("nytta")
        verbose_name_plural = _("nyttor")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=BenefitKind.TIME_SAVED)
                | Q(hours_per_year__gt=0, hourly_cost_sek__gt=0),
                name="time_saved_has_hours_and_cost",
            ),
            models.CheckConstraint(
                condition=~Q(kind=BenefitKind.COST_AVOIDED) | Q(amount_sek__gt=0),
                name="cost_avoided_has_amount",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def yearly_value_sek(self) -> int | None:
        """Hours × cost rounded to whole kronor, or the avoided cost; None if not monetised."""
        if self.kind == BenefitKind.TIME_SAVED and self.hours_per_year and self.hourly_cost_sek:
            return round_sek(Decimal(self.hours_per_year) * self.hourly_cost_sek)
        if self.kind == BenefitKind.COST_AVOIDED:
            return self.amount_sek
        return None


SCALE = [MinValueValidator(1), MaxValueValidator(4)]


class RiskItem(VersionContent):
    version = models.ForeignKey(
        DossierVersion, on_delete=models.CASCADE, related_name="risks", verbose_name=_("version")
    )
    title = models.CharField(_("risk"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True, default="")
    likelihood = models.PositiveSmallIntegerField(_("sannolikhet (1–4)"), validators=SCALE)
    consequence = models.PositiveSmallIntegerField(_("konsekvens (1–4)"), validators=SCALE)
    mitigation = models.TextField(_("åtgärd"), blank=True, default="")
    owner = models.CharField(_("riskägare"), max_length=200, blank=True, default="")
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    history = HistoricalRecords()

    access_rules = _content_rules()

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("risk")
        verbose_name_plural = _("risker")
        constraints = [
            models.CheckConstraint(
                condition=Q(likelihood__gte=1, likelihood__lte=4), name="risk_likelihood_1_4"
            ),
            models.CheckConstraint(
                condition=Q(consequence__gte=1, consequence__lte=4), name="risk_consequence_1_4"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def score(self) -> int:
        return self.likelihood * self.consequence

    @property
    def level(self) -> str:
        """low (1–3), medium (4–6), high (8–9), very_high (12–16)."""
        return risk_level(self.score)


def risk_level(score: int) -> str:
    if score >= 12:
        return "very_high"
    if score >= 8:
        return "high"
    if score >= 4:
        return "medium"
    return "low"


class TrainingModule(VersionContent):
    version = models.ForeignKey(
        DossierVersion,
        on_delete=models.CASCADE,
        related_name="trainings",
        verbose_name=_("version"),
    )
    title = models.CharField(_("utbildning"), max_length=300)
    audience = models.CharField(_("målgrupp"), max_length=300)
    length_minutes = models.PositiveIntegerField(_("längd (minuter)"))
    material = models.TextField(_("material"), blank=True, default="")
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)
    history = HistoricalRecords()

    access_rules = _content_rules()

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("utbildningsmodul")
        verbose_name_plural = _("utbildningsmoduler")
        constraints = [
            models.CheckConstraint(condition=Q(length_minutes__gt=0), name="training_has_length")
        ]

    def __str__(self) -> str:
        return self.title


class CheckStatus(models.TextChoices):
    MET = "met", _("Uppfyllt")
    PARTLY = "partly", _("Delvis uppfyllt")
    NOT_MET = "not_met", _("Inte uppfyllt")
    NOT_APPLICABLE = "not_applicable", _("Inte tillämpligt")


class RequirementCheck(VersionContent):
    """Which version of a requirement this dossier version meets, and how."""

    version = models.ForeignKey(
        DossierVersion, on_delete=models.CASCADE, related_name="checks", verbose_name=_("version")
    )
    requirement = models.ForeignKey(
        Requirement, on_delete=models.PROTECT, related_name="checks", verbose_name=_("krav")
    )
    status = models.CharField(_("bedömning"), max_length=20, choices=CheckStatus.choices)
    note = models.TextField(_("hur kravet uppfylls"), blank=True, default="")
    history = HistoricalRecords()

    access_rules = _content_rules()

    class Meta:
        ordering = ["version", "requirement__area", "requirement__urn"]
        verbose_name = _("kravuppfyllelse")
        verbose_name_plural = _("kravuppfyllelse")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "requirement"], name="dossier_one_check_per_requirement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.requirement.urn} {self.requirement.version}: {self.get_status_display()}"


class AIActAssessment(VersionContent):
    """The completed AI Act questionnaire: every answer, the result and the reasons."""

    version = models.OneToOneField(
        DossierVersion, on_delete=models.CASCADE, related_name="aiact", verbose_name=_("version")
    )
    answers = models.JSONField(_("svar"), default=dict)
    result = models.CharField(_("riskklass"), max_length=20, choices=AIActResult.choices)
    reasons = models.JSONField(_("motivering"), default=list)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bedömd av"),
    )
    assessed_at = models.DateTimeField(_("bedömd"), auto_now=True)
    history = HistoricalRecords()

    access_rules = _content_rules()

    class Meta:
        verbose_name = _("klassning enligt AI-förordningen")
        verbose_name_plural = _("klassningar enligt AI-förordningen")

    def __str__(self) -> str:
        return f"{self.version}: {self.get_result_display()}"


class ReviewDecision(models.TextChoices):
    APPROVED = "approved", _("Godkänd")
    CHANGES = "changes_requested", _("Ändringar behövs")
    COMMENT = "comment", _("Kommentar")


class Review(models.Model):
    """A reviewer's comment or approval on a version in review."""

    version = models.ForeignKey(
        DossierVersion, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("version")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("granskare"),
    )
    decision = models.CharField(
        _("ställningstagande"), max_length=20, choices=ReviewDecision.choices
    )
    section = models.CharField(
        _("avsnitt"), max_length=20, choices=SectionKind.choices, blank=True, default=""
    )
    comment = models.TextField(_("kommentar"), blank=True, default="")
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="organisation",
        participants="version__dossier__reviewers",
        private=NO_PRIVATE_ROWS,
        locked=Q(version__status=VersionStatus.PUBLISHED),
    )

    class Meta:
        ordering = ["version", "created_at", "pk"]
        verbose_name = _("granskning")
        verbose_name_plural = _("granskningar")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_decision_display()}"
