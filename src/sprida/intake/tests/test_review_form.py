"""The review form as a browser sends it: blank rows left in place, errors summarised on top."""

from __future__ import annotations

from typing import Any

from sprida.grants.models import Decision

from .test_confirm import form_post, receive

SEED = "002_955509009a8a4522.txt"


def as_browser_sends(data: dict[str, Any]) -> dict[str, Any]:
    """A select always sends a choice: the blank rows carry their first one."""
    post = form_post(data)
    last_measure = int(post["measures-TOTAL_FORMS"]) - 1
    last_deadline = int(post["deadlines-TOTAL_FORMS"]) - 1
    post[f"measures-{last_measure}-outcome"] = "applied"
    post[f"deadlines-{last_deadline}-kind"] = "implementation"
    post[f"conditions-{int(post['conditions-TOTAL_FORMS']) - 1}-measure"] = "1"
    post[f"people-{int(post['people-TOTAL_FORMS']) - 1}-role"] = "chair"
    return post


def test_blank_rows_with_a_preselected_choice_are_ignored(
    client, people, django_capture_on_commit_callbacks
) -> None:
    document = receive(people["officer"], SEED, django_capture_on_commit_callbacks)
    client.force_login(people["officer"])
    response = client.post(f"/dokument/{document.pk}/", as_browser_sends(document.proposal.data))
    assert response.status_code == 302, response.content.decode()[:3000]
    decision = Decision.objects.get()
    assert decision.lines.count() == 8
    assert decision.deadlines.exclude(kind="condition").count() == 3


def test_an_error_in_a_row_is_summarised_on_top_with_a_link_to_its_field(
    client, people, django_capture_on_commit_callbacks
) -> None:
    document = receive(people["officer"], SEED, django_capture_on_commit_callbacks)
    client.force_login(people["officer"])
    post = as_browser_sends(document.proposal.data)
    post["measures-8-granted_sek"] = "5 000 000"  # something typed in the blank row, no title
    response = client.post(f"/dokument/{document.pk}/", post)
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Fel: " in page
    summary = page.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert "Det finns fel i formuläret" in summary
    assert 'href="#id_measures-8-title"' in summary
    assert "Åtgärd 9: Åtgärd: " in summary
    assert page.index("data-error-summary") < page.index('name="document_type"')
    assert not Decision.objects.exists()


def test_a_page_without_errors_has_no_summary(
    client, people, django_capture_on_commit_callbacks
) -> None:
    document = receive(people["officer"], SEED, django_capture_on_commit_callbacks)
    client.force_login(people["officer"])
    page = client.get(f"/dokument/{document.pk}/").content.decode()
    assert "data-error-summary" not in page and "<title>Fel: " not in page


def test_a_condition_on_a_measure_row_that_is_not_kept_is_an_error(
    client, people, django_capture_on_commit_callbacks
) -> None:
    document = receive(people["officer"], SEED, django_capture_on_commit_callbacks)
    client.force_login(people["officer"])
    post = as_browser_sends(document.proposal.data)
    last = int(post["conditions-TOTAL_FORMS"]) - 1
    post[f"conditions-{last}-measure"] = "9"  # the blank measure row
    post[f"conditions-{last}-text"] = "Rapportera varje kvartal."
    response = client.post(f"/dokument/{document.pk}/", post)
    assert response.status_code == 400
    summary = response.content.decode().split("data-error-summary", 1)[1]
    assert f'href="#id_conditions-{last}-measure"' in summary
    assert not Decision.objects.exists()


def test_a_joint_application_without_participants_is_an_error(
    client, people, django_capture_on_commit_callbacks
) -> None:
    document = receive(people["officer"], SEED, django_capture_on_commit_callbacks)
    client.force_login(people["officer"])
    post = as_browser_sends(document.proposal.data)
    post["joint"] = "on"
    post.pop("participants", None)
    response = client.post(f"/dokument/{document.pk}/", post)
    assert response.status_code == 400
    assert 'href="#id_participants_0"' in response.content.decode()
