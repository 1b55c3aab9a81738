"""Protocol excerpts (protokollsutdrag): body, § numbers, place, meeting date, resolutions."""

from __future__ import annotations

import re

from .common import acting_body, header_body, header_date
from .dates import find_dates
from .document import Document
from .measures import memo_measures
from .memo import extract_application, mark_participants
from .result import ExtractionResult, Found, Meeting

_PARAGRAPH = re.compile(r"(?:^|(?<=\s))§\s*(\d{1,4})\b(?!\s*§)", re.M)
_PLACE = re.compile(
    r"^(?:plats och tid|sammanträdesplats|plats)\s*:?\s+(?P<place>.+)$", re.I | re.M
)
_PLACE_END = re.compile(
    r",?\s*(?:(?:den\s+)?\d{4}-\d\d-\d\d|\d{1,2}\s+\w+\s+\d{4}|kl\.?\s*\d|\d{1,2}[.:]\d\d).*$", re.I
)
_MEETING_DATE_CUE = re.compile(
    r"sammanträdesdatum|sammanträde|protokoll|datum|plats och tid|tid", re.I
)


def extract_protocol(doc: Document, result: ExtractionResult) -> None:
    meeting = Meeting(body=header_body(doc) or acting_body(doc))
    seen: set[str] = set()
    for match in _PARAGRAPH.finditer(doc.text):
        # Only § numbers that head an item (line start), not "enligt 21 § förordningen".
        if match.group(1) not in seen:
            seen.add(match.group(1))
            meeting.paragraphs.append(Found(match.group(1), doc.span(*match.span(1))))
    if place := _PLACE.search(doc.text):
        text = _PLACE_END.sub("", place.group("place")).strip(" ,")
        if text:
            start = place.start("place")
            meeting.place = Found(text, doc.span(start, start + len(text)))
    result.meeting = meeting if meeting.body else None
    meeting_date = _meeting_date(doc)
    if meeting_date:
        result.dates["meeting"] = meeting_date
        result.dates["decision"] = meeting_date
    result.application = extract_application(doc, result)
    mark_participants(doc, result)
    result.measures = memo_measures(doc)


def _meeting_date(doc: Document) -> Found | None:
    for line in doc.lines[:20]:
        if _MEETING_DATE_CUE.search(line.content):
            found = find_dates(line.content, default_year=doc.context_year)
            if found:
                start = line.content_start + found[0].start
                return Found(found[0].value, doc.span(start, line.content_start + found[0].end))
    return header_date(doc)
