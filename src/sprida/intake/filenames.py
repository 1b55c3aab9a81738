"""File names from outside: the name people see (cleaned) and the name the storage gets.

A name comes from a browser, an API client or a file system, so it may carry folders
("../../etc/passwd"), control characters, direction overrides that disguise an extension
("fakturaexe.pdf" shown backwards), undecodable bytes, or be longer in bytes than file
systems allow (255 bytes: 200 "é" is 400).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

DEFAULT_NAME = "dokument"
MAX_NAME_CHARS = 255  # Document.original_name
# Storage names stay far below the file system's 255 bytes, leaving room for the suffix the
# storage adds when a name is taken ("_AbC1234").
MAX_STORAGE_BYTES = 120
_DROPPED = {"Cc", "Cf"}  # control and format characters, direction overrides among them
_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,10}$")


def _suffix(name: str) -> tuple[str, str]:
    suffix = PurePosixPath(name).suffix
    if suffix and _SUFFIX.match(suffix) and len(suffix) < len(name):
        return name[: -len(suffix)], suffix.lower()
    return name, ""


def clean_file_name(name: str | None) -> str:
    """The last part of the name, without control characters, at most 255 characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(
        "\ufffd" if unicodedata.category(ch) == "Cs" else ch  # undecodable bytes
        for ch in base
        if unicodedata.category(ch) not in _DROPPED
    )
    base = " ".join(base.split()).strip(" .")
    stem, suffix = _suffix(base)
    if not stem:
        return DEFAULT_NAME + suffix
    return stem[: MAX_NAME_CHARS - len(suffix)].rstrip(" .") + suffix


def storage_name(name: str) -> str:
    """A name safe on any file system: letters, digits, - _ . only, at most 120 bytes."""
    stem, suffix = _suffix(clean_file_name(name))
    stem = re.sub(r"(?u)[^-\w.]", "", stem.replace(" ", "_")).strip(".")
    stem = stem.encode()[: MAX_STORAGE_BYTES - len(suffix)].decode(errors="ignore")
    return (stem or DEFAULT_NAME) + suffix
