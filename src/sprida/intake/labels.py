"""The extraction's vocabulary (schema sprida.extraction/v1) as a person reads it in Swedish."""

from __future__ import annotations

import re
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sprida.core.formats import format_sek
from sprida.grants.models import DeadlineKind, Outcome

VOCABULARIES: dict[str, dict[str, Promise | str]] = {
    "document_type": {
        "decision": _("Beslut"),
        "application_memo": _("Ansökan eller tjänsteskrivelse"),
        "protocol_excerpt": _("Protokollsutdrag"),
        "report": _("Redovisning"),
        "other": _("Annat dokument"),
    },
    "region_role": {
        "applicant": _("sökande"),
        "author": _("avsändare"),
        "participant": _("deltagare"),
        "mentioned": _("nämnd"),
    },
    "outcome": {"applied": _("Sökt, inget beslut"), **dict(Outcome.choices)},
    "date": {
        "document": _("Dokumentets datum"),
        "meeting": _("Sammanträdets datum"),
        "decision": _("Beslutsdatum"),
        "application_submitted": _("Ansökan inlämnad"),
    },
    "deadline": dict(DeadlineKind.choices),
}


def label(vocabulary: str, code: object) -> str:
    """The Swedish word for `code`; an unknown code is shown as it is rather than hidden."""
    if code is None or code == "":
        return "–"
    return str(VOCABULARIES[vocabulary].get(str(code), code))


# What a path in the extraction (e.g. "measures[2].granted_sek") names, for the marks in the
# document's text: "Åtgärd 3, beviljat belopp". Unknown names read as "uppgift", never as code.
_THINGS: dict[str, Promise | str] = {
    "decision": _("Beslutet"),
    "application": _("Ansökan"),
    "measures": _("Åtgärd"),
    "payouts": _("Utbetalning"),
    "deadlines": _("Tidsfrist"),
    "regions": _("Region"),
    "people": _("Person"),
    "case_numbers": _("Diarienummer"),
    "dates": _("Datum"),
    "meeting": _("Sammanträdet"),
    "programme": _("Programmet"),
    "issuer": _("Avsändaren"),
    "resolutions": _("Beslutssats"),
    "title": _("Rubrik"),
    "document_type": _("Dokumenttyp"),
}
_FIELDS: dict[str, Promise | str] = {
    "granted_sek": _("beviljat belopp"),
    "applied_sek": _("sökt belopp"),
    "rejected_sek": _("avslaget belopp"),
    "amount_sek": _("belopp"),
    "budget_sek_per_year": _("budget per år"),
    "title": _("benämning"),
    "due": _("sista dag"),
    "year": _("år"),
    "outcome": _("utfall"),
    "reason": _("skäl"),
    "conditions": _("villkor"),
    "condition_due_dates": _("villkorens sista dag"),
    "name": _("namn"),
    "org_number": _("organisationsnummer"),
    "role": _("roll"),
    "body": _("organ"),
    "paragraphs": _("paragraf"),
    "place": _("plats"),
    "period": _("period"),
    "regulation": _("förordning"),
    "appealable": _("överklagbarhet"),
    "joint": _("gemensam ansökan"),
    "participating_regions": _("deltagande regioner"),
    "document": _("dokumentets datum"),
    "meeting": _("sammanträdets datum"),
    "decision": _("beslutsdatum"),
    "application_submitted": _("ansökan inlämnad"),
    "kind": _("slag"),
}
_SEGMENT = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def _value(name: str, value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_value(name, v) for v in value)
    if isinstance(value, bool):
        return str(_("ja") if value else _("nej"))
    if isinstance(value, int) and name.endswith("_sek"):
        return format_sek(value)
    for vocabulary in VOCABULARIES.values():
        if isinstance(value, str) and value in vocabulary:
            return str(vocabulary[value])
    return str(value)


def describe(path: str, value: Any) -> str:
    """A mark's description in words: "Åtgärd 1, beviljat belopp: 5 870 000 kr"."""
    words: list[str] = []
    segments = _SEGMENT.findall(path)
    for position, (name, index) in enumerate(segments):
        known = _THINGS if position == 0 else _FIELDS
        word = str(known.get(name, _FIELDS.get(name, _("uppgift"))))
        words.append(f"{word} {int(index) + 1}" if index else word)
    last = segments[-1][0] if segments else ""
    text = ", ".join(words) or str(_("Uppgift"))
    return f"{text[:1].upper()}{text[1:]}: {_value(last, value)}"
