"""Checks on a Word file's zip package and XML parts, made before any parser opens them.

A DOCX is a zip of XML parts. A small upload can unpack to gigabytes (a zip bomb), hold
hundreds of thousands of entries (each costs memory just to list), or carry a DTD whose
entities expand a few bytes into gigabytes ("billion laughs") or read files from the server
(external entities). Word never writes a DTD, so any part that declares one is refused;
python-docx then parses what is left without resolving entities.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Any
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import InputSource

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from .errors import ReadError, megabytes

MAX_PARTS = 1000  # a long report with many images has a few hundred
MAX_CENTRAL_DIRECTORY = 1024 * 1024  # bounds the memory zipfile spends listing the entries
MAX_UNPACKED = 50 * 1024 * 1024  # everything unpacked, images included
MAX_XML_PART = 10 * 1024 * 1024  # one XML part; a 300-page report's text is a few MB
MAX_RATIO = 100  # unpacked / packed, as Apache POI's zip bomb guard
RATIO_FROM = 1024 * 1024  # small parts may compress as well as they like

_EOCD = struct.Struct("<4s4H2LH")
_EOCD_SIGNATURE = b"PK\x05\x06"
_ZIP64_MARKS = (0xFFFF, 0xFFFFFFFF)


def _central_directory(data: bytes) -> tuple[int, int] | None:
    """(entries, size of the central directory) from the end record, found the way zipfile
    finds it; None when there is none."""
    start = len(data) - _EOCD.size
    if start < 0:
        return None
    if not (data[start:].startswith(_EOCD_SIGNATURE) and data[-2:] == b"\x00\x00"):
        start = data.rfind(_EOCD_SIGNATURE, max(0, len(data) - _EOCD.size - 0xFFFF))
        if start < 0 or start + _EOCD.size > len(data):
            return None
    fields = _EOCD.unpack_from(data, start)
    return fields[4], fields[5]


def check_central_directory(data: bytes) -> None:
    """Refuse a zip whose index alone would cost too much memory to read."""
    found = _central_directory(data)
    if found is None:
        return  # zipfile will call it damaged
    entries, size = found
    if entries in _ZIP64_MARKS or size in _ZIP64_MARKS:
        raise ReadError(
            "corrupt",
            "Word-filen är packad som ZIP64, vilket Word inte använder för dokument. "
            "Öppna den i Word och spara den igen.",
            "The Word file is packed as ZIP64, which Word does not use for documents. "
            "Open it in Word and save it again.",
        )
    if entries > MAX_PARTS or size > MAX_CENTRAL_DIRECTORY:
        raise _too_many_parts(entries)


def _too_many_parts(count: int) -> ReadError:
    return ReadError(
        "too_many_parts",
        f"Word-filen består av för många delar ({count}; högst {MAX_PARTS}). "
        "Så ser ett vanligt Word-dokument inte ut. Spara om den i Word och försök igen.",
        f"The Word file has too many parts ({count}; at most {MAX_PARTS}). "
        "Save it again in Word and retry.",
    )


def check_package(data: bytes) -> None:
    """Raise ReadError unless the zip is small enough to unpack and every XML part is free of
    DTDs and entity declarations."""
    check_central_directory(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise ReadError(
            "corrupt",
            "Word-filen är skadad och kan inte läsas.",
            "The Word file is damaged and cannot be read.",
        ) from error
    with archive:
        infos = archive.infolist()
        _check_sizes(infos)
        for info in infos:
            if _is_xml(info.filename):
                _check_xml(archive, info)


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise _too_many_parts(len(infos))
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED:
        raise ReadError(
            "unpacked_too_large",
            f"Word-filen blir {megabytes(total)} när den packas upp; högst "
            f"{megabytes(MAX_UNPACKED)} tas emot. Minska bilderna eller dela upp dokumentet.",
            f"The Word file unpacks to {total} bytes; at most {MAX_UNPACKED} are accepted. "
            "Shrink its images or split the document.",
        )
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReadError(
                "encrypted",
                "Word-filen är krypterad. Ta bort lösenordet och ladda upp den igen.",
                "The Word file is encrypted. Remove the password and upload it again.",
            )
        if info.file_size >= RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError(
                "compression_ratio",
                f"Delen {info.filename} i Word-filen packas upp mer än {MAX_RATIO} gånger "
                f"({megabytes(info.compress_size)} blir {megabytes(info.file_size)}). "
                "Så packar Word inte; filen tas inte emot.",
                f"The part {info.filename} unpacks more than {MAX_RATIO} times "
                f"({info.compress_size} bytes to {info.file_size}); Word does not pack "
                "like that, so the file is refused.",
            )
        if _is_xml(info.filename) and info.file_size > MAX_XML_PART:
            raise ReadError(
                "unpacked_too_large",
                f"Delen {info.filename} i Word-filen är {megabytes(info.file_size)} uppackad; "
                f"högst {megabytes(MAX_XML_PART)} tas emot. Dela upp dokumentet.",
                f"The part {info.filename} unpacks to {info.file_size} bytes; at most "
                f"{MAX_XML_PART} are accepted. Split the document.",
            )


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


class _RootReached(Exception):
    """A DTD can only come before the root element, so reading stops there."""


class _StopAtRoot(ContentHandler):
    def startElement(self, name: str, attrs: Any) -> None:
        raise _RootReached


def _check_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(_StopAtRoot())
    try:
        with archive.open(info) as stream:
            source = InputSource(info.filename)
            source.setByteStream(stream)
            parser.parse(source)
    except _RootReached:
        return
    except DefusedXmlException as error:
        raise ReadError(
            "xml_declarations",
            f"Delen {info.filename} i Word-filen innehåller en DTD eller entitetsdeklarationer. "
            "Word skriver aldrig sådana, och de kan användas för att angripa servern; "
            "filen tas inte emot. Spara om dokumentet i Word och försök igen.",
            f"The part {info.filename} declares a DTD or entities. Word never writes those "
            "and they can be used to attack the server, so the file is refused.",
        ) from error
    except (
        SAXParseException,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        NotImplementedError,
    ) as error:
        raise broken_xml(info.filename) from error
    raise broken_xml(info.filename)  # no root element at all


def broken_xml(part: str | None = None) -> ReadError:
    where = f" ({part})" if part else ""
    return ReadError(
        "broken_xml",
        f"Word-filen innehåller felaktig XML{where} och kan inte läsas. "
        "Öppna den i Word, spara den igen och ladda upp den nya filen.",
        f"The Word file holds malformed XML{where} and cannot be read. "
        "Open it in Word, save it again and upload the new file.",
    )
