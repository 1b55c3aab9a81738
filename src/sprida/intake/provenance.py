"""Provenance both ways: the documents a record came from, and the records a document became.

A link to a source document opens it with the record's value marked (`?visa=<path>#vald`, see
highlight.py). What the document says that no record field holds (other people and their
roles, the resolutions, the meeting's place) is shown beside the record from the proposal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from django.urls import reverse

from sprida.core.access import restrict
from sprida.grants.models import Application, Decision, Measure
from sprida.intake.models import Document, DocumentStatus
from sprida.intake.record_values import DECISION_ROLES, role_of

FOCUS_ID = "vald"
# The value that stands for the record in its document, best first.
_PATHS = {
    "application": ["title", "application.applied_sek", "dates.application_submitted"],
    "decision": ["decision.outcome", "decision.granted_sek", "resolutions[0]", "dates.decision"],
}


@dataclass
class Source:
    document: Document
    url: str
    people: list[str] = field(default_factory=list)
    resolutions: list[str] = field(default_factory=list)
    place: str = ""


def document_url(document: Document, path: str | None) -> str:
    url = reverse("intake:document", args=[document.pk])
    return f"{url}?visa={quote(path)}#{FOCUS_ID}" if path else url


def _spanned(document: Document, paths: list[str]) -> str | None:
    proposal = getattr(document, "proposal", None)
    have = {s["path"] for s in (proposal.spans if proposal else [])}
    return next((p for p in paths if p in have), None)


def _measure_path(document: Document, measure: Measure) -> list[str]:
    proposal = getattr(document, "proposal", None)
    rows = (proposal.data.get("measures") or []) if proposal else []
    wanted = measure.title.strip().lower()
    return [
        f"measures[{i}].title"
        for i, row in enumerate(rows)
        if (row.get("title") or "").strip().lower() == wanted
    ]


def _leftovers(source: Source) -> Source:
    proposal = getattr(source.document, "proposal", None)
    data = (proposal.confirmed_data or proposal.data) if proposal else {}
    source.people = [
        ", ".join(p for p in (person.get("name"), person.get("title")) if p)
        for person in data.get("people") or []
        if role_of(person) not in DECISION_ROLES or data.get("document_type") != "decision"
    ]
    source.resolutions = list(data.get("resolutions") or [])
    source.place = (data.get("meeting") or {}).get("place") or ""
    return source


def sources_for(user: Any, record: Application | Decision | Measure) -> list[Source]:
    """The confirmed documents the record was made from that `user` may see."""
    application = record if isinstance(record, Application) else record.application
    documents = restrict(
        Document.objects.filter(application=application, status=DocumentStatus.CONFIRMED),
        user,
    ).select_related("proposal")
    sources = []
    for document in documents:
        proposal = getattr(document, "proposal", None)
        kind = ((proposal.confirmed_data or proposal.data) if proposal else {}).get("document_type")
        if isinstance(record, Decision) and kind != "decision":
            continue
        if isinstance(record, Measure):
            paths = _measure_path(document, record)
            if not paths:
                continue
        else:
            paths = _PATHS["decision" if isinstance(record, Decision) else "application"]
        url = document_url(document, _spanned(document, paths))
        sources.append(_leftovers(Source(document, url)))
    return sources


def records_of(user: Any, document: Document) -> dict[str, Any]:
    """The application, decision and measures a confirmed document became, as `user` sees them."""
    if document.application_id is None or document.status != DocumentStatus.CONFIRMED:
        return {}
    application = restrict(Application.objects.filter(pk=document.application_id), user).first()
    if application is None:
        return {}
    decision = restrict(Decision.objects.filter(application=application), user).first()
    proposal = getattr(document, "proposal", None)
    data = (proposal.confirmed_data or proposal.data) if proposal else {}
    titles = {(m.get("title") or "").strip().lower() for m in data.get("measures") or []}
    measures = [
        m
        for m in restrict(Measure.objects.filter(application=application), user)
        if m.title.strip().lower() in titles
    ]
    return {
        "application": application,
        "decision": decision if data.get("document_type") == "decision" else None,
        "measures": measures,
    }
