"""The report out as DOCX (to send) and XLSX (the figures, to check and reuse); the texts they
share with the PDF (header, footer, conditions, changes)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from sprida.core.exports import workbook_bytes
from sprida.core.formats import format_sek
from sprida.effects.content import (
    ChangeRow,
    ConditionRow,
    IndicatorBlock,
    MeasureBlock,
    ReportContent,
)
from sprida.effects.numbers import format_decimal
from sprida.effects.parts_export import parts_docx, parts_sheet

NOT_WRITTEN = gettext_lazy("[Ej ifyllt – skrivs av regionen]")

# The reports go to the delegation in Swedish whatever language the person exporting uses.
REPORT_LANGUAGE = "sv"


def export_filename(content: ReportContent, fmt: str) -> str:
    """E.g. delredovisning-region-orebro-lan-2026-11-30-v1.docx: the region, the kind and the
    date it was submitted (a draft: the day it was put together, marked as a draft)."""
    kind = "delredovisning" if content.kind == "progress" else "slutredovisning"
    day = content.submitted_on or content.generated_on
    draft = "" if content.submitted_on else "-utkast"
    return f"{kind}-{slugify(content.region)}-{day:%Y-%m-%d}-v{content.version}{draft}.{fmt}"


def document_header(content: ReportContent) -> str:
    case = _(", dnr %(number)s") % {"number": content.case_number} if content.case_number else ""
    return (
        f"{content.region} – {content.kind_label.lower()} {_('version')} {content.version}"
        + (_(" – beslut %(date)s") % {"date": f"{content.decided_on:%Y-%m-%d}"})
        + case
    )


def document_footer(content: ReportContent) -> str:
    if content.submitted_at:
        return _("Inlämnad %(when)s av %(who)s") % {
            "when": content.submitted_at,
            "who": content.submitted_by or _("okänd"),
        }
    return _("Utkast, inte inlämnat – sammanställt %(date)s") % {
        "date": f"{content.generated_on:%Y-%m-%d}"
    }


def _field(paragraph: Any, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the reader fills in on every page."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = code
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instruction)
    run._r.append(end)


def _docx_header_footer(document: Any, content: ReportContent) -> None:
    section = document.sections[0]
    section.header.paragraphs[0].text = document_header(content)
    footer = section.footer.paragraphs[0]
    footer.text = document_footer(content) + " – " + _("sida") + " "
    _field(footer, "PAGE")
    footer.add_run(" " + _("av") + " ")
    _field(footer, "NUMPAGES")


def remaining_cell(value: int) -> str:
    """Granted minus used; an overspend says so in words rather than by a minus sign."""
    if value < 0:
        return _("överskridet med %(amount)s") % {"amount": format_sek(-value)}
    return format_sek(value)


def change_text(change: ChangeRow) -> str:
    """One change notification and its answer as a paragraph of plain text."""
    head = f"{change.filed_on:%Y-%m-%d}" + (f" – {change.measure}" if change.measure else "")
    answer = (
        _("Svar %(date)s: %(outcome)s. %(message)s")
        % {
            "date": f"{change.answered_on:%Y-%m-%d}" if change.answered_on else "",
            "outcome": change.outcome_label,
            "message": change.answer,
        }
        if change.outcome_label
        else _("Inte besvarad ännu.")
    )
    return (
        f"{head}: {change.what} "
        + _("Skäl: %(why)s Kostnad: %(cost)s Tidplan: %(schedule)s Effekter: %(effects)s")
        % {
            "why": change.why,
            "cost": change.cost_effect,
            "schedule": change.schedule_effect,
            "effects": change.effects_effect,
        }
        + f" {answer}"
    )


# DOCX ------------------------------------------------------------------------------------------


def _table(document: object, header: list[str], rows: list[list[str]], numeric: set[int]) -> Table:
    table = document.add_table(rows=1, cols=len(header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for index, text in enumerate(header):
        cell = table.rows[0].cells[index]
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for index, text in enumerate(row):
            cells[index].text = text
            if index in numeric:
                cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


def _narrative(document: object, heading: str, text: str) -> None:
    document.add_heading(heading, level=3)  # type: ignore[attr-defined]
    for paragraph in (text or str(NOT_WRITTEN)).split("\n\n"):
        document.add_paragraph(paragraph.strip())  # type: ignore[attr-defined]


def _indicator_rows(indicators: list[IndicatorBlock]) -> list[list[str]]:
    rows = []
    for i in indicators:
        target = (
            f"{format_decimal(i.target_value)} {i.unit} ({i.target_on:%Y-%m-%d})"
            if i.target_value is not None and i.target_on
            else "–"
        )
        latest = (
            f"{format_decimal(i.latest_value)} {i.unit} ({i.latest_period:%Y-%m-%d})"
            if i.latest_value is not None and i.latest_period
            else _("Inga mätvärden ännu")
        )
        rows.append(
            [
                f"{i.name}\n{i.definition}",
                f"{format_decimal(i.baseline_value)} {i.unit} ({i.baseline_on:%Y-%m-%d})",
                target,
                latest,
                f"{i.data_source}; {i.frequency_label.lower()}"
                + (_("; ansvarig %(name)s") % {"name": i.responsible} if i.responsible else ""),
            ]
        )
    return rows


def _measure_docx(document: object, content: ReportContent, block: MeasureBlock) -> None:
    add = document.add_paragraph  # type: ignore[attr-defined]
    document.add_heading(f"{block.number}. {block.title}", level=2)  # type: ignore[attr-defined]
    add(
        _("Beslut: %(outcome)s, %(amount)s.")
        % {"outcome": block.outcome_label.lower(), "amount": format_sek(block.granted_sek)}
        + (
            " " + _("Kategori: %(category)s.") % {"category": block.category}
            if block.category
            else ""
        )
    )
    if block.status:
        units = ", ".join(block.status.units) or _("ingen verksamhet angiven")
        add(
            _("Status: %(stage)s (%(date)s). Används i: %(units)s.")
            % {
                "stage": block.status.stage_label,
                "date": f"{block.status.status_on:%Y-%m-%d}",
                "units": units,
            }
        )
        if block.status.comment:
            add(block.status.comment)
    else:
        add(_("Status: ingen status registrerad."))
    if content.is_final:
        _narrative(document, _("Resultat och effekter"), block.results_text)
    else:
        _narrative(document, _("Hur långt genomförandet har kommit"), block.progress_text)
    document.add_heading(_("Hur effekterna mäts"), level=3)  # type: ignore[attr-defined]
    if block.indicators:
        _table(
            document,
            [
                _("Indikator"),
                _("Baslinje"),
                _("Mål"),
                _("Senaste värde"),
                _("Datakälla och frekvens"),
            ],
            _indicator_rows(block.indicators),
            set(),
        )
    else:
        add(_("Inga indikatorer registrerade."))
    if not content.is_final:
        _narrative(document, _("Plan för effektmätning"), block.measurement_plan_text)
    document.add_heading(_("Kvalitativa effekter"), level=3)  # type: ignore[attr-defined]
    if block.effects:
        for effect in block.effects:
            add(
                f"{effect.observed_on:%Y-%m-%d} ({effect.category_label}): {effect.statement} "
                + _("Källa: %(source)s.") % {"source": effect.source},
                style="List Bullet",
            )
    else:
        add(_("Inga kvalitativa effekter registrerade ännu."))
    document.add_heading(_("Kostnader"), level=3)  # type: ignore[attr-defined]
    rows = [
        [
            str(y.year),
            format_sek(y.external_sek),
            format_sek(y.internal_sek),
            format_sek(y.equipment_sek),
            format_sek(y.total_sek),
        ]
        for y in block.years
    ]
    rows.append([_("Summa"), "", "", "", format_sek(block.spent_sek)])
    _table(
        document,
        [_("År"), _("Externa"), _("Egen personal"), _("Utrustning"), _("Summa")],
        rows,
        {1, 2, 3, 4},
    )
    add(
        _("Upparbetat %(spent)s av beviljade %(granted)s. %(remaining)s.")
        % {
            "spent": format_sek(block.spent_sek),
            "granted": format_sek(block.granted_sek),
            "remaining": block.remaining_text,
        }
    )
    if content.is_final:
        _narrative(document, _("Kostnader och hur de kan styrkas"), block.costs_text)


def condition_text(c: ConditionRow) -> str:
    """One condition, how far the region has come and its evidence, as plain text."""
    parts = [
        c.text,
        (_("Åtgärd: %(measure)s.") % {"measure": c.measure}) if c.measure else _("Hela beslutet."),
        (_("Senast %(date)s.") % {"date": f"{c.due_on:%Y-%m-%d}"}) if c.due_on else "",
        _("Uppfyllelse: %(stage)s.") % {"stage": c.stage_label},
        (_("Underlag: %(evidence)s") % {"evidence": c.evidence}) if c.evidence else "",
        (_("Bilagor: %(files)s.") % {"files": ", ".join(c.files)}) if c.files else "",
        (
            _("Kvitterat av Effektivitetsdelegationen %(date)s.")
            % {"date": f"{c.acknowledged_on:%Y-%m-%d}"}
        )
        if c.acknowledged_on
        else "",
    ]
    return " ".join(part for part in parts if part)


def _conditions_docx(document: object, content: ReportContent) -> None:
    document.add_heading(_("Villkor"), level=1)  # type: ignore[attr-defined]
    if not content.conditions:
        document.add_paragraph(_("Beslutet har inga villkor registrerade."))  # type: ignore[attr-defined]
    for c in content.conditions:
        document.add_paragraph(condition_text(c), style="List Bullet")  # type: ignore[attr-defined]


def docx_bytes(content: ReportContent) -> bytes:
    """The report as a Word document, always in Swedish."""
    return _in_report_language(_docx_bytes, content)


def _in_report_language(render: Callable[[ReportContent], bytes], content: ReportContent) -> bytes:
    with translation.override(REPORT_LANGUAGE):
        return render(content)


def _docx_bytes(content: ReportContent) -> bytes:
    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = f"{content.kind_label} – {content.region}"
    document.core_properties.language = "sv-SE"
    _docx_header_footer(document, content)
    document.add_heading(f"{content.kind_label} – {content.region}", level=0)
    if content.is_demo:
        document.add_paragraph(_("DEMODATA – inte en verklig redovisning."))
    document.add_paragraph(
        _(
            "Till Effektivitetsdelegationen. Statsbidrag enligt förordningen (2024:1102) om "
            "tillfälligt statsbidrag för en effektiv hälso- och sjukvård."
        )
    )
    facts = [
        [
            _("Bidragsmottagare"),
            f"{content.region}" + (f" ({content.org_number})" if content.org_number else ""),
        ],
        [_("Ansökan"), content.application_title],
        [
            _("Beslut"),
            f"{content.decided_on:%Y-%m-%d}"
            + (
                _(", dnr %(number)s") % {"number": content.case_number}
                if content.case_number
                else ""
            ),
        ],
        [_("Beviljat bidrag"), format_sek(content.granted_sek)],
        [_("Ska lämnas senast"), f"{content.due_on:%Y-%m-%d}" if content.due_on else "–"],
        [_("Version"), f"{content.version} ({content.status_label.lower()})"],
        [
            _("Inlämnad"),
            _("%(when)s av %(who)s") % {"when": content.submitted_at, "who": content.submitted_by}
            if content.submitted_at
            else _("Inte inlämnad"),
        ],
        [_("Sammanställd"), f"{content.generated_on:%Y-%m-%d}"],
    ]
    _table(document, [_("Uppgift"), _("Värde")], facts, set())
    document.add_heading(_("Sammanfattning"), level=1)
    for paragraph in (content.summary or str(NOT_WRITTEN)).split("\n\n"):
        document.add_paragraph(paragraph.strip())
    document.add_heading(_("Åtgärderna"), level=1)
    for block in content.measures:
        _measure_docx(document, content, block)
    parts_docx(document, content, _table)
    _conditions_docx(document, content)
    document.add_heading(_("Ekonomisk sammanställning"), level=1)
    rows = [
        [
            f"{b.number}. {b.title}",
            format_sek(b.granted_sek),
            format_sek(b.spent_sek),
            remaining_cell(b.remaining_sek),
        ]
        for b in content.measures
    ]
    rows.append(
        [
            _("Summa"),
            format_sek(content.measures_granted_sek),
            format_sek(content.spent_sek),
            remaining_cell(content.remaining_sek),
        ]
    )
    _table(
        document,
        [_("Åtgärd"), _("Beviljat"), _("Upparbetat"), _("Kvar av bidraget")],
        rows,
        {1, 2, 3},
    )
    if content.payouts:
        _table(
            document,
            [_("År"), _("Utbetalning"), _("Status")],
            [[str(p.year), format_sek(p.amount_sek), p.status_label] for p in content.payouts],
            {1},
        )
    document.add_heading(_("Förändringar i genomförandet"), level=1)
    document.add_paragraph(content.deviations or _("Inga förändringar mot ansökan har angetts."))
    for change in content.changes:
        document.add_paragraph(change_text(change), style="List Bullet")
    document.add_heading(_("Samverkan och spridning"), level=1)
    document.add_paragraph(content.collaboration or str(NOT_WRITTEN))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# XLSX ------------------------------------------------------------------------------------------

SEK_FORMAT = '# ##0" kr"'
DATE_FORMAT = "yyyy-mm-dd"


def _sheet(workbook: Workbook, title: str, header: list[str], rows: list[list[object]]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(60, len(name) + 4))
        lowered = name.lower()
        for cell in sheet[letter][1:]:
            if "(kr)" in lowered:
                cell.number_format = SEK_FORMAT
            elif "datum" in lowered or lowered == "period":
                cell.number_format = DATE_FORMAT


def xlsx_bytes(content: ReportContent) -> bytes:
    """The figures as a workbook, always in Swedish."""
    return _in_report_language(_xlsx_bytes, content)


def _xlsx_bytes(content: ReportContent) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = _(_("Sammanfattning"))
    summary.append([f"{content.kind_label} – {content.region}"])
    summary["A1"].font = Font(bold=True, size=14)
    for label, value in (
        (_("Beslut"), content.decided_on),
        (_("Diarienummer"), content.case_number),
        (_("Beviljat bidrag (kr)"), content.granted_sek),
        (_("Ska lämnas senast"), content.due_on),
        (_("Version"), content.version),
        (_("Status"), content.status_label),
        (_("Sammanställd"), content.generated_on),
        (_("Demodata"), _("ja") if content.is_demo else _("nej")),
    ):
        summary.append([label, value])
    summary.append([])
    summary.append(
        [
            _("Åtgärd"),
            _("Status"),
            _("Statusdatum"),
            _("Beviljat (kr)"),
            _("Upparbetat (kr)"),
            _("Kvar av bidraget (kr)"),
            _("Överskridet (kr)"),
        ]
    )
    for cell in summary[summary.max_row]:
        cell.font = Font(bold=True)
    for b in content.measures:
        summary.append(
            [
                b.title,
                b.status.stage_label if b.status else _("Ingen status"),
                b.status.status_on if b.status else None,
                b.granted_sek,
                b.spent_sek,
                b.unused_sek,
                b.overspend_sek,
            ]
        )
    summary.append(
        [
            _("Summa"),
            "",
            None,
            content.measures_granted_sek,
            content.spent_sek,
            content.unused_sek,
            content.overspend_sek,
        ]
    )
    summary.column_dimensions["A"].width = 60
    for letter in "BCDEFG":
        summary.column_dimensions[letter].width = 18
    for row in summary.iter_rows(min_row=2):
        for cell in row[3:7]:
            if isinstance(cell.value, int):
                cell.number_format = SEK_FORMAT
        for cell in row[1:3]:
            if hasattr(cell.value, "year"):
                cell.number_format = DATE_FORMAT

    _sheet(
        workbook,
        _("Indikatorer"),
        [
            _("Åtgärd"),
            _("Indikator"),
            _("Definition"),
            _("Enhet"),
            _("Riktning"),
            _("Baslinje"),
            _("Baslinjedatum"),
            _("Mål"),
            _("Måldatum"),
            _("Senaste värde"),
            _("Senaste period"),
            _("Förändring (%)"),
            _("Datakälla"),
            _("Frekvens"),
            _("Ansvarig"),
            _("Nyttotyp"),
            _("KPI i Kolada"),
        ],
        [
            [
                b.title,
                i.name,
                i.definition,
                i.unit,
                i.direction_label,
                i.baseline_value,
                i.baseline_on,
                i.target_value,
                i.target_on,
                i.latest_value,
                i.latest_period,
                i.change_percent,
                i.data_source,
                i.frequency_label,
                i.responsible,
                i.benefit_type_label,
                i.kolada_kpi,
            ]
            for b in content.measures
            for i in b.indicators
        ],
    )
    _sheet(
        workbook,
        _("Mätvärden"),
        [_("Åtgärd"), _("Indikator"), _("Enhet"), _("Period"), _("Värde"), _("Kommentar")],
        [
            [b.title, i.name, i.unit, m.period, m.value, m.comment]
            for b in content.measures
            for i in b.indicators
            for m in i.measurements
        ],
    )
    _sheet(
        workbook,
        _(_("Kostnader")),
        [
            _("Åtgärd"),
            _("År"),
            _("Kostnadsslag"),
            _("Beskrivning"),
            _("Timmar"),
            _("Timkostnad (kr)"),
            _("Belopp (kr)"),
            _("Underlag"),
            _("Del"),
        ],
        [
            [
                b.title,
                c.year,
                c.kind_label,
                c.description,
                c.hours,
                c.hourly_rate_sek,
                c.amount_sek,
                c.documents,
                c.part,
            ]
            for b in content.measures
            for c in b.costs
        ],
    )
    _sheet(
        workbook,
        _(_("Kvalitativa effekter")),
        [_("Åtgärd"), _("Datum"), _("Perspektiv"), _("Iakttagelse"), _("Källa")],
        [
            [b.title, e.observed_on, e.category_label, e.statement, e.source]
            for b in content.measures
            for e in b.effects
        ],
    )
    _sheet(
        workbook,
        _("Status"),
        [_("Åtgärd"), _("Status"), _("Datum"), _("Verksamheter"), _("Kommentar")],
        [
            [
                b.title,
                b.status.stage_label,
                b.status.status_on,
                "; ".join(b.status.units),
                b.status.comment,
            ]
            for b in content.measures
            if b.status
        ],
    )
    parts_sheet(workbook, content, _sheet)
    _sheet(
        workbook,
        _("Villkor"),
        [
            _("Villkor"),
            _("Åtgärd"),
            _("Senast (datum)"),
            _("Uppfyllelse"),
            _("Underlag"),
            _("Bilagor"),
            _("Kvitterat (datum)"),
        ],
        [
            [
                c.text,
                c.measure,
                c.due_on,
                c.stage_label,
                c.evidence,
                ", ".join(c.files),
                c.acknowledged_on,
            ]
            for c in content.conditions
        ],
    )
    _sheet(
        workbook,
        _("Förändringar"),
        [
            _("Anmäld datum"),
            _("Åtgärd"),
            _("Vad som ändras"),
            _("Varför"),
            _("Påverkan på kostnaden"),
            _("Påverkan på tidplanen"),
            _("Påverkan på effekterna"),
            _("Svar"),
            _("Svarsdatum"),
            _("Meddelande"),
        ],
        [
            [
                c.filed_on,
                c.measure,
                c.what,
                c.why,
                c.cost_effect,
                c.schedule_effect,
                c.effects_effect,
                c.outcome_label,
                c.answered_on,
                c.answer,
            ]
            for c in content.changes
        ],
    )
    return workbook_bytes(workbook)
