"""Swedish dates: "30 november 2026", "den 11 november 2025", "2025-06-05", "27 maj"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_WORDS = "|".join(
    sorted([*MONTHS, *(rf"{abbr}\.?" for abbr in _ABBREVIATIONS)], key=len, reverse=True)
)
_ISO = r"(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
_LONG = (
    r"(?P<ld>[0-3]?\d)(?::[ae])?\s+(?P<lm>"
    + _MONTH_WORDS
    + r")(?:\s+(?:år\s+)?(?P<ly>(?:19|20)\d\d))?"
)
# "vid utgången av år 2027", "utgången av 2027"
_YEAR_END = r"utgången\s+av\s+(?:år\s+)?(?P<ey>(?:19|20)\d\d)"
DATE_RE = re.compile(
    rf"(?<![\w-])(?:{_ISO}|{_LONG}|{_YEAR_END})(?![\w-])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    value: date
    start: int
    end: int
    year_inferred: bool = False


def _month_number(word: str) -> int:
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or _ABBREVIATIONS[key]


def _build(match: re.Match[str], default_year: int | None) -> DateMatch | None:
    inferred = False
    try:
        if match.group("iy"):
            value = date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
        elif match.group("ey"):
            value = date(int(match.group("ey")), 12, 31)
        else:
            year_text = match.group("ly")
            if year_text is None:
                if default_year is None:
                    return None
                year, inferred = default_year, True
            else:
                year = int(year_text)
            value = date(year, _month_number(match.group("lm")), int(match.group("ld")))
    except ValueError:
        return None
    return DateMatch(value, match.start(), match.end(), inferred)


def find_dates(text: str, *, default_year: int | None = None) -> list[DateMatch]:
    """All dates in ``text``; a date without a year gets ``default_year`` (or is skipped)."""
    found = []
    for match in DATE_RE.finditer(text):
        built = _build(match, default_year)
        if built is not None:
            found.append(built)
    return found


def parse_date(text: str, *, default_year: int | None = None) -> date | None:
    """The date that ``text`` is (a leading 'den' is allowed), or None."""
    cleaned = re.sub(r"\s+", " ", text or "").strip().rstrip(".")
    cleaned = re.sub(r"^den\s+", "", cleaned, flags=re.IGNORECASE)
    match = DATE_RE.fullmatch(cleaned)
    built = None if match is None else _build(match, default_year)
    return None if built is None else built.value
