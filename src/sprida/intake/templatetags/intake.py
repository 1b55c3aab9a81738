"""Record pages link to the documents they came from (intake.provenance)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("intake/_sources.html", takes_context=True)
def source_documents(context: Any, record: Any, details: bool = True) -> dict[str, Any]:
    """The documents `record` was made from, each opening with its value marked; with
    `details`, what they say that no record field holds."""
    from sprida.intake.provenance import sources_for

    request = context.get("request")
    user = getattr(request, "user", None)
    sources = sources_for(user, record) if user is not None else []
    return {"sources": sources, "details": details}
