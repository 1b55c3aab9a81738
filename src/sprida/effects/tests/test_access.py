"""Who may see and change the effects records and reports: owner, reader, stranger, national."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sprida.core.access import can_change, can_view, forget_actor
from sprida.effects import services
from sprida.effects.models import (
    Cost,
    ImplementationStatus,
    Indicator,
    Measurement,
    QualitativeEffect,
    Report,
    ReportSection,
    TrackedMeasure,
)
from sprida.effects.tests.conftest import add_records, make_application, make_decision, make_line
from sprida.grants.tests import factories as f

PEOPLE = ["editor", "viewer", "stranger", "coordinator", "officer", "admin"]
RECORD_VIEW = {
    "editor": True,
    "viewer": True,
    "stranger": False,
    "coordinator": True,
    "officer": True,
    "admin": True,
}
RECORD_CHANGE = {
    "editor": True,
    "viewer": False,
    "stranger": False,
    "coordinator": False,
    "officer": False,
    "admin": True,
}
DRAFT_VIEW = {**RECORD_VIEW, "coordinator": False, "officer": False}
SUBMITTED_CHANGE = dict.fromkeys(PEOPLE, False)

MODELS: list[Any] = [ImplementationStatus, Indicator, Measurement, QualitativeEffect, Cost]


@pytest.mark.parametrize("who", PEOPLE)
def test_effects_records_matrix(people, grant, who) -> None:
    add_records(grant.fall)
    user = people[who]
    for model in MODELS:
        for obj in model.objects.all():
            assert can_view(user, obj) is RECORD_VIEW[who], (model.__name__, who)
            assert can_change(user, obj) is RECORD_CHANGE[who], (model.__name__, who)
    measure = TrackedMeasure.objects.get(pk=grant.fall.pk)
    assert can_view(user, measure) is RECORD_VIEW[who]


def _report(grant, people, *, submit: bool) -> Report:
    report = services.report_create(by=people["editor"], decision=grant.decision, kind="progress")
    if submit:
        services.report_update(
            by=people["editor"],
            report=report,
            narrative={},
            sections={m.pk: {"progress_text": "Pågår."} for m in (grant.fall, grant.speech)},
        )
        report = services.report_submit(by=people["editor"], report=report)
    return report


@pytest.mark.parametrize("who", PEOPLE)
def test_draft_report_is_private_to_the_region(people, grant, who) -> None:
    report = _report(grant, people, submit=False)
    assert can_view(people[who], report) is DRAFT_VIEW[who]
    assert can_change(people[who], report) is RECORD_CHANGE[who]
    section = report.sections.all()[0]
    assert can_view(people[who], section) is DRAFT_VIEW[who]


@pytest.mark.parametrize("who", PEOPLE)
def test_submitted_report_is_read_nationally_and_changed_by_nobody(people, grant, who) -> None:
    report = _report(grant, people, submit=True)
    assert can_view(people[who], report) is RECORD_VIEW[who]
    assert can_change(people[who], report) is SUBMITTED_CHANGE[who]
    assert can_change(people[who], report.sections.all()[0]) is False


def test_joint_application_participants_read_but_do_not_write(people, orgs) -> None:
    application = make_application(applicant=orgs["skr"], joint=True, status="decided")
    application.participants.set([orgs["orebro"], orgs["jamtland-harjedalen"]])
    decision = make_decision(application=application)
    line = make_line(decision=decision)
    indicator = add_records(line.measure)
    assert can_view(people["stranger"], indicator)  # Jämtland takes part
    assert not can_change(people["stranger"], indicator)
    assert can_change(people["coordinator"], indicator)  # SKR is the applicant
    assert can_view(people["viewer"], indicator)


def test_services_refuse_other_regions_and_readers(people, grant) -> None:
    indicator = add_records(grant.fall)
    for who in ("stranger", "viewer", "officer", "coordinator"):
        with pytest.raises(PermissionDenied):
            services.measurement_record(
                by=people[who], indicator=indicator, period=indicator.baseline_on, value=Decimal(1)
            )
        with pytest.raises(PermissionDenied):
            services.report_create(by=people[who], decision=grant.decision, kind="progress")


@pytest.mark.parametrize(
    ("who", "status"), [("stranger", 404), ("viewer", 200), ("officer", 200), ("editor", 200)]
)
def test_measure_pages_refuse_strangers(client, people, grant, who, status) -> None:
    indicator = add_records(grant.fall)
    client.force_login(people[who])
    assert client.get(reverse("effects:measure", args=[grant.fall.pk])).status_code == status
    assert client.get(reverse("effects:indicator", args=[indicator.pk])).status_code == status
    html = client.get(reverse("effects:overview")).content.decode()
    assert (grant.fall.title in html) is (status == 200)
    national = client.get(reverse("effects:national")).content.decode()
    assert (indicator.name in national) is (status == 200)


@pytest.mark.parametrize(("who", "status"), [("stranger", 404), ("viewer", 403), ("officer", 403)])
def test_writes_are_refused_at_view_level(client, people, grant, who, status) -> None:
    indicator = add_records(grant.fall)
    client.force_login(people[who])
    posts = [
        (
            reverse("effects:status_add", args=[grant.fall.pk]),
            {"stage": "implemented", "status_on": "2026-10-01"},
        ),
        (
            reverse("effects:measurement_add", args=[indicator.pk]),
            {"period": "2026-10", "value": "1"},
        ),
        (
            reverse("effects:cost_add", args=[grant.fall.pk]),
            {"year": "2026", "kind": "external", "description": "x", "amount_sek": "1"},
        ),
        (
            reverse("effects:effect_add", args=[grant.fall.pk]),
            {"observed_on": "2026-10-01", "category": "staff", "statement": "x", "source": "x"},
        ),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == status, url
    assert ImplementationStatus.objects.count() == 2 and Cost.objects.count() == 3
    response = client.post(
        reverse("effects:report_start", args=[grant.decision.pk]), {"kind": "progress"}
    )
    # The decision is published, so everyone signed in sees it; only the region writes.
    assert response.status_code == 403
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("who", "draft", "submitted"),
    [
        ("stranger", 404, 404),
        ("viewer", 200, 200),
        ("officer", 404, 200),
        ("coordinator", 404, 200),
        ("editor", 200, 200),
    ],
)
def test_report_pages(client, people, grant, who, draft, submitted) -> None:
    report = _report(grant, people, submit=False)
    client.force_login(people[who])
    for name in ("effects:report", "effects:report_print"):
        assert client.get(reverse(name, args=[report.pk])).status_code == draft
    assert (
        client.get(reverse("effects:report_download", args=[report.pk, "docx"])).status_code
        == draft
    )
    forget_actor(people["editor"])
    ReportSection.objects.filter(report=report).update(progress_text="Pågår.")
    services.report_submit(by=people["editor"], report=report)
    assert client.get(reverse("effects:report", args=[report.pk])).status_code == submitted
    assert (
        client.get(reverse("effects:report_download", args=[report.pk, "xlsx"])).status_code
        == submitted
    )


def test_delegation_sees_each_regions_report_status(client, people, grant, orgs) -> None:
    other = make_line(
        decision__application__applicant=orgs["jamtland-harjedalen"], granted_sek=2_000_000
    )
    f.DeadlineFactory(decision=other.decision)
    report = _report(grant, people, submit=True)
    client.force_login(people["officer"])
    html = client.get(reverse("effects:overview")).content.decode()
    assert "Region Örebro län" in html and "Region Jämtland Härjedalen" in html
    assert reverse("effects:report", args=[report.pk]) in html
    assert "Ej inlämnad" in html
    assert "Skapa utkast" not in html


def test_region_report_list_holds_only_its_own_decisions(client, people, grant, orgs) -> None:
    other = make_line(
        decision__application__applicant=orgs["jamtland-harjedalen"], granted_sek=2_000_000
    )
    client.force_login(people["editor"])
    html = client.get(reverse("effects:overview")).content.decode()
    assert reverse("effects:report_start", args=[grant.decision.pk]) in html
    assert "Region Jämtland Härjedalen" not in html
    assert reverse("effects:report_start", args=[other.decision.pk]) not in html
