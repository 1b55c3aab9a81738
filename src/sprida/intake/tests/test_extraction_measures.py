"""Measures in memos, protocols and reports: lists, tables, prose and report sections."""

from __future__ import annotations

from typing import Any

from sprida.intake.extraction import extract_text

SOURCE = {"path": "x.txt", "sha256": "0" * 64}


def extract(text: str) -> dict[str, Any]:
    return extract_text(text, source=SOURCE).to_schema_dict()


def test_a_memo_applying_for_one_thing() -> None:
    got = extract(
        "Tjänsteskrivelse\n2025-05-15\n\nAnsökan om statsbidrag för AI-stödd dokumentation\n\n"
        "Förslag till beslut\nArbetsutskottet föreslår regionstyrelsen besluta\n"
        "att ansöka om statsbidrag från Effektivitetsdelegationen om 9,5 mnkr för införande av "
        "AI-stödd journaldokumentation i primärvården,\natt paragrafen justeras omedelbart.\n"
    )
    assert [(m["title"], m["applied_sek"]) for m in got["measures"]] == [
        ("Införande av AI-stödd journaldokumentation i primärvården", 9_500_000)
    ]


def test_applying_for_the_measures_of_the_case_is_no_measure_of_its_own() -> None:
    got = extract(
        "Tjänsteskrivelse\n\nAnsökan om statsbidrag\n\nFörslag till beslut\nNämnden föreslås "
        "besluta att ansöka om 28,9 miljoner kronor för de åtgärder som beskrivs i ärendet.\n"
    )
    assert got["measures"] == []


def test_measures_named_in_a_sentence_about_the_application() -> None:
    got = extract(
        "Protokollsutdrag\nRegionstyrelsen\n2025-05-21\n\n"
        "§ 72 Deltagande i regiongemensam ansökan\n\n"
        "Ärendet\nAnsökan avser gemensamma underlag för AI-tillämpningar och en plattform för "
        "spridning av lösningar mellan regionerna.\n"
    )
    assert [m["title"] for m in got["measures"]] == [
        "Gemensamma underlag för AI-tillämpningar",
        "En plattform för spridning av lösningar mellan regionerna",
    ]


def test_a_table_row_whose_first_cell_wrapped() -> None:
    got = extract(
        "Slutredovisning\n2028-02-14\n\nSlutredovisning av bidrag\n\n"
        "Åtgärd                                        Beviljat (kr)    Kostnad (kr)\n"
        "Digital första linje för barn och unga med     6 000 000        6 310 000\n"
        "psykisk ohälsa\n"
        "Automatiserad läkemedelsavstämning             2 000 000        1 870 000\n"
    )
    assert [(m["title"], m["granted_sek"]) for m in got["measures"]] == [
        ("Digital första linje för barn och unga med psykisk ohälsa", 6_000_000),
        ("Automatiserad läkemedelsavstämning", 2_000_000),
    ]


def test_a_reports_measures_are_the_subsections_of_its_section_on_measures() -> None:
    got = extract(
        "Delredovisning\nDatum: 2026-11-24\n\n1. Sammanfattning\nRegionen beviljades bidrag.\n\n"
        "2. Genomförande per åtgärd\n2.1 Teknisk kommunikationsutrustning\n"
        "Utrustning är levererad.\n"
        "2.2 Digitalt stöd för patientdelaktighet\nStödet används i tre vårdcentraler.\n\n"
        "3. Ekonomi\n3.1 Kostnader\nUpparbetat 5 340 000 kronor.\n"
    )
    assert [(m["title"], m["outcome"]) for m in got["measures"]] == [
        ("Teknisk kommunikationsutrustning", "granted"),
        ("Digitalt stöd för patientdelaktighet", "granted"),
    ]


def test_resolutions_numbered_under_for_egen_del() -> None:
    got = extract(
        "Protokollsutdrag\nRegionstyrelsens arbetsutskott\n\n§ 91\nAnsökan om statsbidrag\n\n"
        "Regionstyrelsens arbetsutskott beslutar för egen del\n"
        "1. att Region Kalmar län ansöker om statsbidrag med 16 200 000 kronor,\n"
        "2. att paragrafen justeras omedelbart.\n"
    )
    assert got["resolutions"] == [
        "att Region Kalmar län ansöker om statsbidrag med 16 200 000 kronor",
        "att paragrafen justeras omedelbart",
    ]
