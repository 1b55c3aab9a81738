"""Write operations for organisations."""

from __future__ import annotations

import csv
from importlib import resources

from django.db import transaction

from sprida.core.models import NationalRole, Organisation, OrganisationKind
from sprida.core.orgnumber import format_org_number

# The national bodies' roles, keyed by slug in national-bodies.csv.
NATIONAL_ROLES = {"skr": NationalRole.COORDINATOR, "effektivitetsdelegationen": NationalRole.FUNDER}


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("sprida.core").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@transaction.atomic
def organisations_load() -> tuple[int, int]:
    """Create or update the 21 regions and the national bodies; returns (created, updated)."""
    created = updated = 0
    for row in _rows("regions.csv"):
        _, was_created = Organisation.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "kind": OrganisationKind.REGION,
                "org_number": format_org_number(row["org_number"]),
                "county_code": row["county_code"],
                "county_letter": row["county_letter"],
                "seat": row["seat"],
            },
        )
        created, updated = (created + 1, updated) if was_created else (created, updated + 1)
    for row in _rows("national-bodies.csv"):
        _, was_created = Organisation.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "kind": OrganisationKind.NATIONAL,
                "national_role": NATIONAL_ROLES.get(row["slug"], NationalRole.NONE),
                "org_number": format_org_number(row["org_number"]),
                "description": row["role"],
            },
        )
        created, updated = (created + 1, updated) if was_created else (created, updated + 1)
    return created, updated
