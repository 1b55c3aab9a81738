"""Write operations for documents: receive, process, confirm."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from sprida.core.access import Role, Who, actor_for, author, can_change, may_create
from sprida.core.collation import Swedish
from sprida.core.models import Organisation
from sprida.intake.filenames import clean_file_name
from sprida.intake.models import Document, DocumentStatus
from sprida.intake.pipeline import _mark
from sprida.intake.readers import ReadError, read_bytes
from sprida.intake.uploads import upload_bytes

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Received:
    document: Document
    duplicate: bool


def may_upload(user: Who, owner: Organisation | None = None) -> bool:
    """May the user store a document for `owner` (by default the organisation they edit for)?

    Editors upload for their own organisation; the national writers and site admins for any."""
    owner = _owner_for(user, owner)
    return may_create(user, Document, owner.pk if owner else None)


def _owner_for(user: Who, owner: Organisation | None) -> Organisation | None:
    if owner is not None:
        return owner
    orgs = actor_for(user).orgs(Role.EDITOR)  # an editor's own organisation holds what they upload
    return (
        Organisation.objects.filter(pk__in=orgs).order_by("kind", Swedish("name")).first()
        if orgs
        else None
    )


def _held_already(sha256: str, owner: Organisation | None) -> Document | None:
    """The same bytes the uploader's organisation already holds. Only that organisation's
    documents count, so an upload never learns what another organisation has. Without an
    organisation (the operator's import, a site administrator) every document is in view."""
    documents = Document.objects.filter(sha256=sha256)
    if owner is not None:
        documents = documents.filter(owner=owner)
    return documents.order_by("pk").first()


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
    The same bytes twice from one organisation give back the document it already has.
    Refuses (PermissionDenied) a user who may not store documents for the owner.
    """
    name = clean_file_name(name)
    owner = _owner_for(by, owner)
    if not may_upload(by, owner):
        raise PermissionDenied(_("Du behöver vara redaktör i en organisation för att ladda upp."))
    existing = _held_already(Document.hash_bytes(data), owner) if data else None
    if existing is not None:
        return Received(existing, duplicate=True)
    read = read_bytes(data, filename=name, max_bytes=settings.SPRIDA_MAX_UPLOAD_BYTES)
    offsets, position = [], 0
    for page in read.pages:
        offsets.append(position)
        position += len(page) + 1  # the form feed between pages
    document = Document(
        sha256=read.sha256,
        original_name=name,
        media_type=read.media_type,
        size_bytes=len(data),
        page_count=len(read.pages),
        text=read.text,
        page_offsets=offsets,
        owner=owner,
        uploaded_by=author(by),
        is_demo=is_demo,
    )
    _mark(document, "store", "done")
    _mark(document, "read", "done")
    document.original.save(name, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            document.save()
            if process:
                transaction.on_commit(lambda: document_process(document=document))
    except BaseException as error:
        document.original.delete(save=False)  # no file without its row
        if isinstance(error, IntegrityError):
            # The same organisation sent the same bytes twice at once; the first one won.
            existing = _held_already(read.sha256, owner)
            if existing is not None:
                return Received(existing, duplicate=True)
        raise
    return Received(document, duplicate=False)


@dataclass(frozen=True)
class UploadResult:
    """One file of a batch: the document received, or why it was not."""

    name: str
    received: Received | None = None
    code: str = ""
    message_sv: str = ""
    message_en: str = ""

    @property
    def ok(self) -> bool:
        return self.received is not None

    @property
    def message(self) -> str:
        """Why it was refused, in the language of the page."""
        english = (translation.get_language() or "").startswith("en")
        return self.message_en if english else self.message_sv


def documents_receive(*, by: Any, uploads: Iterable[UploadedFile]) -> list[UploadResult]:
    """Receive each file on its own: one that fails, for whatever reason, never stops the
    others, and leaves neither a row nor a stored file behind."""
    results = []
    for upload in uploads:
        name = clean_file_name(upload.name)
        try:
            received = document_receive(by=by, name=name, data=upload_bytes(upload))
        except ReadError as error:
            results.append(UploadResult(name, None, error.code, error.message_sv, error.message_en))
        except PermissionDenied:
            raise  # about the person, not the file: the whole request is refused
        except Exception:
            logger.exception("Storing the upload %r failed", name)
            results.append(UploadResult(name, None, "not_stored", *_NOT_STORED))
        else:
            results.append(UploadResult(name, received))
    return results


_NOT_STORED = (
    "Filen kunde inte sparas på grund av ett fel hos Sprida. Felet är loggat; "
    "försök igen om en stund.",
    "The file could not be stored because of an error in Sprida. It has been logged; "
    "try again later.",
)


def document_process(*, document: Document) -> None:
    from sprida.intake.tasks import process_document

    process_document.enqueue(document.pk)


def document_reprocess(*, by: Any, document: Document) -> None:
    """Run the extraction again (e.g. after the extractor improved); keeps the original."""
    if not can_change(by, document):
        raise PermissionDenied(_("Du får inte ändra det här dokumentet."))
    document.steps = [s for s in document.steps if s["name"] in {"store", "read"}]
    document.status = DocumentStatus.RECEIVED
    document.error_code = document.error_message = ""
    document._history_user = author(by)  # type: ignore[attr-defined]
    document.save()
    transaction.on_commit(lambda: document_process(document=document))


__all__ = [
    "ReadError",
    "Received",
    "UploadResult",
    "document_process",
    "document_receive",
    "document_reprocess",
    "documents_receive",
    "may_upload",
]
