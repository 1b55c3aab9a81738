"""Which kinds of record are searchable, and how each becomes a search document.

Apps plug in with `register(kind, builder)` from their AppConfig.ready():

    search.registry.register("document", Builder(
        model=Document, label=_("Dokument"), document=lambda d: Document(title=..., ...)))

Visibility is not the builder's business: the indexer reads it from the model's access rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.functional import Promise

from sprida.core.access import AccessRules


@dataclass(frozen=True)
class Doc:
    """What one record contributes to the index."""

    title: str
    body: str = ""
    url: str = ""
    category: str = ""
    date: dt.date | None = None
    extra: list[str] = field(default_factory=list)  # more text that should match, e.g. names


@dataclass(frozen=True)
class Builder:
    model: type[models.Model]
    label: str | Promise
    document: Callable[[Any], Doc]
    # The rows to index, with what `document` reads preloaded; defaults to all rows.
    queryset: Callable[[], models.QuerySet[Any]] | None = None

    def rows(self) -> models.QuerySet[Any]:
        if self.queryset is not None:
            return self.queryset()
        return self.model._default_manager.all()


_builders: dict[str, Builder] = {}


def register(kind: str, builder: Builder) -> Builder:
    rules = getattr(builder.model, "access_rules", None)
    if not isinstance(rules, AccessRules):
        raise ImproperlyConfigured(f"{builder.model.__name__} declares no access_rules")
    if not rules.owner and rules.public is None:
        # "every signed-in user" has no column in the index; such data is not searchable.
        raise ImproperlyConfigured(f"{builder.model.__name__}: no owner and no public rows")
    if not rules.national_read:
        raise ImproperlyConfigured(f"{builder.model.__name__}: national_read=False unsupported")
    _builders[kind] = builder
    return builder


def unregister(kind: str) -> None:
    _builders.pop(kind, None)


def builders() -> dict[str, Builder]:
    return dict(_builders)


def builder_for(kind: str) -> Builder:
    try:
        return _builders[kind]
    except KeyError:
        raise ImproperlyConfigured(f"no search builder for kind {kind!r}") from None


def kind_of(model: type[models.Model]) -> str | None:
    for kind, builder in _builders.items():
        if builder.model is model:
            return kind
    return None
