"""One exception for every way a document can fail to be read, with stable codes."""

from __future__ import annotations

CODES = ("empty", "too_large", "wrong_type", "unsupported_type", "encrypted", "corrupt", "no_text")


class ReadError(Exception):
    """A document that cannot be read. ``code`` is stable; the messages are for people."""

    def __init__(self, code: str, message_sv: str, message_en: str) -> None:
        if code not in CODES:
            raise ValueError(f"unknown read error code {code!r}")
        super().__init__(message_en)
        self.code = code
        self.message_sv = message_sv
        self.message_en = message_en

    def __repr__(self) -> str:
        return f"ReadError({self.code!r}, {self.message_sv!r}, {self.message_en!r})"
