"""Grant pages at national scale: the region view and the national portfolio.

Builds 21 regions × 6 years × 40 measures (one decided application per region and year, with
a decision per measure, three payouts, three deadlines and a condition), then measures median
and p95 server time and the SQL query count of each page, against a trivial view (/healthz)
measured in the same run. Then adds nine times as much data (10×) and measures again; the
query counts must be the same at both sizes.

    .venv/bin/python benchmarks/grants_pages.py [--requests 20]

Runs on a throwaway database: an in-memory SQLite one by default, or a test database made
next to the one DATABASE_URL names (dropped afterwards).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sprida.settings_test")
os.environ.setdefault("SPRIDA_VAR_DIR", tempfile.mkdtemp(prefix="sprida-bench-"))

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from sprida.accounts.models import Membership, User  # noqa: E402
from sprida.core.models import Organisation, OrganisationKind  # noqa: E402
from sprida.core.services import organisations_load  # noqa: E402
from sprida.grants.demo.seeds import programme_load  # noqa: E402
from sprida.grants.models import (  # noqa: E402
    Application,
    Condition,
    Deadline,
    Decision,
    Measure,
    MeasureCategory,
    MeasureDecision,
    Payout,
)

YEARS = range(2025, 2031)
MEASURES = 40
BATCH = 2000


def build(copies: int, offset: int) -> int:
    """Add `copies` decided applications per region and year; returns measures made."""
    rng = random.Random(f"bench-{offset}")
    programme = programme_load()
    regions = list(Organisation.objects.filter(kind=OrganisationKind.REGION).order_by("slug"))
    categories = list(MeasureCategory.objects.all())
    apps = [
        Application(
            programme=programme,
            applicant=region,
            title=f"Benchmark {region.slug} {year} #{offset + copy}",
            status="decided",
            submitted_on=dt.date(year, 6, 1),
            is_demo=True,
        )
        for region in regions
        for year in YEARS
        for copy in range(copies)
    ]
    Application.objects.bulk_create(apps, batch_size=BATCH)
    measures = []
    for app in apps:
        for position in range(MEASURES):
            measures.append(
                Measure(
                    application=app,
                    title=f"Åtgärd {position}",
                    category=rng.choice(categories),
                    applied_sek=rng.randrange(1_000, 40_000) * 1000,
                    position=position,
                )
            )
    Measure.objects.bulk_create(measures, batch_size=BATCH)
    decisions, lines = [], []
    for index, app in enumerate(apps):
        own = measures[index * MEASURES : (index + 1) * MEASURES]
        granted_total = 0
        for measure in own:
            applied = measure.applied_sek or 0
            pick = rng.random()
            granted = applied if pick < 0.3 else applied // 2 if pick < 0.55 else 0
            outcome = (
                "granted"
                if granted == applied
                else "rejected"
                if not granted
                else "partially_granted"
            )
            granted_total += granted
            lines.append((app, measure, outcome, granted, applied - granted))
        applied_total = sum(m.applied_sek or 0 for m in own)
        decisions.append(
            Decision(
                application=app,
                decided_on=dt.date(app.submitted_on.year, 11, 11),  # type: ignore[union-attr]
                outcome="partially_granted",
                applied_sek=applied_total,
                granted_sek=granted_total,
                rejected_sek=applied_total - granted_total,
            )
        )
    Decision.objects.bulk_create(decisions, batch_size=BATCH)
    by_app = {d.application_id: d for d in decisions}
    MeasureDecision.objects.bulk_create(
        [
            MeasureDecision(
                decision=by_app[app.pk],
                measure=measure,
                outcome=outcome,
                granted_sek=granted,
                rejected_sek=rejected,
            )
            for app, measure, outcome, granted, rejected in lines
        ],
        batch_size=BATCH,
    )
    payouts, deadlines, conditions = [], [], []
    for d in decisions:
        year = d.decided_on.year
        third = d.granted_sek // 3
        for i, amount in enumerate((third, third, d.granted_sek - 2 * third)):
            paid = i == 0
            payouts.append(
                Payout(
                    decision=d,
                    year=year + i,
                    amount_sek=amount,
                    status="paid" if paid else "planned",
                    paid_on=d.decided_on if paid else None,
                )
            )
        for kind, due in (
            ("implementation", dt.date(year + 2, 12, 31)),
            ("progress_report", dt.date(year + 1, 11, 30)),
            ("final_report", dt.date(year + 3, 2, 28)),
        ):
            deadlines.append(Deadline(decision=d, kind=kind, due_on=due))
        conditions.append(Condition(decision=d, text="Effekterna ska mätas och redovisas."))
    Payout.objects.bulk_create(payouts, batch_size=BATCH)
    Deadline.objects.bulk_create(deadlines, batch_size=BATCH)
    Condition.objects.bulk_create(conditions, batch_size=BATCH)
    return len(measures)


def count_queries(func: Callable[[], object]) -> int:
    """Count SQL statements run by `func` (a wrapper sees each one, whatever DEBUG says)."""
    count = 0

    def counter(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        func()
    return count


def measure(client: Client, url: str, requests: int) -> tuple[float, float, int]:
    """Median and p95 milliseconds, and the query count of one request."""
    for _ in range(2):
        assert client.get(url).status_code == 200, url
    queries = count_queries(lambda: client.get(url))
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, queries


def run(requests: int, out: Callable[[str], None]) -> None:
    organisations_load()
    editor = User.objects.create_user("bench-region", password="x" * 16)
    Membership.objects.create(
        user=editor, organisation=Organisation.objects.get(slug="orebro"), role="editor"
    )
    officer = User.objects.create_user("bench-officer", password="x" * 16)
    Membership.objects.create(
        user=officer,
        organisation=Organisation.objects.get(slug="effektivitetsdelegationen"),
        role="editor",
    )
    region_client, officer_client = Client(), Client()
    region_client.force_login(editor)
    officer_client.force_login(officer)
    pages = [
        ("region view (Örebro)", region_client, "/bidrag/region/orebro/"),
        ("national portfolio", officer_client, "/bidrag/portfolj/"),
    ]
    counts: dict[str, list[int]] = {}
    out(f"database: {connection.vendor}, {requests} requests per page and size")
    out(f"{'page':<24}{'size':>5}{'median ms':>11}{'p95 ms':>9}{'queries':>9}{'ratio':>8}")
    made = 0
    for size, copies in ((1, 1), (10, 9)):
        started = time.perf_counter()
        made += build(copies, offset=made)
        out(f"-- {size}×: {made} measures, built in {time.perf_counter() - started:.1f} s")
        trivial, trivial_p95, trivial_q = measure(officer_client, "/healthz", requests)
        out(
            f"{'trivial (/healthz)':<24}{size:>4}×{trivial:>11.1f}{trivial_p95:>9.1f}{trivial_q:>9}"
        )
        for label, client, url in pages:
            median, p95, queries = measure(client, url, requests)
            counts.setdefault(label, []).append(queries)
            out(
                f"{label:<24}{size:>4}×{median:>11.1f}{p95:>9.1f}{queries:>9}"
                f"{median / trivial:>8.0f}"
            )
    for label, (small, large) in counts.items():
        assert small == large, f"{label}: {small} queries at 1×, {large} at 10×"
    out("query counts are the same at 1× and 10×")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args.requests, print)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
