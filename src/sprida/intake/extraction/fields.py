"""Labelled fields of letterheads and protocol front pages: 'Datum: 2025-06-10', 'Plats och tid |
Regionens hus', or a label on its own line with its value on the next ('Sammanträdesdatum' /
'2025-06-10'). Extractors ask for a field by label instead of guessing from position."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document, Line
from .labels import KNOWN_LABEL
from .text import CELL_SEPARATOR

# "Label: value" with a short label.
_COLON = re.compile(r"^(?P<label>[A-ZÅÄÖa-zåäö][\wåäöÅÄÖ .'/-]{0,40}?)\s*:\s*(?P<value>\S.*)$")
_MAX_LABEL_WORDS = 5


@dataclass(frozen=True)
class Field:
    label: str  # lower case, without the colon
    value: str
    start: int  # where the value starts in the normalised text
    line: int


def _cells(line: Line) -> list[tuple[str, int]]:
    out, offset = [], 0
    for cell in line.text.split(CELL_SEPARATOR):
        out.append((cell, line.start + offset))
        offset += len(cell) + len(CELL_SEPARATOR)
    return out


def _label(text: str) -> str | None:
    text = text.strip().rstrip(":").strip()
    return text.lower() if KNOWN_LABEL.match(text) else None


def _colon_field(cell: str, start: int, index: int) -> Field | None:
    match = _COLON.match(cell)
    if match is None or len(match.group("label").split()) > _MAX_LABEL_WORDS:
        return None
    label = match.group("label").strip().lower()
    return Field(label, match.group("value").strip(), start + match.start("value"), index)


def fields(doc: Document, limit: int = 60) -> list[Field]:
    """Fields in the first ``limit`` lines, in order."""
    cached = doc.cache.get(f"fields:{limit}")
    if cached is not None:
        return cached  # type: ignore[return-value]
    out: list[Field] = []
    lines = doc.lines[:limit]
    for index, line in enumerate(lines):
        cells = _cells(line)
        position = 0
        while position < len(cells):
            cell, start = cells[position]
            label = _label(cell)
            if label and position + 1 < len(cells):
                value, value_start = cells[position + 1]
                out.append(Field(label, value.strip(), value_start, line.index))
                position += 2
                continue
            if label and len(cells) == 1 and index + 1 < len(lines):
                value_line = lines[index + 1]
                if not _label(value_line.text) and not _COLON.match(value_line.text):
                    first, first_start = _cells(value_line)[0]
                    out.append(Field(label, first.strip(), first_start, value_line.index))
            elif found := _colon_field(cell, start, line.index):
                out.append(found)
            position += 1
    doc.cache[f"fields:{limit}"] = out
    return out


def field(
    doc: Document, label: re.Pattern[str], *, exclude: re.Pattern[str] | None = None
) -> Field | None:
    """The first field whose label matches ``label`` (and not ``exclude``)."""
    for found in fields(doc):
        if label.search(found.label) and not (exclude and exclude.search(found.label)):
            return found
    return None
