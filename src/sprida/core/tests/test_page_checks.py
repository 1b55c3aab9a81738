"""The page checks find what they should, and no template or HTML built in Python puts an
aria-label on an element that cannot carry a name (pages the demo crawl does not reach too)."""

from __future__ import annotations

import re
from pathlib import Path

from sprida.core.tests.page_checks import (
    UNNAMEABLE,
    duplicate_ids,
    labels_on_unnameable_elements,
    missing_references,
)

SRC = Path(__file__).resolve().parents[2]


def test_a_repeated_id_is_found() -> None:
    html = '<form><textarea id="id_note"></textarea></form><form><input id="id_note"></form>'
    assert duplicate_ids(html) == ["id=id_note ×2"]
    assert duplicate_ids('<p id="a"></p><p id="b"></p>') == []


def test_a_reference_to_a_missing_id_is_found() -> None:
    html = (
        '<label for="id_q">Sök</label><input id="id_q" aria-describedby="id_q_helptext">'
        '<a href="#main">Hoppa</a><a href="#">tom</a>'
        '<div aria-labelledby="h1 h2"></div><h2 id="h1">'
    )
    assert missing_references(html) == [
        "a href=main",
        "div aria-labelledby=h2",
        "input aria-describedby=id_q_helptext",
    ]
    assert missing_references('<main id="main"></main><a href="#main">x</a>') == []


def test_a_label_on_a_plain_element_is_found() -> None:
    assert labels_on_unnameable_elements('<td><span aria-label="uppgift saknas">–</span></td>') == [
        '<span aria-label="uppgift saknas">'
    ]
    assert labels_on_unnameable_elements('<div role="region" aria-label="Text"></div>') == []
    assert labels_on_unnameable_elements('<nav aria-label="Huvudmeny"></nav>') == []


def test_no_source_puts_an_aria_label_on_an_element_that_cannot_carry_one() -> None:
    tags = "|".join(sorted(UNNAMEABLE, key=len, reverse=True))
    opening = re.compile(rf"<({tags})\b[^>]*>", re.IGNORECASE)
    found = []
    for path in [*SRC.rglob("*.html"), *SRC.rglob("*.py")]:
        if "tests" in path.parts or "static" in path.parts:
            continue
        for match in opening.finditer(path.read_text(encoding="utf-8")):
            tag = match.group(0)
            if "aria-label=" in tag and "role=" not in tag:
                found.append(f"{path.relative_to(SRC)}: {tag[:80]}")
    assert found == []
