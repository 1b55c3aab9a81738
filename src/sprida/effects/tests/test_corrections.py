"""Editors correct and remove follow-up records in the interface; the history keeps both."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from sprida.effects.models import Cost, ImplementationStatus, Indicator, QualitativeEffect
from sprida.effects.tests.conftest import add_records


@pytest.fixture
def recorded(grant):
    add_records(grant.fall)
    return grant


def test_editor_corrects_a_cost_and_the_history_shows_it(client, people, recorded) -> None:
    cost = Cost.objects.get(measure=recorded.fall, kind="external")
    client.force_login(people["editor"])
    url = reverse("effects:record_edit", args=["kostnad", cost.pk])
    assert "420" in client.get(url).content.decode()  # the form shows the recorded cost
    response = client.post(
        url,
        {
            "year": 2025,
            "kind": "external",
            "description": "Upphandling, rättad",
            "amount_sek": "410 000",
        },
    )
    assert response.status_code == 302
    cost.refresh_from_db()
    assert (cost.amount_sek, cost.description) == (410_000, "Upphandling, rättad")
    assert cost.history.count() == 2  # created, then changed
    assert cost.history.first().history_user == people["editor"]


def test_editor_corrects_a_status_and_an_effect(client, people, recorded) -> None:
    client.force_login(people["editor"])
    status = ImplementationStatus.objects.filter(measure=recorded.fall)[0]
    response = client.post(
        reverse("effects:record_edit", args=["status", status.pk]),
        {"stage": "implemented", "status_on": "2026-04-01", "units": "Avd 1", "comment": ""},
    )
    assert response.status_code == 302
    status.refresh_from_db()
    assert (status.stage, status.status_on) == ("implemented", dt.date(2026, 4, 1))
    effect = QualitativeEffect.objects.get(measure=recorded.fall)
    response = client.post(
        reverse("effects:record_edit", args=["effekt", effect.pk]),
        {
            "observed_on": "2026-06-02",
            "category": "staff",
            "statement": "Färre nattliga larm.",
            "source": "Enkät",
        },
    )
    assert response.status_code == 302
    effect.refresh_from_db()
    assert effect.statement == "Färre nattliga larm."


def test_removal_asks_for_a_reason_and_history_keeps_both(client, people, recorded) -> None:
    effect = QualitativeEffect.objects.get(measure=recorded.fall)
    client.force_login(people["editor"])
    url = reverse("effects:record_remove", args=["effekt", effect.pk])
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 400
    assert QualitativeEffect.objects.filter(pk=effect.pk).exists()
    response = client.post(url, {"reason": "Registrerad på fel åtgärd."})
    assert response.status_code == 302
    assert not QualitativeEffect.objects.filter(pk=effect.pk).exists()
    removal = QualitativeEffect.history.get(id=effect.pk, history_type="-")
    assert removal.history_change_reason == "Registrerad på fel åtgärd."
    assert removal.history_user == people["editor"]
    assert removal.statement == "Patienterna sover ostört."  # the record as it was
    page = client.get(reverse("effects:measure", args=[recorded.fall.pk])).content.decode()
    assert "Borttagna poster" in page and "Registrerad på fel åtgärd." in page


def test_removing_an_indicator_keeps_it_in_history(client, people, recorded) -> None:
    indicator = Indicator.objects.get(measure=recorded.fall)
    client.force_login(people["editor"])
    response = client.post(
        reverse("effects:record_remove", args=["indikator", indicator.pk]),
        {"reason": "Ersätts av en indikator från Kolada."},
    )
    assert response.status_code == 302
    assert not Indicator.objects.exists()
    assert Indicator.history.filter(id=indicator.pk, history_type="-").exists()


@pytest.mark.parametrize("who", ["viewer", "stranger", "officer", "coordinator"])
def test_others_may_neither_correct_nor_remove(client, people, recorded, who) -> None:
    cost = Cost.objects.get(measure=recorded.fall, kind="external")
    client.force_login(people[who])
    edit = client.post(
        reverse("effects:record_edit", args=["kostnad", cost.pk]),
        {"year": 2025, "kind": "external", "description": "Kapad", "amount_sek": "1"},
    )
    remove = client.post(
        reverse("effects:record_remove", args=["kostnad", cost.pk]), {"reason": "Kapad"}
    )
    assert edit.status_code in (403, 404) and remove.status_code in (403, 404)
    cost.refresh_from_db()
    assert cost.amount_sek == 420_000 and cost.description == "Upphandling"
    if who == "stranger":  # another region's member does not even learn it exists
        assert edit.status_code == remove.status_code == 404


def test_unknown_kind_is_not_found(client, people, recorded) -> None:
    client.force_login(people["editor"])
    assert client.get(reverse("effects:record_edit", args=["rapport", 1])).status_code == 404
