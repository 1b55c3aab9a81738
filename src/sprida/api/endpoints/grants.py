"""Applications and measures."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import FilterSchema, Query, Router
from ninja.filter_schema import FilterLookup
from pydantic import Field

from sprida.api import selectors
from sprida.api.endpoints.common import user_of
from sprida.api.pagination import ObjectId, PageParams, SearchText, Slug, page_of, paginate
from sprida.api.problems import ERROR_RESPONSES
from sprida.api.schemas import ApplicationOut, MeasureOut
from sprida.core.access import get_for_user

router = Router(tags=["applications"])

Status = Literal["draft", "submitted", "decided", "withdrawn"]


class ApplicationFilter(FilterSchema):
    status: Status | None = None
    applicant: Annotated[Slug | None, FilterLookup("applicant__slug")] = Field(
        None, description="Slug of the applicant organisation, e.g. `orebro`."
    )
    programme: Annotated[ObjectId | None, FilterLookup("programme_id")] = None
    joint: bool | None = None
    q: Annotated[SearchText | None, FilterLookup("title__icontains")] = None


@router.get("/applications", response={200: page_of(ApplicationOut), **ERROR_RESPONSES})
def applications_list(
    request: HttpRequest,
    filters: Query[ApplicationFilter],
    page: Query[PageParams],
    ordering: Literal[
        "-submitted_on", "submitted_on", "title", "-title", "-created_at", "created_at"
    ] = "-submitted_on",
) -> Any:
    """Applications you may see: your organisation's, joint ones you take part in, and (for
    national roles) all that are not drafts."""
    queryset = filters.filter(selectors.applications_visible(user=user_of(request)))
    return paginate(queryset, page, ordering)


@router.get("/applications/{id}", response={200: ApplicationOut, **ERROR_RESPONSES})
def applications_get(request: HttpRequest, id: ObjectId) -> Any:
    user = user_of(request)
    return get_for_user(selectors.applications_visible(user=user), user, pk=id)


class MeasureFilter(FilterSchema):
    application: Annotated[ObjectId | None, FilterLookup("application_id")] = None
    category: Annotated[Slug | None, FilterLookup("category__slug")] = None
    applicant: Annotated[Slug | None, FilterLookup("application__applicant__slug")] = None
    q: Annotated[
        SearchText | None, FilterLookup(["title__icontains", "description__icontains"])
    ] = None


@router.get("/measures", response={200: page_of(MeasureOut), **ERROR_RESPONSES}, tags=["measures"])
def measures_list(
    request: HttpRequest,
    filters: Query[MeasureFilter],
    page: Query[PageParams],
    ordering: Literal["position", "title", "-title", "applied_sek", "-applied_sek"] = "position",
) -> Any:
    queryset = filters.filter(selectors.measures_visible(user=user_of(request)))
    if ordering == "position":
        return paginate(queryset.order_by("application_id", "position", "pk"), page)
    return paginate(queryset, page, ordering)


@router.get("/measures/{id}", response={200: MeasureOut, **ERROR_RESPONSES}, tags=["measures"])
def measures_get(request: HttpRequest, id: ObjectId) -> Any:
    user = user_of(request)
    return get_for_user(selectors.measures_visible(user=user), user, pk=id)
