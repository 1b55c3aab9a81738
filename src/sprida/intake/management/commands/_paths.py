"""Files named on the command line, read safely.

A path given on the command line is read as given (the operator chose it, links included).
Inside a folder only regular files are read: a symbolic link is never followed (it could
lead anywhere on the server), and a named pipe, socket or device is never opened for
reading, so a folder can neither leak a system file nor make the command hang.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sprida.intake.readers.errors import too_large

SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown"}


@dataclass(frozen=True)
class Found:
    path: Path
    inside_folder: bool = False
    skipped: str = ""  # why it is not read, in Swedish; "" when it is to be read


class NotReadable(Exception):
    """A path that is not a regular file; the message says what it is, in Swedish."""


def document_paths(args: list[str]) -> Iterator[Found]:
    for arg in args:
        path = Path(arg)
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except OSError as error:
            yield Found(path, skipped=f"kan inte läsas ({error.strerror})")
            continue
        if is_dir:
            yield from _walk(path)
        else:
            yield Found(path)


def _walk(root: Path) -> Iterator[Found]:
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in sorted([*dirnames, *filenames]):
            path = Path(folder, name)
            try:
                mode = path.lstat().st_mode
            except OSError as error:
                yield Found(path, True, f"kan inte läsas ({error.strerror})")
                continue
            if stat.S_ISLNK(mode):
                yield Found(path, True, "symbolisk länk; länkar i en mapp följs aldrig")
            elif stat.S_ISDIR(mode) or path.suffix.lower() not in SUFFIXES:
                continue
            elif not stat.S_ISREG(mode):
                yield Found(path, True, _kind(mode) + "; bara vanliga filer läses")
            else:
                yield Found(path, True)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "en namngiven pipe"
    if stat.S_ISSOCK(mode):
        return "en socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "en enhetsfil"
    return "inte en vanlig fil"


def read_file(found: Found, *, max_bytes: int) -> bytes:
    """The file's bytes, at most ``max_bytes`` (ReadError "too_large" past them).

    Opened without blocking (a named pipe answers at once instead of waiting for a writer)
    and, inside a folder, without following a link; then checked to be a regular file."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if found.inside_folder:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(found.path, flags)
    except OSError as error:
        raise NotReadable(f"kan inte läsas ({error.strerror})") from error
    with os.fdopen(fd, "rb") as file:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotReadable(_kind(mode) + "; bara vanliga filer läses")
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise too_large(max_bytes, size)
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return data


def shown(path: Path) -> str:
    """The path for a terminal: control characters escaped, so a name cannot rewrite it."""
    return "".join(ch if ch.isprintable() else _escaped(ord(ch)) for ch in str(path))


def _escaped(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
