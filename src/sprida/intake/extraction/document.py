"""A normalised document as lines, sentences and sections for the extractors to query."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .amounts import AmountMatch, find_amounts
from .text import NormText, normalise

# List markers, with the private-use bullets a Word symbol font leaves in copied text.
BULLET_RE = re.compile(
    r"^(?:[•●◦▪‣∙·*\-–\uf0b7\uf0a7\uf0d8\uf0fc\u2043]|\(?\d{1,2}[.)]|[a-z][.)])\s+"
)
# A sentence about money, where "46 miljoner" without "kronor" is an amount.
MONEY_CONTEXT = re.compile(
    r"bidrag|ansök|\bsök|bevilja|budget|kostnad|fördela|anslag|\bmedel\b|finansier|belopp|"
    r"kronor|\bkr\b|mnkr|tkr|utbetal|betalas",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"'(•])|\n+")
# Abbreviations after which a period does not end a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:t\.ex|bl\.a|m\.m|s\.k|d\.v\.s|dvs|ca|kl|nr|resp|jfr|enl|t\.o\.m|fr\.o\.m)\.|\b[A-ZÅÄÖ]\.)$"
)


@dataclass(frozen=True)
class Line:
    index: int
    text: str
    start: int
    end: int
    blank_before: bool

    @property
    def is_bullet(self) -> bool:
        return bool(BULLET_RE.match(self.text))

    @property
    def md_level(self) -> int:
        match = _MD_HEADING.match(self.text)
        return len(match.group(1)) if match else 0

    @property
    def content(self) -> str:
        """The text without a list marker or markdown heading marks."""
        text = _MD_HEADING.sub("", self.text)
        return BULLET_RE.sub("", text) if not _MD_HEADING.match(self.text) else text

    @property
    def content_start(self) -> int:
        return self.start + (len(self.text) - len(self.content))


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass
class Document:
    norm: NormText
    context_year: int | None = None
    cache: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str) -> Document:
        return cls(normalise(text))

    @property
    def text(self) -> str:
        return self.norm.text

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.span(start, end)

    @cached_property
    def lines(self) -> list[Line]:
        lines: list[Line] = []
        pos = 0
        blank = False
        for raw in self.text.split("\n"):
            if raw:
                lines.append(Line(len(lines), raw, pos, pos + len(raw), blank))
                blank = False
            else:
                blank = True
            pos += len(raw) + 1
        return lines

    @cached_property
    def headings(self) -> list[Line]:
        return [line for line in self.lines if self.is_heading(line)]

    def is_heading(self, line: Line) -> bool:
        """Markdown headings, or short title-like lines with no sentence punctuation."""
        if line.md_level:
            return True
        text = line.text
        if line.is_bullet or len(text) > 70 or len(text.split()) > 9:
            return False
        if text[-1] in ".,;:!?" or not (text[0].isupper() or text[0].isdigit()):
            return False
        if "@" in text or re.search(r"\d{3}", text):
            return False
        nxt = self.next_line(line)
        return nxt is not None

    def next_line(self, line: Line) -> Line | None:
        return self.lines[line.index + 1] if line.index + 1 < len(self.lines) else None

    def section(self, heading: Line) -> list[Line]:
        """Lines after ``heading`` up to the next heading of the same or higher rank."""
        out: list[Line] = []
        level = heading.md_level or 7
        for line in self.lines[heading.index + 1 :]:
            if self.is_heading(line) and (line.md_level or 7) <= level:
                break
            out.append(line)
        return out

    def find_heading(self, pattern: re.Pattern[str]) -> Line | None:
        for line in self.headings:
            if pattern.search(line.content):
                return line
        return None

    @cached_property
    def sentences(self) -> list[Sentence]:
        return list(split_sentences(self.text, 0))

    def amounts(self, sentence: Sentence) -> list[AmountMatch]:
        """Amounts in a sentence (positions relative to it), computed once per sentence."""
        key = f"amounts:{sentence.start}"
        found = self.cache.get(key)
        if found is None:
            found = find_amounts(sentence.text, bare=bool(MONEY_CONTEXT.search(sentence.text)))
            self.cache[key] = found
        return found  # type: ignore[return-value]

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        return [s for s in self.sentences if s.start >= start and s.end <= end]

    def header_lines(self, limit: int = 12) -> list[Line]:
        """The lines before the first prose paragraph (letterhead, addressee, dnr, date)."""
        out: list[Line] = []
        for line in self.lines[:limit]:
            if len(line.text) > 120:
                break
            out.append(line)
        return out


def split_sentences(text: str, offset: int) -> Iterator[Sentence]:
    """Split on sentence-final punctuation followed by a capital, and on line breaks."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group(0).strip(" ") == "" and _ABBREV.search(text[start : match.start()]):
            continue
        piece = text[start : match.start()]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            yield Sentence(
                piece.strip(), offset + start + lead, offset + start + lead + len(piece.strip())
            )
        start = match.end()
    piece = text[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        yield Sentence(
            piece.strip(), offset + start + lead, offset + start + lead + len(piece.strip())
        )
