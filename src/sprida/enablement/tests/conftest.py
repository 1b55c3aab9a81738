"""Fixtures for the dossier tests: a dossier taken through review to publication."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sprida.enablement import aiact, services
from sprida.enablement.models import Dossier, DossierVersion
from sprida.grants.models import MeasureCategory

MINIMAL_ANSWERS = aiact.Answers(transparency=[])


def fill_and_publish(version: DossierVersion, people, orgs) -> DossierVersion:
    """Content, questionnaire, review by Örebro and publication, as the coordinator would."""
    coordinator = people["coordinator"]
    services.version_update(
        by=coordinator,
        version=version,
        data_sources="Ljudinspelning av diktat i journalsystemet.",
        gdpr_legal_basis="Art. 6.1 e och art. 9.2 h.",
        health_data=True,
    )
    services.risk_add(
        by=coordinator,
        version=version,
        title="Felaktig transkribering",
        likelihood=3,
        consequence=3,
        mitigation="Granskning före signering.",
        owner="Verksamhetschef",
    )
    services.benefit_add(
        by=coordinator,
        version=version,
        kind="time_saved",
        description="Kortare dikteringskö",
        hours_per_year=Decimal("1500"),
        hourly_cost_sek=450,
    )
    services.aiact_assessment_save(by=coordinator, version=version, answers=MINIMAL_ANSWERS)
    services.version_submit(by=coordinator, version=version, reviewers=[orgs["orebro"]])
    services.review_record(
        by=people["editor"], version=version, organisation=orgs["orebro"], decision="approved"
    )
    return services.version_publish(by=coordinator, version=version)


@pytest.fixture
def dossier(people, orgs) -> Dossier:
    return services.dossier_create(
        by=people["coordinator"],
        title="AI-baserad taligenkänning",
        slug="ai-taligenkanning",
        purpose="Tal blir text i journalen.",
        category=MeasureCategory.objects.get(slug="ai-taligenkanning"),
    )


@pytest.fixture
def published(dossier, people, orgs) -> Dossier:
    fill_and_publish(dossier.versions.get(number=1), people, orgs)
    dossier.refresh_from_db()
    return dossier


@pytest.fixture
def adoption(published, people, orgs):
    return services.adoption_create(
        by=people["editor"],
        dossier=published,
        region=orgs["orebro"],
        adopted_on=dt.date(2025, 12, 1),
    )
