"""The document's text, page by page, with every extracted value marked where it was found."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sprida.intake.models import Document


def _non_overlapping(spans: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any]]]:
    chosen: list[tuple[int, dict[str, Any]]] = []
    end = -1
    for index, span in sorted(enumerate(spans), key=lambda p: (p[1]["start"], -p[1]["end"])):
        if span["start"] >= end:
            chosen.append((index, span))
            end = span["end"]
    return chosen


def highlighted_pages(document: Document, spans: list[dict[str, Any]]) -> list[SafeString]:
    text = document.text
    marks = _non_overlapping(spans)
    parts: list[str] = []
    cursor = 0
    for index, span in marks:
        start, stop = max(span["start"], cursor), min(span["end"], len(text))
        if start >= stop:
            continue
        parts.append(escape(text[cursor:start]))
        title = escape(f"{span['path']}: {span['value']}")
        parts.append(f'<mark id="span-{index}" title="{title}">{escape(text[start:stop])}</mark>')
        cursor = stop
    parts.append(escape(text[cursor:]))
    return [mark_safe(page) for page in "".join(parts).split("\f")]
