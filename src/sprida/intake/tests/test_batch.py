"""A batch gives every file its own result; one bad file never stops the others (finding 4)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sprida.api.services import token_create
from sprida.intake.models import Document
from sprida.intake.readers import registry

from . import bad_inputs

FIRST = "Tjänsteskrivelse ett\n\nRegion Örebro län ansöker om 1 000 000 kronor.\n".encode()
LAST = "Tjänsteskrivelse tre\n\nRegion Örebro län ansöker om 3 000 000 kronor.\n".encode()


def _files() -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile("ett.txt", FIRST),
        SimpleUploadedFile("trasig.docx", bad_inputs.docx_broken_xml()),
        SimpleUploadedFile("tre.txt", LAST),
    ]


def _api(user: Any) -> tuple[Client, dict[str, str]]:
    _token, raw = token_create(by=user, name="test")
    return Client(), {"Authorization": f"Bearer {raw}"}


def _stored_names(settings: Any) -> list[str]:
    from pathlib import Path

    return sorted(p.name for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())


def test_page_batch_with_a_broken_file_in_the_middle(
    client: Client, people: dict[str, Any], settings: Any
) -> None:
    client.force_login(people["editor"])
    response = client.post("/dokument/", {"documents": _files()})
    assert response.status_code == 200
    html = response.content.decode()
    results = html.split("<h3>", 1)[1].split("</ul>", 1)[0]
    assert results.count("<li>") == 3
    assert results.count("mottagen.") == 2 and results.count("Inte mottagen") == 1
    assert "felaktig XML" in results
    assert sorted(Document.objects.values_list("original_name", flat=True)) == [
        "ett.txt",
        "tre.txt",
    ]
    assert _stored_names(settings) == ["ett.txt", "tre.txt"]


def test_api_batch_with_a_broken_file_in_the_middle(people: dict[str, Any], settings: Any) -> None:
    client, headers = _api(people["editor"])
    response = client.post("/api/v1/documents/batch", {"files": _files()}, headers=headers)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["received"], body["refused"]) == (2, 1)
    assert [r["name"] for r in body["results"]] == ["ett.txt", "trasig.docx", "tre.txt"]
    assert [r["status"] for r in body["results"]] == [201, 422, 201]
    problem = body["results"][1]["problem"]
    assert problem["code"] == "broken_xml" and problem["status"] == 422
    assert problem["type"].startswith("https://") and "XML" in problem["detail"]
    assert body["results"][0]["document"]["original_name"] == "ett.txt"
    assert Document.objects.count() == 2
    assert _stored_names(settings) == ["ett.txt", "tre.txt"]


def test_api_batch_answers_each_file_the_same_way_as_alone(people: dict[str, Any]) -> None:
    client, headers = _api(people["editor"])
    files = [
        SimpleUploadedFile("ett.txt", FIRST),
        SimpleUploadedFile("ett-igen.txt", FIRST),
        SimpleUploadedFile("program.exe", bad_inputs.executable()),
    ]
    body = client.post("/api/v1/documents/batch", {"files": files}, headers=headers).json()
    assert [r["status"] for r in body["results"]] == [201, 200, 415]
    assert body["results"][1]["document"]["id"] == body["results"][0]["document"]["id"]


def test_a_reader_that_crashes_fails_only_its_own_file(
    client: Client, people: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(data: bytes) -> list[str]:
        if b"tre" in data:
            raise RuntimeError("a parser bug")
        return [data.decode()]

    monkeypatch.setitem(registry._READERS, "text/plain", crash)
    client.force_login(people["editor"])
    response = client.post(
        "/dokument/",
        {"documents": [SimpleUploadedFile("tre.txt", LAST), SimpleUploadedFile("ett.txt", FIRST)]},
    )
    assert response.status_code == 200
    assert "Filen kunde inte läsas" in response.content.decode()
    assert list(Document.objects.values_list("original_name", flat=True)) == ["ett.txt"]


def test_viewer_may_not_upload_a_batch(people: dict[str, Any]) -> None:
    client, headers = _api(people["viewer"])
    response = client.post("/api/v1/documents/batch", {"files": _files()}, headers=headers)
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_too_many_files_is_a_clear_refusal(
    client: Client, people: dict[str, Any], settings: Any
) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    api, headers = _api(people["editor"])
    response = api.post("/api/v1/documents/batch", {"files": _files()}, headers=headers)
    assert response.status_code == 400
    assert response.json()["code"] == "too_many_files" and "at most 2" in response.json()["detail"]
    client.force_login(people["editor"])
    assert client.post("/dokument/", {"documents": _files()}).status_code == 400
    assert not Document.objects.exists()


def test_a_refused_person_is_not_a_failed_file(
    people: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission is about the request, so it is not turned into one file's result."""
    from django.core.exceptions import PermissionDenied

    from sprida.intake import services

    def refuse(**kwargs: Any) -> Any:
        raise PermissionDenied("Du får inte ladda upp dokument.")

    monkeypatch.setattr(services, "document_receive", refuse)
    with pytest.raises(PermissionDenied):
        services.documents_receive(by=people["viewer"], uploads=_files())
