"""The report as plain text, section by section, to paste into Kammarkollegiet's e-service.

Plain lines only: no tabs, no no-break spaces, no markup, so that the text pastes cleanly
into a web form's text fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from sprida.core.formats import format_sek
from sprida.effects.content import MeasureBlock, ReportContent
from sprida.effects.exports import REPORT_LANGUAGE, change_text, condition_text, remaining_cell
from sprida.effects.numbers import format_decimal
from sprida.effects.parts_export import parts_plain
from sprida.effects.parts_export import title as parts_title


@dataclass
class PlainSection:
    key: str
    title: str
    text: str


def _clean(text: str) -> str:
    for odd in ("\u00a0", "\u202f", "\t"):
        text = text.replace(odd, " ")
    return text.replace("\u2212", "-").strip()


def _measure_text(content: ReportContent, block: MeasureBlock) -> str:
    lines = [
        _("Beslut: %(outcome)s, %(amount)s.")
        % {"outcome": block.outcome_label.lower(), "amount": format_sek(block.granted_sek)}
    ]
    if block.status:
        lines.append(
            _("Status: %(stage)s (%(date)s).")
            % {"stage": block.status.stage_label, "date": f"{block.status.status_on:%Y-%m-%d}"}
        )
        if block.status.units:
            lines.append(_("Används i: %(units)s.") % {"units": ", ".join(block.status.units)})
    texts = (
        [(_("Resultat och effekter"), block.results_text), (_("Kostnader"), block.costs_text)]
        if content.is_final
        else [
            (_("Hur långt genomförandet har kommit"), block.progress_text),
            (_("Hur effekterna mäts"), block.measurement_plan_text),
        ]
    )
    for heading, text in texts:
        lines += ["", f"{heading}:", text or "-"]
    if block.indicators:
        lines += ["", _("Indikatorer:")]
        for i in block.indicators:
            latest = (
                f"{format_decimal(i.latest_value)} ({i.latest_period:%Y-%m-%d})"
                if i.latest_value is not None and i.latest_period
                else _("inget mätvärde ännu")
            )
            lines.append(
                f"- {i.name} ({i.unit}): "
                + _("baslinje %(base)s, senaste %(latest)s")
                % {"base": format_decimal(i.baseline_value), "latest": latest}
            )
    if block.effects:
        lines += ["", _("Kvalitativa effekter:")]
        lines += [f"- {e.observed_on:%Y-%m-%d}: {e.statement}" for e in block.effects]
    lines += [
        "",
        _("Upparbetat %(spent)s av beviljade %(granted)s. %(remaining)s.")
        % {
            "spent": format_sek(block.spent_sek),
            "granted": format_sek(block.granted_sek),
            "remaining": block.remaining_text,
        },
    ]
    return "\n".join(lines)


def plain_sections(content: ReportContent) -> list[PlainSection]:
    with translation.override(REPORT_LANGUAGE):
        sections = [PlainSection("summary", _("Sammanfattning"), content.summary or "-")]
        for block in content.measures:
            sections.append(
                PlainSection(
                    f"measure-{block.measure_id}",
                    f"{block.number}. {block.title}",
                    _measure_text(content, block),
                )
            )
        if content.parts:
            sections.append(PlainSection("parts", parts_title(), parts_plain(content)))
        sections.append(
            PlainSection(
                "conditions",
                _("Villkor"),
                "\n".join(f"- {condition_text(c)}" for c in content.conditions) or "-",
            )
        )
        economy = [
            f"- {b.title}: "
            + _("beviljat %(granted)s, upparbetat %(spent)s, kvar %(left)s")
            % {
                "granted": format_sek(b.granted_sek),
                "spent": format_sek(b.spent_sek),
                "left": remaining_cell(b.remaining_sek),
            }
            for b in content.measures
        ]
        sections.append(PlainSection("economy", _("Ekonomisk sammanställning"), "\n".join(economy)))
        changes = [content.deviations or _("Inga förändringar mot ansökan har angetts.")]
        changes += [f"- {change_text(c)}" for c in content.changes]
        sections.append(
            PlainSection("changes", _("Förändringar i genomförandet"), "\n".join(changes))
        )
        sections.append(
            PlainSection(
                "collaboration", _("Samverkan och spridning"), content.collaboration or "-"
            )
        )
    for section in sections:
        section.text = _clean(section.text)
    return sections
