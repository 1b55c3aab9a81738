"""Documents in search: their title and text, seen by whoever may see the document."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sprida.intake.models import Document
from sprida.search.registry import Builder, Doc, register

MAX_BODY = 60_000  # enough for any decision or memo; keeps one huge upload from bloating the index


def _document(document: Document) -> Doc:
    return Doc(
        title=str(document),
        body=document.text[:MAX_BODY],
        url=reverse("intake:document", kwargs={"pk": document.pk}),
        date=document.uploaded_at.date() if document.uploaded_at else None,
        extra=[document.original_name, *(o.name for o in (document.region, document.owner) if o)],
    )


register(
    "document",
    Builder(
        model=Document,
        label=_("Dokument"),
        document=_document,
        queryset=lambda: Document.objects.select_related("region", "owner"),
    ),
)
