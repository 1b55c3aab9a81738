"""Sniff the real media type from the bytes and compare it with the file name."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from .errors import ReadError
from .ooxml import check_central_directory

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
MARKDOWN = "text/markdown"

EXTENSIONS = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
}
PROGRAM = "application/x-executable"
OLE = "application/x-ole-storage"  # the old .doc format, or an encrypted Office file
_LABELS = {PDF: "PDF", DOCX: "Word (DOCX)", TEXT: "text", MARKDOWN: "text"}
# Windows, Linux and macOS programs; never a document, whatever the name says.
_PROGRAM_MAGIC = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str | None:
    """The media type the content really has, or None when it is none we read."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf\r\n\t ")
    if head.startswith(b"%PDF-"):
        return PDF
    if data.startswith(_PROGRAM_MAGIC) and b"\x00" in data[:64]:
        return PROGRAM
    if data.startswith(_OLE_MAGIC):
        return OLE
    if data.startswith(b"PK\x03\x04"):
        check_central_directory(data)  # listing a huge index would cost the memory we guard
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return "application/zip"
        return DOCX if "word/document.xml" in names else "application/zip"
    if b"\x00" in data[:4096]:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return None
    return TEXT


def detect(data: bytes, filename: str | None) -> str:
    """The media type to read ``data`` as; raises ReadError when name and content disagree."""
    extension = PurePath(filename).suffix.lower() if filename else ""
    claimed = EXTENSIONS.get(extension)
    real = sniff(data)
    if extension and claimed is None:
        raise ReadError(
            "unsupported_type",
            f"Filtypen {extension} stöds inte. "
            "Ladda upp en PDF, en Word-fil (.docx) eller en textfil.",
            f"The file type {extension} is not supported. "
            "Upload a PDF, a Word file (.docx) or text.",
        )
    if real == PROGRAM:
        raise ReadError(
            "wrong_type",
            "Filen är ett program (en körbar fil), inte ett dokument, vad namnet än säger. "
            "Program tas aldrig emot; ladda upp dokumentet som PDF, Word-fil eller text.",
            "The file is a program (an executable), not a document, whatever its name says. "
            "Programs are never accepted.",
        )
    if real == OLE:
        raise ReadError(
            "unsupported_type",
            "Filen är ett Word-dokument i det äldre formatet (.doc) eller ett lösenordsskyddat "
            "Office-dokument. Spara det som .docx utan lösenord och ladda upp det igen.",
            "The file is a Word document in the old .doc format or a password-protected "
            "Office file. Save it as .docx without a password and upload it again.",
        )
    if real is None or real == "application/zip":
        if claimed in (PDF, DOCX):
            raise ReadError(
                "corrupt",
                f"Filen ser ut att vara skadad och kan inte läsas som {_LABELS[claimed]}.",
                f"The file seems damaged and cannot be read as {_LABELS[claimed]}.",
            )
        raise ReadError(
            "unsupported_type",
            "Filens innehåll är av en typ som inte stöds.",
            "The file's content is of a type that is not supported.",
        )
    if claimed is None:
        return real
    if claimed in (TEXT, MARKDOWN) and real == TEXT:
        return claimed
    if claimed != real:
        raise ReadError(
            "wrong_type",
            f"Filen heter {extension} men innehållet är {_LABELS.get(real, real)}. "
            "Kontrollera att rätt fil har laddats upp.",
            f"The file is named {extension} but its content is {_LABELS.get(real, real)}.",
        )
    return real
