"""Upload → read → classify → extract → check → proposal, through the web UI."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sprida.intake.models import Document, DocumentStatus
from sprida.intake.services import document_receive

FIXTURES = Path(__file__).parent / "fixtures"
DECISION = (FIXTURES / "002_955509009a8a4522.txt").read_bytes()
MEMO = (FIXTURES / "003_cd92ca2177ad67a2.txt").read_bytes()


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """POST files to the upload page and run the queued pipeline, as a commit would."""

    def post(client, *files: tuple[str, bytes]):
        payload = [SimpleUploadedFile(name, data) for name, data in files]
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/dokument/", {"documents": payload})

    return post


def test_upload_runs_every_step_and_proposes(client, people, upload) -> None:
    client.force_login(people["officer"])
    response = upload(client, ("beslut.txt", DECISION), ("ansokan.txt", MEMO))
    assert response.status_code == 200
    assert Document.objects.count() == 2
    decision = Document.objects.get(original_name="beslut.txt")
    assert decision.status == DocumentStatus.PROPOSED
    assert decision.progress == 100
    assert [s["name"] for s in decision.steps] == [
        "store",
        "read",
        "classify",
        "extract",
        "check",
        "propose",
    ]
    assert decision.document_type == "decision"
    assert decision.region is not None and decision.region.slug == "orebro"
    assert decision.owner is not None and decision.owner.slug == "effektivitetsdelegationen"
    data = decision.proposal.data
    assert data["decision"]["granted_sek"] == 34_870_000
    assert len(data["measures"]) == 8
    # Every span points at the text it came from.
    for span in decision.proposal.spans:
        assert 0 <= span["start"] < span["end"] <= len(decision.text)


def test_document_page_shows_text_with_highlights(client, people, upload) -> None:
    client.force_login(people["officer"])
    upload(client, ("beslut.txt", DECISION))
    doc = Document.objects.get()
    html = client.get(f"/dokument/{doc.pk}/").content.decode()
    assert '<mark id="span-' in html
    assert "34\u00a0870\u00a0000" in html  # the granted amount, ready to review
    progress = client.get(f"/dokument/{doc.pk}/forlopp/", HTTP_HX_REQUEST="true")
    assert progress["HX-Refresh"] == "true"


def test_same_file_twice_is_recognised(client, people, upload) -> None:
    client.force_login(people["officer"])
    upload(client, ("beslut.txt", DECISION))
    response = upload(client, ("beslut-kopia.txt", DECISION))
    assert Document.objects.count() == 1
    assert "finns redan" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tom.txt", b"", "Filen är tom"),
        ("beslut.pdf", b"Det h\xc3\xa4r \xc3\xa4r ingen PDF utan text.", "PDF"),
        ("trasig.pdf", b"%PDF-1.7\n%%%% inte en riktig pdf", "PDF"),
        ("bild.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "stöds inte"),
        ("trasig.docx", b"PK\x03\x04 inte en zip", "Word"),
    ],
)
def test_bad_files_get_a_clear_message_and_nothing_is_stored(
    client, people, upload, name, data, message
) -> None:
    client.force_login(people["editor"])
    response = upload(client, (name, data))
    html = response.content.decode()
    assert "Inte mottagen" in html
    assert message in html
    assert Document.objects.count() == 0


def test_oversize_file_is_refused(client, people, settings, upload) -> None:
    settings.SPRIDA_MAX_UPLOAD_BYTES = 1000
    client.force_login(people["editor"])
    html = upload(client, ("stor.txt", MEMO)).content.decode()
    assert "för stor" in html
    assert Document.objects.count() == 0


def test_unconfirmed_document_is_private_to_the_uploader(client, people, upload) -> None:
    received = document_receive(by=people["editor"], name="ansokan.txt", data=MEMO)
    doc = received.document
    assert doc.owner is not None and doc.owner.slug == "orebro"
    client.force_login(people["stranger"])
    assert client.get(f"/dokument/{doc.pk}/").status_code == 404
    assert client.get(f"/dokument/{doc.pk}/original/").status_code == 404
    client.force_login(people["officer"])
    assert client.get(f"/dokument/{doc.pk}/").status_code == 404  # not yet confirmed
    client.force_login(people["viewer"])
    assert client.get(f"/dokument/{doc.pk}/").status_code == 200
    assert client.post(f"/dokument/{doc.pk}/tolka-igen/").status_code == 403


def test_viewer_may_not_upload(client, people, upload) -> None:
    client.force_login(people["viewer"])
    upload(client, ("ansokan.txt", MEMO))
    assert Document.objects.count() == 0


def test_original_is_kept_byte_for_byte(client, people, upload) -> None:
    doc = document_receive(by=people["editor"], name="ansokan.txt", data=MEMO).document
    client.force_login(people["editor"])
    response = client.get(f"/dokument/{doc.pk}/original/")
    assert b"".join(response.streaming_content) == MEMO
