"""Writes to the search index. Apps call these explicitly after they change a record."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import models, transaction

from sprida.core.access import AccessRules
from sprida.search.backends import backend
from sprida.search.models import SearchEntry
from sprida.search.registry import Builder, builder_for, builders, kind_of
from sprida.search.text import stem_text

BATCH = 500
MAX_BODY = 20_000  # characters kept per record; enough for a memo, bounded for a long report


def _visibility(
    model: type[models.Model], rules: AccessRules, pks: list[int]
) -> tuple[dict[int, int | None], dict[int, set[int]], set[int], set[int]]:
    """Owner, participants, public and private, read from the model's own access rules."""
    rows = model._default_manager.filter(pk__in=pks)
    owners: dict[int, int | None] = dict.fromkeys(pks)
    if rules.owner:
        owners.update(dict(rows.values_list("pk", rules.owner)))
    participants: dict[int, set[int]] = defaultdict(set)
    if rules.participants:
        for pk, org in rows.values_list("pk", rules.participants):
            if org is not None:
                participants[pk].add(org)
    public = set(rows.filter(rules.public).values_list("pk", flat=True)) if rules.public else set()
    private = (
        set(rows.filter(rules.private).values_list("pk", flat=True)) if rules.private else set()
    )
    return owners, participants, public, private


def _index_batch(kind: str, builder: Builder, objects: Sequence[Any]) -> int:
    if not objects:
        return 0
    rules: AccessRules = builder.model.access_rules  # type: ignore[attr-defined]
    pks = [obj.pk for obj in objects]
    owners, participants, public, private = _visibility(builder.model, rules, pks)
    entries = []
    for obj in objects:
        doc = builder.document(obj)
        body = "\n".join(part for part in [doc.body, *doc.extra] if part)[:MAX_BODY]
        entries.append(
            SearchEntry(
                kind=kind,
                object_id=obj.pk,
                owner_id=owners.get(obj.pk),
                public=obj.pk in public,
                private=obj.pk in private,
                title=doc.title[:400],
                body=body,
                stems=stem_text([doc.title, body]),
                url=doc.url[:400],
                category=doc.category[:60],
                date=doc.date,
            )
        )
    _remove(kind, pks)
    created = SearchEntry.objects.bulk_create(entries)
    through = SearchEntry.participants.through
    through.objects.bulk_create(
        [
            through(searchentry_id=entry.pk, organisation_id=org)
            for entry in created
            for org in sorted(participants.get(entry.object_id, ()))
        ]
    )
    backend().add(created)
    return len(created)


def _delete_entries(ids: Sequence[int]) -> None:
    backend().remove(ids)
    for start in range(0, len(ids), BATCH):
        SearchEntry.objects.filter(id__in=ids[start : start + BATCH]).delete()


def _remove(kind: str, object_ids: Iterable[int]) -> int:
    wanted = list(object_ids)
    stale: list[int] = []
    for start in range(0, len(wanted), BATCH):
        stale += SearchEntry.objects.filter(
            kind=kind, object_id__in=wanted[start : start + BATCH]
        ).values_list("id", flat=True)
    _delete_entries(stale)
    return len(stale)


@transaction.atomic
def search_index(*, kind: str, object_ids: Iterable[int]) -> int:
    """(Re)index these records of one kind; ids that no longer exist leave the index."""
    builder = builder_for(kind)
    ids = list(object_ids)
    count = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        objects = list(builder.rows().filter(pk__in=chunk))
        found = {obj.pk for obj in objects}
        _remove(kind, [pk for pk in chunk if pk not in found])
        count += _index_batch(kind, builder, objects)
    return count


def search_index_object(obj: models.Model) -> None:
    """Index one record after a write, if its kind is searchable."""
    kind = kind_of(type(obj))
    if kind is not None:
        search_index(kind=kind, object_ids=[obj.pk])


def search_unindex(*, kind: str, object_ids: Iterable[int]) -> int:
    with transaction.atomic():
        return _remove(kind, object_ids)


def search_reindex(*, kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Rebuild the index for these kinds (default all): every row, and drop orphans."""
    registered = builders()
    chosen = list(kinds) if kinds is not None else list(registered)
    counts: dict[str, int] = {}
    for kind in chosen:
        builder = registered[kind] if kind in registered else builder_for(kind)
        with transaction.atomic():
            _delete_entries(
                list(SearchEntry.objects.filter(kind=kind).values_list("id", flat=True))
            )
            count = 0
            rows = builder.rows().order_by("pk")
            batch: list[Any] = []
            for obj in rows.iterator(chunk_size=BATCH):
                batch.append(obj)
                if len(batch) >= BATCH:
                    count += _index_batch(kind, builder, batch)
                    batch = []
            count += _index_batch(kind, builder, batch)
        counts[kind] = count
    if kinds is None:
        # Kinds no longer registered leave the index entirely.
        with transaction.atomic():
            _remove_kinds_except(set(registered))
    return counts


def _remove_kinds_except(keep: set[str]) -> None:
    _delete_entries(list(SearchEntry.objects.exclude(kind__in=keep).values_list("id", flat=True)))
