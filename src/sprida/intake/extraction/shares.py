"""Shares of an applied amount, however a decision words them: "hälften av ansökt bidrag",
"halva det ansökta bidraget", "tre fjärdedelar av sökt belopp", "75 procent av det sökta"."""

from __future__ import annotations

import re
from decimal import Decimal

_FRACTIONS = {
    "hälften": Decimal(1) / 2,
    "halva": Decimal(1) / 2,
    "halvdelen": Decimal(1) / 2,
    "en tredjedel": Decimal(1) / 3,
    "två tredjedelar": Decimal(2) / 3,
    "en fjärdedel": Decimal(1) / 4,
    "tre fjärdedelar": Decimal(3) / 4,
    "en femtedel": Decimal(1) / 5,
}
_WORDS = "|".join(sorted(_FRACTIONS, key=len, reverse=True))
# The share and what it is of; "av" and the article are optional ("halva det ansökta bidraget").
SHARE = (
    rf"(?:(?P<word>{_WORDS})|(?P<pct>\d+(?:,\d+)?)\s*(?:procent|%))"
    r"\s+(?:av\s+)?(?:det\s+|den\s+)?(?:an)?sökt(?:a)?(?:\s+(?:bidrag(?:et)?|belopp(?:et)?|"
    r"medel|medlen|summa(?:n)?))?"
)
SHARE_RE = re.compile(rf"\b{SHARE}", re.IGNORECASE)


def share_of(text: str) -> Decimal | None:
    """The share of the applied amount that ``text`` names, or None."""
    match = SHARE_RE.search(text)
    if not match:
        return None
    if match.group("word"):
        return _FRACTIONS[match.group("word").lower()]
    return Decimal(match.group("pct").replace(",", ".")) / 100
