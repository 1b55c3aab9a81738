"""Plain text and Markdown: UTF-8, falling back to Windows-1252 (old Word exports)."""

from __future__ import annotations

from .errors import ReadError


def read_text(data: bytes) -> list[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise ReadError(
                "corrupt",
                "Textfilen har en teckenkodning som inte kan läsas "
                "(varken UTF-8 eller Windows-1252).",
                "The text file's encoding cannot be read (neither UTF-8 nor Windows-1252).",
            ) from error
    # Form feeds are page breaks in text exports.
    return text.split("\f")
