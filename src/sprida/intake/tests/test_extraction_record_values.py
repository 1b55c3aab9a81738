"""Values the grant records need from a document: people in their roles, the meeting a decision
was made at, reasons for partial grants, condition due dates and a joint application's
participants."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sprida.intake.extract_file import extract_bytes

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def extract_string(text: str, name: str = "dokument.txt") -> dict[str, Any]:
    return extract_bytes(text.encode("utf-8"), name=name, max_bytes=1_000_000)


def seed_decision() -> dict[str, Any]:
    return extract_string((FIXTURES / "002_955509009a8a4522.txt").read_text(encoding="utf-8"))


DECISION = """Beslut om bidrag för åtgärder för en effektiv hälso- och sjukvård

Effektivitetsdelegationen beslutar att bevilja Region Gävleborgs ansökan om bidrag.

Bidrag beviljas
• Digital vårdplanering i hemsjukvården. Bidrag beviljas med 4 000 000 kr.
• Införande av AI-stödd triage med villkoret att triagen ska vara i drift senast den 30 juni 2026. \
Bidrag beviljas med 2 000 000 kr.

{meeting}

Beslutet får överklagas hos förvaltningsrätten.
"""


def test_people_named_in_prose_get_their_role() -> None:
    people = {p["name"]: p["title"] for p in seed_decision()["people"]}
    assert people["Maria Jäger"] == "Föredragande"
    assert people["Ida Nyström"] == "Handläggare"
    assert people["Clas Rehnberg"].startswith("Ordförande")


def test_what_someone_did_outranks_a_title_from_the_layout() -> None:
    text = DECISION.format(
        meeting="Föredragande har varit handläggaren Sara Ek.\n\nOrdförande\nSara Ek\n"
    )
    people = {p["name"]: p["title"] for p in extract_string(text)["people"]}
    assert people["Sara Ek"] == "Föredragande"


def test_the_meeting_a_decision_was_made_at() -> None:
    got = seed_decision()
    assert got["meeting"]["body"] == "Effektivitetsdelegationen"
    assert got["dates"]["meeting"] == "2025-11-11"


def test_the_meeting_in_the_genitive() -> None:
    text = DECISION.format(
        meeting="Beslutet har fattats vid Effektivitetsdelegationens sammanträde den 14 "
        "november 2025."
    )
    got = extract_string(text)
    assert got["meeting"]["body"] == "Effektivitetsdelegationen"
    assert got["dates"]["meeting"] == "2025-11-14"


def test_a_decision_without_a_meeting_has_none() -> None:
    got = extract_string(DECISION.format(meeting=""))
    assert got["meeting"] is None
    assert got["dates"]["meeting"] is None


def test_a_conditions_due_date_comes_from_its_text() -> None:
    measures = {m["title"]: m for m in seed_decision()["measures"]}
    own = measures["Införande av egenmonitorering"]
    assert len(own["conditions"]) == 2
    # The first condition names no date; the second is due "vid utgången av år 2027".
    assert own["condition_due_dates"] == [None, "2027-12-31"]


def test_a_condition_due_on_a_named_day() -> None:
    got = extract_string(DECISION.format(meeting=""))
    triage = next(m for m in got["measures"] if "triage" in m["title"])
    assert triage["condition_due_dates"] == ["2026-06-30"]
    plain = next(m for m in got["measures"] if "vårdplanering" in m["title"])
    assert "condition_due_dates" not in plain


def test_the_reason_for_a_partial_grant() -> None:
    measures = {m["title"]: m for m in seed_decision()["measures"]}
    speech = measures["Implementering av AI-baserad taligenkänning"]
    assert speech["outcome"] == "partially_granted"
    assert "breddinförande utan tidigare utvärdering" in speech["reason"]


def test_appealability_is_read_both_ways() -> None:
    assert seed_decision()["decision"]["appealable"] is False
    assert extract_string(DECISION.format(meeting=""))["decision"]["appealable"] is True


JOINT = """Region Gävleborg
Tjänsteskrivelse
2025-05-20

Gemensam ansökan om statsbidrag för digital vårdplanering

Förslag till beslut
Regionstyrelsen föreslås besluta att Region Gävleborg tillsammans med Region Dalarna och \
Region Uppsala lämnar en gemensam ansökan till Effektivitetsdelegationen.

Ärendet
Region Västmanland har tidigare genomfört en liknande satsning. Ansökan avser sammanlagt \
12 miljoner kronor för gemensam vårdplanering.
"""


def test_the_participants_of_a_joint_application_are_the_regions_named_as_such() -> None:
    got = extract_string(JOINT)
    assert got["application"]["joint"] is True
    roles = {r["name"]: r["role"] for r in got["regions"]}
    assert roles == {
        "Region Gävleborg": "author",
        "Region Dalarna": "participant",
        "Region Uppsala": "participant",
        "Region Västmanland": "mentioned",  # only mentioned: not a participant
    }


def test_a_region_applying_alone_has_no_participants() -> None:
    got = extract_string(
        JOINT.replace("tillsammans med Region Dalarna och Region Uppsala ", "")
        .replace("Gemensam ansökan", "Ansökan")
        .replace("en gemensam", "en")
    )
    assert got["application"]["joint"] is False
    assert all(r["role"] != "participant" for r in got["regions"])
