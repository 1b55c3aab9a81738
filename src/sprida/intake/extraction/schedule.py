"""Payouts per year and deadlines (implementation, progress report, final report)."""

from __future__ import annotations

import re

from .dates import find_dates
from .document import Document
from .result import Deadline, Payout

_PAYOUT_CUE = re.compile(r"\bbetala[rs]?\s+ut\b|\butbetal\w*|\bbetalas\b", re.I)
# An amount followed by its year: "11 625 000 kronor under år 2025",
# "… kronor, betalas ut under 2026"
_YEAR_AFTER = re.compile(
    r"^\s*,?\s*(?:betalas\s+ut\s+)?(?:under|för|i|år)?\s*(?:år\s+)?(?P<year>(?:19|20)\d\d)\b", re.I
)
# A year followed by its amount: "2025: 11 625 000 kr", "år 2026 betalas 5 mkr ut"
_YEAR_BEFORE = re.compile(
    r"(?:år\s+)?(?P<year>(?:19|20)\d\d)\s*(?::|-|betalas(?:\s+ut)?(?:\s+med)?)\s*$", re.I
)

_KINDS = (
    (
        "progress_report",
        re.compile(r"delredovisning|delrapport|lägesrapport|lägesredovisning", re.I),
    ),
    ("final_report", re.compile(r"slutredovisning|slutrapport|slutlig redovisning", re.I)),
    (
        "implementation",
        re.compile(
            r"genomför(?:d|da|das|as|t)\b|slutför|implementera(?:d|de|s|t)\b|avslutad", re.I
        ),
    ),
)
_DEADLINE_CUE = re.compile(r"\bsenast\b|\bsista dag\b|\bdeadline\b", re.I)


# "3 000 000 kronor per år under 2025, 2026 och 2027", "… per år 2025–2027"
_PER_YEAR_YEARS = re.compile(
    r"^\s*(?:per år|om året|årligen|varje år)\s+(?:under\s+)?(?:åren\s+)?"
    r"(?P<years>(?:19|20)\d\d(?:\s*(?:,|och|-)\s*(?:19|20)\d\d)+)",
    re.I,
)


def _years(text: str) -> list[int]:
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", text)]
    if len(years) == 2 and "-" in text and years[1] > years[0]:
        return list(range(years[0], years[1] + 1))
    return years


def extract_payouts(doc: Document) -> list[Payout]:
    """One payout per year, the first statement of each year wins (letters repeat them)."""
    by_year: dict[int, Payout] = {}
    for sentence in doc.sentences:
        if not _PAYOUT_CUE.search(sentence.text):
            continue
        for amount in doc.amounts(sentence):
            each = _PER_YEAR_YEARS.match(sentence.text[amount.end : amount.end + 60])
            if each is not None:
                span = doc.span(sentence.start + amount.start, sentence.start + amount.end)
                for year in _years(each.group("years")):
                    by_year.setdefault(year, Payout(year, amount.value, span))
                continue
            match = _YEAR_AFTER.match(sentence.text[amount.end : amount.end + 40])
            if match is None:
                match = _YEAR_BEFORE.search(sentence.text[max(0, amount.start - 30) : amount.start])
            if match is None:
                continue
            year = int(match.group("year"))
            if year not in by_year:
                span = doc.span(sentence.start + amount.start, sentence.start + amount.end)
                by_year[year] = Payout(year, amount.value, span)
    return [by_year[year] for year in sorted(by_year)]


def extract_deadlines(doc: Document, *, default_year: int | None) -> list[Deadline]:
    """Deadlines from sentences with 'senast' and a date; the kind from the same sentence."""
    out: list[Deadline] = []
    seen: set[tuple[str, str]] = set()
    for sentence in doc.sentences:
        if not _DEADLINE_CUE.search(sentence.text):
            continue
        dates = find_dates(sentence.text, default_year=default_year)
        if not dates:
            continue
        for kind, pattern in _KINDS:
            if pattern.search(sentence.text):
                d = dates[0]
                key = (kind, d.value.isoformat())
                if key not in seen:
                    seen.add(key)
                    span = doc.span(sentence.start + d.start, sentence.start + d.end)
                    out.append(Deadline(kind, d.value, span))
                break
    return out
