"""Measures in a grant decision: granted, partly granted and rejected, with their amounts.

A decision names its measures in lists, tables or prose; it may give a measure's share of the
applied amount in one sentence, what is rejected of it in another, and the applied amount only
where it recounts the application. Each of these is read where it stands and joined to the
measure it names.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .amounts import AmountMatch, find_amounts
from .document import Document, Line, Sentence
from .lists import ListItem, bullet_lists, split_prose_list
from .measures import is_measure_list, measure_from_item, round_sek
from .result import Found, Measure
from .shares import SHARE, share_of
from .tables import table_measures
from .titles import clean_title

_MEASURE_INTRO = re.compile(r"åtgärd|insats|satsning|område|projekt|följande|ansök|bevilja", re.I)
_REJECT_HEADING = re.compile(
    r"avslås|avslag|(?:beviljas|lämnas|ges|utgår)\s+(?:inte|ej)|inte\s+(?:beviljas|lämnas)", re.I
)
_PROSE_REJECT = re.compile(
    r"^(?:Bidrag|Medel|Stöd|Statsbidrag)\s+(?:beviljas|ges|lämnas)\s+inte\s+(?:heller\s+)?"
    r"(?:till|för)\s+(?P<list>.+?)\.?$"
    r"|^(?:(?:Ansökan om )?(?:bidrag|medel) (?:för|till) |Åtgärden )(?P<one>.+?) avslås\b",
    re.I,
)
# "Hälften av ansökt bidrag, 19 300 000 kr, för X avslås", "Den andra hälften av det ansökta
# bidraget för X, 14 000 000 kronor, avslås"
_PARTIAL_REJECT = re.compile(
    rf"(?:{SHARE}|\bdel(?:en)?\s+av\s+(?:det\s+)?(?:an)?sökt\w*\s+(?:bidrag|belopp)\w*)"
    r"[^.]*?\b(?:för|till)\s+(?P<what>.+?)\s+avslås",
    re.I,
)
# "Övriga 1 500 tkr som söktes för X avslås", "Resterande 4 000 000 kronor för denna åtgärd avslås"
_REST_REJECT = re.compile(r"\b(?:övriga|resterande|återstående|resten)\b[^.]*\bavslås\b", re.I)
_THIS_MEASURE = re.compile(r"\b(?:denna|den|samma)\s+(?:åtgärd|insats|satsning)\b", re.I)
_BECAUSE = re.compile(r"\b(?:eftersom|då det|därför att|med hänsyn till)\b", re.I)
# The next sentence speaks of several measures: "A och B" is then two items, not one.
_PLURAL = re.compile(r"\båtgärderna\b|\bdessa åtgärder\b|\bbåda\b|\bde två\b", re.I)
_PROSE_GRANT = re.compile(
    r"^(?:Bidrag|Medel)\s+(?:för|till)\s+(?P<what>.+?)\s+beviljas\s+med\s+", re.I
)
_GRANTS_WITH = re.compile(r"^(?:Bidrag|Medel|Statsbidrag)\s+beviljas\s+med\s+\d", re.I)
# After an amount: "för A" up to the next "och med 3 000 000 …", ", med …" or the end.
_FOR_WHAT = re.compile(
    r"^\s*(?:för|till)\s+(?P<what>.+?)(?=(?:,\s*|\s+och\s+)(?:med\s+)?\d|\s*\.?\s*$)", re.I
)
# "X (4 900 000 kronor)", "X, 2 500 000 kronor": the amount a measure was applied for.
_NAMED_AMOUNT = r"\s*(?:\(\s*|,\s*|:\s*|\s-\s*)(?P<amount>\d[^()]*?)(?:\)|,|\.|\s+och\b|$)"


def measure_lists(doc: Document) -> list[list[ListItem]]:
    """Lists of measures: not attachments or distribution, not a list of what was decided."""
    return [items for items in bullet_lists(doc) if is_measure_list(items)]


def _list_outcome(doc: Document, items: list[ListItem]) -> str:
    """Rejected when the list sits under an 'avslås' heading or is introduced as rejected."""
    first: Line = items[0].lines[0]
    heading = None
    for line in doc.headings:
        if line.start < first.start:
            heading = line
    intro = items[0].intro.text if items[0].intro else ""
    if (heading and _REJECT_HEADING.search(heading.content)) or _REJECT_HEADING.search(intro):
        return "rejected"
    return "granted"


def decision_measures(doc: Document) -> list[Measure]:
    measures: list[Measure] = []
    for items in measure_lists(doc):
        outcome = _list_outcome(doc, items)
        if (
            outcome == "granted"
            and not any(find_amounts(i.text) for i in items)
            and not (items[0].intro and _MEASURE_INTRO.search(items[0].intro.text))
        ):
            continue
        measures.extend(measure_from_item(doc, item, outcome) for item in items)
    if not any(m.outcome != "rejected" for m in measures):
        measures[:0] = _prose_grants(doc) or table_measures(doc, outcome="granted")
    measures.extend(_prose_rejections(doc, measures))
    _shares_named_apart(doc, measures)
    _amounts_named_elsewhere(doc, measures)
    return measures


def _prose_grants(doc: Document) -> list[Measure]:
    out = []
    for sentence in doc.sentences:
        match = _PROSE_GRANT.match(sentence.text)
        if match and not re.match(r"(?:åtgärder|insatser) i enlighet", match.group("what"), re.I):
            item = ListItem(sentence.text, sentence.start, sentence.end, (), None)
            out.append(measure_from_item(doc, item, "granted"))
        elif _GRANTS_WITH.match(sentence.text):
            out.extend(_amount_first_grants(doc, sentence))
    return out


def _amount_first_grants(doc: Document, sentence: Sentence) -> list[Measure]:
    """'Bidrag beviljas med 6 000 000 kronor för A och med 3 000 000 kronor för B.'"""
    out = []
    for amount in doc.amounts(sentence):
        what = _FOR_WHAT.match(sentence.text[amount.end :])
        if what is None:
            continue
        start = sentence.start + amount.end + what.start("what")
        title = clean_title(what.group("what"))
        if not title:
            continue
        measure = Measure(
            Found(title, doc.span(start, start + len(what.group("what")))),
            "granted",
            span=doc.span(sentence.start, sentence.end),
        )
        measure.granted_sek = Found(
            amount.value, doc.span(sentence.start + amount.start, sentence.start + amount.end)
        )
        out.append(measure)
    return out


def similar(a: str, b: str) -> bool:
    """Most of the longer words of ``a`` (by their first six letters) are in ``b``."""
    words = {w[:6] for w in re.findall(r"\w+", a.lower()) if len(w) >= 4}
    other = {w[:6] for w in re.findall(r"\w+", b.lower()) if len(w) >= 4}
    return bool(words) and len(words & other) / len(words) >= 0.6


# Words every grant sentence has; sharing them says nothing about which measure is meant.
_COMMON = frozenset(
    w[:6]
    for w in [
        "bidrag",
        "bidraget",
        "åtgärd",
        "åtgärden",
        "ansökt",
        "ansökan",
        "belopp",
        "beloppet",
        "hälso",
        "sjukvård",
        "region",
        "regionen",
        "beviljas",
        "avslås",
        "effektiv",
        "effektivare",
        "delegationen",
        "sökta",
    ]
)


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"\w+", text.lower()) if len(w) >= 4} - _COMMON


def _named(measures: list[Measure], text: str) -> Measure | None:
    """The measure ``text`` names, perhaps in short ("läkemedelsavstämningen"): the one sharing
    the most telling words with it, and more than any other."""
    words = _stems(text)
    scored = sorted(
        ((len(_stems(m.title.value) & words), m) for m in measures),
        key=lambda pair: -pair[0],
    )
    if not scored or not scored[0][0]:
        return None
    best, measure = scored[0]
    return measure if len(scored) == 1 or scored[1][0] < best else None


def _prose_rejections(doc: Document, known: list[Measure]) -> list[Measure]:
    out: list[Measure] = []
    sentences = doc.sentences
    for index, sentence in enumerate(sentences):
        lowered = sentence.text.lower()
        if "avsl" not in lowered and " inte " not in lowered:
            continue  # cheap filter before the costly patterns
        if _partial_rejection(doc, sentences, index, known):
            continue
        match = _PROSE_REJECT.match(sentence.text)
        if not match:
            continue
        reason = _reason(doc, sentences, index)
        group = "list" if match.group("list") else "one"
        base = sentence.start + match.start(group)
        plural = index + 1 < len(sentences) and bool(_PLURAL.search(sentences[index + 1].text))
        parts = (
            split_prose_list(match.group(group), split_pair=plural)
            if group == "list"
            else [(match.group(group), 0, len(match.group(group)))]
        )
        amounts = doc.amounts(sentence)
        for text, start, end in parts:
            title = clean_title(text)
            if not title or any(similar(title, m.title.value) for m in known + out):
                continue
            measure = Measure(
                Found(title, doc.span(base + start, base + end)),
                "rejected",
                span=doc.span(sentence.start, sentence.end),
            )
            measure.granted_sek = Found(0)
            # Its own amount, in its part ("X (5,3 mnkr)"), or the sentence's when it is alone.
            own = find_amounts(text)
            if own:
                at = base + start + own[0].start
                found = Found(own[0].value, doc.span(at, at + len(own[0].text)))
                measure.rejected_sek = measure.applied_sek = found
            elif len(parts) == 1 and amounts:
                measure.rejected_sek = measure.applied_sek = _found_amount(
                    doc, amounts[0], sentence
                )
            measure.reason = reason
            out.append(measure)
    return out


def _found_amount(doc: Document, amount: AmountMatch, sentence: Sentence) -> Found[int]:
    return Found(amount.value, doc.span(sentence.start + amount.start, sentence.start + amount.end))


def _partial_rejection(
    doc: Document, sentences: list[Sentence], index: int, known: list[Measure]
) -> bool:
    """A rejected part of a granted measure: by its share or as 'the rest' of it."""
    sentence = sentences[index]
    partial = _PARTIAL_REJECT.search(sentence.text)
    rest = None if partial else _REST_REJECT.search(sentence.text)
    if partial is None and rest is None:
        return False
    if partial is not None:
        measure = _named(known, clean_title(partial.group("what")))
    elif _THIS_MEASURE.search(sentence.text) and index > 0:
        measure = _named(known, sentences[index - 1].text)
    else:
        measure = _named(known, sentence.text)
    amounts = doc.amounts(sentence)
    if measure is None or not amounts:
        return partial is not None
    if measure.rejected_sek is None:
        measure.rejected_sek = _found_amount(doc, amounts[0], sentence)
    if measure.applied_sek is None and measure.granted_sek is not None:
        measure.applied_sek = Found(measure.granted_sek.value + measure.rejected_sek.value)
    if measure.outcome == "granted":
        measure.outcome = "partially_granted"
    if measure.reason is None:
        because = _BECAUSE.search(sentence.text)
        measure.reason = (
            Found(sentence.text, doc.span(sentence.start, sentence.end))
            if because
            else _reason(doc, sentences, index)
        )
    return True


def _shares_named_apart(doc: Document, measures: list[Measure]) -> None:
    """'Bidraget för X motsvarar en tredjedel av det sökta beloppet': X's applied amount."""
    for sentence in doc.sentences:
        share = share_of(sentence.text)
        if share is None or not 0 < share < 1 or "avslås" in sentence.text:
            continue
        measure = _named([m for m in measures if m.applied_sek is None], sentence.text)
        if measure is None or measure.granted_sek is None or not measure.granted_sek.value:
            continue
        applied = round_sek(Decimal(measure.granted_sek.value) / share)
        measure.applied_sek = Found(applied, doc.span(sentence.start, sentence.end))
        measure.rejected_sek = Found(applied - measure.granted_sek.value)
        measure.outcome = "partially_granted"


def _amounts_named_elsewhere(doc: Document, measures: list[Measure]) -> None:
    """A rejected or partly granted measure without its amount takes the amount written beside
    its name where the decision recounts the application ('X (4 900 000 kronor)')."""
    for measure in measures:
        wanting = (measure.outcome == "rejected" and measure.rejected_sek is None) or (
            measure.outcome == "partially_granted" and measure.applied_sek is None
        )
        if not wanting:
            continue
        words = measure.title.value.split()[:6]
        name = r"\s+".join(re.escape(w) for w in words)
        for match in re.finditer(name + r"[^()\n,.]{0,60}?" + _NAMED_AMOUNT, doc.text, re.I):
            amounts = find_amounts(match.group("amount"))
            if not amounts:
                continue
            start = match.start("amount") + amounts[0].start
            found = Found(amounts[0].value, doc.span(start, start + len(amounts[0].text)))
            measure.applied_sek = found
            if measure.outcome == "rejected":
                measure.rejected_sek = found
            elif measure.granted_sek is not None:
                measure.rejected_sek = Found(found.value - measure.granted_sek.value)
            break


def _reason(doc: Document, sentences: list[Sentence], index: int) -> Found[str] | None:
    """The sentence after a rejection, when it explains it (not another rejection)."""
    if index + 1 >= len(sentences):
        return None
    nxt = sentences[index + 1]
    if _PROSE_REJECT.match(nxt.text) or _PARTIAL_REJECT.search(nxt.text) or find_amounts(nxt.text):
        return None
    if not re.search(r"\b(?:bedömer|bedöms|eftersom|därför|inte|prioriter)\w*", nxt.text, re.I):
        return None
    return Found(nxt.text, doc.span(nxt.start, nxt.end))
