"""The same bytes are one document per organisation, and say nothing of other organisations
(finding 1): not on the page, not in the API, not even that a copy exists."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client

from sprida.api.services import token_create
from sprida.intake.models import Document
from sprida.intake.services import document_receive

PRIVATE = (
    "Hemlig tjänsteskrivelse från Region Örebro län\n\n"
    "Regionen avser att ansöka om statsbidrag för Projekt Nattugglan, 3 000 000 kronor.\n"
).encode()


def _page_upload(client: Client, data: bytes, name: str = "fil.txt") -> Any:
    return client.post("/dokument/", {"documents": [SimpleUploadedFile(name, data)]})


def _api_upload(user: Any, data: bytes, name: str = "fil.txt") -> Any:
    _token, raw = token_create(by=user, name="test")
    return Client().post(
        "/api/v1/documents",
        {"file": SimpleUploadedFile(name, data)},
        headers={"Authorization": f"Bearer {raw}"},
    )


@pytest.fixture
def held_by_orebro(people: dict[str, Any]) -> Document:
    document = document_receive(by=people["editor"], name="nattugglan.txt", data=PRIVATE).document
    Document.objects.filter(pk=document.pk).update(title="Projekt Nattugglan")
    document.refresh_from_db()
    return document


def _says_nothing_of(text: str, document: Document) -> None:
    for secret in ("Nattugglan", "nattugglan.txt", "Örebro", f"/dokument/{document.pk}/"):
        assert secret not in text, secret
    assert "finns redan" not in text


def test_page_upload_of_another_regions_bytes_is_a_new_document(
    client: Client, people: dict[str, Any], held_by_orebro: Document
) -> None:
    client.force_login(people["stranger"])
    response = _page_upload(client, PRIVATE, "var-kopia.txt")
    assert response.status_code == 200
    results = response.content.decode().split("<h3>", 1)[1].split("</ul>", 1)[0]
    assert "mottagen." in results
    _says_nothing_of(results, held_by_orebro)
    page = response.content.decode()
    assert "Projekt Nattugglan" not in page and f"/dokument/{held_by_orebro.pk}/" not in page
    theirs = Document.objects.get(original_name="var-kopia.txt")
    assert theirs.pk != held_by_orebro.pk
    assert theirs.owner is not None and theirs.owner.slug == "jamtland-harjedalen"
    assert theirs.sha256 == held_by_orebro.sha256


def test_api_upload_of_another_regions_bytes_is_a_new_document(
    people: dict[str, Any], held_by_orebro: Document
) -> None:
    response = _api_upload(people["stranger"], PRIVATE, "var-kopia.txt")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["id"] != held_by_orebro.pk
    assert body["original_name"] == "var-kopia.txt"
    assert body["owner"]["slug"] == "jamtland-harjedalen"
    _says_nothing_of(response.content.decode(), held_by_orebro)


def test_own_organisation_still_gets_its_document_back(
    client: Client, people: dict[str, Any], held_by_orebro: Document, make_user: Any
) -> None:
    colleague = make_user("orebro", "editor")
    response = _api_upload(colleague, PRIVATE, "igen.txt")
    assert response.status_code == 200
    assert response.json()["id"] == held_by_orebro.pk
    client.force_login(colleague)
    html = _page_upload(client, PRIVATE, "igen.txt").content.decode()
    assert "finns redan" in html and f"/dokument/{held_by_orebro.pk}/" in html
    assert Document.objects.count() == 1


def test_each_organisation_holds_the_bytes_once(
    people: dict[str, Any], held_by_orebro: Document, orgs: dict[str, Any]
) -> None:
    def copy(owner: Any) -> Document:
        return Document.objects.create(
            sha256=held_by_orebro.sha256,
            original="documents/x/y.txt",
            original_name="y.txt",
            media_type="text/plain",
            size_bytes=1,
            owner=owner,
        )

    copy(orgs["jamtland-harjedalen"])  # another organisation may keep its own copy
    with pytest.raises(IntegrityError), transaction.atomic():
        copy(orgs["orebro"])  # but one organisation keeps one
    copy(None)
    with pytest.raises(IntegrityError), transaction.atomic():
        copy(None)  # and an import without an owner once


def test_a_national_body_keeps_its_own_copy_of_a_regions_letter(
    people: dict[str, Any], held_by_orebro: Document
) -> None:
    received = document_receive(by=people["officer"], name="beslut.txt", data=PRIVATE)
    assert not received.duplicate
    assert received.document.owner is not None
    assert received.document.owner.slug == "effektivitetsdelegationen"


def test_two_uploads_of_the_same_bytes_at_once(
    people: dict[str, Any], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both pass the duplicate check before either is saved; the constraint decides, the
    second answers with the first's document and leaves no stored file behind."""
    from pathlib import Path

    from sprida.intake import services

    first = document_receive(by=people["editor"], name="ett.txt", data=PRIVATE).document
    real = services._held_already
    calls = {"n": 0}

    def not_yet(sha256: str, owner: Any) -> Document | None:
        calls["n"] += 1
        return None if calls["n"] == 1 else real(sha256, owner)

    monkeypatch.setattr(services, "_held_already", not_yet)
    second = document_receive(by=people["editor"], name="tva.txt", data=PRIVATE)
    assert second.duplicate and second.document.pk == first.pk
    files = [p.name for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert files == ["ett.txt"]
