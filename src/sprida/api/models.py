"""Personal API tokens: each acts as its user, stored only as a hash."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

TOKEN_SCHEME = "sprida"  # tokens read "sprida_<prefix>_<secret>"
PREFIX_LENGTH = 8


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("användare"),
    )
    name = models.CharField(
        _("namn"), max_length=100, help_text=_("Vad nyckeln används till, t.ex. ”Power BI”.")
    )
    # The visible start of the token finds the row; the hash proves the rest.
    prefix = models.CharField(_("början av nyckeln"), max_length=PREFIX_LENGTH, unique=True)
    key_hash = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("senast använd"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("återkallad"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["last_used_at"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API-nyckel")
        verbose_name_plural = _("API-nycklar")

    def __str__(self) -> str:
        return f"{self.name} ({self.display_prefix}…)"

    @property
    def display_prefix(self) -> str:
        return f"{TOKEN_SCHEME}_{self.prefix}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
