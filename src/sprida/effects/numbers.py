"""Swedish number formats for indicator values (money is formatted by core.formats)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sprida.core.formats import NBSP


def format_decimal(value: Any, places: int | None = None) -> str:
    """Decimal('1234.5000') → '1 234,5'; trailing zeros dropped unless `places` is given."""
    if value is None or value == "":
        return "–"
    number = Decimal(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
        text = f"{number:,.{places}f}"
    else:
        normal = number.normalize()
        exponent = normal.as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
        text = f"{number:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",").replace("-", "\u2212")


def format_percent(value: Any) -> str:
    if value is None:
        return "–"
    sign = "+" if Decimal(value) > 0 else ""
    return f"{sign}{format_decimal(value, 1)}{NBSP}%"
