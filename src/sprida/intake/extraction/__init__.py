"""Read Swedish grant documents (decisions, memos, protocol excerpts, reports) into structured
proposals that follow schema sprida.extraction/v1. Pure Python: no Django, no database."""

from __future__ import annotations

from typing import Any

from sprida.core.regionnames import all_regions

from .checks import check_result, unread_grants, unread_shares
from .classify import classify
from .common import (
    context_year,
    extract_case_numbers,
    extract_issuer,
    extract_people,
)
from .document import Document
from .document_title import extract_title
from .letterhead import document_date
from .programme import extract_programme
from .regions import extract_regions, letterhead_regions
from .registry import extractor_for
from .resolutions import extract_resolutions
from .result import ExtractionResult
from .schedule import extract_deadlines, extract_payouts

__all__ = ["ExtractionResult", "extract_text"]


def _central_role(doc: Document, document_type: str, result: ExtractionResult) -> str:
    if document_type in ("decision", "report"):
        return "applicant"
    if document_type == "other":
        # A press release or a newsletter applies for nothing: its region wrote it or is named.
        slug = next((r.slug for r in all_regions() if r.name == result.regions[0].name), None)
        return "author" if slug in letterhead_regions(doc) else "mentioned"
    joint = (
        result.application is not None
        and result.application.joint is not None
        and result.application.joint.value
    )
    # A region writing a memo for a joint application is its author, not the applicant.
    return "author" if joint else "applicant"


def extract_text(text: str, *, source: dict[str, Any]) -> ExtractionResult:
    """Extract everything the schema holds from one document's text."""
    doc = Document.from_text(text)
    doc.context_year = context_year(doc)
    result = ExtractionResult(source=dict(source))
    result.document_type = classify(doc)
    result.title = extract_title(doc, result.document_type)
    result.case_numbers = extract_case_numbers(doc)
    result.programme = extract_programme(doc)
    result.people = extract_people(doc)
    result.resolutions = extract_resolutions(doc)
    # Regions first with a provisional role: extractors may use the applicant's name.
    result.regions = extract_regions(doc, "applicant")
    if result.document_type != "protocol_excerpt" and (dated := document_date(doc)):
        result.dates["document"] = dated  # a protocol's own date is its meeting's
    extractor = extractor_for(result.document_type)
    if extractor is not None:
        extractor(doc, result)
    role = _central_role(doc, result.document_type, result) if result.regions else ""
    if result.regions:
        result.regions[0].role = role
    result.issuer = extract_issuer(doc, result.document_type, result.regions)
    if result.document_type != "other":
        # A press release or a regulation tells of payouts and deadlines; it sets none.
        result.payouts = extract_payouts(doc)
        result.deadlines = extract_deadlines(doc, default_year=doc.context_year)
    result.warnings = check_result(result) + unread_grants(doc, result) + unread_shares(doc, result)
    return result
