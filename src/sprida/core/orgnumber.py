"""Swedish organisation numbers (organisationsnummer): format and Luhn check."""

from __future__ import annotations

import re

_NON_DIGITS = re.compile(r"\D")


def digits(value: str) -> str:
    return _NON_DIGITS.sub("", value or "")


def luhn_valid(value: str) -> bool:
    """True for a ten-digit number whose last digit is the Luhn check digit of the first nine."""
    number = digits(value)
    if len(number) != 10:
        return False
    total = 0
    for index, char in enumerate(number):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def format_org_number(value: str) -> str:
    """'2321000164', '232100–0164' → '232100-0164' (left unchanged if not ten digits)."""
    number = digits(value)
    return f"{number[:6]}-{number[6:]}" if len(number) == 10 else value
