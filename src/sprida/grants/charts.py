"""Server-rendered SVG charts. Each has role="img" and an aria-label; the page puts the data
table beside it (`chart-block`), so the chart is never the only way to read the figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sprida.core.formats import format_sek

# Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics).
PALETTE = ("#0b4f6c", "#c05a00", "#1a6b2f", "#6a3d9a")
OVER = "#a4161a"


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[int | None]  # None: unknown, drawn as no bar with the words "uppgift saknas"
    colour: str = ""


def _msek(value: float) -> str:
    return f"{value / 1_000_000:,.1f}".replace(",", "\u00a0").replace(".", ",") + "\u00a0Mkr"


def _legend(series: Sequence[Series], x: int, y: int) -> list[str]:
    parts, offset = [], x
    for index, s in enumerate(series):
        colour = s.colour or PALETTE[index % len(PALETTE)]
        parts.append(f'<rect x="{offset}" y="{y - 10}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{offset + 16}" y="{y}" font-size="12">{escape(s.name)}</text>')
        offset += 24 + 7 * len(s.name)
    return parts


def bar_chart(*, label: str, categories: Sequence[str], series: Sequence[Series]) -> SafeString:
    """Horizontal grouped bars: one group per category, one bar per series."""
    if not categories or not series:
        return mark_safe("")
    peak = max((v for s in series for v in s.values if v is not None), default=0) or 1
    label_width, plot_width, bar, gap = 220, 360, 12, 10
    group = bar * len(series) + gap
    height = 40 + group * len(categories)
    width = label_width + plot_width + 90
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" preserveAspectRatio="xMinYMin meet" '
        f'font-family="system-ui, sans-serif">',
        f"<title>{escape(label)}</title>",
        *_legend(series, label_width, 16),
    ]
    for row, name in enumerate(categories):
        top = 30 + row * group
        short = name if len(name) <= 30 else name[:29] + "…"
        parts.append(
            f'<text x="{label_width - 6}" y="{top + bar * len(series) / 2 + 4}" '
            f'text-anchor="end" font-size="12">{escape(short)}</text>'
        )
        for index, s in enumerate(series):
            value = s.values[row] if row < len(s.values) else 0
            y = top + index * bar
            if value is None:  # unknown is not zero: no bar, and the words say why
                parts.append(
                    f'<text x="{label_width + 4}" y="{y + bar - 3}" font-size="10">'
                    f"{escape(s.name)}: {escape(_('uppgift saknas'))}</text>"
                )
                continue
            length = round(plot_width * value / peak)
            colour = s.colour or PALETTE[index % len(PALETTE)]
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar - 2}" '
                f'fill="{colour}"><title>{escape(name)}, {escape(s.name)}: '
                f"{escape(format_sek(value))}</title></rect>"
            )
            parts.append(
                f'<text x="{label_width + length + 4}" y="{y + bar - 3}" font-size="10">'
                f"{escape(_msek(value))}</text>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def budget_chart(
    *,
    label: str,
    years: Sequence[int],
    paid: Sequence[int],
    planned: Sequence[int],
    budgets: Sequence[tuple[str, Sequence[int | None]]],
    paid_name: str,
    planned_name: str,
) -> SafeString:
    """Vertical stacked bars (paid + planned) per year, a marker line per budget figure,
    and the bar outlined in red where it exceeds a figure."""
    if not years:
        return mark_safe("")
    values = [p + q for p, q in zip(paid, planned, strict=True)]
    peak = max([*values, *(v or 0 for _, vs in budgets for v in vs)]) or 1
    left, plot_h, top, slot = 70, 220, 40, 70
    width = left + slot * len(years) + 20
    height = top + plot_h + 40

    def y(value: float) -> float:
        return top + plot_h - plot_h * value / peak

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" preserveAspectRatio="xMinYMin meet" '
        f'font-family="system-ui, sans-serif">',
        f"<title>{escape(label)}</title>",
        *_legend([Series(paid_name, ()), Series(planned_name, (), PALETTE[1])], left, 16),
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" '
        f'stroke="#1b1b1f"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="10">'
        f"{escape(_msek(peak))}</text>",
    ]
    dashes = ("6 3", "2 2", "10 4", "1 3")
    for index, year in enumerate(years):
        x = left + index * slot + 10
        paid_top, total_top = y(paid[index]), y(values[index])
        over = any(
            (vs[index] is not None and values[index] > (vs[index] or 0)) for _, vs in budgets
        )
        parts.append(
            f'<rect x="{x}" y="{paid_top:.1f}" width="40" height="{top + plot_h - paid_top:.1f}" '
            f'fill="{PALETTE[0]}"><title>{year}: {escape(paid_name)} '
            f"{escape(format_sek(paid[index]))}</title></rect>"
        )
        parts.append(
            f'<rect x="{x}" y="{total_top:.1f}" width="40" height="{paid_top - total_top:.1f}" '
            f'fill="{PALETTE[1]}"><title>{year}: {escape(planned_name)} '
            f"{escape(format_sek(planned[index]))}</title></rect>"
        )
        if over:
            parts.append(
                f'<rect x="{x}" y="{total_top:.1f}" width="40" '
                f'height="{top + plot_h - total_top:.1f}" fill="none" stroke="{OVER}" '
                f'stroke-width="3"/>'
            )
        for b_index, (name, amounts) in enumerate(budgets):
            amount = amounts[index]
            if amount is None:
                continue
            parts.append(
                f'<line x1="{x - 6}" x2="{x + 46}" y1="{y(amount):.1f}" y2="{y(amount):.1f}" '
                f'stroke="#1b1b1f" stroke-width="2" stroke-dasharray="{dashes[b_index % 4]}">'
                f"<title>{escape(name)}: {escape(format_sek(amount))}</title></line>"
            )
        parts.append(
            f'<text x="{x + 20}" y="{top + plot_h + 16}" text-anchor="middle" font-size="12">'
            f"{year}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
