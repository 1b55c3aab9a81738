"""Measures (åtgärder, insatser, satsningar): from lists and prose, with outcome and amounts."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .amounts import find_amounts
from .dates import find_dates
from .document import Document, Line, split_sentences
from .lists import ListItem, bullet_lists, split_prose_list
from .result import Found, Measure
from .tables import table_measures
from .titles import clean_title, enrich_with_examples

# Lists that are not measures: attachments, distribution, decision basis.
_NOT_MEASURE_INTRO = re.compile(
    r"^(?:bilag|beslutsunderlag|underlag|utdrag till|skickas till|sändlista|kopia|expedieras|"
    r"handlingar|närvarande|ledamöter)",
    re.I,
)
_MEASURE_INTRO = re.compile(
    r"åtgärd|insats|satsning|område|projekt|delprojekt|följande|ansök|bevilja", re.I
)
_REJECT_HEADING = re.compile(r"avslås|avslag|beviljas inte|avslagna", re.I)
_GRANT_AMOUNT = re.compile(r"\b(?:beviljas|beviljat|beviljade)\b[^.]*?$|\bmed\s*$", re.I)
_SHARE = re.compile(
    r"\b(?P<word>hälften|en tredjedel|två tredjedelar|en fjärdedel|tre fjärdedelar)"
    r"\s+av\s+(?:det\s+)?"
    r"(?:ansökt|sökt)|(?P<pct>\d+(?:,\d+)?)\s*(?:procent|%)\s+av\s+(?:det\s+)?(?:ansökt|sökt)",
    re.I,
)
_SHARES = {
    "hälften": Decimal(1) / 2,
    "en tredjedel": Decimal(1) / 3,
    "två tredjedelar": Decimal(2) / 3,
    "en fjärdedel": Decimal(1) / 4,
    "tre fjärdedelar": Decimal(3) / 4,
}
_APPLIED = re.compile(r"\b(?:ansökt|sökt)\s+(?:belopp|bidrag)\s+(?:om|på|var)?\s*$", re.I)
_CONDITION_LEAD = re.compile(
    r"\b(?:med villkoret|på villkor|under förutsättning|villkoret är) att\s+", re.I
)
_CONDITION_VERBS = re.compile(r"\b(?:ska|skall|måste|får inte|får endast|förutsätter)\b", re.I)
_PROSE_REJECT = re.compile(
    r"^(?:Bidrag|Medel|Stöd|Statsbidrag)\s+(?:beviljas|ges|lämnas)\s+inte\s+(?:heller\s+)?(?:till|för)\s+(?P<list>.+?)\.?$"
    r"|^(?:(?:Ansökan om )?(?:bidrag|medel) (?:för|till) |Åtgärden )(?P<one>.+?) avslås\b",
    re.I,
)
_PARTIAL_REJECT = re.compile(
    r"(?:hälften|del|\d+\s*procent|en tredjedel)\s+av\s+(?:det\s+)?"
    r"(?:ansökt|sökt)\w*\s+(?:bidrag|belopp)"
    r"[^.]*?\b(?:för|till)\s+(?P<what>.+?)\s+avslås",
    re.I,
)
# A sentence that gives its own reason: "… avslås eftersom …".
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


def _share(text: str) -> Decimal | None:
    match = _SHARE.search(text)
    if not match:
        return None
    if match.group("word"):
        return _SHARES[match.group("word").lower()]
    return Decimal(match.group("pct").replace(",", ".")) / 100


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _title_sentence(text: str) -> str:
    for sentence in split_sentences(text, 0):
        return sentence.text
    return text


def _measure_from_item(doc: Document, item: ListItem, outcome: str) -> Measure:
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
        share = _share(text)
        if applied is not None:
            measure.applied_sek = Found(
                applied.value, doc.span(item.start + applied.start, item.start + applied.end)
            )
        elif share and granted is not None and 0 < share < 1:
            measure.applied_sek = Found(
                _round(Decimal(granted.value) / share),
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


def _is_measure_list(items: list[ListItem]) -> bool:
    intro = items[0].intro
    if intro is not None and _NOT_MEASURE_INTRO.match(intro.content):
        return False
    return not all(len(item.text.split()) < 2 for item in items)


def decision_measures(doc: Document) -> list[Measure]:
    measures: list[Measure] = []
    for items in bullet_lists(doc):
        if not _is_measure_list(items):
            continue
        outcome = _list_outcome(doc, items)
        if (
            outcome == "granted"
            and not any(find_amounts(i.text) for i in items)
            and not (items[0].intro and _MEASURE_INTRO.search(items[0].intro.text))
        ):
            continue
        measures.extend(_measure_from_item(doc, item, outcome) for item in items)
    if not any(m.outcome != "rejected" for m in measures):
        measures[:0] = _prose_grants(doc)
    measures.extend(_prose_rejections(doc, measures))
    return measures


def _prose_grants(doc: Document) -> list[Measure]:
    out = []
    for sentence in doc.sentences:
        match = _PROSE_GRANT.match(sentence.text)
        if match and not re.match(r"(?:åtgärder|insatser) i enlighet", match.group("what"), re.I):
            item = ListItem(sentence.text, sentence.start, sentence.end, (), None)
            out.append(_measure_from_item(doc, item, "granted"))
        elif _GRANTS_WITH.match(sentence.text):
            out.extend(_amount_first_grants(doc, sentence))
    return out


def _amount_first_grants(doc: Document, sentence: Any) -> list[Measure]:
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


def _similar(a: str, b: str) -> bool:
    words = {w[:6] for w in re.findall(r"\w+", a.lower()) if len(w) >= 4}
    other = {w[:6] for w in re.findall(r"\w+", b.lower()) if len(w) >= 4}
    return bool(words) and len(words & other) / len(words) >= 0.6


def _prose_rejections(doc: Document, known: list[Measure]) -> list[Measure]:
    out: list[Measure] = []
    sentences = doc.sentences
    for index, sentence in enumerate(sentences):
        lowered = sentence.text.lower()
        if "avsl" not in lowered and " inte " not in lowered:
            continue  # cheap filter before the costly patterns
        partial = _PARTIAL_REJECT.search(sentence.text)
        if partial:
            reason = (
                Found(sentence.text, doc.span(sentence.start, sentence.end))
                if _BECAUSE.search(sentence.text)
                else _reason(doc, sentences, index)
            )
            _apply_partial(doc, sentence.text, sentence.start, partial.group("what"), known, reason)
            continue
        match = _PROSE_REJECT.match(sentence.text)
        if not match:
            continue
        reason = _reason(doc, sentences, index)
        group = "list" if match.group("list") else "one"
        base = sentence.start + match.start(group)
        amounts = doc.amounts(sentence)
        plural = index + 1 < len(sentences) and bool(_PLURAL.search(sentences[index + 1].text))
        parts = (
            split_prose_list(match.group(group), split_pair=plural)
            if group == "list"
            else [(match.group(group), 0, len(match.group(group)))]
        )
        for text, start, end in parts:
            title = clean_title(text)
            if not title or any(_similar(title, m.title.value) for m in known + out):
                continue
            measure = Measure(
                Found(title, doc.span(base + start, base + end)),
                "rejected",
                span=doc.span(sentence.start, sentence.end),
            )
            measure.granted_sek = Found(0)
            if len(parts) == 1 and amounts:
                a = amounts[0]
                measure.rejected_sek = Found(
                    a.value, doc.span(sentence.start + a.start, sentence.start + a.end)
                )
                measure.applied_sek = measure.rejected_sek
            measure.reason = reason
            out.append(measure)
    return out


def _reason(doc: Document, sentences: list, index: int) -> Found[str] | None:
    """The sentence after a rejection, when it explains it (not another rejection)."""
    if index + 1 >= len(sentences):
        return None
    nxt = sentences[index + 1]
    if _PROSE_REJECT.match(nxt.text) or _PARTIAL_REJECT.search(nxt.text) or find_amounts(nxt.text):
        return None
    if not re.search(r"\b(?:bedömer|bedöms|eftersom|därför|inte|prioriter)\w*", nxt.text, re.I):
        return None
    return Found(nxt.text, doc.span(nxt.start, nxt.end))


def _apply_partial(
    doc: Document,
    text: str,
    start: int,
    what: str,
    known: list[Measure],
    reason: Found[str] | None,
) -> None:
    title = clean_title(what)
    for measure in known:
        if _similar(title, measure.title.value) or _similar(measure.title.value, title):
            amounts = find_amounts(text)
            if amounts and measure.rejected_sek is None:
                a = amounts[0]
                measure.rejected_sek = Found(a.value, doc.span(start + a.start, start + a.end))
            if measure.outcome == "granted":
                measure.outcome = "partially_granted"
            if measure.reason is None:
                measure.reason = reason
            return


# Memo measures ------------------------------------------------------------------------------

_ORDINALS = "första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde"
_ORDINAL_RE = re.compile(
    rf"\b(?:Det|Den|För det)\s+(?:{_ORDINALS})\s+"
    r"(?:området|satsningen|insatsen|åtgärden|delen|projektet|spåret)?"
    r"\s*(?:handlar om|avser|gäller|syftar till|innebär|är)\s+(?:att\s+)?(?P<what>[^.]+)",
    re.I,
)
_COUNT_WORDS = {
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
}


def memo_measures(doc: Document) -> list[Measure]:
    """Measures applied for: the first relevant list, else ordinal prose
    ('Det första området …')."""
    for items in bullet_lists(doc):
        if not _is_measure_list(items):
            continue
        intro = items[0].intro.text if items[0].intro else ""
        if intro and not _MEASURE_INTRO.search(intro) and not intro.endswith(":"):
            continue
        return [_measure_from_item(doc, item, "applied") for item in items]
    return table_measures(doc) or _ordinal_measures(doc) or _colon_measures(doc)


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


def count_word(text: str) -> int | None:
    """'fyra insatser' -> 4; '3 åtgärder' -> 3."""
    match = re.search(
        r"\b(\d+|"
        + "|".join(_COUNT_WORDS)
        + r")\s+(?:gemensamma\s+)?(?:insatser|åtgärder|satsningar|områden)\b",
        text,
        re.I,
    )
    if not match:
        return None
    word = match.group(1).lower()
    return int(word) if word.isdigit() else _COUNT_WORDS[word]
