"""The bad-input corpus through every door: the upload page, the API and `sprida import`.

Each refused file gets its own clear answer (a Swedish message on the page and in the
command, a problem+json code in the API, a 4xx status) and leaves no row and no file behind.
The odd but acceptable ones (a path in the name, a long name, control characters, bytes
another organisation already holds) are received, each as its own document.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from sprida.api.services import token_create
from sprida.intake.models import Document, Proposal

from . import bad_inputs

CHANNELS = ("page", "api", "import")
BOUNDARY = "corpus-boundary"


@pytest.fixture(autouse=True)
def _limit(settings: Any) -> None:
    settings.SPRIDA_MAX_UPLOAD_BYTES = bad_inputs.LIMIT


def multipart(field: str, name: str, data: bytes) -> bytes:
    """The body a client sends, with the file name exactly as given (the test client would
    strip a path from it first)."""
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    head = (
        f"--{BOUNDARY}\r\n"
        f'Content-Disposition: form-data; name="{field}"; filename="{quoted}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    )
    return head.encode() + data + f"\r\n--{BOUNDARY}--\r\n".encode()


class Answer:
    def __init__(self, status: int, text: str, code: str = "", document_id: int | None = None):
        self.status, self.text, self.code, self.document_id = status, text, code, document_id


def send(channel: str, user: Any, name: str, data: bytes, tmp_path: Path) -> Answer:
    if channel == "import":
        folder = tmp_path / user.username
        folder.mkdir(exist_ok=True)
        path = folder / name
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command("import", str(path), "--as", user.username, stdout=out, stderr=err)
        except CommandError:
            return Answer(1, out.getvalue() + err.getvalue())
        return Answer(0, out.getvalue() + err.getvalue())
    client = Client()
    headers: dict[str, str] = {}
    if channel == "page":
        client.force_login(user)
        path, field = "/dokument/", "documents"
    else:
        _token, raw = token_create(by=user, name="corpus")
        path, field, headers = "/api/v1/documents", "file", {"Authorization": f"Bearer {raw}"}
    response = client.generic(
        "POST",
        path,
        multipart(field, name, data),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
        headers=headers,
    )
    if channel == "page":
        return Answer(response.status_code, response.content.decode())
    body = response.json()
    return Answer(
        response.status_code, response.content.decode(), body.get("code", ""), body.get("id")
    )


def stored_files(settings: Any) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("case", bad_inputs.CASES, ids=[case.id for case in bad_inputs.CASES])
def test_bad_input_is_refused_clearly_and_leaves_nothing(
    case: bad_inputs.Case, channel: str, people: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    answer = send(channel, people["editor"], case.filename, case.data, tmp_path)
    if channel == "page":
        assert answer.status == case.page_status
        assert "Inte mottagen" in answer.text and case.says in answer.text
    elif channel == "api":
        assert answer.status == case.api_status, answer.text
        assert answer.code == case.code
        assert '"type": "https://sprida.se/problems/' in answer.text
    else:
        assert answer.status == 1
        assert "inte mottagen" in answer.text and case.says in answer.text
        assert f"({case.code})" in answer.text
    assert not Document.objects.exists() and not Document.history.exists()
    assert not Proposal.objects.exists()
    assert stored_files(settings) == []


TRAVERSAL = "../../../etc/cron.d/beslut.txt"
LONG_NAME = "é" * 200 + ".txt"
IMPORT_LONG_NAME = "é" * 125 + ".txt"  # the file system's own limit is 255 bytes
CONTROL_NAME = "beslut\x1b[2J\x07\u202egnp.txt"


def _received(answer: Answer, channel: str) -> None:
    if channel == "page":
        assert answer.status == 200 and "mottagen." in answer.text, answer.text[-2000:]
    elif channel == "api":
        assert answer.status == 201, answer.text
    else:
        assert answer.status == 0, answer.text


def _only_under_documents(settings: Any) -> list[Path]:
    files = stored_files(settings)
    root = (Path(settings.MEDIA_ROOT) / "documents").resolve()
    assert all(p.resolve().is_relative_to(root) for p in files), files
    return files


@pytest.mark.parametrize("channel", ["page", "api"])
def test_a_path_in_the_name_stays_in_the_document_folder(
    channel: str, people: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    answer = send(channel, people["editor"], TRAVERSAL, bad_inputs.TEXT.encode(), tmp_path)
    _received(answer, channel)
    assert Document.objects.get().original_name == "beslut.txt"
    assert len(_only_under_documents(settings)) == 1


def test_a_link_out_of_an_imported_folder_is_not_followed(
    people: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    outside = tmp_path / "etc"
    outside.mkdir()
    (outside / "beslut.txt").write_text(bad_inputs.TEXT)
    folder = tmp_path / "inkorg"
    folder.mkdir()
    (folder / "beslut.txt").symlink_to(outside / "beslut.txt")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import", str(folder), stdout=io.StringIO(), stderr=err)
    assert "symbolisk länk" in err.getvalue()
    assert not Document.objects.exists() and stored_files(settings) == []


@pytest.mark.parametrize("channel", CHANNELS)
def test_an_over_long_name_is_received(
    channel: str, people: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    name = IMPORT_LONG_NAME if channel == "import" else LONG_NAME
    _received(send(channel, people["editor"], name, bad_inputs.TEXT.encode(), tmp_path), channel)
    assert Document.objects.get().original_name == name
    (stored,) = _only_under_documents(settings)
    assert len(stored.name.encode()) <= 128


@pytest.mark.parametrize("channel", CHANNELS)
def test_control_characters_leave_the_name(
    channel: str, people: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    answer = send(channel, people["editor"], CONTROL_NAME, bad_inputs.TEXT.encode(), tmp_path)
    _received(answer, channel)
    assert "\x1b" not in answer.text and "\u202e" not in answer.text
    assert Document.objects.get().original_name == "beslut[2Jgnp.txt"
    assert len(_only_under_documents(settings)) == 1


@pytest.mark.parametrize("channel", CHANNELS)
def test_the_same_bytes_from_two_organisations_are_two_documents(
    channel: str, people: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    data = bad_inputs.plain_docx()
    first = send(channel, people["editor"], "beslut.docx", data, tmp_path)
    second = send(channel, people["stranger"], "beslut.docx", data, tmp_path)
    _received(first, channel)
    _received(second, channel)
    assert "finns redan –" not in second.text and "fanns redan –" not in second.text
    if channel == "api":
        assert second.document_id != first.document_id
        assert "orebro" not in second.text
    owners = sorted(Document.objects.values_list("owner__slug", flat=True))
    assert owners == ["jamtland-harjedalen", "orebro"]
    assert len(_only_under_documents(settings)) == 2
