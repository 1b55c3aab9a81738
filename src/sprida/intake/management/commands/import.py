"""`sprida import PATH...`: documents into proposals, one line per file, past any bad file."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sprida.accounts.models import User
from sprida.core.access import SYSTEM
from sprida.intake.confirm import proposal_confirm
from sprida.intake.management.commands._paths import (
    Found,
    NotReadable,
    document_paths,
    read_file,
    shown,
)
from sprida.intake.models import DocumentStatus
from sprida.intake.readers import ReadError
from sprida.intake.services import document_receive, may_upload

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Import documents (files or folders) through the intake pipeline. Each becomes a "
        "proposal to review in the UI; with --confirm the proposals become records at once. "
        "Every file gets its own line; a bad file never stops the others, and the command "
        "exits non-zero if any file was not imported. Inside folders only regular files are "
        "read: symbolic links are not followed, named pipes and devices are not opened."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or folders")
        parser.add_argument(
            "--confirm", action="store_true", help="confirm each proposal as it stands"
        )
        parser.add_argument(
            "--as", dest="username", default=None, help="the user who imports (default: the system)"
        )
        parser.add_argument("--demo", action="store_true", help="mark the documents as demo data")

    def handle(self, *args: Any, **options: Any) -> None:
        by: Any = SYSTEM
        if options["username"]:
            by = User.objects.filter(username=options["username"]).first()
            if by is None:
                raise CommandError(f"Användaren {options['username']} finns inte.")
            if not may_upload(by):
                raise CommandError(f"{by.username} får inte ladda upp dokument.")
        counts = {"mottagna": 0, "fanns redan": 0, "misslyckades": 0}
        for found in document_paths(options["paths"]):
            outcome = self._import_one(found, by, options)
            counts[outcome] += 1
        summary = ", ".join(f"{count} {label}" for label, count in counts.items())
        self.stdout.write(f"{sum(counts.values())} filer: {summary}.")
        if counts["misslyckades"]:
            raise CommandError(f"{counts['misslyckades']} fil(er) kunde inte importeras")

    def _import_one(self, found: Found, by: Any, options: dict[str, Any]) -> str:
        label = shown(found.path)
        if found.skipped:
            self.stderr.write(f"{label}: hoppades över – {found.skipped}")
            return "misslyckades"
        try:
            data = read_file(found, max_bytes=settings.SPRIDA_MAX_UPLOAD_BYTES)
            with transaction.atomic():
                received = document_receive(
                    by=by,
                    name=found.path.name,
                    data=data,
                    is_demo=options["demo"],
                )
        except NotReadable as error:
            self.stderr.write(f"{label}: hoppades över – {error}")
            return "misslyckades"
        except ReadError as error:
            self.stderr.write(f"{label}: inte mottagen – {error.message_sv} ({error.code})")
            return "misslyckades"
        except PermissionDenied as error:
            reason = str(error) or "användaren får inte ladda upp dokument"
            self.stderr.write(f"{label}: inte mottagen – {reason}")
            return "misslyckades"
        except Exception as error:
            logger.exception("Importing %s failed", label)
            self.stderr.write(f"{label}: inte mottagen – oväntat fel ({type(error).__name__})")
            return "misslyckades"
        document = received.document
        document.refresh_from_db()
        note = "fanns redan" if received.duplicate else document.get_status_display()
        self.stdout.write(f"{label}: {note} – dokument {document.pk}")
        if options["confirm"] and document.status == DocumentStatus.PROPOSED:
            try:
                application = proposal_confirm(
                    by=by, document=document, data=document.proposal.data
                )
            except (PermissionDenied, ValidationError) as error:
                messages = getattr(error, "messages", [str(error)])
                self.stderr.write(f"{label}: inte bekräftat – {'; '.join(messages)}")
                return "misslyckades"
            self.stdout.write(f"  bekräftat: {application} ({application.applicant})")
        return "fanns redan" if received.duplicate else "mottagna"
