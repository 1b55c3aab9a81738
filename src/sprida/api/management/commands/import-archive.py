"""`sprida import-archive FILE.zip`: restore an archive into an empty, migrated database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sprida.api.archive import ArchiveError
from sprida.api.archive.restore import archive_restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by `sprida export` into an empty database "
        "(after `sprida migrate`). Checks the format version and every file's SHA-256 first; "
        "loads everything in one transaction."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="the .zip written by `sprida export`")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = archive_restore(options["archive"])
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {summary.rows} rows in {summary.tables} tables and {summary.files} files; "
            f"indexed {summary.indexed} records for search."
        )
