"""Applications and measures: read through the grants selectors, written through its services."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from sprida.api import selectors as api_selectors
from sprida.api.endpoints.common import if_match, user_of, with_etag
from sprida.api.endpoints.inputs import (
    BodyId,
    BodyYear,
    Day,
    Flag,
    Input,
    LongText,
    OrgSlug,
    Sek,
    ShortText,
    Title,
    Year,
    organisations_by_slug,
    refuse_nulls,
)
from sprida.api.pagination import ObjectId, PageParams, SearchText, Slug, page_of, paginate
from sprida.api.problems import CONDITIONAL_RESPONSES, ERROR_RESPONSES, ApiProblem
from sprida.api.schemas import ApplicationOut, MeasureOut
from sprida.core.access import get_for_user
from sprida.grants import selectors, services
from sprida.grants.models import Application, Measure, Programme

router = Router(tags=["applications"])

ApplicationState = Literal["draft", "submitted", "decided", "withdrawn"]


class ApplicationQuery(Schema):
    region: Slug | None = Field(None, description="Applicant organisation's slug, e.g. `orebro`.")
    status: ApplicationState | None = None
    year: Year | None = Field(None, description="Decision year, else submission year.")
    category: Slug | None = Field(None, description="Has a measure in this category (slug).")
    demo: Literal["real", "demo"] | None = Field(None, description="Only real or only demo data.")
    programme: ObjectId | None = None
    q: SearchText | None = Field(None, description="Words in the title.")


def _applications(user: Any, query: ApplicationQuery | None = None) -> Any:
    query = query or ApplicationQuery.model_validate({})
    filters = selectors.ApplicationFilters(
        region=query.region or "",
        status=query.status or "",
        year=query.year,
        category=query.category or "",
        demo=query.demo or "",
    )
    queryset = selectors.applications_for_user(user=user, filters=filters)
    if query.programme:
        queryset = queryset.filter(programme_id=query.programme)
    if query.q:
        queryset = queryset.filter(title__icontains=query.q)
    return queryset.prefetch_related("participants")


@router.get("/applications", response={200: page_of(ApplicationOut), **ERROR_RESPONSES})
def applications_list(
    request: HttpRequest,
    query: Query[ApplicationQuery],
    page: Query[PageParams],
    ordering: Literal["-submitted_on", "submitted_on", "title", "-title", "-created_at"]
    | None = None,
) -> Any:
    """Applications you may see: your organisation's, joint ones you take part in, and (for
    national roles) all that are not drafts. Newest first unless `ordering` says otherwise."""
    return paginate(_applications(user_of(request), query), page, ordering)


def _application_out(user: Any, pk: int) -> Application:
    application = _applications(user).filter(pk=pk).first()
    if application is None:
        raise ApiProblem(404, "not_found", "No such application, or you may not see it.")
    return application


@router.get("/applications/{id}", response={200: ApplicationOut, **ERROR_RESPONSES})
def applications_get(request: HttpRequest, id: ObjectId, response: HttpResponse) -> Any:
    """One application; the `ETag` header names its version, for `If-Match` on a write."""
    return with_etag(response, _application_out(user_of(request), id))


class ApplicationIn(Input):
    applicant: OrgSlug = Field(description="Slug of the applying organisation.")
    title: Title
    programme: BodyId | None = Field(None, description="Defaults to the SFS 2024:1102 grant.")
    joint: Flag = False
    participants: list[OrgSlug] = Field(default_factory=list, max_length=30)
    applied_sek: Sek | None = None
    economic_analysis: LongText = ""
    development_needs: LongText = ""
    region_decision_body: ShortText = ""
    region_decision_date: Day | None = None
    region_decision_paragraph: Annotated[str, Field(max_length=40, pattern=r"^[^\x00]*$")] = ""


class ApplicationPatch(Input):
    title: Title | None = None
    participants: list[OrgSlug] | None = Field(None, max_length=30)
    applied_sek: Sek | None = None
    economic_analysis: LongText | None = None
    development_needs: LongText | None = None
    region_decision_body: ShortText | None = None
    region_decision_date: Day | None = None
    region_decision_paragraph: (
        Annotated[str, Field(max_length=40, pattern=r"^[^\x00]*$")] | None
    ) = None


@router.post("/applications", response={201: ApplicationOut, **ERROR_RESPONSES})
def applications_create(request: HttpRequest, body: ApplicationIn) -> Any:
    """Register a draft application for your organisation (editors and admins)."""
    user = user_of(request)
    (applicant,) = organisations_by_slug([body.applicant], field="applicant")
    participants = organisations_by_slug(body.participants, field="participants")
    programme = (
        Programme.objects.filter(pk=body.programme).first()
        if body.programme
        else selectors.programme_default()
    )
    if programme is None:
        raise ApiProblem(422, "validation_error", "No such programme.")
    fields = body.model_dump(exclude={"applicant", "programme", "joint", "participants", "title"})
    application = services.application_create(
        by=user,
        programme=programme,
        applicant=applicant,
        title=body.title,
        joint=body.joint,
        participants=participants,
        **fields,
    )
    return Status(201, _application_out(user, application.pk))


@router.patch("/applications/{id}", response={200: ApplicationOut, **CONDITIONAL_RESPONSES})
def applications_update(
    request: HttpRequest, id: ObjectId, body: ApplicationPatch, response: HttpResponse
) -> Any:
    """Change an application. With `If-Match: <ETag>` the change is refused (412) if the
    application was saved since that version; without it the last write wins."""
    user = user_of(request)
    application = get_for_user(Application.objects.all(), user, "change", pk=id)
    expected = if_match(request, application)
    fields = body.model_dump(exclude_unset=True)
    refuse_nulls(fields, {"applied_sek", "region_decision_date"})
    slugs = fields.pop("participants", None)
    participants = organisations_by_slug(slugs, field="participants") if slugs is not None else None
    services.application_update(
        by=user,
        application=application,
        participants=participants,
        expected_version=expected,
        **fields,
    )
    return with_etag(response, _application_out(user, id))


class SubmitIn(Input):
    submitted_on: Day


@router.post("/applications/{id}/submit", response={200: ApplicationOut, **ERROR_RESPONSES})
def applications_submit(request: HttpRequest, id: ObjectId, body: SubmitIn) -> Any:
    """Submit a draft (it needs at least one measure)."""
    user = user_of(request)
    application = get_for_user(Application.objects.all(), user, "change", pk=id)
    services.application_submit(by=user, application=application, submitted_on=body.submitted_on)
    return _application_out(user, id)


@router.post("/applications/{id}/withdraw", response={200: ApplicationOut, **ERROR_RESPONSES})
def applications_withdraw(request: HttpRequest, id: ObjectId) -> Any:
    user = user_of(request)
    application = get_for_user(Application.objects.all(), user, "change", pk=id)
    services.application_withdraw(by=user, application=application)
    return _application_out(user, id)


# Measures ----------------------------------------------------------------------------------


class MeasureQuery(Schema):
    application: ObjectId | None = None
    region: Slug | None = Field(None, description="Slug of the applicant organisation.")
    category: Slug | None = None
    q: SearchText | None = Field(None, description="Words in the title or description.")


@router.get("/measures", response={200: page_of(MeasureOut), **ERROR_RESPONSES}, tags=["measures"])
def measures_list(
    request: HttpRequest,
    query: Query[MeasureQuery],
    page: Query[PageParams],
    ordering: Literal["title", "-title", "applied_sek", "-applied_sek"] | None = None,
) -> Any:
    user = user_of(request)
    if query.application:
        application = selectors.application_detail_for_user(user=user, pk=query.application)
        if application is None:
            return paginate(Measure.objects.none(), page)
        queryset = selectors.measures_for_application(user=user, application=application)
    else:
        queryset = api_selectors.measures_visible(user=user)
    if query.region:
        queryset = queryset.filter(application__applicant__slug=query.region)
    if query.category:
        queryset = queryset.filter(category__slug=query.category)
    if query.q:
        queryset = queryset.filter(Q(title__icontains=query.q) | Q(description__icontains=query.q))
    return paginate(queryset, page, ordering)


@router.get("/measures/{id}", response={200: MeasureOut, **ERROR_RESPONSES}, tags=["measures"])
def measures_get(request: HttpRequest, id: ObjectId, response: HttpResponse) -> Any:
    """One measure; the `ETag` header names its version, for `If-Match` on a write."""
    user = user_of(request)
    return with_etag(response, get_for_user(api_selectors.measures_visible(user=user), user, pk=id))


class YearAmountIn(Input):
    year: BodyYear
    applied_sek: Sek


class MeasureIn(Input):
    application: BodyId
    title: Title
    description: LongText = ""
    category: Slug | None = None
    aim: LongText = ""
    applied_sek: Sek | None = None
    scope_notes: LongText = ""
    other_state_funding: Flag = False
    other_state_funding_note: LongText = ""
    year_amounts: list[YearAmountIn] = Field(default_factory=list, max_length=20)


class MeasurePatch(Input):
    title: Title | None = None
    description: LongText | None = None
    category: Slug | None = None
    aim: LongText | None = None
    applied_sek: Sek | None = None
    scope_notes: LongText | None = None
    other_state_funding: Flag | None = None
    other_state_funding_note: LongText | None = None
    year_amounts: list[YearAmountIn] | None = Field(None, max_length=20)


def _measure_fields(fields: dict[str, Any]) -> tuple[dict[str, Any], dict[int, int] | None]:
    if "category" in fields:
        slug = fields["category"]
        category = selectors.categories_list().filter(slug=slug).first() if slug else None
        if slug and category is None:
            raise ApiProblem(422, "validation_error", f"Unknown category: {slug}.")
        fields["category"] = category
    amounts = fields.pop("year_amounts", None)
    if amounts is None:
        return fields, None
    years = [a["year"] for a in amounts]
    if len(set(years)) != len(years):
        raise ApiProblem(422, "validation_error", "Each year may appear once in year_amounts.")
    return fields, {a["year"]: a["applied_sek"] for a in amounts}


def _measure_out(user: Any, pk: int) -> Measure:
    return get_for_user(api_selectors.measures_visible(user=user), user, pk=pk)


@router.post("/measures", response={201: MeasureOut, **ERROR_RESPONSES}, tags=["measures"])
def measures_create(request: HttpRequest, body: MeasureIn) -> Any:
    """Add a measure to an application you may change."""
    user = user_of(request)
    application = get_for_user(Application.objects.all(), user, "change", pk=body.application)
    fields, amounts = _measure_fields(body.model_dump(exclude={"application"}))
    measure = services.measure_create(
        by=user, application=application, year_amounts=amounts or None, **fields
    )
    return Status(201, _measure_out(user, measure.pk))


@router.patch(
    "/measures/{id}", response={200: MeasureOut, **CONDITIONAL_RESPONSES}, tags=["measures"]
)
def measures_update(
    request: HttpRequest, id: ObjectId, body: MeasurePatch, response: HttpResponse
) -> Any:
    """Change a measure. With `If-Match: <ETag>` the change is refused (412) if the measure
    was saved since that version; without it the last write wins."""
    user = user_of(request)
    measure = get_for_user(Measure.objects.all(), user, "change", pk=id)
    expected = if_match(request, measure)
    fields = body.model_dump(exclude_unset=True)
    refuse_nulls(fields, {"applied_sek", "category"})
    fields, amounts = _measure_fields(fields)
    services.measure_update(
        by=user, measure=measure, year_amounts=amounts, expected_version=expected, **fields
    )
    return with_etag(response, _measure_out(user, id))


@router.delete("/measures/{id}", response={204: None, **CONDITIONAL_RESPONSES}, tags=["measures"])
def measures_delete(request: HttpRequest, id: ObjectId) -> Any:
    """Remove a measure that has no decision yet; `If-Match` as for PATCH."""
    user = user_of(request)
    measure = get_for_user(Measure.objects.all(), user, "change", pk=id)
    services.measure_delete(by=user, measure=measure, expected_version=if_match(request, measure))
    return Status(204, None)
