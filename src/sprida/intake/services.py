"""Write operations for documents: receive, process, confirm."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from sprida.core.access import actor_for
from sprida.core.models import Organisation
from sprida.intake.models import Document, DocumentStatus
from sprida.intake.pipeline import _mark
from sprida.intake.readers import ReadError, read_bytes


@dataclass(frozen=True)
class Received:
    document: Document
    duplicate: bool


def may_upload(user: Any) -> bool:
    """Editors of any organisation, the national roles and site admins may upload documents."""
    actor = actor_for(user)
    return actor.site_admin or actor.is_national or bool(actor.orgs(2))


def _owner_for(user: Any, owner: Organisation | None) -> Organisation | None:
    if owner is not None:
        return owner
    actor = actor_for(user)
    orgs = actor.orgs(2)  # an editor's own organisation holds what they upload
    return (
        Organisation.objects.filter(pk__in=orgs).order_by("kind", "name").first() if orgs else None
    )


def document_receive(
    *,
    by: Any,
    name: str,
    data: bytes,
    owner: Organisation | None = None,
    is_demo: bool = False,
    process: bool = True,
) -> Received:
    """Check and read the file, store it with its text, and queue the rest of the pipeline.

    Raises ReadError (with a Swedish and an English message) before anything is stored.
    The same bytes twice give back the document already received.
    """
    sha256 = Document.hash_bytes(data) if data else ""
    existing = Document.objects.filter(sha256=sha256).first() if sha256 else None
    if existing is not None:
        return Received(existing, duplicate=True)
    read = read_bytes(data, filename=name, max_bytes=settings.SPRIDA_MAX_UPLOAD_BYTES)
    offsets, position = [], 0
    for page in read.pages:
        offsets.append(position)
        position += len(page) + 1  # the form feed between pages
    with transaction.atomic():
        document = Document(
            sha256=read.sha256,
            original_name=name[:255],
            media_type=read.media_type,
            size_bytes=len(data),
            page_count=len(read.pages),
            text=read.text,
            page_offsets=offsets,
            owner=_owner_for(by, owner),
            uploaded_by=by if getattr(by, "pk", None) else None,
            is_demo=is_demo,
        )
        document.original.save(name, ContentFile(data), save=False)
        _mark(document, "store", "done")
        _mark(document, "read", "done")
        document.save()
        if process:
            transaction.on_commit(lambda: document_process(document=document))
    return Received(document, duplicate=False)


def document_process(*, document: Document) -> None:
    from sprida.intake.tasks import process_document

    process_document.enqueue(document.pk)


def document_reprocess(*, by: Any, document: Document) -> None:
    """Run the extraction again (e.g. after the extractor improved); keeps the original."""
    document.steps = [s for s in document.steps if s["name"] in {"store", "read"}]
    document.status = DocumentStatus.RECEIVED
    document.error_code = document.error_message = ""
    document._history_user = by  # type: ignore[attr-defined]
    document.save()
    transaction.on_commit(lambda: document_process(document=document))


__all__ = [
    "ReadError",
    "Received",
    "document_process",
    "document_receive",
    "document_reprocess",
    "may_upload",
]
