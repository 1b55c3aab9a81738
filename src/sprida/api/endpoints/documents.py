"""Documents in: upload → the extraction's proposal → a person confirms it into grant records."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import File, FilterSchema, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.filter_schema import FilterLookup
from pydantic import Field

from sprida.api.endpoints.common import user_of
from sprida.api.endpoints.inputs import Input
from sprida.api.pagination import ObjectId, PageParams, page_of, paginate
from sprida.api.problems import ERROR_RESPONSES, ApiProblem, Problem, problem_data
from sprida.api.schemas import OrganisationRef
from sprida.core.access import get_for_user
from sprida.intake import selectors, services
from sprida.intake.confirm import proposal_confirm
from sprida.intake.models import Document

router = Router(tags=["documents"])


class ProposalOut(Schema):
    data: dict[str, Any] = Field(description="The extracted values (intake's published schema).")
    warnings: list[Any]
    spans: list[Any] = Field(description="Where in the text each value was found.")
    confirmed: bool
    confirmed_at: dt.datetime | None

    @staticmethod
    def resolve_confirmed(obj: Any) -> bool:
        return obj.confirmed_at is not None


class DocumentOut(Schema):
    id: int
    sha256: str
    original_name: str
    media_type: str
    size_bytes: int
    page_count: int | None
    document_type: str
    title: str
    status: str = Field(
        description="`received`, `processing`, `proposed`, `confirmed` or `failed`."
    )
    error_code: str
    owner: OrganisationRef | None
    region: OrganisationRef | None
    application_id: int | None
    uploaded_at: dt.datetime
    is_demo: bool


class DocumentDetailOut(DocumentOut):
    steps: list[Any]
    proposal: ProposalOut | None

    @staticmethod
    def resolve_proposal(obj: Any) -> Any:
        return getattr(obj, "proposal", None)


class DocumentFilter(FilterSchema):
    status: Literal["received", "processing", "proposed", "confirmed", "failed"] | None = None
    region: Annotated[
        Annotated[str, Field(max_length=40, pattern=r"^[-a-z0-9]+$")] | None,
        FilterLookup("region__slug"),
    ] = None


@router.get("/documents", response={200: page_of(DocumentOut), **ERROR_RESPONSES})
def documents_list(
    request: HttpRequest, filters: Query[DocumentFilter], page: Query[PageParams]
) -> Any:
    queryset = filters.filter(selectors.documents_for_user(user=user_of(request)))
    return paginate(queryset, page)


def _status_of(code: str) -> int:
    if code == "too_large":
        return 413
    if code in {"wrong_type", "unsupported_type"}:
        return 415
    return 500 if code == "not_stored" else 422


def _may_upload(user: Any) -> None:
    if not services.may_upload(user):
        raise ApiProblem(403, "permission_denied", "Uploading needs an editor role.")


@router.post(
    "/documents",
    response={201: DocumentOut, 200: DocumentOut, 413: Problem, 415: Problem, **ERROR_RESPONSES},
)
def documents_upload(request: HttpRequest, file: File[UploadedFile]) -> Any:
    """Upload a PDF, DOCX or text file. It is read at once and extracted in the background;
    the same bytes a second time from your organisation answer 200 with the document it
    already has. Another organisation's documents are never matched."""
    user = user_of(request)
    _may_upload(user)
    (result,) = services.documents_receive(by=user, uploads=[file])
    if result.received is None:
        raise ApiProblem(_status_of(result.code), result.code, result.message_en)
    return Status(200 if result.received.duplicate else 201, result.received.document)


class UploadResultOut(Schema):
    name: str = Field(description="The file's name as received (cleaned).")
    status: int = Field(
        description="201 received, 200 your organisation already had it, 4xx refused."
    )
    document: DocumentOut | None
    problem: Problem | None = Field(description="Why the file was refused, if it was.")


class BatchOut(Schema):
    received: int
    refused: int
    results: list[UploadResultOut] = Field(description="One per file, in the order sent.")


@router.post("/documents/batch", response={200: BatchOut, **ERROR_RESPONSES})
def documents_upload_batch(request: HttpRequest, files: File[list[UploadedFile]]) -> Any:
    """Upload several files (multipart `files`, repeated). Each gets its own result; a file
    that is refused never stops the others."""
    user = user_of(request)
    _may_upload(user)
    results = []
    for result in services.documents_receive(by=user, uploads=files):
        if result.received is None:
            status = _status_of(result.code)
            problem = problem_data(status, result.message_en, code=result.code)
            results.append(
                {"name": result.name, "status": status, "document": None, "problem": problem}
            )
        else:
            status = 200 if result.received.duplicate else 201
            document = result.received.document
            results.append(
                {"name": result.name, "status": status, "document": document, "problem": None}
            )
    received = sum(1 for r in results if r["document"] is not None)
    return {"received": received, "refused": len(results) - received, "results": results}


# After /documents/batch: a path parameter would otherwise claim "batch".
@router.get("/documents/{id}", response={200: DocumentDetailOut, **ERROR_RESPONSES})
def documents_get(request: HttpRequest, id: ObjectId) -> Any:
    user = user_of(request)
    return get_for_user(
        selectors.documents_for_user(user=user).select_related("proposal"), user, pk=id
    )


class ConfirmIn(Input):
    data: dict[str, Any] | None = Field(
        None, description="Corrected values; leave out to confirm the proposal as it is."
    )


@router.post(
    "/documents/{id}/confirm", response={200: DocumentDetailOut, 409: Problem, **ERROR_RESPONSES}
)
def documents_confirm(request: HttpRequest, id: ObjectId, body: ConfirmIn) -> Any:
    """Confirm the proposal: it becomes the application, measures and decision it describes."""
    user = user_of(request)
    document = get_for_user(Document.objects.select_related("proposal"), user, "change", pk=id)
    proposal = getattr(document, "proposal", None)
    if proposal is None:
        raise ApiProblem(409, "no_proposal", "The document has no proposal yet; try again later.")
    data = body.data if body.data is not None else (proposal.confirmed_data or proposal.data)
    proposal_confirm(by=user, document=document, data=data)
    return get_for_user(
        selectors.documents_for_user(user=user).select_related("proposal"), user, pk=id
    )
