"""Paging, sorting and the small input types every endpoint shares."""

from __future__ import annotations

from typing import Annotated, Any

from django.db import models
from ninja import Schema
from pydantic import Field, StringConstraints, create_model

MAX_LIMIT = 500
MAX_ID = 2**63 - 1  # a larger id would overflow the database's bigint

# Free text from a query string: bounded, and no NUL (PostgreSQL refuses it in text).
SearchText = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00]*$")]
Slug = Annotated[str, StringConstraints(max_length=60, pattern=r"^[-a-zA-Z0-9_]+$")]
ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]


class PageParams(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=10_000_000, description="Rows to skip.")


_pages: dict[type[Schema], type[Schema]] = {}


def page_of(item: type[Schema]) -> type[Schema]:
    """The paged list schema for `item`: count, limit, offset and items."""
    if item not in _pages:
        name = item.__name__.removesuffix("Out") + "Page"
        _pages[item] = create_model(
            name,
            __base__=Schema,
            count=(int, Field(description="Rows matching the filters, on all pages.")),
            limit=(int, ...),
            offset=(int, ...),
            items=(list[item], ...),  # type: ignore[valid-type]
        )
    return _pages[item]


def paginate(
    queryset: models.QuerySet[Any], page: PageParams, ordering: str | None = None
) -> dict[str, Any]:
    if ordering:
        # A stable second key keeps pages from overlapping when values tie.
        queryset = queryset.order_by(ordering, "pk")
    return {
        "count": queryset.count(),
        "limit": page.limit,
        "offset": page.offset,
        "items": list(queryset[page.offset : page.offset + page.limit]),
    }
