"""Rules written as Swedish administrative usage, each with a document that needs it: a rule that
no document needs is either dead or shaped by one document's wording."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sprida.intake.extraction import extract_text
from sprida.intake.extraction.document import split_sentences
from sprida.intake.extraction.shares import share_of
from sprida.intake.extraction.text import normalise
from sprida.intake.extraction.titles import clean_title

SOURCE = {"path": "x.txt", "sha256": "0" * 64}


def extract(text: str) -> dict[str, Any]:
    return extract_text(text, source=SOURCE).to_schema_dict()


# Shares ------------------------------------------------------------------------------------

_NUMERATORS = {"en": 1, "två": 2, "tre": 3, "fyra": 4}
_DENOMINATORS = {"tredjedel": 3, "fjärdedel": 4, "femtedel": 5, "tiondel": 10}
_OF_APPLIED = [
    "av ansökt bidrag",
    "av det ansökta bidraget",
    "det ansökta bidraget",
    "av sökt belopp",
    "av det sökta beloppet",
    "av det belopp som söktes",
    "av sökta medel",
]


@settings(max_examples=60, deadline=None)
@given(
    numerator=st.sampled_from(sorted(_NUMERATORS)),
    denominator=st.sampled_from(sorted(_DENOMINATORS)),
    of=st.sampled_from(_OF_APPLIED),
)
def test_a_fraction_of_the_applied_amount_however_it_is_worded(
    numerator: str, denominator: str, of: str
) -> None:
    top, bottom = _NUMERATORS[numerator], _DENOMINATORS[denominator]
    plural = "ar" if top > 1 else ""
    text = f"Bidrag beviljas med {numerator} {denominator}{plural} {of} för digital triage."
    assert share_of(text) == Decimal(top) / bottom


@pytest.mark.parametrize(
    "phrase", ["Hälften av ansökt bidrag", "Halva det ansökta bidraget", "Halvdelen av sökt belopp"]
)
def test_a_half_in_each_of_its_words(phrase: str) -> None:
    assert share_of(f"{phrase} för digital triage beviljas.") == Decimal(1) / 2


DECISION = (
    "Beslut\n\nEffektivitetsdelegationen beslutar att delvis bevilja Region Dalarnas ansökan om "
    "bidrag.\n\nBidrag beviljas för följande åtgärder:\n"
    "• Digital triage i primärvården. Bidrag beviljas med 6 000 000 kronor.\n"
    "• AI-stöd för röntgengranskning. Bidrag beviljas med 4 000 000 kronor.\n\n{sentence}\n"
)


def test_a_reworded_share_gives_the_measure_its_applied_amount() -> None:
    got = extract(
        DECISION.format(
            sentence="Bidraget för AI-stöd för röntgengranskning motsvarar två femtedelar av "
            "det belopp som söktes."
        )
    )
    xray = got["measures"][1]
    assert xray["outcome"] == "partially_granted"
    assert (xray["applied_sek"], xray["rejected_sek"]) == (10_000_000, 6_000_000)
    assert got["warnings"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Bidraget för AI-stöd för röntgengranskning motsvarar knappt sextio procent av det "
        "sökta beloppet.",
        "Drygt hälften av det som söktes för AI-stöd för röntgengranskning beviljas.",
    ],
)
def test_a_share_no_rule_can_read_is_warned_about_not_lost(sentence: str) -> None:
    got = extract(DECISION.format(sentence=sentence))
    assert any(sentence in warning for warning in got["warnings"])


def test_a_share_that_no_measure_took_up_is_warned_about() -> None:
    got = extract(
        "Beslut\n\nEffektivitetsdelegationen beslutar att bevilja Region Dalarnas ansökan.\n"
        "Bidrag beviljas med 6 000 000 kronor.\n\n"
        "Beloppet motsvarar tre fjärdedelar av ansökt belopp för de åtgärder som regionen "
        "beskrivit.\n"
    )
    assert any("tre fjärdedelar" in warning for warning in got["warnings"])


# Decisions ---------------------------------------------------------------------------------


def test_the_total_all_regions_applied_for_is_not_this_applications() -> None:
    got = extract(
        "Beslut\n\nEffektivitetsdelegationen beslutar att bevilja Region Dalarnas ansökan om "
        "bidrag. Bidrag beviljas med 9 000 000 kronor.\n\nSkälen för beslutet\n\n"
        "Sammanlagt ansökte de 21 regionerna om 1,6 miljarder kronor. Samtliga regioner har "
        "tillsammans ansökt om mer än delegationen kan fördela.\n"
        "Regionen ansökte den 3 juni 2025 om 9 000 000 kronor.\n"
    )
    assert got["decision"]["applied_sek"] == 9_000_000


def test_a_partial_grant_said_in_words_with_only_the_granted_amount() -> None:
    got = extract(
        "Beslut\n\nEffektivitetsdelegationen beslutar att delvis bevilja Region Gävleborgs "
        "ansökan om bidrag. Bidrag beviljas med 5 000 000 kronor.\n"
    )
    assert got["decision"]["outcome"] == "partially_granted"


def test_a_full_grant_said_in_words_without_amounts() -> None:
    got = extract(
        "Beslut\n\nEffektivitetsdelegationen beslutar att bevilja Region Gävleborgs ansökan om "
        "bidrag i enlighet med bilaga 1.\n"
    )
    assert got["decision"]["outcome"] == "granted"


def test_grants_in_prose_one_sentence_per_measure() -> None:
    got = extract(
        "Beslut\n\nEffektivitetsdelegationen beslutar att bevilja Region Gävleborgs ansökan.\n\n"
        "Skälen för beslutet\n\nBidrag för digital triage i primärvården beviljas med 3 000 000 "
        "kronor. Bidrag för AI-stöd för röntgengranskning beviljas med 2 000 000 kronor.\n"
    )
    assert [(m["title"], m["granted_sek"]) for m in got["measures"]] == [
        ("Digital triage i primärvården", 3_000_000),
        ("AI-stöd för röntgengranskning", 2_000_000),
    ]


# Type from structure -------------------------------------------------------------------------


def test_a_regulation_that_speaks_of_decisions_is_no_decision() -> None:
    got = extract(
        "Förordning om tillfälligt statsbidrag till regioner\n\n"
        "Regeringen föreskriver följande.\n\n"
        "5 § Effektivitetsdelegationen beslutar att bevilja eller avslå en ansökan.\n\n"
        "6 § Bidrag beviljas med högst 50 000 000 kronor per region.\n\n"
        "21 § Beslut enligt denna förordning får inte överklagas.\n"
    )
    assert got["document_type"] == "other"
    assert got["decision"] is None and got["measures"] == []


# Sentences and titles --------------------------------------------------------------------------


@pytest.mark.parametrize("abbreviation", ["t.ex.", "bl.a.", "m.m.", "s.k.", "d.v.s.", "ca."])
def test_an_abbreviation_does_not_end_a_sentence(abbreviation: str) -> None:
    text = f"Bidraget avser {abbreviation} Region Skånes arbete med digital triage. Nästa mening."
    sentences = [s.text for s in split_sentences(text, 0)]
    assert len(sentences) == 2 and abbreviation in sentences[0]


@pytest.mark.parametrize(
    "letterhead",
    [
        "Enheten för digital utveckling och innovation i vården",
        "Hälso- och sjukvårdsförvaltningen vid Region Halland",
        "Sveriges Kommuner och Regioner",
        "Utdrag ur protokollet fört vid regionstyrelsens sammanträde",
        "Till hälso- och sjukvårdsnämnden i Region Halland",
        "Telefon 035-13 48 00, e-post region@regionhalland.se",
        "2025-06-10",
        "Halmstad den 10 juni 2025",
        "Anna Lindqvist",
        "Karin Berg (S), ordförande för nämnden i regionen",
        "Box 517, 301 80 Halmstad",
    ],
)
def test_letterhead_lines_are_not_the_title(letterhead: str) -> None:
    got = extract(
        f"{letterhead}\n\nAnsökan om statsbidrag för digital triage\n\n"
        "Regionen ansöker om statsbidrag för digital triage i primärvården.\n"
    )
    assert got["title"] == "Ansökan om statsbidrag för digital triage"


def test_a_short_subject_with_a_preposition_is_the_title() -> None:
    got = extract("Region Halland\nHälso- och sjukvård\n\nBidrag för triage\n\nText om det.\n")
    assert got["title"] == "Bidrag för triage"


# Measures in a memo ----------------------------------------------------------------------------

MEMO = (
    "Tjänsteskrivelse\nRegion Kronoberg\n\nAnsökan om statsbidrag för effektivare vård\n\n"
    "Förslag till beslut\nRegionstyrelsen föreslås besluta\n"
    "att ansöka om statsbidrag hos Effektivitetsdelegationen.\n\n"
    "Ärendebeskrivning\nRegionen har pekat ut tre insatser. {first} digital triage i "
    "primärvården. {second} att införa AI-stöd för röntgengranskning. {third} att samordna "
    "vårdplatser i hela länet. {examples}\n"
)


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [
        (
            "Den första insatsen avser",
            "Den andra insatsen gäller",
            "Den tredje insatsen syftar till",
        ),
        ("Det första området handlar om", "Det andra området är", "Det tredje området innebär"),
        (
            "För det första handlar det om",
            "För det andra avser ansökan",
            "För det tredje gäller den",
        ),
    ],
)
def test_measures_named_by_their_ordinals(first: str, second: str, third: str) -> None:
    got = extract(MEMO.format(first=first, second=second, third=third, examples=""))
    assert [m["title"].lower() for m in got["measures"]] == [
        "digital triage i primärvården",
        "införa ai-stöd för röntgengranskning",
        "samordna vårdplatser i hela länet",
    ]


@pytest.mark.parametrize(
    "examples",
    [
        "Digital triage i primärvården ska omfatta till exempel chatt, videobesök och egenvård.",
        "Arbetet med digital triage i primärvården inom exempelvis chatt, videobesök och egenvård "
        "ger tid åt vården.",
        "Regionen vill ha digital triage i primärvården, såsom chatt, videobesök och egenvård.",
    ],
)
def test_a_measure_takes_the_examples_given_where_it_is_named_again(examples: str) -> None:
    got = extract(
        MEMO.format(
            first="Den första insatsen avser",
            second="Den andra insatsen gäller",
            third="Den tredje insatsen gäller",
            examples=examples,
        )
    )
    assert got["measures"][0]["title"] == (
        "Digital triage i primärvården (chatt, videobesök och egenvård)"
    )


def test_a_granted_item_gives_its_grant_and_its_applied_amount_in_either_order() -> None:
    got = extract(
        "Beslut\n\nEffektivitetsdelegationen beslutar att delvis bevilja Region Gävleborgs "
        "ansökan.\n\nBidrag beviljas för följande åtgärder:\n"
        "• Digital triage. Bidrag beviljas med 3 000 000 kronor (ansökt belopp 4 000 000 "
        "kronor).\n• AI-stöd för röntgen. Bidrag beviljas med 2 000 000 kronor.\n"
    )
    triage = got["measures"][0]
    assert triage["outcome"] == "partially_granted"
    assert (triage["granted_sek"], triage["applied_sek"], triage["rejected_sek"]) == (
        3_000_000,
        4_000_000,
        1_000_000,
    )


# Application memos -----------------------------------------------------------------------------


def application(text: str) -> dict[str, Any]:
    got = extract(text)
    assert got["document_type"] == "application_memo"
    return got["application"]


def test_an_own_application_beside_the_joint_one_is_not_joint() -> None:
    found = application(
        "Tjänsteskrivelse\nRegion Västernorrland\n\nAnsökan om statsbidrag för digital triage\n\n"
        "Förslag till beslut\nRegionstyrelsen föreslås besluta\natt ansöka om statsbidrag i en "
        "egen ansökan, vid sidan av den regiongemensamma ansökan.\n"
    )
    assert found["joint"] is False


def test_all_regions_in_a_joint_application_without_a_number() -> None:
    found = application(
        "Tjänsteskrivelse\nRegion Västernorrland\n\nRegiongemensam ansökan om statsbidrag\n\n"
        "Förslag till beslut\nRegionstyrelsen föreslås besluta\natt delta i den regiongemensamma "
        "ansökan som samtliga regioner står bakom.\n"
    )
    assert (found["joint"], found["participating_regions"]) == (True, 21)


def test_the_applied_total_is_not_the_amount_per_year() -> None:
    found = application(
        "Tjänsteskrivelse\nRegion Västernorrland\n\nAnsökan om statsbidrag för digital triage\n\n"
        "Förslag till beslut\nRegionstyrelsen föreslås besluta\natt ansöka om statsbidrag med "
        "2 000 000 kronor per år under 2025–2027, sammanlagt 6 000 000 kronor.\n"
    )
    assert found["applied_sek"] == 6_000_000


def test_an_attachment_list_is_no_list_of_measures() -> None:
    got = extract(
        "Tjänsteskrivelse\nRegion Västernorrland\n\nAnsökan om statsbidrag för digital triage\n\n"
        "Förslag till beslut\nRegionstyrelsen föreslås besluta\natt ansöka om statsbidrag med "
        "4 000 000 kronor för digital triage i primärvården.\n\nBilagor:\n"
        "• Tjänsteskrivelse daterad 2025-05-12\n• Ansökan till Effektivitetsdelegationen\n"
    )
    assert [m["title"] for m in got["measures"]] == ["Digital triage i primärvården"]


# Dates in letterheads ----------------------------------------------------------------------


def test_the_date_a_letter_came_in_is_not_its_date() -> None:
    got = extract(
        "Kammarkollegiet\nInkom: 2025-06-12\n2025-11-13\n\nBeslut om bidrag\n\n"
        "Effektivitetsdelegationen beslutar att bevilja ansökan.\n"
    )
    assert got["dates"]["document"] == "2025-11-13"


def test_a_protocols_adjustment_date_in_its_letterhead_is_not_the_meetings() -> None:
    got = extract(
        "Protokoll\nRegionstyrelsen\nJusteringsdatum 2025-06-13\nSammanträde 2025-06-10\n\n"
        "§ 12\nAnsökan om statsbidrag för digital triage\n\nRegionstyrelsen beslutar\n"
        "att ansöka om statsbidrag.\n"
    )
    assert got["dates"]["meeting"] == "2025-06-10"


def test_a_place_and_a_date_written_out_in_the_letterhead() -> None:
    got = extract(
        "Region Halland\nHalmstad den 10 juni 2025\n\nAnsökan om statsbidrag för digital triage\n"
        "\nRegionen ansöker om statsbidrag.\n"
    )
    assert got["dates"]["document"] == "2025-06-10"


def test_issued_after_a_long_title_is_the_documents_date() -> None:
    got = extract(
        "Förordning om tillfälligt statsbidrag till regioner för åtgärder för en effektiv hälso- "
        "och sjukvård och för gemensam digital infrastruktur i vården\n\n"
        "Publicerad: 2025-12-02\n\nUtfärdad: 2025-11-27\n\nRegeringen föreskriver följande.\n"
    )
    assert got["dates"]["document"] == "2025-11-27"


def test_the_meeting_place_without_its_weekday_and_date() -> None:
    got = extract(
        "Protokoll\nRegionstyrelsen\n\nPlats och tid: Regionens hus, Örebro, onsdagen den 10 juni "
        "2025 kl. 09.00–12.00\n\n§ 12\nAnsökan om statsbidrag\n\nRegionstyrelsen beslutar\n"
        "att ansöka om statsbidrag.\n"
    )
    assert got["meeting"]["place"] == "Regionens hus, Örebro"


# Names and regions -----------------------------------------------------------------------------


def test_a_row_of_letterhead_labels_is_no_person() -> None:
    got = extract(
        "Kammarkollegiet\nDiarienummer Datum\n3.2-2025-03981 2025-11-13\n\nBeslut om bidrag\n\n"
        "Effektivitetsdelegationen beslutar att bevilja ansökan.\n"
    )
    assert got["people"] == []


def test_the_region_whose_application_it_is_outranks_one_named_more_often() -> None:
    got = extract(
        "Tjänsteskrivelse\n\nAnsökan om statsbidrag för digital triage\n\n"
        "Region Kalmar läns ansökan avser digital triage. Arbetet följer en modell från Region "
        "Skåne. Region Skåne har infört triage i alla vårdcentraler, och Region Skåne delar sin "
        "utvärdering.\n"
    )
    assert got["regions"][0]["name"] == "Region Kalmar län"


# Measure titles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Delfinansiering för införande av digital triage i linje med målen i Vision e-hälsa "
            "2025.",
            "Införande av digital triage (Vision e-hälsa 2025)",
        ),
        (
            "Bidrag för den mobila utrustning som behövs för hemsjukvårdens arbete.",
            "Mobila utrustning för hemsjukvårdens arbete",
        ),
        (
            "En gemensam plattform för att underlätta spridning av lösningar mellan regionerna.",
            "En gemensam plattform för spridning av lösningar mellan regionerna",
        ),
        (
            "Stöd till det regionala arbetet med AI-stödd journalföring, 4 000 000 kronor.",
            "Regionala arbetet med AI-stödd journalföring",
        ),
    ],
)
def test_a_measure_title_is_its_noun_phrase(text: str, title: str) -> None:
    assert clean_title(text) == title


def test_a_later_sentence_of_a_granted_item_that_binds_the_region_is_a_condition() -> None:
    got = extract(
        "Beslut\n\nEffektivitetsdelegationen beslutar att bevilja Region Gävleborgs ansökan.\n\n"
        "Bidrag beviljas för följande åtgärder:\n"
        "• AI-stöd för röntgengranskning. Bidrag beviljas med 2 000 000 kronor. Regionen måste "
        "redovisa effekterna för varje sjukhus senast vid utgången av år 2027.\n"
    )
    (measure,) = got["measures"]
    assert measure["conditions"] == [
        "Regionen måste redovisa effekterna för varje sjukhus senast vid utgången av år 2027."
    ]


@pytest.mark.parametrize("conjunction", ["och", "eller", "samt", "respektive", "till"])
def test_a_hyphen_before_a_conjunction_at_a_line_end_stays(conjunction: str) -> None:
    text = normalise(
        f"Bidraget gäller åtgärder för en effektivare hälso-\n{conjunction} sjukvård i regionen "
        "under hela perioden.\n"
    ).text
    assert f"hälso- {conjunction} sjukvård" in text


@pytest.mark.parametrize(
    "body", ["Regionstyrelsen", "Hälso- och sjukvårdsnämnden", "Regionfullmäktige"]
)
def test_the_body_a_memo_proposes_to(body: str) -> None:
    got = extract(
        "Tjänsteskrivelse\nRegion Västernorrland\n\nAnsökan om statsbidrag för digital triage\n\n"
        f"Förslag till beslut\n{body} föreslås besluta\natt ansöka om statsbidrag.\n"
    )
    assert got["meeting"]["body"] == body


def test_words_every_grant_sentence_has_do_not_name_the_measure() -> None:
    got = extract(
        "Beslut\n\nEffektivitetsdelegationen beslutar att delvis bevilja Region Gävleborgs "
        "ansökan.\n\nBidrag beviljas för följande åtgärder:\n"
        "• Effektivare hälso- och sjukvård genom AI-triage. Bidrag beviljas med 3 000 000 kronor.\n"
        "• Digitala vårdbesök. Bidrag beviljas med 2 000 000 kronor.\n\n"
        "Resterande 1 000 000 kronor som söktes för digitala vårdbesök avslås eftersom "
        "delegationen inte bedömer att det leder till en effektivare hälso- och sjukvård.\n"
    )
    triage, visits = got["measures"]
    assert triage["outcome"] == "granted"
    assert (visits["outcome"], visits["rejected_sek"]) == ("partially_granted", 1_000_000)


def test_a_deadline_before_the_decision_is_warned_about() -> None:
    got = extract(
        "Beslut\n\nEffektivitetsdelegationen beslutar att bevilja Region Gävleborgs ansökan. "
        "Bidrag beviljas med 3 000 000 kronor.\n\nEn delredovisning ska lämnas senast den 30 "
        "november 2024.\n\nBeslutet har fattats den 13 november 2025.\n"
    )
    assert any("2024-11-30 (delredovisning)" in warning for warning in got["warnings"])


_FUNCTION_WORDS = [
    "till",
    "för",
    "av",
    "om",
    "med",
    "i",
    "på",
    "en",
    "ett",
    "och",
    "att",
    "den",
    "det",
    "de",
    "från",
    "som",
    "vid",
    "under",
    "enligt",
    "inom",
    "mot",
    "samt",
    "eller",
    "hos",
    "genom",
    "efter",
    "inför",
    "mellan",
    "utan",
    "än",
    "år",
    "senast",
    "cirka",
    "ca",
]


@pytest.mark.parametrize("word", _FUNCTION_WORDS)
def test_a_line_that_ends_in_a_function_word_runs_on(word: str) -> None:
    # The next line is the longer one, so the first does not run to the margin.
    first = f"Arbetet genomförs {word}"
    second = "Region Skånes vårdcentraler i hela länet under hela det kommande året."
    assert normalise(f"{first}\n{second}\n").text == f"{first} {second}"


def test_what_the_delegation_may_grant_per_year_is_not_this_grant() -> None:
    got = extract(
        "Beslut\n\nEffektivitetsdelegationen beslutar att bevilja Region Gävleborgs ansökan. "
        "Bidrag beviljas med 3 000 000 kronor.\n\nSkälen för beslutet\n\n"
        "Effektivitetsdelegationen kan bevilja bidrag med 750 miljoner kronor per år under "
        "perioden 2025–2027.\n"
    )
    assert got["decision"]["granted_sek"] == 3_000_000
    assert got["programme"]["budget_sek_per_year"] == 750_000_000


def test_what_a_region_applies_for_per_year_is_not_the_programmes_budget() -> None:
    got = extract(
        "Tjänsteskrivelse\nRegion Kronoberg\n\nAnsökan om statsbidrag för digital triage\n\n"
        "Förslag till beslut\nRegionstyrelsen föreslås besluta\natt ansöka om statsbidrag hos "
        "Effektivitetsdelegationen med 3 000 000 kronor per år under 2025–2027.\n\n"
        "Ärendebeskrivning\nEffektivitetsdelegationen fördelar 250 miljoner kronor per år under "
        "perioden 2025–2030.\n"
    )
    assert got["programme"]["budget_sek_per_year"] == 250_000_000
    assert got["programme"]["period"] == [2025, 2030]
