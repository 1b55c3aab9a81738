"""The demo: one published dossier per application type in the regions' documents."""

from __future__ import annotations

import datetime as dt
import io

from sprida.accounts.models import User
from sprida.enablement import demo, selectors
from sprida.enablement.models import Dossier, DossierAdoption, TimeContribution

SEED_TYPES = {
    "AI-baserad taligenkänning",
    "AI-stödd sensorteknik för fallprevention",
    "AI-stödd journalföring",
}


def test_demo_is_complete_idempotent_and_deterministic(orgs) -> None:
    out = io.StringIO()
    demo.load(out)
    hours = sorted(TimeContribution.objects.values_list("hours", flat=True))
    demo.load(out)  # the demo runs twice
    assert sorted(TimeContribution.objects.values_list("hours", flat=True)) == hours

    published = Dossier.objects.filter(current_version__isnull=False, is_demo=True)
    assert {d.title for d in published} >= SEED_TYPES
    assert Dossier.objects.count() == 4
    for dossier in published:
        version = dossier.current_version
        assert version is not None and version.aiact.reasons and version.risks.exists()
    speech = Dossier.objects.get(slug="ai-taligenkanning")
    assert speech.current_version is not None and speech.current_version.number == 2
    adoptions = DossierAdoption.objects.filter(dossier=speech)
    assert adoptions.count() == 2 and all(a.deviations.exists() for a in adoptions)
    assert all(a.is_outdated for a in adoptions)
    orebro = User.objects.get(username="orebro")
    assert [a.region.slug for a in selectors.adoption_notices(user=orebro)] == ["orebro"]
    results = {d.slug: d.current_version.aiact.result for d in published if d.current_version}
    assert results["ai-fallprevention"] == "high_risk"
    assert results["ai-journalforing"] == "limited_risk"

    coordinator = User.objects.get(username="skr")
    report = selectors.compensation_report(
        user=coordinator, start=dt.date(2025, 1, 1), end=dt.date(2026, 12, 1)
    )
    assert len(report.rows) == 5
    assert report.total_hours == sum(hours)
    assert report.total_sek == sum(row.amount_sek for row in report.rows) > 0
