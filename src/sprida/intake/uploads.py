"""Uploads held to the size limit while they stream in, for every form and the API.

`SizeLimitUploadHandler` runs first among Django's upload handlers (settings.py). It counts
each file's bytes as they arrive; past SPRIDA_MAX_UPLOAD_BYTES it passes no more on, so
neither memory nor a temporary file ever holds more than the limit, and the file arrives as
a `TooLargeUpload` that says how much had come when it stopped. The other files in the same
request are received as usual: one file too many megabytes never costs the others.
"""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler

from sprida.intake.readers.errors import too_large


class TooLargeUpload(UploadedFile):
    """What is left of a file that went past the limit: its name and the size when cut."""

    too_large = True

    def __init__(self, name: str, content_type: str, received: int, charset: str | None) -> None:
        super().__init__(io.BytesIO(b""), name, content_type, received, charset)


class SizeLimitUploadHandler(FileUploadHandler):
    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0
        self.cut = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.cut or self.received > settings.SPRIDA_MAX_UPLOAD_BYTES:
            self.cut = True
            return None  # the handlers after this one see no more of this file
        return raw_data

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if not self.cut:
            return None  # the next handler (memory or temporary file) returns the file
        return TooLargeUpload(
            self.file_name or "", self.content_type or "", self.received, self.charset
        )


def upload_bytes(upload: UploadedFile, *, max_bytes: int | None = None) -> bytes:
    """The upload's content, never more than the limit; ReadError("too_large") past it."""
    limit = settings.SPRIDA_MAX_UPLOAD_BYTES if max_bytes is None else max_bytes
    if getattr(upload, "too_large", False):
        raise too_large(limit, upload.size)
    if upload.size is not None and upload.size > limit:
        raise too_large(limit, upload.size)
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise too_large(limit)
    return data
