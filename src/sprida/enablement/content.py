"""A dossier version as readable text per section: for the diff, the DOCX and the record."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sprida.core.formats import format_sek
from sprida.enablement.models import DossierVersion, SectionKind

RISK_LEVELS = {
    "low": gettext_lazy("låg"),
    "medium": gettext_lazy("medel"),
    "high": gettext_lazy("hög"),
    "very_high": gettext_lazy("mycket hög"),
}


def _field_lines(version: DossierVersion, names: list[str]) -> list[str]:
    lines: list[str] = []
    for name in names:
        field: Any = DossierVersion._meta.get_field(name)
        value = getattr(version, name)
        display = getattr(version, f"get_{name}_display", None)
        if display is not None and field.choices:
            value = display()
        elif isinstance(value, bool):
            value = _("ja") if value else _("nej")
        text = str(value).strip() or "–"
        label = str(getattr(field, "verbose_name", name))
        first, *rest = text.splitlines()
        lines.append(f"{label[:1].upper()}{label[1:]}: {first}")
        lines.extend(f"  {line}" for line in rest)
    return lines


def section_lines(version: DossierVersion) -> dict[str, list[str]]:
    """Each section as lines of plain text, in a fixed order so versions compare line by line."""
    out: dict[str, list[str]] = {
        SectionKind.DATA: _field_lines(
            version,
            [
                "data_sources",
                "data_categories",
                "health_data",
                "data_quality",
                "data_access",
                "data_retention",
                "processing_location",
                "processing_details",
            ],
        ),
        SectionKind.LEGAL: _field_lines(
            version,
            [
                "gdpr_legal_basis",
                "patient_data_law",
                "mdr_class",
                "procurement",
                "security_class",
                "dpia_status",
                "dpia_note",
            ],
        ),
        SectionKind.BENEFIT: _field_lines(version, ["benefit_assumptions"]),
        SectionKind.RISK: _field_lines(version, ["human_oversight", "risk_summary"]),
        SectionKind.COMPETENCE: _field_lines(version, ["competence_summary"]),
    }
    assessment = getattr(version, "aiact", None) if _has_aiact(version) else None
    if assessment is not None:
        out[SectionKind.LEGAL].append(
            _("Klassning enligt AI-förordningen: %(result)s")
            % {"result": assessment.get_result_display()}
        )
        out[SectionKind.LEGAL].extend(f"  {reason}" for reason in assessment.reasons)
    for item in version.benefits.all():
        value = item.yearly_value_sek
        if item.kind == "time_saved":
            calc = _("%(hours)s h × %(rate)s = %(value)s per år") % {
                "hours": item.hours_per_year,
                "rate": format_sek(item.hourly_cost_sek),
                "value": format_sek(value),
            }
        elif item.kind == "cost_avoided":
            calc = _("%(value)s per år") % {"value": format_sek(value)}
        else:
            calc = _("ej värderad i kronor")
        out[SectionKind.BENEFIT].append(
            _("Nytta: %(description)s – %(value)s")
            % {"description": item.description, "value": calc}
        )
        if item.assumption:
            out[SectionKind.BENEFIT].append(
                "  " + _("Antagande: %(assumption)s") % {"assumption": item.assumption}
            )
    for risk in version.risks.all():
        out[SectionKind.RISK].append(
            _(
                "Risk: %(title)s – sannolikhet %(likelihood)s × konsekvens %(consequence)s "
                "= %(score)s (%(level)s)"
            )
            % {
                "title": risk.title,
                "likelihood": risk.likelihood,
                "consequence": risk.consequence,
                "score": risk.score,
                "level": RISK_LEVELS[risk.level],
            }
        )
        if risk.mitigation:
            out[SectionKind.RISK].append(
                "  " + _("Åtgärd: %(mitigation)s") % {"mitigation": risk.mitigation}
            )
        if risk.owner:
            out[SectionKind.RISK].append("  " + _("Riskägare: %(owner)s") % {"owner": risk.owner})
    for module in version.trainings.all():
        out[SectionKind.COMPETENCE].append(
            _("Utbildning: %(title)s – %(audience)s, %(minutes)s min")
            % {"title": module.title, "audience": module.audience, "minutes": module.length_minutes}
        )
        if module.material:
            out[SectionKind.COMPETENCE].append(
                "  " + _("Material: %(material)s") % {"material": module.material}
            )
    for check in version.checks.all():
        req = check.requirement
        out[req.section].append(
            _("Krav ”%(title)s” (version %(version)s): %(status)s")
            % {"title": req.title, "version": req.version, "status": check.get_status_display()}
            + (f" – {check.note}" if check.note else "")
        )
    return out


def _has_aiact(version: DossierVersion) -> bool:
    try:
        version.aiact  # noqa: B018 - the reverse one-to-one raises when missing
    except DossierVersion.aiact.RelatedObjectDoesNotExist:
        return False
    return True


@dataclass
class SectionDiff:
    kind: str
    label: str
    lines: list[tuple[str, str]]  # (" " | "+" | "-", text)

    @property
    def changed(self) -> bool:
        return any(op != " " for op, _ in self.lines)


def version_diff(old: DossierVersion, new: DossierVersion) -> list[SectionDiff]:
    """Line by line, section by section, with difflib."""
    before, after = section_lines(old), section_lines(new)
    diffs = []
    for kind, label in SectionKind.choices:
        lines = [
            (line[0], line[2:])
            for line in difflib.ndiff(before.get(kind, []), after.get(kind, []))
            if line[:1] in {" ", "+", "-"}
        ]
        diffs.append(SectionDiff(kind=kind, label=str(label), lines=lines))
    return diffs
