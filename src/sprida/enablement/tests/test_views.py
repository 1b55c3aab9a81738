"""The pages: each works for the people who may use it and refuses the others."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse

from sprida.enablement import services
from sprida.enablement.models import CompensationRate, DossierAdoption, VersionStatus


def test_menu_entry_and_public_list(client, published) -> None:
    assert reverse("enablement:dossiers") == "/underlag/"
    html = client.get("/underlag/").content.decode()
    assert "AI-baserad taligenkänning" in html
    assert reverse("enablement:transparency", args=[published.slug]) in html
    assert "Gjort en gång i stället för 21 gånger" in html


def test_dossier_page_needs_sign_in_but_transparency_is_public(client, published) -> None:
    assert client.get(f"/underlag/{published.slug}/").status_code == 302
    page = client.get(f"/underlag/{published.slug}/transparens/")
    assert page.status_code == 200 and "Mänsklig tillsyn" in page.content.decode()
    record = client.get(f"/underlag/{published.slug}/transparens.json").json()
    assert record["name"] == "AI-baserad taligenkänning"
    assert record["status"]["version"] == 1
    assert {"purpose", "legal_basis", "data", "human_oversight", "risks", "contact"} <= set(record)


def test_unpublished_dossier_is_hidden_from_regions_and_the_public(client, dossier, people):
    assert client.get(f"/underlag/{dossier.slug}/transparens/").status_code == 404
    client.force_login(people["stranger"])
    assert client.get(f"/underlag/{dossier.slug}/").status_code == 404


def test_dossier_page_shows_sections_matrix_and_questionnaire(
    client, published, people, django_assert_max_num_queries
) -> None:
    client.force_login(people["viewer"])
    with django_assert_max_num_queries(40):
        html = client.get(f"/underlag/{published.slug}/").content.decode()
    for heading in ("Data", "Juridik", "Nyttoanalys", "Riskanalys", "Kompetens"):
        assert f">{heading}</h2>" in html
    assert 'role="img"' in html and "Riskmatris" in html
    assert "Minimal risk" in html
    assert "675\u00a0000\u00a0kr" in html


def test_page_queries_do_not_grow_with_rows(
    client, published, people, django_assert_max_num_queries
) -> None:
    client.force_login(people["coordinator"])
    v2 = services.version_new(by=people["coordinator"], dossier=published)
    for n in range(15):
        services.risk_add(
            by=people["coordinator"], version=v2, title=f"Risk {n}", likelihood=2, consequence=2
        )
        services.training_add(
            by=people["coordinator"],
            version=v2,
            title=f"Kurs {n}",
            audience="Alla",
            length_minutes=30,
        )
    with django_assert_max_num_queries(40):
        assert client.get(f"/underlag/{published.slug}/v2/").status_code == 200


def test_the_coordinator_works_the_dossier_through_the_pages(client, people, orgs) -> None:
    client.force_login(people["coordinator"])
    response = client.post(
        "/underlag/nytt/",
        {
            "title": "AI-stödd journalföring",
            "slug": "ai-journalforing",
            "purpose": "Utkast till journalanteckning.",
        },
    )
    assert response.status_code == 302
    base = "/underlag/ai-journalforing/v1"
    assert (
        client.post(
            f"{base}/rader/risk/",
            {
                "risk-title": "Påhittade uppgifter",
                "risk-likelihood": "3",
                "risk-consequence": "4",
            },
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"{base}/rader/benefit/",
            {
                "benefit-kind": "time_saved",
                "benefit-description": "Kortare dokumentation",
                "benefit-hours_per_year": "100,5",
                "benefit-hourly_cost_sek": "900",
            },
        ).status_code
        == 302
    )
    response = client.post(
        f"{base}/ai-forordningen/",
        {
            "annex_i_legislation": "none",
            "transparency": ["generates_content"],
        },
    )
    assert response.status_code == 302
    client.post(f"{base}/submit/", {"reviewers": [orgs["orebro"].pk]})
    client.force_login(people["editor"])
    client.post(f"{base}/review/", {"organisation": orgs["orebro"].pk, "decision": "approved"})
    client.force_login(people["coordinator"])
    client.post(f"{base}/publish/")
    version = services.coordinator_organisation().owned_dossiers.get().versions.get()
    assert version.status == VersionStatus.PUBLISHED
    assert version.aiact.result == "limited_risk"
    assert version.benefits.get().yearly_value_sek == 90_450  # 100,5 h × 900 kr


def test_dossier_links_to_the_catalogues_solutions(client, published, people, orgs) -> None:
    from sprida.spreading.models import Solution

    solution = Solution.objects.create(
        slug="ai-baserad-taligenkanning",
        title="AI-baserad taligenkänning i Örebro",
        summary="Tal till text i journalen.",
        solution_type="technical",
        owner=orgs["orebro"],
        published=True,
    )
    services.dossier_solutions_set(
        by=people["coordinator"], dossier=published, solutions=[solution]
    )
    client.force_login(people["viewer"])
    html = client.get(f"/underlag/{published.slug}/").content.decode()
    assert solution.get_absolute_url() in html


def test_a_region_cannot_create_or_edit_dossiers(client, dossier, people) -> None:
    client.force_login(people["editor"])
    assert client.get("/underlag/nytt/").status_code == 403
    assert client.get(f"/underlag/{dossier.slug}/v1/redigera/").status_code == 404  # draft hidden


def test_the_questionnaire_refuses_an_exception_without_justification(client, dossier, people):
    client.force_login(people["coordinator"])
    response = client.post(
        f"/underlag/{dossier.slug}/v1/ai-forordningen/",
        {
            "annex_i_legislation": "none",
            "annex_iii_areas": ["public_services"],
            "exceptions": ["preparatory"],
        },
    )
    assert response.status_code == 200
    assert "kräver en skriftlig motivering" in response.content.decode()


def test_regions_adopt_on_the_page_and_strangers_are_refused(client, published, people, orgs):
    client.force_login(people["editor"])
    response = client.post(
        f"/underlag/{published.slug}/anta/",
        {
            "region": orgs["orebro"].pk,
            "adopted_on": "2025-12-01",
        },
    )
    adoption = DossierAdoption.objects.get(region=orgs["orebro"])
    assert response.url == f"/underlag/antaganden/{adoption.pk}/"
    client.post(
        f"/underlag/antaganden/{adoption.pk}/deviation/",
        {
            "deviation-section": "data",
            "deviation-description": "Kortare gallring",
        },
    )
    assert adoption.deviations.count() == 1
    client.force_login(people["stranger"])
    assert client.get(f"/underlag/antaganden/{adoption.pk}/").status_code == 404
    assert (
        client.post(
            f"/underlag/antaganden/{adoption.pk}/deviation/",
            {
                "deviation-section": "data",
                "deviation-description": "Intrång",
            },
        ).status_code
        == 404
    )
    # Jämtland cannot adopt on Örebro's behalf either.
    client.post(
        f"/underlag/{published.slug}/anta/",
        {
            "region": orgs["orebro"].pk,
            "adopted_on": "2025-12-01",
        },
    )
    assert DossierAdoption.objects.filter(region=orgs["orebro"]).count() == 1
    client.force_login(people["viewer"])  # a reader sees, but does not change
    assert client.get(f"/underlag/antaganden/{adoption.pk}/").status_code == 200
    assert (
        client.post(
            f"/underlag/antaganden/{adoption.pk}/deviation/",
            {
                "deviation-section": "data",
                "deviation-description": "Nej",
            },
        ).status_code
        == 403
    )


def test_new_version_notice_on_the_dossier_and_start_page(
    client, adoption, published, people, orgs
) -> None:
    from sprida.enablement.tests.conftest import fill_and_publish

    fill_and_publish(
        services.version_new(by=people["coordinator"], dossier=published), people, orgs
    )
    client.force_login(people["viewer"])
    assert "Det finns en ny version" in client.get(f"/underlag/{published.slug}/").content.decode()
    assert "Ny version av AI-baserad taligenkänning" in client.get("/").content.decode()
    diff = client.get(f"/underlag/{published.slug}/jamfor/?from=1&to=2").content.decode()
    assert "<ins>" in diff and "Riskanalys" in diff
    client.force_login(people["stranger"])
    assert "Ny version av" not in client.get("/").content.decode()


def test_docx_export(client, published, people) -> None:
    from docx import Document

    client.force_login(people["viewer"])
    response = client.get(f"/underlag/{published.slug}/v1/docx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "AI-baserad taligenkänning" in text and "Riskanalys" in text


@pytest.fixture
def group_with_time(people, orgs):
    coordinator = people["coordinator"]
    group = services.group_create(by=coordinator, name="Data", slug="data")
    for person, slug in ((people["editor"], "orebro"), (people["stranger"], "jamtland-harjedalen")):
        services.group_member_add(
            by=coordinator, group=group, person=person, organisation=orgs[slug]
        )
    CompensationRate.objects.create(valid_from=dt.date(2025, 1, 1), hourly_rate_sek=700)
    return group


def test_time_and_compensation_pages(client, group_with_time, people, orgs) -> None:
    client.force_login(people["editor"])
    seat = group_with_time.members.get(person=people["editor"])
    response = client.post(
        "/underlag/tid/",
        {
            "membership": seat.pk,
            "month": "2025-10",
            "hours": "12,5",
        },
    )
    assert response.status_code == 302
    client.force_login(people["stranger"])
    # Örebro's seat is not offered to Jämtland, so the choice is refused.
    response = client.post(
        "/underlag/tid/", {"membership": seat.pk, "month": "2025-10", "hours": "3"}
    )
    assert (
        response.status_code == 200 and "Välj ett giltigt alternativ" in response.content.decode()
    )
    client.force_login(people["coordinator"])
    page = client.get("/underlag/ersattning/?start=2025-01&end=2025-12").content.decode()
    assert "8\u00a0750\u00a0kr" in page  # 12,5 h × 700 kr
    xlsx = client.get("/underlag/ersattning/?start=2025-01&end=2025-12&format=xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [row for row in sheet.iter_rows(values_only=True) if row and row[0] == "Summa"]
    assert values[0][1] == 12.5 and values[0][3] == 8750


def test_bad_period_is_explained(client, people, db) -> None:
    client.force_login(people["coordinator"])
    html = client.get("/underlag/ersattning/?start=2026-05&end=2026-01").content.decode()
    assert "ligger efter" in html


def test_overview_requirements_groups_and_effects_pages(
    client, published, people, orgs, group_with_time
) -> None:
    client.force_login(people["editor"])
    services.adoption_create(
        by=people["editor"],
        dossier=published,
        region=orgs["orebro"],
        adopted_on=dt.date(2025, 12, 1),
    )
    assert "✓ v1" in client.get("/underlag/oversikt/").content.decode()
    assert "urn:sprida:req:gdpr-legal-basis" in client.get("/underlag/krav/").content.decode()
    assert "Data" in client.get("/underlag/arbetsgrupper/").content.decode()
    assert client.get("/underlag/arbetsgrupper/data/").status_code == 200
    response = client.post(
        "/underlag/effekter/",
        {
            "organisation": orgs["orebro"].pk,
            "recorded_on": "2026-02-01",
            "kind": "quality",
            "title": "Färre fel i journalen",
        },
    )
    assert response.status_code == 302
    assert "Färre fel i journalen" in client.get("/underlag/effekter/").content.decode()
    client.force_login(people["viewer"])  # Örebro's reader is not in the group
    assert client.get("/underlag/arbetsgrupper/data/").status_code == 200  # region is
    client.force_login(people["officer"])
    assert client.get("/underlag/arbetsgrupper/data/").status_code == 200
