"""The SVG charts: valid markup, accessible names, escaped text."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from sprida.effects.charts import bar_chart, line_chart, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"


def label(root: ET.Element) -> str:
    return root.get("aria-label") or ""


def test_line_chart_is_accessible_svg() -> None:
    svg = line_chart(
        chart_id="c1",
        title="Fall <per> 1 000 vårddygn",
        unit="antal",
        points=[(dt.date(2026, 3, 31), Decimal("5.9")), (dt.date(2026, 6, 30), Decimal("4.75"))],
        baseline=(dt.date(2025, 10, 31), Decimal("6.4")),
        target=(dt.date(2027, 12, 31), Decimal("3.8")),
    )
    root = ET.fromstring(str(svg))
    assert root.get("role") == "img"
    assert "Baslinje 6,4 antal (2025-10-31)" in label(root)
    assert "senaste 4,75 antal (2026-06-30)" in label(root)
    assert "Mål 3,8 antal senast 2027-12-31" in label(root)
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "Fall <per> 1 000 vårddygn"
    assert len(root.findall(f"{SVG}circle")) == 2


def test_empty_charts_say_so() -> None:
    root = ET.fromstring(str(line_chart(chart_id="e", title="T", unit="u", points=[])))
    assert "Inga mätvärden" in label(root)
    root = ET.fromstring(str(bar_chart(chart_id="b", title="T", rows=[])))
    assert root.get("role") == "img"


def test_bar_chart_names_the_amounts() -> None:
    svg = str(
        bar_chart(chart_id="b", title="Kostnad", rows=[("Fall & sensorer", 5_870_000, 2_321_900)])
    )
    root = ET.fromstring(svg)
    assert "beviljat 5\u00a0870\u00a0000\u00a0kr" in label(root)
    assert "Fall &amp; sensorer" in svg


@given(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
)
def test_ticks_cover_the_range(low: float, width: float) -> None:
    ticks = nice_ticks(low, low + width)
    assert ticks[0] <= low and ticks[-1] >= low + width - 1e-6
    assert ticks == sorted(ticks) and 2 <= len(ticks) <= 12
