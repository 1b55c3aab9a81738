"""A measure's category, suggested for the person who confirms a proposal.

The category whose name or keywords the title mentions; where none does, the category of the
most similar measures already registered (spreading's similar-measures ranking).
"""

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


def suggested_categories(
    titles: list[str], categories: list[MeasureCategory], *, user: Any
) -> list[MeasureCategory | None]:
    """One suggestion per title (None where neither the words nor similar measures tell)."""
    from sprida.spreading.selectors import categories_by_similar_measures

    guesses = [category_guess(title, categories) for title in titles]
    unplaced = [n for n, guess in enumerate(guesses) if guess is None]
    if unplaced:
        similar = categories_by_similar_measures(user=user, titles=[titles[n] for n in unplaced])
        for n, category in zip(unplaced, similar, strict=True):
            guesses[n] = category
    return guesses
