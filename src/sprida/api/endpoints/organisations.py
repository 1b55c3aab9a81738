"""Organisations, grant programmes and measure categories: reference data."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import FilterSchema, Query, Router
from ninja.filter_schema import FilterLookup

from sprida.api import selectors
from sprida.api.endpoints.common import user_of
from sprida.api.pagination import ObjectId, PageParams, SearchText, page_of, paginate
from sprida.api.problems import ERROR_RESPONSES
from sprida.api.schemas import CategoryOut, OrganisationOut, ProgrammeOut
from sprida.core.access import get_for_user

router = Router(tags=["organisations"])


class OrganisationFilter(FilterSchema):
    kind: Literal["region", "national"] | None = None
    q: Annotated[
        SearchText | None, FilterLookup(["name__icontains", "slug__icontains", "seat__icontains"])
    ] = None


@router.get("/organisations", response={200: page_of(OrganisationOut), **ERROR_RESPONSES})
def organisations_list(
    request: HttpRequest,
    filters: Query[OrganisationFilter],
    page: Query[PageParams],
    ordering: Literal["name", "-name", "slug", "-slug", "county_code", "-county_code"] = "name",
) -> Any:
    """The 21 regions and the national bodies."""
    queryset = filters.filter(selectors.organisations_visible(user=user_of(request)))
    return paginate(queryset, page, ordering)


@router.get("/organisations/{id}", response={200: OrganisationOut, **ERROR_RESPONSES})
def organisations_get(request: HttpRequest, id: ObjectId) -> Any:
    return get_for_user(
        selectors.organisations_visible(user=user_of(request)), user_of(request), pk=id
    )


@router.get("/programmes", response={200: page_of(ProgrammeOut), **ERROR_RESPONSES})
def programmes_list(
    request: HttpRequest,
    page: Query[PageParams],
    ordering: Literal["name", "-name", "slug", "-slug"] = "name",
) -> Any:
    """Grant programmes with every stated yearly budget and its source."""
    return paginate(selectors.programmes_visible(user=user_of(request)), page, ordering)


@router.get("/programmes/{id}", response={200: ProgrammeOut, **ERROR_RESPONSES})
def programmes_get(request: HttpRequest, id: ObjectId) -> Any:
    user = user_of(request)
    return get_for_user(selectors.programmes_visible(user=user), user, pk=id)


@router.get("/categories", response={200: page_of(CategoryOut), **ERROR_RESPONSES})
def categories_list(
    request: HttpRequest,
    page: Query[PageParams],
    ordering: Literal["order", "name", "-name", "slug"] = "order",
) -> Any:
    """Measure categories, e.g. AI speech recognition."""
    return paginate(selectors.categories_visible(user=user_of(request)), page, ordering)
