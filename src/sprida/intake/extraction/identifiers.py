"""Identifiers: organisation numbers, case numbers (diarienummer) and SFS numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sprida.core.regionnames import luhn_valid

_ORG_RE = re.compile(r"(?<![\d-])(\d{6})\s?[-\u2010-\u2015]?\s?(\d{4})(?![\d-])")

# "HSN/1005/2025", "RS/344/2025", "REV/16/2024", "RS 2025/123", "EFF 2025/45", "HSN 2024-0512"
_CASE_SLASH = r"[A-ZÅÄÖ]{1,6}(?:-[A-ZÅÄÖ]{1,4})?\s?/\s?\d{1,6}\s?/\s?(?:19|20)\d\d"
_CASE_YEAR_FIRST = r"[A-ZÅÄÖ]{2,6}[\s-]?(?:19|20)\d\d[/-]\d{1,6}"
# "RV250363": a registry prefix and a two-digit year followed by a serial
_CASE_COMPACT = r"[A-ZÅÄÖ]{2,4}(?:1\d|2\d|3\d)\d{4}"
# Ministries: department letters, year, slash, serial: "S2025/01734", "Fi2024/00312/RS",
# "UD2024/12345"
_CASE_MINISTRY = r"[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]?(?:19|20)\d\d/\d{3,6}(?:/[A-ZÅÄÖ]{1,4})?"
# "RD25/01873": a registry prefix, a two-digit year, slash, serial
_CASE_SHORT_YEAR = r"[A-ZÅÄÖ]{2,4}(?:1\d|2\d|3\d)/\d{3,6}"
_CASE_RE = re.compile(
    rf"(?<![\w/.-])(?:{_CASE_SLASH}|{_CASE_YEAR_FIRST}|{_CASE_COMPACT}|{_CASE_MINISTRY}"
    rf"|{_CASE_SHORT_YEAR})(?![\w/-])"
)
# "Dnr 2025/123", "Diarienummer: 2025-0123", "Vårt dnr: 25/0345"
_DNR_RE = re.compile(
    r"\b(?:dnr|diarienr|diarienummer|ärendenummer|ärendenr|vår beteckning|vårt dnr|er beteckning)"
    r"\.?:?\s*(?P<id>(?:[A-ZÅÄÖ]{1,6}[\s/-]?)?\d{2,4}[/-](?:[A-ZÅÄÖ]{1,6}[/-])?\d{1,6}"
    r"(?:[/-]\d{1,6})?|\d{2}[A-ZÅÄÖ]{1,5}\d{2,6}"
    # Dotted registry plans: "3.2-2025-04567", "1.1.2-2025/123"
    r"|\d{1,2}(?:\.\d{1,2}){1,3}[-/](?:19|20)\d\d[-/]\d{1,6}"
    # A bare serial after the label: "Dnr 2501843"
    r"|\d{5,10})(?![\w/-])",
    re.IGNORECASE,
)
# An SFS number is "year:serial" named as a statute: "SFS 2024:1102", "förordningen (2024:1102)"
_SFS_RE = re.compile(
    r"(?:\bSFS\s*(?P<a>(?:19|20)\d\d:\d{1,4})\b"
    # "förordningen (2024:1102)", "förvaltningslagen (2017:900)", "offentlighets- och
    # sekretesslagen (2009:400)"
    r"|(?<![\w-])[\wåäöÅÄÖ]*(?:förordning|lag)(?:en|ens|s)?\s*\(\s*(?P<b>(?:19|20)\d\d:\d{1,4})\s*\))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class IdMatch:
    value: str
    start: int
    end: int


def format_org_number(text: str) -> str | None:
    """'232100–0164' or '2321000164' -> '232100-0164' when it is a valid org number."""
    match = _ORG_RE.fullmatch(text.strip())
    if match is None:
        return None
    value = f"{match.group(1)}-{match.group(2)}"
    return value if luhn_valid(value) else None


def find_org_numbers(text: str) -> list[IdMatch]:
    """Organisation numbers: Luhn-valid, and the 3rd–4th digits ≥ 20 (not a birth date)."""
    found = []
    for match in _ORG_RE.finditer(text):
        value = f"{match.group(1)}-{match.group(2)}"
        if int(value[2:4]) >= 20 and luhn_valid(value):
            found.append(IdMatch(value, match.start(), match.end()))
    return found


def find_case_numbers(text: str) -> list[IdMatch]:
    """Case numbers in order of appearance, deduplicated."""
    hits: list[IdMatch] = []
    for match in _DNR_RE.finditer(text):
        hits.append(IdMatch(_tidy(match.group("id")), match.start("id"), match.end("id")))
    for match in _CASE_RE.finditer(text):
        if any(h.start <= match.start() < h.end for h in hits):
            continue
        hits.append(IdMatch(_tidy(match.group(0)), match.start(), match.end()))
    hits.sort(key=lambda h: h.start)
    seen: set[str] = set()
    unique = []
    for hit in hits:
        if hit.value not in seen:
            seen.add(hit.value)
            unique.append(hit)
    return unique


def _tidy(value: str) -> str:
    return re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", value.strip()))


# What a statute is about, right after its number: "(2024:1102) om tillfälligt statsbidrag".
_ABOUT_GRANT = re.compile(r"^\)?\s*(?:om\s+)?[^.()]{0,40}?bidrag", re.IGNORECASE)


def governing_sfs(text: str, own_until: int = 0) -> IdMatch | None:
    """The regulation a grant document is under: the document's own number when it is a
    statute (within ``own_until``), else the statute named as being about a grant, else the one
    cited most, else the first; never simply the first number in the text."""
    found = find_sfs_numbers(text)
    if not found:
        return None
    own = [hit for hit in found if hit.start < own_until]
    if own:
        return own[0]
    about = [hit for hit in found if _ABOUT_GRANT.match(text[hit.end : hit.end + 80])]
    if about:
        return about[0]
    counts = {hit.value: sum(h.value == hit.value for h in found) for hit in found}
    return max(found, key=lambda hit: counts[hit.value])


def find_sfs_numbers(text: str) -> list[IdMatch]:
    """SFS numbers of statutes named in ``text`` (a bare '(2025:1)' report number is not one)."""
    found = []
    for match in _SFS_RE.finditer(text):
        group = "a" if match.group("a") else "b"
        found.append(IdMatch(match.group(group), match.start(group), match.end(group)))
    return found
