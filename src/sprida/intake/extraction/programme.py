"""The grant programme a document speaks of: yearly budget, period and governing regulation."""

from __future__ import annotations

import re

from .dates import find_dates
from .document import Document, Sentence
from .identifiers import governing_sfs
from .result import Found, Programme

_YEARS = r"((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\b"
# "under perioden 2025-2030", "åren 2025-2027", "per år 2025-2027", "under 2025-2030"
_PERIOD_AFTER = re.compile(rf"^[^.;]*?\b{_YEARS}", re.I)
_PERIOD_RE = re.compile(rf"\b(?:perioden|åren|period|under)\s+{_YEARS}", re.I)
_PER_YEAR = re.compile(r"^\s*(?:per år|om året|/år|årligen|varje år)\b", re.I)
# The programme's money: the state's grant, distributed by the delegation, set aside by the
# government. A region's own costs "per år" are not it.
_BUDGET_CONTEXT = re.compile(
    r"bidrag|fördela|anslag|delegation|avsatt|avsätt|regeringen|förordning|bevilja", re.I
)
_APPLYING = re.compile(r"\b(?:an)?sök(?:a|er|te|t|s)\b", re.I)
_PAYOUT_SENTENCE = re.compile(r"\bbetala[rs]?\s+ut\b|\butbetal", re.I)
# A regulation's period: "träder i kraft den 1 januari 2026 och upphör att gälla vid utgången
# av 2028".
_IN_FORCE = re.compile(r"\bträder\s+i\s+kraft\b", re.I)
_EXPIRES = re.compile(r"\bupphör\s+att\s+gälla\b|\bgäller\s+till\s+och\s+med\b", re.I)


def _period_in(doc: Document, sentence: Sentence, after: int) -> Found[tuple[int, int]] | None:
    match = _PERIOD_AFTER.search(sentence.text[after:])
    if match is None:
        return None
    start, end = after + match.start(1), after + match.end()
    years = (int(match.group(1)), int(match.group(2)))
    return Found(years, doc.span(sentence.start + start, sentence.start + end))


def _budget(doc: Document) -> tuple[Found[int] | None, Found[tuple[int, int]] | None]:
    for sentence in doc.sentences:
        if not _BUDGET_CONTEXT.search(sentence.text) or _PAYOUT_SENTENCE.search(sentence.text):
            continue  # a payout "per år" is the region's money, not the programme's budget
        for amount in doc.amounts(sentence):
            if _APPLYING.search(sentence.text[: amount.start]):
                continue  # what a region applies for per year is its application, not the budget
            if amount.value >= 1_000_000 and _PER_YEAR.match(sentence.text[amount.end :]):
                start = sentence.start + amount.start
                budget = Found(amount.value, doc.span(start, sentence.start + amount.end))
                return budget, _period_in(doc, sentence, amount.end)
    return None, None


def _date_after(doc: Document, cue: re.Pattern[str]) -> tuple[int, int, int] | None:
    """(year, start, end) of the first date after ``cue`` in its sentence."""
    for sentence in doc.sentences:
        match = cue.search(sentence.text)
        if match is None:
            continue
        for found in find_dates(sentence.text[match.end() :]):
            at = sentence.start + match.end()
            return found.value.year, at + found.start, at + found.end
    return None


def _in_force(doc: Document) -> Found[tuple[int, int]] | None:
    start, end = _date_after(doc, _IN_FORCE), _date_after(doc, _EXPIRES)
    if start is None or end is None or end[0] < start[0]:
        return None
    return Found((start[0], end[0]), doc.span(start[1], end[2]))


def extract_programme(doc: Document) -> Programme | None:
    budget, period = _budget(doc)
    if period is None and budget is not None:
        match = _PERIOD_RE.search(doc.text)
        if match:
            period = Found((int(match.group(1)), int(match.group(2))), doc.span(*match.span()))
    period = period or _in_force(doc)
    # A statute's own number stands in its letterhead ("SFS 2025:1187").
    own_until = max((line.end for line in doc.header_lines(4)), default=0)
    sfs = governing_sfs(doc.text, own_until)
    regulation = Found(sfs.value, doc.span(sfs.start, sfs.end)) if sfs else None
    if budget is None and period is None and regulation is None:
        return None
    return Programme(budget, period, regulation)
