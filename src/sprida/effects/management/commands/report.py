"""`sprida report progress|final --region SLUG --format docx|xlsx --output FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from sprida.core.models import Organisation
from sprida.effects.content import GRANTED, report_content
from sprida.effects.exports import docx_bytes, xlsx_bytes
from sprida.effects.models import Report, ReportKind
from sprida.grants.models import Decision


class Command(BaseCommand):
    help = (
        "Write a region's progress or final report as DOCX or XLSX: the latest version if one "
        "exists (a submitted one as submitted), else a draft straight from the records."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["progress", "final"])
        parser.add_argument("--region", required=True, help="The region's slug, e.g. orebro.")
        parser.add_argument("--format", dest="fmt", choices=["docx", "xlsx"], default="docx")
        parser.add_argument("--output", required=True, help="File to write.")
        parser.add_argument(
            "--decision", type=int, help="Decision id, if the region has more than one."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        region = Organisation.objects.filter(slug=options["region"]).first()
        if region is None:
            raise CommandError(f"Ingen organisation med kortnamnet ”{options['region']}”.")
        decisions = (
            Decision.objects.filter(application__applicant=region, lines__outcome__in=GRANTED)
            .distinct()
            .select_related("application__applicant")
            .order_by("-decided_on", "-pk")
        )
        if options["decision"]:
            decisions = decisions.filter(pk=options["decision"])
        found = list(decisions[:2])
        if not found:
            raise CommandError(f"{region.name} har inget beslut med beviljade åtgärder.")
        if len(found) > 1 and not options["decision"]:
            ids = ", ".join(str(d.pk) for d in decisions)
            raise CommandError(f"{region.name} har flera beslut ({ids}); välj ett med --decision.")
        decision = found[0]
        kind = ReportKind(options["kind"])
        report = (
            Report.objects.filter(decision=decision, kind=kind)
            .prefetch_related("sections")
            .order_by("-version")
            .first()
        )
        with translation.override("sv"):
            content = report_content(decision, kind, report)
        data = docx_bytes(content) if options["fmt"] == "docx" else xlsx_bytes(content)
        Path(options["output"]).write_bytes(data)
        where = (
            f"version {report.version} ({report.get_status_display().lower()})"
            if report
            else "utkast ur uppgifterna"
        )
        self.stdout.write(
            f"{content.kind_label} för {region.name}, {where}: {len(content.measures)} åtgärder "
            f"→ {options['output']} ({len(data)} byte)"
        )
