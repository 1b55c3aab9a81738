"""A solution as a structured description, in the spirit of publiccode.yml, as YAML or JSON."""

from __future__ import annotations

import json
from typing import Any

import yaml

from sprida.spreading.models import Solution
from sprida.spreading.selectors import AdoptionRow, LinkedMeasure

SCHEMA_VERSION = "sprida-solution/1"


def solution_document(
    *,
    solution: Solution,
    url: str,
    adoption: list[AdoptionRow],
    measures: list[LinkedMeasure],
) -> dict[str, Any]:
    """Only what the caller may see goes in: the rows come from the user-scoped selectors."""
    return {
        "schemaVersion": SCHEMA_VERSION,
        "name": solution.title,
        "url": url,
        "type": solution.solution_type,
        "maturity": solution.maturity,
        "category": (
            {"slug": solution.category.slug, "name": solution.category.name}
            if solution.category
            else None
        ),
        "owner": {"name": solution.owner.name, "orgNumber": solution.owner.org_number},
        "description": {
            "sv": {"shortDescription": solution.summary, "longDescription": solution.description}
        },
        "needs": {
            "systems": solution.needs_systems,
            "staff": solution.needs_staff,
            "data": solution.needs_data,
        },
        "costs": {
            "setupSek": solution.setup_cost_sek,
            "yearlySek": solution.yearly_cost_sek,
            "notes": solution.cost_notes,
        },
        "legal": {"license": solution.licence, "procurement": solution.procurement_form or None},
        "maintenance": {
            "contacts": [
                {"name": c.name, "role": c.role, "email": c.email, "phone": c.phone}
                for c in solution.contacts.all()
            ]
        },
        "links": [
            {"title": r.title, "url": r.url or (r.file.url if r.file else "")}
            for r in solution.resources.all()
        ],
        "adoption": [
            {
                "region": row.region.name,
                "countyCode": row.region.county_code,
                "status": row.adoption.status,
                "since": row.adoption.since.isoformat(),
            }
            for row in adoption
            if row.adoption
        ],
        "measures": [
            {
                "title": item.link.measure.title,
                "region": item.link.measure.application.applicant.name,
                "role": item.link.role,
            }
            for item in measures
        ],
    }


def as_yaml(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def as_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)
