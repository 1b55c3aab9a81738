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
from sprida.api.problems import ERROR_RESPONSES, ApiProblem, Problem
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


@router.get("/documents/{id}", response={200: DocumentDetailOut, **ERROR_RESPONSES})
def documents_get(request: HttpRequest, id: ObjectId) -> Any:
    user = user_of(request)
    return get_for_user(
        selectors.documents_for_user(user=user).select_related("proposal"), user, pk=id
    )


@router.post(
    "/documents",
    response={201: DocumentOut, 200: DocumentOut, 413: Problem, 415: Problem, **ERROR_RESPONSES},
)
def documents_upload(request: HttpRequest, file: File[UploadedFile]) -> Any:
    """Upload a PDF, DOCX or text file. It is read at once and extracted in the background;
    the same bytes a second time answer 200 with the document already received."""
    user = user_of(request)
    if not services.may_upload(user):
        raise ApiProblem(403, "permission_denied", "Uploading needs an editor role.")
    try:
        received = services.document_receive(
            by=user, name=(file.name or "document")[:255], data=file.read()
        )
    except services.ReadError as error:
        status = 413 if error.code == "too_large" else 415 if "type" in error.code else 422
        raise ApiProblem(status, error.code, error.message_en) from error
    return Status(200 if received.duplicate else 201, received.document)


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
