"""No lost updates in grants: of two saves from the same loaded version, the second is refused
with both versions shown, and the first is kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from sprida.core.tests.editing import conflict_of, form_data, page_data, save_again, two_saves
from sprida.grants import services
from sprida.grants.models import Application, Condition, Measure, Payout
from sprida.grants.tests.factories import make_application, make_measure


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def draft(people) -> Application:
    return make_application(status="draft", submitted_on=None, title="Utkast till ansökan")


@pytest.fixture
def measure(draft) -> Measure:
    return make_measure(application=draft, title="Taligenkänning", description="Från början")


def _rows(conflict) -> dict[str, tuple[str, str]]:
    return {row.label: (row.theirs, row.yours) for row in conflict.rows}


def test_measure_second_save_is_refused_and_the_first_kept(people, make_user, measure) -> None:
    alice, other = (
        people["editor"],
        make_user("orebro", "editor", first_name="Olle", last_name="Ek"),
    )
    url = reverse("grants:measure_edit", args=[measure.pk])
    refused = two_saves(
        _client(other),
        _client(alice),
        url,
        mine={"title": "Olles titel"},
        theirs={"title": "Alices titel", "aim": "Kortare väntetider"},
    )
    conflict = conflict_of(refused)
    measure.refresh_from_db()
    assert measure.title == "Olles titel" and measure.aim == "" and measure.row_version == 2
    assert conflict.saved_by == "Olle Ek" and conflict.saved_at is not None
    assert "Olle Ek sparade posten" in refused.content.decode()
    rows = _rows(conflict)
    assert ("Olles titel", "Alices titel") in rows.values()
    assert ("–", "Kortare väntetider") in rows.values()
    assert len(rows) == 2  # only what differs
    form = refused.context["form"]
    assert form["title"].value() == "Alices titel" and form["row_version"].value() == "2"
    # Alice merges and saves again: accepted against the version now saved.
    save_again(_client(alice), url, refused, title="Olles och Alices titel")
    measure.refresh_from_db()
    assert measure.title == "Olles och Alices titel" and measure.aim == "Kortare väntetider"
    assert measure.row_version == 3


def test_same_measure_by_an_editor_and_an_admin(people, make_user, measure) -> None:
    admin = make_user("orebro", "admin", first_name="Ada", last_name="Admin")
    url = reverse("grants:measure_edit", args=[measure.pk])
    refused = two_saves(
        _client(people["editor"]),
        _client(admin),
        url,
        mine={"applied_sek": "9 000 000"},
        theirs={"applied_sek": "12 000 000"},
    )
    conflict = conflict_of(refused)
    measure.refresh_from_db()
    assert measure.applied_sek == 9_000_000
    assert ("9\u00a0000\u00a0000", "12\u00a0000\u00a0000") in _rows(conflict).values()
    # The other way round: the site administrator first, then the region's editor.
    refused = two_saves(
        _client(people["admin"]),
        _client(people["editor"]),
        url,
        mine={"title": "Adas titel"},
        theirs={"title": "Alices titel"},
    )
    conflict_of(refused)
    measure.refresh_from_db()
    assert measure.title == "Adas titel" and measure.applied_sek == 9_000_000


def test_measure_year_amounts_are_compared_too(people, make_user, measure) -> None:
    url = reverse("grants:measure_edit", args=[measure.pk])
    refused = two_saves(
        _client(make_user("orebro", "editor")),
        _client(people["editor"]),
        url,
        mine={"year_2025": "4 000 000", "year_2026": "6 000 000"},
        theirs={"description": "Alices beskrivning"},
    )
    rows = _rows(conflict_of(refused))
    assert any(
        label.endswith("2025 (kr)") and v == ("4\u00a0000\u00a0000", "–")
        for label, v in rows.items()
    )
    assert {
        y.year: y.applied_sek for y in Measure.objects.get(pk=measure.pk).year_amounts.all()
    } == {2025: 4_000_000, 2026: 6_000_000}


def test_application_second_save_is_refused_and_the_first_kept(people, make_user, draft) -> None:
    url = reverse("grants:application_edit", args=[draft.pk])
    refused = two_saves(
        _client(make_user("orebro", "editor")),
        _client(people["editor"]),
        url,
        mine={"development_needs": "Första"},
        theirs={"development_needs": "Andra"},
    )
    conflict = conflict_of(refused)
    draft.refresh_from_db()
    assert draft.development_needs == "Första"
    assert list(_rows(conflict).values()) == [("Första", "Andra")]
    save_again(_client(people["editor"]), url, refused)
    draft.refresh_from_db()
    assert draft.development_needs == "Andra"


def test_a_status_change_in_between_also_refuses_the_edit(people, draft) -> None:
    """Any save moves the version on, not only saves through an edit form."""
    make_measure(application=draft)
    alice = _client(people["editor"])
    url = reverse("grants:application_edit", args=[draft.pk])
    page = alice.get(url)
    answer = alice.post(
        reverse("grants:application_submit", args=[draft.pk]), {"submitted_on": "2025-06-01"}
    )
    assert answer.status_code == 302
    conflict_of(alice.post(url, page_data(page, title="Ny titel")))
    draft.refresh_from_db()
    assert draft.status == "submitted" and draft.title == "Utkast till ansökan"


def test_decision_second_save_is_refused_and_the_first_kept(
    people, make_user, orebro_decision
) -> None:
    url = reverse("grants:decision_edit", args=[orebro_decision.pk])
    refused = two_saves(
        _client(people["officer"]),
        _client(make_user("effektivitetsdelegationen", "editor")),
        url,
        names=("form", "line_forms", "payout_forms"),
        mine={"reasoning": "Danas skäl"},
        theirs={"case_officer": "Någon annan"},
    )
    conflict = conflict_of(refused)
    orebro_decision.refresh_from_db()
    assert orebro_decision.reasoning == "Danas skäl"
    assert orebro_decision.case_officer != "Någon annan"
    rows = _rows(conflict)
    assert rows["Skäl för beslutet"][0] == "Danas skäl"
    assert rows["Handläggare"][1] == "Någon annan"
    assert len(rows) == 2


def test_condition_second_save_is_refused_and_the_first_kept(
    people, make_user, orebro_decision
) -> None:
    condition = Condition.objects.filter(decision=orebro_decision).earliest("pk")
    url = reverse("grants:condition_edit", args=[condition.pk])
    refused = two_saves(
        _client(people["officer"]),
        _client(make_user("effektivitetsdelegationen", "editor")),
        url,
        mine={"note": "Första"},
        theirs={"note": "Andra"},
    )
    conflict_of(refused)
    condition.refresh_from_db()
    assert condition.note == "Första"


def test_a_form_without_a_version_saves_as_before(people, measure) -> None:
    alice = _client(people["editor"])
    url = reverse("grants:measure_edit", args=[measure.pk])
    page = alice.get(url)
    data = page_data(page, title="Utan version", row_version=None)
    measure.title = "Sparad emellan"
    measure.save()
    assert alice.post(url, data).status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Utan version"


def _admin_data(page, **changes) -> dict:
    data = form_data(page.context["adminform"].form)
    for inline in page.context["inline_admin_formsets"]:
        data.update(form_data(inline.formset))
    return {**data, **changes}


def test_site_admin_in_the_django_admin_and_an_editor_in_the_app(people, measure) -> None:
    """The editor's form was loaded first; the admin saves in the Django admin; the editor's
    save is refused. And the admin's change page, loaded before the editor saves, refuses too."""
    admin, alice = _client(people["admin"]), _client(people["editor"])
    app_url = reverse("grants:measure_edit", args=[measure.pk])
    admin_url = reverse("admin:grants_measure_change", args=[measure.pk])
    app_page, admin_page = alice.get(app_url), admin.get(admin_url)
    assert admin_page.status_code == 200
    assert 'name="seen_version"' in admin_page.content.decode()
    saved = admin.post(admin_url, _admin_data(admin_page, title="Adas titel"))
    assert saved.status_code == 302
    conflict_of(alice.post(app_url, page_data(app_page, title="Alices titel")))
    measure.refresh_from_db()
    assert measure.title == "Adas titel"
    # Now the other way round: the editor saves, the admin's page is stale.
    admin_page, app_page = admin.get(admin_url), alice.get(app_url)
    assert alice.post(app_url, page_data(app_page, title="Alices titel")).status_code == 302
    refused = admin.post(admin_url, _admin_data(admin_page, title="Adas andra titel"))
    assert refused.status_code == 200
    assert "alice sparade posten" in refused.content.decode()
    assert refused.context["adminform"].form["title"].value() == "Adas andra titel"
    measure.refresh_from_db()
    assert measure.title == "Alices titel"


def test_a_payout_marked_paid_meanwhile_is_not_undone_by_the_decision_form(
    people, orebro_decision
) -> None:
    officer = _client(people["officer"])
    url = reverse("grants:decision_edit", args=[orebro_decision.pk])
    page = officer.get(url)
    payout = Payout.objects.filter(decision=orebro_decision, status="planned").earliest("year")
    services.payout_mark_paid(by=people["officer"], payout=payout, paid_on=dt.date(2026, 1, 15))
    names = ("form", "line_forms", "payout_forms")
    refused = officer.post(url, page_data(page, names, reasoning="Nya skäl"))
    conflict = conflict_of(refused)
    assert any(row.theirs == "Utbetald" for row in conflict.rows), conflict.rows
    payout.refresh_from_db()
    assert payout.status == "paid"
    entry = orebro_decision.history.order_by("-history_id")[0]
    assert entry.history_change_reason.startswith("Utbetalningen för")


def test_the_same_person_in_two_tabs_is_told_it_was_themselves(people, measure) -> None:
    alice = _client(people["editor"])
    url = reverse("grants:measure_edit", args=[measure.pk])
    refused = two_saves(alice, alice, url, mine={"title": "Flik ett"}, theirs={"title": "Flik två"})
    conflict_of(refused)
    assert "Du sparade själv posten" in refused.content.decode()
