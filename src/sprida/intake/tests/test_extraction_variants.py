"""Documents unlike the seeds: a protocol excerpt, a fully granted and a fully rejected decision,
and a memo for a region applying alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sprida.intake.extract_file import extract_path

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "variants"


def extract(name: str) -> dict[str, Any]:
    return extract_path(VARIANTS / name, max_bytes=1_000_000)


def titles(got: dict[str, Any]) -> list[str]:
    return [m["title"] for m in got["measures"]]


def test_protocol_excerpt() -> None:
    got = extract("protocol_excerpt.txt")
    assert got["document_type"] == "protocol_excerpt"
    assert got["title"] == "Ansökan om statsbidrag för effektivare hälso- och sjukvård"
    assert got["meeting"] == {
        "body": "Regionstyrelsens arbetsutskott",
        "paragraphs": ["107"],
        "place": "Regionens hus, Örebro",
    }
    assert got["dates"]["meeting"] == "2025-06-03"
    assert got["case_numbers"] == ["RS 2025/812"]
    assert got["regions"][0]["name"] == "Region Värmland"
    assert got["application"]["applied_sek"] == 24_500_000
    # The "Beslutsunderlag" list is not a list of measures.
    assert titles(got) == [
        "Digital triagering i primärvården",
        "Införande av AI-stöd för bilddiagnostik inom mammografi",
        "Automatiserad schemaläggning inom slutenvården",
    ]
    assert got["resolutions"] == [
        "att ansöka om statsbidrag enligt ärendebeskrivningen",
        "att uppdra åt regiondirektören att underteckna ansökan",
        "att förklara paragrafen omedelbart justerad",
    ]
    people = {p["name"]: p["title"] for p in got["people"]}
    assert people == {
        "Lars Holm": "Ordförande",
        "Karin Berg": "Justerare",
        "Eva Strand": "Sekreterare",
    }


def test_fully_granted_decision() -> None:
    got = extract("decision_granted.txt")
    assert got["document_type"] == "decision"
    assert got["regions"][0] == {
        "name": "Region Skåne",
        "org_number": "232100-0255",
        "role": "applicant",
    }
    assert got["decision"] == {
        "outcome": "granted",
        "applied_sek": 12_400_000,
        "granted_sek": 12_400_000,
        "rejected_sek": 0,
        "appealable": False,
    }
    assert [(m["outcome"], m["granted_sek"]) for m in got["measures"]] == [
        ("granted", 7_400_000),
        ("granted", 5_000_000),
    ]
    assert [p["year"] for p in got["payouts"]] == [2025, 2026, 2027]
    assert {d["kind"] for d in got["deadlines"]} == {
        "implementation",
        "progress_report",
        "final_report",
    }
    assert got["dates"] == {
        "document": None,
        "meeting": "2025-11-11",  # "vid sammanträde den 11 november 2025"
        "decision": "2025-11-11",
        "application_submitted": "2025-06-10",
    }
    assert got["warnings"] == []


def test_fully_rejected_decision() -> None:
    got = extract("decision_rejected.txt")
    assert got["decision"]["outcome"] == "rejected"
    assert got["decision"]["granted_sek"] == 0
    assert got["decision"]["rejected_sek"] == 8_250_000
    assert got["regions"][0]["name"] == "Region Gotland"
    assert titles(got) == ["Införande av en ny journalplattform", "Utbildning i lean"]
    assert all(m["outcome"] == "rejected" and m["granted_sek"] == 0 for m in got["measures"])


def test_memo_applying_alone() -> None:
    got = extract("memo_alone.txt")
    assert got["document_type"] == "application_memo"
    assert got["regions"][0]["role"] == "applicant"
    assert got["application"] == {
        "joint": False,
        "participating_regions": None,
        "applied_sek": 6_200_000,
    }
    assert got["dates"]["document"] == "2025-05-12"
    assert got["meeting"]["body"] == "Hälso- och sjukvårdsnämnden"
    assert len(got["measures"]) == 3
    assert got["people"] == [{"name": "Anna Svensson", "title": "Hälso- och sjukvårdsdirektör"}]


def test_region_from_email_domain_when_not_named(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_text(
        "Tjänsteskrivelse\n2025-05-12\n\nAnsökan om statsbidrag för digitala vårdmöten\n\n"
        "Förslag till beslut\nNämnden föreslås besluta att ansöka om 2 mkr.\n\n"
        "Per Olsson\nUtvecklingsdirektör\nper.olsson@regionorebrolan.se\n",
        encoding="utf-8",
    )
    got = extract_path(path, max_bytes=100_000)
    assert got["regions"][0]["name"] == "Region Örebro län"


def test_protocol_with_numbered_measures_and_amounts() -> None:
    got = extract("protocol_numbered_amounts.txt")
    assert got["document_type"] == "protocol_excerpt"
    assert got["meeting"]["paragraphs"] == ["112"]
    assert got["programme"]["period"] == [2025, 2030]  # "under 2025–2030"
    assert got["application"]["applied_sek"] == 42_500_000  # "ansöker … från X med totalt …"
    # Amounts after the measure are read, not kept in its title.
    assert [(m["title"], m["applied_sek"]) for m in got["measures"]] == [
        ("Införande av AI-stödd journalföring inom primärvården", 18_000_000),
        ("Digitala vårdmöten och egenmonitorering för patienter med hjärtsvikt", 12_500_000),
        ("Robotiserad läkemedelshantering på Centralsjukhuset i Karlstad", 12_000_000),
    ]
    assert len(got["resolutions"]) == 2


def test_memo_with_registry_code_in_case_number_and_a_total() -> None:
    got = extract("memo_case_code_total.txt")
    assert got["document_type"] == "application_memo"
    assert got["case_numbers"] == ["2025-HSN-0342"]
    assert got["dates"]["document"] == "2025-05-28"
    assert got["programme"]["budget_sek_per_year"] == 250_000_000  # "har avsatt … per år"
    assert got["programme"]["period"] == [2025, 2030]
    assert got["application"]["applied_sek"] == 28_900_000  # "…, sammanlagt 28,9 miljoner kronor"
    assert [m["applied_sek"] for m in got["measures"]] == [15_400_000, 8_500_000, 5_000_000]
    assert {"name": "Lena Svensson", "title": "Hälso- och sjukvårdsdirektör"} in got["people"]


def test_decision_rejecting_measures_named_in_prose() -> None:
    got = extract("decision_rejected_prose.txt")
    assert got["decision"]["outcome"] == "rejected"
    assert got["regions"][0]["name"] == "Region Gotland"
    assert titles(got) == [
        "Införande av ett nytt journalsystem",
        "Utbildning av personal i digitala arbetssätt",  # "och inte heller för …"
    ]


def test_decision_with_amounts_before_the_measures_and_a_yearly_payout() -> None:
    got = extract("decision_amounts_in_prose.txt")
    assert [(m["title"], m["outcome"], m["granted_sek"]) for m in got["measures"]] == [
        ("Införande av AI-stödd dokumentation i primärvården", "granted", 6_000_000),
        ("Digitala hembesök inom hemsjukvården", "granted", 3_000_000),
        ("Läkemedelsautomater", "rejected", 0),
    ]
    assert got["payouts"] == [
        {"year": year, "amount_sek": 3_000_000} for year in (2025, 2026, 2027)
    ]
    assert got["programme"] is None  # a payout per year is not the programme's budget
    assert got["warnings"] == []


def test_decision_granting_a_list_in_full() -> None:
    got = extract("decision_granted_list.txt")
    assert got["decision"] == {
        "outcome": "granted",
        "applied_sek": 12_400_000,
        "granted_sek": 12_400_000,
        "rejected_sek": 0,
        "appealable": False,
    }
    assert [m["granted_sek"] for m in got["measures"]] == [7_400_000, 5_000_000]
    assert got["dates"]["application_submitted"] == "2025-06-10"
    assert len(got["payouts"]) == 3 and len(got["deadlines"]) == 3


def test_measures_from_a_word_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Ansökan om statsbidrag för effektivare hälso- och sjukvård", 1)
    document.add_paragraph("Region Halland, Hälso- och sjukvårdsnämnden, Dnr HSN 2025/118")
    document.add_paragraph(
        "Nämnden föreslås besluta att ansöka om statsbidrag från Effektivitetsdelegationen "
        "med totalt 20 000 000 kronor för åtgärderna i tabellen nedan."
    )
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Åtgärd", "Syfte", "Belopp (tkr)"], strict=True):
        cell.text = text
    rows = [
        ("Införande av AI-baserad taligenkänning i slutenvården", "Kortare tid", "12 000"),
        ("Egenmonitorering för patienter med KOL", "Färre besök", "8 000"),
        ("Summa", "", "20 000"),
    ]
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    path = tmp_path / "halland.docx"
    document.save(str(path))
    got = extract_path(path, max_bytes=1_000_000)
    assert got["application"]["applied_sek"] == 20_000_000
    assert [(m["title"], m["applied_sek"]) for m in got["measures"]] == [
        ("Införande av AI-baserad taligenkänning i slutenvården", 12_000_000),
        ("Egenmonitorering för patienter med KOL", 8_000_000),
    ]


def test_progress_report() -> None:
    got = extract("progress_report.txt")
    assert got["document_type"] == "report"
    assert got["case_numbers"] == ["25RS1234"]
    assert got["dates"]["document"] == "2026-11-20"
    assert got["regions"][0]["name"] == "Region Örebro län"
    assert len(got["measures"]) == 3
    assert {"name": "Helene Samuelsson", "title": "Projektledare"} in got["people"]


def test_decision_with_a_letterhead_and_a_dotted_case_number() -> None:
    got = extract("decision_letterhead_dotted_dnr.txt")
    assert got["document_type"] == "decision"
    assert got["case_numbers"] == ["3.2-2025-04567"]
    assert got["regions"][0]["name"] == "Region Kronoberg"
    assert got["decision"]["granted_sek"] == 8_500_000  # "8,5 miljoner kronor"
    assert [m["granted_sek"] for m in got["measures"]] == [5_000_000, 3_500_000]
    assert {d["kind"] for d in got["deadlines"]} == {
        "implementation",
        "progress_report",
        "final_report",
    }


def test_protocol_joining_the_joint_application_with_numbered_resolutions() -> None:
    got = extract("protocol_joint_numbered.txt")
    assert got["document_type"] == "protocol_excerpt"
    assert got["application"]["joint"] is True
    assert got["application"]["participating_regions"] == 21
    assert got["regions"][0] == {
        "name": "Region Västmanland",
        "org_number": "232100-0172",
        "role": "author",
    }
    assert got["meeting"]["paragraphs"] == ["88"]
    assert got["resolutions"][0].startswith("Region Västmanland deltar")
    assert len(got["resolutions"]) == 2
    assert titles(got) == [
        "Lösa ut hinder för AI-tillämpningar",
        "Nationell plattform för spridning av lösningar",
    ]
