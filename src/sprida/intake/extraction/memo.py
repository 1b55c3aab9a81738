"""Application memos (tjänsteskrivelser, föredragnings-PM): what a region proposes to apply for."""

from __future__ import annotations

import re

from .document import Document
from .letterhead import acting_body, header_body
from .measures import memo_measures
from .regions import region_hits
from .result import Application, ExtractionResult, Found, Meeting

_JOINT = re.compile(
    r"\bregiongemensam\w*|\bgemensam\w*\s+ansökan\b|\bi samverkan med\b"
    r"|\btillsammans med\b.*\bansök",
    re.I,
)
_ALONE = re.compile(
    r"\bsjälvständigt\b|\benskild\s+ansökan\b|\begen\s+ansökan\b|\bpå egen hand\b", re.I
)
# Sentences that name who applies together: "tillsammans med Region Gävleborg och …".
_TOGETHER = re.compile(
    r"\btillsammans med\b|\bi samverkan med\b|\bdeltagande regioner\b|\bansöker gemensamt\b"
    r"|\bgemensam\w*\s+ansökan\b|\bregiongemensam\w*",
    re.I,
)
_PARTICIPANTS = re.compile(r"\b(?:samtliga\s+)?(\d{1,2})\s+regioner(?:na)?\b", re.I)
_ALL_REGIONS = re.compile(r"\bsamtliga\s+regioner|\balla\s+regioner", re.I)
_APPLY_CUE = re.compile(
    r"\bansök\w*\s+(?:om\s+)?(?:(?:stats)?bidrag\w*\s+|medel\s+)?"
    r"(?:(?:från|hos|av)\s+[\wåäöÅÄÖ-]+\s+)?(?:med\s+|om\s+|på\s+)?"
    r"(?:sammanlagt\s+|totalt\s+|cirka\s+|drygt\s+)?$"
    r"|\bsökt\w*\s+(?:belopp(?:et)?\s+)?(?:om|på)?\s*$",
    re.I,
)
_PER_YEAR = re.compile(r"^\s*(?:per år|om året|årligen)", re.I)
_APPLY_WORD = re.compile(r"\bansök", re.I)
_TOTAL_BEFORE = re.compile(r"\b(?:sammanlagt|totalt|till en summa av|om totalt)\s*$", re.I)


def proposal_texts(doc: Document, result: ExtractionResult) -> list[str]:
    """The parts of a memo that speak for the document itself: title, resolutions, proposal."""
    texts = [result.title.value] if result.title else []
    texts += [r.value for r in result.resolutions]
    for heading in doc.headings:
        if re.search(r"förslag|beslut", heading.content, re.I):
            texts += [line.content for line in doc.section(heading)]
    return texts


def extract_application(doc: Document, result: ExtractionResult) -> Application:
    own = " ".join(proposal_texts(doc, result))
    application = Application()
    joint_match = _JOINT.search(own)
    alone = _ALONE.search(doc.text)
    if joint_match and not _ALONE.search(own):
        application.joint = Found(True)
        count = _PARTICIPANTS.search(own) or _PARTICIPANTS.search(doc.text)
        if count:
            application.participating_regions = Found(int(count.group(1)))
        elif _ALL_REGIONS.search(own):
            application.participating_regions = Found(21)
    else:
        span = doc.span(*alone.span()) if alone else None
        application.joint = Found(False, span)
    for sentence in doc.sentences:
        for amount in doc.amounts(sentence):
            if _APPLY_CUE.search(sentence.text[: amount.start]) and not _PER_YEAR.match(
                sentence.text[amount.end :]
            ):
                start = sentence.start + amount.start
                application.applied_sek = Found(
                    amount.value, doc.span(start, sentence.start + amount.end)
                )
                return application
    # "att ansöka om statsbidrag … för åtgärderna i ärendet, sammanlagt 28,9 miljoner kronor"
    for sentence in doc.sentences:
        if not _APPLY_WORD.search(sentence.text):
            continue
        for amount in doc.amounts(sentence):
            if _TOTAL_BEFORE.search(sentence.text[: amount.start]) and not _PER_YEAR.match(
                sentence.text[amount.end :]
            ):
                start = sentence.start + amount.start
                application.applied_sek = Found(
                    amount.value, doc.span(start, sentence.start + amount.end)
                )
                return application
    return application


def mark_participants(doc: Document, result: ExtractionResult) -> None:
    """In a joint application, regions named where the text says who applies together."""
    application = result.application
    if application is None or application.joint is None or not application.joint.value:
        return
    named: set[str] = set()
    hits = region_hits(doc)
    for sentence in doc.sentences:
        if _TOGETHER.search(sentence.text):
            named |= {r.name for r, start, _end in hits if sentence.start <= start < sentence.end}
    for mention in result.regions[1:]:
        if mention.name in named:
            mention.role = "participant"


def extract_memo(doc: Document, result: ExtractionResult) -> None:
    result.application = extract_application(doc, result)
    mark_participants(doc, result)
    result.measures = memo_measures(doc)
    body = header_body(doc) or acting_body(doc)
    if body is not None:
        result.meeting = Meeting(body=body)
