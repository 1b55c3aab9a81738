"""Exports: a dossier version as DOCX, its transparency record as JSON, the compensation XLSX."""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone

from sprida.core.formats import format_sek
from sprida.enablement.content import RISK_LEVELS, section_lines
from sprida.enablement.models import DossierVersion, SectionKind
from sprida.enablement.selectors import ROUNDING_RULE, CompensationReport

TRANSPARENCY_SCHEMA = "urn:sprida:transparency:1.0"


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
    from docx import Document
    from docx.shared import Pt

    dossier = version.dossier
    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(dossier.title, level=0)
    status = version.get_status_display().lower()
    published = f", publicerad {version.published_at:%Y-%m-%d}" if version.published_at else ""
    document.add_paragraph(
        f"Gemensamt underlag för regionerna, version {version.number} ({status}{published}). "
        f"Ansvarig: {dossier.owner.name}."
    )
    document.add_heading("Syfte", level=1)
    document.add_paragraph(dossier.purpose)
    if version.change_summary:
        document.add_heading("Ändringar i versionen", level=1)
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
        document.add_heading("Kontakt", level=1)
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
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Nytta", "Kronor per år"
    for item in items:
        row = table.add_row().cells
        row[0].text, row[1].text = item.description, format_sek(item.yearly_value_sek)
    total = sum(item.yearly_value_sek or 0 for item in items)
    row = table.add_row().cells
    row[0].text, row[1].text = "Summa", format_sek(total)


def _risk_table(document: Any, version: DossierVersion) -> None:
    risks = list(version.risks.all())
    if not risks:
        return
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        ["Risk", "Sannolikhet", "Konsekvens", "Risknivå", "Åtgärd och ägare"],
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
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ersättning per region"
    sheet.append(["Ersättning för tid i de nationella arbetsgrupperna"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([f"Period: {report.start:%Y-%m} – {report.end:%Y-%m}"])
    sheet.append([f"Avrundning: {ROUNDING_RULE}"])
    rates = "; ".join(
        f"{rate.hourly_rate_sek} kr/h från {rate.valid_from:%Y-%m}" for rate in report.rates
    )
    sheet.append([f"Timersättning: {rates or 'ingen angiven'}"])
    sheet.append([f"Utskrivet: {timezone.localtime():%Y-%m-%d %H:%M}"])
    sheet.append([])
    header = ["Organisation", "Timmar", "Timmar utan timersättning", "Ersättning (kr)"]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    first = sheet.max_row + 1
    for row in report.rows:
        sheet.append(
            [row.organisation.name, float(row.hours), float(row.unpriced_hours), row.amount_sek]
        )
    sheet.append(
        ["Summa", float(report.total_hours), float(report.unpriced_hours), report.total_sek]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for number_row in sheet.iter_rows(min_row=first, max_row=sheet.max_row, min_col=2, max_col=4):
        number_row[0].number_format = number_row[1].number_format = "#,##0.00"
        number_row[2].number_format = "#,##0"
    sheet.column_dimensions["A"].width = 48
    for column in "BCD":
        sheet.column_dimensions[column].width = 20

    groups = workbook.create_sheet("Timmar per grupp")
    groups.append(["Organisation", *report.groups])
    for cell in groups[1]:
        cell.font = Font(bold=True)
    for row in report.rows:
        groups.append(
            [row.organisation.name, *(float(row.by_group.get(g, 0)) for g in report.groups)]
        )
    groups.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
