"""Template filters for Swedish formats: money, numbers, days left."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sprida.core.formats import format_sek, format_thousands

register = template.Library()


@register.filter
def sek(value: Any) -> str:
    """34870000 → '34 870 000 kr' (no-break spaces, so it never wraps mid-number). Unknown
    (None) is not zero: a dash that a screen reader reads as "uppgift saknas"."""
    if value is None or value == "":
        return format_html(
            '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
            _("uppgift saknas"),
        )
    return format_sek(value)


@register.filter
def thousands(value: Any) -> str:
    return format_thousands(value)


@register.filter
def days_left(due: dt.date | None) -> str:
    if due is None:
        return ""
    days = (due - timezone.localdate()).days
    if days < 0:
        return ngettext("%(n)d dag försenad", "%(n)d dagar försenad", -days) % {"n": -days}
    if days == 0:
        return _("i dag")
    return ngettext("%(n)d dag kvar", "%(n)d dagar kvar", days) % {"n": days}


@register.filter
def due_class(due: dt.date | None) -> str:
    if due is None:
        return ""
    days = (due - timezone.localdate()).days
    return "overdue" if days < 0 else "soon" if days <= 30 else ""


@register.inclusion_tag("core/_history.html")
def history_table(obj: Any, limit: int = 50) -> dict[str, Any]:
    from sprida.core.history import history_for

    anchor = f"history-{obj._meta.model_name}-{obj.pk}"  # unique when a page shows two
    return {"entries": history_for(obj, limit), "anchor": anchor}


@register.inclusion_tag("core/_error_summary.html")
def error_summary(*items: Any) -> dict[str, Any]:
    """The GOV.UK error summary: every error of the forms given, linked to its field."""
    from sprida.core.form_errors import form_errors

    return {"errors": form_errors(*items)}


@register.simple_tag
def error_title(*items: Any) -> str:
    """'Fel: ' before the page title while the forms given have errors, else nothing."""
    from sprida.core.form_errors import form_errors

    return _("Fel: ") if form_errors(*items) else ""
