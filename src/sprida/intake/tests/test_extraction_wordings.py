"""Each way the delegation, the regions and the Government word the same thing is read the same:
one document per wording, so that no wording is kept in the rules without a document needing it."""

from __future__ import annotations

from typing import Any

import pytest

from sprida.intake.extraction import extract_text

SOURCE = {"path": "x.txt", "sha256": "0" * 64}
HEAD = (
    "Beslut\n\nEffektivitetsdelegationen beslutar att bevilja Region Dalarnas ansökan om "
    "bidrag.\n\n"
)


def extract(text: str) -> dict[str, Any]:
    return extract_text(text, source=SOURCE).to_schema_dict()


@pytest.mark.parametrize(
    "sentence",
    [
        "Regionen ansökte om bidrag med 9 000 000 kronor.",
        "Region Dalarna har ansökt om bidrag med 9 000 000 kronor.",
        "Region Dalarna sökte bidrag med 9 000 000 kronor.",
        "Region Dalarna har sökt bidrag om 9 000 000 kronor.",
        "Region Dalarna ansöker om bidrag med totalt 9 000 000 kronor.",
        "Ansökan uppgår till 9 000 000 kronor.",
        "Ansökan avser bidrag med sammanlagt 9 000 000 kronor.",
        "Ansökan gällde 9 000 000 kronor för tre åtgärder.",
        "Ansökan avsåg bidrag om 9 000 000 kronor.",
        "Bidrag beviljas med 6 000 000 kronor av de sökta 9 000 000 kronorna.",
    ],
)
def test_the_applied_amount_in_each_wording(sentence: str) -> None:
    got = extract(f"{HEAD}Bidrag beviljas med 6 000 000 kronor.\n\n{sentence}\n")
    assert got["decision"]["applied_sek"] == 9_000_000


@pytest.mark.parametrize(
    ("sentence", "granted", "rejected"),
    [
        ("Bidrag beviljas med sammanlagt 6 000 000 kronor.", 6_000_000, None),
        ("Bidrag beviljas med totalt 6 000 000 kronor.", 6_000_000, None),
        ("Bidrag avslås med sammanlagt 3 000 000 kronor.", None, 3_000_000),
        ("Bidrag avslås med totalt 3 000 000 kronor.", None, 3_000_000),
    ],
)
def test_a_total_granted_or_rejected_in_each_wording(
    sentence: str, granted: int | None, rejected: int | None
) -> None:
    got = extract(f"{HEAD}{sentence}\n")["decision"]
    if granted is not None:
        assert got["granted_sek"] == granted
    if rejected is not None:
        assert got["rejected_sek"] == rejected


@pytest.mark.parametrize(
    "sentence",
    [
        "Region Dalarna ansökte den 12 juni 2025 om bidrag.",
        "Ansökan inkom den 12 juni 2025.",
        "Ansökan som kom in den 12 juni 2025 avser tre åtgärder.",
        "Ansökan lämnades den 12 juni 2025.",
        "Ansökan inkommen den 12 juni 2025 avser tre åtgärder.",
        "Ansökan daterad den 12 juni 2025 avser tre åtgärder.",
        "Region Dalarna inkom med sin ansökan den 12 juni 2025.",
        "Region Dalarna lämnade in en ansökan den 12 juni 2025.",
    ],
)
def test_the_date_the_application_came_in_in_each_wording(sentence: str) -> None:
    got = extract(f"{HEAD}Bidrag beviljas med 6 000 000 kronor.\n\n{sentence}\n")
    assert got["dates"]["application_submitted"] == "2025-06-12"


@pytest.mark.parametrize(
    "sentence",
    [
        "Beslutet fattades den 20 november 2025.",
        "Beslutet togs den 20 november 2025.",
        "Beslut har fattats den 20 november 2025.",
        "Beslutsdatum: 20 november 2025.",
        "Beslutet fattades vid delegationens sammanträde den 20 november 2025.",
    ],
)
def test_the_decision_date_in_each_wording(sentence: str) -> None:
    got = extract(f"{HEAD}Bidrag beviljas med 6 000 000 kronor.\n\n{sentence}\n")
    assert got["dates"]["decision"] == "2025-11-20"


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("Effektivitetsdelegationen beslutar att delvis bevilja ansökan.", "partially_granted"),
        ("Ansökan beviljas delvis.", "partially_granted"),
        ("Effektivitetsdelegationen ger ansökan delvis bifall.", "partially_granted"),
        ("Effektivitetsdelegationen beslutar att bevilja ansökan.", "granted"),
        ("Effektivitetsdelegationen beslutar att bifalla ansökan.", "granted"),
        ("Effektivitetsdelegationen beslutar att avslå ansökan.", "rejected"),
        ("Ansökan avslås.", "rejected"),
    ],
)
def test_the_outcome_in_each_wording_without_amounts(sentence: str, outcome: str) -> None:
    got = extract(
        f"Beslut\n\n{sentence}\n\nSkälen för beslutet\n\nRegionen har ansökt om bidrag.\n"
    )
    assert got["decision"]["outcome"] == outcome


@pytest.mark.parametrize(
    ("sentence", "appealable"),
    [
        ("Beslutet får inte överklagas.", False),
        ("Beslutet kan inte överklagas.", False),
        ("Beslutet får överklagas hos förvaltningsrätten.", True),
        ("Beslutet kan överklagas hos förvaltningsrätten.", True),
        ("Se bilaga för hur man överklagar.", True),
    ],
)
def test_appealability_in_each_wording(sentence: str, appealable: bool) -> None:
    got = extract(f"{HEAD}Bidrag beviljas med 6 000 000 kronor.\n\n{sentence}\n")
    assert got["decision"]["appealable"] is appealable


@pytest.mark.parametrize(
    "heading",
    [
        "Bidrag avslås",
        "Avslag",
        "Bidrag beviljas inte för",
        "Bidrag ges inte för",
        "Bidrag lämnas inte för",
        "Bidrag utgår inte för",
        "Bidrag beviljas ej för",
        "Följande åtgärder beviljas inte",
        "Åtgärder som inte beviljas",
    ],
)
def test_a_list_under_any_rejecting_heading_is_rejected(heading: str) -> None:
    got = extract(
        f"{HEAD}Bidrag beviljas med 6 000 000 kronor för digital triage.\n\n{heading}\n\n"
        "• Ny webbplats för regionen, 2 000 000 kronor\n• Utbyte av telefonisystem, 1 000 000 "
        "kronor\n"
    )
    rejected = [m["title"] for m in got["measures"] if m["outcome"] == "rejected"]
    assert rejected == ["Ny webbplats för regionen", "Utbyte av telefonisystem"]


@pytest.mark.parametrize(
    "intro",
    [
        "Bidraget avser två åtgärder",
        "Bidraget avser två insatser",
        "Bidraget avser två satsningar",
        "Bidraget avser två områden",
        "Bidraget avser två delprojekt",
        "Bidraget avser följande:",
        "Bidrag beviljas för:",
        "Regionen ansökte för:",
    ],
)
def test_a_granted_list_without_amounts_under_any_intro_of_measures(intro: str) -> None:
    got = extract(
        f"{HEAD}Bidrag beviljas med 6 000 000 kronor.\n\n{intro}\n"
        "• Digital triage i primärvården\n• AI-stöd för röntgengranskning\n"
    )
    assert [m["title"] for m in got["measures"]] == [
        "Digital triage i primärvården",
        "AI-stöd för röntgengranskning",
    ]


@pytest.mark.parametrize(
    "kind",
    [
        "Pressmeddelande",
        "Pressinformation",
        "Nyhet",
        "Nyhetsbrev november 2025",
        "Effektivitetsdelegationen informerar",
        "Kallelse",
        "Föredragningslista",
        "Dagordning",
        "Regeringsbeslut I:4",
        "Svensk författningssamling",
        "SFS 2025:1187",
        "Inbjudan till seminarium",
        "Remiss av promemoria",
        "Kommittédirektiv",
    ],
)
def test_a_document_that_says_it_is_none_of_ours_is_other(kind: str) -> None:
    got = extract(
        f"{kind}\n\nBidrag till regionerna\n\n"
        "Effektivitetsdelegationen beslutar att bevilja Region Dalarnas ansökan. Bidrag beviljas "
        "med 6 000 000 kronor. Beslutet får inte överklagas. Skälen för beslutet framgår nedan.\n"
    )
    assert got["document_type"] == "other"


@pytest.mark.parametrize("letterhead", ["Socialdepartementet\nPM", "Regeringskansliet\nPromemoria"])
def test_a_ministry_memo_is_other(letterhead: str) -> None:
    got = extract(
        f"{letterhead}\n2025-09-18\n\nFörlängt statsbidrag\n\nFörslag till beslut\n"
        "Regeringen föreslås besluta att regionerna ska kunna ansöka om bidrag för 2028.\n"
        "Sammanfattning\nBeslutsunderlag finns i bilaga.\n"
    )
    assert got["document_type"] == "other"


def test_a_government_decision_signed_on_its_behalf_is_other() -> None:
    got = extract(
        "Uppdrag till Kammarkollegiet\n\nEffektivitetsdelegationen beslutar att bevilja bidrag. "
        "Bidrag beviljas med 6 000 000 kronor. Beslutet får inte överklagas.\n\n"
        "På regeringens vägnar\n\nELIN SJÖBERG\n"
    )
    assert got["document_type"] == "other"


_TWO_MEASURES = (
    f"{HEAD}Bidrag beviljas för följande åtgärder:\n"
    "• Digital triage i primärvården. Bidrag beviljas med 6 000 000 kronor.\n"
    "• AI-stöd för röntgengranskning. Bidrag beviljas med 2 000 000 kronor.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Bidrag beviljas inte för en ny webbplats.",
        "Medel beviljas inte för en ny webbplats.",
        "Stöd ges inte till en ny webbplats.",
        "Statsbidrag lämnas inte heller för en ny webbplats.",
        "Ansökan om bidrag för en ny webbplats avslås.",
        "Ansökan om medel till en ny webbplats avslås.",
        "Åtgärden ny webbplats avslås.",
    ],
)
def test_a_rejection_in_prose_in_each_wording(sentence: str) -> None:
    got = extract(f"{_TWO_MEASURES}{sentence}\n")
    rejected = [m["title"] for m in got["measures"] if m["outcome"] == "rejected"]
    assert [title.lower().removeprefix("en ") for title in rejected] == ["ny webbplats"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Halva det ansökta bidraget för AI-stöd för röntgengranskning, 2 000 000 kronor, avslås.",
        "Halvdelen av ansökt belopp för AI-stöd för röntgengranskning, 2 000 000 kronor, avslås.",
        "50 procent av det sökta beloppet för AI-stöd för röntgengranskning, 2 000 000 kronor, "
        "avslås.",
        "50 % av sökta medel för AI-stöd för röntgengranskning, 2 000 000 kronor, avslås.",
        "En del av det ansökta bidraget för AI-stöd för röntgengranskning, 2 000 000 kronor, "
        "avslås.",
        "Återstående 2 000 000 kronor för AI-stöd för röntgengranskning avslås.",
        "Resten av beloppet för AI-stöd för röntgengranskning, 2 000 000 kronor, avslås.",
    ],
)
def test_the_rejected_part_of_a_measure_in_each_wording(sentence: str) -> None:
    got = extract(f"{_TWO_MEASURES}{sentence}\n")
    xray = got["measures"][1]
    assert (xray["outcome"], xray["rejected_sek"], xray["applied_sek"]) == (
        "partially_granted",
        2_000_000,
        4_000_000,
    )


@pytest.mark.parametrize(
    "because",
    [
        "eftersom den inte bedöms ge effekt",
        "då det inte är en strukturåtgärd",
        "därför att den avser inköp av ett system",
        "med hänsyn till att den avser inköp av ett system",
    ],
)
def test_the_reason_a_part_is_rejected_in_each_wording(because: str) -> None:
    sentence = f"Resterande 2 000 000 kronor för AI-stöd för röntgengranskning avslås {because}."
    got = extract(f"{_TWO_MEASURES}{sentence}\n")
    assert got["measures"][1]["reason"] == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Resterande 2 000 000 kronor för denna åtgärd avslås.",
        "Resterande 2 000 000 kronor för den insats avslås.",
        "Resterande 2 000 000 kronor för samma satsning avslås.",
    ],
)
def test_the_rest_of_the_measure_just_named_is_rejected(sentence: str) -> None:
    got = extract(
        f"{_TWO_MEASURES}Bidraget för AI-stöd för röntgengranskning avser en första etapp. "
        f"{sentence}\n"
    )
    assert got["measures"][1]["rejected_sek"] == 2_000_000


@pytest.mark.parametrize(
    "following",
    [
        "Dessa åtgärder bedöms inte som strukturåtgärder.",
        "Båda bedöms vara inköp av ett system.",
        "De två bedöms inte leda till ökad patientnytta.",
    ],
)
def test_a_pair_rejected_in_prose_is_two_measures_when_the_next_sentence_says_so(
    following: str,
) -> None:
    got = extract(
        f"{_TWO_MEASURES}Bidrag beviljas inte för mobil röntgen och digital tolk. {following}\n"
    )
    rejected = [m["title"] for m in got["measures"] if m["outcome"] == "rejected"]
    assert rejected == ["Mobil röntgen", "Digital tolk"]


@pytest.mark.parametrize(
    "sentences",
    [
        "Medel till digital triage beviljas med 3 000 000 kronor. Medel till AI-stöd för "
        "röntgen beviljas med 2 000 000 kronor.",
        "Medel beviljas med 3 000 000 kronor för digital triage och med 2 000 000 kronor för "
        "AI-stöd för röntgen.",
        "Statsbidrag beviljas med 3 000 000 kronor till digital triage, med 2 000 000 kronor "
        "till AI-stöd för röntgen.",
    ],
)
def test_grants_in_prose_in_each_wording(sentences: str) -> None:
    got = extract(f"{HEAD}Skälen för beslutet\n\n{sentences}\n")
    assert [(m["title"], m["granted_sek"]) for m in got["measures"]] == [
        ("Digital triage", 3_000_000),
        ("AI-stöd för röntgen", 2_000_000),
    ]
