"""Lists: bullet/numbered items with their continuation lines, and lists written in prose."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .document import Document, Line

_COMPLETE = re.compile(r"[.!?)]$")


@dataclass(frozen=True)
class ListItem:
    text: str  # the item without its marker; continuation lines joined with a space
    start: int
    end: int
    lines: tuple[Line, ...]
    intro: Line | None  # the line just before the list ("… avseende fyra insatser:")


def bullet_lists(doc: Document, lines: list[Line] | None = None) -> list[list[ListItem]]:
    """Groups of consecutive list items. A non-marked line continues the item before it while
    the item is unfinished (no final stop) or, for items that state an amount, until it does."""
    lines = doc.lines if lines is None else lines
    groups: list[list[ListItem]] = []
    current: list[list[Line]] = []
    intro: Line | None = None
    previous: Line | None = None

    def close() -> None:
        nonlocal current
        if current:
            groups.append([_item(doc, item, intro) for item in current])
        current = []

    for line in lines:
        if line.is_bullet and not line.md_level:
            if not current:
                intro = previous
            current.append([line])
        elif current and not doc.is_heading(line) and _continues(current[-1], line):
            current[-1].append(line)
        else:
            close()
        previous = line
    close()
    return groups


def _continues(item: list[Line], line: Line) -> bool:
    text = " ".join(part.content for part in item)
    if not _COMPLETE.search(text.strip()):
        return True
    # A granted item in a decision ends with its amount ("Bidrag beviljas med 9 700 000 kr.").
    return (
        bool(re.search(r"\bbidrag\b|\bbeviljas\b", text, re.I))
        and not re.search(r"\d\s*(?:kr|kronor|mkr|mnkr|tkr)\b", text, re.I)
        and len(item) < 4
    )


def _item(doc: Document, lines: list[Line], intro: Line | None) -> ListItem:
    text = " ".join(line.content.strip() for line in lines)
    return ListItem(text, lines[0].content_start, lines[-1].end, tuple(lines), intro)


def split_prose_list(text: str, *, split_pair: bool = False) -> list[tuple[str, int, int]]:
    """Items of a list written in prose with their spans relative to ``text``.

    Commas inside parentheses do not split. "och" splits only in the last comma segment,
    and only when the list has commas or ``split_pair`` says the text names several items
    (so "process och plattform" stays one item).
    """
    parts: list[tuple[str, int, int]] = []
    depth = 0
    commas: list[int] = []
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            commas.append(index)
    bounds = [-1, *commas, len(text)]
    segments = []
    for left, right in pairwise(bounds):
        seg_start = left + 1
        segments.append((seg_start, right))
    for number, (seg_start, seg_end) in enumerate(segments):
        segment = text[seg_start:seg_end]
        last = number == len(segments) - 1
        pieces = [(segment, 0)]
        lead = re.match(r"\s*(?:samt|och)\s+", segment)
        if lead:
            pieces = [(segment[lead.end() :], lead.end())]
        if last and (len(segments) > 1 or split_pair):
            piece, offset = pieces[0]
            split = _last_conjunction(piece)
            if split is not None:
                a_end, b_start = split
                pieces = [(piece[:a_end], offset), (piece[b_start:], offset + b_start)]
        for piece, offset in pieces:
            stripped = piece.strip()
            if stripped:
                begin = seg_start + offset + piece.find(stripped)
                parts.append((stripped, begin, begin + len(stripped)))
    return parts


def _last_conjunction(text: str) -> tuple[int, int] | None:
    for match in reversed(list(re.finditer(r"\s+(?:och|samt)\s+", text))):
        before = text[: match.start()]
        if before.endswith("-"):
            continue  # "hälso- och sjukvård"
        return match.start(), match.end()
    return None
