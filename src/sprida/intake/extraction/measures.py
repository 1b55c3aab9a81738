"""Measures (åtgärder, insatser, satsningar): from lists and prose, with outcome and amounts."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .amounts import find_amounts
from .dates import find_dates
from .document import Document, split_sentences
from .lists import ListItem, bullet_lists, split_prose_list
from .result import Found, Measure
from .shares import share_of
from .tables import table_measures
from .titles import clean_title, enrich_with_examples

# Lists that are not measures: attachments, distribution, decision basis.
_NOT_MEASURE_INTRO = re.compile(
    r"^(?:bilag|beslutsunderlag|underlag|utdrag till|skickas till|sändlista|kopia|expedieras|"
    r"handlingar|närvarande|ledamöter)",
    re.I,
)
_MEASURE_INTRO = re.compile(r"åtgärd|insats|satsning|område|projekt|följande|ansök|bevilja", re.I)
_GRANT_AMOUNT = re.compile(r"\b(?:beviljas|beviljat|beviljade)\b[^.]*?$|\bmed\s*$", re.I)
_APPLIED = re.compile(r"\b(?:ansökt|sökt)\s+(?:belopp|bidrag)\s+(?:om|på|var)?\s*$", re.I)
_CONDITION_LEAD = re.compile(
    r"\b(?:med villkoret|på villkor|under förutsättning|villkoret är) att\s+", re.I
)
_CONDITION_VERBS = re.compile(r"\b(?:ska|skall|måste|får inte|får endast|förutsätter)\b", re.I)


def round_sek(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _title_sentence(text: str) -> str:
    for sentence in split_sentences(text, 0):
        return sentence.text
    return text


def measure_from_item(doc: Document, item: ListItem, outcome: str) -> Measure:
    text = item.text
    title = clean_title(_title_sentence(text))
    measure = Measure(
        Found(title, doc.span(item.start, item.end)), outcome, span=doc.span(item.start, item.end)
    )
    amounts = find_amounts(text)
    granted = next((a for a in amounts if _GRANT_AMOUNT.search(text[: a.start])), None)
    if outcome == "rejected":
        measure.granted_sek = Found(0)
        if amounts:
            a = amounts[0]
            measure.rejected_sek = Found(
                a.value, doc.span(item.start + a.start, item.start + a.end)
            )
            measure.applied_sek = measure.rejected_sek
    elif outcome == "applied":
        if amounts:
            a = amounts[0]
            measure.applied_sek = Found(a.value, doc.span(item.start + a.start, item.start + a.end))
    else:
        granted = granted or (amounts[-1] if amounts else None)
        if granted is not None:
            measure.granted_sek = Found(
                granted.value, doc.span(item.start + granted.start, item.start + granted.end)
            )
        applied = next((a for a in amounts if _APPLIED.search(text[: a.start])), None)
        share = share_of(text)
        if applied is not None:
            measure.applied_sek = Found(
                applied.value, doc.span(item.start + applied.start, item.start + applied.end)
            )
        elif share and granted is not None and 0 < share < 1:
            measure.applied_sek = Found(
                round_sek(Decimal(granted.value) / share),
                measure.granted_sek.span if measure.granted_sek else None,
            )
        if (
            measure.applied_sek
            and measure.granted_sek
            and measure.applied_sek.value > measure.granted_sek.value
        ):
            measure.outcome = "partially_granted"
            measure.rejected_sek = Found(measure.applied_sek.value - measure.granted_sek.value)
        elif re.search(r"\bdelvis\b", text, re.I):
            measure.outcome = "partially_granted"
        conditions = _conditions(doc, item, granted.start if granted else None)
        measure.conditions = [text for text, _due in conditions]
        measure.condition_dues = [due for _text, due in conditions]
    return measure


def _due(doc: Document, text: str, start: int) -> Found[date] | None:
    """The date a condition is to be met by: its last dated phrase ("vid utgången av år 2027")."""
    dates = find_dates(text)
    if not dates:
        return None
    last = dates[-1]
    return Found(last.value, doc.span(start + last.start, start + last.end))


def _conditions(
    doc: Document, item: ListItem, amount_at: int | None
) -> list[tuple[Found[str], Found[date] | None]]:
    out: list[tuple[Found[str], Found[date] | None]] = []
    for number, sentence in enumerate(split_sentences(item.text, item.start)):
        local = sentence.start - item.start
        if (
            amount_at is not None
            and local <= amount_at < local + len(sentence.text)
            and not _CONDITION_LEAD.search(sentence.text)
        ):
            continue
        lead = _CONDITION_LEAD.search(sentence.text)
        if lead:
            clause = sentence.text[lead.end() :].rstrip(". ")
            start = sentence.start + lead.end()
            found = Found(_sentence_case(clause), doc.span(start, start + len(clause)))
            out.append((found, _due(doc, clause, start)))
        elif number > 0 and _CONDITION_VERBS.search(sentence.text):
            found = Found(sentence.text, doc.span(sentence.start, sentence.end))
            out.append((found, _due(doc, sentence.text, sentence.start)))
    return out


def _sentence_case(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


# A list of what was decided is no list of measures: "1. Effektivitetsdelegationen beviljar …",
# "2. Bidrag avslås med …", "att …".
_RESOLUTION_ITEM = re.compile(
    r"^(?:att\b|(?:Effektivitetsdelegationen|Delegationen|Kammarkollegiet|Regeringen|Regionen)\b"
    r"|Region\s+[A-ZÅÄÖ]|[A-ZÅÄÖ][\wåäö-]*(?:nämnden|styrelsen|fullmäktige|utskottet)\b"
    r"|Bidrag(?:et)?\s+(?:beviljas|avslås|betalas|får|ska)\b)"
)


def is_measure_list(items: list[ListItem]) -> bool:
    intro = items[0].intro
    if intro is not None and _NOT_MEASURE_INTRO.match(intro.content):
        return False
    resolutions = sum(bool(_RESOLUTION_ITEM.match(item.text)) for item in items)
    if 2 * resolutions >= len(items):
        return False
    return not all(len(item.text.split()) < 2 for item in items)


# Memo measures ------------------------------------------------------------------------------

_ORDINALS = "första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde"
_ORDINAL_RE = re.compile(
    rf"\b(?:Det|Den|För det)\s+(?:{_ORDINALS})\s+"
    r"(?:området|satsningen|insatsen|åtgärden|delen|projektet|spåret)?"
    # "… handlar om X", and after "För det första" the subject follows the verb: "handlar det om".
    r"\s*(?:handlar|avser|gäller|syftar|innebär|är)(?:\s+(?:det|den|ansökan|regionen))?"
    r"(?:\s+(?:om|till)(?=\s))?\s+(?:att\s+)?(?P<what>[^.]+)",
    re.I,
)


def memo_measures(doc: Document) -> list[Measure]:
    """Measures applied for: the first relevant list, else ordinal prose
    ('Det första området …')."""
    for items in bullet_lists(doc):
        if not is_measure_list(items):
            continue
        intro = items[0].intro.text if items[0].intro else ""
        if intro and not _MEASURE_INTRO.search(intro) and not intro.endswith(":"):
            continue
        return [measure_from_item(doc, item, "applied") for item in items]
    return (
        table_measures(doc)
        or _ordinal_measures(doc)
        or _colon_measures(doc)
        or _prose_list_measures(doc)
        or _single_measure(doc)
    )


# "Ansökan avser gemensamma underlag för AI-tillämpningar och en plattform för spridning."
_APPLICATION_COVERS = re.compile(
    r"\b(?:ansökan|ansökningen|den gemensamma ansökan)\s+(?:avser|omfattar|gäller)\s+"
    r"(?!(?:de|den|det)\s+(?:åtgärder|insatser)|åtgärderna|följande)(?P<list>[^.:]+)",
    re.I,
)
_NOT_ONE = re.compile(
    r"^(?:de|den|det|dessa)\s+(?:\w+\s+)?(?:åtgärd|insats|satsning)|^åtgärderna|^insatserna"
    r"|^följande|^effektivare|^en effektiv|^ärendet",
    re.I,
)


def _prose_list_measures(doc: Document) -> list[Measure]:
    for sentence in doc.sentences:
        match = _APPLICATION_COVERS.search(sentence.text)
        if match is None:
            continue
        base = sentence.start + match.start("list")
        parts = split_prose_list(match.group("list"), split_pair=True)
        if 2 <= len(parts) <= 8:
            return [
                Measure(Found(clean_title(text), doc.span(base + start, base + end)), "applied")
                for text, start, end in parts
            ]
    return []


def _single_measure(doc: Document) -> list[Measure]:
    """A memo applying for one thing names it after the amount: '… om 9,5 mnkr för X'."""
    for sentence in doc.sentences:
        if not re.search(r"\bansök", sentence.text, re.I):
            continue
        for amount in doc.amounts(sentence):
            match = re.match(r"\s+(?:för|till)\s+(?P<what>[^.;]+)", sentence.text[amount.end :])
            if match is None or _NOT_ONE.match(match.group("what")):
                continue
            what = re.split(r",\s*(?:att|samt)\b", match.group("what"))[0]
            start = sentence.start + amount.end + match.start("what")
            measure = Measure(
                Found(clean_title(what), doc.span(start, start + len(what))), "applied"
            )
            at = sentence.start + amount.start
            measure.applied_sek = Found(amount.value, doc.span(at, sentence.start + amount.end))
            return [measure]
    return []


_COLON_LIST = re.compile(
    r"\b(?:två|tre|fyra|fem|\d)\s+(?:gemensamma\s+)?(?:områden|satsningar|insatser|åtgärder)"
    r"\s*:\s*(?P<list>.+?)(?:\.\s|\.?$)",
    re.I,
)


def _colon_measures(doc: Document) -> list[Measure]:
    """'… identifierat två områden: att lösa ut hinder för X och att skapa Y.'"""
    match = _COLON_LIST.search(doc.text)
    if match is None:
        return []
    out = []
    base = match.start("list")
    for text, start, end in split_prose_list(match.group("list"), split_pair=True):
        title = clean_title(re.sub(r"^att\s+", "", text.strip(), flags=re.I))
        if title:
            out.append(Measure(Found(title, doc.span(base + start, base + end)), "applied"))
    return out


def _ordinal_measures(doc: Document) -> list[Measure]:
    out: list[Measure] = []
    sentences = [s.text for s in doc.sentences]
    for match in _ORDINAL_RE.finditer(doc.text):
        what = match.group("what")
        title = enrich_with_examples(clean_title(what), sentences)
        start = match.start("what")
        out.append(
            Measure(
                Found(title, doc.span(start, start + len(what))),
                "applied",
                span=doc.span(*match.span()),
            )
        )
    return out
