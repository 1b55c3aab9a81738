import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sprida.grants import services
from sprida.grants.models import Application, Decision, Payout
from sprida.grants.services import DecisionData, LineData, PayoutData
from sprida.grants.tests.factories import make_application, make_measure

NBSP = "\u00a0"


def sek(text: str) -> str:
    return text


@pytest.fixture
def application(orgs):
    app = make_application(applied_sek=20_000_000)
    make_measure(application=app, applied_sek=12_000_000, title="A")
    make_measure(application=app, applied_sek=8_000_000, title="B")
    return app


def _data(application, *, granted_a=12_000_000, rejected_b=8_000_000, payouts=None):
    a, b = application.measures.order_by("position")
    return DecisionData(
        decided_on=dt.date(2025, 11, 11),
        lines=[
            LineData(a, "granted", granted_a, 0),
            LineData(b, "rejected", 0, rejected_b),
        ],
        payouts=payouts
        if payouts is not None
        else [
            PayoutData(2025, 6_000_000, "paid", dt.date(2025, 11, 11)),
            PayoutData(2026, 6_000_000),
        ],
        implementation_by=dt.date(2027, 12, 31),
    )


def test_decision_record_marks_application_decided(people, application) -> None:
    decision = services.decision_record(
        by=people["officer"], application=application, data=_data(application)
    )
    application.refresh_from_db()
    assert application.status == "decided"
    assert decision.outcome == "partially_granted"
    assert (decision.applied_sek, decision.granted_sek, decision.rejected_sek) == (
        20_000_000,
        12_000_000,
        8_000_000,
    )
    assert decision.history.first().history_user == people["officer"]
    assert decision.deadlines.get().kind == "implementation"


def test_payouts_not_adding_up_are_refused_with_numbers(people, application) -> None:
    data = _data(application, payouts=[PayoutData(2025, 6_000_000), PayoutData(2026, 5_000_000)])
    with pytest.raises(ValidationError) as error:
        services.decision_record(by=people["officer"], application=application, data=data)
    text = " ".join(error.value.messages).replace(NBSP, " ")
    assert sek("11 000 000 kr") in text and sek("12 000 000 kr") in text
    assert not Decision.objects.exists()  # nothing half saved
    application.refresh_from_db()
    assert application.status == "submitted"


def test_line_parts_not_adding_up_are_refused(people, application) -> None:
    data = _data(application, rejected_b=7_000_000)
    with pytest.raises(ValidationError) as error:
        services.decision_record(by=people["officer"], application=application, data=data)
    text = " ".join(error.value.messages).replace(NBSP, " ")
    assert sek("Beviljat 0 kr + avslaget 7 000 000 kr = 7 000 000 kr") in text
    assert sek("8 000 000 kr") in text


def test_lines_must_add_up_to_decision_grant(people, application) -> None:
    data = _data(application)
    data.granted_sek = 13_000_000
    with pytest.raises(ValidationError) as error:
        services.decision_record(by=people["officer"], application=application, data=data)
    text = " ".join(error.value.messages).replace(NBSP, " ")
    assert sek("12 000 000 kr") in text and sek("13 000 000 kr") in text


def test_paid_payout_needs_a_date(people, application) -> None:
    data = _data(application, payouts=[PayoutData(2025, 12_000_000, "paid", None)])
    with pytest.raises(ValidationError, match="saknar datum"):
        services.decision_record(by=people["officer"], application=application, data=data)


@pytest.mark.parametrize("who", ["editor", "viewer", "stranger", "coordinator"])
def test_only_the_funder_records_decisions(people, application, who) -> None:
    with pytest.raises(PermissionDenied):
        services.decision_record(by=people[who], application=application, data=_data(application))


def test_decision_update_replaces_payouts_and_lines(people, application) -> None:
    decision = services.decision_record(
        by=people["officer"], application=application, data=_data(application)
    )
    data = services.decision_data_from(decision)
    data.payouts = [PayoutData(2025, 12_000_000, "paid", dt.date(2025, 12, 1))]
    services.decision_update(by=people["officer"], decision=decision, data=data)
    assert list(Payout.objects.values_list("year", "amount_sek")) == [(2025, 12_000_000)]
    with pytest.raises(PermissionDenied):
        services.decision_update(by=people["editor"], decision=decision, data=data)


def test_draft_cannot_be_decided_and_decided_cannot_be_withdrawn(people, orgs) -> None:
    draft = make_application(status="draft", submitted_on=None)
    make_measure(application=draft)
    with pytest.raises(ValidationError, match="utkast"):
        services.decision_record(
            by=people["officer"],
            application=draft,
            data=DecisionData(decided_on=dt.date(2025, 11, 11), granted_sek=0),
        )
    services.application_submit(
        by=people["editor"], application=draft, submitted_on=dt.date(2025, 6, 1)
    )
    services.decision_record(
        by=people["officer"],
        application=draft,
        data=DecisionData(decided_on=dt.date(2025, 11, 11), granted_sek=0, outcome="rejected"),
    )
    with pytest.raises(ValidationError, match="beslutad"):
        services.application_withdraw(by=people["editor"], application=draft)


def test_submit_needs_date_and_measures(people, orgs) -> None:
    draft = make_application(status="draft", submitted_on=None)
    with pytest.raises(ValidationError, match="åtgärd"):
        services.application_submit(
            by=people["editor"], application=draft, submitted_on=dt.date(2025, 6, 1)
        )
    make_measure(application=draft)
    with pytest.raises(ValidationError, match="datumet"):
        services.application_submit(by=people["editor"], application=draft, submitted_on=None)
    with pytest.raises(PermissionDenied):
        services.application_submit(
            by=people["stranger"], application=draft, submitted_on=dt.date(2025, 6, 1)
        )


def test_measure_year_amounts_must_add_up(people, application) -> None:
    with pytest.raises(ValidationError) as error:
        services.measure_create(
            by=people["editor"],
            application=application,
            title="C",
            applied_sek=3_000_000,
            year_amounts={2025: 1_000_000, 2026: 1_000_000},
        )
    assert "2 000 000 kr" in error.value.messages[0].replace(NBSP, " ")
    measure = services.measure_create(
        by=people["editor"],
        application=application,
        title="C",
        applied_sek=3_000_000,
        year_amounts={2025: 1_000_000, 2026: 2_000_000},
    )
    assert measure.year_amounts.count() == 2


def test_stranger_cannot_create_for_another_region(people, orgs, application) -> None:
    with pytest.raises(PermissionDenied):
        services.application_create(
            by=people["stranger"],
            programme=application.programme,
            applicant=orgs["orebro"],
            title="Inte min",
        )
    with pytest.raises(PermissionDenied):
        services.measure_create(by=people["stranger"], application=application, title="X")
    created = services.application_create(
        by=people["editor"], programme=application.programme, applicant=orgs["orebro"], title="Min"
    )
    assert created.status == "draft" and isinstance(created, Application)


def test_condition_with_due_date_gets_a_deadline(people, orebro_decision) -> None:
    condition = services.condition_save(
        by=people["officer"],
        decision=orebro_decision,
        text="Rapportera till seminariet",
        due_on=dt.date(2026, 6, 1),
    )
    assert condition.deadline.due_on == dt.date(2026, 6, 1)
    services.condition_save(
        by=people["officer"],
        decision=orebro_decision,
        condition=condition,
        text=condition.text,
        due_on=dt.date(2026, 6, 1),
        fulfilled=True,
        fulfilled_on=dt.date(2026, 5, 20),
    )
    condition.refresh_from_db()
    assert condition.deadline.done_on == dt.date(2026, 5, 20)
    with pytest.raises(PermissionDenied):
        services.condition_save(by=people["editor"], decision=orebro_decision, text="x")


def test_writes_keep_search_in_step(orgs, people, django_capture_on_commit_callbacks) -> None:
    from typing import Any

    from sprida.grants import services
    from sprida.grants.tests.factories import ApplicationFactory
    from sprida.search.selectors import search_for_user

    application: Any = ApplicationFactory(status="draft", submitted_on=None)
    with django_capture_on_commit_callbacks(execute=True):
        measure = services.measure_create(
            by=people["editor"], application=application, title="Införande av läkemedelsrobotar"
        )
    hits = search_for_user(user=people["editor"], q="läkemedelsroboten")
    assert [h.object_id for h in hits if h.kind == "measure"] == [measure.pk]
    assert not search_for_user(user=people["stranger"], q="läkemedelsroboten")  # a draft
    with django_capture_on_commit_callbacks(execute=True):
        services.measure_delete(by=people["editor"], measure=measure)
    assert not search_for_user(user=people["editor"], q="läkemedelsroboten")
