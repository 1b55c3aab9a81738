"""Swedish text to search terms: words, stop words, Snowball stems, compound parts.

Shared by the search index (SQLite path) and the similar-measures ranking, so both see the
same terms. Pure Python; snowballstemmer implements the same Swedish algorithm as
PostgreSQL's 'swedish' text search configuration.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import snowballstemmer


def wordlist(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Swedish function words (the Snowball list, as PostgreSQL's 'swedish' configuration uses).
STOP_WORDS = wordlist(
    """
    alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din
    dina ditt du där då efter ej eller en er era ert ett från för ha hade han hans har henne
    hennes hon honom hur här i icke ingen inom inte jag ju kan kunde man med mellan men mig
    min mina mitt mot mycket ni nu när någon något några och om oss på samma sedan sig sin
    sina sitta själv skulle som så sådan sådana sådant till under upp ut utan vad var vara
    varför varit varje vars vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt över
    """
)

_stemmer = snowballstemmer.stemmer("swedish")


def words(text: str) -> list[str]:
    """Lower-cased words, hyphenated compounds split ("AI-stödd" → "ai", "stödd")."""
    return [w for w in _WORD.findall(text.lower()) if not w.isdigit()]


def content_words(text: str, stop: frozenset[str] = STOP_WORDS) -> list[str]:
    return [w for w in words(text) if w not in stop and len(w) > 1]


def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def stems(text: str, cache: dict[str, str] | None = None) -> list[str]:
    """The stems of the content words, in order (repeats kept, for term frequencies)."""
    cache = {} if cache is None else cache
    out = []
    for word in content_words(text):
        stemmed = cache.get(word)
        if stemmed is None:
            stemmed = cache[word] = stem(word)
        out.append(stemmed)
    return out


def query_stems(q: str) -> list[str]:
    """Stems of a search query, in order, without repeats and without function words."""
    return list(dict.fromkeys(stem(word) for word in content_words(q)))


def stem_text(parts: Iterable[str]) -> str:
    """One space-padded string of stems, for LIKE and FTS5 matching."""
    cache: dict[str, str] = {}
    out = [s for part in parts for s in stems(part, cache)]
    return " " + " ".join(out) + " " if out else ""
