"""Normalise extracted document text while keeping a map back to the original characters.

PDF text comes with odd spaces, typographic dashes, and lines broken mid-sentence (sometimes with
blank lines between every line). The extractors want clean lines; the user interface wants spans
that point into the text as it was read. ``normalise`` gives both.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect
from dataclasses import dataclass

from .labels import KNOWN_LABEL
from .layout import furniture

_SPACE_CHARS = frozenset(
    "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_DASH_CHARS = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_DROP_CHARS = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_LIGATURES = frozenset("\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")

_BULLET = re.compile(r"^(?:[•●◦▪‣∙·*\-–\uf0b7\uf0a7\uf0d8\uf0fc\u2043]|\d{1,2}[.)]|[a-z][.)])\s")
_HEADING_MD = re.compile(r"^#{1,6}\s")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+[A-ZÅÄÖ][^.]*$")
_TERMINAL = re.compile(r"[.!?:;]$")
_EMPHASIS = re.compile(r"(?<![\w*])([*_]{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_ATT_LEAD = re.compile(
    r"(?:beslutar|besluta|föreslå[rs]?|föreslagit|[,;:]|samt|och)$", re.IGNORECASE
)
_FUNCTION_WORDS = frozenset(
    [
        "till",
        "för",
        "av",
        "om",
        "med",
        "i",
        "på",
        "en",
        "ett",
        "och",
        "att",
        "den",
        "det",
        "de",
        "från",
        "som",
        "vid",
        "under",
        "enligt",
        "inom",
        "mot",
        "samt",
        "eller",
        "hos",
        "genom",
        "efter",
        "inför",
        "mellan",
        "utan",
        "än",
        "år",
        "senast",
        "cirka",
        "ca",
    ]
)
_JOIN_WITH_SPACE_AFTER_HYPHEN = re.compile(r"^(?:och|eller|samt|respektive|till)\b")


@dataclass(frozen=True)
class NormText:
    """Normalised text, the original, and for each normalised character its original index."""

    text: str
    original: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) range to the original text."""
        if not self.offsets:
            return (0, 0)
        start = max(0, min(start, len(self.offsets) - 1))
        last = max(start, min(end, len(self.offsets)) - 1)
        return (self.offsets[start], self.offsets[last] + 1)


# Characters that change length or need context; everything else maps one to one. U+FFFE is
# how pdfium marks a word hyphenated at the end of a line; a tab separates columns.
_SPECIAL = re.compile(
    "\r\n?|[\f\v\u2028\u2029\x85\ufffe\t"
    + "".join(_DROP_CHARS)
    + "".join(_LIGATURES)
    + "]|[\u0300-\u036f]"
)
_ONE_TO_ONE = str.maketrans(
    {**dict.fromkeys(_SPACE_CHARS - {"\t"}, " "), **dict.fromkeys(_DASH_CHARS, "-")}
)
_NON_SPACE = re.compile(r"\S+")


def _clean_chars(original: str) -> tuple[str, list[int]]:
    """Normalise spaces, dashes, line ends, ligatures and combining marks; chunk-wise for speed."""
    translated = original.translate(_ONE_TO_ONE)
    parts: list[str] = []
    where: list[int] = []
    done = 0
    for match in _SPECIAL.finditer(translated):
        index = match.start()
        parts.append(translated[done:index])
        where.extend(range(done, index))
        done = match.end()
        token = match.group(0)
        if token[0] == "\r":
            parts.append("\n")
            where.append(index)
        elif token in ("\f", "\v", "\u2028", "\u2029", "\x85"):
            parts.append("\n\n")
            where.extend((index, index))
        elif token == "\ufffe":
            parts.append("-\n")
            where.extend((index, index))
        elif token == "\t":
            parts.append("   ")
            where.extend((index, index, index))
        elif token in _DROP_CHARS:
            continue
        elif token in _LIGATURES:
            expanded = unicodedata.normalize("NFKC", token)
            parts.append(expanded)
            where.extend([index] * len(expanded))
        else:  # a combining mark: compose it with the character before when possible
            before = parts[-1][-1:] if parts and parts[-1] else ""
            composed = unicodedata.normalize("NFC", before + token) if before else ""
            if len(composed) == 1:
                parts[-1] = parts[-1][:-1] + composed
            else:
                parts.append(token)
                where.append(index)
    parts.append(translated[done:])
    where.extend(range(done, len(translated)))
    return "".join(parts), where


@dataclass
class _Line:
    text: str
    where: list[int]
    end: int  # original index of the line break that ended the line
    last: str = ""  # the last physical line joined into this one

    @property
    def blank(self) -> bool:
        return not self.text


def _split_lines(chars: str, where: list[int], total: int) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for raw in chars.split("\n"):
        stop = start + len(raw)
        end = where[stop] if stop < len(where) else total
        lines.append(_tidy(raw, where[start:stop], end))
        start = stop + 1
    return lines


# Columns: three or more spaces (a tab counts as three) or a dotted signature line between texts.
_CELL_GAP = re.compile(r" {3,}| *[._\u2026]{4,} *")
_MARKER_CELL = re.compile(
    r"(?:att|[•●◦▪‣∙·*\-–\uf0b7\uf0a7\uf0d8\uf0fc\u2043]|\(?\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)]|§+\s*\d*)"
)
CELL_SEPARATOR = " | "


def _collapse(raw: str, pos: list[int]) -> tuple[str, list[int]]:
    """Single spaces between words, with the offsets of what is kept."""
    if raw and raw[0] != " " and raw[-1] != " " and "  " not in raw:
        return raw, pos
    pieces: list[str] = []
    out_pos: list[int] = []
    for match in _NON_SPACE.finditer(raw):
        if pieces:
            out_pos.append(pos[match.start() - 1])
        pieces.append(match.group(0))
        out_pos.extend(pos[match.start() : match.end()])
    return " ".join(pieces), out_pos


def _tidy(raw: str, pos: list[int], end: int) -> _Line:
    """Collapse spaces, keep columns apart as ' | ' cells, drop page numbers, dotted signature
    lines and emphasis markers, keeping the offsets aligned."""
    cells: list[tuple[str, list[int]]] = []
    start = 0
    for gap in _CELL_GAP.finditer(raw):
        cells.append(_collapse(raw[start : gap.start()], pos[start : gap.start()]))
        start = gap.end()
    cells.append(_collapse(raw[start:], pos[start:]))
    cells = [(t, p) for t, p in cells if t]
    # "att<tab>clause" in resolution lists is one line of prose, not two columns.
    text, out_pos = "", []
    for cell, cell_pos in cells:
        if text:
            # A list marker or a § number is not a column of its own.
            sep = " " if _MARKER_CELL.fullmatch(text) else CELL_SEPARATOR
            out_pos.extend([cell_pos[0]] * len(sep))
            text += sep
        text += cell
        out_pos.extend(cell_pos)
    if "*" in text or "_" in text:
        text, out_pos = _strip_emphasis(text, out_pos)
    return _Line(text, out_pos, end)


def _strip_emphasis(text: str, pos: list[int]) -> tuple[str, list[int]]:
    keep = [True] * len(text)
    for match in _EMPHASIS.finditer(text):
        marker = len(match.group(1))
        for i in range(match.start(), match.start() + marker):
            keep[i] = False
        for i in range(match.end() - marker, match.end()):
            keep[i] = False
    if all(keep):
        return text, pos
    return (
        "".join(c for c, k in zip(text, keep, strict=True) if k),
        [p for p, k in zip(pos, keep, strict=True) if k],
    )


def _drop_furniture(lines: list[_Line], original: str) -> list[_Line]:
    """Blank page numbers and running headers and footers (see layout.furniture)."""
    breaks = [index for index, char in enumerate(original) if char == "\f"]
    pages = [bisect(breaks, line.where[0]) if line.where else 0 for line in lines]
    drop, cut = furniture([line.text for line in lines], pages)
    for index in drop:
        lines[index] = _Line("", [], lines[index].end)
    for index, length in cut.items():
        if index not in drop:
            line = lines[index]
            text = line.text[:length].rstrip()
            lines[index] = _Line(text, line.where[: len(text)], line.end)
    return lines


def _is_structural(line: str) -> bool:
    return bool(_BULLET.match(line) or _HEADING_MD.match(line))


def _double_spaced(lines: list[_Line]) -> bool:
    pairs = spaced = 0
    blank = False
    seen = False
    for line in lines:
        if line.blank:
            blank = True
            continue
        if seen:
            pairs += 1
            spaced += blank
        seen, blank = True, False
    return pairs >= 6 and spaced > 0.6 * pairs


def _line_width(lines: list[_Line]) -> int:
    lengths = sorted(len(line.text) for line in lines if not line.blank)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.95))]


def _joins(prev: str, nxt: str, gap: bool, width: int) -> str | None:
    """How to join two lines: '' (no space), ' ', or None when they stay apart."""
    if not prev or not nxt or _HEADING_MD.match(prev) or _is_structural(nxt):
        return None
    if CELL_SEPARATOR in prev or CELL_SEPARATOR in nxt:
        return None  # table rows and column layouts keep their lines
    if KNOWN_LABEL.match(prev.rstrip(":").strip()):
        return None  # a label on its own line ("Sammanträdesdatum") heads its value
    if _NUMBERED_HEADING.match(prev) and len(prev.split()) <= 8:
        return None  # "2.1 Teknisk utrustning" heads its section
    if nxt.lower().startswith("att ") and _ATT_LEAD.search(prev):
        return None  # an att-clause of a resolution list starts its own line
    if prev.endswith("-") and len(prev) > 1 and prev[-2].isalnum():
        if _JOIN_WITH_SPACE_AFTER_HYPHEN.match(nxt):
            return " "
        return "" if (prev[-2].isupper() or prev[-2].isdigit() or nxt[0].isupper()) else "-"
    if _TERMINAL.search(prev):
        return None
    first_word = nxt.split(" ", 1)[0]
    last_word = prev.rsplit(" ", 1)[-1].lower()
    if "@" in first_word or "@" in last_word or first_word.startswith(("www.", "http")):
        return None  # contact lines (e-mail, web) are not prose
    wrapped = width > 0 and len(prev) + 1 + len(first_word) > width * 0.97
    if nxt[0].islower():
        return " "
    if nxt[0].isdigit() or nxt[0] in "(%":
        # A thousands group split over two lines ("113 101" / "000 kr") also rejoins.
        split_number = bool(re.search(r"(?<!\S)\d{1,3}$", prev) and re.match(r"\d{3}\b", nxt))
        joinable = wrapped or last_word in _FUNCTION_WORDS or split_number
        return " " if joinable else None
    if last_word in _FUNCTION_WORDS and prev[-1].isalpha():
        return " "
    # A wrapped line's continuation is prose: it ends a sentence or runs on. A short
    # unpunctuated line after a full one is a heading ("Beslutsunderlag"), not a continuation.
    prose_next = bool(_TERMINAL.search(nxt)) or len(nxt.split()) >= 4
    runs_on = prev[-1].isalnum() or prev[-1] == ","
    if wrapped and not gap and runs_on and len(prev.split()) >= 4 and prose_next:
        return " "
    return None


def normalise(original: str) -> NormText:
    """Clean ``original`` into lines; paragraphs are separated by one blank line."""
    chars, where = _clean_chars(original)
    lines = _drop_furniture(_split_lines(chars, where, len(original)), original)
    width = _line_width(lines)
    # Text copied from a PDF sometimes has a blank line after every line; then a blank line
    # says nothing about paragraphs. Otherwise it ends one.
    paragraphs = not _double_spaced(lines)
    out: list[str] = []
    out_pos: list[int] = []
    current: _Line | None = None
    gap = False

    def flush() -> None:
        nonlocal current
        if current is None:
            return
        if out:
            sep = "\n\n" if gap_before[0] else "\n"
            out.append(sep)
            out_pos.extend([current.where[0] if current.where else current.end] * len(sep))
        out.append(current.text)
        out_pos.extend(current.where)
        current = None

    gap_before = [False]
    for line in lines:
        if line.blank:
            gap = current is not None or gap
            continue
        if current is not None:
            how = _joins(current.last or current.text, line.text, gap and paragraphs, width)
            if how is not None:
                if how == "-":
                    how = ""
                    if not _JOIN_WITH_SPACE_AFTER_HYPHEN.match(line.text):
                        current.text = current.text[:-1]
                        current.where = current.where[:-1]
                current.text += how + line.text
                current.where += [current.end] * len(how) + line.where
                current.end = line.end
                current.last = line.text
                gap = False
                continue
            flush()
            gap_before[0] = gap
        current = _Line(line.text, list(line.where), line.end, line.text)
        gap = False
    flush()
    return NormText(text="".join(out), original=original, offsets=tuple(out_pos))
