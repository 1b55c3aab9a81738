"""The map of Sweden's 21 counties, coloured server-side by adoption status.

Shapes come from the vendored se-lan.svg (pygal-maps-se, LGPL-3.0+): one group per county with
the class "s" + county letter. The file is read once per process; it never changes at run time.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from importlib import resources

SVG_NS = "{http://www.w3.org/2000/svg}"
VIEWBOX = "0 0 290 660"


@cache
def county_paths() -> dict[str, list[str]]:
    """County letter → the path data of its shapes."""
    text = (
        resources.files("sprida.spreading")
        .joinpath("static/spreading/se-lan.svg")
        .read_text(encoding="utf-8")
    )
    root = ET.fromstring(text)
    shapes: dict[str, list[str]] = {}
    for group in root.iter(f"{SVG_NS}g"):
        classes = (group.get("class") or "").split()
        if "lan" not in classes:
            continue
        letter = next((c[1:] for c in classes if c.startswith("s") and c[1:].isupper()), "")
        if letter:
            shapes[letter] = [p.get("d", "") for p in group.iter(f"{SVG_NS}path")]
    return shapes


@dataclass(frozen=True)
class MapArea:
    letter: str
    region: str
    paths: list[str]
    fill: str
    label: str  # e.g. "Region Örebro län: I bruk"
