"""What every effects record shares: it belongs to a measure, and so to the measure's region.

Statuses, costs and qualitative effects also belong to a part: the organisation whose share of
the measure they record. In a joint application each participant records its own part; in a
region's own application the part is always the applicant.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sprida.core.access import AccessRules
from sprida.core.models import Organisation
from sprida.core.versioning import Versioned
from sprida.grants.models import ApplicationStatus


def measure_rules(prefix: str, *, part: str = "") -> AccessRules:
    """The measure's region writes; joint participants and national roles read.

    `prefix` is the lookup from the model to its Measure, ending in "__". Where `part` names
    the lookup to the record's part, that organisation's editors write the record instead.
    """
    return AccessRules(
        owner=f"{prefix}application__applicant",
        participants=f"{prefix}application__participants",
        private=Q(**{f"{prefix}application__status": ApplicationStatus.DRAFT}),
        part=part,
    )


class PartRecord(Versioned):
    """A follow-up record of one organisation's part of a measure."""

    part = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("del"),
        help_text=_("Den organisation vars del av åtgärden posten gäller."),
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Without a part, a record is the applicant's own: a region's own application has no other.
        if self.part_id is None:
            self.part_id = self.measure.application.applicant_id
        super().save(*args, **kwargs)
