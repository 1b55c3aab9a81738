"""One exception for every way a document can fail to be read, with stable codes."""

from __future__ import annotations

CODES = (
    "empty",
    "too_large",
    "wrong_type",
    "unsupported_type",
    "encrypted",
    "corrupt",
    "no_text",
    # A Word file's zip package or XML that is refused before any parser sees it.
    "too_many_parts",
    "unpacked_too_large",
    "compression_ratio",
    "xml_declarations",
    "broken_xml",
    # A parser failed in a way no check above foresaw; the file is still the cause.
    "unreadable",
)


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


def megabytes(size: int) -> str:
    """A size for people: 20 MB, with a decimal comma."""
    return f"{size / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def too_large(max_bytes: int, size: int | None = None) -> ReadError:
    """The file is over the limit; ``size`` is None when reading stopped at the limit."""
    if size is None:
        sv = f"Filen är större än {megabytes(max_bytes)}, som är den största storlek som tas emot."
        en = f"The file is larger than the limit of {max_bytes} bytes."
    else:
        sv = (
            f"Filen är för stor ({megabytes(size)}). "
            f"Största tillåtna storlek är {megabytes(max_bytes)}."
        )
        en = f"The file is too large ({size} bytes); the limit is {max_bytes} bytes."
    return ReadError("too_large", sv + " Dela upp dokumentet eller minska bilderna i det.", en)
