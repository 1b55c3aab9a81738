from __future__ import annotations

from django import template

from sprida.intake.labels import label

register = template.Library()


@register.filter
def proposal_label(code: object, vocabulary: str) -> str:
    """`{{ data.document_type|proposal_label:"document_type" }}`."""
    return label(vocabulary, code)
