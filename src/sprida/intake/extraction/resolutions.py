"""What a body resolves: one string per att-clause ('… beslutar att …')."""

from __future__ import annotations

import re

from .document import Document
from .result import Found

_ANCHOR_END = re.compile(
    r"(?:beslutar|besluta|beslöt|beslutade|föreslår|föreslås|föreslog|föreslagit)"
    r"(?:\s+(?:för egen del|för sin del|enligt följande|följande))?\s*:?$|:$",
    re.I,
)
_ATT_LINE = re.compile(r"^att\s+", re.I)
_INLINE = re.compile(
    r"\b(?:beslutar|beslöt|beslutade|föreslås besluta|föreslår\s+\w+\s+besluta|föreslår)\s+"
    r"(?:(?:därför|vidare|också|enligt följande)\s+)?(?P<clause>att\s+.+)",
    re.I,
)
_DECISION_HEADING = re.compile(r"^(?:#+\s*)?(?:\w+s\s+)?beslut:?$", re.I)
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+(?P<text>\S.*)$")
_TRAILER = re.compile(r"(?:[,;]\s*(?:samt|och)?|\s+samt|\s+och|\.)\s*$", re.I)


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    previous = None
    while previous != text:
        previous = text
        text = _TRAILER.sub("", text).strip()
    return text


def extract_resolutions(doc: Document) -> list[Found[str]]:
    out: list[Found[str]] = []
    seen: set[str] = set()

    def add(text: str, start: int) -> None:
        clause = _clean(text)
        key = clause.lower()
        if len(clause.split()) >= 3 and key not in seen:
            seen.add(key)
            out.append(Found(clause, doc.span(start, start + len(text.rstrip()))))

    lines = doc.lines
    for index, line in enumerate(lines):
        if not _ATT_LINE.match(line.content):
            continue
        # An att-line belongs to a resolution list when the line before it is an anchor
        # ("… beslutar") or another att-clause of the same list.
        back = index - 1
        while back >= 0 and _ATT_LINE.match(lines[back].content):
            back -= 1
        if back >= 0 and _ANCHOR_END.search(lines[back].content.strip()):
            add(line.content, line.content_start)
    if not out:
        # "Regionstyrelsens beslut" followed by numbered points: each point is a resolution.
        for index, line in enumerate(lines):
            if not _DECISION_HEADING.match(line.text.strip()):
                continue
            for item in lines[index + 1 :]:
                numbered = _NUMBERED.match(item.text)
                if numbered is None:
                    if item.text.strip():
                        break
                    continue
                add(numbered.group("text"), item.start + numbered.start("text"))
    for sentence in doc.sentences:
        if _ATT_LINE.match(sentence.text):
            continue
        match = _INLINE.search(sentence.text)
        if match:
            clause = match.group("clause")
            for part_start, part in _split_att(clause):
                add(part, sentence.start + match.start("clause") + part_start)
    return out


def _split_att(clause: str) -> list[tuple[int, str]]:
    """'att A, att B samt att C' -> three clauses."""
    cuts = [m.start() for m in re.finditer(r"(?:,|;|\s+samt|\s+och)\s+(?=att\s)", clause)]
    if not cuts:
        return [(0, clause)]
    parts = []
    start = 0
    for cut in cuts:
        parts.append((start, clause[start:cut]))
        start = cut + len(re.match(r"(?:,|;|\s+samt|\s+och)\s+", clause[cut:]).group(0))  # type: ignore[union-attr]
    parts.append((start, clause[start:]))
    return parts
