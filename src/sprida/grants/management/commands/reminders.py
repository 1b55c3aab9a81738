from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sprida.grants.reminders import reminders_due, reminders_send


class Command(BaseCommand):
    help = (
        "List upcoming (30 days) and overdue grant deadlines and e-mail reminders to the "
        "region's editors and admins, each reminder (30 days, 7 days, overdue) once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("--today must be a date, YYYY-MM-DD") from None
        due = reminders_due(today=today)
        overdue = [r for r in due if r.days_left < 0]
        upcoming = [r for r in due if r.days_left >= 0]
        self.stdout.write(f"Tidsfrister {today.isoformat()}:")
        for title, group in (("Försenade", overdue), ("Inom 30 dagar", upcoming)):
            self.stdout.write(f"{title}: {len(group)}")
            for r in group:
                state = (
                    "skickad tidigare"
                    if r.already_sent
                    else "ingen mottagare"
                    if not r.recipients
                    else ""
                )
                self.stdout.write(
                    f"  {r.deadline.due_on.isoformat()}  {r.days_left:>5} d  "
                    f"{r.organisation_name}: {r.subject()}" + (f"  ({state})" if state else "")
                )
        sent = reminders_send(today=today, dry_run=options["dry_run"])
        verb = "Skulle skicka" if options["dry_run"] else "Skickade"
        self.stdout.write(f"{verb} {len(sent)} påminnelser.")
