"""Resolve free Swedish text to one of the 21 regions, whatever the inflection.

Region names are written in many forms: "Regions Örebro läns", "Örebro läns", "Region Skånes",
"Västra Götalandsregionens", "Regionen Jämtland Härjedalen", "Stockholms läns region". The
patterns are derived from the registry (regions.csv) rather than listed by hand, so a change of
name in the registry is picked up without code changes.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sprida.core import orgnumber

_DATA = Path(__file__).resolve().parent / "data" / "regions.csv"
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")


@dataclass(frozen=True)
class RegionRef:
    slug: str
    name: str
    org_number: str
    county_code: str
    county_letter: str
    seat: str


@cache
def all_regions() -> tuple[RegionRef, ...]:
    with _DATA.open(encoding="utf-8", newline="") as handle:
        return tuple(
            RegionRef(
                slug=row["slug"],
                name=row["name"],
                org_number=row["org_number"],
                county_code=row["county_code"],
                county_letter=row["county_letter"],
                seat=row["seat"],
            )
            for row in csv.DictReader(handle)
        )


def luhn_valid(org_number: str) -> bool:
    """Swedish organisation number check: ten digits, the last one a Luhn check digit."""
    cleaned = _DASHES.sub("-", org_number or "").strip()
    return bool(re.fullmatch(r"\d{6}-?\d{4}", cleaned)) and orgnumber.luhn_valid(cleaned)


def _words(text: str) -> str:
    """A sequence of words as a regex allowing any whitespace or a dash between them."""
    return r"[\s-]+".join(re.escape(word) for word in text.split())


def _genitive(word_pattern: str) -> str:
    return word_pattern + "s?"


def _core_parts(name: str) -> tuple[str, str, bool]:
    """(core, base, has_lan) — core is the name without 'Region', base also without 'län'."""
    core = name[len("Region ") :] if name.startswith("Region ") else name
    if core.endswith("regionen"):
        base = core[: -len("regionen")]
        base = base[:-1] if base.endswith("s") else base
        return core, base, False
    if core.endswith(" län"):
        base = core[: -len(" län")]
        # "Jönköpings län" is already genitive; the stem is "Jönköping".
        base = base[:-1] if base.endswith("s") else base
        return core, base, True
    return core, core, False


def _strict_alternatives(region: RegionRef) -> list[str]:
    """Forms that identify the region in running text (never a bare city or 'regionen')."""
    core, base, has_lan = _core_parts(region.name)
    base_p = _words(base)
    region_word = r"region(?:en|ens|s)?"
    alts: list[str] = []
    if core.endswith("regionen"):
        # Västra Götalandsregionen(s), Region Västra Götaland(s)
        alts.append(_words(base) + r"s?regionens?")
        alts.append(region_word + r"\s+" + base_p + "s?")
    else:
        if has_lan:
            alts.append(region_word + r"\s+" + base_p + r"s?\s+läns?")
        alts.append(region_word + r"\s+" + _genitive(base_p))
    # "Örebro läns", "Stockholms läns region", "Skåne län"
    alts.append(base_p + r"s?\s+läns?(?:\s+" + region_word + ")?")
    if len(base.split()) > 1:
        # A two-word name such as "Jämtland Härjedalen" is distinctive even when bare.
        alts.append(_genitive(base_p))
    return alts


@cache
def _strict_pattern() -> tuple[re.Pattern[str], tuple[RegionRef, ...]]:
    regions = all_regions()
    groups = [
        f"(?P<r{index}>{'|'.join(_strict_alternatives(region))})"
        for index, region in enumerate(regions)
    ]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])", re.IGNORECASE)
    return pattern, regions


@cache
def _bare_pattern() -> tuple[re.Pattern[str], tuple[RegionRef, ...]]:
    """Lenient forms for resolve_region: the bare county name, e.g. 'Skåne' or 'Örebro'."""
    regions = all_regions()
    groups = [
        f"(?P<r{index}>(?:region(?:en|ens|s)?\\s+)?{_words(_core_parts(region.name)[1])}s?)"
        for index, region in enumerate(regions)
    ]
    return re.compile("|".join(groups), re.IGNORECASE), regions


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text)


def find_regions(text: str) -> list[tuple[RegionRef, int, int]]:
    """Every region mention with its character span in ``text``, in order of appearance."""
    pattern, regions = _strict_pattern()
    # Dash and space normalisation keeps length, so spans map straight back to ``text``.
    cleaned = unicodedata.normalize("NFC", text or "")
    if len(cleaned) != len(text or ""):
        cleaned = text or ""
    cleaned = _DASHES.sub("-", cleaned)
    cleaned = re.sub(r"[\u00a0\u2009\u202f]", " ", cleaned)
    found: list[tuple[RegionRef, int, int]] = []
    for match in pattern.finditer(cleaned):
        index = int((match.lastgroup or "r0")[1:])
        found.append((regions[index], match.start(), match.end()))
    return found


def resolve_region(text: str) -> RegionRef | None:
    """The region that ``text`` names, or None. Case-insensitive, any inflection."""
    cleaned = _clean(text).strip(" .,;:()")
    if not cleaned:
        return None
    pattern, regions = _strict_pattern()
    match = pattern.fullmatch(cleaned)
    if match is None:
        bare, regions = _bare_pattern()
        match = bare.fullmatch(cleaned)
    if match is not None:
        return regions[int((match.lastgroup or "r0")[1:])]
    hits = find_regions(cleaned)
    return hits[0][0] if hits else None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if char.isalnum() and char.isascii())


def region_for_domain(domain: str) -> RegionRef | None:
    """Match an e-mail/web domain such as 'regionorebrolan.se' against the region names."""
    label = _fold(domain.lower().split("@")[-1].split(".")[-2] if "." in domain else domain)
    if not label:
        return None
    for region in all_regions():
        core, base, _ = _core_parts(region.name)
        candidates = {_fold(region.name), _fold(core), _fold(base), "region" + _fold(base)}
        if label in candidates:
            return region
    return None
