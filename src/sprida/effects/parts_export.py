"""Each participant's part in the report's DOCX, PDF and XLSX: a totals table per part and
measure, then one section per part with its statuses, costs by kind and effects."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from sprida.core.formats import format_sek
from sprida.effects.content import ReportContent
from sprida.effects.parts import PartBlock, PartMeasure


def title() -> str:
    return _("Deltagarnas delar")


def intro() -> str:
    return _(
        "I den regiongemensamma ansökan registrerar varje deltagare statusar, kostnader och "
        "effekter för sin egen del. Samordnarens del visas först."
    )


def part_name(part: PartBlock) -> str:
    return part.organisation + (", " + _("samordnare") if part.coordinator else "")


def totals_table(content: ReportContent) -> tuple[list[str], list[list[str]]]:
    """Spent per part and measure; the last row is the report's own totals."""
    measures = [_("Åtgärd %(n)d") % {"n": b.number} for b in content.measures]
    rows = [
        [part_name(p)] + [format_sek(m.spent_sek) for m in p.measures] + [format_sek(p.spent_sek)]
        for p in content.parts
    ]
    rows.append(
        [_("Summa")]
        + [format_sek(b.spent_sek) for b in content.measures]
        + [format_sek(content.spent_sek)]
    )
    return [_("Del"), *measures, _("Summa")], rows


def status_text(m: PartMeasure) -> str:
    if not m.stage_label:
        return "–"
    text = f"{m.stage_label} ({m.status_on:%Y-%m-%d})" if m.status_on else m.stage_label
    return text + (" – " + _("används i") + " " + ", ".join(m.units) if m.units else "")


def part_table(part: PartBlock) -> tuple[list[str], list[list[str]]]:
    rows = [
        [
            f"{m.number}. {m.title}",
            status_text(m),
            format_sek(m.external_sek),
            format_sek(m.internal_sek),
            format_sek(m.equipment_sek),
            format_sek(m.spent_sek),
        ]
        for m in part.measures
    ]
    rows.append([_("Summa"), "", "", "", "", format_sek(part.spent_sek)])
    header = [_("Åtgärd"), _("Status"), _("Externa"), _("Egen personal"), _("Utrustning")]
    return [*header, _("Upparbetat")], rows


def effect_lines(part: PartBlock) -> list[str]:
    return [
        f"{m.number}. {e.observed_on:%Y-%m-%d} ({e.category_label}): {e.statement} "
        + _("Källa: %(source)s.") % {"source": e.source}
        for m in part.measures
        for e in m.effects
    ]


def unrecorded_text(content: ReportContent) -> str:
    names = content.parts_unrecorded
    return (
        _("Ingenting registrerat ännu: %(names)s.") % {"names": "; ".join(names)} if names else ""
    )


AddTable = Callable[[Any, list[str], list[list[str]], set[int]], Any]


def parts_docx(document: Any, content: ReportContent, add_table: AddTable) -> None:
    if not content.parts:
        return
    document.add_heading(title(), level=1)
    document.add_paragraph(intro())
    header, rows = totals_table(content)
    add_table(document, header, rows, set(range(1, len(header))))
    for part in content.parts:
        if not part.recorded:
            continue
        document.add_heading(part_name(part), level=2)
        header, rows = part_table(part)
        add_table(document, header, rows, {2, 3, 4, 5})
        for line in effect_lines(part):
            document.add_paragraph(line, style="List Bullet")
    if content.parts_unrecorded:
        document.add_paragraph(unrecorded_text(content))


def parts_pdf(pdf: Any, content: ReportContent) -> None:
    if not content.parts:
        return
    pdf.heading(title(), 1)
    pdf.paragraph(intro())
    header, rows = totals_table(content)
    pdf.data_table(header, rows, numeric=set(range(1, len(header))))
    for part in content.parts:
        if not part.recorded:
            continue
        pdf.heading(part_name(part), 2)
        header, rows = part_table(part)
        pdf.data_table(header, rows, numeric={2, 3, 4, 5}, widths=(50, 40, 25, 25, 25, 25))
        for line in effect_lines(part):
            pdf.bullet(line)
    if content.parts_unrecorded:
        pdf.paragraph(unrecorded_text(content))


AddSheet = Callable[[Any, str, list[str], list[list[object]]], None]


def parts_sheet(workbook: Any, content: ReportContent, add_sheet: AddSheet) -> None:
    """One row per part and measure, with the latest status and the costs by kind."""
    if not content.parts:
        return
    add_sheet(
        workbook,
        _("Delar"),
        [
            _("Del"),
            _("Samordnare"),
            _("Åtgärd"),
            _("Status"),
            _("Statusdatum"),
            _("Externa (kr)"),
            _("Egen personal (kr)"),
            _("Utrustning (kr)"),
            _("Upparbetat (kr)"),
            _("Kvalitativa effekter"),
        ],
        [
            [
                p.organisation,
                _("ja") if p.coordinator else _("nej"),
                f"{m.number}. {m.title}",
                m.stage_label,
                m.status_on,
                m.external_sek,
                m.internal_sek,
                m.equipment_sek,
                m.spent_sek,
                len(m.effects),
            ]
            for p in content.parts
            for m in p.measures
        ],
    )


def parts_plain(content: ReportContent) -> str:
    """The parts as plain lines, to paste into a web form."""
    lines = [intro()]
    for part in content.parts:
        if not part.recorded:
            continue
        lines += [
            "",
            f"{part_name(part)}: "
            + _("upparbetat %(spent)s") % {"spent": format_sek(part.spent_sek)},
        ]
        lines += [
            f"- {m.number}. {m.title}: {status_text(m)}; "
            + _("upparbetat %(spent)s") % {"spent": format_sek(m.spent_sek)}
            for m in part.measures
        ]
        lines += [f"- {line}" for line in effect_lines(part)]
    if content.parts_unrecorded:
        lines += ["", unrecorded_text(content)]
    return "\n".join(lines)
