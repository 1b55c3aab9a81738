"""Protocols however a region's template lays them out: the meeting date under its label and
never the adjustment date, signatures in dotted columns, the item title after the members."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sprida.intake.extraction import extract_text

SOURCE = {"path": "x.txt", "sha256": "0" * 64}
FEW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FIRST = ["Karin", "Anders", "Sofia", "Mikael", "Eva", "Jonas", "Helena", "Per", "Amira", "Lars"]
LAST = ["Holm", "Berglund", "Lindqvist", "Nyström", "Ek", "Sandberg", "Haddad", "Åkesson"]
NAMES = st.builds(lambda f, s: f"{f} {s}", st.sampled_from(FIRST), st.sampled_from(LAST))
MEETING_LABELS = ["Sammanträdesdatum", "Datum", "Sammanträdets datum", "Mötesdatum"]
ADJUSTED_LABELS = ["Justeringsdatum", "Justerat", "Justerad"]
DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 11, 30))


def extract(text: str) -> dict[str, Any]:
    return extract_text(text, source=SOURCE).to_schema_dict()


def _protocol(head: str, members: list[str], item: str) -> str:
    listed = "\n".join(f"{name} (S)" for name in members)
    return (
        f"Region Halland\nPROTOKOLL\nRegionstyrelsens arbetsutskott\n\n{head}\n\n"
        f"Närvarande ledamöter\n{listed}\n\n§ 42\n{item}\n\n"
        "Arbetsutskottet beslutar\natt ansöka om statsbidrag hos Effektivitetsdelegationen.\n"
    )


@FEW
@given(
    met=DAYS,
    later=st.integers(min_value=1, max_value=14),
    label=st.sampled_from(MEETING_LABELS),
    adjusted=st.sampled_from(ADJUSTED_LABELS),
    adjusted_first=st.booleans(),
)
def test_the_meeting_date_under_its_label_is_never_the_adjustment_date(
    met: date, later: int, label: str, adjusted: str, adjusted_first: bool
) -> None:
    meeting = f"{label}\n{met.isoformat()}"
    adjustment = f"{adjusted}\n{(met + timedelta(days=later)).isoformat()}"
    head = f"{adjustment}\n\n{meeting}" if adjusted_first else f"{meeting}\n\n{adjustment}"
    got = extract(_protocol(head, ["Karin Holm"], "Ansökan om statsbidrag för digital triage"))
    assert got["document_type"] == "protocol_excerpt"
    assert got["dates"]["meeting"] == met.isoformat()


@FEW
@given(met=DAYS, label=st.sampled_from(["Sammanträdesdatum", "Datum"]))
def test_a_meeting_date_written_out_stands_on_the_line_after_its_label(
    met: date, label: str
) -> None:
    months = "januari februari mars april maj juni juli augusti september oktober november december"
    written = f"{met.day} {months.split()[met.month - 1]} {met.year}"
    head = f"{label}\n{written}\n\nJusterat\n{(met + timedelta(days=3)).isoformat()}"
    got = extract(_protocol(head, ["Karin Holm"], "Ansökan om statsbidrag för digital triage"))
    assert got["dates"]["meeting"] == met.isoformat()


@FEW
@given(members=st.lists(NAMES, min_size=1, max_size=8, unique=True))
def test_the_title_is_the_item_heading_after_any_list_of_members(members: list[str]) -> None:
    got = extract(
        _protocol("Datum\n2025-06-10", members, "Ansökan om statsbidrag för AI-stödd journalföring")
    )
    assert got["title"] == "Ansökan om statsbidrag för AI-stödd journalföring"


@FEW
@given(
    names=st.lists(NAMES, min_size=3, max_size=3, unique=True),
    roles=st.permutations(["Ordförande", "Justerare", "Sekreterare"]),
    roles_above=st.booleans(),
)
def test_chair_and_adjusters_in_three_dotted_signature_columns(
    names: list[str], roles: list[str], roles_above: bool
) -> None:
    dots = "      ".join(["............................"] * 3)
    name_row = "".join(name.ljust(34) for name in names).rstrip()
    role_row = "".join(role.ljust(34) for role in roles).rstrip()
    block = f"{role_row}\n{dots}\n{name_row}" if roles_above else f"{dots}\n{name_row}\n{role_row}"
    got = extract(_protocol("Datum\n2025-06-10", ["Lena Ek"], "Ansökan om bidrag") + "\n" + block)
    people = {p["name"]: p["title"] for p in got["people"]}
    for name, role in zip(names, roles, strict=True):
        assert people.get(name) == role


def test_two_adjusters_beside_the_chair_on_a_dotted_line() -> None:
    got = extract(
        _protocol("Datum\n2025-06-10", ["Lena Ek"], "Ansökan om bidrag")
        + "\nOrdförande ....................   Justerare ....................\n"
        "Lena Ek                           Per Sandberg\n"
    )
    people = {p["name"]: p["title"] for p in got["people"]}
    assert people["Lena Ek"] == "Ordförande"
    assert people["Per Sandberg"] == "Justerare"
