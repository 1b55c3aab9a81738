"""Organisation numbers, case numbers and SFS numbers."""

from __future__ import annotations

from sprida.intake.extraction.identifiers import (
    find_case_numbers,
    find_org_numbers,
    find_sfs_numbers,
    format_org_number,
)


def test_org_numbers_any_dash() -> None:
    for text in ("232100–0164", "232100-0164", "2321000164", "232100\u20110164"):
        assert format_org_number(text) == "232100-0164"
    assert format_org_number("232100-0165") is None
    found = find_org_numbers("Region Örebro läns (232100–0164) ansökan, tel 054-220 94 29")
    assert [f.value for f in found] == ["232100-0164"]


def test_birth_dates_are_not_org_numbers() -> None:
    # A personal identity number (month 01–12 in digits 3–4) is never an organisation number.
    assert find_org_numbers("19121212-1212 och 121212-1212") == []


def test_case_number_forms() -> None:
    text = (
        "HSN/1005/2025. Ärendet (RS/344/2025) och granskningen (REV/16/2024). "
        "Dnr 2025/123, EFF 2025/45, RV250363, Diarienummer: RS 2024-0012."
    )
    assert [c.value for c in find_case_numbers(text)] == [
        "HSN/1005/2025",
        "RS/344/2025",
        "REV/16/2024",
        "2025/123",
        "EFF 2025/45",
        "RV250363",
        "RS 2024-0012",
    ]


def test_not_case_numbers() -> None:
    text = (
        "förordningen (2024:1102), rapporten (2025:1), 4–6 §§, tel 054-220 94 29, "
        "perioden 2025–2030, e-post regionorebrolan@regionorebrolan.se"
    )
    assert find_case_numbers(text) == []


def test_sfs_numbers_only_for_statutes() -> None:
    assert [s.value for s in find_sfs_numbers("i enlighet med förordningen (2024:1102) om")] == [
        "2024:1102"
    ]
    assert [s.value for s in find_sfs_numbers("SFS 2024:1102")] == ["2024:1102"]
    assert find_sfs_numbers("rapporten Omtag för omställning (2025:1)") == []
