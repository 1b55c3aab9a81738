"""Conditions on their measures: the region's fulfilment and evidence, the delegation's receipt."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sprida.core.access import SYSTEM, can_change, can_view
from sprida.effects import conditions
from sprida.effects.content import report_content
from sprida.effects.exports import xlsx_bytes
from sprida.effects.models import ConditionEvidence, ConditionFulfilment
from sprida.grants.models import Condition, DeadlineKind
from sprida.grants.services import condition_save

PLATFORM = "Bidraget får inte enbart användas för en plattformslösning."
IN_USE = "Ska vara implementerat i en eller flera verksamheter vid utgången av år 2027."


@pytest.fixture
def conditioned(grant):
    line = grant.decision.lines.get(measure=grant.fall)
    condition_save(by=SYSTEM, decision=grant.decision, line=line, text=PLATFORM)
    condition_save(
        by=SYSTEM, decision=grant.decision, line=line, text=IN_USE, due_on=dt.date(2027, 12, 31)
    )
    return grant


def _in_use(grant) -> Condition:
    return Condition.objects.get(decision=grant.decision, text=IN_USE)


def test_measure_page_shows_its_conditions_with_due_date(client, people, conditioned) -> None:
    client.force_login(people["viewer"])
    page = client.get(reverse("effects:measure", args=[conditioned.fall.pk])).content.decode()
    assert PLATFORM in page and IN_USE in page
    assert "2027-12-31" in page
    assert "Ej påbörjat" in page


def test_fulfilment_with_evidence_reaches_the_report(people, conditioned) -> None:
    condition = _in_use(conditioned)
    conditions.condition_fulfilment_record(
        by=people["editor"],
        condition=condition,
        stage="fulfilled",
        evidence="Används på geriatriska kliniken sedan mars 2026.",
    )
    conditions.condition_evidence_attach(
        by=people["editor"],
        condition=condition,
        upload=SimpleUploadedFile("protokoll.pdf", b"%PDF-1.4 protokoll", "application/pdf"),
    )
    content = report_content(conditioned.decision, "progress")
    row = next(c for c in content.conditions if c.text == IN_USE)
    assert (row.stage_label, row.files, row.due_on) == (
        "Uppfyllt",
        ["protokoll.pdf"],
        dt.date(2027, 12, 31),
    )
    assert row.measure == conditioned.fall.title
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(content)))["Villkor"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[3] for r in rows if r[0] == IN_USE] == ["Uppfyllt"]


def test_fulfilled_needs_evidence(people, conditioned) -> None:
    with pytest.raises(ValidationError):
        conditions.condition_fulfilment_record(
            by=people["editor"], condition=_in_use(conditioned), stage="fulfilled", evidence=" "
        )
    assert not ConditionFulfilment.objects.exists()


def test_delegation_acknowledges_and_the_deadline_is_done(people, conditioned) -> None:
    condition = _in_use(conditioned)
    with pytest.raises(ValidationError):  # nothing claimed yet
        conditions.condition_acknowledge(by=people["officer"], condition=condition)
    conditions.condition_fulfilment_record(
        by=people["editor"], condition=condition, stage="fulfilled", evidence="I bruk."
    )
    with pytest.raises(PermissionDenied):
        conditions.condition_acknowledge(by=people["editor"], condition=condition)
    conditions.condition_acknowledge(by=people["officer"], condition=condition, note="Bra.")
    condition.refresh_from_db()
    assert condition.fulfilled and condition.note == "Bra."
    deadline = conditioned.decision.deadlines.get(kind=DeadlineKind.CONDITION)
    assert deadline.done_on == condition.fulfilled_on


@pytest.mark.parametrize("who", ["viewer", "stranger", "officer", "coordinator"])
def test_only_the_regions_editors_record_fulfilment(people, conditioned, who) -> None:
    with pytest.raises(PermissionDenied):
        conditions.condition_fulfilment_record(
            by=people[who], condition=_in_use(conditioned), stage="in_progress", evidence=""
        )


def test_another_regions_member_is_refused(client, people, conditioned) -> None:
    condition = _in_use(conditioned)
    conditions.condition_fulfilment_record(
        by=people["editor"], condition=condition, stage="in_progress", evidence="Pågår."
    )
    evidence = conditions.condition_evidence_attach(
        by=people["editor"],
        condition=condition,
        upload=SimpleUploadedFile("bild.png", b"\x89PNG\r\n\x1a\n....", "image/png"),
    )
    fulfilment = ConditionFulfilment.objects.get()
    assert not can_view(people["stranger"], fulfilment)
    assert not can_change(people["stranger"], fulfilment)
    assert not can_view(people["stranger"], evidence)
    assert can_view(people["officer"], fulfilment) and not can_change(people["officer"], fulfilment)
    client.force_login(people["stranger"])
    assert client.get(reverse("effects:condition", args=[condition.pk])).status_code == 404
    assert client.get(reverse("effects:condition_evidence", args=[evidence.pk])).status_code == 404
    response = client.post(
        reverse("effects:condition_fulfilment", args=[condition.pk]),
        {"stage": "fulfilled", "evidence": "Kapat"},
    )
    assert response.status_code == 404
    assert ConditionFulfilment.objects.get().evidence == "Pågår."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("faktura.pdf", b"<html><script>alert(1)</script>"),  # not what it claims
        ("skript.html", b"<html></html>"),
        ("tom.pdf", b""),
        ("../../etc/passwd.csv", b"a\x00b"),
    ],
)
def test_hostile_attachments_are_refused(client, people, conditioned, name, content) -> None:
    client.force_login(people["editor"])
    condition = _in_use(conditioned)
    response = client.post(
        reverse("effects:condition_evidence_add", args=[condition.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert not ConditionEvidence.objects.exists()


def test_the_browser_form_records_fulfilment(client, people, conditioned) -> None:
    client.force_login(people["editor"])
    condition = _in_use(conditioned)
    response = client.post(
        reverse("effects:condition_fulfilment", args=[condition.pk]),
        {"stage": "in_progress", "evidence": "Införs på två avdelningar."},
    )
    assert response.status_code == 302
    page = client.get(reverse("effects:condition", args=[condition.pk])).content.decode()
    assert "Införs på två avdelningar." in page and "Pågår" in page
