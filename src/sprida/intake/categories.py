"""A measure's category, suggested for the person who confirms a proposal."""

from __future__ import annotations

import re
from typing import Any

from sprida.grants.models import MeasureCategory

_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall((text or "").lower()))


def category_guess(title: str, categories: list[MeasureCategory]) -> MeasureCategory | None:
    """The category whose name or keywords the title mentions most."""
    text = _norm(title)
    best, best_score = None, 0
    for category in categories:
        words = [_norm(category.name), *(_norm(k) for k in category.keywords.splitlines())]
        score = sum(len(w) for w in words if w and w in text)
        if score > best_score:
            best, best_score = category, score
    return best


def suggested_category(
    title: str, categories: list[MeasureCategory], *, user: Any = None
) -> MeasureCategory | None:
    """The category the title names; else none."""
    return category_guess(title, categories)
