"""Document type from general Swedish cues."""

from __future__ import annotations

import pytest

from sprida.intake.extraction.classify import classify
from sprida.intake.extraction.document import Document


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Beslut\n\nEffektivitetsdelegationen beslutar att bevilja ansökan. "
            "Bidrag beviljas med 5 mkr.\nBeslutet får inte överklagas.",
            "decision",
        ),
        (
            "Tjänsteskrivelse\n2025-05-12\n\nAnsökan om statsbidrag\n\nFörslag till beslut\n"
            "Nämnden föreslås besluta att ansöka.\n\nÄrendebeskrivning\nRegionen vill ansöka.",
            "application_memo",
        ),
        (
            "Protokollsutdrag\nRegionstyrelsens arbetsutskott\nSammanträdesdatum 2025-06-03\n\n"
            "§ 107\nAnsökan om statsbidrag\n\nFörslag till beslut\nArbetsutskottet beslutar\n"
            "att ansöka.\n\nJusterare\nKarin Berg",
            "protocol_excerpt",
        ),
        (
            "Delredovisning av bidrag för effektivare hälso- och sjukvård\n\nRegion Skåne\n\n"
            "Uppföljning av åtgärderna.",
            "report",
        ),
        ("Inbjudan till seminarium om vårdens digitalisering.", "other"),
    ],
)
def test_classify(text: str, kind: str) -> None:
    assert classify(Document.from_text(text)) == kind
