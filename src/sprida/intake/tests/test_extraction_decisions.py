"""Grant decisions worded in the many ways the delegation writes them, and the warnings a
decision gets when its figures do not add up or a grant could not be read."""

from __future__ import annotations

from typing import Any

from sprida.intake.extraction import extract_text

SOURCE = {"path": "x.txt", "sha256": "0" * 64}
HEAD = "Beslut om bidrag för åtgärder för en effektiv hälso- och sjukvård\n\nBeslut\n"


def extract(body: str) -> dict[str, Any]:
    return extract_text(HEAD + body, source=SOURCE).to_schema_dict()


def measures(got: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["title"]: m for m in got["measures"]}


def amounts(measure: dict[str, Any]) -> tuple[Any, ...]:
    keys = ("outcome", "applied_sek", "granted_sek", "rejected_sek")
    return tuple(measure.get(key) for key in keys)


def test_half_of_the_applied_grant_however_it_is_worded() -> None:
    for wording in (
        "Hälften av ansökt bidrag",
        "Halva det ansökta bidraget",
        "Hälften av det sökta beloppet",
        "50 procent av ansökt belopp",
    ):
        got = extract(
            "Effektivitetsdelegationen beslutar att delvis bevilja Region Uppsalas ansökan.\n"
            "Bidrag beviljas för följande åtgärder:\n"
            f"• {wording} för digital hemmonitorering av patienter med KOL. "
            "Bidrag beviljas med 14 000 000 kronor.\n"
        )
        found = measures(got)["Digital hemmonitorering av patienter med KOL"]
        assert amounts(found) == ("partially_granted", 28_000_000, 14_000_000, 14_000_000)


def test_a_share_and_the_rest_rejected_in_sentences_of_their_own() -> None:
    got = extract(
        "Effektivitetsdelegationen beslutar att delvis bevilja Region Sörmlands ansökan.\n\n"
        "Bidrag beviljas med 6 000 000 kronor för digital första linje för unga och med "
        "2 000 000 kronor för automatiserad läkemedelsavstämning vid utskrivning.\n\n"
        "Bidraget för läkemedelsavstämningen motsvarar en tredjedel av det sökta beloppet. "
        "Resterande 4 000 000 kronor för denna åtgärd avslås eftersom åtgärden först bör prövas "
        "på två sjukhus.\n"
    )
    assert got["decision"]["granted_sek"] == 8_000_000  # the sum, not the first amount
    found = measures(got)["Automatiserad läkemedelsavstämning vid utskrivning"]
    assert amounts(found) == ("partially_granted", 6_000_000, 2_000_000, 4_000_000)
    assert found["reason"].startswith("Resterande 4 000 000 kronor")


def test_the_rest_of_a_measure_rejected_by_name() -> None:
    got = extract(
        "Beviljade åtgärder\n"
        "• Virtuell vårdavdelning för multisjuka äldre – 8 000 tkr.\n"
        "• AI-stödd sårbedömning i hemsjukvården – 4 500 tkr.\n\n"
        "Övriga 1 500 tkr som söktes för AI-stödd sårbedömning i hemsjukvården avslås.\n"
    )
    found = measures(got)["AI-stödd sårbedömning i hemsjukvården"]
    assert amounts(found) == ("partially_granted", 6_000_000, 4_500_000, 1_500_000)
    assert measures(got)["Virtuell vårdavdelning för multisjuka äldre"]["granted_sek"] == 8_000_000


def test_rejected_measures_with_their_own_amounts_in_parentheses() -> None:
    got = extract(
        "Effektivitetsdelegationen beslutar att avslå Region Blekinges ansökan.\n\n"
        "Bidrag beviljas inte för chattbot för invånarfrågor (5,3 mnkr) och automatiserad "
        "fakturahantering (4 mnkr). Effektivitetsdelegationen bedömer att åtgärderna inte är "
        "strukturåtgärder.\n"
    )
    found = measures(got)
    assert amounts(found["Chattbot för invånarfrågor"]) == ("rejected", 5_300_000, 0, 5_300_000)
    assert amounts(found["Automatiserad fakturahantering"]) == ("rejected", 4_000_000, 0, 4_000_000)


def test_a_rejected_measure_takes_its_amount_from_where_the_application_is_recounted() -> None:
    got = extract(
        "Effektivitetsdelegationen beslutar att avslå Region Blekinges ansökan.\n\n"
        "Ansökan\nRegion Blekinge ansökte om bidrag för två åtgärder: ombyggnad av väntrummet "
        "(4 900 000 kronor) och inköp av ett nytt bokningssystem (2 500 000 kronor).\n\n"
        "Skälen för beslutet\nAnsökan om bidrag för ombyggnad av väntrummet avslås därför. "
        "Bidrag för inköp av ett nytt bokningssystem avslås.\n"
    )
    found = measures(got)
    assert found["Ombyggnad av väntrummet"]["rejected_sek"] == 4_900_000
    assert found["Inköp av ett nytt bokningssystem"]["rejected_sek"] == 2_500_000


def test_numbered_decision_points_are_not_measures() -> None:
    got = extract(
        "1. Effektivitetsdelegationen beviljar Region Kalmar län bidrag med 12 500 tkr.\n"
        "2. Bidrag avslås med 3 700 tkr.\n"
        "3. Bidraget betalas ut med 6 250 tkr år 2025 och 6 250 tkr år 2026.\n\n"
        "Beviljade åtgärder\n"
        "• Virtuell vårdavdelning för multisjuka äldre – 8 000 tkr.\n"
        "• AI-stödd sårbedömning i hemsjukvården – 4 500 tkr.\n"
    )
    assert list(measures(got)) == [
        "Virtuell vårdavdelning för multisjuka äldre",
        "AI-stödd sårbedömning i hemsjukvården",
    ]
    assert got["decision"]["granted_sek"] == 12_500_000
    assert got["decision"]["rejected_sek"] == 3_700_000
    assert got["payouts"] == [
        {"year": 2025, "amount_sek": 6_250_000},
        {"year": 2026, "amount_sek": 6_250_000},
    ]


def test_measures_and_payouts_in_tables() -> None:
    got = extract(
        "Effektivitetsdelegationen beslutar att bevilja Region Uppsalas ansökan. Region Uppsala "
        "beviljas bidrag med 17 100 000 kronor.\n\n"
        "Åtgärd | Beviljat belopp (kr)\n"
        "Digitalt vårdstöd vid diabetes | 9 600 000\n"
        "AI-baserad prioritering av remisser | 7 500 000\n"
        "Summa | 17 100 000\n\n"
        "Utbetalning\nBidraget betalas ut enligt följande:\n\n"
        "Utbetalningsår | Belopp (tkr)\n2025 | 8 600\n2026 | 8 500\n"
    )
    assert {t: m["granted_sek"] for t, m in measures(got).items()} == {
        "Digitalt vårdstöd vid diabetes": 9_600_000,
        "AI-baserad prioritering av remisser": 7_500_000,
    }
    assert got["payouts"] == [
        {"year": 2025, "amount_sek": 8_600_000},
        {"year": 2026, "amount_sek": 8_500_000},
    ]


def test_two_deadlines_in_one_sentence() -> None:
    got = extract(
        "Effektivitetsdelegationen beslutar att bevilja ansökan. Bidrag beviljas med 5 mnkr.\n\n"
        "Regionen ska senast den 30 november 2026 lämna en delredovisning och senast den 28 "
        "februari 2028 en slutredovisning.\n"
    )
    assert got["deadlines"] == [
        {"kind": "progress_report", "due": "2026-11-30"},
        {"kind": "final_report", "due": "2028-02-28"},
    ]


def test_measure_grants_that_do_not_add_up_to_the_total_are_warned_about() -> None:
    got = extract(
        "Effektivitetsdelegationen beslutar att bevilja ansökan. Bidrag beviljas med 10 000 000 "
        "kronor.\n\nBidrag beviljas för följande åtgärder:\n"
        "• Digital triage. Bidrag beviljas med 6 000 000 kronor.\n"
        "• Egenmonitorering. Bidrag beviljas med 3 000 000 kronor.\n"
    )
    assert any("9 000 000 kr" in w and "10 000 000 kr" in w for w in got["warnings"])


def test_a_measure_without_an_amount_is_warned_about() -> None:
    got = extract(
        "Effektivitetsdelegationen beslutar att bevilja ansökan. Bidrag beviljas med 6 000 000 "
        "kronor.\n\nBidrag beviljas för följande åtgärder:\n"
        "• Digital triage. Bidrag beviljas med 6 000 000 kronor.\n"
        "• Samordning av arbetet i regionen.\n"
    )
    assert any("Samordning av arbetet i regionen" in w for w in got["warnings"])


def test_a_grant_worded_so_no_rule_reads_it_is_warned_about_not_lost() -> None:
    got = extract(
        "Effektivitetsdelegationen beslutar att bevilja Region Dalarnas ansökan om bidrag. "
        "Bidrag beviljas med 6 000 000 kronor.\n\nBidrag beviljas för följande åtgärder:\n"
        "• Digital triage. Bidrag beviljas med 4 000 000 kronor.\n\n"
        "Till uppföljningen har delegationen därutöver beviljat 2 000 000 kronor.\n"
    )
    assert any("2 000 000 kr" in w and "Till uppföljningen" in w for w in got["warnings"])


def test_a_list_introduced_as_not_granted_and_a_total_of_the_applied() -> None:
    got = extract(
        "Effektivitetsdelegationen beviljar Region Västmanland bidrag med 4 200 000 kronor av "
        "ansökta 7 350 000 kronor. Resterande 3 150 000 kronor avslås.\n\n"
        "Bidraget avser följande åtgärder:\n1) Sensorer för fallprevention, 4 200 000 kronor.\n\n"
        "Bidrag lämnas inte för\n– en ny intranätplattform, 2 100 000 kronor,\n"
        "– översättning av patientinformation, 1 050 000 kronor.\n\n"
        "Region Västmanland kom in med sin ansökan den 10 juni 2025.\n"
    )
    assert got["decision"] == {
        "outcome": "partially_granted",
        "applied_sek": 7_350_000,
        "granted_sek": 4_200_000,
        "rejected_sek": 3_150_000,
        "appealable": None,
    }
    assert [amounts(m) for m in got["measures"][1:]] == [
        ("rejected", 2_100_000, 0, 2_100_000),
        ("rejected", 1_050_000, 0, 1_050_000),
    ]
    assert got["dates"]["application_submitted"] == "2025-06-10"
