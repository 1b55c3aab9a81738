"""Which tables an archive holds, in the order they can be loaded, and where files hang."""

from __future__ import annotations

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.migrations.loader import MigrationLoader

# Besides every sprida app (with its Historical* tables): groups and the admin's change log.
EXTRA_MODELS: tuple[type[models.Model], ...] = (Group, LogEntry)
# Rebuilt by `migrate`, so referred to by natural key (app label, model name, codename).
NATURAL_KEY_MODELS: tuple[type[models.Model], ...] = (ContentType, Permission)


def _is_sprida(model: type[models.Model]) -> bool:
    return model._meta.app_config is not None and model._meta.app_config.name.startswith("sprida.")


def archived_models() -> list[type[models.Model]]:
    """Every concrete table of the sprida apps and EXTRA_MODELS, parents before children."""
    chosen = [
        model
        for model in apps.get_models()
        if (_is_sprida(model) or model in EXTRA_MODELS)
        and model._meta.managed
        and not model._meta.proxy
    ]
    return _dependency_order(chosen)


def _dependencies(
    model: type[models.Model], chosen: set[type[models.Model]]
) -> set[type[models.Model]]:
    deps: set[type[models.Model]] = set()
    for field in model._meta.get_fields(include_hidden=False):
        if not field.concrete or not field.is_relation or field.related_model is None:
            continue
        if field.many_to_many or field.many_to_one or field.one_to_one:
            target = field.related_model._meta.concrete_model
            if target is not model and target in chosen:
                deps.add(target)
    return deps


def _dependency_order(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    """Topological order by foreign keys; ties by label, so the order is the same every time.
    Cycles are broken by label order: loading defers constraint checks to the end anyway."""
    remaining = {model: _dependencies(model, set(chosen)) for model in chosen}
    ordered: list[type[models.Model]] = []
    while remaining:
        ready = sorted(
            (m for m, deps in remaining.items() if not deps & remaining.keys()),
            key=lambda m: m._meta.label_lower,
        )
        if not ready:
            ready = [min(remaining, key=lambda m: m._meta.label_lower)]
        for model in ready:
            ordered.append(model)
            del remaining[model]
    return ordered


def history_model_of(model: type[models.Model]) -> type[models.Model] | None:
    manager = getattr(model, "history", None)
    history = getattr(manager, "model", None)
    return history if history is not None and history is not model else None


def file_field_names(model: type[models.Model]) -> list[str]:
    """Columns that hold names of stored files; history tables keep them as text."""
    source = getattr(model, "instance_type", model)  # a Historical* model points at its model
    names = [f.attname for f in source._meta.concrete_fields if isinstance(f, models.FileField)]
    own = {f.attname for f in model._meta.concrete_fields}
    return [name for name in names if name in own]


def migration_heads() -> dict[str, list[str]]:
    """The newest applied migration(s) of every app: what the data's shape depends on."""
    loader = MigrationLoader(connection)
    heads: dict[str, list[str]] = {}
    for app_label, name in sorted(loader.graph.leaf_nodes()):
        heads.setdefault(app_label, []).append(name)
    return heads


def unapplied_migrations() -> list[str]:
    loader = MigrationLoader(connection)
    applied = set(loader.applied_migrations)
    return sorted(f"{app}.{name}" for app, name in loader.graph.nodes if (app, name) not in applied)
