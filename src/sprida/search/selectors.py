"""Reads from the search index, always scoped to what the user may see."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from sprida.core.access import restrict
from sprida.search.backends import PREFIX_MIN, backend
from sprida.search.models import SearchEntry
from sprida.search.registry import builders
from sprida.search.text import query_stems, stem, words

MAX_QUERY = 200
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
SNIPPET_CHARS = 90


@dataclass
class Hit:
    kind: str
    kind_label: str
    object_id: int
    title: str
    url: str
    owner: str
    category: str
    date: dt.date | None
    public: bool
    score: float
    snippet: tuple[str, str, str]  # text before the matched word, the word, text after


def _snippet(body: str, stems_wanted: list[str]) -> tuple[str, str, str]:
    """A short piece of the text around the first word that matches the query."""
    if not body:
        return ("", "", "")
    lowered = body.lower()
    cursor = 0
    for word in words(body):
        position = lowered.find(word, cursor)
        cursor = position + len(word)
        s = stem(word)
        if any(s == w or (len(w) >= PREFIX_MIN and s.startswith(w)) for w in stems_wanted):
            start = max(position - SNIPPET_CHARS, 0)
            end = min(cursor + SNIPPET_CHARS, len(body))
            before = ("…" if start else "") + body[start:position]
            after = body[cursor:end] + ("…" if end < len(body) else "")
            return (before, body[position:cursor], after)
    end = min(2 * SNIPPET_CHARS, len(body))
    return (body[:end] + ("…" if end < len(body) else ""), "", "")


def entries_for_user(
    *, user: Any, kinds: list[str] | None = None, region: int | None = None, category: str = ""
) -> QuerySet[SearchEntry]:
    qs = SearchEntry.objects.all()
    if kinds:
        qs = qs.filter(kind__in=kinds)
    if region:
        qs = qs.filter(owner_id=region)
    if category:
        qs = qs.filter(category=category)
    return restrict(qs, user, "view")


def search_for_user(
    *,
    user: Any,
    q: str,
    kinds: list[str] | None = None,
    limit: int = DEFAULT_LIMIT,
    region: int | None = None,
    category: str = "",
) -> list[Hit]:
    """Ranked hits for the query among the records the user may see (also the API's search)."""
    q = (q or "").strip()[:MAX_QUERY]
    registered = builders()
    chosen = [k for k in (kinds or list(registered)) if k in registered]
    if not q or not chosen:
        return []
    limit = max(1, min(int(limit), MAX_LIMIT))
    restricted = entries_for_user(user=user, kinds=chosen, region=region, category=category)
    ranked = backend().search(restricted, q, limit)
    if not ranked:
        return []
    entries = {
        e.pk: e
        for e in SearchEntry.objects.filter(pk__in=[pk for pk, _ in ranked])
        .defer("stems")
        .select_related("owner")
    }
    # The index mirrors the rules at indexing time; ask the source records again, so a row
    # whose source changed since is never shown to someone who may no longer see it.
    wanted: dict[str, list[int]] = defaultdict(list)
    for entry in entries.values():
        wanted[entry.kind].append(entry.object_id)
    visible: set[tuple[str, int]] = set()
    for kind, ids in wanted.items():
        model = registered[kind].model
        pks = restrict(model._default_manager.filter(pk__in=ids), user, "view").values_list(
            "pk", flat=True
        )
        visible.update((kind, pk) for pk in pks)
    stems_wanted = query_stems(q)
    hits = []
    for pk, score in ranked:
        found = entries.get(pk)
        if found is None or (found.kind, found.object_id) not in visible:
            continue
        entry = found
        hits.append(
            Hit(
                kind=entry.kind,
                kind_label=str(registered[entry.kind].label),
                object_id=entry.object_id,
                title=entry.title,
                url=entry.url,
                owner=entry.owner.name if entry.owner else "",
                category=entry.category,
                date=entry.date,
                public=entry.public,
                score=round(score, 4),
                snippet=_snippet(entry.body, stems_wanted),
            )
        )
    return hits


def search_kinds() -> list[tuple[str, str]]:
    return [(kind, str(b.label)) for kind, b in builders().items()]
