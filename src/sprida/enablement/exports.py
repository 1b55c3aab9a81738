"""Exports: a dossier version as DOCX, its transparency record as JSON, the compensation XLSX."""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sprida.core.exports import workbook_bytes
from sprida.core.formats import format_sek
from sprida.enablement.content import RISK_LEVELS, section_lines
from sprida.enablement.models import DossierVersion, SectionKind
from sprida.enablement.selectors import ROUNDING_RULE, CompensationReport

TRANSPARENCY_SCHEMA = "urn:sprida:transparency:1.0"
# The documents are Swedish whatever language the person exporting uses.
EXPORT_LANGUAGE = "sv"


def _text(value: str) -> str:
    return " ".join(value.split()) if value else ""


def transparency_record(version: DossierVersion, *, url: str = "") -> dict[str, Any]:
    """The fields public algorithm registers use (cf. the Dutch register and the UK ATRS)."""
    dossier = version.dossier
    assessment = getattr(version, "aiact", None)
    return {
        "schema": TRANSPARENCY_SCHEMA,
        "id": f"urn:sprida:dossier:{dossier.slug}:{version.number}",
        "name": dossier.title,
        "organisation": dossier.owner.name,
        "category": dossier.category.name if dossier.category else None,
        "purpose": _text(dossier.purpose),
        "status": {
            "state": version.status,
            "version": version.number,
            "published_on": version.published_at.date().isoformat()
            if version.published_at
            else None,
            "regions_adopted": dossier.adoptions.count(),
        },
        "legal_basis": {
            "gdpr": _text(version.gdpr_legal_basis),
            "patient_data_law": _text(version.patient_data_law),
            "ai_act_class": assessment.result if assessment else None,
            "ai_act_reasons": list(assessment.reasons) if assessment else [],
            "medical_device_class": version.mdr_class or None,
            "dpia": version.dpia_status,
        },
        "data": {
            "sources": _text(version.data_sources),
            "categories": _text(version.data_categories),
            "health_data": version.health_data,
            "processing_location": version.processing_location,
            "retention": _text(version.data_retention),
        },
        "human_oversight": _text(version.human_oversight),
        "risks": [
            {
                "risk": risk.title,
                "likelihood": risk.likelihood,
                "consequence": risk.consequence,
                "level": risk.level,
                "mitigation": _text(risk.mitigation),
            }
            for risk in version.risks.all()
        ],
        "contact": {"name": dossier.contact_name, "email": dossier.contact_email},
        "url": url,
    }


def dossier_docx(version: DossierVersion) -> bytes:
    """The version as a Word document, always in Swedish."""
    with translation.override(EXPORT_LANGUAGE):
        return _dossier_docx(version)


def _dossier_docx(version: DossierVersion) -> bytes:
    from docx import Document
    from docx.shared import Pt

    dossier = version.dossier
    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(dossier.title, level=0)
    status = version.get_status_display().lower()
    if version.published_at:
        status = _("%(status)s, publicerad %(date)s") % {
            "status": status,
            "date": f"{version.published_at:%Y-%m-%d}",
        }
    document.add_paragraph(
        _(
            "Gemensamt underlag för regionerna, version %(number)d (%(status)s). "
            "Ansvarig: %(owner)s."
        )
        % {"number": version.number, "status": status, "owner": dossier.owner.name}
    )
    document.add_heading(_("Syfte"), level=1)
    document.add_paragraph(dossier.purpose)
    if version.change_summary:
        document.add_heading(_("Ändringar i versionen"), level=1)
        document.add_paragraph(version.change_summary)
    lines = section_lines(version)
    for kind, label in SectionKind.choices:
        document.add_heading(str(label), level=1)
        if kind == SectionKind.BENEFIT:
            _benefit_table(document, version)
        if kind == SectionKind.RISK:
            _risk_table(document, version)
        for line in lines.get(kind, []):
            if line.startswith("  "):
                document.add_paragraph(line.strip(), style="List Bullet")
            else:
                document.add_paragraph(line)
    if dossier.contact_name or dossier.contact_email:
        document.add_heading(_("Kontakt"), level=1)
        document.add_paragraph(f"{dossier.contact_name} {dossier.contact_email}".strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _benefit_table(document: Any, version: DossierVersion) -> None:
    items = [item for item in version.benefits.all() if item.yearly_value_sek is not None]
    if not items:
        return
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = _("Nytta"), _("Kronor per år")
    for item in items:
        row = table.add_row().cells
        row[0].text, row[1].text = item.description, format_sek(item.yearly_value_sek)
    total = sum(item.yearly_value_sek or 0 for item in items)
    row = table.add_row().cells
    row[0].text, row[1].text = _("Summa"), format_sek(total)


def _risk_table(document: Any, version: DossierVersion) -> None:
    risks = list(version.risks.all())
    if not risks:
        return
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        [_("Risk"), _("Sannolikhet"), _("Konsekvens"), _("Risknivå"), _("Åtgärd och ägare")],
        strict=True,
    ):
        cell.text = text
    for risk in risks:
        row = table.add_row().cells
        row[0].text = risk.title
        row[1].text, row[2].text = str(risk.likelihood), str(risk.consequence)
        row[3].text = f"{risk.score} ({RISK_LEVELS[risk.level]})"
        row[4].text = " – ".join(part for part in (risk.mitigation, risk.owner) if part)


def compensation_xlsx(report: CompensationReport) -> bytes:
    """The compensation per region as a workbook, always in Swedish."""
    with translation.override(EXPORT_LANGUAGE):
        return _compensation_xlsx(report)


def _compensation_xlsx(report: CompensationReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Ersättning per region")
    sheet.append([_("Ersättning för tid i de nationella arbetsgrupperna")])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(
        [
            _("Period: %(start)s – %(end)s")
            % {"start": f"{report.start:%Y-%m}", "end": f"{report.end:%Y-%m}"}
        ]
    )
    sheet.append([_("Avrundning: %(rule)s") % {"rule": ROUNDING_RULE}])
    rates = "; ".join(
        _("%(rate)s kr/h från %(date)s")
        % {"rate": rate.hourly_rate_sek, "date": f"{rate.valid_from:%Y-%m}"}
        for rate in report.rates
    )
    sheet.append([_("Timersättning: %(rates)s") % {"rates": rates or _("ingen angiven")}])
    sheet.append([_("Utskrivet: %(when)s") % {"when": f"{timezone.localtime():%Y-%m-%d %H:%M}"}])
    sheet.append([])
    header = [_("Organisation"), _("Timmar"), _("Timmar utan timersättning"), _("Ersättning (kr)")]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    first = sheet.max_row + 1
    for row in report.rows:
        sheet.append(
            [row.organisation.name, float(row.hours), float(row.unpriced_hours), row.amount_sek]
        )
    sheet.append(
        [_("Summa"), float(report.total_hours), float(report.unpriced_hours), report.total_sek]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for number_row in sheet.iter_rows(min_row=first, max_row=sheet.max_row, min_col=2, max_col=4):
        number_row[0].number_format = number_row[1].number_format = "#,##0.00"
        number_row[2].number_format = "#,##0"
    sheet.column_dimensions["A"].width = 48
    for column in "BCD":
        sheet.column_dimensions[column].width = 20

    groups = workbook.create_sheet(_("Timmar per grupp"))
    groups.append([_("Organisation"), *report.groups])
    for cell in groups[1]:
        cell.font = Font(bold=True)
    for row in report.rows:
        groups.append(
            [row.organisation.name, *(float(row.by_group.get(g, 0)) for g in report.groups)]
        )
    groups.column_dimensions["A"].width = 48
    return workbook_bytes(workbook)
