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


# Letterheads, memos, programmes, signatures and regions ------------------------------------------


@pytest.mark.parametrize("other", ["Anslaget", "Publicerad", "Expedierad", "Ankom", "Diarieförd"])
def test_a_date_labelled_as_another_event_is_not_the_documents(other: str) -> None:
    got = extract(
        f"Region Halland\n{other} 2025-06-17\n2025-06-10\n\nAnsökan om statsbidrag för triage\n\n"
        "Regionen ansöker om statsbidrag.\n"
    )
    assert got["dates"]["document"] == "2025-06-10"


@pytest.mark.parametrize("label", ["Datum", "Beslutsdatum", "Daterad", "Upprättad"])
def test_a_labelled_document_date_after_a_long_first_line(label: str) -> None:
    got = extract(
        "Tjänsteskrivelse om ansökan om tillfälligt statsbidrag för åtgärder för en effektiv "
        "hälso- och sjukvård och för gemensam digital infrastruktur i vården\n\n"
        f"{label}: 2025-06-10\n\nRegionen ansöker om statsbidrag.\n"
    )
    assert got["dates"]["document"] == "2025-06-10"


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Sammanträdesdatum", "2025-06-10"),
        ("Sammanträdets datum", "2025-06-10"),
        ("Mötesdatum", "2025-06-10"),
        ("Datum", "2025-06-10"),
        ("Tid", "2025-06-10 kl. 13.00"),
        ("Sammanträde", "2025-06-10"),
        ("Plats och tid", "Regionens hus, 2025-06-10 kl. 13.00"),
        ("Tid och plats", "2025-06-10 kl. 13.00, Regionens hus"),
    ],
)
def test_the_meeting_date_under_each_label_outranks_an_earlier_date(label: str, value: str) -> None:
    got = extract(
        f"Protokoll\nRegionstyrelsen\nUtskrivet 2025-06-20\n\n{label}\n{value}\n\n"
        "§ 12\nAnsökan om statsbidrag\n\nRegionstyrelsen beslutar\natt ansöka om statsbidrag.\n"
    )
    assert got["dates"]["meeting"] == "2025-06-10"


@pytest.mark.parametrize("label", ["Plats", "Sammanträdesplats", "Lokal"])
def test_the_meeting_place_under_each_label(label: str) -> None:
    got = extract(
        f"Protokoll\nRegionstyrelsen\n\nDatum: 2025-06-10\n{label}: Regionens hus, Örebro\n\n"
        "§ 12\nAnsökan om statsbidrag\n\nRegionstyrelsen beslutar\natt ansöka om statsbidrag.\n"
    )
    assert got["meeting"]["place"] == "Regionens hus, Örebro"


@pytest.mark.parametrize(
    "proposal",
    [
        "att ansöka om statsbidrag i samverkan med Region Gävleborg och Region Dalarna.",
        "att ansöka om statsbidrag tillsammans med Region Gävleborg och Region Dalarna.",
        "att lämna en gemensam ansökan med Region Gävleborg och Region Dalarna.",
        "att delta i den regiongemensamma ansökan med Region Gävleborg och Region Dalarna.",
    ],
)
def test_a_joint_application_and_its_participants_in_each_wording(proposal: str) -> None:
    got = extract(
        "Tjänsteskrivelse\nRegion Uppsala\n\nAnsökan om statsbidrag för digital triage\n\n"
        f"Förslag till beslut\nRegionstyrelsen föreslås besluta\n{proposal}\n"
    )
    assert got["application"]["joint"] is True
    roles = {r["name"]: r["role"] for r in got["regions"]}
    assert roles["Region Gävleborg"] == roles["Region Dalarna"] == "participant"


@pytest.mark.parametrize(
    "proposal",
    [
        "att ansöka om medel med 5 000 000 kronor.",
        "att ansöka om statsbidrag hos Effektivitetsdelegationen med 5 000 000 kronor.",
        "att ansöka om bidrag från Effektivitetsdelegationen om 5 000 000 kronor.",
        "att ansöka om bidrag på 5 000 000 kronor.",
        "att ansöka om statsbidrag med sammanlagt 5 000 000 kronor.",
        "att ansöka om statsbidrag med totalt 5 000 000 kronor.",
        "att ansöka om statsbidrag med cirka 5 000 000 kronor.",
        "att ansöka om statsbidrag med drygt 5 000 000 kronor.",
        "att sökt belopp om 5 000 000 kronor fördelas på tre år.",
        "att det sökta beloppet på 5 000 000 kronor fördelas på tre år.",
    ],
)
def test_the_applied_amount_of_a_memo_in_each_wording(proposal: str) -> None:
    got = extract(
        "Tjänsteskrivelse\nRegion Uppsala\n\nAnsökan om statsbidrag för digital triage\n\n"
        f"Förslag till beslut\nRegionstyrelsen föreslås besluta\n{proposal}\n"
    )
    assert got["application"]["applied_sek"] == 5_000_000


@pytest.mark.parametrize(
    "sentence",
    [
        "Regeringen har avsatt 250 miljoner kronor om året under perioden 2025–2030.",
        "Anslaget uppgår till 250 miljoner kronor årligen under 2025–2030.",
        "Effektivitetsdelegationen fördelar 250 mnkr/år under 2025–2030.",
        "Förordningen ger regionerna 250 miljoner kronor varje år under perioden 2025–2030.",
        "Delegationen kan bevilja 250 miljoner kronor per år under period 2025–2030.",
        "Regeringen avsätter 250 miljoner kronor per år under åren 2025–2030.",
    ],
)
def test_the_programme_budget_in_each_wording(sentence: str) -> None:
    got = extract(f"Tjänsteskrivelse\n\nBakgrund\n\n{sentence}\n")
    assert got["programme"]["budget_sek_per_year"] == 250_000_000
    assert got["programme"]["period"] == [2025, 2030]


@pytest.mark.parametrize(
    "cue",
    ["I tjänsten", "Enligt uppdrag", "Med vänlig hälsning", "För Regionstyrelsen", "Underskrifter"],
)
def test_the_names_after_each_signature_cue(cue: str) -> None:
    got = extract(
        f"Tjänsteskrivelse\n\nAnsökan om statsbidrag\n\nText.\n\n{cue}\n\nAnna Berg\nPer Holm\n"
    )
    assert [p["name"] for p in got["people"]] == ["Anna Berg", "Per Holm"]


@pytest.mark.parametrize(
    ("label", "title"),
    [
        ("Vice ordförande", "Vice ordförande"),
        ("Justerare", "Justerare"),
        ("Sekreterare", "Sekreterare"),
        ("Vid protokollet", "Sekreterare"),
    ],
)
def test_the_role_above_a_name_in_a_protocol(label: str, title: str) -> None:
    got = extract(f"Protokoll\n\n§ 12 Ansökan om statsbidrag\n\nText.\n\n{label}\nAnna Berg\n")
    assert {p["name"]: p["title"] for p in got["people"]} == {"Anna Berg": title}


@pytest.mark.parametrize(
    "sentence",
    [
        "Bidrag går till länen Skåne och Halland.",
        "Bidrag går till landstingen i Skåne och Halland.",
        "Bidrag går till regionerna Skåne samt Halland.",
        "Regionerna Skåne eller Halland samordnar arbetet.",
    ],
)
def test_two_county_names_where_the_text_is_about_regions(sentence: str) -> None:
    got = extract(f"Nyhet\n\n{sentence}\n")
    assert [r["name"] for r in got["regions"]] == ["Region Skåne", "Region Halland"]
