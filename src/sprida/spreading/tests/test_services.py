"""Maturity needs evidence; every move is logged; adoption and links behave."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile

from sprida.core.access import SYSTEM
from sprida.grants.tests.factories import ApplicationFactory, MeasureFactory
from sprida.intake.filenames import MAX_STORAGE_BYTES
from sprida.spreading import services
from sprida.spreading.maturity import evidence_for
from sprida.spreading.models import MaturityChange, SolutionResource


def _adopt(solution, orgs, slugs, status="in_use"):
    for slug in slugs:
        services.adoption_record(
            by=SYSTEM,
            solution=solution,
            region=orgs[slug],
            status=status,
            since=dt.date(2026, 2, 1),
        )


@pytest.mark.django_db
def test_pilot_needs_a_region_trying_it(published, people, orgs):
    with pytest.raises(ValidationError, match="Pilot"):
        services.solution_set_maturity(by=people["editor"], solution=published, to="pilot")
    _adopt(published, orgs, ["orebro"], status="pilot")
    change = services.solution_set_maturity(by=people["editor"], solution=published, to="pilot")
    assert change.from_level == "idea" and change.to_level == "pilot"
    assert change.changed_by == people["editor"]
    published.refresh_from_db()
    assert published.maturity == "pilot"


@pytest.mark.django_db
def test_validated_needs_a_measured_indicator(published, people, orgs, measured_measure):
    _adopt(published, orgs, ["orebro"], status="pilot")
    with pytest.raises(ValidationError) as refused:
        services.solution_set_maturity(by=people["editor"], solution=published, to="validated")
    assert "Koppla en beviljad åtgärd" in " ".join(refused.value.messages)
    services.solution_link_measure(
        by=people["editor"], solution=published, measure=measured_measure
    )
    change = services.solution_set_maturity(by=people["editor"], solution=published, to="validated")
    assert change.to_level == "validated"
    assert any(r["level"] == "validated" and r["met"] for r in change.evidence)


@pytest.mark.django_db
def test_indicator_without_follow_up_is_not_evidence(published, orgs, measured_measure):
    measured_measure.indicators.first().measurements.all().delete()
    services.solution_link_measure(by=SYSTEM, solution=published, measure=measured_measure)
    evidence = evidence_for(published)
    assert not evidence.for_level("validated")[0].met
    assert "mätvärde efter baslinjen" in evidence.for_level("validated")[0].missing


@pytest.mark.django_db
def test_draft_measures_are_not_evidence(published, orgs):
    draft_app = ApplicationFactory(applicant=orgs["orebro"], status="draft")
    measure: Any = MeasureFactory(application=draft_app)
    services.solution_link_measure(by=SYSTEM, solution=published, measure=measure)
    assert not evidence_for(published).for_level("pilot")[0].met


@pytest.mark.django_db
def test_spread_needs_three_regions_in_use(published, people, orgs, measured_measure):
    services.solution_link_measure(by=SYSTEM, solution=published, measure=measured_measure)
    _adopt(published, orgs, ["orebro", "vastmanland"])
    with pytest.raises(ValidationError) as refused:
        services.solution_set_maturity(by=people["coordinator"], solution=published, to="spread")
    assert "1 region till" in " ".join(refused.value.messages)
    _adopt(published, orgs, ["kalmar"])
    services.solution_set_maturity(by=people["coordinator"], solution=published, to="spread")
    published.refresh_from_db()
    assert published.maturity == "spread"
    assert MaturityChange.objects.filter(solution=published).count() == 1
    assert published.history.filter(maturity="spread").exists()


@pytest.mark.django_db
def test_moving_down_needs_a_reason(published, people, orgs):
    _adopt(published, orgs, ["orebro"], status="pilot")
    services.solution_set_maturity(by=people["editor"], solution=published, to="pilot")
    with pytest.raises(ValidationError, match="varför"):
        services.solution_set_maturity(by=people["editor"], solution=published, to="idea")
    services.solution_set_maturity(
        by=people["editor"], solution=published, to="idea", note="Piloten avbröts."
    )
    assert [c.to_level for c in MaturityChange.objects.filter(solution=published)] == [
        "idea",
        "pilot",
    ]


@pytest.mark.django_db
def test_adoption_dates_must_be_in_order(published, people, orgs):
    with pytest.raises(ValidationError, match="ligger efter"):
        services.adoption_record(
            by=people["editor"],
            solution=published,
            region=orgs["orebro"],
            status="pilot",
            since=dt.date(2026, 1, 1),
            started_on=dt.date(2026, 2, 1),
        )


@pytest.mark.django_db
def test_a_national_body_cannot_adopt(published, people, orgs):
    with pytest.raises(ValidationError, match="inte en region"):
        services.adoption_record(
            by=people["admin"],
            solution=published,
            region=orgs["skr"],
            status="pilot",
            since=dt.date(2026, 1, 1),
        )


@pytest.mark.django_db
def test_another_regions_editor_cannot_create_for_orebro(people, orgs):
    with pytest.raises(PermissionDenied):
        services.solution_create(
            by=people["stranger"], owner=orgs["orebro"], title="X", summary="Y"
        )


@pytest.mark.django_db
def test_slugs_are_unique(people, orgs):
    a = services.solution_create(
        by=people["editor"], owner=orgs["orebro"], title="Å ä ö", summary="s"
    )
    b = services.solution_create(
        by=people["editor"], owner=orgs["orebro"], title="Å ä ö", summary="s"
    )
    assert a.slug == "a-a-o" and b.slug == "a-a-o-2"


def test_attached_file_with_a_long_name_is_stored_within_bounds(published) -> None:
    resource = SolutionResource(solution=published, title="Specifikation")
    # 200 × "é" is 400 bytes: a raw name like that is past the file system's limit (a 500).
    resource.file.save("../" + "é" * 200 + ".pdf", ContentFile(b"%PDF-1.7 spec"), save=True)
    stored = str(resource.file.name).rsplit("/", 1)[-1]
    assert str(resource.file.name).startswith(f"spreading/{published.pk}/")
    assert len(stored.encode()) <= MAX_STORAGE_BYTES + 8 and stored.endswith(".pdf")
    assert SolutionResource.objects.get(pk=resource.pk).file.read() == b"%PDF-1.7 spec"
