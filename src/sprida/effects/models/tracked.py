"""A measure seen through the effects records' rules (not the grant's public ones)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from sprida.effects.models.common import measure_rules
from sprida.grants.models import Measure


class TrackedMeasure(Measure):
    """The effects pages open a measure through this proxy: a published decision makes the
    measure public, but its follow-up belongs to the region (and the national roles read it)."""

    access_rules = measure_rules("")

    class Meta:
        proxy = True
        verbose_name = _("uppföljd åtgärd")
        verbose_name_plural = _("uppföljda åtgärder")
