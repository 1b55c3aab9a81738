"""Confirming through the review page and through the API gives the same, complete records."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.test import Client

from sprida.api.services import token_create
from sprida.grants.models import Application

from .test_confirm import form_post, receive

SEED = "002_955509009a8a4522.txt"


class _Undo(Exception):
    pass


def records(application: Application) -> dict[str, Any]:
    decision = application.decision
    return {
        "application": (
            application.applicant.slug,
            application.title,
            application.joint,
            sorted(application.participants.values_list("slug", flat=True)),
            application.submitted_on,
            application.applied_sek,
        ),
        "measures": [
            (m.position, m.title, m.applied_sek, m.category.slug if m.category else None)
            for m in application.measures.select_related("category")
        ],
        "decision": {
            name: getattr(decision, name)
            for name in (
                "decided_on",
                "outcome",
                "applied_sek",
                "granted_sek",
                "rejected_sek",
                "meeting",
                "chair",
                "rapporteur",
                "case_officer",
                "case_number",
                "reasoning",
                "appealable",
            )
        },
        "lines": [
            (line.measure.title, line.outcome, line.granted_sek, line.rejected_sek, line.reason)
            for line in decision.lines.select_related("measure")
        ],
        "conditions": sorted(
            (c.line.measure.title if c.line else "", c.text, c.due_on)
            for c in decision.conditions.select_related("line__measure")
        ),
        "payouts": [(p.year, p.amount_sek) for p in decision.payouts.all()],
        "deadlines": sorted((d.kind, d.due_on, d.title) for d in decision.deadlines.all()),
    }


def _through_page(document: Any, officer: Any) -> None:
    client = Client()
    client.force_login(officer)
    response = client.post(f"/dokument/{document.pk}/", form_post(document.proposal.data))
    assert response.status_code == 302, response.content.decode()[:2000]


def _through_api(document: Any, officer: Any) -> None:
    _token, raw = token_create(by=officer, name="test")
    response = Client().post(
        f"/api/v1/documents/{document.pk}/confirm",
        {},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 200, response.content.decode()


def _confirmed(how: Any, document: Any, officer: Any) -> dict[str, Any]:
    snapshot: dict[str, Any] = {}
    try:
        with transaction.atomic():
            how(document, officer)
            snapshot = records(Application.objects.get())
            raise _Undo
    except _Undo:
        pass
    return snapshot


def test_the_page_and_the_api_give_the_same_records(
    people, django_capture_on_commit_callbacks
) -> None:
    officer = people["officer"]
    document = receive(officer, SEED, django_capture_on_commit_callbacks)
    page = _confirmed(_through_page, document, officer)
    api = _confirmed(_through_api, document, officer)
    assert page == api
    decision = page["decision"]
    assert decision["rapporteur"] == "Maria Jäger"
    assert decision["case_officer"] == "Ida Nyström"
    assert decision["chair"] == "Clas Rehnberg"
    assert decision["meeting"] == "Effektivitetsdelegationen, 2025-11-11"
    assert decision["appealable"] is False
    reasons = {title: reason for title, _o, _g, _r, reason in page["lines"]}
    assert reasons["Implementering av AI-baserad taligenkänning"].startswith("Hälften av ansökt")
    assert reasons["Läkemedelsrobot"].startswith("Effektivitetsdelegationen bedömer inte")
    assert sorted(due for _m, _t, due in page["conditions"] if due) == [dt.date(2027, 12, 31)]
    categories = {title: slug for _p, title, _a, slug in page["measures"]}
    assert categories["Implementering av AI-baserad taligenkänning"] is not None
