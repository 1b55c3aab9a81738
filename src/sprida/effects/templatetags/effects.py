"""Template filters for indicator values."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from sprida.effects.numbers import format_decimal, format_percent

register = template.Library()


@register.filter
def dec(value: Any) -> str:
    """Decimal('12.5000') → '12,5'."""
    return format_decimal(value)


@register.filter
def percent(value: Any) -> str:
    return format_percent(value)


@register.filter
def signed_sek(value: Any) -> str:
    """Over- or underspend: '+120 000 kr' or '−80 000 kr'."""
    from sprida.core.formats import format_sek

    if value is None:
        return "–"
    number = int(value)
    sign = "+" if number > 0 else "\u2212" if number < 0 else ""
    return f"{sign}{format_sek(abs(number))}"


@register.filter
def remaining(value: Any) -> str:
    """The remaining grant in a table cell: '5 200 000 kr', or 'överskridet med 80 000 kr'."""
    from sprida.core.formats import format_sek

    if value is None:
        return "–"
    number = int(value)
    if number < 0:
        return _("överskridet med %(amount)s") % {"amount": format_sek(-number)}
    return format_sek(number)
