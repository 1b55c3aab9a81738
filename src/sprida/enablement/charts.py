"""The risk matrix as server-rendered SVG (likelihood × consequence, 1–4)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from sprida.enablement.models import RiskItem, risk_level

# Light fills keep black numbers above 4.5:1 contrast; the level is also in the table.
FILLS = {"low": "#d8f0dc", "medium": "#fff1b8", "high": "#ffd6a8", "very_high": "#f8c4c4"}
CELL, LEFT, TOP = 56, 84, 16


def risk_counts(risks: Iterable[RiskItem]) -> Counter[tuple[int, int]]:
    return Counter((risk.likelihood, risk.consequence) for risk in risks)


def risk_matrix_svg(risks: Iterable[RiskItem]) -> SafeString:
    risks = list(risks)
    counts = risk_counts(risks)
    high = sum(1 for risk in risks if risk.level in {"high", "very_high"})
    label = _(
        "Riskmatris med %(count)d risker efter sannolikhet och konsekvens; "
        "%(high)d med hög eller mycket hög risk. Samma uppgifter finns i tabellen."
    ) % {"count": len(risks), "high": high}
    cells = []
    for likelihood in range(4, 0, -1):
        for consequence in range(1, 5):
            x = LEFT + (consequence - 1) * CELL
            y = TOP + (4 - likelihood) * CELL
            n = counts.get((likelihood, consequence), 0)
            cells.append(
                (
                    x,
                    y,
                    CELL,
                    CELL,
                    FILLS[risk_level(likelihood * consequence)],
                    x + CELL / 2,
                    y + CELL / 2 + 6,
                    str(n) if n else "",
                )
            )
    rects = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#555"/>'
        '<text x="{}" y="{}" text-anchor="middle" font-size="18" font-weight="700">{}</text>',
        cells,
    )
    ticks_y = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" font-size="13">{}</text>',
        ((LEFT - 8, TOP + (4 - n) * CELL + CELL / 2 + 5, n) for n in range(1, 5)),
    )
    ticks_x = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-size="13">{}</text>',
        ((LEFT + (n - 1) * CELL + CELL / 2, TOP + 4 * CELL + 18, n) for n in range(1, 5)),
    )
    width, height = LEFT + 4 * CELL + 8, TOP + 4 * CELL + 44
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" '
        'role="img" aria-label="{}">{}{}{}'
        '<text x="{}" y="{}" text-anchor="middle" font-size="13">{}</text>'
        '<text x="14" y="{}" text-anchor="middle" font-size="13" '
        'transform="rotate(-90 14 {})">{}</text></svg>',
        width,
        height,
        width,
        height,
        label,
        rects,
        ticks_y,
        ticks_x,
        LEFT + 2 * CELL,
        height - 4,
        _("Konsekvens"),
        TOP + 2 * CELL,
        TOP + 2 * CELL,
        _("Sannolikhet"),
    )
