"""Effects (nyttorealisering): indicators, measurements, qualitative effects, costs, reports.

Reads go through the effects app's selectors where it has them (one record) and through
`api.selectors` for the lists; writes through `effects.services`, like the pages.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import FilterSchema, Query, Router, Schema, Status
from ninja.filter_schema import FilterLookup
from pydantic import BeforeValidator, Field

from sprida.api import selectors
from sprida.api.endpoints.common import user_of, with_etag
from sprida.api.endpoints.inputs import BodyId, Day, Input, LongText, ShortText
from sprida.api.pagination import ObjectId, PageParams, page_of, paginate
from sprida.api.problems import ERROR_RESPONSES
from sprida.effects import selectors as effect_selectors
from sprida.effects import services
from sprida.effects.models import EffectCategory
from sprida.effects.models.indicators import VALUE_DIGITS, VALUE_PLACES

router = Router()


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("Use a number, e.g. 12.5.")
    return value


Value = Annotated[
    Decimal,
    BeforeValidator(_number),
    Field(max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES),
]


def _decimal(value: Any) -> str | None:
    return None if value is None else format(value.normalize(), "f")


class IndicatorOut(Schema):
    id: int
    measure_id: int
    name: str
    definition: str
    unit: str
    direction: str
    baseline_value: str = Field(description="Decimal, as a string.")
    baseline_on: dt.date
    target_value: str | None = Field(description="Decimal, as a string.")
    target_on: dt.date | None
    data_source: str
    frequency: str
    benefit_type: str
    kolada_kpi: str
    is_demo: bool

    @staticmethod
    def resolve_baseline_value(obj: Any) -> str | None:
        return _decimal(obj.baseline_value)

    @staticmethod
    def resolve_target_value(obj: Any) -> str | None:
        return _decimal(obj.target_value)


class MeasurementOut(Schema):
    id: int
    indicator_id: int
    period: dt.date
    value: str = Field(description="Decimal, as a string.")
    comment: str
    is_demo: bool

    @staticmethod
    def resolve_value(obj: Any) -> str | None:
        return _decimal(obj.value)


class QualitativeEffectOut(Schema):
    id: int
    measure_id: int
    observed_on: dt.date
    category: str
    statement: str
    source: str
    part_id: int = Field(
        description="The organisation whose part of the measure this records: the applicant, "
        "or in a joint application the participant that recorded it."
    )
    is_demo: bool


class CostOut(Schema):
    id: int
    measure_id: int
    year: int
    kind: str = Field(description="`external`, `internal` or `equipment`.")
    description: str
    hours: str | None
    hourly_rate_sek: int | None
    amount_sek: int
    part_id: int = Field(
        description="The organisation whose part of the measure this records: the applicant, "
        "or in a joint application the participant that recorded it."
    )
    is_demo: bool

    @staticmethod
    def resolve_hours(obj: Any) -> str | None:
        return _decimal(obj.hours)


class ReportOut(Schema):
    id: int
    decision_id: int
    kind: str = Field(description="`progress` or `final`.")
    version: int
    status: str = Field(description="`draft` or `submitted`; a submitted report never changes.")
    corrects_id: int | None
    summary: str
    deviations: str
    collaboration: str
    submitted_at: dt.datetime | None
    is_demo: bool


class ByMeasure(FilterSchema):
    measure: Annotated[ObjectId | None, FilterLookup("measure_id")] = None


@router.get(
    "/indicators", response={200: page_of(IndicatorOut), **ERROR_RESPONSES}, tags=["effects"]
)
def indicators_list(
    request: HttpRequest, filters: Query[ByMeasure], page: Query[PageParams]
) -> Any:
    queryset = filters.filter(selectors.indicators_visible(user=user_of(request)))
    return paginate(queryset.order_by("measure_id", "position", "pk"), page)


@router.get("/indicators/{id}", response={200: IndicatorOut, **ERROR_RESPONSES}, tags=["effects"])
def indicators_get(request: HttpRequest, id: ObjectId, response: HttpResponse) -> Any:
    indicator = effect_selectors.indicator_for_user(user=user_of(request), pk=id)
    return with_etag(response, indicator)


class ByIndicator(FilterSchema):
    indicator: Annotated[ObjectId | None, FilterLookup("indicator_id")] = None
    period_from: Annotated[Day | None, FilterLookup("period__gte")] = None
    period_to: Annotated[Day | None, FilterLookup("period__lte")] = None


@router.get(
    "/measurements", response={200: page_of(MeasurementOut), **ERROR_RESPONSES}, tags=["effects"]
)
def measurements_list(
    request: HttpRequest,
    filters: Query[ByIndicator],
    page: Query[PageParams],
    ordering: Literal["period", "-period"] = "period",
) -> Any:
    queryset = filters.filter(selectors.measurements_visible(user=user_of(request)))
    return paginate(queryset, page, ordering)


class MeasurementIn(Input):
    indicator: BodyId
    period: Day = Field(description="The period's first day, e.g. 2026-03-01.")
    value: Value
    comment: LongText = ""


@router.post("/measurements", response={201: MeasurementOut, **ERROR_RESPONSES}, tags=["effects"])
def measurements_record(request: HttpRequest, body: MeasurementIn) -> Any:
    """Record one period's value; a second value for the same period replaces the first."""
    user = user_of(request)
    indicator = effect_selectors.indicator_for_user(user=user, pk=body.indicator, action="change")
    measurement = services.measurement_record(
        by=user, indicator=indicator, period=body.period, value=body.value, comment=body.comment
    )
    return Status(201, measurement)


@router.get(
    "/qualitative-effects",
    response={200: page_of(QualitativeEffectOut), **ERROR_RESPONSES},
    tags=["effects"],
)
def qualitative_effects_list(
    request: HttpRequest,
    filters: Query[ByMeasure],
    page: Query[PageParams],
    ordering: Literal["observed_on", "-observed_on"] = "-observed_on",
) -> Any:
    queryset = filters.filter(selectors.qualitative_effects_visible(user=user_of(request)))
    return paginate(queryset, page, ordering)


class QualitativeEffectIn(Input):
    measure: BodyId
    observed_on: Day
    category: Literal[tuple(EffectCategory.values)]  # type: ignore[valid-type]
    statement: Annotated[LongText, Field(min_length=1)]
    source: Annotated[ShortText, Field(min_length=1)]
    part: BodyId | None = Field(
        None,
        description="In a joint application, the organisation whose part this records; "
        "default: the first the user may record (the applicant's where the user acts for it).",
    )


@router.post(
    "/qualitative-effects",
    response={201: QualitativeEffectOut, **ERROR_RESPONSES},
    tags=["effects"],
)
def qualitative_effects_record(request: HttpRequest, body: QualitativeEffectIn) -> Any:
    user = user_of(request)
    measure = effect_selectors.tracked_measure(user=user, pk=body.measure)
    parts = effect_selectors.recordable_parts(user=user, measure=measure)
    part = (parts.filter(pk=body.part) if body.part else parts).first()
    if part is None:
        raise PermissionDenied
    effect = services.qualitative_effect_record(
        by=user,
        measure=measure,
        part=part,
        observed_on=body.observed_on,
        category=body.category,
        statement=body.statement,
        source=body.source,
    )
    return Status(201, effect)


class CostFilter(FilterSchema):
    measure: Annotated[ObjectId | None, FilterLookup("measure_id")] = None
    year: Annotated[int, Field(ge=2000, le=2100)] | None = None
    kind: Literal["external", "internal", "equipment"] | None = None


@router.get("/costs", response={200: page_of(CostOut), **ERROR_RESPONSES}, tags=["effects"])
def costs_list(
    request: HttpRequest,
    filters: Query[CostFilter],
    page: Query[PageParams],
    ordering: Literal["year", "-year", "amount_sek", "-amount_sek"] = "year",
) -> Any:
    """Actual costs against the grant, whole kronor."""
    queryset = filters.filter(selectors.costs_visible(user=user_of(request)))
    return paginate(queryset, page, ordering)


@router.get("/costs/{id}", response={200: CostOut, **ERROR_RESPONSES}, tags=["effects"])
def costs_get(request: HttpRequest, id: ObjectId) -> Any:
    return effect_selectors.cost_for_user(user=user_of(request), pk=id)


class ReportFilter(FilterSchema):
    decision: Annotated[ObjectId | None, FilterLookup("decision_id")] = None
    kind: Literal["progress", "final"] | None = None
    status: Literal["draft", "submitted"] | None = None


@router.get("/reports", response={200: page_of(ReportOut), **ERROR_RESPONSES}, tags=["reports"])
def reports_list(
    request: HttpRequest,
    filters: Query[ReportFilter],
    page: Query[PageParams],
    ordering: Literal["-created_at", "created_at", "version", "-version"] = "-created_at",
) -> Any:
    """Progress and final reports, every version."""
    queryset = filters.filter(selectors.reports_visible(user=user_of(request)))
    return paginate(queryset, page, ordering)


@router.get("/reports/{id}", response={200: ReportOut, **ERROR_RESPONSES}, tags=["reports"])
def reports_get(request: HttpRequest, id: ObjectId, response: HttpResponse) -> Any:
    return with_etag(response, effect_selectors.report_for_user(user=user_of(request), pk=id))
