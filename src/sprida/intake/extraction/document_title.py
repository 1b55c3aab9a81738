"""The document's title: the subject line after the letterhead, or a protocol item's heading.

A letterhead is made of things that are not the subject: the organisation and its units, the
kind of document, dates, case numbers, addresses, labelled fields and names. The title is the
first line that is none of these.
"""

from __future__ import annotations

import re

from sprida.core.regionnames import find_regions

from .dates import find_dates
from .document import Document, Line
from .fields import KNOWN_LABEL
from .identifiers import find_case_numbers
from .letterhead import BODY_RE
from .result import Found
from .text import CELL_SEPARATOR

# The kind of document alone on its line: "TJÄNSTESKRIVELSE", "Regeringsbeslut I:4"
KIND_LINE = re.compile(
    r"^(?:tjänsteskrivelse|tjänsteutlåtande|föredragnings-?pm|promemoria|pm|beslut|protokoll|"
    r"protokollsutdrag|utdrag ur protokoll(?:et)?\b.*|utdrag|kallelse|föredragningslista|"
    r"pressmeddelande|nyhet|nyhetsbrev\b.*|regeringsbeslut(?:\s+[\w:]+)?|delredovisning|"
    r"slutredovisning|lägesrapport|rapport|bilaga(?:\s+\d+)?|missiv|skrivelse|yttrande|"
    r"svensk författningssamling|sfs\s+\d{4}:\d+|anslag/bevis|[\w ]+ informerar)$",
    re.IGNORECASE,
)
# Organisations and their units: "Hälso- och sjukvårdsförvaltningen", "Socialdepartementet".
_UNIT = re.compile(
    r"^(?:[\wåäöÅÄÖ-]+ och )?[\wåäöÅÄÖ-]*(?:förvaltningen|förvaltning|kontoret|avdelningen|enheten|"
    r"departementet|staben|sekretariatet|kansliet|centrum|centret|regionen|kollegiet|"
    r"delegationen|ledningen|verksamheten)(?:\s+(?:för|vid|i)\s+[\w\s-]+)?$",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    r"^(?:kammarkollegiet|regeringskansliet|regeringen|socialstyrelsen|sveriges kommuner och "
    r"regioner(?: \(skr\))?|skr|c/o\s.+)$",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    r"^(?:box\s+\d+|c/o\b|\d{3}\s?\d{2}\s+[A-ZÅÄÖ]|[A-ZÅÄÖ][\wåäö]+(?:gatan|vägen|torget|plan)\s+\d)"
    r"|\b\d{3}\s?\d{2}\s+[A-ZÅÄÖ][\wåäö]+$",
    re.IGNORECASE,
)
_ADDRESSEE = re.compile(r"^(?:till|mottagare|kopia till|för kännedom)\b", re.IGNORECASE)
_CONTACT = re.compile(r"@|\b(?:tel|telefon|e-post|www)\b|\d{2,4}-\d{2,3}\s?\d{2}", re.IGNORECASE)
_PARAGRAPH_HEADING = re.compile(r"^§\s*\d+\s*(?P<title>\S.*)?$")
_PREPOSITION = re.compile(r"\s(?:om|för|till|av|från|med|inom|vid|i|på|mot)\s", re.IGNORECASE)
_MEMBER = re.compile(r"\([A-ZÅÄÖ]{1,3}\)")


def _skippable(line: Line) -> bool:
    text = line.content.strip()
    if not text or CELL_SEPARATOR in text or len(text) > 200:
        return True
    bare = text.rstrip(":").strip()
    if KIND_LINE.match(bare) or KNOWN_LABEL.match(bare):
        return True
    if _UNIT.match(bare) or _ORGANISATION.match(bare) or re.fullmatch(BODY_RE.pattern, bare):
        return True
    if _ADDRESS.search(text) or _ADDRESSEE.match(text) or _CONTACT.search(text):
        return True
    if re.match(r"^[\w ]{1,30}:\s", text) or _MEMBER.search(text):
        return True  # a labelled field, or a member of the body with a party
    if (find_case_numbers(text) or find_dates(text)) and len(text.split()) <= 8:
        return True  # a letterhead line: "Region Gävleborg TJÄNSTESKRIVELSE RS 2025/0412"
    # The organisation's own name.
    regions = find_regions(text)
    return bool(regions) and regions[0][1] == 0 and regions[0][2] >= len(text.rstrip(".")) - 1


def _found(doc: Document, line: Line, text: str) -> Found[str]:
    start = line.start + line.text.find(text)
    return Found(text.strip(), doc.span(start, start + len(text)))


def protocol_item_title(doc: Document) -> Found[str] | None:
    """'§ 134 Ansökan om …', or '§ 118' with the subject on the next line."""
    for line in doc.lines:
        match = _PARAGRAPH_HEADING.match(line.content)
        if match is None:
            continue
        if match.group("title"):
            return _found(doc, line, match.group("title"))
        following = doc.next_line(line)
        if following is not None and not _skippable(following):
            return _found(doc, following, following.content.strip())
    return None


def extract_title(doc: Document, document_type: str) -> Found[str] | None:
    """A protocol's item heading; else the first markdown heading; else the first subject line."""
    if document_type == "protocol_excerpt" and (title := protocol_item_title(doc)):
        return title
    for line in doc.lines[:20]:
        if 0 < line.md_level <= 2 and not _skippable(line):
            return _found(doc, line, line.content)
    fallback: Line | None = None
    for line in doc.lines[:25]:
        if _skippable(line):
            continue
        text = line.content.strip()
        words = text.split()
        # A subject names something about something: four words, or a preposition in it.
        subject = len(words) >= 4 or (len(words) >= 2 and bool(_PREPOSITION.search(text)))
        if subject and not text.endswith("."):
            return _found(doc, line, text)
        fallback = fallback or line
    return _found(doc, fallback, fallback.content.strip()) if fallback else None
