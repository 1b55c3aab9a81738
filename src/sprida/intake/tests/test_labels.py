"""Every code of the extraction's vocabulary has a Swedish word, and the proposal shows words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from sprida.intake.labels import VOCABULARIES, describe, label

SCHEMA = Path(__file__).parents[1] / "schemas" / "extraction-v1.schema.json"
ENUMS = {
    "document_type": ("properties", "document_type"),
    "region_role": ("properties", "regions", "items", "properties", "role"),
    "outcome": ("properties", "measures", "items", "properties", "outcome"),
    "deadline": ("properties", "deadlines", "items", "properties", "kind"),
}


def _schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def _at(node: dict, path: tuple[str, ...]) -> dict:
    for key in path:
        node = node[key]
    return node


@pytest.mark.parametrize("vocabulary", sorted(ENUMS))
def test_every_code_in_the_schema_has_a_word(vocabulary: str) -> None:
    for code in _at(_schema(), ENUMS[vocabulary])["enum"]:
        assert label(vocabulary, code) != code, f"{vocabulary}: {code} has no Swedish word"


def test_every_date_kind_has_a_word() -> None:
    for kind in _schema()["properties"]["dates"]["properties"]:
        assert label("date", kind) != kind


def test_the_proposal_shows_words_not_codes() -> None:
    data = {
        "document_type": "decision",
        "title": "Beslut om bidrag",
        "regions": [
            {"name": "Region Örebro län", "org_number": "232100-0164", "role": "applicant"}
        ],
        "case_numbers": ["2025/123"],
        "dates": {
            "meeting": "2025-11-11",
            "decision": "2025-11-11",
            "application_submitted": "2025-06-12",
        },
        "decision": {
            "outcome": "partially_granted",
            "applied_sek": 10,
            "granted_sek": 5,
            "rejected_sek": 5,
        },
        "measures": [{"title": "Taligenkänning", "outcome": "partially_granted", "conditions": []}],
        "deadlines": [{"kind": "progress_report", "due": "2026-11-30"}],
    }
    html = render_to_string("intake/_proposal.html", {"data": data})
    codes = {code for vocabulary in VOCABULARIES.values() for code in vocabulary}
    shown = re.sub(r"<[^>]+>", " ", html)
    assert not {code for code in codes if re.search(rf"\b{code}\b", shown)}
    assert "Beviljas delvis" in shown and "Delredovisning" in shown and "sökande" in shown


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("decision.granted_sek", 34870000, "Beslutet, beviljat belopp: 34\xa0870\xa0000\xa0kr"),
        ("measures[0]", "granted", "Åtgärd 1: Beviljas"),
        ("measures[2].title", "Taligenkänning", "Åtgärd 3, benämning: Taligenkänning"),
        ("deadlines[1]", "progress_report", "Tidsfrist 2: Delredovisning"),
        ("dates.application_submitted", "2025-06-12", "Datum, ansökan inlämnad: 2025-06-12"),
        ("decision.appealable", False, "Beslutet, överklagbarhet: nej"),
        ("something_new[0].odd_field", "x", "Uppgift 1, uppgift: x"),
    ],
)
def test_a_mark_in_the_text_is_described_in_words(path: str, value, expected: str) -> None:
    assert describe(path, value) == expected


def test_every_field_of_the_schema_is_described_in_words() -> None:
    described = []

    def walk(node: dict, path: str) -> None:
        for name, child in node.get("properties", {}).items():
            here = f"{path}.{name}" if path else name
            if name in {"source", "schema", "warnings"}:
                continue  # about the file and the reading, never marked in the text
            described.append(describe(here, "x"))
            walk(child, here)
        if "items" in node:
            walk(node["items"], f"{path}[0]")

    walk(_schema(), "")
    assert described and not [text for text in described if "uppgift" in text.lower()], described
