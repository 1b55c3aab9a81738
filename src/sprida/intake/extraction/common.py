"""Fields every document type shares: title, regions, case numbers, programme, dates, people."""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

from .dates import find_dates
from .document import Document
from .identifiers import find_case_numbers
from .people import find_people
from .result import Found, Organisation, Person, RegionMention


def extract_case_numbers(doc: Document) -> list[Found[str]]:
    """The document's own case number (in the letterhead) first, then the others in order."""
    hits = find_case_numbers(doc.text)
    header_end = max((line.end for line in doc.header_lines()), default=0)
    own = [h for h in hits if h.start < header_end]
    rest = [h for h in hits if h.start >= header_end]
    return [Found(h.value, doc.span(h.start, h.end)) for h in own + rest]


def context_year(doc: Document) -> int | None:
    """The year a date without a year most likely means: the document's own year."""
    for line in doc.header_lines():
        dates = find_dates(line.text)
        if dates:
            return dates[0].value.year
    years = Counter(d.value.year for d in find_dates(doc.text))
    return years.most_common(1)[0][0] if years else None


def date_in(doc: Document, pattern: re.Pattern[str], year: int | None) -> Found[date] | None:
    """The first date in a sentence that matches ``pattern``, after the cue."""
    for sentence in doc.sentences:
        match = pattern.search(sentence.text)
        if not match:
            continue
        for d in find_dates(sentence.text, default_year=year):
            if d.start >= match.start():
                start = sentence.start + d.start
                return Found(d.value, doc.span(start, sentence.start + d.end))
    return None


def extract_people(doc: Document) -> list[Person]:
    return [Person(h.name, h.title, doc.span(h.start, h.end)) for h in find_people(doc)]


_NATIONAL_BODIES = Path(__file__).resolve().parents[2] / "core" / "data" / "national-bodies.csv"


@cache
def _national_bodies() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, name, org number) for each national body; the pattern matches the short name
    in parentheses or the full name, e.g. 'Effektivitetsdelegationen' or 'SKR'."""
    out = []
    with _NATIONAL_BODIES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = [row["name"], *re.findall(r"\(([^)]+)\)", row["name"])]
            names = [re.sub(r"\s*\([^)]*\)", "", n).strip() for n in names]
            alternatives = "|".join(re.escape(n) for n in names if n)
            out.append((re.compile(rf"\b(?:{alternatives})\b"), row["name"], row["org_number"]))
    return tuple(out)


def extract_issuer(
    doc: Document, document_type: str, regions: list[RegionMention]
) -> Organisation | None:
    """A decision is issued by the national body that decides; other documents by the region."""
    if document_type == "decision":
        for pattern, name, org_number in _national_bodies():
            if match := pattern.search(doc.text):
                return Organisation(name, org_number, doc.span(*match.span()))
    if regions and regions[0].role in ("author", "applicant") and document_type != "decision":
        central = regions[0]
        return Organisation(central.name, central.org_number, central.span)
    return None
