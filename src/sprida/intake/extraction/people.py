"""People named in a document: signature blocks, officers in prose, name lines with titles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sprida.core.regionnames import find_regions

from .document import Document, Line

_UPPER = "A-ZÅÄÖÉÜ"
_LOWER = "a-zåäöéüøæß"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_PARTICLE = r"(?:von|van|af|de|der|la)"
NAME_RE = re.compile(rf"{_NAME_WORD}(?: {_PARTICLE})?(?: {_NAME_WORD}){{1,2}}")
_NAME_LINE = re.compile(rf"^{NAME_RE.pattern}$")

# Titles and roles that follow a name line in a signature block.
_TITLE_WORDS = re.compile(
    r"(direktör|chef|ordförande|handläggare|sekreterare|strateg|samordnare|controller|utredare|"
    r"jurist|läkare|ansvarig|ledare|specialist|rådgivare|ekonom|justerare|koordinator|analytiker|"
    r"sjuksköterska|kommunalråd|regionråd|föredragande|registrator|administratör|kanslist|"
    r"ledamot|ersättare|projektledare|verksamhetsutvecklare|chefsjurist|generaldirektör)",
    re.IGNORECASE,
)
# Prose cues: "handläggaren Ida Nyström", "Föredragande har varit X", "Ordförande: X".
_CUE_RE = re.compile(
    r"(?i:\b(?P<cue>handläggaren|handläggare|föredragande(?:\s+har\s+varit)?(?:\s+handläggaren)?|"
    r"ordförande|justerare|justerande|sekreterare|kontaktperson|vid protokollet|"
    r"beslutande|utredaren|utredare|enhetschefen|direktören)\s*:?\s+)"
    rf"(?P<name>{NAME_RE.pattern})",
)
# The role a prose cue gives its person; the first word decides ("Föredragande har varit
# handläggaren X" makes X the rapporteur, whatever their post).
_CUE_TITLES = (
    ("föredragande", "Föredragande"),
    ("handläggare", "Handläggare"),
    ("ordförande", "Ordförande"),
    ("justera", "Justerare"),
    ("sekreterare", "Sekreterare"),
    ("vid protokollet", "Sekreterare"),
    ("kontaktperson", "Kontaktperson"),
    ("beslutande", "Beslutande"),
    ("utredare", "Utredare"),
    ("enhetschef", "Enhetschef"),
    ("direktör", "Direktör"),
)
# Lines after which the next name line is a signatory.
_SIGNATURE_CUES = re.compile(
    r"^(?:i tjänsten|enligt uppdrag|med vänlig hälsning|för [\w\s-]+"
    r"|[A-ZÅÄÖ]{4,}(?:\s[A-ZÅÄÖ]+)*)$",
    re.IGNORECASE,
)
_ROLE_LABEL = re.compile(
    r"^(?:ordförande|vice ordförande|justerare|justerande|sekreterare|vid protokollet)$", re.I
)
_NOT_NAMES = re.compile(
    r"\b(?:Region|Regionen|Regionstyrelsen|Kammarkollegiet|Sverige|Sveriges|Bilaga|Beslut|"
    r"Protokoll|Ansökan|Datum|Diarienummer|Sida|Enligt|Hälso|Delegationen)\b"
)


@dataclass(frozen=True)
class PersonHit:
    name: str
    title: str | None
    start: int
    end: int
    prose: bool = False  # the title comes from a cue in running text, not from layout


def _cue_title(cue: str) -> str | None:
    lowered = cue.lower()
    return next((title for word, title in _CUE_TITLES if lowered.startswith(word)), None)


def _is_name(text: str) -> bool:
    text = text.strip()
    if not _NAME_LINE.match(text) or _NOT_NAMES.search(text) or _TITLE_WORDS.search(text):
        return False
    return not find_regions(text)


def _title_line(line: Line | None) -> str | None:
    if line is None or len(line.text) > 70 or line.text.endswith("."):
        return None
    if _TITLE_WORDS.search(line.text) and not re.search(r"\d{3}|@", line.text):
        return line.content.strip()
    return None


def find_people(doc: Document) -> list[PersonHit]:
    """People with an optional title, deduplicated by name, in order of appearance."""
    hits: list[PersonHit] = []
    lines = doc.lines
    header = {line.index for line in doc.header_lines()}
    for line in lines:
        text = line.content.strip()
        if not _is_name(text):
            continue
        nxt = doc.next_line(line)
        prev = lines[line.index - 1] if line.index > 0 else None
        title = _title_line(nxt)
        label = _ROLE_LABEL.match(prev.text.strip()) if prev is not None else None
        if label:
            # Protocol signatures put the role above the name: "Justerare" / "Karin Berg".
            title = "Sekreterare" if label.group(0).lower() == "vid protokollet" else label.group(0)
        contact = nxt is not None and bool(re.search(r"@|\d{2,3}[- ]\d", nxt.text))
        signed = prev is not None and bool(_SIGNATURE_CUES.match(prev.text.strip()))
        if title or contact or signed or label or line.index in header:
            hits.append(PersonHit(text, title, line.content_start, line.content_start + len(text)))
    for match in _CUE_RE.finditer(doc.text):
        name = match.group("name")
        if _is_name(name):
            title = _cue_title(match.group("cue"))
            # A cue on a line of its own ("Kontaktperson" above the name) is layout, not prose.
            prose = "\n" not in doc.text[match.end("cue") : match.start("name")]
            hits.append(PersonHit(name, title, match.start("name"), match.end("name"), prose))
    hits.sort(key=lambda h: h.start)
    merged: dict[str, PersonHit] = {}
    for hit in hits:
        known = merged.get(hit.name)
        if known is None:
            merged[hit.name] = hit
        elif hit.title and (known.title is None or (hit.prose and not known.prose)):
            # What the text says someone did outranks a title guessed from the layout.
            merged[hit.name] = PersonHit(hit.name, hit.title, known.start, known.end, hit.prose)
    return list(merged.values())
