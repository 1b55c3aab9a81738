"""Restore an archive into an empty database: checked first, then loaded in one transaction."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, models, transaction

from sprida.accounts.models import User
from sprida.api.archive import FORMAT, FORMAT_VERSION, MANIFEST, ArchiveError, scope
from sprida.search.services import search_reindex

BATCH = 500


@dataclass
class RestoreSummary:
    tables: int
    rows: int
    files: int
    cleared_reference_rows: int
    indexed: int = 0


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_read(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as error:
        raise ArchiveError(f"This is not a Sprida archive: {MANIFEST} is missing.") from error
    except ValueError as error:
        raise ArchiveError(f"{MANIFEST} is not valid JSON: {error}.") from error
    if manifest.get("format") != FORMAT:
        raise ArchiveError(f"This is not a Sprida archive (format {manifest.get('format')!r}).")
    found = manifest.get("format_version")
    if found != FORMAT_VERSION:
        raise ArchiveError(
            f"The archive has format version {found}; this version of Sprida reads version "
            f"{FORMAT_VERSION}. Restore it with the Sprida version that wrote it."
        )
    _check_lists(manifest)
    return manifest


# What every entry of the manifest's two lists must hold, with the type of each value.
_ENTRY_KEYS: dict[str, dict[str, type]] = {
    "models": {"label": str, "file": str, "count": int, "sha256": str},
    "files": {"name": str, "path": str, "sha256": str},
}


def _check_lists(manifest: dict[str, Any]) -> None:
    for key, fields in _ENTRY_KEYS.items():
        entries = manifest.get(key)
        if not isinstance(entries, list):
            raise ArchiveError(
                f"{MANIFEST} lacks its list of {key}, so the archive cannot be checked or "
                "restored. It is incomplete or was not written by `sprida export`; nothing "
                "was restored."
            )
        for position, entry in enumerate(entries, start=1):
            bad = [
                name
                for name, kind in fields.items()
                if not isinstance(entry, dict) or not isinstance(entry.get(name), kind)
            ]
            if bad:
                raise ArchiveError(
                    f"Entry {position} of the {key} in {MANIFEST} lacks "
                    + ", ".join(bad)
                    + "; the manifest is damaged and nothing was restored."
                )


def _check_hashes(archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
    entries = [(t["file"], t["sha256"]) for t in manifest["models"]]
    entries += [(f["path"], f["sha256"]) for f in manifest["files"]]
    for name, expected in entries:
        digest = hashlib.sha256()
        try:
            with archive.open(name) as entry:
                while chunk := entry.read(1 << 20):
                    digest.update(chunk)
        except KeyError as error:
            raise ArchiveError(f"The archive lacks {name}, which its manifest lists.") from error
        if digest.hexdigest() != expected:
            raise ArchiveError(
                f"{name} does not match its SHA-256 in the manifest: the archive is damaged "
                "or was changed. Nothing was restored."
            )


def _check_migrations(manifest: dict[str, Any]) -> None:
    ours = scope.migration_heads()
    theirs = manifest.get("migrations", {})
    differences = [
        f"{app}: archive {theirs.get(app, [])}, database {ours.get(app, [])}"
        for app in sorted(set(ours) | set(theirs))
        if sorted(ours.get(app, [])) != sorted(theirs.get(app, []))
    ]
    if differences:
        raise ArchiveError(
            "The archive was written with a different database schema ("
            + "; ".join(differences[:5])
            + "). Restore with the Sprida version that wrote it, then upgrade and migrate."
        )
    pending = scope.unapplied_migrations()
    if pending:
        raise ArchiveError(
            "Run `sprida migrate` before restoring (" + ", ".join(pending[:5]) + ")."
        )


def _models_in(manifest: dict[str, Any]) -> list[type[models.Model]]:
    found = []
    for table in manifest["models"]:
        try:
            found.append(apps.get_model(table["label"]))
        except LookupError as error:
            raise ArchiveError(
                f"The archive holds {table['label']}, which this version of Sprida lacks."
            ) from error
    return found


def _reference_rows(models_: list[type[models.Model]]) -> list[type[models.Model]]:
    """Tables that hold only rows written by migrations (reference data such as the measure
    categories): such rows have no history, while every row a person or import made has.
    Anything else in the database means it is not empty, and the restore refuses."""
    occupied: list[str] = []
    seeded: list[type[models.Model]] = []
    no_users = not User.objects.exists()
    for model in models_:
        count = model._base_manager.count()
        if not count:
            continue
        history = scope.history_model_of(model)
        if no_users and history is not None and not history._base_manager.exists():
            seeded.append(model)
        else:
            occupied.append(f"{model._meta.label_lower} ({count})")
    if occupied:
        raise ArchiveError(
            "The database is not empty: "
            + ", ".join(occupied[:8])
            + (" …" if len(occupied) > 8 else "")
            + ". Restore into a new database: create it, run `sprida migrate`, then "
            "`sprida import-archive FILE`."
        )
    return seeded


def _safe_name(name: str) -> str:
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name:
        raise ArchiveError(f"The archive names an unsafe file path: {name!r}.")
    return name


def _insert(model: type[models.Model], objects: list[Any]) -> None:
    """Insert rows as they are (raw): keep primary keys and timestamps, send no signals, so
    the history tables are restored from the archive rather than written anew."""
    fields = [f for f in model._meta.local_concrete_fields]
    size = max(1, min(BATCH, connection.ops.bulk_batch_size(fields, objects) or BATCH))
    for start in range(0, len(objects), size):
        model._base_manager._insert(  # type: ignore[attr-defined]
            objects[start : start + size], fields=fields, raw=True, using=DEFAULT_DB_ALIAS
        )


def _load_table(archive: zipfile.ZipFile, table: dict[str, Any]) -> int:
    model = apps.get_model(table["label"])
    rows: list[Any] = []
    m2m: dict[str, list[tuple[Any, Any]]] = defaultdict(list)
    with archive.open(table["file"]) as stream:
        for item in serializers.deserialize("json", stream, ignorenonexistent=False):
            rows.append(item.object)
            for field_name, values in (item.m2m_data or {}).items():
                m2m[field_name].append((item.object.pk, values))
    if len(rows) != table["count"]:
        raise ArchiveError(
            f"{table['file']} holds {len(rows)} rows, the manifest says {table['count']}."
        )
    _insert(model, rows)
    for field_name, pairs in m2m.items():
        field: Any = model._meta.get_field(field_name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        links = [
            through(**{f"{source}_id": pk, f"{target}_id": value})
            for pk, values in pairs
            for value in values
        ]
        through._base_manager.bulk_create(links, batch_size=BATCH)
    return len(rows)


def archive_restore(path: Path) -> RestoreSummary:
    path = Path(path)
    if not path.is_file():
        raise ArchiveError(f"{path} does not exist.")
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise ArchiveError(f"{path} is not a zip archive.") from error
    written: list[str] = []
    with archive:
        manifest = manifest_read(archive)
        for entry in manifest["files"]:
            _safe_name(entry["name"])
        _check_hashes(archive, manifest)
        _check_migrations(manifest)
        models_ = _models_in(manifest)
        try:
            with transaction.atomic():
                seeded = _reference_rows(models_)
                cleared = 0
                for model in reversed(seeded):
                    cleared += model._base_manager.all()._raw_delete(DEFAULT_DB_ALIAS)
                rows = sum(_load_table(archive, table) for table in manifest["models"])
                _check_references(models_)
                _reset_sequences(models_)
                # The index is derived data (SQLite's full-text table is not even a model):
                # rebuilt from the restored rows, so searches find what they found before.
                indexed = sum(search_reindex().values())
                for entry in manifest["files"]:
                    _restore_file(archive, entry, written)
        except Exception as error:
            for name in written:  # the database rolled back; take the files back too
                default_storage.delete(name)
            if isinstance(error, IntegrityError | DeserializationError):
                raise ArchiveError(
                    f"The archive's rows do not fit together, so nothing was restored: {error}"
                ) from error
            raise
    return RestoreSummary(
        tables=len(models_),
        rows=rows,
        files=len(manifest["files"]),
        cleared_reference_rows=cleared,
        indexed=indexed,
    )


def _check_references(models_: list[type[models.Model]]) -> None:
    try:
        connection.check_constraints(table_names=[m._meta.db_table for m in models_])
    except IntegrityError as error:
        raise ArchiveError(
            "The archive refers to rows it does not hold (a foreign key points nowhere), so "
            f"nothing was restored. The database says: {error}"
        ) from error


def _reset_sequences(models_: list[type[models.Model]]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models_)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _restore_file(archive: zipfile.ZipFile, entry: dict[str, Any], written: list[str]) -> None:
    name = _safe_name(entry["name"])
    data = archive.read(entry["path"])
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as existing:
            if _sha256(existing.read()) == entry["sha256"]:
                return  # the same file is already in place
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(data))
    written.append(saved)
    if saved != name:
        raise ArchiveError(f"The file storage saved {name} as {saved}; nothing was restored.")
