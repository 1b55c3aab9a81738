"""Readers chosen by media type (after paperless-ngx's parser registry)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from .detect import DOCX, MARKDOWN, PDF, TEXT, detect
from .docx import read_docx
from .errors import ReadError, too_large
from .pdf import read_pdf
from .result import ReadResult
from .text import read_text

Reader = Callable[[bytes], list[str]]
logger = logging.getLogger(__name__)

_READERS: dict[str, Reader] = {PDF: read_pdf, DOCX: read_docx, TEXT: read_text, MARKDOWN: read_text}


def register_reader(media_type: str, reader: Reader) -> None:
    _READERS[media_type] = reader


def reader_for(media_type: str) -> Reader | None:
    return _READERS.get(media_type)


def read_bytes(data: bytes, *, filename: str | None, max_bytes: int) -> ReadResult:
    """Check size and type, then read ``data`` into pages of text."""
    if not data:
        raise ReadError("empty", "Filen är tom.", "The file is empty.")
    if len(data) > max_bytes:
        raise too_large(max_bytes, len(data))
    try:
        media_type = detect(data, filename)
        reader = reader_for(media_type)
        if reader is None:
            raise ReadError(
                "unsupported_type",
                "Filtypen stöds inte. Ladda upp en PDF, en Word-fil (.docx) eller en textfil.",
                f"The media type {media_type} is not supported.",
            )
        pages = reader(data)
    except ReadError:
        raise
    except Exception as error:
        # Parsers meet hostile input; whatever they raise, the file is the cause, not the server.
        logger.warning("A reader failed on %r", filename, exc_info=error)
        raise ReadError(
            "unreadable",
            "Filen kunde inte läsas. Den kan vara skadad eller sparad på ett ovanligt sätt. "
            "Öppna den i programmet den skapades i, spara den igen och ladda upp den nya filen.",
            "The file could not be read; it may be damaged or saved in an unusual way. "
            "Save it again in the program that made it and upload the new file.",
        ) from error
    if not any(page.strip() for page in pages):
        raise ReadError("empty", "Filen innehåller ingen text.", "The file contains no text.")
    return ReadResult(media_type, pages, hashlib.sha256(data).hexdigest())
