"""Records link to the document they came from, opening it at the value; the document lists them."""

from __future__ import annotations

import re

from sprida.grants.models import Decision
from sprida.intake.confirm import proposal_confirm

from .test_confirm import receive

SEED = "002_955509009a8a4522.txt"


def _confirmed(people, capture):
    document = receive(people["officer"], SEED, capture)
    proposal_confirm(by=people["officer"], document=document, data=document.proposal.data)
    return document, Decision.objects.get()


def test_decision_and_measures_link_to_the_document_at_their_value(
    client, people, django_capture_on_commit_callbacks
) -> None:
    document, decision = _confirmed(people, django_capture_on_commit_callbacks)
    client.force_login(people["editor"])  # the region's editor reads the confirmed document
    page = client.get(f"/bidrag/beslut/{decision.pk}/").content.decode()
    assert f'href="/dokument/{document.pk}/?visa=decision.granted_sek#vald"' in page
    assert "att delvis bevilja" in page  # a resolution: no record field holds it
    application = client.get(f"/bidrag/ansokan/{decision.application_id}/").content.decode()
    link = f"/dokument/{document.pk}/?visa=measures%5B2%5D.title#vald"
    assert f'href="{link}"' in application

    opened = client.get(link.split("#")[0]).content.decode()
    marked = re.search(r'<mark id="vald" class="focus"[^>]*>([^<]*)<', opened)
    assert marked is not None and "taligenkänning" in marked.group(1)


def test_the_document_lists_the_records_it_became(
    client, people, django_capture_on_commit_callbacks
) -> None:
    document, decision = _confirmed(people, django_capture_on_commit_callbacks)
    client.force_login(people["officer"])
    page = client.get(f"/dokument/{document.pk}/").content.decode()
    records = page.split("Blev posterna", 1)[1].split("</section>", 1)[0]
    assert f'href="/bidrag/beslut/{decision.pk}/"' in records
    assert f'href="/bidrag/ansokan/{decision.application_id}/"' in records
    assert records.count("#m") == 8


def test_another_region_sees_the_decision_but_no_link_to_the_document(
    client, people, django_capture_on_commit_callbacks
) -> None:
    document, decision = _confirmed(people, django_capture_on_commit_callbacks)
    client.force_login(people["stranger"])
    response = client.get(f"/bidrag/beslut/{decision.pk}/")
    assert response.status_code == 200
    assert f"/dokument/{document.pk}/" not in response.content.decode()
    assert client.get(f"/dokument/{document.pk}/").status_code == 404
