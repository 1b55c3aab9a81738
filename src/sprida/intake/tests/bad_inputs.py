"""Bad input, generated at test time: every file a hostile or careless uploader might send.

Each case names the file, builds its bytes, and says what Sprida must answer: the reader's
error code (None when the file is received) and the HTTP status of the page and the API.
Builders are cached per process, so the slow ones (the zip bomb) are made once.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import docx

from .render import make_blank_pdf, make_pdf

LIMIT = 2 * 1024 * 1024  # the upload limit the corpus tests run with: the bomb fits under it
TEXT = (
    "Beslut om statsbidrag\n\nEffektivitetsdelegationen beviljar Region Örebro län "
    "statsbidrag med 5 000 000 kronor för åtgärden Digital vårdplanering.\n"
)
BOMB_UNPACKED = 1 << 30  # the finding: a 1 MB DOCX whose document.xml expands to 1 GB

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@cache
def plain_docx(text: str = TEXT) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def docx_with_document_xml(xml: bytes) -> bytes:
    """A real Word file (from python-docx) with word/document.xml replaced."""
    parts = _parts(plain_docx())
    parts["word/document.xml"] = xml
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _body(inner: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W}"><w:body>{inner}</w:body></w:document>'
    ).encode()


def docx_broken_xml() -> bytes:
    whole = _parts(plain_docx())["word/document.xml"]
    return docx_with_document_xml(whole[: len(whole) // 2])  # the end tags are gone


def docx_entity_expansion() -> bytes:
    """Billion laughs: ten levels of ten, a few hundred bytes that expand to gigabytes."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<!DOCTYPE w:document [{''.join(levels)}]>\n"
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return docx_with_document_xml(xml.encode())


def docx_external_entity(target: str = "file:///etc/passwd") -> bytes:
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "{target}">]>\n'
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return docx_with_document_xml(xml.encode())


def _raw_deflate(data: bytes, final: bool) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    flush = zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    return compressor.compress(data) + compressor.flush(flush)


def _zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip from (name, raw deflate stream, CRC-32, unpacked size), written by hand so an
    entry can be far larger unpacked than anything we hold in memory."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, stream, crc, size in entries:
        encoded, offset = name.encode(), out.tell()
        sizes = (crc, len(stream), size, len(encoded))
        out.write(b"PK\x03\x04" + struct.pack("<5H3L2H", 20, 0, 8, 0, 0x21, *sizes, 0))
        out.write(encoded + stream)
        central.write(
            b"PK\x01\x02"
            + struct.pack("<6H3L5H2L", 20, 20, 0, 8, 0, 0x21, *sizes, 0, 0, 0, 0, 0, offset)
            + encoded
        )
    directory, start, count = central.getvalue(), out.tell(), len(entries)
    out.write(directory)
    out.write(b"PK\x05\x06" + struct.pack("<4H2LH", 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()


@cache
def docx_bomb(unpacked: int = BOMB_UNPACKED) -> bytes:
    """A valid DOCX whose word/document.xml unpacks to ``unpacked`` bytes of real paragraphs,
    built from one compressed block repeated, so making it never needs the unpacked bytes."""
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="{_W}"><w:body>'.encode()
    tail = b"</w:body></w:document>"
    paragraph = b"<w:p><w:r><w:t>" + b"A" * 65_000 + b"</w:t></w:r></w:p>"
    chunk = paragraph * ((1 << 20) // len(paragraph))
    repeats = max(1, -(-(unpacked - len(head) - len(tail)) // len(chunk)))  # rounded up
    block = _raw_deflate(chunk, final=False)
    stream = _raw_deflate(head, final=False) + block * repeats + _raw_deflate(tail, final=True)
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * repeats + len(tail)
    entries = []
    for name, content in _parts(plain_docx()).items():
        if name != "word/document.xml":
            entries.append((name, _raw_deflate(content, True), zlib.crc32(content), len(content)))
    entries.append(("word/document.xml", stream, crc, size))
    return _zip(entries)


def random_bytes(size: int = 4096, seed: int = 11) -> bytes:
    data = bytearray(random.Random(seed).randbytes(size))
    data[100] = 0  # binary for certain, whatever the seed gives
    return bytes(data)


def executable() -> bytes:
    """The start of a Windows program: MZ header, DOS stub, PE signature."""
    header = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 44
    stub = b"\x0e\x1f\xba\x0e\x00\xb4\t\xcd!This program cannot be run in DOS mode.\r\r\n$"
    return header + struct.pack("<L", 64 + len(stub)) + stub + b"PE\x00\x00" + b"\x00" * 512


def truncated_pdf() -> bytes:
    whole = make_pdf(TEXT * 20)
    return whole[: len(whole) // 2]


@dataclass(frozen=True)
class Case:
    """One bad input and the answer Sprida must give to it."""

    id: str
    filename: str
    build: Callable[[], bytes]
    code: str  # the reader's error code, also the API problem's code
    api_status: int  # the single-file API upload's status
    says: str  # what the Swedish message says, in part

    @property
    def page_status(self) -> int:
        return 413 if self.code == "too_large" else 400

    @property
    def data(self) -> bytes:
        return _built(self.build)


@cache
def _built(build: Callable[[], bytes]) -> bytes:
    return build()


def _encrypted_pdf() -> bytes:
    return make_pdf(TEXT, encrypt_with="hemligt")


def _over_limit() -> bytes:
    return (TEXT * (LIMIT // len(TEXT) + 2)).encode()


# fmt: off
CASES: tuple[Case, ...] = (
    Case("empty", "tom.txt", lambda: b"", "empty", 422, "Filen är tom"),
    Case("one-byte", "kort.pdf", lambda: b"%", "wrong_type", 415, "men innehållet är text"),
    Case("random-bytes-named-pdf", "beslut.pdf", random_bytes, "corrupt", 422, "skadad"),
    Case("image-only-pdf", "skannad.pdf", make_blank_pdf, "no_text", 422, "bara bilder"),
    Case("encrypted-pdf", "hemlig.pdf", _encrypted_pdf, "encrypted", 422, "lösenordsskyddad"),
    Case("truncated-pdf", "avbruten.pdf", truncated_pdf, "corrupt", 422, "slutet saknas"),
    Case("over-the-limit", "stor.txt", _over_limit, "too_large", 413, "för stor"),
    Case("docx-zip-bomb", "bomb.docx", docx_bomb, "unpacked_too_large", 422, "packas upp"),
    Case("docx-broken-xml", "trasig.docx", docx_broken_xml, "broken_xml", 422, "felaktig XML"),
    Case("docx-entity-expansion", "skratt.docx", docx_entity_expansion, "xml_declarations",
         422, "entitetsdeklarationer"),
    Case("docx-external-entity", "extern.docx", docx_external_entity, "xml_declarations",
         422, "entitetsdeklarationer"),
    Case("executable-renamed", "beslut.pdf", executable, "wrong_type", 415, "är ett program"),
    Case("executable", "program.exe", executable, "unsupported_type", 415, ".exe stöds inte"),
)
# fmt: on
