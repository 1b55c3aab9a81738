from __future__ import annotations

import json
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sprida.intake.extract_file import extract_bytes
from sprida.intake.management.commands._paths import (
    NotReadable,
    document_paths,
    read_file,
    shown,
)
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
        for found in document_paths(options["paths"]):
            label = shown(found.path)
            try:
                if found.skipped:
                    raise NotReadable(found.skipped)
                data = read_file(found, max_bytes=settings.SPRIDA_MAX_UPLOAD_BYTES)
                result = extract_bytes(
                    data, name=found.path.name, max_bytes=settings.SPRIDA_MAX_UPLOAD_BYTES
                )
            except NotReadable as error:
                failed += 1
                sys.stderr.write(f"{label}: hoppades över – {error}\n")
                continue
            except ReadError as error:
                failed += 1
                sys.stderr.write(f"{label}: {error.message_sv} ({error.code})\n")
                continue
            result["source"]["path"] = str(found.path)
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} fil(er) kunde inte läsas")
