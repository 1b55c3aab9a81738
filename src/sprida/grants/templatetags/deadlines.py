"""`{{ deadline|deadline_state }}`: the deadline's state in words, met or not."""

from __future__ import annotations

from django import template
from django.utils import timezone

from sprida.grants.deadlines import DeadlineState, state_of
from sprida.grants.models import Deadline

register = template.Library()


@register.filter
def deadline_state(deadline: Deadline | None) -> DeadlineState | None:
    if deadline is None:
        return None
    return state_of(deadline, timezone.localdate())
