"""Read queries for organisations."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sprida.core.access import restrict
from sprida.core.models import NationalRole, Organisation, Region


def regions_list() -> QuerySet[Region]:
    return Region.objects.order_by("name")


def organisations_for_user(*, user: Any) -> QuerySet[Organisation]:
    return restrict(Organisation.objects.all(), user)


def organisation_by_national_role(role: NationalRole) -> Organisation | None:
    return Organisation.objects.filter(national_role=role).first()
