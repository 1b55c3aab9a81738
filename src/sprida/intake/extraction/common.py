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
from .identifiers import find_case_numbers, governing_sfs
from .people import find_people
from .result import Found, Organisation, Person, Programme, RegionMention

_PERIOD_RE = re.compile(
    r"\b(?:perioden|åren|period|under)\s+((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\b", re.I
)
_PER_YEAR = re.compile(r"^\s*(?:per år|om året|/år|årligen|varje år)\b", re.I)
_BUDGET_CONTEXT = re.compile(
    r"bidrag|fördela|bevilja|medel|anslag|delegation|satsning|avsatt|avsätt|budget|ram\b", re.I
)
_PAYOUT_SENTENCE = re.compile(r"\bbetala[rs]?\s+ut\b|\butbetal", re.I)


def extract_case_numbers(doc: Document) -> list[Found[str]]:
    """The document's own case number (in the letterhead) first, then the others in order."""
    hits = find_case_numbers(doc.text)
    header_end = max((line.end for line in doc.header_lines()), default=0)
    own = [h for h in hits if h.start < header_end]
    rest = [h for h in hits if h.start >= header_end]
    return [Found(h.value, doc.span(h.start, h.end)) for h in own + rest]


def extract_programme(doc: Document) -> Programme | None:
    budget: Found[int] | None = None
    period: Found[tuple[int, int]] | None = None
    for sentence in doc.sentences:
        if not _BUDGET_CONTEXT.search(sentence.text) or _PAYOUT_SENTENCE.search(sentence.text):
            continue  # a payout "per år" is the region's money, not the programme's budget
        for amount in doc.amounts(sentence):
            if amount.value >= 1_000_000 and _PER_YEAR.match(sentence.text[amount.end :]):
                start = sentence.start + amount.start
                budget = Found(amount.value, doc.span(start, sentence.start + amount.end))
                match = _PERIOD_RE.search(sentence.text, amount.end)
                if match:
                    years = (int(match.group(1)), int(match.group(2)))
                    s = sentence.start + match.start(1)
                    period = Found(years, doc.span(s, sentence.start + match.end()))
                break
        if budget:
            break
    if period is None:
        match = _PERIOD_RE.search(doc.text)
        if match and budget is not None:
            period = Found((int(match.group(1)), int(match.group(2))), doc.span(*match.span()))
    # A statute's own number stands in its letterhead ("SFS 2025:1187").
    own_until = max((line.end for line in doc.header_lines(4)), default=0)
    sfs = governing_sfs(doc.text, own_until)
    regulation = Found(sfs.value, doc.span(sfs.start, sfs.end)) if sfs else None
    if budget is None and period is None and regulation is None:
        return None
    return Programme(budget, period, regulation)


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
