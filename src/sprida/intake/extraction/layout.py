"""Page furniture: page numbers and the running header and footer repeated on every page.

They are neither titles nor content, so the normaliser blanks them. The letterhead on the first
page stays (it carries the date and case number); its repetitions on later pages go.
"""

from __future__ import annotations

import re
from collections import defaultdict

# "Sida 2 av 5", "2 (5)", "2/5", "- 2 -", "Sida 2"
PAGE_NUMBER = re.compile(
    r"^(?:sida\s+\d{1,3}(?:\s*(?:av|\(|/)\s*\d{1,3}\)?)?|\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|/\s*\d{1,3})"
    r"|-\s*\d{1,3}\s*-)$",
    re.IGNORECASE,
)
_PAGE_SUFFIX = re.compile(r"\s*\bsida\s+\d{1,3}\s*(?:av|\(|/)\s*\d{1,3}\)?$", re.IGNORECASE)
# A short header or footer line ending in "1 (3)": "PROTOKOLL 1 (3)".
_SHORT_SUFFIX = re.compile(r"^(?P<keep>\S.{0,60}?)\s+\d{1,3}\s*\(\s*\d{1,3}\s*\)$")
# The fixed footer of Swedish protocol templates ("Justerandes sign", "Utdragsbestyrkande").
_PROTOCOL_FOOTER = re.compile(
    r"^(?:justerandes\s+sign\w*|utdragsbestyrkande)(?:\W+(?:justerandes\s+sign\w*|utdragsbestyrkande))*\W*$",
    re.IGNORECASE,
)
_EDGE = 3  # lines at the top and bottom of a page that may be furniture


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _furniture_like(text: str) -> bool:
    """Headers and footers are labels, not prose: no closing punctuation, no lowercase start."""
    return bool(text) and not text[0].islower() and text[-1] not in ".,;:!?"


def _pages(texts: list[str], pages: list[int]) -> list[int]:
    """Page numbers per line; without page breaks, page-number lines separate the pages."""
    if len(set(pages)) > 1:
        return pages
    out, page = [], 0
    for text in texts:
        out.append(page)
        if PAGE_NUMBER.match(text):
            page += 1
    return out


def furniture(texts: list[str], pages: list[int]) -> tuple[set[int], dict[int, int]]:
    """Lines to blank (indexes) and lines to shorten (index -> new length).

    ``texts`` are the tidied lines ('' for blank), ``pages`` their page numbers (from page breaks).
    """
    drop: set[int] = set()
    cut: dict[int, int] = {}
    for index, text in enumerate(texts):
        if not text:
            continue
        if PAGE_NUMBER.match(text) or _PROTOCOL_FOOTER.match(text):
            drop.add(index)
        elif match := _PAGE_SUFFIX.search(text):
            cut[index] = match.start()
    pages = _pages(texts, pages)
    edges: dict[tuple[str, str], set[int]] = defaultdict(set)
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_page: dict[int, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        if text and index not in drop:
            by_page[pages[index]].append(index)
    for page, indexes in by_page.items():
        for side, edge in (("top", indexes[:_EDGE]), ("bottom", indexes[-_EDGE:])):
            for index in edge:
                text = texts[index][: cut.get(index, len(texts[index]))]
                short = _SHORT_SUFFIX.match(text)
                if short:
                    cut[index] = len(short.group("keep"))
                    text = short.group("keep")
                if not _furniture_like(text):
                    continue
                key = (side, _key(text))
                edges[key].add(page)
                if index not in where[key]:
                    where[key].append(index)
    first_page = by_page.get(min(by_page), []) if by_page else []
    letterhead = set(first_page[:_EDGE])
    for key, seen_on in edges.items():
        if len(seen_on) < 2:
            continue
        for index in where[key]:
            if index not in letterhead:
                drop.add(index)
    return drop, cut
