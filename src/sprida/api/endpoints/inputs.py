"""Input types shared by the write endpoints: bounded text, amounts, years and dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Annotated, Any

from ninja import Schema
from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    model_validator,
)

from sprida.api.problems import ApiProblem
from sprida.core.models import Organisation

NO_NUL = r"^[^\x00]*$"  # PostgreSQL refuses NUL in text

Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300, pattern=NO_NUL)
]
ShortText = Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)]
LongText = Annotated[str, StringConstraints(max_length=20_000, pattern=NO_NUL)]
# In JSON bodies numbers and booleans are taken as they are: `false` is not 0, `1` not true.
Sek = Annotated[int, Strict(), Field(ge=0, le=10**13, description="Whole kronor.")]
Year = Annotated[int, Field(ge=2000, le=2100)]
BodyYear = Annotated[int, Strict(), Field(ge=2000, le=2100)]
BodyId = Annotated[int, Strict(), Field(ge=1, le=2**63 - 1)]
Flag = Annotated[bool, Strict()]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    """Only YYYY-MM-DD: pydantic would otherwise read `0` as 1970-01-01."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise ValueError("Use a date written as YYYY-MM-DD.")
    return value


Day = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    Field(ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31)),
]


class Input(Schema):
    """A request body: a JSON object with only the documented fields."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _object_only(cls, data: Any) -> Any:
        # ninja validates twice: the raw value, then the same wrapped for attribute access.
        if not isinstance(getattr(data, "_obj", data), dict):
            raise ValueError("The body must be a JSON object.")
        return data


OrgSlug = Annotated[str, StringConstraints(max_length=40, pattern=r"^[-a-z0-9]+$")]


def organisations_by_slug(slugs: Iterable[str], *, field: str) -> list[Organisation]:
    wanted = list(dict.fromkeys(slugs))
    found = {o.slug: o for o in Organisation.objects.filter(slug__in=wanted)}
    unknown = [slug for slug in wanted if slug not in found]
    if unknown:
        raise ApiProblem(
            422,
            "validation_error",
            f"Unknown organisation: {', '.join(unknown)}.",
            [
                {"field": f"body.{field}", "message": f"No organisation has the slug {s!r}."}
                for s in unknown
            ],
        )
    return [found[slug] for slug in wanted]


def refuse_nulls(fields: dict[str, Any], nullable: set[str]) -> None:
    """PATCH: `null` may clear an optional value, but not a required one."""
    bad = [name for name, value in fields.items() if value is None and name not in nullable]
    if bad:
        raise ApiProblem(
            422,
            "validation_error",
            f"These fields cannot be null: {', '.join(bad)}.",
            [{"field": f"body.{name}", "message": "May not be null."} for name in bad],
        )
