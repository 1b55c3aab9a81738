"""What a reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReadResult:
    media_type: str
    pages: list[str] = field(default_factory=list)
    sha256: str = ""

    @property
    def text(self) -> str:
        """All pages; a form feed marks each page break (the extractor treats it as a paragraph)."""
        return "\f".join(self.pages)
