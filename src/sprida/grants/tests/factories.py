"""factory_boy factories for the grant records; other apps' tests use them too."""

from __future__ import annotations

import datetime as dt

import factory

from sprida.core.models import Organisation
from sprida.grants import models as m


def org(slug: str) -> Organisation:
    """An organisation from the registry (tests load it with the `orgs` fixture)."""
    return Organisation.objects.get(slug=slug)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Programme
        django_get_or_create = ("slug",)

    name = "Statsbidrag för en effektiv hälso- och sjukvård"
    slug = "effektiv-halso-och-sjukvard"
    regulation = "2024:1102"
    administering_body = factory.LazyFunction(lambda: org("effektivitetsdelegationen"))


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Application

    programme = factory.SubFactory(ProgrammeFactory)
    applicant = factory.LazyFunction(lambda: org("orebro"))
    title = factory.Sequence(lambda n: f"Ansökan om statsbidrag {n}")
    status = m.ApplicationStatus.SUBMITTED
    submitted_on = dt.date(2025, 6, 12)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Measure

    application = factory.SubFactory(ApplicationFactory)
    title = factory.Sequence(lambda n: f"Införande av AI-baserad taligenkänning {n}")
    applied_sek = 10_000_000
    category = factory.LazyFunction(lambda: m.MeasureCategory.objects.get(slug="ai-taligenkanning"))
    position = factory.Sequence(int)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Decision

    application = factory.SubFactory(ApplicationFactory, status=m.ApplicationStatus.DECIDED)
    decided_on = dt.date(2025, 11, 11)
    outcome = m.Outcome.GRANTED
    applied_sek = 10_000_000
    granted_sek = 10_000_000
    rejected_sek = 0


class MeasureDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.MeasureDecision

    decision = factory.SubFactory(DecisionFactory)
    measure = factory.SubFactory(
        MeasureFactory, application=factory.SelfAttribute("..decision.application")
    )
    outcome = m.Outcome.GRANTED
    granted_sek = 10_000_000
    rejected_sek = 0


class PayoutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Payout

    decision = factory.SubFactory(DecisionFactory)
    year = 2025
    amount_sek = 10_000_000


class DeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Deadline

    decision = factory.SubFactory(DecisionFactory)
    kind = m.DeadlineKind.PROGRESS_REPORT
    due_on = dt.date(2026, 11, 30)


def make_application(**fields: object) -> m.Application:
    """ApplicationFactory with the model's type, for typed tests."""
    return ApplicationFactory(**fields)  # type: ignore[return-value]


def make_measure(**fields: object) -> m.Measure:
    return MeasureFactory(**fields)  # type: ignore[return-value]
