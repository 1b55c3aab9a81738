"""Services: validation with Swedish messages, documents, report versions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sprida.effects import services
from sprida.effects.content import content_from_json, content_to_json, report_content
from sprida.effects.models import CostDocument, ImplementationStatus, Report, ReportStatus
from sprida.effects.tests.conftest import add_records


def test_current_status_is_the_latest(people, grant) -> None:
    for stage, day in (("planning", 1), ("implemented", 20), ("in_progress", 10)):
        services.implementation_status_record(
            by=people["editor"], measure=grant.fall, stage=stage, status_on=dt.date(2026, 5, day)
        )
    assert ImplementationStatus.objects.filter(measure=grant.fall)[0].stage == "implemented"


def test_effects_are_recorded_only_for_granted_measures(people, grant) -> None:
    with pytest.raises(ValidationError, match="inte beviljats"):
        services.implementation_status_record(
            by=people["editor"],
            measure=grant.rejected,
            stage="planning",
            status_on=dt.date(2026, 1, 1),
        )


def test_indicator_target_before_baseline_is_refused(people, grant) -> None:
    with pytest.raises(ValidationError, match="ligger före baslinjens datum 2025-10-31"):
        services.indicator_create(
            by=people["editor"],
            measure=grant.fall,
            name="Fall",
            definition="d",
            unit="antal",
            direction="lower",
            baseline_value=Decimal(6),
            baseline_on=dt.date(2025, 10, 31),
            target_value=Decimal(4),
            target_on=dt.date(2025, 1, 1),
            data_source="x",
            frequency="yearly",
            benefit_type="financial",
        )


def test_kolada_id_is_checked(people, grant) -> None:
    with pytest.raises(ValidationError, match="Kolada"):
        services.indicator_create(
            by=people["editor"],
            measure=grant.fall,
            name="Fall",
            definition="d",
            unit="antal",
            direction="lower",
            baseline_value=Decimal(6),
            baseline_on=dt.date(2025, 10, 31),
            data_source="x",
            frequency="yearly",
            benefit_type="financial",
            kolada_kpi="X123",
        )


def test_cost_document_checks_type_and_size(people, grant, settings) -> None:
    add_records(grant.fall)
    cost = grant.fall.costs.all()[0]
    pdf = SimpleUploadedFile("faktura.pdf", b"%PDF-1.7 ...", content_type="application/pdf")
    document = services.cost_document_attach(by=people["editor"], cost=cost, upload=pdf)
    assert str(document.file.name).startswith(f"effects/costs/{grant.fall.pk}/")
    assert document.size_bytes == 12 and document.content_type == "application/pdf"
    with pytest.raises(ValidationError, match="inte en riktig PDF-fil"):
        services.cost_document_attach(
            by=people["editor"], cost=cost, upload=SimpleUploadedFile("x.pdf", b"MZ\x90\x00")
        )
    with pytest.raises(ValidationError, match="filtyp som inte tas emot"):
        services.cost_document_attach(
            by=people["editor"], cost=cost, upload=SimpleUploadedFile("x.exe", b"MZ\x90\x00")
        )
    settings.SPRIDA_MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError, match="största tillåtna storlek"):
        services.cost_document_attach(
            by=people["editor"], cost=cost, upload=SimpleUploadedFile("y.pdf", b"%PDF" + b"0" * 20)
        )
    assert CostDocument.objects.count() == 1


def test_cost_document_download_is_scoped(client, people, grant) -> None:
    add_records(grant.fall)
    cost = grant.fall.costs.all()[0]
    document = services.cost_document_attach(
        by=people["editor"], cost=cost, upload=SimpleUploadedFile("faktura.pdf", b"%PDF-1.7")
    )
    client.force_login(people["stranger"])
    assert client.get(reverse("effects:cost_document", args=[document.pk])).status_code == 404
    client.force_login(people["viewer"])
    response = client.get(reverse("effects:cost_document", args=[document.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.7"


def test_report_versions(people, grant) -> None:
    editor = people["editor"]
    first = services.report_create(by=editor, decision=grant.decision, kind="progress")
    assert services.report_create(by=editor, decision=grant.decision, kind="progress") == first
    assert first.sections.count() == 2  # granted measures only
    with pytest.raises(ValidationError):
        services.report_correct(by=editor, report=first)
    services.report_update(
        by=editor,
        report=first,
        narrative={"summary": "Sammanfattning"},
        sections={m.pk: {"progress_text": "Pågår."} for m in (grant.fall, grant.speech)},
    )
    services.report_submit(by=editor, report=first)
    second = services.report_create(by=editor, decision=grant.decision, kind="progress")
    assert (second.version, second.status, second.corrects) == (2, ReportStatus.DRAFT, first)
    assert second.summary == "Sammanfattning"
    assert set(second.sections.values_list("progress_text", flat=True)) == {"Pågår."}
    assert Report.objects.filter(decision=grant.decision).count() == 2


def test_content_round_trips_through_json(people, grant) -> None:
    add_records(grant.fall)
    content = report_content(grant.decision, "progress", today=dt.date(2026, 11, 1))
    again = content_from_json(content_to_json(content))
    assert again == content
    assert again.measures[0].indicators[0].measurements[1].value == Decimal("4.75")
    status = again.measures[0].status
    assert status is not None
    assert status.units == [
        "Geriatriska kliniken",
        "Avdelning 2, Lindesbergs lasarett",
    ]
