"""Progress and final reports (delredovisning, slutredovisning)."""

from __future__ import annotations

import re

from .document import Document, Line
from .measures import memo_measures
from .result import ExtractionResult, Found, Measure
from .titles import clean_title

# "2. Genomförande per åtgärd", "Läge per åtgärd", "Genomförda åtgärder"
_PER_MEASURE = re.compile(r"\båtgärd(?:er|erna)?\b|\binsats(?:er|erna)?\b", re.I)
# "2.1 Teknisk kommunikationsutrustning", "### 2.1 …"
_SUBSECTION = re.compile(
    r"^(?:#+\s*)?(?P<number>\d{1,2})\.(?P<sub>\d{1,2})\.?\s+(?P<title>\S.{2,120})$"
)
_SECTION = re.compile(r"^(?:#+\s*)?(?P<number>\d{1,2})\.?\s+(?P<title>\S.+)$")


def _section_measures(doc: Document) -> list[Measure]:
    """The numbered subsections of a section about the measures, one measure each."""
    section: str | None = None
    out: list[Measure] = []
    for line in doc.lines:
        sub = _SUBSECTION.match(line.text)
        if sub is None:
            whole = _SECTION.match(line.text)
            if whole and len(line.text.split()) <= 8 and not line.text.endswith("."):
                section = whole.group("number") if _PER_MEASURE.search(line.text) else None
            continue
        if section == sub.group("number") and not sub.group("title").endswith("."):
            out.append(_measure(doc, line, sub.group("title")))
    return out


def _measure(doc: Document, line: Line, title: str) -> Measure:
    start = line.start + line.text.find(title)
    span = doc.span(start, start + len(title))
    return Measure(Found(clean_title(title), span), "granted", span=span)


def extract_report(doc: Document, result: ExtractionResult) -> None:
    # The measures a report covers were granted; the report tells how far they have come.
    result.measures = _section_measures(doc) or memo_measures(doc)
    for measure in result.measures:
        measure.outcome = "granted"
