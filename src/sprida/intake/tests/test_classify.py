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


@pytest.mark.parametrize(
    "text",
    [
        # A press release that speaks of applying and of decisions.
        "Pressmeddelande\n20 november 2025\nSocialdepartementet\n\nRegeringen förstärker vården\n\n"
        "Effektivitetsdelegationen har beslutat om bidrag. Regionerna kan ansöka om bidrag även "
        "nästa år. Förslag till beslut lämnas i vår.",
        # A ministry memo is a promemoria, but no region's application memo.
        "Promemoria\n\nSocialdepartementet\n2025-09-18\nS2025/01734\n\n"
        "Förlängning av statsbidraget\n\n"
        "Regionerna ska kunna ansöka om bidrag för 2028. Förslag till beslut om ändring.",
        # A regulation: its own words say so, wherever its letterhead went.
        "Förordning om statsbidrag till regioner\n\nRegeringen föreskriver följande.\n\n"
        "1 § Ansökan om statsbidrag ska göras hos Kammarkollegiet.\n\nPå regeringens vägnar",
        # An agenda lists § items and says when the minutes will be adjusted.
        "Region Värmland\nKALLELSE\nRegionstyrelsen\n\n§ 1 Val av justerare\n"
        "Protokollet justeras den 13 juni.\n§ 2 Ansökan om statsbidrag\n"
        "Regiondirektörens förslag: att ansöka om bidrag.",
        # 'ansöka' alone makes no application.
        "Information till verksamheterna\n\nRegionerna kan ansöka om statsbidrag hos "
        "Effektivitetsdelegationen. Mer information kommer.",
    ],
)
def test_documents_of_other_kinds(text: str) -> None:
    assert classify(Document.from_text(text)) == "other"


def test_justeras_in_a_memo_is_no_protocol() -> None:
    text = (
        "Ansökan om statsbidrag för AI-stödd dokumentation\n"
        "Hälso- och sjukvårdsnämnden föreslås besluta\n"
        "att ansöka om statsbidrag om 9,5 mnkr,\natt paragrafen justeras omedelbart.\n\n"
        "Bakgrund\nRegionen vill införa AI-stöd.\nDet sparar tid.\nÅtgärden är brådskande.\n"
        "För att hinna med behöver paragrafen justeras omedelbart. Beslutet justeras därför i "
        "direkt anslutning till mötet."
    )
    assert classify(Document.from_text(text)) == "application_memo"


def test_an_other_document_yields_no_application_measures_or_payouts() -> None:
    from sprida.intake.extraction import extract_text

    text = (
        "Region Norrbotten\nPRESSMEDDELANDE\n14 november 2025\n\n"
        "Region Norrbotten får 16,2 miljoner för digital vård\n\n"
        "Effektivitetsdelegationen har beslutat att bevilja Region Norrbotten 16,2 miljoner kronor "
        "för följande åtgärder:\n- Digitala vårdcentraler, 10 200 000 kronor\n"
        "- AI-stöd för EKG, 6 000 000 kronor\n\nBidraget betalas ut med 5 400 000 kronor år 2025. "
        "Delredovisning ska lämnas senast den 30 november 2026."
    )
    got = extract_text(text, source={"path": "x", "sha256": "0" * 64}).to_schema_dict()
    assert got["document_type"] == "other"
    assert got["application"] is None and got["decision"] is None
    assert got["measures"] == [] and got["payouts"] == [] and got["deadlines"] == []


_OTHER_DOCUMENTS = {
    "ministry memo": (
        "Promemoria\n\nSocialdepartementet\n2025-09-18\nS2025/01734\n\nFörlängt statsbidrag\n\n"
        "Regionerna föreslås kunna ansöka om bidrag för följande åtgärder:\n"
        "- Digital triage, 10 000 000 kronor\n- AI-stöd för röntgen, 6 000 000 kronor\n\n"
        "Bidraget betalas ut med 250 000 000 kronor år 2026. Regionerna ska lämna en "
        "delredovisning senast den 30 november 2026."
    ),
    "regulation": (
        "Svensk författningssamling\nSFS 2025:1187\n\nFörordning om statsbidrag\n\n"
        "Regeringen föreskriver följande.\n\n3 § Bidrag lämnas för\n1. digital triage,\n"
        "2. AI-stöd för röntgen.\n\n7 § Bidraget betalas ut med 50 000 000 kronor år 2026. "
        "En slutredovisning ska lämnas senast den 28 februari 2028."
    ),
    "newsletter": (
        "Nyhetsbrev från Effektivitetsdelegationen\nNovember 2025\n\nNu kan regionerna ansöka\n\n"
        "Region Dalarna ansöker om 12 000 000 kronor för följande insatser:\n"
        "• Digital triage\n• AI-stöd för röntgen\n\nBidrag betalas ut med 4 000 000 kronor år "
        "2026. Delredovisning ska lämnas senast den 30 november 2026."
    ),
}


@pytest.mark.parametrize("kind", sorted(_OTHER_DOCUMENTS))
def test_an_other_document_invents_nothing(kind: str) -> None:
    from sprida.intake.extraction import extract_text

    got = extract_text(_OTHER_DOCUMENTS[kind], source={"path": "x"}).to_schema_dict()
    assert got["document_type"] == "other"
    assert got["application"] is None and got["decision"] is None
    assert got["measures"] == [] and got["payouts"] == [] and got["deadlines"] == []
