"""Backup and restore: a round trip through the archive loses no record, history entry or file."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import DEFAULT_DB_ALIAS

from sprida.api.archive import MANIFEST, ArchiveError, scope
from sprida.api.archive.export import ArchiveSerializer, archive_write
from sprida.api.archive.restore import archive_restore
from sprida.api.services import token_create, token_revoke
from sprida.grants.models import Application, MeasureCategory
from sprida.intake.models import Document
from sprida.search.backends import backend
from sprida.search.selectors import search_for_user
from sprida.search.services import search_reindex

# The search index is derived: a restore rebuilds it, so it is compared by its results.
DERIVED = {"search.searchentry"}


def snapshot() -> dict[str, Any]:
    """Every row of every archived table, as data."""
    return {
        model._meta.label_lower: json.loads(
            ArchiveSerializer().serialize(model._base_manager.order_by("pk"))
        )
        for model in scope.archived_models()
        if model._meta.label_lower not in DERIVED
    }


def wipe() -> None:
    """Empty every archived table and the search index, as a new database would be."""
    for model in reversed(scope.archived_models()):
        for field in model._meta.many_to_many:
            through: Any = field.remote_field.through
            through._base_manager.all()._raw_delete(DEFAULT_DB_ALIAS)
        model._base_manager.all()._raw_delete(DEFAULT_DB_ALIAS)
    backend().clear()  # SQLite's full-text table is no model, and a new database has it empty


@pytest.fixture
def content(grants: dict[str, Any], people: dict[str, Any]) -> dict[str, Any]:
    """A little of everything: records with history (+, ~, -), tokens, groups with
    permissions, the admin's log and a stored file."""
    application = grants["decided"]
    application.title = "Örebro beslutad (rättad)"
    application._history_user = people["editor"]
    application.save()
    grants["jamtland"].delete()
    token, _raw = token_create(by=people["editor"], name="Power BI")
    token_revoke(by=people["editor"], token=token)
    group = Group.objects.create(name="Granskare")
    group.permissions.set(Permission.objects.filter(codename__in=["view_application"]))
    people["viewer"].user_permissions.add(Permission.objects.get(codename="view_decision"))
    LogEntry.objects.create(
        user=people["admin"],
        content_type=ContentType.objects.get_for_model(Application),
        object_id=str(application.pk),
        object_repr=str(application),
        action_flag=CHANGE,
        change_message="Rubriken rättad",
    )
    data = b"%PDF-1.4 beslut\n" * 100
    sha = hashlib.sha256(data).hexdigest()
    document = Document(
        sha256=sha,
        original_name="beslut.pdf",
        media_type="application/pdf",
        size_bytes=len(data),
        owner=application.applicant,
    )
    document.original.save("beslut.pdf", ContentFile(data), save=False)
    document.save()
    return {"document": document, "file_sha256": sha}


def test_round_trip_loses_nothing(content: dict[str, Any], tmp_path: Path) -> None:
    before = snapshot()
    history = {label: len(rows) for label, rows in before.items() if ".historical" in label}
    assert history["grants.historicalapplication"] >= 4  # created, changed and deleted rows
    assert history["api.historicalapitoken"] == 2
    assert before["intake.document"] and before["auth.group"] and before["admin.logentry"]
    file_name = content["document"].original.name

    archive = tmp_path / "sprida.zip"
    summary = archive_write(archive)
    assert summary.files == 1 and not summary.missing_files
    assert summary.history_rows == sum(history.values())

    wipe()
    default_storage.delete(file_name)
    # A new database already holds reference rows its migrations wrote (no history).
    MeasureCategory.objects.create(slug="seeded", name="Seeded by a migration")
    MeasureCategory.history.all().delete()

    restored = archive_restore(archive)
    assert restored.cleared_reference_rows == 1
    assert snapshot() == before
    with default_storage.open(file_name, "rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == content["file_sha256"]
    # Sequences continue after the restored rows.
    fresh = Group.objects.create(name="Ny")
    assert fresh.pk > max(row["pk"] for row in before["auth.group"])


def test_manifest_describes_the_archive(content: dict[str, Any], tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    archive_write(archive)
    with zipfile.ZipFile(archive) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        assert manifest["format"] == "sprida-archive" and manifest["format_version"] == 1
        assert manifest["migrations"]["grants"] and manifest["migrations"]["api"]
        labels = [t["label"] for t in manifest["models"]]
        assert labels.index("core.organisation") < labels.index("grants.application")
        assert labels.index("accounts.user") < labels.index("grants.historicalapplication")
        for table in manifest["models"]:
            data = zf.read(table["file"])
            assert hashlib.sha256(data).hexdigest() == table["sha256"]
            assert len(json.loads(data)) == table["count"]
        (entry,) = manifest["files"]
        assert entry["path"] == "files/" + content["document"].original.name
        assert hashlib.sha256(zf.read(entry["path"])).hexdigest() == content["file_sha256"]


def test_restore_refuses_a_database_with_data(grants: dict[str, Any], tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    archive_write(archive)
    with pytest.raises(ArchiveError, match="not empty"):
        archive_restore(archive)
    with pytest.raises(CommandError, match="not empty"):
        call_command("import-archive", str(archive))


def _rewrite(archive: Path, target: Path, change: Any) -> None:
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            out.writestr(item.filename, change(item.filename, source.read(item.filename)))


def test_restore_refuses_a_changed_file(grants: dict[str, Any], tmp_path: Path) -> None:
    archive, damaged = tmp_path / "a.zip", tmp_path / "b.zip"
    archive_write(archive)

    def tamper(name: str, data: bytes) -> bytes:
        return data.replace("Örebro".encode(), b"Orebro") if "grants.application" in name else data

    _rewrite(archive, damaged, tamper)
    wipe()
    with pytest.raises(ArchiveError, match="SHA-256"):
        archive_restore(damaged)
    assert not Application.objects.exists()


def test_restore_refuses_another_format_version(db: None, tmp_path: Path) -> None:
    archive, newer = tmp_path / "a.zip", tmp_path / "b.zip"
    archive_write(archive)

    def bump(name: str, data: bytes) -> bytes:
        if name != MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["format_version"] = 99
        return json.dumps(manifest).encode()

    _rewrite(archive, newer, bump)
    with pytest.raises(ArchiveError, match="format version 99"):
        archive_restore(newer)


def test_restore_refuses_another_schema(db: None, tmp_path: Path) -> None:
    archive, other = tmp_path / "a.zip", tmp_path / "b.zip"
    archive_write(archive)

    def older(name: str, data: bytes) -> bytes:
        if name != MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["migrations"]["grants"] = ["0001_initial"]
        return json.dumps(manifest).encode()

    _rewrite(archive, other, older)
    wipe()
    with pytest.raises(ArchiveError, match="different database schema"):
        archive_restore(other)


def test_restore_refuses_what_is_not_an_archive(db: None, tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    with pytest.raises(ArchiveError, match="not a zip"):
        archive_restore(junk)
    with pytest.raises(ArchiveError, match="does not exist"):
        archive_restore(tmp_path / "missing.zip")


def test_commands_round_trip(grants: dict[str, Any], tmp_path: Path, capsys: Any) -> None:
    archive = tmp_path / "backup.zip"
    call_command("export", "--output", str(archive))
    assert "history entries" in capsys.readouterr().out
    with pytest.raises(CommandError, match="already exists"):
        call_command("export", "--output", str(archive))
    before = snapshot()
    wipe()
    call_command("import-archive", str(archive))
    assert "Restored" in capsys.readouterr().out
    assert snapshot() == before


def test_every_sprida_model_and_history_table_is_archived() -> None:
    from django.apps import apps

    archived = set(scope.archived_models())
    for model in apps.get_models():
        app = model._meta.app_config
        if app is not None and app.name.startswith("sprida.") and not model._meta.proxy:
            assert model in archived, model
    assert any(m._meta.label_lower == "grants.historicalmeasure" for m in archived)


QUERIES = ("Örebro", "beslutad", "Jämtland", "Utkast", "beslut")


def searches(people: dict[str, Any]) -> dict[tuple[str, str], list[tuple[str, int, str]]]:
    return {
        (who, q): [
            (hit.kind, hit.object_id, hit.title)
            for hit in search_for_user(user=people[who], q=q, limit=100)
        ]
        for who in ("editor", "stranger", "officer", "admin")
        for q in QUERIES
    }


def test_restore_rebuilds_the_search_index(
    content: dict[str, Any], people: dict[str, Any], tmp_path: Path
) -> None:
    search_reindex()
    before = searches(people)
    assert sum(len(hits) for hits in before.values()) >= 10
    archive = tmp_path / "a.zip"
    archive_write(archive)
    wipe()
    assert not any(searches(people).values())  # a new database finds nothing yet
    summary = archive_restore(archive)
    assert summary.indexed >= 5
    assert searches(people) == before


def test_archive_is_readable_by_its_owner_only(grants: dict[str, Any], tmp_path: Path) -> None:
    previous = os.umask(0o022)  # the usual umask would leave it readable by everyone
    try:
        archive = tmp_path / "a.zip"
        archive_write(archive)
        call_command("export", "--output", str(tmp_path / "b.zip"))
    finally:
        os.umask(previous)
    for path in (archive, tmp_path / "b.zip"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, oct(path.stat().st_mode)


def _rewrite_table(archive: Path, target: Path, label: str, change: Any) -> None:
    """Change one table's rows and give the manifest its new hash, as a careful forger would."""
    with zipfile.ZipFile(archive) as source:
        manifest = json.loads(source.read(MANIFEST))
        (table,) = [t for t in manifest["models"] if t["label"] == label]
        rows = json.loads(source.read(table["file"]))
        changed = json.dumps(change(rows)).encode()
        table["sha256"] = hashlib.sha256(changed).hexdigest()
        with zipfile.ZipFile(target, "w") as out:
            for item in source.infolist():
                if item.filename == MANIFEST:
                    out.writestr(MANIFEST, json.dumps(manifest))
                elif item.filename == table["file"]:
                    out.writestr(item.filename, changed)
                else:
                    out.writestr(item.filename, source.read(item.filename))


def test_restore_names_a_dangling_reference(grants: dict[str, Any], tmp_path: Path) -> None:
    archive, broken = tmp_path / "a.zip", tmp_path / "b.zip"
    archive_write(archive)

    def point_nowhere(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows[0]["fields"]["application"] = 987_654_321
        return rows

    _rewrite_table(archive, broken, "grants.measure", point_nowhere)
    wipe()
    with pytest.raises(ArchiveError, match="refers to rows it does not hold"):
        archive_restore(broken)
    assert not Application.objects.exists()
    with pytest.raises(CommandError, match="refers to rows it does not hold"):
        call_command("import-archive", str(broken))


def test_restore_names_a_manifest_without_its_file_list(db: None, tmp_path: Path) -> None:
    archive, partial = tmp_path / "a.zip", tmp_path / "b.zip"
    archive_write(archive)

    def without_files(name: str, data: bytes) -> bytes:
        if name != MANIFEST:
            return data
        manifest = json.loads(data)
        del manifest["files"]
        return json.dumps(manifest).encode()

    _rewrite(archive, partial, without_files)
    with pytest.raises(CommandError, match="lacks its list of files"):
        call_command("import-archive", str(partial))

    def entry_without_hash(name: str, data: bytes) -> bytes:
        if name != MANIFEST:
            return data
        manifest = json.loads(data)
        del manifest["models"][0]["sha256"]
        return json.dumps(manifest).encode()

    _rewrite(archive, partial, entry_without_hash)
    with pytest.raises(ArchiveError, match=r"Entry 1 of the models .* lacks sha256"):
        archive_restore(partial)
