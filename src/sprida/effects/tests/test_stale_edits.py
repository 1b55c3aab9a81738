"""No lost updates in effects: the report's texts and an indicator, saved twice from the same
loaded version: the second save is refused with both versions shown, the first is kept."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client
from django.urls import reverse

from sprida.core.tests.editing import conflict_of, save_again, two_saves
from sprida.effects import services
from sprida.effects.models import Cost, ImplementationStatus, QualitativeEffect, Report
from sprida.effects.tests.conftest import add_records


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_report_texts_second_save_is_refused_and_the_first_kept(people, make_user, grant) -> None:
    report = services.report_create(by=people["editor"], decision=grant.decision, kind="progress")
    url = reverse("effects:report", args=[report.pk])
    other = make_user("orebro", "editor", first_name="Olle", last_name="Ek")
    section = f"m{grant.fall.pk}-progress_text"
    refused = two_saves(
        _client(other),
        _client(people["editor"]),
        url,
        names=("form", "sections"),
        mine={"summary": "Olles sammanfattning", section: "Sensorerna är på plats."},
        theirs={"summary": "Alices sammanfattning"},
    )
    conflict = conflict_of(refused)
    assert conflict.saved_by == "Olle Ek"
    report.refresh_from_db()
    assert report.summary == "Olles sammanfattning"
    saved = report.sections.get(measure=grant.fall)
    assert saved.progress_text == "Sensorerna är på plats."
    rows = {row.label: (row.theirs, row.yours) for row in conflict.rows}
    assert ("Olles sammanfattning", "Alices sammanfattning") in rows.values()
    label = next(label for label in rows if label.startswith(grant.fall.title))
    assert rows[label] == ("Sensorerna är på plats.", "–")
    assert refused.context["form"]["summary"].value() == "Alices sammanfattning"
    # Alice takes Olle's text for the measure and saves again.
    save_again(
        _client(people["editor"]),
        url,
        refused,
        ("form", "sections"),
        **{section: "Sensorerna är på plats."},
    )
    report.refresh_from_db()
    assert report.summary == "Alices sammanfattning"
    assert report.sections.get(measure=grant.fall).progress_text == "Sensorerna är på plats."
    assert Report.objects.get(pk=report.pk).version == 1  # the report's own number is untouched


def test_indicator_second_save_is_refused_and_the_first_kept(people, make_user, grant) -> None:
    indicator = add_records(grant.fall)
    url = reverse("effects:indicator_edit", args=[indicator.pk])
    refused = two_saves(
        _client(make_user("orebro", "editor")),
        _client(people["editor"]),
        url,
        mine={"target_value": "12,5"},
        theirs={"name": "Fall per 1 000 vårddygn"},
    )
    conflict = conflict_of(refused)
    indicator.refresh_from_db()
    assert indicator.target_value == Decimal("12.5") and indicator.name != "Fall per 1 000 vårddygn"
    assert any(row.theirs == "12,5" for row in conflict.rows)
    save_again(_client(people["editor"]), url, refused, target_value="12,5")
    indicator.refresh_from_db()
    assert indicator.name == "Fall per 1 000 vårddygn" and indicator.target_value == Decimal("12.5")


def test_indicator_correction_page_refuses_a_stale_save_too(people, make_user, grant) -> None:
    indicator = add_records(grant.fall)
    url = reverse("effects:record_edit", args=["indikator", indicator.pk])
    refused = two_saves(
        _client(make_user("orebro", "editor")),
        _client(people["editor"]),
        url,
        mine={"responsible": "Enhetschef"},
        theirs={"responsible": "Kvalitetsutvecklare"},
    )
    conflict_of(refused)
    indicator.refresh_from_db()
    assert indicator.responsible == "Enhetschef"


def test_corrections_of_status_effect_and_cost_refuse_a_stale_save(
    people, make_user, grant
) -> None:
    add_records(grant.fall)
    other = make_user("orebro", "editor")
    for kind, record, mine, theirs, field in (
        (
            "status",
            ImplementationStatus.objects.filter(measure=grant.fall).earliest("pk"),
            {"comment": "Olles kommentar"},
            {"comment": "Alices kommentar"},
            "comment",
        ),
        (
            "effekt",
            QualitativeEffect.objects.filter(measure=grant.fall).earliest("pk"),
            {"statement": "Olles iakttagelse"},
            {"source": "Alices källa"},
            "statement",
        ),
        (
            "kostnad",
            Cost.objects.filter(measure=grant.fall).earliest("pk"),
            {"description": "Olles beskrivning"},
            {"description": "Alices beskrivning"},
            "description",
        ),
    ):
        url = reverse("effects:record_edit", args=[kind, record.pk])
        refused = two_saves(
            _client(other), _client(people["editor"]), url, mine=mine, theirs=theirs
        )
        conflict_of(refused)
        record.refresh_from_db()
        assert getattr(record, field) == next(iter(mine.values())), kind
        save_again(_client(people["editor"]), url, refused)
        record.refresh_from_db()
        assert record.row_version == 3, kind
