"""The report as PDF: the same content as the DOCX, with a header, a footer and page numbers."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from sprida.core.formats import format_sek
from sprida.core.pdf import PdfDocument
from sprida.effects.content import MeasureBlock, ReportContent
from sprida.effects.exports import (
    NOT_WRITTEN,
    REPORT_LANGUAGE,
    change_text,
    condition_text,
    document_footer,
    document_header,
    remaining_cell,
)
from sprida.effects.numbers import format_decimal
from sprida.effects.parts_export import parts_pdf


def pdf_bytes(content: ReportContent) -> bytes:
    """The report as PDF, always in Swedish."""
    with translation.override(REPORT_LANGUAGE):
        return _pdf(content)


def _measure(pdf: PdfDocument, content: ReportContent, block: MeasureBlock) -> None:
    pdf.heading(f"{block.number}. {block.title}", 2)
    pdf.paragraph(
        _("Beslut: %(outcome)s, %(amount)s.")
        % {"outcome": block.outcome_label.lower(), "amount": format_sek(block.granted_sek)}
    )
    if block.status:
        units = ", ".join(block.status.units) or _("ingen verksamhet angiven")
        pdf.paragraph(
            _("Status: %(stage)s (%(date)s). Används i: %(units)s.")
            % {
                "stage": block.status.stage_label,
                "date": f"{block.status.status_on:%Y-%m-%d}",
                "units": units,
            }
        )
    else:
        pdf.paragraph(_("Status: ingen status registrerad."))
    texts = (
        [
            (_("Resultat och effekter"), block.results_text),
            (_("Kostnader och hur de kan styrkas"), block.costs_text),
        ]
        if content.is_final
        else [
            (_("Hur långt genomförandet har kommit"), block.progress_text),
            (_("Plan för effektmätning"), block.measurement_plan_text),
        ]
    )
    for heading, text in texts:
        pdf.heading(heading, 3)
        pdf.paragraph(text or str(NOT_WRITTEN))
    pdf.heading(_("Hur effekterna mäts"), 3)
    if block.indicators:
        pdf.data_table(
            [_("Indikator"), _("Baslinje"), _("Mål"), _("Senaste värde")],
            [
                [
                    f"{i.name} ({i.unit})",
                    f"{format_decimal(i.baseline_value)} ({i.baseline_on:%Y-%m-%d})",
                    f"{format_decimal(i.target_value)} ({i.target_on:%Y-%m-%d})"
                    if i.target_value is not None and i.target_on
                    else "–",
                    f"{format_decimal(i.latest_value)} ({i.latest_period:%Y-%m-%d})"
                    if i.latest_value is not None and i.latest_period
                    else "–",
                ]
                for i in block.indicators
            ],
            numeric={1, 2, 3},
        )
    else:
        pdf.paragraph(_("Inga indikatorer registrerade."))
    for effect in block.effects:
        pdf.bullet(f"{effect.observed_on:%Y-%m-%d} ({effect.category_label}): {effect.statement}")
    pdf.paragraph(
        _("Upparbetat %(spent)s av beviljade %(granted)s. %(remaining)s.")
        % {
            "spent": format_sek(block.spent_sek),
            "granted": format_sek(block.granted_sek),
            "remaining": block.remaining_text,
        }
    )


def _pdf(content: ReportContent) -> bytes:
    pdf = PdfDocument(
        title=f"{content.kind_label} – {content.region}",
        header_text=document_header(content),
        footer_text=document_footer(content),
        page_label=_("Sida {page} av {pages}"),
    )
    pdf.heading(f"{content.kind_label} – {content.region}", 0)
    if content.is_demo:
        pdf.paragraph(_("DEMODATA – inte en verklig redovisning."))
    pdf.paragraph(
        _(
            "Till Effektivitetsdelegationen. Statsbidrag enligt förordningen (2024:1102) om "
            "tillfälligt statsbidrag för en effektiv hälso- och sjukvård."
        )
    )
    pdf.heading(_("Sammanfattning"), 1)
    pdf.paragraph(content.summary or str(NOT_WRITTEN))
    pdf.heading(_("Åtgärderna"), 1)
    for block in content.measures:
        _measure(pdf, content, block)
    parts_pdf(pdf, content)
    pdf.heading(_("Villkor"), 1)
    for condition in content.conditions:
        pdf.bullet(condition_text(condition))
    if not content.conditions:
        pdf.paragraph(_("Beslutet har inga villkor registrerade."))
    pdf.heading(_("Ekonomisk sammanställning"), 1)
    pdf.data_table(
        [_("Åtgärd"), _("Beviljat"), _("Upparbetat"), _("Kvar av bidraget")],
        [
            [
                f"{b.number}. {b.title}",
                format_sek(b.granted_sek),
                format_sek(b.spent_sek),
                remaining_cell(b.remaining_sek),
            ]
            for b in content.measures
        ]
        + [
            [
                _("Summa"),
                format_sek(content.measures_granted_sek),
                format_sek(content.spent_sek),
                remaining_cell(content.remaining_sek),
            ]
        ],
        numeric={1, 2, 3},
        widths=(70, 30, 30, 40),
    )
    pdf.heading(_("Förändringar i genomförandet"), 1)
    pdf.paragraph(content.deviations or _("Inga förändringar mot ansökan har angetts."))
    for change in content.changes:
        pdf.bullet(change_text(change))
    pdf.heading(_("Samverkan och spridning"), 1)
    pdf.paragraph(content.collaboration or str(NOT_WRITTEN))
    return pdf.to_bytes()
