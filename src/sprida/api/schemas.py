"""What the API returns for organisations and grants. Money is whole kronor (`*_sek`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema
from pydantic import Field


class OrganisationRef(Schema):
    id: int
    slug: str
    name: str


class OrganisationOut(Schema):
    id: int
    slug: str
    name: str
    kind: str = Field(description="`region` or `national`.")
    national_role: str = Field(description="`coordinator`, `funder` or empty.")
    org_number: str
    county_code: str
    county_letter: str
    seat: str
    description: str


class BudgetOut(Schema):
    id: int
    first_year: int
    last_year: int
    amount_sek_per_year: int
    source: str
    source_date: dt.date | None
    note: str


class ProgrammeOut(Schema):
    id: int
    slug: str
    name: str
    regulation: str
    administering_body: OrganisationRef
    description: str
    budgets: list[BudgetOut]


class CategoryOut(Schema):
    id: int
    slug: str
    name: str
    name_en: str
    description: str


class CategoryRef(Schema):
    slug: str
    name: str


class ApplicationOut(Schema):
    id: int
    programme_id: int
    applicant: OrganisationRef
    joint: bool
    participants: list[OrganisationRef]
    title: str
    status: str = Field(description="`draft`, `submitted`, `decided` or `withdrawn`.")
    submitted_on: dt.date | None
    applied_sek: int | None = Field(description="The total the application states, if known.")
    applied_total: int | None = Field(
        description="Applied total: the decision's figure, else the stated one, else the sum "
        "of the measures."
    )
    measure_count: int
    is_demo: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class YearAmountOut(Schema):
    year: int
    applied_sek: int


class MeasureOut(Schema):
    id: int
    application_id: int
    title: str
    description: str
    category: CategoryRef | None
    aim: str
    applied_sek: int | None
    scope_notes: str
    other_state_funding: bool
    position: int
    year_amounts: list[YearAmountOut]


class MeasureDecisionOut(Schema):
    id: int
    measure_id: int
    measure_title: str
    outcome: str = Field(description="`granted`, `partially_granted` or `rejected`.")
    granted_sek: int
    rejected_sek: int | None
    share_percent: int | None
    reason: str

    @staticmethod
    def resolve_measure_title(obj: Any) -> str:
        return str(obj.measure.title)


class ConditionOut(Schema):
    id: int
    line_id: int | None
    text: str
    due_on: dt.date | None
    fulfilled: bool
    fulfilled_on: dt.date | None


class DecisionOut(Schema):
    id: int
    application_id: int
    applicant: OrganisationRef
    decided_on: dt.date
    case_number: str
    outcome: str = Field(description="`granted`, `partially_granted` or `rejected`.")
    applied_sek: int | None
    granted_sek: int
    rejected_sek: int | None
    reasoning: str
    appealable: bool
    published: bool
    lines: list[MeasureDecisionOut]
    conditions: list[ConditionOut]

    @staticmethod
    def resolve_applicant(obj: Any) -> Any:
        return obj.application.applicant


class PayoutOut(Schema):
    id: int
    decision_id: int
    year: int
    amount_sek: int
    status: str = Field(description="`planned` or `paid`.")
    paid_on: dt.date | None


class DeadlineOut(Schema):
    id: int
    decision_id: int
    kind: str = Field(
        description="`implementation`, `progress_report`, `final_report` or `condition`."
    )
    title: str
    due_on: dt.date
    done_on: dt.date | None
