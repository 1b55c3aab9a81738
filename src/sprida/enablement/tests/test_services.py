"""The dossier workflow: publish, adopt with deviations, a new version tells the adopters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from sprida.enablement import aiact, selectors, services
from sprida.enablement.models import (
    CompensationRate,
    DossierVersion,
    Requirement,
    RiskItem,
    VersionLockedError,
    VersionStatus,
)
from sprida.enablement.registry import read_requirements
from sprida.enablement.tests.conftest import fill_and_publish


def test_the_coordinator_publishes_a_dossier(published, people) -> None:
    version = published.current_version
    assert version.number == 1 and version.status == VersionStatus.PUBLISHED
    assert version.published_by == people["coordinator"]
    assert version.aiact.result == "minimal_risk"
    assert version.benefits.get().yearly_value_sek == 675_000  # 1 500 h × 450 kr


def test_only_the_coordinator_creates_dossiers(people) -> None:
    for who in ("editor", "stranger", "officer"):
        with pytest.raises(PermissionDenied):
            services.dossier_create(by=people[who], title="X", slug="x", purpose="Y")


def test_publishing_needs_an_approval_and_the_questionnaire(dossier, people, orgs) -> None:
    coordinator, version = people["coordinator"], dossier.versions.get()
    with pytest.raises(ValidationError, match="granskad version"):
        services.version_publish(by=coordinator, version=version)
    services.version_submit(by=coordinator, version=version, reviewers=[orgs["orebro"]])
    with pytest.raises(ValidationError, match="godkänt"):
        services.version_publish(by=coordinator, version=version)
    services.review_record(
        by=people["editor"], version=version, organisation=orgs["orebro"], decision="approved"
    )
    with pytest.raises(ValidationError, match="AI-förordningen"):
        services.version_publish(by=coordinator, version=version)


def test_changes_requested_block_publication(dossier, people, orgs) -> None:
    coordinator, version = people["coordinator"], dossier.versions.get()
    services.version_submit(
        by=coordinator, version=version, reviewers=[orgs["orebro"], orgs["stockholm"]]
    )
    services.review_record(
        by=people["editor"], version=version, organisation=orgs["orebro"], decision="approved"
    )
    services.review_record(
        by=coordinator,
        version=version,
        organisation=orgs["skr"],
        decision="changes_requested",
        comment="Lagringstiden saknas.",
        section="data",
    )
    with pytest.raises(ValidationError, match="begärt ändringar"):
        services.version_publish(by=coordinator, version=version)


def test_a_region_that_is_not_a_reviewer_is_refused(dossier, people, orgs) -> None:
    version = dossier.versions.get()
    services.version_submit(by=people["coordinator"], version=version, reviewers=[orgs["orebro"]])
    with pytest.raises(PermissionDenied):
        services.review_record(
            by=people["stranger"],
            version=version,
            organisation=orgs["jamtland-harjedalen"],
            decision="approved",
        )
    with pytest.raises(PermissionDenied):  # nor may Jämtland speak for Örebro
        services.review_record(
            by=people["stranger"],
            version=version,
            organisation=orgs["orebro"],
            decision="approved",
        )


def test_a_published_version_never_changes(published, people) -> None:
    version = published.current_version
    with pytest.raises(ValidationError, match="publicerad"):
        services.version_update(by=people["coordinator"], version=version, data_sources="Ny")
    version.data_sources = "Ändrad i smyg"
    with pytest.raises(VersionLockedError):
        version.save()
    risk = RiskItem.objects.get(version=version)
    risk.likelihood = 1
    with pytest.raises(VersionLockedError):
        risk.save()
    with pytest.raises(VersionLockedError):
        risk.delete()
    with pytest.raises(VersionLockedError):  # nor can a row be moved into it
        RiskItem.objects.create(version=version, title="Ny", likelihood=1, consequence=1)


def test_two_regions_adopt_with_deviations_and_a_new_version_tells_them(
    published, people, orgs, make_user
) -> None:
    vastmanland_editor = make_user("vastmanland", "editor")
    orebro = services.adoption_create(
        by=people["editor"],
        dossier=published,
        region=orgs["orebro"],
        adopted_on=dt.date(2025, 12, 1),
    )
    vastmanland = services.adoption_create(
        by=vastmanland_editor,
        dossier=published,
        region=orgs["vastmanland"],
        adopted_on=dt.date(2025, 12, 5),
    )
    services.adoption_deviation_add(
        by=people["editor"],
        adoption=orebro,
        section="data",
        description="Ljudfiler gallras efter 24 timmar i stället för 30 dagar.",
        reason="Regionens informationssäkerhetsklassning.",
    )
    services.adoption_approval_add(
        by=people["editor"],
        adoption=orebro,
        kind="dpia",
        approved_on=dt.date(2025, 11, 28),
        approved_by="Dataskyddsombud, Region Örebro län",
        reference="RS 2025/1234",
    )
    services.adoption_deviation_add(
        by=vastmanland_editor,
        adoption=vastmanland,
        section="competence",
        description="Utbildningen ges i den egna lärplattformen.",
    )
    with pytest.raises(PermissionDenied):  # another region's member is refused
        services.adoption_deviation_add(
            by=people["stranger"], adoption=orebro, section="data", description="Nej"
        )
    assert selectors.adoption_notices(user=people["editor"]) == []

    coordinator = people["coordinator"]
    v2 = services.version_new(by=coordinator, dossier=published, change_summary="Ny gallring")
    assert v2.number == 2 and v2.risks.count() == 1 and v2.aiact.result == "minimal_risk"
    services.version_update(by=coordinator, version=v2, data_retention="Ljudfiler: 24 timmar.")
    services.version_submit(by=coordinator, version=v2, reviewers=[orgs["orebro"]])
    services.review_record(
        by=people["editor"], version=v2, organisation=orgs["orebro"], decision="approved"
    )
    mail.outbox.clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("django.db.transaction.on_commit", lambda func, *a, **k: func())
        services.version_publish(by=coordinator, version=v2)
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {people["editor"].email, vastmanland_editor.email}

    assert [a.region.slug for a in selectors.adoption_notices(user=people["editor"])] == ["orebro"]
    assert [a.region.slug for a in selectors.adoption_notices(user=vastmanland_editor)] == [
        "vastmanland"
    ]
    assert selectors.adoption_notices(user=people["stranger"]) == []
    services.adoption_upgrade(by=people["editor"], adoption=orebro, adopted_on=dt.date(2026, 2, 1))
    assert selectors.adoption_notices(user=people["editor"]) == []
    assert orebro.deviations.count() == 1  # the deviations stay with the region


def test_adoption_rules(published, dossier, people, orgs) -> None:
    with pytest.raises(PermissionDenied):
        services.adoption_create(
            by=people["stranger"],
            dossier=published,
            region=orgs["orebro"],
            adopted_on=dt.date(2025, 12, 1),
        )
    with pytest.raises(PermissionDenied):  # the coordinator does not adopt for a region
        services.adoption_create(
            by=people["coordinator"],
            dossier=published,
            region=orgs["orebro"],
            adopted_on=dt.date(2025, 12, 1),
        )
    services.adoption_create(
        by=people["editor"],
        dossier=published,
        region=orgs["orebro"],
        adopted_on=dt.date(2025, 12, 1),
    )
    with pytest.raises(ValidationError, match="redan antagit"):
        services.adoption_create(
            by=people["editor"],
            dossier=published,
            region=orgs["orebro"],
            adopted_on=dt.date(2025, 12, 2),
        )


def test_only_one_open_version_at_a_time(published, people) -> None:
    services.version_new(by=people["coordinator"], dossier=published)
    with pytest.raises(ValidationError, match="öppen"):
        services.version_new(by=people["coordinator"], dossier=published)


def test_questionnaire_is_saved_with_answers_and_reasons(dossier, people) -> None:
    answers = aiact.Answers(annex_i_legislation="mdr", mdr_class="IIa")
    assessment = services.aiact_assessment_save(
        by=people["coordinator"], version=dossier.versions.get(), answers=answers
    )
    assert assessment.result == "high_risk"
    assert assessment.answers["mdr_class"] == "IIa"
    assert any("IIa" in reason for reason in assessment.reasons)
    with pytest.raises(ValidationError, match="motivering"):
        services.aiact_assessment_save(
            by=people["coordinator"],
            version=dossier.versions.get(),
            answers=aiact.Answers(annex_iii_areas=["education"], exceptions=["preparatory"]),
        )


def test_benefit_and_risk_input_is_checked(dossier, people) -> None:
    version = dossier.versions.get()
    with pytest.raises(ValidationError, match="timmar per år"):
        services.benefit_add(
            by=people["coordinator"], version=version, kind="time_saved", description="X"
        )
    with pytest.raises(ValidationError, match="1–4, inte 5"):
        services.risk_add(
            by=people["coordinator"], version=version, title="X", likelihood=5, consequence=1
        )
    item = services.benefit_add(
        by=people["coordinator"],
        version=version,
        kind="time_saved",
        description="Halvtimmar",
        hours_per_year=Decimal("0.5"),
        hourly_cost_sek=3,
    )
    assert item.yearly_value_sek == 2  # 1,50 kr rounds half up to 2 kr


def test_requirements_are_loaded_with_stable_ids_and_versions(db) -> None:
    specs = read_requirements()
    assert 15 <= len(specs) <= 25
    assert Requirement.objects.filter(urn="urn:sprida:req:gdpr-legal-basis", version="1.0").exists()
    created, updated = services.requirements_load()
    assert (created, updated) == (0, len(specs))  # the migration loaded them already
    Requirement.objects.create(
        urn="urn:sprida:req:gdpr-legal-basis",
        version="1.1",
        title="Ny",
        text="Ny text",
        area="gdpr",
        section="legal",
    )
    services.requirements_load()
    current = Requirement.objects.filter(urn="urn:sprida:req:gdpr-legal-basis", is_current=True)
    assert [r.version for r in current] == ["1.1"]


def test_a_check_records_the_requirement_version(dossier, people) -> None:
    version = dossier.versions.get()
    req = Requirement.objects.get(urn="urn:sprida:req:gdpr-dpia", version="1.0")
    services.requirement_check_set(
        by=people["coordinator"], version=version, requirement=req, status="met", note="Mall"
    )
    newer = Requirement.objects.create(
        urn=req.urn, version="2.0", title=req.title, text="Skärpt", area="gdpr", section="legal"
    )
    services.requirement_check_set(
        by=people["coordinator"], version=version, requirement=newer, status="partly"
    )
    assert [(c.requirement.version, c.status) for c in version.checks.all()] == [("2.0", "partly")]


@pytest.fixture
def group(people, orgs, make_user):
    coordinator = people["coordinator"]
    group = services.group_create(by=coordinator, name="Juridik", slug="juridik")
    services.group_member_add(
        by=coordinator, group=group, person=people["editor"], organisation=orgs["orebro"]
    )
    services.group_member_add(
        by=coordinator,
        group=group,
        person=people["stranger"],
        organisation=orgs["jamtland-harjedalen"],
    )
    services.group_member_add(
        by=coordinator, group=group, person=coordinator, organisation=orgs["skr"], role="chair"
    )
    return group


def test_compensation_report_sums_hours_and_rounds_once_per_region(group, people, orgs) -> None:
    CompensationRate.objects.create(valid_from=dt.date(2025, 9, 1), hourly_rate_sek=650)
    CompensationRate.objects.create(valid_from=dt.date(2026, 1, 1), hourly_rate_sek=675)
    rows = [
        (people["editor"], "orebro", dt.date(2025, 10, 1), "12.25"),
        (people["editor"], "orebro", dt.date(2025, 11, 14), "7,5"),  # stored as 2025-11-01
        (people["editor"], "orebro", dt.date(2026, 1, 1), "0.01"),
        (people["stranger"], "jamtland-harjedalen", dt.date(2025, 10, 1), "10"),
        (people["coordinator"], "skr", dt.date(2025, 8, 1), "4"),  # before the first rate
    ]
    for person, slug, month, hours in rows:
        services.time_record(
            by=person, person=person, organisation=orgs[slug], group=group, month=month, hours=hours
        )
    report = selectors.compensation_report(
        user=people["coordinator"], start=dt.date(2025, 1, 1), end=dt.date(2026, 12, 1)
    )
    by_slug = {row.organisation.slug: row for row in report.rows}
    assert by_slug["orebro"].hours == Decimal("19.76")
    # 19,75 h × 650 = 12 837,50 kr; 0,01 h × 675 = 6,75 kr; 12 844,25 → 12 844 kr
    assert by_slug["orebro"].amount_sek == 12_844
    assert by_slug["jamtland-harjedalen"].amount_sek == 6_500
    assert by_slug["skr"].unpriced_hours == Decimal("4") and by_slug["skr"].amount_sek == 0
    assert report.total_hours == Decimal("33.76")
    assert report.total_sek == 12_844 + 6_500

    # A region sees only its own row.
    own = selectors.compensation_report(
        user=people["editor"], start=dt.date(2025, 1, 1), end=dt.date(2026, 12, 1)
    )
    assert [row.organisation.slug for row in own.rows] == ["orebro"]


def test_time_is_recorded_only_for_the_own_organisation(group, people, orgs) -> None:
    month = dt.date(2025, 10, 1)
    with pytest.raises(PermissionDenied):
        services.time_record(
            by=people["stranger"],
            person=people["editor"],
            organisation=orgs["orebro"],
            group=group,
            month=month,
            hours=3,
        )
    with pytest.raises(PermissionDenied):  # the coordinator sees all but records only its own
        services.time_record(
            by=people["coordinator"],
            person=people["editor"],
            organisation=orgs["orebro"],
            group=group,
            month=month,
            hours=3,
        )
    with pytest.raises(ValidationError, match="inte med i"):
        services.time_record(
            by=people["editor"],
            person=people["viewer"],
            organisation=orgs["orebro"],
            group=group,
            month=month,
            hours=3,
        )
    for bad in ("0", "-1", "745", "1.005", "tre"):
        with pytest.raises(ValidationError):
            services.time_record(
                by=people["editor"],
                person=people["editor"],
                organisation=orgs["orebro"],
                group=group,
                month=month,
                hours=bad,
            )
    first = services.time_record(
        by=people["editor"],
        person=people["editor"],
        organisation=orgs["orebro"],
        group=group,
        month=month,
        hours=3,
    )
    again = services.time_record(
        by=people["editor"],
        person=people["editor"],
        organisation=orgs["orebro"],
        group=group,
        month=month,
        hours=5,
    )
    assert first.pk == again.pk and again.hours == Decimal("5")


def test_local_effect_belongs_to_the_region(group, people, orgs) -> None:
    effect = services.local_effect_record(
        by=people["editor"],
        organisation=orgs["orebro"],
        recorded_on=dt.date(2026, 3, 1),
        kind="implementation",
        title="DPIA klar på två veckor",
        group=group,
    )
    assert effect.organisation == orgs["orebro"]
    with pytest.raises(PermissionDenied):
        services.local_effect_record(
            by=people["stranger"],
            organisation=orgs["orebro"],
            recorded_on=dt.date(2026, 3, 1),
            kind="quality",
            title="Nej",
        )


def test_new_version_copies_content_and_can_be_published(published, people, orgs) -> None:
    v2 = services.version_new(by=people["coordinator"], dossier=published)
    fill_and_publish(v2, people, orgs)
    published.refresh_from_db()
    assert published.current_version == v2
    assert DossierVersion.objects.get(pk=v2.pk).risks.count() == 2  # copied + the new one
