"""Swedish alphabetical order, the same in Python and in both databases.

Swedish puts å, ä and ö after z (Gotland before Gävleborg, Örebro and Östergötland last), folds
é into e, ü into y, æ into ä and ø into ö, and ranks spaces before digits before letters. In the
database an ordering expression, `Swedish("name")`, uses ICU's Swedish collation on PostgreSQL
and on SQLite a collation registered on each connection that uses `swedish_key` itself.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.signals import connection_created
from django.db.models.functions import Collate

_LETTERS = "0123456789abcdefghijklmnopqrstuvwxyzåäö"
_RANK = {char: rank for rank, char in enumerate(_LETTERS)}
_FOLD = str.maketrans("àáâãèéêëìíîïñòóôõúùûüýÿçæøđþ", "aaaaeeeeiiiinoooouuuyyycäödt")
SQLITE_COLLATION = "sv"
POSTGRESQL_COLLATION = "sv-x-icu"


def _primary(char: str) -> int:
    rank = _RANK.get(char)
    if rank is not None:
        return rank
    # Other letters after ö in code-point order; spaces and punctuation before digits.
    return 1000 + ord(char) if char.isalpha() else ord(char) - 0x110000


def swedish_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Sort key: letters first (folded, Swedish alphabet), then accents, then lower case first."""
    lowered = text.casefold()
    folded = lowered.translate(_FOLD)
    accents = tuple(int(a != b) for a, b in zip(lowered, folded, strict=True))
    return tuple(_primary(c) for c in folded), accents, text.swapcase()


def swedish_sorted(items: Any, key: Any = None) -> list[Any]:
    """`sorted` in Swedish order; `key` gives the text of an item (default: the item)."""
    text_of = key or (lambda item: item)
    return sorted(items, key=lambda item: swedish_key(str(text_of(item))))


class Swedish(Collate):
    """Order by a text column in Swedish: `qs.order_by(Swedish("name"))`."""

    def __init__(self, expression: Any) -> None:
        super().__init__(expression, SQLITE_COLLATION)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        extra["collation"] = connection.ops.quote_name(POSTGRESQL_COLLATION)
        return self.as_sql(compiler, connection, **extra)


def _compare(left: str, right: str) -> int:
    a, b = swedish_key(left), swedish_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, _compare)


connection_created.connect(register_sqlite_collation, dispatch_uid="sprida.swedish_collation")
