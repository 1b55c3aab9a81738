"""The document's text, page by page, with every extracted value marked where it was found."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sprida.intake.labels import describe
from sprida.intake.models import Document


def _non_overlapping(spans: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    chosen: list[tuple[int, dict[str, Any]]] = []
    end = -1
    for index, span in sorted(enumerate(spans), key=lambda p: (p[1]["start"], -p[1]["end"])):
        if span["start"] >= end:
            chosen.append((index, span))
            end = span["end"]
    return chosen


def _with_focus(
    marks: list[tuple[int, dict[str, Any]]], spans: list[dict[str, Any]], focus: str | None
) -> list[tuple[int, dict[str, Any]]]:
    """The marks, with the span of path `focus` among them (in place of any it overlaps)."""
    found = next(((i, s) for i, s in enumerate(spans) if s["path"] == focus), None)
    if found is None:
        return marks
    start, end = found[1]["start"], found[1]["end"]
    kept = [(i, s) for i, s in marks if s["end"] <= start or s["start"] >= end]
    return sorted([*kept, found], key=lambda p: p[1]["start"])


def highlighted_pages(
    document: Document, spans: list[dict[str, Any]], focus: str | None = None
) -> list[SafeString]:
    """The pages with every value marked; the value at path `focus` (e.g. 'measures[2].title')
    is marked with id "vald", so a link ending in #vald opens the document at it."""
    text = document.text
    marks = _with_focus(_non_overlapping(spans), spans, focus)
    parts: list[str] = []
    cursor = 0
    for index, span in marks:
        start, stop = max(span["start"], cursor), min(span["end"], len(text))
        if start >= stop:
            continue
        parts.append(escape(text[cursor:start]))
        title = escape(describe(span["path"], span["value"]))
        if focus is not None and span["path"] == focus:
            attributes = f'id="vald" class="focus" title="{title}"'
            focus = None  # one mark carries the id
        else:
            attributes = f'id="span-{index}" title="{title}"'
        # The description as text too: a title alone reaches neither keyboard nor screen reader.
        hidden = f'<span class="visually-hidden"> ({title})</span>'
        parts.append(f"<mark {attributes}>{escape(text[start:stop])}{hidden}</mark>")
        cursor = stop
    parts.append(escape(text[cursor:]))
    return [mark_safe(page) for page in "".join(parts).split("\f")]
