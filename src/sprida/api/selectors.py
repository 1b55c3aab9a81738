"""Reads the API needs that the apps' own selectors do not offer (yet).

Each one is `core.access.restrict` over the model, with the joins the API's schemas read, so
the rows a token sees are exactly the rows its user sees in the UI.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet

from sprida.api.models import ApiToken
from sprida.core.access import restrict
from sprida.core.models import Organisation
from sprida.effects.models import Cost, Indicator, Measurement, QualitativeEffect, Report
from sprida.grants import selectors as grant_selectors
from sprida.grants.models import (
    Application,
    Deadline,
    Decision,
    Measure,
    MeasureCategory,
    MeasureDecision,
    Payout,
    Programme,
    ProgrammeBudget,
)

ANONYMOUS = AnonymousUser()


def tokens_for_user(*, user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at", "-pk")


def organisations_visible(*, user: Any) -> QuerySet[Organisation]:
    return restrict(Organisation.objects.all(), user)


def programmes_visible(*, user: Any) -> QuerySet[Programme]:
    budgets = Prefetch("budgets", queryset=restrict(ProgrammeBudget.objects.all(), user))
    return restrict(grant_selectors.programmes_list(), user).prefetch_related(budgets)


def categories_visible(*, user: Any) -> QuerySet[MeasureCategory]:
    return restrict(grant_selectors.categories_list(), user)


def applications_visible(*, user: Any) -> QuerySet[Application]:
    return (
        restrict(Application.objects.all(), user)
        .select_related("applicant")
        .prefetch_related("participants")
    )


def measures_visible(*, user: Any) -> QuerySet[Measure]:
    return (
        restrict(Measure.objects.all(), user)
        .select_related("category")
        .prefetch_related("year_amounts")
    )


def decisions_visible(*, user: Any) -> QuerySet[Decision]:
    lines = Prefetch(
        "lines", queryset=MeasureDecision.objects.select_related("measure").order_by("pk")
    )
    return (
        restrict(Decision.objects.all(), user)
        .select_related("application__applicant")
        .prefetch_related(lines, "conditions")
    )


def payouts_visible(*, user: Any) -> QuerySet[Payout]:
    return restrict(Payout.objects.all(), user)


def deadlines_visible(*, user: Any) -> QuerySet[Deadline]:
    return restrict(Deadline.objects.all(), user)


# Effects: lists across measures (the effects app's selectors read one record or one measure).


def indicators_visible(*, user: Any) -> QuerySet[Indicator]:
    return restrict(Indicator.objects.all(), user)


def measurements_visible(*, user: Any) -> QuerySet[Measurement]:
    return restrict(Measurement.objects.all(), user)


def qualitative_effects_visible(*, user: Any) -> QuerySet[QualitativeEffect]:
    return restrict(QualitativeEffect.objects.all(), user)


def costs_visible(*, user: Any) -> QuerySet[Cost]:
    return restrict(Cost.objects.all(), user)


def reports_visible(*, user: Any) -> QuerySet[Report]:
    return restrict(Report.objects.all(), user)


# Open data: what anyone may see, through the same rules with nobody signed in.


def public_decisions() -> QuerySet[Decision]:
    lines = Prefetch(
        "lines",
        queryset=MeasureDecision.objects.select_related("measure__category").order_by(
            "measure__position", "pk"
        ),
    )
    return (
        restrict(Decision.objects.all(), ANONYMOUS)
        .select_related("application__applicant")
        .prefetch_related(lines, "application__participants")
    )


def public_measures() -> QuerySet[Measure]:
    return restrict(Measure.objects.all(), ANONYMOUS).select_related(
        "category", "application__applicant", "outcome__decision"
    )
