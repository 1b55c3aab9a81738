"""Grant decisions: outcome and totals, measures per outcome, payouts, deadlines, appeal."""

from __future__ import annotations

import re

from .amounts import AmountMatch
from .common import date_in
from .dates import find_dates
from .decision_measures import decision_measures, measure_lists
from .document import Document
from .result import Decision, ExtractionResult, Found, Meeting

_GRANTED = re.compile(
    r"\bbevilja[rs]?\b(?:\s+\w+){0,3}?\s+(?:bidrag\s+)?med\s+(?:sammanlagt\s+|totalt\s+)?$", re.I
)
_REJECTED = re.compile(
    r"\bavslå[rs]?\b(?:\s+\w+){0,3}?\s+med\s+(?:sammanlagt\s+|totalt\s+)?$", re.I
)
_APPLIED = re.compile(
    r"\b(?:ansökte|har ansökt|ansöker|sökte|har sökt|ansökan (?:avser|gällde|avsåg))\b"
    r"[^.]*?(?:med|om)\s+(?:sammanlagt\s+|totalt\s+)?$"
    # "Ansökan gällde 9 000 000 kronor", "ansökan uppgick till sammanlagt …"
    r"|\bansökan\s+(?:uppgår|uppgick|avser|avsåg|gäller|gällde)\s+(?:till\s+)?"
    r"(?:sammanlagt\s+|totalt\s+)?$"
    r"|\bav\s+(?:de\s+)?(?:an)?sökta\s+$",
    re.I,
)
# "Resterande 8 100 000 kronor avslås": the amount before the verb, naming no measure.
_REJECTED_BEFORE = re.compile(r"^(?:\s*kronor)?,?\s+avslås\b", re.I)
_PARTIAL = re.compile(
    r"\bbeslutar\s+att\s+delvis\s+bevilja|\bbeviljas\s+delvis\b|\bdelvis\s+bifall", re.I
)
_FULL_GRANT = re.compile(r"\bbeslutar\s+att\s+bevilja\b|\bbifalla\b", re.I)
_FULL_REJECT = re.compile(r"\bbeslutar\s+att\s+avslå\b|\bansökan\s+avslås\b", re.I)
_NOT_APPEALABLE = re.compile(r"\b(?:får|kan)\s+inte\s+överklagas\b", re.I)
_APPEALABLE = re.compile(r"\b(?:får|kan)\s+överklagas\b|\bhur man överklagar\b", re.I)
DECISION_DATE_CUE = re.compile(
    r"\bsammanträde\b|\bbeslutsdatum\b|\bbeslut(?:et)?\s+(?:har\s+)?(?:fattats|fattades|togs)\b",
    re.I,
)
# "fattats av Effektivitetsdelegationen vid sammanträde den …",
# "fattats vid Effektivitetsdelegationens sammanträde den …"
_MEETING = re.compile(
    r"\bav\s+(?P<body>[A-ZÅÄÖ][\w-]*(?:\s+[a-zåäö][\w-]*){0,4}?)\s+vid\s+(?:sitt\s+)?"
    r"sammanträde(?:t)?\b"
    r"|\bvid\s+(?P<genitive>[A-ZÅÄÖ][\w-]*?)s\s+sammanträde(?:t)?\b"
)
_PER_YEAR = re.compile(r"\s*(?:per år|om året|årligen|/år)\b", re.I)
# A sentence about what all the regions applied for or were granted together.
_ALL_REGIONS = re.compile(r"\bregionerna\b|\b(?:samtliga|alla)\s+regioner\b", re.I)
SUBMITTED_CUE = re.compile(
    r"\bansökte\b|\bansökan\s+(?:som\s+)?(?:inkom|kom in|lämnades|daterad)"
    r"|\b(?:inkom|kom\s+in|lämnade\s+in)\s+(?:med\s+)?(?:sin\s+|en\s+)?ansökan",
    re.I,
)


def _outside_items(doc: Document) -> list[tuple[int, int]]:
    """The items of measure lists: a measure's amount is not the decision's total."""
    return [(item.start, item.end) for group in measure_lists(doc) for item in group]


def _first_amount(
    doc: Document, cue: re.Pattern[str], skip: list[tuple[int, int]], prefer: str | None = None
) -> Found[int] | None:
    candidates: list[tuple[int, AmountMatch, int]] = []
    for sentence in doc.sentences:
        amounts = doc.amounts(sentence)
        if not amounts or any(a <= sentence.start < b for a, b in skip):
            continue
        if _ALL_REGIONS.search(sentence.text) and not (prefer and prefer in sentence.text):
            continue  # totals for all regions, not this application
        for amount in amounts:
            if _PER_YEAR.match(sentence.text[amount.end :]):
                continue  # a yearly budget is the programme's, not this application's
            if cue.search(sentence.text[max(0, amount.start - 160) : amount.start]):
                rank = 0 if prefer and prefer in sentence.text else 1
                candidates.append((rank, amount, sentence.start))
                break
    if not candidates:
        return None
    rank, amount, base = min(candidates, key=lambda c: (c[0], c[2]))
    del rank
    return Found(amount.value, doc.span(base + amount.start, base + amount.end))


def extract_decision(doc: Document, result: ExtractionResult) -> None:
    skip = _outside_items(doc)
    year = doc.context_year
    applicant = result.regions[0].name if result.regions else None
    granted = _first_amount(doc, _GRANTED, skip)
    rejected = _first_amount(doc, _REJECTED, skip) or _rest_rejected(doc, skip)
    applied = _first_amount(doc, _APPLIED, skip, prefer=applicant)
    result.measures = decision_measures(doc)
    values = [m.granted_sek.value for m in result.measures if m.granted_sek is not None]
    # "Bidrag beviljas med 6 000 000 kronor för A och med 2 000 000 kronor för B": the first
    # amount is A's, and the total is the sum.
    per_measure = granted is not None and any(
        m.granted_sek is not None and m.granted_sek.span == granted.span for m in result.measures
    )
    if values and (granted is None or per_measure):
        granted = Found(sum(values))
    outcome = _outcome(doc, granted, rejected)
    if outcome == "rejected" and granted is None:
        granted = Found(0)
    if applied is None and granted is not None and rejected is not None:
        applied = Found(granted.value + rejected.value)
    if rejected is None and applied is not None and granted is not None:
        rejected = Found(applied.value - granted.value)
    if rejected is None and outcome == "granted":
        rejected = Found(0)
    appealable: Found[bool] | None = None
    if match := _NOT_APPEALABLE.search(doc.text):
        appealable = Found(False, doc.span(*match.span()))
    elif match := _APPEALABLE.search(doc.text):
        appealable = Found(True, doc.span(*match.span()))
    result.decision = Decision(
        outcome=Found(outcome) if outcome else None,
        applied_sek=applied,
        granted_sek=granted,
        rejected_sek=rejected,
        appealable=appealable,
    )
    _meeting(doc, result, year)
    decided = date_in(doc, DECISION_DATE_CUE, year)
    if decided:
        result.dates["decision"] = decided
    submitted = date_in(doc, SUBMITTED_CUE, year)
    if submitted:
        result.dates["application_submitted"] = submitted


def _meeting(doc: Document, result: ExtractionResult, year: int | None) -> None:
    """The meeting the decision was made at: the deciding body and the meeting's date."""
    for sentence in doc.sentences:
        match = _MEETING.search(sentence.text)
        if match is None:
            continue
        group = "body" if match.group("body") else "genitive"
        start = sentence.start + match.start(group)
        body = match.group(group)
        result.meeting = Meeting(body=Found(body, doc.span(start, start + len(body))))
        for found in find_dates(sentence.text, default_year=year):
            if found.start >= match.end():
                at = sentence.start + found.start
                result.dates["meeting"] = Found(
                    found.value, doc.span(at, sentence.start + found.end)
                )
                break
        return


def _rest_rejected(doc: Document, skip: list[tuple[int, int]]) -> Found[int] | None:
    """'Resterande 8 100 000 kronor avslås.': a total rejected, when no measure is named."""
    for sentence in doc.sentences:
        if " för " in sentence.text or any(a <= sentence.start < b for a, b in skip):
            continue
        for amount in doc.amounts(sentence):
            if _REJECTED_BEFORE.match(sentence.text[amount.end :]):
                start = sentence.start + amount.start
                return Found(amount.value, doc.span(start, sentence.start + amount.end))
    return None


def _outcome(doc: Document, granted: Found[int] | None, rejected: Found[int] | None) -> str | None:
    if _PARTIAL.search(doc.text):
        return "partially_granted"
    g = granted.value if granted else None
    r = rejected.value if rejected else None
    if g and r:
        return "partially_granted"
    if _FULL_REJECT.search(doc.text) or (g == 0 and r):
        return "rejected"
    if _FULL_GRANT.search(doc.text) or g:
        return "granted"
    return None
