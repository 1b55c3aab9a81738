"""People named in a document: signature blocks, officers in prose, name lines with titles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sprida.core.regionnames import find_regions

from .document import Document, Line
from .signatures import column_signatories

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
# Lines after which the next name lines are signatories.
_SIGNATURE_CUES = re.compile(
    r"^(?:i tjänsten|enligt uppdrag|med vänlig hälsning|för [\w\s-]+|på [\w\s]+ vägnar"
    r"|justeras|underskrifter|[A-ZÅÄÖ]{4,}(?:\s[A-ZÅÄÖ]+)*)$",
    re.IGNORECASE,
)
# A title before a name in running text: "säger sjukvårdsminister Elin Sjöberg", "enligt
# hälso- och sjukvårdsdirektör Maria Stenlund", "regionstyrelsens ordförande Nils Wiklund",
# "juristen Erik Holmberg", "handläggarna Sofia Lindqvist och Jonas Berglund".
_TITLE_STEM = (
    r"(?:minister|statsråd|direktör|ordförande|chef|handläggar|jurist|utredar|sekreterar|"
    r"strateg|samordnar|koordinator|controller|ekonom|projektledar|läkar|kommunalråd|regionråd|"
    r"talesperson|registrator|rådgivar|specialist|analytiker|samordnare|ombud)"
)
_TITLED_NAME = re.compile(
    r"(?i:(?P<title>(?:\b[a-zåäö]+s[ ]+)?(?:\b[a-zåäö]+-[ ]+och[ ]+)?\b[a-zåäö]*"
    + _TITLE_STEM
    + r"(?:e|et|en|n|na|arna|erna)?))[ ]+"
    rf"(?P<name>{NAME_RE.pattern})(?:[ ]+och[ ]+(?P<second>{NAME_RE.pattern}))?"
)
# "Elin Åkesson, ordförande", "Helena Sjödin (S), ordförande", "Tomas Lind (KD)"
_NAME_WITH_ROLE = re.compile(
    rf"(?P<name>{NAME_RE.pattern})\s*(?P<party>\([A-ZÅÄÖ]{{1,3}}\))?"
    r"(?:,\s*(?P<title>(?:[a-zåäö][a-zåäö -]*?)?(?:direktör|ordförande|chef|sekreterare|justerare|"
    r"ledamot|ersättare|handläggare|strateg|controller|ekonom|samordnare|projektledare)"
    r"(?:\s+(?:i|vid|för|på)\s+[A-ZÅÄÖ][\wåäö-]+)?))?"
    r"(?=\s*(?:,|;|$|\n))",
)
_CAPS_NAME = re.compile(r"^[A-ZÅÄÖÉÜ]{2,}(?:-[A-ZÅÄÖÉÜ]{2,})?(?: [A-ZÅÄÖÉÜ]{2,}){1,2}$")
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


def _is_title(text: str) -> bool:
    """A short title or role on its own: 'Hälso- och sjukvårdsdirektör', 'Utvecklingsstrateg'."""
    return bool(_TITLE_WORDS.search(text)) and len(text.split()) <= 6 and not re.search(r"\d", text)


def _title_line(line: Line | None) -> str | None:
    if line is None or len(line.text) > 70 or line.text.endswith("."):
        return None
    if _TITLE_WORDS.search(line.text) and not re.search(r"\d{3}|@", line.text):
        return line.content.strip()
    return None


def _label_above(text: str, match: re.Match[str]) -> bool:
    """A cue alone on its line, and the name the whole of the next: not 'X (S), ordförande'
    ending one line of a members list, nor the first of two names on a signature row."""
    line_start = text.rfind("\n", 0, match.start("cue")) + 1
    line_end = text.find("\n", match.start("name"))
    line_end = len(text) if line_end < 0 else line_end
    alone = not text[line_start : match.start("cue")].strip()
    return alone and text[match.start("name") : line_end].strip() == match.group("name")


def _indefinite(title: str) -> str:
    """'juristen' -> 'Jurist', 'handläggaren' -> 'Handläggare', 'statsrådet' -> 'Statsråd';
    'ordförande i Effektivitetsdelegationen' keeps its organisation whole."""
    if " " not in title or re.search(_TITLE_STEM + r"\w*$", title, re.IGNORECASE):
        # "-aren" is an agent noun's definite form ("projektledaren"), not "-en" after "-ar".
        ending = r"(?<=are)n$" if title.endswith("aren") else r"(?<=[^aeiouyåäö])(?:en|et)$"
        title = re.sub(ending, "", title)
    return title[:1].upper() + title[1:]


def _signed_after_cue(lines: list[Line], line: Line) -> bool:
    """A name line in a run of name lines that follows a signature cue."""
    index = line.index - 1
    while index >= 0 and (_is_name(lines[index].text) or _CAPS_NAME.match(lines[index].text)):
        index -= 1
    return index >= 0 and bool(_SIGNATURE_CUES.match(lines[index].text.strip()))


def _prose_people(doc: Document) -> list[PersonHit]:
    """Titles before names and names with their role after a comma, in running text."""
    hits: list[PersonHit] = []
    for match in _TITLED_NAME.finditer(doc.text):
        plural = match.group("second") is not None
        title = None if plural else _indefinite(match.group("title").strip())
        for group in ("name", "second"):
            name = match.group(group)
            if name and _is_name(name):
                hits.append(PersonHit(name, title, match.start(group), match.end(group)))
    for match in _NAME_WITH_ROLE.finditer(doc.text):
        if not (match.group("party") or match.group("title")) or not _is_name(match.group("name")):
            continue
        title = _indefinite(match.group("title")) if match.group("title") else None
        hits.append(PersonHit(match.group("name"), title, match.start("name"), match.end("name")))
    return hits


def _more_telling(hit: PersonHit, known: PersonHit) -> bool:
    """Whether ``hit``'s title should replace ``known``'s: what the text says someone did
    outranks a title guessed from the layout, and 'regionstyrelsens ordförande' outranks the
    'ordförande' it ends with."""
    if known.title is None:
        return True
    assert hit.title is not None
    new, old = hit.title.lower(), known.title.lower()
    if new != old and (new.endswith(old) or old.endswith(new)):
        return len(new) > len(old)
    return hit.prose and not known.prose


def find_people(doc: Document) -> list[PersonHit]:
    """People with an optional title, deduplicated by name, in order of appearance."""
    hits: list[PersonHit] = []
    lines = doc.lines
    header = {line.index for line in doc.header_lines()}
    for line in lines:
        text = line.content.strip()
        if _CAPS_NAME.match(text) and _signed_after_cue(lines, line):
            # "ELIN SJÖBERG" under "På regeringens vägnar".
            name = text.title()
            hits.append(PersonHit(name, None, line.content_start, line.content_start + len(text)))
            continue
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
        signed = _signed_after_cue(lines, line)
        if title or contact or signed or label or line.index in header:
            hits.append(PersonHit(text, title, line.content_start, line.content_start + len(text)))
    for match in _CUE_RE.finditer(doc.text):
        name = match.group("name")
        # A cue on a line of its own ("Kontaktperson" above the name) is layout, not prose.
        prose = "\n" not in doc.text[match.end("cue") : match.start("name")]
        if _is_name(name) and (prose or _label_above(doc.text, match)):
            title = _cue_title(match.group("cue"))
            hits.append(PersonHit(name, title, match.start("name"), match.end("name"), prose))
    hits.extend(_prose_people(doc))
    names = {hit.name for hit in hits}
    for signatory in column_signatories(doc, _is_name, names, _is_title):
        hits.append(PersonHit(signatory.name, signatory.role, signatory.start, signatory.end))
    hits.sort(key=lambda h: h.start)
    merged: dict[str, PersonHit] = {}
    for hit in hits:
        known = merged.get(hit.name)
        if known is None:
            merged[hit.name] = hit
        elif hit.title and _more_telling(hit, known):
            merged[hit.name] = PersonHit(hit.name, hit.title, known.start, known.end, hit.prose)
    return list(merged.values())
