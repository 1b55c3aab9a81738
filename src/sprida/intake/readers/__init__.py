"""Document readers: bytes in, pages of text out; every failure is a ReadError with a code."""

from .errors import ReadError
from .registry import read_bytes, reader_for, register_reader
from .result import ReadResult

__all__ = ["ReadError", "ReadResult", "read_bytes", "reader_for", "register_reader"]
