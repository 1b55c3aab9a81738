"""Swedish number and money formats for output (input parsing lives in the intake app)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import ngettext

NBSP = "\u00a0"


def format_thousands(value: Any) -> str:
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", NBSP)


def format_sek(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, KnownSum):
        return str(value)
    return f"{format_thousands(value)}{NBSP}kr"


@dataclass(frozen=True)
class KnownSum:
    """A sum of amounts some of which are unknown: the known part, and how many are missing.
    Unknown is not zero, so such a sum is shown as a lower bound that says what is missing."""

    known_sek: int
    missing: int

    def __str__(self) -> str:
        return ngettext(
            "minst %(sum)s; uppgift saknas för %(n)s åtgärd",
            "minst %(sum)s; uppgift saknas för %(n)s åtgärder",
            self.missing,
        ) % {"sum": format_sek(self.known_sek), "n": self.missing}


def sum_sek(values: Iterable[int | None]) -> int | KnownSum | None:
    """The sum of amounts in whole kronor; with a None among them, a `KnownSum` saying so;
    None when every amount is unknown (an empty sum is 0)."""
    known, found, missing = 0, 0, 0
    for value in values:
        if value is None:
            missing += 1
        else:
            known, found = known + value, found + 1
    if missing and not found:
        return None
    return KnownSum(known, missing) if missing else known


def known_sum(known_sek: int, missing: int, parts: int) -> int | KnownSum | None:
    """A sum over `parts` amounts of which `missing` are unknown and the rest add up to
    `known_sek` (as a database Sum, which skips NULL, and a count of the NULLs give it)."""
    if not missing:
        return known_sek
    return None if missing >= parts else KnownSum(known_sek, missing)
