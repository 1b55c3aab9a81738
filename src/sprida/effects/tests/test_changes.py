"""Change notifications go from the region to the delegation and back, with their e-mails."""

from __future__ import annotations

import io

import docx
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sprida.core.access import can_change, can_view
from sprida.effects import notifications
from sprida.effects.content import report_content
from sprida.effects.exports import docx_bytes
from sprida.effects.models import ChangeAnswer, ChangeNotification

TEXTS = {
    "what": "Sensorerna införs på två avdelningar i stället för tre.",
    "why": "Den tredje avdelningen byggs om under 2026.",
    "cost_effect": "300 000 kr flyttas till utbildning.",
    "schedule_effect": "Ingen.",
    "effects_effect": "Färre vårddygn följs upp 2026.",
}


def _file(people, grant, **extra) -> ChangeNotification:
    return notifications.change_notification_file(
        by=people["editor"], decision=grant.decision, measure=grant.fall, **{**TEXTS, **extra}
    )


def test_change_goes_to_the_delegation_and_the_answer_back(
    client, people, grant, django_capture_on_commit_callbacks
) -> None:
    # Alice files in the browser; Dana at the delegation answers.
    client.force_login(people["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("effects:change_new", args=[grant.decision.pk]),
            {"measure": grant.fall.pk, **TEXTS},
        )
    assert response.status_code == 302
    notification = ChangeNotification.objects.get()
    assert notification.filed_by == people["editor"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dana@example.se"]  # the delegation's officer, nobody else
    assert "Ändringsanmälan från" in mail.outbox[0].subject
    assert reverse("effects:change", args=[notification.pk]) in mail.outbox[0].body

    client.force_login(people["officer"])
    assert TEXTS["what"] in client.get(reverse("effects:changes")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("effects:change_answer", args=[notification.pk]),
            {"outcome": "approved", "message": "Godkänt. Redovisa i delredovisningen."},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["alice@example.se"]
    assert "Godkänd" in mail.outbox[1].subject

    # Both sides see the notification and the answer with their history.
    for who in ("editor", "officer"):
        client.force_login(people[who])
        page = client.get(reverse("effects:change", args=[notification.pk])).content.decode()
        assert "Godkänt. Redovisa i delredovisningen." in page
        assert page.count("Historik") >= 2


def test_changes_appear_in_the_next_report(people, grant) -> None:
    notification = _file(people, grant)
    notifications.change_notification_answer(
        by=people["officer"], notification=notification, outcome="noted", message="Noterat."
    )
    content = report_content(grant.decision, "progress")
    assert [c.what for c in content.changes] == [TEXTS["what"]]
    assert content.changes[0].outcome_label == "Noterad"
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(docx_bytes(content))).paragraphs)
    assert TEXTS["what"] in text and "Noterad" in text


@pytest.mark.parametrize("who", ["viewer", "stranger", "officer", "coordinator"])
def test_only_the_regions_editors_file(people, grant, who) -> None:
    with pytest.raises(PermissionDenied):
        notifications.change_notification_file(
            by=people[who], decision=grant.decision, measure=None, **TEXTS
        )


@pytest.mark.parametrize("who", ["editor", "viewer", "stranger", "coordinator"])
def test_only_the_delegation_answers(people, grant, who) -> None:
    notification = _file(people, grant)
    with pytest.raises(PermissionDenied):
        notifications.change_notification_answer(
            by=people[who], notification=notification, outcome="noted", message="x"
        )
    assert not ChangeAnswer.objects.exists()


def test_another_regions_member_sees_nothing(client, people, grant) -> None:
    notification = _file(people, grant)
    assert not can_view(people["stranger"], notification)
    client.force_login(people["stranger"])
    assert client.get(reverse("effects:change", args=[notification.pk])).status_code == 404
    assert TEXTS["what"] not in client.get(reverse("effects:changes")).content.decode()
    response = client.post(reverse("effects:change_new", args=[grant.decision.pk]), {**TEXTS})
    assert response.status_code in (403, 404)
    assert ChangeNotification.objects.count() == 1


def test_a_sent_notification_is_never_changed(people, grant) -> None:
    notification = _file(people, grant)
    for who in ("editor", "officer", "admin"):
        assert not can_change(people[who], notification)
    answer = notifications.change_notification_answer(
        by=people["officer"], notification=notification, outcome="noted", message="x"
    )
    assert can_change(people["officer"], answer)
    assert not can_change(people["editor"], answer)


def test_a_measure_of_another_decision_is_refused(client, people, grant) -> None:
    client.force_login(people["editor"])
    response = client.post(
        reverse("effects:change_new", args=[grant.decision.pk]),
        {"measure": grant.rejected.pk, **TEXTS},
    )
    assert response.status_code == 400
    assert not ChangeNotification.objects.exists()
