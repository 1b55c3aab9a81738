"""Search latency over 100 000 indexed measures, against a plain indexed lookup.

Builds 100 000 measures (Swedish text from region-like phrasings, in decided, submitted and
draft applications of all 21 regions), indexes them through the search registry, then times
`search_for_user` (the selector the page and the API use) for an anonymous visitor, a region
editor and the national coordinator with inflected Swedish queries. In the same run it times a
raw floor: one indexed lookup of a row in the same SearchEntry table. Prints median and p95 of
each and their ratio to the floor.

    .venv/bin/python benchmarks/search_latency.py [--items 100000] [--repeat 5]

Runs on a throwaway database: a temporary SQLite file by default, or a test database made
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
from typing import Any

VAR_DIR = tempfile.mkdtemp(prefix="sprida-search-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sprida.settings_test")
os.environ.setdefault("SPRIDA_VAR_DIR", VAR_DIR)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from sprida.accounts.models import Membership, User  # noqa: E402
from sprida.core.models import Organisation, OrganisationKind  # noqa: E402
from sprida.core.services import organisations_load  # noqa: E402
from sprida.grants.models import (  # noqa: E402
    Application,
    Decision,
    Measure,
    MeasureCategory,
    MeasureDecision,
    Programme,
)
from sprida.search.backends import backend  # noqa: E402
from sprida.search.models import SearchEntry  # noqa: E402
from sprida.search.selectors import search_for_user  # noqa: E402
from sprida.search.services import search_reindex  # noqa: E402

MEASURES_PER_APPLICATION = 20
BATCH = 2000
QUERIES = (
    "taligenkänningen",
    "fallolyckorna",
    "egenmonitoreringen",
    "journalföringen ambient",
    "mjukvarurobotar",
    "läkemedelsrobotarna",
    "maskeringen av handlingar",
    "hemmonitorering hjärtsvikt",
    "nära vård mobila team",
    "surfplattor",
)
SUBJECTS = (
    ("AI-baserad taligenkänning", "diktat blir text i journalen med taligenkänning"),
    ("AI-stödd fallprevention", "sensorer larmar innan fallolyckor på vårdavdelningen"),
    (
        "Egenmonitorering",
        "patienter mäter blodtryck och vikt hemma, hemmonitorering vid hjärtsvikt",
    ),
    ("AI-stödd journalföring", "ambient AI skriver utkast till journalanteckning"),
    ("Robotstyrd processautomation", "mjukvarurobotar sköter kallelser och remisser"),
    ("Läkemedelsrobot", "läkemedelsrobotar plockar doser per patient"),
    ("AI-baserad maskning", "maskering av sekretessuppgifter vid utlämnande av handlingar"),
    ("Mobila team", "nära vård med mobila team i hemmet"),
    ("Kommunikationsutrustning", "surfplattor och headset för digitalt arbetssätt"),
    ("Digital patientdelaktighet", "självincheckning och digitala formulär"),
)
AREAS = ("primärvården", "psykiatrin", "akutsjukvården", "geriatriken", "hemsjukvården")


def build(items: int) -> None:
    rng = random.Random("search-bench")
    organisations_load()
    regions = list(Organisation.objects.filter(kind=OrganisationKind.REGION).order_by("slug"))
    programme = Programme.objects.create(
        name="Benchmark",
        slug="benchmark",
        regulation="2024:1102",
        administering_body=Organisation.objects.get(slug="effektivitetsdelegationen"),
    )
    categories = list(MeasureCategory.objects.all())
    count = items // MEASURES_PER_APPLICATION
    statuses = ["decided"] * 6 + ["submitted"] * 3 + ["draft"]
    apps = [
        Application(
            programme=programme,
            applicant=regions[n % len(regions)],
            title=f"Ansökan {n}",
            status=statuses[n % len(statuses)],
            submitted_on=dt.date(2025, 6, 1),
            is_demo=True,
        )
        for n in range(count)
    ]
    Application.objects.bulk_create(apps, batch_size=BATCH)
    decisions = [
        Decision(application=a, decided_on=dt.date(2025, 11, 11), outcome="granted", granted_sek=1)
        for a in apps
        if a.status == "decided"
    ]
    Decision.objects.bulk_create(decisions, batch_size=BATCH)
    decision_of = {d.application_id: d for d in decisions}
    measures = []
    for app in apps:
        for position in range(MEASURES_PER_APPLICATION):
            title, text = rng.choice(SUBJECTS)
            area = rng.choice(AREAS)
            measures.append(
                Measure(
                    application=app,
                    title=f"{title} i {area}",
                    description=f"Regionen inför {text} inom {area}. Åtgärd {app.pk}-{position}.",
                    category=rng.choice(categories),
                    applied_sek=1_000_000,
                    position=position,
                )
            )
    Measure.objects.bulk_create(measures, batch_size=BATCH)
    MeasureDecision.objects.bulk_create(
        [
            MeasureDecision(decision=decision_of[m.application_id], measure=m, outcome="granted")
            for m in measures
            if m.application_id in decision_of
        ],
        batch_size=BATCH,
    )


def timed(func: Callable[[], Any], repeat: int) -> list[float]:
    func()  # warm caches and the connection
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run(items: int, repeat: int, say: Callable[[str], object]) -> None:
    vendor = connection.vendor
    say(f"Database: {vendor} ({settings.DATABASES['default']['NAME']}), backend {backend().name}")
    start = time.perf_counter()
    build(items)
    built = time.perf_counter() - start
    start = time.perf_counter()
    counts = search_reindex(kinds=["measure"])
    indexed = time.perf_counter() - start
    say(
        f"Built {Measure.objects.count()} measures in {built:.1f} s; indexed "
        f"{counts['measure']} in {indexed:.1f} s ({counts['measure'] / indexed:.0f}/s)"
    )
    editor = User.objects.create_user("bench-editor", password="x" * 16)
    Membership.objects.create(
        user=editor, organisation=Organisation.objects.get(slug="orebro"), role="editor"
    )
    coordinator = User.objects.create_user("bench-coordinator", password="x" * 16)
    Membership.objects.create(
        user=coordinator, organisation=Organisation.objects.get(slug="skr"), role="editor"
    )
    ids = list(SearchEntry.objects.values_list("object_id", flat=True)[:1000])
    rng = random.Random("floor")

    def floor() -> None:
        SearchEntry.objects.filter(kind="measure", object_id=rng.choice(ids)).values_list(
            "id", "title"
        ).first()

    floor_times = timed(floor, repeat * len(QUERIES))
    floor_median = statistics.median(floor_times)
    say(f"\nfloor (indexed lookup): median {floor_median:.2f} ms, p95 {p95(floor_times):.2f} ms")
    say(f"{'user':<12} {'median ms':>10} {'p95 ms':>8} {'×floor (median)':>16} {'hits':>6}")
    for name, user in (
        ("anonymous", AnonymousUser()),
        ("region", editor),
        ("coordinator", coordinator),
    ):
        times: list[float] = []
        hits = 0
        for q in QUERIES:
            times += timed(lambda q=q, u=user: search_for_user(user=u, q=q, limit=20), repeat)
            hits += len(search_for_user(user=user, q=q, limit=20))
        median = statistics.median(times)
        say(
            f"{name:<12} {median:>10.2f} {p95(times):>8.2f} {median / floor_median:>16.1f} "
            f"{hits / len(QUERIES):>6.1f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup_test_environment()
    if connection.vendor == "sqlite":
        # A file, not memory: closer to how the platform runs.
        connection.settings_dict["TEST"]["NAME"] = os.path.join(VAR_DIR, "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args.items, args.repeat, print)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
