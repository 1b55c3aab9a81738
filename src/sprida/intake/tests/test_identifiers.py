"""Organisation numbers, case numbers and SFS numbers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sprida.intake.extraction.identifiers import (
    find_case_numbers,
    find_org_numbers,
    find_sfs_numbers,
    format_org_number,
    governing_sfs,
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


def test_ministry_case_numbers_and_short_year_registry_numbers() -> None:
    text = (
        "Regeringsbeslut I:4\n2025-12-18\nS2025/02210 (delvis)\nSocialdepartementet\n"
        "Se även Fi2024/00312/RS och regionens ärende RD25/01873."
    )
    assert [c.value for c in find_case_numbers(text)] == [
        "S2025/02210",
        "Fi2024/00312/RS",
        "RD25/01873",
    ]


def test_a_bare_serial_is_a_case_number_only_after_its_label() -> None:
    assert [c.value for c in find_case_numbers("Dnr 2501843")] == ["2501843"]
    assert find_case_numbers("Ansökan gäller 2501843 patienter och 25 000 besök.") == []


def test_the_governing_regulation_is_not_the_first_sfs_number() -> None:
    text = (
        "Av 3 § förvaltningslagen (2017:900) följer att lagen gäller. Bidrag lämnas enligt "
        "förordningen (2024:1102) om tillfälligt statsbidrag för en effektiv hälso- och sjukvård. "
        "Personuppgifter behandlas enligt patientdatalagen (2008:355)."
    )
    assert [s.value for s in find_sfs_numbers(text)] == ["2017:900", "2024:1102", "2008:355"]
    found = governing_sfs(text)
    assert found is not None and found.value == "2024:1102"


def test_a_regulations_own_number_governs_it() -> None:
    text = (
        "Svensk författningssamling\nSFS 2025:1187\n\nFörordning om statsbidrag till regioner\n\n"
        "3 § Bidrag lämnas inte för kostnader som ersätts enligt förordningen (2024:1102) om "
        "tillfälligt statsbidrag för en effektiv hälso- och sjukvård."
    )
    found = governing_sfs(text, own_until=text.index("Förordning om"))
    assert found is not None and found.value == "2025:1187"


# The Government Offices' registry letters: Socialdepartementet S, Finansdepartementet Fi,
# Utrikesdepartementet UD, Landsbygds- och infrastrukturdepartementet LI, …
_MINISTRIES = ["S", "Fi", "U", "Ju", "N", "I", "M", "A", "Ku", "Fö", "UD", "LI", "KN"]


@settings(max_examples=60, deadline=None)
@given(
    ministry=st.sampled_from(_MINISTRIES),
    year=st.integers(min_value=2015, max_value=2030),
    serial=st.integers(min_value=1, max_value=99_999),
    unit=st.sampled_from(["", "/RS", "/FS", "/SF"]),
)
def test_every_ministry_case_number(ministry: str, year: int, serial: int, unit: str) -> None:
    case = f"{ministry}{year}/{serial:05d}{unit}"
    text = (
        f"Regeringsbeslut I:4\n2025-12-18\n{case}\nSocialdepartementet\n\nUppdrag till regionerna."
    )
    assert [c.value for c in find_case_numbers(text)] == [case]


@settings(max_examples=60, deadline=None)
@given(
    prefix=st.sampled_from(["RS", "HSN", "RJL", "RUN", "LS", "RK", "HS", "RSK", "NSN"]),
    serial=st.integers(min_value=1, max_value=9999),
    year=st.integers(min_value=2015, max_value=2030),
    shape=st.sampled_from(["{p}/{n}/{y}", "{p} {y}/{n:04d}", "{p} {y}-{n:04d}", "{p}{yy}{n:04d}"]),
)
def test_every_region_case_number_shape(prefix: str, serial: int, year: int, shape: str) -> None:
    case = shape.format(p=prefix, n=serial, y=year, yy=year % 100)
    text = f"Tjänsteskrivelse\n2025-05-12\nDiarienummer {case}\n\nAnsökan om statsbidrag"
    assert [c.value for c in find_case_numbers(text)] == [case]


@settings(max_examples=40, deadline=None)
@given(
    plan=st.sampled_from(["3.2", "1.1.2", "2.4", "3.2.1"]),
    year=st.integers(min_value=2015, max_value=2030),
    serial=st.integers(min_value=1, max_value=99_999),
    label=st.sampled_from(["Dnr", "Diarienummer:", "Vårt dnr:", "Dnr:"]),
)
def test_every_delegation_case_number_after_its_label(
    plan: str, year: int, serial: int, label: str
) -> None:
    case = f"{plan}-{year}-{serial:05d}"
    text = f"Kammarkollegiet\nBeslut\n2025-11-13\n{label} {case}\n\nBeslut om bidrag"
    assert [c.value for c in find_case_numbers(text)] == [case]
