from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sprida.search.registry import builders
from sprida.search.services import search_reindex


class Command(BaseCommand):
    help = "Bygger om sökindexet (alla typer, eller de som anges)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kinds", nargs="*", help="t.ex. solution measure application")

    def handle(self, *args: Any, **options: Any) -> None:
        kinds = options["kinds"] or None
        unknown = sorted(set(kinds or ()) - set(builders()))
        if unknown:
            known = ", ".join(sorted(builders()))
            raise CommandError(f"Okänd typ: {', '.join(unknown)}. Kända typer: {known}.")
        counts = search_reindex(kinds=kinds)
        for kind, count in sorted(counts.items()):
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Indexerade {sum(counts.values())} poster."))
