"""Values the records take from the document (through the proposal), none fixed in code."""

from __future__ import annotations

import copy
import datetime as dt

from sprida.grants.models import Condition, Decision
from sprida.intake.confirm import proposal_confirm

from .test_confirm import receive

SEED = "002_955509009a8a4522.txt"
JOINT = "000_d3bdcb42e7463171.txt"


def test_appealability_comes_from_the_proposal(people, django_capture_on_commit_callbacks) -> None:
    officer = people["officer"]
    document = receive(officer, SEED, django_capture_on_commit_callbacks)
    data = copy.deepcopy(document.proposal.data)
    data["decision"]["appealable"] = True
    proposal_confirm(by=officer, document=document, data=data)
    assert Decision.objects.get().appealable is True


def test_condition_due_dates_come_from_the_proposal_not_the_wording(
    people, django_capture_on_commit_callbacks
) -> None:
    officer = people["officer"]
    document = receive(officer, SEED, django_capture_on_commit_callbacks)
    data = copy.deepcopy(document.proposal.data)
    measure = next(m for m in data["measures"] if m.get("conditions"))
    measure["condition_due_dates"] = ["2026-06-30", None]  # the text still says "år 2027"
    proposal_confirm(by=officer, document=document, data=data)
    dues = dict(Condition.objects.values_list("text", "due_on"))
    assert dues[measure["conditions"][0]] == dt.date(2026, 6, 30)
    assert dues[measure["conditions"][1]] is None


def test_people_in_their_roles_and_the_meeting_come_from_the_proposal(
    people, django_capture_on_commit_callbacks
) -> None:
    officer = people["officer"]
    document = receive(officer, SEED, django_capture_on_commit_callbacks)
    data = copy.deepcopy(document.proposal.data)
    data["people"] = [
        {"name": "Vera Vice", "title": "Vice ordförande"},
        {"name": "Hanna Handläggare", "title": "Handläggare"},
        {"name": "Fia Föredragande", "title": None, "role": "rapporteur"},
    ]
    proposal_confirm(by=officer, document=document, data=data)
    decision = Decision.objects.get()
    assert (decision.chair, decision.rapporteur, decision.case_officer) == (
        "",
        "Fia Föredragande",
        "Hanna Handläggare",
    )


def test_joint_participants_are_those_the_document_names(
    people, django_capture_on_commit_callbacks
) -> None:
    coordinator = people["coordinator"]
    document = receive(coordinator, JOINT, django_capture_on_commit_callbacks)
    data = copy.deepcopy(document.proposal.data)
    data["application"]["participating_regions"] = None  # no count: only the named regions
    data["regions"] = [
        {"name": "Region Örebro län", "org_number": "232100-0164", "role": "author"},
        {"name": "Region Uppsala", "org_number": "232100-0024", "role": "participant"},
        {"name": "Region Skåne", "org_number": "232100-0255", "role": "mentioned"},
    ]
    application = proposal_confirm(by=coordinator, document=document, data=data)
    assert sorted(application.participants.values_list("slug", flat=True)) == [
        "orebro",
        "uppsala",
    ]


def test_confirming_again_updates_the_participants(
    people, django_capture_on_commit_callbacks
) -> None:
    coordinator = people["coordinator"]
    document = receive(coordinator, JOINT, django_capture_on_commit_callbacks)
    application = proposal_confirm(by=coordinator, document=document, data=document.proposal.data)
    assert application.participants.count() == 21
    data = copy.deepcopy(document.proposal.data)
    data["application"]["participants"] = ["232100-0164", "232100-0024"]
    again = proposal_confirm(by=coordinator, document=document, data=data)
    assert again.pk == application.pk
    assert sorted(again.participants.values_list("slug", flat=True)) == ["orebro", "uppsala"]
