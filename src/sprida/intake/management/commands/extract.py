from __future__ import annotations

import json
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sprida.intake.extract_file import extract_path
from sprida.intake.management.commands._paths import document_paths
from sprida.intake.readers import ReadError


class Command(BaseCommand):
    help = (
        "Print one JSON object per document (schema sprida.extraction/v1), validated against "
        "the schema. Stores nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or folders")

    def handle(self, *args: Any, **options: Any) -> None:
        failed = 0
        for path in document_paths(options["paths"]):
            try:
                result = extract_path(path, max_bytes=settings.SPRIDA_MAX_UPLOAD_BYTES)
            except ReadError as error:
                failed += 1
                sys.stderr.write(f"{path}: {error.message_sv} ({error.code})\n")
                continue
            except OSError as error:
                failed += 1
                sys.stderr.write(f"{path}: kan inte läsa filen ({error.strerror})\n")
                continue
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} fil(er) kunde inte läsas")
