"""Confirming a proposal creates the grant records; a corrected version updates them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from sprida.grants.models import Application, Decision
from sprida.intake.confirm import proposal_confirm
from sprida.intake.models import DocumentStatus
from sprida.intake.services import document_receive

FIXTURES = Path(__file__).parent / "fixtures"


def receive(user, name: str, capture) -> Any:
    data = (FIXTURES / name).read_bytes()
    with capture(execute=True):
        document = document_receive(by=user, name=name, data=data).document
    document.refresh_from_db()
    return document


def snapshot(decision: Decision) -> dict[str, Any]:
    lines = decision.lines.select_related("measure")
    return {
        "decision": (
            decision.decided_on,
            decision.outcome,
            decision.applied_sek,
            decision.granted_sek,
            decision.rejected_sek,
            decision.appealable,
        ),
        "lines": sorted(
            (
                line.outcome,
                line.granted_sek,
                line.rejected_sek,
                line.measure.applied_sek or 0,
                line.share_percent or 0,
            )
            for line in lines
        ),
        "payouts": sorted((p.year, p.amount_sek) for p in decision.payouts.all()),
        "deadlines": sorted(
            (d.kind, d.due_on) for d in decision.deadlines.exclude(kind="condition")
        ),
        "line_conditions": sorted(
            (c.line.measure.applied_sek or 0 if c.line else 0, c.due_on is not None)
            for c in decision.conditions.exclude(line=None).select_related("line__measure")
        ),
        "application": (
            decision.application.applicant.slug,
            decision.application.submitted_on,
            decision.application.applied_sek,
            decision.application.measures.count(),
        ),
    }


class _Rollback(Exception):
    pass


def typed_orebro_snapshot() -> dict[str, Any]:
    from sprida.grants.demo.seeds import seed_records_load

    result: dict[str, Any] = {}
    try:
        with transaction.atomic():
            seed_records_load()
            result.update(snapshot(Decision.objects.get(application__applicant__slug="orebro")))
            raise _Rollback
    except _Rollback:
        pass
    return result


def test_confirming_the_decision_gives_the_same_records_as_the_letter(
    people, django_capture_on_commit_callbacks
) -> None:
    expected = typed_orebro_snapshot()
    assert not Application.objects.exists()
    document = receive(
        people["officer"], "002_955509009a8a4522.txt", django_capture_on_commit_callbacks
    )
    application = proposal_confirm(
        by=people["officer"], document=document, data=document.proposal.data
    )
    got = snapshot(application.decision)
    assert got == expected
    document.refresh_from_db()
    assert document.status == DocumentStatus.CONFIRMED
    assert document.application == application
    # The person who confirmed is who the audit trail names.
    assert application.decision.history.first().history_user == people["officer"]


def test_a_corrected_version_updates_instead_of_duplicating(
    people, django_capture_on_commit_callbacks
) -> None:
    first = receive(
        people["officer"], "002_955509009a8a4522.txt", django_capture_on_commit_callbacks
    )
    proposal_confirm(by=people["officer"], document=first, data=first.proposal.data)
    corrected = (
        (FIXTURES / "002_955509009a8a4522.txt")
        .read_text()
        .replace(
            "Bidrag beviljas med 5 870 000 kr.",
            "Bidrag beviljas med 5 870 000 kr. (Rättad version.)",
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        second = document_receive(
            by=people["officer"], name="002-rattad.txt", data=corrected.encode()
        ).document
    second.refresh_from_db()
    data = second.proposal.data
    data["decision"]["rejected_sek"] = 113_101_000
    proposal_confirm(by=people["officer"], document=second, data=data)
    assert Application.objects.count() == 1
    assert Decision.objects.count() == 1
    assert Application.objects.get().measures.count() == 8


def test_memo_confirmed_by_the_region_editor(
    people, make_user, django_capture_on_commit_callbacks
) -> None:
    editor = make_user("jamtland-harjedalen", "editor")
    document = receive(editor, "003_cd92ca2177ad67a2.txt", django_capture_on_commit_callbacks)
    application = proposal_confirm(by=editor, document=document, data=document.proposal.data)
    assert application.applicant.slug == "jamtland-harjedalen"
    assert application.measures.count() == 4
    assert "HSN/1005/2025" in {c.number for c in application.case_numbers.all()}
    assert application.region_decision_body == "Hälso- och sjukvårdsnämnden"


def test_another_regions_editor_may_not_confirm(people, django_capture_on_commit_callbacks) -> None:
    document = receive(
        people["stranger"], "003_cd92ca2177ad67a2.txt", django_capture_on_commit_callbacks
    )
    with pytest.raises(PermissionDenied):
        proposal_confirm(by=people["editor"], document=document, data=document.proposal.data)
    assert not Application.objects.exists()


def test_a_region_may_not_confirm_a_decision(people, django_capture_on_commit_callbacks) -> None:
    document = receive(
        people["editor"], "002_955509009a8a4522.txt", django_capture_on_commit_callbacks
    )
    with pytest.raises(PermissionDenied):
        proposal_confirm(by=people["editor"], document=document, data=document.proposal.data)
    assert not Decision.objects.exists()


def test_joint_memo_becomes_the_joint_application(
    people, django_capture_on_commit_callbacks
) -> None:
    document = receive(
        people["coordinator"], "000_d3bdcb42e7463171.txt", django_capture_on_commit_callbacks
    )
    application = proposal_confirm(
        by=people["coordinator"], document=document, data=document.proposal.data
    )
    assert application.joint
    assert application.applicant.slug == "skr"
    assert application.participants.count() == 21
    assert application.measures.count() == 2


def form_post(data: dict[str, Any]) -> dict[str, Any]:
    """What the browser posts when the review form is sent unchanged."""
    from sprida.core.access import SYSTEM
    from sprida.intake.review_data import forms_for

    post: dict[str, Any] = {}
    for form_or_set in forms_for(data, user=SYSTEM).values():
        forms = getattr(form_or_set, "forms", [form_or_set])
        if hasattr(form_or_set, "management_form"):
            for bf in form_or_set.management_form:
                post[bf.html_name] = str(bf.value())
        for form in forms:
            for bf in form:
                value = bf.field.prepare_value(bf.value())
                if isinstance(value, list | tuple):  # several choices: one value each
                    post[bf.html_name] = [str(getattr(v, "pk", v)) for v in value]
                    continue
                if hasattr(value, "pk"):
                    value = value.pk
                if isinstance(value, bool):
                    if value:
                        post[bf.html_name] = "on"
                    continue
                post[bf.html_name] = "" if value is None else str(value)
    return post


def test_review_form_confirms_in_the_browser_flow(
    client, people, django_capture_on_commit_callbacks
) -> None:
    document = receive(
        people["officer"], "002_955509009a8a4522.txt", django_capture_on_commit_callbacks
    )
    client.force_login(people["officer"])
    page = client.get(f"/dokument/{document.pk}/")
    assert "Bekräfta och spara som poster" in page.content.decode()
    post = form_post(document.proposal.data)
    post["granted_sek"] = "34 870 001"  # a slip of the pen: the sums no longer add up
    response = client.post(f"/dokument/{document.pk}/", post)
    assert response.status_code == 400
    assert "Det finns fel i formuläret" in response.content.decode()
    assert not Decision.objects.exists()
    post["granted_sek"] = "34 870 000"
    response = client.post(f"/dokument/{document.pk}/", post)
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.granted_sek == 34_870_000
    assert decision.lines.count() == 8


def test_review_form_refuses_bad_amounts_with_a_message(
    client, people, django_capture_on_commit_callbacks
) -> None:
    document = receive(
        people["officer"], "002_955509009a8a4522.txt", django_capture_on_commit_callbacks
    )
    client.force_login(people["officer"])
    post = form_post(document.proposal.data)
    post["applied_sek"] = "147,9 miljoner"
    response = client.post(f"/dokument/{document.pk}/", post)
    assert response.status_code == 400
    page = response.content.decode()
    assert "hela kronor" in page
    assert "<title>Fel: " in page
    assert 'href="#id_applied_sek"' in page.split("Det finns fel i formuläret")[1]
    assert not Decision.objects.exists()


def test_confirmed_documents_and_records_are_found_by_search(
    people, django_capture_on_commit_callbacks
) -> None:
    from sprida.search.selectors import search_for_user

    document = receive(
        people["officer"], "002_955509009a8a4522.txt", django_capture_on_commit_callbacks
    )
    proposal_confirm(by=people["officer"], document=document, data=document.proposal.data)
    kinds = {hit.kind for hit in search_for_user(user=people["officer"], q="taligenkänningen")}
    assert {"document", "measure"} <= kinds
    # Another region sees the published measures, not the delegation's copy of the letter.
    stranger = {h.kind for h in search_for_user(user=people["stranger"], q="egenmonitorering")}
    assert "measure" in stranger
    assert "document" not in stranger
