"""What the letterhead and a protocol's front page say: the document's date, the meeting's date and
place, and the body (nämnd, styrelse, utskott) the document belongs to."""

from __future__ import annotations

import re
from datetime import date

from .dates import find_dates
from .document import Document, Line
from .fields import fields
from .result import Found
from .text import CELL_SEPARATOR

DATE_ONLY = re.compile(
    r"^(?:datum:?\s*)?[\w ]{0,20}?,?\s*(?:\d{4}-\d\d-\d\d|\d{1,2} \w+ \d{4})$", re.I
)
# Dates that are not the document's or the meeting's: when the minutes were adjusted, posted,
# published or received.
NOT_OWN_DATE = re.compile(r"juster|anslag|publicer|expedier|inkom|ankom|diarief", re.I)
_DOCUMENT_LABEL = re.compile(r"^(?:datum|beslutsdatum|utfärdad|daterad|upprättad)$")
_MEETING_LABEL = re.compile(
    r"^(?:sammanträdes?datum|sammanträdets datum|mötesdatum|datum|tid|plats och tid|"
    r"tid och plats|sammanträde)$"
)
_PLACE_LABEL = re.compile(r"^(?:plats och tid|tid och plats|plats|sammanträdesplats|lokal)$")
_TIME = re.compile(
    r"(?:,\s*)?(?:\b(?:kl\.?|klockan)\s*)?\b\d{1,2}[.:]\d\d(?:\s*-\s*\d{1,2}[.:]\d\d)?(?:\s*,)?",
    re.I,
)
_WEEKDAY_DATE = re.compile(
    r"(?:,\s*)?\b(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+)?(?:den\s+)?"
    r"(?:\d{4}-\d\d-\d\d|\d{1,2}\s+[a-zåäö]+\s+\d{4})(?:\s*,)?",
    re.I,
)
BODY_RE = re.compile(
    r"(?<![\w-])((?:[A-ZÅÄÖ]\w*-? och \w*?|[A-ZÅÄÖ]\w*?)"
    r"(?:nämnden|nämnd|styrelsen|styrelsens arbetsutskott|styrelsens presidium|fullmäktige|"
    r"utskottet|beredningen|direktionen|delegationen))(?![\w-])"
)
_BODY_ALONE = re.compile(rf"^{BODY_RE.pattern}$")


def _date_in(doc: Document, text: str, start: int) -> Found[date] | None:
    found = find_dates(text, default_year=doc.context_year)
    if not found:
        return None
    first = found[0]
    return Found(first.value, doc.span(start + first.start, start + first.end))


def _not_own(doc: Document, line: Line) -> bool:
    """A date line labelled, on it or just above, as another date ('Justerat' / '2025-05-26')."""
    if NOT_OWN_DATE.search(line.text):
        return True
    previous = doc.lines[line.index - 1] if line.index > 0 else None
    return (
        previous is not None
        and len(previous.text.split()) <= 4
        and not find_dates(previous.text)
        and bool(NOT_OWN_DATE.search(previous.text))
    )


def header_date(doc: Document) -> Found[date] | None:
    """A date on its own (or with 'Datum' or a place) in the letterhead."""
    for line in doc.header_lines(15):
        if _not_own(doc, line):
            continue
        offset = 0
        for cell in line.content.split(CELL_SEPARATOR):
            text = cell.strip()
            found = find_dates(text)
            if found and len(text) <= 45 and (DATE_ONLY.match(text) or len(text.split()) <= 4):
                start = line.content_start + offset + cell.find(text)
                first = found[0]
                return Found(first.value, doc.span(start + first.start, start + first.end))
            offset += len(cell) + len(CELL_SEPARATOR)
    return None


def document_date(doc: Document) -> Found[date] | None:
    """'Datum: …', 'Utfärdad: …', 'Beslutsdatum: …', else the letterhead's lone date."""
    for field in fields(doc, 25):
        if _DOCUMENT_LABEL.match(field.label) and (
            found := _date_in(doc, field.value, field.start)
        ):
            return found
    return header_date(doc)


def meeting_date(doc: Document) -> Found[date] | None:
    """The meeting's date from its label ('Sammanträdesdatum', 'Datum', 'Tid'), on the same line
    or the next; never the date the minutes were adjusted or posted."""
    for field in fields(doc):
        own = _MEETING_LABEL.match(field.label) and not NOT_OWN_DATE.search(field.label)
        if own and (found := _date_in(doc, field.value, field.start)):
            return found
    return header_date(doc)


def meeting_place(doc: Document) -> Found[str] | None:
    """'Plats och tid: Regionens hus, Örebro, kl. 09.00' -> 'Regionens hus, Örebro'."""
    for field in fields(doc):
        if not _PLACE_LABEL.match(field.label):
            continue
        text = _WEEKDAY_DATE.sub("", _TIME.sub("", field.value)).strip(" ,")
        if text:
            offset = field.value.find(text.split(",")[0])
            start = field.start + max(offset, 0)
            return Found(text, doc.span(start, start + len(text)))
    return None


def header_body(doc: Document) -> Found[str] | None:
    """A body (nämnd, styrelse, utskott) standing alone on a letterhead line or in a cell."""
    for line in doc.header_lines(15):
        offset = 0
        for cell in line.content.split(CELL_SEPARATOR):
            text = re.sub(r"^till\s+", "", cell.strip(), flags=re.I)
            if _BODY_ALONE.match(text):
                start = line.content_start + offset + cell.find(text)
                return Found(text, doc.span(start, start + len(text)))
            offset += len(cell) + len(CELL_SEPARATOR)
    return None


def acting_body(
    doc: Document, verbs: str = r"beslutar|beslöt|beslutade|föreslås besluta"
) -> Found[str] | None:
    """The body that resolves: 'Hälso- och sjukvårdsnämnden beslutar …'."""
    pattern = re.compile(BODY_RE.pattern + rf"\s+(?:{verbs})\b")
    match = pattern.search(doc.text)
    if match is None:
        return None
    return Found(match.group(1), doc.span(match.start(1), match.end(1)))
