"""Swedish money amounts to whole kronor: "34 870 000 kronor", "1,6 miljarder kronor", "82,9 mnkr".

Values are computed with Decimal and returned as int; floats never touch money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_SPACES = re.compile(r"[\u00a0\u2009\u202f\u2007 ]")

# Thousands groups separated by a space or a dot, or plain digits; decimals after a comma.
_NUMBER = r"(?<![\d,.])(?P<num>\d{1,3}(?:(?: |\.)\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
# Units that contain the currency themselves.
_SELF_UNITS = {
    "mdkr": 10**9,
    "mdr kr": 10**9,
    "mnkr": 10**6,
    "mkr": 10**6,
    "msek": 10**6,
    "mn kr": 10**6,
    "tkr": 10**3,
    "ksek": 10**3,
}
# Units that need "kronor"/"kr"/"sek" after them.
_WORD_UNITS = {
    "miljarder": 10**9,
    "miljard": 10**9,
    "miljoner": 10**6,
    "miljon": 10**6,
    "mn": 10**6,
    "mdr": 10**9,
    "tusen": 10**3,
}
# "kronorna": "av de sökta 9 000 000 kronorna"
_CURRENCY = r"(?:kronorna|kronor|krona|kr|sek)"
_SELF = "|".join(
    sorted((re.escape(k).replace(r"\ ", " ?") for k in _SELF_UNITS), key=len, reverse=True)
)
_WORDS = "|".join(sorted(_WORD_UNITS, key=len, reverse=True))
AMOUNT_RE = re.compile(
    _NUMBER
    + r"\s?(?:(?P<self>"
    + _SELF
    + r")(?![\w])|(?:(?P<word>"
    + _WORDS
    + r")\s)?(?P<cur>"
    + _CURRENCY
    + r")(?![\w])|(?P<dash>:-))",
    re.IGNORECASE,
)


# "250 miljoner per år", "46 miljoner för perioden": a scale word without the currency is money
# only where the caller knows the sentence is about money, and only when no counted noun follows
# ("2 miljoner invånare" is people).
_BARE_RE = re.compile(
    _NUMBER + r"\s(?P<bare>miljarder|miljard|miljoner|miljon|mdr|mn)(?![\w])"
    r"(?=\s*(?:[.,;:)]|\s-\s|$|(?:per|i|till|för|under|om|och|att|från|av|med|hos|år|årligen|"
    r"som|varav|inom|samt|vilket|eller|ska|skall|har|är|blir|kommer|fördelas|beviljas|avsätts|"
    r"betalas|sökt|sökta|ansökt|totalt|sammanlagt)\b))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AmountMatch:
    value: int
    start: int
    end: int
    text: str


def _to_kronor(number: str, factor: int) -> int | None:
    digits = number.replace(" ", "")
    # A dot is a thousands separator only in the grouped form "1.200.000".
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        digits = digits.replace(".", "")
    try:
        value = Decimal(digits.replace(",", ".")) * factor
    except InvalidOperation:
        return None
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _unit_factor(match: re.Match[str]) -> int:
    if match.group("self"):
        key = re.sub(r" ?", "", match.group("self").lower())
        for unit, factor in _SELF_UNITS.items():
            if unit.replace(" ", "") == key:
                return factor
    if match.group("word"):
        return _WORD_UNITS[match.group("word").lower()]
    return 1


def find_amounts(text: str, *, bare: bool = False) -> list[AmountMatch]:
    """All money amounts in ``text`` with their spans (text should use plain spaces).

    With ``bare``, for text known to be about money, "250 miljoner" without the currency counts.
    """
    found: list[AmountMatch] = []
    for match in AMOUNT_RE.finditer(text):
        value = _to_kronor(match.group("num"), _unit_factor(match))
        if value is not None:
            found.append(AmountMatch(value, match.start(), match.end(), match.group(0)))
    if bare:
        # A bare match never overlaps a currency one: no currency may follow its scale word.
        for match in _BARE_RE.finditer(text):
            value = _to_kronor(match.group("num"), _WORD_UNITS[match.group("bare").lower()])
            if value is not None:
                found.append(AmountMatch(value, match.start(), match.end(), match.group(0)))
        found.sort(key=lambda amount: amount.start)
    return found


def parse_amount(text: str) -> int | None:
    """The amount that ``text`` is (whole string), in kronor, or None."""
    cleaned = _SPACES.sub(" ", text or "").strip()
    match = AMOUNT_RE.fullmatch(cleaned)
    if match is None:
        return None
    return _to_kronor(match.group("num"), _unit_factor(match))


def format_sek(value: int) -> str:
    """34870000 -> '34 870 000 kr' (space as thousands separator)."""
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value):,}".replace(",", " ") + " kr"
