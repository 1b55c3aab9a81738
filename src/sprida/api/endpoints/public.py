"""Open data: published decisions and granted measures, for anyone, without signing in."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest
from ninja import FilterSchema, Query, Router, Schema
from ninja.filter_schema import FilterLookup
from pydantic import Field

from sprida.api import selectors
from sprida.api.endpoints.inputs import Day
from sprida.api.pagination import ObjectId, PageParams, Slug, page_of, paginate
from sprida.api.problems import PUBLIC_ERROR_RESPONSES
from sprida.api.schemas import CategoryRef, OrganisationRef
from sprida.grants.models import Outcome

router = Router(tags=["open data"], auth=None)

PUBLIC_MAX_AGE = 300  # seconds; decisions change seldom, and a stale page is harmless


class PublicLineOut(Schema):
    measure_id: int
    title: str
    category: CategoryRef | None
    outcome: str
    granted_sek: int
    rejected_sek: int | None

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return str(obj.measure.title)

    @staticmethod
    def resolve_category(obj: Any) -> Any:
        return obj.measure.category


class PublicDecisionOut(Schema):
    id: int
    decided_on: dt.date
    case_number: str
    outcome: str
    applied_sek: int | None
    granted_sek: int
    rejected_sek: int | None
    title: str = Field(description="The application's title.")
    applicant: OrganisationRef
    joint: bool
    participants: list[OrganisationRef]
    measures: list[PublicLineOut]
    is_demo: bool = Field(description="Demonstration data, not a real decision.")

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return str(obj.application.title)

    @staticmethod
    def resolve_applicant(obj: Any) -> Any:
        return obj.application.applicant

    @staticmethod
    def resolve_joint(obj: Any) -> bool:
        return bool(obj.application.joint)

    @staticmethod
    def resolve_participants(obj: Any) -> Any:
        return list(obj.application.participants.all())

    @staticmethod
    def resolve_measures(obj: Any) -> Any:
        return list(obj.lines.all())

    @staticmethod
    def resolve_is_demo(obj: Any) -> bool:
        return bool(obj.application.is_demo)


class PublicDecisionFilter(FilterSchema):
    region: Annotated[
        Slug | None,
        FilterLookup("application__applicant__slug"),
    ] = Field(None, description="Slug of the applicant, e.g. `orebro`.")
    outcome: Literal["granted", "partially_granted", "rejected"] | None = None
    decided_from: Annotated[Day | None, FilterLookup("decided_on__gte")] = None
    decided_to: Annotated[Day | None, FilterLookup("decided_on__lte")] = None


@router.get("/decisions", response={200: page_of(PublicDecisionOut), **PUBLIC_ERROR_RESPONSES})
def public_decisions_list(
    request: HttpRequest,
    filters: Query[PublicDecisionFilter],
    page: Query[PageParams],
    ordering: Literal["-decided_on", "decided_on", "-granted_sek", "granted_sek"] = "-decided_on",
) -> Any:
    """Published decisions with the outcome and amount per measure."""
    return paginate(filters.filter(selectors.public_decisions()), page, ordering)


@router.get("/decisions/{id}", response={200: PublicDecisionOut, **PUBLIC_ERROR_RESPONSES})
def public_decisions_get(request: HttpRequest, id: ObjectId) -> Any:
    decision = selectors.public_decisions().filter(pk=id).first()
    if decision is None:
        raise Http404
    return decision


class PublicMeasureOut(Schema):
    id: int
    title: str
    description: str
    category: CategoryRef | None
    region: OrganisationRef = Field(description="The applicant organisation.")
    decision_id: int
    decided_on: dt.date
    outcome: str
    applied_sek: int | None
    granted_sek: int
    is_demo: bool

    @staticmethod
    def resolve_region(obj: Any) -> Any:
        return obj.application.applicant

    @staticmethod
    def resolve_decision_id(obj: Any) -> int:
        return int(obj.outcome.decision_id)

    @staticmethod
    def resolve_decided_on(obj: Any) -> dt.date:
        return obj.outcome.decision.decided_on

    @staticmethod
    def resolve_outcome(obj: Any) -> str:
        return str(obj.outcome.outcome)

    @staticmethod
    def resolve_granted_sek(obj: Any) -> int:
        return int(obj.outcome.granted_sek)

    @staticmethod
    def resolve_is_demo(obj: Any) -> bool:
        return bool(obj.application.is_demo)


class PublicMeasureFilter(FilterSchema):
    region: Annotated[Slug | None, FilterLookup("application__applicant__slug")] = None
    category: Annotated[Slug | None, FilterLookup("category__slug")] = None
    year: Annotated[
        Annotated[int, Field(ge=2000, le=2100)] | None,
        FilterLookup("outcome__decision__decided_on__year"),
    ] = Field(None, description="Year of the decision.")


@router.get("/measures", response={200: page_of(PublicMeasureOut), **PUBLIC_ERROR_RESPONSES})
def public_measures_list(
    request: HttpRequest,
    filters: Query[PublicMeasureFilter],
    page: Query[PageParams],
    ordering: Literal[
        "-outcome__granted_sek", "outcome__granted_sek", "title", "-outcome__decision__decided_on"
    ] = "-outcome__granted_sek",
) -> Any:
    """Measures granted in full or in part, with the amount, region and category."""
    granted = selectors.public_measures().filter(
        outcome__outcome__in=[Outcome.GRANTED, Outcome.PARTIALLY_GRANTED]
    )
    return paginate(filters.filter(granted), page, ordering)
