"""One search backend per database: FTS5 on SQLite, full-text search on PostgreSQL.

Both take a queryset of SearchEntry rows that is already restricted to what the user may
see, and return (entry id, score) pairs best first. Ranking happens inside the database, on
the restricted rows only, so the limit never cuts away visible results in favour of hidden ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from django.db import connection, models
from django.db.backends.base.base import BaseDatabaseWrapper

from sprida.search.text import query_stems, stem_text, words

FTS_TABLE = "search_entry_fts"
# Title matches count five times as much as body matches (bm25 column weights).
TITLE_WEIGHT, BODY_WEIGHT = 5.0, 1.0
# Short query terms match whole stems only; longer ones also match as prefixes, which
# lets "journal" find "journalföring" in Swedish compounds.
PREFIX_MIN = 4


class Backend(Protocol):
    name: str

    def add(self, entries: Sequence[Any]) -> None: ...

    def remove(self, ids: Sequence[int]) -> None: ...

    def clear(self) -> None: ...

    def search(
        self, restricted: models.QuerySet[Any], q: str, limit: int
    ) -> list[tuple[int, float]]: ...


def fts5_available(conn: BaseDatabaseWrapper) -> bool:
    if conn.vendor != "sqlite":
        return False
    with conn.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type='table' AND name=%s", [FTS_TABLE])
        return cursor.fetchone() is not None


class SqliteFtsBackend:
    """SQLite FTS5 over stems computed in Python (the Swedish Snowball stemmer)."""

    name = "sqlite-fts5"

    def add(self, entries: Sequence[Any]) -> None:
        rows = [(entry.pk, stem_text([entry.title]), stem_text([entry.body])) for entry in entries]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (%s, %s, %s)", rows
            )

    def remove(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                marks = ",".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    @staticmethod
    def match_expression(q: str) -> str:
        terms = []
        for term in query_stems(q):
            # Stems are word characters only, so quoting cannot be broken out of.
            terms.append(f'"{term}"*' if len(term) >= PREFIX_MIN else f'"{term}"')
        return " AND ".join(terms)

    def search(
        self, restricted: models.QuerySet[Any], q: str, limit: int
    ) -> list[tuple[int, float]]:
        match = self.match_expression(q)
        if not match:
            return []
        inner_sql, inner_params = restricted.values("id").query.sql_with_params()
        # Match first (the full-text index is fast), then keep the rows the user may see.
        # MATERIALIZED stops SQLite from driving the match row by row from the visibility side.
        sql = (
            f"WITH matched AS MATERIALIZED ("
            f"SELECT rowid AS id, bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) "
            f"SELECT id, score FROM matched WHERE id IN ({inner_sql}) ORDER BY score LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *inner_params, limit])
            # bm25() is lower-is-better; flip it so every backend scores higher-is-better.
            return [(int(pk), -float(score)) for pk, score in cursor.fetchall()]


class PostgresBackend:
    """PostgreSQL full-text search with the 'swedish' configuration over title and body.

    A GIN index on the same expression (created by migration 0002) keeps it fast.
    """

    name = "postgresql"

    @staticmethod
    def vector() -> Any:
        from django.contrib.postgres.search import SearchVector

        return SearchVector("title", weight="A", config="swedish") + SearchVector(
            "body", weight="B", config="swedish"
        )

    @staticmethod
    def tsquery(q: str) -> str:
        terms = [w for w in dict.fromkeys(words(q))]
        return " & ".join(f"{w}:*" if len(w) >= PREFIX_MIN else w for w in terms)

    def add(self, entries: Sequence[Any]) -> None:
        return None  # the expression index follows the rows by itself

    def remove(self, ids: Sequence[int]) -> None:
        return None

    def clear(self) -> None:
        return None

    def search(
        self, restricted: models.QuerySet[Any], q: str, limit: int
    ) -> list[tuple[int, float]]:
        from django.contrib.postgres.search import SearchQuery, SearchRank

        raw = self.tsquery(q)
        if not raw:
            return []
        query = SearchQuery(raw, config="swedish", search_type="raw")
        vector = self.vector()
        rows = (
            restricted.annotate(document=vector)
            .filter(document=query)
            .annotate(score=SearchRank(vector, query))
            .order_by("-score", "id")
            .values_list("id", "score")[:limit]
        )
        return [(int(pk), float(score)) for pk, score in rows]


class LikeBackend:
    """Plain LIKE over the stored stems: for databases without a full-text engine."""

    name = "like"

    def add(self, entries: Sequence[Any]) -> None:
        return None

    def remove(self, ids: Sequence[int]) -> None:
        return None

    def clear(self) -> None:
        return None

    def search(
        self, restricted: models.QuerySet[Any], q: str, limit: int
    ) -> list[tuple[int, float]]:
        terms = query_stems(q)
        if not terms:
            return []
        qs = restricted
        for term in terms:
            qs = qs.filter(stems__contains=f" {term}")
        return [(pk, 1.0) for pk in qs.order_by("-date", "id").values_list("id", flat=True)[:limit]]


def backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if fts5_available(connection):
        return SqliteFtsBackend()
    return LikeBackend()
