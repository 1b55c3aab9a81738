"""Read queries for organisations."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import QuerySet

from sprida.core.access import Who, acting_q, restrict
from sprida.core.collation import Swedish
from sprida.core.models import NationalRole, Organisation, OrganisationKind, Region


def regions_list() -> QuerySet[Region]:
    return Region.objects.order_by(Swedish("name"))


def organisations_for_user(*, user: Any) -> QuerySet[Organisation]:
    return restrict(Organisation.objects.all(), user)


def organisations_acted_for(
    *, user: Who, model: type[models.Model] | None = None, regions_only: bool = False
) -> QuerySet[Organisation]:
    """The organisations the user may create records (of `model`, if given) for, by name."""
    qs = Organisation.objects.filter(acting_q(user, model))
    if regions_only:
        qs = qs.filter(kind=OrganisationKind.REGION)
    return qs.order_by(Swedish("name"))


def organisation_by_national_role(role: NationalRole) -> Organisation | None:
    return Organisation.objects.filter(national_role=role).first()
