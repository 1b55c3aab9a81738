"""Documents received, the steps they went through, and the proposal a person reviews."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import COORDINATOR, FUNDER, AccessRules
from sprida.core.models import Organisation
from sprida.intake.filenames import storage_name


def document_path(instance: Document, filename: str) -> str:
    # Grouped by content; two organisations' copies of the same bytes are two files, the
    # storage tells them apart. The name is bounded in bytes for every file system.
    return f"documents/{instance.sha256[:2]}/{instance.sha256}/{storage_name(filename)}"


class DocumentType(models.TextChoices):
    DECISION = "decision", _("Beslut")
    APPLICATION_MEMO = "application_memo", _("Tjänsteskrivelse om ansökan")
    PROTOCOL_EXCERPT = "protocol_excerpt", _("Protokollsutdrag")
    REPORT = "report", _("Redovisning")
    OTHER = "other", _("Annat")


class DocumentStatus(models.TextChoices):
    RECEIVED = "received", _("Mottagen")
    PROCESSING = "processing", _("Läses")
    PROPOSED = "proposed", _("Förslag att granska")
    CONFIRMED = "confirmed", _("Bekräftad")
    FAILED = "failed", _("Misslyckades")


class Document(models.Model):
    sha256 = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64, db_index=True)
    original = models.FileField(_("originalfil"), upload_to=document_path, max_length=300)
    original_name = models.CharField(_("filnamn"), max_length=255)
    media_type = models.CharField(_("filtyp"), max_length=100)
    size_bytes = models.PositiveIntegerField(_("storlek (byte)"))
    page_count = models.PositiveIntegerField(_("sidor"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True, default="")
    page_offsets = models.JSONField(_("sidornas början i texten"), default=list, blank=True)
    document_type = models.CharField(
        _("dokumenttyp"), max_length=30, choices=DocumentType.choices, blank=True, default=""
    )
    title = models.CharField(_("rubrik"), max_length=300, blank=True, default="")
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("ägare"),
        help_text=_("Organisationen som laddade upp dokumentet."),
    )
    region = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents_about",
        verbose_name=_("region"),
        help_text=_("Regionen som dokumentet gäller, enligt tolkningen eller granskningen."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.RECEIVED
    )
    steps = models.JSONField(_("steg"), default=list, blank=True)
    error_code = models.CharField(_("felkod"), max_length=40, blank=True, default="")
    error_message = models.TextField(_("felmeddelande"), blank=True, default="")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uppladdad av"),
    )
    uploaded_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    application = models.ForeignKey(
        "grants.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("ansökan"),
    )
    is_demo = models.BooleanField(_("demodata"), default=False)
    history = HistoricalRecords(excluded_fields=["text", "page_offsets", "steps"])

    # The uploader's organisation holds the document; the region it concerns, the delegation
    # and SKR read it once it is confirmed.
    access_rules = AccessRules(
        owner="owner",
        participants="region",
        private=~Q(status=DocumentStatus.CONFIRMED),
        national_write=frozenset({FUNDER, COORDINATOR}),
    )

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("dokument")
        verbose_name_plural = _("dokument")
        # The same bytes once per organisation: each region keeps its own copy, and what one
        # holds never decides what another may store.
        constraints = [
            models.UniqueConstraint(fields=["owner", "sha256"], name="document_once_per_owner"),
            models.UniqueConstraint(
                fields=["sha256"],
                condition=Q(owner__isnull=True),
                name="document_once_without_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name

    @staticmethod
    def hash_bytes(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    @property
    def progress(self) -> int:
        from sprida.intake.pipeline import STEP_NAMES

        done = sum(1 for step in self.steps if step.get("status") == "done")
        return round(100 * done / len(STEP_NAMES))

    @property
    def is_finished(self) -> bool:
        return self.status in {
            DocumentStatus.PROPOSED,
            DocumentStatus.CONFIRMED,
            DocumentStatus.FAILED,
        }


class Proposal(models.Model):
    """What the extraction proposes; a person corrects and confirms it into grant records."""

    document = models.OneToOneField(
        Document, on_delete=models.CASCADE, related_name="proposal", verbose_name=_("dokument")
    )
    data = models.JSONField(_("förslag"), default=dict)
    spans = models.JSONField(_("textställen"), default=list)
    warnings = models.JSONField(_("varningar"), default=list)
    confirmed_data = models.JSONField(_("bekräftade uppgifter"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bekräftad av"),
    )
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)
    history = HistoricalRecords()

    access_rules = AccessRules(
        owner="document__owner",
        participants="document__region",
        private=~Q(document__status=DocumentStatus.CONFIRMED),
        national_write=frozenset({FUNDER, COORDINATOR}),
    )

    class Meta:
        verbose_name = _("tolkningsförslag")
        verbose_name_plural = _("tolkningsförslag")

    def __str__(self) -> str:
        return f"{self.document}"
