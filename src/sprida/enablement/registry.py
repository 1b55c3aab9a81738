"""The requirement registry: YAML files with stable URNs, read apart from the database.

This module imports no models, so the data migration can use it with historical models.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REQUIREMENTS_DIR = Path(__file__).resolve().parent / "requirements"
URN_PREFIX = "urn:sprida:req:"
AREAS = {"gdpr", "patient_data", "ai_act", "mdr", "procurement", "infosec", "effects"}
SECTIONS = {"data", "legal", "benefit", "risk", "competence"}


class RegistryError(ValueError):
    """A requirement file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class RequirementSpec:
    urn: str
    version: str
    area: str
    section: str
    title: str
    text: str
    references: tuple[str, ...]

    @property
    def version_key(self) -> tuple[int, ...]:
        return version_key(self.version)


def version_key(version: str) -> tuple[int, ...]:
    """'1.10' sorts after '1.9'."""
    return tuple(int(part) for part in version.split("."))


def _spec(path: Path, data: Any) -> RequirementSpec:
    if not isinstance(data, dict):
        raise RegistryError(f"{path.name}: filen ska innehålla en mappning.")
    for key in ("urn", "version", "area", "section", "title", "text"):
        if not str(data.get(key, "")).strip():
            raise RegistryError(f"{path.name}: fältet {key} saknas.")
    urn, version = str(data["urn"]).strip(), str(data["version"]).strip()
    if not urn.startswith(URN_PREFIX):
        raise RegistryError(f"{path.name}: id ska börja med {URN_PREFIX}, inte {urn}.")
    try:
        version_key(version)
    except ValueError:
        raise RegistryError(
            f"{path.name}: versionen {version} ska vara siffror, t.ex. 1.0."
        ) from None
    if data["area"] not in AREAS:
        raise RegistryError(f"{path.name}: okänt område {data['area']}.")
    if data["section"] not in SECTIONS:
        raise RegistryError(f"{path.name}: okänt avsnitt {data['section']}.")
    references = data.get("references") or []
    if not isinstance(references, list):
        raise RegistryError(f"{path.name}: references ska vara en lista.")
    return RequirementSpec(
        urn=urn,
        version=version,
        area=str(data["area"]),
        section=str(data["section"]),
        title=str(data["title"]).strip(),
        text=" ".join(str(data["text"]).split()),
        references=tuple(str(ref).strip() for ref in references),
    )


def read_requirements(directory: Path = REQUIREMENTS_DIR) -> list[RequirementSpec]:
    """Every requirement file, checked; a duplicate (urn, version) is an error."""
    specs: list[RequirementSpec] = []
    seen: set[tuple[str, str]] = set()
    for path in sorted(directory.glob("*.yaml")):
        spec = _spec(path, yaml.safe_load(path.read_text(encoding="utf-8")))
        if (spec.urn, spec.version) in seen:
            raise RegistryError(f"{path.name}: {spec.urn} version {spec.version} finns redan.")
        seen.add((spec.urn, spec.version))
        specs.append(spec)
    return specs


def upsert_requirements(model: Any, specs: list[RequirementSpec]) -> tuple[int, int]:
    """Create or update the rows for these specs; the highest version of each URN is current.

    `model` is the Requirement model, or its historical version inside a migration.
    """
    created = updated = 0
    for spec in specs:
        _, was_created = model.objects.update_or_create(
            urn=spec.urn,
            version=spec.version,
            defaults={
                "area": spec.area,
                "section": spec.section,
                "title": spec.title,
                "text": spec.text,
                "references": "\n".join(spec.references),
            },
        )
        created, updated = (created + 1, updated) if was_created else (created, updated + 1)
    latest: dict[str, str] = {}
    for row in model.objects.values("urn", "version"):
        best = latest.get(row["urn"])
        if best is None or version_key(row["version"]) > version_key(best):
            latest[row["urn"]] = row["version"]
    for urn, version in latest.items():
        model.objects.filter(urn=urn).exclude(version=version).update(is_current=False)
        model.objects.filter(urn=urn, version=version).update(is_current=True)
    return created, updated
