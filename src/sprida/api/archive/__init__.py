"""Backup and open archive of the whole database: see ARCHIVE.md beside the api app."""

FORMAT = "sprida-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_DIR = "data/"
FILES_DIR = "files/"


class ArchiveError(Exception):
    """The archive cannot be written or restored; the message says why and what to do."""
