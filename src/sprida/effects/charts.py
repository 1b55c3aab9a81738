"""Small server-rendered SVG charts that screen readers can use.

Each chart is an <svg role="img"> with a <title>, a <desc> and an aria-label that says what
the chart shows in one sentence; the page puts the same figures in a table beside it. Lines
differ by dash pattern as well as colour, so the chart reads in greyscale too.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from sprida.core.formats import format_sek
from sprida.effects.numbers import format_decimal

INK, MUTED, GRID = "#1b1b1f", "#4a4a55", "#c9c9d1"
SERIES, BASELINE, TARGET, SPENT = "#0b4f6c", "#8a4b00", "#1a6b2f", "#a4161a"
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


@dataclass(frozen=True)
class Box:
    width: int
    height: int
    left: int = 64
    right: int = 96
    top: int = 16
    bottom: int = 36

    @property
    def inner_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def inner_height(self) -> int:
        return self.height - self.top - self.bottom


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    if high - low < 1e-9:
        low, high = low - 0.5, high + 0.5
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * (1 - 1e-12))
    places = max(0, 2 - math.floor(math.log10(step)))
    first = math.floor(low / step)
    if first * step > low:  # low / step underflowed (e.g. a subnormal low)
        first -= 1
    last = math.ceil(high / step)
    if last * step < high:
        last += 1
    return [round(i * step, places) for i in range(first, last + 1)]


def _svg(chart_id: str, box: Box, title: str, summary: str, body: list[str]) -> SafeString:
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'viewBox="0 0 {box.width} {box.height}" width="{box.width}" '
        f'aria-label="{escape(summary)}" aria-labelledby="{title_id} {desc_id}" '
        f'preserveAspectRatio="xMinYMin meet">'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(summary)}</desc>'
    )
    # Safe: every text that reaches the markup went through escape().
    return mark_safe(head + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, *, anchor: str = "start", fill: str = INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" {FONT}>'
        f"{escape(text)}</text>"
    )


def line_chart(
    *,
    chart_id: str,
    title: str,
    unit: str,
    points: Sequence[tuple[dt.date, Decimal]],
    baseline: tuple[dt.date, Decimal] | None = None,
    target: tuple[dt.date, Decimal] | None = None,
    width: int = 600,
    height: int = 260,
) -> SafeString:
    """Values over time against a baseline and a target."""
    box = Box(width, height)
    marks = list(points) + [m for m in (baseline, target) if m is not None]
    parts = [f"{title}."]
    if baseline:
        parts.append(
            gettext("Baslinje %(value)s %(unit)s (%(date)s).")
            % {
                "value": format_decimal(baseline[1]),
                "unit": unit,
                "date": f"{baseline[0]:%Y-%m-%d}",
            }
        )
    if points:
        last = points[-1]
        parts.append(
            gettext("%(count)d mätvärden; senaste %(value)s %(unit)s (%(date)s).")
            % {
                "count": len(points),
                "value": format_decimal(last[1]),
                "unit": unit,
                "date": f"{last[0]:%Y-%m-%d}",
            }
        )
    else:
        parts.append(gettext("Inga mätvärden ännu."))
    if target:
        parts.append(
            gettext("Mål %(value)s %(unit)s senast %(date)s.")
            % {"value": format_decimal(target[1]), "unit": unit, "date": f"{target[0]:%Y-%m-%d}"}
        )
    summary = " ".join(parts)
    if not marks:
        return _svg(chart_id, box, title, summary, [_text(box.left, box.top + 20, summary)])

    days = [d.toordinal() for d, _ in marks]
    first, last_day = min(days), max(days)
    span = max(last_day - first, 1)
    values = [float(v) for _, v in marks]
    ticks = nice_ticks(min(values), max(values))
    low, high = ticks[0], ticks[-1]

    def x(day: dt.date) -> float:
        return box.left + (day.toordinal() - first) / span * box.inner_width

    def y(value: float | Decimal) -> float:
        return box.top + (1 - (float(value) - low) / (high - low)) * box.inner_height

    body: list[str] = []
    for tick in ticks:
        body.append(
            f'<line x1="{box.left}" x2="{box.left + box.inner_width}" y1="{y(tick):.1f}" '
            f'y2="{y(tick):.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(
            _text(
                box.left - 6,
                y(tick) + 4,
                format_decimal(Decimal(str(tick))),
                anchor="end",
                fill=MUTED,
            )
        )
    bottom = box.top + box.inner_height
    for day in sorted({dt.date.fromordinal(first), dt.date.fromordinal(last_day)}):
        body.append(_text(x(day), bottom + 18, f"{day:%Y-%m}", anchor="middle", fill=MUTED))
    body.append(_text(8, box.top - 4 + 12, unit, fill=MUTED))
    right = box.left + box.inner_width
    for mark, colour, dash, label in (
        (baseline, BASELINE, "6 4", gettext("Baslinje")),
        (target, TARGET, "2 3", gettext("Mål")),
    ):
        if mark is None:
            continue
        body.append(
            f'<line x1="{box.left}" x2="{right}" y1="{y(mark[1]):.1f}" y2="{y(mark[1]):.1f}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
        )
        body.append(
            f'<rect x="{x(mark[0]) - 4:.1f}" y="{y(mark[1]) - 4:.1f}" width="8" height="8" '
            f'fill="{colour}" transform="rotate(45 {x(mark[0]):.1f} {y(mark[1]):.1f})"/>'
        )
        body.append(
            _text(right + 6, y(mark[1]) + 4, f"{label} {format_decimal(mark[1])}", fill=colour)
        )
    if points:
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        body.append(f'<polyline points="{path}" fill="none" stroke="{SERIES}" stroke-width="2.5"/>')
        body.extend(
            f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="3.5" fill="{SERIES}"/>' for d, v in points
        )
    return _svg(chart_id, box, title, summary, body)


def bar_chart(
    *,
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, int, int]],
    first_label: str | None = None,
    second_label: str | None = None,
    width: int = 600,
) -> SafeString:
    """Two bars per row (e.g. granted and spent), in kronor, with the amounts written out."""
    first_label = first_label or gettext("Beviljat")
    second_label = second_label or gettext("Upparbetat")
    bar, gap, label_height = 14, 18, 16
    row_height = label_height + 2 * bar + gap
    box = Box(width, 40 + row_height * max(len(rows), 1), left=8, right=120, top=34, bottom=8)
    summary = f"{title}. " + " ".join(
        gettext("%(label)s: %(first)s %(a)s, %(second)s %(b)s.")
        % {
            "label": label,
            "first": first_label.lower(),
            "a": format_sek(a),
            "second": second_label.lower(),
            "b": format_sek(b),
        }
        for label, a, b in rows
    )
    if not rows:
        return _svg(chart_id, box, title, summary, [_text(8, 24, gettext("Inga uppgifter ännu."))])
    top_value = max(max(a, b) for _, a, b in rows) or 1
    body = [
        f'<rect x="8" y="6" width="12" height="12" fill="{SERIES}"/>',
        _text(26, 16, first_label),
        f'<rect x="140" y="6" width="12" height="12" fill="{SPENT}"/>',
        _text(158, 16, second_label),
    ]
    for index, (label, first, second) in enumerate(rows):
        top = box.top + index * row_height
        body.append(_text(box.left, top + 12, label))
        for offset, (value, colour) in enumerate(((first, SERIES), (second, SPENT))):
            length = value / top_value * box.inner_width
            y = top + label_height + offset * bar
            body.append(
                f'<rect x="{box.left}" y="{y}" width="{length:.1f}" height="{bar - 2}" '
                f'fill="{colour}"/>'
            )
            body.append(_text(box.left + length + 6, y + bar - 4, format_sek(value)))
    return _svg(chart_id, box, title, summary, body)
