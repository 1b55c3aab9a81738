"""Signature blocks in columns: a row of names beside a row of roles.

    Clas Rehnberg | Amira Haddad        (columns kept apart, see text.CELL_SEPARATOR)
    Ordförande | Handläggare

or, from a PDF whose columns came out as one line, "Karin Holm Maria Carlsson" above
"Sekreterare Ordförande": as many names as roles, each name two words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

from .document import Document, Line
from .text import CELL_SEPARATOR

ROLE_WORDS = (
    r"ordförande|vice ordförande|justerare|justerande|sekreterare|nämndsekreterare|"
    r"handläggare|föredragande|ledamot|ersättare|regiondirektör|generaldirektör|kanslichef|"
    r"direktör|chef|utredare|jurist"
)
_ROLES_RUN = re.compile(rf"^(?:(?:{ROLE_WORDS})(?:\s+|$))+$", re.IGNORECASE)
_ROLE_TOKEN = re.compile(rf"\b(?:vice ordförande|{ROLE_WORDS})\b", re.IGNORECASE)
_WORD = re.compile(r"[A-ZÅÄÖÉÜ][a-zåäöéüøæß]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüøæß]+)?")


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str
    start: int
    end: int


def _cells(line: Line) -> list[tuple[str, int]]:
    out, offset = [], 0
    for cell in line.text.split(CELL_SEPARATOR):
        stripped = cell.strip()
        out.append((stripped, line.start + offset + cell.find(stripped)))
        offset += len(cell) + len(CELL_SEPARATOR)
    return out


def _neighbours(doc: Document, line: Line) -> list[Line]:
    out = []
    for index in (line.index - 1, line.index + 1):
        if 0 <= index < len(doc.lines):
            out.append(doc.lines[index])
    return out


def _from_cells(
    doc: Document, line: Line, is_name: Callable[[str], bool], is_title: Callable[[str], bool]
) -> Iterator[Signatory]:
    cells = _cells(line)
    if len(cells) < 2 or not all(is_title(text) for text, _ in cells):
        return
    for other in _neighbours(doc, line):
        names = _cells(other)
        if len(names) == len(cells) and all(is_name(text) for text, _ in names):
            for (role, _), (name, start) in zip(cells, names, strict=True):
                yield Signatory(name, role, start, start + len(name))
            return


def _split_names(words: list[re.Match[str]], count: int, known: Collection[str]) -> list[int]:
    """How many words each of ``count`` names has: names known from elsewhere in the document
    first ('Carl Johan Ström' from the members list), else two words each."""
    sizes: list[int] = []
    at = 0
    while at < len(words) and len(sizes) < count:
        size = next(
            (
                n
                for n in (3, 2)
                if at + n <= len(words)
                and " ".join(w.group(0) for w in words[at : at + n]) in known
            ),
            2,
        )
        sizes.append(size)
        at += size
    return sizes if at == len(words) and len(sizes) == count else []


def _from_one_line(
    doc: Document, line: Line, is_name: Callable[[str], bool], known: Collection[str]
) -> Iterator[Signatory]:
    if CELL_SEPARATOR in line.text or not _ROLES_RUN.match(line.text):
        return
    roles = _ROLE_TOKEN.findall(line.text)
    if len(roles) < 2:
        return
    for other in _neighbours(doc, line):
        words = list(_WORD.finditer(other.text))
        sizes = _split_names(words, len(roles), known)
        if not sizes or " ".join(w.group(0) for w in words) != other.text:
            continue
        at = 0
        for role, size in zip(roles, sizes, strict=True):
            first, last = words[at], words[at + size - 1]
            at += size
            name = other.text[first.start() : last.end()]
            if not is_name(name):
                break
            yield Signatory(name, role, other.start + first.start(), other.start + last.end())
        return


def column_signatories(
    doc: Document,
    is_name: Callable[[str], bool],
    known: Collection[str],
    is_title: Callable[[str], bool],
) -> list[Signatory]:
    """Names paired with the roles or titles beside them, for rows of two or more columns."""
    out: list[Signatory] = []
    for line in doc.lines:
        out.extend(_from_cells(doc, line, is_name, is_title))
        out.extend(_from_one_line(doc, line, is_name, known))
    return out
