"""Decisions per measure, payouts and deadlines: written by the delegation, read by regions."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest, HttpResponse
from ninja import FilterSchema, Query, Router, Schema
from ninja.filter_schema import FilterLookup
from pydantic import Field

from sprida.api import selectors
from sprida.api.endpoints.common import user_of, with_etag
from sprida.api.endpoints.inputs import Day, Input
from sprida.api.pagination import ObjectId, PageParams, Slug, page_of, paginate
from sprida.api.problems import ERROR_RESPONSES
from sprida.api.schemas import DeadlineOut, DecisionOut, PayoutOut
from sprida.core.access import get_for_user
from sprida.core.models import Organisation
from sprida.grants import selectors as grant_selectors
from sprida.grants import services
from sprida.grants.models import Deadline, Payout

router = Router()

Outcome = Literal["granted", "partially_granted", "rejected"]
Year = Annotated[int, Field(ge=2000, le=2100)]


class DecisionFilter(FilterSchema):
    outcome: Outcome | None = None
    applicant: Annotated[Slug | None, FilterLookup("application__applicant__slug")] = None
    decided_from: Annotated[Day | None, FilterLookup("decided_on__gte")] = None
    decided_to: Annotated[Day | None, FilterLookup("decided_on__lte")] = None


@router.get(
    "/decisions", response={200: page_of(DecisionOut), **ERROR_RESPONSES}, tags=["decisions"]
)
def decisions_list(
    request: HttpRequest,
    filters: Query[DecisionFilter],
    page: Query[PageParams],
    ordering: Literal["-decided_on", "decided_on", "-granted_sek", "granted_sek"] = "-decided_on",
) -> Any:
    """Decisions with the outcome and amount per measure and the conditions."""
    queryset = filters.filter(selectors.decisions_visible(user=user_of(request)))
    return paginate(queryset, page, ordering)


@router.get("/decisions/{id}", response={200: DecisionOut, **ERROR_RESPONSES}, tags=["decisions"])
def decisions_get(request: HttpRequest, id: ObjectId, response: HttpResponse) -> Any:
    decision = grant_selectors.decision_detail_for_user(user=user_of(request), pk=id)
    if decision is None:
        raise Http404
    return with_etag(response, decision)


class PayoutFilter(FilterSchema):
    decision: Annotated[ObjectId | None, FilterLookup("decision_id")] = None
    year: Year | None = None
    status: Literal["planned", "paid"] | None = None


@router.get("/payouts", response={200: page_of(PayoutOut), **ERROR_RESPONSES}, tags=["payouts"])
def payouts_list(
    request: HttpRequest,
    filters: Query[PayoutFilter],
    page: Query[PageParams],
    ordering: Literal["year", "-year", "amount_sek", "-amount_sek"] = "year",
) -> Any:
    queryset = filters.filter(selectors.payouts_visible(user=user_of(request)))
    return paginate(queryset, page, ordering)


@router.get("/payouts/{id}", response={200: PayoutOut, **ERROR_RESPONSES}, tags=["payouts"])
def payouts_get(request: HttpRequest, id: ObjectId) -> Any:
    user = user_of(request)
    return get_for_user(selectors.payouts_visible(user=user), user, pk=id)


class DeadlineFilter(FilterSchema):
    decision: Annotated[ObjectId | None, FilterLookup("decision_id")] = None
    kind: Literal["implementation", "progress_report", "final_report", "condition"] | None = None
    due_from: Annotated[Day | None, FilterLookup("due_on__gte")] = None
    due_to: Annotated[Day | None, FilterLookup("due_on__lte")] = None
    open: Annotated[bool | None, FilterLookup("done_on__isnull")] = Field(
        None, description="`true` for deadlines not yet met."
    )


class DeadlineScope(Schema):
    region: Slug | None = Field(None, description="Deadlines of this region's applications.")
    mine: bool = Field(False, description="Only your own organisations' applications.")


@router.get(
    "/deadlines", response={200: page_of(DeadlineOut), **ERROR_RESPONSES}, tags=["deadlines"]
)
def deadlines_list(
    request: HttpRequest,
    filters: Query[DeadlineFilter],
    page: Query[PageParams],
    scope: Query[DeadlineScope],
    ordering: Literal["due_on", "-due_on"] = "due_on",
) -> Any:
    """Deadlines soonest first; `open=true` for those not yet met."""
    organisation = None
    if scope.region:
        organisation = Organisation.objects.filter(slug=scope.region).first()
        if organisation is None:
            return paginate(Deadline.objects.none(), page)
    queryset = grant_selectors.deadlines_for_user(
        user=user_of(request), region=organisation, include_done=True, mine=scope.mine
    )
    return paginate(filters.filter(queryset), page, ordering)


@router.get("/deadlines/{id}", response={200: DeadlineOut, **ERROR_RESPONSES}, tags=["deadlines"])
def deadlines_get(request: HttpRequest, id: ObjectId) -> Any:
    user = user_of(request)
    return get_for_user(selectors.deadlines_visible(user=user), user, pk=id)


class PaidIn(Input):
    paid_on: Day


@router.post("/payouts/{id}/paid", response={200: PayoutOut, **ERROR_RESPONSES}, tags=["payouts"])
def payouts_mark_paid(request: HttpRequest, id: ObjectId, body: PaidIn) -> Any:
    """Record that a planned payout was paid (the delegation)."""
    user = user_of(request)
    payout = get_for_user(Payout.objects.all(), user, "change", pk=id)
    return services.payout_mark_paid(by=user, payout=payout, paid_on=body.paid_on)


class DoneIn(Input):
    done_on: Day | None = Field(description="When it was met; `null` to reopen.")


@router.post(
    "/deadlines/{id}/done", response={200: DeadlineOut, **ERROR_RESPONSES}, tags=["deadlines"]
)
def deadlines_mark_done(request: HttpRequest, id: ObjectId, body: DoneIn) -> Any:
    """Record that a deadline was met (the delegation)."""
    user = user_of(request)
    deadline = get_for_user(Deadline.objects.all(), user, "change", pk=id)
    return services.deadline_mark_done(by=user, deadline=deadline, done_on=body.done_on)
