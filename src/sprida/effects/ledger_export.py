"""The grant ledger as XLSX: one row per decision, measure and year, with the figures as numbers."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from sprida.core.exports import workbook_bytes
from sprida.effects.accounting import Ledger
from sprida.grants.models import Decision

SEK_FORMAT = '# ##0" kr";\\−# ##0" kr"'


def ledger_filename(region_slug: str, decision: Decision | None) -> str:
    today = timezone.localdate().isoformat()
    if decision is None:
        return f"bidragsredovisning-{region_slug}-{today}.xlsx"
    return f"bidragsredovisning-{region_slug}-beslut-{decision.decided_on:%Y-%m-%d}-{today}.xlsx"


def ledger_xlsx(ledgers: Sequence[tuple[Decision, Ledger]]) -> bytes:
    with translation.override("sv"):
        return _ledger_xlsx(ledgers)


def _ledger_xlsx(ledgers: Sequence[tuple[Decision, Ledger]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Bidragsredovisning")
    header = [
        _("Region"),
        _("Beslut"),
        _("Diarienummer"),
        _("Åtgärd"),
        _("År"),
        _("Beviljat (kr)"),
        _("Utbetalt under året (kr)"),
        _("Kostnader under året (kr)"),
        _("Intäktsfört under året (kr)"),
        _("Utbetalt t.o.m. året (kr)"),
        _("Kostnader t.o.m. året (kr)"),
        _("Intäktsfört t.o.m. året (kr)"),
        _("Förutbetald intäkt vid årets slut (kr)"),
    ]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for decision, ledger in ledgers:
        for row in ledger.rows:
            sheet.append(
                [
                    decision.application.applicant.name,
                    decision.decided_on,
                    decision.case_number,
                    row.title or _("Ej fördelat på åtgärd"),
                    row.year,
                    row.granted_sek,
                    row.paid_sek,
                    row.costs_sek,
                    row.recognised_sek,
                    row.paid_to_date_sek,
                    row.costs_to_date_sek,
                    row.recognised_to_date_sek,
                    row.deferred_sek,
                ]
            )
    sheet.freeze_panes = "A2"
    widths = [28, 12, 16, 50, 8] + [18] * 8
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    for row_cells in sheet.iter_rows(min_row=2):
        row_cells[1].number_format = "yyyy-mm-dd"
        for cell in row_cells[5:]:
            cell.number_format = SEK_FORMAT
    return workbook_bytes(workbook)
