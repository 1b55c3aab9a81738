"""Write the whole database and its stored files to one zip archive."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

import django
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, models, transaction
from django.utils import timezone

from sprida.api.archive import (
    DATA_DIR,
    FILES_DIR,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    ArchiveError,
    scope,
)


class ArchiveEncoder(DjangoJSONEncoder):
    """Keeps times to the microsecond (Django's encoder cuts them to milliseconds)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class ArchiveSerializer(JSONSerializer):
    """Django's JSON serializer, with natural keys only towards tables `migrate` rebuilds
    (content types, permissions), so every other reference stays a plain primary key, and
    times kept to the microsecond."""

    def serialize(self, queryset: Any, **options: Any) -> Any:
        options.setdefault("cls", ArchiveEncoder)
        return super().serialize(queryset, **options)

    def _natural_for(self, field: Any) -> None:
        self.use_natural_foreign_keys = field.remote_field.model in scope.NATURAL_KEY_MODELS

    def handle_fk_field(self, obj: Any, field: Any) -> None:
        self._natural_for(field)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj: Any, field: Any) -> None:
        self._natural_for(field)
        super().handle_m2m_field(obj, field)


class _HashingWriter(io.RawIOBase):
    """Passes bytes on to the zip entry and keeps their SHA-256."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target, self.sha256, self.size = target, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.sha256.update(chunk)
        self.size += len(chunk)
        self.target.write(chunk)
        return len(chunk)


@dataclass
class ExportSummary:
    path: Path
    tables: int
    rows: int
    history_rows: int
    files: int
    missing_files: list[str]


def _sprida_version() -> str:
    try:
        return version("sprida")
    except PackageNotFoundError:
        return "unknown"


def _write_model(
    archive: zipfile.ZipFile, model: type[models.Model], position: int
) -> dict[str, Any]:
    label = model._meta.label_lower
    name = f"{DATA_DIR}{position:03d}-{label}.json"
    m2m = [
        f.name
        for f in model._meta.many_to_many
        if getattr(f.remote_field, "through", None) and f.remote_field.through._meta.auto_created  # type: ignore[union-attr]
    ]
    queryset = model._base_manager.order_by("pk")
    if m2m:
        queryset = queryset.prefetch_related(*m2m)
    with archive.open(name, "w", force_zip64=True) as entry:
        writer = _HashingWriter(entry)
        text = io.TextIOWrapper(io.BufferedWriter(writer), encoding="utf-8", newline="\n")
        counter = _Counter(queryset.iterator(chunk_size=2000))
        ArchiveSerializer().serialize(counter, stream=text, indent=None)
        text.flush()
        text.detach().flush()
    return {
        "label": label,
        "file": name,
        "count": counter.count,
        "sha256": writer.sha256.hexdigest(),
    }


class _Counter:
    def __init__(self, iterator: Any) -> None:
        self.iterator, self.count = iterator, 0

    def __iter__(self) -> Any:
        for obj in self.iterator:
            self.count += 1
            yield obj


def _stored_file_names(models_: list[type[models.Model]]) -> list[str]:
    names: set[str] = set()
    for model in models_:
        for column in scope.file_field_names(model):
            values = model._base_manager.exclude(**{column: ""}).exclude(
                **{f"{column}__isnull": True}
            )
            names.update(values.values_list(column, flat=True).distinct())
    return sorted(names)


def archive_write(path: Path) -> ExportSummary:
    """Write the archive to `path` (a new file). One read transaction, so the copy is
    consistent even while the application keeps running."""
    pending = scope.unapplied_migrations()
    if pending:
        raise ArchiveError(
            "The database is missing migrations ("
            + ", ".join(pending[:5])
            + "). Run `sprida migrate` first, so the archive records one schema."
        )
    path = Path(path)
    if path.exists():
        raise ArchiveError(f"{path} already exists; choose a new file name.")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    models_ = scope.archived_models()
    try:
        with (
            transaction.atomic(),
            _private_file(tmp) as target,
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            tables = [_write_model(archive, model, i) for i, model in enumerate(models_, start=1)]
            files, missing = _write_files(archive, _stored_file_names(models_))
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": timezone.now().isoformat(),
                "sprida_version": _sprida_version(),
                "django_version": django.get_version(),
                "database_vendor": connection.vendor,
                "migrations": scope.migration_heads(),
                "models": tables,
                "files": files,
                "missing_files": missing,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    history = sum(t["count"] for t in tables if ".historical" in t["label"])
    return ExportSummary(
        path=path,
        tables=len(tables),
        rows=sum(t["count"] for t in tables) - history,
        history_rows=history,
        files=len(files),
        missing_files=missing,
    )


def _private_file(path: Path) -> IO[bytes]:
    """A new file only its owner may read or write (0600), whatever the umask: an archive
    holds password hashes and personal data."""
    path.unlink(missing_ok=True)  # a partial file left by an interrupted export
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "wb")


def _write_files(
    archive: zipfile.ZipFile, names: list[str]
) -> tuple[list[dict[str, Any]], list[str]]:
    files: list[dict[str, Any]] = []
    missing: list[str] = []
    for name in names:
        if not default_storage.exists(name):
            missing.append(name)  # the database names a file the storage no longer has
            continue
        with (
            default_storage.open(name, "rb") as source,
            archive.open(FILES_DIR + name, "w", force_zip64=True) as entry,
        ):
            writer = _HashingWriter(entry)
            for chunk in iter(lambda: source.read(1 << 20), b""):
                writer.write(chunk)
        files.append(
            {
                "name": name,
                "path": FILES_DIR + name,
                "size": writer.size,
                "sha256": writer.sha256.hexdigest(),
            }
        )
    return files, missing
