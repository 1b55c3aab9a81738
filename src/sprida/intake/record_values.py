"""How a proposal's values land in record fields: people by role, the meeting, the participants.

Confirming through the review page and through the API both read the proposal through these
functions, so the same proposal always gives the same records.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from sprida.core.models import Organisation, OrganisationKind

ROLES = [
    ("chair", _("Ordförande")),
    ("rapporteur", _("Föredragande")),
    ("case_officer", _("Handläggare")),
    ("adjuster", _("Justerare")),
    ("secretary", _("Sekreterare")),
    ("", _("Annan roll")),
]
# A title's first word gives the role: "Ordförande, Effektivitetsdelegationen" is the chair,
# "Vice ordförande" is not.
_ROLE_WORDS = {
    "ordförande": "chair",
    "föredragande": "rapporteur",
    "handläggare": "case_officer",
    "handläggande": "case_officer",
    "justerare": "adjuster",
    "justerande": "adjuster",
    "sekreterare": "secretary",
}
# The roles a decision record holds, with the field each goes to.
DECISION_ROLES = {"chair": "chair", "rapporteur": "rapporteur", "case_officer": "case_officer"}


def role_of(person: dict[str, Any]) -> str:
    """The person's role: as given, else read from the first word of the title."""
    if person.get("role") is not None:
        return str(person["role"])
    words = (person.get("title") or "").replace(",", " ").split()
    return _ROLE_WORDS.get(words[0].lower(), "") if words else ""


def people_by_role(people: list[dict[str, Any]]) -> dict[str, str]:
    """The first person in each role, by the decision field that holds the role."""
    found: dict[str, str] = {}
    for person in people:
        field = DECISION_ROLES.get(role_of(person))
        if field and field not in found and (person.get("name") or "").strip():
            found[field] = person["name"].strip()[:200]
    return found


def meeting_text(data: dict[str, Any]) -> str:
    """The meeting as one line: body, paragraphs, place and date."""
    meeting = data.get("meeting") or {}
    parts = [meeting.get("body") or ""]
    if meeting.get("paragraphs"):
        parts.append("§ " + ", ".join(meeting["paragraphs"]))
    parts += [meeting.get("place") or "", (data.get("dates") or {}).get("meeting") or ""]
    return ", ".join(p for p in parts if p)[:200]


def participants_of(data: dict[str, Any]) -> list[Organisation]:
    """The regions taking part in a joint application, as the document names or counts them.

    The review form's choice (`application.participants`, org numbers) decides when given.
    Otherwise named regions take part when the document says so (role participant, or the
    region that applies or writes); a document that counts as many participants as there are regions
    ("alla 21 regioner") makes every region a participant.
    """
    application = data.get("application") or {}
    if not application.get("joint"):
        return []
    regions = Organisation.objects.filter(kind=OrganisationKind.REGION).order_by("name")
    if application.get("participants") is not None:  # chosen in the review form
        return list(regions.filter(org_number__in=application["participants"]))
    count = application.get("participating_regions")
    if count and count >= regions.count():
        return list(regions)
    numbers = {
        r.get("org_number")
        for r in data.get("regions") or []
        if r.get("role") in {"participant", "applicant", "author"}
    }
    return list(regions.filter(org_number__in=numbers))
