"""Read a file and extract it into a dict that validates against schema sprida.extraction/v1."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from .extraction import extract_text
from .readers import read_bytes

_SCHEMA = Path(__file__).resolve().parent / "schemas" / "extraction-v1.schema.json"


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def extract_bytes(data: bytes, *, name: str, max_bytes: int) -> dict[str, Any]:
    read = read_bytes(data, filename=name, max_bytes=max_bytes)
    text = read.text
    source = {
        "path": name,
        "sha256": read.sha256,
        "media_type": read.media_type,
        "pages": len(read.pages) if read.media_type == "application/pdf" else None,
        "chars": len(text),
    }
    result = extract_text(text, source=source).to_schema_dict()
    _validator().validate(result)
    return result


def extract_path(path: Path, *, max_bytes: int) -> dict[str, Any]:
    """Read ``path``, extract and validate; source.path is the path as given."""
    path = Path(path)
    from .readers import ReadError

    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError(
            "too_large",
            f"Filen är för stor ({size} byte). Största tillåtna storlek är {max_bytes} byte.",
            f"The file is too large ({size} bytes); the limit is {max_bytes} bytes.",
        )
    result = extract_bytes(path.read_bytes(), name=path.name, max_bytes=max_bytes)
    result["source"]["path"] = str(path)
    return result
