"""A Word file is checked as a zip and as XML before python-docx sees it (finding 3)."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sprida.intake.models import Document
from sprida.intake.readers import ReadError, ooxml, read_bytes

from . import bad_inputs

MB = 1024 * 1024


def code_of(data: bytes, name: str = "a.docx") -> str:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, filename=name, max_bytes=20 * MB)
    assert caught.value.message_sv and caught.value.message_en
    return caught.value.code


def _rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


class PeakMemory:
    """The highest resident size of this process while the block runs, sampled every ms."""

    def __enter__(self) -> PeakMemory:
        self.start = self.peak = _rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.001):
            self.peak = max(self.peak, _rss())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())

    @property
    def growth(self) -> int:
        return self.peak - self.start


def test_the_bomb_unpacks_to_a_gigabyte() -> None:
    bomb = bad_inputs.docx_bomb()
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        info = archive.getinfo("word/document.xml")
        assert info.file_size >= 1 << 30  # what python-docx would have unpacked and parsed
        with archive.open(info) as stream:
            assert stream.read(64).startswith(b"<?xml")
    assert len(bomb) < 2 * MB


def test_a_docx_bomb_is_refused_fast_and_without_memory_through_the_page(
    client, people, settings
) -> None:
    bomb = bad_inputs.docx_bomb()
    client.force_login(people["editor"])
    client.get("/dokument/")  # warm up templates and queries, so only the upload is measured
    with PeakMemory() as memory:
        started = time.perf_counter()
        response = client.post("/dokument/", {"documents": [SimpleUploadedFile("b.docx", bomb)]})
        elapsed = time.perf_counter() - started
    assert response.status_code == 400
    assert "packas upp" in response.content.decode()
    assert elapsed < 1.0, elapsed
    assert memory.growth < 100 * MB, memory.growth / MB
    assert not Document.objects.exists()


def test_compression_ratio_is_bounded() -> None:
    dense = bad_inputs.docx_with_document_xml(b"<w:document>" + b" " * (5 * MB) + b"</w:document>")
    assert code_of(dense) == "compression_ratio"


def test_too_many_parts_are_refused_before_zipfile_lists_them() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        for number in range(ooxml.MAX_PARTS + 1):
            archive.writestr(f"x/{number}", b"")
    assert code_of(buffer.getvalue()) == "too_many_parts"


def test_one_xml_part_is_bounded() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", b"<w:document>" + b"x" * (11 * MB) + b"</w:document>")
    assert code_of(buffer.getvalue()) == "unpacked_too_large"


def test_entity_expansion_is_refused_before_parsing() -> None:
    assert code_of(bad_inputs.docx_entity_expansion()) == "xml_declarations"


def test_an_external_entity_never_reads_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("hemligt-lösenord-4711")
    data = bad_inputs.docx_external_entity(secret.as_uri())
    assert code_of(data) == "xml_declarations"


def test_a_dtd_in_any_part_is_refused() -> None:
    parts = bad_inputs._parts(bad_inputs.plain_docx())
    styles = parts["word/styles.xml"]
    head, rest = styles.split(b"?>", 1)
    parts["word/styles.xml"] = head + b'?><!DOCTYPE x [<!ENTITY a "b">]>' + rest
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    assert code_of(buffer.getvalue()) == "xml_declarations"


def test_broken_xml_is_a_clear_refusal() -> None:
    assert code_of(bad_inputs.docx_broken_xml()) == "broken_xml"


def test_an_ordinary_word_file_still_reads() -> None:
    result = read_bytes(bad_inputs.plain_docx(), filename="memo.docx", max_bytes=20 * MB)
    assert "Region Örebro län" in result.text
