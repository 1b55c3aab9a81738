"""Regions a document names, the central one first.

A region is named in full ("Region Örebro läns", "Västra Götalandsregionen") or, where the text
lists regions, by its short county name ("Stockholm, Uppsala och Jämtland"). A lone "Stockholm"
is a city. The central region is the one the document is by or about (its letterhead, the
addressee, "Region Xs ansökan"), not the one mentioned most in passing.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from sprida.core.regionnames import RegionRef, all_regions, find_regions, region_for_domain

from .document import Document
from .result import RegionMention

_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
# The text is about regions: "regionerna", "landstingen", "länen".
_ABOUT_REGIONS = re.compile(r"\bregion(?:er|erna|ernas)?\b|\blän(?:en)?\b|\blandsting", re.I)
_LIST_SEPARATOR = re.compile(r"^(?:,\s*|\s+(?:och|samt|eller)\s+|\s*/\s*)$")
# Where a region is the one the document is by, to or about.
_CENTRAL_AFTER = re.compile(
    r"^\W{0,3}(?:s\s+)?(?:\(\s*(?:org\.?\s*nr\.?\s*)?\d{6}-?\d{4}\s*\)\s*)?"
    r"(?:ansökan|ansöker|ansökte|avser|ska ansöka|beviljas|får bidrag|har beviljats|söker)\b",
    re.I,
)
_CENTRAL_BEFORE = re.compile(
    r"(?:\bbevilja[rs]?|\bavslå[rs]?|\bmottagare:?|\btill:?|\bbidragsmottagare:?|"
    r"\bbeslut om|\bsökande:?)\s*$",
    re.I,
)
_CENTRAL_WEIGHT = 5
_LETTERHEAD_LINES = 6


def _short_names(region: RegionRef) -> list[str]:
    core = region.name.removeprefix("Region ")
    if core.endswith("regionen"):
        core = core.removesuffix("regionen").removesuffix("s")
    core = core.removesuffix(" län").removesuffix("s") if core.endswith(" län") else core
    names = [core]
    if " " in core and not core.startswith("Västra "):
        names.append(core.split()[0])  # "Jämtland" for Jämtland Härjedalen
    return names


@cache
def _short_pattern() -> tuple[re.Pattern[str], dict[str, RegionRef]]:
    by_name = {name: region for region in all_regions() for name in _short_names(region)}
    names = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({names})s?(?![\w-])"), by_name


def _listed_short_names(doc: Document) -> list[tuple[RegionRef, int, int]]:
    """County names in a list of at least two where the text is about regions, or three."""
    pattern, by_name = _short_pattern()
    out: list[tuple[RegionRef, int, int]] = []
    for sentence in doc.sentences:
        matches = list(pattern.finditer(sentence.text))
        runs: list[list[re.Match[str]]] = []
        for match in matches:
            if runs and _LIST_SEPARATOR.match(sentence.text[runs[-1][-1].end() : match.start()]):
                runs[-1].append(match)
            else:
                runs.append([match])
        about = bool(_ABOUT_REGIONS.search(sentence.text))
        for run in runs:
            if len(run) >= 3 or (len(run) >= 2 and about):
                for match in run:
                    start = sentence.start + match.start()
                    out.append((by_name[match.group(1)], start, sentence.start + match.end()))
    return out


def region_hits(doc: Document) -> list[tuple[RegionRef, int, int]]:
    cached = doc.cache.get("regions")
    if cached is None:
        full = find_regions(doc.text)
        taken = [(start, end) for _region, start, end in full]
        short = [
            hit
            for hit in _listed_short_names(doc)
            if not any(start <= hit[1] < end for start, end in taken)
        ]
        cached = sorted(full + short, key=lambda hit: hit[1])
        doc.cache["regions"] = cached
    return cached  # type: ignore[return-value]


def _central(doc: Document, start: int, end: int) -> bool:
    before = doc.text[max(0, start - 40) : start]
    return bool(_CENTRAL_AFTER.match(doc.text[end : end + 60]) or _CENTRAL_BEFORE.search(before))


def letterhead_regions(doc: Document) -> set[str]:
    """Slugs of regions named in the letterhead and address block: the short lines before the
    first line of prose or the title."""
    end = 0
    for line in doc.lines[:_LETTERHEAD_LINES]:
        if len(line.text.replace("|", " ").split()) >= 5:
            break
        end = line.end
    return {region.slug for region, start, _ in region_hits(doc) if start < end}


def extract_regions(doc: Document, central_role: str) -> list[RegionMention]:
    """Regions, the central first: named where the document is by, to or about them, then the
    most mentioned, ties broken by first appearance."""
    hits = region_hits(doc)
    first: dict[str, tuple[RegionRef, int, int]] = {}
    counts: Counter[str] = Counter()
    for region, start, end in hits:
        counts[region.slug] += 1 + _CENTRAL_WEIGHT * _central(doc, start, end)
        first.setdefault(region.slug, (region, start, end))
    for slug in letterhead_regions(doc):
        counts[slug] += _CENTRAL_WEIGHT
    if not first:
        # No name in the text: e-mail domains (name@regionorebrolan.se) still tell the region.
        for match in _EMAIL.finditer(doc.text):
            by_domain = region_for_domain(match.group(1))
            if by_domain is not None:
                counts[by_domain.slug] += 1
                first.setdefault(by_domain.slug, (by_domain, match.start(1), match.end(1)))
    order = sorted(first, key=lambda slug: (-counts[slug], first[slug][1]))
    out = []
    for rank, slug in enumerate(order):
        region, start, end = first[slug]
        role = central_role if rank == 0 else "mentioned"
        out.append(RegionMention(region.name, region.org_number, role, doc.span(start, end)))
    return out
