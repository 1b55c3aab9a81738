"""Users and their memberships in organisations."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sprida.core.access import Role
from sprida.core.models import Organisation


class User(AbstractUser):
    title = models.CharField(_("befattning"), max_length=200, blank=True, default="")
    oidc_subject = models.CharField(
        _("OIDC-identitet"), max_length=255, blank=True, default="", db_index=True
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("användare")  # type: ignore[assignment]
        verbose_name_plural = _("användare")  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("användare")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    @property
    def rank(self) -> int:
        return Role(self.role).rank
