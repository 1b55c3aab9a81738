"""Similar measures from Swedish text: Snowball stems, compound heads, TF-IDF and cosine.

Pure Python and small enough to run per request over the measures a user may see. Each match
carries the shared terms that weigh most in it, so a person can see why two measures match.

Swedish writes compounds as one word ("hemmonitorering", "egenmonitorering"), so besides
the whole stem each long stem also yields its head when that head is a word of its own in
the corpus, or is shared by several compounds ("monitorering"). Half weight, so that whole
words still count for more.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sprida.search.text import STOP_WORDS, content_words, stem, wordlist

TITLE_REPEAT = 2  # a word in the title counts as much as two in the text
PART_WEIGHT = 0.6
MIN_HEAD = 4  # a standalone word used as compound head
MIN_SHARED_HEAD = 9  # a head found only inside compounds must be long, to skip suffixes
MIN_MODIFIER = 3
SHOWN_TERMS = 5
GRAM, GRAM_WEIGHT = 4, 0.3  # character 4-grams of stems catch inflections the stemmer leaves

# Words every grant text uses; they say nothing about what a measure does.
BOILERPLATE = wordlist(
    """
    region regionen regionens regioner regionerna åtgärd åtgärden åtgärder åtgärderna
    införande införandet införa inför införs införts införas implementering implementera
    implementeringen syfte syftet insats insatsen insatser satsning satsningen arbete
    arbetet projekt projektet ny nya nytt öka ökad ökade ökat ökar minska minskad minskade
    minskat minskar genom följs följa följer följas uppföljning uppföljningen tid tiden
    patient patienten patienter patienterna vård vården får få fått antal per tar ta
    förväntas färre fler flera in mer mindre stöd stödd vi även också samt ska skall
    bland annat exempel exempelvis därefter hela både dag dagens medarbetare verksamheter
    verksamheten verksamheterna mål målet målvärde demodata
    """
)
STOP = STOP_WORDS | BOILERPLATE
BOILERPLATE_STEMS = frozenset(stem(word) for word in BOILERPLATE)


@dataclass(frozen=True)
class SimilarityDoc:
    id: int
    group: int | None  # the region; matches within the same group can be left out
    title: str
    text: str


@dataclass
class Match:
    id: int
    score: float
    terms: list[str] = field(default_factory=list)


class SimilarityIndex:
    def __init__(self, docs: Iterable[SimilarityDoc]) -> None:
        self.docs = {doc.id: doc for doc in docs}
        cache: dict[str, str] = {}
        surface: dict[str, Counter[str]] = defaultdict(Counter)
        raw: dict[int, Counter[str]] = {}
        for doc in self.docs.values():
            counts: Counter[str] = Counter()
            for repeat, part in ((TITLE_REPEAT, doc.title), (1, doc.text)):
                for word in content_words(part, STOP):
                    stemmed = cache.get(word)
                    if stemmed is None:
                        stemmed = cache[word] = stem(word)
                    if stemmed in BOILERPLATE_STEMS:
                        continue
                    counts[stemmed] += repeat
                    surface[stemmed][word] += 1
            raw[doc.id] = counts
        self._surface = {s: words.most_common(1)[0][0] for s, words in surface.items()}
        vocabulary = set(surface)
        heads = self._shared_heads(vocabulary)
        self._parts: dict[str, list[str]] = {}
        for s in vocabulary:
            parts = self._split(s, vocabulary, heads)
            if parts:
                self._parts[s] = parts
        self.vectors = {doc_id: self._weigh(counts) for doc_id, counts in raw.items()}
        self._idf_apply()
        self._postings: dict[str, list[int]] = defaultdict(list)
        for doc_id, vector in self.vectors.items():
            for term in vector:
                self._postings[term].append(doc_id)

    @staticmethod
    def _shared_heads(vocabulary: set[str]) -> set[str]:
        seen: dict[str, set[str]] = defaultdict(set)
        for s in vocabulary:
            for i in range(MIN_MODIFIER, len(s) - MIN_SHARED_HEAD + 1):
                seen[s[i:]].add(s[:i])
        # A head must follow at least one modifier that is a word itself ("distans|monitorering"),
        # which keeps word-internal tails such as "umentation" out.
        return {
            head
            for head, modifiers in seen.items()
            if len(modifiers) >= 2 and any(m in vocabulary for m in modifiers)
        }

    @staticmethod
    def _split(s: str, vocabulary: set[str], heads: set[str]) -> list[str]:
        """The longest head of compound `s` that is a word or a shared head, and its modifier."""
        for i in range(MIN_MODIFIER, len(s) - MIN_HEAD + 1):
            head = s[i:]
            if head == s:
                continue
            if head in vocabulary or head in heads:
                modifier = s[:i]
                if modifier.endswith("s") and modifier[:-1] in vocabulary:
                    modifier = modifier[:-1]  # the linking s: "verksamhetsutveckling"
                parts = [head]
                if modifier in vocabulary:
                    parts.append(modifier)
                return parts
        return []

    def _weigh(self, counts: Counter[str]) -> dict[str, float]:
        weights: dict[str, float] = defaultdict(float)
        for term, n in counts.items():
            tf = 1.0 + math.log(n)
            weights[term] += tf
            for part in self._parts.get(term, ()):
                weights[part] += PART_WEIGHT * tf
            if GRAM_WEIGHT:
                padded = f"<{term}>"
                for i in range(len(padded) - GRAM + 1):
                    weights["#" + padded[i : i + GRAM]] += GRAM_WEIGHT * tf
        return dict(weights)

    def _idf_apply(self) -> None:
        df: Counter[str] = Counter()
        for vector in self.vectors.values():
            df.update(vector.keys())
        n = len(self.vectors)
        idf = {term: math.log((1 + n) / (1 + d)) + 1.0 for term, d in df.items()}
        for doc_id, vector in self.vectors.items():
            weighted = {term: w * idf[term] for term, w in vector.items()}
            norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
            self.vectors[doc_id] = {term: w / norm for term, w in weighted.items()}

    def label(self, term: str) -> str:
        """The word people wrote for a stem (its most common form), or the compound part."""
        return self._surface.get(term, term)

    def similar(
        self, doc_id: int, k: int = 3, *, other_groups: bool = True, min_score: float = 0.05
    ) -> list[Match]:
        vector = self.vectors.get(doc_id)
        if not vector:
            return []
        own_group = self.docs[doc_id].group
        scores: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for other in self._postings[term]:
                if other != doc_id:
                    scores[other] += weight * self.vectors[other][term]
        ranked = sorted(
            (
                (score, other)
                for other, score in scores.items()
                if score >= min_score
                and not (
                    other_groups and own_group is not None and self.docs[other].group == own_group
                )
            ),
            key=lambda pair: (-pair[0], pair[1]),
        )[:k]
        return [
            Match(other, round(score, 4), self.explain(doc_id, other)) for score, other in ranked
        ]

    def explain(self, a: int, b: int) -> list[str]:
        va, vb = self.vectors[a], self.vectors[b]
        shared = sorted(
            ((va[t] * vb[t], t) for t in va.keys() & vb.keys()), key=lambda p: (-p[0], p[1])
        )
        labels: list[str] = []
        for _weight, term in shared:
            if term.startswith("#"):
                continue
            label = self.label(term)
            if label not in labels:
                labels.append(label)
            if len(labels) == SHOWN_TERMS:
                break
        return labels
