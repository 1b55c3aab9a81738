"""Swedish number and money formats for output (input parsing lives in the intake app)."""

from __future__ import annotations

from typing import Any

NBSP = "\u00a0"


def format_thousands(value: Any) -> str:
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", NBSP)


def format_sek(value: Any) -> str:
    if value is None or value == "":
        return "–"
    return f"{format_thousands(value)}{NBSP}kr"
