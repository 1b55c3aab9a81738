"""What every effects record shares: it belongs to a measure, and so to the measure's region."""

from __future__ import annotations

from django.db.models import Q

from sprida.core.access import AccessRules
from sprida.grants.models import ApplicationStatus


def measure_rules(prefix: str) -> AccessRules:
    """The measure's region writes; joint participants and national roles read.

    `prefix` is the lookup from the model to its Measure, ending in "__".
    """
    return AccessRules(
        owner=f"{prefix}application__applicant",
        participants=f"{prefix}application__participants",
        private=Q(**{f"{prefix}application__status": ApplicationStatus.DRAFT}),
    )
