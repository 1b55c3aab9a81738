from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sprida.accounts.models import User
from sprida.grants.services import SYSTEM
from sprida.intake.confirm import proposal_confirm
from sprida.intake.management.commands._paths import document_paths
from sprida.intake.models import DocumentStatus
from sprida.intake.readers import ReadError
from sprida.intake.services import document_receive


class Command(BaseCommand):
    help = (
        "Import documents (files or folders) through the intake pipeline. Each becomes a "
        "proposal to review in the UI; with --confirm the proposals become records at once."
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
        failed = 0
        for path in document_paths(options["paths"]):
            try:
                data = path.read_bytes()
            except OSError as error:
                failed += 1
                self.stderr.write(f"{path}: kan inte läsa filen ({error.strerror})")
                continue
            try:
                with transaction.atomic():
                    received = document_receive(
                        by=by if by is not SYSTEM else None,
                        name=path.name,
                        data=data,
                        is_demo=options["demo"],
                    )
            except ReadError as error:
                failed += 1
                self.stderr.write(f"{path}: {error.message_sv}")
                continue
            document = received.document
            document.refresh_from_db()
            note = "fanns redan" if received.duplicate else document.get_status_display()
            self.stdout.write(f"{path}: {note} – dokument {document.pk}")
            if options["confirm"] and document.status == DocumentStatus.PROPOSED:
                try:
                    application = proposal_confirm(
                        by=by, document=document, data=document.proposal.data
                    )
                except (PermissionDenied, ValidationError) as error:
                    failed += 1
                    messages = getattr(error, "messages", [str(error)])
                    self.stderr.write(f"{path}: inte bekräftat – {'; '.join(messages)}")
                    continue
                self.stdout.write(f"  bekräftat: {application} ({application.applicant})")
        if failed:
            raise CommandError(f"{failed} fil(er) kunde inte importeras")
