"""Shares of an applied amount, however a decision words them: "hälften av ansökt bidrag",
"halva det ansökta bidraget", "tre fjärdedelar av sökt belopp", "två femtedelar av det belopp
som söktes", "75 procent av det sökta"."""

from __future__ import annotations

import re
from decimal import Decimal

_HALVES = ("hälften", "halva", "halvdelen")
_NUMERATORS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7}
# "tredjedel", "fjärdedel", …: the denominator of a Swedish fraction word ("två femtedelar").
_DENOMINATORS = {
    "tredjedel": 3,
    "fjärdedel": 4,
    "femtedel": 5,
    "sjättedel": 6,
    "sjundedel": 7,
    "åttondel": 8,
    "tiondel": 10,
}
_FRACTION = (
    rf"(?P<num>{'|'.join(_NUMERATORS)})\s+(?P<den>{'|'.join(_DENOMINATORS)})(?:ar(?:na)?|en)?"
)
# What the share is of: the applied grant or amount, however the article and the noun go.
_APPLIED_NOUN = r"(?:bidrag(?:et)?|belopp(?:et)?|medel|medlen|summa(?:n)?)"
_OF_APPLIED = (
    r"\s+(?:av\s+)?(?:det\s+|den\s+)?"
    rf"(?:(?:an)?sökt(?:a)?(?:\s+{_APPLIED_NOUN})?|{_APPLIED_NOUN}\s+som\s+(?:an)?söktes)"
)
# The share and what it is of; "av" and the article are optional ("halva det ansökta bidraget").
SHARE = (
    rf"(?:(?P<word>{'|'.join(_HALVES)})|{_FRACTION}|(?P<pct>\d+(?:,\d+)?)\s*(?:procent|%))"
    + _OF_APPLIED
)
SHARE_RE = re.compile(rf"\b{SHARE}", re.IGNORECASE)
# Anything that reads like a share of the applied amount, understood or not: a fraction word or a
# percentage a few words before "ansökt"/"sökt".
SHARE_LIKE = re.compile(
    r"\b(?:hälft\w*|halv\w*|\w+del(?:ar|en)?|\d+(?:,\d+)?\s*(?:procent|%)|\w+\s+procent)"
    r"(?:\s+\S+){0,4}?\s+(?:an)?sökt",
    re.IGNORECASE,
)


def share_of(text: str) -> Decimal | None:
    """The share of the applied amount that ``text`` names, or None."""
    match = SHARE_RE.search(text)
    if not match:
        return None
    if match.group("word"):
        return Decimal(1) / 2
    if match.group("den"):
        numerator = _NUMERATORS[match.group("num").lower()]
        return Decimal(numerator) / _DENOMINATORS[match.group("den").lower()]
    return Decimal(match.group("pct").replace(",", ".")) / 100
