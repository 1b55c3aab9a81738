"""Uploads are held to the limit while they stream in, and names are bounded (finding 3)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from sprida.api.services import token_create
from sprida.intake.filenames import MAX_STORAGE_BYTES, clean_file_name, storage_name
from sprida.intake.models import Document
from sprida.intake.services import document_receive

from .test_docx_safety import PeakMemory

MB = 1024 * 1024
MEMO = "Tjänsteskrivelse\n\nRegion Örebro län ansöker om 2 000 000 kronor.\n".encode()
BOUNDARY = "sprida-test-boundary"


class StreamedUpload:
    """A multipart body of one huge file, made as it is read: the test never holds it."""

    def __init__(self, size: int, field: str, name: str = "stor.txt") -> None:
        self.head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; '
            f'filename="{name}"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        self.tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.size, self.position = size, 0
        self.length = len(self.head) + size + len(self.tail)

    def read(self, n: int = -1) -> bytes:
        n = self.length - self.position if n is None or n < 0 else n
        out = bytearray()
        while n > 0 and self.position < self.length:
            if self.position < len(self.head):
                piece = self.head[self.position : self.position + n]
            elif self.position < len(self.head) + self.size:
                left = len(self.head) + self.size - self.position
                piece = b"x" * min(n, left, MB)
            else:
                start = self.position - len(self.head) - self.size
                piece = self.tail[start : start + n]
            out += piece
            self.position += len(piece)
            n -= len(piece)
        return bytes(out)

    def readline(self, *args: Any) -> bytes:  # pragma: no cover - multipart never asks
        raise NotImplementedError


def _post_streamed(client: Client, path: str, body: StreamedUpload, **headers: str) -> Any:
    environ: dict[str, Any] = {
        "wsgi.input": body,
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(body.length),
        **{f"HTTP_{k.upper()}": v for k, v in headers.items()},
    }
    return client.generic("POST", path, **environ)


@pytest.mark.parametrize("channel", ["page", "api"])
def test_a_200_mb_upload_is_cut_at_the_limit_not_held(
    channel: str, client: Client, people: dict[str, Any], settings: Any
) -> None:
    settings.SPRIDA_MAX_UPLOAD_BYTES = 2 * MB
    body = StreamedUpload(200 * MB, "documents" if channel == "page" else "file")
    if channel == "page":
        client.force_login(people["editor"])
        client.get("/dokument/")
        path, headers = "/dokument/", {}
    else:
        _token, raw = token_create(by=people["editor"], name="test")
        path, headers = "/api/v1/documents", {"authorization": f"Bearer {raw}"}
    with PeakMemory() as memory:
        response = _post_streamed(client, path, body, **headers)
    assert response.status_code == 413, response.content[:500]
    assert memory.growth < 40 * MB, memory.growth / MB
    if channel == "page":
        assert "Filen är för stor (200,0 MB)" in response.content.decode()
    else:
        assert response.json()["code"] == "too_large"
    assert not Document.objects.exists()


def test_a_name_of_200_e_acute_is_stored(client: Client, people: dict[str, Any]) -> None:
    name = "é" * 200 + ".txt"
    client.force_login(people["editor"])
    response = client.post("/dokument/", {"documents": [SimpleUploadedFile(name, MEMO)]})
    assert response.status_code == 200
    document = Document.objects.get()
    assert document.original_name == name
    stored = Path(document.original.path)
    assert stored.is_file() and stored.read_bytes() == MEMO
    assert len(stored.name.encode()) <= MAX_STORAGE_BYTES + 8  # the storage's own suffix
    assert stored.name.endswith(".txt")


def test_names_are_cleaned_where_they_come_in(people: dict[str, Any], settings: Any) -> None:
    received = document_receive(
        by=people["editor"], name="../../etc/be\x1b[2Jslut\u202etxt.exe\x07.txt", data=MEMO
    )
    document = received.document
    assert document.original_name == "be[2Jsluttxt.exe.txt"
    stored = Path(document.original.path).resolve()
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve() / "documents")
    long = document_receive(by=people["stranger"], name="x" * 400 + ".pdf.txt", data=MEMO)
    assert len(long.document.original_name) == 255
    assert long.document.original_name.endswith(".txt")


@given(st.text())
def test_storage_names_are_safe_for_any_name(name: str) -> None:
    stored = storage_name(name)
    assert re.fullmatch(r"(?u)[-\w.]+", stored), stored
    assert len(stored.encode()) <= MAX_STORAGE_BYTES
    assert stored not in {".", ".."} and not stored.startswith(".")


@given(st.text())
def test_shown_names_have_no_folders_or_control_characters(name: str) -> None:
    shown = clean_file_name(name)
    assert shown and len(shown) <= 255
    assert "/" not in shown and "\\" not in shown
    assert not any(unicodedata.category(ch) in {"Cc", "Cf", "Cs"} for ch in shown)
    shown.encode()  # storable in any database: no lone surrogates
