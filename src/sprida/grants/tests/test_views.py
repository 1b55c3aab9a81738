"""Pages, forms and exports, with the access rules enforced at view level (404 / 403)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sprida.grants.models import Application, Decision, Measure, ProgrammeBudget
from sprida.grants.selectors import portfolio_summary
from sprida.grants.tests.factories import make_application, make_measure

NBSP = "\u00a0"


@pytest.fixture
def draft(orgs, seeded):
    app = make_application(status="draft", submitted_on=None, title="Hemligt utkast")
    make_measure(application=app, title="Utkastets åtgärd")
    return app


def test_region_view_shows_applied_against_granted(client, people, orebro_decision) -> None:
    client.force_login(people["viewer"])
    html = client.get(reverse("grants:region", args=["orebro"])).content.decode()
    for figure in ("147 971 000 kr", "34 870 000 kr", "113 101 000 kr", "19 300 000 kr"):
        assert figure.replace(" ", NBSP) in html, figure
    assert "Egenmonitorering ska vara implementerat" in html
    assert "11 620 000".replace(" ", NBSP) in html
    assert 'role="img"' in html and "chart-block" in html


@pytest.mark.parametrize(
    ("who", "status"),
    [("editor", 200), ("viewer", 200), ("stranger", 404), ("coordinator", 404), ("officer", 404)],
)
def test_drafts_are_private_to_their_region(client, people, draft, who, status) -> None:
    client.force_login(people[who])
    assert client.get(reverse("grants:application", args=[draft.pk])).status_code == status
    region_page = client.get(reverse("grants:region", args=["orebro"])).content.decode()
    assert ("Hemligt utkast" in region_page) is (status == 200)
    assert ("Hemligt utkast" in client.get(reverse("grants:overview")).content.decode()) is (
        status == 200
    )


def test_stranger_cannot_change_another_regions_records(client, people, draft) -> None:
    client.force_login(people["stranger"])
    measure = Measure.objects.get(application=draft)
    for url in (
        reverse("grants:application_edit", args=[draft.pk]),
        reverse("grants:measure_create", args=[draft.pk]),
        reverse("grants:measure_edit", args=[measure.pk]),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"title": "Kapad"}).status_code == 404, url
    assert client.post(reverse("grants:measure_delete", args=[measure.pk])).status_code == 404
    response = client.post(
        reverse("grants:application_create"), {"applicant": draft.applicant_id, "title": "x"}
    )
    # Charlie may apply for Jämtland Härjedalen only: Örebro is not a choice he is offered.
    assert "applicant" in response.context["form"].errors
    assert not Application.objects.filter(title="x").exists()
    draft.refresh_from_db()
    assert draft.title == "Hemligt utkast" and Measure.objects.filter(pk=measure.pk).exists()


def test_reader_sees_but_cannot_change(client, people, orebro_decision) -> None:
    client.force_login(people["viewer"])
    app = orebro_decision.application
    assert client.get(reverse("grants:application", args=[app.pk])).status_code == 200
    assert client.get(reverse("grants:application_edit", args=[app.pk])).status_code == 403
    assert client.get(reverse("grants:decision_edit", args=[orebro_decision.pk])).status_code == 403


def test_region_cannot_change_the_decision(client, people, orebro_decision) -> None:
    client.force_login(people["editor"])
    assert client.get(reverse("grants:decision_edit", args=[orebro_decision.pk])).status_code == 403
    assert (
        client.get(reverse("grants:condition_create", args=[orebro_decision.pk])).status_code == 403
    )
    client.force_login(people["stranger"])
    assert client.get(reverse("grants:decision_edit", args=[orebro_decision.pk])).status_code == 403


def test_editor_creates_application_and_measure_with_swedish_amounts(
    client, people, seeded
) -> None:
    client.force_login(people["editor"])
    response = client.post(
        reverse("grants:application_create"),
        {
            "applicant": people["editor"].memberships.get().organisation_id,
            "title": "Ny ansökan",
            "applied_sek": "12 000 000 kr",
        },
    )
    assert response.status_code == 302
    app = Application.objects.get(title="Ny ansökan")
    assert app.applied_sek == 12_000_000 and app.status == "draft"
    bad = client.post(
        reverse("grants:measure_create", args=[app.pk]),
        {
            "title": "Taligenkänning",
            "applied_sek": "3 000 000",
            "year_2025": "1 000 000",
            "year_2026": "1 500 000",
        },
    )
    assert bad.status_code == 200
    text = bad.content.decode().replace(NBSP, " ")
    assert "Beloppen per år blir 2 500 000 kr, men sökt belopp är 3 000 000 kr." in text
    bad = client.post(
        reverse("grants:measure_create", args=[app.pk]),
        {"title": "X", "applied_sek": "tre miljoner"},
    )
    assert "är inget belopp" in bad.content.decode()
    ok = client.post(
        reverse("grants:measure_create", args=[app.pk]),
        {
            "title": "Taligenkänning",
            "applied_sek": "3 000 000",
            "year_2025": "1 000 000",
            "year_2026": "2 000 000",
            "other_state_funding": "on",
        },
        follow=True,
    )
    assert "5 § förordningen" in ok.content.decode()
    assert app.measures.get().year_amounts.count() == 2
    history = client.get(reverse("grants:application", args=[app.pk])).content.decode()
    assert "Historik" in history and "alice" in history


def test_officer_records_decision_through_the_form(client, people, jamtland_application) -> None:
    client.force_login(people["officer"])
    measures = list(jamtland_application.measures.order_by("position"))
    url = reverse("grants:decision_create", args=[jamtland_application.pk])
    data = {
        "decided_on": "2025-12-01",
        "implementation_by": "2027-12-31",
        "payout-TOTAL_FORMS": "2",
        "payout-INITIAL_FORMS": "0",
        "payout-0-year": "2025",
        "payout-0-amount_sek": "1 000 000",
        "payout-0-status": "planned",
        "payout-1-year": "2026",
        "payout-1-amount_sek": "500 000",
        "payout-1-status": "planned",
        f"line-{measures[0].pk}-outcome": "granted",
        f"line-{measures[0].pk}-granted_sek": "2 000 000",
        f"line-{measures[1].pk}-outcome": "rejected",
        f"line-{measures[1].pk}-reason": "Inte en strukturåtgärd.",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # refused: payouts 1 500 000 ≠ grant 2 000 000
    text = response.content.decode().replace(NBSP, " ")
    assert "1 000 000 kr + 500 000 kr = 1 500 000 kr, men beviljat belopp är 2 000 000 kr" in text
    assert not Decision.objects.filter(application=jamtland_application).exists()
    data["payout-1-amount_sek"] = "1 000 000"
    response = client.post(url, data)
    assert response.status_code == 302
    decision = Decision.objects.get(application=jamtland_application)
    assert decision.granted_sek == 2_000_000 and decision.outcome == "partially_granted"
    jamtland_application.refresh_from_db()
    assert jamtland_application.status == "decided"


def test_budget_figures_shown_side_by_side(client, people, seeded) -> None:
    client.force_login(people["viewer"])
    html = client.get(
        reverse("grants:programme", args=["effektiv-halso-och-sjukvard"])
    ).content.decode()
    assert (
        "250 000 000 kr".replace(" ", NBSP) in html and "750 000 000 kr".replace(" ", NBSP) in html
    )
    assert "Källorna anger olika belopp" in html
    client.force_login(people["officer"])
    response = client.post(
        reverse("grants:budget_create", args=["effektiv-halso-och-sjukvard"]),
        {"first_year": 2028, "last_year": 2027, "amount_sek_per_year": "1", "source": "x"},
    )
    assert "Slutåret 2027 ligger före startåret 2028" in response.content.decode()
    client.force_login(people["editor"])
    assert (
        client.get(
            reverse("grants:budget_create", args=["effektiv-halso-och-sjukvard"])
        ).status_code
        == 403
    )
    assert ProgrammeBudget.objects.count() == 3


def test_portfolio_totals_reconcile_with_records(client, people, national) -> None:
    summary = portfolio_summary(user=people["officer"])
    decisions = Decision.objects.all()
    assert summary.granted_sek == sum(d.granted_sek for d in decisions)
    assert summary.rejected_sek == sum(d.rejected_sek or 0 for d in decisions)
    counted = Application.objects.filter(status__in=["submitted", "decided"])
    assert summary.applications == counted.count()
    assert sum(c.granted_sek for c in summary.categories) == summary.granted_sek
    assert summary.paid_sek + summary.planned_sek == summary.granted_sek
    orebro = next(r for r in summary.regions if r.organisation.slug == "orebro")
    assert (orebro.applied_sek, orebro.granted_sek, orebro.rejected_sek) == (
        147_971_000,
        34_870_000,
        113_101_000,
    )
    assert len([r for r in summary.regions if r.organisation.kind == "region"]) == 21
    years = {y.year: y for y in summary.years}
    assert years[2025].paid_sek > 0 and {
        b.amount_sek_per_year for b, _ in years[2028].budgets if _
    } == {250_000_000}


def test_portfolio_filters(client, people, national) -> None:
    client.force_login(people["officer"])
    response = client.get(reverse("grants:portfolio"), {"region": "orebro", "demo": "real"})
    text = response.content.decode().replace(NBSP, " ")
    assert "34 870 000 kr" in text and response.status_code == 200
    only_demo = portfolio_summary(user=people["officer"])
    assert only_demo.granted_sek > 34_870_000


def test_xlsx_and_csv_exports_read_back(client, people, national) -> None:
    client.force_login(people["officer"])
    response = client.get(reverse("grants:portfolio"), {"export": "xlsx", "table": "regioner"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    col = {name: i for i, name in enumerate(header)}
    orebro = next(r for r in body if r[col["Sökande"]] == "Region Örebro län")
    assert (orebro[col["Sökt"]], orebro[col["Beviljat"]], orebro[col["Avslaget"]]) == (
        147_971_000,
        34_870_000,
        113_101_000,
    )
    assert total[col["Beviljat"]] == sum(d.granted_sek for d in Decision.objects.all())

    client.force_login(people["viewer"])
    response = client.get(
        reverse("grants:region", args=["orebro"]), {"export": "csv", "table": "utbetalningar"}
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0].split(";")[0] == "År"
    assert [line.split(";")[2] for line in lines[1:4]] == ["11625000", "11625000", "11620000"]
    assert lines[-1].split(";")[2] == "34870000"

    decision = Decision.objects.get(application__applicant__slug="orebro")
    response = client.get(
        reverse("grants:decision", args=[decision.pk]), {"export": "xlsx", "table": "atgarder"}
    )
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[-1][3] == 34_870_000  # the total row: granted


def test_sorting_tables(client, people, national) -> None:
    client.force_login(people["officer"])
    response = client.get(reverse("grants:portfolio"), {"o-regioner": "-granted"})
    table = response.context["regions"]
    granted = [row["granted"] for row in table.rows]
    assert granted == sorted(granted, reverse=True)
    assert 'aria-sort="descending"' in response.content.decode()


def test_decision_page_is_public_when_published(client, orebro_decision) -> None:
    assert client.get(reverse("grants:decision", args=[orebro_decision.pk])).status_code == 200
    orebro_decision.published = False
    orebro_decision.save()
    assert client.get(reverse("grants:decision", args=[orebro_decision.pk])).status_code == 404


def test_dashboard_panels(client, people, national) -> None:
    client.force_login(people["editor"])
    assert "Nästa tidsfrister" in client.get("/").content.decode()
    client.force_login(people["officer"])
    assert "Portföljen" in client.get("/").content.decode()
    client.force_login(people["coordinator"])
    html = client.get("/").content.decode()
    assert "Regiongemensam ansökan om statsbidrag" in html and "21 deltagande regioner" in html
