"""The extraction's vocabulary (schema sprida.extraction/v1) as a person reads it in Swedish."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

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
