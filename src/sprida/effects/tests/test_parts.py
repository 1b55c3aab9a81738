"""A joint application's participants record statuses, costs and effects for their own part."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sprida.core.access import SYSTEM, can_change, can_view
from sprida.core.models import Organisation
from sprida.effects import corrections, selectors, services
from sprida.effects.models import Cost, CostKind, ImplementationStatus, QualitativeEffect
from sprida.effects.tests.conftest import Joint

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(make_user) -> dict[str, Any]:
    return {
        "jamtland": make_user("jamtland-harjedalen", "editor"),
        "jamtland_viewer": make_user("jamtland-harjedalen", "viewer"),
        "orebro": make_user("orebro", "editor"),
        "skr": make_user("skr", "editor"),
        "outsider": make_user("vastmanland", "editor"),
        "officer": make_user("effektivitetsdelegationen", "editor"),
    }


def _cost(by: Any, joint: Joint, part: Organisation, amount: int = 100_000) -> Cost:
    return services.cost_record(
        by=by,
        measure=joint.measure,
        part=part,
        year=2026,
        kind=CostKind.EXTERNAL,
        description=f"Arbetsgrupp {part.slug}",
        amount_sek=amount,
    )


def test_participant_records_its_own_part(joint, cast) -> None:
    cost = _cost(cast["jamtland"], joint, joint.jamtland)
    status = services.implementation_status_record(
        by=cast["jamtland"],
        measure=joint.measure,
        part=joint.jamtland,
        stage="in_progress",
        status_on=dt.date(2026, 5, 1),
    )
    effect = services.qualitative_effect_record(
        by=cast["jamtland"],
        measure=joint.measure,
        part=joint.jamtland,
        observed_on=dt.date(2026, 5, 1),
        category="staff",
        statement="Underlagen sparar tid.",
        source="Arbetsgruppens protokoll",
    )
    assert {cost.part, status.part, effect.part} == {joint.jamtland}


@pytest.mark.parametrize("who", ["jamtland", "skr", "outsider", "jamtland_viewer", "officer"])
def test_nobody_records_another_organisations_part(joint, cast, who) -> None:
    part = joint.orebro
    with pytest.raises(PermissionDenied):
        _cost(cast[who], joint, part)
    assert not Cost.objects.exists()


def test_an_organisation_outside_the_application_has_no_part(joint, cast, orgs) -> None:
    with pytest.raises(PermissionDenied, match="deltar inte i ansökan"):
        _cost(SYSTEM, joint, orgs["vastmanland"])
    with pytest.raises(PermissionDenied):
        _cost(cast["outsider"], joint, orgs["vastmanland"])
    assert not Cost.objects.exists()


def test_without_a_part_a_record_is_the_applicants(joint, cast) -> None:
    cost = services.cost_record(
        by=cast["skr"],
        measure=joint.measure,
        year=2026,
        kind=CostKind.EXTERNAL,
        description="Projektledning",
        amount_sek=50_000,
    )
    assert cost.part == joint.skr
    plain = ImplementationStatus.objects.create(
        measure=joint.measure, stage="planning", status_on=dt.date(2026, 1, 1)
    )
    assert plain.part == joint.skr


def test_each_part_is_changed_only_by_its_own_editors(joint, cast) -> None:
    mine = _cost(cast["jamtland"], joint, joint.jamtland)
    theirs = _cost(cast["orebro"], joint, joint.orebro)
    coordinators = _cost(cast["skr"], joint, joint.skr)
    assert can_change(cast["jamtland"], mine)
    assert not can_change(cast["jamtland"], theirs)
    assert not can_change(cast["jamtland"], coordinators)
    assert not can_change(cast["skr"], mine)  # the coordinator reads every part, changes its own
    assert can_change(cast["skr"], coordinators)
    assert not can_change(cast["jamtland_viewer"], mine)
    for who in ("outsider", "officer"):
        assert not can_change(cast[who], mine)
    # Reading: the participants and the national roles read the whole; an outsider nothing.
    for who in ("jamtland", "orebro", "skr", "officer", "jamtland_viewer"):
        assert can_view(cast[who], theirs)
    assert not can_view(cast["outsider"], mine)


def test_corrections_keep_to_the_part(joint, cast) -> None:
    theirs = _cost(cast["orebro"], joint, joint.orebro)
    with pytest.raises(PermissionDenied):
        corrections.cost_update(
            by=cast["jamtland"],
            cost=theirs,
            year=2026,
            kind=CostKind.EXTERNAL,
            description="Ändrad",
            amount_sek=1,
        )
    with pytest.raises(PermissionDenied):
        corrections.record_remove(by=cast["skr"], record=theirs, reason="Fel del")
    corrections.record_remove(by=cast["orebro"], record=theirs, reason="Dubbelregistrerad")
    assert not Cost.objects.exists()


def test_recordable_parts(joint, cast, make_user) -> None:
    def parts(user: Any) -> list[str]:
        return [o.slug for o in selectors.recordable_parts(user=user, measure=joint.measure)]

    assert parts(cast["jamtland"]) == ["jamtland-harjedalen"]
    assert parts(cast["skr"]) == ["skr"]
    assert parts(cast["outsider"]) == []
    assert parts(cast["officer"]) == []
    assert parts(SYSTEM) == ["skr", "jamtland-harjedalen", "orebro"]  # the coordinator first


# Pages ------------------------------------------------------------------------------------------


def _post_cost(client: Any, joint: Joint, **extra: str) -> Any:
    data = {
        "year": "2026",
        "kind": "external",
        "description": "Tid i arbetsgruppen",
        "amount_sek": "120 000",
        **extra,
    }
    return client.post(reverse("effects:cost_add", args=[joint.measure.pk]), data)


def test_participant_records_a_cost_on_the_page(client, joint, cast) -> None:
    client.force_login(cast["jamtland"])
    page = client.get(reverse("effects:measure", args=[joint.measure.pk]))
    assert page.status_code == 200
    assert "Posten registreras för Region Jämtland Härjedalen." in page.content.decode()
    response = _post_cost(client, joint)
    assert response.status_code == 302
    cost = Cost.objects.get()
    assert (cost.part, cost.amount_sek) == (joint.jamtland, 120_000)


def test_a_chosen_part_the_user_may_not_record_is_refused(client, joint, cast) -> None:
    client.force_login(cast["jamtland"])
    response = _post_cost(client, joint, **{"cost-part": str(joint.orebro.pk)})
    assert response.status_code == 400
    assert not Cost.objects.exists()


def test_non_participant_is_refused_on_the_page(client, joint, cast) -> None:
    client.force_login(cast["outsider"])
    assert client.get(reverse("effects:measure", args=[joint.measure.pk])).status_code == 404
    assert _post_cost(client, joint).status_code == 404
    assert not Cost.objects.exists()


def test_reader_of_the_whole_without_a_part_is_refused(client, joint, cast) -> None:
    client.force_login(cast["officer"])
    assert client.get(reverse("effects:measure", args=[joint.measure.pk])).status_code == 200
    assert _post_cost(client, joint).status_code == 403
    assert not Cost.objects.exists()


def test_page_offers_corrections_only_for_own_part(client, joint, cast) -> None:
    mine = _cost(cast["jamtland"], joint, joint.jamtland)
    theirs = _cost(cast["orebro"], joint, joint.orebro)
    client.force_login(cast["jamtland"])
    html = client.get(reverse("effects:measure", args=[joint.measure.pk])).content.decode()
    assert reverse("effects:record_edit", args=["kostnad", mine.pk]) in html
    assert reverse("effects:record_edit", args=["kostnad", theirs.pk]) not in html
    assert "Region Örebro län" in html  # the whole is read, each row with its part
    assert "Senaste status och upparbetat per del" in html
    edit = reverse("effects:record_edit", args=["kostnad", theirs.pk])
    assert (
        client.post(
            edit, {"year": "2026", "kind": "external", "description": "x", "amount_sek": "1"}
        ).status_code
        == 403
    )
    assert Cost.objects.get(pk=theirs.pk).amount_sek == 100_000


def test_cost_document_goes_with_the_part(client, joint, cast) -> None:
    theirs = _cost(cast["orebro"], joint, joint.orebro)
    client.force_login(cast["jamtland"])
    url = reverse("effects:cost_document_add", args=[theirs.pk])
    assert client.get(url).status_code == 403
    mine = _cost(cast["jamtland"], joint, joint.jamtland)
    assert client.get(reverse("effects:cost_document_add", args=[mine.pk])).status_code == 200


def test_effects_and_statuses_keep_their_parts_in_a_region_application(grant, people) -> None:
    """A region's own application: every record is the region's, as before."""
    status = services.implementation_status_record(
        by=people["editor"], measure=grant.fall, stage="planning", status_on=dt.date(2026, 1, 1)
    )
    effect = QualitativeEffect.objects.create(
        measure=grant.fall,
        observed_on=dt.date(2026, 1, 1),
        category="staff",
        statement="x",
        source="y",
    )
    assert status.part == effect.part == grant.decision.application.applicant
    with pytest.raises(PermissionDenied):
        services.cost_record(
            by=people["stranger"],
            measure=grant.fall,
            part=people["stranger"].memberships.get().organisation,
            year=2026,
            kind=CostKind.INTERNAL,
            description="x",
            hours=Decimal(1),
            hourly_rate_sek=1,
        )


def test_the_measure_status_is_the_coordinators_not_a_participants(client, joint, cast) -> None:
    services.implementation_status_record(
        by=cast["skr"], measure=joint.measure, stage="planning", status_on=dt.date(2026, 1, 1)
    )
    services.implementation_status_record(
        by=cast["jamtland"],
        measure=joint.measure,
        part=joint.jamtland,
        stage="implemented",
        status_on=dt.date(2026, 6, 1),
    )
    tracked = selectors.tracked_measures(user=cast["skr"]).get(pk=joint.measure.pk)
    assert getattr(tracked, "current_stage", None) == "planning"
    client.force_login(cast["jamtland"])
    html = client.get(reverse("effects:measure", args=[joint.measure.pk])).content.decode()
    assert "Samordnarens status för hela åtgärden:" in html


def test_api_records_a_participants_effect_for_its_own_part_only(client, joint, cast) -> None:
    from sprida.api.services import token_create

    def post(who: str, **extra: Any) -> Any:
        _token, raw = token_create(by=cast[who], name="test")
        body = {
            "measure": joint.measure.pk,
            "observed_on": "2026-04-01",
            "category": "staff",
            "statement": "Underlaget sparade tid.",
            "source": "Intervjuer",
            **extra,
        }
        return client.post(
            "/api/v1/qualitative-effects",
            body,
            content_type="application/json",
            headers={"Authorization": f"Bearer {raw}"},
        )

    response = post("jamtland")
    assert response.status_code == 201, response.content
    assert response.json()["part_id"] == joint.jamtland.pk
    assert post("jamtland", part=joint.orebro.pk).status_code == 403
    assert post("officer").status_code == 403
    assert post("outsider").status_code == 404
    assert QualitativeEffect.objects.count() == 1
