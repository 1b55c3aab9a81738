"""No lost updates: every record with an edit form carries a row version.

A record's `row_version` starts at 1 and grows by one with every save. An edit form carries the
version the person loaded; the service claims the next version with one conditional UPDATE
(`... SET row_version = n + 1 WHERE pk = … AND row_version = n`) inside its transaction, so of two
saves from the same loaded version exactly one wins, on SQLite and PostgreSQL alike. The loser
gets `StaleEditError` with the record as it is now saved, who saved it and when; nothing of
theirs or the winner's is lost.

`row_version` rather than `version`: reports and dossiers already number their versions
(a correction, a new edition); this one counts saves of one row.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

VERSION_FIELD = "row_version"


class StaleEditError(Exception):
    """The record was saved by someone else after this edit was loaded (or was removed)."""

    def __init__(self, obj: models.Model, expected: int) -> None:
        self.expected = expected
        self.model = type(obj)
        self.current: Any = type(obj)._base_manager.filter(pk=obj.pk).first()
        self.saved_by, self.saved_at = last_saved(self.current)
        self.saved_by_id = last_saver_id(self.current)
        super().__init__(
            f"{type(obj).__name__} {obj.pk} is at version "
            f"{getattr(self.current, VERSION_FIELD, None)}, not {expected}"
        )


def person(user: Any) -> str:
    if user is None:
        return ""
    return (user.get_full_name() or user.get_username()).strip()


def last_saved(obj: Any) -> tuple[str, dt.datetime | None]:
    """Who saved `obj` last and when, from its history (blank when not known)."""
    manager = getattr(obj, "history", None)
    if obj is None or manager is None:
        return "", None
    record = manager.select_related("history_user").order_by("-history_date", "-pk").first()
    if record is None:
        return "", None
    return person(record.history_user), record.history_date


def last_saver_id(obj: Any) -> int | None:
    """The id of the user who saved `obj` last (None when not known or the system)."""
    manager = getattr(obj, "history", None)
    if obj is None or manager is None:
        return None
    record = manager.order_by("-history_date", "-pk").first()
    return getattr(record, "history_user_id", None)


def claim_version(obj: Any, expected: int | None) -> None:
    """Take the next version of `obj`'s row before saving it; refuse if `expected` is stale.

    Call it inside the write's transaction: the UPDATE holds the row (PostgreSQL) or the
    database (SQLite) until commit, so a second save from the same version waits and is then
    refused. `expected=None` means no precondition (the save still moves the version on).
    """
    rows = type(obj)._base_manager.filter(pk=obj.pk)
    with transaction.atomic():
        if expected is None:
            if rows.update(**{VERSION_FIELD: F(VERSION_FIELD) + 1}):
                setattr(obj, VERSION_FIELD, rows.values_list(VERSION_FIELD, flat=True).get())
        elif rows.filter(**{VERSION_FIELD: expected}).update(**{VERSION_FIELD: expected + 1}):
            setattr(obj, VERSION_FIELD, expected + 1)
        else:
            raise StaleEditError(obj, expected)
    obj._version_claimed = True


class Versioned(models.Model):
    """Abstract base for records people edit: `row_version` moves on with every save.

    A service that saves an edit calls `claim_version(obj, expected)` first; any other save
    (a status change, the admin, an import) claims the next version by itself, so an edit
    form opened before it is refused too. Bulk `QuerySet.update()` does not move it.
    """

    row_version = models.PositiveIntegerField(_("ändringsnummer"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding and self.pk is not None:
            if not self.__dict__.pop("_version_claimed", False):
                claim_version(self, None)
                self.__dict__.pop("_version_claimed", None)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], VERSION_FIELD}
        super().save(*args, **kwargs)


# HTTP entity tags ----------------------------------------------------------------------------

_TAG = re.compile(r'^(?:W/)?"v(\d{1,9})"$')


def etag(obj: Any) -> str:
    """The entity tag of a record as it is now: its row version, quoted."""
    return f'"v{getattr(obj, VERSION_FIELD)}"'


def versions_in(if_match: str) -> set[int] | None:
    """The row versions an If-Match header names; None for `*` (any version)."""
    versions: set[int] = set()
    for part in if_match.split(","):
        tag = part.strip()
        if tag == "*":
            return None
        match = _TAG.match(tag)
        if match:
            versions.add(int(match.group(1)))
    return versions
