"""Read queries for documents, scoped by the user."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sprida.core.access import restrict
from sprida.intake.models import Document


def documents_for_user(*, user: Any) -> QuerySet[Document]:
    return restrict(Document.objects.all(), user).select_related("owner", "region", "uploaded_by")
