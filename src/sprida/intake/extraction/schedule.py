"""Payouts per year and deadlines (implementation, progress report, final report)."""

from __future__ import annotations

import re
from itertools import pairwise

from .dates import find_dates
from .document import Document
from .result import Deadline, Payout
from .tables import MONEY_HEADER as _MONEY_HEADER
from .tables import cell_amount, unit_factor

_PAYOUT_CUE = re.compile(r"\bbetala[rs]?\s+ut\b|\butbetal\w*|\bbetalas\b", re.I)
# An amount followed by its year: "11 625 000 kronor under år 2025",
# "… kronor, betalas ut under 2026"
_YEAR_AFTER = re.compile(
    r"^\s*,?\s*(?:betalas\s+ut\s+)?(?:under|för|i|år)?\s*(?:år\s+)?(?P<year>(?:19|20)\d\d)\b", re.I
)
# A year followed by its amount: "2025: 11 625 000 kr", "år 2026 betalas 5 mkr ut"
_YEAR_BEFORE = re.compile(
    r"(?:år\s+)?(?P<year>(?:19|20)\d\d)\s*(?::|-|betalas(?:\s+ut)?(?:\s+med)?|\s+med)\s*$", re.I
)
# A row of a payout table: "2025 | 7 600 000", "2025: 4 200 tkr", "År 2026 7 500 000"
_PAYOUT_ROW = re.compile(
    r"^(?:år\s+)?(?P<year>(?:19|20)\d\d)\s*(?:\|\s*|:\s*|\s+)"
    r"(?P<amount>\d[\d ]*(?:,\d+)?(?:\s*[a-zA-Z]+)?)\.?$",
    re.I,
)
_ROWS_AFTER = 6  # how far below a payout cue its table may start

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
    for payout in _table_payouts(doc):
        by_year.setdefault(payout.year, payout)
    return [by_year[year] for year in sorted(by_year)]


def _table_payouts(doc: Document) -> list[Payout]:
    """Rows of a year and an amount below a line that speaks of payouts; a bare number takes
    the unit its table header names ("Belopp (tkr)")."""
    out: list[Payout] = []
    factor, cue_at = 1, -(10**6)
    for line in doc.lines:
        if _PAYOUT_CUE.search(line.text):
            cue_at, factor = line.index, unit_factor(line.text)
            continue
        if line.index - cue_at > _ROWS_AFTER + len(out):
            continue
        row = _PAYOUT_ROW.match(line.text)
        if row is None:
            factor = unit_factor(line.text) if _MONEY_HEADER.search(line.text) else factor
            continue
        value = cell_amount(row.group("amount").strip(), factor)
        if value is not None:
            start = line.start + row.start("amount")
            out.append(
                Payout(
                    int(row.group("year")), value, doc.span(start, line.start + row.end("amount"))
                )
            )
    return out


# Where one clause of a deadline sentence ends and the next begins: "… en delredovisning senast
# den 30 november 2026 och en slutredovisning senast den 28 februari 2028."
_CLAUSE = re.compile(
    r",\s+|;\s+|\s+(?:och|samt)\s+(?=(?:en|ett|den|de|senast|[a-zåäö]+redovisning)\b)"
)


def _kind(text: str) -> str | None:
    return next((kind for kind, pattern in _KINDS if pattern.search(text)), None)


def extract_deadlines(doc: Document, *, default_year: int | None) -> list[Deadline]:
    """Deadlines from sentences with 'senast' and a date. Each date takes the kind named in its
    own clause, else the sentence's first kind."""
    out: list[Deadline] = []
    seen: set[tuple[str, str]] = set()
    for sentence in doc.sentences:
        if not _DEADLINE_CUE.search(sentence.text):
            continue
        dates = find_dates(sentence.text, default_year=default_year)
        main = _kind(sentence.text)
        if not dates or main is None:
            continue
        cuts = [0, *(m.end() for m in _CLAUSE.finditer(sentence.text)), len(sentence.text)]
        for d in dates:
            clause = next((sentence.text[a:b] for a, b in pairwise(cuts) if a <= d.start < b), "")
            kind = _kind(clause) or main
            key = (kind, d.value.isoformat())
            if key not in seen:
                seen.add(key)
                span = doc.span(sentence.start + d.start, sentence.start + d.end)
                out.append(Deadline(kind, d.value, span))
            if len(dates) == 1 or _kind(clause) is None:
                break  # one deadline per sentence unless its clauses name their kinds
    return out
