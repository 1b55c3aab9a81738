"""The pages, clicked through as a region editor would; exports read back and reconciled."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import docx
import openpyxl
import pytest
from django.urls import reverse

from sprida.effects.models import Cost, Measurement, Report, ReportStatus
from sprida.effects.tests.conftest import add_records, make_line
from sprida.grants.tests import factories as f


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_progress_report_from_draft_to_docx(client, people, grant) -> None:
    add_records(grant.fall)
    client.force_login(people["editor"])
    overview = client.get(reverse("effects:overview"))
    assert overview.status_code == 200
    assert "Skapa utkast till delredovisning" in overview.content.decode()

    response = client.post(
        reverse("effects:report_start", args=[grant.decision.pk]), {"kind": "progress"}
    )
    report = Report.objects.get(decision=grant.decision)
    assert response.status_code == 302 and response["Location"] == reverse(
        "effects:report", args=[report.pk]
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    fall, speech = f"m{grant.fall.pk}", f"m{grant.speech.pk}"
    response = client.post(
        reverse("effects:report", args=[report.pk]),
        {
            "summary": "Alla åtgärder har påbörjats.",
            "deviations": "",
            "collaboration": "Seminarium i oktober.",
            f"{fall}-progress_text": "Sensorer installerade på två avdelningar.",
            f"{fall}-measurement_plan_text": "Fall per 1 000 vårddygn mäts varje kvartal.",
            f"{speech}-progress_text": "Upphandlingen pågår.",
            f"{speech}-measurement_plan_text": "Dokumentationstid ur journalens loggar.",
        },
    )
    assert response.status_code == 302

    download = client.get(reverse("effects:report_download", args=[report.pk, "docx"]))
    assert download.status_code == 200
    assert download["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    # Named after region, kind and date; a draft says it is one.
    assert "delredovisning-region-orebro-lan-" in download["Content-Disposition"]
    assert download["Content-Disposition"].endswith('-v1-utkast.docx"')
    text = _docx_text(download.content)
    assert "Delredovisning – Region Örebro län" in text
    # Every granted measure with its status and its planned effect measurement; not the rejected.
    assert "1. Införande av AI-stödd sensorteknik för fallprevention" in text
    assert "Status: Pågår (2026-03-01)" in text
    assert "Fallolyckor per 1 000 vårddygn" in text
    assert "6,4 antal (2025-10-31)" in text
    assert "Fall per 1 000 vårddygn mäts varje kvartal." in text
    assert "2. Implementering av AI-baserad taligenkänning" in text
    assert "Status: ingen status registrerad." in text
    assert "Dokumentationstid ur journalens loggar." in text
    assert "Läkemedelsrobot" not in text
    assert "Sensorer installerade på två avdelningar." in text


def test_submitted_report_is_locked_in_the_ui(client, people, grant) -> None:
    client.force_login(people["editor"])
    client.post(reverse("effects:report_start", args=[grant.decision.pk]), {"kind": "progress"})
    report = Report.objects.get()
    # Submitting without the narrative is refused, naming what is missing.
    response = client.post(reverse("effects:report_submit", args=[report.pk]), follow=True)
    assert "Saknas för: Införande av AI-stödd sensorteknik" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    data = {"summary": "Klar.", "deviations": "", "collaboration": ""}
    for measure in (grant.fall, grant.speech):
        data[f"m{measure.pk}-progress_text"] = "Pågår."
        data[f"m{measure.pk}-measurement_plan_text"] = "Plan."
    client.post(reverse("effects:report", args=[report.pk]), data)
    # The confirmation page shows what will be sent; only confirming submits.
    page = client.get(reverse("effects:report_submit", args=[report.pk])).content.decode()
    assert "Bekräfta och lämna in" in page and "Klar." in page
    client.post(reverse("effects:report_submit", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    client.post(reverse("effects:report_submit", args=[report.pk]), {"confirm": "yes"})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED

    response = client.post(reverse("effects:report", args=[report.pk]), {**data, "summary": "Ny"})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.summary == "Klar."
    assert client.post(reverse("effects:report_submit", args=[report.pk])).status_code == 403

    # A correction is a new version carrying the texts.
    response = client.post(reverse("effects:report_correct", args=[report.pk]))
    correction = Report.objects.get(version=2)
    assert response["Location"] == reverse("effects:report", args=[correction.pk])
    assert correction.status == ReportStatus.DRAFT and correction.summary == "Klar."
    assert correction.corrects == report


def test_xlsx_reconciles_with_the_records(client, people, grant) -> None:
    indicator = add_records(grant.fall)
    add_records(grant.speech, seed=1)
    client.force_login(people["editor"])
    client.post(reverse("effects:report_start", args=[grant.decision.pk]), {"kind": "progress"})
    report = Report.objects.get()
    response = client.get(reverse("effects:report_download", args=[report.pk, "xlsx"]))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))

    costs = list(book["Kostnader"].iter_rows(min_row=2, values_only=True))
    assert len(costs) == Cost.objects.count() == 6
    assert sum(row[6] for row in costs) == sum(c.amount_sek for c in Cost.objects.all())
    staff = Cost.objects.get(measure=grant.fall, kind="internal")
    assert staff.amount_sek == 910_325  # 1 400,5 h × 650 kr
    assert any(row[6] == 910_325 and row[4] == 1400.5 for row in costs)

    summary = {
        row[0]: row
        for row in book["Sammanfattning"].iter_rows(values_only=True)
        if row and row[0] in {grant.fall.title, grant.speech.title, "Summa"}
    }
    spent_fall = sum(c.amount_sek for c in Cost.objects.filter(measure=grant.fall))
    # Remaining is granted minus used; nothing is overspent.
    assert summary[grant.fall.title][3:7] == (5_870_000, spent_fall, 5_870_000 - spent_fall, 0)
    total = sum(c.amount_sek for c in Cost.objects.all())
    assert summary["Summa"][3:5] == (25_170_000, total)

    values = {
        (row[1], row[3].date(), Decimal(str(row[4])))
        for row in book["Mätvärden"].iter_rows(min_row=2, values_only=True)
        if row[0] == grant.fall.title
    }
    assert values == {
        (indicator.name, m.period, m.value.normalize())
        for m in Measurement.objects.filter(indicator=indicator)
    }
    indicators = list(book["Indikatorer"].iter_rows(min_row=2, values_only=True))
    fall_row = next(row for row in indicators if row[0] == grant.fall.title)
    assert Decimal(str(fall_row[9])) == Decimal("4.1")  # latest value
    assert Decimal(str(fall_row[11])) == Decimal("-35.9")  # (4,1 − 6,4) / 6,4

    # The DOCX carries the same totals.
    text = _docx_text(
        client.get(reverse("effects:report_download", args=[report.pk, "docx"])).content
    )
    assert f"{total:,}".replace(",", "\u00a0") + "\u00a0kr" in text


def test_submitted_report_keeps_its_figures(client, people, grant) -> None:
    add_records(grant.fall)
    client.force_login(people["editor"])
    client.post(reverse("effects:report_start", args=[grant.decision.pk]), {"kind": "progress"})
    report = Report.objects.get()
    data = {"summary": "", "deviations": "", "collaboration": ""}
    for measure in (grant.fall, grant.speech):
        data[f"m{measure.pk}-progress_text"] = "Pågår."
    client.post(reverse("effects:report", args=[report.pk]), data)
    client.post(reverse("effects:report_submit", args=[report.pk]), {"confirm": "yes"})
    before = client.get(reverse("effects:report_download", args=[report.pk, "xlsx"])).content
    Cost.objects.create(
        measure=grant.fall, year=2026, kind="external", description="Sent", amount_sek=999_000
    )
    after = client.get(reverse("effects:report_download", args=[report.pk, "xlsx"])).content
    sheet = openpyxl.load_workbook(io.BytesIO(after))["Kostnader"]
    assert "Sent" not in [row[3] for row in sheet.iter_rows(values_only=True)]
    assert len(before) > 0


def test_measure_page_and_forms(client, people, grant) -> None:
    client.force_login(people["editor"])
    url = reverse("effects:measure", args=[grant.fall.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        reverse("effects:status_add", args=[grant.fall.pk]),
        {
            "stage": "in_progress",
            "status_on": "2026-05-01",
            "units": "Avd 71\n\nAvd 72",
            "comment": "",
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("effects:cost_add", args=[grant.fall.pk]),
        {
            "year": "2026",
            "kind": "internal",
            "description": "Införande",
            "hours": "10,5",
            "hourly_rate_sek": "650",
        },
    )
    assert response.status_code == 302
    assert Cost.objects.get().amount_sek == 6825
    # A cost without an amount is refused with a message, and nothing is saved.
    response = client.post(
        reverse("effects:cost_add", args=[grant.fall.pk]),
        {"year": "2026", "kind": "external", "description": "Konsult", "amount_sek": "12 tusen"},
    )
    assert response.status_code == 400
    assert "Skriv beloppet i hela kronor" in response.content.decode()
    assert Cost.objects.count() == 1
    response = client.post(
        reverse("effects:indicator_add", args=[grant.fall.pk]),
        {
            "name": "Fall",
            "definition": "Fall per 1 000 vårddygn",
            "unit": "antal",
            "direction": "lower",
            "baseline_value": "6,4",
            "baseline_on": "2025-10-31",
            "target_value": "3,8",
            "target_on": "2027-12-31",
            "data_source": "Avvikelsesystemet",
            "frequency": "quarterly",
            "benefit_type": "not_monetised",
            "responsible": "",
            "kolada_kpi": "",
        },
    )
    assert response.status_code == 302
    indicator = grant.fall.indicators.get()
    assert indicator.baseline_value == Decimal("6.4")
    response = client.post(
        reverse("effects:measurement_add", args=[indicator.pk]),
        {"period": "2026-K2", "value": "5,1", "comment": ""},
    )
    assert response.status_code == 302
    assert indicator.measurements.get().period == dt.date(2026, 6, 30)
    page = client.get(reverse("effects:indicator", args=[indicator.pk])).content.decode()
    assert 'role="img"' in page and "<caption>" in page
    assert "−20,3\u00a0%" in page  # (5,1 − 6,4) / 6,4
    html = client.get(url).content.decode()
    assert "Avd 71, Avd 72" in html


def test_rejected_measure_has_no_effects_page(client, people, grant) -> None:
    client.force_login(people["editor"])
    assert client.get(reverse("effects:measure", args=[grant.rejected.pk])).status_code == 404


def test_print_view_and_national_view(client, people, grant) -> None:
    add_records(grant.fall)
    client.force_login(people["editor"])
    client.post(reverse("effects:report_start", args=[grant.decision.pk]), {"kind": "progress"})
    report = Report.objects.get()
    html = client.get(reverse("effects:report_print", args=[report.pk])).content.decode()
    assert "report-print.css" in html and "Införande av AI-stödd sensorteknik" in html
    client.force_login(people["officer"])
    html = client.get(reverse("effects:national")).content.decode()
    assert "AI-stödd sensorteknik för fallprevention" in html
    assert "mäts i 1 region" in html


@pytest.mark.parametrize("who", ["editor", "officer", "coordinator"])
def test_query_counts_do_not_grow(client, people, who, django_assert_max_num_queries) -> None:
    client.force_login(people[who])

    def build(n: int) -> None:
        for i in range(n):
            line = make_line(granted_sek=1_000_000)
            add_records(line.measure, seed=i)
            f.DeadlineFactory(decision=line.decision)

    build(2)
    urls = [reverse("effects:overview"), reverse("effects:national")]
    counts = {}
    for url in urls:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts[url] = len(ctx.captured_queries)
    build(6)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_measure_and_report_pages_do_not_grow(
    client, people, grant, django_assert_max_num_queries
) -> None:
    add_records(grant.fall)
    client.force_login(people["editor"])
    client.post(reverse("effects:report_start", args=[grant.decision.pk]), {"kind": "progress"})
    report = Report.objects.get()
    urls = [
        reverse("effects:measure", args=[grant.fall.pk]),
        reverse("effects:report", args=[report.pk]),
        reverse("effects:report_print", args=[report.pk]),
        reverse("effects:indicator", args=[grant.fall.indicators.get().pk]),
    ]
    counts = {url: _queries(client, url) for url in urls}
    for seed in range(1, 5):
        add_records(grant.fall, seed=seed)
        add_records(grant.speech, seed=seed)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200


def test_admin_pages_for_effects_models(client, people, grant) -> None:
    from django.contrib import admin

    add_records(grant.fall)
    client.force_login(people["admin"])
    models: list[Any] = list(admin.site._registry)
    for model in models:
        if model._meta.app_label != "effects":
            continue
        base = f"/admin/effects/{model._meta.model_name}/"
        assert client.get(base).status_code == 200, base
        obj = model.objects.first()
        if obj is not None:
            assert client.get(f"{base}{obj.pk}/change/").status_code == 200
            assert client.get(f"{base}{obj.pk}/history/").status_code == 200


def test_report_exports_stay_swedish_for_an_english_user(client, people, grant) -> None:
    from django.conf import settings

    add_records(grant.fall)
    client.force_login(people["editor"])
    client.post(reverse("effects:report_start", args=[grant.decision.pk]), {"kind": "progress"})
    report = Report.objects.get(decision=grant.decision)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("effects:report", args=[report.pk]))
    assert page.status_code == 200 and 'lang="en"' in page.content.decode()

    download = client.get(reverse("effects:report_download", args=[report.pk, "docx"]))
    text = _docx_text(download.content)
    assert "Delredovisning – Region Örebro län" in text
    assert "Ekonomisk sammanställning" in text
    assert "Status: Pågår (2026-03-01)" in text
    assert "Financial summary" not in text and "Progress report" not in text

    download = client.get(reverse("effects:report_download", args=[report.pk, "xlsx"]))
    workbook = openpyxl.load_workbook(io.BytesIO(download.content))
    assert workbook.sheetnames[0] == "Sammanfattning"
    assert "Indikatorer" in workbook.sheetnames
