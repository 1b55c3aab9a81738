"""Page furniture: page numbers and the running header and footer repeated on every page.

They are neither titles nor content, so the normaliser blanks them. The letterhead on the first
page stays (it carries the date and case number); its repetitions on later pages go. Pages come
from page breaks, or, in text copied from a PDF, from the page numbers themselves.
"""

from __future__ import annotations

import re
from collections import defaultdict

# "Sida 2 av 5", "2 (5)", "2(5)", "2/5", "- 2 -", "Sida 2"
PAGE_NUMBER = re.compile(
    r"^(?:sida\s+\d{1,3}(?:\s*(?:av|\(|/)\s*\d{1,3}\)?)?|\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|/\s*\d{1,3})"
    r"|-\s*\d{1,3}\s*-)$",
    re.IGNORECASE,
)
# A page number ending a line: "… Sida 1 av 2", "PROTOKOLL | 1 (3)", "BESLUT 2 (3)"
_PAGE_SUFFIX = re.compile(
    r"(?:\s*\|\s*|\s+)(?P<number>(?:sida\s+)?(?P<page>\d{1,3})\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3}))$",
    re.IGNORECASE,
)
_WITH_WORD = re.compile(r"\bsida\b", re.IGNORECASE)
# The fixed footer of Swedish protocol templates ("Justerandes sign", "Utdragsbestyrkande").
_PROTOCOL_FOOTER = re.compile(
    r"^(?:justerandes\s+sign\w*|utdragsbestyrkande)"
    r"(?:\W+(?:justerandes\s+sign\w*|utdragsbestyrkande))*\W*$",
    re.IGNORECASE,
)
_EDGE = 3  # lines at the top and bottom of a page that may be furniture
_HEADER_LINES = 6  # a page number this near the top of the text is in the header


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _furniture_like(text: str) -> bool:
    """Headers and footers are labels, not prose: no closing punctuation, no lowercase start."""
    return bool(text) and not text[0].islower() and text[-1] not in ".,;:!?"


def _page_marks(texts: list[str]) -> tuple[dict[int, int], dict[int, int]]:
    """Lines that carry a page number: index -> page number, and where to cut it off."""
    marks: dict[int, int] = {}
    cut: dict[int, int] = {}
    for index, text in enumerate(texts):
        if not text:
            continue
        whole = PAGE_NUMBER.match(text)
        if whole:
            marks[index] = int(re.search(r"\d+", text).group(0))  # type: ignore[union-attr]
            continue
        suffix = _PAGE_SUFFIX.search(text)
        if suffix is None:
            continue
        rest = text[: suffix.start()]
        # "bilaga 1 (2)" in a sentence is no page number; a header's "BESLUT 1 (3)" is.
        if _WITH_WORD.search(suffix.group("number")) or (
            _furniture_like(rest) and len(rest.split()) <= 8
        ):
            marks[index] = int(suffix.group("page"))
            cut[index] = suffix.start()
    return marks, cut


def _pages(texts: list[str], pages: list[int], marks: dict[int, int]) -> list[int]:
    """Page numbers per line; without page breaks, the page numbers in the text split pages,
    in the header ('1 (3)' at the top) or in the footer ('Sida 1 av 2' at the bottom)."""
    if len(set(pages)) > 1 or not marks:
        return pages
    filled = [i for i, text in enumerate(texts) if text]
    before_first = filled.index(min(marks)) if min(marks) in filled else 0
    in_header = before_first < _HEADER_LINES
    starts: dict[int, int] = {}
    for mark, number in marks.items():
        if in_header:
            # The header is as many lines on every page as on the first, above its number.
            at = filled.index(mark) - before_first
            starts[filled[max(at, 0)]] = number
        else:
            after = [i for i in filled if i > mark]
            if after:
                starts[after[0]] = number + 1
    out, page = [], 0
    for index in range(len(texts)):
        page = starts.get(index, page)
        out.append(page)
    return out


def furniture(texts: list[str], pages: list[int]) -> tuple[set[int], dict[int, int]]:
    """Lines to blank (indexes) and lines to shorten (index -> new length).

    ``texts`` are the tidied lines ('' for blank), ``pages`` their page numbers (from page breaks).
    """
    marks, cut = _page_marks(texts)
    drop = {i for i, text in enumerate(texts) if text and PAGE_NUMBER.match(text)}
    drop |= {i for i, text in enumerate(texts) if text and _PROTOCOL_FOOTER.match(text)}
    pages = _pages(texts, pages, marks)
    edges: dict[tuple[str, str], set[int]] = defaultdict(set)
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_page: dict[int, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        if text and index not in drop:
            by_page[pages[index]].append(index)
    for page, indexes in by_page.items():
        for side, edge in (("top", indexes[:_EDGE]), ("bottom", indexes[-_EDGE:])):
            for index in edge:
                text = texts[index][: cut.get(index, len(texts[index]))].rstrip(" |")
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
