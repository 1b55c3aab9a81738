"""What every grant write shares: who wrote it, the rules, the audit trail and search."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sprida.core.access import author
from sprida.grants import rules


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Du har inte behörighet att göra den här ändringen."))


def _refuse(findings: Iterable[rules.Finding]) -> None:
    problems = rules.errors(findings)
    if problems:
        raise ValidationError([p.message for p in problems])


def _save(obj: Any, by: Any, **kwargs: Any) -> None:
    obj._history_user = author(by)
    obj.full_clean(**kwargs)
    obj.save()
    _reindex_on_commit(obj)


def _reindex_on_commit(obj: Any) -> None:
    """Keep search in step with the write, once it is committed (no-op for unsearchable kinds)."""
    from sprida.search.services import search_index_object

    transaction.on_commit(lambda: search_index_object(obj))
