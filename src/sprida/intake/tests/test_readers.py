"""Readers by media type, and every ReadError code from a constructed bad file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from sprida.intake.extract_file import extract_path
from sprida.intake.readers import ReadError, read_bytes
from sprida.intake.readers.detect import DOCX, PDF, sniff

from .render import make_blank_pdf, make_docx, make_pdf

TEXT = "Beslut om bidrag\n\nRegion Örebro län – 34\u00a0870\u00a0000 kronor.\n"


def read(data: bytes, name: str, max_bytes: int = 1_000_000):
    return read_bytes(data, filename=name, max_bytes=max_bytes)


def code_of(data: bytes, name: str, max_bytes: int = 1_000_000) -> str:
    with pytest.raises(ReadError) as caught:
        read(data, name, max_bytes)
    error = caught.value
    assert error.message_sv and error.message_en
    return error.code


def test_text_utf8_and_cp1252() -> None:
    assert "Örebro" in read(TEXT.encode("utf-8"), "a.txt").text
    result = read("Region Örebro län".encode("cp1252"), "a.txt")
    assert result.pages == ["Region Örebro län"]
    assert result.media_type == "text/plain"
    assert read(b"# Rubrik\n", "a.md").media_type == "text/markdown"
    assert len(result.sha256) == 64


def test_pdf_pages_in_order() -> None:
    data = make_pdf(TEXT + "\n" * 80 + "Sista sidan")
    result = read(data, "beslut.pdf")
    assert result.media_type == PDF
    assert len(result.pages) >= 2
    assert "Örebro" in result.pages[0] and "Sista sidan" in result.pages[-1]


def test_docx_headings_lists_and_tables(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "memo.docx"
    document = docx.Document()
    document.add_heading("Ansökan om statsbidrag", level=2)
    document.add_paragraph("Första stycket.")
    document.add_paragraph("En åtgärd", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "År 2025"
    table.rows[0].cells[1].text = "5 mkr"
    document.add_paragraph("Efter tabellen.")
    document.save(str(path))
    result = read(path.read_bytes(), "memo.docx")
    assert result.media_type == DOCX
    lines = [line for line in result.text.splitlines() if line]
    assert lines == [
        "## Ansökan om statsbidrag",
        "Första stycket.",
        "- En åtgärd",
        "År 2025 | 5 mkr",
        "Efter tabellen.",
    ]


def test_sniff() -> None:
    assert sniff(make_pdf("x")) == PDF
    assert sniff(b"plain text") == "text/plain"
    assert sniff(b"\x00\x01\x02") is None


def test_empty() -> None:
    assert code_of(b"", "a.pdf") == "empty"
    assert code_of(b"   \n", "a.txt") == "empty"


def test_too_large(tmp_path: Path) -> None:
    assert code_of(b"x" * 101, "a.txt", max_bytes=100) == "too_large"
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(ReadError) as caught:
        extract_path(path, max_bytes=100)
    assert caught.value.code == "too_large"


def test_wrong_type(tmp_path: Path) -> None:
    assert code_of("Det här är text.".encode(), "beslut.pdf") == "wrong_type"
    assert code_of(make_pdf("x"), "beslut.docx") == "wrong_type"
    path = tmp_path / "b.docx"
    make_docx("Hej", path)
    assert code_of(path.read_bytes(), "b.pdf") == "wrong_type"
    assert code_of(make_pdf("x"), "b.txt") == "wrong_type"


def test_unsupported_type() -> None:
    assert code_of(b"GIF89a...", "bild.gif") == "unsupported_type"
    assert code_of(b"\x00\x01binary", "data") == "unsupported_type"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hej")
    assert code_of(buffer.getvalue(), "arkiv.zip") == "unsupported_type"


def test_encrypted_pdf() -> None:
    assert code_of(make_pdf(TEXT, encrypt_with="hemligt"), "a.pdf") == "encrypted"


def test_corrupt_pdf_and_docx() -> None:
    assert code_of(b"%PDF-1.7\nnot really a pdf\n%%EOF", "a.pdf") == "corrupt"
    # A .docx that is not a zip: text content is the wrong type, binary garbage is corrupt.
    assert code_of(b"this is not a zip file", "a.docx") == "wrong_type"
    assert code_of(b"\x00\x01\x02 garbage", "a.docx") == "corrupt"
    assert code_of(b"PK\x03\x04 truncated", "a.docx") == "corrupt"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<broken")
    assert code_of(buffer.getvalue(), "a.docx") == "broken_xml"


def test_scanned_pdf_without_text_layer() -> None:
    with pytest.raises(ReadError) as caught:
        read(make_blank_pdf(), "skannad.pdf")
    error = caught.value
    assert error.code == "no_text"
    assert "OCR" in error.message_sv and "textigenkänning" in error.message_sv.lower()
    assert "Word" in error.message_sv
