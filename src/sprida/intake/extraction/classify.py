"""Document type from general Swedish administrative cues, weighted by where they appear."""

from __future__ import annotations

import re

from .document import Document

DOCUMENT_TYPES = ("decision", "application_memo", "protocol_excerpt", "report", "other")

# (pattern, weight in the header/title, weight in the body)
_CUES: dict[str, list[tuple[re.Pattern[str], int, int]]] = {
    "protocol_excerpt": [
        (re.compile(r"\bprotokoll(?:sutdrag|et)?\b|\butdrag ur protokoll", re.I), 6, 1),
        (re.compile(r"^§\s*\d+", re.M), 5, 4),
        # Adjustment as a label of the minutes, not "paragrafen justeras omedelbart" in prose.
        (
            re.compile(
                r"^(?:justerare|justerande|justeras|justering|justerat|utses att justera)\b",
                re.I | re.M,
            ),
            4,
            4,
        ),
        (re.compile(r"\bsammanträdesdatum\b|\bplats och tid\b|\bvid protokollet\b", re.I), 4, 4),
        (re.compile(r"\bnärvarande\b|\bbeslutande\b|\bledamöter\b", re.I), 2, 1),
    ],
    "decision": [
        (re.compile(r"^beslut\b(?! om att ansöka)", re.I | re.M), 5, 2),
        (re.compile(r"\bbeslutar att (?:delvis )?(?:bevilja|avslå)\b", re.I), 3, 4),
        (re.compile(r"\bbidrag (?:beviljas|avslås)\b", re.I), 2, 3),
        (re.compile(r"\bfår (?:inte )?överklagas\b|\bhur man överklagar\b", re.I), 2, 3),
        (re.compile(r"\bskälen för beslutet\b|\bbeslutsmotivering\b", re.I), 2, 2),
    ],
    "application_memo": [
        (re.compile(r"\btjänsteskrivelse\b|\bföredragnings-?pm\b|\bpromemoria\b", re.I), 6, 2),
        (re.compile(r"\bförslag till beslut\b|ens förslag\b", re.I), 3, 3),
        (re.compile(r"\bärendebeskrivning\b|\bbeslutsunderlag\b|\bsammanfattning\b", re.I), 3, 2),
        (re.compile(r"\bföreslås besluta\b|\bföreslår\s+\w+\s+besluta\b", re.I), 3, 3),
        (re.compile(r"\bansöka om (?:stats)?bidrag\b|\bansöker om (?:stats)?bidrag\b", re.I), 2, 2),
        (re.compile(r"\bi tjänsten\b|\butdrag till\b|\bskickas till\b", re.I), 2, 2),
    ],
    "report": [
        (
            re.compile(r"\b(?:del|slut)redovisning\b|\blägesrapport\b|\bredovisning av\b", re.I),
            7,
            1,
        ),
        (re.compile(r"\buppföljning av\b|\bresultat och effekter\b", re.I), 2, 1),
    ],
}


def _count(pattern: re.Pattern[str], text: str, limit: int) -> int:
    count = 0
    for _ in pattern.finditer(text):
        count += 1
        if count >= limit:
            break
    return count


def classify_scores(doc: Document) -> dict[str, int]:
    header = "\n".join(line.content for line in doc.lines[:8])
    body = "\n".join(line.content for line in doc.lines[8:])
    scores = dict.fromkeys(DOCUMENT_TYPES, 0)
    for kind, cues in _CUES.items():
        for pattern, head_weight, body_weight in cues:
            scores[kind] += head_weight * _count(pattern, header, 1)
            scores[kind] += body_weight * _count(pattern, body, 2)
    return scores


# Kinds of document that are none of ours, named in the letterhead.
_OTHER_KIND = re.compile(
    r"^(?:pressmeddelande|pressinformation|nyhetsbrev\b.*|nyhet|[\w ]+ informerar|kallelse|"
    r"föredragningslista|dagordning|regeringsbeslut\b.*|svensk författningssamling|"
    r"sfs\s+\d{4}:\d+|inbjudan\b.*|remiss\b.*|kommittédirektiv)$",
    re.I,
)
_MINISTRY = re.compile(r"\b\w+departementet\b|\bregeringskansliet\b", re.I)
_MINISTRY_MEMO = re.compile(r"^(?:promemoria|pm)$", re.I)
# A regulation or a government decision says so in its own words.
_GOVERNMENT = re.compile(r"\bföreskriver följande\b|\bpå regeringens vägnar\b", re.I)


def is_other(doc: Document) -> bool:
    """A press release, newsletter, agenda, regulation, government decision or ministry memo."""
    header = [cell.strip() for line in doc.lines[:8] for cell in line.content.split(" | ")]
    if any(_OTHER_KIND.match(cell) for cell in header):
        return True
    ministry = any(_MINISTRY.search(cell) for cell in header)
    if ministry and any(_MINISTRY_MEMO.match(cell) for cell in header):
        return True
    return bool(_GOVERNMENT.search(doc.text))


def classify(doc: Document) -> str:
    """One of DOCUMENT_TYPES, from the document's structure: what its letterhead says it is,
    then weighted cues. A protocol's § and adjustment labels outweigh the memo text it quotes."""
    if is_other(doc):
        return "other"
    scores = classify_scores(doc)
    kind, best = max(scores.items(), key=lambda item: item[1])
    return kind if best >= 4 else "other"
