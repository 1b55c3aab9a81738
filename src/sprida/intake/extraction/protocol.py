"""Protocol excerpts (protokollsutdrag): body, § numbers, place, meeting date, resolutions."""

from __future__ import annotations

import re

from .document import Document
from .letterhead import acting_body, header_body, meeting_date, meeting_place
from .measures import memo_measures
from .memo import extract_application, mark_participants
from .result import ExtractionResult, Found, Meeting

_PARAGRAPH = re.compile(r"(?:^|(?<=\s))§\s*(\d{1,4})\b(?!\s*§)", re.M)


def extract_protocol(doc: Document, result: ExtractionResult) -> None:
    meeting = Meeting(body=header_body(doc) or acting_body(doc))
    seen: set[str] = set()
    for match in _PARAGRAPH.finditer(doc.text):
        # Only § numbers that head an item (line start), not "enligt 21 § förordningen".
        if match.group(1) not in seen:
            seen.add(match.group(1))
            meeting.paragraphs.append(Found(match.group(1), doc.span(*match.span(1))))
    meeting.place = meeting_place(doc)
    result.meeting = meeting if meeting.body else None
    if met := meeting_date(doc):
        result.dates["meeting"] = met
        result.dates["decision"] = met
    result.application = extract_application(doc, result)
    mark_participants(doc, result)
    result.measures = memo_measures(doc)
