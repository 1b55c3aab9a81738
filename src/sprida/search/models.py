"""The search index: one row per searchable record, with the visibility of its source."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sprida.core.access import AccessRules
from sprida.core.models import Organisation


class SearchEntry(models.Model):
    """A denormalised copy of one record for search.

    Visibility mirrors the source's access rules at indexing time (owner, participants,
    private, public), so the database can filter before ranking. Results are checked
    against the source records again before they are shown, so a stale row never leaks.
    The index is derived data and is rebuilt by `sprida reindex`; it keeps no history.
    """

    kind = models.CharField(_("typ"), max_length=40)
    object_id = models.BigIntegerField(_("post-id"))
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ägare"),
    )
    participants = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("deltagare")
    )
    public = models.BooleanField(_("publik"), default=False)
    private = models.BooleanField(_("endast ägaren"), default=False)
    title = models.CharField(_("rubrik"), max_length=400)
    body = models.TextField(_("text"), blank=True, default="")
    stems = models.TextField(_("ordstammar"), blank=True, default="")
    url = models.CharField(_("adress"), max_length=400, blank=True, default="")
    category = models.CharField(_("kategori"), max_length=60, blank=True, default="")
    date = models.DateField(_("datum"), null=True, blank=True)
    indexed_at = models.DateTimeField(_("indexerad"), auto_now=True)

    access_rules = AccessRules(
        owner="owner",
        participants="participants",
        private=Q(private=True),
        public=Q(public=True),
    )

    class Meta:
        ordering = ["kind", "object_id"]
        verbose_name = _("sökpost")
        verbose_name_plural = _("sökposter")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_entry_per_object")
        ]
        indexes = [models.Index(fields=["public", "kind"], name="search_public_kind")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"
