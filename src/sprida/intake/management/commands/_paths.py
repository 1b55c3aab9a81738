"""Files named on the command line: files as given, folders walked for supported documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown"}


def document_paths(args: list[str]) -> Iterator[Path]:
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            yield path
