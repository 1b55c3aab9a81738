"""`sprida export --output FILE.zip`: the whole database and its files in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sprida.api.archive import ArchiveError
from sprida.api.archive.export import archive_write


class Command(BaseCommand):
    help = "Write the whole database and its stored files to a zip archive (see ARCHIVE.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", required=True, type=Path, help="a new .zip file")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = archive_write(options["output"])
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Wrote {summary.path}: {summary.tables} tables, {summary.rows} rows, "
            f"{summary.history_rows} history entries, {summary.files} files."
        )
        for name in summary.missing_files:
            self.stderr.write(f"warning: the database names {name}, but the file is missing")
